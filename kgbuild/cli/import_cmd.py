from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from kgbuild.cli._common import StoreOption, app, date_order_option, user_errors


@app.command("import")
def import_command(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs, or '-' for standard input.")],
    store: StoreOption = "kg",
    publisher: Annotated[str | None, typer.Option(help="Publisher for articles that name none.")] = None,
    lang: Annotated[
        str | None, typer.Option(help="Language for articles that give none (else detected).")
    ] = None,
    date: Annotated[str | None, typer.Option(help="Date (YYYY-MM-DD) for articles that give none.")] = None,
    date_order: Annotated[
        str | None, typer.Option(help="dmy or mdy: how to read dates like 4/5/17 in this input.")
    ] = None,
    rejects: Annotated[Path, typer.Option(help="Where to write the reject report (JSON lines).")] = Path(
        "kgbuild-rejects.jsonl"
    ),
    extractor: Annotated[
        list[str] | None, typer.Option("--extractor", help="Registered extractor names (repeatable).")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress display.")] = False,
) -> None:
    """Import articles into the store; re-imports update changed articles and skip unchanged ones."""
    from kgbuild.importer import Outcome, import_paths
    from kgbuild.readers import ReadOptions, check_paths

    with user_errors():
        check_paths(paths)  # before the progress display, so a bad path is one clean line

    console = Console(stderr=True)
    counts: dict[str, int] = {"new": 0, "updated": 0, "unchanged": 0, "rejected": 0}
    with (
        user_errors(),
        Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            TimeElapsedColumn(),
            console=console,
            disable=quiet,
            transient=True,
        ) as progress,
    ):
        task = progress.add_task("reading", total=None)

        def on_article(outcome: Outcome) -> None:
            counts[outcome] += 1
            progress.update(task, description=", ".join(f"{k} {v}" for k, v in counts.items()))

        summary = import_paths(
            paths,
            store=store,
            options=ReadOptions(
                publisher=publisher, lang=lang, date=date, date_order=date_order_option(date_order)
            ),
            extractors=extractor,
            rejects_path=rejects,
            on_article=on_article,
        )
    figures = summary.as_dict()
    width = max(len(k) for k in figures)
    for key, value in figures.items():
        typer.echo(f"{key.replace('_', ' ').ljust(width)}  {value}")
    if summary.rejects:
        typer.echo(f"reject report: {rejects} ({summary.rejected} rejected)")
        for reject in summary.rejects[:5]:
            typer.echo(f"  {reject.origin}: {reject.reason}", err=True)
        if summary.rejected > 5:
            typer.echo(f"  ... and {summary.rejected - 5} more in {rejects}", err=True)
