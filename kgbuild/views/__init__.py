"""Network views of the graph: claims, reporting chains, co-mentions, or any query, as offline HTML pages.

>>> graph = build_view(store, "claims", focus="Emmanuel Macron", hops=2)   # doctest: +SKIP
>>> Path("claims.html").write_text(render_html(graph, title="Macron"))     # doctest: +SKIP
"""

from __future__ import annotations

from kgbuild.views.budget import DEFAULT_NODE_BUDGET
from kgbuild.views.build import (
    FORMATS,
    VIEWS,
    Format,
    View,
    build_view,
    infer_format,
    write_graph,
    write_view,
)
from kgbuild.views.errors import ViewError
from kgbuild.views.model import ArticleInfo, ClaimInfo
from kgbuild.views.page import render_html

__all__ = [
    "DEFAULT_NODE_BUDGET",
    "FORMATS",
    "VIEWS",
    "ArticleInfo",
    "ClaimInfo",
    "Format",
    "View",
    "ViewError",
    "build_view",
    "infer_format",
    "render_html",
    "write_graph",
    "write_view",
]
