"""The machine-readable extraction format of ``EVAL.md`` (``kgbuild extract --format jsonl``).

Offsets are those of the records: ``[start, end)`` into the article text exactly as it was read.
"""

from __future__ import annotations

from typing import Any

from kgbuild.records import Attribution, EntityMention, Extraction, Span


def extraction_to_json(extraction: Extraction) -> dict[str, Any]:
    """``{"id", "lang", "attributions", "entities", "events"}`` for one article; ready for ``json.dumps``."""
    return {
        "id": extraction.article.id,
        "lang": extraction.lang,
        "attributions": [attribution_to_json(a) for a in extraction.attributions],
        "entities": [entity_to_json(e) for e in extraction.entities],
        "events": [],
    }


def attribution_to_json(attribution: Attribution) -> dict[str, Any]:
    source = attribution.source
    return {
        "source": None if source is None else {**span_to_json(source), "resolved": attribution.resolved},
        "cue": span_to_json(attribution.cue),
        "content": span_to_json(attribution.content),
        "type": attribution.type,
        "source_kind": attribution.source_kind,
        "relayed_by": attribution.relayed_by,
        "hedges": list(attribution.hedges),
        "negated": attribution.negated,
        "confidence": attribution.confidence,
        # beyond EVAL.md's format: who an accusation holds responsible
        "accused": None
        if attribution.accused is None
        else {**span_to_json(attribution.accused), "key": attribution.accused_key},
        # beyond EVAL.md's format: the other speakers a coordinated source names
        "co_speakers": [
            {"resolved": other.name, "key": other.key, "kind": other.kind}
            for other in attribution.co_speakers
        ],
    }


def entity_to_json(entity: EntityMention) -> dict[str, Any]:
    return {**span_to_json(entity.span), "kind": entity.kind, "name": entity.name, "key": entity.key}


def span_to_json(span: Span) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.text}
