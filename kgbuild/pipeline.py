"""Articles in, extractions out: clean-up, language, spaCy, extractors, offsets back to the original text."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from spacy.tokens import Doc

from kgbuild import extractors as _extractors  # registers the built-in extractors
from kgbuild import nlp
from kgbuild.extractors.registry import DEFAULT_EXTRACTORS, ExtractContext, get_extractor
from kgbuild.lang import detect_language
from kgbuild.readers.cleanup import CleanText, clean_text
from kgbuild.records import Article, EntityMention, Extraction, Reject, Span

__all__ = ["MAX_CHARS", "extract"]

del _extractors

# spaCy's own default limit; longer inputs are nearly always concatenated dumps, not articles.
MAX_CHARS = 1_000_000


def extract(
    articles: Iterable[Article],
    *,
    extractors: Sequence[str] | None = None,
    batch_size: int = 32,
) -> Iterator[Extraction | Reject]:
    """Extract records from each article, in input order.

    Every article comes out once: as an :class:`Extraction` whose offsets index
    ``article.text``, or as a :class:`Reject` that says why not.
    """
    names = tuple(extractors) if extractors is not None else DEFAULT_EXTRACTORS
    functions = [(name, get_extractor(name)) for name in names]
    iterator = iter(articles)
    while chunk := list(itertools.islice(iterator, batch_size)):
        yield from _extract_chunk(chunk, functions, batch_size)


def _extract_chunk(
    chunk: list[Article], functions: list[tuple[str, Any]], batch_size: int
) -> list[Extraction | Reject]:
    results: list[Extraction | Reject | None] = [None] * len(chunk)
    by_lang: dict[str, list[tuple[int, CleanText]]] = {}
    for i, article in enumerate(chunk):
        prepared = _prepare(article)
        if isinstance(prepared, Reject):
            results[i] = prepared
        else:
            lang, clean = prepared
            by_lang.setdefault(lang, []).append((i, clean))
    for lang, items in by_lang.items():
        pipe = nlp.load(lang)
        docs = pipe.pipe((clean.text for _, clean in items), batch_size=batch_size)
        for (i, clean), doc in zip(items, docs, strict=True):
            results[i] = _run_extractors(chunk[i], lang, doc, clean, functions)
    return [r for r in results if r is not None]


def _prepare(article: Article) -> tuple[str, CleanText] | Reject:
    def reject(reason: str) -> Reject:
        return Reject(origin=article.origin, reason=reason, article_id=article.id)

    if not article.text.strip():
        return reject("empty text")
    if len(article.text) > MAX_CHARS:
        return reject(f"text too long ({len(article.text):,} characters; limit {MAX_CHARS:,})")
    clean = clean_text(article.text)
    lang = article.lang or detect_language(clean.text)
    if lang is None:
        return reject("language could not be detected (give it with --lang or a 'lang' field)")
    try:
        nlp.model_name(lang)
    except nlp.NoPipelineError as err:
        return reject(str(err))
    return lang, clean


def _run_extractors(
    article: Article, lang: str, doc: Doc, clean: CleanText, functions: list[tuple[str, Any]]
) -> Extraction | Reject:
    entities: tuple[EntityMention, ...] = ()
    attributions: list[Any] = []
    for name, function in functions:
        ctx = ExtractContext(lang=lang, entities=entities)
        try:
            records = list(function(doc, ctx))
        except Exception as err:  # one article's failure must not stop the batch
            return Reject(
                origin=article.origin,
                reason=f"extractor {name} failed: {type(err).__name__}: {err}",
                article_id=article.id,
            )
        if name.startswith("entities."):
            entities = tuple(records)
        else:
            # relayed_by indexes this extractor's own list; shift it past earlier extractors' records
            offset = len(attributions)
            attributions.extend(
                dataclasses.replace(r, relayed_by=r.relayed_by + offset)
                if offset and getattr(r, "relayed_by", None) is not None
                else r
                for r in records
            )
    original = article.text
    return Extraction(
        article=article,
        lang=lang,
        entities=tuple(_remap(record, clean, original) for record in entities),
        attributions=tuple(_remap(record, clean, original) for record in attributions),
        extractors=tuple(name for name, _ in functions),
    )


def _remap(record: Any, clean: CleanText, original: str) -> Any:
    """The same record with every Span field moved from clean-text to original-text offsets."""
    changes: dict[str, Span] = {}
    for field in dataclasses.fields(record):
        value = getattr(record, field.name)
        if isinstance(value, Span):
            start, end = clean.to_original(value.start, value.end)
            changes[field.name] = Span(start, end, original[start:end])
    return dataclasses.replace(record, **changes) if changes else record
