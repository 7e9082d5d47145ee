"""entities.v4: a name that is an office's portfolio is not an entity of its own. After a ministry word the
ministry is the entity, after a minister's title there is none (hand-built Docs, so that the recognizer's
spans are the ones under test)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kgbuild.extractors import ExtractContext, get_extractor


def names(lang: str, words: list[str], pos: list[str], ents: list[str], version: str) -> set[tuple[str, str]]:
    spaces = [
        not (w.endswith("'") or nxt in {".", ","}) for w, nxt in zip(words, [*words[1:], ""], strict=True)
    ]
    doc = Doc(spacy.blank(lang).vocab, words=words, spaces=spaces, pos=pos, ents=ents)
    return {(e.name, e.kind) for e in get_extractor(version)(doc, ExtractContext(lang))}


@pytest.mark.parametrize(
    ("lang", "words", "pos", "ents", "v3", "v4"),
    [
        pytest.param(
            "fr",
            ["Le", "ministère", "de", "la", "Santé", "a", "annoncé", "."],
            ["DET", "NOUN", "ADP", "DET", "PROPN", "AUX", "VERB", "PUNCT"],
            ["O", "O", "O", "O", "B-ORG", "O", "O", "O"],
            {("Santé", "organisation")},
            {("ministère de la Santé", "organisation")},
            id="fr-ministry-of-a-portfolio",
        ),
        pytest.param(
            "fr",
            ["Le", "ministère", "indien", "de", "l'", "Agriculture", "a", "indiqué", "."],
            ["DET", "NOUN", "ADJ", "ADP", "DET", "PROPN", "AUX", "VERB", "PUNCT"],
            ["O", "O", "O", "O", "O", "B-LOC", "O", "O", "O"],
            {("Agriculture", "place")},
            {("ministère indien de l'Agriculture", "organisation")},
            id="fr-ministry-with-a-country-adjective",
        ),
        pytest.param(
            "fr",
            ["Le", "ministre", "de", "la", "Culture", "Franck", "Riester", "a", "souligné", "."],
            ["DET", "NOUN", "ADP", "DET", "PROPN", "PROPN", "PROPN", "AUX", "VERB", "PUNCT"],
            ["O", "O", "O", "O", "B-ORG", "B-PER", "I-PER", "O", "O", "O"],
            {("Culture", "organisation"), ("Franck Riester", "person")},
            {("Franck Riester", "person")},
            id="fr-portfolio-in-a-minister-title",
        ),
        pytest.param(
            "fr",
            ["Le", "Premier", "ministre", "d'", "Israël", "a", "parlé", "."],
            ["DET", "ADJ", "NOUN", "ADP", "PROPN", "AUX", "VERB", "PUNCT"],
            ["O", "O", "O", "O", "B-LOC", "O", "O", "O"],
            {("Israël", "place")},
            {("Israël", "place")},
            id="fr-country-after-a-capitalised-title",
        ),
        pytest.param(
            "fr",
            ["Le", "ministre", "réclame", "des", "États-Unis", "une", "réponse", "."],
            ["DET", "NOUN", "VERB", "ADP", "PROPN", "DET", "NOUN", "PUNCT"],
            ["O", "O", "O", "O", "B-LOC", "O", "O", "O"],
            {("États-Unis", "place")},
            {("États-Unis", "place")},
            id="fr-a-verb-between-is-no-title",
        ),
        pytest.param(
            "en",
            ["The", "Ministry", "of", "Health", "said", "."],
            ["DET", "PROPN", "ADP", "PROPN", "VERB", "PUNCT"],
            ["O", "O", "O", "B-ORG", "O", "O"],
            {("Health", "organisation")},
            {("Ministry of Health", "organisation")},
            id="en-ministry-of-a-portfolio",
        ),
        pytest.param(
            "en",
            ["Minister", "of", "Interior", "Mohammed", "Shaar", "said", "."],
            ["PROPN", "ADP", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"],
            ["O", "O", "B-ORG", "B-PERSON", "I-PERSON", "O", "O"],
            {("Interior", "organisation"), ("Mohammed Shaar", "person")},
            {("Mohammed Shaar", "person")},
            id="en-portfolio-in-a-minister-title",
        ),
        pytest.param(
            "en",
            ["The", "Foreign", "Minister", "of", "Syria", "said", "."],
            ["DET", "PROPN", "PROPN", "ADP", "PROPN", "VERB", "PUNCT"],
            ["O", "O", "O", "O", "B-GPE", "O", "O"],
            {("Syria", "place")},
            {("Syria", "place")},
            id="en-country-after-a-capitalised-title",
        ),
    ],
)
def test_extractors_entities_v4_portfolio_is_no_entity_of_its_own(
    lang: str,
    words: list[str],
    pos: list[str],
    ents: list[str],
    v3: set[tuple[str, str]],
    v4: set[tuple[str, str]],
) -> None:
    assert names(lang, words, pos, ents, "entities.v3") == v3
    assert names(lang, words, pos, ents, "entities.v4") == v4
