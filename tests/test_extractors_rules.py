"""Rule-level tests of attributions.v1 and entities.v1 on hand-built Docs (no model: no mood swings).

Each Doc is written token by token as ``word/lemma/POS/dep/head[/morph[/entity]]`` with absolute head
indices, the way spaCy's French and English pipelines parse these sentences.
"""

from __future__ import annotations

import pytest
from run_extractors import extract
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kgbuild.records import Attribution, EntityMention

_NO_SPACE_BEFORE = {",", ".", ")", ":", "-t", "-il", "-elle", "”", "'s"}
_VOCAB = Vocab()


def build(spec: str) -> Doc:
    words, lemmas, pos, deps, heads, morphs, ents = [], [], [], [], [], [], []
    for item in spec.split():
        fields = item.split("/")
        word, lemma, tag, dep, head = fields[:5]
        morph = fields[5] if len(fields) > 5 else ""
        ent = fields[6] if len(fields) > 6 else ""
        words.append(word.replace("_", " "))
        lemmas.append(lemma)
        pos.append(tag)
        deps.append(dep)
        heads.append(int(head))
        morphs.append(morph)
        ents.append(ent)
    iob = []
    for k, ent in enumerate(ents):
        if not ent:
            iob.append("O")
        elif k > 0 and ents[k - 1] == ent and words[k - 1] not in {",", "."}:
            iob.append(f"I-{ent}")
        else:
            iob.append(f"B-{ent}")
    spaces = [
        not (w.endswith("'") or w in {"“", "("} or (k + 1 < len(words) and words[k + 1] in _NO_SPACE_BEFORE))
        for k, w in enumerate(words)
    ]
    spaces[-1] = False
    return Doc(
        _VOCAB,
        words=words,
        spaces=spaces,
        heads=heads,
        deps=deps,
        pos=pos,
        lemmas=lemmas,
        morphs=morphs,
        ents=iob,
    )


def run(doc: Doc, lang: str) -> tuple[list[EntityMention], list[Attribution]]:
    return extract(doc, lang, "attributions.v1")


def texts(a: Attribution) -> tuple[str, str | None, str]:
    return a.cue.text, a.source.text if a.source else None, a.content.text


# -- French ----------------------------------------------------------------------------------------

