"""entities.v5: a name the article calls a place, after a word for one ("the town of Khan Sheikhun", "la ville de
Hama") or before it ("Idlib province"), is a place in all its mentions, whatever kind the recognizer gave each
(hand-built Docs, so that the recognizer's labels are the ones under test)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kgbuild.extractors import ExtractContext, get_extractor


def kinds(lang: str, words: list[str], ents: list[str]) -> dict[str, list[tuple[str, str]]]:
    """The (text, kind) of each mention that entities.v4 and entities.v5 find in the Doc of ``words``."""
    spaces = [nxt not in {".", ","} for nxt in [*words[1:], ""]]
    found = {}
    for version in ("entities.v4", "entities.v5"):
        doc = Doc(spacy.blank(lang).vocab, words=words, spaces=spaces, ents=ents)
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
        # a text stripped of its commas runs the town into the next name: that one is still a person
        pytest.param(
            "en",
            ["In", "the", "province", "of", "Idlib", "activist", "Nayef", "Mustafa", "said", "so", "."],
            ["O", "O", "O", "O", "B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O", "O", "O"],
            [("Idlib activist Nayef Mustafa", "person")],
            [("Idlib activist Nayef Mustafa", "person")],
            id="not-a-name-with-a-common-noun",
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
    assert kinds(lang, words, ents) == {"entities.v4": v4, "entities.v5": v5}
