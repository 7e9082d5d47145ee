import json
import sys
import types
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kgbuild.cli.main import app
from kgbuild.eval.errors import EvalInputError
from kgbuild.eval.run import evaluate
from kgbuild.records import Article, Attribution, Extraction, Reject, Span

TEXT_A = 'La ministre a affirmé que "tout est prêt". Un porte-parole a nié la rumeur.'
TEXT_B = "Selon le maire, la fête aura lieu."
GOLD = {
    "a": (
        TEXT_A,
        [
            {"source": "La ministre", "cue": "a affirmé", "content": "tout est prêt", "type": "mixed"},
            {"source": "Un porte-parole", "cue": "a nié", "content": "la rumeur", "type": "indirect"},
        ],
    ),
    "b": (
        TEXT_B,
        [{"source": "le maire", "cue": "Selon", "content": "la fête aura lieu", "type": "indirect"}],
    ),
}


def span(text: str, part: str) -> dict[str, Any]:
    start = text.index(part)
    return {"start": start, "end": start + len(part), "text": part}


def prediction(
    text: str, source: str | None, cue: str, content: str, type: str = "indirect"
) -> dict[str, Any]:
    return {
        "source": None if source is None else {**span(text, source), "resolved": None},
        "cue": span(text, cue),
        "content": span(text, content),
        "type": type,
        "source_kind": "person",
    }


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    root = tmp_path / "fr-dev"
    root.mkdir()
    lines = [json.dumps({"id": k, "lang": "fr", "text": text}) for k, (text, _) in GOLD.items()]
    (root / "texts.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for doc_id, (_, records) in GOLD.items():
        (root / f"{doc_id}.json").write_text(
            json.dumps({"id": doc_id, "attributions": records}), encoding="utf-8"
        )
    return root


def write_jsonl(path: Path, lines: Iterable[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_run_scores_a_predictions_file(gold_dir: Path, tmp_path: Path) -> None:
    a = [
        prediction(TEXT_A, "La ministre", "a affirmé", "tout est prêt"),
        prediction(TEXT_A, None, "nié", "rumeur"),
    ]
    b = [prediction(TEXT_B, "le maire", "Selon", "la fête aura lieu")]
    path = write_jsonl(
        tmp_path / "pred.jsonl",
        [
            json.dumps({"id": "a", "lang": "fr", "attributions": a}),
            json.dumps({"id": "b", "attributions": b}),
        ],
    )
    report = evaluate(gold_dir, predictions=path, by="type")
    assert (report.overall.gold, report.overall.predicted, report.matched) == (3, 3, 3)
    assert report.overall.source_accuracy == pytest.approx(2 / 3)  # "a nié" predicted without its source
    assert report.overall.content_token_f1 == pytest.approx((1 + 2 / 3 + 1) / 3)  # "rumeur": P 1, R 1/2
    assert report.overall.triple_recall == pytest.approx(2 / 3)
    assert set(report.groups) == {"indirect", "mixed"}


def test_run_reports_bad_prediction_lines_and_goes_on(gold_dir: Path, tmp_path: Path) -> None:
    b = [prediction(TEXT_B, "le maire", "Selon", "la fête aura lieu")]
    path = write_jsonl(
        tmp_path / "pred.jsonl",
        ["{broken", json.dumps({"id": "b", "attributions": b}), json.dumps({"id": "b", "attributions": []})],
    )
    report = evaluate(gold_dir, predictions=path)
    assert report.matched == 1
    assert len(report.notes) == 2
    assert "pred.jsonl:1: not valid JSON" in report.notes[0]
    assert "seen before" in report.notes[1]
    assert report.documents_without_predictions == 1


def test_run_predictions_file_with_no_usable_line_is_an_error(gold_dir: Path, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "pred.jsonl", ['{"attributions": []}'])
    with pytest.raises(EvalInputError, match="no usable prediction line"):
        evaluate(gold_dir, predictions=path)


def test_run_missing_predictions_file_is_an_error(gold_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(EvalInputError, match="cannot read predictions"):
        evaluate(gold_dir, predictions=tmp_path / "nowhere.jsonl")


def test_run_limit_keeps_first_documents(gold_dir: Path, tmp_path: Path) -> None:
    b = [prediction(TEXT_B, "le maire", "Selon", "la fête aura lieu")]
    path = write_jsonl(tmp_path / "pred.jsonl", [json.dumps({"id": "b", "attributions": b})])
    report = evaluate(gold_dir, predictions=path, limit=1)
    assert (report.documents, report.overall.gold, report.overall.predicted) == (1, 2, 0)
    assert report.unknown_documents == ()
    with pytest.raises(EvalInputError, match="at least 1"):
        evaluate(gold_dir, predictions=path, limit=0)


def test_run_without_predictions_runs_the_pipeline(gold_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[Article] = []

    def extract(articles: Iterable[Article], **_: Any) -> Iterator[Extraction | Reject]:
        for article in articles:
            seen.append(article)
            if article.id == "b":
                yield Reject(article.origin, "no pipeline for this language", article.id)
                continue
            start = article.text.index("a affirmé")
            cue = Span(start, start + 9, "a affirmé")
            content_start = article.text.index("tout est prêt")
            content = Span(content_start, content_start + 13, "tout est prêt")
            source = Span(0, 11, "La ministre")
            attribution = Attribution(cue, content, source, "mixed", "person", "affirmer")
            yield Extraction(article, "fr", attributions=(attribution,))

    fake = types.ModuleType("kgbuild.pipeline")
    fake.extract = extract  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "kgbuild.pipeline", fake)
    report = evaluate(gold_dir)
    assert [(article.id, article.lang, article.text) for article in seen] == [
        ("a", "fr", TEXT_A),
        ("b", "fr", TEXT_B),
    ]
    assert (report.overall.gold, report.overall.predicted, report.matched) == (3, 1, 1)
    assert report.overall.triple_precision == 1.0
    assert report.notes == ["article b rejected: no pipeline for this language"]


def test_run_without_pipeline_says_to_pass_predictions(
    gold_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "kgbuild.pipeline", None)
    with pytest.raises(EvalInputError, match="pass a predictions file"):
        evaluate(gold_dir)


@pytest.mark.slow
def test_run_extracts_with_the_chosen_extractors(gold_dir: Path) -> None:
    with_attributions = evaluate(gold_dir, extractors=("entities.v4", "attributions.v1"))
    assert with_attributions.overall.predicted >= 2
    assert with_attributions.matched >= 2
    entities_only = evaluate(gold_dir, extractors=("entities.v4",))
    assert (entities_only.overall.predicted, entities_only.matched) == (0, 0)


def test_run_cli_unknown_extractor_is_a_clear_error(gold_dir: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "--gold", str(gold_dir), "--extractor", "attributions.v9"])
    assert result.exit_code != 0
    assert "unknown extractor 'attributions.v9'" in result.output
    assert "Traceback" not in result.output
