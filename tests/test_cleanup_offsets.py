"""The map from clean offsets back to the original text is exact."""

from __future__ import annotations

import random
import unicodedata

import pytest

from kgbuild.readers.cleanup import CleanText, clean_text

# Written out here, independently of the module: what each character becomes.
SAME_LENGTH = {
    **dict.fromkeys("’‘‛ʼ", "'"),
    **dict.fromkeys("„“”‟″〝〞＂", '"'),
    **dict.fromkeys("\u00a0\u202f\u2009\u2007\u2002\u3000", " "),
    **dict.fromkeys("\u2028\u2029", "\n"),
}
REMOVED = set("\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u202a\u202c\u2066\u2069\x80\x90\x9f")


def normalise(original: str) -> str:
    """The original text with every clean-up but the inserted spaces.

    Accents are composed before invisible characters go: one between a letter and its accent
    keeps them apart, as it did in the original.
    """
    text = unicodedata.normalize("NFC", original.replace("\r\n", "\n").replace("\r", "\n"))
    return "".join(SAME_LENGTH.get(char, char) for char in text if char not in REMOVED)


def inserted(result: CleanText) -> list[int]:
    """Clean offsets of the characters that have no original (the inserted spaces)."""
    return [i for i in range(len(result.text)) if (lambda s: s[0] == s[1])(result.to_original(i, i + 1))]


def without(text: str, offsets: list[int], shift: int = 0) -> str:
    drop = {offset - shift for offset in offsets}
    return "".join(char for i, char in enumerate(text) if i not in drop)


def check_span(original: str, result: CleanText, start: int, end: int, spaces: list[int]) -> None:
    first, last = result.to_original(start, end)
    assert 0 <= first <= last <= len(original)
    assert normalise(original[first:last]) == without(result.text[start:end], spaces, start)
    if first < last:
        # removed characters at the edges of a span are not part of it
        assert original[first] not in REMOVED
        assert original[last - 1] not in REMOVED


@pytest.mark.parametrize(
    ("original", "span", "expected"),
    [
        ("jeudi.Le gouvernement", "jeudi. Le", "jeudi.Le"),
        ("jeudi.Le gouvernement", " ", ""),
        ("jeudi.Le gouvernement", ". ", "."),
        ("jeudi.Le gouvernement", " Le", "Le"),
        ("Figaro.\u200b\u200bLe chef", "Figaro. Le", "Figaro.\u200b\u200bLe"),
        ("Figaro.\u200b\u200bLe chef", " Le", "Le"),
        ("Figaro.\u200b\u200bLe chef", "Figaro.", "Figaro."),
        ("intéres\u00adsant", "intéressant", "intéres\u00adsant"),
        ("\u200bmot\u200b", "mot", "mot"),
        ("ligne\r\nsuivante", "ligne\n", "ligne\r\n"),
        ("ligne\r\nsuivante", "\nsuivante", "\nsuivante"),
        ("cafe\u0301 noir", "café", "cafe\u0301"),
        ("cafe\u0301 noir", "é", "e\u0301"),
        ("cafe\u0301 noir", "é noir", "e\u0301 noir"),
        (
            "«\u00a0Non\u202f!\u00a0» dit-il.Puis",
            "« Non ! » dit-il. Puis",
            "«\u00a0Non\u202f!\u00a0» dit-il.Puis",
        ),
    ],
)
def test_cleanup_offsets_table(original: str, span: str, expected: str) -> None:
    result = clean_text(original)
    start = result.text.index(span)
    first, last = result.to_original(start, start + len(span))
    assert original[first:last] == expected


def test_cleanup_offsets_inserted_space_is_between_the_two_characters() -> None:
    original = "fin.»Le début"
    result = clean_text(original)
    (space,) = inserted(result)
    position, same = result.to_original(space, space + 1)
    assert position == same
    assert (original[position - 1], original[position]) == ("»", "L")
    assert result.to_original(space, space) == (position, position)


def test_cleanup_offsets_inserted_space_after_removed_characters() -> None:
    original = "Figaro.\u200b\u200bLe chef"
    result = clean_text(original)
    (space,) = inserted(result)
    assert result.to_original(space, space + 1) == (7, 7)
    assert result.to_original(0, space + 1) == (0, 7)
    assert result.to_original(space, space + 3) == (9, 11)


def test_cleanup_offsets_whole_text_and_ends() -> None:
    original = "\ufeffjeudi.Le texte\u200b"
    result = clean_text(original)
    assert result.to_original(0, len(result.text)) == (1, len(original) - 1)
    assert result.to_original(len(result.text), len(result.text)) == (len(original), len(original))
    assert clean_text("\u200b\u00ad").to_original(0, 0) == (2, 2)


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (3, 2), (0, 100)])
def test_cleanup_offsets_bad_span_raises(start: int, end: int) -> None:
    with pytest.raises(ValueError, match="outside the clean text"):
        clean_text("jeudi.Le texte").to_original(start, end)


PIECES = [
    "jeudi", "Le", "gouvernement", "a", "dit", "É", "3", "2019", "M", "U", "J", "K", "lemonde", "fr",
    ".", ".", ".", "?", "!", "…", ",", " ", " ", " ", "\n", "\r\n", "\r",
    "«", "»", '"', "“", "”", "„", "’", "‘", "(", ")", "\u00a0", "\u202f", "\u2009",
    "\u00ad", "\u200b", "\u200d", "\ufeff", "\u200e", "\x90", "\u2028",
    "e\u0301", "a\u0300", "\u0301", "www.", "https://", "@",
]  # fmt: skip


def random_text(rng: random.Random) -> str:
    return "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 60)))


def test_cleanup_offsets_property_random_texts() -> None:
    rng = random.Random(20240611)
    changed = 0
    for _ in range(1500):
        original = random_text(rng)
        result = clean_text(original)
        changed += result.text != original
        spaces = inserted(result)
        assert len(result.text) - len(spaces) == len(normalise(original))
        length = len(result.text)
        for _ in range(20):
            start = rng.randint(0, length)
            end = rng.randint(start, length)
            check_span(original, result, start, end, spaces)
            if start < end:
                middle = rng.randint(start, end)
                left, right = result.to_original(start, middle), result.to_original(middle, end)
                # adjacent spans map to ordered spans, and cover the whole between them; a part made
                # only of inserted characters maps to an empty position and bounds nothing
                assert left[1] <= right[0]
                left_counts = start < middle and not set(range(start, middle)) <= set(spaces)
                right_counts = middle < end and not set(range(middle, end)) <= set(spaces)
                if left_counts or right_counts:
                    assert result.to_original(start, end) == (
                        left[0] if left_counts else right[0],
                        right[1] if right_counts else left[1],
                    )
    assert changed > 1000  # the generator does produce artefacts


def test_cleanup_offsets_every_character_maps_to_its_source() -> None:
    rng = random.Random(7)
    for _ in range(300):
        original = random_text(rng)
        result = clean_text(original)
        spaces = set(inserted(result))
        for i, char in enumerate(result.text):
            first, last = result.to_original(i, i + 1)
            if i in spaces:
                assert char in " \n"
                assert first == last
            else:
                assert normalise(original[first:last]) == char
