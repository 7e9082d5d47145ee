"""People, organisations, places and groups named in a Doc, with in-article canonical names.

``entities.v1`` gives a person the fullest name the article uses for them ("Trump" -> "Donald Trump");
``entities.v2`` also gives an organisation's short form its full name ("the Observatory" -> "Syrian
Observatory for Human Rights"), so that both are one speaker in the graph, and takes no span without a
capital letter for a name; ``entities.v3`` also makes a name whose head word says it is a body ("Syrian
Observatory for Human Rights", "Fateh al-Sham Front", "Conseil d'Etat") an organisation, whatever kind the
recognizer gave it; ``entities.v4`` also takes a portfolio for the office it belongs to: "ministère de la
Santé" is the ministry, not an entity "Santé" shared by every health ministry of every country, and the
portfolio in "le ministre de la Culture" is part of a title, no entity; and a name keeps the capitalised
article it is written with inside a sentence ("Le Parisien", "La Rochelle"), under its key without it; a
capitalised common noun ("l'État", "Mardi") or a title alone ("le Premier ministre") is no name, a people
("les Français") is a group, a nationality that modifies a noun ("the Syrian army") is no entity, "Syrias" in a
text stripped of its apostrophes is Syria, and "SANA" is no person; ``entities.v5`` also makes a name the
article calls a place ("the town of Khan Sheikhun", "Idlib province") a place in all its mentions, and a place
inside a longer name that name ("La France insoumise").
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc

from kgbuild.extractors.docindex import DocIndex, index_of
from kgbuild.extractors.lexicon import Lexicon, fold, load_lexicon
from kgbuild.extractors.names import clean_name, identity_key, name_bounds
from kgbuild.extractors.registry import ExtractContext, extractors
from kgbuild.records import EntityKind, EntityMention, Span

# spaCy NER labels of the French (WikiNER) and English (OntoNotes) pipelines; MISC and the rest are ignored.
KIND_OF_LABEL: dict[str, EntityKind] = {
    "PER": "person",
    "PERSON": "person",
    "ORG": "organisation",
    "LOC": "place",
    "GPE": "place",
    "FAC": "place",
    "NORP": "group",
}


@dataclass(slots=True)
class _Raw:
    start: int
    end: int
    text: str
    kind: EntityKind
    words: tuple[str, ...]  # folded words of the name, for surname matching
    # folded word the parse makes the name's head ("observatory" of "Syrian Observatory for Human Rights")
    head: str = ""
    # after a definite article, maybe with adjectives between ("the UK-based Observatory")
    definite: bool = False
    # only titles ("Président", "Maire"): no name, unless the article names someone whose surname it is
    title_only: bool = False
    # the article calls this mention a place ("the town of Khan Sheikhun"), whatever the recognizer said
    placed: bool = False


@extractors.register("entities.v1")
def entities_v1(doc: Doc, ctx: ExtractContext) -> Iterator[EntityMention]:
    """Entity mentions of ``doc``; ``name`` is the fullest form of the name used in the article."""
    yield from find_entities(doc, load_lexicon(ctx.lang))


@extractors.register("entities.v2")
def entities_v2(doc: Doc, ctx: ExtractContext) -> Iterator[EntityMention]:
    """As ``entities.v1``, and an organisation's short form named as the organisation it stands for."""
    yield from find_entities(doc, load_lexicon(ctx.lang), short_forms=True, capitalised=True)


@extractors.register("entities.v3")
def entities_v3(doc: Doc, ctx: ExtractContext) -> Iterator[EntityMention]:
    """As ``entities.v2``, and a name headed by a word for a body (lexicon ``organisation_words``) is an
    organisation."""
    yield from find_entities(
        doc, load_lexicon(ctx.lang), short_forms=True, capitalised=True, organisation_heads=True
    )


