"""entities.v5: a name the article calls a place, after a word for one ("the town of Khan Sheikhun", "la ville de
Hama") or before it ("Idlib province"), is a place in all its mentions, whatever kind the recognizer gave each
(hand-built Docs, so that the recognizer's labels are the ones under test). A place inside a longer name, written
with a capitalised article inside a sentence and words in lower case after it, is that name ("La France
insoumise")."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from kgbuild.extractors import ExtractContext, get_extractor


def kinds(lang: str, words: list[str], **attrs: Any) -> dict[str, list[tuple[str, str]]]:
    """The (text, kind) of each mention that entities.v4 and entities.v5 find in the Doc of ``words`` with
    ``attrs`` (``Doc``'s keywords: ``ents``, ``pos``, ``heads``...)."""
    spaces = [nxt not in {".", ","} for nxt in [*words[1:], ""]]
    found = {}
    for version in ("entities.v4", "entities.v5"):
        doc = Doc(spacy.blank(lang).vocab, words=words, spaces=spaces, **attrs)
        found[version] = [(e.span.text, e.kind) for e in get_extractor(version)(doc, ExtractContext(lang))]
    return found


@pytest.mark.parametrize(
    ("lang", "words", "ents", "v4", "v5"),
    [
        pytest.param(
            "en",
            ["Jets", "hit", "the", "town", "of", "Khan", "Sheikhun", ".", "Khan", "Sheikhun", "mourned", "."],
            ["O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "O"],
            [("Khan Sheikhun", "person"), ("Khan Sheikhun", "person")],
            [("Khan Sheikhun", "place"), ("Khan Sheikhun", "place")],
            id="after-a-place-word-every-mention",
        ),
        pytest.param(
            "en",
            ["Rebels", "in", "Idlib", "province", "fled", "."],
            ["O", "O", "B-ORG", "O", "O", "O"],
            [("Idlib", "organisation")],
            [("Idlib", "place")],
            id="before-a-place-word",
        ),
        pytest.param(
            "fr",
            ["Des", "frappes", "ont", "touché", "la", "ville", "de", "Hama", "."],
            ["O", "O", "O", "O", "O", "O", "O", "B-PER", "O"],
            [("Hama", "person")],
            [("Hama", "place")],
            id="fr-after-a-place-word",
        ),
        pytest.param(
            "fr",
            ["Elle", "a", "publié", "une", "photo", "sur", "Instagram", "."],
            ["O", "O", "O", "O", "O", "O", "B-LOC", "O"],
            [("Instagram", "place")],
            [("Instagram", "organisation")],
            id="a-platform",
        ),
        # a text stripped of its commas runs the town into the next name: that one is still a person
        pytest.param(
            "en",
            ["In", "the", "province", "of", "Idlib", "activist", "Nayef", "Mustafa", "said", "so", "."],
            ["O", "O", "O", "O", "B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O", "O", "O"],
            [("Idlib activist Nayef Mustafa", "person")],
            [("Idlib activist Nayef Mustafa", "person")],
            id="not-a-name-with-a-common-noun",
        ),
        # "state" is no place word: "the state of" is as often a condition as a place
        pytest.param(
            "en",
            ["Voters", "doubt", "the", "state", "of", "Clinton", "'s", "campaign", "."],
            ["O", "O", "O", "O", "O", "B-PERSON", "O", "O", "O"],
            [("Clinton", "person")],
            [("Clinton", "person")],
            id="state-of",
        ),
        # "the Clinton campaign", "the Trump camp": no place word
        pytest.param(
            "en",
            ["The", "Clinton", "campaign", "said", "so", "."],
            ["O", "B-PERSON", "O", "O", "O", "O"],
            [("Clinton", "person")],
            [("Clinton", "person")],
            id="no-place-word",
        ),
    ],
)
def test_extractors_entities_v5_name_called_a_place_is_one(
    lang: str, words: list[str], ents: list[str], v4: list[tuple[str, str]], v5: list[tuple[str, str]]
) -> None:
    assert kinds(lang, words, ents=ents) == {"entities.v4": v4, "entities.v5": v5}


@pytest.mark.parametrize(
    ("words", "pos", "heads", "ents", "v4", "v5"),
    [
        pytest.param(
            ["Un", "élu", "de", "La", "France", "insoumise", "a", "parlé", "."],
            ["DET", "NOUN", "ADP", "DET", "PROPN", "ADJ", "AUX", "VERB", "PUNCT"],
            [1, 7, 4, 4, 1, 4, 7, 7, 7],
            ["O", "O", "O", "O", "B-LOC", "O", "O", "O", "O"],
            [("France", "place")],
            [("La France insoumise", "organisation")],
            id="a-party-not-the-country",
        ),
        pytest.param(
            ["Selon", "Le", "Maine", "libre", ",", "il", "a", "menti", "."],
            ["ADP", "DET", "PROPN", "ADJ", "PUNCT", "PRON", "AUX", "VERB", "PUNCT"],
            [2, 2, 7, 2, 7, 7, 7, 7, 7],
            ["O", "O", "B-LOC", "O", "O", "O", "O", "O", "O"],
            [("Maine", "place")],
            [("Le Maine libre", "organisation")],
            id="a-newspaper-not-the-region",
        ),
        # a relative clause or a conjunction after the place is no part of its name
        pytest.param(
            ["Selon", "La", "Provence", "qui", "affirmait", "cela", ",", "il", "a", "menti", "."],
            ["ADP", "DET", "PROPN", "PRON", "VERB", "PRON", "PUNCT", "PRON", "AUX", "VERB", "PUNCT"],
            [2, 2, 9, 4, 2, 4, 9, 9, 9, 9, 9],
            ["O", "O", "B-LOC", "O", "O", "O", "O", "O", "O", "O", "O"],
            [("Provence", "place")],
            [("Provence", "place")],
            id="not-a-relative-clause",
        ),
        # a body by its head word stays one, in text whose commas were stripped ("... d'Idlib, Nusra Front")
        pytest.param(
            ["Des", "combats", "dans", "la", "province", "d'", "Idlib", "Nusra", "Front", "."],
            ["DET", "NOUN", "ADP", "DET", "NOUN", "ADP", "PROPN", "PROPN", "PROPN", "PUNCT"],
            [1, 1, 4, 4, 1, 8, 8, 8, 4, 1],
            ["O", "O", "O", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O"],
            [("Idlib Nusra Front", "organisation")],
            [("Idlib Nusra Front", "organisation")],
            id="a-body-by-its-head-word",
        ),
        # a noun right after the place starts no name of its own: "une Le Mans prototype" is a kind of car
        pytest.param(
            ["Il", "pilote", "une", "Le", "Mans", "prototype", "."],
            ["PRON", "VERB", "DET", "DET", "PROPN", "NOUN", "PUNCT"],
            [1, 1, 4, 4, 1, 4, 1],
            ["O", "O", "O", "O", "B-LOC", "O", "O"],
            [("Mans", "place")],
            [("Mans", "place")],
            id="not-a-noun-first",
        ),
        # a lower-case article says nothing of a longer name: "la France entière" is the country
        pytest.param(
            ["Il", "a", "parlé", "à", "la", "France", "entière", "."],
            ["PRON", "AUX", "VERB", "ADP", "DET", "PROPN", "ADJ", "PUNCT"],
            [2, 2, 2, 5, 5, 2, 5, 2],
            ["O", "O", "O", "O", "O", "B-LOC", "O", "O"],
            [("France", "place")],
            [("France", "place")],
            id="lower-case-article",
        ),
    ],
)
def test_extractors_entities_v5_place_inside_a_longer_name_is_that_name(
    words: list[str],
    pos: list[str],
    heads: list[int],
    ents: list[str],
    v4: list[tuple[str, str]],
    v5: list[tuple[str, str]],
) -> None:
    found = kinds("fr", words, pos=pos, heads=heads, deps=["dep"] * len(words), ents=ents)
    assert found == {"entities.v4": v4, "entities.v5": v5}
