"""The HTML page: one self-contained file, vis-network inlined, nothing fetched, nothing from the data run.

The view graph goes into the page as JSON inside a ``<script type="application/json">`` element with
``<``, ``>`` and ``&`` escaped, so no article text can close the element; the page script builds every
label, tooltip and panel from it as text. A Content-Security-Policy lets only the page's own two scripts
run (by hash) and forbids any request, as a second line of defence.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections import Counter
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

import kgbuild
from kgbuild.views.budget import DEFAULT_NODE_BUDGET, Link, Selection, merge_links, select, sizes
from kgbuild.views.layout import layout
from kgbuild.views.model import NODE_KINDS, ArticleInfo, ClaimInfo

CLAIMS_PER_LINK = 25  # claim details kept per link (most recent first); the link still counts them all
DEFAULT_CLAIM_BUDGET = 10_000  # claim details kept in a page
QUOTE_CHARS = 600
_WEB_URL = re.compile(r"^https?://[^/\s]", re.IGNORECASE)
BIG_PAGE_LINKS = 2_000  # beyond this, edges are hidden while dragging or zooming, to keep panning smooth

# kind -> legend label, colour, vis-network shape, dashed border
KIND_STYLE: dict[str, tuple[str, str, str, bool]] = {
    "person": ("person", "#4e79a7", "dot", False),
    "organisation": ("organisation", "#f28e2b", "square", False),
    "publisher": ("publisher", "#e15759", "diamond", False),
    "place": ("place", "#59a14f", "triangle", False),
    "group": ("group", "#76b7b2", "hexagon", False),
    "anonymous": ("anonymous sources", "#a0a0a0", "dot", True),
    "document": ("document", "#b07aa1", "square", False),
    "source": ("unnamed source", "#edc948", "dot", False),
    "article": ("article", "#9c755f", "triangleDown", False),
    "claim": ("claim", "#ff9da7", "star", False),
    "resource": ("resource", "#8c8c8c", "dot", False),
    "literal": ("value", "#c7c7c7", "dot", True),
}
_EXTRA_COLOURS = ("#17becf", "#bcbd22", "#7f7f7f", "#8c564b", "#e377c2", "#1f77b4")

# style -> legend label, colour, dashes, arrow (when the graph is directed)
LINK_STYLE: dict[str, tuple[str, str, bool | list[int], bool]] = {
    "assert": ("claim about", "#6b7280", False, True),
    "deny": ("denial", "#d62728", [8, 4], True),
    "hedged": ("hedged claim", "#e69f00", [2, 4], True),
    "report": ("quoted by", "#aab2bd", False, True),
    "relay": ("relays", "#4e79a7", False, True),
    "comention": ("mentioned together in", "#9aa5b1", False, False),
    "plain": ("link", "#7b8794", False, True),
}


def render_html(
    graph: nx.Graph,
    *,
    title: str,
    node_budget: int = DEFAULT_NODE_BUDGET,
    claim_budget: int = DEFAULT_CLAIM_BUDGET,
    seed: int = 0,
) -> str:
    """A standalone HTML page for a view graph (or any networkx graph with ``label``/``kind`` attributes)."""
    data = page_data(graph, title=title, node_budget=node_budget, claim_budget=claim_budget, seed=seed)
    return fill_page(title, data)


def page_data(
    graph: nx.Graph,
    *,
    title: str,
    node_budget: int = DEFAULT_NODE_BUDGET,
    claim_budget: int = DEFAULT_CLAIM_BUDGET,
    seed: int = 0,
) -> dict[str, Any]:
    """What the page script reads (compact arrays; the field order is documented in page.js)."""
    focus = graph.graph.get("focus")
    selection = select(
        graph, merge_links(graph), node_budget=node_budget, keep=(focus,) if focus in graph else ()
    )
    return _Packer(graph, selection, title, claim_budget, seed).pack()


def fill_page(title: str, data: dict[str, Any]) -> str:
    scripts = (_asset_vis("vis-network.min.js"), _asset("page.js"))
    csp = "; ".join(
        [
            "default-src 'none'",
            "script-src " + " ".join(f"'sha256-{_sha256(s)}'" for s in scripts),
            "style-src 'unsafe-inline'",
            "img-src data:",
            "font-src 'none'",
            "connect-src 'none'",
            "form-action 'none'",
            "base-uri 'none'",
        ]
    )
    parts = {
        "CSP": html.escape(csp),
        "GENERATOR": f"kgbuild {kgbuild.__version__}",
        "TITLE": html.escape(title),
        "VIS_CSS": _asset_vis("vis-network.css"),
        "PAGE_CSS": _asset("page.css"),
        "DATA": script_json(data),
        "VIS_JS": scripts[0],
        "PAGE_JS": scripts[1],
    }
    # One pass: text put into the page is never scanned again for placeholders.
    return re.sub(r"@@([A-Z_]+)@@", lambda m: parts[m.group(1)], _asset("page.html"))


def script_json(data: object) -> str:
    """JSON that is safe inside a <script> element: no ``</script>``, no ``<!--``, whatever the data."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def safe_url(url: str | None) -> str | None:
    """Only web links become links: no ``javascript:``, ``data:`` or ``file:`` URL reaches the page."""
    if not url:
        return None
    url = url.strip()
    return url if _WEB_URL.match(url) and not any(c in url for c in "\n\r\t") else None


