"""What the extractors add to spaCy's own time, on real articles.

For the first N articles of a corpus (default 300 of orangesum-fr), cleaned as the pipeline cleans them:
- the spaCy pipeline alone (``nlp.pipe``), in articles/s;
- the extractors (the default ones, or ``--extractors``) on the Docs it
  returned, in articles/s, each extractor on its own line;
- the ratio extractors / spaCy. Target: at most 0.15 (extraction adds at most 15%).

The extractors are timed on the same Docs, once each, so the two figures come from one parse; spaCy and the
extractors alternate batch by batch. Times are CPU
times of this process (the machine may be shared; wall-clock times are printed beside them).

Run: .venv/bin/python bench/bench_extraction.py [--corpus PATH] [--limit N] [--lang fr] [--repeat 3]
     .venv/bin/python bench/bench_extraction.py --corpus ../shared/data/corpus/fakes-en.jsonl.gz --lang en
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import statistics
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "orangesum-fr.jsonl.gz"
TARGET = 0.15


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--lang", default="fr")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="measure N times and judge the median ratio (a shared machine drifts)",
    )
    parser.add_argument(
        "--extractors", default=None, help="comma-separated names (default: kgbuild's defaults)"
    )
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (the benchmark reads ../shared/data)", file=sys.stderr)
        return 2
    if args.limit < 1:
        print("--limit must be at least 1", file=sys.stderr)
        return 2

    from kgbuild import nlp
    from kgbuild.extractors import DEFAULT_EXTRACTORS, ExtractContext, get_extractor
    from kgbuild.readers.cleanup import clean_text

    texts = [clean_text(text).text for text in itertools.islice(_texts(args.corpus), args.limit)]
    if not texts:
        print(f"no article texts in {args.corpus}", file=sys.stderr)
        return 2
    pipe = nlp.load(args.lang)
    pipe("Échauffement." if args.lang == "fr" else "Warm-up.")  # first-call costs are not the corpus's

    names = tuple(args.extractors.split(",")) if args.extractors else DEFAULT_EXTRACTORS
    functions = [(name, get_extractor(name)) for name in names]
    for _name, function in functions:  # first-call costs (lexicons, trained weights) are not the corpus's
        list(function(pipe("Warm-up."), ExtractContext(args.lang)))
    if args.repeat < 1:
        print("--repeat must be at least 1", file=sys.stderr)
        return 2
    runs = [_measure(pipe, texts, functions, args.lang, args.batch_size) for _ in range(args.repeat)]
    run = runs[-1]
    ratios = sorted(r.extract_cpu / r.spacy_cpu if r.spacy_cpu else float("inf") for r in runs)
    ratio = statistics.median(ratios)
    print(f"articles: {len(texts)} ({run.tokens:,} tokens), model {nlp.model_name(args.lang)}")
    print(
        f"spaCy pipeline alone: {run.spacy_cpu:7.2f} s CPU ({run.spacy_wall:.2f} s wall)  "
        f"{len(texts) / run.spacy_wall:7.1f} articles/s"
    )
    for name in names:
        print(
            f"{name:22s}{run.cpu[name]:7.2f} s CPU ({run.wall[name]:.2f} s wall)  {run.counts[name]:,} records  "
            f"{run.cpu[name] / run.spacy_cpu:.3f} of spaCy"
        )
    print(f"extractors:           {run.extract_cpu:7.2f} s CPU ({sum(run.wall.values()):.2f} s wall)")
    if len(runs) > 1:
        print(f"runs: {len(runs)}, ratios {', '.join(f'{r:.3f}' for r in ratios)}; the median is judged")
    verdict = "ok" if ratio <= TARGET else "over target"
    print(
        f"extractors / spaCy: {ratio:.3f} (pipeline + extractors = {1 + ratio:.3f} x spaCy; target <= "
        f"{TARGET:.2f}: {verdict})"
    )
    return 0


@dataclass
class _Run:
    spacy_cpu: float = 0.0
    spacy_wall: float = 0.0
    tokens: int = 0
    cpu: dict[str, float] = field(default_factory=dict)
    wall: dict[str, float] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def extract_cpu(self) -> float:
        return sum(self.cpu.values())


def _measure(
    pipe: Any, texts: list[str], functions: list[tuple[str, Any]], lang: str, batch_size: int
) -> _Run:
    from kgbuild.extractors import ExtractContext

    names = [name for name, _ in functions]
    run = _Run(cpu=dict.fromkeys(names, 0.0), wall=dict.fromkeys(names, 0.0), counts=dict.fromkeys(names, 0))
    # spaCy and the extractors take turns batch by batch, so that a machine slowing down or speeding up
    # during the run weighs on both sides of the ratio alike
    for start in range(0, len(texts), batch_size):
        started, cpu = time.perf_counter(), time.process_time()
        batch = list(pipe.pipe(texts[start : start + batch_size], batch_size=batch_size))
        run.spacy_wall += time.perf_counter() - started
        run.spacy_cpu += time.process_time() - cpu
        for doc in batch:
            run.tokens += len(doc)
            entities: tuple[object, ...] = ()
            for name, function in functions:
                started, cpu = time.perf_counter(), time.process_time()
                records = list(function(doc, ExtractContext(lang, entities)))  # type: ignore[arg-type]
                run.wall[name] += time.perf_counter() - started
                run.cpu[name] += time.process_time() - cpu
                run.counts[name] += len(records)
                if name.startswith("entities."):
                    entities = tuple(records)
    return run


def _texts(path: Path) -> Iterator[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                text = json.loads(line).get("text")
                if isinstance(text, str) and text.strip():
                    yield text


if __name__ == "__main__":
    raise SystemExit(main())
