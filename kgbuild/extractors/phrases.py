"""Cue phrases that are not verbs: "selon X, P", "d'après X", "according to X", sentence-initial
"pour X, P", participle relays ("cité par X"), and colons that introduce a quotation ("X : « P »")."""

from __future__ import annotations

from collections.abc import Iterator

from kgbuild.extractors.lexicon import fold
from kgbuild.extractors.scene import (
    SENTENCE_END,
    SPEAKER_POS,
    SUBJECT_DEPS,
    Candidate,
    phrase_key,
    spans_overlap,
)
from kgbuild.extractors.verbal import VerbRules

_NAME_MAX = 4  # tokens of a name after a description ("Laurent Faure")
_LABEL_MAX = 4  # tokens of a speaker label ("JAKE TAPPER", "Alex Seitz-Wald")
_LABEL_OPENERS = frozenset("\"“«' \t")  # a transcript quoted paragraph by paragraph opens each one
_NAME_BREAKS = frozenset({",", ":", "(", ")", *SENTENCE_END})  # what no name runs across ("Times/CBS" does)


def _label_word(text: str, pos: str) -> bool:
    """A word of a speaker label: in capitals ("WALLACE"), or a proper noun ("Matthews")."""
    return (text.isupper() and any(ch.isalpha() for ch in text)) or pos == "PROPN" or text == "-"


