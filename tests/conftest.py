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


@pytest.fixture
def observatory_trig(tmp_path: Path) -> Path:
    """Three article graphs naming the same observatory, which the recognizer calls a place in the first and an
    organisation in the other two, written as one TriG file."""
    from datetime import UTC, datetime

    from kgbuild.graph.mapping import RunInfo, extraction_quads
    from kgbuild.records import Article, EntityMention, Extraction, Span

    run = RunInfo("kgbuild 0.1.0", "test", ("entities.v2",), datetime(2024, 1, 1, tzinfo=UTC))
    dataset = Dataset()
    for n, kind in enumerate(("place", "organisation", "organisation")):
        text = f"L'Observatoire syrien compte {n + 2} morts."
        name = "Observatoire syrien"
        start = text.index(name)
        mention = EntityMention(Span(start, start + len(name), name), kind, name, "observatoire-syrien")  # type: ignore[arg-type]
        article = Article(id=f"obs{n}", text=text, origin=f"obs{n}.txt", lang="fr")
        for s, p, o, g in extraction_quads(Extraction(article, "fr", (mention,), ()), run):
            dataset.graph(g).add((s, p, o))
    path = tmp_path / "observatory.trig"
    dataset.serialize(path, format="trig")
    return path
