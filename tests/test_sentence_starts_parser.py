"""Sentence starts at line breaks (kgbuild.sentence_starts), in the real pipelines and on bare tokenized Docs."""

from __future__ import annotations

import pytest
from run_extractors import attributions_of, pipeline

from kgbuild import sentence_starts

CASES = [
    # (lang, text, word that must open a sentence)
    ("fr", "Port-Vénard : l'eau contaminée, selon une association\n\nDes analyses ont été publiées.", "Des"),
    ("en", "Water crisis: what we know so far\n\nWhat happened? Tests were published.", "What"),
    ("en", "The mayor spoke on Monday\nResidents queued for bottled water.", "Residents"),
    ("en", "The mayor spoke on Monday\n“We are ready,” he said.", "“"),
    ("fr", "Le maire a parlé lundi\n2 000 habitants ont manifesté.", "2"),
    ("en", "The mayor spoke on Monday \n\n the residents queued.", "the"),
]


@pytest.mark.parametrize(("lang", "text", "opener"), CASES)
def test_sentence_starts_open_a_sentence(lang: str, text: str, opener: str) -> None:
    doc = pipeline(lang)(text)
    openers = [sent[0].text for sent in doc.sents]
    assert opener in openers


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The mayor, who spoke\non Monday, said the water was safe."),
        ("fr", "Le maire, qui s'exprimait\nlundi, a assuré que l'eau était potable."),
    ],
)
def test_sentence_starts_leave_wrapped_lines_to_the_parser(lang: str, text: str) -> None:
    bare = pipeline(lang).make_doc(text)
    sentence_starts.mark_sentence_starts(bare)
    assert not any(t.is_sent_start for t in bare[1:])


def test_sentence_starts_mark_nothing_without_a_line_break() -> None:
    bare = pipeline("en").make_doc("The mayor said the water was safe. Residents were not so sure.")
    sentence_starts.mark_sentence_starts(bare)
    assert not any(t.is_sent_start for t in bare[1:])


def test_sentence_starts_run_before_the_parser() -> None:
    for lang in ("fr", "en"):
        names = pipeline(lang).pipe_names
        assert names.index(sentence_starts.NAME) == names.index("parser") - 1


def test_sentence_starts_keep_a_headline_source_out_of_the_paragraph() -> None:
    # Without the break the paragraph's subject was read as the headline's source.
    text = (
        "Port-Vénard : l'eau du robinet contaminée, selon une association\n\n"
        "Des concentrations élevées ont été relevées dans l'eau du robinet, selon des analyses indépendantes."
    )
    found = attributions_of(text, "fr")
    sources = sorted(a.source.text for a in found if a.source is not None)
    assert sources == ["des analyses indépendantes", "une association"]


@pytest.mark.parametrize(
    "text",
    [
        "Henri Roussel a salué une visite utile. « Une visite ne remplace pas des réponses », a-t-il résumé.",
        "Le maire a été clair : « Nous ne paierons pas », a-t-il dit.",
    ],
)
def test_sentence_starts_never_right_after_an_opening_quote(text: str) -> None:
    doc = pipeline("fr")(text)
    quote = next(t for t in doc if t.text == "«")
    assert not doc[quote.i + 1].is_sent_start


def test_sentence_starts_never_inside_a_name() -> None:
    text = (
        "« Ce que nous avons trouvé est alarmant », a déclaré Samia Benali, présidente de Vigie Eau, "
        "lors d'une conférence de presse au siège de l'association."
    )
    doc = pipeline("fr")(text)
    eau = next(t for t in doc if t.text == "Eau")
    assert eau.sent == doc[eau.i - 1].sent


@pytest.mark.parametrize(
    ("lang", "text", "word", "expected"),
    [
        ("en", "Police in Port Authority said so", "Authority", False),
        ("en", "Video Palmyra The group has killed 20 people", "The", None),
        ("fr", "« Nous partons », a dit le maire", ",", False),
        ("fr", "Il a dit « Nous partons »", "Nous", False),
    ],
)
def test_sentence_starts_marked_on_a_tagged_doc(
    lang: str, text: str, word: str, expected: bool | None
) -> None:
    # the component runs on the tagger's output, before the parser
    nlp = pipeline(lang)
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name == sentence_starts.NAME:
            break
        doc = component(doc)
    sentence_starts.mark_sentence_starts(doc)
    assert next(t for t in doc if t.text == word).is_sent_start is expected


@pytest.mark.parametrize(
    ("lang", "text", "cue", "content"),
    [
        (
            "fr",
            '"Partez vite ! Ne revenez pas !", a lancé le maire devant la foule.',
            "a lancé",
            "Partez vite ! Ne revenez pas !",
        ),
        (
            "en",
            '"We are leaving. We will not come back!", he told the crowd.',
            "told",
            "We are leaving. We will not come back!",
        ),
    ],
)
def test_sentence_starts_keep_a_quotation_with_its_incise(
    lang: str, text: str, cue: str, content: str
) -> None:
    # the parser would end a sentence inside the quotation and read ", a lancé le maire" alone
    doc = pipeline(lang)(text)
    assert len(list(doc.sents)) == 1
    found = [a for a in attributions_of(text, lang, "attributions.v1") if a.cue.text == cue]
    assert [a.content.text for a in found] == [content]


@pytest.mark.parametrize(
    "text",
    [
        'Il a dit "non". Puis il est parti, sans un mot.',
        '"Les chiffres sont bons", a-t-il dit. "Nous verrons", a ajouté le maire.',
        '"Les chiffres sont bons." Nous verrons, a ajouté le maire.',
    ],
)
def test_sentence_starts_leave_quotations_without_an_incise_to_the_parser(text: str) -> None:
    bare = pipeline("fr").make_doc(text)
    sentence_starts.mark_sentence_starts(bare)
    # no stop ends these quotations before the comma, or no comma follows: the next sentence may start
    assert all(t.is_sent_start is not False for t in bare if t.text in {"Puis", "Nous"})


def test_sentence_starts_joins_run_right_after_the_parser() -> None:
    for lang in ("fr", "en"):
        names = pipeline(lang).pipe_names
        assert names.index(sentence_starts.JOINS) == names.index("parser") + 1


@pytest.mark.parametrize(
    "text",
    [
        '"Vous ne me ferez pas taire !", lâche-t-il alors qu\'il est hué par plusieurs députés.',
        '"Nous resterons !", a lancé la maire devant la mairie.',
    ],
)
def test_sentence_starts_no_sentence_starts_on_a_comma(text: str) -> None:
    doc = pipeline("fr")(text)
    assert [s[0].text for s in doc.sents] == ['"']
    assert len([t for t in doc if t.dep_ == "ROOT"]) == 1
