"""The example queries give the same rows in Oxigraph and rdflib, and the expected rows on the golden graph."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset
from rdflib.term import Literal as RdfLiteral
from rdflib.term import Node

from kgbuild.graph.mapping import RunInfo, extraction_graph
from kgbuild.records import Article, Attribution, CoSpeaker, Extraction, Span

# rdflib 7.6 warns about its own deprecated internals when a Dataset parses TriG or answers a query.
pytestmark = pytest.mark.filterwarnings(
    r"ignore:(Dataset\.\w+|ConjunctiveGraph) is deprecated:DeprecationWarning"
)

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "examples" / "queries"
GOLDEN = ROOT / "tests" / "golden" / "gazette.trig"
CLAIM = "https://w3id.org/kgbuild/id/claim/gazette-0312/"
ANON = "https://w3id.org/kgbuild/id/source/gazette-0312/anon-1"
NUMERIC = {
    f"http://www.w3.org/2001/XMLSchema#{name}"
    for name in ("integer", "decimal", "double", "float", "long", "int")
}

Cell = str | float | None


def _ox_cell(term: ox.NamedNode | ox.Literal | ox.BlankNode | None) -> Cell:
    if term is None:
        return None
    if isinstance(term, ox.Literal) and term.datatype.value in NUMERIC:
        return float(term.value)
    return term.value


def _rdflib_cell(term: Node | None) -> Cell:
    if term is None:
        return None
    if isinstance(term, RdfLiteral) and term.datatype is not None and str(term.datatype) in NUMERIC:
        return float(Decimal(str(term)))
    return str(term)


def oxigraph_rows(query: str, path: Path = GOLDEN) -> list[tuple[Cell, ...]]:
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.TRIG)
    solutions = store.query(query, use_default_graph_as_union=True)
    assert isinstance(solutions, ox.QuerySolutions)
    names = [v.value for v in solutions.variables]
    return [tuple(_ox_cell(solution[name]) for name in names) for solution in solutions]


def rdflib_rows(query: str, path: Path = GOLDEN) -> list[tuple[Cell, ...]]:
    dataset = Dataset(default_union=True)
    dataset.parse(path, format="trig")
    result = dataset.query(query)
    return [tuple(_rdflib_cell(row.get(v)) for v in result.vars or []) for row in result.bindings]


def query_rows(name: str, path: Path = GOLDEN) -> list[tuple[Cell, ...]]:
    text = (QUERIES / name).read_text(encoding="utf-8")
    ox_rows, rdflib_rows_ = oxigraph_rows(text, path), rdflib_rows(text, path)
    assert ox_rows == rdflib_rows_, f"{name}: engines disagree"
    return ox_rows


def test_graph_queries_every_example_query_is_tested() -> None:
    tested = {
        "claims_by_speaker.rq",
        "anonymous_chain_claims.rq",
        "anonymous_share_by_publisher.rq",
        "distanced_claims.rq",
        "denials.rq",
        "entities_by_mentions.rq",
    }
    assert {p.name for p in QUERIES.glob("*.rq")} >= tested
    for name in tested:
        assert "SELECT DISTINCT" in (QUERIES / name).read_text(encoding="utf-8")


def test_graph_queries_claims_by_speaker() -> None:
    rows = query_rows("claims_by_speaker.rq")
    assert [row[:5] for row in rows] == [
        (
            "Courrier du Nord",
            "selon",
            "Indirect",
            "le ministère aurait déjà renoncé au projet de terminal",
            "gazette-0312",
        ),
        ("Hélène Marchetti", "déclarer", "Direct", "Nous irons jusqu'au bout", "gazette-0312"),
        (
            "Hélène Marchetti",
            "démentir",
            "Indirect",
            "avoir reçu la moindre pression de Bruxelles",
            "gazette-0312",
        ),
        (
            "des sources proches du dossier",
            "citer",
            "Indirect",
            "le ministère aurait déjà renoncé au projet de terminal",
            "gazette-0312",
        ),
        ("des sources proches du dossier", "évoquer", "Indirect", "un désaccord profond", "gazette-0312"),
    ]


def test_graph_queries_anonymous_chain_claims() -> None:
    rows = query_rows("anonymous_chain_claims.rq")
    assert [(row[0], row[1], row[2], row[3], row[4]) for row in rows] == [
        (CLAIM + "1", "Courrier du Nord", ANON, "des sources proches du dossier", "true"),
        (CLAIM + "2", "des sources proches du dossier", ANON, "des sources proches du dossier", "false"),
        (CLAIM + "5", "des sources proches du dossier", ANON, "des sources proches du dossier", "false"),
    ]


def test_graph_queries_anonymous_share_by_publisher() -> None:
    rows = query_rows("anonymous_share_by_publisher.rq")
    assert [row[:4] for row in rows] == [("La Gazette de l'Ouest", 6.0, 3.0, 0.5)]


def test_graph_queries_distanced_claims() -> None:
    rows = query_rows("distanced_claims.rq")
    assert [row[:3] for row in rows] == [
        (CLAIM + "1", "POSSIBLE", "aurait"),
        (CLAIM + "5", "PROBABLE", None),
    ]
    assert {row[4] for row in rows} == {"La Gazette de l'Ouest"}


def test_graph_queries_denials_returns_exactly_the_denial() -> None:
    rows = query_rows("denials.rq")
    assert rows == [
        (
            CLAIM + "3",
            "Hélène Marchetti",
            "démentir",
            "avoir reçu la moindre pression de Bruxelles",
            "La Gazette de l'Ouest",
            "gazette-0312",
        )
    ]


def test_graph_queries_entities_by_mentions() -> None:
    rows = query_rows("entities_by_mentions.rq")
    assert [row[:4] for row in rows] == [
        ("Hélène Marchetti", "person", 2.0, 1.0),  # "Hélène Marchetti" and "La ministre"
        ("Bruxelles", "place", 1.0, 1.0),
        ("Courrier du Nord", "organisation", 1.0, 1.0),
        ("Rennes", "place", 1.0, 1.0),
    ]


def test_graph_queries_claims_by_speaker_gives_a_row_to_each_of_two_speakers(tmp_path: Path) -> None:
    text = "Anne Lebrun et la Croix-Rouge affirment que tout va bien."

    def part(needle: str) -> Span:
        start = text.index(needle)
        return Span(start, start + len(needle), needle)

    both = Attribution(
        cue=part("affirment"),
        content=part("tout va bien"),
        source=part("Anne Lebrun et la Croix-Rouge"),
        type="indirect",
        source_kind="person",
        cue_lemma="affirmer",
        resolved="Anne Lebrun",
        source_key="anne-lebrun",
        co_speakers=(CoSpeaker("Croix-Rouge", "croix-rouge", "organisation"),),
    )
    extraction = Extraction(Article(id="a2", text=text, origin="a2.txt", lang="fr"), "fr", (), (both,))
    run = RunInfo("kgbuild 0.1.0", "test", ("attributions.v2",), datetime(2024, 1, 1, tzinfo=UTC))
    path = tmp_path / "two.trig"
    extraction_graph(extraction, run).serialize(path, format="trig")
    rows = query_rows("claims_by_speaker.rq", path)
    assert [row[:5] for row in rows] == [
        ("Anne Lebrun", "affirmer", "Indirect", "tout va bien", "a2"),
        ("Croix-Rouge", "affirmer", "Indirect", "tout va bien", "a2"),
    ]


def test_graph_queries_entities_by_mentions_gives_the_kind_most_articles_give(observatory_trig: Path) -> None:
    rows = query_rows("entities_by_mentions.rq", observatory_trig)
    assert [row[:4] for row in rows] == [("Observatoire syrien", "organisation", 3.0, 3.0)]
