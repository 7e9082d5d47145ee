"""SPARQL over the store."""

from kgbuild.query.sparql import QueryError, format_result, load_query, run_query

__all__ = ["QueryError", "format_result", "load_query", "run_query"]
