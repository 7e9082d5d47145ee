from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kgbuild.cli._common import app, date_order_option, user_errors


@app.command("extract")
def extract_command(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs, or '-' for standard input.")],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="Output format (jsonl, as in EVAL.md).")
    ] = "jsonl",
    out: Annotated[Path | None, typer.Option(help="Output file (default: standard output).")] = None,
    publisher: Annotated[str | None, typer.Option(help="Publisher for articles that name none.")] = None,
    lang: Annotated[str | None, typer.Option(help="Language for articles that give none.")] = None,
    date: Annotated[str | None, typer.Option(help="Date for articles that give none.")] = None,
    date_order: Annotated[
        str | None, typer.Option(help="dmy or mdy: how to read dates like 4/5/17 in this input.")
    ] = None,
    rejects: Annotated[Path | None, typer.Option(help="Write the reject report (JSON lines) here.")] = None,
    extractor: Annotated[
        list[str] | None, typer.Option("--extractor", help="Registered extractor names (repeatable).")
    ] = None,
) -> None:
    """Extract entities and attributions without a store, one JSON object per article."""
    from kgbuild.extract_files import extract_paths
    from kgbuild.importer import write_rejects
    from kgbuild.readers import ReadOptions

    if fmt != "jsonl":
        raise typer.BadParameter("only jsonl is supported", param_hint="--format")
    with user_errors():
        options = ReadOptions(
            publisher=publisher, lang=lang, date=date, date_order=date_order_option(date_order)
        )
        if out is None:
            written, rejected = extract_paths(paths, sys.stdout, options=options, extractors=extractor)
        else:
            with out.open("w", encoding="utf-8") as stream:
                written, rejected = extract_paths(paths, stream, options=options, extractors=extractor)
        if rejects is not None:
            write_rejects(rejected, rejects)
    typer.echo(f"{written} article(s) extracted, {len(rejected)} rejected", err=True)
    for reject in rejected[:5]:
        typer.echo(f"  {reject.origin}: {reject.reason}", err=True)
