"""attributions.v1 on English sentences parsed by the real model (slow): one row per construction."""

from __future__ import annotations

import pytest
from run_extractors import all_speakers, attributions_of, cues_by_both

from kgbuild import nlp
from kgbuild.extractors.docindex import index_of
from kgbuild.extractors.speakers import name_head
from kgbuild.records import Attribution

pytestmark = pytest.mark.slow


def attributions(text: str, **options: object) -> list[Attribution]:
    return attributions_of(text, "en", "attributions.v1", **options)


def row(a: Attribution) -> tuple[str, str | None, str, str, str]:
    return (a.cue.text, a.source.text if a.source else None, a.content.text, a.type, a.source_kind)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "According to the prosecutor, Laurent Faure, no one has yet been found responsible.",
            (
                "According to",
                "the prosecutor, Laurent Faure",
                "no one has yet been found responsible",
                "indirect",
                "person",
            ),
            id="according-to-description-then-name",
        ),
        pytest.param(
            "The senator said on Tuesday that the bill would pass.",
            ("said", "The senator", "the bill would pass", "indirect", "person"),
            id="that-clause",
        ),
        pytest.param(
            '"We will not back down," Mayor Ann Lee said.',
            ("said", "Mayor Ann Lee", "We will not back down", "direct", "person"),
            id="quote-then-subject-verb",
        ),
        pytest.param(
            '"We will not back down," said the mayor.',
            ("said", "the mayor", "We will not back down", "direct", "person"),
            id="quote-then-verb-subject",
        ),
        pytest.param(
            "According to the report, emissions fell by 4 percent last year.",
            ("According to", "the report", "emissions fell by 4 percent last year", "indirect", "document"),
            id="according-to",
        ),
        pytest.param(
            "In a poll released Monday, 48 percent of voters chose Clinton.",
            (
                "In",
                "a poll released Monday",
                "48 percent of voters chose Clinton",
                "indirect",
                "document",
            ),
            id="in-a-poll",
        ),
        pytest.param(
            "Clinton leads Trump by five points in the latest national survey.",
            (
                "in",
                "the latest national survey",
                "Clinton leads Trump by five points",
                "indirect",
                "document",
            ),
            id="in-the-survey-after",
        ),
        pytest.param(
            "The senator railed against the new tax on fuel.",
            ("railed against", "The senator", "the new tax on fuel", "indirect", "person"),
            id="rail-against",
        ),
        pytest.param(
            "Analysts speculated that the bank would cut rates.",
            ("speculated", "Analysts", "the bank would cut rates", "indirect", "anonymous"),
            id="speculate",
        ),
        pytest.param(
            "The company believes that its profits will grow.",
            ("believes", "The company", "its profits will grow", "indirect", "organisation"),
            id="belief",
        ),
        pytest.param(
            "Democrats urged the governor to veto the measure.",
            ("urged", "Democrats", "the governor to veto the measure", "indirect", "person"),
            id="demand",
        ),
        pytest.param(
            "The candidate promised to cut taxes for small businesses.",
            ("promised", "The candidate", "to cut taxes for small businesses", "indirect", "person"),
            id="promise",
        ),
        pytest.param(
            "The mayor called the decision a disgrace.",
            ("called", "The mayor", "the decision a disgrace", "indirect", "person"),
            id="object-content",
        ),
        pytest.param(
            "Her refusal to testify angered the committee.",
            ("refusal", "Her", "to testify", "indirect", "person"),
            id="noun-cue-possessive-pronoun",
        ),
        pytest.param(
            "Thirty percent of voters would vote for the senator.",
            ("would vote for", "Thirty percent of voters", "the senator", "indirect", "person"),
            id="vote-for",
        ),
        pytest.param(
            "The governor restated his opposition to the tax.",
            ("restated", "The governor", "his opposition to the tax", "indirect", "person"),
            id="restate",
        ),
        pytest.param(
            "Analysts see the merger as a mistake.",
            ("see", "Analysts", "the merger as a mistake", "indirect", "anonymous"),
            id="weak-see-with-speaker",
        ),
        pytest.param(
            '"The trucks waiting at the border never left" said the aid worker.',
            ("said", "the aid worker", "The trucks waiting at the border never left", "direct", "person"),
            id="a-word-of-the-quotation-is-no-subject",
        ),
        pytest.param(
            '"Our act is political, these are the conditions", argued the comedian.',
            ("argued", "the comedian", "Our act is political, these are the conditions", "direct", "person"),
            id="a-word-of-the-quotation-is-no-object-s-subject",
        ),
    ],
)
def test_extractors_attributions_en_constructions(text: str, expected: tuple[str, ...]) -> None:
    assert [row(a) for a in attributions(text)] == [expected]


