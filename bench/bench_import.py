"""Import throughput on real articles, against baselines measured in the same run.

Prints, for the first N articles of a corpus (default 1,000 of orangesum-fr):
- the whole import (read, clean, spaCy, extractors, RDF mapping, store) in articles/s, triples, rejects;
- the spaCy pipeline alone on the same texts (baseline): import time / spaCy time;
- writing the same quads through pyoxigraph's bulk loader vs through rdflib's Dataset.addN: the ratio;
- a re-import of the same input (every article unchanged).

Run: .venv/bin/python bench/bench_import.py [--corpus PATH] [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "orangesum-fr.jsonl.gz"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=1000)
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (the benchmark reads ../shared/data)", file=sys.stderr)
        return 2

    from rdflib import Dataset

    from kgbuild import nlp, store
    from kgbuild.importer import import_articles
    from kgbuild.readers import ReadOptions, read_inputs
    from kgbuild.readers.cleanup import clean_text

    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.jsonl"
        with gzip.open(args.corpus, "rt", encoding="utf-8") as src, sample.open("w", encoding="utf-8") as dst:
            dst.writelines(itertools.islice(src, args.limit))
        texts = [json.loads(line).get("text", "") for line in sample.open(encoding="utf-8")]

        pipe = nlp.load("fr")
        t0 = time.perf_counter()
        for _ in pipe.pipe((clean_text(t).text for t in texts), batch_size=32):
            pass
        spacy_seconds = time.perf_counter() - t0

        dataset = store.open_dataset(Path(tmp) / "kg")
        summary = import_articles(read_inputs([str(sample)], ReadOptions()), dataset)
        t0 = time.perf_counter()
        again = import_articles(read_inputs([str(sample)], ReadOptions()), dataset)
        reimport_seconds = time.perf_counter() - t0
        quads = list(dataset.quads((None, None, None, None)))
        store.close(dataset)

        bulk = store.open_dataset(store.MEMORY)
        grouped: dict = {}
        for quad in quads:
            grouped.setdefault(quad[3], []).append(quad)
        t0 = time.perf_counter()
        store.replace_graphs(bulk, grouped)
        bulk_seconds = time.perf_counter() - t0
        plain = Dataset(store="Oxigraph")
        t0 = time.perf_counter()
        plain.addN(quads)
        addn_seconds = time.perf_counter() - t0

    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures = summary.as_dict()
    print(f"corpus: {args.corpus.name}, first {args.limit} records")
    for key in (
        "articles_read",
        "new",
        "rejected",
        "claims_extracted",
        "triples_written",
        "store_triples",
        "seconds",
        "articles_per_second",
    ):
        print(f"  {key.replace('_', ' '):<26} {figures[key]}")
    print(f"  spaCy alone (baseline)     {spacy_seconds:.1f} s")
    print(f"  import / spaCy alone       {summary.seconds / spacy_seconds:.2f}x")
    print(f"  re-import (all unchanged)  {reimport_seconds:.1f} s, unchanged {again.unchanged}")
    print(
        f"  write {len(quads):,} quads: bulk loader {bulk_seconds:.2f} s, rdflib addN {addn_seconds:.2f} s, "
        f"ratio {addn_seconds / bulk_seconds:.1f}x"
    )
    print(f"  peak memory                {rss_mb:.0f} MB")
    reasons: dict[str, int] = {}
    for reject in summary.rejects:
        reasons[reject.reason.split(":")[0]] = reasons.get(reject.reason.split(":")[0], 0) + 1
    for reason, count in sorted(reasons.items(), key=lambda kv: -kv[1]):
        print(f"  rejected: {count} x {reason}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
