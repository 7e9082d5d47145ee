"""Names as written -> canonical names and identity keys."""

from __future__ import annotations

import re
from collections.abc import Sequence

from kgbuild.extractors.lexicon import Lexicon, fold
from kgbuild.graph.ids import identity_key

__all__ = ["clean_name", "identity_key", "name_bounds"]

_TRAILING = re.compile(r"(?:['’]s|['’])$")
_EDGE_PUNCT = set(",;:.!?()[]{}«»“”\"'’—–-/")


def name_bounds(words: Sequence[str], pos: Sequence[str], lexicon: Lexicon) -> tuple[int, int]:
    """Index range [start, end) of the name inside an entity's ``words`` (parts of speech ``pos``), without
    determiners, titles and punctuation.

    "le président Emmanuel Macron" -> the tokens of "Emmanuel Macron"; "l'AFP" -> "AFP".
    A title is only stripped when a name follows it ("le Président" stays).
    """
    start, end = 0, len(words)
    while end > start and (words[end - 1] in _EDGE_PUNCT or words[end - 1].isspace()):
        end -= 1
    while end > start and fold(words[end - 1]) in {"'s", "’s", "s"} and end - start > 1:
        end -= 1
    while end - start > 1 and fold(words[end - 1]) in lexicon.time_words and words[end - 1].islower():
        end -= 1  # a name the recognizer ran into the date after it: "franceinfo jeudi"
    while start < end and (words[start] in _EDGE_PUNCT or words[start].isspace()):
        start += 1
    while start < end - 1:
        word = fold(words[start])
        if word in lexicon.determiners or word in lexicon.titles or word.rstrip(".") + "." in lexicon.titles:
            start += 1
            continue
        if words[start].islower() and pos[start] in {"ADJ", "NOUN", "DET"}:
            start += 1  # a lower-case descriptor before the name: "ancien", "secrétaire", "chef"
            continue
        if pos[start] == "NOUN" and pos[start + 1] == "PROPN" and words[start + 1][:1].isupper():
            # the end of a title the recognizer ran into the name: "(ministre de l')Économie Bruno"
            start += 1
            continue
        break
    return start, end


def clean_name(text: str) -> str:
    """Whitespace collapsed, trailing possessive and elision marks removed."""
    text = " ".join(text.split())
    text = _TRAILING.sub("", text).strip()
    for apostrophe in ("'", "’"):
        head, sep, rest = text.partition(apostrophe)
        if sep and rest and len(head) <= 2 and head.casefold() in {"l", "d"}:
            text = rest
    return text.strip(" ,;:.-")
