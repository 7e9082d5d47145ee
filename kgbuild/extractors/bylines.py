"""Quotations signed after a dash: `“We are ashamed.” ― Sonya Herridge`, `« Nous avons honte. » — Jean Dupont`.

Readers' testimonies, vox pops and epigraphs put the speaker after the quotation, behind a dash, with no verb
at all. The dash is the cue, the quotation the content and the name the source.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from kgbuild.extractors.chains import ChainRules
from kgbuild.extractors.scene import Candidate

DASHES = frozenset("―—–")
_NAME_POS = frozenset({"PROPN"})
_NAME_MAX = 4  # tokens; a longer run after a dash is a phrase, not a signature
_AFTER_NAME = frozenset(",(")  # "― Jane Doe, 34, Miami", "― Jane Doe (Texas)"
_MIN_WORDS = 3


class BylineRules(ChainRules):
    def _dash_bylines(self, found: list[Candidate]) -> Iterator[Candidate]:
        claimed = [c.content for c in found]
        text = self.text
        for quote in self.quotes.quotes:
            dash = _skip_blanks(text, quote.end)
            if dash >= len(text) or text[dash] not in DASHES:
                continue
            name = self._signature(_skip_blanks(text, dash + 1))
            if name is None:
                continue
            content = self._trim_chars(quote.inner_start, quote.inner_end)
            if content is None or len(text[content[0] : content[1]].split()) < _MIN_WORDS:
                continue
            if any(_covers(other, content) for other in claimed):
                continue  # already attributed (attributions quoted inside it stand apart)
            first, last, head = name
            yield Candidate(
                cue=(dash, dash + 1),
                content=content,
                source=(max(self.index.idx[first], dash + 1), self.index.end[last]),
                source_tokens=(first, last + 1, head),
                lemma=text[dash],
                act="assert",
                anchor=first,
                confidence=0.6,
                certain=True,
            )

    def _signature(self, start: int) -> tuple[int, int, int] | None:
        """First and last token and head of a name that begins at character ``start`` and ends its line
        (or goes on with a comma or a parenthesis), or None. The first token may hold the dash as well:
        the tokenizer leaves "”―Janet" whole."""
        index = self.index
        i = last = bisect_right(index.idx, start) - 1
        if i < 0 or index.end[i] <= start:
            return None
        pos = index.pos_strings
        if pos[i] not in _NAME_POS:
            return None
        while last + 1 < len(index) and pos[last + 1] in _NAME_POS and last + 1 - i < _NAME_MAX:
            last += 1
        text = self.text
        after = _skip_blanks(text, index.end[last])
        if after < len(text) and text[after] == ".":  # "― Jane Doe." closing the paragraph
            after = _skip_blanks(text, after + 1)
        if after < len(text) and text[after] not in "\n\r" and text[after] not in _AFTER_NAME:
            return None
        heads = index.head
        head = next((k for k in range(i, last + 1) if not i <= heads[k] <= last or heads[k] == k), last)
        return i, last, head


def _covers(outer: tuple[int, int], inner: tuple[int, int]) -> bool:
    """Whether ``outer`` holds at least half of ``inner``."""
    shared = min(outer[1], inner[1]) - max(outer[0], inner[0])
    return 2 * shared >= inner[1] - inner[0]


def _skip_blanks(text: str, pos: int) -> int:
    """The first position from ``pos`` past spaces on the same line (a line break stops it)."""
    while pos < len(text) and text[pos].isspace() and text[pos] not in "\n\r":
        pos += 1
    return pos