def test_extractors_attributions_en_denial_is_negated() -> None:
    (found,) = attributions("The spokesman denied that the minister had resigned.")
    assert (found.cue.text, found.cue_act, found.negated) == ("denied", "deny", True)


def test_extractors_attributions_en_accusation() -> None:
    (found,) = attributions("Smith accused the agency of hiding the data.")
    assert found.cue_act == "accuse"
    assert found.content.text == "the agency of hiding the data"


def test_extractors_attributions_en_hedges() -> None:
    (found,) = attributions("Officials said the suspect had allegedly fled the country.")
    assert found.hedges == ("allegedly",)
    assert found.certainty == "probable"
    assert found.source_kind == "anonymous"


@pytest.mark.parametrize(
    ("text", "hedges", "certainty"),
    [
        pytest.param("The minister said he would resign on Friday.", (), "certain", id="would-is-backshift"),
        pytest.param("Officials said the company may have dumped waste.", ("may",), "possible", id="may"),
        pytest.param("Officials said the firm could close the plant.", ("could",), "possible", id="could"),
    ],
)
def test_extractors_attributions_en_modals(text: str, hedges: tuple[str, ...], certainty: str) -> None:
    (found,) = attributions(text)
    assert (found.hedges, found.certainty) == (hedges, certainty)


def test_extractors_attributions_en_relative_source_stays_as_written() -> None:
    found = attributions("The report was praised by Jane Doe, who said it was fair.")
    said = next(a for a in found if a.cue.text == "said")
    assert said.source is not None
    assert said.source.text == "who"
    assert said.resolved == "Jane Doe"


def test_extractors_attributions_en_joined_quote_parts() -> None:
    (found,) = attributions('"We won," she said. "Now the work begins."')
    assert found.content.text.startswith("We won")
    assert found.content.text.endswith("Now the work begins")


def test_extractors_attributions_en_nested_off_by_default_on_by_option() -> None:
    text = "The aide said that the senator claimed victory."
    assert [a.cue.text for a in attributions(text)] == ["said"]
    found = attributions(text, nested=True)
    assert [a.cue.text for a in found] == ["said", "claimed"]
    assert found[1].relayed_by == 0


@pytest.mark.parametrize(
    "text",
    [
        "Smith told Reuters that the deal was dead.",
        '"The deal is dead," Smith told Reuters on Monday.',
        "Smith warned Reuters that the deal was dead.",  # any verb whose object is whom it addresses
    ],
)
def test_extractors_attributions_en_told_outlet_is_a_relay(text: str) -> None:
    found = attributions(text)
    relay = next(a for a in found if a.source is not None and a.source.text == "Reuters")
    speaker = next(a for a in found if a.source is not None and a.source.text == "Smith")
    assert speaker.relayed_by == found.index(relay)
    # the attribution proper comes before the hop that shares its cue
    assert found.index(speaker) < found.index(relay)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('"We are leaving," he told the crowd.', "We are leaving"),
        ('"The plant is safe," the mayor assured residents on Monday.', "The plant is safe"),
    ],
)
def test_extractors_attributions_en_inverted_cue_with_an_addressee(text: str, content: str) -> None:
    assert [a.content.text for a in attributions(text)] == [content]


def test_extractors_attributions_en_addressee_then_what_is_told_is_no_inverted_cue() -> None:
    found = attributions(
        "The mayor is questioning the count, saying everything must be “on the up and up.”\n\n"
        "Lopez tells his supporters at a rally to “go to your place and vote” and watch the count."
    )
    tells = next(a for a in found if a.cue.text == "tells")
    assert "questioning" not in tells.content.text


