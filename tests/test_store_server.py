"""The store on a real SPARQL server process (Oxigraph's HTTP server from PyPI)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from kgbuild.graph.namespace import KG
from kgbuild.store import StoreError, close, count_triples, fingerprints, open_dataset, replace_graphs

pytestmark = pytest.mark.server

EX = "http://example.org/"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _oxigraph() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not Path(found).exists():
        pytest.skip("the oxigraph server (PyPI package 'oxigraph') is not installed")
    return found


@pytest.fixture
def sparql_server(tmp_path: Path) -> Iterator[str]:
    port = _free_port()
    process = subprocess.Popen(
        [
            _oxigraph(),
            "serve",
            "--location",
            str(tmp_path / "server"),
            "--bind",
            f"127.0.0.1:{port}",
            "--union-default-graph",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1) as response:
                    response.read()
                break
            except OSError as err:
                if process.poll() is not None:
                    message = process.stderr.read().decode() if process.stderr else "server died"
                    raise RuntimeError(message) from err
                time.sleep(0.1)
        else:
            raise RuntimeError("oxigraph server did not start in 10 s")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stderr is not None:
            process.stderr.close()


def test_store_server_replace_graphs_and_query(sparql_server: str) -> None:
    dataset = open_dataset(sparql_server)
    g1, g2 = URIRef(EX + "g1"), URIRef(EX + "g2")
    text = 'il a dit « non » et \\ "oui"\nsur deux lignes'
    replace_graphs(
        dataset,
        {
            g1: [
                (URIRef(EX + "a"), URIRef(EX + "says"), Literal(text, lang="fr"), g1),
                (g1, KG.fingerprint, Literal("f1"), g1),
            ],
            g2: [(URIRef(EX + "b"), URIRef(EX + "says"), Literal("two"), g2)],
        },
    )
    replace_graphs(dataset, {g2: [(URIRef(EX + "b"), URIRef(EX + "says"), Literal("deux"), g2)]})
    said = {str(r[0]) for r in dataset.query(f"SELECT ?o WHERE {{ ?s <{EX}says> ?o }}")}  # type: ignore[index]
    assert said == {text, "deux"}
    assert fingerprints(dataset) == {g1: "f1"}
    assert count_triples(dataset) == 3
    close(dataset)


def test_store_server_down_is_a_clear_error() -> None:
    dataset = open_dataset(f"http://127.0.0.1:{_free_port()}")
    g = URIRef(EX + "g")
    with pytest.raises(StoreError, match="SPARQL update of"):
        replace_graphs(dataset, {g: [(URIRef(EX + "a"), URIRef(EX + "p"), Literal("x"), g)]})
