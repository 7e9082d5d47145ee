"""The token attributes the cue tagger hashes: spaCy's own, the head's word and the set of child labels."""

from __future__ import annotations

import numpy
import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kgbuild.extractors.tagger_features import (
    CHILD_DEPS,
    HEAD_NORM,
    feature_extractor,
    token_features,
)

# "Officials said the plan , which critics denied , failed ."
WORDS = ["Officials", "said", "the", "plan", ",", "which", "critics", "denied", ",", "failed", "."]
HEADS = [1, 1, 3, 9, 3, 7, 7, 3, 3, 1, 1]
DEPS = ["nsubj", "ROOT", "det", "nsubj", "punct", "dobj", "nsubj", "relcl", "punct", "ccomp", "punct"]


def _doc(words: list[str] = WORDS, heads: list[int] = HEADS, deps: list[str] = DEPS) -> Doc:
    return Doc(Vocab(), words=words, heads=heads, deps=deps)


def _column(doc: Doc, name: str) -> list[int]:
    return [int(value) for value in token_features(doc, [name])[:, 0]]


def test_tagger_features_head_norm_is_the_heads_word() -> None:
    doc = _doc()
    assert _column(doc, HEAD_NORM) == [doc.vocab.strings[t.head.norm_] for t in doc]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (1, 7, False),  # "said" {nsubj, ccomp} against "denied" {nsubj, dobj}
        (9, 7, False),  # "failed" {nsubj} against "denied" {nsubj, dobj}
        (3, 9, False),  # "plan" {relcl} (its det and commas do not count) against "failed" {nsubj}
        (2, 0, True),  # two leaves
    ],
)
def test_tagger_features_child_deps_is_the_set_of_child_labels(a: int, b: int, same: bool) -> None:
    values = _column(_doc(), CHILD_DEPS)
    assert (values[a] == values[b]) is same


def test_tagger_features_child_deps_ignores_punctuation_and_repeats() -> None:
    # "said" with nsubj + ccomp, once plain, once with punctuation and two subjects (a coordination aside)
    plain = _doc(["They", "said", "it", "works"], [1, 1, 3, 1], ["nsubj", "ROOT", "nsubj", "ccomp"])
    busy = _doc(
        ["They", "and", "we", "said", ",", "it", "works", "."],
        [3, 0, 3, 3, 3, 6, 3, 3],
        ["nsubj", "cc", "nsubj", "ROOT", "punct", "nsubj", "ccomp", "punct"],
    )
    leaf = _column(plain, CHILD_DEPS)[0]
    assert leaf == 0
    assert _column(plain, CHILD_DEPS)[1] == _column(busy, CHILD_DEPS)[3] != 0


def test_tagger_features_spacy_columns_are_to_array() -> None:
    doc = _doc()
    columns = ["NORM", "SHAPE", "DEP"]
    expected = doc.to_array(columns).astype("uint64")
    numpy.testing.assert_array_equal(token_features(doc, columns), expected)
    mixed = token_features(doc, ["NORM", CHILD_DEPS, "DEP", HEAD_NORM])
    numpy.testing.assert_array_equal(mixed[:, [0, 2]], expected[:, [0, 2]])
    assert mixed.dtype == numpy.uint64
    assert mixed.shape == (len(doc), 4)


def test_tagger_features_layer_gives_the_same_columns() -> None:
    docs = [_doc(), _doc(["Rain", "."], [0, 0], ["ROOT", "punct"])]
    columns = ["NORM", HEAD_NORM, CHILD_DEPS]
    layer = feature_extractor(columns)
    assert layer.name == "extract_features"
    assert layer.attrs["columns"] == columns
    features = layer.predict(docs)
    for doc, got in zip(docs, features, strict=True):
        numpy.testing.assert_array_equal(got, token_features(doc, columns))
