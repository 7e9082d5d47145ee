"""The page in headless Chromium: drawn, offline, searchable, filterable, and deaf to article markup.

Needs Debian's chromium (scripts/install-chromium.sh) and Playwright for Python (``pip install playwright``;
its own browser download is not used: Chromium is launched from /usr/bin/chromium).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox
import pytest

from kgbuild.views import build_view, render_html
from kgbuild.views.budget import merge_links

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing: run scripts/install-chromium.sh (as root)", allow_module_level=True)
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is not installed: pip install playwright"
)

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
FIXTURE = Path(__file__).parent / "data" / "views" / "small.trig"
READY = "window.kgReadyAt !== undefined"


@dataclass
class Opened:
    page: Any
    url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def js(self, expression: str, arg: object = None) -> Any:
        return self.page.evaluate(expression, arg)


@pytest.fixture(scope="module")
def context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    profile = tmp_path_factory.mktemp("chromium-profile")  # a fresh --user-data-dir
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile),
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1280, "height": 800},
        )
        # Anything but the page itself is refused (and recorded by the page's request listener first).
        context.route(lambda url: not url.startswith("file:"), lambda route: route.abort())
        yield context
        context.close()


@pytest.fixture(scope="module")
def store() -> ox.Store:
    store = ox.Store()
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    return store


@pytest.fixture
def open_page(context: Any, tmp_path: Path) -> Iterator[Any]:
    pages = []

    def open_(html: str, name: str = "view.html") -> Opened:
        path = tmp_path / name
        path.write_text(html, encoding="utf-8")
        page = context.new_page()
        pages.append(page)
        opened = Opened(page, path.as_uri())
        page.on("request", lambda request: opened.requests.append(request.url))
        page.on("console", lambda m: opened.errors.append(m.text) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda error: opened.errors.append(str(error)))
        page.goto(opened.url)
        page.wait_for_function(READY, timeout=20_000)
        return opened

    yield open_
    for page in pages:
        page.close()


def node_index(opened: Opened, label: str) -> int:
    index = opened.js("label => window.kg.data.nodes.findIndex(n => n[0] === label)", label)
    assert index >= 0, label
    return int(index)


def node_screen_point(opened: Opened, index: int) -> tuple[float, float]:
    point = opened.js(
        """i => {
            const net = window.kg.network, dom = net.canvasToDOM(net.getPosition(i));
            const box = document.getElementById('kg-network').getBoundingClientRect();
            return [box.left + dom.x, box.top + dom.y];
        }""",
        index,
    )
    return float(point[0]), float(point[1])


@pytest.mark.parametrize("view", ["claims", "reporting", "comention"])
def test_views_browser_draws_every_node_without_any_request(
    open_page: Any, store: ox.Store, view: str
) -> None:
    graph = build_view(store, view)
    opened = open_page(render_html(graph, title=view))
    assert opened.js("document.querySelectorAll('#kg-network canvas').length") == 1
    assert opened.js("window.kg.network.body.data.nodes.length") == graph.number_of_nodes()
    assert opened.js("window.kg.network.body.data.edges.length") == len(merge_links(graph))
    # Something was painted: the canvas is not blank.
    painted = opened.js(
        """() => { const c = document.querySelector('#kg-network canvas');
                   const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                   let n = 0; for (let i = 3; i < px.length; i += 4) if (px[i] > 0) n++; return n; }"""
    )
    assert painted > 500
    assert opened.requests == [opened.url]
    assert opened.errors == []


def test_views_browser_search_focuses_the_node(open_page: Any, store: ox.Store) -> None:
    opened = open_page(render_html(build_view(store, "claims"), title="claims"))
    merkel = node_index(opened, "Angela Merkel")
    opened.page.fill("#kg-search", "merkel")
    opened.page.press("#kg-search", "Enter")
    assert opened.js("window.kg.network.getSelectedNodes()") == [merkel]
    view = opened.js("window.kg.network.getViewPosition()")
    position = opened.js("i => window.kg.network.getPosition(i)", merkel)
    assert abs(view["x"] - position["x"]) < 1
    assert abs(view["y"] - position["y"]) < 1
    assert opened.page.inner_text("#kg-details h2") == "Angela Merkel"
    links = opened.js(
        "Array.from(document.querySelectorAll('#kg-details a')).map(a => [a.href, a.rel, a.target])"
    )
    assert ["https://example.org/guardian/a2", "noopener noreferrer", "_blank"] in links
    opened.page.fill("#kg-search", "nobody at all")
    opened.page.press("#kg-search", "Enter")
    assert "No node matches" in opened.page.inner_text("#kg-search-status")


def test_views_browser_article_markup_never_runs(open_page: Any, store: ox.Store) -> None:
    opened = open_page(render_html(build_view(store, "claims"), title="claims"))
    dupont = node_index(opened, 'Jean Dupont <img src=x onerror="window.__pwned2=1">')
    x, y = node_screen_point(opened, dupont)
    opened.page.mouse.click(x, y)  # a real click: the details panel lists the hostile quote
    details = opened.page.inner_text("#kg-details")
    assert "<script>window.__pwned=1</script>" in details
    assert '<img src=x onerror="window.__pwned2=1">' in details
    opened.page.mouse.move(x + 1, y + 1)  # hover: vis-network's tooltip shows the hostile name
    opened.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5_000)
    assert "<img src=x" in opened.page.inner_text("div.vis-tooltip")
    opened.page.wait_for_timeout(200)
    assert (
        opened.js("[typeof window.__pwned, typeof window.__pwned2, typeof window.__pwned3]")
        == ["undefined"] * 3
    )
    assert opened.js("document.querySelectorAll('img').length") == 0
    assert opened.js("document.querySelectorAll('script').length") == 3  # data, vis-network, page
    # innerText turns line breaks into <br>; nothing else may appear in a tooltip.
    assert set(opened.js("Array.from(document.querySelectorAll('.vis-tooltip *')).map(e => e.tagName)")) <= {
        "BR"
    }
    # The article's javascript: URL is not made a link; its title is shown as text.
    assert opened.js("document.querySelectorAll('#kg-details a').length") == 0
    assert "Hack <script>window.__pwned=1</script>" in details
    assert opened.requests == [opened.url]
    assert opened.errors == []


def test_views_browser_filters_by_kind_and_date(open_page: Any, store: ox.Store) -> None:
    graph = build_view(store, "claims")
    opened = open_page(render_html(graph, title="claims"))
    hidden = "() => window.kg.nodes.get({filter: n => n.hidden}).map(n => window.kg.data.nodes[n.id][0])"
    opened.page.get_by_label("place").uncheck()
    places = {d["label"] for _, d in graph.nodes(data=True) if d["kind"] == "place"}
    assert set(opened.js(hidden)) == places
    opened.page.click("#kg-reset")
    assert opened.js(hidden) == []
    opened.page.fill("#kg-date-from", "2019-01")
    opened.page.fill("#kg-date-to", "2019-12")
    in_2019 = {(u, v, d["style"]) for u, v, d in graph.edges(data=True) if d["date"].startswith("2019")}
    shown = opened.js("() => window.kg.edges.get({filter: e => !e.hidden}).length")
    assert shown == len(in_2019)
    assert "(filtered)" in opened.page.inner_text("#kg-summary")


def test_views_browser_publisher_filter(open_page: Any, store: ox.Store) -> None:
    graph = build_view(store, "claims")
    opened = open_page(render_html(graph, title="claims"))
    opened.page.select_option("#kg-publishers", label="The Guardian (4)")
    shown = opened.js("() => window.kg.edges.get({filter: e => !e.hidden}).length")
    guardian = {(u, v, d["style"]) for u, v, d in graph.edges(data=True) if d["publisher"] == "The Guardian"}
    assert shown == len(guardian)


def test_views_browser_large_page_says_what_it_left_out(open_page: Any) -> None:
    graph = nx.Graph()
    for s in range(40):
        graph.add_node(f"hub{s}", label=f"Hub {s}", kind="organisation")
        for leaf in range(74):
            graph.add_node(f"hub{s}-{leaf}", label=f"Leaf {s}.{leaf}", kind="person")
            graph.add_edge(f"hub{s}", f"hub{s}-{leaf}", style="comention", weight=1)
    opened = open_page(render_html(graph, title="big", node_budget=600))
    assert opened.js("window.kg.network.body.data.nodes.length") == 600
    assert opened.js("window.kgReadyAt") < 10_000
    left_out = opened.page.inner_text("#kg-omitted")
    assert "Showing 600 of 3,000 nodes" in left_out
    assert "person: 2,400" in left_out
    assert opened.errors == []
