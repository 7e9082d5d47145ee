"""Train the content ranker (kgbuild/extractors/content_ranker.py) on PolNeAR train.

For every attribution ``attributions.v2`` finds (with no ranker) whose cue overlaps a gold cue, each candidate
content gets the token F1 of EVAL.md against the gold content; a linear model is trained so that the candidate
of best F1 scores highest (softmax over the candidates of one cue, plain SGD with L2). PolNeAR dev is not read.

    .venv/bin/python training/train_content_ranker.py --gold ../shared/data/attribution/polnear/train \\
        --hold-out 4 --out kgbuild/models/en_content_ranker.json

``--hold-out N`` keeps every N-th article out of training and reports on it (content-right share of matched
cues: rules vs ranker); ``--hold-out 0`` trains on everything. ``--docs FILE`` caches the parsed articles.
"""

from __future__ import annotations

import argparse
import logging
import math
import pickle
import random
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from kgbuild import nlp
from kgbuild.eval import load_gold
from kgbuild.eval.gold import GoldDoc
from kgbuild.eval.measures import joined_text, token_f1
from kgbuild.extractors import (
    ExtractContext,
    attributions,
    content_ranker,
    cue_filter,
    cue_model,
    get_extractor,
    source_ranker,
)
from kgbuild.readers.cleanup import CleanText, clean_text

Instance = tuple[list[tuple[str, ...]], list[float]]


def parsed(golds: Sequence[GoldDoc], cache: Path | None) -> list[tuple[CleanText, Doc]]:
    model = nlp.load("en")
    cleans = [clean_text(g.text) for g in golds]
    if cache is not None and cache.is_file():
        blobs = pickle.loads(cache.read_bytes())
        if len(blobs) == len(golds):
            return list(zip(cleans, (Doc(model.vocab).from_bytes(b) for b in blobs), strict=True))
    docs = list(model.pipe((c.text for c in cleans), batch_size=16))
    if cache is not None:
        cache.write_bytes(pickle.dumps([d.to_bytes() for d in docs]))
    return list(zip(cleans, docs, strict=True))


def origin_of(confidence: float) -> str:
    return attributions.origin(confidence)


def instances(
    gold: GoldDoc, clean: CleanText, doc: Doc, what: str = "content"
) -> Iterator[tuple[Instance, float]]:
    """(candidate features, their scores), and the score of the rules' own choice, per matched cue.

    Contents score their EVAL.md token F1 against the gold content; sources 1 when right (overlapping the gold
    source, or none where the gold has none), else 0."""
    extract = get_extractor("attributions.v2")
    seen: set[tuple[int, int]] = set()
    # as attributions.v2 reads before its filter: nested attributions kept, for the filter to judge; the filter
    # judges the rules' own content and source, the source ranker the content ranker's content
    settings = {
        "content_ranker": what == "source",
        "source_ranker": False,
        "cue_filter": False,
        "nested": True,
    }
    spans = cue_model.predict_scored(doc, "en")
    records = list(extract(doc, ExtractContext("en", options=settings)))
    for record in records:
        cue = (record.cue.start, record.cue.end)
        if cue in seen:
            continue
        seen.add(cue)
        ocue = clean.to_original(*cue)
        if what == "cue":
            yield _cue_instance(gold, clean, doc, record, spans, _outer(record, records)), 0.0
            continue
        target = next(
            (
                g
                for g in gold.attributions
                if any(p.start < ocue[1] and ocue[0] < p.end for p in g.spans("cue"))
            ),
            None,
        )
        if target is None:
            continue
        if what == "source":
            yield from _source_instance(gold, clean, doc, record, target)
            continue
        truth = joined_text(target.spans("content"))
        options = content_ranker.candidates(
            doc, cue, (record.content.start, record.content.end), origin_of(record.confidence)
        )
        if not options:
            continue
        scores = []
        rule_f1 = 0.0
        for option in options:
            start, end = clean.to_original(option.start, option.end)
            f1 = token_f1(gold.text[start:end], truth)
            scores.append(f1)
            if "rule" in option.features:
                rule_f1 = f1
        yield ([o.features for o in options], scores), rule_f1


def _serving(model: Any) -> Any:
    def load(lang: str) -> Any:
        return (model,)

    return load


def _outer(record: Any, records: Sequence[Any]) -> tuple[int, int] | None:
    """The cue of the attribution whose content holds ``record``'s cue, when it relays it."""
    if record.relayed_by is None:
        return None
    host = records[record.relayed_by]
    inside = host.content.start <= record.cue.start and record.cue.end <= host.content.end
    return (host.cue.start, host.cue.end) if inside and host.cue != record.cue else None


