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
        return max(options, key=self.score, default=None)

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
    index = index_of(doc)
    tokens = index.token_range(cue[0], cue[1])
    if not tokens:
        return None
    start, end = tokens.start, tokens.stop
    return index, start, end, index.sent_start[start], index.sent_end[start], doc[start:end].root


def candidates(doc: Doc, cue: tuple[int, int], content: tuple[int, int], origin: str) -> list[Candidate]:
    """Candidate contents for the cue at characters ``cue`` whose rule-given content is ``content``.

    ``origin`` says where the attribution came from ("rules", "model", "frame"); it is a feature."""
    site = cue_site(doc, cue)
    if site is None:
        return []
    index, c0, c1, s, e, root = site
    sentence = _sentence(index, s, e)
    spans: dict[tuple[int, int], set[str]] = {}

    def add(a: int, b: int, tags: Sequence[str]) -> None:
        if a < c1 and c0 < b:  # keep clear of the cue: the side away from it
            if b - c1 >= c0 - a:
                a = c1
            else:
                b = c0
        a, b = sentence.trim(a, b)
        if b > a:
            spans.setdefault((a, b), set()).update(tags)

    tree = index.tree
    children, left, right, dep = tree.children, tree.left, tree.right, tree.dep
    near: list[tuple[int, str]] = []
    for t in range(c0, c1):
        for child in children[t]:
            if c0 <= child < c1:
                continue
            near.append((child, "c:" + dep[child]))
            for grand in children[child]:
                if dep[grand] in _GRANDCHILD_DEPS and not c0 <= grand < c1:
                    near.append((grand, "g:" + dep[child] + ">" + dep[grand]))
    r = root.i
    governor = index.head[r]
    if governor != r and not c0 <= governor < c1:
        near.append((governor, "h:" + dep[r]))
        for sib in children[governor]:
            if dep[sib] in _SIBLING_DEPS and sib != r and not c0 <= sib < c1:
                near.append((sib, "s:" + dep[r] + ">" + dep[sib]))
    for t, rel in near:
        a, b = max(left[t], s), min(right[t] + 1, e)
        add(a, b, ("rel=" + rel,))
        adjuncts = [left[c] for c in children[t] if c > t and dep[c] in _ADJUNCT_DEPS]
        if adjuncts:
            add(a, min(adjuncts), ("rel=" + rel, "trunc"))
    add(s, c0, ("rel=side_left",))
    add(c1, e, ("rel=side_right",))
    rule_range = index.token_range(content[0], content[1])
    rule_tokens = (rule_range.start, rule_range.stop) if rule_range else None
    if rule_tokens is not None:
        spans.setdefault(rule_tokens, set()).add("rule")

    context = _Context(
        Words(doc), c0, c1, root, origin, rule_tokens, sentence, root.pos_, root.dep_, root.lemma_.lower()
    )
    fixed = _Fixed(context)
    found: list[Candidate] = []
    for (a, b), tags in spans.items():
        if rule_tokens == (a, b):
            start, end = content
        else:
            start, end = index.idx[a], index.end[b - 1]
        found.append(Candidate(start, end, _features(context, fixed, a, b, tags)))
    return found


_sentences: dict[int, _Sentence] = {}
_sentences_of: list[DocIndex | None] = [None]


def _sentence(index: DocIndex, start: int, end: int) -> _Sentence:
    """The facts of one sentence, kept while the extractor stays on the same Doc."""
    if _sentences_of[0] is not index:
        _sentences.clear()
        _sentences_of[0] = index
    found = _sentences.get(start)
    if found is None:
        found = _sentences[start] = _Sentence(index, start, end)
    return found


class _Sentence:
    """Where the words of one sentence are, for the edges and shapes of candidate spans."""

    def __init__(self, index: DocIndex, start: int, end: int) -> None:
        texts, pos = index.texts, index.pos
        self.edge = [
            pos[k] in _SPACE_OR_PUNCT and (texts[k] in _EDGE_PUNCT or pos[k] == SPACE)
            for k in range(start, end)
        ]
        self.word = [pos[k] not in _SPACE_OR_PUNCT for k in range(start, end)]
        self.complementizer = [texts[k].lower() in _COMPLEMENTIZERS for k in range(start, end)]
        self.verbs = [k for k in range(start, end) if pos[k] in _VERB_POS]
        self.commas = [k for k in range(start, end) if texts[k] in {",", ";", "—", "–"}]
        words = [k for k in range(start, end) if self.word[k - start]]
        self.first_word = words[0] if words else end
        self.last_word = words[-1] if words else start - 1
        self.start, self.end = start, end

    def trim(self, a: int, b: int) -> tuple[int, int]:
        s = self.start
        while a < b and (self.edge[a - s] or self.complementizer[a - s]):
            a += 1
        while b > a and self.edge[b - 1 - s]:
            b -= 1
        return a, b


