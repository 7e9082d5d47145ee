"""How far the figures of one gold set could move with other articles: bootstrap intervals over documents.

A gold split of 84 articles gives one attribution F1; another 84 articles of the same kind would give another.
Resampling the split's documents with replacement (each time as many as it has) and scoring each resample from
the per-document counts shows that spread without re-running the matching. The interval is the percentile
interval of the resampled figures. It says how much to trust a difference between two figures of one split,
and how far a figure is from a target in units of its own noise; it is not part of ``EVAL.md``'s metric.
Two systems are best compared on the same resamples: the interval of their difference is much narrower than
either interval, since both meet the same easy and hard articles.
"""

from __future__ import annotations

import numpy

from kgbuild.eval.errors import EvalInputError
from kgbuild.eval.metric import EvalReport, Intervals

# the counts a figure is computed from, in the order of the columns below
_COUNTS = ("gold", "predicted", "matched_gold", "matched_predicted", "triples_gold", "triples_predicted")


def bootstrap_intervals(
    report: EvalReport,
    resamples: int = 1000,
    seed: int = 0,
    level: float = 0.95,
    against: EvalReport | None = None,
) -> Intervals:
    """Intervals of the overall attribution P/R/F1 and full-triple F1 of ``report``'s documents; with
    ``against`` (other predictions scored on the same gold), intervals of the differences ``report`` minus
    ``against``, both scored on the same resamples (a paired comparison)."""
    if resamples < 1:
        raise EvalInputError(f"resamples must be at least 1, got {resamples}")
    if not 0.0 < level < 1.0:
        raise EvalInputError(f"the interval level must lie between 0 and 1, got {level}")
    if not report.per_document:
        raise EvalInputError("no gold documents to resample")
    ids = list(report.per_document)
    if against is not None and sorted(against.per_document) != sorted(ids):
        raise EvalInputError("the two reports were not scored on the same gold documents")
    picks = numpy.random.default_rng(seed).integers(0, len(ids), size=(resamples, len(ids)))
    figures = _resampled(report, ids, picks)
    if against is not None:
        other = _resampled(against, ids, picks)
        figures = {f"{name} difference": values - other[name] for name, values in figures.items()}
    tail = (1.0 - level) / 2 * 100
    bounds = {
        name: (float(numpy.percentile(values, tail)), float(numpy.percentile(values, 100 - tail)))
        for name, values in figures.items()
    }
    return Intervals(level=level, resamples=resamples, seed=seed, bounds=bounds)


def _resampled(report: EvalReport, ids: list[str], picks: numpy.ndarray) -> dict[str, numpy.ndarray]:
    """The figures of each resample (one row of positions in ``ids`` each)."""
    counts = numpy.array(
        [[getattr(report.per_document[doc_id], name) for name in _COUNTS] for doc_id in ids], dtype=float
    )
    totals = counts[picks].sum(axis=1)  # resamples x counts
    gold, predicted, matched_gold, matched_predicted, triples_gold, triples_predicted = totals.T
    precision = _ratio(matched_predicted, predicted)
    recall = _ratio(matched_gold, gold)
    return {
        "P": precision,
        "R": recall,
        "F1": _f1(precision, recall),
        "triple F1": _f1(_ratio(triples_predicted, predicted), _ratio(triples_gold, gold)),
    }


def _ratio(part: numpy.ndarray, whole: numpy.ndarray) -> numpy.ndarray:
    """part / whole, 0.0 where whole is 0 (as the metric's ratios)."""
    out = numpy.zeros_like(part)
    numpy.divide(part, whole, out=out, where=whole > 0)
    return out


def _f1(precision: numpy.ndarray, recall: numpy.ndarray) -> numpy.ndarray:
    total = precision + recall
    out = numpy.zeros_like(total)
    numpy.divide(2 * precision * recall, total, out=out, where=total > 0)
    return out
