"""Versioned extractor names, like spaCy's registry: behaviour changes get a new version.

An extractor is a callable ``(doc: spacy.tokens.Doc, context: ExtractContext) -> Iterable[record]``.
Register with ``@extractors.register("attributions.v1")``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import catalogue
from spacy.tokens import Doc

from kgbuild.records import EntityMention


@dataclass(frozen=True)
class ExtractContext:
    """What an extractor may know beyond the Doc."""

    lang: str
    entities: tuple[EntityMention, ...] = ()  # entities found earlier in the same doc (doc offsets)
    options: dict[str, Any] = field(default_factory=dict)


Extractor = Callable[[Doc, ExtractContext], Iterable[Any]]

extractors = catalogue.create("kgbuild", "extractors", entry_points=True)

DEFAULT_EXTRACTORS: tuple[str, ...] = ("entities.v5", "attributions.v3")


def get_extractor(name: str) -> Extractor:
    try:
        return extractors.get(name)
    except catalogue.RegistryError as err:
        known = ", ".join(sorted(extractors.get_all()))
        raise LookupError(f"unknown extractor {name!r}; registered: {known}") from err
