"""Bootstrap intervals over documents, alone and paired, in the report, through `evaluate` and the CLI."""

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kgbuild.cli.main import app
from kgbuild.eval.bootstrap import bootstrap_intervals
from kgbuild.eval.errors import EvalInputError
from kgbuild.eval.gold import GoldAttribution, GoldDoc
from kgbuild.eval.metric import EvalReport, score
from kgbuild.eval.run import evaluate
from kgbuild.records import Span

TEXT = "Le maire a déclaré que la route fermera lundi. Selon la préfecture, le pont est fragile."
FIGURES = ("P", "R", "F1", "triple F1")


def at(part: str) -> Span:
    start = TEXT.index(part)
    return Span(start, start + len(part), part)


def js(part: str) -> dict[str, Any]:
    span = at(part)
    return {"start": span.start, "end": span.end, "text": span.text}


MAIRE = GoldAttribution(
    at("Le maire"), at("a déclaré"), at("la route fermera lundi"), "indirect", "person", None
)
PREFECTURE = GoldAttribution(
    at("la préfecture"), at("Selon"), at("le pont est fragile"), "indirect", "organisation", None
)
RIGHT = [
    {
        "source": {**js("Le maire"), "resolved": None},
        "cue": js("a déclaré"),
        "content": js("la route fermera lundi"),
    },
    {
        "source": {**js("la préfecture"), "resolved": None},
        "cue": js("Selon"),
        "content": js("le pont est fragile"),
    },
]
WRONG = {"source": None, "cue": js("fermera"), "content": js("lundi")}


def gold_docs(n: int) -> list[GoldDoc]:
    return [GoldDoc(f"d{i}", TEXT, "fr", (MAIRE, PREFECTURE), ()) for i in range(n)]


def report_of(predictions: dict[str, list[dict[str, Any]]], n: int = 12) -> EvalReport:
    return score(gold_docs(n), predictions)


def mixed_predictions(n: int = 12) -> dict[str, list[dict[str, Any]]]:
    """Documents of uneven quality: all right, half right, one right plus a wrong one, nothing."""
    kinds = [RIGHT, RIGHT[:1], [RIGHT[1], WRONG], []]
    return {f"d{i}": kinds[i % len(kinds)] for i in range(n)}


def test_eval_bootstrap_per_document_counts_add_up_to_overall() -> None:
    report = report_of(mixed_predictions())
    assert len(report.per_document) == 12
    for name in ("gold", "predicted", "matched_gold", "matched_predicted", "triples_gold"):
        assert sum(getattr(f, name) for f in report.per_document.values()) == getattr(report.overall, name)


def test_eval_bootstrap_interval_holds_the_figure_and_is_reproducible() -> None:
    report = report_of(mixed_predictions())
    intervals = bootstrap_intervals(report, resamples=500, seed=3)
    point = {
        "P": report.overall.precision,
        "R": report.overall.recall,
        "F1": report.overall.f1,
        "triple F1": report.overall.triple_f1,
    }
    assert set(intervals.bounds) == set(FIGURES)
    for name, (low, high) in intervals.bounds.items():
        assert low <= point[name] <= high
        assert low < high  # the documents differ, so the resamples do
    assert bootstrap_intervals(report, resamples=500, seed=3).bounds == intervals.bounds


def test_eval_bootstrap_same_documents_everywhere_give_a_point() -> None:
    report = report_of({f"d{i}": RIGHT for i in range(12)})
    for low, high in bootstrap_intervals(report, resamples=200).bounds.values():
        assert low == high == pytest.approx(1.0)


def test_eval_bootstrap_paired_difference() -> None:
    better = report_of({f"d{i}": RIGHT for i in range(12)})
    worse = report_of(mixed_predictions())
    same = bootstrap_intervals(worse, resamples=300, against=worse).bounds
    assert set(same) == {f"{name} difference" for name in FIGURES}
    assert all(pair == (0.0, 0.0) for pair in same.values())
    low, high = bootstrap_intervals(better, resamples=300, against=worse).bounds["F1 difference"]
    assert 0.0 < low <= high  # better on every resample
    assert low <= better.overall.f1 - worse.overall.f1 <= high


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"resamples": 0}, "resamples must be at least 1"),
        ({"level": 1.0}, "between 0 and 1"),
        ({"against": "other gold"}, "same gold documents"),
    ],
)
def test_eval_bootstrap_refuses_bad_requests(kwargs: dict[str, Any], message: str) -> None:
    report = report_of(mixed_predictions())
    if kwargs.get("against") == "other gold":
        kwargs = {"against": report_of(mixed_predictions(8), n=8)}
    with pytest.raises(EvalInputError, match=message):
        bootstrap_intervals(report, **kwargs)


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    root = tmp_path / "fr-dev"
    root.mkdir()
    records = [
        {"source": "Le maire", "cue": "a déclaré", "content": "la route fermera lundi", "type": "indirect"},
        {"source": "la préfecture", "cue": "Selon", "content": "le pont est fragile", "type": "indirect"},
    ]
    ids = [f"d{i}" for i in range(6)]
    texts = [json.dumps({"id": doc_id, "lang": "fr", "text": TEXT}) for doc_id in ids]
    (root / "texts.jsonl").write_text("\n".join(texts) + "\n", encoding="utf-8")
    for doc_id in ids:
        (root / f"{doc_id}.json").write_text(
            json.dumps({"id": doc_id, "attributions": records}), encoding="utf-8"
        )
    return root


def write_predictions(path: Path, predictions: dict[str, list[dict[str, Any]]]) -> Path:
    lines = [json.dumps({"id": doc_id, "attributions": items}) for doc_id, items in predictions.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_eval_bootstrap_through_evaluate(gold_dir: Path, tmp_path: Path) -> None:
    path = write_predictions(tmp_path / "p.jsonl", mixed_predictions(6))
    report = evaluate(gold_dir, predictions=path, resamples=200)
    assert report.intervals is not None
    assert report.to_json()["intervals"]["resamples"] == 200
    assert "95% intervals, documents resampled 200 times" in report.table()
    assert evaluate(gold_dir, predictions=path).intervals is None
    with pytest.raises(EvalInputError, match="needs resamples"):
        evaluate(gold_dir, predictions=path, against=path)


def test_eval_bootstrap_cli_compares_two_prediction_files(gold_dir: Path, tmp_path: Path) -> None:
    worse = write_predictions(tmp_path / "worse.jsonl", mixed_predictions(6))
    better = write_predictions(tmp_path / "better.jsonl", {f"d{i}": RIGHT for i in range(6)})
    args = ["eval", "--gold", str(gold_dir), "--predictions", str(better), "--bootstrap", "300"]
    result = CliRunner().invoke(app, [*args, "--against", str(worse), "--json", str(tmp_path / "f.json")])
    assert result.exit_code == 0, result.output
    assert "F1 difference +" in result.output
    bounds = json.loads((tmp_path / "f.json").read_text(encoding="utf-8"))["intervals"]["bounds"]
    assert bounds["F1 difference"][0] > 0


def test_eval_bootstrap_problems_of_the_other_file_are_noted(gold_dir: Path, tmp_path: Path) -> None:
    path = write_predictions(tmp_path / "p.jsonl", mixed_predictions(6))
    other = write_predictions(tmp_path / "other.jsonl", mixed_predictions(6))
    other.write_text(other.read_text(encoding="utf-8") + "not json\n", encoding="utf-8")
    report = evaluate(gold_dir, predictions=path, resamples=100, against=other)
    assert any(note.startswith(f"{other}: ") for note in report.notes)
    assert report.intervals is not None
    assert "F1 difference" in report.intervals.bounds
