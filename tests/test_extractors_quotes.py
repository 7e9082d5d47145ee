"""Quotation pairing over raw text."""

from __future__ import annotations

import pytest

from kgbuild.extractors.quotes import MAX_QUOTE_CHARS, QuoteMap, find_quotes


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("Il a dit « oui » puis « non ».", ["« oui »", "« non »"]),
        ('He said "yes" and "no".', ['"yes"', '"no"']),
        ("She said “we won”.", ["“we won”"]),
        ("« Il a crié “stop” hier », dit-elle.", ["« Il a crié “stop” hier »"]),
        ('territoriales."Au moins 25" ponts', ['"Au moins 25"']),
        ('Un "guillemet seul', []),
        ("Fermé » sans ouverture « puis rien", []),
    ],
)
def test_extractors_quotes_pairing(text: str, quoted: list[str]) -> None:
    assert [text[q.start : q.end] for q in find_quotes(text)] == quoted


def test_extractors_quotes_runaway_quote_is_dropped() -> None:
    text = '"' + "a" * MAX_QUOTE_CHARS + '" et "b".'
    assert [text[q.start : q.end] for q in find_quotes(text)] == ['"b"']


def test_extractors_quotes_token_lookups() -> None:
    text = "Il dit « oui » ."
    starts = [0, 3, 7, 9, 13, 15]
    ends = [2, 6, 8, 12, 14, 16]
    quotes = QuoteMap(text, starts, ends)
    assert [quotes.quote_of(i) for i in range(6)] == [-1, -1, 0, 0, 0, -1]
    assert (quotes.opening(2), quotes.closing(4)) == (0, 0)
    assert quotes.is_inner(3)
    assert not quotes.is_inner(2)
    assert quotes.coverage(0, len(text)) == (5, 1)
