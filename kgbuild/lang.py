"""The language of an article, for inputs that do not say it."""

from __future__ import annotations

import functools
import itertools
import re

from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

SAMPLE_CHARS = 2000  # the opening of an article is enough, and keeps the cost flat
MIN_LETTERS = 20
MIN_PROBABILITY = 0.8
SEED = 0  # langdetect samples n-grams at random; a fixed seed makes its answer reproducible

_LETTER = re.compile(r"[^\W\d_]")


@functools.cache
def _factory() -> DetectorFactory:
    # An own factory rather than langdetect's module-level one: its seed is ours to set.
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(SEED)
    return factory


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the language of ``text`` ("fr", "en", ...), or None when unsure.

    Looks at the first ``SAMPLE_CHARS`` characters; None below ``MIN_LETTERS`` letters or when
    the likeliest language has a probability under ``MIN_PROBABILITY``.
    """
    sample = text[:SAMPLE_CHARS]
    if sum(1 for _ in itertools.islice(_LETTER.finditer(sample), MIN_LETTERS)) < MIN_LETTERS:
        return None
    if sum(char.isupper() for char in sample) > sum(char.islower() for char in sample):
        # the profiles are built from ordinary text: a headline in capitals reads as another language
        sample = sample.lower()
    detector = _factory().create()
    detector.append(sample)
    try:
        ranked = detector.get_probabilities()
    except LangDetectException:
        return None
    if not ranked or ranked[0].prob < MIN_PROBABILITY:
        return None
    code: str = ranked[0].lang
    return code.split("-")[0]  # "zh-cn" -> "zh"
