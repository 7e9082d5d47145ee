"""Fixtures shared by all tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Dataset
from spacy.language import Language

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data, or skip: the real corpora are not part of the repository."""
    data = SHARED / "data"
    if not data.is_dir():
        pytest.skip("../shared/data is not available")
    return data


@pytest.fixture(scope="session")
def english() -> Language:
    """The English spaCy pipeline, or skip when none is installed."""
    from run_extractors import pipeline

    return pipeline("en")


@pytest.fixture(scope="session")
def french() -> Language:
    """The French spaCy pipeline."""
    from run_extractors import pipeline

    return pipeline("fr")


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture
def memory_dataset() -> Iterator[Dataset]:
    from kgbuild.store import MEMORY, close, open_dataset

    dataset = open_dataset(MEMORY)
    yield dataset
    close(dataset)