FR_QUE = build(
    "Le/le/DET/det/1 ministre/ministre/NOUN/nsubj/3 a/avoir/AUX/aux:tense/3 déclaré/déclarer/VERB/ROOT/3 "
    "qu'/que/SCONJ/mark/6 il/il/PRON/nsubj/6 démissionnerait/démissionner/VERB/ccomp/3/Mood=Cnd "
    "././PUNCT/punct/3"
)
FR_CLITIC = build(
    "«/«/PUNCT/punct/3 C'/ce/PRON/nsubj/3 est/être/AUX/cop/3 faux/faux/ADJ/ROOT/3 »/»/PUNCT/punct/3 "
    ",/,/PUNCT/punct/9 a/avoir/AUX/aux:tense/9 -t/-t/PRON/dep/6 -il/il/PRON/expl:subj/9 "
    "ajouté/ajouter/VERB/parataxis/3 ././PUNCT/punct/3"
)
FR_INVERTED = build(
    "«/«/PUNCT/punct/2 Nous/nous/PRON/nsubj/2 partons/partir/VERB/ROOT/2 »/»/PUNCT/punct/2 "
    ",/,/PUNCT/punct/6 a/avoir/AUX/aux:tense/6 annoncé/annoncer/VERB/parataxis/2 "
    "mardi/mardi/NOUN/obl:mod/6 la/le/DET/det/9 ministre/ministre/NOUN/nsubj/6 "
    "Anne/Anne/PROPN/appos/9//PER Dupont/Dupont/PROPN/flat:name/10//PER ././PUNCT/punct/2"
)
FR_SELON_CHAIN = build(
    "Selon/selon/ADP/case/2 l'/le/DET/det/2 AFP/AFP/PROPN/obl:mod/12//ORG ,/,/PUNCT/punct/5 "
    "qui/qui/PRON/nsubj/5 cite/citer/VERB/acl:relcl/2 le/le/DET/det/7 ministère/ministère/NOUN/obj/5 "
    ",/,/PUNCT/punct/2 le/le/DET/det/10 président/président/NOUN/nsubj/12 "
    "aurait/avoir/AUX/aux:tense/12/Mood=Cnd démissionné/démissionner/VERB/ROOT/12 ././PUNCT/punct/12"
)
FR_PASSIVE = build(
    "Il/il/PRON/nsubj:pass/2 est/être/AUX/aux:pass/2 accusé/accuser/VERB/ROOT/2 de/de/ADP/case/4 "
    "fraude/fraude/NOUN/obl:arg/2 ././PUNCT/punct/2"
)
FR_DENY = build(
    "Le/le/DET/det/1 ministre/ministre/NOUN/nsubj/2 dément/démentir/VERB/ROOT/2 avoir/avoir/AUX/aux:tense/4 "
    "menti/mentir/VERB/xcomp/2 ././PUNCT/punct/2"
)
FR_ANONYMOUS = build(
    "Des/un/DET/det/1 sources/source/NOUN/nsubj/6 proches/proche/ADJ/amod/1 du/de/ADP/case/4 "
    "dossier/dossier/NOUN/nmod/2 ont/avoir/AUX/aux:tense/6 indiqué/indiquer/VERB/ROOT/6 "
    "que/que/SCONJ/mark/10 l'/le/DET/det/9 enquête/enquête/NOUN/nsubj/10 avançait/avancer/VERB/ccomp/6 "
    "././PUNCT/punct/6 La/le/DET/det/13 source/source/NOUN/nsubj/14 ajoute/ajouter/VERB/ROOT/14 "
    "que/que/SCONJ/mark/19 tout/tout/PRON/nsubj/19 est/être/AUX/cop/19 sur/sur/ADP/case/19 "
    "la/le/DET/det/19 table/table/NOUN/ccomp/14 ././PUNCT/punct/14"
)
FR_COLON = build(
    "Le/le/DET/det/1 ministre/ministre/NOUN/ROOT/1 :/:/PUNCT/punct/1 «/«/PUNCT/punct/5 "
    "Nous/nous/PRON/nsubj/5 partirons/partir/VERB/parataxis/1 demain/demain/ADV/advmod/5 »/»/PUNCT/punct/5 "
    "././PUNCT/punct/1"
)
FR_PRONOUN = build(
    "Anne/Anne/PROPN/nsubj/3//PER Dupont/Dupont/PROPN/flat:name/0//PER a/avoir/AUX/aux:tense/3 "
    "affirmé/affirmer/VERB/ROOT/3 que/que/SCONJ/mark/6 tout/tout/PRON/nsubj/6 allait/aller/VERB/ccomp/3 "
    "bien/bien/ADV/advmod/6 ././PUNCT/punct/3 «/«/PUNCT/punct/12 Nous/nous/PRON/nsubj/12 "
    "verrons/voir/VERB/ROOT/12 »/»/PUNCT/punct/12 ,/,/PUNCT/punct/16 a/avoir/AUX/aux:tense/16 "
    "-t/-t/PRON/dep/14 -elle/elle/PRON/expl:subj/16 ajouté/ajouter/VERB/parataxis/12 ././PUNCT/punct/12"
)


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        (FR_QUE, [("a déclaré", "Le ministre", "il démissionnerait", "indirect", "person")]),
        (FR_CLITIC, [("a-t-il ajouté", "il", "C'est faux", "direct", "person")]),
        (FR_INVERTED, [("a annoncé", "la ministre Anne Dupont", "Nous partons", "direct", "person")]),
        (FR_PASSIVE, [("est accusé", None, "de fraude", "nosource", "none")]),
        (FR_DENY, [("dément", "Le ministre", "avoir menti", "indirect", "person")]),
        (FR_COLON, [(":", "Le ministre", "Nous partirons demain", "direct", "person")]),
    ],
)
def test_extractors_rules_french_constructions(doc: Doc, expected: list[tuple[str, ...]]) -> None:
    _, found = run(doc, "fr")
    assert [(*texts(a), a.type, a.source_kind) for a in found] == expected


