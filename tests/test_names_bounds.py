"""Where the name sits inside an entity's words: no determiner, title, punctuation or trailing date."""

from __future__ import annotations

import pytest

from kgbuild.extractors.lexicon import load_lexicon
from kgbuild.extractors.names import name_bounds


@pytest.mark.parametrize(
    ("lang", "words", "pos", "name"),
    [
        (
            "fr",
            ["le", "président", "Emmanuel", "Macron"],
            ["DET", "NOUN", "PROPN", "PROPN"],
            "Emmanuel Macron",
        ),
        ("fr", ["franceinfo", "jeudi"], ["PROPN", "NOUN"], "franceinfo"),  # the recognizer ran into the date
        ("fr", ["jeudi"], ["NOUN"], "jeudi"),  # a lone word is kept
        ("fr", ["Économie", "Bruno", "Le", "Maire"], ["NOUN", "PROPN", "DET", "NOUN"], "Bruno Le Maire"),
        ("fr", ["Union", "européenne"], ["NOUN", "ADJ"], "Union européenne"),
        ("en", ["the", "Senate", "'s"], ["DET", "PROPN", "PART"], "Senate"),
    ],
)
def test_names_bounds_strip_what_is_not_the_name(
    lang: str, words: list[str], pos: list[str], name: str
) -> None:
    start, end = name_bounds(words, pos, load_lexicon(lang))
    assert " ".join(words[start:end]) == name
