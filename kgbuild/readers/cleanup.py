"""Scraping artefacts out of article texts, with a map from clean offsets back to the original.

The NLP runs on the clean text; the graph keeps offsets into the text as read. What changes:

- one character for another (offsets unchanged): typographic apostrophes (’ ‘ ‛ ʼ) to ``'``;
  the double quotes „ “ ” ‟ ″ 〝 〞 ＂ to ``"`` (« » stay: spaCy's French tokenizer knows them);
  no-break, narrow, thin and other fixed-width spaces to a space; a lone CR, U+2028 and U+2029
  to a line feed;
- characters removed: the CR of CRLF, soft hyphens, zero-width spaces and joiners, word
  joiners, byte-order marks, bidirectional marks, and C1 control characters (mis-decoded bytes);
- combining accents composed with their letter (NFC: "e" + U+0301 becomes "é");
- a space inserted where a sentence is glued to the next one ("jeudi.Le" becomes "jeudi. Le"):
  sentence-final ``.``, ``!``, ``?``, ``…`` (any run of them) after a lowercase letter, a digit
  or a closing quote or bracket, and before an uppercase letter, possibly with closing quotes or
  brackets between (the space goes after them) or an opening one (the space goes before it),
  and invisible characters (the space goes after them).
  An acronym of two capitals or more ends a sentence too ("selon l'AFP.Une journaliste").
  Left alone: "M.Dupont" and "U.S.A" (one capital before the period), "J.K.Rowling" and "Ph.D."
  (a single capital followed by a period is an initial), "3.5", "lemonde.fr", and anything in
  a token that looks like a URL or an e-mail address;
- line breaks inserted around section headings that lost theirs ("arrestations.- Statut de
  réfugié -Toujours" becomes "arrestations.\n- Statut de réfugié -\nToujours"): a dash right after
  a sentence end, before a capital or a quote, opens a heading; a dash after a space within the
  next 80 characters, with no sentence end between, closes it. Without the breaks the parser
  reads the previous sentence, the heading and the next sentence as one;
- a line break inserted where a heading without a final stop is glued to the next sentence
  ("20 ansSelon les locaux" becomes "20 ans\nSelon les locaux"): a lowercase word of three
  letters or more that runs straight into a capitalised one. Left alone: words that start
  with a capital ("McLaren", "TwinPower"), short prefixes ("iPhone", "eBay"), "macOS" (two
  capitals), hashtags, handles and addresses, and a glued word that occurs again in the text
  (a name, "easyJet", not a heading). A straight double quote between the two words gets the break
  on its outer side: before it when it opens a quotation, after it when it closes one.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

_APOSTROPHES = "\u2019\u2018\u201b\u02bc"
_DOUBLE_QUOTES = "\u201e\u201c\u201d\u201f\u2033\u301d\u301e\uff02"
_SPACES = "\u00a0\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u205f\u3000"
_LINE_BREAKS = "\u2028\u2029"
_REPLACEMENTS = {
    **dict.fromkeys(_APOSTROPHES, "'"),
    **dict.fromkeys(_DOUBLE_QUOTES, '"'),
    **dict.fromkeys(_SPACES, " "),
    **dict.fromkeys(_LINE_BREAKS, "\n"),
}
# re.sub with a lookup beats str.translate tenfold here: few characters change, translate visits all
_REPLACED = re.compile(f"[{_APOSTROPHES}{_DOUBLE_QUOTES}{_SPACES}{_LINE_BREAKS}]")

# U+0085 (next line) is a line break, the other C1 controls are mis-decoded bytes.
_INVISIBLE = "\u00ad\u200b-\u200f\u2060-\u2064\ufeff\u202a-\u202e\u2066-\u2069\u0080-\u0084\u0086-\u009f"
_DELETED = re.compile(f"[{_INVISIBLE}]+")
_CARRIAGE_RETURN = re.compile("\r\n?")
_COMBINING = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_COMBINING_RUN = re.compile(f"[^{_COMBINING}][{_COMBINING}]+")

_CLOSERS = frozenset("»)]'\u2019\u201d")
_OPENERS = frozenset("«([\u2018\u201c\u201e\u201f")
_AMBIGUOUS = frozenset('"\u2033\uff02')  # opening or closing: told by counting them
_QUOTES_BRACKETS = "".join(sorted(_CLOSERS | _OPENERS | _AMBIGUOUS))
_MAY_OPEN = re.escape("".join(sorted(_OPENERS | _AMBIGUOUS)))
# A space is matched only after a quote that may open ("jeudi.« Nous"), so that ordinary
# sentence ends ("jeudi. Le") are not even candidates.
_GLUED = re.compile(
    rf"[.!?\u2026]+(?P<tail>[{re.escape(_QUOTES_BRACKETS)}{_INVISIBLE}]*)"
    rf"(?P<space>(?<=[{_MAY_OPEN}])[ \u00a0\u202f])?(?=[^\W\d_])"
)
_SPACE_BEFORE_MARK = frozenset(" \u00a0\u202f")  # French typography: "vraiment ?Non"
_HEADING_OPEN = re.compile(
    r"(?<=[.!?\u2026\u00bb\"\)])[-\u2013\u2014](?=[ \u00a0]?[A-Z\u00c0-\u00dd\u00ab\"])"
)
_HEADING_CLOSE = re.compile(
    r"[^\n.!?\u2026]{1,80}?[ \u00a0][-\u2013\u2014](?=[ \u00a0]?[A-Z\u00c0-\u00dd\u00ab\"])"
)
_URLISH = re.compile(r"://|^www(?:\.|$)|@", re.IGNORECASE)
_LOWER = "a-z\u00df-\u00f6\u00f8-\u00ff"
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
# a lowercase word (nothing letter-like before it) running into a capitalised one
# (or into a lone "A"/"À": "certaines lignes seront privilégiéesA la RATP")
_GLUED_HEADING = re.compile(
    rf"(?<![^\W\d_])[{_LOWER}]{{3,}}(?P<quote>\"?)(?=[{_UPPER}](?:[{_LOWER}]|')|[A\u00c0] )"
)
_NOT_HEADINGS = frozenset("#@/.")
# a bullet run into what comes before it ("1,5 million de manifestants.► En dépit")
_GLUED_BULLET = re.compile(r"(?<=\S)[\u25ba\u25b6\u2022\u2666\u25a0\u25aa\u25cf\u27a4]")
# a live blog's time stamp run into the sentence before it ("70% des liaisons TER.19h35.")
_GLUED_TIME = re.compile(r"(?:(?<=[^\W\d_][.!?])|(?<=[\"\u00bb)][.!?]))(?=\d{1,2}[hH](?:\d{2})?(?!\w))")


@dataclass(frozen=True, slots=True)
class _OffsetMap:
    """Clean offsets to original ones, kept as segments of the clean text.

    A copied segment maps offset to offset with a shift; an edited segment (an inserted
    space, a composed letter) maps as a whole to its original range. Deleted characters fall
    between segments.
    """

    starts: tuple[int, ...]  # clean offset where each segment starts, increasing
    original_starts: tuple[int, ...]
    original_ends: tuple[int, ...]
    copied: tuple[bool, ...]
    original_length: int

    def start(self, offset: int) -> int:
        """Original offset for a span starting at clean ``offset`` (< clean length)."""
        index = bisect.bisect_right(self.starts, offset) - 1
        if self.copied[index]:
            return self.original_starts[index] + offset - self.starts[index]
        if self.original_starts[index] == self.original_ends[index]:
            # an inserted character: the span starts with the next original one, past any removed
            return self.original_starts[index + 1] if index + 1 < len(self.starts) else self.original_length
        return self.original_starts[index]

    def point(self, offset: int) -> int:
        """Original offset for an empty span at clean ``offset`` (< clean length)."""
        index = bisect.bisect_right(self.starts, offset) - 1
        if not self.copied[index] and self.original_starts[index] == self.original_ends[index]:
            return self.original_ends[index - 1] if index else 0  # as for a span of inserted characters
        return self.start(offset)

    def end(self, offset: int) -> int:
        """Original offset for a span ending at clean ``offset`` (> 0)."""
        index = bisect.bisect_right(self.starts, offset - 1) - 1
        if self.copied[index]:
            return self.original_starts[index] + offset - self.starts[index]
        if self.original_starts[index] == self.original_ends[index]:
            # an inserted character: the span ends with the previous original one
            return self.original_ends[index - 1] if index else 0
        return self.original_ends[index]


@dataclass(frozen=True)
class CleanText:
    """A clean text and the way back to offsets in the text it was made from."""

    text: str
    _map: _OffsetMap | None = field(default=None, repr=False)  # None: the offsets are the same

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original ``[start, end)`` of the clean span ``[start, end)``.

        An inserted space maps to the empty position between the two original characters
        around it; characters removed at the edges of a span are left out of it, those inside
        it are included. An empty span maps to an empty span.
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span [{start}, {end}) is outside the clean text (length {len(self.text)})")
        if self._map is None:
            return start, end
        if start == len(self.text):
            return self._map.original_length, self._map.original_length
        if start == end:
            point = self._map.point(start)
            return point, point
        first, last = self._map.start(start), self._map.end(end)
        # only inserted characters (with removed ones around them): an empty span where they go
        return (first, last) if first <= last else (last, last)


def clean_text(text: str) -> CleanText:
    """``text`` without its scraping artefacts (see the module docstring), with an offset map."""
    edits = _edits(text)
    if not edits:
        return CleanText(_replace_characters(text))
    return _apply(text, edits)


def _replace_characters(text: str) -> str:
    return _REPLACED.sub(_replacement, text)


def _replacement(match: re.Match[str]) -> str:
    return _REPLACEMENTS[match.group()]


def _edits(text: str) -> list[tuple[int, int, str]]:
    """Length-changing (or CR) edits as ``(start, end, replacement)`` in original offsets."""
    edits: list[tuple[int, int, str]] = []
    if "\r" in text:
        # CRLF -> LF by dropping the CR; a lone CR becomes a LF
        edits.extend(
            (m.start(), m.start() + 1, "" if m.end() - m.start() == 2 else "\n")
            for m in _CARRIAGE_RETURN.finditer(text)
        )
    edits.extend((m.start(), m.end(), "") for m in _DELETED.finditer(text))
    if not unicodedata.is_normalized("NFC", text):
        for m in _COMBINING_RUN.finditer(text):
            composed = unicodedata.normalize("NFC", m.group())
            if composed != m.group():
                edits.append(_narrowed(m.start(), m.group(), composed))
    edits.extend((position, position, " ") for position in _glued_sentences(text))
    edits.extend((position, position, "\n") for position in _heading_breaks(text))
    edits.extend((position, position, "\n") for position in _glued_headings(text))
    edits.extend((m.start(), m.start(), "\n") for m in _GLUED_BULLET.finditer(text))
    edits.extend((m.start(), m.start(), "\n") for m in _GLUED_TIME.finditer(text))
    edits.sort(key=lambda edit: (edit[0], edit[1]))
    return edits


def _narrowed(start: int, before: str, after: str) -> tuple[int, int, str]:
    """The edit from ``before`` to ``after`` without their common ends, for a tighter offset map
    ("a" + grave + acute becomes "à" + acute: only the first two characters are replaced)."""
    prefix = 0
    while prefix < min(len(before), len(after)) and before[prefix] == after[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(before), len(after)) - prefix and before[-1 - suffix] == after[-1 - suffix]:
        suffix += 1
    return start + prefix, start + len(before) - suffix, after[prefix : len(after) - suffix]


def _glued_sentences(text: str) -> list[int]:
    """Where a space is missing between two sentences (original offsets)."""
    positions = []
    for m in _GLUED.finditer(text):
        after = m.end()
        if not text[after].isupper() or text[after + 1 : after + 2] == ".":
            continue
        if not _ends_sentence(text, m.start(), m.group()):
            continue
        insert_at = _split_tail(text, m.start("tail"), m.group("tail"))
        if insert_at is None:
            continue
        if m.group("space") and insert_at == m.end("tail"):
            continue  # "jeudi.« Nous" needs a space; '"Fini." Puis' has one
        if _in_url(text, m.start()):
            continue
        positions.append(insert_at)
    return positions


def _heading_breaks(text: str) -> list[int]:
    """Where a line break goes around a section heading glued to the text (original offsets)."""
    positions = []
    for m in _HEADING_OPEN.finditer(text):
        positions.append(m.start())
        close = _HEADING_CLOSE.match(text, m.end())
        if close is not None:
            positions.append(close.end())
    return positions


def _glued_headings(text: str) -> list[int]:
    """Where a heading without a final stop runs into the next sentence (original offsets)."""
    positions = []
    for m in _GLUED_HEADING.finditer(text):
        word_start = text.rfind(" ", 0, m.start()) + 1
        word_end = m.end() + 1
        while word_end < len(text) and text[word_end].isalpha():
            word_end += 1
        if any(c in _NOT_HEADINGS for c in text[word_start : m.start()]):
            continue
        glued = text[m.start() : word_end]
        if text.count(glued) > 1:
            continue
        if m.group("quote"):
            # a quotation mark between the two: the break goes before it when it opens (an even number
            # of them before it), after it when it closes ("...rapprochée\"Les experts")
            mark = m.start("quote")
            positions.append(mark if text.count('"', 0, mark) % 2 == 0 else m.end())
            continue
        positions.append(m.end())
    return positions


def _ends_sentence(text: str, mark: int, marks: str) -> bool:
    while mark and unicodedata.combining(text[mark - 1]):
        mark -= 1  # "cafe\u0301.Le": the letter under the accent decides
    before = text[mark - 1] if mark else ""
    if before.islower() or before.isdigit() or before in _CLOSERS or before in _AMBIGUOUS:
        return True
    if before.isupper() and mark >= 2 and text[mark - 2].isupper():
        return True  # "l'AFP.Une journaliste": an acronym ends the sentence ("M.Dupont", "U.S.Army" do not)
    if before in _SPACE_BEFORE_MARK and marks[0] in "!?" and mark >= 2:
        word_end = text[mark - 2]
        return word_end.isalnum() or word_end in _CLOSERS or word_end in _AMBIGUOUS
    return False


def _split_tail(text: str, start: int, tail: str) -> int | None:
    """Where the space goes in the quotes and brackets after the marks: after the closing ones,
    before the opening ones; None when they come in an order that says nothing clear."""
    insert_at = start + len(tail)
    opened = False
    for offset, char in enumerate(tail, start):
        if _DELETED.match(char):
            continue  # "du Figaro.\u200bLe": invisible, removed anyway
        # an odd number of the same ambiguous quote before it: this one closes
        closes = text.count(char, 0, offset) % 2 == 1 if char in _AMBIGUOUS else char in _CLOSERS
        if closes and opened:
            return None
        if not closes and not opened:
            opened = True
            insert_at = offset
    return insert_at


def _in_url(text: str, mark: int) -> bool:
    left = text[max(0, mark - 200) : mark]
    if not left or left[-1].isspace():
        return False
    return _URLISH.search(left.split()[-1]) is not None


def _apply(text: str, edits: list[tuple[int, int, str]]) -> CleanText:
    pieces: list[str] = []
    starts: list[int] = []
    original_starts: list[int] = []
    original_ends: list[int] = []
    copied: list[bool] = []
    done = 0  # original offset copied up to
    length = 0  # clean length so far
    for start, end, replacement in edits:
        if start < done:
            continue  # overlaps an earlier edit (a mark inside a removed run): the earlier one wins
        if start > done:
            pieces.append(text[done:start])
            starts.append(length)
            original_starts.append(done)
            original_ends.append(start)
            copied.append(True)
            length += start - done
        if replacement:
            pieces.append(replacement)
            starts.append(length)
            original_starts.append(start)
            original_ends.append(end)
            copied.append(False)
            length += len(replacement)
        done = end
    if done < len(text):
        pieces.append(text[done:])
        starts.append(length)
        original_starts.append(done)
        original_ends.append(len(text))
        copied.append(True)
    clean = _replace_characters("".join(pieces))
    offsets = _OffsetMap(
        tuple(starts), tuple(original_starts), tuple(original_ends), tuple(copied), len(text)
    )
    return CleanText(clean, offsets)
