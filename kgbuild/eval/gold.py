"""Gold attributions with offsets into their article text, read from either gold format of ``EVAL.md``.

:func:`load_gold` recognises the format from the folder's layout:

- brat standoff (PolNeAR): a split folder holding ``text/`` and ``attributions/`` (``polnear/dev``), or a flat
  folder of ``<stem>.txt`` next to ``<stem>.ann`` / ``<stem>_<annotator>.ann``; see :mod:`kgbuild.eval.brat`.
- fr-dev: a folder holding ``texts.jsonl`` and one ``<id>.json`` per article; see :mod:`kgbuild.eval.frdev`.

Gold that cannot be used is never dropped silently: each document carries :class:`GoldIssue` records. An issue
with ``counts_as_gold`` (an fr-dev attribution whose strings could not be located) still counts in the gold
totals as an attribution no prediction can match.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from kgbuild.eval.errors import EvalInputError
from kgbuild.eval.measures import SpanSet
from kgbuild.records import Span

Role = Literal["source", "cue", "content"]


@dataclass(frozen=True)
class GoldAttribution:
    """One gold attribution. ``source``/``cue``/``content`` cover the whole span; for a discontinuous
    brat span the ``*_parts`` hold its fragments (in text order), on which overlaps and tokens are computed."""

    source: Span | None
    cue: Span
    content: Span
    type: str  # direct|indirect|mixed|nosource (PolNeAR: derived, see kgbuild.eval.brat)
    source_kind: str  # person|organisation|anonymous|document|none; "unknown" where the gold does not say
    resolved: str | None  # canonical name of the source; None when the gold gives none
    source_parts: tuple[Span, ...] = ()
    cue_parts: tuple[Span, ...] = ()
    content_parts: tuple[Span, ...] = ()

    def spans(self, role: Role) -> SpanSet:
        """The fragments of one role: its parts, or the span itself (empty for an absent source)."""
        whole = {"source": self.source, "cue": self.cue, "content": self.content}[role]
        parts = {"source": self.source_parts, "cue": self.cue_parts, "content": self.content_parts}[role]
        if parts:
            return parts
        return (whole,) if whole is not None else ()


@dataclass(frozen=True)
class GoldIssue:
    """Gold that could not be turned into a :class:`GoldAttribution`, and why."""

    doc_id: str
    kind: str  # "unlocated" (fr-dev strings not found), "incomplete" / "bad_reference" (brat events)
    detail: str
    counts_as_gold: bool  # True: a real attribution, counted in the gold totals as one nothing can match
    type: str = "unknown"
    source_kind: str = "unknown"


@dataclass(frozen=True)
class GoldDoc:
    id: str
    text: str
    lang: str
    attributions: tuple[GoldAttribution, ...]
    issues: tuple[GoldIssue, ...] = ()

    @property
    def missed(self) -> tuple[GoldIssue, ...]:
        """Gold attributions that count in the totals but could not be located."""
        return tuple(issue for issue in self.issues if issue.counts_as_gold)


def gold_format(path: Path) -> Literal["brat", "frdev"]:
    """Which reader a gold folder needs, or a clear error saying what was expected."""
    if not path.is_dir():
        raise EvalInputError(f"gold set {path} is not a folder")
    if (path / "texts.jsonl").is_file():
        return "frdev"
    if (path / "text").is_dir() and (path / "attributions").is_dir():
        return "brat"
    if any(path.glob("*.ann")):
        return "brat"
    splits = sorted(p.name for p in path.iterdir() if (p / "attributions").is_dir())
    hint = f"; pick a split folder: {', '.join(str(path / s) for s in splits)}" if splits else ""
    raise EvalInputError(
        f"{path} is not a gold folder: expected texts.jsonl (fr-dev), "
        f"text/ + attributions/ or *.ann files (brat){hint}"
    )


def load_gold(path: Path) -> list[GoldDoc]:
    """Every gold document under ``path`` (format detected by :func:`gold_format`), sorted by id."""
    path = Path(path)
    # Imported here because both readers build the records defined above.
    if gold_format(path) == "frdev":
        from kgbuild.eval.frdev import load_frdev

        return load_frdev(path)
    from kgbuild.eval.brat import load_brat

    return load_brat(path)
