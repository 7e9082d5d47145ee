"""IRIs of the things kgbuild describes, built from record fields only.

Every IRI is a pure function of its inputs (no counters, no blank nodes), so
mapping the same extraction twice gives the same graph and re-imports compare
equal. Article ids come from user input: they are percent-encoded whole, so a
``/`` or ``#`` in an id cannot change the shape of the IRI.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from urllib.parse import quote

from rdflib import URIRef

from kgbuild.graph.namespace import ARTICLE, CLAIM, CUE, ENTITY, GRAPH, HEDGE, SOURCE

_NON_WORD = re.compile(r"[\W_]+")


def _encode(text: str) -> str:
    return quote(text, safe="")


@functools.lru_cache(maxsize=1 << 16)  # names recur within and across articles
def identity_key(name: str) -> str:
    """Key under which names are the same entity: ``"Sergueï  Lavrov"`` -> ``"serguei-lavrov"``.

    Case, accents and punctuation vary between outlets and transliterations,
    so they do not count; the order of the words does.
    """
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _NON_WORD.sub("-", bare).strip("-")


def article_iri(article_id: str) -> URIRef:
    return ARTICLE[_encode(article_id)]


def graph_iri(article_id: str) -> URIRef:
    """The named graph holding everything extracted from one article."""
    return GRAPH[_encode(article_id)]


def entity_iri(key: str) -> URIRef:
    """The node of the entity named ``key`` in every article. Its kind is not part of it: recognizers call the
    same name a place in one sentence and an organisation in the next, and a name is one node."""
    if not key:
        raise ValueError("empty identity key for an entity")
    return ENTITY[_encode(key)]


def publisher_iri(name: str) -> URIRef:
    """The outlet as an organisation entity, so the publisher and the outlet named in a text are one node."""
    return entity_iri(identity_key(name))


def mention_iri(article_id: str, start: int, end: int) -> URIRef:
    """A character span of the article text, NIF-style: ``<article#char=start,end>``, end exclusive."""
    return URIRef(f"{article_iri(article_id)}#char={start},{end}")


def claim_iri(article_id: str, n: int) -> URIRef:
    """The claim of the ``n``-th attribution (0-based) of an article."""
    return CLAIM[f"{_encode(article_id)}/{n}"]


def source_iri(article_id: str, n: int) -> URIRef:
    """The unidentified speaker of the ``n``-th attribution ("un diplomate", "le rapport")."""
    return SOURCE[f"{_encode(article_id)}/{n}"]


def anonymous_source_iri(article_id: str, k: int) -> URIRef:
    """The ``k``-th distinct anonymous source of an article (1-based); never shared across articles."""
    return SOURCE[f"{_encode(article_id)}/anon-{k}"]


def cue_iri(lang: str, lemma: str) -> URIRef:
    return CUE[f"{_encode(lang)}/{_encode(lemma)}"]


def cue_act_iri(act: str) -> URIRef:
    """Top concept of the cue scheme: ``"deny"`` -> ``cue:Deny``."""
    return CUE[act.strip().capitalize()]


def hedge_iri(lang: str, hedge: str) -> URIRef:
    slug = identity_key(hedge) or _encode(hedge)
    return HEDGE[f"{_encode(lang)}/{slug}"]