@extractors.register("entities.v4")
def entities_v4(doc: Doc, ctx: ExtractContext) -> Iterator[EntityMention]:
    """As ``entities.v3``, and a name that is an office's portfolio is no entity of its own: after a ministry
    word the ministry is the entity ("ministère de la Santé", not "Santé"), after a minister's title there is
    none ("le ministre de la Culture"). A name keeps the capitalised article it is written with inside a
    sentence ("Le Parisien", "Le Pen", "La Rochelle"), under the same key as without it. A capitalised
    common noun is no name ("l'État", "la République", "Mardi"), and a people's name is a group ("les
    Français", "les Américains"), not a place. A group word that modifies a noun is no entity (the "Syrian" of
    "the Syrian army"), and one the recognizer took for a group after a preposition is a place ("in
    Aleppo"). In a text without apostrophes, "Syrias" is "Syria" where the article names Syria. An acronym
    of four letters or more is no person ("SANA")."""
    yield from _find_as_v4(doc, load_lexicon(ctx.lang))


@extractors.register("entities.v5")
def entities_v5(doc: Doc, ctx: ExtractContext) -> Iterator[EntityMention]:
    """As ``entities.v4``, and a name the article calls a place, after a word for one ("the town of Khan
    Sheikhun", "la ville de Hama") or before it ("Idlib province"), is a place in all its mentions of the
    article, whatever kind the recognizer gave each (small recognizers take many towns for people), and the
    name of a platform (lexicon ``platform_names``: "Instagram", "Twitter") is an organisation. A place
    that is part of a longer name, written with a capitalised article inside a sentence and words in lower
    case after it, is that name, an organisation ("La France insoumise", "Le Maine libre")."""
    yield from _find_as_v4(doc, load_lexicon(ctx.lang), places=True)


