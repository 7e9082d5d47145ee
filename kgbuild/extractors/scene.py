"""What every attribution rule works with: one Doc's text, tokens, quotations, lexicon and speakers.

:class:`Scene` holds the per-document state (built once per Doc) and the span helpers the rule modules
share: noun-phrase bounds, source spans, character trimming. The rules themselves live in
:mod:`~kgbuild.extractors.content`, :mod:`~kgbuild.extractors.verbal`, :mod:`~kgbuild.extractors.phrases`
and :mod:`~kgbuild.extractors.chains`, each a layer on top of this one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from spacy.strings import StringStore
from spacy.symbols import ADJ, ADV, NOUN
from spacy.tokens import Token

from kgbuild.extractors.docindex import DocIndex
from kgbuild.extractors.lexicon import Lexicon, VerbCue, fold
from kgbuild.extractors.quotes import QuoteMap
from kgbuild.extractors.speakers import (
    SourceInfo,
    SpeakerResolver,
    addressed,
    agreeing_antecedent,
    dative_adverb,
    name_head,
)
from kgbuild.records import Certainty, EntityMention

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubj:pass", "nsubjpass", "csubjpass"}
AUX_DEPS = {"aux", "aux:tense", "aux:pass", "auxpass", "aux:caus"}
PASSIVE_AUX_DEPS = {"aux:pass", "auxpass"}
AGENT_DEPS = {"obl:agent", "agent"}
REFLEXIVE_DEPS = {"expl:comp", "expl:pv", "expl:pass", "expl", "obj", "iobj", "dobj"}
CLAUSE_DEPS = {"ccomp", "xcomp"}
OBJECT_DEPS = {"obj", "dobj", "obl:arg", "attr", "oprd", "iobj", "dative"}
COMPLEMENT_DEPS = CLAUSE_DEPS | OBJECT_DEPS | {"parataxis", "prep", "obl:mod", "advcl", "nmod"}
CLIMB_DEPS = {"conj", "xcomp", "advcl", "acl", "ccomp", "parataxis", "dep"}
NP_STOP = {"acl:relcl", "relcl", "advcl", "parataxis", "ccomp", "punct", "cc", "dep", "acl", "xcomp"}
OPEN_PUNCT = {",", "—", "–", "(", "-", ";"}
SENTENCE_END = {".", "!", "?", "…", ";"}
SPEAKER_POS = {"PROPN", "PRON", "NOUN"}
NOMINAL_POS = frozenset({"NOUN", "PROPN"})
MISTAGGED = {NOUN, ADJ, ADV}
ARGUMENT_PPS = {"prep", "obl:arg", "obl", "obl:mod", "oprd", "nmod"}
CLAUSE_HEAD_DEPS = {
    "ROOT",
    "conj",
    "ccomp",
    "xcomp",
    "advcl",
    "parataxis",
    "acl",
    "acl:relcl",
    "relcl",
    "aux",
    "aux:tense",
    "cop",
}
HEDGE_CERTAINTY: dict[str, Certainty] = {"hedge": "probable", "conditional": "possible", "modal": "possible"}


@dataclass(slots=True)
class Candidate:
    cue: tuple[int, int]  # characters
    content: tuple[int, int]  # characters
    source: tuple[int, int] | None  # characters
    source_tokens: tuple[int, int, int] | None  # start, end (exclusive), head token
    lemma: str
    act: str
    anchor: int  # token index used for ordering and speaker recency
    negated: bool = False
    confidence: float = 0.8
    verb: Token | None = None
    relay_of: Candidate | None = None
    shares_cue: bool = False
    info: SourceInfo | None = None
    group_end: int = -1  # token after a verbal cue's verb group
    participle: bool = False  # "cité par X": relays the attribution it follows
    pending: bool = False  # a relay verb waiting for its host's content ("en se référant à X")
    inherits: bool = False  # a participle whose speaker is that of the cue before it in its sentence
    certain: bool = False  # content and source are given by the layout (signed quotation, speaker label)
    antecedent: bool = (
        False  # the source is what a relative pronoun stands for ("un rapport, selon lequel P")
    )


class Scene:
    """Per-Doc state shared by the rule layers; build one per Doc."""

    def __init__(
        self, index: DocIndex, lexicon: Lexicon, entities: Sequence[EntityMention], nested: bool = True
    ) -> None:
        self.index = index
        self.doc = index.doc
        self.text = index.text
        self.lex = lexicon
        self.nested = nested
        self.quotes = QuoteMap(index.text, index.idx, index.end)
        self.speakers = SpeakerResolver(index, lexicon, entities, self.quotes.quote_of)
        self._sent_start = index.sent_start
        self._sent_end = index.sent_end
        strings = self.doc.vocab.strings
        self.parts = _lexicon_parts(lexicon, strings)  # shared by every Scene of this lexicon
        self._conditional = index.tokens_with_morph("Mood=Cnd")
        self._modal = sorted(
            self._conditional | {i for i, t in enumerate(index.tag) if t == self.parts.modal_tag}
        )
        self._folded_lemmas: dict[int, str] = {}

    def _folded_lemma(self, i: int) -> str:
        """The lemma of token ``i``, folded; kept, as the cue tails compare the same few tokens often."""
        found = self._folded_lemmas.get(i)
        if found is None:
            found = self._folded_lemmas[i] = fold(self.index.lemma_of(i))
        return found

    def _is_clitic(self, i: int) -> bool:
        text = self.index.texts[i]
        if not text.startswith("-"):  # folding keeps a leading hyphen: most tokens stop here
            return False
        text = fold(text)
        word = text[3:] if text.startswith("-t-") else text[1:]
        return word in self.lex.inverted_clitics or word == "t"

    def _after_time(self, start: int, end: int) -> int:
        """``start`` moved past the words of a date or time that open tokens [start, end): "mercredi",
        "lundi 25 mars"."""
        pos = self.index.pos_strings
        while start < end - 1 and (
            self._is_time(start) or (pos[start] == "NUM" and self._is_time(start + 1))
        ):
            start += 1
        return start

    def _is_time(self, i: int) -> bool:
        index = self.index
        return index.ent_strings[i] in {"DATE", "TIME"} or fold(index.lemma_of(i)) in self.lex.time_words

    def _speaker_like(self, i: int) -> bool:
        index = self.index
        word = fold(index.texts[i]).lstrip("-")
        lex = self.lex
        if word in lex.pronouns or word in lex.relative_pronouns or word in lex.speaker_pronouns:
            return True
        if self.speakers.entity_at(i) is not None:
            return True
        lemma = fold(index.lemma_of(i))
        return index.pos_strings[i] == "PROPN" or lemma in lex.descriptions or lemma in lex.anonymous_heads

    def _rights(self, i: int) -> list[int]:
        """The children of token ``i`` after it, in text order (as ``Token.rights``)."""
        return [c for c in self.index.tree.children[i] if c > i]

    def _dative_adverb(self, i: int) -> bool:
        return dative_adverb(self.index, i, self.lex.dative_cases)

    def _is_dative(self, child: int) -> bool:
        """The addressee of a cue: "à l'AFP", "auprès de", "to reporters", "told Reuters"."""
        index = self.index
        tree = index.tree
        dep = tree.dep[child]
        if dep in {"dative", "iobj"} and index.pos_strings[child] != "VERB":
            return True
        if dep in {"obl:arg", "obl:mod", "obl", "prep", "nmod"}:
            case = next((c for c in tree.children[child] if tree.dep[c] == "case"), None)
            to = case is not None and fold(index.texts[case]) in self.lex.dative_cases
            if to or self._dative_adverb(index.head[child]):
                return self._speaker_like(child)  # "à l'AFP", not "s'attend à des scènes"
            if dep == "prep" and fold(index.texts[child]) in self.lex.dative_cases:
                return True
        head = index.head[child]
        if dep == "dobj" and fold(index.lemma_of(head)) in self.lex.addressee_verbs:
            return any(tree.dep[c] in CLAUSE_DEPS for c in tree.children[head]) or self._quote_near(head)
        return False

    def _is_outlet(self, child: int) -> bool:
        """An organisation a cue addresses ("à l'AFP", "told Reuters"): it relays what is said."""
        if not (self._is_dative(child) and self.index.pos_strings[child] in {"PROPN", "NOUN", "X"}):
            return False
        entity = self.speakers.entity_at(child)
        if entity is not None and entity.kind == "organisation":
            return True
        # "à l'AFP Pierre Dartout", which the recognizer reads as one name: the outlet, then the speaker
        span = self.index.entity_around(child)
        tree = self.index.tree
        return (
            span is not None
            and span[0] == child
            and any(tree.dep[c] == "appos" and child < c < span[1] for c in tree.children[child])
        )

    def _quote_near(self, verb: int) -> bool:
        lo = max(self._sent_start[verb], verb - 3)
        hi = min(self._sent_end[verb], verb + 6)
        return any(self.quotes.quote_of(k) >= 0 for k in range(lo, hi))

    def _trim_chars(self, start: int, end: int) -> tuple[int, int] | None:
        text = self.text
        while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.—–-"):
            end -= 1
        if end - start < 2 or not any(ch.isalnum() for ch in text[start:end]):
            return None
        return start, end

    def _np_bounds(self, head: int) -> tuple[int, int]:
        """[start, end) of the noun phrase headed by token ``head``, without relative or adverbial clauses."""
        index = self.index
        deps, children = index.tree.dep, index.tree.children[head]
        if self._is_clitic(head):
            return head, head + 1
        if index.pos_strings[head] == "PRON":
            return self._partitive_bounds(head)
        start = end = head
        quote_of = self.quotes.quote_of
        for child in children:
            dep = deps[child]
            if dep in NP_STOP:
                if dep == "punct" and start < child < end:
                    continue
                if dep == "conj" or (dep == "cc" and child < children[-1]):
                    pass
                else:
                    continue
            if quote_of(child) >= 0 and quote_of(head) < 0:
                continue
            left, right = index.edges(child)
            start = min(start, left)
            end = max(end, right)
        punct, space = index.is_punct, index.is_space
        while end > start and (punct[end] or space[end]):
            end -= 1
        while start < end and (punct[start] or space[start]):
            start += 1
        return start, end + 1

    def _partitive_bounds(self, head: int) -> tuple[int, int]:
        """A pronoun alone, or with the group it is taken from: "l'un de ses proches", "certains d'entre eux"."""
        index = self.index
        deps, children = index.tree.dep, index.tree.children
        start, end = head, head + 1
        for child in children[head]:
            if child < head and deps[child] == "det" and child == start - 1:
                start = child
            elif (
                child > head
                and deps[child] in {"nmod", "prep"}
                and any(fold(index.texts[c]) in self.lex.partitive_cases for c in (child, *children[child]))
                and not index.is_punct[head + 1]
            ):
                end = max(end, index.edges(child)[1] + 1)
        return start, end

    def _source_span(
        self, head: int | None, avoid: tuple[int, int] | None = None
    ) -> tuple[tuple[int, int] | None, tuple[int, int, int] | None]:
        """Characters and tokens (start, end, head) of the source phrase headed by token ``head``, kept
        clear of the cue tokens ``avoid``."""
        if head is None:
            return None, None
        index = self.index
        texts, deps, heads = index.texts, index.tree.dep, index.head
        if self.lex.relative_source == "antecedent" and fold(texts[head]) in self.lex.relative_pronouns:
            clause = heads[head]
            relative = deps[clause] in {"acl:relcl", "relcl"} and heads[clause] != clause
            before = None
            if not relative or index.pos_strings[heads[clause]] not in SPEAKER_POS:
                # the parse hangs the relative clause on a verb ("a admis M. Trudeau, qui a rappelé P")
                before = self._noun_before(head, pronoun=True)
            if before is not None:
                head = before
            elif relative:
                # "le ministre, qui a déclaré": the source is the minister
                head = agreeing_antecedent(index, heads[clause], clause)
        head = name_head(index, head)  # the ranker may pick "Claire" of "Claire Vasseur": the whole name
        if self._is_clitic(head):
            text = texts[head]
            offset = 3 if fold(text).startswith("-t-") else 1
            return (index.idx[head] + offset, index.idx[head] + len(text)), (head, head + 1, head)
        start, end = self._np_bounds(head)
        start, end = self._whole_entity(head, start, end)
        end = self._name_run_on(start, end)
        end = self._without_where_said(head, end)
        end = self._without_participle_clause(start, end, head)
        end = self._without_trailing_time(head, start, end)
        while end - 1 > head and self._is_time(end - 1):
            end -= 1  # a name the recognizer ran into the date: "franceinfo jeudi"
        while start < head and deps[start] in {"case", "prep", "cc"}:
            start += 1  # "à des sources", "et Sony Pictures": the preposition belongs to the cue
        start = self._after_time(start, head)  # "a affirmé mercredi la chef économiste": when is not who
        start, head = self._speaker_after_venue(start, end, head)
        if avoid is not None and start < avoid[1] and avoid[0] < end:
            if head >= avoid[1]:
                start = avoid[1]
            else:
                end = min(end, avoid[0])
        punct, space = index.is_punct, index.is_space
        while start < end - 1 and (punct[start] or space[start]):
            start += 1
        while end - 1 > start and (deps[end - 1] == "case" or texts[end - 1] in {"'s", "’s", "'"}):
            end -= 1  # "Trump's claim": the possessive mark is not part of the name
        if end - 1 > head and index.pos_strings[end - 1] == "ADP" and deps[end - 1] == "fixed":
            end = max(head + 1, index.head[end - 1])  # "le ministre face à X": a preposition ends no source
        return (index.idx[start], index.end[end - 1]), (start, end, head)

    def _without_where_said(self, head: int, end: int) -> int:
        """The end of a source phrase before a phrase that says where the words were said, which the parse
        hung on it ("la ministre Élisabeth Borne sur Sud Radio"); the words are the lexicon's ``venue_cases``."""
        index = self.index
        deps, heads = index.tree.dep, index.head
        for k in range(head + 1, end):
            if deps[k] in {"case", "prep"} and fold(index.texts[k]) in self.lex.venue_cases:
                noun = heads[k] if deps[k] == "case" else k
                if head <= heads[noun] < k or noun == k:
                    return k
        return end

    def _speaker_after_venue(self, start: int, end: int, head: int) -> tuple[int, int]:
        """(start, head) of the person's name when the phrase is a venue run into it: "a plaidé sur France
        Info Florian Philippot", which the parse read as one name."""
        index = self.index
        if start == 0 or fold(index.texts[start - 1]) not in self.lex.venue_cases:
            return start, head
        venue = index.entity_around(start)
        if venue is None or venue[0] != start or venue[1] >= end:
            return start, head
        person = index.entity_around(venue[1])
        if person is None or person[0] != venue[1] or index.ent_strings[venue[1]] not in PERSON_ENTITIES:
            return start, head
        heads = index.head
        # the name's own head: the word of it that hangs outside it (the parse hung it on the venue)
        own = next((k for k in range(*person) if not person[0] <= heads[k] < person[1]), person[0])
        return person[0], own

    def _without_participle_clause(self, start: int, end: int, head: int) -> int:
        """The end of a source phrase before a clause set off by a comma and opened by a verb ("Bernard
        Brunet, prise avec l'inspection académique, ..."): what the source did, not who it is."""
        index = self.index
        heads = index.head
        for k in range(head + 1, end - 1):
            if (
                index.texts[k] == ","
                and index.pos_strings[k + 1] == "VERB"
                and index.tag_strings[k + 1] != "VBG"  # "including" opens a list of the same source
                and start <= heads[k + 1] < k
            ):
                return k
        return end

    def _name_run_on(self, start: int, end: int) -> int:
        """The end of a source phrase that stops inside a person's name the parse broke ("le ministre de
        l'Économie Bruno Le Maire", with "Le Maire" read as an article and a noun): the name's end."""
        index = self.index
        last = end - 1
        entity = index.entity_around(last)
        if entity is None or entity[1] <= end or index.pos_strings[last] != "PROPN":
            return end
        if any(index.is_punct[k] for k in range(end, entity[1])):
            return end
        return entity[1]

    def _noun_before(self, word: int, pronoun: bool = False) -> int | None:
        """The head of the noun phrase that ends right before token ``word`` (a comma between), as the
        antecedent of a relative pronoun: "M. Trudeau, qui", "la présidente du Rassemblement national, selon
        qui", and with ``pronoun`` "c'est moi qui"; None when no noun (or pronoun) ends there."""
        index = self.index
        sent_start = self._sent_start[word]
        last = word - 1
        while last >= sent_start and index.is_punct[last]:
            last -= 1
        if last < sent_start:
            return None
        pos, heads = index.pos_strings, index.head
        head = last
        if pos[head] == "ADJ" and sent_start <= heads[head] < head:
            head = heads[head]  # "du Rassemblement national": the noun the adjective qualifies
        if pos[head] not in NOMINAL_POS:
            return head if pronoun and pos[head] == "PRON" else None
        # up to the noun that heads the phrase: "l'ONU" -> "un rapport de l'ONU"
        while heads[head] != head and sent_start <= heads[head] < head and pos[heads[head]] in NOMINAL_POS:
            head = heads[head]
        return head

    def _whole_entity(self, head: int, start: int, end: int) -> tuple[int, int]:
        """The phrase widened to the whole name its head is in: the ranker picks a word, "Rights" of "the
        Syrian Observatory for Human Rights"."""
        index = self.index
        entity = index.entity_around(head)
        if entity is None or index.ent_strings[head] in _NOT_SPEAKER_ENTITIES:
            return start, end
        if any(addressed(index, k, self.lex.dative_cases) for k in range(entity[0], start)):
            # "a assuré à l'AFP Pierre Dartout", one name to the recognizer: the outlet is only addressed
            return start, max(end, entity[1])
        return min(start, entity[0]), max(end, entity[1])

    def _without_trailing_time(self, head: int, start: int, end: int) -> int:
        """The end of a source phrase without a time adjunct the parse hung on it ("Syrian opposition forces
        on Sunday claimed")."""
        index = self.index
        tree = index.tree
        for child in tree.children[head]:
            if child <= head or index.edges(child)[1] != end - 1:
                continue
            objects = [child, *tree.children[child]] if tree.dep[child] in {"prep", "case"} else [child]
            if any(self._is_time(k) for k in objects):
                cut = index.edges(child)[0]
                while cut > start + 1 and (index.is_punct[cut - 1] or index.is_space[cut - 1]):
                    cut -= 1
                return cut if cut > start else end
        return end

    def _content_tokens(self, first: int, last: int) -> int:
        punct, space = self.index.is_punct, self.index.is_space
        return sum(1 for k in range(first, last + 1) if not (punct[k] or space[k]))


