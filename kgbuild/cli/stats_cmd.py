from __future__ import annotations

import json
from typing import Annotated

import typer

from kgbuild.cli._common import StoreOption, app, user_errors


@app.command("stats")
def stats_command(
    store: StoreOption = "kg",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Counts of articles, claims, entities and sources in the store."""
    from kgbuild import store as kgstore
    from kgbuild.stats import store_stats

    with user_errors(), kgstore.opened(store) as dataset:
        stats = store_stats(dataset)
    if as_json:
        typer.echo(json.dumps(stats, ensure_ascii=False, indent=1))
        return
    for key, value in stats.items():
        if isinstance(value, dict):
            typer.echo(f"{key.replace('_', ' ')}:")
            for name, count in value.items():
                typer.echo(f"  {name}: {count}")
        else:
            typer.echo(f"{key.replace('_', ' ')}: {value}")
