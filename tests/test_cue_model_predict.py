"""The trained attribution cue model: shipped in the package, finds cues in plain English, offsets index the
Doc's text, leaves the Doc alone, and stays silent where no model serves the language."""

from __future__ import annotations

from pathlib import Path

import numpy
import pytest
import spacy
from spacy.tokens import Doc

from kgbuild import nlp
from kgbuild.extractors import cue_model
from kgbuild.extractors.cue_model import (
    CUE,
    CueModelError,
    bio_spans,
    extra_cue_candidates,
    load_cue_model,
    predict,
    predict_scored,
)

PACKAGE = Path(cue_model.__file__).resolve().parent.parent


def cue_texts(doc: Doc) -> list[str]:
    return [doc.text[start:end] for label, start, end in predict(doc, "en") if label == CUE]


@pytest.mark.slow
def test_cue_model_loads_from_package(english: spacy.language.Language) -> None:
    path = cue_model.model_path("en")
    assert path is not None
    assert path.is_relative_to(PACKAGE / "models")
    model = load_cue_model("en")
    assert model is not None
    assert model.pipe_names == [cue_model.component_name(model)]  # the base tok2vec is not shipped again
    assert load_cue_model("en") is model  # loaded once


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The minister said on Tuesday that the new tax would not be raised before the election.", "said"),
        (
            "The factory will close next spring, according to officials familiar with the plans.",
            "according to",
        ),
        ("Governor Hale denied the report in a brief phone call with reporters.", "denied"),
        ('"We are not going anywhere," the mayor told supporters at the rally in Dayton.', "told"),
        ("Most voters believe that the council wasted the money on the stadium.", "believe"),
    ],
)
def test_cue_model_finds_cue(english: spacy.language.Language, text: str, cue: str) -> None:
    doc = english(text)
    assert any(cue in found for found in cue_texts(doc)), predict(doc, "en")


@pytest.mark.slow
def test_cue_model_offsets_index_doc_text(english: spacy.language.Language) -> None:
    doc = english(
        "Late on Friday, the senator's office said in a statement that she would vote against the bill.\n\n"
        "Her spokesman, Tom Reyes, added that the decision was final, according to a memo seen by reporters."
    )
    spans = predict(doc, "en")
    assert spans
    starts = {t.idx for t in doc}
    ends = {t.idx + len(t.text) for t in doc}
    for label, start, end in spans:
        assert label in {cue_model.CUE, cue_model.SOURCE, cue_model.CONTENT}
        assert 0 <= start < end <= len(doc.text)
        assert start in starts  # whole tokens of this very Doc
        assert end in ends
        assert doc.text[start:end].strip() == doc.text[start:end]
    assert [s for _, s, _ in spans] == sorted(s for _, s, _ in spans)


@pytest.mark.slow
def test_cue_model_leaves_doc_untouched(english: spacy.language.Language) -> None:
    doc = english("Mayor Ann Lee of Boston said on Monday that the Red Line would reopen in June.")
    before = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    assert predict(doc, "en")
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == before


@pytest.mark.slow
def test_cue_model_extra_candidates_skip_known_cues(english: spacy.language.Language) -> None:
    doc = english("The union said the strike would go on. Managers, it claimed, had refused to meet.")
    cues = [(start, end) for label, start, end in predict(doc, "en") if label == CUE]
    assert cues
    assert extra_cue_candidates(doc, "en", []) == cues
    assert extra_cue_candidates(doc, "en", cues) == []
    # a known cue that only overlaps a predicted one still counts as found
    assert extra_cue_candidates(doc, "en", [(cues[0][0], cues[0][0] + 1)]) == cues[1:]
    # cues inside content the rules already attributed are nested attributions: left out when asked
    assert extra_cue_candidates(doc, "en", [], known_contents=[(0, len(doc.text))]) == []
    assert extra_cue_candidates(doc, "en", [], known_contents=[(cues[0][0], cues[0][1] - 1)]) == cues
    assert extra_cue_candidates(doc, "en", [], min_score=1.01) == []


