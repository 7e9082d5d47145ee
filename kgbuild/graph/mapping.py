"""Records to RDF: the only place where an :class:`Extraction` becomes triples.

The output follows the project's graph-shape contract, shown whole in
``tests/golden/gazette.trig``: one named graph per article, claims as nodes
with flat properties, reporting chains as ``prov:wasDerivedFrom`` between
claims, mentions as NIF spans. It is deterministic (no blank nodes, no clock,
no set iteration): the same extraction and run give the same quads, in the
same order.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from urllib.parse import quote, urlsplit

from rdflib import RDF, RDFS, SKOS, XSD, Dataset, Literal, Namespace, URIRef
from rdflib.term import Node

from kgbuild.graph.ids import (
    anonymous_source_iri,
    article_iri,
    claim_iri,
    cue_act_iri,
    cue_iri,
    entity_iri,
    graph_iri,
    hedge_iri,
    identity_key,
    mention_iri,
    publisher_iri,
    source_iri,
)
from kgbuild.graph.namespace import GAF, GRASPF, KG, NIF, PREFIXES, RUN
from kgbuild.records import Article, Attribution, EntityMention, Extraction, Span

SCHEMA = Namespace(PREFIXES["schema"])
PROV = Namespace(PREFIXES["prov"])
FOAF = Namespace(PREFIXES["foaf"])

Quad = tuple[Node, Node, Node, URIRef]
Triple = tuple[Node, Node, Node]

ENTITY_CLASS: dict[str, URIRef] = {
    "person": SCHEMA.Person,
    "organisation": SCHEMA.Organization,
    "place": SCHEMA.Place,
    "group": FOAF.Group,
}
QUOTE_TYPE: dict[str, URIRef] = {
    "direct": KG.Direct,
    "indirect": KG.Indirect,
    "mixed": KG.Mixed,
    "nosource": KG.NoSource,
}
SOURCE_KIND: dict[str, URIRef] = {
    "person": KG.PersonSource,
    "organisation": KG.OrganisationSource,
    "anonymous": KG.AnonymousSourceKind,
    "document": KG.DocumentSource,
    "none": KG.UnnamedSource,
}
CERTAINTY: dict[str, URIRef] = {
    "certain": GRASPF.CERTAIN,
    "probable": GRASPF.PROBABLE,
    "possible": GRASPF.POSSIBLE,
    "underspecified": GRASPF.UNDERSPECIFIED,
}
# Act categories of the cue lexicon; each is a top concept in ontology/cues.ttl.
CUE_ACTS: tuple[str, ...] = ("assert", "deny", "accuse", "report", "believe", "demand", "promise")

ANONYMOUS_KEY_PREFIX = "anon:"

# Raised whenever the same extraction maps to other triples, so that stores made before re-extract every article
# once (2: entity IRIs without the kind).
MAPPING_VERSION = 2

_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
_DATE_DATATYPES: tuple[tuple[re.Pattern[str], URIRef], ...] = (
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), XSD.date),
    (re.compile(r"^\d{4}-\d{2}$"), XSD.gYearMonth),
    (re.compile(r"^\d{4}$"), XSD.gYear),
)
# Characters that may not appear in an IRI (RFC 3987); everything else is kept as written.
_IRI_SAFE = "".join(chr(c) for c in range(0x21, 0x7F) if chr(c) not in '<>"{}|\\^`')


class MappingError(ValueError):
    """An extraction that cannot be expressed in the graph; the message names the article and the field."""


@dataclass(frozen=True)
class RunInfo:
    """The software that produced an article graph; one run node per configuration."""

    software_version: str
    pipeline: str
    extractors: tuple[str, ...]
    started: datetime

    @property
    def iri(self) -> URIRef:
        # The start time is left out: re-running the same configuration is the same run description.
        payload = json.dumps(
            [self.software_version, self.pipeline, list(self.extractors)], ensure_ascii=False
        )
        return RUN[hashlib.sha1(payload.encode("utf-8")).hexdigest()]


def article_fingerprint(extraction_input: Article, run: RunInfo) -> str:
    """Changes when the article or the extraction settings change, so unchanged articles can be skipped.

    ``origin`` is left out: moving a file or reordering a JSONL file does not change what is extracted.
    """
    article = extraction_input
    payload = {
        "article": {
            "id": article.id,
            "text": article.text,
            "lang": article.lang,
            "date": article.date,
            "title": article.title,
            "url": article.url,
            "publisher": article.publisher,
            "metadata": [list(pair) for pair in article.metadata],
        },
        "software_version": run.software_version,
        "mapping_version": MAPPING_VERSION,
        "pipeline": run.pipeline,
        "extractors": list(run.extractors),
    }
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def extraction_quads(extraction: Extraction, run: RunInfo, *, fingerprint: str | None = None) -> list[Quad]:
    """Every quad describing one article, all in ``graph_iri(article.id)``, without duplicates.

    ``fingerprint`` replaces the one computed from ``run``: an importer that decides whether to
    re-extract before the article's language is known states the fingerprint it compared.
    """
    graph = graph_iri(extraction.article.id)
    mapper = _ArticleMapper(extraction, run, fingerprint)
    return [(s, p, o, graph) for s, p, o in mapper.triples()]


def extraction_graph(extraction: Extraction, run: RunInfo) -> Dataset:
    """The article graph as a dataset, with the project prefixes bound (tests, export)."""
    dataset = Dataset()
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace, override=True)
    graph = dataset.graph(graph_iri(extraction.article.id))
    for s, p, o, _ in extraction_quads(extraction, run):
        graph.add((s, p, o))
    return dataset


class _ArticleMapper:
    def __init__(self, extraction: Extraction, run: RunInfo, fingerprint: str | None = None) -> None:
        self.extraction = extraction
        self.article = extraction.article
        self.run = run
        self.fingerprint = fingerprint or article_fingerprint(self.article, run)
        self.lang = _language(extraction)
        self.art = article_iri(self.article.id)
        # Insertion-ordered set: deterministic order, each triple once.
        self._triples: dict[Triple, None] = {}
        self._described: set[URIRef] = set()
        self._labelled: set[URIRef] = set()
        self._kinds = _article_kinds(extraction)

    def triples(self) -> list[Triple]:
        self._provenance()
        self._article()
        for mention in self.extraction.entities:
            self._entity(mention)
        speakers = self._speakers()
        for n, attribution in enumerate(self.extraction.attributions):
            self._claim(n, attribution, speakers[n])
        return list(self._triples)

    def _add(self, s: Node, p: Node, o: Node) -> None:
        self._triples.setdefault((s, p, o), None)

    def _fail(self, message: str) -> MappingError:
        return MappingError(f"article {self.article.id!r}: {message}")

    def _text(self, text: str) -> Literal:
        return Literal(text, lang=self.lang)

    # -- graph, run, article -------------------------------------------------------------------

    def _provenance(self) -> None:
        graph, run = graph_iri(self.article.id), self.run.iri
        self._add(graph, RDF.type, PROV.Entity)
        self._add(graph, PROV.wasDerivedFrom, self.art)
        self._add(graph, PROV.wasGeneratedBy, run)
        self._add(graph, KG.fingerprint, Literal(self.fingerprint))
        self._add(run, RDF.type, KG.ExtractionRun)
        self._add(run, RDF.type, PROV.Activity)
        self._add(run, KG.softwareVersion, Literal(self.run.software_version))
        self._add(run, KG.pipeline, Literal(self.run.pipeline))
        for name in self.run.extractors:
            self._add(run, KG.extractor, Literal(name))
        self._add(run, PROV.startedAtTime, Literal(self.run.started.isoformat(), datatype=XSD.dateTime))

    def _article(self) -> None:
        article, art = self.article, self.art
        self._add(art, RDF.type, SCHEMA.NewsArticle)
        self._add(art, RDF.type, NIF.Context)
        self._add(art, SCHEMA.identifier, Literal(article.id))
        if article.title:
            self._add(art, SCHEMA.headline, self._text(article.title))
        if article.date:
            self._add(art, SCHEMA.datePublished, self._date(article.date))
        self._add(art, SCHEMA.inLanguage, Literal(self.lang))
        if article.url:
            self._add(art, SCHEMA.url, _url(article.url))
        if article.publisher and identity_key(article.publisher):
            publisher = publisher_iri(article.publisher)
            self._add(art, SCHEMA.publisher, publisher)
            self._describe_entity(
                publisher, "organisation", identity_key(article.publisher), article.publisher
            )
        # Plain string, exactly as read: the SHACL anchor check compares SUBSTR of it with nif:anchorOf.
        self._add(art, NIF.isString, Literal(article.text))

    def _date(self, value: str) -> Literal:
        for pattern, datatype in _DATE_DATATYPES:
            if pattern.match(value):
                if datatype == XSD.date:
                    try:
                        date.fromisoformat(value)
                    except ValueError:
                        break
                elif datatype == XSD.gYearMonth and not 1 <= int(value[5:]) <= 12:
                    break
                return Literal(value, datatype=datatype)
        raise self._fail(f"date {value!r} is not YYYY-MM-DD, YYYY-MM or YYYY")

    # -- mentions and entities -----------------------------------------------------------------

    def _mention(self, span: Span) -> URIRef:
        mention = mention_iri(self.article.id, span.start, span.end)
        self._add(mention, RDF.type, KG.Mention)
        self._add(mention, NIF.referenceContext, self.art)
        self._add(mention, NIF.beginIndex, Literal(span.start))
        self._add(mention, NIF.endIndex, Literal(span.end))
        # The extractor's text, not a slice of the article: SHACL then catches offsets that drifted.
        self._add(mention, NIF.anchorOf, Literal(span.text))
        return mention

    def _entity_iri(self, key: str) -> URIRef:
        try:
            return entity_iri(key)
        except ValueError as err:
            raise self._fail(str(err)) from err

    def _checked_kind(self, kind: str) -> str:
        if kind not in ENTITY_CLASS:
            expected = ", ".join(sorted(ENTITY_CLASS))
            raise self._fail(f"unknown entity kind {kind!r}; expected one of {expected}")
        return kind

    def _describe_entity(self, node: URIRef, kind: str, key: str, name: str | None) -> None:
        kind = self._checked_kind(self._kinds.get(key, kind))
        self._add(node, RDF.type, ENTITY_CLASS[kind])
        if name:
            self._add(node, SCHEMA.name, Literal(name))
        self._add(node, KG.identityKey, Literal(key))
        self._add(node, KG.entityKind, Literal(kind))
        self._described.add(node)

    def _known_entity(self, kind: str, key: str, name: str | None) -> URIRef:
        """The node of entity ``key``, described the first time the article names it."""
        node = self._entity_iri(key)
        if node not in self._described:
            self._describe_entity(node, kind, key, name)
        return node

    def _entity(self, mention: EntityMention) -> None:
        self._checked_kind(mention.kind)
        node = self._entity_iri(mention.key)
        self._describe_entity(node, mention.kind, mention.key, mention.name)
        self._add(node, GAF.denotedBy, self._mention(mention.span))

    # -- speakers ------------------------------------------------------------------------------

    def _speakers(self) -> list[URIRef | None]:
        anonymous: dict[str, URIRef] = {}
        speakers: list[URIRef | None] = []
        for n, attribution in enumerate(self.extraction.attributions):
            speaker = self._speaker(n, attribution, anonymous)
            if speaker is not None and attribution.source is not None:
                self._add(speaker, GAF.denotedBy, self._mention(attribution.source))
            speakers.append(speaker)
        return speakers

    def _speaker(self, n: int, attribution: Attribution, anonymous: dict[str, URIRef]) -> URIRef | None:
        key, source = attribution.source_key, attribution.source
        if (key and key.startswith(ANONYMOUS_KEY_PREFIX)) or attribution.source_kind == "anonymous":
            return self._anonymous_speaker(attribution, anonymous)
        if key:
            kind = self._speaker_kind(attribution)
            if kind is not None:
                return self._known_entity(
                    kind, key, attribution.resolved or (source.text if source else None)
                )
        if source is None:
            return None  # nobody to attribute to: the claim is agentless
        node = source_iri(self.article.id, n)
        self._add(node, RDF.type, PROV.Agent)
        if attribution.source_kind == "document":
            self._add(node, RDF.type, KG.Document)
        self._add(node, RDFS.label, self._text(source.text))
        if attribution.resolved:
            self._add(node, SCHEMA.name, Literal(attribution.resolved))
        return node

    def _speaker_kind(self, attribution: Attribution) -> str | None:
        return self._entity_kind(attribution.source_key, attribution.source_kind)

    def _entity_kind(self, key: str | None, kind: str) -> str | None:
        """The kind of the article's entity ``key``; else ``kind`` when it is an entity kind."""
        if key in self._kinds:
            return self._kinds[key]
        return kind if kind in ENTITY_CLASS else None

    def _co_speakers(self, attribution: Attribution) -> list[URIRef]:
        """The entities of a coordinated source beside the one it resolves to ("Donald Trump and Hillary
        Clinton said": Clinton speaks too)."""
        nodes = []
        for other in attribution.co_speakers:
            kind = self._entity_kind(other.key, other.kind)
            if kind is not None:
                nodes.append(self._known_entity(kind, other.key, other.name))
        return nodes

    def _anonymous_speaker(self, attribution: Attribution, anonymous: dict[str, URIRef]) -> URIRef | None:
        # Same marker from the extractor ("anon:...") or same normalised wording: the same unnamed source.
        key, source = attribution.source_key, attribution.source
        if key and key.startswith(ANONYMOUS_KEY_PREFIX):
            group = key
        elif source is not None:
            group = "text:" + (identity_key(source.text) or source.text)
        else:
            return None
        node = anonymous.get(group)
        if node is None:
            node = anonymous_source_iri(self.article.id, len(anonymous) + 1)
            anonymous[group] = node
            self._add(node, RDF.type, KG.AnonymousSource)
            self._add(node, RDF.type, PROV.Agent)
        if source is not None and node not in self._labelled:
            # The first wording names the node; later ones ("la source") are its mentions.
            self._add(node, RDFS.label, self._text(source.text))
            self._labelled.add(node)
        return node

    # -- claims --------------------------------------------------------------------------------

    def _claim(self, n: int, attribution: Attribution, speaker: URIRef | None) -> None:
        claim = claim_iri(self.article.id, n)
        self._add(claim, RDF.type, SCHEMA.Claim)
        self._add(claim, RDF.type, PROV.Entity)
        if attribution.cue_act.strip().lower() == "accuse":
            self._add(claim, RDF.type, KG.Accusation)
            accused = self._accused(attribution)
            if accused is not None:
                self._add(claim, KG.accused, accused)
        if speaker is None:
            self._add(claim, KG.agentless, Literal(True))
        else:
            for author in [speaker, *self._co_speakers(attribution)]:
                self._add(claim, SCHEMA.author, author)
                self._add(claim, PROV.wasAttributedTo, author)
        self._add(claim, KG.cue, self._cue(attribution))
        self._add(claim, KG.quoteType, self._lookup(QUOTE_TYPE, attribution.type, "quote type", n))
        self._add(claim, KG.sourceKind, self._lookup(SOURCE_KIND, attribution.source_kind, "source kind", n))
        self._add(claim, SCHEMA.text, self._text(attribution.content.text))
        self._add(claim, KG.certainty, self._lookup(CERTAINTY, attribution.certainty, "certainty", n))
        self._add(claim, KG.polarity, GRASPF.NEGATIVE if attribution.negated else GRASPF.POSITIVE)
        for hedge in attribution.hedges:
            self._hedge(claim, hedge)
        self._add(claim, SCHEMA.appearance, self.art)
        self._add(claim, KG.confidence, self._confidence(attribution.confidence, n))
        if attribution.extractor:
            self._add(claim, KG.extractor, Literal(attribution.extractor))
        if attribution.source is not None:
            self._add(claim, KG.sourceSpan, self._mention(attribution.source))
        self._add(claim, KG.cueSpan, self._mention(attribution.cue))
        self._add(claim, KG.contentSpan, self._mention(attribution.content))
        if attribution.relayed_by is not None:
            relay = attribution.relayed_by
            if not 0 <= relay < len(self.extraction.attributions) or relay == n:
                raise self._fail(f"attribution {n} has relayed_by={relay}, which is not another attribution")
            # The intermediary's claim (outer) derives from this one (inner).
            self._add(claim_iri(self.article.id, relay), PROV.wasDerivedFrom, claim)

    def _accused(self, attribution: Attribution) -> URIRef | None:
        """The entity an accusation holds responsible, when the extractor identified one of the article's."""
        key = attribution.accused_key
        if not key:
            return None
        mention = next((e for e in self.extraction.entities if e.key == key), None)
        if mention is None:
            return None
        return self._known_entity(mention.kind, key, mention.name)

    def _lookup(self, table: dict[str, URIRef], value: str, what: str, n: int) -> URIRef:
        try:
            return table[value]
        except KeyError:
            expected = ", ".join(table)
            raise self._fail(f"attribution {n} has {what} {value!r}; expected one of {expected}") from None

    def _cue(self, attribution: Attribution) -> URIRef:
        lemma = attribution.cue_lemma.strip() or " ".join(attribution.cue.text.split()).lower()
        if not lemma:
            raise self._fail(
                f"a cue at [{attribution.cue.start}, {attribution.cue.end}) has no lemma nor text"
            )
        concept = cue_iri(self.lang, lemma)
        self._add(concept, RDF.type, SKOS.Concept)
        self._add(concept, SKOS.prefLabel, self._text(lemma))
        self._add(concept, SKOS.inScheme, KG.Cues)
        act = attribution.cue_act.strip().lower()
        if act in CUE_ACTS:
            self._add(concept, SKOS.broader, cue_act_iri(act))
        # An act outside the scheme leaves the concept without a category; validation warns about it.
        return concept

    def _hedge(self, claim: URIRef, hedge: str) -> None:
        label = " ".join(hedge.split()).lower()
        if not label:
            return
        concept = hedge_iri(self.lang, label)
        self._add(concept, RDF.type, SKOS.Concept)
        self._add(concept, SKOS.prefLabel, self._text(label))
        self._add(concept, SKOS.inScheme, KG.Hedges)
        self._add(claim, KG.hedge, concept)

    def _confidence(self, value: float, n: int) -> Literal:
        if not math.isfinite(value):
            raise self._fail(f"attribution {n} has confidence {value!r}")
        # Decimal from the shortest repr: 0.9 stays "0.9", not 0.90000000000000002220446...
        return Literal(format(Decimal(repr(float(value))), "f"), datatype=XSD.decimal)


def _article_kinds(extraction: Extraction) -> dict[str, str]:
    """One kind per entity of an article, since it is one node: the kind most of its mentions were recognized
    as (the first mention's on a tie). The publisher is an organisation whatever the text's mentions say."""
    votes: dict[str, Counter[str]] = {}
    for mention in extraction.entities:
        votes.setdefault(mention.key, Counter())[mention.kind] += 1
    kinds = {key: counts.most_common(1)[0][0] for key, counts in votes.items()}
    publisher = extraction.article.publisher
    if publisher and identity_key(publisher):
        kinds[identity_key(publisher)] = "organisation"
    return kinds


def _language(extraction: Extraction) -> str:
    lang = extraction.lang or extraction.article.lang or ""
    if not _LANGUAGE_TAG.match(lang):
        raise MappingError(f"article {extraction.article.id!r}: language {lang!r} is not a language tag")
    return lang


def _url(value: str) -> URIRef | Literal:
    """An absolute URL becomes an IRI; anything else is kept as text (SHACL warns about it)."""
    text = value.strip()
    parts = urlsplit(text)
    if parts.scheme and parts.netloc:
        return URIRef(quote(text, safe=_IRI_SAFE + "%"))
    return Literal(value)
