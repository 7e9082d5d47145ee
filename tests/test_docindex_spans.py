"""DocIndex.char_tokens and DocIndex.root against spaCy's own Doc.char_span(expand) and Span.root."""

from __future__ import annotations

import pytest
import spacy

from kgbuild.extractors import docindex
from kgbuild.extractors.docindex import DocIndex, Tree


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


@pytest.mark.parametrize(
    "text",
    [
        "The minister said on Tuesday that the bill, which critics call “a scam”, would pass.",
        "Police said -- without giving details -- that two men   were arrested.\n\nMore soon .",
    ],
)
def test_docindex_words_labels_and_subtrees_match_spacy(english: spacy.language.Language, text: str) -> None:
    # another Doc first, from another Vocab, so that the strings cached across Docs are read back too
    DocIndex(spacy.blank("fr")("« Nous partons », a dit le maire, qui said nothing."))
    doc = english(text)
    index = DocIndex(doc)
    assert index.text == doc.text
    assert index.texts == [t.text for t in doc]
    assert index.lower_strings == [t.lower_ for t in doc]
    assert index.pos_strings == [t.pos_ for t in doc]
    assert index.tag_strings == [t.tag_ for t in doc]
    assert index.tree.dep == [t.dep_ for t in doc]
    assert index.tree.children == [[c.i for c in t.children] for t in doc]
    assert index.tree.left == [min(s.i for s in t.subtree) for t in doc]
    assert index.tree.right == [max(s.i for s in t.subtree) for t in doc]


def test_docindex_tree_of_heads_with_a_cycle() -> None:
    # no parser writes one, but a hand-made Doc can: the edges still come out, and nothing loops
    tree = Tree([1, 0, 2, 2], ["dep", "dep", "ROOT", "punct"])
    assert (tree.left, tree.right) == ([0, 0, 2, 3], [1, 1, 3, 3])


def test_docindex_string_cache_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docindex, "_NAMES", {0: ""})
    monkeypatch.setattr(docindex, "_NAMES_LIMIT", 5)
    vocab = spacy.blank("en").vocab
    words = [f"word{k}" for k in range(12)]
    doc = spacy.tokens.Doc(vocab, words=words)
    assert DocIndex(doc).texts == words
    assert len(docindex._NAMES) <= 13
    other = ["again", "and", "again", "word3"]
    assert DocIndex(spacy.tokens.Doc(vocab, words=other)).texts == other
    assert len(docindex._NAMES) <= 4


@pytest.mark.parametrize("field", ["Gender", "Number", "VerbForm", "Mood", "Person"])
def test_docindex_morph_values_and_lemmas_match_spacy(french: spacy.language.Language, field: str) -> None:
    # two Docs one after the other: the values found for the first serve the second
    for text in (
        "Les ministres ont affirmé qu'elle aurait menti.",
        "Il dirait que nous partons, a-t-elle dit.",
    ):
        doc = french(text)
        index = DocIndex(doc)
        assert [index.morph_values(t.i, field) for t in doc] == [tuple(t.morph.get(field)) for t in doc]
        assert [index.lemma_of(t.i) for t in doc] == [t.lemma_ for t in doc]
