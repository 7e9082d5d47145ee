"""The mapping of a hand-built extraction equals the hand-checked graph in tests/golden/gazette.trig.

The article is invented. It has a direct quote, a "selon" chain that relays anonymous sources, a denial by a
speaker resolved through coreference ("La ministre"), an agentless accusation and a second mention of the same
anonymous sources, so every construction of notes/graph-shape.md appears once.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from rdflib import BNode, Dataset, Graph, Literal
from rdflib.compare import graph_diff, to_isomorphic

from kgbuild.graph.ids import graph_iri
from kgbuild.graph.mapping import RunInfo, article_fingerprint, extraction_graph, extraction_quads
from kgbuild.graph.namespace import KG
from kgbuild.records import Article, Attribution, EntityMention, Extraction, Span

# rdflib 7.6 warns about its own deprecated internals when a Dataset parses TriG.
pytestmark = pytest.mark.filterwarnings(
    r"ignore:(Dataset\.\w+|ConjunctiveGraph) is deprecated:DeprecationWarning"
)

GOLDEN = Path(__file__).resolve().parent / "golden" / "gazette.trig"

TEXT = (
    "«\u00a0Nous irons jusqu'au bout\u00a0», a déclaré Hélène Marchetti mardi à Rennes.\n"
    "Selon le Courrier du Nord, qui cite des sources proches du dossier, le ministère aurait déjà renoncé "
    "au projet de terminal.\n"
    "La ministre a démenti avoir reçu la moindre pression de Bruxelles.\n"
    "Le préfet est accusé d'avoir dissimulé le rapport d'expertise.\n"
    "Des sources proches du dossier évoquent un désaccord profond."
)

RUN = RunInfo(
    software_version="kgbuild 0.1.0",
    pipeline="fr_core_news_md 3.8.0",
    extractors=("entities.v1", "attributions.v1"),
    started=datetime(2024, 3, 12, 9, 30, tzinfo=UTC),
)


def span(needle: str, occurrence: int = 0, text: str = TEXT) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return Span(start, start + len(needle), needle)


def gazette_extraction(text: str = TEXT) -> Extraction:
    article = Article(
        id="gazette-0312",
        text=text,
        origin="gazette.jsonl:1",
        lang="fr",
        date="2024-03-12",
        title="Hélène Marchetti maintient le cap",
        url="https://gazette-ouest.example/2024/03/12/marchetti-cap",
        publisher="La Gazette de l'Ouest",
    )
    entities = (
        EntityMention(span("Hélène Marchetti"), "person", "Hélène Marchetti", "helene-marchetti"),
        EntityMention(span("Rennes"), "place", "Rennes", "rennes"),
        EntityMention(span("Courrier du Nord"), "organisation", "Courrier du Nord", "courrier-du-nord"),
        EntityMention(span("Bruxelles"), "place", "Bruxelles", "bruxelles"),
    )
    relayed = span("le ministère aurait déjà renoncé au projet de terminal")
    attributions = (
        Attribution(
            cue=span("a déclaré"),
            content=span("Nous irons jusqu'au bout"),
            source=span("Hélène Marchetti"),
            type="direct",
            source_kind="person",
            cue_lemma="déclarer",
            cue_act="assert",
            resolved="Hélène Marchetti",
            source_key="helene-marchetti",
            confidence=0.9,
            extractor="attributions.v1",
        ),
        Attribution(  # outer link of the chain: the newspaper relays what the sources said
            cue=span("Selon"),
            content=relayed,
            source=span("Courrier du Nord"),
            type="indirect",
            source_kind="organisation",
            cue_lemma="selon",
            cue_act="report",
            resolved="Courrier du Nord",
            source_key="courrier-du-nord",
            hedges=("aurait",),
            certainty="possible",
            confidence=0.8,
            extractor="attributions.v1",
        ),
        Attribution(  # inner link: relayed by attribution 1
            cue=span("cite"),
            content=relayed,
            source=span("des sources proches du dossier"),
            type="indirect",
            source_kind="anonymous",
            cue_lemma="citer",
            cue_act="report",
            relayed_by=1,
            confidence=0.7,
            extractor="attributions.v1",
        ),
        Attribution(
            cue=span("a démenti"),
            content=span("avoir reçu la moindre pression de Bruxelles"),
            source=span("La ministre"),
            type="indirect",
            source_kind="person",
            cue_lemma="démentir",
            cue_act="deny",
            resolved="Hélène Marchetti",
            source_key="helene-marchetti",
            negated=True,
            confidence=0.85,
            extractor="attributions.v1",
        ),
        Attribution(  # nobody is said to accuse: agentless
            cue=span("est accusé"),
            content=span("d'avoir dissimulé le rapport d'expertise"),
            source=None,
            type="nosource",
            source_kind="none",
            cue_lemma="accuser",
            cue_act="accuse",
            confidence=0.6,
            extractor="attributions.v1",
        ),
        Attribution(  # same wording as attribution 2 up to case: the same anonymous source node
            cue=span("évoquent"),
            content=span("un désaccord profond"),
            source=span("Des sources proches du dossier"),
            type="indirect",
            source_kind="anonymous",
            cue_lemma="évoquer",
            cue_act="assert",
            certainty="probable",
            confidence=0.75,
            extractor="attributions.v1",
        ),
    )
    return Extraction(article, "fr", entities, attributions, ("entities.v1", "attributions.v1"))


def _without_fingerprint(dataset: Dataset) -> Graph:
    # The fingerprint is a hash of the whole input, checked in test_graph_mapping; the golden file leaves it out.
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        if p != KG.fingerprint:
            graph.add((s, p, o))
    return graph


def _describe(graph: Graph) -> str:
    return "\n".join(sorted(f"  {s.n3()} {p.n3()} {o.n3()}" for s, p, o in graph))


def test_graph_golden_article_matches_fixture() -> None:
    expected_dataset = Dataset()
    expected_dataset.parse(GOLDEN, format="trig")
    expected = _without_fingerprint(expected_dataset)
    actual = _without_fingerprint(extraction_graph(gazette_extraction(), RUN))
    iso_expected, iso_actual = to_isomorphic(expected), to_isomorphic(actual)
    if iso_expected != iso_actual:
        _, only_expected, only_actual = graph_diff(iso_expected, iso_actual)
        raise AssertionError(
            f"mapped graph differs from {GOLDEN.name}\n"
            f"only in the golden file:\n{_describe(only_expected)}\n"
            f"only in the mapped graph:\n{_describe(only_actual)}"
        )


def test_graph_golden_everything_in_the_article_graph() -> None:
    expected = Dataset()
    expected.parse(GOLDEN, format="trig")
    graphs = {quad[3] for quad in expected.quads((None, None, None, None))}
    mapped = extraction_graph(gazette_extraction(), RUN)
    assert graphs == {quad[3] for quad in mapped.quads((None, None, None, None))}
    assert len(graphs) == 1


def test_graph_golden_mapping_is_deterministic() -> None:
    first = extraction_quads(gazette_extraction(), RUN)
    second = extraction_quads(gazette_extraction(), RUN)  # equal records, distinct objects
    assert first == second
    assert len(set(first)) == len(first)
    assert not [term for quad in first for term in quad if isinstance(term, BNode)]


def test_graph_golden_reimport_compares_equal_as_sets_and_graphs() -> None:
    again = extraction_graph(gazette_extraction(), RUN)
    first = extraction_graph(gazette_extraction(), RUN)
    assert set(first.quads((None, None, None, None))) == set(again.quads((None, None, None, None)))
    assert to_isomorphic(_without_fingerprint(first)) == to_isomorphic(_without_fingerprint(again))


def test_graph_golden_fingerprint_is_stated_on_the_graph() -> None:
    extraction = gazette_extraction()
    quads = extraction_quads(extraction, RUN)
    stated = [(s, o) for s, p, o, _ in quads if p == KG.fingerprint]
    assert stated == [
        (graph_iri(extraction.article.id), Literal(article_fingerprint(extraction.article, RUN)))
    ]
