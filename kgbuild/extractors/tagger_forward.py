"""The cue tagger's forward pass in plain numpy, for inference on one Doc at a time.

Through thinc, the shipped tagger spends more time in the framework around its layers (some forty layer calls,
list and ragged conversions per Doc) than in its arithmetic. :func:`compile_tagger` reads the weights of a
trained model of the one architecture kgbuild ships (``kgbuild.BaseVectorsEncoder.v1`` with hash embeddings,
window layers, ``spacy.Tagger.v2``'s linear output) and computes the same scores in a dozen numpy calls. A
model of any other shape gets None, and is run through thinc as before. ``tests/test_tagger_forward.py`` checks
that both give the same scores.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

import numpy
from spacy.tokens import Doc
from thinc.api import Model, NumpyOps

from kgbuild.extractors.matmul_ops import one_blas_thread
from kgbuild.extractors.tagger_features import token_features

# The layer layout of the shipped architecture, as thinc names it, with one hash table per token attribute
# and one or more window layers.
_WINDOW = re.escape("residual(expand_window>>maxout>>layernorm>>dropout)")
_WINDOW_LAYER = re.compile(_WINDOW)
_LAYOUT = re.compile(
    re.escape("tok2vec-listener|extract_features>>list2ragged>>with_array(")
    + r"ints-getitem>>hashembed(?:\|ints-getitem>>hashembed)*"
    + re.escape(
        ")>>with_array(maxout>>layernorm>>dropout)>>ragged2list>>with_array(maxout>>layernorm)>>with_array("
    )
    + _WINDOW
    + "(?:"
    + re.escape(">>")
    + _WINDOW
    + ")*"
    + re.escape(")>>with_array(softmax)")
)
_EPSILON = 1e-08  # thinc's LayerNorm adds it to the variance
_add, _max = numpy.add.reduce, numpy.maximum.reduce
_OPS = NumpyOps()


@dataclass(frozen=True)
class MaxoutNorm:
    """Maxout (``pieces`` linear maps, the largest kept) followed by layer normalization."""

    weights: numpy.ndarray  # (inputs, pieces * outputs): piece by piece, for ``inputs @ weights``
    bias: numpy.ndarray  # (pieces * outputs,)
    outputs: int
    pieces: int
    gain: numpy.ndarray
    shift: numpy.ndarray

    def __call__(self, inputs: numpy.ndarray) -> numpy.ndarray:
        scores = inputs @ self.weights
        scores += self.bias
        return self.finish(scores)

    def finish(self, scores: numpy.ndarray) -> numpy.ndarray:
        """The layer's output from its linear scores (bias included)."""
        width = self.outputs
        best = scores[:, :width]
        for piece in range(1, self.pieces):  # pieces side by side: no reduction over a short axis
            best = numpy.maximum(best, scores[:, piece * width : (piece + 1) * width])
        result = normalized(best)
        result *= self.gain
        result += self.shift
        return result


@dataclass(frozen=True)
class _HashTable:
    """A hash embedding table already multiplied by its block of the embedding layer's weights: the layer is
    linear before its maxout, and a token's embedding is a sum of table rows, so the product can be taken once
    per table row instead of once per token."""

    projected: numpy.ndarray  # (rows, pieces * outputs)
    seed: int


