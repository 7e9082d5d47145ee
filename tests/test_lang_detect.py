"""Language detection for inputs that do not say their language."""

from __future__ import annotations

import pytest

from kgbuild.lang import SAMPLE_CHARS, detect_language

FRENCH = (
    "Le conseil municipal s'est réuni mardi soir pour voter le budget de l'année prochaine. "
    "Selon l'adjoint aux finances, les dépenses de fonctionnement baisseront légèrement, "
    "tandis que les investissements dans les écoles seront maintenus."
)
ENGLISH = (
    "The city council met on Tuesday evening to vote on next year's budget. According to the "
    "deputy mayor for finance, running costs will fall slightly, while investment in schools "
    "will be maintained."
)
SPANISH = (
    "El ayuntamiento se reunió el martes por la noche para votar el presupuesto del próximo año. "
    "Según el teniente de alcalde, los gastos corrientes bajarán ligeramente."
)
GERMAN = (
    "Der Stadtrat ist am Dienstagabend zusammengekommen, um über den Haushalt des nächsten Jahres "
    "abzustimmen. Die laufenden Kosten sollen leicht sinken."
)


@pytest.mark.parametrize(
    ("text", "lang"),
    [(FRENCH, "fr"), (ENGLISH, "en"), (SPANISH, "es"), (GERMAN, "de"), (FRENCH.upper(), "fr")],
)
def test_lang_detect_languages(text: str, lang: str) -> None:
    assert detect_language(text) == lang


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Bonjour à tous",
        "12 345 678,90 € — 2019/2020 !!!",
        "https://example.org/a/b/c/d/e/f/g/h",
        "A. B. C. D. E.",
    ],
)
def test_lang_detect_too_short_or_no_letters(text: str) -> None:
    assert detect_language(text) is None


def test_lang_detect_is_deterministic() -> None:
    text = "Paris Madrid Berlin Roma Lisboa Bruxelles Amsterdam Wien Praha"
    assert len({detect_language(text) for _ in range(5)}) == 1


def test_lang_detect_reads_only_the_opening() -> None:
    opening = (FRENCH + " ") * (SAMPLE_CHARS // len(FRENCH) + 1)
    assert detect_language(opening + ENGLISH * 40) == "fr"


@pytest.mark.parametrize(
    "text",
    [
        "Bonjour, hello, hola, ciao, hallo, olá, merci, thanks, gracias, grazie, danke",
        "Le conseil s'est réuni mardi. The council met on Tuesday. Il a voté. It voted on the budget.",
    ],
)
def test_lang_detect_unsure_is_none(text: str) -> None:
    assert detect_language(text) is None
