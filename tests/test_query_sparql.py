from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from kgbuild.query import QueryError, format_result, load_query, run_query
from kgbuild.store import replace_graphs

EX = "http://example.org/"
SELECT = f"SELECT ?who ?said WHERE {{ ?who <{EX}says> ?said }} ORDER BY DESC(?who)"


@pytest.fixture
def said(memory_dataset: Dataset) -> Dataset:
    g = URIRef(EX + "g")
    replace_graphs(
        memory_dataset,
        {
            g: [
                (URIRef(EX + "lavrov"), URIRef(EX + "says"), Literal("« Rien, à voir »", lang="fr"), g),
                (URIRef(EX + "cnn"), URIRef(EX + "says"), Literal("strikes were prepared"), g),
            ]
        },
    )
    return memory_dataset


@pytest.mark.parametrize(
    ("query", "position"),
    [
        ("SELECT ?s WHERE { ?s ?p }", "1:26"),
        ("SELECT ?s WHERE {\n  ?s ?p ?o .\n  FILTER(?s = )\n}", "4:2"),
    ],
)
def test_query_malformed_sparql_names_the_position(said: Dataset, query: str, position: str) -> None:
    with pytest.raises(QueryError, match=f"malformed SPARQL: error at {position}"):
        run_query(said, query)


def test_query_table_lists_rows_and_count(said: Dataset) -> None:
    table = format_result(run_query(said, SELECT), "table")
    lines = table.splitlines()
    assert lines[0].split() == ["who", "said"]
    assert "« Rien, à voir »" in lines[2]
    assert lines[-1] == "(2 rows)"


def test_query_csv_round_trips_commas_and_quotes(said: Dataset) -> None:
    rows = list(csv.reader(io.StringIO(format_result(run_query(said, SELECT), "csv"))))
    assert rows == [
        ["who", "said"],
        [EX + "lavrov", "« Rien, à voir »"],
        [EX + "cnn", "strikes were prepared"],
    ]


def test_query_json_follows_sparql_results_format(said: Dataset) -> None:
    data = json.loads(format_result(run_query(said, SELECT), "json"))
    assert data["head"]["vars"] == ["who", "said"]
    first = data["results"]["bindings"][0]
    assert first["who"] == {"type": "uri", "value": EX + "lavrov"}
    assert first["said"] == {"type": "literal", "value": "« Rien, à voir »", "xml:lang": "fr"}


def test_query_ask_and_construct(said: Dataset) -> None:
    assert format_result(run_query(said, f"ASK {{ ?s <{EX}says> ?o }}")) == "yes"
    construct = f"CONSTRUCT {{ ?s <{EX}said> ?o }} WHERE {{ ?s <{EX}says> ?o }}"
    graph = Graph().parse(data=format_result(run_query(said, construct)), format="turtle")
    assert {str(o) for o in graph.objects(None, URIRef(EX + "said"))} == {
        "« Rien, à voir »",
        "strikes were prepared",
    }


def test_query_load_query_reads_rq_files(tmp_path: Path) -> None:
    path = tmp_path / "q.rq"
    path.write_text(SELECT, encoding="utf-8")
    assert load_query(str(path)) == SELECT
    assert load_query(SELECT) == SELECT
    with pytest.raises(QueryError, match="query file not found"):
        load_query(str(tmp_path / "missing.rq"))
