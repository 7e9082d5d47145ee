"""entities.v1: people, organisations, places and groups named in a Doc, with in-article canonical names."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc

from kgbuild.extractors.docindex import DocIndex, index_of
from kgbuild.extractors.lexicon import Lexicon, load_lexicon
from kgbuild.extractors.names import clean_name, identity_key, name_bounds
from kgbuild.extractors.registry import ExtractContext, extractors
from kgbuild.records import EntityKind, EntityMention, Span

# spaCy NER labels of the French (WikiNER) and English (OntoNotes) pipelines; MISC and the rest are ignored.
KIND_OF_LABEL: dict[str, EntityKind] = {
    "PER": "person",
    "PERSON": "person",
    "ORG": "organisation",
    "LOC": "place",
    "GPE": "place",
    "FAC": "place",
    "NORP": "group",
}


@dataclass(slots=True)
class _Raw:
    start: int
    end: int
    text: str
    kind: EntityKind
    words: tuple[str, ...]  # folded words of the name, for surname matching


@extractors.register("entities.v1")
def entities_v1(doc: Doc, ctx: ExtractContext) -> Iterator[EntityMention]:
    """Entity mentions of ``doc``; ``name`` is the fullest form of the name used in the article."""
    yield from find_entities(doc, load_lexicon(ctx.lang))


def find_entities(doc: Doc, lexicon: Lexicon, index: DocIndex | None = None) -> Iterator[EntityMention]:
    index = index or index_of(doc)
    raws: list[_Raw] = []
    full_text = index.text
    for ent in index.entity_spans():
        kind = KIND_OF_LABEL.get(ent.label)
        if kind is None:
            continue
        lo, hi = name_bounds(
            index.texts[ent.start : ent.end], index.pos_strings[ent.start : ent.end], lexicon
        )
        if lo >= hi:
            continue
        start = index.idx[ent.start + lo]
        end = index.end[ent.start + hi - 1]
        text = clean_name(full_text[start:end])
        if not text or not any(ch.isalpha() for ch in text):
            continue
        shift = full_text.find(text, start, end)
        if shift >= 0:  # keep the span on the cleaned name ("l'AFP" -> "AFP")
            start, end = shift, shift + len(text)
        raws.append(_Raw(start, end, text, kind, tuple(identity_key(text).split("-"))))
    canonical = _canonical_names(raws)
    for raw in raws:
        name = canonical.get((raw.kind, raw.words), raw.text)
        yield EntityMention(
            span=Span(raw.start, raw.end, full_text[raw.start : raw.end]),
            kind=raw.kind,
            name=name,
            key=identity_key(name),
        )


def _canonical_names(raws: list[_Raw]) -> dict[tuple[EntityKind, tuple[str, ...]], str]:
    """For each person name, the longest name of the article that ends with it ("Trump" -> "Donald Trump").

    Other kinds keep their own name. Among equally long full names, the first in the text wins, so the
    choice does not depend on dict order.
    """
    longest: dict[tuple[str, ...], _Raw] = {}
    for raw in raws:
        if raw.kind == "person" and raw.words:
            best = longest.get(raw.words)
            if best is None or len(raw.text) > len(best.text):
                longest[raw.words] = raw
    fullest = sorted(longest.values(), key=lambda r: (-len(r.words), r.start))
    canonical: dict[tuple[EntityKind, tuple[str, ...]], str] = {}
    for words, raw in longest.items():
        name = raw.text
        for candidate in fullest:
            if len(candidate.words) <= len(words):
                break
            if candidate.words[-len(words) :] == words:
                name = candidate.text
                break
        canonical[("person", words)] = name
    return canonical
