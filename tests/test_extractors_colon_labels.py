"""Colons that name a speaker without a verb: transcript labels and titles (real English pipeline, slow)."""

from __future__ import annotations

import pytest
from run_extractors import attributions_of

pytestmark = pytest.mark.slow


def colon_rows(text: str, name: str) -> list[tuple[str | None, str]]:
    return [
        (a.source.text if a.source else None, a.content.text)
        for a in attributions_of(text, "en", name)
        if a.cue.text == ":"
    ]


TRANSCRIPT = (
    "Chris Wallace interviewed Mike Pence on Sunday.\n\n"
    '"WALLACE: Do you really think the debate will change anything for your campaign?\n\n'
    '"PENCE: Well, look, the American people have already made up their minds about this race.\n\n'
    "UPDATE: This story was changed on Monday to add a quote from the campaign.\n"
)


@pytest.mark.parametrize("name", ["attributions.v1", "attributions.v2"])
def test_colon_labels_transcript_speakers(name: str) -> None:
    assert colon_rows(TRANSCRIPT, name) == [
        ("WALLACE", "Do you really think the debate will change anything for your campaign?"),
        ("PENCE", "Well, look, the American people have already made up their minds about this race"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Sanders: Clinton needs to stop attacking the voters who support me.\n\n"
            "Bernie Sanders spoke to reporters in Vermont on Friday.",
            [("Sanders", "Clinton needs to stop attacking the voters who support me")],
            id="surname-named-in-full-later",
        ),
        pytest.param(
            "Poll: Clinton leads Trump by four points among likely voters.\n\nThe survey ended on Sunday.",
            [("Poll", "Clinton leads Trump by four points among likely voters")],
            id="document-noun",
        ),
        pytest.param(
            "Stealth Over Health: Clinton Was Headed to the Hospital.\n\nThe campaign said nothing.",
            [],
            id="title-case-title-names-no-one",
        ),
    ],
)
def test_colon_labels_titles(text: str, expected: list[tuple[str, str]]) -> None:
    assert colon_rows(text, "attributions.v1") == expected
