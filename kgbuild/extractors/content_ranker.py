"""A learned choice of an attribution's content among the spans the parse offers.

The rules of ``attributions.v1`` give one content per cue. Where they go wrong, the right span is nearly always
one the parse already holds: the subtree of a word next to the cue in the dependency tree (its object, its
clause, the clause it hangs on), with or without trailing adjuncts, or one side of the sentence. On PolNeAR train
such a span is right (token F1 >= 0.5) for 98% of matched cues, against 83% for the rules' own choice.

:func:`candidates` lists those spans for one cue, each with a few sparse features (its relation to the cue,
side, distance, length, edge words, agreement with the rules' content); a linear model trained on PolNeAR
(``training/train_content_ranker.py``) scores them, and the best one becomes the content. The rules' content is
always a candidate, so the model only overrides it where it learnt to. Weights are a JSON file of feature
weights per language (``kgbuild/models/<lang>_content_ranker.json``); no file, no ranking.
"""

from __future__ import annotations

import functools
import json
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from itertools import repeat
from pathlib import Path
from typing import Any, Protocol, TypeVar

from spacy.symbols import AUX, PUNCT, SPACE, VERB
from spacy.tokens import Doc, Token

from kgbuild.extractors.docindex import DocIndex, index_of

SHIPPED: dict[str, str] = {"en": "en_content_ranker.json"}

_ADJUNCT_DEPS = {"prep", "advcl", "npadvmod", "advmod", "punct", "cc", "conj", "agent", "dative", "relcl"}
_EDGE_PUNCT = set(",;:.—–-()[]")
_COMPLEMENTIZERS = {"that"}
QUOTES = {'"', "'", "''", "``", "“", "”", "‘", "’", "«", "»", "„", "‹", "›"}
_GRANDCHILD_DEPS = {"pobj", "pcomp", "ccomp", "xcomp", "dobj", "conj"}
_SIBLING_DEPS = {"nsubj", "nsubjpass", "dobj", "ccomp"}
_SPACE_OR_PUNCT = {PUNCT, SPACE}
_VERB_POS = {VERB, AUX}
_COMMAS_MARKS = {",", ";", "—", "–"}


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int  # characters
    end: int
    features: tuple[str, ...]


class Featured(Protocol):
    @property
    def features(self) -> tuple[str, ...]: ...


F = TypeVar("F", bound=Featured)


@dataclass(frozen=True)
class LinearRanker:
    """Sparse linear scores over string features; the best-scoring candidate wins."""

    weights: dict[str, float]

    def score(self, candidate: Featured) -> float:
        return sum(map(self.weights.get, candidate.features, repeat(0.0)))

    def best(self, options: Sequence[F]) -> F | None:
        """The first of the best-scoring options (as ``max``), scored without a method call per option."""
        get = self.weights.get
        best, top = None, 0.0
        for option in options:
            score = sum(map(get, option.features, repeat(0.0)))
            if best is None or score > top:
                best, top = option, score
        return best

    def to_json(self, path: Path, meta: dict[str, object]) -> None:
        kept = {f: round(w, 4) for f, w in sorted(self.weights.items()) if abs(w) >= 1e-4}
        path.write_text(json.dumps({"meta": meta, "weights": kept}, ensure_ascii=False, indent=0), "utf-8")


def read(path: Path) -> LinearRanker:
    return weights_of(json.loads(path.read_text("utf-8")))


def weights_of(data: dict[str, Any]) -> LinearRanker:
    return LinearRanker({str(k): float(v) for k, v in data["weights"].items()})


def shipped(lang: str, names: Mapping[str, str]) -> dict[str, Any] | None:
    """The shipped weights file ``names[lang]`` under ``kgbuild/models`` (``{"meta": ..., "weights": ...}``),
    or None when the language has none."""
    name = names.get(lang)
    if name is None:
        return None
    path = Path(str(resources.files("kgbuild").joinpath("models", name)))
    return dict(json.loads(path.read_text("utf-8"))) if path.is_file() else None


@functools.cache
def load(lang: str) -> LinearRanker | None:
    """The shipped ranker for ``lang``, or None."""
    data = shipped(lang, SHIPPED)
    return weights_of(data) if data is not None else None


