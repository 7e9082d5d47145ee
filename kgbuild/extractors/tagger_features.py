"""The token attributes the cue tagger hashes: spaCy's own (``NORM``, ``DEP``...) and two read off the parse.

A reporting verb is known by its frame as much as by its word ("X bristled at the idea that P" has a subject
and a clause like "X said that P"), and the base pipeline's token vectors only see a few words either side. So
the tagger can also hash, for each token:

- ``HEAD_NORM``: the normalized form of the word it depends on (its own for the root);
- ``CHILD_DEPS``: the set of dependency labels of its children (``nsubj`` + ``ccomp``...), as one number.

Both are computed with numpy from ``Doc.to_array``, the same way in training (:func:`feature_extractor`, a thinc
layer standing for spaCy's ``FeatureExtractor``) and in kgbuild's own forward pass.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, cast

import numpy
from spacy.symbols import IDS
from spacy.tokens import Doc
from thinc.api import Model
from thinc.types import Ints2d

HEAD_NORM = "HEAD_NORM"
CHILD_DEPS = "CHILD_DEPS"
DERIVED = frozenset({HEAD_NORM, CHILD_DEPS})
# children that say nothing of a word's frame (spaCy's symbol ids, as ``Doc.to_array`` gives the labels)
_IGNORED_CHILDREN = numpy.array([IDS[label] for label in ("punct", "det", "cc")], dtype="uint64")


def token_features(doc: Doc, columns: Sequence[str]) -> numpy.ndarray:
    """One row per token, one uint64 column per name in ``columns`` (spaCy attribute names or :data:`DERIVED`)."""
    if not DERIVED.intersection(columns):
        values = doc.to_array(list[int | str](columns))
        return values.reshape(len(doc), len(columns)).astype("uint64", copy=False)
    parse = doc.to_array(["HEAD", "DEP", "NORM"]).reshape(len(doc), 3)
    heads = numpy.arange(len(doc), dtype="int64") + parse[:, 0].view("int64")
    own = [name for name in columns if name not in DERIVED]
    own_values = doc.to_array(list[int | str](own)).reshape(len(doc), len(own)) if own else None
    out = numpy.zeros((len(doc), len(columns)), dtype="uint64")
    for k, name in enumerate(columns):
        if name == HEAD_NORM:
            out[:, k] = parse[heads, 2]
        elif name == CHILD_DEPS:
            out[:, k] = _child_labels(heads, parse[:, 1])
        else:
            assert own_values is not None
            out[:, k] = own_values[:, own.index(name)]
    return out


def _child_labels(heads: numpy.ndarray, deps: numpy.ndarray) -> numpy.ndarray:
    """For each token, the XOR of the scrambled distinct labels of its children (0 for none): a set as one
    number. Labels are small symbol ids, whose plain XOR would give one set the number of another."""
    signature = numpy.zeros(len(heads), dtype="uint64")
    children = (heads != numpy.arange(len(heads))) & ~numpy.isin(deps, _IGNORED_CHILDREN)
    if children.any():
        pairs = numpy.unique(numpy.stack((heads[children].astype("uint64"), deps[children]), axis=1), axis=0)
        numpy.bitwise_xor.at(signature, pairs[:, 0].astype("int64"), _scrambled(pairs[:, 1]))
    return signature


def _scrambled(values: numpy.ndarray) -> numpy.ndarray:
    """SplitMix64's finalizer: spreads small integers over all 64 bits (wrapping arithmetic on uint64)."""
    z = values + numpy.uint64(0x9E3779B97F4A7C15)
    z = (z ^ (z >> numpy.uint64(30))) * numpy.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> numpy.uint64(27))) * numpy.uint64(0x94D049BB133111EB)
    return z ^ (z >> numpy.uint64(31))


def feature_extractor(columns: Sequence[str]) -> Model[list[Doc], list[Any]]:
    """spaCy's ``FeatureExtractor`` for columns that may include :data:`DERIVED` ones (same layer name and
    ``columns`` attribute, so a trained model is read the same way)."""

    def forward(
        model: Model[list[Doc], list[Any]], docs: list[Doc], is_train: bool
    ) -> tuple[list[Any], Callable]:
        names = model.attrs["columns"]
        features = [
            model.ops.asarray2i(cast(Ints2d, token_features(doc, names)), dtype="uint64") for doc in docs
        ]
        return features, lambda d_features: []

    return Model("extract_features", forward, attrs={"columns": list(columns)})
