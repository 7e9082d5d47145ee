"""Import articles into a store: read, extract, map to RDF, replace each article's graph.

Re-importing is idempotent: an article whose fingerprint (its fields plus the
software, pipeline and extractor versions) is already in the store is skipped,
and a changed article's graph is dropped and loaded again.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from rdflib import Dataset, URIRef

from kgbuild import __version__, nlp
from kgbuild import store as kgstore
from kgbuild.extractors.registry import DEFAULT_EXTRACTORS
from kgbuild.graph.ids import graph_iri
from kgbuild.graph.mapping import RunInfo, article_fingerprint, extraction_quads
from kgbuild.pipeline import extract
from kgbuild.readers import ReadOptions, check_paths, read_inputs
from kgbuild.records import Article, Extraction, Reject

Outcome = Literal["new", "updated", "unchanged", "rejected"]

# Articles whose graphs are written to the store in one bulk load.
WRITE_BATCH = 256


@dataclass
class ImportSummary:
    read: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    claims: int = 0
    entity_mentions: int = 0
    triples_written: int = 0
    seconds: float = 0.0
    store_triples: int = 0
    store_entities: int = 0
    store_claims: int = 0
    rejects: list[Reject] = field(default_factory=list)

    @property
    def rejected(self) -> int:
        return len(self.rejects)

    @property
    def articles_per_second(self) -> float:
        return self.read / self.seconds if self.seconds > 0 else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "articles_read": self.read,
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
            "claims_extracted": self.claims,
            "entity_mentions_extracted": self.entity_mentions,
            "triples_written": self.triples_written,
            "seconds": round(self.seconds, 2),
            "articles_per_second": round(self.articles_per_second, 2),
            "store_triples": self.store_triples,
            "store_entities": self.store_entities,
            "store_claims": self.store_claims,
        }


def run_info(lang: str, extractors: Sequence[str], started: datetime) -> RunInfo:
    return RunInfo(
        software_version=f"kgbuild {__version__}",
        pipeline=nlp.pipeline_label(lang),
        extractors=tuple(extractors),
        started=started,
    )


def import_paths(
    paths: Sequence[str],
    *,
    store: str | Path = kgstore.DEFAULT_STORE,
    options: ReadOptions | None = None,
    extractors: Sequence[str] | None = None,
    rejects_path: Path | None = None,
    on_article: Callable[[Outcome], None] | None = None,
) -> ImportSummary:
    """Import files, folders, globs or ``-`` into the store at ``store``; the CLI's ``import``."""
    check_paths(paths)
    dataset = kgstore.open_dataset(store)
    try:
        summary = import_articles(
            read_inputs(paths, options or ReadOptions()),
            dataset,
            extractors=extractors,
            on_article=on_article,
        )
    finally:
        kgstore.close(dataset)
    if rejects_path is not None:
        write_rejects(summary.rejects, rejects_path)
    return summary


def import_articles(
    inputs: Iterable[Article | Reject],
    dataset: Dataset,
    *,
    extractors: Sequence[str] | None = None,
    on_article: Callable[[Outcome], None] | None = None,
) -> ImportSummary:
    names = tuple(extractors) if extractors is not None else DEFAULT_EXTRACTORS
    started = datetime.now(UTC).replace(microsecond=0)
    clock = time.perf_counter()
    summary = ImportSummary()
    stored = kgstore.fingerprints(dataset)
    runs: dict[str, RunInfo] = {}
    fingerprint_run = RunInfo(
        software_version=f"kgbuild {__version__}",
        pipeline="; ".join(nlp.pipeline_label(lang) for lang in nlp.supported_languages()),
        extractors=names,
        started=started,
    )

    def note(outcome: Outcome) -> None:
        if on_article is not None:
            on_article(outcome)

    fingerprints: dict[str, str] = {}

    def to_extract() -> Iterator[Article]:
        for item in inputs:
            summary.read += 1
            if isinstance(item, Reject):
                summary.rejects.append(item)
                note("rejected")
                continue
            fingerprint = article_fingerprint(item, fingerprint_run)
            fingerprints[item.id] = fingerprint
            if stored.get(graph_iri(item.id)) == fingerprint:
                summary.unchanged += 1
                note("unchanged")
                continue
            yield item

    pending: dict[URIRef, list[kgstore.Quad]] = {}
    for result in extract(to_extract(), extractors=names):
        if isinstance(result, Reject):
            summary.rejects.append(result)
            note("rejected")
            continue
        run = runs.get(result.lang) or runs.setdefault(result.lang, run_info(result.lang, names, started))
        graph = graph_iri(result.article.id)
        try:
            quads = extraction_quads(result, run, fingerprint=fingerprints[result.article.id])
        except Exception as err:  # a mapping bug on one article must not stop the batch
            article = result.article
            summary.rejects.append(
                Reject(article.origin, f"mapping to RDF failed: {type(err).__name__}: {err}", article.id)
            )
            note("rejected")
            continue
        pending[graph] = quads
        _count(summary, result, quads)
        outcome: Outcome = "updated" if graph in stored else "new"
        if outcome == "new":
            summary.new += 1
        else:
            summary.updated += 1
        note(outcome)
        if len(pending) >= WRITE_BATCH:
            kgstore.replace_graphs(dataset, pending)
            pending = {}
    if pending:
        kgstore.replace_graphs(dataset, pending)
    summary.seconds = time.perf_counter() - clock
    _store_totals(dataset, summary)
    return summary


def _count(summary: ImportSummary, extraction: Extraction, quads: list[kgstore.Quad]) -> None:
    summary.claims += len(extraction.attributions)
    summary.entity_mentions += len(extraction.entities)
    summary.triples_written += len(quads)


def _store_totals(dataset: Dataset, summary: ImportSummary) -> None:
    summary.store_triples = kgstore.count_triples(dataset)
    entities, claims = kgstore.select(
        dataset,
        """PREFIX schema: <https://schema.org/>
            PREFIX kg: <https://w3id.org/kgbuild/ontology#>
            SELECT (COUNT(DISTINCT ?e) AS ?entities) (COUNT(DISTINCT ?c) AS ?claims) WHERE {
              { ?e kg:identityKey ?k } UNION { ?c a schema:Claim }
            }""",
    )[0]
    summary.store_entities = int(entities)
    summary.store_claims = int(claims)


def write_rejects(rejects: Sequence[Reject], path: Path) -> None:
    """The reject report: one JSON object per rejected input, with where it came from and why."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for reject in rejects:
            record = {"origin": reject.origin, "id": reject.article_id, "reason": reject.reason}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
