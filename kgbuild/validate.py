"""Check a graph against the SHACL shapes of ``ontology/shapes.ttl``.

Only violations make a graph invalid; warnings and infos point at what the
extractors could not find (see the severity note at the top of the shapes).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyshacl
from rdflib import XSD, Dataset, Graph, Literal, Namespace
from rdflib.term import Node

SH = Namespace("http://www.w3.org/ns/shacl#")

ONTOLOGY_FILES: tuple[str, ...] = ("kgbuild.ttl", "cues.ttl")
SHAPES_FILE = "shapes.ttl"


@dataclass(frozen=True)
class ValidationResult:
    conforms: bool
    violations: int
    text: str  # pySHACL's report, every result with its severity and message
    violation_messages: tuple[str, ...] = ()  # the distinct messages of the violations, sorted


def ontology_path() -> Path:
    """The ``ontology/`` folder: inside the package when installed from a wheel, else at the repository root."""
    package = Path(__file__).resolve().parent
    for candidate in (package / "ontology", package.parent / "ontology"):
        if (candidate / SHAPES_FILE).is_file():
            return candidate
    raise FileNotFoundError(
        f"cannot find the ontology folder (looked for {SHAPES_FILE} in {package / 'ontology'} "
        f"and {package.parent / 'ontology'}); reinstall kgbuild"
    )


def load_shapes() -> Graph:
    return _parse(SHAPES_FILE)


def load_ontology() -> Graph:
    """The kgbuild ontology with the cue acts: what validation needs to know about classes and schemes."""
    return _parse(*ONTOLOGY_FILES)


def validate(data: Graph | Dataset) -> ValidationResult:
    """Validate a graph, or every graph of a dataset taken together (claims point across article graphs)."""
    _, report, text = pyshacl.validate(
        _merged(data),
        shacl_graph=load_shapes(),
        ont_graph=load_ontology(),
        inference="none",
        inplace=True,  # the merged graph is our own copy: no need for pySHACL to clone it again
        allow_warnings=True,
        allow_infos=True,
    )
    # pySHACL's own flag depends on its allow_* settings; the count of violations is what decides.
    results = list(report.subjects(SH.resultSeverity, SH.Violation))
    messages = sorted(
        {str(message) for result in results for message in report.objects(result, SH.resultMessage)}
    )
    return ValidationResult(
        conforms=not results, violations=len(results), text=str(text), violation_messages=tuple(messages)
    )


def _parse(*names: str) -> Graph:
    folder = ontology_path()
    graph = Graph()
    for name in names:
        graph.parse(folder / name, format="turtle")
    return graph


def _merged(data: Graph | Dataset) -> Graph:
    # pySHACL validates one graph: a claim in one named graph and its speaker's type in another would look broken.
    triples = (
        (quad[:3] for quad in data.quads((None, None, None, None))) if isinstance(data, Dataset) else data
    )
    merged = Graph()
    for s, p, o in triples:
        merged.add((s, p, _simple(o)))
    return merged


def _simple(term: Node) -> Node:
    # Oxigraph returns "x"^^xsd:string where rdflib parses "x"; both are the same RDF 1.1 literal, but rdflib
    # compares them unequal, which would break sh:in and sh:hasValue on strings.
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term
