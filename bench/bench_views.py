"""Benchmark of the network views: how long a page takes to make, to draw and to settle, and how it pans.

For each corpus size (synthetic articles in the shape of notes/graph-shape.md, or an existing store) and
each view, it measures: building the view from an Oxigraph store, rendering the page, the page's size,
the time until the network is drawn and still in headless Chromium, and frames per second while the
canvas is dragged (a requestAnimationFrame counter during a scripted pan). The baseline, measured in the
same run on the same nodes and links, is what pyvis gives by default: ``Network(cdn_resources="in_line")``,
``from_nx``, physics on, waited for until still (capped).

    .venv/bin/python bench/bench_views.py                       # synthetic 100, 1,000, 10,000 articles
    .venv/bin/python bench/bench_views.py --synthetic 300 --views claims,comention --no-baseline
    .venv/bin/python bench/bench_views.py --store kg            # an existing store (read only)
    .venv/bin/python bench/bench_views.py --write-quads out.nq --articles 1000   # just the synthetic data

The synthetic generator needs no spaCy. Later the bench will also read ../shared/data/corpus through the
real pipeline; that needs the pipeline and stays out of here for now.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import networkx as nx
import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kgbuild.views import build_view, render_html  # noqa: E402
from kgbuild.views.budget import DEFAULT_NODE_BUDGET, merge_links, select  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PAN_SECONDS = 2.0

# ---------------------------------------------------------------------------------------------------
# Synthetic corpus: graph-shape.md-conformant quads, with invented names and texts.

BASE = "https://w3id.org/kgbuild/"
NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "kg": BASE + "ontology#",
    "gaf": "http://groundedannotationframework.org/gaf#",
    "graspf": "http://groundedannotationframework.org/grasp/factuality#",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "foaf": "http://xmlns.com/foaf/0.1/",
}
PUBLISHERS = ["Le Quotidien", "La Gazette", "Le Courrier", "Daily Ledger", "The Herald", "Nord Matin",
              "Sud Soir", "L'Hebdo", "Radio Centre", "Le Fil", "Morning Wire", "Eco Presse"]  # fmt: skip
FIRST = ["Marie", "Jean", "Luc", "Anne", "Paul", "Sophie", "Karim", "Lea", "Hugo", "Nadia", "Omar", "Ines",
         "Tom", "Julie", "Samir", "Claire", "Yann", "Elsa", "Noah", "Lina"]  # fmt: skip
LAST = ["Martin", "Bernard", "Roux", "Garnier", "Faure", "Blanc", "Guerin", "Muller", "Henry", "Perrin",
        "Morel", "Mercier", "Dupuis", "Lambert", "Bonnet", "Fontaine", "Chevalier", "Robin", "Masson", "Picard"]  # fmt: skip
ORG_WORDS = [
    "Union",
    "Agence",
    "Conseil",
    "Institut",
    "Banque",
    "Parti",
    "Office",
    "Groupe",
    "Comite",
    "Ligue",
]
PLACES = ["Arvel", "Belmont", "Corvin", "Dalmor", "Esteron", "Falun", "Gardane", "Hollis", "Istra", "Jorvik"]
CUES = [("affirmer", "Assert"), ("declarer", "Assert"), ("dementir", "Deny"), ("accuser", "Accuse"),
        ("estimer", "Believe"), ("promettre", "Promise"), ("exiger", "Demand")]  # fmt: skip
ANONYMOUS = ["des sources proches du dossier", "un diplomate", "un responsable sous couvert d'anonymat"]


def _iri(kind: str, *parts: str) -> str:
    return f"<{BASE}id/{kind}/" + "/".join(quote(p, safe="") for p in parts) + ">"


def _term(prefix: str, local: str) -> str:
    return f"<{NS[prefix]}{local}>"


def _lit(text: str, lang: str | None = None, datatype: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    if lang:
        return f'"{escaped}"@{lang}'
    if datatype:
        return f'"{escaped}"^^{_term("xsd", datatype)}'
    return f'"{escaped}"'


def _key(name: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in name.lower()).split())


@dataclass
class _Text:
    parts: list[str] = field(default_factory=list)
    length: int = 0

    def add(self, text: str) -> tuple[int, int, str]:
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return start, self.length, text


class Synthetic:
    """Invented articles with entities, claims, anonymous sources, relays, denials and hedges."""

    def __init__(self, n_articles: int, seed: int = 0) -> None:
        self.n = n_articles
        self.rng = random.Random(seed)
        r = self.rng
        self.persons = [f"{r.choice(FIRST)} {r.choice(LAST)} {i}" for i in range(300 + n_articles // 2)]
        self.orgs = [f"{r.choice(ORG_WORDS)} {r.choice(PLACES)} {i}" for i in range(80 + n_articles // 10)]
        self.places = [f"{p} {i}" if i else p for i in range(3 + n_articles // 200) for p in PLACES]

    def _zipf(self, pool: list[str]) -> str:
        # A few names in many articles, a long tail of names in one or two, as in the news.
        return pool[int(len(pool) * self.rng.random() ** 2.5)]

    def quads(self) -> Iterator[str]:
        run = f"<{BASE}id/run/synthetic>"
        for i in range(self.n):
            yield from self._article(i, run)

    def _article(self, i: int, run: str) -> Iterator[str]:
        r = self.rng
        aid = f"s{i:06d}"
        g = _iri("graph", aid)
        art = _iri("article", aid)
        lang = "fr" if r.random() < 0.8 else "en"
        publisher = PUBLISHERS[min(int(r.paretovariate(1.0)) - 1, len(PUBLISHERS) - 1)]
        pub = _iri("entity", "organisation", _key(publisher))
        date = f"{r.randint(2011, 2020)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
        out: list[tuple[str, str, str]] = []

        def t(s: str, p: str, o: str) -> None:
            out.append((s, p, o))

        def entity(kind: str, name: str) -> str:
            node = f"<{BASE}id/entity/{kind}/{quote(_key(name), safe='')}>"
            cls = {"person": _term("schema", "Person"), "organisation": _term("schema", "Organization"),
                   "place": _term("schema", "Place")}[kind]  # fmt: skip
            t(node, _term("rdf", "type"), cls)
            t(node, _term("schema", "name"), _lit(name))
            t(node, _term("kg", "identityKey"), _lit(_key(name)))
            t(node, _term("kg", "entityKind"), _lit(kind))
            return node

        def mention(span: tuple[int, int, str]) -> str:
            b, e, text = span
            m = f"<{BASE}id/article/{aid}#char={b},{e}>"
            t(m, _term("rdf", "type"), _term("kg", "Mention"))
            t(m, _term("nif", "referenceContext"), art)
            t(m, _term("nif", "beginIndex"), _lit(str(b), datatype="integer"))
            t(m, _term("nif", "endIndex"), _lit(str(e), datatype="integer"))
            t(m, _term("nif", "anchorOf"), _lit(text))
            return m

        text = _Text()
        topics = [("person", self._zipf(self.persons)) for _ in range(r.randint(1, 3))]
        topics += [("organisation", self._zipf(self.orgs)) for _ in range(r.randint(0, 2))]
        topics += [("place", self._zipf(self.places)) for _ in range(r.randint(0, 2))]
        anonymous_nodes: dict[str, str] = {}
        n_claims = r.randint(1, 5)
        claim_no = 0
        for _ in range(n_claims):
            roll = r.random()
            speaker: str | None
            if roll < 0.55:
                kind, source_kind = "person", "PersonSource"
                name = self._zipf(self.persons)
            elif roll < 0.75:
                kind, source_kind = "organisation", "OrganisationSource"
                name = self._zipf(self.orgs)
            elif roll < 0.9:
                kind, source_kind, name = "anonymous", "AnonymousSourceKind", r.choice(ANONYMOUS)
            elif roll < 0.95:
                kind, source_kind, name = "document", "DocumentSource", f"un rapport {r.randint(1, 99)}"
            else:
                kind, source_kind, name = "none", "UnnamedSource", ""
            relay = kind == "anonymous" and r.random() < 0.5
            outer_no = None
            if relay:
                outer_no, claim_no = claim_no, claim_no + 2
                text.add("Selon ")
                relayer_span = text.add(self._zipf(self.orgs))
                text.add(", ")
            else:
                claim_no += 1
            n = claim_no - 1
            source_span = text.add(name) if name else None
            text.add(" ")
            lemma, act = r.choice(CUES)
            cue_span = text.add(lemma)
            text.add(" que ")
            content_start = text.length
            about = r.sample(topics, k=min(len(topics), r.randint(0, 2)))
            for j, (topic_kind, topic) in enumerate(about):
                if j:
                    text.add(" et ")
                node = entity(topic_kind, topic)
                t(node, _term("gaf", "denotedBy"), mention(text.add(topic)))
            text.add(" " + r.choice(["a raison", "se trompe", "va ceder", "prepare un accord", "a menti"]))
            content = (content_start, text.length, "".join(text.parts)[content_start:])
            text.add(". ")
            claim = _iri("claim", aid, str(n))
            t(claim, _term("rdf", "type"), _term("schema", "Claim"))
            t(claim, _term("rdf", "type"), _term("prov", "Entity"))
            speaker = None
            if kind in ("person", "organisation"):
                speaker = entity(kind, name)
            elif kind == "anonymous":
                speaker = anonymous_nodes.get(name)
                if speaker is None:
                    speaker = _iri("source", aid, f"anon-{len(anonymous_nodes) + 1}")
                    anonymous_nodes[name] = speaker
                    t(speaker, _term("rdf", "type"), _term("kg", "AnonymousSource"))
                    t(speaker, _term("rdf", "type"), _term("prov", "Agent"))
                    t(speaker, _term("rdfs", "label"), _lit(name, lang))
            elif kind == "document":
                speaker = _iri("source", aid, str(n))
                t(speaker, _term("rdf", "type"), _term("prov", "Agent"))
                t(speaker, _term("rdf", "type"), _term("kg", "Document"))
                t(speaker, _term("rdfs", "label"), _lit(name, lang))
            if speaker is None:
                t(claim, _term("kg", "agentless"), _lit("true", datatype="boolean"))
            else:
                t(claim, _term("schema", "author"), speaker)
                t(claim, _term("prov", "wasAttributedTo"), speaker)
                assert source_span is not None
                t(speaker, _term("gaf", "denotedBy"), mention(source_span))
                t(claim, _term("kg", "sourceSpan"), mention(source_span))
            cue = f"<{BASE}cue/{lang}/{lemma}>"
            t(cue, _term("rdf", "type"), _term("skos", "Concept"))
            t(cue, _term("skos", "prefLabel"), _lit(lemma, lang))
            t(cue, _term("skos", "broader"), f"<{BASE}cue/{act}>")
            t(claim, _term("kg", "cue"), cue)
            t(claim, _term("kg", "quoteType"), _term("kg", "Indirect" if speaker else "NoSource"))
            t(claim, _term("kg", "sourceKind"), _term("kg", source_kind))
            t(claim, _term("schema", "text"), _lit(content[2], lang))
            hedged = r.random() < 0.1
            t(claim, _term("kg", "certainty"), _term("graspf", "POSSIBLE" if hedged else "CERTAIN"))
            negative = act == "Deny" or r.random() < 0.03
            t(claim, _term("kg", "polarity"), _term("graspf", "NEGATIVE" if negative else "POSITIVE"))
            if hedged:
                hedge = f"<{BASE}hedge/{lang}/pourrait>"
                t(hedge, _term("rdf", "type"), _term("skos", "Concept"))
                t(hedge, _term("skos", "prefLabel"), _lit("pourrait", lang))
                t(claim, _term("kg", "hedge"), hedge)
            t(claim, _term("schema", "appearance"), art)
            t(claim, _term("kg", "confidence"), _lit("0.8", datatype="decimal"))
            t(claim, _term("kg", "cueSpan"), mention(cue_span))
            t(claim, _term("kg", "contentSpan"), mention(content))
            if relay and outer_no is not None:
                outer = _iri("claim", aid, str(outer_no))
                relayer = entity("organisation", relayer_span[2])
                t(relayer, _term("gaf", "denotedBy"), mention(relayer_span))
                t(outer, _term("rdf", "type"), _term("schema", "Claim"))
                t(outer, _term("rdf", "type"), _term("prov", "Entity"))
                t(outer, _term("schema", "author"), relayer)
                t(outer, _term("prov", "wasAttributedTo"), relayer)
                selon = f"<{BASE}cue/{lang}/selon>"
                t(selon, _term("rdf", "type"), _term("skos", "Concept"))
                t(selon, _term("skos", "prefLabel"), _lit("selon", lang))
                t(selon, _term("skos", "broader"), f"<{BASE}cue/Report>")
                t(outer, _term("kg", "cue"), selon)
                t(outer, _term("kg", "quoteType"), _term("kg", "Indirect"))
                t(outer, _term("kg", "sourceKind"), _term("kg", "OrganisationSource"))
                t(outer, _term("schema", "text"), _lit(content[2], lang))
                t(outer, _term("kg", "certainty"), _term("graspf", "CERTAIN"))
                t(outer, _term("kg", "polarity"), _term("graspf", "POSITIVE"))
                t(outer, _term("schema", "appearance"), art)
                t(outer, _term("kg", "sourceSpan"), mention(relayer_span))
                t(outer, _term("kg", "contentSpan"), mention(content))
                t(outer, _term("prov", "wasDerivedFrom"), claim)
        body = "".join(text.parts)
        t(g, _term("rdf", "type"), _term("prov", "Entity"))
        t(g, _term("prov", "wasDerivedFrom"), art)
        t(g, _term("prov", "wasGeneratedBy"), run)
        t(g, _term("kg", "fingerprint"), _lit(f"{i:064x}"))
        t(run, _term("rdf", "type"), _term("kg", "ExtractionRun"))
        t(run, _term("rdf", "type"), _term("prov", "Activity"))
        t(run, _term("kg", "softwareVersion"), _lit("kgbuild 0.1.0"))
        t(art, _term("rdf", "type"), _term("schema", "NewsArticle"))
        t(art, _term("rdf", "type"), _term("nif", "Context"))
        t(art, _term("schema", "identifier"), _lit(aid))
        t(art, _term("schema", "headline"), _lit(f"Article {i} de {publisher}", lang))
        t(art, _term("schema", "datePublished"), _lit(date, datatype="date"))
        t(art, _term("schema", "inLanguage"), _lit(lang))
        t(art, _term("schema", "url"), f"<https://example.org/{_key(publisher)}/{aid}>")
        t(art, _term("schema", "publisher"), pub)
        t(art, _term("nif", "isString"), _lit(body))
        entity("organisation", publisher)
        for s, p, o in dict.fromkeys(out):
            yield f"{s} {p} {o} {g} .\n"


def synthetic_store(n_articles: int, seed: int = 0) -> ox.Store:
    store = ox.Store()
    data = "".join(Synthetic(n_articles, seed).quads()).encode("utf-8")
    store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
    return store


# ---------------------------------------------------------------------------------------------------
# Measurements


@dataclass
class Row:
    corpus: str
    view: str
    nodes: int = 0
    edges: int = 0
    shown_nodes: int = 0
    shown_links: int = 0
    build_s: float = 0.0
    render_s: float = 0.0
    size_kb: float = 0.0
    drawn_s: float | None = None
    fps: float | None = None
    fps_edges: float | None = None  # with edges drawn while panning (our pages hide them on big graphs)
    base_render_s: float | None = None
    base_size_kb: float | None = None
    base_still_s: float | None = None
    base_capped: bool = False
    base_fps: float | None = None
    base_requests: int | None = None
    requests: int | None = None
    errors: list[str] = field(default_factory=list)


def baseline_html(graph: nx.Graph, node_budget: int) -> str:
    """pyvis defaults (physics on, from_nx) on the same nodes and links as our page."""
    from pyvis.network import Network

    selection = select(graph, merge_links(graph), node_budget=node_budget)
    simple = nx.DiGraph() if graph.is_directed() else nx.Graph()
    for node in selection.nodes:
        simple.add_node(
            node, label=str(graph.nodes[node].get("label", node)), title=str(graph.nodes[node].get("kind"))
        )
    for link in selection.links:
        simple.add_edge(link.source, link.target, value=link.weight)
    net = Network(cdn_resources="in_line", directed=graph.is_directed())
    net.from_nx(simple)
    return net.generate_html()


class Browser:
    def __init__(self) -> None:
        from playwright.sync_api import sync_playwright

        self._pw = sync_playwright().start()
        self.browser = self._pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)

    def close(self) -> None:
        self.browser.close()
        self._pw.stop()

    def measure(self, page_file: Path, *, baseline: bool, timeout_s: float) -> dict[str, object]:
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        context = self.browser.new_context(viewport={"width": 1400, "height": 900})
        page = context.new_page()
        requests: list[str] = []
        errors: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        # Nothing may leave the machine; the baseline's CDN requests are counted, then refused.
        context.route(lambda url: not url.startswith("file:"), lambda route: route.abort())
        if baseline:
            page.add_init_script(
                "setInterval(function () {"
                "  if (window.__stillAt === undefined && typeof network !== 'undefined' && network"
                "      && network.physics && network.physics.stabilized) window.__stillAt = performance.now();"
                "}, 20);"
            )
        capped = False
        result: dict[str, object] = {}
        try:
            try:
                page.goto(page_file.as_uri(), wait_until="load", timeout=timeout_s * 1000)
            except PlaywrightTimeout:  # a baseline page so heavy that it does not even finish loading
                if not baseline:
                    raise
                result["still_s"], result["fps"], capped = float(timeout_s), 0.0, True
                return result
            probe = "window.__stillAt !== undefined" if baseline else "window.kgReadyAt !== undefined"
            try:
                page.wait_for_function(probe, timeout=timeout_s * 1000, polling=50)
                still = page.evaluate("window.__stillAt" if baseline else "window.kgReadyAt")
            except PlaywrightTimeout:  # the baseline did not settle in time
                capped, still = True, timeout_s * 1000
            result["still_s"] = float(still) / 1000
            result["fps"] = self._pan_fps(page)
            if not baseline:
                page.evaluate(
                    "window.kg.network.setOptions({interaction: {hideEdgesOnDrag: false, hideEdgesOnZoom: false}})"
                )
                result["fps_edges"] = self._pan_fps(page)
        finally:
            result["capped"] = capped
            result["requests"] = len([u for u in requests if not u.startswith("file:")])
            result["errors"] = errors
            context.close()
        return result

    @staticmethod
    def _pan_fps(page: object) -> float:
        page.evaluate(  # type: ignore[attr-defined]
            # One counter per pan: a counter left from an earlier pan stops at its next frame.
            "window.__frames = 0; window.__pan = (window.__pan || 0) + 1; window.__panStart = performance.now();"
            "(function (pan) { (function tick() { if (window.__pan !== pan) return;"
            " window.__frames++; requestAnimationFrame(tick); })(); })(window.__pan);"
        )
        mouse = page.mouse  # type: ignore[attr-defined]
        x, y = 700, 450
        mouse.move(x, y)
        mouse.down()
        start = time.perf_counter()
        step = 0
        while time.perf_counter() - start < PAN_SECONDS:
            step += 1
            dx = 200 * ((step % 40) / 20 - 1)
            mouse.move(x + dx, y + dx / 2)
            time.sleep(0.01)
        mouse.up()
        return float(
            page.evaluate(  # type: ignore[attr-defined]
                "window.__pan++; window.__frames * 1000 / (performance.now() - window.__panStart)"
            )
        )


def run(args: argparse.Namespace) -> list[Row]:
    corpora: list[tuple[str, ox.Store]] = []
    if args.store:
        corpora.append((f"store {args.store}", ox.Store.read_only(str(args.store))))
    for n in args.synthetic:
        t = time.perf_counter()
        store = synthetic_store(n, seed=n)
        print(
            f"# synthetic {n:,} articles: {len(store):,} quads in {time.perf_counter() - t:.1f} s", flush=True
        )
        corpora.append((f"{n:,} articles", store))
    browser = Browser() if args.browser and CHROMIUM.exists() else None
    if args.browser and browser is None:
        print(f"# {CHROMIUM} is missing: run scripts/install-chromium.sh; browser columns left empty")
    out_dir = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="kgbuild-bench-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = []
    try:
        for name, store in corpora:
            for view in args.views:
                row = Row(name, view)
                t = time.perf_counter()
                graph = build_view(store, view)
                row.build_s = time.perf_counter() - t
                row.nodes, row.edges = graph.number_of_nodes(), graph.number_of_edges()
                t = time.perf_counter()
                page = render_html(graph, title=f"{view} - {name}", node_budget=args.node_budget)
                row.render_s = time.perf_counter() - t
                selection = select(graph, merge_links(graph), node_budget=args.node_budget)
                row.shown_nodes, row.shown_links = len(selection.nodes), len(selection.links)
                ours = out_dir / f"{view}-{name.split()[0].replace(',', '')}.html"
                ours.write_text(page, encoding="utf-8")
                row.size_kb = ours.stat().st_size / 1024
                if browser:
                    found = browser.measure(ours, baseline=False, timeout_s=args.baseline_timeout)
                    row.drawn_s, row.fps = found["still_s"], found["fps"]  # type: ignore[assignment]
                    row.fps_edges = found["fps_edges"]  # type: ignore[assignment]
                    row.requests = found["requests"]  # type: ignore[assignment]
                    row.errors += found["errors"]  # type: ignore[arg-type]
                if args.baseline:
                    t = time.perf_counter()
                    base = baseline_html(graph, args.node_budget)
                    row.base_render_s = time.perf_counter() - t
                    base_file = ours.with_name("pyvis-" + ours.name)
                    base_file.write_text(base, encoding="utf-8")
                    row.base_size_kb = base_file.stat().st_size / 1024
                    if browser:
                        found = browser.measure(base_file, baseline=True, timeout_s=args.baseline_timeout)
                        row.base_still_s, row.base_fps = found["still_s"], found["fps"]  # type: ignore[assignment]
                        row.base_capped = bool(found["capped"])
                        row.base_requests = found["requests"]  # type: ignore[assignment]
                print(_line(row), flush=True)
                rows.append(row)
    finally:
        if browser:
            browser.close()
    print(f"# pages in {out_dir}")
    return rows


def _fmt(value: float | None, digits: int = 2, suffix: str = "") -> str:
    return "-" if value is None else f"{value:.{digits}f}{suffix}"


HEADER = (
    "| corpus | view | graph nodes/edges | shown nodes/links | build s | render s | page KB | drawn+still s "
    "| pan fps | fps, edges kept | requests | pyvis gen s | pyvis KB | pyvis still s | pyvis fps | pyvis requests "
    "| still ratio | fps ratio |"
)


def _line(row: Row) -> str:
    base_still = _fmt(row.base_still_s) + (" (cap)" if row.base_capped else "")
    still_ratio = (
        f"{row.base_still_s / row.drawn_s:.0f}x{'+' if row.base_capped else ''}"
        if row.base_still_s and row.drawn_s
        else "-"
    )
    fps_ratio = f"{row.fps / row.base_fps:.1f}x" if row.fps and row.base_fps else "-"
    return (
        f"| {row.corpus} | {row.view} | {row.nodes:,}/{row.edges:,} | {row.shown_nodes:,}/{row.shown_links:,} "
        f"| {row.build_s:.2f} | {row.render_s:.2f} | {row.size_kb:,.0f} | {_fmt(row.drawn_s)} | {_fmt(row.fps, 0)} | {_fmt(row.fps_edges, 0)} "
        f"| {'-' if row.requests is None else row.requests} | {_fmt(row.base_render_s)} "
        f"| {_fmt(row.base_size_kb, 0)} | {base_still} | {_fmt(row.base_fps, 0)} "
        f"| {'-' if row.base_requests is None else row.base_requests} | {still_ratio} | {fps_ratio} |"
        + (f" errors: {row.errors[:3]}" if row.errors else "")
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--synthetic", default="100,1000,10000", help="article counts, comma-separated ('' for none)"
    )
    parser.add_argument("--store", type=Path, help="an existing Oxigraph store folder, opened read-only")
    parser.add_argument("--views", default="claims,reporting,comention")
    parser.add_argument("--node-budget", type=int, default=DEFAULT_NODE_BUDGET)
    parser.add_argument(
        "--baseline-timeout", type=float, default=60.0, help="seconds to wait for pyvis to settle"
    )
    parser.add_argument("--no-baseline", dest="baseline", action="store_false")
    parser.add_argument("--no-browser", dest="browser", action="store_false")
    parser.add_argument("--keep", help="folder for the generated pages (default: a temporary folder)")
    parser.add_argument("--write-quads", type=Path, help="only write synthetic N-Quads to this file")
    parser.add_argument("--articles", type=int, default=1000, help="article count for --write-quads")
    args = parser.parse_args(argv)
    if args.write_quads:
        with args.write_quads.open("w", encoding="utf-8") as out:
            out.writelines(Synthetic(args.articles, seed=args.articles).quads())
        print(f"wrote {args.articles:,} synthetic articles to {args.write_quads}")
        return 0
    args.synthetic = [int(n.replace("_", "")) for n in args.synthetic.split(",") if n.strip()]
    args.views = [v.strip() for v in args.views.split(",") if v.strip()]
    print(HEADER)
    print("|" + "---|" * (HEADER.count("|") - 1))
    run(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
