from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from kgbuild.cli._common import app, fail, user_errors


@app.command("eval")
def eval_command(
    gold: Annotated[Path, typer.Option(help="Gold folder: PolNeAR brat split, or fr-dev JSON.")],
    predictions: Annotated[
        Path | None, typer.Option(help="Score this `kgbuild extract` JSONL instead of extracting now.")
    ] = None,
    by: Annotated[str | None, typer.Option(help="Break figures down: type or source_kind.")] = None,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Also write the figures as JSON here.")
    ] = None,
    limit: Annotated[int | None, typer.Option(help="Only the first N gold documents.")] = None,
    bootstrap: Annotated[
        int,
        typer.Option(
            help="Add 95% intervals of P, R, F1 and triple F1 from N resamples of the gold documents (0: none)."
        ),
    ] = 0,
    seed: Annotated[int, typer.Option(help="Seed of the resampling.")] = 0,
    against: Annotated[
        Path | None,
        typer.Option(
            help="Other `kgbuild extract` JSONL: intervals of the differences on the same resamples."
        ),
    ] = None,
    extractor: Annotated[
        list[str] | None,
        typer.Option(
            "--extractor", help="Registered extractor names to run (repeatable; default: kgbuild's defaults)."
        ),
    ] = None,
) -> None:
    """Attribution figures as ../shared/EVAL.md defines them.

    Attribution P/R/F1, source accuracy, content token F1 and full-triple P/R/F1.
    """
    from kgbuild.eval.run import evaluate

    if by not in (None, "type", "source_kind"):
        raise typer.BadParameter("choose type or source_kind", param_hint="--by")
    if not gold.exists():
        fail(f"gold folder not found: {gold}")
    with user_errors():
        report = evaluate(
            gold,
            predictions=predictions,
            by=by,
            limit=limit,
            resamples=bootstrap,
            seed=seed,
            against=against,
            extractors=extractor,
        )
    typer.echo(report.table())
    if json_out is not None:
        json_out.parent.mkdir(parents=True, exist_ok=True)
        json_out.write_text(
            json.dumps(report.to_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