@pytest.mark.parametrize("lang", ["fr", "de", "xx"])
def test_cue_model_absent_for_language(lang: str) -> None:
    assert cue_model.model_path(lang) is None
    assert load_cue_model(lang) is None
    doc = spacy.blank("fr")("Le ministre a déclaré mardi que la réforme serait retirée.")
    assert predict(doc, lang) == []
    assert extra_cue_candidates(doc, lang, []) == []


@pytest.mark.slow
def test_cue_model_refuses_doc_without_base_vectors() -> None:
    model = load_cue_model("en")
    if model is None or not model.meta.get("kgbuild_base"):
        pytest.skip("no English cue model that reads the base pipeline's vectors")
    doc = spacy.blank("en")("The minister said the tax would not be raised.")
    with pytest.raises(CueModelError, match="token vectors"):
        cue_model.predict_with(model, doc)
    assert predict(doc, "en") == []  # the extractor goes on without the model


def test_cue_model_base_mismatch_is_refused() -> None:
    if "en" not in nlp.supported_languages():
        pytest.skip("no English pipeline installed")
    model = spacy.blank("en")
    model.meta["kgbuild_base"] = "some_other_pipeline 0.0.1"
    with pytest.raises(CueModelError, match="some_other_pipeline"):
        cue_model.check_base(model, "en")


@pytest.mark.parametrize(
    ("words", "tags", "expected"),
    [
        (["He", "said", "so"], ["B-SOURCE", "B-CUE", "O"], [("SOURCE", "He"), ("CUE", "said")]),
        (
            ["it", "was", "according", "to", "them"],
            ["O", "O", "B-CUE", "I-CUE", "B-SOURCE"],
            [("CUE", "according to"), ("SOURCE", "them")],
        ),
        # a cue split by the tagger stays one span; an I- tag with nothing open starts one
        (
            ["they", "talked", "about", "it"],
            ["B-SOURCE", "B-CUE", "B-CUE", "O"],
            [("SOURCE", "they"), ("CUE", "talked about")],
        ),
        (["a", "report", "found"], ["O", "I-SOURCE", "I-CUE"], [("SOURCE", "report"), ("CUE", "found")]),
        # whitespace tokens neither start nor end a span, but do not break one either
        (
            ["said", "\n\n", "in", "\n", "x"],
            ["B-CUE", "I-CUE", "I-CUE", "I-CUE", "O"],
            [("CUE", "said \n\n in")],
        ),
        (["\n", "said", "\n", "x"], ["B-CUE", "I-CUE", "I-CUE", "O"], [("CUE", "said")]),
        (["x", "y"], ["O", "O"], []),
        (["x", "said"], ["O", "B-CUE"], [("CUE", "said")]),
    ],
)
def test_cue_model_bio_spans(words: list[str], tags: list[str], expected: list[tuple[str, str]]) -> None:
    doc = Doc(spacy.blank("en").vocab, words=words)
    spans = bio_spans(doc, tags)
    assert [(label, doc.text[start:end]) for label, start, end in spans] == expected


@pytest.mark.slow
def test_cue_model_confidence_is_a_probability(english: spacy.language.Language) -> None:
    doc = english("The senator told reporters that the vote would be delayed, her office said.")
    scored = predict_scored(doc, "en")
    assert scored
    assert all(0.0 < score <= 1.0 for *_, score in scored)
    assert [span for *span, _ in scored] == [list(s) for s in predict(doc, "en")]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        (
            "The mayor insisted that the budget was balanced.",
            "insisted",
            "The mayor",
            "the budget was balanced",
        ),
        (
            "The bridge will reopen in May, officials claimed.",
            "claimed",
            "officials",
            "The bridge will reopen in May",
        ),
        (
            "Critics of the plan fear higher rents for families.",
            "fear",
            "Critics of the plan",
            "higher rents for families",
        ),
    ],
)
def test_cue_model_fallback_frame(
    english: spacy.language.Language, text: str, cue: str, source: str, content: str
) -> None:
    doc = english(text)
    start = text.index(cue)
    frame = cue_model.fallback_frame(doc, (start, start + len(cue)), spans=[])
    assert frame is not None
    found_source, found_content = frame
    assert found_source is not None
    assert text[found_source[0] : found_source[1]] == source
    assert text[found_content[0] : found_content[1]] == content


