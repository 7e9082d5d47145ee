"""How far PolNeAR's annotators agree, on the metric of ``EVAL.md`` (kgbuild's own scorer).

Some PolNeAR articles were annotated by several annotators (``<stem>_<annotator>.ann``); ``kgbuild eval`` reads
the first file in sorted order. Here each annotator's attributions are scored as predictions against each other
annotator's: over every pair, and with the first annotator as gold. A discontinuous span is given as the span
covering its parts (the prediction format has one span per role).

    .venv/bin/python training/annotator_agreement.py [--gold ../shared/data/attribution/polnear] [train dev]
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
from pathlib import Path
from typing import Any

from kgbuild.eval.brat import read_brat_doc
from kgbuild.eval.gold import GoldAttribution, GoldDoc
from kgbuild.eval.metric import score
from kgbuild.records import Span


def as_prediction(attribution: GoldAttribution, text: str) -> dict[str, Any]:
    def span(s: Span | None) -> dict[str, Any] | None:
        return None if s is None else {"start": s.start, "end": s.end, "text": text[s.start : s.end]}

    return {
        "cue": span(attribution.cue),
        "content": span(attribution.content),
        "source": span(attribution.source),
        "type": attribution.type,
        "source_kind": attribution.source_kind,
    }


def multiply_annotated(root: Path) -> dict[str, list[Path]]:
    """Stem -> its annotation files, for the articles annotated more than once."""
    groups: dict[str, list[Path]] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        groups.setdefault(ann.stem.rsplit("_", 1)[0], []).append(ann)
    return {stem: files for stem, files in groups.items() if len(files) > 1}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=Path("../shared/data/attribution/polnear"))
    parser.add_argument("splits", nargs="*", default=["train", "dev"])
    args = parser.parse_args()
    pairs: tuple[list[GoldDoc], dict[str, list[dict[str, Any]]]] = ([], {})
    first: tuple[list[GoldDoc], dict[str, list[dict[str, Any]]]] = ([], {})
    articles = 0
    for split in args.splits:
        root = args.gold / split
        for stem, files in multiply_annotated(root).items():
            articles += 1
            docs = [read_brat_doc(stem, root / "text" / f"{stem}.txt", f) for f in files]
            for i, j in itertools.combinations(range(len(docs)), 2):
                key = f"{stem}#{i}-{j}"
                gold = dataclasses.replace(docs[i], id=key)
                predicted = [as_prediction(a, docs[j].text) for a in docs[j].attributions]
                for golds, predictions in (pairs, first) if i == 0 else (pairs,):
                    golds.append(gold)
                    predictions[key] = predicted
    print(f"{articles} articles annotated more than once, {len(pairs[0])} pairs of annotators")
    for title, (golds, predictions) in (("every pair", pairs), ("first annotator as gold", first)):
        print(title)
        print("\n".join(score(golds, predictions).table().splitlines()[1:3]))


if __name__ == "__main__":
    main()
