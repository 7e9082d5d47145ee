"""Read from the store what the views are drawn from: articles, names, claims, mentions.

One SELECT per kind of fact, joined here rather than in SPARQL: a single query with every OPTIONAL would
repeat each claim once per combination of its values, and the joins are dictionary look-ups in Python.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache
from urllib.parse import unquote

from kgbuild.graph.ids import identity_key
from kgbuild.graph.namespace import CUE, ENTITY, GRASPF, KG, PREFIXES
from kgbuild.query.kinds import KIND_VOTES, usual_kinds
from kgbuild.views.errors import ViewError
from kgbuild.views.model import SOURCE_KINDS, ArticleInfo, ClaimInfo
from kgbuild.views.sparql import Source, select

_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

# Oxigraph's union default graph keeps one copy of a triple per named graph that holds it, and entity,
# cue and publisher descriptions are repeated in every article graph: a join on two such patterns gives
# k x k rows for an entity named in k articles. So each query below joins only triples that live in one
# article graph (the article's, its claims', its mentions'), and descriptions are read one pattern at a
# time with DISTINCT (linear), then joined here.

Q_ARTICLES = """
SELECT ?a ?title ?url ?date ?pub WHERE {
  ?a a schema:NewsArticle .
  OPTIONAL { ?a schema:headline ?title }
  OPTIONAL { ?a schema:url ?url }
  OPTIONAL { ?a schema:datePublished ?date }
  OPTIONAL { ?a schema:publisher ?pub }
}"""

Q_NAMES = "SELECT DISTINCT ?e ?name WHERE { ?e schema:name ?name }"
Q_AGENTS = """
SELECT DISTINCT ?s ?type WHERE { ?s a ?type VALUES ?type { prov:Agent kg:AnonymousSource kg:Document } }"""
Q_AGENT_LABELS = "SELECT DISTINCT ?s ?label WHERE { ?s a prov:Agent ; rdfs:label ?label }"

Q_CLAIMS = """
SELECT ?c ?a ?speaker ?cue ?text ?sk ?qt ?pol ?cert WHERE {
  ?c a schema:Claim ; schema:appearance ?a .
  OPTIONAL { ?c prov:wasAttributedTo ?speaker }
  OPTIONAL { ?c kg:cue ?cue }
  OPTIONAL { ?c schema:text ?text }
  OPTIONAL { ?c kg:sourceKind ?sk }
  OPTIONAL { ?c kg:quoteType ?qt }
  OPTIONAL { ?c kg:polarity ?pol }
  OPTIONAL { ?c kg:certainty ?cert }
}"""
Q_CONCEPT_LABELS = "SELECT DISTINCT ?x ?label WHERE { ?x skos:prefLabel ?label }"
Q_CUE_ACTS = "SELECT DISTINCT ?cue ?act WHERE { ?cue skos:broader ?act }"
Q_HEDGES = "SELECT DISTINCT ?c ?h WHERE { ?c kg:hedge ?h }"

# Mention IRIs are <ARTICLE-IRI#char=b,e> (graph-shape.md), so which entity is named where, and what a
# claim's content covers, are read from single patterns; joining on nif offsets in SPARQL took 3x longer.
Q_DENOTED = "SELECT DISTINCT ?e ?m WHERE { ?e gaf:denotedBy ?m }"
Q_CONTENT_SPANS = "SELECT DISTINCT ?c ?m WHERE { ?c kg:contentSpan ?m }"
_MENTION = re.compile(r"^(?P<article>.+)#char=(?P<begin>\d+),(?P<end>\d+)$")

Q_DERIVATIONS = """
SELECT DISTINCT ?outer ?inner WHERE { ?outer prov:wasDerivedFrom ?inner ; a schema:Claim . ?inner a schema:Claim }"""

ENTITY_NODE_KINDS = frozenset({"person", "organisation", "place", "group", "publisher"})


@dataclass
class Corpus:
    """The facts a view is projected from, restricted to the selected articles."""

    articles: dict[str, ArticleInfo] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)  # node IRI -> name
    kinds: dict[str, str] = field(default_factory=dict)  # node IRI -> node kind
    claims: dict[str, ClaimInfo] = field(default_factory=dict)
    targets: dict[str, list[str]] = field(default_factory=dict)  # claim -> entities in its content
    derivations: list[tuple[str, str]] = field(default_factory=list)  # (outer claim, inner claim)
    mentions: dict[str, list[str]] = field(default_factory=dict)  # article -> entities it mentions

    @property
    def publishers(self) -> set[str]:
        return {a.publisher for a in self.articles.values() if a.publisher}

    def label(self, iri: str) -> str:
        return self.labels.get(iri) or label_from_iri(iri)


def load(
    source: Source,
    *,
    claims: bool = False,
    targets: bool = False,
    derivations: bool = False,
    mentions: bool = False,
    date_from: str | None = None,
    date_to: str | None = None,
    publisher: str | None = None,
) -> Corpus:
    corpus = Corpus()
    names: dict[str, str] = {}
    for iri, name in select(source, Q_NAMES):
        if iri is not None:
            _keep_longest_name(names, iri, name)
    corpus.articles = _articles(source, names)
    corpus.articles = select_articles(
        corpus.articles, date_from=date_from, date_to=date_to, publisher=publisher
    )
    _entities(source, corpus, names)
    named = _named_in(source, corpus) if targets or mentions else {}
    if claims:
        _agents(source, corpus, names)
        _claims(source, corpus)
        if targets:
            _targets(source, corpus, named)
    if derivations:
        corpus.derivations = [
            (outer, inner)
            for outer, inner in select(source, Q_DERIVATIONS)
            if outer in corpus.claims and inner in corpus.claims
        ]
    if mentions:
        corpus.mentions = {article: [e for _, _, e in spans] for article, spans in named.items()}
    return corpus


def _named_in(source: Source, corpus: Corpus) -> dict[str, list[tuple[int, int, str]]]:
    """Article -> (begin, end, entity) of every entity mention in it, for the selected articles."""
    named: dict[str, list[tuple[int, int, str]]] = {}
    for entity, mention in select(source, Q_DENOTED):
        if entity is None or mention is None or corpus.kinds.get(entity) not in ENTITY_NODE_KINDS:
            continue
        found = _MENTION.match(mention)
        if found and found["article"] in corpus.articles:
            named.setdefault(found["article"], []).append((int(found["begin"]), int(found["end"]), entity))
    return named


def _targets(source: Source, corpus: Corpus, named: dict[str, list[tuple[int, int, str]]]) -> None:
    """Claim -> entities named inside its content span."""
    for claim, mention in select(source, Q_CONTENT_SPANS):
        found = _MENTION.match(mention or "")
        if claim not in corpus.claims or not found:
            continue
        begin, end = int(found["begin"]), int(found["end"])
        inside = [e for b, f, e in named.get(found["article"], ()) if b >= begin and f <= end]
        if inside:
            corpus.targets[claim] = list(dict.fromkeys(inside))


def select_articles(
    articles: dict[str, ArticleInfo],
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    publisher: str | None = None,
) -> dict[str, ArticleInfo]:
    """The articles a view is drawn from: published by ``publisher``, dated within the range.

    A date covers a period (``2018`` is the whole year): an article is kept when its period overlaps the
    range. Undated articles are left out as soon as a date bound is given.
    """
    lower = _bound(date_from, "--from", start=True)
    upper = _bound(date_to, "--to", start=False)
    if lower and upper and lower > upper:
        raise ViewError(f"the date range is empty: --from {date_from} is after --to {date_to}")
    kept = articles
    if publisher is not None:
        wanted = _publisher_matcher(publisher)
        kept = {iri: a for iri, a in kept.items() if wanted(a)}
        if not kept:
            known = sorted(
                {a.publisher_name or label_from_iri(a.publisher) for a in articles.values() if a.publisher}
            )
            listed = ", ".join(known[:20]) + (", ..." if len(known) > 20 else "")
            raise ViewError(
                f"no article from publisher {publisher!r}; publishers in the store: {listed or 'none'}"
            )
    if lower or upper:
        kept = {iri: a for iri, a in kept.items() if _within(a.date, lower, upper)}
    return kept


def label_from_iri(iri: str) -> str:
    """A readable stand-in for a node without a name: the last segment of its IRI, decoded."""
    if iri.startswith(str(ENTITY)):
        return unquote(iri.rsplit("/", 1)[-1]).replace("-", " ")
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{unquote(iri[len(namespace) :])}"
    tail = iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    return unquote(tail) or iri


def _articles(source: Source, names: dict[str, str]) -> dict[str, ArticleInfo]:
    articles: dict[str, ArticleInfo] = {}
    for iri, title, url, date, pub in select(source, Q_ARTICLES):
        if iri is None or iri in articles:
            continue
        articles[iri] = ArticleInfo(iri, title, url, date, pub, names.get(pub) if pub else None)
    return articles


def _entities(source: Source, corpus: Corpus, names: dict[str, str]) -> None:
    for iri, kind in usual_kinds(select(source, KIND_VOTES)).items():
        corpus.kinds[iri] = kind
        if iri in names:
            corpus.labels[iri] = names[iri]
    for iri in corpus.publishers:
        corpus.kinds[iri] = "publisher"
        if iri in names:
            corpus.labels[iri] = names[iri]


def _keep_longest_name(labels: dict[str, str], iri: str, name: str | None) -> None:
    # An entity is described again in every article graph, with the canonical name found there:
    # "Emmanuel Macron" says more than "Macron".
    if name and len(name) > len(labels.get(iri, "")):
        labels[iri] = name


def _agents(source: Source, corpus: Corpus, names: dict[str, str]) -> None:
    types: dict[str, set[str]] = defaultdict(set)
    for iri, rdf_type in select(source, Q_AGENTS):
        if iri is not None and rdf_type is not None and iri not in corpus.kinds:
            types[iri].add(rdf_type)
    for iri, found in types.items():
        corpus.kinds[iri] = (
            "anonymous"
            if str(KG.AnonymousSource) in found
            else "document"
            if str(KG.Document) in found
            else "source"
        )
        if iri in names:
            corpus.labels[iri] = names[iri]
    for iri, label in select(source, Q_AGENT_LABELS):
        if iri in types and iri not in names:
            _keep_longest_name(corpus.labels, iri, label)


def _claims(source: Source, corpus: Corpus) -> None:
    labels: dict[str, str] = {}
    for concept, label in select(source, Q_CONCEPT_LABELS):
        if concept is not None and label:
            labels.setdefault(concept, label)
    acts: dict[str, str] = {}
    for cue, act in select(source, Q_CUE_ACTS):
        if cue is not None and act is not None and act.startswith(str(CUE)):
            acts.setdefault(cue, act[len(str(CUE)) :])
    hedges: dict[str, list[str]] = defaultdict(list)
    for claim, hedge in select(source, Q_HEDGES):
        if claim is not None and hedge is not None:
            hedges[claim].append(labels.get(hedge) or label_from_iri(hedge))
    others: dict[str, set[str]] = defaultdict(set)
    for c, a, speaker, cue, text, sk, qt, pol, cert in select(source, Q_CLAIMS):
        if c is None or a is None or a not in corpus.articles:
            continue
        if c in corpus.claims:  # a row per speaker: "Donald Trump and Hillary Clinton said" has two
            if speaker is not None:
                others[c].add(speaker)
            continue
        kind = _local(sk)
        if speaker is not None and corpus.kinds.get(speaker) == "source" and kind == "DocumentSource":
            corpus.kinds[speaker] = "document"
        corpus.claims[c] = ClaimInfo(
            iri=c,
            article=a,
            speaker=speaker,
            speaker_label=corpus.label(speaker) if speaker else None,
            cue=(labels.get(cue) or unquote(cue.rsplit("/", 1)[-1])) if cue else "",
            act=acts.get(cue) if cue else None,
            quote=text or "",
            source_kind=SOURCE_KINDS.get(kind or ""),
            quote_type=_local(qt),
            negative=pol == str(GRASPF.NEGATIVE),
            certainty=_local(cert),
            hedges=tuple(dict.fromkeys(hedges.get(c, ()))),
        )
    for c, speakers in others.items():
        info = corpus.claims[c]
        # in a fixed order, whatever order the store gives the rows in
        first, *rest = sorted((speakers | {info.speaker}) if info.speaker else speakers)
        corpus.claims[c] = replace(info, speaker=first, speaker_label=corpus.label(first), others=tuple(rest))


@cache  # a handful of distinct values, seen once per claim
def _local(iri: str | None) -> str | None:
    if iri is None:
        return None
    for namespace in (str(KG._NS), str(GRASPF._NS)):
        if iri.startswith(namespace):
            return iri[len(namespace) :]
    return label_from_iri(iri)


def _bound(value: str | None, option: str, *, start: bool) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if not _ISO_DATE.match(value):
        raise ViewError(f"{option} {value!r} is not a date: use YYYY-MM-DD, YYYY-MM or YYYY")
    return _period(value)[0 if start else 1]


def _period(date: str) -> tuple[str, str]:
    """First and last day of the period a date names, as YYYY-MM-DD strings that compare in order."""
    if len(date) == 4:
        return f"{date}-01-01", f"{date}-12-31"
    if len(date) == 7:
        return f"{date}-01", f"{date}-31"
    return date[:10], date[:10]


def _within(date: str | None, lower: str | None, upper: str | None) -> bool:
    day = (date or "")[:10]
    if not _ISO_DATE.match(day):
        return False
    first, last = _period(day)
    return (lower is None or last >= lower) and (upper is None or first <= upper)


def _publisher_matcher(publisher: str) -> Callable[[ArticleInfo], bool]:
    """A publisher given by IRI, CURIE, identity key or name (case, accents and punctuation ignored)."""
    iri, key = expand_curie(publisher.strip()), identity_key(publisher)

    def matches(article: ArticleInfo) -> bool:
        if not article.publisher:
            return False
        if article.publisher == iri or unquote(article.publisher.rsplit("/", 1)[-1]) == key:
            return True
        return article.publisher_name is not None and identity_key(article.publisher_name) == key

    return matches


def expand_curie(text: str) -> str:
    """``ent:person/x`` -> the full IRI; anything else unchanged."""
    prefix, sep, rest = text.partition(":")
    if sep and prefix in PREFIXES and not rest.startswith("//"):
        return PREFIXES[prefix] + rest
    return text
