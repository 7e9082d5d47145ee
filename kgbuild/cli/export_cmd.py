from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kgbuild.cli._common import StoreOption, app, user_errors


@app.command("export")
def export_command(
    store: StoreOption = "kg",
    fmt: Annotated[str, typer.Option("--format", "-f", help="turtle, trig, nquads or jsonld.")] = "trig",
    out: Annotated[Path | None, typer.Option(help="Output file (default: standard output).")] = None,
) -> None:
    """Write the whole graph out; quad formats keep one named graph per article."""
    from kgbuild import store as kgstore
    from kgbuild.export import export, export_to

    if fmt not in ("turtle", "trig", "nquads", "jsonld"):
        raise typer.BadParameter("choose turtle, trig, nquads or jsonld", param_hint="--format")
    with user_errors(), kgstore.opened(store) as dataset:
        if out is None:
            export(dataset, fmt, sys.stdout.buffer)  # type: ignore[arg-type]
        else:
            export_to(dataset, fmt, out)  # type: ignore[arg-type]
