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
from importlib import resources
from pathlib import Path

from spacy.symbols import NOUN, PRON, PROPN
from spacy.tokens import Doc, Token

from kgbuild.extractors.content_ranker import LinearRanker, bucket, read
from kgbuild.extractors.docindex import index_of

SHIPPED: dict[str, str] = {"en": "en_source_ranker.json"}
_HEAD_POS = {NOUN, PROPN, PRON}
NONE = -1


@dataclass(frozen=True, slots=True)
class SourceCandidate:
    head: int  # token index of the phrase's head; NONE for "no source"
    features: tuple[str, ...]


@functools.cache
def load(lang: str) -> LinearRanker | None:
    name = SHIPPED.get(lang)
    if name is None:
        return None
    path = Path(str(resources.files("kgbuild").joinpath("models", name)))
    return read(path) if path.is_file() else None


def candidates(
    doc: Doc,
    cue: tuple[int, int],
    content: tuple[int, int],
    source_head: int | None,
    origin: str,
) -> list[SourceCandidate]:
    """Candidate sources for a cue (characters), given its content (characters) and the rules' source head."""
    index = index_of(doc)
    tokens = index.token_range(cue[0], cue[1])
    if not tokens:
        return []
    c0, c1 = tokens.start, tokens.stop
    cue_span = doc[c0:c1]
    s, e = index.sent_start[c0], index.sent_end[c0]
    root = cue_span.root
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
    pos, idx = index.pos, index.idx
    for i in range(s, e):
        if pos[i] not in _HEAD_POS or c0 <= i < c1:
            continue
        if content[0] <= idx[i] < content[1] and i != source_head:
            continue
        token = doc[i]
        rel = _relation(token, c0, c1, root)
        side = "L" if token.i < c0 else "R"
        gap = c0 - token.i if side == "L" else token.i - c1 + 1
        features = [
            "bias",
            "rel=" + rel,
            "rel=" + rel + "|" + side,
            "rel=" + rel + "|l=" + lemma,
            "rel=" + rel + "|o=" + origin,
            "rel=" + rel + "|pos=" + token.pos_,
            "side=" + side,
            "gap=" + bucket(gap, (1, 2, 3, 5, 8, 13)),
            "side+gap=" + side + bucket(gap, (1, 2, 3, 5, 8, 13)),
            "pos=" + token.pos_,
            "tag=" + token.tag_,
            "dep=" + token.dep_,
            "ent=" + (token.ent_type_ or "_"),
            "ent+rel=" + (token.ent_type_ or "_") + "|" + rel,
            "word=" + (token.lower_ if token.pos_ == "PRON" else "_"),
            "rule=" + str(token.i == source_head),
            "rule+rel=" + str(token.i == source_head) + "|" + rel,
            "rule+o=" + str(token.i == source_head) + "|" + origin,
            "quoted=" + str(token.is_quote or (i > s and doc[i - 1].is_quote)),
            *base,
        ]
        found.append(SourceCandidate(token.i, tuple(features)))
    return found


def _relation(token: Token, c0: int, c1: int, root: Token) -> str:
    """How ``token`` hangs on the cue: its own dependency and where its head sits relative to the cue."""
    head = token.head
    if c0 <= head.i < c1:
        return "c:" + token.dep_
    if c0 <= head.head.i < c1 and head.dep_ in {"prep", "agent"}:
        return "g:" + head.lower_ + ">" + token.dep_
    if head.i == root.head.i and head.i != root.i:
        return "s:" + root.dep_ + ">" + token.dep_
    if root.head.i != root.i and head.i == root.head.head.i:
        return "s2:" + token.dep_
    if token.i == root.head.i:
        return "h:" + root.dep_
    return "far:" + token.dep_