def cue_site(doc: Doc, cue: tuple[int, int]) -> tuple[DocIndex, int, int, int, int, Token] | None:
    """Where a cue (characters) sits: the Doc's index, its tokens [start, end), its sentence's [start, end)
    and its syntactic head; None when no token starts inside it."""
    site = cue_position(doc, cue)
    if site is None:
        return None
    index, start, end, s, e, root = site
    return index, start, end, s, e, doc[root]


def cue_position(doc: Doc, cue: tuple[int, int]) -> tuple[DocIndex, int, int, int, int, int] | None:
    """:func:`cue_site` with the head as a token index, so that no ``Token`` is made for it."""
    index = index_of(doc)
    tokens = index.token_range(cue[0], cue[1])
    if not tokens:
        return None
    start, end = tokens.start, tokens.stop
    return index, start, end, index.sent_start[start], index.sent_end[start], index.root(tokens)


def cue_head_strings(index: DocIndex, root: int) -> tuple[str, str, str]:
    """The cue head's part of speech, dependency and lower-cased lemma (as ``Token.pos_``, ``dep_``,
    ``lemma_.lower()``)."""
    return index.pos_strings[root], index.tree.dep[root], index.lemma_of(root).lower()


def candidates(doc: Doc, cue: tuple[int, int], content: tuple[int, int], origin: str) -> list[Candidate]:
    """Candidate contents for the cue at characters ``cue`` whose rule-given content is ``content``.

    ``origin`` says where the attribution came from ("rules", "model", "frame"); it is a feature."""
    site = cue_position(doc, cue)
    if site is None:
        return []
    index, c0, c1, s, e, r = site
    layout = _layout(index)
    spans: dict[tuple[int, int], set[str]] = {}
    trim, within_paragraph = layout.trim, index.within_paragraph

    def add(a: int, b: int, tags: Sequence[str]) -> None:
        if a < c1 and c0 < b:  # keep clear of the cue: the side away from it
            if b - c1 >= c0 - a:
                a = c1
            else:
                b = c0
        a, b = trim(*within_paragraph(a, b, c0))
        if b > a:
            spans.setdefault((a, b), set()).update(tags)

    tree = index.tree
    children, left, right, dep = tree.children, tree.left, tree.right, tree.dep
    near: list[tuple[int, str]] = []
    for t in range(c0, c1):
        for child in children[t]:
            if c0 <= child < c1:
                continue
            near.append((child, "rel=c:" + dep[child]))
            for grand in children[child]:
                if dep[grand] in _GRANDCHILD_DEPS and not c0 <= grand < c1:
                    near.append((grand, "rel=g:" + dep[child] + ">" + dep[grand]))
    governor = index.head[r]
    if governor != r and not c0 <= governor < c1:
        near.append((governor, "rel=h:" + dep[r]))
        for sib in children[governor]:
            if dep[sib] in _SIBLING_DEPS and sib != r and not c0 <= sib < c1:
                near.append((sib, "rel=s:" + dep[r] + ">" + dep[sib]))
    for t, rel in near:
        a, b = max(left[t], s), min(right[t] + 1, e)
        add(a, b, (rel,))
        adjuncts = [left[c] for c in children[t] if c > t and dep[c] in _ADJUNCT_DEPS]
        if adjuncts:
            add(a, min(adjuncts), (rel, "trunc"))
    add(s, c0, ("rel=side_left",))
    add(c1, e, ("rel=side_right",))
    rule_range = index.token_range(content[0], content[1])
    rule_tokens = (rule_range.start, rule_range.stop) if rule_range else None
    if rule_tokens is not None:
        spans.setdefault(rule_tokens, set()).add("rule")

    cue_pos, cue_dep, lemma = cue_head_strings(index, r)
    context = _Context(layout, c0, c1, s, e, layout.first_word(s, e), layout.last_word(s, e), rule_tokens)
    fixed = _Fixed(origin, cue_pos, cue_dep, lemma)
    idx, ends = index.idx, index.end
    found: list[Candidate] = []
    for (a, b), tags in spans.items():
        if rule_tokens == (a, b):
            start, end = content
        else:
            start, end = idx[a], ends[b - 1]
        found.append(Candidate(start, end, _features(context, fixed, a, b, tags)))
    return found


_layouts: list[_Layout | None] = [None]


def _layout(index: DocIndex) -> _Layout:
    """The layout of the Doc the extractor is on, kept until it moves to another."""
    found = _layouts[0]
    if found is None or found.index is not index:
        found = _layouts[0] = _Layout(index)
    return found


