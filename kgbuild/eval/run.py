"""``kgbuild eval``: score predictions, or a fresh extraction, against a gold folder (``EVAL.md``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from kgbuild.eval.bootstrap import bootstrap_intervals
from kgbuild.eval.errors import EvalInputError
from kgbuild.eval.gold import GoldDoc, load_gold
from kgbuild.eval.metric import EvalReport, score
from kgbuild.eval.predictions import read_predictions
from kgbuild.extract_json import extraction_to_json
from kgbuild.records import Article, Reject


def evaluate(
    gold_dir: Path,
    *,
    predictions: Path | None = None,
    by: str | None = None,
    limit: int | None = None,
    resamples: int = 0,
    seed: int = 0,
    against: Path | None = None,
    extractors: Sequence[str] | None = None,
) -> EvalReport:
    """Score a JSONL prediction file, or without one run :func:`kgbuild.pipeline.extract` on the gold texts
    (with ``extractors``, those registered extractors instead of the defaults).

    ``limit`` keeps the first gold documents (sorted by id); predictions for the others are then ignored.
    ``resamples`` > 0 adds 95% bootstrap intervals over documents (:mod:`kgbuild.eval.bootstrap`); with
    ``against`` (another prediction file), intervals of the differences between these figures and its figures.
    """
    if limit is not None and limit < 1:
        raise EvalInputError(f"limit must be at least 1, got {limit}")
    if resamples < 0:
        raise EvalInputError(f"resamples must be 0 (no intervals) or more, got {resamples}")
    if against is not None and not resamples:
        raise EvalInputError("a comparison with other predictions needs resamples (--bootstrap N)")
    every_doc = load_gold(Path(gold_dir))
    docs = every_doc[:limit] if limit is not None else every_doc
    kept = {doc.id for doc in docs}
    outside_limit = {doc.id for doc in every_doc} - kept
    notes: list[str] = []
    if predictions is not None:
        predicted, notes = read_predictions(predictions)
    else:
        predicted, notes = run_pipeline(docs, origin=str(gold_dir), extractors=extractors)

    def scored(by_id: dict[str, list[Any]]) -> EvalReport:
        return score(docs, {k: v for k, v in by_id.items() if k not in outside_limit}, by=by)

    report = scored(predicted)
    report.notes.extend(notes)
    if resamples:
        other = None
        if against is not None:
            other_predicted, other_notes = read_predictions(against)
            report.notes.extend(f"{against}: {note}" for note in other_notes)
            other = scored(other_predicted)
        report.intervals = bootstrap_intervals(report, resamples=resamples, seed=seed, against=other)
    return report


def run_pipeline(
    docs: Sequence[GoldDoc], *, origin: str, extractors: Sequence[str] | None = None
) -> tuple[dict[str, list[Any]], list[str]]:
    """Attribution dicts per article from the extraction pipeline, and a note per rejected article."""
    try:
        from kgbuild.pipeline import extract  # the pipeline loads spaCy: only imported when it is needed
    except ImportError as err:
        raise EvalInputError(
            f"the extraction pipeline is not available ({err}); pass a predictions file"
        ) from err
    articles = [Article(id=doc.id, text=doc.text, origin=f"{origin}/{doc.id}", lang=doc.lang) for doc in docs]
    predicted: dict[str, list[Any]] = {}
    notes: list[str] = []
    results: Iterable[Any] = extract(articles, extractors=extractors)
    for result in results:
        if isinstance(result, Reject):
            notes.append(f"article {result.article_id or result.origin} rejected: {result.reason}")
            continue
        record = extraction_to_json(result)
        predicted[record["id"]] = record["attributions"]
    return predicted, notes
