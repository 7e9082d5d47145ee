"""Quotation marks paired over a text, and looked up from tokens.

Pairing works on characters, not tokens, because tokenisers glue quotes to words in texts with missing
spaces (``territoriales."Au``). Typographic marks open and close. Marks that do both (``"`` and the
doubled apostrophe ``''`` of some newspapers) are told apart by what surrounds them: after a space and
before a word a mark opens, after a word and before a space or punctuation it closes; otherwise it
toggles. So one stray mark does not flip every later quotation. A quote that is never closed, or runs
longer than :data:`MAX_QUOTE_CHARS`, is dropped rather than swallowing the rest of the article.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

MAX_QUOTE_CHARS = 3000
_OPENERS = {"«": "»", "“": "”", "„": "“", "‹": "›"}
_CLOSERS = {"»", "”", "›"}
_AMBIGUOUS = {'"', "''"}
_QUOTE_MARKS = re.compile(r"''|[«»“”„‹›\"]")
_OPEN_BEFORE = set(" \t\n([{―—–-/«“„")
_CLOSE_AFTER = set(" \t\n.,;:!?)]}―—–-/»”")


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: ``start`` is at the opening mark, ``end`` just after the closing mark."""

    start: int
    end: int
    open_length: int = 1
    close_length: int = 1

    @property
    def inner_start(self) -> int:
        return self.start + self.open_length

    @property
    def inner_end(self) -> int:
        return self.end - self.close_length


def find_quotes(text: str) -> list[Quote]:
    """Outermost quotations of ``text``, in order, as character offsets."""
    stack: list[tuple[str, int]] = []
    found: list[Quote] = []
    for match in _QUOTE_MARKS.finditer(text):
        mark, pos = match.group(), match.start()
        if mark in _AMBIGUOUS:
            depth = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == mark), None)
            before = text[pos - 1] if pos > 0 else " "
            after = text[match.end()] if match.end() < len(text) else " "
            opens = before in _OPEN_BEFORE and after not in _CLOSE_AFTER
            closes = after in _CLOSE_AFTER and before not in _OPEN_BEFORE
            if depth is None:
                if not closes:
                    stack.append((mark, pos))
                continue
            if opens:  # the earlier mark was never closed: start again from this one
                del stack[depth:]
                stack.append((mark, pos))
                continue
        elif mark in _OPENERS and not (mark == "“" and stack and stack[-1][0] == "„"):
            stack.append((mark, pos))
            continue
        elif mark in _CLOSERS or mark == "“":
            depth = next(
                (k for k in range(len(stack) - 1, -1, -1) if _OPENERS.get(stack[k][0]) == mark), None
            )
            if depth is None:
                continue
        else:
            continue
        opener, opened = stack[depth]
        del stack[depth:]
        if stack or match.end() - opened > MAX_QUOTE_CHARS:
            continue  # nested quote, or a runaway pairing
        found.append(Quote(opened, match.end(), len(opener), len(mark)))
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
        for k, quote in enumerate(self.quotes):
            # only the tokens a quotation overlaps; a token across two (``."Au``) belongs to the first
            for i in range(bisect_right(ends, quote.start), bisect_left(starts, quote.end)):
                if inside[i] >= 0:
                    continue
                inside[i] = k
                if starts[i] <= quote.start < ends[i]:
                    opens[i] = k
                if starts[i] <= quote.end - 1 < ends[i]:
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