class PhraseRules(VerbRules):
    def _prepositional(self) -> Iterator[Candidate]:
        if self.parts.prep_re is not None:
            for match in self.parts.prep_re.finditer(self.text):
                cand = self._preposition_at(
                    match.start(), match.end(), self.lex.prepositions[phrase_key(match.group())]
                )
                if cand is not None:
                    cand.lemma = phrase_key(match.group())
                    yield cand
        if self.parts.relay_re is not None:
            for match in self.parts.relay_re.finditer(self.text):
                phrase = phrase_key(match.group())
                participle = self.index.char_tokens(match.start(), match.end())
                if participle and self._said_as(participle.start) is not None:
                    continue  # "X was quoted by Reuters as saying P": X's words, read with the verb
                cand = self._preposition_at(match.start(), match.end(), "report")
                if cand is not None:
                    cand.lemma = self.lex.relay_phrases[phrase]
                    cand.participle = True
                    cand.confidence = 0.9
                    yield cand
        if self.parts.initial_re is not None:
            for match in self.parts.initial_re.finditer(self.text):
                cand = self._preposition_at(
                    match.start(),
                    match.end(),
                    self.lex.initial_prepositions[phrase_key(match.group())],
                    initial=True,
                )
                if cand is not None:
                    cand.lemma = phrase_key(match.group())
                    yield cand
        if self.lex.document_prepositions:
            yield from self._document_prepositions()
        if self.parts.adverb_re is not None:
            for match in self.parts.adverb_re.finditer(self.text):
                cand = self._adverb_at(match.start(), match.end())
                if cand is not None:
                    yield cand

    def _nominal(self) -> Iterator[Candidate]:
        """Nouns that attribute what follows them to their possessor: "Trump's claim that P", "his promise
        to P", "Clinton's support for P", « la promesse d'Alitalia que P »."""
        nouns = self.parts.noun_ids
        if not nouns:
            return
        index = self.index
        texts, pos, deps, children = index.texts, index.pos_strings, index.tree.dep, index.tree.children
        for i, lemma in enumerate(index.lemma):
            if lemma not in nouns or self.quotes.is_inner(i):
                continue
            if pos[i] != "NOUN":
                continue
            kids = children[i]
            source = next((c for c in kids if deps[c] in {"poss", "nmod:poss"}), None)
            if source is None:
                source = next(
                    (
                        c
                        for c in kids
                        if deps[c] == "nmod"
                        and c > i
                        and self._speaker_like(c)
                        and any(
                            fold(texts[g]) in self.lex.agent_markers for g in children[c] if deps[g] == "case"
                        )
                    ),
                    None,
                )
            if source is None or pos[source] == "DET":
                continue
            # "his claim", "their support for": a possessive pronoun speaks for the noun it owns (it is no
            # speaker elsewhere, so the pronoun table does not list it)
            possessive = pos[source] == "PRON" and index.tag_strings[source] == "PRP$"
            if not self._speaker_like(source) and (not possessive or self._participle_follows(i)):
                continue
            complement = next(
                (
                    c
                    for c in kids
                    if c > i
                    and c != source  # « la promesse d'Alitalia » : the possessor is no complement
                    and deps[c] in {"acl", "ccomp", "prep", "acl:relcl", "nmod", "xcomp"}
                    and self._nominal_complement(c)
                ),
                None,
            )
            if complement is None:
                continue
            cue_end = i
            if deps[complement] == "prep":
                cue_end = complement  # "support for", "attacks on": the preposition is part of the cue
                objects = [g for g in children[complement] if deps[g] in {"pobj", "pcomp"}]
                if not objects:
                    continue
                first, last = index.edges(objects[0])
            else:
                first, last = index.edges(complement)
            content = self._finish_content(max(first, cue_end + 1), last, i)
            source_span, source_tokens = self._source_span(source, avoid=(i, cue_end + 1))
            if content is None or source_span is None:
                continue
            word = fold(index.lemma_of(i))
            yield Candidate(
                cue=(index.idx[i], index.end[cue_end]),
                content=content,
                source=source_span,
                source_tokens=source_tokens,
                lemma=word,
                act=self.lex.nouns[word],
                anchor=i,
                confidence=0.5,
            )

    def _participle_follows(self, noun: int) -> bool:
        """ "He pushed his plan, saying P": the participle speaks for the subject, and would take the
        possessive of a nominal cue before it as its speaker."""
        tags, deps = self.index.tag_strings, self.index.tree.dep
        return any(
            tags[t] == "VBG" and deps[t] in {"advcl", "xcomp", "conj"}
            for t in range(noun + 1, self._sent_end[noun])
        )

    def _nominal_complement(self, child: int) -> bool:
        """What a cue noun says: a that/que clause, an infinitive, or "for/of/on/about/against X"."""
        index = self.index
        texts, deps = index.texts, index.tree.dep
        if deps[child] == "prep":
            return fold(texts[child]) in self.lex.topic_prepositions
        if any(
            fold(texts[g]) in self.lex.complementizers
            for g in index.tree.children[child]
            if deps[g] == "mark"
        ):
            return True
        return "Inf" in index.morph_values(child, "VerbForm") or index.tag_strings[child] == "VB"

    def _adverb_at(self, start: int, end: int) -> Candidate | None:
        """An adverb that attributes the sentence to someone unnamed: "X has reportedly resigned"."""
        span = self.index.expand_span(start, end)
        if span is None or self.quotes.quote_of(span[0]) >= 0:
            return None
        first, limit = self._sent_start[span[0]], self._sent_end[span[0]]
        content = self._finish_content(first, limit - 1, span[0])
        if content is None:
            return None
        word = phrase_key(self.text[start:end])
        return Candidate(
            cue=(start, end),
            content=content,
            source=None,
            source_tokens=None,
            lemma=word,
            act=self.lex.adverbs[word],
            anchor=span[0],
            confidence=0.6,
        )

    def _document_prepositions(self) -> Iterator[Candidate]:
        """A clause attributed to a poll or a study by a preposition ("In a CNN poll released Monday, 50
        percent chose Clinton", "Trump leads in the latest polls"): the object is the source."""
        index = self.index
        words = self.lex.document_prepositions
        lower = index.lower_strings
        tree = index.tree
        for i, word in enumerate(lower):
            act = words.get(word)
            if act is None or self.quotes.is_inner(i):
                continue
            source = self._document_object(i)
            if source is None:  # most "in"s stop here
                continue
            first, last = max(tree.left[source], i + 1), tree.right[source]
            content = self._clause_around(i, last + 1, self._sent_start[i], self._sent_end[i])
            if content is None:
                continue
            yield Candidate(
                cue=(index.idx[i], index.end[i]),
                content=content,
                source=(index.idx[first], index.end[last]),
                source_tokens=(first, last + 1, source),
                lemma=word,
                act=act,
                anchor=i,
                confidence=0.6,
                certain=True,
            )

    def _document_object(self, preposition: int) -> int | None:
        """The poll or study a preposition governs: its object (English parses), or the noun it is the
        case marker of (Universal Dependencies: "dans" hangs from "sondage")."""
        index = self.index
        lower, tree, head = index.lower_strings, index.tree, index.head[preposition]
        objects = self.lex.document_objects
        if tree.dep[preposition] == "case" and head > preposition and lower[head] in objects:
            return head
        return next((k for k in tree.children[preposition] if k > preposition and lower[k] in objects), None)

    def _preposition_at(self, start: int, end: int, act: str, initial: bool = False) -> Candidate | None:
        index = self.index
        span = index.expand_span(start, end)
        if span is None or span[1] <= span[0]:
            return None
        cue_first, cue_last = span[0], span[1] - 1
        sent_start, sent_end = self._sent_start[cue_first], self._sent_end[cue_first]
        if initial and not self._sentence_initial(cue_first, sent_start):
            return None
        head = self._object_head(cue_last, sent_end)
        if head is None:
            return None
        np_start, np_end = self._phrase_bounds(head, cue_last + 1, sent_end)
        if fold(index.lemma_of(head)) in self.lex.not_sources:
            return None  # "calculée selon deux critères": a manner, not a source
        np_end = self._appended_name(head, np_end, sent_end)
        np_end = self._participle_tail(head, np_end, sent_end)
        # a name the parse split up is whole to the recognizer: "selon les informations de France Bleu Provence"
        whole_start, whole_end = self._whole_entity(head, np_start, np_end)
        np_start, name_end = max(whole_start, cue_last + 1), np_end
        while name_end < min(whole_end, sent_end) and index.texts[name_end] not in _NAME_BREAKS:
            name_end += 1  # not across a comma: "rapportés par Le Progrès, la vitesse" is no one name
        if name_end > np_end:
            np_end = self._participle_tail(head, name_end, sent_end)
        if initial and not (self._speaker_like(head) and np_end < sent_end and index.texts[np_end] == ","):
            return None
        pp_end = self._phrase_end(np_end, sent_end)
        relative = self._relative_reading(cue_first, head, pp_end, sent_start, sent_end)
        if relative is not None:
            (np_start, np_end, head), content = relative
        else:
            content = self._clause_around(cue_first, pp_end, sent_start, sent_end)
        if content is None:
            return None
        return Candidate(
            antecedent=relative is not None,
            cue=(start, end),
            content=content,
            source=(index.idx[np_start], index.end[np_end - 1]),
            source_tokens=(np_start, np_end, head),
            lemma="",
            act=act,
            anchor=cue_first,
            confidence=0.85 if not initial else 0.6,
        )

    def _relative_reading(
        self, cue_first: int, pronoun: int, after: int, sent_start: int, sent_end: int
    ) -> tuple[tuple[int, int, int], tuple[int, int] | None] | None:
        """A cue phrase whose object is a relative pronoun ("un rapport de l'ONU, selon lequel P", "a report
        according to which P"): the source is the noun phrase right before it, which the pronoun stands
        for, and what is attributed is the rest of the relative clause. Source tokens [start, end) with
        their head, and the content; None when the object is no relative pronoun or no noun comes before."""
        index = self.index
        if (
            index.pos_strings[pronoun] != "PRON"
            or fold(index.texts[pronoun]) not in self.lex.relative_pronouns
        ):
            return None
        last = cue_first - 1
        while last >= sent_start and index.is_punct[last]:  # the comma before "selon lequel"
            last -= 1
        head = self._noun_before(cue_first)
        if head is None:
            return None
        pos, heads = index.pos_strings, index.head
        start = index.edges(head)[0]
        while start < head and pos[start] == "ADP":  # "sur une étude": the preposition is not the source's
            start += 1
        # the parser hangs the relative clause on its antecedent or on the main verb; its verb is the pronoun's head
        clause = heads[pronoun]
        clause_last = min(index.edges(clause)[1], sent_end - 1) if clause > pronoun else sent_end - 1
        content = self._finish_content(after, clause_last, cue_first)
        end = last + 1
        if (
            end < cue_first
            and index.texts[end] in ")]"
            and any(index.texts[k] in "([" for k in range(start, end))
        ):
            end += 1  # "One America News Network (OANN), selon lequel P": the bracket it opened is closed
        return (start, end, head), content

    def _participle_tail(self, head: int, np_end: int, sent_end: int) -> int:
        """Where a source phrase ends when a past participle or a relative clause right after it (no comma
        between) says whose it is ("selon les chiffres transmis mardi par Santé publique France",
        "selon le compte de la police qui a posté l'avis", "according to figures released by the
        agency"): it belongs to the source, not to what is attributed."""
        index = self.index
        deps = index.tree.dep
        if np_end >= sent_end or not index.texts[np_end][:1].isalnum():
            return np_end  # "selon l'AFP, qui cite le ministère": a relay, see chains
        # on the head, or on a later word of a name the parse split up ("de France Bleu Provence publiées")
        owners = range(head, np_end)
        for child in (c for owner in owners for c in index.tree.children[owner]):
            if index.edges(child)[0] != np_end or deps[child] not in {"acl", "amod", "acl:relcl", "relcl"}:
                continue
            past = index.tag_strings[child] == "VBN" or (
                "Part" in index.morph_values(child, "VerbForm")
                and "Past" in index.morph_values(child, "Tense")
            )
            if past or deps[child] in {"acl:relcl", "relcl"}:
                return min(index.edges(child)[1] + 1, sent_end)
        return np_end

    def _appended_name(self, head: int, np_end: int, sent_end: int) -> int:
        """Where a source phrase ends when a name between commas follows its description ("according to
        the prosecutor, Laurent Faure, P", "selon le procureur, Laurent Faure, P"): the name belongs to
        the source, not to what is attributed, when the clause after it has a subject of its own."""
        index = self.index
        if index.pos_strings[head] != "NOUN" or np_end >= sent_end or index.texts[np_end] != ",":
            return np_end
        k = np_end + 1
        while k < sent_end and k - np_end <= _NAME_MAX and index.pos_strings[k] == "PROPN":
            k += 1
        if k > np_end + 1 and k < sent_end and index.texts[k] == "(":
            # a party or a title in brackets after the name: "Hervé Chevreau (DVD)", "Ted Cruz (R-Texas)"
            close = next((j for j in range(k + 1, min(sent_end, k + 8)) if index.texts[j] == ")"), -1)
            k = close + 1 if close > 0 else k
        if k == np_end + 1 or k >= sent_end - 1 or index.texts[k] != ",":
            return np_end
        if fold(index.texts[k + 1]) in self.lex.relative_pronouns:
            return np_end  # "according to the poll, Clinton, who leads, ...": the name starts the clause
        deps = index.tree.dep
        if not any(deps[j].split(":")[0] in SUBJECT_DEPS | {"nsubjpass"} for j in range(k + 1, sent_end)):
            return np_end
        return k

    def _colons(self, found: list[Candidate]) -> Iterator[Candidate]:
        index = self.index
        n, space = len(index), index.is_space
        claimed = sorted((c.content for c in found), key=lambda r: r[0])
        colon = self.doc.vocab.strings.add(":")
        for i in (k for k, word in enumerate(index.orth) if word == colon):
            k = i + 1
            while k < n and space[k]:
                k += 1
            if k >= n:
                continue
            label = self._speaker_label(i, k)
            if label is not None:
                yield label
                continue
            if self.quotes.is_inner(i):
                continue
            q = self.quotes.opening(k)
            if q < 0:
                headline = self._headline_colon(i, k)
                if headline is not None:
                    yield headline
                continue
            quote = self.quotes.quotes[q]
            if any(spans_overlap((quote.inner_start, quote.inner_end), r) for r in claimed):
                continue
            prev = i - 1
            if prev >= 0 and self._match_verb(self.doc[prev])[0] is not None:
                continue
            speaker = self._colon_speaker(i)
            if speaker is None:
                continue
            content = self._trim_chars(quote.inner_start, quote.inner_end)
            if content is None or len(self.text[content[0] : content[1]].split()) < 3:
                continue
            source_span, source_tokens = self._source_span(speaker)
            yield Candidate(
                cue=(index.idx[i], index.idx[i] + 1),
                content=content,
                source=source_span,
                source_tokens=source_tokens,
                lemma=":",
                act="assert",
                anchor=i,
                confidence=0.6,
            )

    def _headline_colon(self, colon: int, first: int) -> Candidate | None:
        """ "Sanders: Endorsements prove Clinton is the establishment's candidate": a named person or
        organisation alone before a colon, a clause after it."""
        index = self.index
        pos = index.pos_strings
        sent = self._sent_start[colon]
        if not 0 < colon - sent <= 6 or any(pos[t] in {"VERB", "AUX"} for t in range(sent, colon)):
            return None
        if not self._names_source(colon - 1):
            return None
        limit = self._sent_end[colon]
        if not any(pos[t] in {"VERB", "AUX"} for t in range(first, limit)) or "?" in index.texts[limit - 1]:
            return None  # no clause, or a question: nothing is claimed
        content = self._finish_content(first, limit - 1, colon)
        source_span, source_tokens = self._source_span(colon - 1)
        if content is None or source_span is None:
            return None
        return Candidate(
            cue=(index.idx[colon], index.idx[colon] + 1),
            content=content,
            source=source_span,
            source_tokens=source_tokens,
            lemma=":",
            act="assert",
            anchor=colon,
            confidence=0.5,
        )

    def _names_source(self, i: int) -> bool:
        """Whether token ``i`` names a source alone before a colon: it is in a person or organisation
        entity, or, capitalised, it is the surname of one the article names in full ("Sanders" for Bernie
        Sanders: the recognizer often misses names in titles) or a document ("Poll")."""
        entity = self.speakers.entity_at(i)
        if entity is not None and entity.kind in {"person", "organisation"}:
            return True
        word = self.index.texts[i]
        if not word[:1].isupper():
            return False
        if self.lex.descriptions.get(fold(word)) == "document":
            return True
        surname = word.casefold()  # "WALLACE" in a transcript's labels, Chris Wallace in its text
        return any(
            mention.kind in {"person", "organisation"} and mention.span.text.split()[-1].casefold() == surname
            for mention in self.speakers.entities
        )

    def _speaker_label(self, colon: int, first: int) -> Candidate | None:
        """A transcript's speaker label: "WALLACE: Do you really see them as equivalent?" — a name alone
        at the start of a paragraph (capitals, or proper nouns) that the article knows as a person or an
        organisation, a colon, and what they said up to the paragraph's end."""
        index = self.index
        texts, pos = index.texts, index.pos_strings
        start = colon
        while start > 0 and colon - start < _LABEL_MAX and _label_word(texts[start - 1], pos[start - 1]):
            start -= 1
        if start == colon:
            return None
        if not self._names_source(colon - 1):
            return None  # "Stealth Over Health: ...", "CLARIFICATION: ..." name no one
        text = self.text
        before = index.idx[start]
        while before > 0 and text[before - 1] in _LABEL_OPENERS:
            before -= 1
        if before > 0 and text[before - 1] not in "\n\r":
            return None
        stop = text.find("\n", index.idx[first])
        content = self._trim_chars(index.idx[first], len(text) if stop < 0 else stop)
        if content is None or len(text[content[0] : content[1]].split()) < 3:
            return None
        return Candidate(
            cue=(index.idx[colon], index.idx[colon] + 1),
            content=content,
            source=(index.idx[start], index.end[colon - 1]),
            source_tokens=(start, colon, colon - 1),
            lemma=":",
            act="assert",
            anchor=colon,
            confidence=0.6,
            certain=True,
        )

    def _colon_speaker(self, colon: int) -> int | None:
        """The speaker before a colon: a bare noun phrase ("Le ministre :"), or the subject of the clause."""
        index = self.index
        pos, heads, deps = index.pos_strings, index.head, index.tree.dep
        sent = self._sent_start[colon]
        if colon - sent < 1:
            return None
        window = range(sent, colon)
        if not any(pos[t] in {"VERB", "AUX"} for t in window):
            tops = [t for t in window if heads[t] == t or not (sent <= heads[t] < colon)]
            head = next((t for t in tops if pos[t] in SPEAKER_POS), None)
            return head if head is not None and self._speaker_like(head) else None
        root = next((t for t in window if heads[t] == t or not (sent <= heads[t] < colon)), None)
        if root is None:
            return None
        subject = next((c for c in index.tree.children[root] if deps[c] in SUBJECT_DEPS and c < colon), None)
        if subject is not None and self._speaker_like(subject):
            return subject
        return None
