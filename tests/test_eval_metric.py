import json
from typing import Any

import pytest

from kgbuild.eval.errors import EvalInputError
from kgbuild.eval.gold import GoldAttribution, GoldDoc, GoldIssue
from kgbuild.eval.matching import match, source_correct
from kgbuild.eval.metric import score
from kgbuild.eval.predictions import parse_attribution
from kgbuild.records import Span

TEXT = (
    "Le maire a déclaré que la route fermera lundi. "
    "Selon la préfecture, le pont est fragile. "
    "Paul : « Tout va bien » et encore plus. "
    "Il a dit et redit que rien ne bougerait."
)


def at(part: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(part, start + 1)
    return Span(start, start + len(part), part)


def as_span(part: str | Span) -> Span:
    return part if isinstance(part, Span) else at(part)


def gold(
    cue: str | Span,
    content: str | Span,
    source: str | Span | None = None,
    *,
    type: str = "indirect",
    kind: str = "person",
    resolved: str | None = None,
) -> GoldAttribution:
    return GoldAttribution(
        as_span(source) if source is not None else None, as_span(cue), as_span(content), type, kind, resolved
    )


def pred(
    cue: str | Span,
    content: str | Span,
    source: str | Span | None = None,
    *,
    resolved: str | None = None,
    type: str = "indirect",
    kind: str = "person",
) -> dict[str, Any]:
    def js(part: str | Span) -> dict[str, Any]:
        span = as_span(part)
        return {"start": span.start, "end": span.end, "text": span.text}

    return {
        "source": None if source is None else {**js(source), "resolved": resolved},
        "cue": js(cue),
        "content": js(content),
        "type": type,
        "source_kind": kind,
        "relayed_by": None,
        "hedges": [],
        "negated": False,
        "confidence": 1.0,
    }


G_MAIRE = gold("a déclaré", "la route fermera lundi", "Le maire")
G_PREFECTURE = gold("Selon", "le pont est fragile", "la préfecture", kind="organisation")
G_PAUL = gold(":", "Tout va bien", "Paul", type="direct")


def doc(*attributions: GoldAttribution, doc_id: str = "d1", issues: tuple[GoldIssue, ...] = ()) -> GoldDoc:
    return GoldDoc(doc_id, TEXT, "fr", attributions, issues)


def test_metric_counts_precision_recall_f1() -> None:
    predictions = [
        pred("a déclaré", "la route fermera lundi", "Le maire"),
        pred("Selon", "le pont est fragile", "la préfecture"),
        pred("redit", "rien ne bougerait", "Il"),
    ]
    report = score([doc(G_MAIRE, G_PREFECTURE)], {"d1": predictions})
    overall = report.overall
    assert (overall.gold, overall.predicted, report.matched) == (2, 3, 2)
    assert overall.precision == pytest.approx(2 / 3)
    assert overall.recall == 1.0
    assert overall.f1 == pytest.approx(0.8)
    assert overall.source_accuracy == 1.0
    assert overall.content_token_f1 == 1.0
    assert (overall.triple_precision, overall.triple_recall) == (pytest.approx(2 / 3), 1.0)


@pytest.mark.parametrize(
    ("prediction", "matches"),
    [
        (pred(":", "Tout va bien", "Paul"), True),
        (pred("«", "va bien", "Paul"), True),  # overlap 7 = all of the shorter content
        (
            pred("et", "Tout va bien"),
            True,
        ),  # a word cue far away: the gold cue is punctuation, contents decide
        (pred(":", "va bien » et"), True),  # overlap 7 of shorter 12: at least half
        (pred(":", "bien » et encore plus"), False),  # overlap 4 of shorter 12: less than half
        (pred(":", "la route fermera lundi", "Paul"), False),  # same cue, other content
    ],
)
def test_metric_punctuation_cue_matches_through_content(prediction: dict[str, Any], matches: bool) -> None:
    report = score([doc(G_PAUL)], {"d1": [prediction]})
    assert report.matched == int(matches)


def test_metric_punctuation_predicted_cue_against_word_gold_cue_uses_content() -> None:
    colon = at(":")
    assert score([doc(G_MAIRE)], {"d1": [pred(colon, "la route fermera")]}).matched == 1
    assert score([doc(G_MAIRE)], {"d1": [pred(colon, "Tout va bien")]}).matched == 0


def test_metric_word_cues_overlapping_match_whatever_the_content() -> None:
    report = score([doc(G_MAIRE)], {"d1": [pred("déclaré", "Tout va bien")]})
    assert report.matched == 1
    assert report.overall.content_token_f1 == 0.0
    assert report.overall.triple_recall == 0.0


def test_metric_matching_is_one_to_one_largest_overlap_first() -> None:
    said = gold("a dit", "rien ne bougerait", "Il")
    resaid = gold("redit", "rien ne bougerait", "Il")
    wide = parse_attribution(
        pred("dit et redit", "rien ne bougerait"), TEXT
    )  # 3 chars with "a dit", 5 with "redit"
    narrow = parse_attribution(pred("a di", "rien ne bougerait"), TEXT)  # 4 chars with "a dit"
    pairs = match([said, resaid], [wide, narrow])
    assert [(p.gold, p.predicted, p.overlap) for p in pairs] == [(0, 1, 4), (1, 0, 5)]


def test_metric_one_prediction_matches_one_gold_at_most() -> None:
    said = gold("a dit", "rien ne bougerait", "Il")
    resaid = gold("redit", "rien ne bougerait", "Il")
    report = score([doc(said, resaid)], {"d1": [pred("dit et redit", "rien ne bougerait", "Il")]})
    assert (report.overall.gold, report.overall.predicted, report.matched) == (2, 1, 1)


def test_metric_cue_pairs_rank_before_content_pairs() -> None:
    # A reporting chain: two sources for one content, one of them with a punctuation cue.
    relay = gold("Selon", "le pont est fragile", "la préfecture")
    punct = gold(",", "le pont est fragile", "Le maire")
    predictions = [parse_attribution(pred("Selon", "le pont est fragile"), TEXT)]
    predictions.append(parse_attribution(pred(",", "le pont est fragile"), TEXT))
    assert [(p.gold, p.predicted, p.by) for p in match([relay, punct], predictions)] == [
        (0, 0, "cue"),
        (1, 1, "content"),
    ]


@pytest.mark.parametrize(
    ("gold_attribution", "prediction", "correct"),
    [
        (G_MAIRE, pred("a déclaré", "la route", "maire"), True),  # spans overlap
        (G_MAIRE, pred("a déclaré", "la route", "Il", resolved="le Maire!"), False),  # gold resolved: None
        (
            gold("a déclaré", "la route", "Le maire", resolved="Jean Dupont"),
            pred("a déclaré", "la route", "Il"),
            False,
        ),
        (
            gold("a déclaré", "la route", "Le maire", resolved="Jean Dupont"),
            pred("a déclaré", "la route", "Il", resolved="DUPONT"),
            True,
        ),
        (
            gold("a déclaré", "la route", "Le maire", resolved="Jean Dupont"),
            pred("a déclaré", "la route", "Il", resolved="M. Jean-Dupont"),
            True,
        ),
        (
            gold("a déclaré", "la route", "Le maire", resolved="Jean Dupont"),
            pred("a déclaré", "la route", "Il", resolved="Paul"),
            False,
        ),
        (G_MAIRE, pred("a déclaré", "la route"), False),  # no predicted source
        (gold("a déclaré", "la route", type="nosource", kind="none"), pred("a déclaré", "la route"), True),
        (
            gold("a déclaré", "la route", type="nosource", kind="none"),
            pred("a déclaré", "la route", "Il"),
            False,
        ),
    ],
)
def test_metric_source_rules(
    gold_attribution: GoldAttribution, prediction: dict[str, Any], correct: bool
) -> None:
    assert source_correct(gold_attribution, parse_attribution(prediction, TEXT)) is correct
    report = score([doc(gold_attribution)], {"d1": [prediction]})
    assert report.overall.source_accuracy == (1.0 if correct else 0.0)


@pytest.mark.parametrize(
    ("content", "f1", "triple"),
    [
        ("la route fermera lundi", 1.0, True),
        ("la route fermera", 6 / 7, True),  # P 3/3, R 3/4
        ("que la route", 4 / 7, True),  # P 2/3, R 2/4
        ("lundi", 0.4, False),  # P 1/1, R 1/4
    ],
)
def test_metric_content_token_f1_and_full_triple(content: str, f1: float, triple: bool) -> None:
    report = score([doc(G_MAIRE)], {"d1": [pred("a déclaré", content, "Le maire")]})
    assert report.overall.content_token_f1 == pytest.approx(f1)
    assert report.overall.triple_recall == (1.0 if triple else 0.0)
    assert report.overall.triple_precision == (1.0 if triple else 0.0)


def test_metric_content_token_f1_is_mean_over_matched_pairs() -> None:
    predictions = [
        pred("a déclaré", "la route fermera", "Le maire"),
        pred("Selon", "fragile", "la préfecture"),
    ]
    report = score([doc(G_MAIRE, G_PREFECTURE)], {"d1": predictions})
    assert report.overall.content_token_f1 == pytest.approx((6 / 7 + 0.4) / 2)
    assert report.overall.triples_gold == 1


def test_metric_breakdown_by_type() -> None:
    predictions = [
        pred("a déclaré", "la route fermera lundi", "Le maire", type="direct"),  # gold says indirect
        pred(":", "Tout va bien", "Paul", type="direct"),
        pred("redit", "rien ne bougerait", "Il", type="indirect"),  # no gold
    ]
    report = score([doc(G_MAIRE, G_PAUL)], {"d1": predictions}, by="type")
    direct, indirect = report.groups["direct"], report.groups["indirect"]
    assert (direct.gold, direct.predicted, direct.matched_gold, direct.matched_predicted) == (1, 2, 1, 2)
    assert (direct.precision, direct.recall) == (1.0, 1.0)
    assert (indirect.gold, indirect.predicted, indirect.matched_gold, indirect.matched_predicted) == (
        1,
        1,
        1,
        0,
    )
    assert (indirect.precision, indirect.recall) == (0.0, 1.0)
    assert (report.overall.gold, report.overall.predicted, report.matched) == (2, 3, 2)
    assert "by type" in report.table()


def test_metric_breakdown_by_source_kind() -> None:
    predictions = [pred("Selon", "le pont est fragile", "la préfecture", kind="organisation")]
    report = score([doc(G_MAIRE, G_PREFECTURE)], {"d1": predictions}, by="source_kind")
    assert report.groups["organisation"].recall == 1.0
    assert report.groups["person"].recall == 0.0
    assert report.groups["organisation"].precision == 1.0


def test_metric_unlocated_gold_counts_as_missed() -> None:
    lost = GoldIssue("d1", "unlocated", "cue not found", counts_as_gold=True, type="direct")
    skipped = GoldIssue("d1", "incomplete", "E3: no content", counts_as_gold=False)
    report = score(
        [doc(G_MAIRE, issues=(lost, skipped))], {"d1": [pred("a déclaré", "la route", "Le maire")]}
    )
    assert (report.overall.gold, report.matched, report.overall.recall) == (2, 1, 0.5)
    assert len(report.gold_unlocated) == 1
    assert len(report.gold_skipped) == 1
    assert "gold not located in its text: 1" in report.table()


def test_metric_invalid_predictions_count_and_never_match() -> None:
    good = pred("a déclaré", "la route fermera lundi", "Le maire")
    no_cue = {**good, "cue": None}
    outside = {**good, "cue": {"start": 0, "end": len(TEXT) + 5}}
    report = score([doc(G_MAIRE)], {"d1": [no_cue, outside, "not an object", good]})
    assert (report.overall.predicted, report.matched) == (4, 1)
    assert report.overall.precision == 0.25
    assert len(report.invalid_predictions) == 3
    assert report.invalid_predictions[0].startswith("d1#0: no cue")


def test_metric_text_mismatch_is_counted_and_offsets_decide() -> None:
    prediction = pred("a déclaré", "la route fermera lundi", "Le maire")
    prediction["cue"]["text"] = "something else"
    report = score([doc(G_MAIRE)], {"d1": [prediction]})
    assert (report.matched, report.text_mismatches) == (1, 1)


def test_metric_documents_missing_or_unknown() -> None:
    gold_docs = [doc(G_MAIRE, doc_id="a"), doc(G_PAUL, doc_id="b")]
    report = score(gold_docs, {"a": [pred("a déclaré", "la route", "Le maire")], "zzz": [pred(":", "Tout")]})
    assert report.documents_without_predictions == 1
    assert report.unknown_documents == ("zzz",)
    assert (report.overall.gold, report.overall.predicted, report.matched) == (2, 1, 1)


def test_metric_no_matches_leaves_means_undefined() -> None:
    report = score([doc(G_MAIRE)], {})
    assert (report.overall.precision, report.overall.recall, report.overall.f1) == (0.0, 0.0, 0.0)
    assert report.overall.source_accuracy is None
    assert report.overall.content_token_f1 is None


def test_metric_unknown_breakdown_is_a_clear_error() -> None:
    with pytest.raises(EvalInputError, match="unknown breakdown"):
        score([doc(G_MAIRE)], {}, by="publisher")


def test_metric_report_json_is_serialisable() -> None:
    report = score([doc(G_MAIRE, G_PAUL)], {"d1": [pred(":", "Tout va bien", "Paul")]}, by="type")
    data = json.loads(json.dumps(report.to_json()))
    assert data["overall"]["matched"] == 1
    assert data["overall"]["gold"] == 2
    assert data["groups"]["direct"]["recall"] == 1.0
    assert data["by"] == "type"
