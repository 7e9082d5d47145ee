"""A learned check of each found attribution: is this cue really one?

Rules and the cue model together find most attributions, along with words that only look like cues in this
sentence ("he said nothing", "the report", a preposition the model took for a cue). A logistic model over a
few sparse features of the whole reading (cue words and their part of speech, where the cue came from, whether
the cue model also marks it and how surely, the shape of the source and content found for it) gives each
attribution a probability of being right; those below the threshold stored with the weights are dropped.
Relays that share their host's cue (chains) are never dropped by it. Trained on PolNeAR by
``training/train_content_ranker.py --what cue``; no weights file for a language, no filtering.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from kgbuild.extractors.content_ranker import bucket, shipped, weights_of
from kgbuild.extractors.docindex import index_of

SHIPPED: dict[str, str] = {"en": "en_cue_filter.json"}


@dataclass(frozen=True)
class CueFilter:
    weights: dict[str, float]
    threshold: float = 0.5

    def probability(self, features: Sequence[str]) -> float:
        weights = self.weights
        z = sum(weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def keeps(self, features: Sequence[str]) -> bool:
        return self.probability(features) >= self.threshold


@functools.cache
def load(lang: str) -> CueFilter | None:
    """The shipped filter for ``lang`` with its threshold, or None."""
    data = shipped(lang, SHIPPED)
    if data is None:
        return None
    return CueFilter(weights_of(data).weights, float(data["meta"].get("threshold", 0.5)))


def features(
    doc: Doc,
    cue: tuple[int, int],
    content: tuple[int, int],
    source: tuple[int, int] | None,
    origin: str,
    model_cues: Sequence[tuple[int, int, float]],
    outer: tuple[int, int] | None = None,
) -> tuple[str, ...]:
    """Features of one attribution (character spans into ``doc.text``); ``model_cues`` are the cue model's
    (start, end, confidence) CUE spans over the same Doc; ``outer`` is the cue of the attribution whose
    content holds this one's cue, if any."""
    index = index_of(doc)
    tokens = index.char_tokens(*cue)
    if not tokens:
        return ("bias", "nocue")
    r = index.root(tokens)
    lemma = index.lemma_of(r).lower()
    tree = index.tree
    pos, tag, dep = index.pos_strings[r], index.tag_strings[r], tree.dep[r]
    words = " ".join(index.lower_strings[tokens.start : tokens.stop])
    model = max((score for s, e, score in model_cues if s < cue[1] and cue[0] < e), default=-1.0)
    model_feature = "model=" + ("none" if model < 0 else bucket(int(model * 10), (4, 5, 6, 7, 8, 9)))
    content_len = len(index.text[content[0] : content[1]].split())
    side = "L" if content[1] <= cue[0] else "R"
    quoted = any(ch in index.text[max(0, content[0] - 1) : content[0] + 1] for ch in "\"“”'‘’")
    inner = _inside_quote(doc, tokens.start)
    has_source = "none" if source is None else "yes"
    result = [
        "bias",
        "o=" + origin,
        "l=" + lemma,
        "l+o=" + lemma + "|" + origin,
        "w=" + words,
        "pos=" + pos,
        "tag=" + tag,
        "dep=" + dep,
        "pos+dep=" + pos + "|" + dep,
        "ntok=" + bucket(len(tokens), (1, 2, 3, 5)),
        model_feature,
        model_feature + "|o=" + origin,
        model_feature + "|pos=" + pos,
        "src=" + has_source,
        "src+o=" + has_source + "|" + origin,
        "clen=" + bucket(content_len, (1, 2, 4, 8, 16, 32)),
        "side=" + side,
        "quoted=" + str(quoted),
        "quoted+side=" + str(quoted) + side,
        "incue_quote=" + str(inner),
        "l+side=" + lemma + "|" + side,
        "l+src=" + lemma + "|" + has_source,
        "neg=" + str(any(tree.dep[c] == "neg" for c in tree.children[r])),
        "first=" + str(index.sent_start[tokens.start] == tokens.start),
    ]
    nested = "no" if outer is None else nesting(doc, r, outer)
    result.extend(("nest=" + nested, "nest+o=" + nested + "|" + origin, "nest+l=" + nested + "|" + lemma))
    result.append("nest+model=" + nested + "|" + model_feature)
    if source is not None:
        src = index.char_tokens(*source)
        if src:
            head = index.root(src)
            result.append("srcpos=" + index.pos_strings[head])
            result.append("srcent=" + (index.ent_strings[head] or "_"))
            result.append(
                "srcword=" + (index.lower_strings[head] if index.pos_strings[head] == "PRON" else "_")
            )
    return tuple(result)


def nesting(doc: Doc, inner: int, outer: tuple[int, int]) -> str:
    """How a cue (its head token ``inner``) inside another attribution's content relates to that
    attribution's cue (characters ``outer``): coordinated with it ("proposed P and signaled Q"), in a clause
    it governs ("said that X claimed Q"), or elsewhere."""
    index = index_of(doc)
    tokens = index.char_tokens(*outer)
    if not tokens:
        return "other"
    head = index.root(tokens)
    if index.sentence[inner] != index.sentence[head]:
        return "sentence"
    heads, deps = index.head, index.tree.dep
    token = inner
    path: list[str] = []
    for _ in range(8):
        if token == head:
            return "under:" + ">".join(path[-2:])
        if heads[token] == token:
            break
        path.append(deps[token])
        token = heads[token]
    return "apart"


def _inside_quote(doc: Doc, i: int) -> bool:
    """Whether an odd number of double quotation marks precede token ``i`` in its sentence."""
    index = index_of(doc)
    before = index.text[index.idx[index.sent_start[i]] : index.idx[i]]
    count = (
        before.count('"') + before.count("“") + before.count("”") + before.count("''") + before.count("``")
    )
    return count % 2 == 1
