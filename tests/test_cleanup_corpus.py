"""Clean-up on real articles from ../shared: the offset map holds (skipped without ../shared)."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from kgbuild.readers import read_inputs
from kgbuild.readers.cleanup import clean_text
from kgbuild.records import Article

pytestmark = pytest.mark.slow

WORD = re.compile(r"\S+")


def test_cleanup_corpus_words_map_back(shared_data: Path) -> None:
    path = str(shared_data / "corpus" / "orangesum-fr.jsonl.gz")
    glued = 0
    for article in itertools.islice(read_inputs([path]), 200):
        assert isinstance(article, Article)
        result = clean_text(article.text)
        glued += len(result.text) - len(article.text)
        for match in WORD.finditer(result.text):
            first, last = result.to_original(match.start(), match.end())
            source = article.text[first:last]
            # a clean word comes from original characters with the same letters and digits
            assert [c for c in source if c.isalnum()] == [c for c in match.group() if c.isalnum()]
    assert glued > 100  # these articles carry "jeudi.Le" artefacts