@dataclass(frozen=True)
class CompiledTagger:
    """Weights of a trained cue tagger, with a numpy forward pass giving its per-token scores."""

    columns: tuple[str, ...]  # token attributes hashed into the embeddings
    tables: tuple[_HashTable, ...]  # one per column
    embed: MaxoutNorm
    mix: MaxoutNorm
    windows: tuple[MaxoutNorm, ...]  # in order, each added to its input
    out_weights: numpy.ndarray  # (width, labels)
    out_bias: numpy.ndarray

    # A token's own embedding depends only on its hashed attributes, and the mixing layer is linear before its
    # maxout: per distinct set of attributes, the embedding's product with its block of that layer (bias
    # included) is computed once (news repeats most of its words); per token only the base vectors' block is.
    _seen: Embeddings = field(default_factory=lambda: Embeddings(), compare=False, repr=False)

    @functools.cached_property
    def base_width(self) -> int:
        """Width of the base pipeline's token vectors, the first inputs of the mixing layer."""
        return int(self.mix.weights.shape[0] - self.embed.outputs)

    @functools.cached_property
    def mix_base(self) -> numpy.ndarray:
        """The mixing layer's weights for the base pipeline's vectors."""
        return numpy.ascontiguousarray(self.mix.weights[: self.base_width])

    @functools.cached_property
    def _mix_own(self) -> numpy.ndarray:
        return numpy.ascontiguousarray(self.mix.weights[self.base_width :])

    def scores(self, doc: Doc) -> numpy.ndarray:
        """Per-token scores (tokens x labels, unnormalized) for ``doc``, whose ``tensor`` holds the base
        pipeline's token vectors."""
        ids = numpy.ascontiguousarray(token_features(doc, self.columns))
        with one_blas_thread():
            rows = self._seen.rows(ids, self.own_mix_ids)  # before reading the store, which it may replace
            tensor = numpy.asarray(doc.tensor, dtype="float32")
            vectors = self.encode(self.mix.finish(tensor @ self.mix_base + self._seen.store[rows]))
            result: numpy.ndarray = vectors @ self.out_weights + self.out_bias
        return result

    def encode(self, vectors: numpy.ndarray) -> numpy.ndarray:
        """The window layers. As spaCy's encoder does, the sequence gets one row of zeros per layer at either
        end: from the second layer on, the outermost tokens see what the first made of that padding."""
        pad = len(self.windows)
        width = vectors.shape[1]
        padding = numpy.zeros((pad, width), dtype=vectors.dtype)
        vectors = numpy.vstack((padding, vectors, padding))
        for window in self.windows:
            vectors = vectors + window(_windows(vectors))
        return vectors[pad : len(vectors) - pad]

    def hash_rows(self, ids: numpy.ndarray) -> list[numpy.ndarray]:
        """The row of each hash table that each token's attributes (tokens x columns) fall in."""
        return [
            _OPS.hash(numpy.ascontiguousarray(ids[:, k]), table.seed) % len(table.projected)
            for k, table in enumerate(self.tables)
        ]

    def embed_rows(self, rows: Sequence[numpy.ndarray]) -> numpy.ndarray:
        """The tagger's own embedding of tokens given their rows in each hash table."""
        scores = numpy.zeros((len(rows[0]), self.embed.bias.shape[0]), dtype="float32")
        for table, found in zip(self.tables, rows, strict=True):
            scores += _OPS.gather_add(table.projected, found)
        scores += self.embed.bias
        return self.embed.finish(scores)

    def own_mix_ids(self, ids: numpy.ndarray) -> numpy.ndarray:
        """The mixing layer's scores from the tokens' own embeddings, bias included (tokens x pieces * width),
        given their hashed attributes."""
        return self.own_mix(self.hash_rows(ids))

    def own_mix(self, rows: Sequence[numpy.ndarray]) -> numpy.ndarray:
        """As :meth:`own_mix_ids`, given the tokens' rows in each hash table."""
        result: numpy.ndarray = self.embed_rows(rows) @ self._mix_own + self.mix.bias
        return result


class Embeddings:
    """Computed vectors of tokens, one row per distinct row of hashed attributes (found by its bytes), up to
    ``limit`` rows at a time (then emptied)."""

    def __init__(self, limit: int = 50_000) -> None:
        self.limit = limit
        self._row: dict[bytes, int] = {}
        self.store = numpy.zeros((0, 0), dtype="float32")

    def __len__(self) -> int:
        return len(self._row)

    def rows(self, ids: numpy.ndarray, compute: Callable[[numpy.ndarray], numpy.ndarray]) -> numpy.ndarray:
        """The row of :attr:`store` holding each token's vector, ``ids`` being the tokens' hashed attributes
        (tokens x columns); ``compute`` gives the vectors of the rows of ids not stored yet."""
        keys = cast(
            list[bytes], ids.view(numpy.dtype((numpy.void, ids.shape[1] * ids.itemsize))).ravel().tolist()
        )
        row = self._row
        # set and dict operations in C: once the cache is warm, most Docs bring no new key at all
        missing = set(keys).difference(row)
        if missing:
            if len(row) + len(missing) > self.limit:
                row.clear()
                missing = set(keys)
            self._add(self._first_places(keys, missing), ids, compute)
        return numpy.fromiter(map(row.__getitem__, keys), dtype=numpy.intp, count=len(keys))

    @staticmethod
    def _first_places(keys: list[bytes], missing: set[bytes]) -> dict[bytes, int]:
        """Each of the ``missing`` keys with the position of its first occurrence in ``keys``, in that order."""
        places: dict[bytes, int] = {}
        for i, key in enumerate(keys):
            if key in missing and key not in places:
                places[key] = i
        return places

    def _add(
        self, keys: dict[bytes, int], ids: numpy.ndarray, compute: Callable[[numpy.ndarray], numpy.ndarray]
    ) -> None:
        vectors = compute(ids[list(keys.values())])
        start = len(self._row)
        needed = start + len(vectors)
        if needed > len(self.store) or self.store.shape[1] != vectors.shape[1]:
            grown = numpy.zeros((max(needed, 2 * len(self.store), 1024), vectors.shape[1]), dtype="float32")
            if self.store.shape[1] == vectors.shape[1]:
                grown[:start] = self.store[:start]
            self.store = grown
        self.store[start:needed] = vectors
        for offset, key in enumerate(keys):
            self._row[key] = start + offset


