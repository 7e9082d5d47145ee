"""Sentence starts that the text makes plain, set before the parser runs.

spaCy's parsers do not treat a line break as a sentence end: a headline without final punctuation ("Port-Vénard :
l'eau contaminée, selon une association") is read as one sentence with the first paragraph under it, so that
the paragraph's subject becomes the headline's source. They also end a sentence on an opening quotation mark now
and then, leaving « alone and the quotation cut from what introduced it. The parser respects sentence starts set
before it runs, so this component sets them where the text itself says so:

- after a blank line (a paragraph break), always;
- after a single line break, when the next line opens with a capital letter, a digit, a quotation mark or a
  dash. A line broken inside a sentence (hard-wrapped text) goes on in lowercase and is left to the parser;
- never on the word right after an opening quotation mark (« or “).

Elsewhere the parser decides as before.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

NAME = "kgbuild_sentence_starts"

_OPENS_LINE = frozenset("\"'«“‘—–―-•")
_GAP = re.compile(r"[^\S\n]*\n\s*")  # white space holding a line break, up to the next word
_OPENING_QUOTE = re.compile(r"[«“]\s*")  # up to the word it opens


@Language.component(NAME)
def mark_sentence_starts(doc: Doc) -> Doc:
    text = doc.text
    breaks = "\n" in text
    quotes = "«" in text or "“" in text
    if not (breaks or quotes):
        return doc
    starts = doc.to_array(IDX)
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


def _token_at(starts: numpy.ndarray, offset: int) -> int:
    """The token starting at character ``offset``, or -1."""
    i = int(numpy.searchsorted(starts, offset))
    return i if i < len(starts) and starts[i] == offset else -1


def add_to(pipeline: Language) -> Language:
    """Put the component right before ``pipeline``'s parser (no parser, nothing to do)."""
    if "parser" in pipeline.pipe_names and NAME not in pipeline.pipe_names:
        pipeline.add_pipe(NAME, before="parser")
    return pipeline
