"""A learned choice of an attribution's source among the noun phrases of its sentence, or none.

The companion of :mod:`~kgbuild.extractors.content_ranker`: the rules give one source per cue (or none); the
candidates are that choice, every noun, proper noun or pronoun of the cue's sentence outside the cue and the
content, and "no source". Features say how each relates to the cue in the parse (subject of the cue, of the
verb it hangs on, agent, possessor, object of "according to"), side, distance, entity type and agreement with
the rules. A linear model trained on PolNeAR (``training/train_content_ranker.py --what source``) picks one.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.symbols import NOUN, PRON, PROPN
from spacy.tokens import Doc

from kgbuild.extractors.content_ranker import (
    QUOTES,
    LinearRanker,
    bucket_table,
    cue_head_strings,
    cue_position,
    shipped,
    weights_of,
)

SHIPPED: dict[str, str] = {"en": "en_source_ranker.json"}
_HEAD_POS = {NOUN, PROPN, PRON}
NONE = -1
_GAPS = bucket_table((1, 2, 3, 5, 8, 13))
_FAR = 8


@dataclass(frozen=True, slots=True)
class SourceCandidate:
    head: int  # token index of the phrase's head; NONE for "no source"
    features: tuple[str, ...]


@functools.cache
def load(lang: str) -> LinearRanker | None:
    """The shipped ranker for ``lang``, or None."""
    data = shipped(lang, SHIPPED)
    return weights_of(data) if data is not None else None


def candidates(
    doc: Doc,
    cue: tuple[int, int],
    content: tuple[int, int],
    source_head: int | None,
    origin: str,
) -> list[SourceCandidate]:
    """Candidate sources for a cue (characters), given its content (characters) and the rules' source head."""
    site = cue_position(doc, cue)
    if site is None:
        return []
    index, c0, c1, s, e, root = site
    cue_pos, root_dep, lemma = cue_head_strings(index, root)
    tree = index.tree
    dep_strings = tree.dep
    passive = any(dep_strings[c] in _PASSIVE_DEPS for c in tree.children[root])
    base = ("o=" + origin, "cuepos=" + cue_pos)
    found = [
        SourceCandidate(
            NONE,
            (
                "none",
                "none|o=" + origin,
                "none|l=" + lemma,
                "none|cuedep=" + root_dep,
                "none|rule=" + str(source_head is None),
                "none|cuepos=" + cue_pos,
                "none|passive=" + str(passive),
            ),
        )
    ]
    pos, idx, heads = index.pos, index.idx, index.head
    texts, pos_strings, tag_strings, ent_strings, lower_strings = (
        index.texts,
        index.pos_strings,
        index.tag_strings,
        index.ent_strings,
        index.lower_strings,
    )
    by_lemma, by_origin = "|l=" + lemma, "|o=" + origin
    rule_by_origin = ("rule+o=False|" + origin, "rule+o=True|" + origin)
    for i in range(s, e):
        if pos[i] not in _HEAD_POS or c0 <= i < c1:
            continue
        ruled = i == source_head
        if content[0] <= idx[i] < content[1] and not ruled:
            continue
        relation = _relation(dep_strings, lower_strings, heads, i, c0, c1, root, root_dep)
        if i < c0:
            side, distance = "L", c0 - i
        else:
            side, distance = "R", i - c1 + 1
        if distance > _FAR and not ruled and relation.startswith("far:"):
            continue  # unlinked and distant: hardly ever the source, and most of the candidates
        rel = "rel=" + relation
        gap = min(distance, 14)
        token_pos = pos_strings[i]
        ent = ent_strings[i] or "_"
        quoted = texts[i] in QUOTES or (i > s and texts[i - 1] in QUOTES)
        features = (
            "bias",
            rel,
            rel + "|" + side,
            rel + by_lemma,
            rel + by_origin,
            rel + "|pos=" + token_pos,
            "side=" + side,
            _GAP_FEATURES[gap],
            _SIDE_GAP_FEATURES[side][gap],
            "pos=" + token_pos,
            "tag=" + tag_strings[i],
            "dep=" + dep_strings[i],
            "ent=" + ent,
            "ent+rel=" + ent + "|" + relation,
            "word=" + (lower_strings[i] if token_pos == "PRON" else "_"),
            _RULE[ruled],
            _RULE_REL[ruled] + relation,
            rule_by_origin[ruled],
            _QUOTED[quoted],
            *base,
        )
        found.append(SourceCandidate(i, features))
    return found


# Whole feature strings by bucket, side or flag, so that each candidate picks them instead of joining them.
_GAP_FEATURES = tuple("gap=" + g for g in _GAPS)
_SIDE_GAP_FEATURES = {side: tuple("side+gap=" + side + g for g in _GAPS) for side in "LR"}
_RULE = ("rule=False", "rule=True")
_RULE_REL = ("rule+rel=False|", "rule+rel=True|")
_QUOTED = ("quoted=False", "quoted=True")
_PASSIVE_DEPS = {"nsubjpass", "auxpass"}


def _relation(
    deps: list[str], lowers: list[str], heads: list[int], i: int, c0: int, c1: int, root: int, root_dep: str
) -> str:
    """How token ``i`` hangs on the cue: its own dependency and where its head sits relative to the cue."""
    head = heads[i]
    dep = deps[i]
    if c0 <= head < c1:
        return "c:" + dep
    if c0 <= heads[head] < c1 and deps[head] in {"prep", "agent"}:
        return "g:" + lowers[head] + ">" + dep
    governor = heads[root]
    if head == governor and head != root:
        return "s:" + root_dep + ">" + dep
    if governor != root and head == heads[governor]:
        return "s2:" + dep
    if i == governor:
        return "h:" + root_dep
    return "far:" + dep