def normalized(vectors: numpy.ndarray) -> numpy.ndarray:
    """Layer normalization over the last axis, before its gain and shift."""
    width = vectors.shape[-1]
    # numpy's mean and var, written out so that the centred vectors are computed once; the ufuncs' own
    # reductions and in-place steps spare the per-call wrappers and copies of a few hundred rows per Doc
    centred = vectors - _add(vectors, axis=-1, keepdims=True) / width
    variance = _add(centred * centred, axis=-1, keepdims=True)
    variance /= width
    variance += _EPSILON
    centred *= variance**-0.5
    return centred


def softmax(scores: numpy.ndarray) -> numpy.ndarray:
    """Row-wise probabilities of per-token scores (tokens x labels)."""
    shifted = numpy.exp(scores - _max(scores, axis=1, keepdims=True))
    shifted /= _add(shifted, axis=1, keepdims=True)
    return shifted


def _windows(vectors: numpy.ndarray) -> numpy.ndarray:
    """Each row next to its neighbours, ``[previous, itself, next]``, zeros past either end."""
    n, width = vectors.shape
    cols = numpy.zeros((n, 3, width), dtype=vectors.dtype)
    cols[1:, 0] = vectors[:-1]
    cols[:, 1] = vectors
    cols[:-1, 2] = vectors[1:]
    return cols.reshape(n, 3 * width)


def compile_tagger(model: Model[Any, Any]) -> CompiledTagger | None:
    """The numpy forward pass of a tagger's thinc ``model``, or None when its layout is not the shipped one."""
    if not _LAYOUT.fullmatch(model.name):
        return None
    nodes = list(model.walk())
    embed_chain = _named(nodes, lambda name: name.startswith("extract_features>>"))
    residuals = [node for node in nodes if _WINDOW_LAYER.fullmatch(node.name)]
    mix = _named(nodes, lambda name: name == "with_array(maxout>>layernorm)")
    output = _named(nodes, lambda name: name == "softmax")
    features = _named(list(embed_chain.walk()), lambda name: name == "extract_features")
    tables = sorted(
        (node for node in embed_chain.walk() if node.name == "hashembed"),
        key=lambda node: node.attrs["column"],
    )
    if output.attrs.get("softmax_normalize", False) or len(tables) != len(features.attrs["columns"]):
        return None
    embed = _maxout_norm(list(embed_chain.walk()))
    return CompiledTagger(
        columns=tuple(str(column) for column in features.attrs["columns"]),
        tables=_projected(tables, embed),
        embed=embed,
        mix=_maxout_norm(list(mix.walk())),
        windows=tuple(_maxout_norm(list(residual.walk())) for residual in residuals),
        out_weights=_floats(output.get_param("W").T),
        out_bias=_floats(output.get_param("b")),
    )


def _projected(tables: Sequence[Model[Any, Any]], embed: MaxoutNorm) -> tuple[_HashTable, ...]:
    """Each hash table times the rows of ``embed``'s weights that its columns meet in the concatenation."""
    projected = []
    start = 0
    for node in tables:
        vectors = _floats(node.get_param("E"))
        block = embed.weights[start : start + vectors.shape[1]]
        projected.append(_HashTable(_floats(vectors @ block), int(node.attrs["seed"])))
        start += vectors.shape[1]
    if start != embed.weights.shape[0]:
        raise ValueError(
            f"hash tables of width {start} for an embedding layer of {embed.weights.shape[0]} inputs"
        )
    return tuple(projected)


def _named(nodes: Sequence[Model[Any, Any]], test: Any) -> Model[Any, Any]:
    found = [node for node in nodes if test(node.name)]
    if len(found) != 1:
        raise ValueError(f"expected one matching layer, found {len(found)}")
    return found[0]


def _maxout_norm(nodes: Sequence[Model[Any, Any]]) -> MaxoutNorm:
    maxout = _named(nodes, lambda name: name == "maxout")
    norm = _named(nodes, lambda name: name == "layernorm")
    weights, bias = numpy.asarray(maxout.get_param("W")), numpy.asarray(maxout.get_param("b"))
    outputs, pieces, inputs = weights.shape
    return MaxoutNorm(
        weights=_floats(weights.transpose(1, 0, 2).reshape(pieces * outputs, inputs).T),
        bias=_floats(bias.T.reshape(pieces * outputs)),
        outputs=int(outputs),
        pieces=int(pieces),
        gain=_floats(norm.get_param("G")),
        shift=_floats(norm.get_param("b")),
    )


def _floats(array: Any) -> numpy.ndarray:
    return numpy.ascontiguousarray(numpy.asarray(array), dtype="float32")
