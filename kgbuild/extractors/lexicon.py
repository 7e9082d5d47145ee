"""Language data for the extractors: cue words, speaker words, hedges.

Each language has a folder in ``kgbuild/lexicons/<lang>/`` with three TOML files (``cues.toml``,
``sources.toml``, ``hedges.toml``) whose comments document their tables. They are read once per
process with :mod:`importlib.resources`, so they ship inside the wheel. A user extends a language
without touching code by passing more TOML files with the same tables to :func:`load_lexicon`
(``extra=[path]``); their entries are added and, for a lemma already known, win.
"""

from __future__ import annotations

import functools
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

ACTS: tuple[str, ...] = ("assert", "deny", "accuse", "report", "believe", "demand", "promise")
SOURCE_KINDS: tuple[str, ...] = ("person", "organisation", "document")
_FILES: tuple[str, ...] = ("cues.toml", "sources.toml", "hedges.toml")
_REFLEXIVE = ("se ", "s'", "s’")
# Plain word lists of ``[grammar]`` (cues.toml) and of sources.toml, read into the Lexicon field of that name.
_GRAMMAR_WORD_SETS: tuple[str, ...] = (
    "dative_cases",
    "demand_markers",
    "infinitive_markers",
    "reflexive_pronouns",
    "reflexive_before_auxiliary",
    "passive_auxiliaries",
    "agent_markers",
    "topic_prepositions",
    "source_partitives",
    "naming_verbs",
    "clause_verbs",
    "negative_subjects",
    "auxiliaries",
    "sequence_markers",
    "fronting_markers",
    "venue_cases",
    "quoted_as",
    "learning_verbs",
    "learning_cases",
    "informant_cases",
    "partitive_cases",
    "content_negations",
    "negation_openers",
    "next_act_adverbs",
)
_SOURCE_WORD_SETS: tuple[str, ...] = (
    "feminine_words",
    "masculine_words",
    "not_sources",
    "speaks_for",
    "outlets",
    "located_words",
    "institutions",
    "organisation_words",
    "ministries",
    "ministers",
    "portfolio_prepositions",
    "place_words",
    "place_links",
    "platform_names",
    "name_articles",
    "not_names",
    "indefinite_subjects",
    "indefinite_hosts",
)


class LexiconError(ValueError):
    """A language data file is missing, unreadable or malformed."""


@dataclass(frozen=True, slots=True)
class VerbCue:
    """One verbal cue: a lemma, optionally reflexive, optionally followed by more words."""

    lemma: str  # the entry as written in the lexicon: "s'alarmer", "faire état", "point out"
    head: str  # lemma of the verb itself: "alarmer", "faire", "point"
    act: str
    reflexive: bool = False
    tail: tuple[str, ...] = ()  # words after the verb, compared with lemmas or lower-cased forms
    weak: bool = False  # needs a speaker-like subject and clausal or quoted content


