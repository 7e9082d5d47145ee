"""Running the extractors as kgbuild does, for the tests that need a real pipeline or a hand-built Doc."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from kgbuild import nlp
from kgbuild.extractors import ExtractContext, get_extractor
from kgbuild.records import Attribution, EntityMention


def pipeline(lang: str) -> Language:
    """The installed spaCy pipeline for ``lang``, or skip the test."""
    try:
        return nlp.load(lang)
    except nlp.NoPipelineError as err:
        pytest.skip(str(err))


def extract(
    doc: Doc, lang: str, name: str = "attributions.v2", entities_name: str = "entities.v4", **options: object
) -> tuple[list[EntityMention], list[Attribution]]:
    """The entity extractor ``entities_name`` (the default one), then the attribution extractor ``name``
    given those entities and ``options``."""
    entities = list(get_extractor(entities_name)(doc, ExtractContext(lang)))
    found = get_extractor(name)(doc, ExtractContext(lang, tuple(entities), dict(options)))
    return entities, list(found)


def attributions_of(
    text: str, lang: str, name: str = "attributions.v2", **options: object
) -> list[Attribution]:
    """The attributions ``name`` finds in ``text`` parsed by the real pipeline of ``lang``."""
    return extract(pipeline(lang)(text), lang, name, **options)[1]


def speakers(lang: str, text: str) -> list[tuple[str | None, str | None]]:
    """(source as written, speaker it resolves to) of each attribution ``attributions.v1`` finds."""
    return [
        (a.source.text if a.source else None, a.resolved)
        for a in attributions_of(text, lang, "attributions.v1")
    ]


def all_speakers(text: str, lang: str) -> list[tuple[str | None, str | None, list[str]]]:
    """(source as written, speaker it resolves to, the other speakers it names) of each attribution
    ``attributions.v2`` finds."""
    return [
        (a.source.text if a.source else None, a.resolved, [other.name for other in a.co_speakers])
        for a in attributions_of(text, lang, "attributions.v2")
    ]


def cues_by_both(text: str, lang: str) -> dict[str, list[str]]:
    """The cues, as written, that ``attributions.v1`` and ``attributions.v2`` each find in ``text``."""
    return {
        name: [a.cue.text for a in attributions_of(text, lang, name)]
        for name in ("attributions.v1", "attributions.v2")
    }
