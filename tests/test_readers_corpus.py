"""The real corpora in ../shared read without a reject (skipped when ../shared is absent)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from kgbuild.readers import ReadOptions, read_inputs
from kgbuild.records import Article, Reject

pytestmark = pytest.mark.slow


def test_readers_corpus_orangesum_first_records(shared_data: Path) -> None:
    path = shared_data / "corpus" / "orangesum-fr.jsonl.gz"
    records = list(itertools.islice(read_inputs([str(path)]), 200))
    assert len(records) == 200
    rejects = [r for r in records if isinstance(r, Reject)]
    assert rejects == []
    for article in records:
        assert isinstance(article, Article)
        assert article.text.strip()
        assert article.lang == "fr"
        assert article.date is not None
        assert len(article.date) == 10
        assert article.title


def test_readers_corpus_fakes_needs_its_date_order(shared_data: Path) -> None:
    # FA-KES writes dates month first with two-digit years ("4/5/17" is 5 April 2017)
    path = str(shared_data / "corpus" / "fakes-en.jsonl.gz")
    default = list(itertools.islice(read_inputs([path]), 50))
    assert all(isinstance(r, Reject) and "two-digit year" in r.reason for r in default)
    records = list(itertools.islice(read_inputs([path], ReadOptions(date_order="mdy")), 200))
    assert all(isinstance(r, Article) for r in records)
    assert all(
        dict(r.metadata).get("label_credible") in ("0", "1") for r in records if isinstance(r, Article)
    )