class _Layout:
    """Where the words, verbs, commas and edge marks of a Doc are, for the edges and shapes of candidate spans.

    Read once per Doc rather than per sentence: one pass over the Doc's lists costs less than slicing them
    for each sentence with a cue, and a count over a span inside a sentence is the same either way."""

    def __init__(self, index: DocIndex) -> None:
        self.index = index
        texts, pos = index.texts, index.pos
        self.texts, self.pos, self.pos_strings, self.size = texts, pos, index.pos_strings, len(index)
        self.edge = [p == SPACE or (p == PUNCT and t in _EDGE_PUNCT) for p, t in zip(pos, texts, strict=True)]
        self.verbs = [k for k, p in enumerate(pos) if p in _VERB_POS]
        self.commas = [k for k, t in enumerate(texts) if t in _COMMAS_MARKS]
        self.words = [k for k, p in enumerate(pos) if p not in _SPACE_OR_PUNCT]

    def first_word(self, start: int, end: int) -> int:
        """The first word of the sentence [start, end), or ``end`` when it has none."""
        words = self.words
        k = bisect_left(words, start)
        return words[k] if k < len(words) and words[k] < end else end

    def last_word(self, start: int, end: int) -> int:
        """The last word of the sentence [start, end), or ``start - 1`` when it has none."""
        words = self.words
        k = bisect_left(words, end) - 1
        return words[k] if k >= 0 and words[k] >= start else start - 1

    def trim(self, a: int, b: int) -> tuple[int, int]:
        """[a, b) without edge marks on either side nor a complementizer in front."""
        edge, texts = self.edge, self.texts
        while a < b and (edge[a] or texts[a].lower() in _COMPLEMENTIZERS):
            a += 1
        while b > a and edge[b - 1]:
            b -= 1
        return a, b


@dataclass(slots=True)  # not frozen: a frozen dataclass is slower to make, and this one is made per cue
class _Context:
    """Where one cue and its sentence are, the same for all its candidates."""

    layout: _Layout
    c0: int
    c1: int
    sent_start: int
    sent_end: int
    first_word: int
    last_word: int
    rule: tuple[int, int] | None


class _Fixed:
    """The parts of the feature strings that stay the same for all candidates of one cue."""

    __slots__ = ("by_cue_dep", "by_lemma", "cue_pos", "origin")

    def __init__(self, origin: str, cue_pos: str, cue_dep: str, lemma: str) -> None:
        self.origin = "origin=" + origin
        self.cue_pos = "cuepos=" + cue_pos
        self.by_lemma = "|l=" + lemma
        self.by_cue_dep = "|cuedep=" + cue_dep


def bucket(n: int, bounds: Sequence[int]) -> str:
    for bound in bounds:
        if n <= bound:
            return str(bound)
    return "more"


def bucket_table(bounds: Sequence[int]) -> tuple[str, ...]:
    """``bucket(n, bounds)`` for n = 0 .. last bound + 1, read as ``table[min(n, len(table) - 1)]`` for n >= 0."""
    return tuple(bucket(n, bounds) for n in range(bounds[-1] + 2))


_GAPS = bucket_table((0, 1, 2, 4, 8))
_LENGTHS = bucket_table((1, 2, 4, 8, 16, 32))
_VERBS = bucket_table((0, 1, 2, 3))
_COMMAS = bucket_table((0, 1, 2))
_JACCARD = bucket_table((0, 2, 5, 8, 9))


# Whole feature strings by bucket (and side), so that each candidate picks them instead of joining them.
_GAP_FEATURES = tuple("gap=" + g for g in _GAPS)
_LEN_FEATURES = tuple("len=" + n for n in _LENGTHS)
_VERBS_FEATURES = tuple("verbs=" + n for n in _VERBS)
_COMMAS_FEATURES = tuple("commas=" + n for n in _COMMAS)
_VERBS_COMMAS_FEATURES = tuple(tuple("verbs+commas=" + v + "|" + c for c in _COMMAS) for v in _VERBS)
_BY_VERBS = tuple("|verbs=" + n for n in _VERBS)
_BY_COMMAS = tuple("|commas=" + n for n in _COMMAS)
_JACCARD_FEATURES = tuple("rulejac=" + n for n in _JACCARD)
_TO_SENT_END = ("to_sent_end=False", "to_sent_end=True")
_FROM_SENT_START = ("from_sent_start=False", "from_sent_start=True")
_QUOTE_FIRST = ("quote_first=False", "quote_first=True")
_FUNCTION_POS = {"ADP", "SCONJ", "DET", "PRON"}


