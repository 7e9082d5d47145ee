"""Per-token facts of a Doc read once as plain lists.

Iterating a Doc creates a Python ``Token`` per position, and ``Doc.text`` / ``Doc.ents`` / ``Doc.sents``
rebuild their results on every access. The extractors read what they need for every token here, in one
``Doc.to_array`` call, and create ``Token`` objects only around the cues they find.
"""

from __future__ import annotations

import functools
import weakref
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

import numpy
from spacy.attrs import (
    DEP,
    ENT_IOB,
    ENT_TYPE,
    HEAD,
    IDX,
    IS_PUNCT,
    LEMMA,
    LENGTH,
    LOWER,
    MORPH,
    ORTH,
    POS,
    SENT_START,
    SPACY,
    TAG,
)
from spacy.strings import StringStore, get_string_id
from spacy.tokens import Doc, MorphAnalysis

from kgbuild.sentence_starts import NEVER_FIRST

_IOB_BEGIN = 3
_IOB_INSIDE = 1


@dataclass(frozen=True, slots=True)
class EntitySpan:
    start: int  # token index
    end: int  # token index, exclusive
    label: str


_last: tuple[weakref.ReferenceType[Doc], DocIndex] | None = None

# spaCy's string hashes are the same in every Vocab (a fixed hash of the string, or a fixed symbol id), so
# the strings of one Doc's words and labels serve the next Docs: news repeats most of its words.
_NAMES: dict[int, str] = {0: ""}
_NAMES_LIMIT = 400_000
_NEVER_FIRST = tuple(get_string_id(word) for word in NEVER_FIRST)
# Morphological values by field and morphology hash, as global as the hashes; a few thousand analyses.
_MORPH_VALUES: dict[str, dict[int, tuple[str, ...]]] = {}


def names_of(strings: StringStore, column: list[int]) -> list[str]:
    """The string of each hash in ``column`` ("" for 0), as ``strings[h]`` gives it."""
    names = _NAMES
    try:
        return [names[h] for h in column]
    except KeyError:
        if len(names) > _NAMES_LIMIT:
            names.clear()
            names[0] = ""
        for h in set(column).difference(names):
            names[h] = strings[h]
        return [names[h] for h in column]


def index_of(doc: Doc) -> DocIndex:
    """The DocIndex of ``doc``, shared by the extractors that run one after the other on it."""
    global _last
    if _last is not None and _last[0]() is doc and len(_last[1]) == len(doc):
        return _last[1]
    index = DocIndex(doc)
    _last = (weakref.ref(doc), index)
    return index


class Tree:
    """Children (in text order), subtree edges (first and last index) and labels of every token."""

    def __init__(self, head: list[int], dep: list[str]) -> None:
        n = len(head)
        self.dep = dep
        self.children: list[list[int]] = [[] for _ in range(n)]
        self.left = list(range(n))
        self.right = list(range(n))
        for i, h in enumerate(head):
            if h != i:
                self.children[h].append(i)
        # Every head after its dependents, so that one pass carries each subtree's extremes up to its root.
        order = [i for i, h in enumerate(head) if h == i]
        for k in order:
            order.extend(self.children[k])
        if len(order) < n:  # a cycle, which no parser writes: walk every token's ancestors instead
            self._walk_ancestors(head)
            return
        left, right = self.left, self.right
        for k in reversed(order):
            h = head[k]
            if h != k:
                if left[k] < left[h]:
                    left[h] = left[k]
                if right[k] > right[h]:
                    right[h] = right[k]

    def _walk_ancestors(self, head: list[int]) -> None:
        n = len(head)
        for i in range(n):
            k, seen = i, 0
            while head[k] != k and seen < n:  # each ancestor's subtree reaches i
                k = head[k]
                seen += 1
                if i < self.left[k]:
                    self.left[k] = i
                if i > self.right[k]:
                    self.right[k] = i


