"""What the extractors add to spaCy's own time, on real articles.

For the first N articles of a corpus (default 300 of orangesum-fr), cleaned as the pipeline cleans them:
- the spaCy pipeline alone (``nlp.pipe``), in articles/s;
- the extractors (the default ones: entities.v1 + attributions.v2, or ``--extractors``) on the Docs it
  returned, in articles/s, each extractor on its own line;
- the ratio extractors / spaCy. Target: at most 0.15 (extraction adds at most 15%).

The extractors are timed on the same Docs, once each, so the two figures come from one parse; spaCy and the
extractors alternate batch by batch. Times are CPU
times of this process (the machine may be shared; wall-clock times are printed beside them).

Run: .venv/bin/python bench/bench_extraction.py [--corpus PATH] [--limit N] [--lang fr]
     .venv/bin/python bench/bench_extraction.py --corpus ../shared/data/corpus/fakes-en.jsonl.gz --lang en
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

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
    wall = dict.fromkeys(names, 0.0)
    cpu_times = dict.fromkeys(names, 0.0)
    counts = dict.fromkeys(names, 0)
    spacy_wall = spacy_cpu = 0.0
    docs = []
    # spaCy and the extractors take turns batch by batch, so that a machine slowing down or speeding up
    # during the run weighs on both sides of the ratio alike
    for start in range(0, len(texts), args.batch_size):
        started, cpu = time.perf_counter(), time.process_time()
        batch = list(pipe.pipe(texts[start : start + args.batch_size], batch_size=args.batch_size))
        spacy_wall += time.perf_counter() - started
        spacy_cpu += time.process_time() - cpu
        for doc in batch:
            entities: tuple[object, ...] = ()
            for name, function in functions:
                started, cpu = time.perf_counter(), time.process_time()
                records = list(function(doc, ExtractContext(args.lang, entities)))  # type: ignore[arg-type]
                wall[name] += time.perf_counter() - started
                cpu_times[name] += time.process_time() - cpu
                counts[name] += len(records)
                if name.startswith("entities."):
                    entities = tuple(records)
        docs.extend(batch)
    extract_cpu = sum(cpu_times.values())
    extract_wall = sum(wall.values())

    tokens = sum(len(doc) for doc in docs)
    ratio = extract_cpu / spacy_cpu if spacy_cpu else float("inf")
    print(f"articles: {len(docs)} ({tokens:,} tokens), model {nlp.model_name(args.lang)}")
    print(
        f"spaCy pipeline alone: {spacy_cpu:7.2f} s CPU ({spacy_wall:.2f} s wall)  "
        f"{len(docs) / spacy_wall:7.1f} articles/s"
    )
    for name in names:
        print(
            f"{name:22s}{cpu_times[name]:7.2f} s CPU ({wall[name]:.2f} s wall)  {counts[name]:,} records  "
            f"{cpu_times[name] / spacy_cpu:.3f} of spaCy"
        )
    print(f"extractors:           {extract_cpu:7.2f} s CPU ({extract_wall:.2f} s wall)")
    verdict = "ok" if ratio <= TARGET else "over target"
    print(
        f"extractors / spaCy: {ratio:.3f} (pipeline + extractors = {1 + ratio:.3f} x spaCy; target <= "
        f"{TARGET:.2f}: {verdict})"
    )
    return 0


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
