"""Read brat standoff attribution gold (PolNeAR) into :class:`~kgbuild.eval.gold.GoldDoc` records.

What the PolNeAR files really hold, and how each case is read:

- ``T`` lines ``T3<TAB>Content 115 290<TAB>text``; offsets index the ``.txt`` read as UTF-8 without
  newline translation, and are used rather than the text column (which brat cuts at a line break). A
  discontinuous span ``"315 448;463 553"`` keeps its fragments (``*_parts``): overlaps count the characters
  of the fragments, the content's tokens are those of all fragments in text order, the plain ``Span`` field
  covers them all.
- ``E`` lines tie an attribution together: ``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1``. The
  trigger (``Attribution`` or ``Attribution-no-source``) sits on the cue; ``Content2`` is a second content
  part, merged into the content. The role in the ``E`` line decides, not the ``T`` label (contents labelled
  ``Discuss`` occur). An event with no ``Cue`` uses its trigger span as the cue; one with no content at all,
  a reference to a missing ``T``, offsets outside the text, or a repeat of an earlier event is skipped and
  kept as a :class:`~kgbuild.eval.gold.GoldIssue` (``counts_as_gold=False``: it is not an attribution
  ``EVAL.md`` can score). ``A``/``R``/``#`` lines and text continuation lines are ignored.
- Gold content is brought to ``EVAL.md``'s definition (content without complementizer): surrounding
  whitespace and a leading lower-case complementizer ``that`` (with the spaces or comma after it) are trimmed;
  PolNeAR includes it in ~13% of dev contents.
- PolNeAR has no quote types, source kinds or resolved names: ``type`` is derived (``nosource`` without a
  source; ``direct`` when the content is enclosed in double quotation marks, inside or right outside the
  span; ``mixed`` when it holds one; else ``indirect``), ``source_kind`` is ``"none"`` without a source and
  ``"unknown"`` otherwise, ``resolved`` is None (so source correctness rests on span overlap).
- Doubly annotated articles (``<stem>_<annotator>.ann``): the first file in sorted order is used.
- Language: "en".
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

from kgbuild.eval.errors import EvalInputError
from kgbuild.eval.gold import GoldAttribution, GoldDoc, GoldIssue
from kgbuild.eval.measures import SpanSet, covering, joined_text, merged
from kgbuild.records import Span

log = logging.getLogger(__name__)

_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)(?:\t|$)")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")
_COMPLEMENTIZER = re.compile(r"that[\s,]+")
_OPEN_QUOTES = '"“«„‟'
_CLOSE_QUOTES = '"”»‟'
_ANY_QUOTE = set(_OPEN_QUOTES + _CLOSE_QUOTES)
_TRAILING_PUNCT = ".,;:!?…—– "

LANG = "en"


@dataclass(frozen=True)
class _TextBound:
    label: str
    fragments: tuple[tuple[int, int], ...]


def load_brat(path: Path) -> list[GoldDoc]:
    """Gold documents of a brat folder: ``text/`` + ``attributions/``, or ``.txt`` and ``.ann`` side by side."""
    split = (path / "text").is_dir() and (path / "attributions").is_dir()
    text_dir, ann_dir = (path / "text", path / "attributions") if split else (path, path)
    texts = {p.stem: p for p in sorted(text_dir.glob("*.txt"))}
    annotations: dict[str, list[Path]] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        stem = ann.stem if ann.stem in texts else ann.stem.rsplit("_", 1)[0]
        if stem not in texts:
            log.warning("%s: no text file %s.txt for it, skipped", ann, stem)
            continue
        annotations.setdefault(stem, []).append(ann)
    for stem in sorted(texts.keys() - annotations.keys()):
        log.warning("%s: no .ann file for it, skipped", texts[stem])
    if not annotations:
        raise EvalInputError(f"{path}: no brat .ann file with a matching .txt file")
    return [read_brat_doc(stem, texts[stem], sorted(files)[0]) for stem, files in sorted(annotations.items())]


def read_brat_doc(doc_id: str, text_path: Path, ann_path: Path) -> GoldDoc:
    text = _read(text_path)
    bounds: dict[str, _TextBound] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    for line in _read(ann_path).splitlines():
        if match := _T_LINE.match(line):
            fragments = tuple(
                (int(a), int(b)) for a, b in (piece.split() for piece in match.group(3).split(";"))
            )
            bounds[match.group(1)] = _TextBound(match.group(2), fragments)
        elif match := _E_LINE.match(line):
            args = [tuple(arg.split(":", 1)) for arg in match.group(2).split()]
            events.append((match.group(1), [(a[0], a[1]) for a in args if len(a) == 2]))
    attributions: list[GoldAttribution] = []
    issues: list[GoldIssue] = []
    seen: set[tuple[SpanSet, SpanSet, SpanSet]] = set()
    for event_id, args in events:
        where = f"{ann_path.name} {event_id}"
        result = _attribution(args, bounds, text)
        if isinstance(result, tuple):
            kind, reason = result
            issues.append(GoldIssue(doc_id, kind, f"{where}: {reason}", counts_as_gold=False))
            continue
        key = (result.spans("source"), result.spans("cue"), result.spans("content"))
        if key in seen:
            issues.append(GoldIssue(doc_id, "duplicate", f"{where}: repeats an earlier event", False))
            continue
        seen.add(key)
        attributions.append(result)
    for issue in issues:
        log.debug("gold issue: %s", issue.detail)
    return GoldDoc(doc_id, text, LANG, tuple(attributions), tuple(issues))


def _read(path: Path) -> str:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError) as err:
        raise EvalInputError(f"cannot read {path}: {err}") from err


def _attribution(
    args: list[tuple[str, str]], bounds: dict[str, _TextBound], text: str
) -> GoldAttribution | tuple[str, str]:
    """The attribution an event describes, or the kind of issue and why it cannot be one."""
    if not args:
        return ("incomplete", "event without arguments")
    roles: dict[str, list[Span]] = {}
    for role, ref in args:
        bound = bounds.get(ref)
        if bound is None:
            return ("bad_reference", f"refers to missing {ref}")
        if any(not 0 <= a <= b <= len(text) for a, b in bound.fragments):
            return ("bad_reference", f"{ref} has offsets outside the text")
        # "Content2" is a second content part; the trigger ("Attribution...") is the first argument.
        name = "Trigger" if role.startswith("Attribution") else role.rstrip("0123456789")
        roles.setdefault(name, []).extend(Span(a, b, text[a:b]) for a, b in bound.fragments)
    content = roles.get("Content")
    cue = roles.get("Cue") or roles.get("Trigger")
    if not content:
        return ("incomplete", "no content")
    if not cue:
        return ("incomplete", "no cue")
    source = merged(roles["Source"], text) if roles.get("Source") else ()
    content_set = _trim_content(merged(content, text), text)
    cue_set = merged(cue, text)
    return GoldAttribution(
        source=covering(source, text) if source else None,
        cue=covering(cue_set, text),
        content=covering(content_set, text),
        type=_quote_type(merged(content, text), text, has_source=bool(source)),
        source_kind="unknown" if source else "none",
        resolved=None,
        source_parts=source if len(source) > 1 else (),
        cue_parts=cue_set if len(cue_set) > 1 else (),
        content_parts=content_set if len(content_set) > 1 else (),
    )


def _trim_content(fragments: SpanSet, text: str) -> SpanSet:
    """Drop surrounding whitespace and a leading complementizer ``that`` (kept when nothing would remain)."""
    start, end = fragments[0].start, fragments[-1].end
    while start < end and text[start].isspace():
        start += 1
    if match := _COMPLEMENTIZER.match(text, start, end):
        start = match.end() if match.end() < end else start
    while end > start and text[end - 1].isspace():
        end -= 1
    kept = [
        Span(max(s.start, start), min(s.end, end), "")
        for s in fragments
        if min(s.end, end) > max(s.start, start)
    ]
    return merged(kept, text) if kept else fragments


def _quote_type(content: SpanSet, text: str, *, has_source: bool) -> str:
    if not has_source:
        return "nosource"
    inner = joined_text(content).strip()
    before = text[: content[0].start].rstrip()[-1:]
    after = text[content[-1].end :].lstrip(_TRAILING_PUNCT)[:1]
    opens = _one_of(inner[:1], _OPEN_QUOTES) or _one_of(before, _OPEN_QUOTES)
    closes = _one_of(inner.rstrip(_TRAILING_PUNCT)[-1:], _CLOSE_QUOTES) or _one_of(after, _CLOSE_QUOTES)
    if opens and closes:
        return "direct"
    if _ANY_QUOTE & set(inner):
        return "mixed"
    return "indirect"


def _one_of(char: str, chars: str) -> bool:
    return char != "" and char in chars