def test_extractors_attributions_en_empty_and_cue_free_texts() -> None:
    assert attributions("") == []
    assert attributions("The river rose by two metres overnight.") == []


def test_extractors_attributions_en_noun_cue_with_possessor() -> None:
    (found,) = attributions("Trump's claim that the election was rigged drew criticism.")
    assert (found.cue.text, found.cue_act) == ("claim", "assert")
    assert found.source is not None
    assert found.source.text == "Trump"
    assert found.content.text == "the election was rigged"


def test_extractors_attributions_en_reportedly_has_no_source() -> None:
    (found,) = attributions("The company has reportedly cut hundreds of jobs.")
    assert (found.cue.text, found.type, found.source_kind) == ("reportedly", "nosource", "none")
    assert found.content.text == "The company has reportedly cut hundreds of jobs"


def test_extractors_attributions_en_headline_colon() -> None:
    found = attributions("Hillary Clinton: The economy is stronger than ever.")
    assert [(a.cue.text, a.source.text if a.source else None) for a in found] == [(":", "Hillary Clinton")]
    assert found[0].content.text == "The economy is stronger than ever"


def test_extractors_attributions_en_extra_cues_from_elsewhere() -> None:
    text = "The senator opined that the bill would fail."
    assert attributions(text) == []  # "opine" is not in the lexicon
    start = text.index("opined")
    (found,) = attributions(text, extra_cues=[(start, start + len("opined"))])
    assert (found.cue.text, found.content.text) == ("opined", "the bill would fail")
    assert found.source is not None
    assert found.source.text == "The senator"
    assert found.confidence <= 0.5


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The storm saw prices rise sharply across the region.", id="see-without-speaker"),
        pytest.param("The river continued to rise during the night.", id="continue-without-speaker"),
    ],
)
def test_extractors_attributions_en_weak_cues_need_a_speaker(text: str) -> None:
    assert attributions(text) == []


def test_extractors_attributions_en_possessive_noun_cue_left_to_a_following_participle() -> None:
    # the participle speaks for the subject; a nominal cue on "his plan" would hand it "his" instead
    found = attributions(
        "The mayor defended his plan to close the school, saying that the city needed the money."
    )
    assert "plan" not in [a.cue.text for a in found]
    assert "saying" in [a.cue.text for a in found]


@pytest.mark.parametrize("name", ["attributions.v1", "attributions.v2"])
@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        pytest.param(
            "Why voters believe the race is close\n\nThe latest figures show a tie in three states.",
            "believe",
            "the race is close",
            id="heading-then-paragraph",
        ),
        pytest.param(
            "Port-Vénard’s water crisis: what we know so far\n\nWhat happened?\n\nThe plant closed on Monday.",
            "know",
            None,
            id="heading-then-question",
        ),
    ],
)
def test_extractors_attributions_en_content_stays_in_its_paragraph(
    name: str, text: str, cue: str, content: str | None
) -> None:
    # a heading without a full stop is a sentence of its own (kgbuild.sentence_starts), so no content crosses
    # into the next paragraph; the free relative "what we know" of a heading is no claim
    found = [a for a in attributions_of(text, "en", name) if a.cue.text == cue]
    assert all("\n" not in a.content.text for a in found)
    assert [a.content.text for a in found] == ([content] if content is not None else [])


def test_extractors_attributions_en_source_is_the_whole_name() -> None:
    # the source ranker picks a word; "Claire" of "Claire Vasseur" stands for the whole name, and the rules'
    # own choice is the whole phrase: either way the name is never cut
    found = attributions_of(
        "The environment minister, Claire Vasseur, has ordered an inspection and promised that those "
        "responsible would answer for it.",
        "en",
        "attributions.v2",
    )
    ordered = next(a for a in found if a.cue.text == "has ordered")
    assert ordered.source is not None
    assert ordered.source.text in {"Claire Vasseur", "The environment minister, Claire Vasseur"}


