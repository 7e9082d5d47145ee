import pytest

from kgbuild.eval.measures import is_punctuation_only, merged, names_agree, overlap, token_f1, tokens
from kgbuild.records import Span


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        ("la route fermera lundi", "la route fermera lundi", 1.0),
        ("la route fermera", "la route fermera lundi", 2 * 1 * 0.75 / 1.75),  # P 3/3, R 3/4
        ("« la route fermera lundi »", "la route fermera lundi", 1.0),  # punctuation is not a token
        ("lundi lundi", "lundi", 2 * 0.5 * 1 / 1.5),  # tokens are a bag: P 1/2, R 1/1
        ("demain", "la route fermera lundi", 0.0),
        ("", "", 1.0),
        ("...", "la route", 0.0),
        ("Élysée d'été", "élysée d'été", 2 * (2 / 3) * (2 / 3) / (4 / 3)),  # case kept: 2 of 3 tokens shared
    ],
)
def test_measures_token_f1(predicted: str, gold: str, expected: float) -> None:
    assert token_f1(predicted, gold) == pytest.approx(expected)


def test_measures_tokens_are_unicode_word_runs() -> None:
    assert tokens("Sergueï Lavrov a dit: «l'État»") == ["Sergueï", "Lavrov", "a", "dit", "l", "État"]


@pytest.mark.parametrize(
    ("cue", "expected"),
    [
        (":", True),
        ('"', True),
        ("« »", True),
        ("", True),
        ("a dit", False),
        ("selon", False),
        ("d'après", False),
    ],
)
def test_measures_punctuation_only_cue(cue: str, expected: bool) -> None:
    assert is_punctuation_only(cue) is expected


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        ("Macron", "Emmanuel Macron", True),
        ("M. Emmanuel Macron", "emmanuel macron", True),
        ("J.-L. Mélenchon", "jl mélenchon", True),
        ("Marine Le Pen", "Emmanuel Macron", False),
        (None, "Emmanuel Macron", False),
        ("", "", False),
        ("...", "Paul", False),
    ],
)
def test_measures_names_agree(predicted: str | None, gold: str, expected: bool) -> None:
    assert names_agree(predicted, gold) is expected
    assert names_agree(gold, predicted) is expected


def test_measures_overlap_counts_fragment_characters_only() -> None:
    text = "0123456789abcdefghij"
    gold = merged([Span(2, 5, ""), Span(10, 14, "")], text)
    assert overlap(gold, (Span(0, 20, text),)) == 7
    assert overlap(gold, (Span(5, 10, text[5:10]),)) == 0
    assert overlap(gold, (Span(4, 11, text[4:11]),)) == 2


def test_measures_merged_joins_overlapping_fragments() -> None:
    text = "0123456789"
    assert merged([Span(6, 9, ""), Span(1, 4, ""), Span(3, 5, "")], text) == (
        Span(1, 5, "1234"),
        Span(6, 9, "678"),
    )
