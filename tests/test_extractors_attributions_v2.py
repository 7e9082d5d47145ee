"""attributions.v2 on sentences parsed by the real models (slow): what the trained parts add to the rules in
English, and that a language without trained parts reads exactly as with attributions.v1."""

from __future__ import annotations

import dataclasses

import pytest
from run_extractors import attributions_of

from kgbuild.records import Attribution

pytestmark = pytest.mark.slow


def attributions(
    text: str, lang: str = "en", name: str = "attributions.v2", **options: object
) -> list[Attribution]:
    return attributions_of(text, lang, name, **options)


def triples(found: list[Attribution]) -> list[tuple[str | None, str, str]]:
    return [(a.source.text if a.source else None, a.cue.text, a.content.text) for a in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            '"We are ready," the mayor said on Monday. "The bridge will open in May."',
            ("the mayor", "said", 'We are ready," the mayor said on Monday. "The bridge will open in May.'),
            id="quote-continued-after-the-cue",
        ),
        pytest.param(
            "The real problem, she said, is the cost of housing.",
            ("she", "said", "The real problem, she said, is the cost of housing"),
            id="incise-inside-the-sentence",
        ),
        pytest.param(
            "Officials said on Tuesday that the plant would close.",
            ("Officials", "said", "the plant would close"),
            id="that-clause",
        ),
    ],
)
def test_attributions_v2_english_constructions(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(attributions(text))


@pytest.mark.parametrize(
    ("text", "source", "cue_word", "content"),
    [
        pytest.param(
            "The union bemoaned the cuts to pensions.",
            "The union",
            "bemoaned",
            "the cuts to pensions",
            id="verb-outside-the-lexicon",
        ),
        pytest.param(
            "Residents balked at the new tolls on the bridge.",
            "Residents",
            "balked",
            "the new tolls",
            id="phrasal-verb-outside-the-lexicon",
        ),
    ],
)
def test_attributions_v2_reads_cues_only_the_model_knows(
    text: str, source: str, cue_word: str, content: str
) -> None:
    assert not attributions(text, name="attributions.v1")  # the lexicon alone has no such cue
    found = attributions(text)
    assert len(found) == 1
    assert found[0].source is not None
    assert found[0].source.text == source
    assert cue_word in found[0].cue.text
    assert found[0].content.text.startswith(content)


def test_attributions_v2_records_say_which_extractor_made_them() -> None:
    found = attributions("Officials said on Tuesday that the plant would close.")
    assert found
    assert {a.extractor for a in found} == {"attributions.v2"}


@pytest.mark.parametrize("options", [{}, {"cue_filter": False}], ids=["defaults", "filter-off"])
def test_attributions_v2_without_trained_parts_is_v1_in_french(options: dict[str, object]) -> None:
    text = (
        "Selon Harbour Wire, qui cite des sources proches du dossier, la société aurait rejeté des déchets. "
        "« Nous n'avons rien à cacher », a affirmé Louise Martel, la directrice du site. "
        "Le ministre estime que l'usine doit fermer."
    )
    v1 = attributions(text, "fr", "attributions.v1")
    v2 = attributions(text, "fr", "attributions.v2", **options)
    assert len(v1) >= 3
    assert [dataclasses.replace(a, extractor="") for a in v2] == [
        dataclasses.replace(a, extractor="") for a in v1
    ]


def test_attributions_v2_trained_parts_can_be_switched_off() -> None:
    text = "Officials said on Tuesday that the plant would close, according to a statement."
    plain = attributions(text, content_ranker=False, source_ranker=False, cue_filter=False)
    assert ("Officials", "said", "the plant would close") in triples(plain)


def test_attributions_v2_rankers_only_rechoose_what_the_filter_keeps(monkeypatch: pytest.MonkeyPatch) -> None:
    from kgbuild.extractors import attributions as module
    from kgbuild.extractors import content_ranker, cue_filter, source_ranker

    text = (
        "Officials said on Tuesday that the plant would close. Critics argued the decision came far too late."
    )
    asked: list[tuple[int, int]] = []
    real_content, real_source = content_ranker.candidates, source_ranker.candidates

    def counted_content(doc, cue, content, origin):  # type: ignore[no-untyped-def]
        asked.append(cue)
        return real_content(doc, cue, content, origin)

    def counted_source(doc, cue, content, head, origin):  # type: ignore[no-untyped-def]
        asked.append(cue)
        return real_source(doc, cue, content, head, origin)

    monkeypatch.setattr(module.content_ranker, "candidates", counted_content)
    monkeypatch.setattr(module.source_ranker, "candidates", counted_source)
    kept = attributions(text)
    assert kept
    assert len(asked) == 2 * len(kept)  # each kept reading ranked once for content, once for source
    asked.clear()
    shipped = cue_filter.load("en")
    assert shipped is not None
    monkeypatch.setattr(module.cue_filter, "load", lambda lang: dataclasses.replace(shipped, threshold=1.01))
    assert attributions(text) == []
    assert asked == []  # nothing left for the rankers


@pytest.mark.parametrize(
    "text",
    [
        'The governor thanked the volunteers and added: "The road will reopen on Monday."',
        'The senator praised the report, adding: "Nobody expected such numbers?"',
    ],
)
def test_attributions_v2_quotation_content_leaves_out_its_marks(text: str) -> None:
    (found,) = [a for a in attributions(text) if a.cue.text in {"added", "adding"}]
    inner = text[text.index('"') + 1 : text.rindex('"')]
    assert found.content.text == inner.rstrip(".")


def test_attributions_v2_model_source_is_the_whole_name() -> None:
    # punctuation stripped as in some scraped corpora: the parse fails and the cue model's source is one word
    # of the name; the source is the whole name
    (found,) = attributions(
        "Government airstrikes on a rebel-held town near Homs killed at least 12 civilians on Sunday the Syrian "
        "Observatory for Human Rights said."
    )
    assert found.source is not None
    assert found.source.text == "the Syrian Observatory for Human Rights"