_NOT_SPEAKER_ENTITIES = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "LAW", "WORK_OF_ART"}
)
PERSON_ENTITIES = frozenset({"PER", "PERSON"})  # the labels of the French and English recognizers


def spellings(strings: StringStore, words: Iterable[str]) -> set[int]:
    """String ids of ``words`` as written in lower, title and upper case, for comparisons with ORTH."""
    return {strings.add(form) for word in words for form in (word, word.capitalize(), word.upper())}


def lexicon_entries(lexicon: Lexicon, lemmas: frozenset[str]) -> Iterator[VerbCue]:
    for cues in lexicon.verbs.values():
        for cue in cues:
            if cue.lemma in lemmas:
                yield cue


def spans_overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def cut_span(content: tuple[int, int], other: tuple[int, int]) -> tuple[int, int] | None:
    """``content`` without the part ``other`` covers, keeping the longer side."""
    left = (content[0], other[0])
    right = (other[1], content[1])
    best = max(left, right, key=lambda r: r[1] - r[0])
    return best if best[1] - best[0] > 1 else None


def phrase_key(text: str) -> str:
    return " ".join(fold(text).split())


def word_regex(words: Sequence[str]) -> re.Pattern[str] | None:
    if not words:
        return None
    alternatives = []
    for word in words:
        parts = [re.escape(p).replace("'", "['’]") for p in word.split()]
        alternatives.append(r"\s+".join(parts))
    # "(?![-\w])": "d'après" is no cue in "d'après-midi"
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?![-\w])", re.IGNORECASE)


