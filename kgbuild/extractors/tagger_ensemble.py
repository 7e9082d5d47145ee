"""Several compiled cue taggers read as one, the larger ones only where the first hesitates.

The first tagger reads every token. Where its O probability is under ``joint_below``, the mean of all the
taggers' tag probabilities stands instead of its own; elsewhere its own stand. Most tokens of news are
plainly outside any attribution, so the other taggers compute only the rows that matter: those tokens, and
the neighbours their window layers read.

What the taggers share is computed once per Doc: the hashed token attributes, their hash-table rows (the
taggers of one recipe hash the same columns with the same seeds into tables of the same sizes), and one
look-up per token in one embedding cache. The cache keeps, per distinct set of attributes, each tagger's own
embedding already multiplied by its block of the mixing layer's weights: that layer is linear before its
maxout, so only the base pipeline's vectors are multiplied per token. The taggers after the first have one
shape and are computed side by side, one product per layer for all of them.

The scores are those of :class:`~kgbuild.extractors.tagger_forward.CompiledTagger` run on each tagger, up to
float rounding (sums taken in another order); ``tests/test_tagger_ensemble.py`` checks both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import cast

import numpy
from spacy.tokens import Doc

from kgbuild.extractors.matmul_ops import one_blas_thread
from kgbuild.extractors.tagger_features import token_features
from kgbuild.extractors.tagger_forward import CompiledTagger, Embeddings, MaxoutNorm, normalized, softmax


@dataclass(frozen=True)
class _Stack:
    """Taggers of one shape, their weights side by side (first axis: the tagger)."""

    mix_base: numpy.ndarray  # (base width, taggers * pieces * width)
    pieces: int
    width: int
    mix_gain: numpy.ndarray  # (taggers, width)
    mix_shift: numpy.ndarray
    windows: tuple[tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray, numpy.ndarray], ...]
    # per window layer: weights (taggers, 3 * width, pieces * width), bias (taggers, 1, pieces * width),
    # gain and shift (taggers, 1, width)
    out_weights: numpy.ndarray  # (taggers, width, labels)
    out_bias: numpy.ndarray  # (taggers, 1, labels)

    @property
    def size(self) -> int:
        return len(self.mix_gain)


@dataclass(frozen=True)
class GatedEnsemble:
    """Per-token tag probabilities of ``first`` and ``others`` read together (see the module's docstring)."""

    first: CompiledTagger
    others: Sequence[CompiledTagger]
    joint_below: float
    outside: int  # the column of the O tag
    _stack: _Stack | None = field(repr=False, compare=False, default=None)
    _seen: Embeddings = field(default_factory=Embeddings, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_stack", _stacked(self.others) if self.others else None)

    @classmethod
    def of(cls, taggers: Sequence[CompiledTagger], joint_below: float, outside: int) -> GatedEnsemble | None:
        """The ensemble of ``taggers`` (first, then others), or None when they cannot share their work:
        other columns or hash tables, other base vectors, or others not all of one shape."""
        if len(taggers) < 2:
            return None
        first, others = taggers[0], taggers[1:]
        tables = [(len(t.projected), t.seed) for t in first.tables]
        for tagger in taggers:
            if (
                tagger.columns != first.columns
                or [(len(t.projected), t.seed) for t in tagger.tables] != tables
            ):
                return None
            if tagger.base_width != first.base_width:
                return None
            if tagger.out_weights.shape[1] != first.out_weights.shape[1]:
                return None
        shape = _shape(others[0])
        if any(_shape(tagger) != shape for tagger in others):
            return None
        return cls(first, tuple(others), joint_below, outside)

    def probabilities(self, doc: Doc) -> numpy.ndarray:
        """Tag probabilities (tokens x labels) for ``doc``, whose ``tensor`` holds the base pipeline's token
        vectors."""
        first = self.first
        ids = numpy.ascontiguousarray(token_features(doc, first.columns))
        with one_blas_thread():
            # per token, the row of the cache holding each tagger's own part of its mixing layer
            own = self._seen.rows(ids, self._own_parts)
            tensor = numpy.asarray(doc.tensor, dtype="float32")
            width = first.mix_base.shape[1]
            vectors = first.mix.finish(tensor @ first.mix_base + self._seen.store[own, :width])
            scores = first.encode(vectors) @ first.out_weights + first.out_bias
            probabilities = softmax(scores)
            joint = probabilities[:, self.outside] < self.joint_below
            if self._stack is not None and joint.any():
                others = self._other_probabilities(tensor, own, joint)
                probabilities[joint] = (probabilities[joint] + others) / (1 + self._stack.size)
        return probabilities

    def _own_parts(self, ids: numpy.ndarray) -> numpy.ndarray:
        """Per row of hashed attributes, each tagger's own embedding times its block of the mixing layer,
        plus that layer's bias, side by side (rows x the taggers' mixing widths)."""
        rows = self.first.hash_rows(ids)  # the taggers hash alike (GatedEnsemble.of)
        return numpy.hstack([tagger.own_mix(rows) for tagger in (self.first, *self.others)])

    def _other_probabilities(
        self, tensor: numpy.ndarray, own: numpy.ndarray, rows: numpy.ndarray
    ) -> numpy.ndarray:
        """The sum over the other taggers of their tag probabilities, on the tokens of ``rows`` only (``own``:
        each token's row in the cache)."""
        stack = self._stack
        assert stack is not None
        n, depth, size, width = len(rows), len(stack.windows), stack.size, stack.width
        # In the padded sequence of CompiledTagger.encode, the rows layer k must compute: the wanted ones and
        # those within depth - k of them (k = 0: the inputs; padding rows stay zeros). A window layer's rows
        # are thus never the first or last of the padded sequence, and each has both its neighbours.
        wanted = numpy.zeros(n + 2 * depth, dtype=bool)
        wanted[depth : depth + n] = rows
        reach = [_widened(wanted, depth - k) for k in range(depth + 1)]
        inputs = numpy.flatnonzero(reach[0][depth : depth + n])
        scores = tensor[inputs] @ stack.mix_base
        scores += self._seen.store[own[inputs], self.first.mix_base.shape[1] :]
        vectors = numpy.zeros((size, n + 2 * depth, width), dtype="float32")  # tagger by tagger
        mixed = _maxout_norm(
            scores.reshape(len(inputs), size, stack.pieces, width), stack.mix_gain, stack.mix_shift
        )
        vectors[:, inputs + depth] = mixed.transpose(1, 0, 2)
        for (weights, bias, gain, shift), needed in zip(stack.windows, reach[1:], strict=True):
            at = numpy.flatnonzero(needed)
            sides = numpy.concatenate((vectors[:, at - 1], vectors[:, at], vectors[:, at + 1]), axis=2)
            window = numpy.matmul(sides, weights)  # (taggers, rows, pieces * width)
            window += bias
            vectors[:, at] += _maxout_norm(window.reshape(size, len(at), stack.pieces, width), gain, shift)
        out = numpy.matmul(vectors[:, numpy.flatnonzero(rows) + depth], stack.out_weights)
        out += stack.out_bias
        return cast(numpy.ndarray, softmax(out.reshape(-1, out.shape[2])).reshape(out.shape).sum(axis=0))


def _maxout_norm(scores: numpy.ndarray, gain: numpy.ndarray, shift: numpy.ndarray) -> numpy.ndarray:
    """Maxout over the pieces axis (the one before last), then layer normalization over the last."""
    best = scores[..., 0, :]
    for piece in range(1, scores.shape[-2]):
        best = numpy.maximum(best, scores[..., piece, :])
    result = normalized(best)
    result *= gain
    result += shift
    return result


def _stacked(taggers: Sequence[CompiledTagger]) -> _Stack:
    def side_by_side(arrays: Sequence[numpy.ndarray]) -> numpy.ndarray:
        return numpy.ascontiguousarray(numpy.stack(arrays))

    first = taggers[0]
    return _Stack(
        mix_base=numpy.ascontiguousarray(numpy.hstack([t.mix_base for t in taggers])),
        pieces=first.mix.pieces,
        width=first.mix.outputs,
        mix_gain=side_by_side([t.mix.gain for t in taggers]),
        mix_shift=side_by_side([t.mix.shift for t in taggers]),
        windows=tuple(
            (
                side_by_side([t.windows[k].weights for t in taggers]),
                side_by_side([t.windows[k].bias[None, :] for t in taggers]),
                side_by_side([t.windows[k].gain[None, :] for t in taggers]),
                side_by_side([t.windows[k].shift[None, :] for t in taggers]),
            )
            for k in range(len(first.windows))
        ),
        out_weights=side_by_side([t.out_weights for t in taggers]),
        out_bias=side_by_side([t.out_bias[None, :] for t in taggers]),
    )


def _shape(tagger: CompiledTagger) -> tuple[object, ...]:
    def layer(norm: MaxoutNorm) -> tuple[object, ...]:
        return (norm.weights.shape, norm.pieces, norm.outputs)

    return (
        layer(tagger.embed),
        layer(tagger.mix),
        tuple(layer(w) for w in tagger.windows),
        tagger.out_weights.shape,
    )


def _widened(mask: numpy.ndarray, reach: int) -> numpy.ndarray:
    """``mask`` with every position within ``reach`` of a true one set as well."""
    widened = mask.copy()
    for step in range(1, reach + 1):
        widened[step:] |= mask[:-step]
        widened[:-step] |= mask[step:]
    return widened