@pytest.mark.parametrize(
    ("text", "source"),
    [
        pytest.param(
            "Pro-regime fighters retook the villages the Syrian Observatory for Human Rights said on Wednesday.",
            "the Syrian Observatory for Human Rights",
            id="whole-entity-when-the-ranker-picks-a-word-of-it",
        ),
        pytest.param(
            "Syrian opposition forces on Sunday claimed Russian jets hit an outpost in Idlib province.",
            "Syrian opposition forces",
            id="time-adjunct-hung-on-the-subject",
        ),
    ],
)
def test_extractors_attributions_en_source_phrase_bounds(text: str, source: str) -> None:
    # punctuation stripped as in scraped agency copy (FA-KES)
    found = attributions_of(text, "en", "attributions.v2")
    assert [a.source.text for a in found if a.source is not None] == [source]


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        pytest.param(
            "The plant releases phosphates, that is to say the nutrients algae feed on.",
            [],
            id="that-is-to-say",
        ),
        pytest.param(
            "Having said that, the council will vote on Monday, the mayor said.",
            ["said"],
            id="having-said-that",
        ),
        pytest.param(
            "Cross-border fire from the hills has claimed 21 lives since May.", [], id="claimed-lives"
        ),
        pytest.param("The council called an emergency meeting on the flooding.", [], id="called-a-meeting"),
        pytest.param(
            "Some clerks committed identity theft to open fake accounts.", [], id="committed-a-crime"
        ),
        pytest.param("He committed suicide in 2015 after three years in jail.", [], id="committed-suicide"),
        pytest.param(
            "Government forces attacked the village of Kafr Nabl before dawn on Sunday.",
            [],
            id="attacked-a-village",
        ),
        pytest.param("Rebels attacked a military base near the airport overnight.", [], id="attacked-a-base"),
        pytest.param(
            "Russian warplanes targeted the neighbourhood of Al-Rashideen on Monday.",
            [],
            id="targeted-a-district",
        ),
        pytest.param(
            "Russian warplanes targeted a funeral in the town, killing at least three people.",
            [],
            id="targeted-a-funeral",
        ),
        pytest.param(
            "The United States and its allies launched airstrikes against the group in Syria.",
            [],
            id="launched-airstrikes",
        ),
        pytest.param(
            "In a press conference, Trump launched a pre-emptive attack against Obama, calling him ignorant.",
            {"attributions.v1": ["calling"], "attributions.v2": ["launched", "calling"]},
            id="launched-an-attack-on-a-person-accuses",
        ),
        pytest.param(
            "Senator Reyes attacked the governor over the dam on Monday.",
            ["attacked"],
            id="attacked-a-person-accuses",
        ),
        pytest.param(
            "The party has committed itself to cutting taxes.",
            ["has committed"],
            id="committed-itself-promises",
        ),
        pytest.param(
            "A leader of a Delta-based group called Rivers-e-Nadi belongs on the list.",
            [],
            id="participle-that-names",
        ),
        pytest.param(
            "At the forum, Senator Reyes called her vote on the dam a mistake.",
            ["called"],
            id="called-a-vote-a-mistake-judges",
        ),
    ],
)
def test_extractors_attributions_en_idioms_attribute_nothing(
    text: str, cues: list[str] | dict[str, list[str]]
) -> None:
    expected = cues if isinstance(cues, dict) else {"attributions.v1": cues, "attributions.v2": cues}
    assert cues_by_both(text, "en") == expected


def test_extractors_attributions_en_coordinated_cue_keeps_the_subject() -> None:
    found = attributions("The city council blamed the operator and promised to sue the company.")
    assert ("promised", "The city council") in [
        (a.cue.text, a.source.text if a.source else None) for a in found
    ]


@pytest.mark.parametrize(
    ("text", "word", "head"),
    [
        ("The environment minister, Claire Vasseur, has ordered an inspection.", "Claire", "Vasseur"),
        ("Officials of the Syrian Observatory for Human Rights said so.", "Human", "Rights"),
        ("The environment minister, Claire Vasseur, has ordered an inspection.", "minister", "minister"),
    ],
)
def test_extractors_attributions_en_name_head_climbs_to_the_whole_name(
    text: str, word: str, head: str
) -> None:
    doc = nlp.load("en")(text)
    index = index_of(doc)
    position = next(t.i for t in doc if t.text == word)
    assert doc[name_head(index, position)].text == head


