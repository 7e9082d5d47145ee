"""Predicted attributions in the ``EVAL.md`` JSON format, checked against the article text they index.

A prediction file is JSONL: one ``{"id": ..., "attributions": [...]}`` object per article, as written by
``kgbuild extract --format jsonl``. Only ``cue`` and ``content`` are required of an attribution; ``source``
(object or null), its ``resolved`` name, ``type`` and ``source_kind`` are read when present. Spans are
validated against the gold text: an attribution that fails (missing span, offsets outside the text) is not
dropped but kept as invalid, so it still counts as a prediction that matches nothing. A span whose ``text``
differs from the text at its offsets is scored on its offsets and counted as a text mismatch (an offset bug
in the producer).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kgbuild.eval.errors import EvalInputError
from kgbuild.eval.measures import SpanSet
from kgbuild.records import Span


class InvalidPredictionError(ValueError):
    """One predicted attribution that cannot be scored."""


@dataclass(frozen=True)
class Predicted:
    cue: SpanSet
    content: SpanSet
    source: SpanSet  # () when the prediction names no source
    resolved: str | None
    type: str
    source_kind: str
    text_mismatches: int = 0  # spans whose "text" differs from the article text at their offsets


def parse_attribution(raw: object, text: str) -> Predicted:
    """A predicted attribution dict checked against ``text``, or :class:`InvalidPredictionError` saying why."""
    if not isinstance(raw, Mapping):
        raise InvalidPredictionError(f"expected an object, got {type(raw).__name__}")
    cue, cue_mismatch = _span(raw.get("cue"), text, "cue")
    content, content_mismatch = _span(raw.get("content"), text, "content")
    source_value = raw.get("source")
    source: SpanSet = ()
    source_mismatch = 0
    resolved = None
    if source_value is not None:
        span, source_mismatch = _span(source_value, text, "source")
        source = (span,)
        resolved = source_value.get("resolved") if isinstance(source_value, Mapping) else None
    return Predicted(
        cue=(cue,),
        content=(content,),
        source=source,
        resolved=resolved if isinstance(resolved, str) else None,
        type=label(raw, "type"),
        source_kind=label(raw, "source_kind"),
        text_mismatches=cue_mismatch + content_mismatch + source_mismatch,
    )


def label(raw: object, field: str) -> str:
    """A string field used for breakdowns, ``"unknown"`` when absent or not a string."""
    value = raw.get(field) if isinstance(raw, Mapping) else None
    return value if isinstance(value, str) and value else "unknown"


def _span(value: object, text: str, role: str) -> tuple[Span, int]:
    if value is None:
        raise InvalidPredictionError(f"no {role}")
    if not isinstance(value, Mapping):
        raise InvalidPredictionError(f"{role} must be an object with start and end")
    start, end = value.get("start"), value.get("end")
    if (
        not isinstance(start, int)
        or not isinstance(end, int)
        or isinstance(start, bool)
        or isinstance(end, bool)
    ):
        raise InvalidPredictionError(f"{role} needs integer start and end")
    if not 0 <= start <= end <= len(text):
        raise InvalidPredictionError(f"{role} offsets [{start}, {end}) outside the text (length {len(text)})")
    given = value.get("text")
    return Span(start, end, text[start:end]), int(given is not None and given != text[start:end])


def read_predictions(path: Path) -> tuple[dict[str, list[Any]], list[str]]:
    """Attribution dicts per article id from a JSONL file, and the problems met (bad lines, repeated ids).

    A bad line is reported and skipped so one broken record does not stop the evaluation; a file with lines
    but no usable one is an error.
    """
    try:
        with Path(path).open(encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise EvalInputError(f"cannot read predictions {path}: {err}") from err
    predicted: dict[str, list[Any]] = {}
    problems: list[str] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            problems.append(f"{path}:{number}: not valid JSON ({err.msg})")
            continue
        doc_id = record.get("id") if isinstance(record, dict) else None
        attributions = record.get("attributions") if isinstance(record, dict) else None
        if not isinstance(doc_id, str) or not isinstance(attributions, list):
            problems.append(f"{path}:{number}: expected an object with a string id and an attributions list")
            continue
        if doc_id in predicted:
            problems.append(f"{path}:{number}: article {doc_id!r} seen before; this line ignored")
            continue
        predicted[doc_id] = attributions
    if problems and not predicted:
        raise EvalInputError(f"{path}: no usable prediction line ({problems[0]})")
    return predicted, problems
