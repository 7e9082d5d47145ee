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
    Words,
    bucket_table,
    cue_site,
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
    site = cue_site(doc, cue)
    if site is None:
        return []
    index, c0, c1, s, e, root = site
    lemma = root.lemma_.lower()
    base = ("o=" + origin, "cuepos=" + root.pos_)
    found = [
        SourceCandidate(
            NONE,
            (
                "none",
                "none|o=" + origin,
                "none|l=" + lemma,
                "none|cuedep=" + root.dep_,
                "none|rule=" + str(source_head is None),
                "none|cuepos=" + root.pos_,
                "none|passive=" + str(any(c.dep_ in {"nsubjpass", "auxpass"} for c in root.children)),
            ),
        )
    ]
    pos, idx, heads = index.pos, index.idx, index.head
    words = Words(doc)
    texts, pos_strings, tag_strings, ent_strings = (
        words.texts,
        words.pos_strings,
        index.tag_strings,
        index.ent_strings,
    )
    dep_strings = index.tree.dep
    root_dep = root.dep_
    by_lemma, by_origin = "|l=" + lemma, "|o=" + origin
    for i in range(s, e):
        if pos[i] not in _HEAD_POS or c0 <= i < c1:
            continue
        if content[0] <= idx[i] < content[1] and i != source_head:
            continue
        relation = _relation(words, heads, i, c0, c1, root.i, root_dep)
        side = "L" if i < c0 else "R"
        distance = c0 - i if side == "L" else i - c1 + 1
        if distance > _FAR and relation.startswith("far:") and i != source_head:
            continue  # unlinked and distant: hardly ever the source, and most of the candidates
        rel = "rel=" + relation
        gap = _GAPS[min(distance, 14)]
        token_pos = pos_strings[i]
        ent = ent_strings[i] or "_"
        ruled = str(i == source_head)
        quoted = texts[i] in QUOTES or (i > s and texts[i - 1] in QUOTES)
        features = (
            "bias",
            rel,
            rel + "|" + side,
            rel + by_lemma,
            rel + by_origin,
            rel + "|pos=" + token_pos,
            "side=" + side,
            "gap=" + gap,
            "side+gap=" + side + gap,
            "pos=" + token_pos,
            "tag=" + tag_strings[i],
            "dep=" + dep_strings[i],
            "ent=" + ent,
            "ent+rel=" + ent + "|" + relation,
            "word=" + (words.lower(i) if token_pos == "PRON" else "_"),
            "rule=" + ruled,
            "rule+rel=" + ruled + "|" + relation,
            "rule+o=" + ruled + "|" + origin,
            "quoted=" + str(quoted),
            *base,
        )
        found.append(SourceCandidate(i, features))
    return found


def _relation(words: Words, heads: list[int], i: int, c0: int, c1: int, root: int, root_dep: str) -> str:
    """How token ``i`` hangs on the cue: its own dependency and where its head sits relative to the cue."""
    head = heads[i]
    dep = words.dep(i)
    if c0 <= head < c1:
        return "c:" + dep
    if c0 <= heads[head] < c1 and words.dep(head) in {"prep", "agent"}:
        return "g:" + words.lower(head) + ">" + dep
    governor = heads[root]
    if head == governor and head != root:
        return "s:" + root_dep + ">" + dep
    if governor != root and head == heads[governor]:
        return "s2:" + dep
    if i == governor:
        return "h:" + root_dep
    return "far:" + dep