def test_extractors_attributions_en_learned_from_is_a_relayed_source() -> None:
    found = attributions("The suspect was arrested on Tuesday, Reuters learned from police officials.")
    assert [a.source.text if a.source else None for a in found] == ["Reuters", "police officials"]
    assert found[1].relayed_by == 0


def test_extractors_attributions_en_pronoun_source_with_its_group() -> None:
    (found,) = attributions("Some of his aides said the senator would resign.")
    assert found.source is not None
    assert found.source.text == "Some of his aides"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Lena Marsh was quoted as saying that the bridge had collapsed.",
            [("was quoted as saying", "Lena Marsh", "the bridge had collapsed", None)],
            id="quoted-as-saying",
        ),
        pytest.param(
            "The mayor was cited as saying that the vote was over.",
            [("was cited as saying", "The mayor", "the vote was over", None)],
            id="cited-as-saying",
        ),
        pytest.param(
            "The governor was quoted by Reuters as saying the talks had failed.",
            [
                ("was quoted by Reuters as saying", "The governor", "the talks had failed", 1),
                ("was quoted by Reuters as saying", "Reuters", "the talks had failed", None),
            ],
            id="quoted-by-an-outlet-who-relays",
        ),
    ],
)
def test_extractors_attributions_en_quoted_as_saying(
    text: str, expected: list[tuple[str, str, str, int | None]]
) -> None:
    found = attributions(text)
    assert [
        (a.cue.text, a.source.text if a.source else None, a.content.text, a.relayed_by) for a in found
    ] == expected


@pytest.mark.parametrize(
    ("text", "source", "resolved"),
    [
        pytest.param(
            '"We will win," said Senator Tom Reyes on CNN.', "Senator Tom Reyes on CNN", "Tom Reyes"
        ),
        pytest.param(
            "The head of research on climate policy said the plan would fail.",
            "The head of research on climate policy",
            None,
        ),
        pytest.param("Doctors and nurses said the hospital was hit.", "Doctors and nurses", None),
        pytest.param(
            "According to the senator, Ted Cruz (R-Texas), the bill will fail.",
            "the senator, Ted Cruz (R-Texas)",
            "Ted Cruz",
        ),
    ],
)
def test_extractors_attributions_en_source_ranker_keeps_the_rules_head(
    text: str, source: str, resolved: str | None
) -> None:
    # the ranker may point at a word inside the rules' source ("CNN", "climate policy", the second of two
    # conjuncts): the phrase stands
    (found,) = attributions_of(text, "en", "attributions.v2")
    assert found.source is not None
    assert (found.source.text, found.resolved) == (source, resolved)


def test_extractors_attributions_en_according_to_after_a_conjunction_attributes_what_follows() -> None:
    (found,) = attributions("The plan was approved, but according to two officials, the vote was rigged.")
    assert (found.cue.text, found.content.text) == ("according to", "the vote was rigged")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Clinton says she backs the plan. Trump charges that countries that gain from the plan gave "
            "millions of dollars to her charity.",
            ("charges", "Trump", "countries that gain from the plan gave millions of dollars to her charity"),
            id="plural-noun-then-that",
        ),
        pytest.param(
            "The Clinton campaign plans to employ the former president as much as possible in Ohio.",
            ("plans", "The Clinton campaign", "to employ the former president as much as possible in Ohio"),
            id="plural-noun-then-infinitive",
        ),
    ],
)
def test_extractors_attributions_en_verb_read_as_a_noun(text: str, expected: tuple[str, str, str]) -> None:
    # the tagger reads some third-person verbs as plural nouns and the parse makes them the root: a noun
    # governing a clause is the verb it looks like
    found = [(a.cue.text, a.source.text if a.source else None, a.content.text) for a in attributions(text)]
    assert found[-1] == expected


