"""The ``kgbuild`` command: each sub-command parses its arguments and calls a library function."""

from __future__ import annotations

import os
import sys

import typer

from kgbuild.cli import (  # noqa: F401  (importing a module registers its command)
    eval_cmd,
    export_cmd,
    extract_cmd,
    import_cmd,
    query_cmd,
    stats_cmd,
    validate_cmd,
    viz_cmd,
)
from kgbuild.cli._common import app

__all__ = ["app", "main"]

# sysexits.h EX_SOFTWARE: the failure is kgbuild's, not the user's input
INTERNAL_ERROR = 70


def main() -> None:
    """Entry point: user errors are already one line; an unexpected failure becomes one line too."""
    try:
        app()
    except Exception as err:
        if os.environ.get("KGBUILD_DEBUG"):
            raise
        typer.echo(
            f"Error: unexpected {type(err).__name__}: {err} (set KGBUILD_DEBUG=1 to see the traceback)",
            err=True,
        )
        sys.exit(INTERNAL_ERROR)


if __name__ == "__main__":
    main()
