"""entities.v3: a name headed by a word for a body is an organisation, whatever kind the recognizer gave it
(hand-built Docs, so that the recognizer's kind is the one under test)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kgbuild.extractors import ExtractContext, get_extractor


def kinds(lang: str, words: list[str], heads: list[int], deps: list[str], ents: list[str], name: str) -> dict:
    doc = Doc(spacy.blank(lang).vocab, words=words, heads=heads, deps=deps, ents=ents)
    return {
        version: next(e.kind for e in get_extractor(version)(doc, ExtractContext(lang)) if e.name == name)
        for version in ("entities.v2", "entities.v3")
    }


@pytest.mark.parametrize(
    ("lang", "words", "heads", "deps", "ents", "name", "recognized", "expected"),
    [
        pytest.param(
            "en",
            ["The", "Syrian", "Observatory", "for", "Human", "Rights", "said", "."],
            [2, 2, 6, 2, 5, 3, 6, 6],
            ["det", "amod", "nsubj", "prep", "compound", "pobj", "ROOT", "punct"],
            ["O", "B-GPE", "I-GPE", "I-GPE", "I-GPE", "I-GPE", "O", "O"],
            "Syrian Observatory for Human Rights",
            "place",
            "organisation",
            id="en-observatory-read-as-a-place",
        ),
        pytest.param(
            "en",
            ["Fateh", "al-Sham", "Front", "fighters", "advanced", "."],
            [2, 2, 3, 4, 4, 4],
            ["compound", "compound", "compound", "nsubj", "ROOT", "punct"],
            ["B-PERSON", "I-PERSON", "I-PERSON", "O", "O", "O"],
            "Fateh al-Sham Front",
            "person",
            "organisation",
            id="en-front-read-as-a-person",
        ),
        pytest.param(
            "en",
            ["Margaret", "Court", "won", "."],
            [1, 2, 2, 2],
            ["compound", "nsubj", "ROOT", "punct"],
            ["B-PERSON", "I-PERSON", "O", "O"],
            "Margaret Court",
            "person",
            "person",
            id="en-court-is-no-word-for-a-body",
        ),
        pytest.param(
            "fr",
            ["L'", "Université", "de", "Rennes", "a", "annoncé", "."],
            [1, 5, 3, 1, 5, 5, 5],
            ["det", "nsubj", "case", "nmod", "aux:tense", "ROOT", "punct"],
            ["O", "B-LOC", "I-LOC", "I-LOC", "O", "O", "O"],
            "Université de Rennes",
            "place",
            "organisation",
            id="fr-universite-read-as-a-place",
        ),
        pytest.param(
            "fr",
            ["Le", "maire", "de", "Rennes", "a", "annoncé", "."],
            [1, 5, 3, 1, 5, 5, 5],
            ["det", "nsubj", "case", "nmod", "aux:tense", "ROOT", "punct"],
            ["O", "O", "O", "B-LOC", "O", "O", "O"],
            "Rennes",
            "place",
            "place",
            id="fr-a-place-stays-a-place",
        ),
    ],
)
def test_extractors_entities_v3_name_headed_by_a_word_for_a_body(
    lang: str,
    words: list[str],
    heads: list[int],
    deps: list[str],
    ents: list[str],
    name: str,
    recognized: str,
    expected: str,
) -> None:
    found = kinds(lang, words, heads, deps, ents, name)
    assert found == {"entities.v2": recognized, "entities.v3": expected}
