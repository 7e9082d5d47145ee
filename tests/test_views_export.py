"""Files for Gephi and friends, a PNG picture, and write_view's choice of format."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

from kgbuild.views import ViewError, build_view, infer_format, write_view
from kgbuild.views.export import exportable

FIXTURE = Path(__file__).parent / "data" / "views" / "small.trig"


@pytest.fixture(scope="module")
def store() -> ox.Store:
    store = ox.Store()
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    return store


@pytest.mark.parametrize("view", ["claims", "reporting", "comention"])
def test_views_exportable_has_only_scalar_attributes(store: ox.Store, view: str) -> None:
    graph = exportable(build_view(store, view))
    scalars = (str, int, float, bool)
    for _, data in graph.nodes(data=True):
        assert all(isinstance(v, scalars) for v in data.values())
    for *_, data in graph.edges(data=True):
        assert all(isinstance(v, scalars) for v in data.values())
    assert all(isinstance(v, scalars) for v in graph.graph.values())


@pytest.mark.parametrize(
    ("view", "suffix", "read"),
    [
        ("claims", "graphml", nx.read_graphml),
        ("reporting", "graphml", nx.read_graphml),
        ("comention", "gexf", nx.read_gexf),
        ("claims", "gexf", nx.read_gexf),
    ],
)
def test_views_graph_files_read_back(
    store: ox.Store, tmp_path: Path, view: str, suffix: str, read: object
) -> None:
    out = tmp_path / f"view.{suffix}"
    graph = write_view(store, out, view=view)
    back = read(out)  # type: ignore[operator]
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()
    merkel = "https://w3id.org/kgbuild/id/entity/angela-merkel"
    assert back.nodes[merkel]["label"] == "Angela Merkel"


def test_views_graphml_keeps_the_claim_facts_on_edges(store: ox.Store, tmp_path: Path) -> None:
    out = tmp_path / "claims.graphml"
    write_view(store, out, view="claims", format="graphml")
    back = nx.read_graphml(out)
    denial = [d for *_, d in back.edges(data=True) if d.get("style") == "deny"]
    assert len(denial) == 1
    assert denial[0]["quote"] == "toute rupture avec Emmanuel Macron"
    assert denial[0]["claims"].endswith("/claim/a1/3")


def test_views_png_is_a_picture(store: ox.Store, tmp_path: Path) -> None:
    out = tmp_path / "claims.png"
    write_view(store, out, view="claims", focus="Merkel", hops=1)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_views_html_written_with_its_title(store: ox.Store, tmp_path: Path) -> None:
    out = tmp_path / "sub" / "reporting.html"
    write_view(store, out, view="reporting", publisher="The Guardian")
    text = out.read_text(encoding="utf-8")
    assert "<title>Who relays whom · in The Guardian</title>" in text


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("a.html", "html"), ("a.HTM", "html"), ("a.graphml", "graphml"), ("a.gexf", "gexf"), ("a.png", "png")],
)
def test_views_format_from_the_file_name(name: str, fmt: str) -> None:
    assert infer_format(Path(name)) == fmt


@pytest.mark.parametrize(
    ("name", "fmt", "message"),
    [
        ("view.svg", None, "cannot tell the format of view.svg"),
        ("view.html", "pdf", "unknown format 'pdf'"),
    ],
)
def test_views_unknown_format_is_a_clear_error(
    store: ox.Store, tmp_path: Path, name: str, fmt: str | None, message: str
) -> None:
    with pytest.raises(ViewError, match=message):
        write_view(store, tmp_path / name, view="claims", format=fmt)  # type: ignore[arg-type]


def test_views_unwritable_output_is_a_clear_error(store: ox.Store, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(ViewError, match="cannot write"):
        write_view(store, blocker / "view.html", view="claims")
