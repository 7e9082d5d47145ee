"""Span arithmetic and text measures shared by the gold readers and the metric (see ``EVAL.md``).

A *span set* is a tuple of :class:`~kgbuild.records.Span` fragments in text order, so discontinuous gold
spans (brat ``"0 5;9 14"``) and ordinary contiguous ones are handled alike: overlaps count shared characters,
lengths count the characters of all fragments, texts join the fragments with a space (as brat does).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from kgbuild.records import Span

_WORD = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")

SpanSet = tuple[Span, ...]


def merged(spans: Iterable[Span], text: str) -> SpanSet:
    """Fragments sorted, overlapping or touching ones joined, so that no character is counted twice."""
    out: list[tuple[int, int]] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if out and span.start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], span.end))
        else:
            out.append((span.start, span.end))
    return tuple(Span(start, end, text[start:end]) for start, end in out)


def overlap(a: Sequence[Span], b: Sequence[Span]) -> int:
    """Characters shared by two span sets (each without self-overlap)."""
    return sum(max(0, min(x.end, y.end) - max(x.start, y.start)) for x in a for y in b)


def length(spans: Sequence[Span]) -> int:
    return sum(span.end - span.start for span in spans)


def joined_text(spans: Sequence[Span]) -> str:
    return " ".join(span.text for span in spans)


def covering(spans: Sequence[Span], text: str) -> Span:
    """The smallest contiguous span holding every fragment."""
    start = min(span.start for span in spans)
    end = max(span.end for span in spans)
    return Span(start, end, text[start:end])


def is_punctuation_only(text: str) -> bool:
    """True when a cue has no word character (``":"``, ``"«"``, or empty): such cues match through content."""
    return _WORD_CHAR.search(text) is None


def tokens(text: str) -> list[str]:
    """``\\w+`` runs (Unicode word characters), case kept: both sides are slices of the same text."""
    return _WORD.findall(text)


def token_f1(predicted: str, gold: str) -> float:
    """Bag-of-tokens F1; two token-less texts agree (1.0), one token-less text against another scores 0.0."""
    pred_counts = Counter(tokens(predicted))
    gold_counts = Counter(tokens(gold))
    if not pred_counts and not gold_counts:
        return 1.0
    common = sum((pred_counts & gold_counts).values())
    if common == 0:
        return 0.0
    precision = common / sum(pred_counts.values())
    recall = common / sum(gold_counts.values())
    return 2 * precision * recall / (precision + recall)


def name_key(name: str | None) -> str:
    """A name lower-cased, only its word characters kept: ``"J.-L. Mélenchon"`` -> ``"jlmélenchon"``."""
    return "".join(_WORD_CHAR.findall(name.lower())) if name else ""


def names_agree(predicted: str | None, gold: str | None) -> bool:
    """The names contain one another after :func:`name_key`; an empty name agrees with nothing."""
    a, b = name_key(predicted), name_key(gold)
    return bool(a and b) and (a in b or b in a)
