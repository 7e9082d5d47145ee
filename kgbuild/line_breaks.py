"""Sentence starts that line breaks make plain, set before the parser runs.

spaCy's parsers do not treat a line break as a sentence end: a headline without final punctuation ("Port-Vénard :
l'eau contaminée, selon une association") is read as one sentence with the first paragraph under it, so that
the paragraph's subject becomes the headline's source. The parser respects sentence starts that are already
set, so this component marks them where the text itself says so:

- after a blank line (a paragraph break), always;
- after a single line break, when the next line opens with a capital letter, a digit, a quotation mark or a
  dash. A line broken inside a sentence (hard-wrapped text) goes on in lowercase and is left to the parser.

Elsewhere the parser decides as before.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

NAME = "kgbuild_line_breaks"

_OPENS_LINE = frozenset("\"'«“‘—–―-•")
_GAP = re.compile(r"[^\S\n]*\n\s*")  # white space holding a line break, up to the next word


@Language.component(NAME)
def mark_line_breaks(doc: Doc) -> Doc:
    text = doc.text
    if "\n" not in text:
        return doc
    starts = doc.to_array(IDX)
    for gap in _GAP.finditer(text):
        i = int(numpy.searchsorted(starts, gap.end()))
        if i == 0 or i >= len(doc) or starts[i] != gap.end():
            continue  # the gap ends inside a token (or the text): nothing starts here
        first = doc[i].text[0]
        if gap.group().count("\n") >= 2 or first.isupper() or first.isdigit() or first in _OPENS_LINE:
            doc[i].is_sent_start = True
    return doc


def add_to(pipeline: Language) -> Language:
    """Put the component right before ``pipeline``'s parser (no parser, nothing to do)."""
    if "parser" in pipeline.pipe_names and NAME not in pipeline.pipe_names:
        pipeline.add_pipe(NAME, before="parser")
    return pipeline
