"""Vocabulary terms used by kgbuild, as strict namespaces.

``KG`` mirrors ``ontology/kgbuild.ttl``: a misspelt term raises instead of
minting a wrong IRI, and ``tests/test_ontology_*`` keeps both in step.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

BASE = "https://w3id.org/kgbuild/"


class KG(DefinedNamespace):
    """kgbuild ontology: only what no reused vocabulary provides."""

    _fail = True
    _NS = Namespace(BASE + "ontology#")

    # classes
    Mention: URIRef  # a character span of an article (nif:Phrase)
    AnonymousSource: URIRef  # an unnamed source, one node per article
    Accusation: URIRef  # a claim that an agent is responsible for something
    Document: URIRef  # a report, study, statement used as a source
    ExtractionRun: URIRef  # a prov:Activity that produced article graphs

    # claim properties
    cue: URIRef
    quoteType: URIRef
    sourceKind: URIRef
    certainty: URIRef
    polarity: URIRef
    hedge: URIRef
    sourceSpan: URIRef
    cueSpan: URIRef
    contentSpan: URIRef
    agentless: URIRef
    accused: URIRef
    accusedOf: URIRef
    confidence: URIRef
    extractor: URIRef  # registered extractor name that produced the node ("attributions.v1")

    # entities and provenance
    identityKey: URIRef  # normalised key that identifies an entity across articles
    entityKind: URIRef
    fingerprint: URIRef  # hash of an article's input and extraction settings
    softwareVersion: URIRef
    pipeline: URIRef  # spaCy pipeline name and version used for an article

    # SKOS individuals
    Cues: URIRef  # scheme of cue act concepts (ontology/cues.ttl) and the cue lemma concepts under them
    Hedges: URIRef  # scheme of the hedge concepts minted from the articles
    QuoteTypes: URIRef
    Direct: URIRef
    Indirect: URIRef
    Mixed: URIRef
    NoSource: URIRef
    SourceKinds: URIRef
    PersonSource: URIRef
    OrganisationSource: URIRef
    AnonymousSourceKind: URIRef
    DocumentSource: URIRef
    UnnamedSource: URIRef


class GAF(DefinedNamespace):
    """Grounded Annotation Framework: links instances to their mentions."""

    _fail = True
    _NS = Namespace("http://groundedannotationframework.org/gaf#")
    denotedBy: URIRef


class GRASPF(DefinedNamespace):
    """GRaSP factuality values."""

    _fail = True
    _NS = Namespace("http://groundedannotationframework.org/grasp/factuality#")
    CERTAIN: URIRef
    PROBABLE: URIRef
    POSSIBLE: URIRef
    UNDERSPECIFIED: URIRef
    POSITIVE: URIRef
    NEGATIVE: URIRef


class NIF(DefinedNamespace):
    """NLP Interchange Format 2.0 core terms used for offsets."""

    _fail = True
    _NS = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
    Context: URIRef
    Phrase: URIRef
    isString: URIRef
    beginIndex: URIRef
    endIndex: URIRef
    anchorOf: URIRef
    referenceContext: URIRef


# Instance namespaces (not vocabularies: any local name is fine).
ID = Namespace(BASE + "id/")
ARTICLE = Namespace(BASE + "id/article/")
GRAPH = Namespace(BASE + "id/graph/")
ENTITY = Namespace(BASE + "id/entity/")
CLAIM = Namespace(BASE + "id/claim/")
SOURCE = Namespace(BASE + "id/source/")
RUN = Namespace(BASE + "id/run/")
PUBLISHER = Namespace(BASE + "id/publisher/")
CUE = Namespace(BASE + "cue/")
HEDGE = Namespace(BASE + "hedge/")

PREFIXES: dict[str, str] = {
    "kg": str(KG._NS),
    "gaf": str(GAF._NS),
    "graspf": str(GRASPF._NS),
    "nif": str(NIF._NS),
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "dct": "http://purl.org/dc/terms/",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "cue": str(CUE),
    "hedge": str(HEDGE),
    "ent": str(ENTITY),
    "art": str(ARTICLE),
    "clm": str(CLAIM),
    "src": str(SOURCE),
    "g": str(GRAPH),
    "run": str(RUN),
}
