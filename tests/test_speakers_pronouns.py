"""Pronouns as speakers resolve to the last agreeing speaker, or to a named subject that comes after it
(slow: real models)."""

from __future__ import annotations

import pytest
from run_extractors import speakers

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        pytest.param(
            "fr",
            "L'acteur est introuvable depuis le 28 août, rapporte la radio RTL. Interrogé par RTL, le frère "
            "de l'acteur, Jérôme Thomassin, a montré toute son inquiétude. Selon lui, l'acteur a bien pris "
            "le train pour Lyon.",
            ("lui", "Jérôme Thomassin"),
            id="fr-selon-lui-is-the-subject-after-the-radio",
        ),
        pytest.param(
            "fr",
            "Le Mouvement de la Ruralité a dénoncé une trahison. Emmanuel Macron a reçu les chasseurs lundi. "
            "Il a assuré que la chasse continuerait.",
            ("Il", "Emmanuel Macron"),
            id="fr-il-is-the-subject-after-the-last-speaker",
        ),
        pytest.param(
            "en",
            "Tom Reyes said the plan was weak. Governor Maria Lopez signed the bill on Monday. "
            "She said it would cut emissions by half.",
            ("She", "Maria Lopez"),
            id="en-she-is-the-subject-after-the-last-speaker",
        ),
        pytest.param(
            "en",
            "Tom Reyes said the plan was weak. Marine Le Pen said on Monday that the vote had been rigged. "
            "She added that her party would appeal.",
            ("She", "Marine Le Pen"),
            id="en-she-agrees-with-le-pen-whose-le-is-french",
        ),
        pytest.param(
            "fr",
            "La ministre de la Santé, Claire Vasseur, a dit espérer que la Commission européenne trouve une "
            'issue "dans la journée". "Les équipes y travaillent sans cesse", a-t-elle déclaré sur une radio.',
            ("elle", "Claire Vasseur"),
            id="fr-elle-is-not-the-subject-of-what-was-said",
        ),
        pytest.param(
            "fr",
            "Le chanteur Paul Durand était reçu à l'Élysée. Emmanuel Macron « a reconfirmé son engagement », "
            "s'est-il réjoui.",
            ("il", "Paul Durand"),
            id="fr-il-is-not-named-in-what-he-says",
        ),
        pytest.param(
            "en",
            "Hydrelis said on Monday that the water was safe. Mayor Paul Girard visited the plant. "
            "It added that tests would continue.",
            ("It", "Hydrelis"),
            id="en-it-skips-a-person-subject",
        ),
        pytest.param(
            "fr",
            "Claire Vasseur a estimé que la situation était grave. Elle a ajouté que des analyses suivraient.",
            ("Elle", "Claire Vasseur"),
            id="fr-elle-is-the-speaker-and-subject",
        ),
        pytest.param(
            "fr",
            "Invité de la matinale, Cédric Morel s'en est pris à la chaîne. \"Hier soir, Paul Girard a encore "
            'tenu des propos choquants. Il a parlé de tout sauf du fond. Ces propos visent à diviser", '
            "a-t-il lancé.",
            ("il", "Cédric Morel"),
            id="fr-il-after-a-quotation-is-not-a-name-inside-it",
        ),
        pytest.param(
            "fr",
            'La ministre a estimé que la réforme avançait. "Nous avons tenu. Nous avons écouté. Nous avons '
            'changé le texte. Nous avons reçu les syndicats. Le dialogue reste ouvert." Le texte doit beaucoup '
            "au rapport de Paul Girard. Elle a ajouté que le vote aurait lieu en mai.",
            ("Elle", None),
            id="fr-elle-is-the-earlier-speaker-not-a-name-in-passing",
        ),
    ],
)
def test_speakers_pronoun_resolves_to_the_last_speaker_or_later_subject(
    lang: str, text: str, expected: tuple[str, str | None]
) -> None:
    assert expected in speakers(lang, text)


def test_speakers_pronouns_agree_with_the_gender_of_a_first_name() -> None:
    text = (
        "« On a eu très peur », raconte Annie au journal local. Puis il a exigé une rançon, a-t-elle précisé."
    )
    assert speakers("fr", text) == [("Annie", "Annie"), ("il", None), ("elle", "Annie")]
