"""Thinc operations whose matrix products go through numpy's BLAS, on one thread, for inference.

thinc's ``NumpyOps.gemm`` calls blis; for the cue tagger's shapes (a few hundred tokens by 100-200 features)
numpy's OpenBLAS computes the same products about 3x faster on one core. OpenBLAS would otherwise spread each
small product over every core and spin-wait, which costs more CPU time than it saves, so products run under a
one-thread limit (:func:`one_blas_thread`); kgbuild parallelises by process, not inside a product.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator
from typing import Any

import numpy
from thinc.api import Model, NumpyOps
from threadpoolctl import ThreadpoolController


class MatmulOps(NumpyOps):
    """``NumpyOps`` with ``gemm`` computed by ``numpy.matmul``; everything else unchanged."""

    name = "numpy"

    def gemm(
        self,
        x: Any,
        y: Any,
        out: Any | None = None,
        trans1: bool = False,
        trans2: bool = False,
    ) -> Any:
        a = x.T if trans1 else x
        b = y.T if trans2 else y
        if out is None:
            return numpy.matmul(a, b)
        numpy.matmul(a, b, out=out)
        return out


def use_matmul_ops(model: Model[Any, Any]) -> None:
    """Make every layer of ``model`` compute its products with :class:`MatmulOps` (weights unchanged)."""
    ops = MatmulOps()
    for node in model.walk():
        node.ops = ops


@functools.cache
def _controller() -> ThreadpoolController:
    return ThreadpoolController()


@contextlib.contextmanager
def one_blas_thread() -> Iterator[None]:
    """Limit numpy's BLAS to one thread inside the block (about 25 microseconds per entry)."""
    with _controller().limit(limits=1, user_api="blas"):
        yield