def find_entities(
    doc: Doc,
    lexicon: Lexicon,
    index: DocIndex | None = None,
    short_forms: bool = False,
    capitalised: bool = False,
    organisation_heads: bool = False,
    portfolios: bool = False,
    name_articles: bool = False,
    common_nouns: bool = False,
    group_roles: bool = False,
    stripped_possessives: bool = False,
    acronyms: bool = False,
    places: bool = False,
) -> Iterator[EntityMention]:
    """``short_forms``: see :func:`_organisation_names`. ``capitalised``: a span without a capital letter is
    no name ("scène", "warplanes", "ministry" as the recognizer sometimes marks them in French and English).
    ``organisation_heads``: a name whose head word is one of the lexicon's ``organisation_words`` is an
    organisation (the recognizers call "Syrian Observatory for Human Rights" a place at times).
    ``portfolios``: a name that is an office's portfolio (:func:`_portfolio_office`) widens to the ministry,
    or is dropped after a minister's title. ``name_articles``: a name keeps a capitalised article that comes
    before it inside a sentence (lexicon ``name_articles``: "Le Parisien", "La Rochelle"); its key is the
    same as without the article, which "au Parisien" or a sentence opening on "Le Parisien" leave out.
    ``common_nouns``: a name that is one of the lexicon's ``not_names`` or only titles, or a one-word time word
    the parser reads as a noun, is none, and
    a one-word place the parser reads as a common noun with a people's ending (``demonym_endings``) is a
    group. ``group_roles``: see :func:`_group_role`. ``stripped_possessives``: see
    :func:`_possessives_restored`. ``acronyms``: a one-word name of four capitals or more that the recognizer
    calls a person is an organisation ("SANA", the Syrian news agency; people known by their initials have two
    or three: "MBS", "DSK"), unless it labels a speaker in a transcript ("WALLACE: ...") or the article also
    writes it as a name ("Chris Wallace"). ``places``: see :func:`_called_a_place`; all the mentions of such a
    name are places; a place inside a longer name is that name (:func:`_longer_name`); and the name of a
    platform (lexicon ``platform_names``: "sur Instagram") is an organisation."""
    index = index or index_of(doc)
    raws: list[_Raw] = []
    full_text = index.text
    for ent in index.entity_spans():
        kind = KIND_OF_LABEL.get(ent.label)
        if kind is None:
            continue
        lo, hi = name_bounds(
            index.texts[ent.start : ent.end], index.pos_strings[ent.start : ent.end], lexicon
        )
        if lo >= hi:
            continue
        first, last = ent.start + lo, ent.start + hi
        if group_roles and kind == "group":
            role = _group_role(index, first, last)
            if role is None:
                continue
            kind = role
        if common_nouns and last - first == 1:
            word, pos = fold(index.texts[first]), index.pos_strings[first]
            if word in lexicon.not_names or (pos == "NOUN" and word in lexicon.time_words):
                continue  # "l'État", "Mardi," (not the planet Mars, a proper noun)
            if kind == "place" and pos == "NOUN" and _demonym(index, first, word, lexicon):
                kind = "group"
        if places and last - first == 1 and fold(index.texts[first]) in lexicon.platform_names:
            kind = "organisation"  # "sur Instagram", which recognizers read as a place
        if places and kind == "place" and name_articles:
            longer = _longer_name(index, first, last, lexicon)
            if longer is not None:  # "La France insoumise": a party, not the country
                (first, last), kind = longer, "organisation"
        office = _portfolio_office(index, first, lexicon) if portfolios else None
        if office is not None and (kind != "person" or hi - lo == 1):
            is_body, office_start = office
            if not is_body:
                continue
            first, kind = office_start, "organisation"
        start = index.idx[first]
        end = index.end[last - 1]
        text = clean_name(full_text[start:end])
        if acronyms and kind == "person" and len(text) >= 4 and text.isalpha() and text.isupper():
            label = last < len(index) and index.texts[last] == ":"  # a transcript's "WALLACE: ..."
            if not label and not re.search(rf"\b{re.escape(text.title())}\b", full_text):
                kind = "organisation"
        if not text or not any(ch.isalpha() for ch in text):
            continue
        if capitalised and not any(ch.isupper() for ch in text):
            continue
        shift = full_text.find(text, start, end)
        if shift >= 0:  # keep the span on the cleaned name ("l'AFP" -> "AFP")
            start, end = shift, shift + len(text)
        words = tuple(identity_key(text).split("-"))
        article = _name_article(index, first, last, lexicon) if name_articles else -1
        title_only = common_nouns and article < 0 and _title_only(text, lexicon)  # not "M. Le Maire"
        if article >= 0:  # the mention's span stays the name the recognizer found, as the other rules read it
            text = full_text[index.idx[article] : start] + text
        # the word the parse makes the name's head, found once for both uses below
        root = index.root(range(first, last)) if len(words) > 1 else -1
        if (
            organisation_heads
            and kind != "organisation"
            and root >= 0
            and index.texts[root][:1].isupper()
            and fold(index.texts[root]) in lexicon.organisation_words
        ):
            kind = "organisation"
        head, definite = "", False
        if short_forms and kind in {"organisation", "person"}:  # read only where _organisation_names looks
            if root >= 0 and kind == "organisation":
                head = identity_key(index.texts[root])
            elif len(words) == 1:
                definite = _after_definite_article(index, first, lexicon)
        placed = (
            places and kind in {"person", "organisation"} and _called_a_place(index, first, last, lexicon)
        )
        raws.append(_Raw(start, end, text, kind, words, head, definite, title_only, placed))
    if common_nouns:  # "le Premier ministre", "Président" as the recognizer marks them alone
        surnames = {raw.words[-1] for raw in raws if len(raw.words) > 1 and not raw.title_only}
        raws = [raw for raw in raws if not raw.title_only or raw.words[-1] in surnames]
    if stripped_possessives and "'" not in full_text and "’" not in full_text:
        raws = _possessives_restored(raws)
    if places:
        raws = _places_throughout(raws, lexicon)
    canonical = _canonical_names(raws)
    organisations = _organisation_names(raws) if short_forms else {}
    for raw in raws:
        kind = raw.kind
        name = canonical.get((kind, raw.words), raw.text)
        if kind in {"organisation", "person"} and raw.words in organisations:
            kind, name = "organisation", organisations[raw.words]
        yield EntityMention(
            span=Span(raw.start, raw.end, full_text[raw.start : raw.end]),
            kind=kind,
            name=name,
            key=identity_key(_without_article(name, lexicon) if name_articles else name),
        )


