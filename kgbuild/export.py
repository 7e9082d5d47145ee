"""Write the store out in a standard RDF format."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO, Literal

import pyoxigraph as ox
from rdflib import Dataset, Graph

from kgbuild.graph.namespace import PREFIXES
from kgbuild.store import oxigraph_of

ExportFormat = Literal["turtle", "trig", "nquads", "jsonld"]

_OX_FORMATS = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS, "jsonld": ox.RdfFormat.JSON_LD}


def export(dataset: Dataset, fmt: ExportFormat, out: BinaryIO) -> None:
    """Serialise the store: quad formats keep one graph per article; Turtle is their merged union."""
    if fmt not in ("turtle", *_OX_FORMATS):
        raise ValueError(f"unknown export format {fmt!r}; choose turtle, trig, nquads or jsonld")
    inner = oxigraph_of(dataset)
    if fmt == "turtle":
        merged = Graph()
        for prefix, namespace in PREFIXES.items():
            merged.bind(prefix, namespace)
        result = dataset.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
        if result.graph is not None:
            merged += result.graph
        out.write(merged.serialize(format="turtle", encoding="utf-8"))
    elif inner is not None:
        inner.dump(out, _OX_FORMATS[fmt], prefixes=dict(PREFIXES) if fmt == "trig" else None)
    else:
        rdflib_format = {"trig": "trig", "nquads": "nquads", "jsonld": "json-ld"}[fmt]
        out.write(dataset.serialize(format=rdflib_format, encoding="utf-8"))


def export_to(dataset: Dataset, fmt: ExportFormat, path: Path) -> None:
    with path.open("wb") as out:
        export(dataset, fmt, out)
