"""The bench's synthetic corpus keeps to graph-shape.md, so the bench measures views of realistic graphs."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from kgbuild.views import build_view

BENCH = Path(__file__).resolve().parent.parent / "bench" / "bench_views.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_views", BENCH)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_views_bench_synthetic_offsets_match_the_text(bench: ModuleType) -> None:
    store = bench.synthetic_store(40, seed=1)
    query = """
        PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
        SELECT ?text ?b ?e ?anchor WHERE {
          ?m nif:referenceContext ?a ; nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?anchor .
          ?a nif:isString ?text }"""
    rows = list(store.query(query, use_default_graph_as_union=True))
    assert len(rows) > 100
    for text, begin, end, anchor in rows:
        assert text.value[int(begin.value) : int(end.value)] == anchor.value


@pytest.mark.parametrize("view", ["claims", "reporting", "comention"])
def test_views_bench_synthetic_corpus_gives_every_view(bench: ModuleType, view: str) -> None:
    graph = build_view(bench.synthetic_store(60, seed=2), view)
    assert graph.number_of_nodes() > 20
    assert graph.number_of_edges() > 20
    styles = {d["style"] for *_, d in graph.edges(data=True)}
    expected = {
        "claims": {"assert", "deny", "hedged"},
        "reporting": {"report", "relay"},
        "comention": {"comention"},
    }
    assert expected[view] <= styles
    if view != "comention":
        assert any(d["kind"] == "anonymous" for _, d in graph.nodes(data=True))
