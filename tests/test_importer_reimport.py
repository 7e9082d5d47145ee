"""Importing is idempotent, replaces changed articles, and accounts for every input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import graph_diff, to_isomorphic

from kgbuild.graph.ids import graph_iri
from kgbuild.importer import import_articles, import_paths
from kgbuild.readers import ReadOptions, read_inputs
from kgbuild.store import close, open_dataset

pytestmark = pytest.mark.slow

FIRST = (
    "Le ministre de l'Environnement, Paul Garnier, a déclaré mardi que l'eau du port était potable. "
    "« Aucune trace de solvant n'a été trouvée », a affirmé Paul Garnier devant la presse."
)
SECOND = (
    "Selon l'association Vigie Littoral, les analyses menées en février montrent des traces de solvant. "
    "La société Hydrane dément avoir caché des résultats."
)
CHANGED = "Selon la préfecture, les analyses seront publiées vendredi. Hydrane a refusé de commenter."


def _write_feed(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def _records(second_text: str = SECOND) -> list[dict[str, str]]:
    return [
        {"id": "a1", "text": FIRST, "date": "2024-03-12", "publisher": "Le Courrier", "lang": "fr"},
        {"id": "a2", "text": second_text, "date": "2024-03-13", "publisher": "Ouest Info", "lang": "fr"},
    ]


def _quads(dataset: Dataset) -> set[tuple[object, ...]]:
    return {(s, p, o, g) for s, p, o, g in dataset.quads((None, None, None, None))}


def _graph(dataset: Dataset, name: URIRef) -> Graph:
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, name)):
        graph.add((s, p, o))
    return graph


def _import(dataset: Dataset, feed: Path) -> tuple[int, int, int]:
    summary = import_articles(read_inputs([str(feed)], ReadOptions()), dataset)
    return summary.new, summary.updated, summary.unchanged


def test_importer_reimport_of_same_input_changes_nothing(tmp_path: Path, memory_dataset: Dataset) -> None:
    feed = _write_feed(tmp_path / "feed.jsonl", _records())
    assert _import(memory_dataset, feed) == (2, 0, 0)
    before = _quads(memory_dataset)
    iso_before = to_isomorphic(_graph(memory_dataset, graph_iri("a1")))
    assert _import(memory_dataset, feed) == (0, 0, 2)
    assert _quads(memory_dataset) == before
    assert to_isomorphic(_graph(memory_dataset, graph_iri("a1"))) == iso_before


def test_importer_changed_article_replaces_only_its_graph(tmp_path: Path, memory_dataset: Dataset) -> None:
    feed = _write_feed(tmp_path / "feed.jsonl", _records())
    _import(memory_dataset, feed)
    first_graph = _graph(memory_dataset, graph_iri("a1"))
    _write_feed(feed, _records(CHANGED))
    assert _import(memory_dataset, feed) == (0, 1, 1)
    assert to_isomorphic(_graph(memory_dataset, graph_iri("a1"))) == to_isomorphic(first_graph)
    second = _graph(memory_dataset, graph_iri("a2"))
    texts = {str(o) for o in second.objects()}
    assert CHANGED in texts
    assert SECOND not in texts
    # nothing of the old version survives anywhere in the store
    assert not any(str(o) == SECOND for _, _, o, _ in memory_dataset.quads((None, None, None, None)))


def test_importer_fresh_store_rebuilds_an_isomorphic_graph(tmp_path: Path) -> None:
    feed = _write_feed(tmp_path / "feed.jsonl", _records())
    graphs = []
    for name in ("one", "two"):
        dataset = open_dataset(tmp_path / name)
        _import(dataset, feed)
        merged = Graph()
        for s, p, o, _ in dataset.quads((None, None, None, None)):
            # the run's start time is the only thing allowed to differ between two imports
            if not str(p).endswith("startedAtTime"):
                merged.add((s, p, o))
        graphs.append(merged)
        close(dataset)
    same, only_first, only_second = graph_diff(to_isomorphic(graphs[0]), to_isomorphic(graphs[1]))
    assert not only_first, sorted(only_first)
    assert not only_second, sorted(only_second)
    assert len(same) > 20


def test_importer_accounts_for_every_input(tmp_path: Path) -> None:
    feed = tmp_path / "mixed.jsonl"
    feed.write_text(
        json.dumps({"id": "ok", "text": FIRST, "lang": "fr", "date": "2024-03-12"}, ensure_ascii=False)
        + "\n{not json\n"
        + json.dumps({"id": "notext", "text": "", "lang": "fr"})
        + "\n"
        + json.dumps(
            {"id": "de", "text": "Der Minister sagte am Dienstag, das Wasser sei sauber.", "lang": "de"}
        )
        + "\n",
        encoding="utf-8",
    )
    report = tmp_path / "out" / "rejects.jsonl"
    summary = import_paths([str(feed)], store=tmp_path / "kg", rejects_path=report)
    assert summary.read == 4
    assert summary.new == 1
    assert summary.new + summary.updated + summary.unchanged + summary.rejected == summary.read
    rejected = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]
    assert len(rejected) == 3
    by_id = {r["id"]: r["reason"] for r in rejected}
    assert "no spaCy pipeline" in by_id["de"]
    assert all(r["origin"].startswith(str(feed)) for r in rejected)