# find_entities as entities.v4 reads, on which entities.v5 builds
_find_as_v4 = functools.partial(
    find_entities,
    short_forms=True,
    capitalised=True,
    organisation_heads=True,
    portfolios=True,
    name_articles=True,
    common_nouns=True,
    group_roles=True,
    stripped_possessives=True,
    acronyms=True,
)


def _possessives_restored(raws: list[_Raw]) -> list[_Raw]:
    """For a text whose apostrophes were stripped ("Syrias second city", "Bashar al-Assads forces"): a name that
    is another name of the article with an "s" added is that name, of that one's kind. Not a people's plural
    ("Kurds", "Alawites")."""
    first_of: dict[tuple[str, ...], _Raw] = {}
    for raw in raws:
        first_of.setdefault(raw.words, raw)
    restored = []
    for raw in raws:
        last = raw.words[-1] if raw.words else ""
        if len(last) > 2 and last.endswith("s") and not last.endswith("ss") and raw.kind != "group":
            stem = first_of.get((*raw.words[:-1], last[:-1]))
            if stem is not None and stem.kind != "group":
                raw = _Raw(
                    raw.start,
                    raw.end,
                    stem.text,
                    stem.kind,
                    stem.words,
                    stem.head,
                    raw.definite,
                    placed=raw.placed,
                )
        restored.append(raw)
    return restored


def _called_a_place(index: DocIndex, first: int, last: int, lexicon: Lexicon) -> bool:
    """Whether the article calls the name of tokens [first, last) a place: right after a place word and its
    link ("the town of Khan Sheikhun", "la ville de Hama") or right before a place word ("Idlib province",
    "the Aleppo countryside"). Not a name with a common noun in it: in text stripped of its commas, "the
    province of Idlib activist Nayef Mustafa" names a person."""
    texts = index.texts
    if any(texts[k].isalpha() and texts[k].islower() for k in range(first, last)):
        return False
    before = first - 1
    if (
        before >= 1
        and fold(texts[before]) in lexicon.place_links
        and fold(texts[before - 1]) in lexicon.place_words
    ):
        return True
    return last < len(index) and texts[last].islower() and texts[last] in lexicon.place_words


def _places_throughout(raws: list[_Raw], lexicon: Lexicon) -> list[_Raw]:
    """Every mention of a name that one mention calls a place (:func:`_called_a_place`) is a place, if the
    recognizer took it for a person or an organisation, unless its head word makes it a body ("the province
    of Idlib Nusra Front", in text stripped of its commas)."""
    placed = {raw.words for raw in raws if raw.placed}
    if not placed:
        return raws
    return [
        dataclasses.replace(raw, kind="place")
        if raw.words in placed
        and raw.kind in {"person", "organisation"}
        and raw.head not in lexicon.organisation_words
        else raw
        for raw in raws
    ]


def _organisation_names(raws: list[_Raw]) -> dict[tuple[str, ...], str]:
    """For each one-word name written after a definite article ("the Observatory", "l'Observatoire") that is
    the head word of exactly one longer organisation name of the article, that name (the longest way the
    article writes it, the first among equals). A word of a person's name stays theirs ("Trump" of a
    misread "Washington Post Trump"), an acronym is a name of its own, and a longer name with figures in it
    is no name ("Patriot 13 percent")."""
    longer: dict[tuple[str, ...], _Raw] = {}
    for raw in raws:
        if (
            raw.kind == "organisation"
            and len(raw.words) > 1
            and raw.head in raw.words
            and not any(ch.isdigit() for ch in raw.text)
        ):
            best = longer.get(raw.words)
            if best is None or len(raw.text) > len(best.text):
                longer[raw.words] = raw
    people = {word for raw in raws if raw.kind == "person" and len(raw.words) > 1 for word in raw.words}
    found: dict[tuple[str, ...], str] = {}
    for raw in raws:
        words = raw.words
        if not raw.definite or len(words) != 1 or words[0] in people or words in found:
            continue
        if raw.text.isupper():  # an acronym is a whole name ("l'AFP" of a misread "AFP Marine Martin")
            continue
        if raw.kind not in {"organisation", "person"}:
            continue
        owners = [full for full in longer.values() if full.head == words[0]]
        if len(owners) == 1:
            found[words] = owners[0].text
    return found


