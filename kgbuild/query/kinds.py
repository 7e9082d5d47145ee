"""The usual kind of an entity: the one most of the article graphs that describe it give it.

Each article graph gives an entity one kind, but the recognizers do not agree from one article to the next
(the same observatory a place here, an organisation there), so across a store an entity can have several.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

# Kinds given to each entity, with how many article graphs give each. Without named graphs (a plain graph read
# from a file) every kind counts once.
KIND_VOTES = """SELECT ?entity ?kind (COUNT(DISTINCT ?g) AS ?votes) WHERE {
  { GRAPH ?g { ?entity kg:entityKind ?kind } } UNION { ?entity kg:entityKind ?kind BIND(<urn:x-kgbuild:default> AS ?g) }
} GROUP BY ?entity ?kind"""

# Which kind wins a tie: people and organisations first, as the views' legend lists them.
_PREFERENCE: tuple[str, ...] = ("person", "organisation", "place", "group")


def usual_kinds(votes: Iterable[Sequence[object]]) -> dict[str, str]:
    """Entity -> the kind with the most votes, from rows of :data:`KIND_VOTES` (entity, kind, votes)."""
    best: dict[str, tuple[int, int, str]] = {}
    for row in votes:
        entity, kind, count = (None if cell is None else str(cell) for cell in row)
        if entity is None or kind is None:
            continue
        rank = _PREFERENCE.index(kind) if kind in _PREFERENCE else len(_PREFERENCE)
        score = (int(count or 0), -rank, kind)
        if entity not in best or score > best[entity]:
            best[entity] = score
    return {entity: score[2] for entity, score in best.items()}
