"""Keep the list of registered extractors honest: a new name or version is a deliberate change."""

from __future__ import annotations

import pytest

from kgbuild.extractors import DEFAULT_EXTRACTORS, extractors, get_extractor

REGISTERED = ["attributions.v1", "entities.v1"]


def test_registry_population_is_the_known_list() -> None:
    assert sorted(extractors.get_all()) == REGISTERED


def test_registry_defaults_are_registered() -> None:
    assert set(DEFAULT_EXTRACTORS) <= set(REGISTERED)


def test_registry_unknown_name_lists_the_known_ones() -> None:
    with pytest.raises(LookupError, match=r"unknown extractor 'attributions.v9'.*attributions.v1"):
        get_extractor("attributions.v9")
