"""Who an accusation holds responsible: the cue's object, or its subject in the passive (slow: real models)."""

from __future__ import annotations

import pytest
from run_extractors import attributions_of

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("lang", "text", "accused", "key"),
    [
        pytest.param(
            "fr",
            "Les riverains accusent Marc Delorme de mentir.",
            "Marc Delorme",
            "marc-delorme",
            id="fr-active",
        ),
        pytest.param(
            "fr", "Chimiral est accusé d'avoir pollué la rivière.", "Chimiral", None, id="fr-passive"
        ),
        pytest.param(
            "en", "Critics accused Jane Doe of hiding the data.", "Jane Doe", "jane-doe", id="en-active"
        ),
        pytest.param(
            "en", "Jane Doe was accused of hiding the data.", "Jane Doe", "jane-doe", id="en-passive"
        ),
    ],
)
def test_extractors_accused_party(lang: str, text: str, accused: str, key: str | None) -> None:
    (found,) = [a for a in attributions_of(text, lang) if a.cue_act == "accuse"]
    assert found.accused is not None
    assert found.accused.text == accused
    assert found.accused_key == key


def test_extractors_accused_only_for_accusations() -> None:
    found = attributions_of("The mayor told reporters that the bridge would open.", "en")
    assert found
    assert all(a.accused is None for a in found)
