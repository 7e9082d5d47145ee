"""The gated ensemble of cue taggers gives what its taggers give read one by one: the first tagger's
probabilities where it is sure of O, the mean of all of them elsewhere."""

from __future__ import annotations

import dataclasses

import numpy
import pytest
import spacy
from spacy.tokens import Doc

from kgbuild.extractors import cue_model
from kgbuild.extractors.tagger_ensemble import GatedEnsemble
from kgbuild.extractors.tagger_forward import CompiledTagger, Embeddings, softmax

# a cue on the first and the last token, so that the gated rows reach both ends of the padded sequence
TEXTS = [
    "Said the senator: the bill would pass before the recess, officials said",
    '"We will not back down," the union leader told a crowd of striking nurses outside the hospital.',
    "According to two officials familiar with the talks, the deal collapsed late on Friday.",
    "Critics accused the mayor of hiding the audit, which he denied in a short statement.",
    "Rain.",
    "The council reportedly rejected the plan; residents were furious.\n\nMore later, she added",
]


@pytest.fixture(scope="module")
def taggers() -> list[CompiledTagger]:
    models = (*cue_model.load_cue_models("en")[:1], *cue_model.load_joint_models("en"))
    if len(models) < 2:
        pytest.skip("no English cue taggers to read together")
    compiled = [cue_model._compiled(model, cue_model.component_name(model)) for model in models]
    assert all(tagger is not None for tagger in compiled)
    return [tagger for tagger in compiled if tagger is not None]


@pytest.fixture(scope="module")
def docs(english: spacy.language.Language) -> list[Doc]:
    return list(english.pipe(TEXTS))


def _outside() -> int:
    component = cue_model.load_cue_models("en")[0].get_pipe("attribution_tagger")
    return list(component.labels).index(cue_model.OUTSIDE)  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def ensemble(taggers: list[CompiledTagger]) -> GatedEnsemble:
    """The taggers read together as attributions.v3 reads them."""
    found = GatedEnsemble.of(taggers, cue_model.JOINT_BELOW, _outside())
    assert found is not None
    return found


def _read_one_by_one(taggers: list[CompiledTagger], doc: Doc, below: float, outside: int) -> numpy.ndarray:
    each = [softmax(tagger.scores(doc)) for tagger in taggers]
    expected = each[0].copy()
    joint = each[0][:, outside] < below
    expected[joint] = sum(probabilities[joint] for probabilities in each) / len(each)
    return expected


@pytest.mark.slow
@pytest.mark.parametrize("below", [0.0, 0.7, 1.01])
def test_tagger_ensemble_gives_its_taggers_probabilities(
    taggers: list[CompiledTagger], docs: list[Doc], below: float
) -> None:
    outside = _outside()
    ensemble = GatedEnsemble.of(taggers, below, outside)
    assert ensemble is not None
    gated_ends = 0
    for doc in docs:
        expected = _read_one_by_one(taggers, doc, below, outside)
        got = ensemble.probabilities(doc)
        numpy.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-6)
        assert (got.argmax(axis=1) == expected.argmax(axis=1)).all()
        joint = softmax(taggers[0].scores(doc))[:, outside] < below
        gated_ends += bool(joint[0]) + bool(joint[-1])
        if below == 0.0:  # nobody hesitates: the first tagger alone
            numpy.testing.assert_array_equal(got.argmax(axis=1), taggers[0].scores(doc).argmax(axis=1))
    if below == 0.7:
        assert gated_ends >= 2  # the edges of the sequence were read jointly


@pytest.mark.slow
def test_tagger_ensemble_reads_the_others_where_the_first_hesitates(
    taggers: list[CompiledTagger], ensemble: GatedEnsemble, docs: list[Doc]
) -> None:
    outside = _outside()
    alone = [softmax(taggers[0].scores(doc)) for doc in docs]
    together = [ensemble.probabilities(doc) for doc in docs]
    moved = [~numpy.isclose(a, t).all(axis=1) for a, t in zip(alone, together, strict=True)]
    hesitant = [a[:, outside] < ensemble.joint_below for a in alone]
    assert any(m.any() for m in moved)
    for m, h in zip(moved, hesitant, strict=True):
        assert not (m & ~h).any()  # where the first is sure of O, its probabilities stand


@pytest.mark.slow
def test_tagger_ensemble_small_cache_keeps_probabilities(ensemble: GatedEnsemble, docs: list[Doc]) -> None:
    tiny = dataclasses.replace(ensemble, _seen=Embeddings(limit=8))  # emptied again and again
    for _ in range(2):
        for doc in docs:
            numpy.testing.assert_allclose(tiny.probabilities(doc), ensemble.probabilities(doc), atol=1e-6)
    assert 0 < len(tiny._seen) <= 8 + max(len(doc) for doc in docs)


@pytest.mark.slow
def test_tagger_ensemble_needs_taggers_that_share_their_work(taggers: list[CompiledTagger]) -> None:
    first, wide = taggers[0], taggers[1]
    outside = 4
    assert GatedEnsemble.of([first], 0.7, outside) is None  # nobody to read with
    assert GatedEnsemble.of([wide, first, wide], 0.7, outside) is None  # the others are not of one shape
    other_columns = dataclasses.replace(wide, columns=(*wide.columns[:-1], "LEMMA"))
    assert GatedEnsemble.of([first, other_columns], 0.7, outside) is None
    other_seeds = dataclasses.replace(
        wide, tables=tuple(dataclasses.replace(t, seed=t.seed + 1) for t in wide.tables)
    )
    assert GatedEnsemble.of([first, other_seeds], 0.7, outside) is None
    assert GatedEnsemble.of([first, wide, wide], 0.7, outside) is not None
