"""Real articles that once made the attribution extractor fail (read from ../shared, never copied)."""

from __future__ import annotations

import gzip
import itertools
import json
from pathlib import Path

import pytest

from kgbuild.pipeline import extract
from kgbuild.readers import read_inputs
from kgbuild.records import Extraction

pytestmark = pytest.mark.slow

# orangesum records whose extraction once produced an inverted span (lines of the corpus file, 1-based)
LINES = (1438, 8752)


def test_extractors_corpus_articles_that_produced_inverted_spans(shared_data: Path, tmp_path: Path) -> None:
    source = shared_data / "corpus" / "orangesum-fr.jsonl.gz"
    sample = tmp_path / "sample.jsonl"
    with gzip.open(source, "rt", encoding="utf-8") as lines:
        wanted = [line for n, line in enumerate(itertools.islice(lines, max(LINES)), 1) if n in LINES]
    sample.write_text("".join(wanted), encoding="utf-8")
    results = list(extract(item for item in read_inputs([str(sample)]) if not hasattr(item, "reason")))
    assert len(results) == len(LINES)
    for result in results:
        assert isinstance(result, Extraction), result
        for attribution in result.attributions:
            assert attribution.cue.start < attribution.cue.end
            assert json.dumps(attribution.content.text)
