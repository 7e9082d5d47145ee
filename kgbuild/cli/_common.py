"""What every command shares: the app, common options, and turning errors into one line."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import Annotated, Literal, NoReturn

import typer

app = typer.Typer(
    name="kgbuild",
    help="Build a knowledge graph of who claims what, about whom, reported by whom, from news articles.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

StoreOption = Annotated[
    str,
    typer.Option(
        "--store",
        "-s",
        envvar="KGBUILD_STORE",
        help="Store folder (Oxigraph on disk), ':memory:', or a SPARQL endpoint URL.",
    ),
]


def fail(message: str, code: int = 1) -> NoReturn:
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(code)


@contextlib.contextmanager
def user_errors() -> Iterator[None]:
    """Library errors meant for the user become one line on stderr and a non-zero exit, never a traceback."""
    from kgbuild.query import QueryError
    from kgbuild.readers import InputError
    from kgbuild.store import StoreError
    from kgbuild.views.errors import ViewError

    try:
        yield
    except (InputError, StoreError, QueryError, ViewError, LookupError, ValueError) as err:
        fail(str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__)
    except OSError as err:
        fail(f"{err.strerror or err}: {err.filename}" if err.filename else str(err))
    except KeyboardInterrupt:
        typer.echo("Interrupted.", err=True)
        sys.exit(130)


def date_order_option(value: str | None) -> Literal["dmy", "mdy"] | None:
    if value is None:
        return None
    if value not in ("dmy", "mdy"):
        raise typer.BadParameter("choose dmy or mdy", param_hint="--date-order")
    return value  # type: ignore[return-value]
