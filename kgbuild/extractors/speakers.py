"""Who a source noun phrase is: its kind, and the entity it refers to inside the article.

A :class:`SpeakerResolver` is fed sources in text order. It remembers the speakers and entities seen so
far, so a later "il", "le ministre", "the source" or "who" resolves to what it refers to. Everything is
looked up in per-token arrays or short recency lists, so resolving a source costs little whatever the
length of the article.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from kgbuild.extractors.docindex import DocIndex
from kgbuild.extractors.lexicon import Lexicon, fold
from kgbuild.extractors.names import identity_key
from kgbuild.records import EntityMention, SourceKind

# How far back (in sentences) a pronoun looks for the last speaker before falling back on entities.
SPEAKER_WINDOW = 4
_HISTORY = 12  # speakers remembered for pronouns and descriptions
# How far back (in sentences) a bare description ("le dirigeant") looks for a name that did not speak.
DESCRIPTION_WINDOW = 1
# Entity labels of the recognizers that no speaker's name has.
_NOT_NAMES = frozenset(
    {
        "DATE",
        "TIME",
        "GPE",
        "LOC",
        "FAC",
        "NORP",
        "EVENT",
        "CARDINAL",
        "ORDINAL",
        "MONEY",
        "PERCENT",
        "QUANTITY",
    }
)
# Dependencies that make a token part of its head's name ("Claire" in "Claire Vasseur", "Vasseur" in French).
_NAME_PARTS = frozenset({"compound", "flat", "flat:name", "flat:foreign"})


@dataclass(frozen=True, slots=True)
class SourceInfo:
    kind: SourceKind
    resolved: str | None = None
    key: str | None = None
    gender: str = ""  # "m", "f" or "" when unknown
    number: str = ""  # "s", "p" or ""
    # the other entities a coordinated source names ("Donald Trump and Hillary Clinton"), in text order
    also: tuple[SourceInfo, ...] = ()


@dataclass(slots=True)
class _Speaker:
    position: int  # token index of the mention
    sentence: int
    info: SourceInfo
    head: str  # folded head word, for descriptions and anaphoric anonymous sources
    relay: bool = False  # an outlet that passed the words on ("à l'AFP"): no antecedent for pronouns


class SpeakerResolver:
    def __init__(
        self,
        index: DocIndex,
        lexicon: Lexicon,
        entities: Sequence[EntityMention],
        quote_of: Callable[[int], int] | None = None,
    ) -> None:
        """``quote_of(i)`` is the quotation token ``i`` is in, or -1 (a speaker's own words name others)."""
        self.doc: Doc = index.doc
        self._quote_of = quote_of or (lambda i: -1)
        self.index = index
        self.lexicon = lexicon
        self.entities = sorted(entities, key=lambda e: e.span.start)
        self._entity_at = [-1] * len(index)
        for k, entity in enumerate(self.entities):  # tokens overlapping the entity's characters
            for i in range(
                bisect_right(index.end, entity.span.start), bisect_left(index.idx, entity.span.end)
            ):
                if self._entity_at[i] < 0:
                    self._entity_at[i] = k
        self._sentence_of = index.sentence
        self._starts = index.idx
        self._text_length = len(index.text)
        self._speakers: list[_Speaker] = []
        self._described: dict[str, SourceInfo] = {}  # description head -> entity it was last attached to
        self._described_words: dict[str, set[str]] = {}  # description head -> the words it came with
        self._anonymous: dict[str, SourceInfo] = {}  # anonymous head -> last anonymous source with it
        self._entity_cursor = 0
        self._recent_entities: list[tuple[int, EntityMention]] = []
        self._appositions = self._described_in_apposition()
        self._subjects: list[_Speaker] | None = None
        self._said = range(0)

    # -- public -------------------------------------------------------------------------------------

    def entity_at(self, i: int) -> EntityMention | None:
        k = self._entity_at[i]
        return self.entities[k] if k >= 0 else None

    def sentence_of(self, i: int) -> int:
        return self._sentence_of[i]

    def resolve(
        self,
        start: int,
        end: int,
        head: int,
        remember: bool = True,
        said: range = range(0),
        relay: bool = False,
    ) -> SourceInfo:
        """Describe the source tokens [start, end) whose syntactic head is token ``head``; ``said`` are the
        tokens of what that source says, where a pronoun's antecedent never is ('Emmanuel Macron « a
        reconfirmé son engagement », s'est-il réjoui': "il" is not Macron). A ``relay`` (the outlet of
        "a-t-il dit au Figaro") is remembered for descriptions ("le quotidien"), not for pronouns: the
        "il" of the next quotation is the one interviewed."""
        self._advance_entities(start)
        self._said = said
        info, head_word = self._describe(start, end, head)
        also = self._conjoined(start, end, head, info)
        if also:
            info = replace(info, also=also)
        if remember:
            self._speakers.append(_Speaker(head, self._sentence_of[head], info, head_word, relay))
            del self._speakers[:-_HISTORY]
        return info

    def _conjoined(self, start: int, end: int, head: int, info: SourceInfo) -> tuple[SourceInfo, ...]:
        """The entities named by the conjuncts of the source [start, end) headed by ``head`` ("Hillary
        Clinton" of "Donald Trump and Hillary Clinton"), other than the one ``info`` resolves to."""
        index = self.index
        deps, children = index.tree.dep, index.tree.children
        conjuncts: list[int] = []
        # from the head, and from the names set beside it ("Senators Chuck Grassley and Patrick Leahy");
        # English chains its conjuncts (A <- B <- C), French hangs them all on the first
        stack = [head, *(c for c in children[head] if deps[c] == "appos" and start <= c < end)]
        while stack:
            for child in children[stack.pop()]:
                if deps[child] == "conj" and start <= child < end:
                    conjuncts.append(child)
                    stack.append(child)
        seen = {info.key}
        found: list[SourceInfo] = []
        for conjunct in sorted(conjuncts):
            c_start, c_end = self._noun_phrase(conjunct)
            c_start, c_end = max(c_start, start), min(c_end, end)
            entity = self._entity_in(c_start, c_end, conjunct)
            if entity is None or entity.key in seen or entity.kind not in {"person", "organisation", "group"}:
                continue
            seen.add(entity.key)
            kind: SourceKind = "person" if entity.kind in {"person", "group"} else "organisation"
            gender, number = self._agreement(c_start, c_end, conjunct)
            found.append(SourceInfo(kind, entity.name, entity.key, gender, number))
        return tuple(found)

    # -- description --------------------------------------------------------------------------------

    def _describe(self, start: int, end: int, head: int) -> tuple[SourceInfo, str]:
        index, lex = self.index, self.lexicon
        texts = index.texts
        head_word = fold(
            index.lemma_of(head) if index.pos_strings[head] in {"NOUN", "PROPN"} else texts[head]
        ).lstrip("-")
        text = fold(self._text(start, end))
        words = [fold(word) for word in texts[start:end]]
        first = words[0] if words else ""
        gender, number = self._agreement(start, end, head)

        if head_word.startswith("t-"):
            head_word = head_word[2:]
        if end - start <= 2 and (head_word in lex.pronouns or text in lex.pronouns):
            return self._pronoun(head, lex.pronouns.get(text, lex.pronouns.get(head_word, ""))), head_word
        if head_word in lex.relative_pronouns and index.head[head] != head:
            antecedent = self._antecedent(head)
            if antecedent is not None:
                a_start, a_end = self._noun_phrase(antecedent)
                return self._describe(a_start, a_end, antecedent)[0], head_word

        entity = self._entity_in(start, end, head)
        if entity is not None and self._affiliation(entity, head_word, head):
            entity = None
        if entity is not None and self._unnamed_beside(entity, start, end, head, first, head_word):
            anonymous = self._anonymous_source(text, first, head_word, words)
            if anonymous is not None:
                return anonymous, head_word
        if entity is not None:
            kind: SourceKind = "person" if entity.kind in {"person", "group"} else "organisation"
            info = SourceInfo(kind, entity.name, entity.key, gender, number)
            described = self._description_head(start, end, head)
            if described:
                self._described[described] = info
                self._described_words[described] = set(words)
            return info, head_word

        anonymous = self._anonymous_source(text, first, head_word, words)
        if anonymous is not None:
            return anonymous, head_word

        description = lex.descriptions.get(head_word) or lex.descriptions.get(fold(texts[head]))
        if description == "document":
            return SourceInfo("document", None, None, gender, number), head_word
        # "le ministre" after "le ministre de l'Intérieur Gérard Collomb" is Collomb, "le Premier ministre" is not:
        # a description with words of its own matches only a mention that had them
        located = self._located(start, end, head) if description is not None else set()
        modifiers = self._modifiers(start, end, head, located) if description is not None else set()
        if (
            description is not None
            and first in lex.determiners
            and head_word in self._described
            and modifiers <= self._described_words[head_word]
        ):
            earlier = self._described[head_word]
            return SourceInfo(earlier.kind, earlier.resolved, earlier.key, gender, number), head_word
        if description is not None and first in lex.definite_determiners and number != "p" and not modifiers:
            named = self._apposed_before(head_word, start)
            if named is not None:
                kind = "person" if named.kind in {"person", "group"} else "organisation"
                return SourceInfo(kind, named.name, named.key, gender, number), head_word
        if description is not None:
            kind = "organisation" if description == "organisation" else "person"
            if (
                first in lex.definite_determiners
                and number != "p"
                and self._bare(start, end, head, located)
                and not modifiers
            ):
                # "le ministère des Situations d'urgence ... selon le ministère": the same speaker
                same = self._same_head_before(head_word, head)
                if same is not None:
                    return same, head_word
                if head_word in lex.institutions:
                    named = self._named_with_word(head_word, head)
                    if named is not None:
                        return SourceInfo(kind, named.name, named.key, gender, number), head_word
                    return SourceInfo(kind, None, None, gender, number), head_word
                # "Marc Delorme, le PDG, ... Le dirigeant a assuré": the last one named of that kind. Where the
                # description says where the body is ("the Britain-based monitor"), it goes on with a body
                # that spoke before, not with any named in passing.
                earlier_one = self._named_before(
                    head,
                    kind,
                    gender,
                    head_word in lex.outlets,
                    speakers_only=bool(located),
                    after=self._unnamed_mention(head_word, start, kind),
                )
                if earlier_one is not None:
                    return earlier_one, head_word
            return SourceInfo(kind, None, None, gender, number), head_word
        if index.pos_strings[head] == "PROPN":
            # a name the tagger did not mark this time: the speaker or entity it names earlier
            earlier_name = self._earlier_name(fold(self._text(start, end)), start)
            if earlier_name is not None:
                return earlier_name, head_word
            # a name the recognizer left out or called something else ("raconte Angel, un passager"):
            # it still names the speaker, unless a common noun says it names something else ("le prix
            # Nobel"; not "the news agency SANA", "le député Jean Martin")
            before = head - 1
            while before >= start and index.pos_strings[before] == "PROPN":
                before -= 1
            thing = (
                before >= start
                and index.pos_strings[before] == "NOUN"
                and fold(index.lemma_of(before)) not in lex.descriptions
            )
            name = None if thing else self._proper_name(head)
            return SourceInfo("person", name, identity_key(name) if name else None, gender, number), head_word
        if len(words) > 1 and words[0] in lex.titles and texts[end - 1][:1].isupper():
            # "M. Duda" where the tagger read neither word as a name: the one named so before
            earlier_titled = self._earlier_name(text, start)
            if earlier_titled is not None:
                return earlier_titled, head_word
        return SourceInfo(
            "person" if number != "p" else "organisation", None, None, gender, number
        ), head_word

    def _addressed_before(self, entity: EntityMention, start: int) -> bool:
        """Whether ``entity`` begins before the source at token ``start`` with a word addressed through a
        dative preposition ("à l'AFP" of "a assuré à l'AFP Pierre Dartout")."""
        first = bisect_left(self.index.idx, entity.span.start)
        return any(addressed(self.index, k, self.lexicon.dative_cases) for k in range(first, start))

    def _apposed_after(self, entity: EntityMention, head: int, end: int) -> bool:
        """Whether ``entity`` runs past the source [.., end) into a name in apposition to its head."""
        index = self.index
        if end >= len(index) or entity.span.end <= index.idx[end]:
            return False
        return any(index.tree.dep[c] == "appos" and c >= end for c in index.tree.children[head])

    def _proper_name(self, head: int) -> str | None:
        """The run of proper nouns around token ``head`` ("Angel", "Jean-Marc Bonnet"), short of a name
        addressed before it ("à l'AFP"), or None when a sentence-initial capital may be all that made it
        one."""
        index = self.index
        pos, tree, dative = index.pos_strings, index.tree, self.lexicon.dative_cases
        first = last = head
        while (
            first > 0
            and pos[first - 1] == "PROPN"
            and not index.is_space[first - 1]
            and not addressed(index, first - 1, dative)
        ):
            first -= 1
        while last + 1 < len(index) and pos[last + 1] == "PROPN" and tree.dep[last + 1] != "appos":
            last += 1
        if first == index.sent_start[first] and first == last:
            return None
        words = index.texts[first : last + 1]
        # a place, a date ("Jul 2016", "07 Apr") or a lower-case word the tagger called a name is not a
        # speaker's name
        dated = (first > 0 and index.pos_strings[first - 1] == "NUM") or (
            last + 1 < len(index) and len(index.texts[last + 1]) == 4 and index.texts[last + 1].isdigit()
        )
        if (
            dated
            or not words[0][:1].isupper()
            or any(index.ent_strings[k] in _NOT_NAMES for k in range(first, last + 1))
            or not any(len(word) > 1 and word.isalpha() for word in words)
        ):
            return None
        return self._text(first, last + 1)

    def _affiliation(self, entity: EntityMention, head_word: str, head: int) -> bool:
        """Whether the organisation a person's description names is where that person belongs ("le
        candidat EELV", "militant PS", "the Democratic senator"), not who the description is. A name in
        apposition is who it is, even when the tagger took it for an organisation; a spokesperson speaks
        for the organisation named ("a Pentagon spokesman")."""
        if (
            entity.kind != "organisation"
            or self._entity_at[head] >= 0
            or self.lexicon.descriptions.get(head_word) != "person"
            or head_word in self.lexicon.speaks_for
        ):
            return False
        return not self._apposed_name(entity)

    def _unnamed_beside(
        self, entity: EntityMention, start: int, end: int, head: int, first: str, head_word: str
    ) -> bool:
        """Whether the phrase [start, end) is someone left unnamed beside the entity it names ("a UN source",
        "a senior U.S. official", "a Trump aide", "des responsables de l'ONU"): an anonymous source, not
        the entity. Not where a name says who it is, nor after a definite or possessive determiner ("its
        Damascus ally"), but "the UN source" still."""
        lex = self.lexicon
        return (
            self._entity_at[head] < 0
            and not self._apposed_name(entity)
            and not self._ends_on_a_name(end)
            and (
                first in lex.anonymous_indefinite
                or self._entity_at[start] >= 0  # no determiner: "UN officials"
                or _singular(head_word) in lex.anonymous_always
            )
        )

    def _ends_on_a_name(self, end: int) -> bool:
        """Whether the phrase ending before token ``end`` closes on a person's name ("sa responsable Elodie
        Martin", "un responsable de l'agence, Henrik Olesen"): the name says who it is."""
        k = self._entity_at[end - 1] if 0 < end <= len(self.index) else -1
        return k >= 0 and self.entities[k].kind == "person"

    def _apposed_name(self, entity: EntityMention) -> bool:
        """Whether ``entity`` is a name set beside the description ("un responsable de la police, Yusak
        Sooai"): then it is who the description is."""
        index = self.index
        tokens = index.char_tokens(entity.span.start, entity.span.end)
        return bool(tokens) and index.tree.dep[name_head(index, tokens.start)] == "appos"

    def _described_in_apposition(self) -> list[tuple[int, str, EntityMention]]:
        """(position, description head, entity) for each description set beside a name anywhere in the
        article ("la ministre de la Transition écologique, Claire Vasseur", "Marc Delorme, the chief
        executive"), so that "la ministre" said later is her even when she has not been quoted before."""
        index = self.index
        deps, heads, pos = index.tree.dep, index.head, index.pos_strings
        descriptions = self.lexicon.descriptions
        found = []
        for i in [k for k, dep in enumerate(deps) if dep == "appos"]:
            for noun, name in ((heads[i], i), (i, heads[i])):
                if pos[noun] != "NOUN" or self._entity_at[name] < 0 or self._entity_at[noun] >= 0:
                    continue
                word = fold(index.lemma_of(noun))
                entity = self.entities[self._entity_at[name]]
                if word in descriptions and entity.kind != "place":
                    found.append((min(noun, name), word, entity))
        return found

    def _apposed_before(self, word: str, position: int) -> EntityMention | None:
        """The entity last described as ``word`` beside its name before token ``position``."""
        for at, described, entity in reversed(self._appositions):
            if at < position and described == word:
                return entity
        return None

    def _text(self, start: int, end: int) -> str:
        """The text of tokens [start, end) (as ``Doc[start:end].text``)."""
        index = self.index
        end = min(end, len(index))
        return index.text[index.idx[start] : index.end[end - 1]] if start < end else ""

    def _agreement(self, start: int, end: int, head: int) -> tuple[str, str]:
        index = self.index
        gender = number = ""
        pos = index.pos_strings
        for k in range(start, min(end, len(index))):
            if pos[k] == "PROPN" and k > start and pos[k - 1] == "PROPN":
                continue  # a first name tells the gender, not a family name ("Keith Lamont Scott")
            word = fold(index.texts[k])
            if word in self.lexicon.feminine_words:
                gender = "f"
                break
            if word in self.lexicon.masculine_words:
                gender = "m"
                break
        morph_gender = index.morph_values(head, "Gender")
        if not gender and morph_gender and index.pos_strings[head] == "NOUN":
            gender = "f" if morph_gender[0] == "Fem" else "m"
        morph_number = index.morph_values(head, "Number")
        if morph_number:
            number = "p" if morph_number[0] == "Plur" else "s"
        elif index.tag_strings[head] in {"NNS", "NNPS"}:
            number = "p"
        elif index.tag_strings[head] in {"NN", "NNP"}:
            number = "s"
        deps, heads = index.tree.dep, index.head
        if any(deps[k] == "conj" and heads[k] == head for k in range(start, min(end, len(index)))):
            number = "p"
        return gender, number

    def _bare(self, start: int, end: int, head: int, located: set[int]) -> bool:
        """Whether a description is only its head with determiners and adjectives ("the company", "le
        nouveau ministre"): one with its own complement or name ("the city council", "l'agence régionale de
        santé") denotes something else than whoever of its kind was named last."""
        index = self.index
        pos = index.pos_strings
        return all(
            i == head or i in located or pos[i] in {"DET", "ADJ", "PUNCT", "SPACE", "ADV"}
            for i in range(start, min(end, len(index)))
        )

    def _located(self, start: int, end: int, head: int) -> set[int]:
        """Tokens of a description's modifiers that say where the body is ("Britain-based" of "the
        Britain-based monitor", "basée à Londres" of "l'ONG basée à Londres"): they do not tell it from
        the one named before."""
        index = self.index
        located: set[int] = set()
        for i in range(start, min(end, len(index))):
            if i != head and index.head[i] == head and fold(index.texts[i]) in self.lexicon.located_words:
                left, right = index.edges(i)
                located.update(range(max(left, start), min(right + 1, end)))
        return located

    def _entity_in(self, start: int, end: int, head: int) -> EntityMention | None:
        """The entity the phrase names: the one on its head, else one in apposition to it, else the one
        the whole phrase is in apposition to ("Marc Delorme, le directeur général, ...")."""
        index = self.index
        if self._entity_at[head] >= 0:
            named = self.entities[self._entity_at[head]]
            # "à l'AFP Pierre Dartout" read as one name: the part before the source is whom it addresses,
            # the part after the outlet is the speaker in apposition
            if self._addressed_before(named, start) or self._apposed_after(named, head, end):
                return None
            return named
        deps, heads, children = index.tree.dep, index.head, index.tree.children
        named_at = -1
        if deps[head] == "appos" and not start <= heads[head] < end:
            # not the outlet it was told to: "a déclaré à l'AFP Darien Chen" hangs the speaker on "l'AFP"
            if not addressed(index, heads[head], self.lexicon.dative_cases):
                named_at = heads[head]
        elif start >= 2 and index.texts[start - 1] == ",":
            # "Marc Delorme, le directeur, s'est dit": parsed as two subjects
            named_at = name_head(index, start - 2)
            # both hung on the verb, or the name on the outlet it was told to ("raconte à l'AFP William Til,
            # le directeur du parc")
            told = addressed(index, heads[named_at], self.lexicon.dative_cases)
            if (heads[named_at] != heads[head] and not told) or heads[head] == head:
                named_at = -1
        elif 0 < end < len(index) - 1 and index.texts[end] == "," and self._entity_at[end + 1] >= 0:
            # '"P", a confié la directrice de l'école, Claire Vasseur.': the parse hangs the name that closes
            # the sentence on the verb, beside the description
            beside = name_head(index, end + 1)
            closes = index.edges(beside)[1] + 1
            if (
                heads[head] != head
                and heads[beside] == heads[head]
                and (closes >= len(index) or index.is_punct[closes])
            ):
                named_at = beside
        if named_at >= 0 and self._entity_at[named_at] >= 0:
            named = self.entities[self._entity_at[named_at]]
            if named.kind in {"person", "organisation", "group"}:
                return named
        best: EntityMention | None = None
        for i in range(start, min(end, len(index))):
            k = self._entity_at[i]
            if k < 0:
                continue
            entity = self.entities[k]
            after = index.text[entity.span.end : entity.span.end + 2]
            if len(after) == 2 and after[0] == "-" and after[1].islower():
                # a name made an adjective says whose, not who: "a Britain-based monitor", "Saudi-led" (a
                # name that goes on, "Bonfanti-Dossat", is still one)
                continue
            attached = heads[i] == head or heads[heads[i]] == head
            direct = deps[i] in {
                "appos",
                "flat:name",
                "compound",
                "nmod",
                "npadvmod",
                "nsubj",
                "dep",
                "ROOT",
            }
            # "l'avocat de Jean Dupont": the name hangs on "de" (its first word carries the case)
            name_at = name_head(index, i) if deps[i] in {"flat:name", "flat", "compound"} else i
            # not a preposition before the source: "Selon M. Schenk" hangs "Selon" on "M.", and Schenk is
            # still the speaker
            prepositional = any(
                deps[c] == "prep" or (deps[c] == "case" and c >= start)
                for c in children[i] + children[name_at]
            )
            if attached and direct and not prepositional and (best is None or entity.kind == "person"):
                best = entity
        stop = end
        if best is None and 0 < end <= len(index) and index.texts[end - 1] == ")":
            # "the senator, Ted Cruz (R-Texas)": the name closes the description before its brackets
            stop = next((k for k in range(end - 2, max(start, end - 8), -1) if index.texts[k] == "("), end)
        last = index.entity_around(stop - 1) if best is None and stop - 1 < len(index) else None
        if last is not None and last[1] == stop and last[0] > start:
            # "the governor of Homs Talal Barazi", "the senator, Ted Cruz": a person's name closing the
            # description; not one after a preposition, a conjunction or a title ("the lawyer of John Smith",
            # "aides to Mr. Obama")
            closing = self.entity_at(last[0])
            before = last[0] - 1
            if (
                closing is not None
                and closing.kind == "person"
                and (index.pos_strings[before] in {"NOUN", "PROPN"} or index.texts[before] == ",")
                and fold(index.texts[before]) not in self.lexicon.titles
            ):
                best = closing
        return best

    def _modifiers(self, start: int, end: int, head: int, located: set[int]) -> set[str]:
        """The words of a description besides its determiners, its head and the ``located`` tokens
        ("premier" of "le Premier ministre")."""
        index = self.index
        return {
            fold(index.texts[i])
            for i in range(start, min(end, len(index)))
            if i != head
            and i not in located
            and not index.is_punct[i]
            and fold(index.texts[i]) not in self.lexicon.determiners
        }

    def _description_head(self, start: int, end: int, head: int) -> str:
        index = self.index
        word = fold(index.lemma_of(head))
        if word in self.lexicon.descriptions:
            return word
        pos = index.pos_strings
        for i in range(start, min(end, len(index))):
            if pos[i] == "NOUN" and fold(index.lemma_of(i)) in self.lexicon.descriptions:
                return fold(index.lemma_of(i))
        return ""

    def _anonymous_source(self, text: str, first: str, head_word: str, words: list[str]) -> SourceInfo | None:
        """An unnamed source: a listed expression, or a listed head without a definite determiner
        ("des sources", "officials", "a source"); a definite one ("la source") is an earlier one."""
        lex = self.lexicon
        if any(expression in text for expression in lex.anonymous_expressions):
            return self._new_anonymous(text, head_word)
        stem = _singular(head_word)
        if head_word not in lex.anonymous_heads and stem not in lex.anonymous_heads:
            return None
        determiner = first if first in lex.determiners or first in lex.anonymous_indefinite else ""
        if determiner in lex.anonymous_anaphoric and determiner not in lex.anonymous_indefinite:
            if stem in self._anonymous:
                return self._anonymous[stem]
            return self._new_anonymous(text, stem) if stem in lex.anonymous_always else None
        if not determiner or determiner in lex.anonymous_indefinite:
            return self._new_anonymous(text, stem)
        return None

    def _new_anonymous(self, text: str, stem: str) -> SourceInfo:
        info = SourceInfo("anonymous", None, "anon:" + identity_key(text))
        self._anonymous[stem] = info
        return info

    # -- pronouns -----------------------------------------------------------------------------------

    def _pronoun(self, position: int, agreement: str) -> SourceInfo:
        gender = next((c for c in agreement if c in "mf"), "")
        number = next((c for c in agreement if c in "sp"), "")
        human = "h" in agreement  # "she" is never Reuters
        thing = "n" in agreement  # "it" is never a person
        sentence = self._sentence_of[position]
        found: _Speaker | None = None
        for speaker in reversed(self._speakers):
            if sentence - speaker.sentence > SPEAKER_WINDOW:
                break
            if speaker.position in self._said or speaker.relay:
                continue
            if speaker.info.kind in {"document", "none"}:
                continue
            if (human and speaker.info.kind == "organisation") or (thing and speaker.info.kind == "person"):
                continue
            if _agrees(speaker.info, gender, number):
                found = speaker
                break
        # a named subject after the last speaker that agrees is the likelier antecedent ("Jean Dupont défend
        # X. Selon lui, ...": Dupont, even when he said nothing the extractor saw)
        quote = self._quote_of(position)
        for subject in reversed(self._subject_mentions()):
            if (
                subject.position >= position
                or subject.position in self._said
                or self._quote_of(subject.position) not in {-1, quote}
            ):
                continue
            if (found is not None and subject.position <= found.position) or (
                sentence - subject.sentence > SPEAKER_WINDOW
            ):
                break
            kind = subject.info.kind
            if (human and kind == "organisation") or (thing and kind == "person"):
                continue
            if _agrees(subject.info, gender, number):
                found = subject
                break
        if found is not None:
            info = found.info
            return SourceInfo(
                info.kind, info.resolved, info.key, info.gender or gender, info.number or number, info.also
            )
        if thing:
            return SourceInfo("organisation", None, None, gender, number)
        if number != "p":
            # further back, a person who spoke still beats a name in passing (quotations cut into many
            # sentences push the last speaker out of the window)
            for speaker in reversed(self._speakers):
                info = speaker.info
                if info.kind == "person" and _agrees(info, gender, number):
                    return SourceInfo("person", info.resolved, info.key, info.gender or gender, "s")
            for start, entity in reversed(self._recent_entities):
                if (
                    entity.kind == "person"
                    and self._quote_of(start) in {-1, quote}
                    and start not in self._said
                ):
                    return SourceInfo("person", entity.name, entity.key, gender, number)
        return SourceInfo("person", None, None, gender, number)

    def _subject_mentions(self) -> list[_Speaker]:
        """Subjects of verbs that name a person or an organisation, in text order (made on first use)."""
        if self._subjects is None:
            index = self.index
            subjects = []
            deps = index.tree.dep
            for i, dep in enumerate(deps):
                if dep not in _SUBJECTS or index.pos_strings[i] not in {"NOUN", "PROPN"}:
                    continue
                if deps[index.head[i]] in _SUBORDINATE:
                    continue  # "a dit espérer que l'Union européenne trouve": what is said, not who says it
                start, end = self._noun_phrase(i)
                entity = self._entity_in(start, end, i)
                if entity is None or entity.kind not in {"person", "organisation", "group"}:
                    continue
                kind: SourceKind = "person" if entity.kind in {"person", "group"} else "organisation"
                gender, number = self._agreement(start, end, i)
                info = SourceInfo(kind, entity.name, entity.key, gender, number)
                subjects.append(_Speaker(i, self._sentence_of[i], info, ""))
                left, right = index.edges(i)
                also = self._conjoined(left, right + 1, i, info)
                if also:
                    # "Trump and Clinton met ... She": each of the pair; "They": the pair, plural, of either
                    # gender, looked at first (subjects are read from the last)
                    subjects.extend(_Speaker(i, self._sentence_of[i], other, "") for other in also)
                    pair = SourceInfo(kind, entity.name, entity.key, "", "p", also)
                    subjects.append(_Speaker(i, self._sentence_of[i], pair, ""))
            self._subjects = subjects
        return self._subjects

    def _earlier_name(self, text: str, position: int) -> SourceInfo | None:
        """The speaker or entity named before ``position`` whose name is ``text`` or holds it as a word
        ("Sébastien" after "son ami Sébastien", "Castaner" after "Christophe Castaner", "M. Duda" after
        "Andrzej Duda": a title before the name is no part of it)."""
        words = text.split()
        while len(words) > 1 and words[0].lstrip("-") in self.lexicon.titles:
            del words[0]
        if not words or len(words) > 3:
            return None

        def names(name: str) -> bool:
            folded = fold(name).split()
            return folded == words or (len(words) == 1 and words[0] in folded)

        for speaker in reversed(self._speakers):
            info = speaker.info
            if info.resolved and info.kind in {"person", "organisation"} and names(info.resolved):
                return info
        # a person named so first, else whatever was: a name in a headline the tagger took for one
        # organisation ("Washington Post Hit Piece Exploits Trump Supporter") is not "Trump"
        found: EntityMention | None = None
        for entity in self.entities:
            if entity.span.start >= self._starts[position]:
                break
            if entity.kind in {"person", "organisation", "group"} and names(entity.name):
                if entity.kind == "person":
                    found = entity
                    break
                found = found or entity
        if found is None:
            return None
        kind: SourceKind = "person" if found.kind in {"person", "group"} else "organisation"
        return SourceInfo(kind, found.name, found.key)

    def _same_head_before(self, head_word: str, position: int) -> SourceInfo | None:
        """The speaker of the last few sentences whose phrase had the same head word, or None."""
        sentence = self._sentence_of[position]
        for speaker in reversed(self._speakers):
            if sentence - speaker.sentence > SPEAKER_WINDOW:
                break
            if speaker.head == head_word:
                return speaker.info
        return None

    def _unnamed_mention(self, head_word: str, position: int, kind: SourceKind) -> int:
        """The last noun ``head_word`` within a few sentences before token ``position`` when no name of
        ``kind`` goes with it ("The agency quoted a United Nations spokesman. The spokesman said": that one,
        not whoever was named before), else -1."""
        index = self.index
        sentence = self._sentence_of[position]
        named = {at for at, _, _ in self._appositions}
        for i in range(position - 1, -1, -1):
            if sentence - self._sentence_of[i] > SPEAKER_WINDOW:
                break
            if index.pos_strings[i] != "NOUN" or fold(index.lemma_of(i)) != head_word:
                continue
            start, end = self._noun_phrase(i)
            entity = self._entity_in(start, end, i)
            entity_kind = (
                None if entity is None else "person" if entity.kind in {"person", "group"} else "organisation"
            )
            if i in named or start in named or entity_kind == kind:
                return -1
            return i
        return -1

    def _named_with_word(self, head_word: str, position: int) -> EntityMention | None:
        """The body named last within a few sentences before ``position`` whose name has ``head_word`` for
        its head ("le ministère de l'Intérieur" ... "selon le ministère")."""
        index = self.index
        sentence = self._sentence_of[position]
        for start, entity in reversed(self._recent_entities):
            if sentence - self._sentence_of[start] > SPEAKER_WINDOW:
                break
            tokens = index.char_tokens(entity.span.start, entity.span.end)
            if entity.kind in {"person", "place"} or not tokens:
                continue
            root = index.root(tokens)
            if head_word in {fold(index.lemma_of(root)), fold(index.texts[root])}:
                return entity
        return None

    def _named_before(
        self,
        position: int,
        kind: SourceKind,
        gender: str,
        outlet: bool = False,
        speakers_only: bool = False,
        after: int = -1,
    ) -> SourceInfo | None:
        """The speaker or entity of ``kind`` named last within a few sentences before ``position`` and after
        token ``after`` (only a speaker with ``speakers_only``); an outlet that passed words on only for a
        description of an ``outlet`` ("le quotidien", not "le gouvernement")."""
        sentence = self._sentence_of[position]
        for speaker in reversed(self._speakers):
            if sentence - speaker.sentence > SPEAKER_WINDOW:
                break
            if (speaker.relay and not outlet) or speaker.position < after:
                continue
            info = speaker.info
            # a body's gender is its description's word's, not its own ("le Comité international" ...
            # "l'organisation"): only a person's must agree
            if info.kind == kind and info.resolved and _agrees(info, gender if kind == "person" else "", "s"):
                return SourceInfo(kind, info.resolved, info.key, gender or info.gender, "s")
        if speakers_only:
            return None
        quote = self._quote_of(position)
        for start, entity in reversed(self._recent_entities):
            # a name in passing is a weaker antecedent than a speaker: only in the sentence before
            if sentence - self._sentence_of[start] > DESCRIPTION_WINDOW or start < after:
                break
            if self._quote_of(start) not in {-1, quote}:
                continue  # a name someone quoted says who they spoke of, not who "le procureur" is
            if self._sentence_of[start] == sentence and self._participle_agent(start):
                continue  # "Contactée par Le Parisien, l'entreprise affirme": the interviewer is not her
            if not outlet and addressed(self.index, name_head(self.index, start), self.lexicon.dative_cases):
                continue  # "a déclaré à l'AFP": the outlet is no "gouvernement"
            entity_kind = "person" if entity.kind == "person" else "organisation"
            if entity.kind != "place" and entity_kind == kind:
                return SourceInfo(kind, entity.name, entity.key, gender, "s")
        return None

    def _participle_agent(self, i: int) -> bool:
        """Whether the name at token ``i`` is the agent of a participle ("par Le Parisien" of "Contactée par
        Le Parisien", "by Reuters" of "Reached by Reuters")."""
        index = self.index
        deps, heads = index.tree.dep, index.head
        k = name_head(index, i)
        return deps[k] == "obl:agent" or (deps[k] == "pobj" and deps[heads[k]] == "agent")

    def _advance_entities(self, position: int) -> None:
        start = self._starts[position] if position < len(self._starts) else self._text_length
        while (
            self._entity_cursor < len(self.entities) and self.entities[self._entity_cursor].span.start < start
        ):
            entity = self.entities[self._entity_cursor]
            self._recent_entities.append((bisect_right(self._starts, entity.span.start) - 1, entity))
            self._entity_cursor += 1
        del self._recent_entities[:-_HISTORY]

    def _antecedent(self, relative: int) -> int | None:
        heads, deps = self.index.head, self.index.tree.dep
        verb = heads[relative]
        noun = heads[verb] if deps[verb] in {"acl:relcl", "relcl", "acl"} else None
        if noun is None or noun == verb:
            return None
        return agreeing_antecedent(self.index, noun, verb)

    def _noun_phrase(self, head: int) -> tuple[int, int]:
        """[start, end) of the noun phrase headed by token ``head``, without relative or trailing clauses."""
        index = self.index
        deps = index.tree.dep
        start = end = head
        for child in index.tree.children[head]:
            if deps[child] in _NP_STOP and child > head:
                continue
            left, right = index.edges(child)
            start = min(start, left)
            end = max(end, right)
        return start, end + 1


def addressed(index: DocIndex, k: int, dative_cases: frozenset[str]) -> bool:
    """Whether token ``k`` is addressed through one of the dative prepositions ("l'AFP" of "à l'AFP"), or
    hangs on one the parse took for an adverb ("auprès de l'AFP")."""
    tree = index.tree
    head = index.head[k]
    if head != k and dative_adverb(index, head, dative_cases):
        return True
    return any(
        tree.dep[c] in {"case", "prep"} and fold(index.texts[c]) in dative_cases for c in tree.children[k]
    )


def dative_adverb(index: DocIndex, i: int, dative_cases: frozenset[str]) -> bool:
    """Whether token ``i`` is a dative preposition the parse took for an adverb ("auprès" of "auprès de l'AFP",
    with the outlet hung on it)."""
    return index.pos_strings[i] == "ADV" and fold(index.texts[i]) in dative_cases


def name_head(index: DocIndex, i: int) -> int:
    """The head of the name token ``i`` is part of ("Claire" of "Claire Vasseur", "city" of "the city
    council"), or ``i``."""
    deps, heads = index.tree.dep, index.head
    for _ in range(3):
        if (
            deps[i] not in _NAME_PARTS
            or heads[i] == i
            or index.pos_strings[heads[i]] not in {"PROPN", "NOUN"}
        ):
            break
        i = heads[i]
    return i


def agreeing_antecedent(index: DocIndex, noun: int, verb: int) -> int:
    """The antecedent of a relative clause whose verb is ``verb``, parsed as ``noun``: when the two disagree
    in number, the noun's complement that agrees ("des questions de l'opposition, qui réclame": the
    opposition asks, not the questions)."""
    number = index.morph_values(verb, "Number")
    if not number or index.morph_values(noun, "Number") in ((), number):
        return noun
    deps = index.tree.dep
    for child in index.tree.children[noun]:
        if child > noun and deps[child] in {"nmod", "pobj"} and index.morph_values(child, "Number") == number:
            return child
    return noun


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith(("s", "x")) else word


def _agrees(info: SourceInfo, gender: str, number: str) -> bool:
    if gender and info.gender and gender != info.gender:
        return False
    if number and info.number and number != info.number:
        return bool(number == "p" and info.kind == "organisation")
    return True


_SUBJECTS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})
_SUBORDINATE = frozenset({"ccomp", "xcomp", "csubj", "advcl", "acl", "acl:relcl", "relcl"})
_NP_STOP = {"acl:relcl", "relcl", "advcl", "parataxis", "ccomp", "punct", "cc", "conj", "dep", "acl"}
