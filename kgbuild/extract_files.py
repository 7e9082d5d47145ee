"""Extraction without a store: articles in, EVAL.md JSON lines out."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import TextIO

from kgbuild.extract_json import extraction_to_json
from kgbuild.pipeline import extract
from kgbuild.readers import ReadOptions, check_paths, read_inputs
from kgbuild.records import Article, Reject


def extract_paths(
    paths: Sequence[str],
    out: TextIO,
    *,
    options: ReadOptions | None = None,
    extractors: Sequence[str] | None = None,
) -> tuple[int, list[Reject]]:
    """Write one JSON object per extracted article to ``out``; return how many, and the rejects."""
    check_paths(paths)
    written = 0
    rejects: list[Reject] = []

    def articles() -> Iterator[Article]:
        for item in read_inputs(paths, options or ReadOptions()):
            if isinstance(item, Reject):
                rejects.append(item)
            else:
                yield item

    for result in extract(articles(), extractors=extractors):
        if isinstance(result, Reject):
            rejects.append(result)
            continue
        out.write(json.dumps(extraction_to_json(result), ensure_ascii=False) + "\n")
        written += 1
    return written, rejects
