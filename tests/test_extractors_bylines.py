"""Quotations signed after a dash (kgbuild/extractors/bylines.py), through the real pipelines (slow)."""

from __future__ import annotations

import pytest
from run_extractors import attributions_of

from kgbuild.records import Attribution

pytestmark = pytest.mark.slow


def signed(text: str, lang: str, name: str) -> list[tuple[str, str | None, str, str]]:
    found: list[Attribution] = attributions_of(text, lang, name)
    return [
        (a.cue.text, a.source.text if a.source else None, a.content.text, a.type)
        for a in found
        if a.cue.text in "―—–"
    ]


@pytest.mark.parametrize("name", ["attributions.v1", "attributions.v2"])
@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        pytest.param(
            "en",
            "Readers wrote to us after the debate.\n"
            "“The town deserves a mayor who listens to its people.” ― Maria Delgado\n"
            "“I have lived here for forty years and never felt so ignored.” — Tom Walsh\n",
            [
                ("―", "Maria Delgado", "The town deserves a mayor who listens to its people", "direct"),
                ("—", "Tom Walsh", "I have lived here for forty years and never felt so ignored", "direct"),
            ],
            id="en-vox-pop",
        ),
        pytest.param(
            "en",
            "Voters had their say.\n“We were promised a new bridge years ago.”―Janet Okafor, 54, Dayton\n",
            [("―", "Janet Okafor", "We were promised a new bridge years ago", "direct")],
            id="en-name-then-details",
        ),
        pytest.param(
            "en",
            "Letters.\n“Nobody asked the farmers what they think.” – Paul Henning.\n\nMore letters follow.",
            [("–", "Paul Henning", "Nobody asked the farmers what they think", "direct")],
            id="en-name-ends-paragraph",
        ),
        pytest.param(
            "fr",
            "Les lecteurs ont réagi.\n« Cette réforme oublie complètement les petites communes. » — Claire Martin\n",
            [("—", "Claire Martin", "Cette réforme oublie complètement les petites communes", "direct")],
            id="fr-temoignage",
        ),
    ],
)
def test_bylines_dash_signs_quotation(
    lang: str, text: str, expected: list[tuple[str, ...]], name: str
) -> None:
    assert signed(text, lang, name) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        pytest.param(
            "en",
            "He called the plan “a waste of money” — Smith disagreed with him on Monday.",
            id="en-dash-then-clause",
        ),
        pytest.param("en", "“We will win this race.” — and then the rain started.\n", id="en-dash-no-name"),
        pytest.param("en", "“Yes.” ― Ann Lee\n", id="en-too-short"),
        pytest.param(
            "fr",
            "Il a qualifié le projet de « gâchis » — Paul Durand, lui, n'a rien dit ce jour-là.",
            id="fr-dash-then-clause",
        ),
    ],
)
def test_bylines_dash_without_signature_is_not_a_cue(lang: str, text: str) -> None:
    assert signed(text, lang, "attributions.v1") == []


def test_bylines_quotation_already_attributed_is_not_signed_again() -> None:
    text = (
        "The manager said: “The plant will close in May and forty people will lose their jobs.” — Dana Kim\n"
    )
    assert signed(text, "en", "attributions.v1") == []
    assert [a.cue.text for a in attributions_of(text, "en", "attributions.v1")] == ["said"]


def test_bylines_attribution_quoted_inside_still_signed() -> None:
    text = "Reactions.\n“The governor said we do not matter, and he is wrong about all of us.” ― Rosa Diaz\n"
    found = signed(text, "en", "attributions.v1")
    assert [(cue, source) for cue, source, _, _ in found] == [("―", "Rosa Diaz")]
