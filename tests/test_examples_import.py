"""The examples run as tests: what `make demo` does, checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset

from kgbuild.importer import import_articles
from kgbuild.query import load_query, run_query
from kgbuild.readers import ReadOptions, read_inputs
from kgbuild.validate import validate

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def examples_graph(examples_dir: Path) -> Dataset:
    from kgbuild.store import MEMORY, open_dataset

    dataset = open_dataset(MEMORY)
    inputs = [str(examples_dir / "articles"), str(examples_dir / "feeds")]
    summary = import_articles(read_inputs(inputs, ReadOptions()), dataset)
    assert summary.rejects == [], summary.rejects
    assert summary.new >= 10
    return dataset


def test_examples_import_conforms_to_the_shapes(examples_graph: Dataset) -> None:
    result = validate(examples_graph)
    assert result.conforms, result.text[:3000]


def test_examples_every_query_runs(examples_graph: Dataset, examples_dir: Path) -> None:
    queries = sorted((examples_dir / "queries").glob("*.rq"))
    assert queries
    for path in queries:
        result = run_query(examples_graph, load_query(str(path)))
        assert result.type == "SELECT", path.name


def test_examples_claims_by_speaker_names_recurring_speakers(
    examples_graph: Dataset, examples_dir: Path
) -> None:
    result = run_query(examples_graph, load_query(str(examples_dir / "queries" / "claims_by_speaker.rq")))
    rows = list(result)
    assert len(rows) >= 20
    speakers = {str(row[0]) for row in rows}  # type: ignore[index]
    assert any("Vasseur" in s for s in speakers), speakers


def test_examples_entities_recur_across_articles(examples_graph: Dataset) -> None:
    rows = run_query(
        examples_graph,
        """PREFIX kg: <https://w3id.org/kgbuild/ontology#>
        PREFIX gaf: <http://groundedannotationframework.org/gaf#>
        PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
        SELECT ?e (COUNT(DISTINCT ?article) AS ?n) WHERE {
          ?e kg:identityKey ?k ; gaf:denotedBy/nif:referenceContext ?article
        } GROUP BY ?e HAVING (COUNT(DISTINCT ?article) >= 3)""",
    )
    assert len(list(rows)) >= 5


def test_examples_bad_feed_rejects_each_broken_record(examples_dir: Path) -> None:
    items = list(read_inputs([str(examples_dir / "bad")], ReadOptions()))
    rejects = [item for item in items if not hasattr(item, "text")]
    articles = [item for item in items if hasattr(item, "text")]
    assert len(articles) == 1
    assert len(rejects) == 3
    assert all(r.reason for r in rejects)  # type: ignore[union-attr]
