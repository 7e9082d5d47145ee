"""What the extractors add to spaCy's own time, on real articles.

For the first N articles of a corpus (default 300 of orangesum-fr), cleaned as the pipeline cleans them:
- the spaCy pipeline alone (``nlp.pipe``), in articles/s;
- the extractors (entities.v1 + attributions.v1) on the Docs it returned, in articles/s;
- the ratio extractors / spaCy. Target: at most 0.15 (extraction adds at most 15%).

The extractors are timed on the same Docs, once each, so the two figures come from one parse.

Run: .venv/bin/python bench/bench_extraction.py [--corpus PATH] [--limit N] [--lang fr]
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
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (the benchmark reads ../shared/data)", file=sys.stderr)
        return 2
    if args.limit < 1:
        print("--limit must be at least 1", file=sys.stderr)
        return 2

    from kgbuild import nlp
    from kgbuild.extractors import ExtractContext, get_extractor
    from kgbuild.readers.cleanup import clean_text

    texts = [clean_text(text).text for text in itertools.islice(_texts(args.corpus), args.limit)]
    if not texts:
        print(f"no article texts in {args.corpus}", file=sys.stderr)
        return 2
    pipe = nlp.load(args.lang)
    pipe("Échauffement." if args.lang == "fr" else "Warm-up.")  # first-call costs are not the corpus's

    started = time.perf_counter()
    docs = list(pipe.pipe(texts, batch_size=args.batch_size))
    spacy_seconds = time.perf_counter() - started

    entities_v1 = get_extractor("entities.v1")
    attributions_v1 = get_extractor("attributions.v1")
    counts = {"entities": 0, "attributions": 0}
    started = time.perf_counter()
    for doc in docs:
        entities = tuple(entities_v1(doc, ExtractContext(args.lang)))
        attributions = list(attributions_v1(doc, ExtractContext(args.lang, entities)))
        counts["entities"] += len(entities)
        counts["attributions"] += len(attributions)
    extract_seconds = time.perf_counter() - started

    tokens = sum(len(doc) for doc in docs)
    ratio = extract_seconds / spacy_seconds if spacy_seconds else float("inf")
    print(f"articles: {len(docs)} ({tokens:,} tokens), model {nlp.model_name(args.lang)}")
    print(f"spaCy pipeline alone: {spacy_seconds:7.2f} s  {len(docs) / spacy_seconds:7.1f} articles/s")
    print(f"extractors:           {extract_seconds:7.2f} s  {len(docs) / extract_seconds:7.1f} articles/s")
    print(f"found: {counts['entities']:,} entity mentions, {counts['attributions']:,} attributions")
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