def _portfolio_office(index: DocIndex, first: int, lexicon: Lexicon) -> tuple[bool, int] | None:
    """Where the name starting at token ``first`` is an office's portfolio ("ministère de la Santé", "ministre
    indien de l'Agriculture", "Ministry of Health"): whether the office is a body (a ministry, not a minister's
    title), and the token of the office word. None elsewhere, and where a capitalised word comes before the
    office word ("Premier ministre d'Israël", "Foreign Minister of Syria": that title has its portfolio, and the
    name is a country)."""
    texts = index.texts
    k = first - 1
    if k >= 0 and fold(texts[k]) in lexicon.definite_determiners:
        k -= 1
    if k < 0 or fold(texts[k]) not in lexicon.portfolio_prepositions:
        return None
    k -= 1
    adjectives = 0  # "ministère indien de", "ministre régional de"
    while k >= 0 and adjectives < 2 and index.pos_strings[k] == "ADJ" and texts[k].islower():
        k -= 1
        adjectives += 1
    if k < 0:
        return None
    word = fold(texts[k])
    if word not in lexicon.ministries and word not in lexicon.ministers:
        return None
    if k > 0 and texts[k - 1][:1].isupper() and fold(texts[k - 1]) not in lexicon.determiners:
        return None
    return word in lexicon.ministries, k


def _group_role(index: DocIndex, first: int, last: int) -> EntityKind | None:
    """What a name the recognizer calls a group (a nationality, a religion, a party's people) is by its role in
    the parse: none where it modifies a noun ("the Syrian army", "a Republican senator": a word about the
    noun, not someone the text speaks of); a place where a singular proper noun is the object of a preposition
    without a determiner ("fighting in Aleppo", which small recognizers read as a nationality); else a group
    ("the Syrians", "Kurds", "a Democrat")."""
    root = index.root(range(first, last)) if last - first > 1 else first
    dep = index.tree.dep[root]
    if dep in {"amod", "compound"}:
        return None
    determined = any(index.tree.dep[child] == "det" for child in index.tree.children[root])
    if dep == "pobj" and index.tag_strings[root] == "NNP" and not determined:
        return "place"
    return "group"


def _title_only(text: str, lexicon: Lexicon) -> bool:
    """Whether a name is only a title ("Président", "M.", "Premier ministre"): lexicon ``not_names`` (whole
    names) or every word one of its ``titles``."""
    if fold(text) in lexicon.not_names:
        return True
    words = [fold(word).rstrip(".") for word in text.split()]
    return all(word in lexicon.titles or word + "." in lexicon.titles for word in words)


def _demonym(index: DocIndex, i: int, word: str, lexicon: Lexicon) -> bool:
    """Whether the word at token ``i`` (folded: ``word``) names a people: with a people's ending, after a
    plural determiner ("les Français", "des Italiens"; not "le parquet de Beauvais"), and not a compound place
    name with a lower-case link ("Pas-de-Calais", "Aulnay-sous-Bois")."""
    if not word.endswith(lexicon.demonym_endings) or i == 0:
        return False
    if index.pos_strings[i - 1] not in {"DET", "ADP"} or "Plur" not in index.morph_values(i - 1, "Number"):
        return False
    return not any(part[:1].islower() for part in index.texts[i].split("-"))


