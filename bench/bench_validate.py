"""Benchmark of SHACL validation (``kgbuild validate``) as the graph grows: time and peak memory.

For each corpus size it writes synthetic articles (the generator of ``bench_views.py``, no spaCy needed), parses
them into an rdflib ``Dataset`` (the baseline, measured in the same run on the same quads) and validates the
dataset as ``kgbuild validate`` does: every article graph merged, pySHACL over the shapes of ``ontology/``. Each
size runs in its own process, so that its peak memory is its own.

    .venv/bin/python bench/bench_validate.py                      # 100, 300 and 1,000 synthetic articles
    .venv/bin/python bench/bench_validate.py --articles 100,3000
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def measure(n_articles: int) -> dict[str, float]:
    """Parse and validation time and the peak memory of this process, for ``n_articles`` synthetic articles."""
    from bench_views import Synthetic
    from rdflib import Dataset

    from kgbuild.validate import validate

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.nq"
        with path.open("w", encoding="utf-8") as out:
            out.writelines(Synthetic(n_articles, seed=n_articles).quads())
        dataset = Dataset()
        start = time.process_time()
        dataset.parse(path, format="nquads")
        parse_s = time.process_time() - start
    quads = len(dataset)
    start = time.process_time()
    result = validate(dataset)
    validate_s = time.process_time() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "articles": n_articles,
        "quads": quads,
        "parse_s": parse_s,
        "validate_s": validate_s,
        "peak_mb": peak_mb,
        "conforms": float(result.conforms),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", default="100,300,1000", help="article counts, comma-separated")
    parser.add_argument("--one", type=int, default=None, help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args(argv)
    if args.one is not None:
        print(json.dumps(measure(args.one)))
        return 0
    print(
        "| articles | quads | parse s (baseline) | validate s | validate / parse | s per 1,000 articles | peak MB |"
    )
    print("|---|---|---|---|---|---|---|")
    for n in (int(x.replace("_", "")) for x in args.articles.split(",") if x.strip()):
        done = subprocess.run(
            [sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True, cwd=ROOT
        )
        row = json.loads(done.stdout.strip().splitlines()[-1])
        if not row["conforms"]:
            print(f"warning: the synthetic graph of {n} articles does not conform", file=sys.stderr)
        print(
            f"| {n:,} | {int(row['quads']):,} | {row['parse_s']:.1f} | {row['validate_s']:.1f} | "
            f"{row['validate_s'] / row['parse_s']:.1f} | {1000 * row['validate_s'] / n:.1f} | {row['peak_mb']:,.0f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
