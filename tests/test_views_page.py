"""The HTML page, read as text: self-contained, escaped, within its budget (the browser tests run it)."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

from kgbuild.views import build_view, render_html
from kgbuild.views.page import month_span, page_data, safe_url, script_json

FIXTURE = Path(__file__).parent / "data" / "views" / "small.trig"
HOSTILE = ("<script>window.__pwned=1</script>", '<img src=x onerror="window.__pwned2=1">')


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


@pytest.fixture(scope="module")
def store() -> ox.Store:
    store = ox.Store()
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    return store


@pytest.fixture(scope="module")
def page(store: ox.Store) -> str:
    return render_html(build_view(store, "claims"), title="Claims <b>view</b>")


def test_views_page_loads_nothing_from_anywhere(page: str) -> None:
    parser = _Tags()
    parser.feed(page)
    tags = parser.tags
    assert not [t for t, attrs in tags if attrs.get("src") or (t == "link" and attrs.get("href"))]
    assert [t for t, _ in tags].count("script") == 3  # data, vis-network, page
    assert not re.search(r"https?://(cdn|unpkg|cdnjs|fonts)\.", page)


def test_views_page_lets_only_its_own_scripts_run(page: str) -> None:
    parser = _Tags()
    parser.feed(page)
    csp = next(
        a["content"]
        for t, a in parser.tags
        if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    )
    assert csp is not None
    assert "default-src 'none'" in csp
    assert "connect-src 'none'" in csp
    allowed = set(re.findall(r"'sha256-([^']+)'", csp))
    code = [s for (t, a), s in zip([x for x in parser.tags if x[0] == "script"], parser.scripts, strict=True)
            if a.get("type") != "application/json"]  # fmt: skip
    hashes = {base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in code}
    assert hashes == allowed


def test_views_page_keeps_article_text_out_of_the_markup(page: str) -> None:
    for text in HOSTILE:
        assert text not in page
    assert "Claims &lt;b&gt;view&lt;/b&gt;" in page
    parser = _Tags()
    parser.feed(page)
    assert [t for t, _ in parser.tags].count("img") == 0
    data = json.loads(parser.scripts[0])  # the data island parses back to the original text
    quotes = [claim[2] for claim in data["claims"]]
    assert any(HOSTILE[0] in q and HOSTILE[1] in q for q in quotes)


@pytest.mark.parametrize(
    "value",
    [
        "</script><script>alert(1)</script>",
        "<!-- <script>",
        "a & b > c",
        "\u2028 line separator",
        {"nested": ["</SCRIPT>", "]]>"]},
    ],
)
def test_views_script_json_cannot_end_its_element(value: object) -> None:
    text = script_json(value)
    assert "<" not in text
    assert ">" not in text
    assert json.loads(text) == value


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://example.org/a", "https://example.org/a"),
        (" HTTP://example.org ", "HTTP://example.org"),
        ("javascript:window.__pwned3=1", None),
        ("data:text/html,<script>", None),
        ("file:///etc/passwd", None),
        ("//example.org/a", None),
        ("https://exa\nmple.org", None),
        ("", None),
        (None, None),
    ],
)
def test_views_only_web_urls_become_links(url: str | None, kept: str | None) -> None:
    assert safe_url(url) == kept


@pytest.mark.parametrize(
    ("date", "span"),
    [
        ("2018-07-16", (2018 * 12 + 6, 2018 * 12 + 6)),
        ("2019-03", (2019 * 12 + 2, 2019 * 12 + 2)),
        ("2020", (2020 * 12, 2020 * 12 + 11)),
        ("2018-07-16Z", (2018 * 12 + 6, 2018 * 12 + 6)),
        (None, (-1, -1)),
        ("soon", (-1, -1)),
    ],
)
def test_views_month_span(date: str | None, span: tuple[int, int]) -> None:
    assert month_span(date) == span


def test_views_page_data_counts_claims_and_facets(store: ox.Store) -> None:
    data = page_data(build_view(store, "claims"), title="t")
    assert len(data["nodes"]) == 11
    assert data["counts"] == {"claims_total": 9, "claims_shown": 9}
    assert sorted(data["publishers"]) == ["Le Monde", "The Guardian"]
    assert data["months"] == [2018 * 12 + 6, 2020 * 12 + 11]
    styles = [s[0] for s in data["styles"]]
    deny = [link for link in data["links"] if styles[link[2]] == "deny"]
    assert len(deny) == 1
    [[first, last, publisher, kind, n]] = deny[0][6]
    assert (first, last, data["publishers"][publisher], data["sourceKinds"][kind], n) == (
        2018 * 12 + 6,
        2018 * 12 + 6,
        "Le Monde",
        "person",
        1,
    )


def star_forest(n_stars: int, leaves: int) -> nx.Graph:
    graph = nx.Graph()
    for s in range(n_stars):
        hub = f"hub{s}"
        graph.add_node(hub, label=f"Hub {s}", kind="person")
        for leaf in range(leaves):
            graph.add_node(f"{hub}-{leaf}", label=f"Leaf {s}.{leaf}", kind="place")
            graph.add_edge(hub, f"{hub}-{leaf}", weight=1)
    return graph


def test_views_page_keeps_the_most_central_nodes_and_says_what_it_left_out() -> None:
    graph = star_forest(30, 99)  # 3,000 nodes
    graph.graph["focus"] = "hub7-3"
    data = page_data(graph, title="big", node_budget=100)
    labels = {row[0] for row in data["nodes"]}
    assert len(labels) == 100
    assert {f"Hub {s}" for s in range(30)} <= labels  # hubs outrank their leaves
    assert "Leaf 7.3" in labels  # the focus is kept whatever its rank
    assert data["focus"] == [row[0] for row in data["nodes"]].index("Leaf 7.3")
    omitted = data["omitted"]
    assert (omitted["nodes_total"], omitted["nodes_shown"]) == (3000, 100)
    assert omitted["kinds"] == {"place": 2900}
    assert omitted["edges_total"] == 2970
    page = render_html(graph, title="big", node_budget=100)
    assert len(page) < 1_500_000


def test_views_page_of_an_empty_view_still_renders() -> None:
    page = render_html(nx.MultiDiGraph(), title="empty")
    assert '"nodes":[]' in page
