from __future__ import annotations

from typing import Annotated

import typer

from kgbuild.cli._common import StoreOption, app, user_errors


@app.command("query")
def query_command(
    query: Annotated[str, typer.Argument(help="A SPARQL query, or a .rq file holding one.")],
    store: StoreOption = "kg",
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv or json.")] = "table",
) -> None:
    """Run a SPARQL query over all article graphs (the default graph is their union)."""
    from kgbuild import store as kgstore
    from kgbuild.query import format_result, load_query, run_query

    if fmt not in ("table", "csv", "json"):
        raise typer.BadParameter("choose table, csv or json", param_hint="--format")
    with user_errors():
        text = load_query(query)
        with kgstore.opened(store) as dataset:
            typer.echo(format_result(run_query(dataset, text), fmt))  # type: ignore[arg-type]
