"""Keep the list of registered extractors honest: a new name or version is a deliberate change."""

from __future__ import annotations

import pytest

from kgbuild.extractors import DEFAULT_EXTRACTORS, extractors, get_extractor

REGISTERED = [
    "attributions.v1",
    "attributions.v2",
    "attributions.v3",
    "entities.v1",
    "entities.v2",
    "entities.v3",
    "entities.v4",
    "entities.v5",
]


def test_registry_population_is_the_known_list() -> None:
    assert sorted(extractors.get_all()) == REGISTERED


def test_registry_defaults_are_registered() -> None:
    assert set(DEFAULT_EXTRACTORS) <= set(REGISTERED)


def test_registry_unknown_name_lists_the_known_ones() -> None:
    with pytest.raises(LookupError, match=r"unknown extractor 'attributions.v9'.*attributions.v1"):
        get_extractor("attributions.v9")


def test_registry_defaults_read_attributions_with_all_the_trained_taggers() -> None:
    # attributions.v1 (rules only) and v2 (the shipped tagger alone) stay as they were; the default reads the
    # larger taggers too, where the shipped one hesitates
    attributions = [name for name in DEFAULT_EXTRACTORS if name.startswith("attributions.")]
    assert attributions == ["attributions.v3"]
