"""A cue whose paragraph ends on a colon introduces the next paragraph (real pipelines, slow)."""

from __future__ import annotations

import pytest
from run_extractors import attributions_of

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("name", ["attributions.v1", "attributions.v2"])
@pytest.mark.parametrize(
    ("lang", "text", "cue", "source", "content"),
    [
        pytest.param(
            "en",
            "The senator spoke in Dayton on Monday.\n\nShe said:\n\n"
            '"Our towns have waited too long for the new bridge. We will build it next year."\n\n'
            "The crowd was small.",
            "said",
            "She",
            "Our towns have waited too long for the new bridge. We will build it next year",
            id="en-quotation",
        ),
        pytest.param(
            "en",
            "The mayor answered the council on Friday.\n\nThe mayor added:\n\n"
            "It is a waste of money. The budget cannot pay for a second stadium.\n\nThe vote is on Tuesday.",
            "added",
            "The mayor",
            "It is a waste of money. The budget cannot pay for a second stadium",
            id="en-unquoted-paragraph",
        ),
        pytest.param(
            "fr",
            "La ministre était à Lyon lundi.\n\nElle a déclaré :\n\n"
            "« Les travaux du pont commenceront en mars. Nous avons trouvé l'argent. »\n\nLa salle était pleine.",
            "a déclaré",
            "Elle",
            "Les travaux du pont commenceront en mars. Nous avons trouvé l'argent",
            id="fr-quotation",
        ),
    ],
)
def test_colon_paragraph_is_the_content(
    name: str, lang: str, text: str, cue: str, source: str, content: str
) -> None:
    found = [a for a in attributions_of(text, lang, name) if a.cue.text == cue]
    assert [(a.source.text if a.source else None, a.content.text) for a in found] == [(source, content)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        pytest.param("en", "He said:\n\n", id="en-nothing-after"),
        pytest.param(
            "en",
            "The senator said: the bridge will be built next year.\n\nThe vote is on Tuesday.",
            id="en-colon-inside-its-paragraph",
        ),
    ],
)
def test_colon_paragraph_needs_the_colon_to_close_its_paragraph(lang: str, text: str) -> None:
    # without a following paragraph nothing is said; a colon inside the line keeps its own content
    assert all("\n" not in a.content.text for a in attributions_of(text, lang, "attributions.v1"))