@dataclass(frozen=True, slots=True)
class Lexicon:
    lang: str
    verbs: Mapping[str, tuple[VerbCue, ...]]  # head lemma -> cues, longest tail first
    prepositions: Mapping[str, str]  # "selon" -> act, lower-cased
    adverbs: Mapping[str, str]  # "reportedly" -> act: cues that attribute their sentence without a source
    nouns: Mapping[str, str]  # "claim" -> act: nouns whose possessor says what follows them
    pronouns: Mapping[str, str]  # "il" -> "ms"
    relative_pronouns: frozenset[str]
    speaker_pronouns: frozenset[str]
    titles: frozenset[str]
    determiners: frozenset[str]
    descriptions: Mapping[str, str]  # head noun -> "person" | "organisation" | "document"
    anonymous_heads: frozenset[str]
    anonymous_indefinite: frozenset[str]
    anonymous_anaphoric: frozenset[str]
    anonymous_expressions: tuple[str, ...]
    anonymous_always: frozenset[str]
    hedge_adverbs: frozenset[str]
    hedge_adjectives: frozenset[str]
    hedge_phrases: tuple[str, ...]  # multi-word hedges ("semble-t-il", "selon toute vraisemblance")
    conditional_mood: bool
    modals: frozenset[str]
    initial_prepositions: Mapping[str, str] = field(default_factory=dict)  # "pour" -> act
    # "in" -> act: a preposition that attributes its clause to its object when that is one of
    # ``document_objects`` ("In a CNN poll, 50 percent chose Clinton")
    document_prepositions: Mapping[str, str] = field(default_factory=dict)
    document_objects: frozenset[str] = frozenset()
    relay_verbs: frozenset[str] = frozenset()  # entries of verbs that pass on another source's words
    complementizers: frozenset[str] = frozenset()
    inverted_clitics: frozenset[str] = frozenset()
    lemma_suffixes: tuple[tuple[str, str], ...] = ()
    strict_reflexives: bool = False  # a reflexive verb is a cue only when listed with its pronoun
    subject_first_incise: bool = False  # '"P," he said': an inverted cue may keep its subject first
    relative_source: str = "pronoun"  # source span of "qui"/"who": "pronoun" or "antecedent"
    time_words: frozenset[str] = frozenset()  # not speakers after an inverted cue ("a dit mardi X")
    comparatives: frozenset[str] = frozenset()  # "comme le rapporte X", "as X reported"
    gerund_markers: frozenset[str] = frozenset()  # the "en" of "en se référant à"
    verb_forms: Mapping[str, str] = field(default_factory=dict)  # irregular forms taggers misread -> lemma
    sourceless: frozenset[str] = frozenset()  # cues that attribute without a source in the passive
    nested: bool = True  # report attributions found inside another one's content
    weak_needs_clause: bool = False  # weak cues count only with a clause, a quote or object + infinitive
    join_quotes: bool = False  # '"A," she said. "B."': content spans A and B (else the longer one)
    # "X estime que P, tout en regrettant Q": Q is X's next act, which ends P (else P runs on and holds it)
    split_next_acts: bool = False
    next_act_adverbs: frozenset[str] = frozenset()  # the "tout" of "P tout en regrettant Q": joins the acts
    impersonal_verbs: frozenset[str] = frozenset()  # "il semble que": an expletive subject, no source
    impersonal_subjects: frozenset[str] = frozenset()  # "il", "it"
    participle_links: frozenset[str] = (
        frozenset()
    )  # "considéré comme", "accusé de": what a participle cue needs
    object_clitics: frozenset[str] = frozenset()  # the "le" of "comme le rapporte X"
    dative_clitics: frozenset[str] = frozenset()  # the "lui" of '"P", lui a répondu X': whom, not who
    relay_phrases: Mapping[str, str] = field(default_factory=dict)  # "cité par" -> "citer"
    acts_of_lemma: Mapping[str, str] = field(default_factory=dict)  # entry -> act, for cue_act lookups
    definite_determiners: frozenset[str] = frozenset()  # "le", "the": a description of someone named before
    idioms: tuple[str, ...] = ()  # phrases with a cue word that attribute nothing ("c'est-à-dire")
    addressee_verbs: frozenset[str] = (
        frozenset()
    )  # whose direct object is whom they address ("told the crowd")
    dative_cases: frozenset[str] = (
        frozenset()
    )  # "à", "auprès", "to": the addressee of a cue ("told to reporters")
    demand_markers: frozenset[str] = frozenset()  # "à", "to": what a demand asks for ("appelés à rester")
    infinitive_markers: frozenset[str] = frozenset()  # "de", "à": an infinitive complement ("refuse de dire")
    reflexive_pronouns: frozenset[str] = frozenset()  # "se", "nous": part of the verb group ("se sont dit")
    reflexive_before_auxiliary: frozenset[str] = frozenset()  # "se" of "se sont dit", past the auxiliary
    passive_auxiliaries: frozenset[str] = frozenset()  # "être": "est-il accusé" is passive, "a-t-il dit" not
    agent_markers: frozenset[str] = frozenset()  # "par", "by": who holds a cue noun ("une plainte de X")
    topic_prepositions: frozenset[str] = frozenset()  # "about", "against": what a cue noun is about
    source_partitives: frozenset[str] = frozenset()  # the "de" left out of "de sources proches du dossier"
    quoted_as: frozenset[str] = frozenset()  # "X was quoted as saying": X speaks
    venue_cases: frozenset[str] = frozenset()  # "sur", "on": where a source spoke ("sur Sud Radio")
    fronting_markers: frozenset[str] = frozenset()  # "après avoir affirmé que P, X ...": X speaks
    sequence_markers: frozenset[str] = frozenset()  # "avant d'ajouter": a cue in the infinitive goes on
    auxiliaries: frozenset[str] = frozenset()  # "avoir", "être": the verbs that are auxiliaries
    negative_subjects: frozenset[str] = frozenset()  # "rien ne met en cause": nobody claims
    clause_verbs: frozenset[str] = frozenset()  # cues only with a clause or a quote ("soutient que P")
    learning_verbs: frozenset[str] = frozenset()  # "apprendre": whom it names after it is a source
    learning_cases: frozenset[str] = frozenset()  # "auprès", "from": the words before that source
    informant_cases: frozenset[str] = frozenset()  # "auprès": whoever follows is a source, a common noun too
    partitive_cases: frozenset[str] = frozenset()  # "de", "of": the group of "l'un de ses proches"
    # "ne", "pas", "rien": a negation between a cue and its content that opens with a negation_opener ("ne")
    # is the content's own ("assure ne pas être P")
    content_negations: frozenset[str] = frozenset()
    negation_openers: frozenset[str] = frozenset()
    naming_verbs: frozenset[str] = frozenset()  # "a group called X": a participle that names, not a cue
    # cue lemma -> object lemmas with which it means something else ("accuse un recul", "claimed 21 lives")
    object_idioms: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # cue lemma -> subject lemmas with which it is an act, not words ("le tribunal a condamné X à deux ans")
    subject_idioms: Mapping[str, frozenset[str]] = field(default_factory=dict)
    not_sources: frozenset[str] = frozenset()  # "selon deux critères": heads that are a manner, not a source
    speaks_for: frozenset[str] = frozenset()  # "porte-parole", "spokesman": who speaks for the body named
    outlets: frozenset[str] = frozenset()  # "le quotidien", "the paper": may name an outlet that relays
    feminine_words: frozenset[str] = frozenset()  # "la", "mme", "she": a source is a woman
    masculine_words: frozenset[str] = frozenset()  # "le", "m.", "he": a source is a man
    # "based", "basée": with what hangs on it, a modifier that says where a body is, not which one it is
    # ("the Britain-based monitor", "l'ONG basée à Londres")
    located_words: frozenset[str] = frozenset()
    # "la police", "the government": descriptions that name an institution of their own, never the last body
    # named (only one described with the same word)
    institutions: frozenset[str] = frozenset()
    # "Observatory", "Front", "Conseil": the head word of a name that makes it a body's name
    organisation_words: frozenset[str] = frozenset()
    # "ministère", "ministry": the body whose portfolio follows ("ministère de la Santé")
    ministries: frozenset[str] = frozenset()
    # "ministre", "minister": the office whose portfolio follows ("ministre de la Culture")
    ministers: frozenset[str] = frozenset()
    # "de", "of": the prepositions between an office and its portfolio
    portfolio_prepositions: frozenset[str] = frozenset()
    # "town", "ville": a name after one of these and a place_links word ("the town of Khan Sheikhun", "la
    # ville de Hama"), or before one ("Idlib province"), is a place
    place_words: frozenset[str] = frozenset()
    place_links: frozenset[str] = frozenset()  # "of", "de"
    # "instagram", "twitter": names of platforms, which recognizers read as places ("sur Instagram")
    platform_names: frozenset[str] = frozenset()
    # "le", "the": articles that are part of a name where they are capitalised inside a sentence ("Le Parisien")
    name_articles: frozenset[str] = frozenset()
    # "état", "république": capitalised common nouns that are no names on their own
    not_names: frozenset[str] = frozenset()
    # "ais", "ains", "iens": endings of a people's name ("les Français", "les Américains")
    demonym_endings: tuple[str, ...] = ()
    # "on": a subject that names no one ("a-t-on appris auprès des pompiers": the article's own voice)
    indefinite_subjects: frozenset[str] = frozenset()
    # "du côté de", "chez": phrases before an indefinite subject that name whom it speaks for
    indefinite_hosts: frozenset[str] = frozenset()

    def verb_cues(self, head_lemma: str) -> tuple[VerbCue, ...]:
        return self.verbs.get(head_lemma, ())


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case, with typographic apostrophes made plain, for comparisons with lexicon entries."""
    return unicodedata.normalize("NFC", text).replace("’", "'").casefold()


def _read_package_file(lang: str, name: str) -> dict[str, Any]:
    folder = resources.files("kgbuild.lexicons").joinpath(lang)
    if not folder.is_dir():
        known = ", ".join(sorted(p.name for p in resources.files("kgbuild.lexicons").iterdir() if p.is_dir()))
        raise LexiconError(f"no lexicon for language {lang!r} (known: {known or 'none'})")
    source = folder.joinpath(name)
    if not source.is_file():
        return {}
    return _parse(source.read_text(encoding="utf-8"), f"kgbuild/lexicons/{lang}/{name}")


def _parse(text: str, where: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise LexiconError(f"{where}: not valid TOML: {err}") from err


def _strings(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LexiconError(f"{where}: expected a list of strings")
    return [fold(v).strip() for v in value if v.strip()]


def _verb_cue(entry: str, act: str, weak: bool) -> VerbCue:
    reflexive = False
    body = entry
    for prefix in _REFLEXIVE:
        if body.startswith(prefix):
            reflexive, body = True, body[len(prefix) :]
            break
    words = body.split()
    if body.startswith("n'en "):  # "n'en démordre": the negation is part of the cue, the verb follows
        words = body[len("n'en ") :].split()
    return VerbCue(lemma=entry, head=words[0], act=act, reflexive=reflexive, tail=tuple(words[1:]), weak=weak)


def _merge(layers: Sequence[dict[str, Any]], lang: str) -> Lexicon:
    verb_entries: dict[str, VerbCue] = {}
    prepositions: dict[str, str] = {}
    adverbs: dict[str, str] = {}
    nouns: dict[str, str] = {}
    pronouns: dict[str, str] = {}
    sets: dict[str, set[str]] = {
        k: set()
        for k in (
            "relative",
            "speaker_pronouns",
            "titles",
            "determiners",
            "definite",
            "anon_heads",
            "anon_indef",
            "anon_ana",
            "anon_always",
            "hedge_adv",
            "hedge_adj",
            "modals",
        )
    }
    descriptions: dict[str, str] = {}
    expressions: list[str] = []
    initial: dict[str, str] = {}
    documents: dict[str, str] = {}
    document_objects: set[str] = set()
    relays: set[str] = set()
    complementizers: set[str] = set()
    clitics: set[str] = set()
    suffixes: dict[str, str] = {}
    demonym_endings: set[str] = set()
    flags: dict[str, Any] = {}
    times: set[str] = set()
    comparatives: set[str] = set()
    gerunds: set[str] = set()
    forms: dict[str, str] = {}
    sourceless: set[str] = set()
    impersonal: set[str] = set()
    expletives: set[str] = set()
    links: set[str] = set()
    object_clitics: set[str] = set()
    dative_clitics: set[str] = set()
    relay_phrases: dict[str, str] = {}
    idioms: set[str] = set()
    addressee_verbs: set[str] = set()
    object_idioms: dict[str, set[str]] = {}
    subject_idioms: dict[str, set[str]] = {}
    word_sets: dict[str, set[str]] = {name: set() for name in _GRAMMAR_WORD_SETS + _SOURCE_WORD_SETS}
    conditional = False
    for depth, layer in enumerate(layers):
        where = f"lexicon {lang!r} layer {depth}"
        seen_here: dict[str, str] = {}
        for act, table in (layer.get("acts") or {}).items():
            if act not in ACTS:
                raise LexiconError(f"{where}: unknown act {act!r} (known: {', '.join(ACTS)})")
            for key, weak in (("verbs", False), ("weak_verbs", True)):
                for entry in _strings(table.get(key), f"{where}: acts.{act}.{key}"):
                    if entry in seen_here and seen_here[entry] != act:
                        raise LexiconError(
                            f"{where}: {entry!r} is listed under both {seen_here[entry]!r} and {act!r}"
                        )
                    seen_here[entry] = act
                    verb_entries[entry] = _verb_cue(entry, act, weak)
            for entry in _strings(table.get("prepositions"), f"{where}: acts.{act}.prepositions"):
                prepositions[entry] = act
            for entry in _strings(table.get("adverbs"), f"{where}: acts.{act}.adverbs"):
                adverbs[entry] = act
            for entry in _strings(table.get("nouns"), f"{where}: acts.{act}.nouns"):
                nouns[entry] = act
            initial_table = table.get("initial_prepositions") or {}
            for entry in _strings(initial_table.get("words"), f"{where}: acts.{act}.initial_prepositions"):
                initial[entry] = act
            document_table = table.get("document_prepositions") or {}
            for entry in _strings(document_table.get("words"), f"{where}: acts.{act}.document_prepositions"):
                documents[entry] = act
            document_objects.update(
                _strings(document_table.get("objects"), f"{where}: acts.{act}.document_prepositions.objects")
            )
        relays.update(_strings((layer.get("relays") or {}).get("verbs"), f"{where}: relays.verbs"))
        sourceless.update(
            _strings((layer.get("sourceless") or {}).get("verbs"), f"{where}: sourceless.verbs")
        )
        idioms.update(_strings((layer.get("idioms") or {}).get("phrases"), f"{where}: idioms.phrases"))
        for lemma, objects in ((layer.get("idioms") or {}).get("objects") or {}).items():
            where_objects = f"{where}: idioms.objects.{lemma}"
            object_idioms.setdefault(fold(lemma), set()).update(_strings(objects, where_objects))
        for lemma, subjects in ((layer.get("idioms") or {}).get("subjects") or {}).items():
            where_subjects = f"{where}: idioms.subjects.{lemma}"
            subject_idioms.setdefault(fold(lemma), set()).update(_strings(subjects, where_subjects))
        grammar = layer.get("grammar") or {}
        complementizers.update(_strings(grammar.get("complementizers"), f"{where}: grammar.complementizers"))
        clitics.update(_strings(grammar.get("inverted_clitics"), f"{where}: grammar.inverted_clitics"))
        for flag in (
            "strict_reflexives",
            "subject_first_incise",
            "nested",
            "join_quotes",
            "weak_needs_clause",
            "split_next_acts",
        ):
            if flag in grammar:
                flags[flag] = bool(grammar[flag])
        if "relative_source" in grammar:
            if grammar["relative_source"] not in {"pronoun", "antecedent"}:
                raise LexiconError(f"{where}: grammar.relative_source must be 'pronoun' or 'antecedent'")
            flags["relative_source"] = grammar["relative_source"]
        times.update(_strings(grammar.get("time_words"), f"{where}: grammar.time_words"))
        comparatives.update(_strings(grammar.get("comparatives"), f"{where}: grammar.comparatives"))
        gerunds.update(_strings(grammar.get("gerund_markers"), f"{where}: grammar.gerund_markers"))
        addressee_verbs.update(_strings(grammar.get("addressee_verbs"), f"{where}: grammar.addressee_verbs"))
        for name in _GRAMMAR_WORD_SETS:
            word_sets[name].update(_strings(grammar.get(name), f"{where}: grammar.{name}"))
        for form, lemma in (grammar.get("verb_forms") or {}).items():
            if not isinstance(lemma, str):
                raise LexiconError(f'{where}: grammar.verb_forms: expected form = "lemma" pairs')
            forms[fold(form)] = fold(lemma)
        impersonal.update(_strings(grammar.get("impersonal_verbs"), f"{where}: grammar.impersonal_verbs"))
        expletives.update(
            _strings(grammar.get("impersonal_subjects"), f"{where}: grammar.impersonal_subjects")
        )
        links.update(_strings(grammar.get("participle_links"), f"{where}: grammar.participle_links"))
        object_clitics.update(_strings(grammar.get("object_clitics"), f"{where}: grammar.object_clitics"))
        dative_clitics.update(_strings(grammar.get("dative_clitics"), f"{where}: grammar.dative_clitics"))
        relay_table = layer.get("relays") or {}
        for phrase, lemma in (relay_table.get("phrases") or {}).items():
            if not isinstance(lemma, str):
                raise LexiconError(f'{where}: relays.phrases: expected phrase = "lemma" pairs')
            relay_phrases[" ".join(fold(phrase).split())] = fold(lemma)
        for pair in grammar.get("lemma_suffixes") or []:
            if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) for p in pair)):
                raise LexiconError(f"{where}: grammar.lemma_suffixes: expected [suffix, replacement] pairs")
            suffixes[fold(pair[0])] = fold(pair[1])
        src = layer.get("sources", layer)
        for word, agreement in (src.get("pronouns") or {}).items():
            pronouns[fold(word)] = str(agreement)
        sets["relative"].update(_strings(src.get("relative"), f"{where}: relative"))
        sets["speaker_pronouns"].update(_strings(src.get("speaker_pronouns"), f"{where}: speaker_pronouns"))
        sets["titles"].update(_strings(src.get("titles"), f"{where}: titles"))
        sets["determiners"].update(_strings(src.get("determiners"), f"{where}: determiners"))
        sets["definite"].update(_strings(src.get("definite_determiners"), f"{where}: definite_determiners"))
        demonym_endings.update(_strings(src.get("demonym_endings"), f"{where}: demonym_endings"))
        for name in _SOURCE_WORD_SETS:
            word_sets[name].update(_strings(src.get(name), f"{where}: {name}"))
        for kind, words in (src.get("descriptions") or {}).items():
            if kind not in SOURCE_KINDS:
                raise LexiconError(f"{where}: unknown description kind {kind!r}")
            for word in _strings(words, f"{where}: descriptions.{kind}"):
                descriptions[word] = kind
        anon = src.get("anonymous") or {}
        sets["anon_heads"].update(_strings(anon.get("heads"), f"{where}: anonymous.heads"))
        sets["anon_indef"].update(_strings(anon.get("indefinite"), f"{where}: anonymous.indefinite"))
        sets["anon_ana"].update(_strings(anon.get("anaphoric"), f"{where}: anonymous.anaphoric"))
        sets["anon_always"].update(_strings(anon.get("always"), f"{where}: anonymous.always"))
        expressions.extend(_strings(anon.get("expressions"), f"{where}: anonymous.expressions"))
        sets["hedge_adv"].update(_strings(layer.get("adverbs"), f"{where}: adverbs"))
        sets["hedge_adj"].update(_strings(layer.get("adjectives"), f"{where}: adjectives"))
        sets["modals"].update(_strings(layer.get("modals"), f"{where}: modals"))
        if "conditional_mood" in layer:
            conditional = bool(layer["conditional_mood"])
    by_head: dict[str, list[VerbCue]] = {}
    for cue in verb_entries.values():
        by_head.setdefault(cue.head, []).append(cue)
    verbs = {h: tuple(sorted(cs, key=lambda c: (-len(c.tail), not c.reflexive))) for h, cs in by_head.items()}
    hedge_words = sets["hedge_adv"] | sets["hedge_adj"]
    return Lexicon(
        lang=lang,
        verbs=verbs,
        prepositions=prepositions,
        adverbs=adverbs,
        nouns=nouns,
        pronouns=pronouns,
        relative_pronouns=frozenset(sets["relative"]),
        speaker_pronouns=frozenset(sets["speaker_pronouns"]),
        titles=frozenset(sets["titles"]),
        determiners=frozenset(sets["determiners"]),
        definite_determiners=frozenset(sets["definite"]),
        descriptions=descriptions,
        anonymous_heads=frozenset(sets["anon_heads"]),
        anonymous_indefinite=frozenset(sets["anon_indef"]),
        anonymous_anaphoric=frozenset(sets["anon_ana"]),
        anonymous_expressions=tuple(sorted(set(expressions), key=len, reverse=True)),
        anonymous_always=frozenset(sets["anon_always"]),
        hedge_adverbs=frozenset(w for w in sets["hedge_adv"] if " " not in w),
        hedge_adjectives=frozenset(w for w in sets["hedge_adj"] if " " not in w),
        hedge_phrases=tuple(sorted((w for w in hedge_words if " " in w), key=len, reverse=True)),
        conditional_mood=conditional,
        modals=frozenset(sets["modals"]),
        acts_of_lemma={c.lemma: c.act for c in verb_entries.values()}
        | prepositions
        | initial
        | documents
        | adverbs,
        initial_prepositions=initial,
        document_prepositions=documents,
        document_objects=frozenset(document_objects),
        relay_verbs=frozenset(relays),
        complementizers=frozenset(complementizers),
        inverted_clitics=frozenset(clitics),
        lemma_suffixes=tuple(sorted(suffixes.items(), key=lambda kv: -len(kv[0]))),
        strict_reflexives=flags.get("strict_reflexives", False),
        subject_first_incise=flags.get("subject_first_incise", False),
        nested=flags.get("nested", True),
        join_quotes=flags.get("join_quotes", False),
        split_next_acts=flags.get("split_next_acts", False),
        weak_needs_clause=flags.get("weak_needs_clause", False),
        relative_source=flags.get("relative_source", "pronoun"),
        time_words=frozenset(times),
        comparatives=frozenset(comparatives),
        gerund_markers=frozenset(gerunds),
        verb_forms=forms,
        sourceless=frozenset(sourceless),
        impersonal_verbs=frozenset(impersonal),
        impersonal_subjects=frozenset(expletives),
        participle_links=frozenset(links),
        object_clitics=frozenset(object_clitics),
        dative_clitics=frozenset(dative_clitics),
        relay_phrases=relay_phrases,
        idioms=tuple(sorted(idioms, key=len, reverse=True)),
        addressee_verbs=frozenset(addressee_verbs),
        object_idioms={lemma: frozenset(objects) for lemma, objects in object_idioms.items()},
        subject_idioms={lemma: frozenset(subjects) for lemma, subjects in subject_idioms.items()},
        demonym_endings=tuple(sorted(demonym_endings)),
        **{name: frozenset(words) for name, words in word_sets.items()},
    )


def _layers_for(lang: str) -> list[dict[str, Any]]:
    layers = [_read_package_file(lang, name) for name in _FILES]
    if not any(layers):
        raise LexiconError(f"lexicon for language {lang!r} is empty")
    return layers


@functools.cache
def _packaged(lang: str) -> Lexicon:
    return _merge(_layers_for(lang), lang)


def load_lexicon(lang: str, extra: Iterable[str | Path] = ()) -> Lexicon:
    """The lexicon of ``lang`` (``"fr"``, ``"en"``), with the entries of ``extra`` TOML files added.

    Raises :class:`LexiconError` with a readable message for an unknown language or a bad file.
    """
    paths = tuple(Path(p) for p in extra)
    if not paths:
        return _packaged(lang)
    stamps = []
    for path in paths:
        try:
            stat = path.stat()
        except OSError as err:
            raise LexiconError(f"cannot read lexicon file {path}: {err.strerror or err}") from err
        stamps.append((str(path.resolve()), stat.st_mtime_ns, stat.st_size))
    # the extractors ask once per Doc: the files are read again only when one of them has changed
    return _extended(lang, tuple(stamps))


@functools.lru_cache(maxsize=32)
def _extended(lang: str, stamps: tuple[tuple[str, int, int], ...]) -> Lexicon:
    layers = _layers_for(lang)
    for name, _, _ in stamps:
        path = Path(name)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as err:
            raise LexiconError(f"cannot read lexicon file {path}: {err.strerror or err}") from err
        layers.append(_parse(text, str(path)))
    return _merge(layers, lang)


def available_languages() -> tuple[str, ...]:
    root = resources.files("kgbuild.lexicons")
    return tuple(sorted(p.name for p in root.iterdir() if p.is_dir() and p.joinpath("cues.toml").is_file()))
