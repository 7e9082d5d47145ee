"""entities.v4: a name that is an office's portfolio is not an entity of its own. After a ministry word the
ministry is the entity, after a minister's title there is none. A name keeps a capitalised article written
inside a sentence, under the key it has without it. Capitalised common nouns and titles alone are no names,
peoples are groups, nationalities that modify a noun are no entities, possessives stripped of their
apostrophe are the name, and long acronyms are no persons (hand-built Docs, so that the recognizer's spans are
the ones under test)."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from kgbuild.extractors import ExtractContext, get_extractor
from kgbuild.records import EntityMention


def by_version(lang: str, **doc: Any) -> dict[str, list[EntityMention]]:
    """The mentions entities.v3 and entities.v4 find in a Doc built from ``doc`` (``Doc``'s keywords)."""
    found = {}
    for version in ("entities.v3", "entities.v4"):
        built = Doc(spacy.blank(lang).vocab, **doc)
        found[version] = list(get_extractor(version)(built, ExtractContext(lang)))
    return found


def mentions(
    lang: str, words: list[str], pos: list[str], ents: list[str], version: str
) -> list[EntityMention]:
    spaces = [
        not (w.endswith("'") or nxt in {".", ","}) for w, nxt in zip(words, [*words[1:], ""], strict=True)
    ]
    starts = [i == 0 or words[i - 1] in {".", "\n"} for i in range(len(words))]
    doc = Doc(spacy.blank(lang).vocab, words=words, spaces=spaces, pos=pos, ents=ents, sent_starts=starts)
    return list(get_extractor(version)(doc, ExtractContext(lang)))


def names(lang: str, words: list[str], pos: list[str], ents: list[str], version: str) -> set[tuple[str, str]]:
    return {(e.name, e.kind) for e in mentions(lang, words, pos, ents, version)}


@pytest.mark.parametrize(
    ("lang", "words", "pos", "ents", "v3", "v4"),
    [
        pytest.param(
            "fr",
            ["Le", "ministère", "de", "la", "Santé", "a", "annoncé", "."],
            ["DET", "NOUN", "ADP", "DET", "PROPN", "AUX", "VERB", "PUNCT"],
            ["O", "O", "O", "O", "B-ORG", "O", "O", "O"],
            {("Santé", "organisation")},
            {("ministère de la Santé", "organisation")},
            id="fr-ministry-of-a-portfolio",
        ),
        pytest.param(
            "fr",
            ["Le", "ministère", "indien", "de", "l'", "Agriculture", "a", "indiqué", "."],
            ["DET", "NOUN", "ADJ", "ADP", "DET", "PROPN", "AUX", "VERB", "PUNCT"],
            ["O", "O", "O", "O", "O", "B-LOC", "O", "O", "O"],
            {("Agriculture", "place")},
            {("ministère indien de l'Agriculture", "organisation")},
            id="fr-ministry-with-a-country-adjective",
        ),
        pytest.param(
            "fr",
            ["Le", "ministre", "de", "la", "Culture", "Franck", "Riester", "a", "souligné", "."],
            ["DET", "NOUN", "ADP", "DET", "PROPN", "PROPN", "PROPN", "AUX", "VERB", "PUNCT"],
            ["O", "O", "O", "O", "B-ORG", "B-PER", "I-PER", "O", "O", "O"],
            {("Culture", "organisation"), ("Franck Riester", "person")},
            {("Franck Riester", "person")},
            id="fr-portfolio-in-a-minister-title",
        ),
        pytest.param(
            "fr",
            ["Le", "Premier", "ministre", "d'", "Israël", "a", "parlé", "."],
            ["DET", "ADJ", "NOUN", "ADP", "PROPN", "AUX", "VERB", "PUNCT"],
            ["O", "O", "O", "O", "B-LOC", "O", "O", "O"],
            {("Israël", "place")},
            {("Israël", "place")},
            id="fr-country-after-a-capitalised-title",
        ),
        pytest.param(
            "fr",
            ["Le", "ministre", "réclame", "des", "États-Unis", "une", "réponse", "."],
            ["DET", "NOUN", "VERB", "ADP", "PROPN", "DET", "NOUN", "PUNCT"],
            ["O", "O", "O", "O", "B-LOC", "O", "O", "O"],
            {("États-Unis", "place")},
            {("États-Unis", "place")},
            id="fr-a-verb-between-is-no-title",
        ),
        pytest.param(
            "en",
            ["The", "Ministry", "of", "Health", "said", "."],
            ["DET", "PROPN", "ADP", "PROPN", "VERB", "PUNCT"],
            ["O", "O", "O", "B-ORG", "O", "O"],
            {("Health", "organisation")},
            {("Ministry of Health", "organisation")},
            id="en-ministry-of-a-portfolio",
        ),
        pytest.param(
            "en",
            ["Minister", "of", "Interior", "Mohammed", "Shaar", "said", "."],
            ["PROPN", "ADP", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"],
            ["O", "O", "B-ORG", "B-PERSON", "I-PERSON", "O", "O"],
            {("Interior", "organisation"), ("Mohammed Shaar", "person")},
            {("Mohammed Shaar", "person")},
            id="en-portfolio-in-a-minister-title",
        ),
        pytest.param(
            "en",
            ["The", "Foreign", "Minister", "of", "Syria", "said", "."],
            ["DET", "PROPN", "PROPN", "ADP", "PROPN", "VERB", "PUNCT"],
            ["O", "O", "O", "O", "B-GPE", "O", "O"],
            {("Syria", "place")},
            {("Syria", "place")},
            id="en-country-after-a-capitalised-title",
        ),
    ],
)
def test_extractors_entities_v4_portfolio_is_no_entity_of_its_own(
    lang: str,
    words: list[str],
    pos: list[str],
    ents: list[str],
    v3: set[tuple[str, str]],
    v4: set[tuple[str, str]],
) -> None:
    assert names(lang, words, pos, ents, "entities.v3") == v3
    assert names(lang, words, pos, ents, "entities.v4") == v4


@pytest.mark.parametrize(
    ("lang", "words", "pos", "ents", "v3", "v4"),
    [
        pytest.param(
            "fr",
            ["Selon", "Le", "Parisien", ",", "le", "maire", "a", "démissionné", "."],
            ["ADP", "DET", "PROPN", "PUNCT", "DET", "NOUN", "AUX", "VERB", "PUNCT"],
            ["O", "O", "B-ORG", "O", "O", "O", "O", "O", "O"],
            "Parisien",
            "Le Parisien",
            id="fr-article-before-the-recognized-name",
        ),
        pytest.param(
            "fr",
            ["Il", "vit", "à", "La", "Rochelle", "."],
            ["PRON", "VERB", "ADP", "DET", "PROPN", "PUNCT"],
            ["O", "O", "O", "B-LOC", "I-LOC", "O"],
            "Rochelle",
            "La Rochelle",
            id="fr-article-inside-the-recognized-name",
        ),
        pytest.param(
            "fr",
            ["Il", "lit", "L'", "Express", "."],
            ["PRON", "VERB", "DET", "PROPN", "PUNCT"],
            ["O", "O", "O", "B-ORG", "O"],
            "Express",
            "L'Express",
            id="fr-elided-article",
        ),
        pytest.param(
            "en",
            ["He", "told", "The", "Guardian", "."],
            ["PRON", "VERB", "DET", "PROPN", "PUNCT"],
            ["O", "O", "O", "B-ORG", "O"],
            "Guardian",
            "Guardian",
            id="en-has-no-name-articles",
        ),
        pytest.param(
            "fr",
            ["Grève", "générale", "\n", "La", "France", "aussi", "."],
            ["NOUN", "ADJ", "SPACE", "DET", "PROPN", "ADV", "PUNCT"],
            ["O", "O", "O", "O", "B-LOC", "O", "O"],
            "France",
            "France",
            id="fr-capital-at-the-start-of-a-line",
        ),
        pytest.param(
            "fr",
            ["Il", "a", "dit", ":", "«", "Le", "Monde", "a", "tort", "»", "."],
            ["PRON", "AUX", "VERB", "PUNCT", "PUNCT", "DET", "PROPN", "AUX", "NOUN", "PUNCT", "PUNCT"],
            ["O", "O", "O", "O", "O", "O", "B-ORG", "O", "O", "O", "O"],
            "Monde",
            "Monde",
            id="fr-capital-after-a-quotation-mark",
        ),
        pytest.param(
            "fr",
            ["Il", "a", "parlé", "au", "Parisien", "."],
            ["PRON", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
            ["O", "O", "O", "O", "B-ORG", "O"],
            "Parisien",
            "Parisien",
            id="fr-contracted-article",
        ),
    ],
)
def test_extractors_entities_v4_name_keeps_its_capitalised_article(
    lang: str, words: list[str], pos: list[str], ents: list[str], v3: str, v4: str
) -> None:
    (before,) = mentions(lang, words, pos, ents, "entities.v3")
    (after,) = mentions(lang, words, pos, ents, "entities.v4")
    assert (before.name, after.name) == (v3, v4)
    assert after.span == before.span  # the words the recognizer named, as the speaker rules read them
    assert after.key == before.key  # the same entity as without the article


def test_extractors_entities_v4_article_of_a_longer_name_is_left_to_it() -> None:
    # "La France insoumise", of which the recognizer named "France": "La" is the party's article, not France's
    words = ["Le", "député", "de", "La", "France", "insoumise", "a", "parlé", "."]
    doc = Doc(
        spacy.blank("fr").vocab,
        words=words,
        heads=[1, 7, 4, 4, 1, 4, 7, 7, 7],
        deps=["det", "nsubj", "case", "det", "nmod", "amod", "aux", "ROOT", "punct"],
        pos=["DET", "NOUN", "ADP", "DET", "PROPN", "ADJ", "AUX", "VERB", "PUNCT"],
        ents=["O", "O", "O", "O", "B-LOC", "O", "O", "O", "O"],
    )
    (mention,) = get_extractor("entities.v4")(doc, ExtractContext("fr"))
    assert mention.name == "France"
    doc = Doc(
        spacy.blank("fr").vocab,
        words=[*words[:5], "a", "parlé", "."],
        heads=[1, 6, 4, 4, 1, 6, 6, 6],
        deps=["det", "nsubj", "case", "det", "nmod", "aux", "ROOT", "punct"],
        pos=["DET", "NOUN", "ADP", "DET", "PROPN", "AUX", "VERB", "PUNCT"],
        ents=["O", "O", "O", "O", "B-LOC", "O", "O", "O"],
    )
    (mention,) = get_extractor("entities.v4")(doc, ExtractContext("fr"))
    assert mention.name == "La France"  # without the rest of the longer name, the capital is France's
    doc = Doc(
        spacy.blank("fr").vocab,
        words=words,
        heads=[1, 7, 4, 4, 1, 1, 7, 7, 7],  # "insoumise" hung on "député"
        deps=["det", "nsubj", "case", "det", "nmod", "amod", "aux", "ROOT", "punct"],
        pos=["DET", "NOUN", "ADP", "DET", "PROPN", "ADJ", "AUX", "VERB", "PUNCT"],
        ents=["O", "O", "O", "O", "B-LOC", "O", "O", "O", "O"],
    )
    (mention,) = get_extractor("entities.v4")(doc, ExtractContext("fr"))
    assert mention.name == "France"


def test_extractors_entities_v4_hyphenated_article_keeps_the_key() -> None:
    words = ["Il", "est", "allé", "à", "La", "-Ville-aux-Bois", "."]
    spaces = [True, True, True, True, False, False, False]
    ents = ["O", "O", "O", "O", "O", "B-LOC", "O"]
    pos = ["PRON", "AUX", "VERB", "ADP", "DET", "PROPN", "PUNCT"]
    found = {
        v: only for v, (only,) in by_version("fr", words=words, spaces=spaces, pos=pos, ents=ents).items()
    }
    assert (found["entities.v3"].name, found["entities.v4"].name) == ("Ville-aux-Bois", "La-Ville-aux-Bois")
    assert found["entities.v4"].key == found["entities.v3"].key


@pytest.mark.parametrize(
    ("words", "pos", "morphs", "ents", "v3", "v4"),
    [
        pytest.param(
            ["Le", "chef", "de", "l'", "Etat", "a", "parlé", "."],
            ["DET", "NOUN", "ADP", "DET", "NOUN", "AUX", "VERB", "PUNCT"],
            [""] * 8,
            ["O", "O", "O", "O", "B-LOC", "O", "O", "O"],
            {("Etat", "place")},
            set(),
            id="capitalised-common-noun",
        ),
        pytest.param(
            ["Mardi", ",", "le", "maire", "a", "parlé", "."],
            ["NOUN", "PUNCT", "DET", "NOUN", "AUX", "VERB", "PUNCT"],
            [""] * 7,
            ["B-ORG", "O", "O", "O", "O", "O", "O"],
            {("Mardi", "organisation")},
            set(),
            id="day-read-as-a-name",
        ),
        pytest.param(
            ["La", "sonde", "a", "atterri", "sur", "Mars", "."],
            ["DET", "NOUN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
            [""] * 7,
            ["O", "O", "O", "O", "O", "B-LOC", "O"],
            {("Mars", "place")},
            {("Mars", "place")},
            id="planet-is-a-proper-noun",
        ),
        pytest.param(
            ["Les", "Français", "ont", "voté", "."],
            ["DET", "NOUN", "AUX", "VERB", "PUNCT"],
            ["Number=Plur", "Number=Plur", "", "", ""],
            ["O", "B-LOC", "O", "O", "O"],
            {("Français", "place")},
            {("Français", "group")},
            id="people-is-a-group",
        ),
        pytest.param(
            ["Le", "parquet", "de", "Beauvais", "a", "parlé", "."],
            ["DET", "NOUN", "ADP", "NOUN", "AUX", "VERB", "PUNCT"],
            ["", "", "", "Number=Plur", "", "", ""],
            ["O", "O", "O", "B-LOC", "O", "O", "O"],
            {("Beauvais", "place")},
            {("Beauvais", "place")},
            id="town-with-a-people-ending",
        ),
        pytest.param(
            ["Il", "vit", "dans", "les", "Pas-de-Calais", "."],
            ["PRON", "VERB", "ADP", "DET", "NOUN", "PUNCT"],
            ["", "", "", "Number=Plur", "Number=Plur", ""],
            ["O", "O", "O", "O", "B-LOC", "O"],
            {("Pas-de-Calais", "place")},
            {("Pas-de-Calais", "place")},
            id="compound-place-with-a-people-ending",
        ),
    ],
)
def test_extractors_entities_v4_common_nouns_are_no_names(
    words: list[str],
    pos: list[str],
    morphs: list[str],
    ents: list[str],
    v3: set[tuple[str, str]],
    v4: set[tuple[str, str]],
) -> None:
    found = by_version("fr", words=words, pos=pos, morphs=morphs, ents=ents)
    assert {v: {(e.name, e.kind) for e in ms} for v, ms in found.items()} == {
        "entities.v3": v3,
        "entities.v4": v4,
    }


@pytest.mark.parametrize(
    ("words", "heads", "deps", "tags", "ents", "v3", "v4"),
    [
        pytest.param(
            ["The", "Syrian", "army", "said", "."],
            [2, 2, 3, 3, 3],
            ["det", "amod", "nsubj", "ROOT", "punct"],
            ["DT", "JJ", "NN", "VBD", "."],
            ["O", "B-NORP", "O", "O", "O"],
            {("Syrian", "group")},
            set(),
            id="group-word-modifying-a-noun",
        ),
        pytest.param(
            ["Fighting", "raged", "in", "Aleppo", "."],
            [1, 1, 1, 2, 1],
            ["nsubj", "ROOT", "prep", "pobj", "punct"],
            ["NN", "VBD", "IN", "NNP", "."],
            ["O", "O", "O", "B-NORP", "O"],
            {("Aleppo", "group")},
            {("Aleppo", "place")},
            id="town-read-as-a-group",
        ),
        pytest.param(
            ["He", "spoke", "for", "the", "British", "."],
            [1, 1, 1, 4, 2, 1],
            ["nsubj", "ROOT", "prep", "det", "pobj", "punct"],
            ["PRP", "VBD", "IN", "DT", "NNP", "."],
            ["O", "O", "O", "O", "B-NORP", "O"],
            {("British", "group")},
            {("British", "group")},
            id="people-after-a-preposition-with-a-determiner",
        ),
        pytest.param(
            ["Kurds", "protested", "."],
            [1, 1, 1],
            ["nsubj", "ROOT", "punct"],
            ["NNPS", "VBD", "."],
            ["B-NORP", "O", "O"],
            {("Kurds", "group")},
            {("Kurds", "group")},
            id="people-as-a-subject",
        ),
    ],
)
def test_extractors_entities_v4_group_word_by_its_role(
    words: list[str],
    heads: list[int],
    deps: list[str],
    tags: list[str],
    ents: list[str],
    v3: set[tuple[str, str]],
    v4: set[tuple[str, str]],
) -> None:
    found = by_version("en", words=words, heads=heads, deps=deps, tags=tags, ents=ents)
    assert {v: {(e.name, e.kind) for e in ms} for v, ms in found.items()} == {
        "entities.v3": v3,
        "entities.v4": v4,
    }


@pytest.mark.parametrize(
    ("words", "ents", "v3", "v4"),
    [
        pytest.param(
            ["Syria", "is", "at", "war", ".", "Syrias", "army", "attacked", "."],
            ["B-GPE", "O", "O", "O", "O", "B-ORG", "O", "O", "O"],
            [("Syria", "place"), ("Syrias", "organisation")],
            [("Syria", "place"), ("Syria", "place")],
            id="stripped-possessive",
        ),
        pytest.param(
            ["Syria", "is", "at", "war", ".", "Syrias", "army", "attacked", "Assad", "'s", "foes", "."],
            ["B-GPE", "O", "O", "O", "O", "B-ORG", "O", "O", "B-PERSON", "O", "O", "O"],
            [("Syria", "place"), ("Syrias", "organisation"), ("Assad", "person")],
            [("Syria", "place"), ("Syrias", "organisation"), ("Assad", "person")],
            id="text-with-apostrophes",
        ),
        pytest.param(
            ["A", "Kurd", "spoke", ".", "Kurds", "protested", "."],
            ["O", "B-NORP", "O", "O", "B-NORP", "O", "O"],
            [("Kurd", "group"), ("Kurds", "group")],
            [("Kurd", "group"), ("Kurds", "group")],
            id="plural-of-a-people",
        ),
        pytest.param(
            ["An", "Alawite", "spoke", ".", "Alawites", "protested", "."],
            ["O", "B-PERSON", "O", "O", "B-NORP", "O", "O"],
            [("Alawite", "person"), ("Alawites", "group")],
            [("Alawite", "person"), ("Alawites", "group")],
            id="plural-of-a-people-misread-as-a-person",
        ),
    ],
)
def test_extractors_entities_v4_stripped_possessive_is_the_name(
    words: list[str], ents: list[str], v3: list[tuple[str, str]], v4: list[tuple[str, str]]
) -> None:
    deps = ["nsubj" if ent != "O" else "dep" for ent in ents]  # no modifiers: the group-role rule stays out
    spaces = [nxt not in {".", "'s"} for nxt in [*words[1:], ""]]
    found = by_version("en", words=words, spaces=spaces, deps=deps, ents=ents)
    assert {v: [(e.name, e.kind) for e in ms] for v, ms in found.items()} == {
        "entities.v3": v3,
        "entities.v4": v4,
    }


@pytest.mark.parametrize(
    ("name", "after", "v4"),
    [
        ("SANA", "so", "organisation"),
        ("MBS", "so", "person"),
        ("Sana", "so", "person"),
        ("WALLACE", "Wallace", "person"),  # someone the article also names
        ("WALLACE", ":", "person"),  # a transcript's label of a speaker
    ],
)
def test_extractors_entities_v4_long_acronym_is_no_person(name: str, after: str, v4: str) -> None:
    words = ["On", "air", name, after, "it", "went", "."]
    found = by_version("en", words=words, ents=["O", "O", "B-PERSON", "O", "O", "O", "O"])
    assert {v: [e.kind for e in ms] for v, ms in found.items()} == {
        "entities.v3": ["person"],
        "entities.v4": [v4],
    }


@pytest.mark.parametrize(
    ("words", "ents", "v3", "v4"),
    [
        pytest.param(
            ["Le", "Premier", "ministre", "a", "parlé", "."],
            ["O", "B-PER", "I-PER", "O", "O", "O"],
            {"Premier ministre"},
            set(),
            id="prime-minister",
        ),
        pytest.param(
            ["Le", "Président", "a", "parlé", "."],
            ["O", "B-PER", "O", "O", "O"],
            {"Président"},
            set(),
            id="president",
        ),
        pytest.param(
            ["Le", "Président", "Macron", "a", "parlé", "."],
            ["O", "B-PER", "I-PER", "O", "O", "O"],
            {"Macron"},
            {"Macron"},
            id="title-and-name",
        ),
        pytest.param(
            ["Selon", "M.", "Le", "Maire", ",", "tout", "va", "bien", "."],
            ["O", "O", "O", "B-PER", "O", "O", "O", "O", "O"],
            {"Maire"},
            {"Le Maire"},
            id="surname-that-is-a-title",
        ),
    ],
)
def test_extractors_entities_v4_title_alone_is_no_name(
    words: list[str], ents: list[str], v3: set[str], v4: set[str]
) -> None:
    found = by_version("fr", words=words, ents=ents)
    assert {v: {e.name for e in ms} for v, ms in found.items()} == {"entities.v3": v3, "entities.v4": v4}


def test_extractors_entities_v4_title_word_that_is_a_surname_stays() -> None:
    # "Le Maire" opening a sentence: no article kept, "Maire" is a title word, and Bruno Le Maire's surname
    words = ["Bruno", "Le", "Maire", "a", "parlé", ".", "Le", "Maire", "regrette", "."]
    ents = ["B-PER", "I-PER", "I-PER", "O", "O", "O", "O", "B-PER", "O", "O"]
    starts = [i in {0, 6} for i in range(len(words))]
    doc = Doc(spacy.blank("fr").vocab, words=words, ents=ents, sent_starts=starts)
    mentions = [(e.span.text, e.name) for e in get_extractor("entities.v4")(doc, ExtractContext("fr"))]
    assert mentions == [("Bruno Le Maire", "Bruno Le Maire"), ("Maire", "Bruno Le Maire")]
