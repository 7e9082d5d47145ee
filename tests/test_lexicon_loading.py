"""The per-language lexicons: packaged data, extension files, readable errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kgbuild.extractors.lexicon import ACTS, LexiconError, available_languages, load_lexicon


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_lexicon_loading_packaged_languages(lang: str) -> None:
    lexicon = load_lexicon(lang)
    assert lang in available_languages()
    acts = {cue.act for cues in lexicon.verbs.values() for cue in cues} | set(lexicon.prepositions.values())
    assert acts == set(ACTS)
    assert lexicon.pronouns
    assert lexicon.titles
    assert lexicon.anonymous_heads


@pytest.mark.parametrize(
    ("lang", "word", "act"),
    [
        ("fr", "affirmer", "assert"),
        ("fr", "démentir", "deny"),
        ("fr", "accuser", "accuse"),
        ("fr", "estimer", "believe"),
        ("fr", "réclamer", "demand"),
        ("fr", "promettre", "promise"),
        ("fr", "selon", "report"),
        ("en", "say", "assert"),
        ("en", "deny", "deny"),
        ("en", "according to", "report"),
        ("en", "believe", "believe"),
        ("en", "urge", "demand"),
        ("en", "vow", "promise"),
        ("en", "portray", "assert"),
        ("en", "speculate", "believe"),
        ("en", "rail against", "accuse"),
        ("en", "advocate", "demand"),
        ("en", "in", "report"),
        ("fr", "dans", "report"),
    ],
)
def test_lexicon_loading_acts_of_entries(lang: str, word: str, act: str) -> None:
    assert load_lexicon(lang).acts_of_lemma[word] == act


def test_lexicon_loading_reflexive_and_phrase_entries() -> None:
    lexicon = load_lexicon("fr")
    (alarm,) = lexicon.verb_cues("alarmer")
    assert alarm.reflexive
    assert alarm.lemma == "s'alarmer"
    state = next(c for c in lexicon.verb_cues("faire") if c.lemma == "faire état")
    assert state.tail == ("état",)
    assert state.act == "report"


def test_lexicon_loading_extra_file_adds_and_overrides(tmp_path: Path) -> None:
    extra = tmp_path / "mine.toml"
    extra.write_text('[acts.accuse]\nverbs = ["gazouiller", "estimer"]\n', encoding="utf-8")
    lexicon = load_lexicon("fr", extra=[extra])
    assert lexicon.acts_of_lemma["gazouiller"] == "accuse"
    assert lexicon.acts_of_lemma["estimer"] == "accuse"  # the user's file wins
    assert "gazouiller" not in load_lexicon("fr").acts_of_lemma  # the packaged lexicon is untouched


@pytest.mark.parametrize(
    ("lang", "field", "word", "listed"),
    [
        ("fr", "dative_cases", "auprès", True),
        ("en", "dative_cases", "to", True),
        ("en", "dative_cases", "à", False),
        ("fr", "reflexive_pronouns", "nous", True),
        ("en", "reflexive_pronouns", "me", False),  # "told me" is no reflexive verb
        ("fr", "infinitive_markers", "de", True),
        ("en", "agent_markers", "by", True),
        ("fr", "agent_markers", "par", True),
        ("en", "topic_prepositions", "about", True),
        ("fr", "passive_auxiliaries", "être", True),
        ("fr", "feminine_words", "mme", True),
        ("en", "feminine_words", "mrs.", True),
        ("en", "masculine_words", "le", False),  # "Marine Le Pen" says nothing of gender in English
        ("fr", "masculine_words", "le", True),
    ],
)
def test_lexicon_loading_word_lists_per_language(lang: str, field: str, word: str, listed: bool) -> None:
    assert (word in getattr(load_lexicon(lang), field)) is listed


def test_lexicon_loading_extra_file_extends_word_lists(tmp_path: Path) -> None:
    extra = tmp_path / "mine.toml"
    extra.write_text('feminine_words = ["dame"]\n[grammar]\ndative_cases = ["envers"]\n', encoding="utf-8")
    lexicon = load_lexicon("fr", extra=[extra])
    assert {"envers", "à", "auprès"} <= lexicon.dative_cases
    assert {"dame", "mme"} <= lexicon.feminine_words


def test_lexicon_loading_extra_file_read_again_only_when_changed(tmp_path: Path) -> None:
    extra = tmp_path / "mine.toml"
    extra.write_text('[acts.accuse]\nverbs = ["gazouiller"]\n', encoding="utf-8")
    first = load_lexicon("fr", extra=[extra])
    assert load_lexicon("fr", extra=[str(extra)]) is first  # one merge, however many Docs ask
    extra.write_text('[acts.deny]\nverbs = ["gazouiller", "chuchoter"]\n', encoding="utf-8")
    os.utime(extra, ns=(extra.stat().st_atime_ns, extra.stat().st_mtime_ns + 1_000_000_000))
    changed = load_lexicon("fr", extra=[extra])
    assert changed.acts_of_lemma["gazouiller"] == "deny"
    assert changed.acts_of_lemma["chuchoter"] == "deny"


def test_lexicon_loading_missing_extra_file_is_a_lexicon_error(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="cannot read lexicon file"):
        load_lexicon("fr", extra=[tmp_path / "absent.toml"])


def test_lexicon_loading_unknown_language_says_which_exist() -> None:
    with pytest.raises(LexiconError, match=r"no lexicon for language 'xx' \(known: en, fr\)"):
        load_lexicon("xx")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[acts.assert\nverbs = [", "not valid TOML"),
        ('[acts.shout]\nverbs = ["crier"]\n', "unknown act 'shout'"),
        ('[acts.assert]\nverbs = "dire"\n', "expected a list of strings"),
        ('[acts.assert]\nverbs = ["crier"]\n[acts.deny]\nverbs = ["crier"]\n', "listed under both"),
        ('[grammar]\nrelative_source = "somewhere"\n', "relative_source must be"),
    ],
)
def test_lexicon_loading_bad_extra_file_is_a_clear_error(tmp_path: Path, content: str, message: str) -> None:
    extra = tmp_path / "bad.toml"
    extra.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        load_lexicon("fr", extra=[extra])


def test_lexicon_loading_missing_extra_file(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="cannot read lexicon file"):
        load_lexicon("en", extra=[tmp_path / "absent.toml"])


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_lexicon_loading_no_description_word_has_two_kinds(lang: str) -> None:
    import tomllib
    from importlib import resources

    data = tomllib.loads(
        resources.files("kgbuild.lexicons").joinpath(lang, "sources.toml").read_text("utf-8")
    )
    seen: dict[str, str] = {}
    for kind, words in data["descriptions"].items():
        for word in words:
            assert seen.setdefault(word, kind) == kind, f"{word!r} is both {seen[word]} and {kind}"
