from __future__ import annotations

from typing import Annotated

import typer

from kgbuild.cli._common import StoreOption, app, user_errors


@app.command("validate")
def validate_command(
    store: StoreOption = "kg",
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Print the full SHACL report.")] = False,
) -> None:
    """Check the graph against the SHACL shapes in ontology/; exit 1 when it violates them."""
    from kgbuild import store as kgstore
    from kgbuild.validate import validate

    with user_errors(), kgstore.opened(store) as dataset:
        result = validate(dataset)
    if result.conforms:
        typer.echo("valid: the graph conforms to the shapes")
        return
    typer.echo(f"invalid: {result.violations} violation(s)")
    typer.echo(result.text if verbose else "\n".join(result.text.splitlines()[:40]))
    raise typer.Exit(1)