def _cue_instance(
    gold: GoldDoc,
    clean: CleanText,
    doc: Doc,
    record: Any,
    spans: Sequence[cue_model.ScoredSpan],
    outer: tuple[int, int] | None,
) -> Instance:
    """One attribution's features, and 1.0 when a gold attribution has its cue (EVAL.md's matching test)."""
    cue = (record.cue.start, record.cue.end)
    source = (record.source.start, record.source.end) if record.source is not None else None
    found = cue_filter.features(
        doc,
        cue,
        (record.content.start, record.content.end),
        source,
        origin_of(record.confidence),
        [(s, e, sc) for label, s, e, sc in spans if label == cue_model.CUE],
        outer,
    )
    ocue = clean.to_original(*cue)
    ocontent = clean.to_original(record.content.start, record.content.end)
    right = False
    for target in gold.attributions:
        if any(p.start < ocue[1] and ocue[0] < p.end for p in target.spans("cue")):
            right = True
            break
        if not any(ch.isalnum() for ch in record.cue.text):  # a punctuation cue matches by content
            shared = max(0, min(ocontent[1], target.content.end) - max(ocontent[0], target.content.start))
            shorter = min(ocontent[1] - ocontent[0], target.content.end - target.content.start)
            if shorter > 0 and shared * 2 >= shorter:
                right = True
                break
    return [found], [float(right)]


def train_binary(
    data: Sequence[Instance], epochs: int, rate: float, l2: float, seed: int
) -> dict[str, float]:
    """Logistic regression by SGD over (one feature tuple, label) instances; mean of the per-epoch weights."""
    weights: dict[str, float] = {}
    items = [(f[0], s[0]) for f, s in data]
    rng = random.Random(seed)
    snapshots: list[dict[str, float]] = []
    for epoch in range(epochs):
        rng.shuffle(items)
        step = rate / (1 + epoch)
        for features, label in items:
            z = sum(weights.get(f, 0.0) for f in features)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            grad = label - p
            for f in features:
                w = weights.get(f, 0.0)
                weights[f] = w + step * (grad - l2 * w)
        snapshots.append(dict(weights))
    return _mean(snapshots)


