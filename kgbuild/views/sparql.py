"""Run SPARQL over an rdflib Dataset/Graph or a pyoxigraph Store, default graph = union of named graphs.

A local Oxigraph store behind an rdflib Dataset (oxrdflib) is queried through pyoxigraph directly: the
views read hundreds of thousands of rows, and converting each term to an rdflib term costs more than the
query itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal, TypeAlias

import pyoxigraph as ox
from pyparsing import ParseBaseException
from rdflib import BNode, Dataset, Graph, URIRef
from rdflib.term import Literal as RdfLiteral

from kgbuild.graph.namespace import PREFIXES
from kgbuild.views.errors import ViewError

Source: TypeAlias = Graph | ox.Store
Row: TypeAlias = tuple[str | None, ...]

PREFIX_BLOCK = "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in PREFIXES.items())

# What engines raise for a query they cannot parse or evaluate.
_QUERY_ERRORS: tuple[type[BaseException], ...] = (SyntaxError, ValueError, TypeError, ParseBaseException)


@dataclass(frozen=True, slots=True)
class Term:
    value: str
    kind: Literal["iri", "literal", "bnode"]


@dataclass(frozen=True, slots=True)
class Answer:
    """The result of a user's query: solutions of a SELECT, or triples of a CONSTRUCT/DESCRIBE."""

    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Term | None, ...], ...] = ()
    triples: tuple[tuple[Term, Term, Term], ...] | None = None


def engine(dataset: object) -> Source:
    """The object queries run on; raises ViewError for anything that is not a graph or a store."""
    if isinstance(dataset, ox.Store):
        return dataset
    if isinstance(dataset, Graph):
        inner = getattr(dataset.store, "_inner", None)  # oxrdflib's OxigraphStore
        if isinstance(inner, ox.Store) and isinstance(dataset, Dataset):
            return inner
        if isinstance(dataset, Dataset) and not dataset.default_union:
            return Dataset(store=dataset.store, default_union=True)
        return dataset
    raise ViewError(
        f"cannot read a view from a {type(dataset).__name__}: pass an rdflib Graph or a pyoxigraph Store"
    )


def select(source: Source, query: str) -> Iterator[Row]:
    """Rows of plain values (IRI, literal lexical form, or None) of one of kgbuild's own SELECTs."""
    text = PREFIX_BLOCK + query
    if isinstance(source, ox.Store):
        solutions = source.query(text, use_default_graph_as_union=True)
        assert isinstance(solutions, ox.QuerySolutions)
        width = len(solutions.variables)
        for solution in solutions:
            yield tuple(None if (t := solution[i]) is None else t.value for i in range(width))
    else:
        for row in source.query(text):
            yield tuple(None if cell is None else str(cell) for cell in row)  # type: ignore[union-attr]


def ask_user_query(source: Source, query: str) -> Answer:
    """Run a user's SELECT, CONSTRUCT or DESCRIBE, keeping whether each value is an IRI or a literal."""
    try:
        if isinstance(source, ox.Store):
            return _ox_answer(source.query(query, use_default_graph_as_union=True))
        return _rdflib_answer(source.query(query))
    except _QUERY_ERRORS as err:
        raise ViewError(f"cannot run the query: {_first_line(err)}") from err


def _ox_answer(result: Any) -> Answer:
    if isinstance(result, ox.QuerySolutions):
        variables = tuple(v.value for v in result.variables)
        rows = tuple(tuple(_ox_term(s[i]) for i in range(len(variables))) for s in result)
        return Answer(variables=variables, rows=rows)
    if isinstance(result, ox.QueryTriples):
        triples = []
        for t in result:
            s, p, o = _ox_term(t.subject), _ox_term(t.predicate), _ox_term(t.object)
            if s is not None and p is not None and o is not None:
                triples.append((s, p, o))
        return Answer(triples=tuple(triples))
    raise ViewError("the query must be a SELECT or a CONSTRUCT (an ASK has no graph to draw)")


def _rdflib_answer(result: Any) -> Answer:
    if result.type == "SELECT":
        variables = tuple(str(v) for v in result.vars or ())
        rows = tuple(tuple(_rdflib_term(cell) for cell in row) for row in result)
        return Answer(variables=variables, rows=rows)
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        triples = []
        for s, p, o in result.graph or ():
            ts, tp, to = _rdflib_term(s), _rdflib_term(p), _rdflib_term(o)
            if ts is not None and tp is not None and to is not None:
                triples.append((ts, tp, to))
        return Answer(triples=tuple(triples))
    raise ViewError("the query must be a SELECT or a CONSTRUCT (an ASK has no graph to draw)")


def _ox_term(term: Any) -> Term | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return Term(term.value, "iri")
    if isinstance(term, ox.Literal):
        return Term(term.value, "literal")
    if isinstance(term, ox.BlankNode):
        return Term(term.value, "bnode")
    return Term(str(term), "literal")  # RDF-star triple terms: shown as text


def _rdflib_term(term: Any) -> Term | None:
    if term is None:
        return None
    if isinstance(term, URIRef):
        return Term(str(term), "iri")
    if isinstance(term, BNode):
        return Term(str(term), "bnode")
    if isinstance(term, RdfLiteral):
        return Term(str(term), "literal")
    return Term(str(term), "literal")


def _first_line(err: BaseException) -> str:
    text = str(err).strip() or type(err).__name__
    return text.splitlines()[0]