@pytest.mark.slow
def test_cue_model_fallback_frame_falls_back_on_predicted_source(english: spacy.language.Language) -> None:
    # a noun cue with no subject, owner or "from" phrase in the parse: the model's SOURCE span is the source
    text = "There were rumours of a merger at the bank, the staff newsletter hinted."
    doc = english(text)
    cue = (text.index("rumours"), text.index("rumours") + len("rumours"))
    wanted = (
        text.index("the staff newsletter"),
        text.index("the staff newsletter") + len("the staff newsletter"),
    )
    frame = cue_model.fallback_frame(doc, cue, spans=[(cue_model.SOURCE, *wanted)])
    assert frame is not None
    assert frame[0] == wanted
    assert "a merger at the bank" in text[frame[1][0] : frame[1][1]]


@pytest.mark.slow
def test_cue_model_taggers_read_together_average_their_probabilities(
    english: spacy.language.Language,
) -> None:
    path = cue_model.model_path("en")
    if path is None:
        pytest.skip("no English cue model")
    first, second = cue_model.load_from(path), cue_model.load_from(path)
    output = next(
        node for node in second.get_pipe("attribution_tagger").model.walk() if node.name == "softmax"
    )
    weights = output.get_param("W")
    noise = numpy.random.default_rng(3).normal(0.0, 0.5, weights.shape).astype("float32")
    output.set_param("W", weights + noise)  # another tagger of the same labels
    doc = english("The senator said on Monday that the plant would close, according to two officials.")
    alone = [cue_model.predict_with(model, doc) for model in (first, second)]
    assert alone[0] != alone[1]
    together = cue_model.predict_with_all([first, second], doc)
    # the same tagger twice reads as itself
    twice = cue_model.predict_with_all([first, first], doc)
    assert [span[:3] for span in twice] == [span[:3] for span in alone[0]]
    assert [span[3] for span in twice] == pytest.approx([span[3] for span in alone[0]])
    # a span both taggers give has a confidence between theirs
    shared = 0
    for label, start, end, confidence in together:
        found = [
            next((c for lab, s, e, c in spans if (lab, s, e) == (label, start, end)), None) for spans in alone
        ]
        if None not in found:
            shared += 1
            assert min(found) - 1e-6 <= confidence <= max(found) + 1e-6
    assert shared


def test_cue_model_taggers_with_other_labels_are_not_read_together(english: spacy.language.Language) -> None:
    blank = spacy.blank("en")
    blank.add_pipe("tagger", name="attribution_tagger").add_label("X")
    blank.initialize()
    model = load_cue_model("en")
    if model is None:
        pytest.skip("no English cue model")
    doc = english("The minister said the tax would not be raised.")
    with pytest.raises(CueModelError, match="same labels"):
        cue_model.predict_with_all([model, blank], doc)


@pytest.mark.slow
def test_cue_model_gated_reading_is_the_same_with_or_without_shared_work(
    english: spacy.language.Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    models = (*cue_model.load_cue_models("en")[:1], *cue_model.load_joint_models("en"))
    if len(models) < 2:
        pytest.skip("no English cue taggers to read together")
    doc = english(
        "Officials said the plant would close, and the union warned of layoffs, a spokeswoman told AP."
    )
    shared = cue_model.predict_with_all(models, doc, joint_below=cue_model.JOINT_BELOW)
    alone = cue_model.predict_with(models[0], doc)
    monkeypatch.setattr(cue_model, "_ensemble", lambda *_: None)  # each tagger read on its own
    apart = cue_model.predict_with_all(models, doc, joint_below=cue_model.JOINT_BELOW)
    assert [span[:3] for span in apart] == [span[:3] for span in shared]
    assert [span[3] for span in apart] == pytest.approx([span[3] for span in shared], abs=1e-6)
    assert [span[3] for span in shared] != pytest.approx([span[3] for span in alone], abs=1e-6)