def best_threshold(
    data: Sequence[Instance], gold_total: int, check: cue_filter.CueFilter, tolerance: float = 0.002
) -> tuple[float, str]:
    """The probability threshold for the filter, and a line saying so: the middle of the thresholds whose
    attribution F1 (approximate matching) is within ``tolerance`` of the best. The curve is flat near its top
    (F1 0.797 held out anywhere from 0.23 to 0.45), so its single best point moves from run to run."""
    scored = sorted(((check.probability(f[0]), s[0]) for f, s in data), reverse=True)
    curve: list[tuple[float, float, int, int]] = []  # (F1, threshold, kept, right)
    right = 0.0
    for kept, (probability, label) in enumerate(scored, start=1):
        right += label
        curve.append((2 * right / (kept + gold_total), probability, kept, int(right)))
    everything = 2 * sum(s[0] for _, s in data) / (len(data) + gold_total) if data else 0.0
    if not curve:
        return 0.5, f"no readings (all kept: F1 {everything:.3f})"
    top = max(f1 for f1, *_ in curve)
    plateau = [point for point in curve if point[0] >= top - tolerance]
    f1, threshold, kept, right_kept = plateau[len(plateau) // 2]
    line = (
        f"threshold {threshold:.3f} (middle of {plateau[-1][1]:.3f}-{plateau[0][1]:.3f}, F1 within {tolerance} "
        f"of the best {top:.3f}): kept {kept}, right {right_kept}, F1 {f1:.3f}"
    )
    return threshold, f"{line} (all kept: F1 {everything:.3f})"


def _source_instance(
    gold: GoldDoc, clean: CleanText, doc: Doc, record: Any, target: Any
) -> Iterator[tuple[Instance, float]]:
    head = None
    if record.source is not None:
        span = doc.char_span(record.source.start, record.source.end, alignment_mode="expand")
        head = span.root.i if span is not None and len(span) else None
    options = source_ranker.candidates(
        doc,
        (record.cue.start, record.cue.end),
        (record.content.start, record.content.end),
        head,
        origin_of(record.confidence),
    )
    if not options:
        return
    parts = target.spans("source") if target.source is not None else ()
    scores = []
    for option in options:
        if option.head == source_ranker.NONE:
            scores.append(float(not parts))
            continue
        token = doc[option.head]
        start, end = clean.to_original(token.idx, token.idx + len(token.text))
        scores.append(float(any(p.start < end and start < p.end for p in parts)))
    rule = next(
        (sc for o, sc in zip(options, scores, strict=True) if o.head == (head if head is not None else -1)),
        0.0,
    )
    yield ([o.features for o in options], scores), rule


def train(data: Sequence[Instance], epochs: int, rate: float, l2: float, seed: int) -> dict[str, float]:
    """Softmax over each cue's candidates, plain SGD; the weights returned are the mean of the weights after
    each epoch, which varies less from one run to the next than the last ones."""
    weights: dict[str, float] = {}
    usable = [(f, s) for f, s in data if max(s) >= 0.5]
    rng = random.Random(seed)
    snapshots: list[dict[str, float]] = []
    for epoch in range(epochs):
        rng.shuffle(usable)
        step = rate / (1 + epoch)
        for features, scores in usable:
            best = max(scores)
            target = [1.0 if s >= best - 1e-9 else 0.0 for s in scores]
            total = sum(target)
            logits = [sum(weights.get(f, 0.0) for f in fs) for fs in features]
            top = max(logits)
            exps = [math.exp(v - top) for v in logits]
            norm = sum(exps)
            for fs, e, t in zip(features, exps, target, strict=True):
                grad = t / total - e / norm
                if abs(grad) < 1e-6:
                    continue
                for f in fs:
                    w = weights.get(f, 0.0)
                    weights[f] = w + step * (grad - l2 * w)
        snapshots.append(dict(weights))
    return _mean(snapshots)


def _mean(snapshots: Sequence[dict[str, float]]) -> dict[str, float]:
    total: dict[str, float] = {}
    for snapshot in snapshots:
        for f, w in snapshot.items():
            total[f] = total.get(f, 0.0) + w
    return {f: w / len(snapshots) for f, w in total.items()}


def report(name: str, data: Sequence[tuple[Instance, float]], ranker: content_ranker.LinearRanker) -> None:
    right_rules = right_ranker = oracle = 0
    for (features, scores), rule_f1 in data:  # a source's score is 1.0 or 0.0
        logits = [ranker.score(content_ranker.Candidate(0, 0, fs)) for fs in features]
        chosen = scores[max(range(len(scores)), key=logits.__getitem__)]
        right_rules += rule_f1 >= 0.5
        right_ranker += chosen >= 0.5
        oracle += max(scores) >= 0.5
    n = len(data) or 1
    print(
        f"{name}: {len(data)} matched cues; right (content F1 >= 0.5, source correct): rules {right_rules / n:.3f}, "
        f"ranker {right_ranker / n:.3f}, best candidate {oracle / n:.3f}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--gold", type=Path, default=Path("../shared/data/attribution/polnear/train"))
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--what", choices=("content", "source", "cue"), default="content")
    parser.add_argument("--hold-out", type=int, default=4)
    parser.add_argument("--docs", type=Path, default=None, help="cache of the parsed articles (pickle)")
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--rate", type=float, default=0.1)
    parser.add_argument("--l2", type=float, default=1e-4)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threshold", type=float, default=None, help="cue filter: fixed keep threshold")
    parser.add_argument(
        "--fold-models",
        type=Path,
        nargs="+",
        default=(),
        help="cue models trained without one fold each: article i is read with model i mod K, which never saw it",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    golds = load_gold(args.gold)
    pairs = parsed(golds, args.docs)
    train_set: list[tuple[Instance, float]] = []
    held: list[tuple[Instance, float]] = []
    gold_counts = [0, 0]  # gold attributions in the training and held-out articles
    folds = [cue_model.load_from(path) for path in args.fold_models]
    for i, (gold, (clean, doc)) in enumerate(zip(golds, pairs, strict=True)):
        if folds:  # the extractor and the filter's features then see this article's out-of-fold confidences
            cue_model.load_cue_models = _serving(folds[i % len(folds)])
        out = bool(args.hold_out) and i % args.hold_out == 0
        (held if out else train_set).extend(instances(gold, clean, doc, args.what))
        gold_counts[out] += len(gold.attributions) + sum(1 for m in gold.missed if m.counts_as_gold)
    meta: dict[str, object] = {
        "trained_on": f"PolNeAR train ({len(golds)} articles, hold-out every {args.hold_out})"
        + (f", cue confidences out of {len(folds)} folds" if folds else ""),
        "epochs": args.epochs,
        "rate": args.rate,
        "l2": args.l2,
        "base": nlp.pipeline_label("en"),
    }
    if args.what == "cue":
        weights = train_binary([inst for inst, _ in train_set], args.epochs, args.rate, args.l2, args.seed)
        check = cue_filter.CueFilter(weights)
        threshold, line = best_threshold([inst for inst, _ in train_set], gold_counts[0], check)
        print("train:", line)
        if held:
            threshold, line = best_threshold([inst for inst, _ in held], gold_counts[1], check)
            print("held out:", line)
        meta["threshold"] = round(args.threshold if args.threshold is not None else threshold, 4)
        content_ranker.LinearRanker(weights).to_json(args.out, meta)
    else:
        weights = train([inst for inst, _ in train_set], args.epochs, args.rate, args.l2, args.seed)
        ranker = content_ranker.LinearRanker(weights)
        report("train", train_set, ranker)
        if held:
            report("held out", held, ranker)
        ranker.to_json(args.out, meta)
    print(f"wrote {args.out} ({len(weights)} weights)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