class Words:
    """Token facts of a Doc as strings, read once per Doc from its index (no ``Token`` per look-up)."""

    def __init__(self, doc: Doc) -> None:
        index = self.index = index_of(doc)
        self.texts = index.texts
        self.pos_strings = index.pos_strings

    def __len__(self) -> int:
        return len(self.index)

    def text(self, i: int) -> str:
        return self.texts[i]

    def pos(self, i: int) -> str:
        return self.pos_strings[i]

    def tag(self, i: int) -> str:
        return self.index.tag_strings[i]

    def dep(self, i: int) -> str:
        return self.index.tree.dep[i]

    def lower(self, i: int) -> str:
        return self.index.lower_strings[i]

    def ent(self, i: int) -> str:
        return self.index.ent_strings[i]

    def punct(self, i: int) -> bool:
        return self.index.pos[i] == PUNCT

    def quote(self, i: int) -> bool:
        return self.texts[i] in QUOTES


@dataclass(frozen=True, slots=True)
class _Context:
    words: Words
    c0: int
    c1: int
    root: Token
    origin: str
    rule: tuple[int, int] | None
    sentence: _Sentence
    cue_pos: str
    cue_dep: str
    lemma: str


class _Fixed:
    """The parts of the feature strings that stay the same for all candidates of one cue."""

    def __init__(self, context: _Context) -> None:
        self.origin = "origin=" + context.origin
        self.cue_pos = "cuepos=" + context.cue_pos
        self.by_lemma = "|l=" + context.lemma
        self.by_cue_dep = "|cuedep=" + context.cue_dep


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


def _features(context: _Context, fixed: _Fixed, a: int, b: int, tags: set[str]) -> tuple[str, ...]:
    words, rule, sentence = context.words, context.rule, context.sentence
    texts, pos = words.texts, words.pos_strings
    c0 = context.c0
    side = "L" if b <= c0 else "R"
    gap = c0 - b if side == "L" else a - context.c1
    first_pos = pos[a]
    first_text = texts[a]
    n = len(texts)
    length_bucket = _LENGTHS[min(b - a, 33)]
    after_feature = "after=" + ("$" if b >= n else texts[b] if words.punct(b) else pos[b])
    before_feature = "before=" + ("^" if a == 0 else texts[a - 1] if words.punct(a - 1) else pos[a - 1])
    verbs = bisect_left(sentence.verbs, b) - bisect_left(sentence.verbs, a)
    has_verb = str(verbs > 0)
    verbs_bucket = _VERBS[min(verbs, 4)]
    commas = max(0, bisect_left(sentence.commas, b - 1) - bisect_left(sentence.commas, a + 1))
    commas_bucket = _COMMAS[min(commas, 3)]
    function_word = not first_text.isalpha() or first_pos in {"ADP", "SCONJ", "DET", "PRON"}
    quote_first = first_text in QUOTES or (a > 0 and texts[a - 1] in QUOTES)
    features = [
        "bias",
        "side=" + side,
        "gap=" + _GAPS[min(gap, 9)] if gap >= 0 else "gap=0",
        "len=" + length_bucket,
        "side+len=" + side + length_bucket,
        "first=" + first_pos,
        "last=" + pos[b - 1],
        "firstw=" + (first_text.lower() if function_word else "_"),
        before_feature,
        after_feature,
        "to_sent_end=" + str(b > sentence.last_word),
        "from_sent_start=" + str(a <= sentence.first_word),
        fixed.origin,
        fixed.cue_pos,
        "quote_first=" + str(quote_first),
        "verb=" + has_verb + "|" + side,
        "verbs=" + verbs_bucket,
        "commas=" + commas_bucket,
        "verbs+commas=" + verbs_bucket + "|" + commas_bucket,
    ]
    rels = False
    by_first = "|f=" + first_pos + "|" + after_feature
    by_commas, by_verbs = "|commas=" + commas_bucket, "|verbs=" + verbs_bucket
    for tag in tags:
        rels = rels or tag.startswith("rel=")
        features.extend(
            (
                tag,
                tag + fixed.by_lemma,
                tag + by_first,
                tag + fixed.by_cue_dep,
                tag + by_commas,
                tag + by_verbs,
            )
        )
    if not rels:
        features.append("rel=none")
    if rule is not None:
        inter = max(0, min(b, rule[1]) - max(a, rule[0]))
        union = max(b, rule[1]) - min(a, rule[0])
        overlap = inter / union if union else 0.0
        features.append("rulejac=" + _JACCARD[min(int(overlap * 10), 10)])
        if a <= rule[0] and rule[1] <= b and (a, b) != rule:
            features.append("covers_rule")
        if rule[0] <= a and b <= rule[1] and (a, b) != rule:
            features.append("inside_rule")
    else:
        features.append("norule")
    return tuple(features)
