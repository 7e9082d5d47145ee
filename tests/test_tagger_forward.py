"""The cue tagger's numpy forward pass computes what thinc computes, and the numpy matrix products give thinc's
results; other model layouts stay with thinc."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import numpy
import pytest
import spacy
from spacy import registry
from thinc.api import Config, Linear, Model, NumpyOps, chain

from kgbuild.extractors import cue_model
from kgbuild.extractors.matmul_ops import MatmulOps, one_blas_thread
from kgbuild.extractors.tagger_features import token_features
from kgbuild.extractors.tagger_forward import Embeddings, compile_tagger

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [
    "The senator said on Monday that the bill would pass before the recess.",
    '"We will not back down," the union leader told a crowd of striking nurses outside the hospital.',
    "According to two officials familiar with the talks, the deal collapsed late on Friday.",
    "Critics accused the mayor of hiding the audit, which he denied in a short statement.",
    "Rain.",
    "The council, which met for three hours, reportedly rejected the plan; residents were furious.\n\nMore later.",
]


@pytest.mark.slow
def test_tagger_forward_scores_match_thinc(english: spacy.language.Language) -> None:
    model = cue_model.load_cue_model("en")
    assert model is not None
    component = model.get_pipe(cue_model.component_name(model))
    compiled = compile_tagger(component.model)  # type: ignore[attr-defined]
    assert compiled is not None
    for doc in english.pipe(TEXTS):
        with one_blas_thread():
            (expected,) = component.model.predict([doc])  # type: ignore[attr-defined]
        expected = numpy.asarray(expected)
        got = compiled.scores(doc)
        assert got.shape == expected.shape == (len(doc), len(component.labels))  # type: ignore[attr-defined]
        numpy.testing.assert_allclose(got, expected, rtol=1e-4, atol=1e-4)
        assert (got.argmax(axis=1) == expected.argmax(axis=1)).all()


@pytest.mark.slow
def test_tagger_forward_embedding_cache_keeps_scores(english: spacy.language.Language) -> None:
    model = cue_model.load_cue_model("en")
    assert model is not None
    compiled = compile_tagger(model.get_pipe(cue_model.component_name(model)).model)  # type: ignore[attr-defined]
    assert compiled is not None
    tiny = dataclasses.replace(compiled, _seen=Embeddings(limit=8))  # emptied again and again
    docs = list(english.pipe(TEXTS))
    fresh = [compiled.own_mix_ids(token_features(doc, compiled.columns)) for doc in docs]
    for _ in range(2):
        for doc, expected in zip(docs, fresh, strict=True):
            numpy.testing.assert_allclose(tiny.scores(doc), compiled.scores(doc), rtol=1e-5, atol=1e-5)
            ids = token_features(doc, compiled.columns)
            stored = compiled._seen.store[compiled._seen.rows(ids, compiled.own_mix_ids)]
            numpy.testing.assert_allclose(stored, expected, rtol=1e-4, atol=1e-5)
    assert 0 < len(tiny._seen) <= 8 + max(len(doc) for doc in docs)


def test_tagger_forward_other_layouts_are_not_compiled() -> None:
    model: Model[Any, Any] = chain(Linear(4, 3), Linear(2, 4))
    model.initialize(X=NumpyOps().alloc2f(2, 3))
    assert compile_tagger(model) is None


@pytest.mark.parametrize(("trans1", "trans2"), [(False, False), (False, True), (True, False), (True, True)])
@pytest.mark.parametrize("into", [False, True])
def test_matmul_ops_gemm_matches_numpy_ops(trans1: bool, trans2: bool, into: bool) -> None:
    rng = numpy.random.default_rng(7)
    x = rng.standard_normal((5, 7) if not trans1 else (7, 5)).astype("float32")
    y = rng.standard_normal((7, 3) if not trans2 else (3, 7)).astype("float32")
    expected = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    if into:
        out = numpy.full((5, 3), 99.0, dtype="float32")
        got = MatmulOps().gemm(x, y, out=out, trans1=trans1, trans2=trans2)
        assert got is out
    else:
        got = MatmulOps().gemm(x, y, trans1=trans1, trans2=trans2)
    numpy.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-5)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("config_name", "depth"),
    [
        ("cue_tagger.cfg", 1),
        ("cue_tagger.cfg", 2),
        ("cue_tagger.cfg", 3),
        ("cue_tagger_parse.cfg", 1),  # attributes read off the parse: HEAD_NORM, CHILD_DEPS
        ("cue_tagger_parse.cfg", 2),
    ],
)
def test_tagger_forward_any_number_of_window_layers(
    english: spacy.language.Language, config_name: str, depth: int
) -> None:
    config = Config().from_disk(ROOT / "training" / config_name)
    block = config["components"]["attribution_tagger"]["model"]
    block["tok2vec"]["depth"] = depth
    model = registry.resolve(Config({"model": block}))["model"]
    docs = list(english.pipe(TEXTS))
    model.initialize(X=docs, Y=[NumpyOps().alloc2f(len(doc), 5) for doc in docs])
    rng = numpy.random.default_rng(depth + len(config_name))
    for node in model.walk():  # trained-like weights everywhere (the output layer starts at zero)
        for name in node.param_names:
            if node.has_param(name):
                value = node.get_param(name)
                node.set_param(name, rng.normal(0.0, 0.5, value.shape).astype("float32"))
    compiled = compile_tagger(model)
    assert compiled is not None
    assert len(compiled.windows) == depth
    for doc in docs:
        with one_blas_thread():
            (expected,) = model.predict([doc])
        numpy.testing.assert_allclose(compiled.scores(doc), numpy.asarray(expected), rtol=1e-4, atol=1e-4)
