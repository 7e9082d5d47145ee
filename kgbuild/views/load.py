"""Read from the store what the views are drawn from: articles, names, claims, mentions.

One SELECT per kind of fact, joined here rather than in SPARQL: a single query with every OPTIONAL would
repeat each claim once per combination of its values, and the joins are dictionary look-ups in Python.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import unquote

from kgbuild.graph.ids import identity_key
from kgbuild.graph.namespace import CUE, ENTITY, GRASPF, KG, PREFIXES
from kgbuild.views.errors import ViewError
from kgbuild.views.model import SOURCE_KINDS, ArticleInfo, ClaimInfo
from kgbuild.views.sparql import Source, select

_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

Q_ARTICLES = """
SELECT ?a ?title ?url ?date ?pub ?pubName WHERE {
  ?a a schema:NewsArticle .
  OPTIONAL { ?a schema:headline ?title }
  OPTIONAL { ?a schema:url ?url }
  OPTIONAL { ?a schema:datePublished ?date }
  OPTIONAL { ?a schema:publisher ?pub OPTIONAL { ?pub schema:name ?pubName } }
}"""

Q_ENTITIES = """
SELECT ?e ?kind ?name WHERE { ?e kg:entityKind ?kind OPTIONAL { ?e schema:name ?name } }"""

Q_AGENTS = """
SELECT ?s ?label ?name ?anon ?doc WHERE {
  ?s a prov:Agent .
  OPTIONAL { ?s rdfs:label ?label }
  OPTIONAL { ?s schema:name ?name }
  OPTIONAL { ?s a kg:AnonymousSource BIND(true AS ?anon) }
  OPTIONAL { ?s a kg:Document BIND(true AS ?doc) }
}"""

Q_CLAIMS = """
SELECT ?c ?a ?speaker ?cue ?cueLabel ?act ?text ?sk ?qt ?pol ?cert WHERE {
  ?c a schema:Claim ; schema:appearance ?a .
  OPTIONAL { ?c prov:wasAttributedTo ?speaker }
  OPTIONAL { ?c kg:cue ?cue OPTIONAL { ?cue skos:prefLabel ?cueLabel } OPTIONAL { ?cue skos:broader ?act } }
  OPTIONAL { ?c schema:text ?text }
  OPTIONAL { ?c kg:sourceKind ?sk }
  OPTIONAL { ?c kg:quoteType ?qt }
  OPTIONAL { ?c kg:polarity ?pol }
  OPTIONAL { ?c kg:certainty ?cert }
}"""

Q_HEDGES = """
SELECT ?c ?h ?label WHERE { ?c kg:hedge ?h OPTIONAL { ?h skos:prefLabel ?label } }"""

# Entities mentioned inside the content span of a claim, in the same article.
Q_TARGETS = """
SELECT DISTINCT ?c ?e WHERE {
  ?c kg:contentSpan ?cs ; schema:appearance ?a .
  ?cs nif:beginIndex ?cb ; nif:endIndex ?ce .
  ?m nif:referenceContext ?a ; nif:beginIndex ?mb ; nif:endIndex ?me .
  ?e gaf:denotedBy ?m ; kg:entityKind ?kind .
  FILTER(?mb >= ?cb && ?me <= ?ce)
}"""

Q_DERIVATIONS = """
SELECT DISTINCT ?outer ?inner WHERE { ?outer prov:wasDerivedFrom ?inner ; a schema:Claim . ?inner a schema:Claim }"""

Q_MENTIONS = """
SELECT DISTINCT ?a ?e WHERE { ?e gaf:denotedBy ?m ; kg:entityKind ?kind . ?m nif:referenceContext ?a }"""


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
    derivations: bool = False,
    mentions: bool = False,
    date_from: str | None = None,
    date_to: str | None = None,
    publisher: str | None = None,
) -> Corpus:
    corpus = Corpus()
    corpus.articles = _articles(source)
    corpus.articles = select_articles(
        corpus.articles, date_from=date_from, date_to=date_to, publisher=publisher
    )
    _entities(source, corpus)
    if claims:
        _agents(source, corpus)
        _claims(source, corpus)
        for claim, entity in select(source, Q_TARGETS):
            if claim in corpus.claims and entity:
                corpus.targets.setdefault(claim, []).append(entity)
    if derivations:
        corpus.derivations = [
            (outer, inner)
            for outer, inner in select(source, Q_DERIVATIONS)
            if outer in corpus.claims and inner in corpus.claims
        ]
    if mentions:
        for article, entity in select(source, Q_MENTIONS):
            if article in corpus.articles and entity:
                corpus.mentions.setdefault(article, []).append(entity)
    return corpus


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


def _articles(source: Source) -> dict[str, ArticleInfo]:
    articles: dict[str, ArticleInfo] = {}
    for iri, title, url, date, pub, pub_name in select(source, Q_ARTICLES):
        if iri is None or iri in articles:
            continue
        articles[iri] = ArticleInfo(iri, title, url, date, pub, pub_name)
    return articles


def _entities(source: Source, corpus: Corpus) -> None:
    for iri, kind, name in select(source, Q_ENTITIES):
        if iri is None:
            continue
        corpus.kinds[iri] = kind or "resource"
        _keep_longest_name(corpus.labels, iri, name)
    for iri in corpus.publishers:
        corpus.kinds[iri] = "publisher"
        if iri not in corpus.labels:
            for article in corpus.articles.values():
                if article.publisher == iri and article.publisher_name:
                    corpus.labels[iri] = article.publisher_name
                    break


def _keep_longest_name(labels: dict[str, str], iri: str, name: str | None) -> None:
    # An entity is described again in every article graph, with the canonical name found there:
    # "Emmanuel Macron" says more than "Macron".
    if name and len(name) > len(labels.get(iri, "")):
        labels[iri] = name


def _agents(source: Source, corpus: Corpus) -> None:
    for iri, label, name, anonymous, document in select(source, Q_AGENTS):
        if iri is None or corpus.kinds.get(iri, "source") != "source":
            continue
        corpus.kinds[iri] = "anonymous" if anonymous else "document" if document else "source"
        _keep_longest_name(corpus.labels, iri, name or label)


def _claims(source: Source, corpus: Corpus) -> None:
    hedges: dict[str, list[str]] = defaultdict(list)
    for claim, hedge, label in select(source, Q_HEDGES):
        if claim and hedge:
            hedges[claim].append(label or label_from_iri(hedge))
    for c, a, speaker, cue, cue_label, act, text, sk, qt, pol, cert in select(source, Q_CLAIMS):
        if c is None or a is None or c in corpus.claims or a not in corpus.articles:
            continue
        kind = _local(sk)
        if speaker is not None and corpus.kinds.get(speaker) == "source" and kind == "DocumentSource":
            corpus.kinds[speaker] = "document"
        corpus.claims[c] = ClaimInfo(
            iri=c,
            article=a,
            speaker=speaker,
            speaker_label=corpus.label(speaker) if speaker else None,
            cue=cue_label or (unquote(cue.rsplit("/", 1)[-1]) if cue else ""),
            act=act[len(str(CUE)) :] if act and act.startswith(str(CUE)) else None,
            quote=text or "",
            source_kind=SOURCE_KINDS.get(kind or ""),
            quote_type=_local(qt),
            negative=pol == str(GRASPF.NEGATIVE),
            certainty=_local(cert),
            hedges=tuple(dict.fromkeys(hedges.get(c, ()))),
        )


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
