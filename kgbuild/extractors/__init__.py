"""Extractors over spaCy Docs, registered under versioned names."""

from kgbuild.extractors.registry import DEFAULT_EXTRACTORS, ExtractContext, extractors, get_extractor

# Importing the modules registers their extractors.
from kgbuild.extractors import attributions, entities  # noqa: F401  # isort: skip

__all__ = ["DEFAULT_EXTRACTORS", "ExtractContext", "extractors", "get_extractor"]
