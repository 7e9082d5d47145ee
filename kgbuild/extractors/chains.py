"""Reporting chains: which attribution reaches the article through which.

"selon l'AFP, qui cite le ministère" and "relate CNN en se référant à des sources" give the inner source
its own attribution, relayed by the outer one; "X, cité par Y" and "X a déclaré à l'AFP" make Y the relay
of X; "a appris l'AFP de source proche" names a source with the verb; and an attribution whose cue lies
in another's content ("P, selon X, rapporte Le Monde") is relayed by it. With ``nested`` off (the
PolNeAR convention), those nested attributions are left out instead.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from spacy.tokens import Token

from kgbuild.extractors.lexicon import fold
from kgbuild.extractors.phrases import PhraseRules
from kgbuild.extractors.scene import (
    NOMINAL_POS,
    OBJECT_DEPS,
    PERSON_ENTITIES,
    SPEAKER_POS,
    Candidate,
    word_regex,
)


class ChainRules(PhraseRules):
    def _verb_relays(self, outer: Candidate, verb: Token, end: int) -> Iterator[Candidate]:
        """Sources passed on with the verb itself: "a appris l'AFP de source proche", "a déclaré à l'AFP"."""
        index = self.index
        texts, idx, ends = index.texts, index.idx, index.end
        lex = self.lex
        children = self._rights(verb.i)
        hung = None
        if outer.source_tokens is not None and outer.source_tokens[2] >= end:
            # '"P", a déclaré le ministre à l'AFP': the parser hung the outlet on the inverted subject
            hung = self._outlet_hung_on(outer.source_tokens[2])
            if hung is not None:
                children = [*children, hung]
        # "a indiqué auprès de l'AFP": the parse makes "auprès" an adverb and hangs the outlet on it
        children = [*children, *(g for c in children for g in self._through_dative_adverb(c))]
        passed_on = False
        agent = self._agent(verb.i) if self._said_as(verb.i) is not None else None
        if agent is not None:
            yield self._relayed_through(outer, agent, outer.cue)  # "X was quoted by Reuters as saying P"
        for child in children:
            if child < end:
                continue
            left, right = index.edges(child)
            text = fold(self.text[idx[left] : ends[right]])
            for expression in lex.anonymous_expressions:
                if text.startswith(expression) or (" " + expression) in " " + text:
                    s_start, s_end = self._after_time(left, right + 1), right + 1  # "lundi de sources ..."
                    if fold(texts[s_start]) in lex.source_partitives:
                        s_start += 1
                    yield self._passed_on_by(
                        outer, (idx[s_start], ends[s_end - 1]), (s_start, s_end, child), 0.7
                    )
                    passed_on = True
                    break
            if self._is_outlet(child):
                if outer.source is None or not self._is_outlet_relay(child):
                    continue
                case = next((c for c in index.tree.children[child] if index.tree.dep[c] in {"case"}), None)
                cue_end = ends[case] if case is not None and case > verb.i and child != hung else outer.cue[1]
                yield self._relayed_through(outer, child, (outer.cue[0], max(outer.cue[1], cue_end)))
        if not passed_on and outer.lemma in lex.learning_verbs:
            learned = self._learned_from(outer, verb.i, end)
            if learned is not None:
                yield learned

    def _learned_from(self, outer: Candidate, verb: int, end: int) -> Candidate | None:
        """The source a learning verb names after itself ("a-t-on appris auprès du parquet", "Reuters learned
        from police officials"): its words reach the article through the one who learned them."""
        index = self.index
        texts, pos = index.texts, index.pos_strings
        stop = self._sent_end[verb]
        for k in range(end, min(stop, end + 8)):
            if texts[k] in {",", ";", ":"} or self.quotes.opening(k) >= 0:
                return None
            case = fold(texts[k])
            if case not in self.lex.learning_cases:
                continue
            head = next((n for n in range(k + 1, min(stop, k + 4)) if pos[n] in NOMINAL_POS), None)
            if head is None or not (case in self.lex.informant_cases or self._speaker_like(head)):
                return None
            source_span, source_tokens = self._source_span(head)
            return self._passed_on_by(outer, source_span, source_tokens, 0.6)
        return None

    def _relayed_through(self, outer: Candidate, relay_head: int, cue: tuple[int, int]) -> Candidate:
        """The hop through which ``outer``'s words reach the article: the outlet or agent at ``relay_head``
        reports them ("X a déclaré à l'AFP", "X was quoted by Reuters as saying")."""
        source_span, source_tokens = self._source_span(relay_head)
        source_span, source_tokens = self._without_apposed_name(relay_head, source_span, source_tokens)
        if source_tokens is not None and outer.source_tokens is not None:
            source_span, source_tokens = self._without_speaker(
                source_span, source_tokens, outer.source_tokens[0]
            )
        relay = Candidate(
            cue=cue,
            content=outer.content,
            source=source_span,
            source_tokens=source_tokens,
            lemma=outer.lemma,
            act="report",
            anchor=relay_head,
            confidence=0.6,
            shares_cue=True,
        )
        outer.relay_of = relay
        return relay

    def _without_speaker(
        self, span: tuple[int, int] | None, tokens: tuple[int, int, int], speaker: int
    ) -> tuple[tuple[int, int] | None, tuple[int, int, int]]:
        """An outlet's phrase cut before the speaker's phrase starting at token ``speaker``, which the parse
        hung on the outlet ("auprès de l'AFP, Mylène Greffeuille"), unless that splits a name."""
        index = self.index
        start, end, head = tokens
        cut = speaker
        while cut > start and (index.is_punct[cut - 1] or index.is_space[cut - 1]):
            cut -= 1
        name = index.entity_around(cut)
        if not (start < cut < end and head < cut) or (name is not None and head < name[0] < cut):
            return span, tokens
        return (index.idx[start], index.end[cut - 1]), (start, cut, head)

    def _without_apposed_name(
        self, head: int, span: tuple[int, int] | None, tokens: tuple[int, int, int] | None
    ) -> tuple[tuple[int, int] | None, tuple[int, int, int] | None]:
        """An outlet's phrase without the speaker's name the parse set in apposition to it ("à l'AFP Pierre
        Dartout") or hung on it as a bare complement ("à l'AFP William Til"): the outlet relays, the name
        speaks."""
        if span is None or tokens is None:
            return span, tokens
        index = self.index
        start, end, _ = tokens
        apposed = next((c for c in index.tree.children[head] if c > head and self._set_beside(c)), None)
        cut = index.edges(apposed)[0] if apposed is not None else end
        if not start < cut < end:
            return span, tokens
        return (index.idx[start], index.end[cut - 1]), (start, cut, head)

    def _set_beside(self, word: int) -> bool:
        """Whether ``word`` names someone set beside the word it hangs on: in apposition, or a person's name
        hung on it bare, without a preposition ("l'AFP William Til")."""
        index = self.index
        deps, children = index.tree.dep, index.tree.children
        return deps[word] == "appos" or (
            deps[word] == "nmod"
            and index.ent_strings[word] in PERSON_ENTITIES
            and not any(deps[c] == "case" for c in children[word])
        )

    def _passed_on_by(
        self,
        outer: Candidate,
        source: tuple[int, int] | None,
        source_tokens: tuple[int, int, int] | None,
        confidence: float,
    ) -> Candidate:
        """The attribution of a source that ``outer``'s speaker passes on with the same cue ("a appris l'AFP de
        source proche", "a-t-on appris auprès du parquet")."""
        return Candidate(
            cue=outer.cue,
            content=outer.content,
            source=source,
            source_tokens=source_tokens,
            lemma=outer.lemma,
            act=outer.act,
            anchor=source_tokens[2] if source_tokens is not None else outer.anchor,
            confidence=confidence,
            relay_of=outer,
            shares_cue=True,
        )

    def _through_dative_adverb(self, child: int) -> list[int]:
        """The nouns hung on ``child`` when it is a preposition of address the parse took for an adverb."""
        index = self.index
        if not self._dative_adverb(child):
            return []
        return [g for g in index.tree.children[child] if index.pos_strings[g] in NOMINAL_POS]

    def _is_outlet_relay(self, child: int) -> bool:
        index = self.index
        deps = index.tree.dep
        case = next((c for c in index.tree.children[child] if deps[c] == "case"), None)
        if deps[child] in {"dative", "dobj", "iobj"} or self._dative_adverb(index.head[child]):
            return True
        return case is not None and fold(index.texts[case]) in self.lex.dative_cases

    def _indefinite(self, candidates: list[Candidate]) -> None:
        """Readings whose source is an indefinite subject (lexicon ``indefinite_subjects``, "on"). After a
        phrase that names a body in its sentence ("Du côté de la Marine, on reconnaît P") the body is the
        source. Otherwise "on" is the article's own voice: a reading that passes on another's words ("X,
        a-t-on appris auprès des pompiers") gives way to that other, no longer relayed, and so does one that
        another reading of the same words names ("reconnaît-on au ministère"); one that passes on nobody's
        has no source ("dit-on")."""
        words = self.lex.indefinite_subjects
        if not words:
            return
        index = self.index
        gone: set[int] = set()
        for cand in candidates:
            if cand.source_tokens is None or cand.shares_cue:
                continue
            start, end, _ = cand.source_tokens
            if end - start != 1 or cand.source is None or fold(self.text[slice(*cand.source)]) not in words:
                continue  # the span, not the token: "a-t-on" is one token
            host = self._indefinite_host(start)
            if host is not None:
                cand.source, cand.source_tokens = (index.idx[host[0]], index.end[host[1] - 1]), host
                continue
            relayed = [other for other in candidates if other.relay_of is cand]
            for other in relayed:
                other.relay_of = None
            host_reading = cand.relay_of is not None and cand.relay_of.content == cand.content
            if relayed or host_reading:  # "reconnaît-on au ministère": the ministry's reading says it
                gone.add(id(cand))
            else:
                cand.source = cand.source_tokens = None
        candidates[:] = [c for c in candidates if id(c) not in gone]

    def _indefinite_host(self, subject: int) -> tuple[int, int, int] | None:
        """The noun phrase an indefinite subject speaks for: after a host phrase ("du côté de", "chez") that
        opens its sentence. Tokens [start, end) and head, or None."""
        pattern = _host_pattern(self.lex.indefinite_hosts)
        if pattern is None:
            return None
        index = self.index
        sent_start, sent_end = self._sent_start[subject], self._sent_end[subject]
        matches = list(pattern.finditer(self.text, index.idx[sent_start], index.idx[subject]))
        if not matches:
            return None
        found = index.char_tokens(matches[0].start(), matches[0].end())
        if not found or not self._sentence_initial(found.start, sent_start):
            return None  # "Chez Renault, on ...", not "Alors qu'elle était chez elle, ... a-t-on appris"
        last = found.stop - 1
        head = self._object_head(last, sent_end)
        if head is None or head >= subject or index.pos_strings[head] not in NOMINAL_POS:
            return None
        np_start, np_end = self._phrase_bounds(head, last + 1, subject)
        return (np_start, np_end, head) if last < np_start < np_end <= subject else None

    def _chain(self, candidates: list[Candidate]) -> None:
        """Link relays and nested attributions, and add the inner attributions of relay verbs."""
        by_source_head: dict[int, Candidate] = {}
        by_verb: dict[int, Candidate] = {}
        for cand in candidates:
            if cand.source_tokens is not None and not cand.shares_cue:
                for k in range(cand.source_tokens[0], cand.source_tokens[1]):
                    by_source_head.setdefault(k, cand)
            if cand.verb is not None:
                by_verb[cand.verb.i] = cand
        self._link_participles(candidates)
        for cand in candidates:
            verb = cand.verb
            if verb is None or cand.shares_cue or not self._is_relay_verb(cand):
                continue
            outer = self._relay_host(verb, by_source_head, by_verb)
            if outer is None or outer is cand:
                continue
            passive_agent = self._agent(verb.i)
            if passive_agent is not None and verb.dep_ in {"acl", "amod"}:
                # "X, cité par Y": Y relays X
                cand.content = outer.content
                outer.relay_of = cand
                continue
            # "selon X, qui cite Y" / "en se référant à Y": Y's words reach us through X
            target = self._relay_target(verb.i)
            if target is None:
                continue
            source_span, source_tokens = self._source_span(target)
            cand.source, cand.source_tokens = source_span, source_tokens
            cand.content = outer.content
            cand.relay_of = outer
            cand.pending = False
        candidates[:] = [c for c in candidates if not c.pending]  # relay verbs that found no host
        # nested attributions: an attribution whose cue lies in another's content reaches us through it
        ordered = sorted(candidates, key=lambda c: c.content[0])
        for inner in sorted(candidates, key=lambda c: c.cue[0]):
            if inner.relay_of is not None or inner.shares_cue:
                continue
            best: Candidate | None = None
            for outer in ordered:
                if outer.content[0] > inner.cue[0]:
                    break
                if outer is inner or outer.shares_cue or outer.relay_of is inner:
                    continue
                inside = outer.content[0] <= inner.cue[0] and inner.cue[1] <= outer.content[1]
                if inner.antecedent and inner.source is not None:
                    # "X a cité un rapport, selon lequel P": the report X cites is the one that says P
                    inside = inside or (
                        outer.content[0] <= inner.source[0] and inner.source[1] <= outer.content[1]
                    )
                if inside and (best is None or _length(outer.content) < _length(best.content)):
                    best = outer
            if best is None:
                continue
            same_speaker = inner.inherits and inner.source is not None and inner.source == best.source
            if same_speaker and self.lex.split_next_acts:
                # "X estime que P, tout en regrettant Q": the same speaker's next act, not one X passes on;
                # P ends at the comma before it (or at its cue)
                commas = [k for k in range(best.content[0], inner.cue[0]) if self.text[k] == ","]
                cut = commas[-1] if commas else inner.cue[0]
                index = self.index
                k = index.char_tokens(best.content[0], cut).stop - 1
                # the words that join the two acts: "P et a déclaré Q", "P avant de reconnaître Q"
                while k >= 0 and index.idx[k] >= best.content[0] and self._joins_acts(k):
                    cut = index.idx[k]
                    k -= 1
                trimmed = self._trim_chars(best.content[0], cut) if cut > best.content[0] else None
                if trimmed is not None:
                    best.content = trimmed
                    continue
            coordinated = (
                inner.verb is not None and inner.verb.dep_ == "conj" and self.quotes.at_char(inner.cue[0]) < 0
            )
            if coordinated and (inner.content[1] > best.content[1] or inner.content[0] < best.content[0]):
                # the inner one says more than the outer content holds: the outer content ran on into
                # a neighbouring clause ("X proposed P and said Q"); end it before the inner one
                cut = min(inner.cue[0], inner.source[0] if inner.source is not None else inner.cue[0])
                trimmed = self._trim_chars(best.content[0], cut) if cut > best.content[0] else None
                if trimmed is not None:
                    best.content = trimmed
                    continue
            inner.relay_of = best
            if inner.cue[1] <= best.cue[0] < inner.content[1]:
                # "X a déclaré que P, rapporte Y": P ends where the cue that relays it begins
                cut = min(best.cue[0], best.source[0] if best.source is not None else best.cue[0])
                trimmed = self._trim_chars(inner.content[0], cut) if cut > inner.content[0] else None
                if trimmed is not None:
                    inner.content = trimmed
        if not self.nested:
            nested = {
                id(c) for c in candidates if c.relay_of is not None and not c.shares_cue and self._inside(c)
            }
            candidates[:] = [c for c in candidates if id(c) not in nested]

    def _joins_acts(self, k: int) -> bool:
        """Whether token ``k`` is one of the words joining a speaker's two acts ("et", "avant de", "tout en")."""
        index = self.index
        return index.pos_strings[k] in _JOINING_POS or index.lower_strings[k] in self.lex.next_act_adverbs

    def _link_participles(self, candidates: list[Candidate]) -> None:
        """ "X, cité par Y" / "Dans un témoignage rapporté par Y, X révèle P": X's attribution reaches the
        article through Y, who relays the same content."""
        sentence = self.index.sentence
        hosts = [c for c in candidates if not c.participle and not c.shares_cue]
        for relay in (c for c in candidates if c.participle):
            number = sentence[relay.anchor]
            near = [h for h in hosts if sentence[h.anchor] == number and h.relay_of is None]
            if not near:
                continue
            host = min(near, key=functools.partial(_distance, relay.anchor))
            relay.content = host.content
            host.relay_of = relay

    def _inside(self, cand: Candidate) -> bool:
        outer = cand.relay_of
        return outer is not None and outer.content[0] <= cand.cue[0] and cand.cue[1] <= outer.content[1]

    def _is_relay_verb(self, cand: Candidate) -> bool:
        return cand.lemma in self.lex.relay_verbs

    def _relay_host(
        self, verb: Token, by_source_head: dict[int, Candidate], by_verb: dict[int, Candidate]
    ) -> Candidate | None:
        head = self.index.head[verb.i]
        if verb.dep_ in {"acl:relcl", "relcl", "acl", "amod"}:
            return by_source_head.get(head)
        if verb.dep_ in {"advcl", "conj", "xcomp"} and head in by_verb:
            return by_verb[head]
        return None

    def _relay_target(self, verb: int) -> int | None:
        index = self.index
        deps, children = index.tree.dep, index.tree.children
        for child in self._rights(verb):
            if deps[child] in _TARGET_DEPS and index.pos_strings[child] in SPEAKER_POS | {"X"}:
                return child
            if deps[child] == "prep":
                for grandchild in children[child]:
                    if deps[grandchild] == "pobj":
                        return grandchild
        return None


_TARGET_DEPS = OBJECT_DEPS | {"obl:arg", "obl", "prep", "obl:mod"}


def _length(span: tuple[int, int]) -> int:
    return span[1] - span[0]


def _distance(position: int, cand: Candidate) -> int:
    """Tokens between ``position`` and the end of the source of ``cand`` (its cue when it has none)."""
    end = cand.source_tokens[1] if cand.source_tokens is not None else cand.anchor
    return abs(position - end)


@functools.cache
def _host_pattern(hosts: frozenset[str]) -> re.Pattern[str] | None:
    return word_regex(sorted(hosts, key=len, reverse=True))


# parts of speech of the words that join a speaker's two acts ("et", "mais", "avant de")
_JOINING_POS = frozenset({"CCONJ", "SCONJ", "ADP", "PART"})