def _name_article(index: DocIndex, first: int, last: int, lexicon: Lexicon) -> int:
    """The token of a capitalised article just before the name of tokens ``first`` to ``last`` (excluded),
    written so inside a sentence, where only a name's own article is capitalised ("selon Le Parisien", "à La
    Rochelle"); else -1. At a sentence's start, or after a quotation mark or a bracket, the capital says
    nothing; and where the recognizer named only part of a longer name ("La France insoumise", "La
    République en marche"), the article belongs to the longer one."""
    k = first - 1
    if k <= 0 or index.sent_start[k] == k or not index.texts[k][:1].isupper():
        return -1
    if fold(index.texts[k]) not in lexicon.name_articles or index.pos_strings[k - 1] == "PUNCT":
        return -1
    if last < len(index) and index.texts[last][:1].islower() and index.texts[last][:1].isalpha():
        if index.pos_strings[last] == "ADJ":  # "La France insoumise" however the parser hangs it
            return -1
        head = index.head[last]
        for _ in range(2):  # "insoumise" hangs on "France", "en" on "marche", which hangs on "République"
            if first <= head < last:
                return -1
            head = index.head[head]
    return k


_NAME_TAIL_POS = frozenset({"ADJ", "ADP", "NOUN"})  # "insoumise", "en marche", "diplomatique"


def _longer_name(index: DocIndex, first: int, last: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """Tokens [start, end) of the longer name that a place name of tokens [first, last) is part of: written
    inside a sentence with a capitalised article before it and words in lower case after it that hang on it
    ("La France insoumise", "La République en marche", "Le Monde diplomatique"); None elsewhere ("la France
    entière", or "La France" opening a sentence)."""
    article = first - 1
    texts, heads = index.texts, index.head
    if article <= 0 or index.sent_start[article] == article or not texts[article][:1].isupper():
        return None
    if fold(texts[article]) not in lexicon.name_articles or index.pos_strings[article - 1] == "PUNCT":
        return None
    pos = index.pos_strings
    if last >= len(index) or pos[last] not in {"ADJ", "ADP"}:  # not "Le Mans prototype", "La Provence qui"
        return None
    end = last
    while end < len(index) and end - last < 3 and texts[end].isalpha() and texts[end].islower():
        head, steps = heads[end], 0
        while not first <= head < end and steps < 2 and heads[head] != head:
            head, steps = heads[head], steps + 1
        if pos[end] not in _NAME_TAIL_POS or not (first <= head < end or (end == last and pos[end] == "ADJ")):
            break
        end += 1
    return (article, end) if end > last else None


def _without_article(name: str, lexicon: Lexicon) -> str:
    """``name`` without the article it opens with ("Le Parisien" -> "Parisien", "L'Express" -> "Express")."""
    for mark in (" ", "-"):  # "La-Ville-aux-Bois" as some write the commune
        head, found, rest = name.partition(mark)
        if found and rest and fold(head) in lexicon.name_articles:
            return rest
    for apostrophe in ("'", "’"):
        head, found, rest = name.partition(apostrophe)
        if found and rest and fold(head + "'") in lexicon.name_articles:
            return rest
    return name


def _after_definite_article(index: DocIndex, first: int, lexicon: Lexicon) -> bool:
    """Whether token ``first`` comes after a definite article, with at most a few adjectives between."""
    k = first - 1
    while k >= 0 and first - k <= 4 and (index.pos_strings[k] == "ADJ" or index.texts[k] in {"-", "based"}):
        k -= 1
    return k >= 0 and index.lower_strings[k] in lexicon.definite_determiners


def _canonical_names(raws: list[_Raw]) -> dict[tuple[EntityKind, tuple[str, ...]], str]:
    """For each person name, the longest name of the article that ends with it ("Trump" -> "Donald Trump").

    Other kinds keep their own name. Among equally long full names, the first in the text wins, so the
    choice does not depend on dict order.
    """
    longest: dict[tuple[str, ...], _Raw] = {}
    for raw in raws:
        if raw.kind == "person" and raw.words:
            best = longest.get(raw.words)
            if best is None or len(raw.text) > len(best.text):
                longest[raw.words] = raw
    fullest = sorted(longest.values(), key=lambda r: (-len(r.words), r.start))
    canonical: dict[tuple[EntityKind, tuple[str, ...]], str] = {}
    for words, raw in longest.items():
        name = raw.text
        for candidate in fullest:
            if len(candidate.words) <= len(words):
                break
            if candidate.words[-len(words) :] == words:
                name = candidate.text
                break
        canonical[("person", words)] = name
    return canonical
