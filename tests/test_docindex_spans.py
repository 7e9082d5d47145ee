"""DocIndex.char_tokens and DocIndex.root against spaCy's own Doc.char_span(expand) and Span.root."""

from __future__ import annotations

import pytest
import spacy

from kgbuild.extractors.docindex import DocIndex


@pytest.mark.parametrize(
    "text",
    [
        "The minister said on Tuesday that the bill, which critics call “a scam”, would pass.",
        "« Nous ne céderons pas », a déclaré jeudi la ministre.Le texte sera voté lundi.",
        "Police said -- without giving details -- that two men   were arrested.\n\nMore soon .",
    ],
)
def test_docindex_char_spans_and_roots_match_spacy(english: spacy.language.Language, text: str) -> None:
    doc = english(text)
    index = DocIndex(doc)
    checked = 0
    for start in range(len(text)):
        for end in range(start + 1, min(len(text), start + 40) + 1):
            span = doc.char_span(start, end, alignment_mode="expand")
            tokens = index.char_tokens(start, end)
            if span is None or len(span) == 0:
                assert not tokens, (start, end)
                continue
            assert (tokens.start, tokens.stop) == (span.start, span.end), (start, end)
            assert index.root(tokens) == span.root.i, (start, end)
            checked += 1
    assert checked > 1000


def test_docindex_sentences_never_start_on_a_comma() -> None:
    # as the parser sometimes leaves them: a root for the quotation, another for the cue after its comma
    vocab = spacy.blank("fr").vocab
    words = ["«", "Nous", "partons", "»", ",", "a", "dit", "le", "maire", ".", "Il", "part", "."]
    starts = [True, False, False, False, True, False, False, False, False, False, True, False, False]
    index = DocIndex(spacy.tokens.Doc(vocab, words=words, sent_starts=starts))
    assert index.sentence == [0] * 10 + [1] * 3
    assert index.sent_start[6] == 0
    assert index.sent_end[6] == 10


def test_docindex_entity_around_a_token() -> None:
    vocab = spacy.blank("en").vocab
    words = ["the", "Syrian", "Observatory", "for", "Human", "Rights", "said"]
    ents = ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"]
    index = DocIndex(spacy.tokens.Doc(vocab, words=words, ents=ents))
    assert index.entity_around(5) == (1, 6)
    assert index.entity_around(1) == (1, 6)
    assert index.entity_around(6) is None
