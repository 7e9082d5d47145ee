"""The two real development gold sets: counts, and perfect predictions scoring 1.0 (skipped without ../shared)."""

import json
import re
from pathlib import Path
from typing import Any

import pytest

from kgbuild.eval.gold import GoldAttribution, GoldDoc, load_gold
from kgbuild.eval.metric import score
from kgbuild.eval.run import evaluate
from kgbuild.records import Span

ATTRIBUTION = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "attribution"
FR_DEV = ATTRIBUTION / "fr-dev"
POLNEAR_DEV = ATTRIBUTION / "polnear" / "dev"

pytestmark = pytest.mark.slow


def needs(path: Path) -> None:
    if not path.is_dir():
        pytest.skip(f"{path} is not available")


def as_prediction(attribution: GoldAttribution) -> dict[str, Any]:
    def js(span: Span) -> dict[str, Any]:
        return {"start": span.start, "end": span.end, "text": span.text}

    source = attribution.source
    return {
        "source": None if source is None else {**js(source), "resolved": attribution.resolved},
        "cue": js(attribution.cue),
        "content": js(attribution.content),
        "type": attribution.type,
        "source_kind": attribution.source_kind,
    }


def perfect(docs: list[GoldDoc]) -> dict[str, list[dict[str, Any]]]:
    return {doc.id: [as_prediction(a) for a in doc.attributions] for doc in docs}


def test_real_gold_fr_dev_counts() -> None:
    needs(FR_DEV)
    docs = load_gold(FR_DEV)
    assert len(docs) == 34
    assert sum(len(doc.attributions) for doc in docs) == 358
    assert [issue.detail for doc in docs for issue in doc.issues] == []


def test_real_gold_fr_dev_offsets_hold_the_annotated_strings() -> None:
    needs(FR_DEV)
    for doc in load_gold(FR_DEV):
        raw = json.loads((FR_DEV / f"{doc.id}.json").read_text(encoding="utf-8"))["attributions"]
        for attribution, record in zip(doc.attributions, raw, strict=True):
            assert doc.text[attribution.cue.start : attribution.cue.end] == record["cue"]
            assert doc.text[attribution.content.start : attribution.content.end] == record["content"]


def test_real_gold_polnear_dev_counts() -> None:
    needs(POLNEAR_DEV)
    docs = load_gold(POLNEAR_DEV)
    first_files: dict[str, Path] = {}
    for ann in sorted((POLNEAR_DEV / "attributions").glob("*.ann")):
        first_files.setdefault(re.sub(r"_[0-9a-f]{4}$", "", ann.stem), ann)
    events_with_content = sum(
        len(re.findall(r"^E\d+\t.*\bContent2?:T\d+", ann.read_text(encoding="utf-8"), flags=re.M))
        for ann in first_files.values()
    )
    assert len(docs) == len(first_files) == len(list((POLNEAR_DEV / "text").glob("*.txt")))
    assert sum(len(doc.attributions) for doc in docs) == events_with_content
    assert {doc.lang for doc in docs} == {"en"}


@pytest.mark.parametrize("gold_dir", [FR_DEV, POLNEAR_DEV], ids=["fr-dev", "polnear-dev"])
def test_real_gold_perfect_predictions_score_one(gold_dir: Path) -> None:
    needs(gold_dir)
    docs = load_gold(gold_dir)
    report = score(docs, perfect(docs), by="type")
    assert report.overall.gold == report.overall.predicted == report.matched
    assert (report.overall.precision, report.overall.recall, report.overall.f1) == (1.0, 1.0, 1.0)
    assert report.overall.source_accuracy == 1.0
    assert all(group.f1 == 1.0 for group in report.groups.values())


def test_real_gold_fr_dev_perfect_predictions_file(tmp_path: Path) -> None:
    needs(FR_DEV)
    docs = load_gold(FR_DEV)
    path = tmp_path / "perfect.jsonl"
    lines = [json.dumps({"id": k, "attributions": v}, ensure_ascii=False) for k, v in perfect(docs).items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = evaluate(FR_DEV, predictions=path, by="source_kind")
    assert report.overall.f1 == 1.0
    assert report.overall.content_token_f1 == 1.0
    assert report.overall.triple_f1 == 1.0
    assert report.text_mismatches == 0