def test_extractors_rules_french_reporting_conditional_is_a_hedge() -> None:
    _, (found,) = run(FR_QUE, "fr")
    assert found.hedges == ("démissionnerait",)
    assert found.certainty == "possible"
    assert found.cue_lemma == "déclarer"
    assert found.cue_act == "assert"


def test_extractors_rules_french_inverted_source_resolves_to_entity() -> None:
    _, (found,) = run(FR_INVERTED, "fr")
    assert found.resolved == "Anne Dupont"
    assert found.source_key == "anne-dupont"


def test_extractors_rules_french_denial_is_negated() -> None:
    _, (found,) = run(FR_DENY, "fr")
    assert found.negated
    assert found.cue_act == "deny"


def test_extractors_rules_french_passive_accusation_has_no_source() -> None:
    _, (found,) = run(FR_PASSIVE, "fr")
    assert found.source is None
    assert found.cue_act == "accuse"
    assert found.resolved is None


def test_extractors_rules_french_selon_relay_chain() -> None:
    _, found = run(FR_SELON_CHAIN, "fr")
    assert [texts(a) for a in found] == [
        ("Selon", "l'AFP", "le président aurait démissionné"),
        ("cite", "le ministère", "le président aurait démissionné"),
    ]
    outer, inner = found
    assert outer.relayed_by is None
    assert inner.relayed_by == 0
    assert outer.resolved == "AFP"
    assert outer.source_kind == inner.source_kind == "organisation"
    assert outer.hedges == inner.hedges == ("aurait",)


def test_extractors_rules_french_anonymous_source_keeps_its_key() -> None:
    _, (first, second) = run(FR_ANONYMOUS, "fr")
    assert first.source_kind == second.source_kind == "anonymous"
    assert first.source_key == "anon:des-sources-proches-du-dossier"
    assert second.source is not None
    assert second.source.text == "La source"
    assert second.source_key == first.source_key


def test_extractors_rules_french_pronoun_resolves_to_last_speaker() -> None:
    _, (first, second) = run(FR_PRONOUN, "fr")
    assert first.resolved == "Anne Dupont"
    assert second.source is not None
    assert second.source.text == "elle"
    assert (second.resolved, second.source_key) == ("Anne Dupont", "anne-dupont")


# -- English ---------------------------------------------------------------------------------------

EN_SAID_AFTER = build(
    "“/“/PUNCT/punct/3 We/we/PRON/nsubj/3 will/will/AUX/aux/3 win/win/VERB/ccomp/7 ,/,/PUNCT/punct/3 "
    "”/”/PUNCT/punct/7 Trump/Trump/PROPN/nsubj/7//PERSON said/say/VERB/ROOT/7 ././PUNCT/punct/7"
)
EN_SAID_INVERTED = build(
    "“/“/PUNCT/punct/3 We/we/PRON/nsubj/3 will/will/AUX/aux/3 win/win/VERB/ccomp/6 ,/,/PUNCT/punct/3 "
    "”/”/PUNCT/punct/6 said/say/VERB/ROOT/6 Donald/Donald/PROPN/compound/8//PERSON "
    "Trump/Trump/PROPN/nsubj/6//PERSON ././PUNCT/punct/6"
)
EN_ACCORDING = build(
    "According/accord/VERB/prep/6 to/to/ADP/prep/0 Reuters/Reuters/PROPN/pobj/1//ORG ,/,/PUNCT/punct/6 "
    "the/the/DET/det/5 talks/talk/NOUN/nsubj/6 failed/fail/VERB/ROOT/6 ././PUNCT/punct/6"
)
EN_HEDGED = build(
    "Officials/official/NOUN/nsubj/2 allegedly/allegedly/ADV/advmod/2 said/say/VERB/ROOT/2 "
    "that/that/SCONJ/mark/7 the/the/DET/det/5 deal/deal/NOUN/nsubj/7 was/be/AUX/ccomp/2 "
    "dead/dead/ADJ/acomp/6 ././PUNCT/punct/2"
)
EN_TOLD = build(
    "Smith/Smith/PROPN/nsubj/1//PERSON told/tell/VERB/ROOT/1 Reuters/Reuters/PROPN/dobj/1//ORG "
    "that/that/SCONJ/mark/6 the/the/DET/det/5 deal/deal/NOUN/nsubj/6 was/be/AUX/ccomp/1 "
    "dead/dead/ADJ/acomp/6 ././PUNCT/punct/1"
)
EN_ALLEGED = build(
    "It/it/PRON/nsubjpass/2 is/be/AUX/auxpass/2 alleged/allege/VERB/ROOT/2 that/that/SCONJ/mark/5 "
    "he/he/PRON/nsubj/5 lied/lie/VERB/ccomp/2 ././PUNCT/punct/2"
)
EN_NOT_DENY = build(
    "He/he/PRON/nsubj/3 did/do/AUX/aux/3 not/not/PART/neg/3 deny/deny/VERB/ROOT/3 the/the/DET/det/5 "
    "report/report/NOUN/dobj/3 ././PUNCT/punct/3"
)


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        (EN_SAID_AFTER, [("said", "Trump", "We will win", "direct", "person")]),
        (EN_SAID_INVERTED, [("said", "Donald Trump", "We will win", "direct", "person")]),
        (EN_ACCORDING, [("According to", "Reuters", "the talks failed", "indirect", "organisation")]),
        (EN_HEDGED, [("said", "Officials", "the deal was dead", "indirect", "anonymous")]),
        (EN_ALLEGED, [("is alleged", None, "he lied", "nosource", "none")]),
    ],
)
def test_extractors_rules_english_constructions(doc: Doc, expected: list[tuple[str, ...]]) -> None:
    _, found = run(doc, "en")
    assert [(*texts(a), a.type, a.source_kind) for a in found] == expected


