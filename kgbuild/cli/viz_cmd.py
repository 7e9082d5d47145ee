from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kgbuild.cli._common import StoreOption, app, user_errors


@app.command("viz")
def viz_command(
    out: Annotated[Path, typer.Option(help="Output file: .html, .graphml, .gexf or .png.")],
    store: StoreOption = "kg",
    view: Annotated[str, typer.Option(help="claims, reporting or comention.")] = "claims",
    fmt: Annotated[
        str | None, typer.Option("--format", "-f", help="html, graphml, gexf or png (default: from --out).")
    ] = None,
    focus: Annotated[
        str | None, typer.Option(help="Only the neighbourhood of this entity (name or IRI).")
    ] = None,
    hops: Annotated[int, typer.Option(help="With --focus: how many steps around it.")] = 1,
    date_from: Annotated[
        str | None, typer.Option("--from", help="Articles dated on or after (YYYY-MM-DD).")
    ] = None,
    date_to: Annotated[
        str | None, typer.Option("--to", help="Articles dated on or before (YYYY-MM-DD).")
    ] = None,
    publisher: Annotated[str | None, typer.Option(help="Only articles of this publisher.")] = None,
    query: Annotated[
        Path | None, typer.Option(help="Render a SELECT (two node columns, optional label) or CONSTRUCT.")
    ] = None,
    title: Annotated[str | None, typer.Option(help="Page title.")] = None,
    node_budget: Annotated[
        int, typer.Option(help="Most nodes drawn; the rest is summarised on the page.")
    ] = 1500,
) -> None:
    """Write a network view: an offline HTML page, a GraphML/GEXF file for Gephi, or a PNG."""
    from kgbuild import store as kgstore
    from kgbuild.query import load_query
    from kgbuild.views import write_view

    if hops < 0:
        raise typer.BadParameter("must be 0 or more", param_hint="--hops")
    with user_errors():
        query_text = load_query(str(query)) if query is not None else None
        with kgstore.opened(store) as dataset:
            graph = write_view(
                dataset,
                out,
                view=view,
                format=fmt,  # type: ignore[arg-type]
                focus=focus,
                hops=hops,
                date_from=date_from,
                date_to=date_to,
                publisher=publisher,
                query=query_text,
                title=title,
                node_budget=node_budget,
            )
    typer.echo(f"{out}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges")
