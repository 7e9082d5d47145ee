"""Verbal cues: "X a déclaré que P", '"P," said X', "..., a-t-il ajouté", "est accusé de P".

A token is a cue when its lemma (or, where taggers stumble, a lemma guessed from its ending) is in the
lexicon; reflexive and multi-word entries are checked on the neighbouring tokens. The verb group (with
auxiliaries, negation, inverted clitics) is the cue span. The construction decides the rest: inverted
cues take the content before them and the subject after; others take the content after them and the
subject before (or inherited, for participles and coordinated verbs); passives take their agent or no
source at all.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.symbols import ADV as ADV_POS
from spacy.symbols import AUX, DET, NOUN, PROPN, SCONJ, VERB
from spacy.tokens import Token

from kgbuild.extractors.content import ContentRules
from kgbuild.extractors.lexicon import VerbCue, fold
from kgbuild.extractors.scene import (
    AUX_DEPS,
    CLAUSE_DEPS,
    MISTAGGED,
    OBJECT_DEPS,
    PASSIVE_AUX_DEPS,
    PASSIVE_SUBJECT_DEPS,
    REFLEXIVE_DEPS,
    REFLEXIVE_WORDS,
    SENTENCE_END,
    SPEAKER_POS,
    SUBJECT_DEPS,
    Candidate,
    cut_span,
    spans_overlap,
)

RELAY_DEPS = {"advcl", "acl", "acl:relcl", "relcl", "conj", "xcomp"}


class VerbRules(ContentRules):
    def _cue_positions(self) -> Iterator[int]:
        """Tokens worth a closer look: a cue lemma, or a verb whose lemma may be wrong."""
        heads = self.parts.cue_heads
        guess = bool(self.lex.lemma_suffixes)
        verb = VERB
        lemmas, pos, orth = self.index.lemma, self.index.pos, self.index.orth
        clitics = self.parts.clitic_ids
        last = len(lemmas) - 1
        for i, lemma in enumerate(lemmas):
            if (
                lemma in heads
                or (guess and pos[i] == verb)
                or (i < last and orth[i + 1] in clitics)
                or (guess and pos[i] in MISTAGGED and self._verb_context(i))
                or orth[i] in self.parts.form_ids
            ):
                yield i

    def _verb_context(self, i: int) -> bool:
        """True when the words around token ``i`` say it is a verb, whatever its tag ("comme le rapporte",
        "« ... », analyse X", "il précise")."""
        if i == 0:
            return False
        orth, pos = self.index.orth, self.index.pos
        prev = orth[i - 1]
        if pos[i - 1] == AUX or prev in self.parts.context_ids:
            return True
        if prev in self.parts.object_clitic_ids and i > 1 and orth[i - 2] in self.parts.comparative_ids:
            return True  # "comme le rapporte": "le" is a pronoun here, not the article of "l'accusé"
        if orth[i] in self.parts.form_ids and pos[i - 1] in {NOUN, PROPN} and i + 1 < len(orth):
            return pos[i + 1] in {AUX, VERB, SCONJ, DET}  # "Le ministre dément avoir ..."
        return prev == self.parts.comma_id and i > 1 and self.quotes.closing(i - 2) >= 0

    def _match_verb(self, token: Token) -> tuple[VerbCue | None, int]:
        pos = token.pos_
        inverted = token.i + 1 < len(self.doc) and self._is_clitic(self.doc[token.i + 1])
        if pos != "AUX" and (inverted or (self.lex.lemma_suffixes and self._verb_context(token.i))):
            pos = "VERB"  # taggers stumble on "estime-t-il", "comme le rapporte": the context tells
        if pos not in {"VERB", "AUX"} and not (
            pos in {"ADJ", "NOUN"} and "Part" in token.morph.get("VerbForm", [])
        ):
            return None, token.i
        lemma = fold(token.lemma_)
        cue, end = self._cue_for_lemma(token, lemma, pos)
        form = self.lex.verb_forms.get(fold(token.text))
        if cue is None and form is not None and pos != "AUX":
            cue, end = self._cue_for_lemma(token, form, pos)
        if cue is None and self.lex.lemma_suffixes and pos != "AUX":
            word = fold(token.text)
            for suffix, ending in self.lex.lemma_suffixes:
                if word.endswith(suffix) and len(word) > len(suffix) + 2:
                    guess = word[: -len(suffix)] + ending
                    if guess != lemma:
                        cue, end = self._cue_for_lemma(token, guess, pos)
                    break
        return cue, end

    def _cue_for_lemma(self, token: Token, lemma: str, pos: str) -> tuple[VerbCue | None, int]:
        for cue in self.lex.verb_cues(lemma):
            if pos == "AUX" and not cue.tail:
                continue
            if cue.reflexive and not has_reflexive(token):
                continue
            end = token.i
            if cue.tail:
                end = self._match_tail(token.i, cue.tail)
                if end < 0:
                    continue
            return cue, end
        return None, token.i

    def _match_tail(self, i: int, tail: Sequence[str]) -> int:
        """Index of the last token of ``tail`` after token ``i`` (skipping adverbs), or -1."""
        index = self.index
        text, idx, ends, pos, lemma = index.text, index.idx, index.end, index.pos, index.lemma
        strings = self.doc.vocab.strings
        n = len(idx)
        k = i + 1
        matched = i
        for word in tail:
            while k < n and pos[k] == ADV_POS and fold(text[idx[k] : ends[k]]) != word and k - i < 4:
                k += 1
            if k >= n:
                return -1
            if word != fold(text[idx[k] : ends[k]]) and word != fold(strings[lemma[k]]):
                return -1
            matched = k
            k += 1
        return matched

    def _verbal(self, verb: Token, cue: VerbCue, tail_end: int) -> list[Candidate]:
        doc = self.doc
        start, end, negated, passive = self._verb_group(verb, tail_end)
        if self.lex.strict_reflexives and not cue.reflexive and has_reflexive(verb):
            return []  # "s'explique", "se trouve": another verb than the cue
        if passive and has_reflexive(verb) and not self._agent(verb):
            passive = False  # "s'est justifiée": French pronominal verbs take "être" without being passive
        if self._infinitive_complement(verb) and cue.lemma not in self.lex.relay_verbs:
            return []  # "a indiqué avoir vu", "wants to see": the governing verb is the cue
        if self._describing_participle(verb):
            return []  # "des vidéos montrant X": a participle describing a thing
        clitic = self._clitic(start, end)
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        expletive = next(
            (
                c
                for c in verb.children
                if c.dep_ in {"expl:subj", "expl"} and c.i < start and fold(c.text) not in REFLEXIVE_WORDS
            ),
            None,
        )
        # parsers call many a personal "il" expletive: it is one only with a passive, a reflexive or a
        # verb that is impersonal anyway ("il est reproché à", "il se dit que", "il semble que")
        impersonal = expletive is not None and (
            passive or has_reflexive(verb) or fold(verb.lemma_) in self.lex.impersonal_verbs
        )
        if expletive is not None and not impersonal and expletive.dep_ == "expl:subj":
            subjects.append(expletive)
        if fold(verb.lemma_) in self.lex.impersonal_verbs and any(
            fold(s.text) in self.lex.impersonal_subjects for s in subjects
        ):
            impersonal, subjects = True, []  # "il semblerait que": nobody speaks
        pre = next((c for c in subjects if c.i < start), None)
        post = next((c for c in subjects if c.i >= end), None)
        if pre is None and post is None and not passive and not impersonal and clitic is None:
            pre = self._subject_before(start)
        left_anchor = start
        if pre is not None:
            bounds = self._np_bounds(pre)
            if impersonal or max(bounds[1], pre.right_edge.i + 1) < start - 1:
                pre = None  # a subject across punctuation is a parse error around an inverted cue
            elif self.lex.subject_first_incise:
                left_anchor = bounds[0]

        comparative = self._comparative(start)
        incise = (
            comparative < 0
            and self._incise_left(left_anchor)
            and (
                clitic is not None
                or post is not None
                or pre is None
                or left_anchor != start
                or not self.lex.subject_first_incise
            )
            and self._only_subject_right(verb, end)
            and (left_anchor == start or not self._has_object(verb, end))
        )
        source: Token | None
        spans_cue = False
        inherits = False
        if comparative >= 0:
            # "comme le rapporte Le Monde, P" / "P, as the Times reported"
            source = post or pre or self._inverted_subject(verb, end)
            after = end
            if source is not None and source.i >= end:
                after = self._phrase_bounds(source, end, self._sent_end[verb.i])[1]
            content = self._clause_around(
                comparative,
                self._phrase_end(after, self._sent_end[verb.i]),
                self._sent_start[verb.i],
                self._sent_end[verb.i],
            )
            start = comparative
        elif incise:
            content = self._content_left(left_anchor)
            if passive:
                source = self._agent(verb)
            elif clitic is not None:
                source = clitic
            elif post is not None:
                source = post
            elif left_anchor != start:
                source = pre
            else:
                source = self._inverted_subject(verb, end)
            if content is not None:
                joined = self._continued_quote(content, verb, source, end)
                spans_cue = joined[0] < doc[start].idx < joined[1]
                content = joined
        else:
            content = self._content_right(verb, end)
            if content is None and verb.pos_ not in {"VERB", "AUX"} and end < self._sent_end[verb.i]:
                # a verb the tagger misread has no parse to follow: take the rest of the clause
                content = self._finish_content(end, self._clause_end(end, verb.i), verb.i)
            if passive:
                source = self._agent(verb)
            elif impersonal:
                source = None
            else:
                source = clitic or pre or post
                if source is None and (self._non_finite(verb) or self._after_conjunction(start)):
                    # "..., assurant que P", "X a confirmé P, mais a déploré Q": the speaker of the cue
                    # before it in the sentence (the parse often hangs them on the wrong verb)
                    inherits = True
                source = source or self._inherited_subject(verb)
                if source is None and not self._non_finite(verb):
                    source = self._subject_before(start)
        if passive and source is None and fold(verb.lemma_) not in self.lex.sourceless:
            return []  # "a été condamné à": a passive that attributes nothing
        if negated and cue.act in {"assert", "report"} and not incise:
            return []  # "n'a pas précisé quel ...": nothing is claimed
        if cue.weak and content is not None and not incise and not self._clausal_content(verb, content, end):
            return []  # "veut un vélo", "espère voir": weak cues need a clause or a quote
        pending = False
        if content is None:
            if cue.lemma not in self.lex.relay_verbs or verb.dep_ not in RELAY_DEPS:
                return []
            content, pending = (verb.idx, verb.idx), True  # "en se référant à des sources": see chains
        if (
            verb.dep_ in {"acl", "amod"}
            and passive
            and source is None
            and not self._has_complement(verb, end)
        ):
            return []  # "une opposition connue ou attestée": an adjective, not a cue
        if source is not None and source.dep_.startswith("expl") and impersonal:
            source = None
        inner = self.quotes.is_inner(verb.i)
        if inner and (
            not self.nested or source is None or fold(source.text).lstrip("-") in self.lex.speaker_pronouns
        ):
            return []  # the quoted speaker's own "je pense que ...": part of what is quoted
        if cue.weak and (source is None or not self._speaker_like(source)):
            return []
        if source is None and not passive and not impersonal:
            confidence = 0.4
        else:
            confidence = 0.85 if not cue.weak else 0.6
        cue_span = (doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))
        source_span, source_tokens = self._source_span(source, avoid=(start, end))
        if source_span is None and (passive or impersonal):
            source_span, source_tokens = self._document_source(verb, end)
        for other in (source_span, cue_span):
            if spans_cue or pending:
                break  # '"A," she said. "B."' joined on purpose, or content to come from a chain
            if other is not None and spans_overlap(other, content):
                cut = cut_span(content, other)
                if cut is None:
                    return []
                content = cut
        cand = Candidate(
            cue=cue_span,
            content=content,
            source=source_span,
            source_tokens=source_tokens,
            lemma=cue.lemma,
            act=cue.act,
            anchor=verb.i,
            negated=negated or cue.act == "deny",
            confidence=confidence,
            verb=verb,
            pending=pending,
            inherits=inherits,
        )
        cand.group_end = end
        return [cand]

    def _verb_group(self, verb: Token, tail_end: int) -> tuple[int, int, bool, bool]:
        """[start, end) of the cue's verb group, whether it is negated, whether it is passive."""
        start, end = verb.i, max(verb.i, tail_end) + 1
        negated = passive = False
        for child in verb.children:
            dep = child.dep_
            if dep in AUX_DEPS and child.i < verb.i and (child.pos_ in {"AUX", "PART"} or child.tag_ == "MD"):
                start = min(start, child.i)
                passive = passive or dep in PASSIVE_AUX_DEPS
            elif dep in PASSIVE_SUBJECT_DEPS and not self._is_clitic(child):
                passive = True
            elif (
                dep == "neg" or "Neg" in child.morph.get("Polarity", [])
            ) and verb.i - 4 <= child.i <= verb.i + 2:
                if child.i > verb.i and not any(
                    "Neg" in c.morph.get("Polarity", []) and c.i < verb.i for c in verb.children
                ):
                    continue  # "assurant ne rien savoir": the negation belongs to the content
                negated = True
                start = min(start, child.i)
                end = max(end, child.i + 1) if child.i > verb.i else end
            elif child.lower_ in REFLEXIVE_WORDS and dep in REFLEXIVE_DEPS and verb.i - 3 <= child.i < verb.i:
                start = min(start, child.i)
            elif dep == "prt" and child.i > verb.i:
                end = max(end, child.i + 1)
        if verb.dep_ in {"acl", "amod"} and not any(c.dep_ in AUX_DEPS for c in verb.children):
            # an adjectival past participle: "cité par X", "considéré comme", "accusé de"
            passive = (
                passive
                or verb.tag_ == "VBN"
                or ("Part" in verb.morph.get("VerbForm", []) and "Past" in verb.morph.get("Tense", []))
            )
        k = end
        while k < len(self.doc) and k < end + 3 and self._is_clitic(self.doc[k]):
            end = k + 1
            k += 1
        k = start - 1
        while k > 0 and start - k <= 2 and self._is_clitic(self.doc[k]):
            k -= 1
        if k < start - 1 and self.doc[k].pos_ == "AUX":
            start = k  # "a-t-il ajouté" parsed with the auxiliary elsewhere
        if start > 0 and fold(self.doc[start - 1].text) in self.lex.gerund_markers and self._non_finite(verb):
            start -= 1  # "en se référant à": the gerund's "en" belongs to the cue
        return start, end, negated, passive

    def _comparative(self, start: int) -> int:
        """Index of "comme"/"as" just before a verb group ("comme le rapporte X"), or -1."""
        k = start - 1
        if k >= 0 and fold(self.doc[k].text) in self.lex.object_clitics:
            k -= 1
        if k >= 0 and fold(self.doc[k].text) in self.lex.comparatives:
            return k
        return -1

    def _clitic(self, start: int, end: int) -> Token | None:
        """The inverted subject pronoun inside a verb group ("a-t-il dit", "estime-t-elle")."""
        for k in range(start, end):
            token = self.doc[k]
            if self._is_clitic(token) and fold(token.text) != "-t":
                return token
        return None

    def _has_complement(self, verb: Token, end: int) -> bool:
        """An adjectival participle used as a cue has what is said after it: "considéré comme X",
        "accusé de X", "cited as"."""
        if end >= len(self.doc):
            return False
        nxt = self.doc[end]
        return fold(nxt.text) in self.lex.participle_links or nxt.dep_ in CLAUSE_DEPS

    def _subject_before(self, start: int) -> Token | None:
        """The nearest noun phrase before the verb group, when the parser gave the verb no subject ("A
        chaque fois Moscou a rejeté ...", "ses avocats, Me A et Me B, ont indiqué ...")."""
        doc = self.doc
        lowest = max(self._sent_start[start], start - 15)
        k = start - 1
        while k >= lowest:
            token = doc[k]
            if token.text in {"-", "—", "–", ")"} and k == start - 1:
                k = self._parenthesis_start(k, lowest) - 1  # "Les sénateurs -qui ont sondé des élus- prônent"
                continue
            if token.is_punct and token.text not in {":", ";"} and token.text not in SENTENCE_END:
                k -= 1
                continue
            if self.quotes.is_inner(k) and not self._short_quote(k):
                return None
            if token.pos_ not in {"PROPN", "NOUN"}:
                if token.pos_ in {"DET", "ADJ", "NUM", "CCONJ", "ADP"}:
                    k -= 1
                    continue
                return None
            for _ in range(4):  # up to the head of the phrase: "le directeur de la police" -> "directeur"
                phrase_part = token.dep_ in {
                    "flat:name",
                    "flat",
                    "compound",
                    "fixed",
                    "appos",
                    "conj",
                    "amod",
                }
                complement = token.dep_ == "nmod" and any(c.dep_ in {"case", "prep"} for c in token.children)
                if (phrase_part or complement) and lowest <= token.head.i < token.i:
                    token = token.head
                else:
                    break
            if any(c.dep_ in {"case", "prep"} for c in token.children) or token.head.pos_ == "ADP":
                return None
            return token
        return None

    def _infinitive_complement(self, verb: Token) -> bool:
        """An infinitive under another verb ("a indiqué avoir vu", "refuse de reconnaître")."""
        infinitive = (
            "Inf" in verb.morph.get("VerbForm", [])
            or (verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children))
            or any(c.dep_ in AUX_DEPS and "Inf" in c.morph.get("VerbForm", []) for c in verb.children)
        )  # "dire", "to say", "avoir vu"
        return infinitive and verb.dep_ in {
            "xcomp",
            "ccomp",
            "advcl",
            "obl",
            "obl:arg",
            "acl",
            "csubj",
            "obj",
        }

    def _describing_participle(self, verb: Token) -> bool:
        """A present participle that qualifies a noun which cannot speak ("une vidéo montrant X")."""
        present = "Pres" in verb.morph.get("Tense", []) and "Part" in verb.morph.get("VerbForm", [])
        if not (present or verb.tag_ == "VBG") or verb.dep_ not in {"acl", "amod"}:
            return False
        head = verb.head
        return not self._speaker_like(head)

    def _clausal_content(self, verb: Token, content: tuple[int, int], end: int) -> bool:
        """Content that is a reported clause, a quotation or an object with an infinitive ("a appelé les
        habitants à rester"), not a bare object ("a appelé les urgences")."""
        if not self.lex.weak_needs_clause:
            return True
        quote = self.quotes.at_char(max(content[0] - 1, 0))
        if quote >= 0 and self.quotes.quotes[quote].inner_start >= content[0] - 1:
            return True  # the content opens with a quotation
        objects = [c for c in verb.children if c.dep_ in {"obj", "dobj"} and c.i >= end]
        if objects and any(
            c.dep_ == "xcomp" and c.i > objects[0].i and self._infinitive(c) for c in verb.children
        ):
            return True  # "a appelé les habitants à rester"
        k = end
        limit = min(len(self.doc), end + 12)
        while k < limit and self.doc[k].idx < content[0]:
            token = self.doc[k]
            if token.text == ":" or fold(token.text) in self.lex.complementizers:
                return True
            k += 1
        return False

    def _parenthesis_start(self, k: int, lowest: int) -> int:
        """Index of the dash or bracket that opens the parenthesis closed at token ``k`` (or ``k``)."""
        closing = self.doc[k].text
        opening = "(" if closing == ")" else closing
        for j in range(k - 1, lowest - 1, -1):
            if self.doc[j].text == opening:
                return j
        return k

    def _short_quote(self, k: int) -> bool:
        """A quoted name rather than a quotation: "Mediapart et « Le Monde » ont rapporté"."""
        quote = self.quotes.quotes[self.quotes.quote_of(k)]
        return quote.end - quote.start <= 40 and not any(
            ch in ".!?" for ch in self.text[quote.start : quote.end]
        )

    def _inherited_subject(self, verb: Token) -> Token | None:
        """The subject of the verb a participle or coordinated verb depends on ("..., assurant que P")."""
        node = verb
        for _ in range(3):
            if node.dep_ == "acl" and node.head.pos_ in SPEAKER_POS and self._non_finite(node):
                return node.head  # "Trump, disant ne pas avoir vu ..."
            if node.dep_ not in {"conj", "advcl", "xcomp"} or node.head.i == node.i:
                return None
            node = node.head
            head_start = min([node.i] + [c.i for c in node.children if c.dep_ in AUX_DEPS])
            clitic = self._clitic(head_start, node.i + 3)
            if clitic is not None:
                return clitic
            for child in node.children:
                if child.dep_ in SUBJECT_DEPS or (child.dep_ in PASSIVE_SUBJECT_DEPS and verb.dep_ == "conj"):
                    return child
            if node.dep_ in {"acl:relcl", "relcl"}:
                return None
        return None

    def _agent(self, verb: Token) -> Token | None:
        for child in verb.children:
            if child.dep_ == "obl:agent":
                return child
            if child.dep_ == "agent":
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj":
                        return grandchild
        return None

    def _document_source(
        self, verb: Token, end: int
    ) -> tuple[tuple[int, int] | None, tuple[int, int, int] | None]:
        """A document named with a sourceless cue: "est-il précisé dans un communiqué", "in a statement"."""
        for child in verb.children:
            if child.pos_ != "NOUN" or fold(child.lemma_) not in self.lex.descriptions:
                continue
            if self.lex.descriptions[fold(child.lemma_)] != "document":
                continue
            if any(fold(c.text) in {"dans", "in"} for c in child.children if c.dep_ == "case"):
                return self._source_span(child)
        return None, None

    def _inverted_subject(self, verb: Token, end: int) -> Token | None:
        """The subject written after an inverted cue: "..., a déclaré le ministre", '..., said Trump'."""
        for child in verb.rights:
            if child.i < end:
                continue
            if child.pos_ not in SPEAKER_POS | {"X", "DET"} or self._is_dative(child):
                continue
            if any(c.dep_ in {"case", "prep"} for c in child.children):
                continue
            if child.dep_ in OBJECT_DEPS | SUBJECT_DEPS | {
                "nmod",
                "appos",
                "dep",
                "obl:mod",
                "npadvmod",
                "nsubj:pass",
            }:
                if self._is_time(child):
                    continue
                return child
        sent_end = self._sent_end[verb.i]
        for k in range(end, min(sent_end, end + 10)):
            token = self.doc[k]
            if token.text in SENTENCE_END or token.text in {",", ";", "("}:
                break
            if token.pos_ in {"PROPN", "NOUN", "PRON"} and not self._is_time(token):
                cases = [
                    c
                    for c in token.children
                    if c.dep_ in {"case", "prep"} and not verb.i - 2 <= c.i <= verb.i
                ]
                if not cases and token.head.pos_ not in {"ADP"}:
                    return token
        return None

    def _only_subject_right(self, verb: Token, end: int) -> bool:
        """True when nothing after the verb group can be its content: no clausal complement, no
        complementizer, colon or quote soon after it (adjuncts, even with a verb, do not count: '"P," Mr.
        Trump said in a documentary that showed ...')."""
        for child in verb.rights:
            if child.i >= end and child.dep_ in CLAUSE_DEPS and self._clause_like(child):
                return False
        sent_end = self._sent_end[verb.i]
        for k in range(end, min(sent_end, end + 12)):
            token = self.doc[k]
            if token.text in {",", ";"} or token.text in SENTENCE_END:
                return True
            if token.text == ":" or (k < end + 3 and self.quotes.opening(k) >= 0):
                return False
            if fold(token.text) in self.lex.complementizers and token.dep_ == "mark":
                return False
        return True

    def _non_finite(self, verb: Token) -> bool:
        """Participles and infinitives take their subject from elsewhere ("..., précisant que P")."""
        form = verb.morph.get("VerbForm", [])
        return (
            bool(form and form[0] in {"Inf", "Ger"})
            or verb.tag_ in {"VBG", "VB"}
            or (bool(form) and form[0] == "Part" and "Pres" in verb.morph.get("Tense", []))
        )

    def _clause_like(self, token: Token) -> bool:
        """A verb, or a predicate with its own subject, copula or complementizer (not a mis-parsed name)."""
        return token.pos_ in {"VERB", "AUX"} or any(
            c.dep_ in {"nsubj", "cop", "mark", "aux", "aux:tense"} for c in token.children
        )

    def _has_object(self, verb: Token, end: int) -> bool:
        """An object after the verb: with its subject before it, "In July, Trump dismissed Estonia as ..."
        is not an inverted cue even after a comma."""
        return any(c.i >= end and c.dep_ in OBJECT_DEPS | CLAUSE_DEPS for c in verb.rights)


def has_reflexive(verb: Token) -> bool:
    """A reflexive pronoun with the verb ("s'alarme", "se sont dit", "s'est-il alarmé")."""
    if any(fold(c.text) in REFLEXIVE_WORDS and verb.i - 3 <= c.i < verb.i for c in verb.children):
        return True
    doc = verb.doc
    k = verb.i - 1
    while k >= 0 and doc[k].pos_ == "AUX" and verb.i - k <= 2:  # "se sont dit": past the auxiliary
        k -= 1
    return k >= 0 and fold(doc[k].text) in {"se", "s'"}
