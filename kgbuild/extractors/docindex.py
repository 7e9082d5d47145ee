"""Per-token facts of a Doc read once as plain lists.

Iterating a Doc creates a Python ``Token`` per position, and ``Doc.text`` / ``Doc.ents`` / ``Doc.sents``
rebuild their results on every access. The extractors read what they need for every token here, in one
``Doc.to_array`` call, and create ``Token`` objects only around the cues they find.
"""

from __future__ import annotations

import functools
import weakref
from bisect import bisect_left
from dataclasses import dataclass

from spacy.attrs import (
    DEP,
    ENT_IOB,
    ENT_TYPE,
    HEAD,
    IDX,
    LEMMA,
    LENGTH,
    LOWER,
    MORPH,
    ORTH,
    POS,
    SENT_START,
    TAG,
)
from spacy.tokens import Doc

_IOB_BEGIN = 3
_IOB_INSIDE = 1


@dataclass(frozen=True, slots=True)
class EntitySpan:
    start: int  # token index
    end: int  # token index, exclusive
    label: str


_last: tuple[weakref.ReferenceType[Doc], DocIndex] | None = None


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
        self.text = doc.text
        n = len(doc)
        if n:
            table = doc.to_array(
                [IDX, LENGTH, SENT_START, LEMMA, ORTH, POS, MORPH, TAG, ENT_IOB, ENT_TYPE, HEAD, DEP, LOWER]
            )
            columns = table.T.tolist()
        else:
            columns = [[] for _ in range(13)]
        idx, length, sent_start, lemma, orth, pos, morph, tag, ent_iob, ent_type, head, dep, lower = columns
        self.idx: list[int] = idx
        self.end: list[int] = [i + k for i, k in zip(idx, length, strict=True)]
        self.lemma: list[int] = lemma
        self.orth: list[int] = orth  # the word as written (LOWER is not set in a bare Vocab)
        self.pos: list[int] = pos
        self.morph: list[int] = morph
        self.tag: list[int] = tag
        # HEAD comes as an offset (two's complement in an unsigned column): the head's index here
        self.head: list[int] = [i + (h if h < 2**63 else h - 2**64) for i, h in enumerate(head)]
        self.dep: list[int] = dep
        self.lower: list[int] = lower
        self.ent_type: list[int] = ent_type
        self._ent_iob = ent_iob
        self._ent_type = ent_type
        self.sent_start: list[int] = [0] * n
        self.sent_end: list[int] = [n] * n
        self.sentence: list[int] = [0] * n
        starts = [i for i, flag in enumerate(sent_start) if flag == 1 or i == 0]
        for number, (first, nxt) in enumerate(zip(starts, [*starts[1:], n][: len(starts)], strict=True)):
            for i in range(first, nxt):
                self.sent_start[i] = first
                self.sent_end[i] = nxt
                self.sentence[i] = number

    def __len__(self) -> int:
        return len(self.idx)

    @functools.cached_property
    def tree(self) -> Tree:
        """The dependency tree as lists: children, subtree edges, dependency labels."""
        return Tree(self.head, self._strings(self.dep))

    @functools.cached_property
    def texts(self) -> list[str]:
        """Each token as written."""
        text = self.text
        return [text[a:b] for a, b in zip(self.idx, self.end, strict=True)]

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
        strings = self.doc.vocab.strings
        names = {h: strings[h] if h else "" for h in set(column)}
        return [names[h] for h in column]

    @functools.cached_property
    def is_space(self) -> list[bool]:
        """Whether each token is whitespace only (as ``Token.is_space``)."""
        text = self.text
        return [text[a:b].isspace() for a, b in zip(self.idx, self.end, strict=True)]

    def entity_spans(self) -> list[EntitySpan]:
        """Named-entity spans, like ``Doc.ents`` but without building a Token per position."""
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
        return spans

    def token_range(self, start: int, end: int) -> range:
        """Indices of the tokens that start inside characters [start, end)."""
        return range(bisect_left(self.idx, start), bisect_left(self.idx, end))

    def tokens_with_morph(self, feature: str) -> set[int]:
        """Indices of tokens whose morphology includes ``feature`` ("Mood=Cnd")."""
        strings = self.doc.vocab.strings
        wanted = {h for h in set(self.morph) if h and feature in strings[h].split("|")}
        return {i for i, h in enumerate(self.morph) if h in wanted}
