"""Sentence starts that the text makes plain, set before the parser runs.

spaCy's parsers do not treat a line break as a sentence end: a headline without final punctuation ("Port-Vénard :
l'eau contaminée, selon une association") is read as one sentence with the first paragraph under it, so that
the paragraph's subject becomes the headline's source. They also end a sentence on an opening quotation mark now
and then, leaving « alone and the quotation cut from what introduced it. The parser respects sentence starts set
before it runs, so this component sets them where the text itself says so:

- after a blank line (a paragraph break), always;
- after a single line break, when the next line opens with a capital letter, a digit, a quotation mark or a
  dash. A line broken inside a sentence (hard-wrapped text) goes on in lowercase and is left to the parser;
- never on the word right after an opening quotation mark (« or “);
- never on a comma, a semicolon, a colon or a closing bracket or quotation mark. The parser may still leave
  two roots side by side, so that spaCy starts a sentence on such a mark ('"Vous ne me ferez pas taire !",
  lâche-t-il'); a second component, after the parser, hangs the second root on the first
  (``parataxis``), which makes them one sentence again;
- never inside a quotation that ends on its own stop and that a comma follows ('"Partez vite ! Partez
  loin !", a tweeté X'): the quotation and the words that attribute it are one sentence, or the parser
  reads ", a tweeté X" alone;
- never inside a run of capitalised nouns ("Vigie Eau", "Port Authority"): a name does not end a sentence.
  A capitalised determiner or pronoun after a capitalised word still may ("... Palmyra The Islamic State"
  in a scraped headline without its full stop).

Elsewhere the parser decides as before.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import IDX, IS_ALPHA, IS_TITLE, ORTH, POS, TAG
from spacy.language import Language
from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc

NAME = "kgbuild_sentence_starts"
JOINS = "kgbuild_sentence_joins"

_OPENS_LINE = frozenset("\"'«“‘—–―-•")
_GAP = re.compile(r"[^\S\n]*\n\s*")  # white space holding a line break, up to the next word
# The French pipeline tags parts of speech before the parser, the English one only fine-grained tags.
_NOMINAL_POS = [NOUN, PROPN]
_NOMINAL_TAGS = ("NNP", "NNPS", "NN", "NNS")
NEVER_FIRST = (",", ";", ":", ")", "]", "»", "”")  # no sentence starts on these
_OPENING_QUOTE = re.compile(r"[«“]\s*")  # up to the word it opens
# a quotation (straight quotes paired left to right) followed by a comma: '"A ! B", a dit X'
# (the opening mark after a space or at the start, the closing one after the quotation's own final stop)
_QUOTED_INCISE = re.compile(
    r'(?:(?<![^\s(])"(?=\S)[^"\n]{1,600}[.!?…]"|«[^«»\n]{1,600}[.!?…]\s*»|“[^“”\n]{1,600}[.!?…]”)(?=\s*,)'
)


@Language.component(NAME)
def mark_sentence_starts(doc: Doc) -> Doc:
    text = doc.text
    _forbid_starts(doc)
    breaks = "\n" in text
    quotes = "«" in text or "“" in text
    if not (breaks or quotes or '"' in text):
        return doc
    starts = doc.to_array(IDX)
    for quotation in _QUOTED_INCISE.finditer(text):
        opened = int(numpy.searchsorted(starts, quotation.start(), side="right"))  # the word after the mark
        after = int(numpy.searchsorted(starts, quotation.end()))  # the token after the closing mark
        for i in range(opened + 1, min(after, len(doc))):
            doc[i].is_sent_start = False
    if breaks:
        for gap in _GAP.finditer(text):
            i = _token_at(starts, gap.end())
            if i > 0:
                first = doc[i].text[0]
                if gap.group().count("\n") >= 2 or first.isupper() or first.isdigit() or first in _OPENS_LINE:
                    doc[i].is_sent_start = True
    if quotes:
        for quote in _OPENING_QUOTE.finditer(text):
            i = _token_at(starts, quote.end())
            if i > 0 and "\n" not in quote.group():
                doc[i].is_sent_start = False
    return doc


@Language.component(JOINS)
def join_continued_sentences(doc: Doc) -> Doc:
    """Hang a sentence that starts on a comma or a closing mark on the sentence before it."""
    roots = []
    previous = None
    for sentence in doc.sents:
        if previous is not None and sentence[0].text in NEVER_FIRST:
            roots.append((sentence.root, previous.root))
        previous = sentence
    for root, host in roots:
        root.head = host
        root.dep_ = "parataxis"
    return doc


def _forbid_starts(doc: Doc) -> None:
    """No sentence starts on the second word of a capitalised name, nor on a comma or a closing mark."""
    if len(doc) < 2:
        return
    rows = doc.to_array([IS_TITLE, IS_ALPHA, POS, TAG, ORTH])
    title, alpha, pos, tag, orth = rows[:, 0] == 1, rows[:, 1] == 1, rows[:, 2], rows[:, 3], rows[:, 4]
    strings = doc.vocab.strings
    nominal = numpy.isin(pos, _NOMINAL_POS) | numpy.isin(tag, [strings[t] for t in _NOMINAL_TAGS])
    continuing = numpy.isin(orth, [strings[t] for t in NEVER_FIRST])
    inside = (title[:-1] & alpha[:-1] & title[1:] & nominal[1:]) | continuing[1:]
    for i in numpy.flatnonzero(inside) + 1:
        doc[int(i)].is_sent_start = False


def _token_at(starts: numpy.ndarray, offset: int) -> int:
    """The token starting at character ``offset``, or -1."""
    i = int(numpy.searchsorted(starts, offset))
    return i if i < len(starts) and starts[i] == offset else -1


def add_to(pipeline: Language) -> Language:
    """Put the component right before ``pipeline``'s parser (no parser, nothing to do)."""
    if "parser" in pipeline.pipe_names and NAME not in pipeline.pipe_names:
        pipeline.add_pipe(NAME, before="parser")
        pipeline.add_pipe(JOINS, after="parser")
    return pipeline
