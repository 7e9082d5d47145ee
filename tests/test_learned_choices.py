"""The learned parts of attributions.v2: content and source candidates from the parse, the linear rankers that
choose among them, and the cue filter's features and threshold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from kgbuild.extractors import content_ranker, cue_filter, source_ranker
from kgbuild.extractors.content_ranker import Candidate, LinearRanker


def char_span(doc: Doc, text: str) -> tuple[int, int]:
    start = doc.text.index(text)
    return start, start + len(text)


def test_linear_ranker_best_is_highest_score() -> None:
    ranker = LinearRanker({"a": 1.0, "b": -2.0, "c": 0.5})
    options = [Candidate(0, 1, ("a", "b")), Candidate(1, 2, ("c",)), Candidate(2, 3, ("unknown",))]
    assert ranker.best(options) == options[1]
    assert ranker.best([]) is None


def test_linear_ranker_json_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "ranker.json"
    LinearRanker({"x": 0.25, "tiny": 1e-9}).to_json(path, {"note": "test"})
    data = json.loads(path.read_text("utf-8"))
    assert data["meta"] == {"note": "test"}
    assert content_ranker.read(path).weights == {"x": 0.25}  # negligible weights are not stored


@pytest.mark.parametrize("module", [content_ranker, source_ranker])
def test_rankers_none_for_language_without_weights(module: object) -> None:
    assert module.load("xx") is None  # type: ignore[attr-defined]
    assert cue_filter.load("xx") is None


@pytest.mark.slow
def test_content_ranker_candidates_hold_rule_object_and_sides(english: spacy.language.Language) -> None:
    doc = english("The mayor praised the new bridge on Tuesday in a speech.")
    cue = char_span(doc, "praised")
    rule = char_span(doc, "the new bridge on Tuesday in a speech")
    options = content_ranker.candidates(doc, cue, rule, "rules")
    texts = {doc.text[o.start : o.end]: o.features for o in options}
    assert "rule" in texts["the new bridge on Tuesday in a speech"]
    assert "the new bridge" in texts  # the object alone, without its trailing adjuncts
    assert "The mayor" in texts  # the left side of the sentence
    assert all(not (o.start < cue[1] and cue[0] < o.end) for o in options)  # never over the cue


@pytest.mark.slow
def test_source_ranker_candidates_offer_subject_and_none(english: spacy.language.Language) -> None:
    doc = english("Officials in Ohio said the plant would close.")
    cue = char_span(doc, "said")
    content = char_span(doc, "the plant would close")
    options = source_ranker.candidates(doc, cue, content, None, "rules")
    heads = {o.head for o in options}
    assert source_ranker.NONE in heads
    subject = next(o for o in options if o.head >= 0 and doc[o.head].text == "Officials")
    assert "rel=c:nsubj" in subject.features
    assert not any(o.head >= 0 and doc[o.head].text == "plant" for o in options)  # inside the content


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "outer", "inner", "expected"),
    [
        ("The minister said that the firm claimed the site was safe.", "said", "claimed", "under:ccomp"),
        ("He proposed new checks and signaled support for a ban.", "proposed", "signaled", "under:conj"),
        ("She said the vote was fair. Critics alleged fraud.", "said", "alleged", "sentence"),
    ],
)
def test_cue_filter_nesting_relation(
    english: spacy.language.Language, text: str, outer: str, inner: str, expected: str
) -> None:
    doc = english(text)
    inner_token = next(t.i for t in doc if t.text == inner)
    assert cue_filter.nesting(doc, inner_token, char_span(doc, outer)) == expected


@pytest.mark.slow
def test_cue_filter_features_see_model_and_source(english: spacy.language.Language) -> None:
    doc = english("The governor said the budget was balanced.")
    cue = char_span(doc, "said")
    content = char_span(doc, "the budget was balanced")
    source = char_span(doc, "The governor")
    without = cue_filter.features(doc, cue, content, source, "rules", [])
    with_model = cue_filter.features(doc, cue, content, source, "rules", [(cue[0], cue[1], 0.93)])
    assert "model=none" in without
    assert "model=9" in with_model  # confidence 0.93, in tenths
    assert "src=yes" in without
    assert "nest=no" in without
    assert "src=none" in cue_filter.features(doc, cue, content, None, "frame", [])


def test_cue_filter_threshold_decides() -> None:
    check = cue_filter.CueFilter({"good": 3.0, "bad": -3.0}, threshold=0.5)
    assert check.keeps(("good",))
    assert not check.keeps(("bad",))
    assert check.probability(()) == pytest.approx(0.5)
