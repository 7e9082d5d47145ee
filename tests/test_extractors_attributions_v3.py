"""attributions.v3: attributions.v2 with the larger English cue taggers read where the shipped one hesitates."""

from __future__ import annotations

import dataclasses

import pytest
import spacy
from run_extractors import attributions_of

from kgbuild.extractors import cue_model
from kgbuild.records import Attribution

ENGLISH = [
    "The senator said on Monday that the bill would pass before the recess.",
    "Residents fear the plant will close, and the union warned of layoffs, a spokeswoman told reporters.",
    "The mayor reportedly rejected the audit. Aides insist the figures were never shared with the council.",
]


def _without_names(found: list[Attribution]) -> list[Attribution]:
    return [dataclasses.replace(a, extractor="") for a in found]


@pytest.mark.slow
@pytest.mark.parametrize("text", ENGLISH)
def test_extractors_attributions_v3_names_its_records(text: str) -> None:
    found = attributions_of(text, "en", "attributions.v3")
    assert found
    assert {a.extractor for a in found} == {"attributions.v3"}


@pytest.mark.slow
def test_extractors_attributions_v3_is_v2_without_larger_taggers(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Le ministre a affirmé jeudi que la réforme serait votée, selon l'AFP."
    assert _without_names(attributions_of(text, "fr", "attributions.v3")) == _without_names(
        attributions_of(text, "fr", "attributions.v2")
    )
    monkeypatch.setattr(cue_model, "load_joint_models", lambda lang: ())
    for english in ENGLISH:
        assert _without_names(attributions_of(english, "en", "attributions.v3")) == _without_names(
            attributions_of(english, "en", "attributions.v2")
        )


@pytest.mark.slow
def test_extractors_attributions_v3_reads_the_larger_taggers(english: spacy.language.Language) -> None:
    if not cue_model.load_joint_models("en"):
        pytest.skip("no larger English cue taggers")
    docs = [english(text) for text in ENGLISH]
    alone = [cue_model.predict_scored(doc, "en") for doc in docs]
    joint = [cue_model.predict_scored(doc, "en", joint=True) for doc in docs]
    assert alone != joint  # the larger taggers moved some confidence or span
    for spans in joint:
        assert all(0.0 < score <= 1.0 for *_, score in spans)
