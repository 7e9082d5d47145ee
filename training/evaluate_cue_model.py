"""Score the cue model on held-out PolNeAR dev, next to the rule-based extractor, and time it.

Spans are matched one-to-one, greedily, largest overlap first (as in ``EVAL.md``):

- CUE: a predicted cue matches a gold cue when they share at least one character (``EVAL.md``'s cue criterion;
  punctuation-only cues are scored the same way here, as the model has no content to match them through);
- SOURCE: likewise, against each distinct gold source span;
- CONTENT (when the model has the label): overlap of at least half the shorter span.

Then the model's cues are set against the cues of ``attributions.v1`` run on the same Docs: the recall of the
rules alone, of the union, and how many of the cues only the model finds are gold cues. Timing: the base
pipeline over the dev texts (``nlp.pipe``) against :func:`kgbuild.extractors.cue_model.predict_with` over the
resulting Docs, in the same process, one thread, as CPU time of this process (the machine is shared: wall
time would count other people's work).

``--frames T...`` adds the EVAL.md figures of the rules alone, of the rules plus
:func:`~kgbuild.extractors.cue_model.fallback_frame` around each model-only cue of confidence >= T (with and
without those nested in a content the rules found), and of the rules reading the model's cues through their
``extra_cues`` option. ``--tune`` scores the tuning split instead of dev (to choose thresholds; meaningless for a
model trained on all of train).

    .venv/bin/python training/evaluate_cue_model.py /tmp/kgbuild-cue-model/tagger/model-best --frames 0.5 0.7
    .venv/bin/python training/evaluate_cue_model.py kgbuild/models/en_attribution_cues --no-rules
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training"))

from convert_polnear import publication_key  # noqa: E402
from package_model import prepared  # noqa: E402

from kgbuild import nlp  # noqa: E402
from kgbuild.eval.gold import GoldDoc, load_gold  # noqa: E402
from kgbuild.extractors.cue_model import (  # noqa: E402
    CONTENT,
    CUE,
    SOURCE,
    LabelledSpan,
    ScoredSpan,
    fallback_frame,
    predict_with,
    unread_cues,
)

POLNEAR_DEV = ROOT.parent / "shared" / "data" / "attribution" / "polnear" / "dev"

Pair = tuple[int, int]
TUNE_ARTICLES = 84  # as in convert_polnear.py


@dataclass
class Tally:
    predicted: int = 0
    gold: int = 0
    matched: int = 0
    exact: int = 0
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def row(self, name: str) -> str:
        p = self.matched / self.predicted if self.predicted else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return (
            f"| {name} | {self.gold} | {self.predicted} | {self.matched} | {p:.3f} | {r:.3f} | {f:.3f} "
            f"| {self.exact / self.gold if self.gold else 0:.3f} |"
        )


def match(predicted: Sequence[Pair], gold: Sequence[Pair], half: bool = False) -> list[tuple[Pair, Pair]]:
    """One-to-one pairs, largest overlap first; ``half``: overlap must reach half the shorter span."""
    options = []
    for p in predicted:
        for g in gold:
            shared = min(p[1], g[1]) - max(p[0], g[0])
            needed = (min(p[1] - p[0], g[1] - g[0]) + 1) // 2 if half else 1
            if shared >= max(needed, 1):
                options.append((shared, p, g))
    used_p: set[Pair] = set()
    used_g: set[Pair] = set()
    pairs = []
    for _, p, g in sorted(options, key=lambda o: -o[0]):
        if p not in used_p and g not in used_g:
            used_p.add(p)
            used_g.add(g)
            pairs.append((p, g))
    return pairs


def tally(
    tl: Tally, text: str, predicted: Sequence[Pair], gold: Sequence[Pair], half: bool = False
) -> set[Pair]:
    pairs = match(predicted, gold, half)
    tl.predicted += len(predicted)
    tl.gold += len(gold)
    tl.matched += len(pairs)
    tl.exact += sum(p == g for p, g in pairs)
    got_p = {p for p, _ in pairs}
    got_g = {g for _, g in pairs}
    tl.missed.extend(text[g[0] : g[1]] for g in gold if g not in got_g)
    tl.wrong.extend(text[p[0] : p[1]] for p in predicted if p not in got_p)
    return got_g


def gold_spans(doc: GoldDoc, role: str) -> list[Pair]:
    spans = set()
    for a in doc.attributions:
        span = {"cue": a.cue, "source": a.source, "content": a.content}[role]
        if span is not None:
            spans.add((span.start, span.end))
    return sorted(spans)


def rule_cues(doc: Doc, lang: str) -> list[Pair]:
    return sorted({(a["cue"]["start"], a["cue"]["end"]) for a in rule_attributions(doc, lang)})


def rule_attributions(doc: Doc, lang: str, extra_cues: Sequence[Pair] = ()) -> list[dict[str, Any]]:
    """``attributions.v1`` over ``doc`` as EVAL.md dicts; ``extra_cues`` go to its ``extra_cues`` option."""
    from kgbuild.extract_json import attribution_to_json
    from kgbuild.extractors.registry import ExtractContext, get_extractor

    entities = tuple(get_extractor("entities.v1")(doc, ExtractContext(lang=lang)))
    options = {"extra_cues": list(extra_cues)} if extra_cues else {}
    found = get_extractor("attributions.v1")(
        doc, ExtractContext(lang=lang, entities=entities, options=options)
    )
    return [attribution_to_json(a) for a in found]


def naive_frame(doc: Doc, cue: Pair, spans: Sequence[LabelledSpan]) -> dict[str, Any] | None:
    """An EVAL.md attribution dict around a model-only cue, from :func:`cue_model.fallback_frame`."""
    frame = fallback_frame(doc, cue, spans)
    if frame is None:
        return None
    source, content = frame

    def js(pair: Pair) -> dict[str, Any]:
        return {"start": pair[0], "end": pair[1], "text": doc.text[pair[0] : pair[1]]}

    return {
        "cue": js(cue),
        "content": js(content),
        "source": None if source is None else {**js(source), "resolved": None},
        "type": "indirect",
        "source_kind": "unknown",
    }


def frames_report(
    golds: Sequence[GoldDoc],
    docs: Sequence[Doc],
    outputs: Sequence[Sequence[ScoredSpan]],
    thresholds: Sequence[float],
) -> None:
    """EVAL.md figures of the rules alone, and of the rules plus a naive frame around each model-only cue
    whose confidence reaches each threshold."""
    from kgbuild.eval.metric import score

    found = {gold.id: rule_attributions(doc, "en") for gold, doc in zip(golds, docs, strict=True)}
    print("EVAL.md figures (attributions.v1 on the same Docs, no clean-up step):")
    print(
        f"{'':<30}{'gold':>6}{'pred':>6}{'match':>7}{'P':>7}{'R':>7}{'F1':>7}{'source':>8}{'content':>9}"
        f"{'trip.P':>8}{'trip.R':>8}{'trip.F1':>8}"
    )
    print(f"{'rules alone':<30}" + score(golds, found).table().splitlines()[2][14:])
    for threshold in thresholds:
        for nested in (True, False):
            union: dict[str, list[Any]] = {}
            for gold, doc, out in zip(golds, docs, outputs, strict=True):
                known = [(a["cue"]["start"], a["cue"]["end"]) for a in found[gold.id]]
                contents = (
                    [] if nested else [(a["content"]["start"], a["content"]["end"]) for a in found[gold.id]]
                )
                spans = [(lab, s, e) for lab, s, e, _ in out]
                extra = unread_cues(out, known, threshold, contents)
                frames = [f for f in (naive_frame(doc, cue, spans) for cue in extra) if f is not None]
                union[gold.id] = found[gold.id] + frames
            name = f"+ naive >= {threshold:.2f}{'' if nested else ' not nested'}"
            print(f"{name:<30}" + score(golds, union).table().splitlines()[2][14:])
        integrated = {
            gold.id: rule_attributions(
                doc, "en", [(s, e) for lab, s, e, conf in out if lab == CUE and conf >= threshold]
            )
            for gold, doc, out in zip(golds, docs, outputs, strict=True)
        }
        name = f"rules(extra_cues >= {threshold:.2f})"
        print(f"{name:<30}" + score(golds, integrated).table().splitlines()[2][14:])
        # what the rules still leave of the model's cues, framed naively (not inside a content found)
        combined: dict[str, list[Any]] = {}
        for gold, doc, out in zip(golds, docs, outputs, strict=True):
            have = integrated[gold.id]
            known = [(a["cue"]["start"], a["cue"]["end"]) for a in have]
            contents = [(a["content"]["start"], a["content"]["end"]) for a in have]
            spans = [(lab, s, e) for lab, s, e, _ in out]
            rest = unread_cues(out, known, threshold, contents)
            combined[gold.id] = have + [
                f for f in (naive_frame(doc, c, spans) for c in rest) if f is not None
            ]
        name = "  + naive rest, not nested"
        print(f"{name:<30}" + score(golds, combined).table().splitlines()[2][14:])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("model", type=Path, help="trained model folder (spacy train output or shipped)")
    parser.add_argument("--gold", type=Path, default=POLNEAR_DEV)
    parser.add_argument(
        "--tune", action="store_true", help="score the tuning split (latest 84 train articles) instead of dev"
    )
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--no-rules", action="store_true", help="skip the comparison with attributions.v1")
    parser.add_argument("--show", type=int, default=0, help="print N missed and N wrong cues")
    parser.add_argument(
        "--frames",
        type=float,
        nargs="*",
        default=None,
        metavar="MIN_SCORE",
        help="EVAL.md figures: rules vs rules + naive frames on model-only cues (at these confidences)",
    )
    args = parser.parse_args()

    if args.tune:
        train = sorted(load_gold(POLNEAR_DEV.parent / "train"), key=lambda g: publication_key(g.id))
        golds = train[-TUNE_ARTICLES:][: args.limit]
    else:
        golds = load_gold(args.gold)[: args.limit]
    base = nlp.load("en")
    model = prepared(args.model)
    base(golds[0].text[:200])  # warm-up outside the timings

    started = time.process_time()
    docs = list(base.pipe(g.text for g in golds))
    base_seconds = time.process_time() - started

    started = time.process_time()
    outputs = [predict_with(model, doc) for doc in docs]
    model_seconds = time.process_time() - started

    labels = sorted({label for out in outputs for label, *_ in out} | {CUE, SOURCE})
    tallies = {label: Tally() for label in labels}
    rules, union, only_model = Tally(), Tally(), Tally()
    rules_seconds = 0.0
    for gold, doc, out in zip(golds, docs, outputs, strict=True):
        spans = {label: [(s, e) for lab, s, e, _ in out if lab == label] for label in labels}
        for label in labels:
            role = {CUE: "cue", SOURCE: "source", CONTENT: "content"}[label]
            tally(tallies[label], gold.text, spans[label], gold_spans(gold, role), half=label == CONTENT)
        if args.no_rules:
            continue
        started = time.process_time()
        found = rule_cues(doc, "en")
        rules_seconds += time.process_time() - started
        gold_cues = gold_spans(gold, "cue")
        tally(rules, gold.text, found, gold_cues)
        extra = [c for c in spans[CUE] if not any(s < c[1] and c[0] < e for s, e in found)]
        tally(union, gold.text, found + extra, gold_cues)
        tally(only_model, gold.text, extra, gold_cues)

    words = sum(len(d) for d in docs)
    print(f"{len(golds)} {'tune' if args.tune else 'dev'} articles, {words} tokens; model {args.model}")
    print(
        "| spans | gold | predicted | matched | P | R | F1 | exact/gold |\n|---|---|---|---|---|---|---|---|"
    )
    for label in labels:
        print(tallies[label].row(label))
    if not args.no_rules:
        print(rules.row("CUE attributions.v1"))
        print(union.row("CUE rules + model-only cues"))
        print(only_model.row("CUE model-only cues (vs all gold cues)"))
    print(
        f"CPU time: base pipeline {base_seconds:.2f}s, cue model {model_seconds:.2f}s "
        f"(ratio {model_seconds / base_seconds:.3f})"
        + (f", entities.v1 + attributions.v1 {rules_seconds:.2f}s" if not args.no_rules else "")
    )
    if args.frames is not None:
        frames_report(golds, docs, outputs, args.frames or [0.0])
    if args.show:
        print("missed cues:", tallies[CUE].missed[: args.show])
        print("wrong cues:", tallies[CUE].wrong[: args.show])
        if not args.no_rules:
            print("model-only wrong:", only_model.wrong[: args.show])


if __name__ == "__main__":
    main()
