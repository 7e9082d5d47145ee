"""The figures of ``EVAL.md``: attribution P/R/F1, source accuracy, content token F1, full-triple P/R/F1.

Over all articles of a gold set (micro-averaged): predictions are matched to gold per article
(:mod:`kgbuild.eval.matching`), then

- attribution precision = matched / predicted, recall = matched / gold;
- source accuracy = matched pairs with a correct source / matched pairs;
- content token F1 = mean over matched pairs of the bag-of-``\\w+``-tokens F1 of the contents;
- full-triple precision / recall = pairs with a correct source and content token F1 >= 0.5, over predicted /
  over gold.

Gold that could not be located in its text counts in ``gold`` and is never matched. An invalid predicted
attribution counts in ``predicted`` and is never matched. A ratio with a zero denominator is 0.0 for P/R/F1
and None (shown ``-``) for the two means over matched pairs.

Breakdowns (``by="type"`` or ``by="source_kind"``) partition the same matching, they do not re-match: a
group's recall, source accuracy and content F1 are over the gold attributions whose label is the group's,
its precision over the predictions whose own label is the group's.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from kgbuild.eval.errors import EvalInputError
from kgbuild.eval.gold import GoldAttribution, GoldDoc, GoldIssue
from kgbuild.eval.matching import content_f1, match, source_correct
from kgbuild.eval.predictions import InvalidPredictionError, Predicted, label, parse_attribution

BREAKDOWNS = ("type", "source_kind")
TRIPLE_CONTENT_F1 = 0.5


@dataclass(frozen=True)
class Intervals:
    """Percentile bootstrap intervals of the overall figures, resampling whole documents with replacement (the
    attributions of one article are not independent of each other)."""

    level: float
    resamples: int
    seed: int
    bounds: dict[str, tuple[float, float]]  # figure name -> (low, high)

    def to_json(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "resamples": self.resamples,
            "seed": self.seed,
            "bounds": {name: list(pair) for name, pair in self.bounds.items()},
        }

    def line(self) -> str:
        shown = ", ".join(
            f"{name} {low:+.3f} to {high:+.3f}" if "difference" in name else f"{name} {low:.3f}-{high:.3f}"
            for name, (low, high) in self.bounds.items()
        )
        return f"{self.level:.0%} intervals, documents resampled {self.resamples} times (seed {self.seed}): {shown}"


def _ratio(part: float, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass
class Figures:
    """Counts of one group (or of everything); the figures are derived from them."""

    gold: int = 0
    predicted: int = 0
    matched_gold: int = 0  # matched pairs whose gold attribution belongs here
    matched_predicted: int = 0  # matched pairs whose prediction belongs here
    triples_gold: int = 0
    triples_predicted: int = 0
    source_correct: int = 0  # over matched_gold pairs
    content_f1_sum: float = 0.0  # over matched_gold pairs

    @property
    def precision(self) -> float:
        return _ratio(self.matched_predicted, self.predicted)

    @property
    def recall(self) -> float:
        return _ratio(self.matched_gold, self.gold)

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    @property
    def source_accuracy(self) -> float | None:
        return self.source_correct / self.matched_gold if self.matched_gold else None

    @property
    def content_token_f1(self) -> float | None:
        return self.content_f1_sum / self.matched_gold if self.matched_gold else None

    @property
    def triple_precision(self) -> float:
        return _ratio(self.triples_predicted, self.predicted)

    @property
    def triple_recall(self) -> float:
        return _ratio(self.triples_gold, self.gold)

    @property
    def triple_f1(self) -> float:
        return _f1(self.triple_precision, self.triple_recall)

    def to_json(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "matched_gold": self.matched_gold,
            "matched_predicted": self.matched_predicted,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "source_correct": self.source_correct,
            "source_accuracy": self.source_accuracy,
            "content_token_f1": self.content_token_f1,
            "triples_gold": self.triples_gold,
            "triples_predicted": self.triples_predicted,
            "triple_precision": self.triple_precision,
            "triple_recall": self.triple_recall,
            "triple_f1": self.triple_f1,
        }


@dataclass
class EvalReport:
    overall: Figures
    documents: int
    by: str | None = None
    groups: dict[str, Figures] = field(default_factory=dict)
    gold_unlocated: tuple[GoldIssue, ...] = ()  # counted in gold, never matched
    gold_skipped: tuple[GoldIssue, ...] = ()  # annotations that are not scorable attributions
    invalid_predictions: list[str] = field(default_factory=list)  # "<doc id>#<index>: reason"; counted
    text_mismatches: int = 0
    documents_without_predictions: int = 0
    unknown_documents: tuple[str, ...] = ()  # predicted ids not in the gold set; not scored
    notes: list[str] = field(default_factory=list)  # problems met while reading or producing predictions
    per_document: dict[str, Figures] = field(default_factory=dict)  # overall counts of each gold document
    intervals: Intervals | None = None  # bootstrap intervals over documents, when asked for

    @property
    def matched(self) -> int:
        return self.overall.matched_gold

    def to_json(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "overall": {"matched": self.matched, **self.overall.to_json()},
            "by": self.by,
            "groups": {name: figures.to_json() for name, figures in sorted(self.groups.items())},
            "gold_unlocated": [{"doc": i.doc_id, "detail": i.detail} for i in self.gold_unlocated],
            "gold_skipped": [
                {"doc": i.doc_id, "kind": i.kind, "detail": i.detail} for i in self.gold_skipped
            ],
            "invalid_predictions": list(self.invalid_predictions),
            "text_mismatches": self.text_mismatches,
            "documents_without_predictions": self.documents_without_predictions,
            "unknown_documents": list(self.unknown_documents),
            "notes": list(self.notes),
            "intervals": self.intervals.to_json() if self.intervals is not None else None,
        }

    def table(self) -> str:
        """A plain-text table of the figures, then what the reader should know about the inputs."""
        width = max([14, *(len(name) + 3 for name in self.groups)])
        header = (
            f"{'':<{width}}{'gold':>6}{'pred':>6}{'match':>7}{'P':>7}{'R':>7}{'F1':>7}"
            f"{'source':>8}{'content':>9}{'trip.P':>8}{'trip.R':>8}{'trip.F1':>8}"
        )
        rows = [f"Attribution evaluation over {self.documents} documents (EVAL.md)", header]
        rows.append(_row("overall", self.overall, width))
        if self.by:
            rows.append(f"by {self.by} (match = matched gold of the group; P over the group's predictions):")
            rows.extend(_row(f"  {name}", figures, width) for name, figures in sorted(self.groups.items()))
        rows.append("source = source accuracy and content = content token F1, over matched pairs")
        if self.intervals is not None:
            rows.append(self.intervals.line())
        rows.append(f"gold not located in its text: {len(self.gold_unlocated)} (counted as missed)")
        if self.gold_skipped:
            rows.append(f"gold annotations skipped as not scorable: {len(self.gold_skipped)}")
        if self.invalid_predictions:
            rows.append(f"invalid predictions (counted, never matched): {len(self.invalid_predictions)}")
        if self.text_mismatches:
            rows.append(
                f"predicted spans whose text differs from the text at their offsets: {self.text_mismatches}"
            )
        if self.documents_without_predictions:
            rows.append(f"gold documents without predictions: {self.documents_without_predictions}")
        if self.unknown_documents:
            rows.append(f"predicted documents not in the gold set (ignored): {len(self.unknown_documents)}")
        rows.extend(f"note: {note}" for note in self.notes)
        return "\n".join(rows)


def _row(name: str, f: Figures, width: int) -> str:
    def num(value: float | None) -> str:
        return "-" if value is None else f"{value:.3f}"

    return (
        f"{name:<{width}}{f.gold:>6}{f.predicted:>6}{f.matched_gold:>7}{num(f.precision):>7}{num(f.recall):>7}"
        f"{num(f.f1):>7}{num(f.source_accuracy):>8}{num(f.content_token_f1):>9}{num(f.triple_precision):>8}"
        f"{num(f.triple_recall):>8}{num(f.triple_f1):>8}"
    )


def score(
    gold: Sequence[GoldDoc], predicted: Mapping[str, Sequence[Any]], by: str | None = None
) -> EvalReport:
    """Figures of ``predicted`` (attribution dicts per article id, ``EVAL.md`` format) against ``gold``."""
    if by is not None and by not in BREAKDOWNS:
        raise EvalInputError(f"unknown breakdown {by!r}; choose one of: {', '.join(BREAKDOWNS)}")
    report = EvalReport(overall=Figures(), documents=len(gold), by=by)
    gold_ids = {doc.id for doc in gold}
    report.unknown_documents = tuple(sorted(set(predicted) - gold_ids))
    for doc in gold:
        if doc.id not in predicted:
            report.documents_without_predictions += 1
        _score_doc(doc, predicted.get(doc.id, ()), report)
        report.gold_unlocated += doc.missed
        report.gold_skipped += tuple(issue for issue in doc.issues if not issue.counts_as_gold)
    return report


def _score_doc(doc: GoldDoc, raw_predictions: Sequence[Any], report: EvalReport) -> None:
    predictions: list[Predicted | None] = []
    for index, raw in enumerate(raw_predictions):
        try:
            parsed = parse_attribution(raw, doc.text)
        except InvalidPredictionError as err:
            report.invalid_predictions.append(f"{doc.id}#{index}: {err}")
            predictions.append(None)
            continue
        report.text_mismatches += parsed.text_mismatches
        predictions.append(parsed)

    own = report.per_document.setdefault(doc.id, Figures())

    def groups_of(gold_attribution: GoldAttribution | GoldIssue) -> list[Figures]:
        return [own, *_figures(report, getattr(gold_attribution, report.by) if report.by else None)]

    def groups_of_prediction(index: int) -> list[Figures]:
        # An invalid prediction still has the label it was given, when it has one.
        return [own, *_figures(report, label(raw_predictions[index], report.by) if report.by else None)]

    for issue in doc.missed:
        for figures in groups_of(issue):
            figures.gold += 1
    for attribution in doc.attributions:
        for figures in groups_of(attribution):
            figures.gold += 1
    for index in range(len(predictions)):
        for figures in groups_of_prediction(index):
            figures.predicted += 1
    for pair in match(doc.attributions, predictions):
        gold_attribution = doc.attributions[pair.gold]
        prediction = predictions[pair.predicted]
        if prediction is None:  # invalid predictions are never matched
            continue
        right_source = source_correct(gold_attribution, prediction)
        f1 = content_f1(gold_attribution, prediction)
        triple = right_source and f1 >= TRIPLE_CONTENT_F1
        for figures in groups_of(gold_attribution):
            figures.matched_gold += 1
            figures.source_correct += right_source
            figures.content_f1_sum += f1
            figures.triples_gold += triple
        for figures in groups_of_prediction(pair.predicted):
            figures.matched_predicted += 1
            figures.triples_predicted += triple


def _figures(report: EvalReport, group: str | None) -> list[Figures]:
    """The overall figures, plus the group's when a breakdown was asked for."""
    if group is None:
        return [report.overall]
    return [report.overall, report.groups.setdefault(group, Figures())]
