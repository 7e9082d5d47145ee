"""Plain frames around the cue model's extra cues: which cues get one, and the source and content the parse
gives them (participles, passives, feelings, noun cues, quotations before the speaker)."""

from __future__ import annotations

import pytest
import spacy

from kgbuild.extractors import cue_model


def cue_at(text: str, cue: str, last: bool = False) -> tuple[int, int]:
    start = text.rindex(cue) if last else text.index(cue)
    return start, start + len(cue)


def frame_texts(
    english: spacy.language.Language, text: str, cue: str, last: bool = False
) -> tuple[str | None, str] | None:
    doc = english(text)
    frame = cue_model.fallback_frame(doc, cue_at(text, cue, last), spans=[])
    if frame is None:
        return None
    source, content = frame
    return (text[source[0] : source[1]] if source is not None else None), text[content[0] : content[1]]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        # a participle speaks for the subject of the verb it hangs from
        (
            "The senator left the hall early, attacking critics of the tax bill.",
            "attacking",
            "The senator",
            "critics of the tax bill",
        ),
        ("Asked about the delay, the admiral blamed the weather.", "Asked", "the admiral", "the delay"),
        # a cue ending in a preposition: its object is the content
        (
            "The council has voiced deep concern about the new toll.",
            "concern about",
            "The council",
            "the new toll",
        ),
        ("There was no reference to the border wall in her speech.", "reference to", None, "the border wall"),
        # passives: the agent speaks about the subject; a feeling's subject is who feels
        ("The proposal was rejected by the city council.", "rejected", "the city council", "The proposal"),
        ("Local farmers were angered by the water ban.", "angered", "Local farmers", "the water ban"),
        # a to-infinitive after an object: the object speaks
        (
            "The strike led the union leader to demand a new contract.",
            "demand",
            "the union leader",
            "a new contract",
        ),
        # a lone auxiliary stands for its verb
        ("She has long argued for a bigger library.", "has", "She", "a bigger library"),
        # a quotation closing just before the speaker
        (
            '"We will rebuild the pier," the harbour master told reporters.',
            "told",
            "the harbour master",
            '"We will rebuild the pier,"',
        ),
        # the content stops at a semicolon
        (
            "Supporters of the park signed a petition; the city ignored it.",
            "signed",
            "Supporters of the park",
            "a petition",
        ),
    ],
)
def test_cue_model_frame_reads_the_parse(
    english: spacy.language.Language, text: str, cue: str, source: str | None, content: str
) -> None:
    assert frame_texts(english, text, cue) == (source, content)


@pytest.mark.slow
def test_cue_model_frame_quotation_before_the_speaker_wins_over_an_earlier_sentence(
    english: spacy.language.Language,
) -> None:
    text = 'He said the road was closed. "It will not open today," she said.'
    assert frame_texts(english, text, "said", last=True) == ("she", '"It will not open today,"')


@pytest.mark.slow
def test_cue_model_frame_quotation_ending_its_sentence_is_not_taken(english: spacy.language.Language) -> None:
    text = '"The pier is safe." The harbour master is confident about the repairs.'
    frame = frame_texts(english, text, "confident about")
    assert frame is not None
    assert frame[1] == "the repairs"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "cue", "worthy"),
    [
        ("The mayor insisted that the budget was balanced.", "insisted", True),
        ("The plan drew sharp criticism from shop owners.", "criticism", True),
        ("The report does not mention the flood.", "does", True),  # the auxiliary of "mention"
        ("Voters approved the measure, the board said.", "the", False),
        ("Voters approved the measure, the board said.", ",", False),
        ("The mayor spoke about the budget.", "about", False),
        ("The senator, visibly tired, spoke for an hour.", "visibly", False),
        # inside a quotation: the quoted speaker's own reports are left to the quotation's attribution
        ('"They say the pier is safe," the mayor said.', "say", False),
        ("\u201cThey say the pier is safe,\u201d the mayor said.", "say", False),
    ],
)
def test_cue_model_frame_worthy(english: spacy.language.Language, text: str, cue: str, worthy: bool) -> None:
    doc = english(text)
    assert cue_model.frame_worthy(doc, cue_at(text, cue)) is worthy
    if not worthy:
        assert cue_model.fallback_frame(doc, cue_at(text, cue), spans=[]) is None