def test_extractors_attributions_en_noun_with_a_relative_clause_is_no_cue() -> None:
    assert attributions("The charges that he faces are serious.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Donald Trump and Hillary Clinton said on Monday that the debate was rigged.",
            [("Donald Trump and Hillary Clinton", "Donald Trump", ["Hillary Clinton"])],
            id="two names",
        ),
        pytest.param(
            "Senator Ted Cruz, Governor John Kasich and Marco Rubio all said the plan would fail.",
            [
                (
                    "Senator Ted Cruz, Governor John Kasich and Marco Rubio all",
                    "Ted Cruz",
                    ["John Kasich", "Marco Rubio"],
                )
            ],
            id="a chain of three",
        ),
        pytest.param(
            "Senators Chuck Grassley and Patrick Leahy say other changes are needed.",
            [("Senators Chuck Grassley and Patrick Leahy", "Chuck Grassley", ["Patrick Leahy"])],
            id="names beside a title",
        ),
        pytest.param(
            "According to Reuters and the Associated Press, the talks failed.",
            [("Reuters and the Associated Press", "Reuters", ["Associated Press"])],
            id="according to two outlets",
        ),
        pytest.param(
            "The deal will hold, Donald Trump and Hillary Clinton said on Monday. They added that talks would resume.",
            [
                ("Donald Trump and Hillary Clinton", "Donald Trump", ["Hillary Clinton"]),
                ("They", "Donald Trump", ["Hillary Clinton"]),
            ],
            id="they, the pair",
        ),
        pytest.param(
            "Doctors and nurses said the hospital was hit.",
            [("Doctors and nurses", None, [])],
            id="nobody named",
        ),
        pytest.param(
            "Donald Trump and Hillary Clinton met voters in Ohio on Monday. They said the economy would grow.",
            [("They", "Donald Trump", ["Hillary Clinton"])],
            id="they, the pair of a subject",
        ),
        pytest.param(
            "Donald Trump and Hillary Clinton met voters in Ohio on Monday. She said the economy would grow.",
            [("She", "Hillary Clinton", [])],
            id="she, one of the pair",
        ),
        pytest.param(
            "Donald Trump and Hillary Clinton met voters in Ohio on Monday. He said the economy would grow.",
            [("He", "Donald Trump", [])],
            id="he, the other",
        ),
    ],
)
def test_extractors_attributions_en_coordinated_sources_name_every_speaker(
    text: str, expected: list[tuple[str, str | None, list[str]]]
) -> None:
    assert all_speakers(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "source", "resolved"),
    [
        pytest.param(
            "A Britain-based monitor said four civilians were killed.",
            "A Britain-based monitor",
            None,
            id="based",
        ),
        pytest.param(
            "The Saudi-led coalition said the strike hit a depot.", "The Saudi-led coalition", None, id="led"
        ),
        pytest.param(
            "The US-backed Syrian Democratic Forces said they took the town.",
            "The US-backed Syrian Democratic Forces",
            "Syrian Democratic Forces",
            id="backed, before a name",
        ),
        pytest.param(
            "Senator Mary Smith-Jones said the bill would pass.",
            "Senator Mary Smith-Jones",
            "Mary Smith-Jones",
            id="a hyphenated name",
        ),
    ],
)
def test_extractors_attributions_en_name_made_an_adjective_is_not_the_speaker(
    text: str, source: str, resolved: str | None
) -> None:
    (found,) = attributions_of(text, "en")
    assert (found.source.text if found.source else None, found.resolved) == (source, resolved)


def test_extractors_attributions_en_the_short_name_of_an_organisation_named_before() -> None:
    (found,) = attributions_of(
        "The Syrian Observatory for Human Rights counted 12 dead in Idlib on Monday. "
        "The toll rose to 20 on Tuesday, according to the Observatory.",
        "en",
    )
    assert (found.source.text if found.source else None, found.resolved) == (
        "the Observatory",
        "Syrian Observatory for Human Rights",
    )


@pytest.mark.parametrize("name", ["attributions.v1", "attributions.v2"])
def test_extractors_attributions_en_according_to_which_stands_for_its_antecedent(name: str) -> None:
    text = "The minister cited a UN report, according to which 300 civilians have been killed since January."
    found = attributions_of(text, "en", name)
    reading = next(a for a in found if a.cue.text == "according to")
    assert reading.source is not None
    assert (reading.source.text, reading.content.text) == (
        "a UN report",
        "300 civilians have been killed since January",
    )
    assert reading.relayed_by is not None
    assert found[reading.relayed_by].cue.text == "cited"
