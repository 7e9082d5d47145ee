"""entities.v2: organisations named by a short form, and no lower-case spans taken for names."""

from __future__ import annotations

import pytest
import spacy
from run_extractors import attributions_of, pipeline
from spacy.tokens import Doc

from kgbuild.extractors import ExtractContext, get_extractor


def names(text: str, lang: str, extractor: str) -> dict[str, tuple[str, str]]:
    """Each mention as written -> (kind, name), the last mention winning."""
    doc = pipeline(lang)(text)
    return {e.span.text: (e.kind, e.name) for e in get_extractor(extractor)(doc, ExtractContext(lang))}


@pytest.mark.parametrize(
    ("lang", "text", "mention", "expected"),
    [
        pytest.param(
            "en",
            "The New York Times reported the deal on Monday. The Times said the talks had stalled.",
            "Times",
            ("organisation", "New York Times"),
            id="the Times",
        ),
        pytest.param(
            "fr",
            "La Commission européenne a présenté son plan jeudi. La Commission estime que la dette va baisser.",
            "Commission",
            ("organisation", "Commission européenne"),
            id="la Commission",
        ),
        pytest.param(
            "en",
            "The UN Security Council and the Human Rights Council met in Geneva. The Council said nothing.",
            "Council",
            ("organisation", "Council"),
            id="two councils: which one is unknown",
        ),
        pytest.param(
            "en",
            "Donald Trump spoke to The Washington Post Trump on Monday. Trump said the deal was done.",
            "Trump",
            ("organisation", "Trump"),
            id="a word of a person's name",
        ),
        pytest.param(
            "fr",
            "Selon l'AFP Marine Martin, la route est coupée. L'AFP a confirmé l'information.",
            "AFP",
            ("organisation", "AFP"),
            id="an acronym",
        ),
        pytest.param(
            "fr",
            "Renault Trucks a présenté un nouveau camion lundi. Renault a annoncé des bénéfices record.",
            "Renault",
            ("organisation", "Renault"),
            id="a company named without an article",
        ),
    ],
)
def test_extractors_entities_v2_short_forms(
    lang: str, text: str, mention: str, expected: tuple[str, str]
) -> None:
    assert names(text, lang, "entities.v2")[mention] == expected


def test_extractors_entities_v1_keeps_short_forms_as_written() -> None:
    text = "The New York Times reported the deal on Monday. The Times said the talks had stalled."
    assert names(text, "en", "entities.v1")["Times"] == ("organisation", "Times")


def test_extractors_entities_v2_short_form_speaks_for_the_organisation() -> None:

    found = attributions_of(
        "The New York Times reported the deal on Monday. The Times said the talks had stalled.", "en"
    )
    assert [(a.source.text if a.source else None, a.resolved) for a in found][-1] == (
        "The Times",
        "New York Times",
    )


def test_extractors_entities_v2_takes_no_lower_case_span_for_a_name() -> None:
    # as the French recognizer sometimes marks a common noun ("sur scène") as a person
    vocab = spacy.blank("fr").vocab
    words = ["Sur", "scène", ",", "Nha", "Vy", "chante", "."]
    ents = ["O", "B-PER", "O", "B-PER", "I-PER", "O", "O"]
    doc = Doc(vocab, words=words, ents=ents)
    found = {
        v: [e.name for e in get_extractor(v)(doc, ExtractContext("fr"))]
        for v in ("entities.v1", "entities.v2")
    }
    assert found == {"entities.v1": ["scène", "Nha Vy"], "entities.v2": ["Nha Vy"]}