def month_span(date: str | None) -> tuple[int, int]:
    """First and last month (year * 12 + month - 1) of an ISO date, year-month or year; (-1, -1) if none."""
    match = re.match(r"^(\d{4})(?:-(\d{2}))?", date or "")
    if not match:
        return -1, -1
    year = int(match.group(1)) * 12
    if match.group(2) is None:
        return year, year + 11
    month = min(max(int(match.group(2)), 1), 12) - 1
    return year + month, year + month


class _Packer:
    def __init__(
        self, graph: nx.Graph, selection: Selection, title: str, claim_budget: int, seed: int
    ) -> None:
        self.graph = graph
        self.selection = selection
        self.title = title
        self.claim_budget = claim_budget
        self.seed = seed
        self.claim_registry: dict[str, ClaimInfo] = graph.graph.get("claims") or {}
        self.article_registry: dict[str, ArticleInfo] = graph.graph.get("articles") or {}
        # Seeded in legend order; the page lists only those in use.
        self.kinds: dict[str, int] = {kind: i for i, kind in enumerate(NODE_KINDS)}
        self.styles: dict[str, int] = {style: i for i, style in enumerate(LINK_STYLE)}
        self.claims: dict[str, int] = {}
        self.claim_rows: list[list[Any]] = []
        self.articles: dict[str, int] = {}
        self.article_rows: list[list[Any]] = []
        self.publishers: dict[str, int] = {}
        self.source_kinds: dict[str, int] = {}

    def pack(self) -> dict[str, Any]:
        nodes = self.selection.nodes
        index = {node: i for i, node in enumerate(nodes)}
        links = self.selection.links
        positions = layout(
            len(nodes), [(index[k.source], index[k.target], k.weight) for k in links], seed=self.seed
        )
        size = sizes(self.selection.rank)
        node_rows = [self._node(node, positions[i], size.get(node, 0.0)) for i, node in enumerate(nodes)]
        kept_claims = self._claims_to_keep(links)
        link_rows = [self._link(link, index, kept_claims) for link in links]
        months = [f for row in link_rows for f in row[6] if f[0] >= 0]
        omitted = self.selection.omitted
        return {
            "title": self.title,
            "view": str(self.graph.graph.get("view", "")),
            "directed": self.graph.is_directed(),
            "big": len(links) > BIG_PAGE_LINKS,
            "kinds": [[k, *self._kind_style(k)] for k in self.kinds],
            "styles": [[s, *LINK_STYLE.get(s, LINK_STYLE["plain"])] for s in self.styles],
            "nodes": node_rows,
            "links": link_rows,
            "claims": self.claim_rows,
            "articles": self.article_rows,
            "publishers": list(self.publishers),
            "sourceKinds": list(self.source_kinds),
            "months": [min(f[0] for f in months), max(f[1] for f in months)] if months else None,
            "focus": index.get(self.graph.graph.get("focus"), -1),
            "counts": {"claims_total": len(self.claim_registry), "claims_shown": len(self.claim_rows)},
            "omitted": {
                "nodes_total": omitted.nodes_total,
                "edges_total": omitted.edges_total,
                "nodes_shown": omitted.nodes_shown,
                "edges_shown": omitted.edges_shown,
                "kinds": omitted.kinds,
                "most_central": list(omitted.most_central),
            },
        }

    def _node(self, node: Any, position: Any, size: float) -> list[Any]:
        data = self.graph.nodes[node]
        kind = str(data.get("kind") or "resource")
        iri = data.get("iri")
        if iri is None:
            iri = str(node) if str(node).startswith(("http://", "https://", "urn:")) else ""
        note = data.get("wordings") or data.get("note") or ""
        return [
            str(data.get("label") or node),
            self.kinds.setdefault(kind, len(self.kinds)),
            round(float(position[0]), 1),
            round(float(position[1]), 1),
            round(size, 4),
            str(iri),
            str(note),
        ]

    def _kind_style(self, kind: str) -> tuple[str, str, str, bool]:
        if kind in KIND_STYLE:
            return KIND_STYLE[kind]
        unknown = [k for k in self.kinds if k not in KIND_STYLE]  # kinds of a user's own graph
        return kind, _EXTRA_COLOURS[unknown.index(kind) % len(_EXTRA_COLOURS)], "dot", False

    def _claims_to_keep(self, links: list[Link]) -> set[str]:
        """The claims whose details the page holds: the latest few of each link, heaviest links first."""
        kept: set[str] = set()
        for link in sorted(links, key=lambda k: -k.weight):
            known = [c for c in link.claims if c in self.claim_registry]
            for claim in sorted(known, key=self._recency)[:CLAIMS_PER_LINK]:
                if len(kept) >= self.claim_budget:
                    return kept
                kept.add(claim)
        return kept

    def _recency(self, claim: str) -> tuple[int, str]:
        article = self.article_registry.get(self.claim_registry[claim].article)
        date = article.date if article and article.date else ""
        return -month_span(date)[1], claim

    def _link(self, link: Link, index: dict[str, int], kept_claims: set[str]) -> list[Any]:
        facets: Counter[tuple[int, int, int, int]] = Counter()
        claim_ids = []
        for iri in link.claims:
            claim = self.claim_registry.get(iri)
            if claim is None:
                continue
            facets[self._facet(claim.article, claim.source_kind)] += 1
            if iri in kept_claims:
                claim_ids.append(self._claim(claim))
        article_ids: list[int] = []
        for iri in link.articles:
            facets[self._facet(iri, None)] += 1
            if len(article_ids) < CLAIMS_PER_LINK:
                article_ids.append(self._article(iri))
        return [
            index[link.source],
            index[link.target],
            self.styles.setdefault(link.style, len(self.styles)),
            link.weight,
            claim_ids,
            article_ids,
            [[*key, n] for key, n in facets.items()],
            " | ".join(link.labels),
        ]

    def _facet(self, article_iri: str, source_kind: str | None) -> tuple[int, int, int, int]:
        article = self.article_registry.get(article_iri)
        first, last = month_span(article.date if article else None)
        publisher = self._publisher(article) if article else -1
        kind = (
            -1 if source_kind is None else self.source_kinds.setdefault(source_kind, len(self.source_kinds))
        )
        return first, last, publisher, kind

    def _publisher(self, article: ArticleInfo) -> int:
        if not article.publisher:
            return -1
        name = article.publisher_name or str(self.graph.nodes.get(article.publisher, {}).get("label", ""))
        return self.publishers.setdefault(name or article.publisher, len(self.publishers))

    def _claim(self, claim: ClaimInfo) -> int:
        found = self.claims.get(claim.iri)
        if found is None:
            found = self.claims[claim.iri] = len(self.claim_rows)
            quote = claim.quote if len(claim.quote) <= QUOTE_CHARS else claim.quote[: QUOTE_CHARS - 1] + "…"
            self.claim_rows.append(
                [
                    claim.speaker_label or "",
                    claim.cue,
                    quote,
                    self._article(claim.article),
                    self.styles.setdefault(claim.style, len(self.styles)),
                ]
            )
        return found

    def _article(self, iri: str) -> int:
        found = self.articles.get(iri)
        if found is None:
            found = self.articles[iri] = len(self.article_rows)
            article = self.article_registry.get(iri) or ArticleInfo(iri)
            self.article_rows.append(
                [
                    article.title or "",
                    safe_url(article.url) or "",
                    article.date or "",
                    self._publisher(article),
                ]
            )
        return found


@cache
def _asset(name: str) -> str:
    return resources.files("kgbuild.views").joinpath(name).read_text(encoding="utf-8")


@cache
def _asset_vis(name: str) -> str:
    """vis-network as shipped inside pyvis (pyvis/lib/vis-9.1.2), so no CDN is ever needed."""
    import pyvis

    path = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2" / name
    text = path.read_text(encoding="utf-8")
    if re.search(r"</(script|style)", text, re.IGNORECASE):  # would end the inline element early
        raise RuntimeError(f"{path} cannot be inlined: it contains a closing tag")
    return text


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