class DocIndex:
    """Token offsets, sentence bounds, lemmas and tags of one Doc as lists of ints."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        n = len(doc)
        table = doc.to_array(
            [
                IDX,
                LENGTH,
                SENT_START,
                LEMMA,
                ORTH,
                POS,
                MORPH,
                TAG,
                ENT_IOB,
                ENT_TYPE,
                HEAD,
                DEP,
                LOWER,
                SPACY,
            ]
        ).reshape(n, 14)
        columns = cast(list[list[int]], table.T.tolist())
        idx, _, _, lemma, orth, pos, morph, tag, ent_iob, ent_type, _, dep, lower, spaced = columns
        # Doc.text, without the Token object per word that it makes
        self.texts: list[str] = names_of(doc.vocab.strings, orth)
        self.text = "".join(
            [word + " " if space else word for word, space in zip(self.texts, spaced, strict=True)]
        )
        signed = table.view(numpy.int64)  # HEAD is an offset, stored in two's complement
        positions = numpy.arange(n, dtype=numpy.int64)
        self.idx: list[int] = idx
        self.end: list[int] = (signed[:, 0] + signed[:, 1]).tolist()
        self.lemma: list[int] = lemma
        self.orth: list[int] = orth  # the word as written (LOWER is not set in a bare Vocab)
        self.pos: list[int] = pos
        self.morph: list[int] = morph
        self.tag: list[int] = tag
        self.head: list[int] = (positions + signed[:, 10]).tolist()
        self.dep: list[int] = dep
        self.lower: list[int] = lower
        self.ent_type: list[int] = ent_type
        self._ent_iob = ent_iob
        self._ent_type = ent_type
        # The parser may leave two roots side by side, and spaCy then starts a sentence at the second one's
        # first word even when that is the comma after « P » ("« P », a déclaré X"): no sentence starts so.
        words = table[:, 4]
        continuing = numpy.zeros(n, dtype=bool)
        for word in _NEVER_FIRST:  # a handful of words: cheaper than numpy.isin's set-up
            continuing |= words == word
        starts = numpy.flatnonzero(((signed[:, 2] == 1) & ~continuing) | (positions == 0))
        lengths = numpy.diff(numpy.append(starts, n))
        self.sent_start: list[int] = numpy.repeat(starts, lengths).tolist()
        self.sent_end: list[int] = numpy.repeat(starts + lengths, lengths).tolist()
        self.sentence: list[int] = numpy.repeat(numpy.arange(len(starts)), lengths).tolist()

    def __len__(self) -> int:
        return len(self.idx)

    @functools.cached_property
    def tree(self) -> Tree:
        """The dependency tree as lists: children, subtree edges, dependency labels."""
        return Tree(self.head, self._strings(self.dep))

    @functools.cached_property
    def pos_strings(self) -> list[str]:
        return self._strings(self.pos)

    @functools.cached_property
    def tag_strings(self) -> list[str]:
        return self._strings(self.tag)

    @functools.cached_property
    def lower_strings(self) -> list[str]:
        return self._strings(self.lower)

    @functools.cached_property
    def ent_strings(self) -> list[str]:
        return self._strings(self.ent_type)

    def _strings(self, column: list[int]) -> list[str]:
        return names_of(self.doc.vocab.strings, column)

    @functools.cached_property
    def is_space(self) -> list[bool]:
        """Whether each token is whitespace only (as ``Token.is_space``)."""
        return [word.isspace() for word in self.texts]

    def entity_spans(self) -> list[EntitySpan]:
        """Named-entity spans, like ``Doc.ents`` but without building a Token per position."""
        return list(self._entity_spans)

    @functools.cached_property
    def _entity_spans(self) -> tuple[EntitySpan, ...]:
        strings = self.doc.vocab.strings
        spans: list[EntitySpan] = []
        start = -1
        label = 0
        for i, (iob, typ) in enumerate(zip(self._ent_iob, self._ent_type, strict=True)):
            if start >= 0 and not (iob == _IOB_INSIDE and typ == label):
                spans.append(EntitySpan(start, i, strings[label]))
                start = -1
            if iob == _IOB_BEGIN or (iob == _IOB_INSIDE and start < 0 and typ):
                start, label = i, typ
        if start >= 0:
            spans.append(EntitySpan(start, len(self._ent_iob), strings[label]))
        return tuple(spans)

    def entity_around(self, i: int) -> tuple[int, int] | None:
        """Tokens [start, end) of the named entity token ``i`` is in, or None."""
        return self._entity_of_token[i]

    @functools.cached_property
    def _entity_of_token(self) -> list[tuple[int, int] | None]:
        found: list[tuple[int, int] | None] = [None] * len(self._ent_iob)
        for span in self.entity_spans():
            found[span.start : span.end] = [(span.start, span.end)] * (span.end - span.start)
        return found

    def token_range(self, start: int, end: int) -> range:
        """Indices of the tokens that start inside characters [start, end)."""
        return range(bisect_left(self.idx, start), bisect_left(self.idx, end))

    def tokens_with_morph(self, feature: str) -> set[int]:
        """Indices of tokens whose morphology includes ``feature`` ("Mood=Cnd")."""
        strings = self.doc.vocab.strings
        wanted = {h for h in set(self.morph) if h and feature in strings[h].split("|")}
        return {i for i, h in enumerate(self.morph) if h in wanted}

    def char_tokens(self, start: int, end: int) -> range:
        """The tokens that characters [start, end) touch, as ``Doc.char_span(..., alignment_mode="expand")``
        covers them (empty where it gives None or an empty span)."""
        first = bisect_right(self.idx, start) - 1
        if first < 0 or self.end[first] <= start:
            first += 1
        return range(first, max(first, bisect_left(self.idx, end)))

    def root(self, tokens: range) -> int:
        """The head of a span of tokens, chosen as ``Span.root`` chooses it: a sentence root inside, else the
        token with the fewest ancestors among those whose head lies outside."""
        head = self.head
        for i in tokens:
            if head[i] == i:
                return i
        n = len(head)
        best, depth = tokens.start, n
        for i in tokens:
            if tokens.start <= head[i] < tokens.stop:
                continue
            if i in self._bare_marks:
                steps = n - 1  # a lone mark heads a span only when nothing else can
            else:
                steps, k = 0, i
                while head[k] != k and steps < n:
                    k = head[k]
                    steps += 1
            if steps < depth:
                best, depth = i, steps
        return best

    @functools.cached_property
    def _bare_marks(self) -> frozenset[int]:
        """Punctuation and whitespace tokens without dependents."""
        children = self.tree.children
        return frozenset(
            i
            for i, (punct, space) in enumerate(zip(self.is_punct, self.is_space, strict=True))
            if (punct or space) and not children[i]
        )

    # -- read by the attribution rules (scene.py and the layers on it) ------------------------------

    def lemma_of(self, i: int) -> str:
        """``Token.lemma_`` of token ``i``, looked up alone: the rules read few lemmas as strings."""
        h = self.lemma[i]
        found = _NAMES.get(h)
        return found if found is not None else self.doc.vocab.strings[h]

    @functools.cached_property
    def is_punct(self) -> list[bool]:
        """Whether each token is punctuation (as ``Token.is_punct``)."""
        return cast(list[bool], self.doc.to_array(IS_PUNCT).astype(bool).tolist())

    @functools.cached_property
    def _edges(self) -> dict[int, tuple[int, int]]:
        return {}

    def edges(self, i: int) -> tuple[int, int]:
        """``Token.left_edge.i`` and ``Token.right_edge.i`` of token ``i``, read once from spaCy.

        Not ``tree.left``/``tree.right``: on a non-projective parse spaCy's edges can stop short of the
        subtree's extremes, and the rules were written against spaCy's."""
        found = self._edges.get(i)
        if found is None:
            token = self.doc[i]
            found = self._edges[i] = (token.left_edge.i, token.right_edge.i)
        return found

    def morph_values(self, i: int, field: str) -> tuple[str, ...]:
        """Values of the morphological ``field`` of token ``i`` (as ``Token.morph.get(field)``)."""
        key = self.morph[i]
        by_key = _MORPH_VALUES.get(field)
        if by_key is None:
            by_key = _MORPH_VALUES[field] = {}
        found = by_key.get(key)
        if found is None:
            found = by_key[key] = tuple(MorphAnalysis.from_id(self.doc.vocab, key).get(field, []))
        return found

    def expand_span(self, start: int, end: int) -> tuple[int, int] | None:
        """Token range [first, last) of ``Doc.char_span(start, end, alignment_mode="expand")`` (None where
        that is None), without building the Span."""
        first, last = self._token_at_char(start), self._token_at_char(end - 1)
        if first < 0 or last < 0:
            return None
        if start == self.end[first]:  # the whitespace after a token does not pull it in
            first += 1
        return first, last + 1

    def _token_at_char(self, char: int) -> int:
        """The token whose text or trailing whitespace holds character ``char``, or -1."""
        if not 0 <= char < len(self.text):
            return -1
        return bisect_right(self.idx, char) - 1

    @functools.cached_property
    def line_breaks(self) -> list[int]:
        """The whitespace tokens that hold a line break, in order."""
        return [
            k
            for k, (space, text) in enumerate(zip(self.is_space, self.texts, strict=True))
            if space and "\n" in text
        ]

    def within_paragraph(
        self, start: int, stop: int, anchor: int, ignored: Callable[[int], bool] | None = None
    ) -> tuple[int, int]:
        """Tokens [start, stop) cut at their line breaks to the part nearest token ``anchor`` (a heading without
        a full stop is parsed into the sentence after it, but what is said does not run across a line break);
        ``ignored`` names the breaks that do not cut (inside a quotation, for the rules)."""
        breaks = self.line_breaks
        k = bisect_left(breaks, start)
        while k < len(breaks) and breaks[k] < stop:
            at = breaks[k]
            if ignored is None or not ignored(at):
                if at < anchor:
                    start = at + 1
                else:
                    return start, at
            k += 1
        return start, stop