def test_extractors_rules_english_hedge_makes_claim_probable() -> None:
    _, (found,) = run(EN_HEDGED, "en")
    assert found.hedges == ("allegedly",)
    assert found.certainty == "probable"


def test_extractors_rules_english_told_outlet_is_a_relay() -> None:
    _, found = run(EN_TOLD, "en")
    by_source = {a.source.text if a.source else None: (n, a) for n, a in enumerate(found)}
    assert set(by_source) == {"Smith", "Reuters"}
    relay_index, relay = by_source["Reuters"]
    _, speaker = by_source["Smith"]
    assert speaker.relayed_by == relay_index
    assert relay.relayed_by is None
    assert speaker.content.text == relay.content.text == "the deal was dead"


def test_extractors_rules_english_negated_denial() -> None:
    _, (found,) = run(EN_NOT_DENY, "en")
    assert texts(found) == ("did not deny", "He", "the report")
    assert found.negated


# -- entities --------------------------------------------------------------------------------------

FR_NAMES = build(
    "Le/le/DET/det/2 président/président/NOUN/nsubj/5 Emmanuel/Emmanuel/PROPN/appos/1//PER "
    "Macron/Macron/PROPN/flat:name/2//PER a/avoir/AUX/aux:tense/5 parlé/parler/VERB/ROOT/5 "
    "à/à/ADP/case/8 l'/le/DET/det/8 AFP/AFP/PROPN/obl:arg/5//ORG ././PUNCT/punct/5 "
    "Macron/Macron/PROPN/nsubj/11//PER viendra/venir/VERB/ROOT/11 à/à/ADP/case/13 "
    "Paris/Paris/PROPN/obl:mod/11//LOC avec/avec/ADP/case/15 Windows/Windows/PROPN/obl:mod/11//MISC "
    "././PUNCT/punct/11"
)


def test_extractors_rules_entities_canonical_names_and_kinds() -> None:
    found, _ = run(FR_NAMES, "fr")
    assert [(e.span.text, e.kind, e.name, e.key) for e in found] == [
        ("Emmanuel Macron", "person", "Emmanuel Macron", "emmanuel-macron"),
        ("AFP", "organisation", "AFP", "afp"),
        ("Macron", "person", "Emmanuel Macron", "emmanuel-macron"),
        ("Paris", "place", "Paris", "paris"),
    ]


def test_extractors_rules_entity_offsets_index_the_text() -> None:
    found, _ = run(FR_NAMES, "fr")
    for entity in found:
        assert FR_NAMES.text[entity.span.start : entity.span.end] == entity.span.text
