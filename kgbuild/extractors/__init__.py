"""Extractors over spaCy Docs, registered under versioned names."""

from kgbuild.extractors.registry import DEFAULT_EXTRACTORS, ExtractContext, extractors, get_extractor

__all__ = ["DEFAULT_EXTRACTORS", "ExtractContext", "extractors", "get_extractor"]
