"""Run SPARQL against a store and format the answer for people or programs."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Literal

from rdflib import Dataset, Graph, URIRef
from rdflib.query import Result
from rdflib.term import Identifier
from rdflib.term import Literal as RdfLiteral

from kgbuild.graph.namespace import PREFIXES

OutputFormat = Literal["table", "csv", "json"]

# Long cells (article texts, quotes) would make a table unreadable in a terminal.
MAX_CELL = 80


class QueryError(Exception):
    """A query that cannot be read or run; the message is one line for the user."""


def load_query(query_or_file: str) -> str:
    """The query text: the content of an ``.rq`` file, or the argument itself."""
    path = Path(query_or_file)
    looks_like_path = query_or_file.endswith((".rq", ".sparql")) or (
        "\n" not in query_or_file and "{" not in query_or_file
    )
    if looks_like_path:
        if not path.is_file():
            raise QueryError(f"query file not found: {query_or_file}")
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise QueryError(f"cannot read query file {query_or_file}: {err}") from err
    return query_or_file


def run_query(dataset: Dataset, text: str) -> Result:
    """Run a SELECT, ASK, CONSTRUCT or DESCRIBE over the union of the article graphs."""
    try:
        result = dataset.query(text)
        if result.type == "SELECT":
            # materialise now so that engine errors surface here, not while printing
            result.bindings = list(result.bindings)
    except SyntaxError as err:
        raise QueryError(f"malformed SPARQL: {err}") from err
    except Exception as err:  # engines and HTTP clients raise many types; the user needs one line
        message = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise QueryError(f"query failed: {message}") from err
    return result


def format_result(result: Result, fmt: OutputFormat = "table") -> str:
    if result.type == "ASK":
        answer = bool(result.askAnswer)
        return json.dumps({"boolean": answer}) if fmt == "json" else ("yes" if answer else "no")
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        graph = result.graph if result.graph is not None else Graph()
        for prefix, namespace in PREFIXES.items():
            graph.bind(prefix, namespace)
        return graph.serialize(format="json-ld" if fmt == "json" else "turtle")
    names = [str(v) for v in result.vars or []]
    rows = [[row.get(v) for v in result.vars or []] for row in result.bindings]
    if fmt == "json":
        return _json(names, rows)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(names)
        writer.writerows(["" if cell is None else str(cell) for cell in row] for row in rows)
        return out.getvalue()
    return _table(names, rows)


def _json(names: list[str], rows: list[list[Identifier | None]]) -> str:
    """SPARQL 1.1 Query Results JSON."""
    bindings = []
    for row in rows:
        binding: dict[str, dict[str, str]] = {}
        for name, cell in zip(names, row, strict=True):
            if cell is None:
                continue
            if isinstance(cell, URIRef):
                binding[name] = {"type": "uri", "value": str(cell)}
            elif isinstance(cell, RdfLiteral):
                term = {"type": "literal", "value": str(cell)}
                if cell.language:
                    term["xml:lang"] = cell.language
                elif cell.datatype:
                    term["datatype"] = str(cell.datatype)
                binding[name] = term
            else:
                binding[name] = {"type": "bnode", "value": str(cell)}
        bindings.append(binding)
    return json.dumps(
        {"head": {"vars": names}, "results": {"bindings": bindings}}, ensure_ascii=False, indent=1
    )


def _short(cell: Identifier | None) -> str:
    if cell is None:
        return ""
    text = str(cell)
    if isinstance(cell, URIRef):
        for prefix, namespace in PREFIXES.items():
            if text.startswith(namespace) and len(text) > len(namespace):
                text = f"{prefix}:{text[len(namespace) :]}"
                break
    text = " ".join(text.split())
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def _table(names: list[str], rows: list[list[Identifier | None]]) -> str:
    cells = [[_short(cell) for cell in row] for row in rows]
    widths = [max([len(name)] + [len(row[i]) for row in cells]) for i, name in enumerate(names)]
    lines = [
        "  ".join(name.ljust(w) for name, w in zip(names, widths, strict=True)),
        "  ".join("-" * w for w in widths),
    ]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)
