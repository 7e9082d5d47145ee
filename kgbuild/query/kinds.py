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


def usual_kinds(votes: Iterable[Sequence[object]]) -> dict[str, str]:
    """Entity -> the kind with the most votes, from rows of :data:`KIND_VOTES` (entity, kind, votes); on a tie
    the first in alphabetical order, as ``examples/queries/entities_by_mentions.rq`` chooses it."""
    best: dict[str, tuple[int, str]] = {}
    for row in votes:
        entity, kind, count = (None if cell is None else str(cell) for cell in row)
        if entity is None or kind is None:
            continue
        votes_, current = best.get(entity, (0, ""))
        number = int(count or 0)
        if entity not in best or number > votes_ or (number == votes_ and kind < current):
            best[entity] = (number, kind)
    return {entity: kind for entity, (_, kind) in best.items()}
