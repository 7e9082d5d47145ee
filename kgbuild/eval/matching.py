"""Pairing predicted with gold attributions of one article, and judging a pair (``EVAL.md``).

Candidate pairs:

- when neither cue is punctuation only (both have a word character), the cues must share at least one
  character; the pair's *overlap* is the number of characters the cues share;
- when either cue is punctuation only (``":"``, ``"«"``, an empty cue), the contents must share at least one
  character and at least half the length of the shorter content; the pair's *overlap* is the number of
  characters the contents share.

Matching is one-to-one and greedy, largest overlap first: candidates are sorted by (kind: cue pairs before
content pairs, overlap descending, gold cue start, predicted cue start, gold index, predicted index) and a
pair is taken when neither side is taken yet. The two kinds are not ranked on one scale because their counts
measure different things: contents share hundreds of characters where cues share a few, so a content pair
would overrule an exact cue pair. That happens in reporting chains, where two attributions share one content
and one of them has a ``":"`` cue: ranked together, each prediction took the other's gold. Discontinuous gold
spans count the characters of their fragments only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from kgbuild.eval.gold import GoldAttribution
from kgbuild.eval.measures import (
    is_punctuation_only,
    joined_text,
    length,
    names_agree,
    overlap,
    token_f1,
)
from kgbuild.eval.predictions import Predicted


@dataclass(frozen=True)
class Pair:
    gold: int  # index into the article's gold attributions
    predicted: int  # index into the article's predictions
    overlap: int  # shared characters of the compared spans
    by: Literal["cue", "content"]


def candidate(gold: GoldAttribution, predicted: Predicted) -> Pair | None:
    """Whether the two may match, with their overlap; indices are filled in by :func:`match`."""
    if is_punctuation_only(joined_text(gold.spans("cue"))) or is_punctuation_only(joined_text(predicted.cue)):
        shared = overlap(gold.spans("content"), predicted.content)
        shorter = min(length(gold.spans("content")), length(predicted.content))
        return Pair(-1, -1, shared, "content") if shared >= 1 and 2 * shared >= shorter else None
    shared = overlap(gold.spans("cue"), predicted.cue)
    return Pair(-1, -1, shared, "cue") if shared >= 1 else None


def match(gold: Sequence[GoldAttribution], predicted: Sequence[Predicted | None]) -> list[Pair]:
    """One-to-one greedy matching (module docstring); ``None`` stands for an invalid prediction."""
    candidates: list[tuple[int, int, int, int, int, int, Pair]] = []
    for g, gold_attribution in enumerate(gold):
        for p, prediction in enumerate(predicted):
            if prediction is None:
                continue
            found = candidate(gold_attribution, prediction)
            if found is not None:
                pair = Pair(g, p, found.overlap, found.by)
                kind = 0 if found.by == "cue" else 1
                cue_starts = (gold_attribution.spans("cue")[0].start, prediction.cue[0].start)
                candidates.append((kind, -found.overlap, *cue_starts, g, p, pair))
    candidates.sort(key=lambda item: item[:6])
    taken_gold: set[int] = set()
    taken_predicted: set[int] = set()
    pairs: list[Pair] = []
    for *_, pair in candidates:
        if pair.gold not in taken_gold and pair.predicted not in taken_predicted:
            taken_gold.add(pair.gold)
            taken_predicted.add(pair.predicted)
            pairs.append(pair)
    return sorted(pairs, key=lambda pair: pair.gold)


def source_correct(gold: GoldAttribution, predicted: Predicted) -> bool:
    """Gold without source wants none; else the source spans overlap or the resolved names agree."""
    if gold.source is None:
        return not predicted.source
    if not predicted.source:
        return False
    return overlap(gold.spans("source"), predicted.source) >= 1 or names_agree(
        predicted.resolved, gold.resolved
    )


def content_f1(gold: GoldAttribution, predicted: Predicted) -> float:
    return token_f1(joined_text(predicted.content), joined_text(gold.spans("content")))
