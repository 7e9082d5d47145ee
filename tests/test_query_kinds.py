"""An entity that articles give different kinds is one node, of the kind most of them give."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset

from kgbuild.query.kinds import usual_kinds
from kgbuild.stats import store_stats
from kgbuild.validate import validate
from kgbuild.views.build import build_view

pytestmark = pytest.mark.filterwarnings(
    r"ignore:(Dataset\.\w+|ConjunctiveGraph) is deprecated:DeprecationWarning"
)

OBSERVATORY = "https://w3id.org/kgbuild/id/entity/observatoire-syrien"


@pytest.mark.parametrize(
    ("votes", "expected"),
    [
        ([("e", "place", 1), ("e", "organisation", 2)], "organisation"),
        ([("e", "place", 3), ("e", "organisation", 2)], "place"),
        ([("e", "place", 2), ("e", "group", 2)], "group"),  # a tie: alphabetical order, as the example query
        ([("e", "group", 1), ("e", "place", "2")], "place"),  # counts as literals' lexical forms
        ([("e", None, 4), ("e", "group", 1)], "group"),
    ],
)
def test_query_kinds_usual_kind_has_the_most_votes(
    votes: list[tuple[str, str | None, object]], expected: str
) -> None:
    assert usual_kinds(votes) == {"e": expected}


def test_query_kinds_store_of_three_articles_has_one_valid_node(observatory_trig: Path) -> None:
    dataset = Dataset(default_union=True)
    dataset.parse(observatory_trig, format="trig")
    assert validate(dataset).conforms
    stats = store_stats(dataset)
    assert stats["entities"] == 1
    assert stats["entities_by_kind"] == {"organisation": 1}


@pytest.mark.parametrize("engine", ["pyoxigraph", "rdflib"])
def test_query_kinds_view_draws_the_usual_kind(observatory_trig: Path, engine: str) -> None:
    source: object
    if engine == "pyoxigraph":
        source = ox.Store()
        source.load(path=str(observatory_trig), format=ox.RdfFormat.TRIG)
    else:
        source = Dataset(default_union=True)
        source.parse(observatory_trig, format="trig")
    graph = build_view(source, "comention")  # type: ignore[arg-type]
    assert graph.nodes[OBSERVATORY]["kind"] == "organisation"