_SIDES = {
    side: (
        "side=" + side,
        tuple("side+len=" + side + n for n in _LENGTHS),
        ("verb=False|" + side, "verb=True|" + side),
    )
    for side in "LR"
}
_UNRELATED_TAGS = {"trunc", "rule"}  # the tags that are no relation to the cue ("trunc" comes with one)


def _features(context: _Context, fixed: _Fixed, a: int, b: int, tags: set[str]) -> tuple[str, ...]:
    layout, rule = context.layout, context.rule
    texts, pos, pos_strings = layout.texts, layout.pos, layout.pos_strings
    c0 = context.c0
    if b <= c0:
        side_feature, side_lens, side_verbs = _SIDES["L"]
        gap = c0 - b
    else:
        side_feature, side_lens, side_verbs = _SIDES["R"]
        gap = a - context.c1
    first_pos = pos_strings[a]
    first_text = texts[a]
    length = b - a if b - a < 33 else 33
    after_feature = "after=" + ("$" if b >= layout.size else texts[b] if pos[b] == PUNCT else pos_strings[b])
    verbs, commas = _counts(context, a, b)
    verbs_index = verbs if verbs < 4 else 4
    commas_index = commas if commas < 3 else 3
    function_word = not first_text.isalpha() or first_pos in _FUNCTION_POS
    features = [
        "bias",
        side_feature,
        _GAP_FEATURES[gap if gap < 9 else 9] if gap >= 0 else "gap=0",
        _LEN_FEATURES[length],
        side_lens[length],
        "first=" + first_pos,
        "last=" + pos_strings[b - 1],
        "firstw=" + (first_text.lower() if function_word else "_"),
        "before=" + ("^" if a == 0 else texts[a - 1] if pos[a - 1] == PUNCT else pos_strings[a - 1]),
        after_feature,
        _TO_SENT_END[b > context.last_word],
        _FROM_SENT_START[a <= context.first_word],
        fixed.origin,
        fixed.cue_pos,
        _QUOTE_FIRST[first_text in QUOTES or (a > 0 and texts[a - 1] in QUOTES)],
        side_verbs[verbs > 0],
        _VERBS_FEATURES[verbs_index],
        _COMMAS_FEATURES[commas_index],
        _VERBS_COMMAS_FEATURES[verbs_index][commas_index],
    ]
    by_lemma, by_cue_dep = fixed.by_lemma, fixed.by_cue_dep
    by_first = "|f=" + first_pos + "|" + after_feature
    by_commas, by_verbs = _BY_COMMAS[commas_index], _BY_VERBS[verbs_index]
    for tag in tags:
        features += (tag, tag + by_lemma, tag + by_first, tag + by_cue_dep, tag + by_commas, tag + by_verbs)
    if tags <= _UNRELATED_TAGS:
        features.append("rel=none")
    if rule is not None:
        features += _rule_features(rule, a, b)
    else:
        features.append("norule")
    return tuple(features)


def _rule_features(rule: tuple[int, int], a: int, b: int) -> tuple[str, ...]:
    """How [a, b) overlaps the rules' content."""
    r0, r1 = rule
    inter = max(0, min(b, r1) - max(a, r0))
    union = max(b, r1) - min(a, r0)
    overlap = inter / union if union else 0.0
    jaccard = _JACCARD_FEATURES[min(int(overlap * 10), 10)]
    if (a, b) == rule:
        return (jaccard,)
    if a <= r0 and r1 <= b:
        return (jaccard, "covers_rule", "inside_rule") if r0 <= a and b <= r1 else (jaccard, "covers_rule")
    return (jaccard, "inside_rule") if r0 <= a and b <= r1 else (jaccard,)


def _counts(context: _Context, a: int, b: int) -> tuple[int, int]:
    """The verbs in [a, b) and the commas inside it (not at its edges), counted within the cue's sentence."""
    first, last = a + 1, b - 1
    s, e = context.sent_start, context.sent_end
    if not (s <= a and b <= e):  # the rules' content may reach past the sentence: count only inside it
        a, b, first, last = (min(max(k, s), e) for k in (a, b, first, last))
    layout = context.layout
    verbs = bisect_left(layout.verbs, b) - bisect_left(layout.verbs, a)
    commas = bisect_left(layout.commas, last) - bisect_left(layout.commas, first)
    return verbs, commas if commas > 0 else 0
