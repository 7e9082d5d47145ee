"""PageRank with numpy alone (networkx's needs scipy, which kgbuild does not depend on)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray


def pagerank(
    n: int,
    edges: Sequence[tuple[int, int, float]],
    *,
    directed: bool = False,
    alpha: float = 0.85,
    max_iter: int = 100,
    tol: float = 1e-9,
) -> NDArray[np.float64]:
    """PageRank of nodes 0..n-1 over weighted edges; undirected unless ``directed``.

    Dangling nodes spread their rank evenly, as in networkx, so the scores sum to 1.
    """
    if n == 0:
        return np.zeros(0)
    src = np.array([e[0] for e in edges], dtype=np.intp)
    dst = np.array([e[1] for e in edges], dtype=np.intp)
    weight = np.array([e[2] for e in edges], dtype=np.float64)
    if not directed:
        src, dst, weight = (
            np.concatenate([src, dst]),
            np.concatenate([dst, src]),
            np.concatenate([weight, weight]),
        )
    out = np.bincount(src, weights=weight, minlength=n)
    dangling = out == 0
    share = weight / np.where(out[src] > 0, out[src], 1.0)
    rank = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        spread = np.bincount(dst, weights=rank[src] * share, minlength=n)
        new = alpha * (spread + rank[dangling].sum() / n) + (1.0 - alpha) / n
        if np.abs(new - rank).sum() < n * tol:
            return new
        rank = new
    return rank
