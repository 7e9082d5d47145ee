"""Read the fr-dev gold (``texts.jsonl`` + one ``<id>.json`` per article) and recover its offsets.

fr-dev gives spans as exact strings. Offsets are recovered per attribution, as ``fr-dev/README.md`` says:

1. find every occurrence of the content and of the cue (occurrences on word boundaries are preferred: a cue
   ``"note"`` does not land inside ``"notes"`` when a free-standing one exists);
2. over all (content, cue) occurrence pairs take the closest: sort by (cue overlaps content, characters
   between them, content start, cue start) and take the first pair not already given to an earlier
   attribution with the same source string (two attributions with the same three strings get distinct places
   when the text has them; a reporting chain, where the same cue and content have two sources, keeps one
   place). A cue of ``":"`` or ``'"'`` is placed the same way, right next to its content; the metric then
   matches it through its content;
3. the source is the occurrence closest to the chosen cue, outside the content when possible; it may lie
   inside the cue (annotators give source ``"il"`` for cue ``"a-t-il dit"``).

An attribution whose cue, content or source cannot be found, or is empty where it cannot be, is kept as a
:class:`~kgbuild.eval.gold.GoldIssue` with ``counts_as_gold=True``: it counts in the gold totals as an
attribution no prediction can match, and the report says how many there were (logged in detail at DEBUG).
``content_extra`` is not part of the content: the guidelines define the content as the one contiguous
(longest) part.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from kgbuild.eval.errors import EvalInputError
from kgbuild.eval.gold import GoldAttribution, GoldDoc, GoldIssue
from kgbuild.records import Span

log = logging.getLogger(__name__)

_WORD_CHAR = re.compile(r"\w")
_SPAN_FIELDS = ("source", "cue", "content")


def load_frdev(path: Path) -> list[GoldDoc]:
    texts = _read_texts(path / "texts.jsonl")
    docs: list[GoldDoc] = []
    for doc_id, (text, lang) in sorted(texts.items()):
        gold_path = path / f"{doc_id}.json"
        if not gold_path.is_file():
            log.warning(
                "%s: article %s has no gold file %s, skipped", path / "texts.jsonl", doc_id, gold_path.name
            )
            continue
        records = _read_gold_file(gold_path)
        attributions, issues = locate(doc_id, text, records, where=gold_path.name)
        docs.append(GoldDoc(doc_id, text, lang, tuple(attributions), tuple(issues)))
    for orphan in sorted({p.stem for p in path.glob("*.json")} - texts.keys()):
        log.warning("%s: gold file %s.json has no text in texts.jsonl, skipped", path, orphan)
    unlocated = sum(len(doc.missed) for doc in docs)
    if unlocated:
        log.warning("%s: %d gold attributions could not be located; counted as missed", path, unlocated)
    return docs


def locate(
    doc_id: str, text: str, records: Sequence[Mapping[str, Any]], *, where: str = ""
) -> tuple[list[GoldAttribution], list[GoldIssue]]:
    """Offsets for each string-annotated attribution of one article (see the module docstring)."""
    attributions: list[GoldAttribution] = []
    issues: list[GoldIssue] = []
    taken: set[tuple[str, int, int, int, int]] = set()
    for index, record in enumerate(records):
        kind = str(record.get("type") or "unknown")
        source_kind = str(record.get("source_kind") or "unknown")
        placed = _place(text, record, taken)
        if isinstance(placed, str):
            detail = (
                f"{where}#{index}: {placed} (cue {record['cue']!r}, content {str(record['content'])[:60]!r})"
            )
            log.debug("unlocated gold: %s", detail)
            issues.append(GoldIssue(doc_id, "unlocated", detail, True, kind, source_kind))
            continue
        source, cue, content = placed
        resolved = str(record.get("source_resolved") or "") or (source.text if source else "")
        attributions.append(GoldAttribution(source, cue, content, kind, source_kind, resolved or None))
    return attributions, issues


def _place(
    text: str, record: Mapping[str, Any], taken: set[tuple[str, int, int, int, int]]
) -> tuple[Span | None, Span, Span] | str:
    cue, content, source = str(record["cue"]), str(record["content"]), str(record["source"])
    if not cue or not content:
        return "empty cue or content"
    contents = occurrences(text, content)
    cues = occurrences(text, cue)
    if not contents or not cues:
        return "content not found in the text" if not contents else "cue not found in the text"
    pairs = sorted((_apart(q, q + len(cue), c, c + len(content)), c, q) for c in contents for q in cues)

    def place(c: int, q: int) -> tuple[str, int, int, int, int]:
        return (source, q, q + len(cue), c, c + len(content))

    free = [pair for pair in pairs if place(pair[1], pair[2]) not in taken]
    _, content_start, cue_start = (free or pairs)[0]
    taken.add(place(content_start, cue_start))
    cue_span = Span(cue_start, cue_start + len(cue), cue)
    content_span = Span(content_start, content_start + len(content), content)
    if not source:
        return None, cue_span, content_span
    sources = occurrences(text, source)
    if not sources:
        return "source not found in the text"
    best = min(
        sources,
        key=lambda s: (
            _apart(s, s + len(source), content_span.start, content_span.end)[0],
            _apart(s, s + len(source), cue_span.start, cue_span.end)[1],
            s,
        ),
    )
    return Span(best, best + len(source), source), cue_span, content_span


def _apart(a_start: int, a_end: int, b_start: int, b_end: int) -> tuple[bool, int]:
    """(the two spans overlap, characters between them): smaller is closer, and overlapping comes last."""
    overlapping = a_start < b_end and b_start < a_end
    return overlapping, max(0, b_start - a_end, a_start - b_end)


def occurrences(text: str, needle: str) -> list[int]:
    """Start offsets of ``needle`` in ``text`` (overlapping ones too); those on word boundaries if any."""
    starts = list(_finditer(text, needle))
    bounded = [s for s in starts if _on_boundaries(text, s, s + len(needle))]
    return bounded or starts


def _finditer(text: str, needle: str) -> Iterator[int]:
    start = text.find(needle)
    while start != -1:
        yield start
        start = text.find(needle, start + 1)


def _on_boundaries(text: str, start: int, end: int) -> bool:
    def word(i: int) -> bool:
        return 0 <= i < len(text) and _WORD_CHAR.match(text[i]) is not None

    left = not (word(start) and word(start - 1))
    right = not (word(end - 1) and word(end))
    return left and right


def _read_texts(path: Path) -> dict[str, tuple[str, str]]:
    texts: dict[str, tuple[str, str]] = {}
    for number, line in enumerate(_read(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            doc_id, text = record["id"], record["text"]
            lang = record.get("lang") or "fr"
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as err:
            raise EvalInputError(f"{path}:{number}: expected a JSON object with id and text ({err})") from err
        if not isinstance(doc_id, str) or not isinstance(text, str):
            raise EvalInputError(f"{path}:{number}: id and text must be strings")
        texts[doc_id] = (text, str(lang))
    return texts


def _read_gold_file(path: Path) -> list[Mapping[str, Any]]:
    try:
        data = json.loads(_read(path))
    except json.JSONDecodeError as err:
        raise EvalInputError(f"{path}: not valid JSON ({err})") from err
    records = data.get("attributions") if isinstance(data, dict) else None
    if not isinstance(records, list):
        raise EvalInputError(f"{path}: expected an object with an 'attributions' list")
    for index, record in enumerate(records):
        if not isinstance(record, dict) or any(not isinstance(record.get(f, ""), str) for f in _SPAN_FIELDS):
            raise EvalInputError(f"{path}: attribution #{index} needs string source, cue and content")
        if "cue" not in record or "content" not in record:
            raise EvalInputError(f"{path}: attribution #{index} has no cue or no content")
    return [{"source": "", **record} for record in records]


def _read(path: Path) -> str:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError) as err:
        raise EvalInputError(f"cannot read {path}: {err}") from err
