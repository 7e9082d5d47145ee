"""The CLI through Typer's runner: each command on a real on-disk store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Dataset
from typer.testing import CliRunner

from kgbuild.cli.main import app

pytestmark = pytest.mark.slow

ARTICLE = (
    "date 2024-03-12\n"
    "Le maire de Port-Clément, Anne Lebrun, a déclaré lundi que la plage resterait fermée. "
    "« Nous attendons les analyses », a expliqué Anne Lebrun.\n"
)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def imported(tmp_path: Path, runner: CliRunner) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "plage.txt").write_text(ARTICLE, encoding="utf-8")
    store = tmp_path / "kg"
    result = runner.invoke(
        app,
        [
            "import",
            str(folder),
            "--store",
            str(store),
            "--publisher",
            "La Gazette",
            "--quiet",
            "--rejects",
            str(tmp_path / "rejects.jsonl"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "articles read" in result.output
    return store


def test_cli_import_prints_summary_and_second_run_is_unchanged(
    imported: Path, tmp_path: Path, runner: CliRunner
) -> None:
    result = runner.invoke(
        app,
        [
            "import",
            str(tmp_path / "articles"),
            "--store",
            str(imported),
            "--quiet",
            "--publisher",
            "La Gazette",
            "--rejects",
            str(tmp_path / "rejects.jsonl"),
        ],
    )
    assert result.exit_code == 0, result.output
    figures = {}
    for line in result.output.splitlines():
        key, _, value = line.rpartition("  ")
        figures[key.strip()] = value.strip()
    assert figures["unchanged"] == "1"
    assert figures["new"] == "0"


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_cli_query_runs_a_query_file(imported: Path, runner: CliRunner, examples_dir: Path, fmt: str) -> None:
    query = examples_dir / "queries" / "claims_by_speaker.rq"
    result = runner.invoke(app, ["query", str(query), "--store", str(imported), "--format", fmt])
    assert result.exit_code == 0, result.output
    assert "Anne Lebrun" in result.output


def test_cli_query_malformed_sparql_is_one_line_with_position(imported: Path, runner: CliRunner) -> None:
    result = runner.invoke(app, ["query", "SELECT ?s WHERE { ?s ?p }", "--store", str(imported)])
    assert result.exit_code == 1
    assert result.output.strip().startswith("Error: malformed SPARQL: error at 1:")
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", [["import"], ["extract"]])
def test_cli_bad_path_is_one_clear_line(tmp_path: Path, runner: CliRunner, command: list[str]) -> None:
    result = runner.invoke(
        app,
        [*command, str(tmp_path / "nope.jsonl"), "--store", str(tmp_path / "kg")]
        if command == ["import"]
        else [*command, str(tmp_path / "nope.jsonl")],
    )
    assert result.exit_code == 1
    assert result.output.startswith("Error:")
    assert "nope.jsonl" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("fmt", "rdflib_format"), [("trig", "trig"), ("nquads", "nquads"), ("jsonld", "json-ld")]
)
def test_cli_export_quad_formats_parse_back(
    imported: Path, tmp_path: Path, runner: CliRunner, fmt: str, rdflib_format: str
) -> None:
    out = tmp_path / f"export.{fmt}"
    result = runner.invoke(app, ["export", "--store", str(imported), "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    dataset = Dataset()
    dataset.parse(out, format=rdflib_format)
    graphs = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert any(name.endswith("/graph/plage") for name in graphs)


def test_cli_export_turtle_is_the_union(imported: Path, runner: CliRunner) -> None:
    result = runner.invoke(app, ["export", "--store", str(imported), "--format", "turtle"])
    assert result.exit_code == 0, result.output
    assert "Anne Lebrun" in result.output


def test_cli_stats_counts_the_article(imported: Path, runner: CliRunner) -> None:
    result = runner.invoke(app, ["stats", "--store", str(imported), "--json"])
    assert result.exit_code == 0, result.output
    stats = json.loads(result.output)
    assert stats["articles"] == 1
    assert stats["claims"] >= 2
    assert stats["articles_by_publisher"] == {"La Gazette": 1}


def test_cli_validate_passes_on_imported_graph(imported: Path, runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", "--store", str(imported)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("valid")


def test_cli_extract_writes_eval_jsonl(tmp_path: Path, runner: CliRunner) -> None:
    article = tmp_path / "plage.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(article), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    record = json.loads(next(line for line in result.stdout.splitlines() if line.startswith("{")))
    assert record["id"] == "plage"
    assert record["lang"] == "fr"
    text = ARTICLE.split("\n", 1)[1]
    for attribution in record["attributions"]:
        cue = attribution["cue"]
        assert text[cue["start"] : cue["end"]] == cue["text"]
    assert any(a["source"] and "Anne Lebrun" in a["source"]["text"] for a in record["attributions"])