@dataclass(frozen=True)
class _LexiconParts:
    """What a Scene reads from its lexicon, as string ids and compiled patterns of one string store."""

    cue_heads: set[int]
    comma_id: int
    context_ids: set[int]
    object_clitic_ids: set[int]
    comparative_ids: set[int]
    relay_heads: set[str]
    form_ids: set[int]
    clitic_ids: set[int]
    modal_tag: int
    hedge_re: re.Pattern[str] | None
    prep_re: re.Pattern[str] | None
    initial_re: re.Pattern[str] | None
    adverb_re: re.Pattern[str] | None
    noun_ids: set[int]
    relay_re: re.Pattern[str] | None


# Built once per lexicon and string store rather than once per Doc; the lexicon is kept so its id stays its own.
# Bounded: a lexicon with extra files is merged anew for every Doc, so those entries would pile up unused.
_parts_cache: dict[tuple[int, int], tuple[Lexicon, StringStore, _LexiconParts]] = {}
_PARTS_KEPT = 16


def _lexicon_parts(lexicon: Lexicon, strings: StringStore) -> _LexiconParts:
    key = (id(lexicon), id(strings))
    cached = _parts_cache.get(key)
    if cached is not None:
        return cached[2]
    parts = _LexiconParts(
        cue_heads={strings.add(head) for head in lexicon.verbs},
        comma_id=strings.add(","),
        context_ids=spellings(strings, set(lexicon.pronouns) | lexicon.relative_pronouns),
        object_clitic_ids=spellings(strings, lexicon.object_clitics),
        comparative_ids=spellings(strings, lexicon.comparatives),
        relay_heads={cue.head for cue in lexicon_entries(lexicon, lexicon.relay_verbs)},
        form_ids=spellings(strings, lexicon.verb_forms),
        clitic_ids=spellings(strings, {"-" + c for c in lexicon.inverted_clitics} | {"-t"}),
        modal_tag=strings.add("MD"),
        hedge_re=word_regex(
            sorted(lexicon.hedge_adverbs | lexicon.hedge_adjectives) + list(lexicon.hedge_phrases)
        ),
        prep_re=word_regex(sorted(lexicon.prepositions, key=len, reverse=True)),
        initial_re=word_regex(sorted(lexicon.initial_prepositions)),
        adverb_re=word_regex(sorted(lexicon.adverbs)),
        noun_ids={strings.add(noun) for noun in lexicon.nouns},
        relay_re=word_regex(sorted(lexicon.relay_phrases, key=len, reverse=True)),
    )
    if len(_parts_cache) >= _PARTS_KEPT:
        _parts_cache.clear()
    _parts_cache[key] = (lexicon, strings, parts)
    return parts
