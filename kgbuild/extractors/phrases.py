"""Cue phrases that are not verbs: "selon X, P", "d'après X", "according to X", sentence-initial
"pour X, P", participle relays ("cité par X"), and colons that introduce a quotation ("X : « P »")."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kgbuild.extractors.lexicon import fold
from kgbuild.extractors.scene import (
    SPEAKER_POS,
    SUBJECT_DEPS,
    Candidate,
    phrase_key,
    spans_overlap,
)
from kgbuild.extractors.verbal import VerbRules


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
        doc = self.doc
        for i, lemma in enumerate(self.index.lemma):
            if lemma not in nouns or self.quotes.is_inner(i):
                continue
            noun = doc[i]
            if noun.pos_ != "NOUN":
                continue
            source = next((c for c in noun.children if c.dep_ in {"poss", "nmod:poss"}), None)
            if source is None:
                source = next(
                    (
                        c
                        for c in noun.children
                        if c.dep_ == "nmod"
                        and c.i > i
                        and self._speaker_like(c)
                        and any(
                            fold(g.text) in {"de", "d'", "by", "par"} for g in c.children if g.dep_ == "case"
                        )
                    ),
                    None,
                )
            if source is None or source.pos_ == "DET":
                continue
            # "his claim", "their support for": a possessive pronoun speaks for the noun it owns (it is no
            # speaker elsewhere, so the pronoun table does not list it)
            possessive = source.pos_ == "PRON" and source.tag_ == "PRP$"
            if not self._speaker_like(source) and (not possessive or self._participle_follows(i)):
                continue
            complement = next(
                (
                    c
                    for c in noun.children
                    if c.i > i
                    and c.dep_ in {"acl", "ccomp", "prep", "acl:relcl", "nmod", "xcomp"}
                    and c is not source
                    and self._nominal_complement(c)
                ),
                None,
            )
            if complement is None:
                continue
            cue_end = i
            if complement.dep_ == "prep":
                cue_end = complement.i  # "support for", "attacks on": the preposition is part of the cue
                objects = [g for g in complement.children if g.dep_ in {"pobj", "pcomp"}]
                if not objects:
                    continue
                first, last = objects[0].left_edge.i, objects[0].right_edge.i
            else:
                first, last = complement.left_edge.i, complement.right_edge.i
            content = self._finish_content(max(first, cue_end + 1), last, i)
            source_span, source_tokens = self._source_span(source, avoid=(i, cue_end + 1))
            if content is None or source_span is None:
                continue
            yield Candidate(
                cue=(noun.idx, doc[cue_end].idx + len(doc[cue_end].text)),
                content=content,
                source=source_span,
                source_tokens=source_tokens,
                lemma=fold(noun.lemma_),
                act=self.lex.nouns[fold(noun.lemma_)],
                anchor=i,
                confidence=0.5,
            )

    def _participle_follows(self, noun: int) -> bool:
        """ "He pushed his plan, saying P": the participle speaks for the subject, and would take the
        possessive of a nominal cue before it as its speaker."""
        return any(
            t.tag_ == "VBG" and t.dep_ in {"advcl", "xcomp", "conj"}
            for t in self.doc[noun + 1 : self._sent_end[noun]]
        )

    def _nominal_complement(self, child: Token) -> bool:
        """What a cue noun says: a that/que clause, an infinitive, or "for/of/on/about/against X"."""
        if child.dep_ == "prep":
            return fold(child.text) in {"for", "of", "on", "about", "against", "with", "that"}
        if any(fold(g.text) in self.lex.complementizers for g in child.children if g.dep_ == "mark"):
            return True
        return "Inf" in child.morph.get("VerbForm", []) or child.tag_ == "VB"

    def _adverb_at(self, start: int, end: int) -> Candidate | None:
        """An adverb that attributes the sentence to someone unnamed: "X has reportedly resigned"."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or self.quotes.quote_of(span.start) >= 0:
            return None
        first, limit = self._sent_start[span.start], self._sent_end[span.start]
        content = self._finish_content(first, limit - 1, span.start)
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
            anchor=span.start,
            confidence=0.6,
        )

    def _preposition_at(self, start: int, end: int, act: str, initial: bool = False) -> Candidate | None:
        doc = self.doc
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        cue_first, cue_last = span.start, span.end - 1
        sent_start, sent_end = self._sent_start[cue_first], self._sent_end[cue_first]
        if initial and not self._sentence_initial(cue_first, sent_start):
            return None
        head = self._object_head(cue_last, sent_end)
        if head is None:
            return None
        np_start, np_end = self._phrase_bounds(head, cue_last + 1, sent_end)
        if initial and not (self._speaker_like(head) and np_end < sent_end and doc[np_end].text == ","):
            return None
        pp_end = self._phrase_end(np_end, sent_end)
        content = self._clause_around(cue_first, pp_end, sent_start, sent_end)
        if content is None:
            return None
        source_span = (doc[np_start].idx, doc[np_end - 1].idx + len(doc[np_end - 1].text))
        return Candidate(
            cue=(start, end),
            content=content,
            source=source_span,
            source_tokens=(np_start, np_end, head.i),
            lemma="",
            act=act,
            anchor=cue_first,
            confidence=0.85 if not initial else 0.6,
        )

    def _colons(self, found: list[Candidate]) -> Iterator[Candidate]:
        doc = self.doc
        claimed = sorted((c.content for c in found), key=lambda r: r[0])
        colon = self.doc.vocab.strings.add(":")
        for i in (k for k, word in enumerate(self.index.orth) if word == colon):
            token = doc[i]
            if self.quotes.is_inner(i):
                continue
            k = token.i + 1
            while k < len(doc) and doc[k].is_space:
                k += 1
            if k >= len(doc):
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
            prev = token.i - 1
            if prev >= 0 and self._match_verb(doc[prev])[0] is not None:
                continue
            speaker = self._colon_speaker(token.i)
            if speaker is None:
                continue
            content = self._trim_chars(quote.inner_start, quote.inner_end)
            if content is None or len(self.text[content[0] : content[1]].split()) < 3:
                continue
            source_span, source_tokens = self._source_span(speaker)
            yield Candidate(
                cue=(token.idx, token.idx + 1),
                content=content,
                source=source_span,
                source_tokens=source_tokens,
                lemma=":",
                act="assert",
                anchor=token.i,
                confidence=0.6,
            )

    def _headline_colon(self, colon: int, first: int) -> Candidate | None:
        """ "Sanders: Endorsements prove Clinton is the establishment's candidate": a named person or
        organisation alone before a colon, a clause after it."""
        doc = self.doc
        sent = self._sent_start[colon]
        if not 0 < colon - sent <= 6 or any(t.pos_ in {"VERB", "AUX"} for t in doc[sent:colon]):
            return None
        entity = self.speakers.entity_at(colon - 1)
        if entity is None or entity.kind not in {"person", "organisation"}:
            return None
        limit = self._sent_end[colon]
        if not any(t.pos_ in {"VERB", "AUX"} for t in doc[first:limit]) or "?" in doc[limit - 1].text:
            return None  # no clause, or a question: nothing is claimed
        content = self._finish_content(first, limit - 1, colon)
        head = doc[colon - 1]
        source_span, source_tokens = self._source_span(head)
        if content is None or source_span is None:
            return None
        return Candidate(
            cue=(doc[colon].idx, doc[colon].idx + 1),
            content=content,
            source=source_span,
            source_tokens=source_tokens,
            lemma=":",
            act="assert",
            anchor=colon,
            confidence=0.5,
        )

    def _colon_speaker(self, colon: int) -> Token | None:
        """The speaker before a colon: a bare noun phrase ("Le ministre :"), or the subject of the clause."""
        doc = self.doc
        sent = self._sent_start[colon]
        if colon - sent < 1:
            return None
        window = doc[sent:colon]
        verbs = [t for t in window if t.pos_ in {"VERB", "AUX"}]
        if not verbs:
            heads = [t for t in window if t.head.i == t.i or not (sent <= t.head.i < colon)]
            head = next((t for t in heads if t.pos_ in SPEAKER_POS), None)
            return head if head is not None and self._speaker_like(head) else None
        root = next((t for t in window if t.head.i == t.i or not (sent <= t.head.i < colon)), None)
        if root is None:
            return None
        subject = next((c for c in root.children if c.dep_ in SUBJECT_DEPS and c.i < colon), None)
        if subject is not None and self._speaker_like(subject):
            return subject
        return None
