"""Quotation marks paired over a text, and looked up from tokens.

Pairing works on characters, not tokens, because tokenisers glue quotes to words in texts with missing
spaces (``territoriales."Au``). Straight quotes toggle; typographic ones open and close. A quote that is
never closed, or runs longer than :data:`MAX_QUOTE_CHARS`, is dropped rather than swallowing the rest
of the article.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

MAX_QUOTE_CHARS = 3000
_OPENERS = {"«": "»", "“": "”", "„": "“", "‹": "›"}
_CLOSERS = {"»", "”", "›"}
_STRAIGHT = '"'
_QUOTE_CHARS = re.compile(r'[«»“”„‹›"]')


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: ``start`` is the opening mark, ``end`` is just after the closing mark."""

    start: int
    end: int

    @property
    def inner_start(self) -> int:
        return self.start + 1

    @property
    def inner_end(self) -> int:
        return self.end - 1


def find_quotes(text: str) -> list[Quote]:
    """Outermost quotations of ``text``, in order, as character offsets."""
    stack: list[tuple[str, int]] = []
    found: list[Quote] = []
    for match in _QUOTE_CHARS.finditer(text):
        mark, pos = match.group(), match.start()
        if mark == _STRAIGHT:
            depth = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == _STRAIGHT), None)
            if depth is None:
                stack.append((mark, pos))
                continue
            opened = stack[depth][1]
            del stack[depth:]
        elif mark in _OPENERS and not (mark == "“" and stack and stack[-1][0] == "„"):
            stack.append((mark, pos))
            continue
        elif mark in _CLOSERS or mark == "“":
            depth = next((k for k in range(len(stack) - 1, -1, -1) if _OPENERS.get(stack[k][0]) == mark), None)
            if depth is None:
                continue
            opened = stack[depth][1]
            del stack[depth:]
        else:
            continue
        if stack or pos + 1 - opened > MAX_QUOTE_CHARS:
            continue  # nested quote, or a runaway pairing
        found.append(Quote(opened, pos + 1))
    found.sort(key=lambda q: q.start)
    return _drop_contained(found)


def _drop_contained(quotes: list[Quote]) -> list[Quote]:
    kept: list[Quote] = []
    for quote in quotes:
        if kept and quote.start < kept[-1].end:
            continue
        kept.append(quote)
    return kept


class QuoteMap:
    """The quotations of a text, with per-token lookups in O(1) after one linear pass.

    ``starts`` and ``ends`` are the character offsets of the tokens (end exclusive).
    """

    def __init__(self, text: str, starts: list[int], ends: list[int]) -> None:
        self.quotes = find_quotes(text)
        self._starts = [q.start for q in self.quotes]
        inside = [-1] * len(starts)
        opens: dict[int, int] = {}
        closes: dict[int, int] = {}
        k = 0
        if self.quotes:
            for i, (start, end) in enumerate(zip(starts, ends, strict=True)):
                while k < len(self.quotes) and self.quotes[k].end <= start:
                    k += 1
                if k == len(self.quotes):
                    break
                quote = self.quotes[k]
                if quote.start < end:
                    inside[i] = k
                    if start <= quote.start < end:
                        opens[i] = k
                    if start <= quote.end - 1 < end:
                        closes[i] = k
        self._inside = inside
        self._opens = opens
        self._closes = closes

    def quote_of(self, i: int) -> int:
        """Index of the quotation token ``i`` belongs to (marks included), or -1."""
        return self._inside[i]

    def is_inner(self, i: int) -> bool:
        """True for a token inside a quotation, not one of its marks."""
        return self._inside[i] >= 0 and i not in self._opens and i not in self._closes

    def opening(self, i: int) -> int:
        return self._opens.get(i, -1)

    def closing(self, i: int) -> int:
        return self._closes.get(i, -1)

    def at_char(self, pos: int) -> int:
        k = bisect_right(self._starts, pos) - 1
        if k >= 0 and self.quotes[k].start <= pos < self.quotes[k].end:
            return k
        return -1

    def coverage(self, start: int, end: int) -> tuple[int, int]:
        """(characters of [start, end) inside quotations, number of quotations overlapping it)."""
        covered = 0
        count = 0
        k = max(bisect_right(self._starts, start) - 1, 0)
        while k < len(self.quotes) and self.quotes[k].start < end:
            quote = self.quotes[k]
            overlap = min(end, quote.inner_end) - max(start, quote.inner_start)
            if overlap > 0:
                covered += overlap
                count += 1
            k += 1
        return covered, count
