"""Verbal cues: "X a déclaré que P", '"P," said X', "..., a-t-il ajouté", "est accusé de P".

A token is a cue when its lemma (or, where taggers stumble, a lemma guessed from its ending) is in the
lexicon; reflexive and multi-word entries are checked on the neighbouring tokens. The verb group (with
auxiliaries, negation, inverted clitics) is the cue span. The construction decides the rest: inverted
cues take the content before them and the subject after; others take the content after them and the
subject before (or inherited, for participles and coordinated verbs); passives take their agent or no
source at all.
"""

from __future__ import annotations

from collections.abc import Sequence

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
    PERSON_ENTITIES,
    REFLEXIVE_DEPS,
    SENTENCE_END,
    SPEAKER_POS,
    SUBJECT_DEPS,
    Candidate,
    cut_span,
    spans_overlap,
)

# what a noun can be to the verb a cue is coordinated with, other than its subject
_CONJUNCT_COMPLEMENTS = frozenset(
    {"obj", "dobj", "iobj", "xcomp", "obl", "obl:arg", "obl:mod", "attr", "dative"}
)
RELAY_DEPS = {"advcl", "acl", "acl:relcl", "relcl", "conj", "xcomp"}


class VerbRules(ContentRules):
    def _cue_positions(self) -> list[int]:
        """Tokens worth a closer look: a cue lemma, or a verb whose lemma may be wrong."""
        heads, forms, clitics = self.parts.cue_heads, self.parts.form_ids, self.parts.clitic_ids
        index = self.index
        orth = index.orth
        following = [*orth[1:], -1] if orth else []  # the word after each token (no string has id -1)
        found = [
            i
            for i, (lemma, word, nxt) in enumerate(zip(index.lemma, orth, following, strict=True))
            if lemma in heads or word in forms or nxt in clitics
        ]
        if not self.lex.lemma_suffixes:
            return found
        # where lemmas are guessed from endings: every verb, and words the tagger may have misread
        guessed = [
            i
            for i, pos in enumerate(index.pos)
            if pos == VERB or (pos in MISTAGGED and self._verb_context(i))
        ]
        return sorted(set(found).union(guessed))

    def _verb_context(self, i: int) -> bool:
        """True when the words around token ``i`` say it is a verb, whatever its tag ("comme le rapporte",
        "« ... », analyse X", "il précise")."""
        if i == 0:
            return False
        orth, pos = self.index.orth, self.index.pos
        prev = orth[i - 1]
        if pos[i - 1] == AUX or prev in self.parts.context_ids:
            return True
        if self.index.texts[i - 1].startswith("-"):  # "a-t-il résumé", tagged a noun
            k = i - 1
            while k > 0 and self._is_clitic(k):
                k -= 1
            if k < i - 1 and pos[k] == AUX:
                return True
        if prev in self.parts.object_clitic_ids and i > 1 and orth[i - 2] in self.parts.comparative_ids:
            return True  # "comme le rapporte": "le" is a pronoun here, not the article of "l'accusé"
        if orth[i] in self.parts.form_ids and pos[i - 1] in {NOUN, PROPN} and i + 1 < len(orth):
            return pos[i + 1] in {AUX, VERB, SCONJ, DET}  # "Le ministre dément avoir ..."
        return prev == self.parts.comma_id and i > 1 and self.quotes.closing(i - 2) >= 0

    def _match_verb(self, token: Token) -> tuple[VerbCue | None, int]:
        i = token.i
        index = self.index
        pos = index.pos_strings[i]
        inverted = i + 1 < len(index) and self._is_clitic(i + 1)
        if pos != "AUX" and (inverted or (self.lex.lemma_suffixes and self._verb_context(i))):
            pos = "VERB"  # taggers stumble on "estime-t-il", "comme le rapporte": the context tells
        elif pos == "AUX" and inverted and fold(index.lemma_of(i)) not in self.lex.auxiliaries:
            pos = "VERB"  # "lâche-t-il", "avance-t-elle" tagged as auxiliaries
        elif pos == "NOUN" and self._root_noun_with_clause(i):
            pos = "VERB"  # "Trump charges that P", "The campaign plans to ...": a noun heads no clause
        if pos not in {"VERB", "AUX"} and not (
            pos in {"ADJ", "NOUN"} and "Part" in index.morph_values(i, "VerbForm")
        ):
            return None, i
        lemma = fold(index.lemma_of(i))
        cue, end = self._cue_for_lemma(i, lemma, pos)
        form = self.lex.verb_forms.get(fold(index.texts[i]))
        if cue is None and form is not None and pos != "AUX":
            cue, end = self._cue_for_lemma(i, form, pos)
        if cue is None and self.lex.lemma_suffixes and pos != "AUX":
            word = fold(index.texts[i])
            for suffix, ending in self.lex.lemma_suffixes:
                if word.endswith(suffix) and len(word) > len(suffix) + 2:
                    guess = word[: -len(suffix)] + ending
                    if guess != lemma:
                        cue, end = self._cue_for_lemma(i, guess, pos)
                    break
        return cue, end

    def _root_noun_with_clause(self, i: int) -> bool:
        """A noun the parse made the root of its sentence, governing a clause as a verb would: the tagger
        read a verb as a plural noun ("Trump charges that P", "documents show he took")."""
        index = self.index
        deps = index.tree.dep
        if deps[i] != "ROOT":
            return False
        k = i + 1
        if k < len(index) and deps[k] == "mark" and fold(index.texts[k]) in self.lex.complementizers:
            return True  # the parse may hang "that P" on a verb inside P
        return any(
            (deps[c] in {"ccomp", "xcomp"} and index.pos_strings[c] in {"VERB", "AUX"})
            or (deps[c] == "mark" and fold(index.texts[c]) in self.lex.complementizers)
            for c in index.tree.children[i]
            if c > i
        )

    def _cue_for_lemma(self, i: int, lemma: str, pos: str) -> tuple[VerbCue | None, int]:
        for cue in self.lex.verb_cues(lemma):
            if pos == "AUX" and not cue.tail:
                continue
            if cue.reflexive and not self._has_reflexive(i):
                continue
            end = i
            if cue.tail:
                end = self._match_tail(i, cue.tail)
                if end < 0:
                    continue
            return cue, end
        return None, i

    def _match_tail(self, i: int, tail: Sequence[str]) -> int:
        """Index of the last token of ``tail`` after token ``i`` (skipping adverbs), or -1."""
        index = self.index
        texts, pos = index.texts, index.pos
        n = len(texts)
        k = i + 1
        matched = i
        for word in tail:
            while k < n and pos[k] == ADV_POS and fold(texts[k]) != word and k - i < 4:
                k += 1
            if k >= n:
                return -1
            if word != fold(texts[k]) and word != self._folded_lemma(k):
                return -1
            matched = k
            k += 1
        return matched

    def _verbal(self, verb: Token, cue: VerbCue, tail_end: int) -> list[Candidate]:
        v = verb.i
        index = self.index
        texts, deps, kids = index.texts, index.tree.dep, index.tree.children[v]
        start, end, negated, passive = self._verb_group(v, tail_end)
        if self._quoted_as(v) is not None:
            return []  # "X was quoted as saying P": read with "quoted"
        if self.lex.strict_reflexives and not cue.reflexive and self._has_reflexive(v):
            return []  # "s'explique", "se trouve": another verb than the cue
        if passive and self._has_reflexive(v) and self._agent(v) is None:
            passive = False  # "s'est justifiée": French pronominal verbs take "être" without being passive
        if self._infinitive_complement(v) and cue.lemma not in self.lex.relay_verbs:
            return []  # "a indiqué avoir vu", "wants to see": the governing verb is the cue
        if self._describing_participle(v):
            return []  # "des vidéos montrant X": a participle describing a thing
        clitic = self._clitic(start, end)
        # '"P", lui a répondu X': after a quotation or a comma, "lui" before the verb is whom it answers
        dative = next(
            (
                c
                for c in kids
                if c == start - 1
                and c > 0
                and fold(texts[c]) in self.lex.dative_clitics
                and (texts[c - 1] == "," or self.quotes.closing(c - 1) >= 0)
            ),
            None,
        )
        subjects = [c for c in kids if deps[c] in SUBJECT_DEPS and c != dative]
        if index.pos_strings[v] == "NOUN" and not subjects:
            # a verb read as a noun ("Trump charges that P"): its subject was parsed as a modifier of it
            subjects = [c for c in kids if deps[c] == "compound" and c < start][-1:]
        expletive = next(
            (
                c
                for c in kids
                if deps[c] in {"expl:subj", "expl"}
                and c < start
                and fold(texts[c]) not in self.lex.reflexive_pronouns
            ),
            None,
        )
        lemma = fold(index.lemma_of(v))
        # parsers call many a personal "il" expletive: it is one only with a passive, a reflexive or a
        # verb that is impersonal anyway ("il est reproché à", "il se dit que", "il semble que")
        impersonal = expletive is not None and (
            passive or self._has_reflexive(v) or lemma in self.lex.impersonal_verbs
        )
        if expletive is not None and not impersonal and deps[expletive] == "expl:subj":
            subjects.append(expletive)
        if lemma in self.lex.impersonal_verbs and any(
            fold(texts[s]) in self.lex.impersonal_subjects for s in subjects
        ):
            impersonal, subjects = True, []  # "il semblerait que": nobody speaks
        before = [c for c in subjects if c < start]
        pre = before[0] if before else None
        if len(before) > 1 and "," in texts[index.edges(before[0])[1] + 1 : before[-1]]:
            # "où le chômage flambe, Craig Waldman estime": the parse also gave the verb the subject of the
            # clause before the comma; the nearest is its own
            pre = before[-1]
        post = next((c for c in subjects if c >= end), None)
        if pre is not None and self._quoted_elsewhere(pre, v):
            pre = None  # '"P, these are the conditions", argued the comedian': a word of the quotation
        parsed_pre = pre
        if (
            pre is None
            and post is None
            and not passive
            and not impersonal
            and clitic is None
            and not self._adverbial_participle(v)
        ):
            pre = self._subject_before(start)
            if pre is not None and self._previous_conjunct_object(v, pre):
                pre = None  # "le Royaume-Uni a mis en cause la France et promis": not France's promise
        left_anchor = start
        stressed = False
        if pre is not None:
            bounds = self._np_bounds(pre)
            reach = max(bounds[1], index.edges(pre)[1] + 1)
            stressed = reach < start - 1 and self._stressed_pronoun(reach, start)
            if impersonal or (reach < start - 1 and not stressed):
                pre = None  # a subject across punctuation is a parse error around an inverted cue
            elif self.lex.subject_first_incise:
                left_anchor = bounds[0]

        comparative = self._comparative(start)
        incise = (
            comparative < 0
            and not stressed
            and self._incise_left(left_anchor if dative is None else dative)
            and (
                clitic is not None
                or post is not None
                or pre is None
                or left_anchor != start
                or not self.lex.subject_first_incise
            )
            # '"P", a ajouté le chanteur, qui a aussi rencontré X': after a quotation, a clause that follows
            # the speaker is about the speaker, not what was said
            and (self._only_subject_right(v, end) or self._after_quotation(left_anchor))
            and (left_anchor == start or not self._has_object(v, end))
            # "La ministre, Claire Vasseur, a annoncé l'ouverture de ...": subject, verb, object, no incise
            and not (
                left_anchor == start
                and pre is not None
                and pre == parsed_pre
                and clitic is None
                and post is None
                and self._appositive_subject(pre, start)
                and self._thing_object(v, end)
            )
            # "..., qualifiant le premier pour la finale": a participle's words follow it
            and not self._present_participle(v)
        )
        source: int | None  # token index
        spans_cue = False
        inherits = False
        if comparative >= 0:
            # "comme le rapporte Le Monde, P" / "P, as the Times reported"
            source = _first(post, pre)
            if source is None:
                source = self._inverted_subject(v, end)
            after = end
            if source is not None and source >= end:
                after = self._phrase_bounds(source, end, self._sent_end[v])[1]
            content = self._clause_around(
                comparative,
                self._phrase_end(after, self._sent_end[v]),
                self._sent_start[v],
                self._sent_end[v],
            )
            start = comparative
        elif incise:
            content = self._content_left(left_anchor if dative is None else dative)
            if passive:
                source = self._agent(v)
            elif clitic is not None:
                source = clitic
            elif post is not None:
                source = post
            elif left_anchor != start:
                source = pre
            else:
                source = self._inverted_subject(v, end)
            if content is not None:
                joined = self._continued_quote(content, v, source, end)
                spans_cue = joined[0] < index.idx[start] < joined[1]
                content = joined
        else:
            content = self._content_right(v, end)
            if content is None and index.pos_strings[v] not in {"VERB", "AUX"} and end < self._sent_end[v]:
                # a verb the tagger misread has no parse to follow: take the rest of the clause
                content = self._finish_content(end, self._clause_end(end, v), v)
            if passive:
                source = self._agent(v)
            elif impersonal:
                source = None
            else:
                source = _first(clitic, pre, post, self._qualified_noun(v))
                fronted = self._fronted_clause_subject(v) if source is None else None
                if fronted is not None:
                    # "Après avoir affirmé que P, le maire a reconnu Q": P stops at the comma, and the
                    # subject of the main clause is the speaker
                    source, comma = fronted
                    if content is not None and content[1] > index.idx[comma]:
                        content = (content[0], index.end[comma - 1])
                if source is None and (self._non_finite(v) or self._after_conjunction(start)):
                    # "..., assurant que P", "X a confirmé P, mais a déploré Q": the speaker of the cue
                    # before it in the sentence (the parse often hangs them on the wrong verb)
                    inherits = True
                if source is None:
                    source = self._inherited_subject(v)
                if source is None and not self._non_finite(v):
                    source = self._subject_before(start)
        if source is not None and index.head[source] == v and self._negative_subject(source):
            return []  # "rien ne met en cause les salariés": nobody is said to claim anything
        said = self._said_as(v) if passive else None
        if said is not None:
            # "X was quoted (by Reuters) as saying P": X speaks; the cue runs to "saying"
            source, end = said[1], said[0] + 1
            content = self._content_right(said[0], end)
        if passive and source is None and lemma not in self.lex.sourceless:
            return []  # "a été condamné à": a passive that attributes nothing
        if negated and cue.act in {"assert", "report"} and not incise:
            return []  # "n'a pas précisé quel ...": nothing is claimed
        needs_clause = (cue.weak and self.lex.weak_needs_clause) or cue.lemma in self.lex.clause_verbs
        if (
            needs_clause
            and content is not None
            and not incise
            and not self._clausal_content(v, content, end, cue.act)
        ):
            return []  # "veut un vélo", "espère voir": weak cues need a clause or a quote
        if needs_clause and content is not None and incise and not self._said_content(content):
            return []  # "Le candidat, soutenu par une partie de l'opposition, ...": support, not words
        if (
            content is not None
            and not incise
            and cue.act in {"assert", "report"}
            and self._addressee_only(content)
        ):
            return []  # "répondre aux questions", "répond aux injonctions": to whom, not what
        if not incise and self._other_sense(v, cue.lemma):
            return []
        pending = False
        if content is None:
            if cue.lemma not in self.lex.relay_verbs or deps[v] not in RELAY_DEPS:
                return []
            content, pending = (
                (index.idx[v], index.idx[v]),
                True,
            )  # "en se référant à des sources": see chains
        if deps[v] in {"acl", "amod"} and passive and source is None and not self._has_complement(v, end):
            return []  # "une opposition connue ou attestée": an adjective, not a cue
        if cue.act == "demand" and self._bare_participle(v) and not self._demand_follows(v, end):
            return []  # "invité de la matinale", "invité dans l'émission": a guest, not a call
        if source is not None and deps[source].startswith("expl") and impersonal:
            source = None
        inner = self.quotes.is_inner(v)
        if inner and (
            not self.nested or source is None or fold(texts[source]).lstrip("-") in self.lex.speaker_pronouns
        ):
            return []  # the quoted speaker's own "je pense que ...": part of what is quoted
        if cue.weak and (source is None or not self._speaker_like(source)):
            return []
        if source is None and not passive and not impersonal:
            confidence = 0.4
        else:
            confidence = 0.85 if not cue.weak else 0.6
        cue_span = (index.idx[start], index.end[end - 1])
        source_span, source_tokens = self._source_span(source, avoid=(start, end))
        if source is not None and source >= end and source_tokens is not None:
            source_span, source_tokens = self._without_outlet(source_span, source_tokens)
        if source_span is None and (passive or impersonal):
            source_span, source_tokens = self._document_source(v, end)
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
            anchor=v,
            negated=negated or cue.act == "deny",
            confidence=confidence,
            verb=verb,
            pending=pending,
            inherits=inherits,
        )
        cand.group_end = end
        return [cand]

    def _verb_group(self, verb: int, tail_end: int) -> tuple[int, int, bool, bool]:
        """[start, end) of the cue's verb group, whether it is negated, whether it is passive."""
        index = self.index
        deps, kids = index.tree.dep, index.tree.children[verb]
        pos, tags, lowers, morph = (
            index.pos_strings,
            index.tag_strings,
            index.lower_strings,
            index.morph_values,
        )
        start, end = verb, max(verb, tail_end) + 1
        negated = passive = False
        for child in kids:
            dep = deps[child]
            if dep in AUX_DEPS and child < verb and (pos[child] in {"AUX", "PART"} or tags[child] == "MD"):
                start = min(start, child)
                passive = passive or dep in PASSIVE_AUX_DEPS
            elif dep in PASSIVE_SUBJECT_DEPS and not self._is_clitic(child):
                passive = True
            elif (dep == "neg" or "Neg" in morph(child, "Polarity")) and verb - 4 <= child <= verb + 2:
                if child > verb and not any("Neg" in morph(c, "Polarity") and c < verb for c in kids):
                    continue  # "assurant ne rien savoir": the negation belongs to the content
                negated = True
                start = min(start, child)
                end = max(end, child + 1) if child > verb else end
            elif (
                lowers[child] in self.lex.reflexive_pronouns
                and dep in REFLEXIVE_DEPS
                and verb - 3 <= child < verb
            ):
                start = min(start, child)
            elif dep == "prt" and child > verb:
                end = max(end, child + 1)
        if deps[verb] in {"acl", "amod"} and not any(deps[c] in AUX_DEPS for c in kids):
            # an adjectival past participle: "cité par X", "considéré comme", "accusé de"
            passive = (
                passive
                or tags[verb] == "VBN"
                or ("Part" in morph(verb, "VerbForm") and "Past" in morph(verb, "Tense"))
            )
        k = end
        while k < len(index) and k < end + 3 and self._is_clitic(k):
            end = k + 1
            k += 1
        k = start - 1
        while k > 0 and start - k <= 2 and self._is_clitic(k):
            k -= 1
        if k < start - 1 and pos[k] == "AUX":
            start = k  # "a-t-il ajouté" parsed with the auxiliary elsewhere
            # ... and so not an adjectival participle: "a-t-elle avoué" is active, "est-il accusé" passive
            passive = passive and fold(index.lemma_of(k)) in self.lex.passive_auxiliaries
        if start > 0 and fold(index.texts[start - 1]) in self.lex.gerund_markers and self._non_finite(verb):
            start -= 1  # "en se référant à": the gerund's "en" belongs to the cue
        return start, end, negated, passive

    def _comparative(self, start: int) -> int:
        """Index of "comme"/"as" just before a verb group ("comme le rapporte X"), or -1."""
        texts = self.index.texts
        k = start - 1
        if k >= 0 and fold(texts[k]) in self.lex.object_clitics:
            k -= 1
        if k >= 0 and fold(texts[k]) in self.lex.comparatives:
            return k
        return -1

    def _clitic(self, start: int, end: int) -> int | None:
        """The inverted subject pronoun inside a verb group ("a-t-il dit", "estime-t-elle")."""
        for k in range(start, end):
            if self._is_clitic(k) and fold(self.index.texts[k]) != "-t":
                return k
        return None

    def _addressee_only(self, content: tuple[int, int]) -> bool:
        """Whether a content is only a phrase in "à"/"to" (the addressee or the topic answered), not
        quoted."""
        index = self.index
        tokens = index.char_tokens(*content)
        if not tokens or self.quotes.at_char(content[0]) >= 0:
            return False
        return fold(index.texts[tokens.start]) in self.lex.dative_cases and index.pos_strings[
            index.root(tokens)
        ] in {
            "NOUN",
            "PROPN",
            "PRON",
        }

    def _without_outlet(
        self, span: tuple[int, int] | None, tokens: tuple[int, int, int]
    ) -> tuple[tuple[int, int] | None, tuple[int, int, int]]:
        """An inverted subject without the outlet the parser hung on it ('"P", a déclaré le ministre à
        l'AFP': the minister speaks, to AFP, which relays it)."""
        index = self.index
        start, end, head = tokens
        outlet = self._outlet_hung_on(head)
        if outlet is None:
            return span, tokens
        cut = index.edges(outlet)[0]
        while cut > start + 1 and (index.is_punct[cut - 1] or index.is_space[cut - 1]):
            cut -= 1
        if not start < cut < end:
            return span, tokens
        return (index.idx[start], index.end[cut - 1]), (start, cut, head)

    def _outlet_hung_on(self, head: int) -> int | None:
        """An organisation addressed in a phrase the parser hung on the noun ``head`` ("le ministre à
        l'AFP", "le maire au Parisien"), or None."""
        return next((c for c in self.index.tree.children[head] if c > head and self._is_outlet(c)), None)

    def _bare_participle(self, verb: int) -> bool:
        """A past participle with no auxiliary: used as an adjective or a dangling modifier."""
        index = self.index
        deps = index.tree.dep
        return (
            deps[verb] != "conj"  # "ont crié ... ou appelé à": the auxiliary is the first verb's
            and "Part" in index.morph_values(verb, "VerbForm")
            and "Past" in index.morph_values(verb, "Tense")
            and not any(deps[c] in AUX_DEPS for c in index.tree.children[verb])
        )

    def _demand_follows(self, verb: int, end: int) -> bool:
        """Whether a demand participle says what is asked ("invités à rester", "invités par le préfet à
        la prudence", "priés de partir", "urged to leave"): a clause, an infinitive, or "à"/"to"."""
        index = self.index
        deps, children, texts = index.tree.dep, index.tree.children, index.texts
        markers = self.lex.demand_markers
        if fold(texts[end - 1]) in markers:  # the cue's own "appelé à"
            return True
        for child in children[verb]:
            if child < end:
                continue
            if deps[child] in CLAUSE_DEPS or deps[child] == "xcomp":
                return True
            if any(deps[c] in {"case", "mark", "aux"} and fold(texts[c]) in markers for c in children[child]):
                return True
        return end < len(index) and fold(texts[end]) in markers

    def _has_complement(self, verb: int, end: int) -> bool:
        """An adjectival participle used as a cue has what is said after it: "considéré comme X",
        "accusé de X", "cited as"."""
        index = self.index
        if end >= len(index):
            return False
        return fold(index.texts[end]) in self.lex.participle_links or index.tree.dep[end] in CLAUSE_DEPS

    def _subject_before(self, start: int) -> int | None:
        """The nearest noun phrase before the verb group, when the parser gave the verb no subject ("A
        chaque fois Moscou a rejeté ...", "ses avocats, Me A et Me B, ont indiqué ...")."""
        index = self.index
        texts, pos, punct, heads = index.texts, index.pos_strings, index.is_punct, index.head
        deps, children = index.tree.dep, index.tree.children
        lowest = max(self._sent_start[start], start - 15)
        k = start - 1
        while k >= lowest:
            text = texts[k]
            if text in {"-", "—", "–", ")"} and k == start - 1:
                k = self._parenthesis_start(k, lowest) - 1  # "Les sénateurs -qui ont sondé des élus- prônent"
                continue
            if punct[k] and text not in {":", ";"} and text not in SENTENCE_END:
                k -= 1
                continue
            if self.quotes.is_inner(k) and not self._short_quote(k):
                return None
            if pos[k] not in {"PROPN", "NOUN"}:
                if pos[k] in {"DET", "ADJ", "NUM", "CCONJ", "ADP"}:
                    k -= 1
                    continue
                return None
            token = k
            for _ in range(4):  # up to the head of the phrase: "le directeur de la police" -> "directeur"
                phrase_part = deps[token] in {
                    "flat:name",
                    "flat",
                    "compound",
                    "fixed",
                    "appos",
                    "conj",
                    "amod",
                }
                complement = deps[token] == "nmod" and any(
                    deps[c] in {"case", "prep"} for c in children[token]
                )
                if (phrase_part or complement) and lowest <= heads[token] < token:
                    token = heads[token]
                else:
                    break
            if any(deps[c] in {"case", "prep"} for c in children[token]) or pos[heads[token]] == "ADP":
                return None
            return token
        return None

    def _previous_conjunct_object(self, verb: int, noun: int) -> bool:
        """Whether ``noun``, found before the coordinated ``verb``, is a complement of the verb it is
        coordinated with ("ont crié « liberté » ou appelé à": "liberté" is what was shouted), or lies deeper
        in that verb's words ("recommande de quitter Paris avant 14 heures vendredi et souligne que")."""
        deps, heads = self.index.tree.dep, self.index.head
        verb = self._conjunct_of(verb)
        if deps[verb] != "conj":
            return False
        first = heads[verb]
        # the parser may also hang the second verb on the object itself ("a mis en cause l'exploitant et
        # promis de ...")
        if first in {heads[noun], noun} and deps[noun] in _CONJUNCT_COMPLEMENTS:
            return True
        k = noun
        for _ in range(6):
            if k == first:
                return first < noun
            if heads[k] == k or deps[k] in SUBJECT_DEPS:
                return False
            k = heads[k]
        return False

    def _after_quotation(self, start: int) -> bool:
        """Whether the verb group at ``start`` comes right after a quoted sentence (not a quoted title such as
        'The spot, titled "Arrogant," features ...'), and a comma."""
        k = start - 1
        if k >= 0 and self.index.texts[k] == ",":
            k -= 1
        q = self.quotes.closing(k) if k >= 0 else -1
        if q < 0:
            return False
        quote = self.quotes.quotes[q]
        return len(self.text[quote.inner_start : quote.inner_end].split()) >= 4

    def _conjunct_of(self, verb: int) -> int:
        """The coordinated verb a cue verb belongs to: "fait" of "et fait savoir" hangs on "savoir"."""
        deps, heads = self.index.tree.dep, self.index.head
        head = heads[verb]
        if deps[verb] in {"dep", "fixed", "aux:caus"} and head > verb and deps[head] == "conj":
            return head
        return verb

    def _infinitive_complement(self, verb: int) -> bool:
        """An infinitive under another verb ("a indiqué avoir vu", "refuse de reconnaître")."""
        index = self.index
        deps, kids, morph = index.tree.dep, index.tree.children[verb], index.morph_values
        infinitive = (
            "Inf" in morph(verb, "VerbForm")
            or (
                index.tag_strings[verb] == "VB"
                and any(
                    deps[c] == "aux" and index.lower_strings[c] in self.lex.infinitive_markers for c in kids
                )
            )
            or any(deps[c] in AUX_DEPS and "Inf" in morph(c, "VerbForm") for c in kids)
        )  # "dire", "to say", "avoir vu"
        if (
            infinitive
            and deps[verb] == "advcl"
            and any(deps[c] == "mark" and fold(index.texts[c]) in self.lex.sequence_markers for c in kids)
        ):
            return False  # "a salué leur travail, avant d'ajouter que P": the speaker goes on
        return infinitive and deps[verb] in {
            "xcomp",
            "ccomp",
            "advcl",
            "obl",
            "obl:arg",
            "acl",
            "csubj",
            "obj",
        }

    def _describing_participle(self, verb: int) -> bool:
        """A present participle that qualifies a noun which cannot speak ("une vidéo montrant X")."""
        noun = self._participle_of(verb)
        return noun is not None and not self._speaker_like(noun)

    def _quoted_as(self, verb: int) -> int | None:
        """The passive verb of "X was quoted as saying P" when ``verb`` is its "saying", else None."""
        index = self.index
        marker = index.head[verb]
        if (
            index.tree.dep[verb] not in {"pcomp", "advcl"}
            or fold(index.texts[marker]) not in self.lex.comparatives
        ):
            return None
        passive = index.head[marker]
        return passive if self._said_as(passive) is not None else None

    def _said_as(self, passive: int) -> tuple[int, int] | None:
        """(the verb of saying, the speaker) of "X was quoted as saying P" for its passive verb, else None."""
        index = self.index
        deps, children = index.tree.dep, index.tree.children
        if fold(index.lemma_of(passive)) not in self.lex.quoted_as:
            return None
        subject = next((c for c in children[passive] if deps[c] in PASSIVE_SUBJECT_DEPS), None)
        marker = next(
            (c for c in children[passive] if c > passive and fold(index.texts[c]) in self.lex.comparatives),
            None,
        )
        if subject is None or marker is None:
            return None
        said = next((c for c in children[marker] if deps[c] in {"pcomp", "advcl"}), None)
        if said is None or fold(index.lemma_of(said)) not in self.lex.acts_of_lemma:
            return None
        return said, subject

    def _adverbial_participle(self, verb: int) -> bool:
        """A present participle set off by a comma that hangs on a verb ("la France a refusé les navires,
        arguant que P"): it speaks for that verb's subject, not for the noun just before it."""
        index = self.index
        return (
            self._present_participle(verb)
            and index.tree.dep[verb] == "advcl"
            and verb > 0
            and index.texts[verb - 1] == ","
        )

    def _negative_subject(self, i: int) -> bool:
        if not self.lex.negative_subjects:
            return False
        texts, words = self.index.texts, self.lex.negative_subjects
        before = fold(texts[i - 1]) + " " if i > 0 else ""
        return fold(texts[i]) in words or before + fold(texts[i]) in words  # "rien", "no one"

    def _present_participle(self, verb: int) -> bool:
        index = self.index
        present = "Pres" in index.morph_values(verb, "Tense") and "Part" in index.morph_values(
            verb, "VerbForm"
        )
        return present or index.tag_strings[verb] == "VBG"

    def _qualified_noun(self, verb: int) -> int | None:
        """The noun a present participle qualifies, which speaks through it ("des analyses révélant que",
        "a statement saying that"): the speaker is that noun, not the last one named."""
        noun = self._participle_of(verb)
        return noun if noun is not None and self.index.pos_strings[noun] in {"NOUN", "PROPN"} else None

    def _participle_of(self, verb: int) -> int | None:
        """The noun the present participle ``verb`` qualifies (acl/amod), or None."""
        index = self.index
        if not self._present_participle(verb) or index.tree.dep[verb] not in {"acl", "amod"}:
            return None
        noun = index.head[verb]
        if (
            verb > 0
            and index.texts[verb - 1] == ","
            and index.tree.dep[noun] not in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS
        ):
            return None  # "a rencontré les habitants, affirmant que P": the subject affirms, not the object
        return noun

    def _clausal_content(self, verb: int, content: tuple[int, int], end: int, act: str = "") -> bool:
        """Content that is a reported clause, a quotation, an object with an infinitive ("a appelé les
        habitants à rester") or, for a demand, an infinitive with "de" or "à" ("propose de suspendre"), not a
        bare object ("a appelé les urgences", "propose des analyses")."""
        quote = self.quotes.at_char(max(content[0] - 1, 0))
        if quote >= 0 and self.quotes.quotes[quote].inner_start >= content[0] - 1:
            return True  # the content opens with a quotation
        index = self.index
        deps, kids = index.tree.dep, index.tree.children[verb]
        objects = [c for c in kids if deps[c] in {"obj", "dobj"} and c >= end]
        if objects and any(deps[c] == "xcomp" and c > objects[0] and self._infinitive(c) for c in kids):
            return True  # "a appelé les habitants à rester"
        if act == "demand" and any(c >= end and self._marked_infinitive(c) for c in kids):
            return True  # "propose de suspendre la grève", not "veut partir"
        k = end
        limit = min(len(index), end + 12)
        while k < limit and index.idx[k] < content[0]:
            text = index.texts[k]
            if text == ":" or fold(text) in self.lex.complementizers:
                return True
            k += 1
        return False

    def _said_content(self, content: tuple[int, int]) -> bool:
        """Whether a content before its cue is something said: a quotation or a clause with a verb."""
        covered, _ = self.quotes.coverage(*content)
        if covered >= (content[1] - content[0]) // 2:
            return True
        index = self.index
        return any(index.pos_strings[k] in {"VERB", "AUX"} for k in index.token_range(*content))

    def _parenthesis_start(self, k: int, lowest: int) -> int:
        """Index of the dash or bracket that opens the parenthesis closed at token ``k`` (or ``k``)."""
        texts = self.index.texts
        closing = texts[k]
        opening = "(" if closing == ")" else closing
        for j in range(k - 1, lowest - 1, -1):
            if texts[j] == opening:
                return j
        return k

    def _short_quote(self, k: int) -> bool:
        """A quoted name rather than a quotation: "Mediapart et « Le Monde » ont rapporté"."""
        quote = self.quotes.quotes[self.quotes.quote_of(k)]
        return quote.end - quote.start <= 40 and not any(
            ch in ".!?" for ch in self.text[quote.start : quote.end]
        )

    def _inherited_subject(self, verb: int) -> int | None:
        """The subject of the verb a participle or coordinated verb depends on ("..., assurant que P")."""
        index = self.index
        deps, children, heads = index.tree.dep, index.tree.children, index.head
        node = self._conjunct_of(verb)
        for _ in range(3):
            if (
                deps[node] == "acl"
                and index.pos_strings[heads[node]] in SPEAKER_POS
                and self._non_finite(node)
            ):
                return heads[node]  # "Trump, disant ne pas avoir vu ..."
            if deps[node] not in {"conj", "advcl", "xcomp"} or heads[node] == node:
                return None
            node = heads[node]
            if deps[node] in _CONJUNCT_COMPLEMENTS and index.pos_strings[node] in SPEAKER_POS:
                node = heads[node]  # a verb the parser coordinated with the object of the verb before it
            head_start = min([node] + [c for c in children[node] if deps[c] in AUX_DEPS])
            clitic = self._clitic(head_start, node + 3)
            if clitic is not None:
                return clitic
            for child in children[node]:
                if deps[child] in SUBJECT_DEPS or (
                    deps[child] in PASSIVE_SUBJECT_DEPS and deps[verb] == "conj"
                ):
                    return child
            if deps[node] in {"acl:relcl", "relcl"}:
                return None
        return None

    def _agent(self, verb: int) -> int | None:
        deps, children = self.index.tree.dep, self.index.tree.children
        for child in children[verb]:
            if deps[child] == "obl:agent":
                return child
            if deps[child] == "agent":
                for grandchild in children[child]:
                    if deps[grandchild] == "pobj":
                        return grandchild
        return None

    def _document_source(
        self, verb: int, end: int
    ) -> tuple[tuple[int, int] | None, tuple[int, int, int] | None]:
        """A document named with a sourceless cue: "est-il précisé dans un communiqué", "in a statement"."""
        index = self.index
        deps, children = index.tree.dep, index.tree.children
        for child in children[verb]:
            lemma = fold(index.lemma_of(child))
            if index.pos_strings[child] != "NOUN" or lemma not in self.lex.descriptions:
                continue
            if self.lex.descriptions[lemma] != "document":
                continue
            if any(
                fold(index.texts[c]) in self.lex.document_prepositions
                for c in children[child]
                if deps[c] == "case"
            ):
                return self._source_span(child)
        return None, None

    def _inverted_subject(self, verb: int, end: int) -> int | None:
        """The subject written after an inverted cue: "..., a déclaré le ministre", '..., said Trump'."""
        index = self.index
        texts, pos, deps, children = index.texts, index.pos_strings, index.tree.dep, index.tree.children
        for child in self._rights(verb):
            if child < end:
                continue
            if pos[child] not in _INVERTED_POS or self._is_dative(child) or not _wordlike(texts[child]):
                continue  # a hyphen the tagger called a noun ("ce week-end Annie") is no speaker
            if any(deps[c] in {"case", "prep"} for c in children[child]):
                continue
            if deps[child] in _INVERTED_DEPS:
                if self._is_time(child):
                    continue
                return child
        sent_end = self._sent_end[verb]
        for k in range(end, min(sent_end, end + 10)):
            text = texts[k]
            if text in SENTENCE_END or text in {",", ";", "("}:
                break
            if (
                (pos[k] in {"PROPN", "NOUN", "PRON"} and _wordlike(text)) or self._named_number(k)
            ) and not self._is_time(k):
                cases = [c for c in children[k] if deps[c] in {"case", "prep"} and not verb - 2 <= c <= verb]
                if not cases and pos[index.head[k]] not in {"ADP"}:
                    return k
        return self._name_closing_the_sentence(verb, end)

    def _name_closing_the_sentence(self, verb: int, end: int) -> int | None:
        """A person's name set off by a comma at the end of the cue's sentence, after adjuncts ("..., a
        témoigné par téléphone, auprès de l'AFP, Mylène Greffeuille."): the parse hangs it on an adjunct."""
        index = self.index
        texts = index.texts
        last = self._sent_end[verb] - 1
        while last >= end and (index.is_punct[last] or index.is_space[last]):
            last -= 1
        comma = last
        while comma >= end and texts[comma] != ",":
            comma -= 1
        name = index.entity_around(last)
        if comma < end or name is None or name != (comma + 1, last + 1):
            return None
        return comma + 1 if index.ent_strings[last] in PERSON_ENTITIES else None

    def _other_sense(self, verb: int, entry: str) -> bool:
        """Whether the cue verb of lexicon entry ``entry`` is used in a sense that claims nothing: with an
        idiomatic object ("le CAC 40 accuse un net recul", "the fire claimed 21 lives") or as a participle
        that names ("a group called Lashkar-e-Taiba")."""
        objects = self.lex.object_idioms.get(entry)
        subjects = self.lex.subject_idioms.get(entry)
        index = self.index
        deps = index.tree.dep
        if not objects and not subjects and deps[verb] != "acl":
            return False
        kids = index.tree.children[verb]
        if (
            subjects
            and any(deps[c] in SUBJECT_DEPS and fold(index.lemma_of(c)) in subjects for c in kids)
            and not any(deps[c] in CLAUSE_DEPS and self._clause_like(c) for c in kids)
        ):
            return True  # "le tribunal a condamné X à deux ans": a sentence, not words
        if (
            objects
            and any(deps[c] in {"obj", "dobj"} and fold(index.lemma_of(c)) in objects for c in kids)
            and not any(deps[c] in {"oprd", "xcomp", "ccomp"} for c in kids)  # "called her vote a mistake"
        ):
            return True
        return (
            deps[verb] == "acl"
            and index.head[verb] == verb - 1  # right after what it names, not "Tim Cook, called ..."
            and fold(index.lemma_of(verb)) in self.lex.naming_verbs
            and self._agent(verb) is None
            # names only: "the letter called Oz a quack" judges him (the parse hung it on "letter")
            and all(
                index.pos_strings[c] == "PROPN" or not index.texts[c].isalnum()
                for c in kids
                if deps[c] in {"oprd", "obj", "dobj", "attr", "xcomp", "ccomp"}
            )
        )

    def _named_number(self, k: int) -> bool:
        """A name the tagger read as a number ("franceinfo" in "..., rapporte franceinfo")."""
        index = self.index
        return (
            index.pos_strings[k] == "NUM"
            and index.texts[k].isalpha()
            and index.ent_strings[k] not in {"", "DATE", "TIME"}
        )

    def _only_subject_right(self, verb: int, end: int) -> bool:
        """True when nothing after the verb group can be its content: no clausal complement, no
        complementizer, colon or quote soon after it (adjuncts, even with a verb, do not count: '"P," Mr.
        Trump said in a documentary that showed ...')."""
        index = self.index
        deps = index.tree.dep
        for child in self._rights(verb):
            if child >= end and deps[child] in CLAUSE_DEPS and self._clause_like(child):
                return False
        sent_end = self._sent_end[verb]
        for k in range(end, min(sent_end, end + 12)):
            text = index.texts[k]
            if text in {",", ";"} or text in SENTENCE_END:
                return True
            if text == ":" or (k < end + 3 and self.quotes.opening(k) >= 0):
                return False
            if fold(text) in self.lex.complementizers and deps[k] == "mark":
                return False
        return True

    def _non_finite(self, verb: int) -> bool:
        """Participles and infinitives take their subject from elsewhere ("..., précisant que P")."""
        index = self.index
        form = index.morph_values(verb, "VerbForm")
        return (
            bool(form and form[0] in {"Inf", "Ger"})
            or index.tag_strings[verb] in {"VBG", "VB"}
            or (bool(form) and form[0] == "Part" and "Pres" in index.morph_values(verb, "Tense"))
        )

    def _quoted_elsewhere(self, word: int, verb: int) -> bool:
        """Whether ``word`` is inside a quotation (not a short quoted name) that ``verb`` is outside of: the
        parse may take a word of the quoted sentence for the subject of the verb that introduces it."""
        quotes = self.quotes
        return (
            quotes.is_inner(word)
            and quotes.quote_of(word) != quotes.quote_of(verb)
            and not self._short_quote(word)
        )

    def _fronted_clause_subject(self, verb: int) -> tuple[int, int] | None:
        """(subject, comma) of the main clause after a cue in a fronted non-finite clause ("Après avoir
        affirmé que P, le maire a reconnu Q", "After saying that P, the mayor admitted Q"). The French
        parse often hangs that main clause inside the cue's, so it is found on the surface: the first
        comma followed by a subject and its verb."""
        index = self.index
        deps, texts, heads = index.tree.dep, index.texts, index.head
        kids = index.tree.children[verb]
        marks = [c for c in kids if deps[c] == "mark" and fold(texts[c]) in self.lex.fronting_markers]
        first, last = self._sent_start[verb], self._sent_end[verb]
        while first < verb and (index.is_punct[first] or index.is_space[first]):
            first += 1
        if not marks or min(marks) != first:
            return None
        if not (
            self._non_finite(verb)
            or any(deps[c] in AUX_DEPS and "Inf" in index.morph_values(c, "VerbForm") for c in kids)
        ):
            return None
        for comma in range(verb + 1, last):
            if texts[comma] != ",":
                continue
            for s in range(comma + 1, min(comma + 8, last)):
                if (
                    (deps[s] in SUBJECT_DEPS or deps[s] in PASSIVE_SUBJECT_DEPS)
                    and heads[s] > s
                    and index.pos_strings[heads[s]] in {"VERB", "AUX"}
                    and self._np_bounds(s)[0] == comma + 1
                ):
                    return s, comma
        return None

    def _clause_like(self, i: int) -> bool:
        """A verb, or a predicate with its own subject, copula or complementizer (not a mis-parsed name)."""
        deps = self.index.tree.dep
        return self.index.pos_strings[i] in {"VERB", "AUX"} or any(
            deps[c] in {"nsubj", "cop", "mark", "aux", "aux:tense"} for c in self.index.tree.children[i]
        )

    def _has_object(self, verb: int, end: int) -> bool:
        """An object after the verb: with its subject before it, "In July, Trump dismissed Estonia as ..."
        is not an inverted cue even after a comma."""
        index = self.index
        deps = index.tree.dep
        rights = [c for c in self._rights(verb) if c >= end]
        # "told the crowd": whom, not what; "tells his supporters to go" says what after the addressee
        addressee = fold(index.lemma_of(verb)) in self.lex.addressee_verbs and not any(
            deps[c] in CLAUSE_DEPS or deps[c] == "advcl" for c in rights
        )
        return any(deps[c] in CLAUSE_DEPS or (deps[c] in OBJECT_DEPS and not addressee) for c in rights)

    def _marked_infinitive(self, child: int) -> bool:
        """An infinitive complement introduced by "de" or "à"."""
        index = self.index
        deps = index.tree.dep
        return (
            deps[child] == "xcomp"
            and self._infinitive(child)
            and any(
                deps[m] == "mark" and m < child and fold(index.texts[m]) in self.lex.infinitive_markers
                for m in index.tree.children[child]
            )
        )

    def _stressed_pronoun(self, after_subject: int, cue_start: int) -> bool:
        """Only a pronoun between commas separates the subject from the cue ("Les manifestants, eux,
        réclament davantage")."""
        index = self.index
        return (
            cue_start - after_subject == 3
            and index.texts[after_subject] == ","
            and index.pos_strings[after_subject + 1] == "PRON"
            and index.texts[after_subject + 2] == ","
        )

    def _appositive_subject(self, subject: int, cue_start: int) -> bool:
        """A subject whose own apposition or relative clause ends with the comma before the cue ("La
        ministre, Claire Vasseur, a annoncé"): the comma closes the subject, not a quotation."""
        index = self.index
        left, right = index.edges(subject)
        return (
            right == cue_start - 2
            and index.texts[cue_start - 1] == ","
            and any(index.texts[k] == "," for k in range(left, right))
        )

    def _thing_object(self, verb: int, end: int) -> bool:
        """An object after the verb that cannot be a speaker ("a annoncé l'ouverture d'une enquête"); the
        parser often calls the subject of an inverted cue an object ("», a relevé M. Maurey")."""
        deps = self.index.tree.dep
        return any(
            c >= end and deps[c] in OBJECT_DEPS and not self._speaker_like(c) for c in self._rights(verb)
        )

    def _has_reflexive(self, verb: int) -> bool:
        """A reflexive pronoun with the verb ("s'alarme", "se sont dit", "s'est-il alarmé")."""
        texts = self.index.texts
        if any(
            fold(texts[c]) in self.lex.reflexive_pronouns and verb - 3 <= c < verb
            for c in self.index.tree.children[verb]
        ):
            return True
        pos = self.index.pos_strings
        k = verb - 1
        while k >= 0 and pos[k] == "AUX" and verb - k <= 2:  # "se sont dit": past the auxiliary
            k -= 1
        return k >= 0 and fold(texts[k]) in self.lex.reflexive_before_auxiliary


def _first(*tokens: int | None) -> int | None:
    """The first token index given (token 0 counts, unlike with ``or``)."""
    return next((t for t in tokens if t is not None), None)


_INVERTED_POS = SPEAKER_POS | {"X", "DET"}
_INVERTED_DEPS = (
    OBJECT_DEPS
    | SUBJECT_DEPS
    | {
        "nmod",
        "appos",
        "dep",
        "obl:mod",
        "npadvmod",
        "nsubj:pass",
    }
)


def _wordlike(text: str) -> bool:
    """Whether a token has a letter or a digit: a hyphen or a dash the tagger called a noun has none."""
    return any(ch.isalnum() for ch in text)
