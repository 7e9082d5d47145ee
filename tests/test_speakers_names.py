"""A name the tagger did not mark as an entity resolves to an earlier mention of it, on hand-built Docs."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kgbuild.extractors.docindex import index_of
from kgbuild.extractors.lexicon import load_lexicon
from kgbuild.extractors.speakers import SpeakerResolver
from kgbuild.records import EntityKind, EntityMention, Span

# "<headline> . Donald Trump came . Trump spoke ." with the headline's name tagged as an organisation
WORDS = ["Trump", "Tower", "Deal", "Collapses", ".", "Donald", "Trump", "came", ".", "Trump", "spoke", "."]
HEADS = [2, 2, 3, 3, 3, 6, 7, 7, 7, 10, 10, 10]
DEPS = [
    "compound",
    "compound",
    "nsubj",
    "ROOT",
    "punct",
    "compound",
    "nsubj",
    "ROOT",
    "punct",
    "nsubj",
    "ROOT",
    "punct",
]
POS = [
    "PROPN",
    "PROPN",
    "PROPN",
    "VERB",
    "PUNCT",
    "PROPN",
    "PROPN",
    "VERB",
    "PUNCT",
    "PROPN",
    "VERB",
    "PUNCT",
]
STARTS = [True, False, False, False, False, True, False, False, False, True, False, False]


def _mention(doc: Doc, start: int, end: int, kind: EntityKind, name: str) -> EntityMention:
    span = doc[start:end]
    return EntityMention(Span(span.start_char, span.end_char, span.text), kind, name, name.lower())


@pytest.mark.parametrize(
    ("headline_kind", "expected"),
    [
        ("organisation", "Donald Trump"),  # the person named so beats a longer name read earlier
        ("person", "Trump Tower Deal"),  # between two persons, the first named
    ],
)
def test_speakers_names_an_untagged_name_prefers_a_person_named_so(
    headline_kind: EntityKind, expected: str
) -> None:
    doc = Doc(Vocab(), words=WORDS, heads=HEADS, deps=DEPS, pos=POS, sent_starts=STARTS)
    entities = [
        _mention(doc, 0, 3, headline_kind, "Trump Tower Deal"),
        _mention(doc, 5, 7, "person", "Donald Trump"),
    ]
    resolver = SpeakerResolver(index_of(doc), load_lexicon("en"), entities)
    assert resolver.resolve(9, 10, 9).resolved == expected


@pytest.mark.parametrize(
    ("noun", "expected"),
    [
        ("prix", None),  # "le prix Nobel": the name of a prize, not of a speaker
        ("agence", "SANA"),  # "l'agence SANA": a description the lexicon knows, then the name
    ],
)
def test_speakers_names_a_name_after_a_common_noun_names_a_speaker_only_after_a_description(
    noun: str, expected: str | None
) -> None:
    words = ["Selon", "le", noun, "Nobel" if expected is None else "SANA", ",", "il", "pleut", "."]
    doc = Doc(
        Vocab(),
        words=words,
        heads=[3, 3, 3, 6, 6, 6, 6, 6],
        deps=["case", "det", "nmod", "obl", "punct", "expl", "ROOT", "punct"],
        pos=["ADP", "DET", "NOUN", "PROPN", "PUNCT", "PRON", "VERB", "PUNCT"],
        lemmas=[w.lower() for w in words],
    )
    resolver = SpeakerResolver(index_of(doc), load_lexicon("fr"), [])
    assert resolver.resolve(1, 4, 3).resolved == expected


@pytest.mark.parametrize(
    ("words", "pos", "gender"),
    [
        (["Annie"], ["PROPN"], "f"),
        (["Keith", "Lamont", "Scott", "'s", "wife"], ["PROPN", "PROPN", "PROPN", "PART", "NOUN"], ""),
        (["Mrs.", "Scott"], ["PROPN", "PROPN"], "f"),
    ],
    ids=["first-name", "family-name-scott-tells-nothing", "title-then-family-name"],
)
def test_speakers_names_a_first_name_tells_the_gender_a_family_name_does_not(
    words: list[str], pos: list[str], gender: str
) -> None:
    n = len(words)
    doc = Doc(
        Vocab(),
        words=[*words, "spoke", "."],
        heads=[n - 1] * (n - 1) + [n, n, n],
        deps=["compound"] * (n - 1) + ["nsubj", "ROOT", "punct"],
        pos=[*pos, "VERB", "PUNCT"],
    )
    resolver = SpeakerResolver(index_of(doc), load_lexicon("en"), [])
    assert resolver.resolve(0, n, n - 1).gender == gender
