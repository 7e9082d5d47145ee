"""attributions.v1: who claims what, reported by whom, from a parsed Doc.

The extractor finds cues, then for each cue the source and the content around it:

- verbal cues from the lexicon ("X a déclaré que P", "X said P", "X estime P", "X accuse Y de Z"),
  including inverted ones after what they introduce ("« P », a-t-il dit", '"P," said X', "P, he said"),
  participles ("..., assurant que P") and passives with or without an agent ("est accusé de P");
- prepositional cues ("selon X, P", "d'après X", "according to X", sentence-initial "pour X, P");
- colon introductions ("X : « P »") and colons after a clause that already names the speaker.

Reporting chains link an attribution to the intermediary it reaches the article through: relative or
participial relays ("selon l'AFP, qui cite le ministère", "en se référant à des sources", "citing"),
"cité par Y", a speaker telling a named outlet ("a déclaré à l'AFP", "told Reuters"), a source given
with the verb ("a appris l'AFP de source proche de l'enquête"), and attributions nested in another's
content ("P, selon X, rapporte Le Monde").

Everything works from the cue token outwards through the parse and a short window of neighbouring
tokens, so the cost grows with the length of the article, not its square.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from spacy.symbols import VERB
from spacy.tokens import Doc, Token

from kgbuild.extractors.docindex import DocIndex, index_of
from kgbuild.extractors.entities import find_entities
from kgbuild.extractors.lexicon import Lexicon, VerbCue, fold, load_lexicon
from kgbuild.extractors.quotes import QuoteMap
from kgbuild.extractors.registry import ExtractContext, extractors
from kgbuild.extractors.speakers import SourceInfo, SpeakerResolver
from kgbuild.records import Attribution, Certainty, EntityMention, QuoteType, Span

NAME = "attributions.v1"

_SUBJECT_DEPS = {"nsubj", "csubj"}
_PASSIVE_SUBJECT_DEPS = {"nsubj:pass", "nsubjpass", "csubjpass"}
_AUX_DEPS = {"aux", "aux:tense", "aux:pass", "auxpass", "aux:caus"}
_PASSIVE_AUX_DEPS = {"aux:pass", "auxpass"}
_AGENT_DEPS = {"obl:agent", "agent"}
_REFLEXIVE_DEPS = {"expl:comp", "expl:pv", "expl:pass", "expl", "obj", "iobj", "dobj"}
_REFLEXIVE_WORDS = {"se", "s'", "me", "m'", "te", "t'", "nous", "vous"}
_CLAUSE_DEPS = {"ccomp", "xcomp"}
_OBJECT_DEPS = {"obj", "dobj", "obl:arg", "attr", "oprd", "iobj", "dative"}
_COMPLEMENT_DEPS = _CLAUSE_DEPS | _OBJECT_DEPS | {"parataxis", "prep", "obl:mod", "advcl", "nmod"}
_CLIMB_DEPS = {"conj", "xcomp", "advcl", "acl", "ccomp", "parataxis", "dep"}
_NP_STOP = {"acl:relcl", "relcl", "advcl", "parataxis", "ccomp", "punct", "cc", "dep", "acl", "xcomp"}
_OPEN_PUNCT = {",", "—", "–", "(", "-", ";"}
_SENTENCE_END = {".", "!", "?", "…", ";"}
_DATIVE_CASES = {"à", "au", "aux", "auprès", "to"}
_SPEAKER_POS = {"PROPN", "PRON", "NOUN"}
_HEDGE_CERTAINTY: dict[str, Certainty] = {"hedge": "probable", "conditional": "possible", "modal": "possible"}


@dataclass(slots=True)
class _Candidate:
    cue: tuple[int, int]  # characters
    content: tuple[int, int]  # characters
    source: tuple[int, int] | None  # characters
    source_tokens: tuple[int, int, int] | None  # start, end (exclusive), head token
    lemma: str
    act: str
    anchor: int  # token index used for ordering and speaker recency
    negated: bool = False
    confidence: float = 0.8
    verb: Token | None = None
    relay_of: _Candidate | None = None
    shares_cue: bool = False
    info: SourceInfo | None = None
    conditional: list[str] = field(default_factory=list)


@extractors.register(NAME)
def attributions_v1(doc: Doc, ctx: ExtractContext) -> Iterator[Attribution]:
    """Attributions of ``doc`` in text order; ``relayed_by`` indexes into the same sequence.

    ``ctx.options``: ``lexicon_extra`` (TOML files added to the language's lexicon), ``nested``
    (report attributions found inside another's content; default True).
    """
    lexicon = load_lexicon(ctx.lang, ctx.options.get("lexicon_extra", ()))
    index = index_of(doc)
    entities = ctx.entities or tuple(find_entities(doc, lexicon, index))
    finder = AttributionFinder(index, lexicon, entities, nested=bool(ctx.options.get("nested", True)))
    yield from finder.run()


class AttributionFinder:
    """One pass over one Doc. Build it, call :meth:`run` once."""

    def __init__(
        self, index: DocIndex, lexicon: Lexicon, entities: Sequence[EntityMention], nested: bool = True
    ) -> None:
        self.index = index
        self.doc = index.doc
        self.text = index.text
        self.lex = lexicon
        self.nested = nested
        self.quotes = QuoteMap(index.text, index.idx, index.end)
        self.speakers = SpeakerResolver(index, lexicon, entities)
        self._sent_start = index.sent_start
        self._sent_end = index.sent_end
        strings = self.doc.vocab.strings
        self._cue_heads = {strings.add(head) for head in lexicon.verbs}
        self._relay_heads = {cue.head for cue in _entries(lexicon, lexicon.relay_verbs)}
        self._clitic_ids = {strings.add("-" + c) for c in lexicon.inverted_clitics} | {strings.add("-t")}
        self._conditional = index.tokens_with_morph("Mood=Cnd")
        modal_tag = self.doc.vocab.strings.add("MD")
        self._modal = sorted(self._conditional | {i for i, t in enumerate(index.tag) if t == modal_tag})
        self._hedge_re = _word_regex(sorted(lexicon.hedge_adverbs | lexicon.hedge_adjectives) + list(lexicon.hedge_phrases))
        self._prep_re = _word_regex(sorted(lexicon.prepositions, key=len, reverse=True))
        self._initial_re = _word_regex(sorted(lexicon.initial_prepositions))

    # -- driver --------------------------------------------------------------------------------------

    def run(self) -> Iterator[Attribution]:
        candidates: list[_Candidate] = []
        cue_tokens: set[int] = set()
        for i in self._cue_positions():
            token = self.doc[i]
            cue, tail_end = self._match_verb(token)
            if cue is None:
                continue
            found = self._verbal(token, cue, tail_end)
            if found:
                candidates.extend(found)
                cue_tokens.add(token.i)
        candidates.extend(self._prepositional())
        candidates.extend(self._colons(candidates))
        candidates = self._dedupe(candidates)
        self._chain(candidates)
        candidates.sort(key=lambda c: (c.cue[0], not c.shares_cue, c.cue[1]))
        self._resolve(candidates)
        index = {id(c): n for n, c in enumerate(candidates)}
        for cand in candidates:
            yield self._record(cand, index)

    # -- verbal cues ---------------------------------------------------------------------------------

    def _cue_positions(self) -> Iterator[int]:
        """Tokens worth a closer look: a cue lemma, or a verb whose lemma may be wrong."""
        heads = self._cue_heads
        guess = bool(self.lex.lemma_suffixes)
        verb = VERB
        lemmas, pos, lower = self.index.lemma, self.index.pos, self.index.lower
        clitics = self._clitic_ids
        last = len(lemmas) - 1
        for i, lemma in enumerate(lemmas):
            if lemma in heads or (guess and pos[i] == verb) or (i < last and lower[i + 1] in clitics):
                yield i

    def _match_verb(self, token: Token) -> tuple[VerbCue | None, int]:
        pos = token.pos_
        inverted = token.i + 1 < len(self.doc) and self._is_clitic(self.doc[token.i + 1])
        if inverted and pos != "AUX":
            pos = "VERB"  # taggers stumble on "estime-t-il": the clitic tells it is a verb
        if pos not in {"VERB", "AUX"} and not (pos in {"ADJ", "NOUN"} and "Part" in token.morph.get("VerbForm")):
            return None, token.i
        lemma = fold(token.lemma_)
        cue, end = self._cue_for_lemma(token, lemma, pos)
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
            if cue.reflexive and not _has_reflexive(token):
                continue
            end = token.i
            if cue.tail:
                end = _match_tail(token, cue.tail)
                if end < 0:
                    continue
            return cue, end
        return None, token.i

    def _verbal(self, verb: Token, cue: VerbCue, tail_end: int) -> list[_Candidate]:
        doc = self.doc
        start, end, negated, passive = self._verb_group(verb, tail_end)
        if self.lex.strict_reflexives and not cue.reflexive and _has_reflexive(verb):
            return []  # "s'explique", "se trouve": another verb than the cue
        clitic = self._clitic(start, end)
        subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
        impersonal = any(
            c.dep_ in {"expl:subj", "expl"} and c.i < start and fold(c.text) not in _REFLEXIVE_WORDS
            for c in verb.children
        )
        pre = next((c for c in subjects if c.i < start), None)
        post = next((c for c in subjects if c.i >= end), None)
        adjacent = pre is not None and self._np_bounds(pre)[1] >= start - 1 and not impersonal
        left_anchor = self._np_bounds(pre)[0] if adjacent and self.lex.subject_first_incise else start
        if pre is not None and not adjacent:
            pre = None  # a subject across punctuation is a parse error around an inverted cue

        incise = (
            not passive
            and self._incise_left(left_anchor)
            and (clitic is not None or post is not None or pre is None or left_anchor != start)
            and self._only_subject_right(verb, end)
        )
        source: Token | None
        if incise:
            content = self._content_left(left_anchor)
            if clitic is not None:
                source = clitic
            elif post is not None:
                source = post
            elif left_anchor != start:
                source = pre
            else:
                source = self._inverted_subject(verb, end)
        else:
            content = self._content_right(verb, end)
            if passive:
                source = self._agent(verb)
            elif impersonal:
                source = None
            else:
                source = clitic or pre or post or self._inherited_subject(verb)
        if content is None:
            return []
        if source is not None and source.dep_.startswith("expl") and not self._is_clitic(source):
            source = None
        inner = self.quotes.is_inner(verb.i)
        if inner and (source is None or fold(source.text).lstrip("-") in self.lex.speaker_pronouns):
            return []  # the quoted speaker's own "je pense que ...": part of what is quoted
        if cue.weak and (source is None or not self._speaker_like(source)):
            return []
        if source is None and not passive and not impersonal:
            confidence = 0.4
        else:
            confidence = 0.85 if not cue.weak else 0.6
        cue_span = (doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))
        source_span, source_tokens = self._source_span(source)
        if source_span is None and (passive or impersonal):
            source_span, source_tokens = self._document_source(verb, end)
        for other in (source_span, cue_span):
            if other is not None and _overlaps(other, content):
                cut = _cut(content, other)
                if cut is None:
                    return []
                content = cut
        cand = _Candidate(
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
        )
        found = [cand]
        found.extend(self._verb_relays(cand, verb, end))
        return found

    def _verb_group(self, verb: Token, tail_end: int) -> tuple[int, int, bool, bool]:
        """[start, end) of the cue's verb group, whether it is negated, whether it is passive."""
        start, end = verb.i, max(verb.i, tail_end) + 1
        negated = passive = False
        for child in verb.children:
            dep = child.dep_
            if dep in _AUX_DEPS and child.i < verb.i:
                start = min(start, child.i)
                passive = passive or dep in _PASSIVE_AUX_DEPS
            elif dep in _PASSIVE_SUBJECT_DEPS:
                passive = True
            elif (dep == "neg" or "Neg" in child.morph.get("Polarity")) and verb.i - 4 <= child.i <= verb.i + 2:
                negated = True
                start = min(start, child.i)
                end = max(end, child.i + 1) if child.i > verb.i else end
            elif child.lower_ in _REFLEXIVE_WORDS and dep in _REFLEXIVE_DEPS and verb.i - 3 <= child.i < verb.i:
                start = min(start, child.i)
            elif dep == "prt" and child.i > verb.i:
                end = max(end, child.i + 1)
        if verb.dep_ in {"acl", "amod"} and not any(c.dep_ in _AUX_DEPS for c in verb.children):
            # an adjectival past participle: "cité par X", "considéré comme", "accusé de"
            passive = passive or verb.tag_ == "VBN" or (
                "Part" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense")
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
        return start, end, negated, passive

    def _is_clitic(self, token: Token) -> bool:
        text = fold(token.text)
        if not text.startswith("-"):
            return False
        word = text[3:] if text.startswith("-t-") else text[1:]
        return word in self.lex.inverted_clitics or word == "t"

    def _clitic(self, start: int, end: int) -> Token | None:
        """The inverted subject pronoun inside a verb group ("a-t-il dit", "estime-t-elle")."""
        for k in range(start, end):
            token = self.doc[k]
            if self._is_clitic(token) and fold(token.text) != "-t":
                return token
        return None

    def _inherited_subject(self, verb: Token) -> Token | None:
        """The subject of the verb a participle or coordinated verb depends on ("..., assurant que P")."""
        node = verb
        for _ in range(3):
            if node.dep_ == "acl" and node.head.pos_ in _SPEAKER_POS:
                return node.head  # "Trump, disant ne pas avoir vu ..."
            if node.dep_ not in {"conj", "advcl", "xcomp"} or node.head.i == node.i:
                return None
            node = node.head
            head_start = min([node.i] + [c.i for c in node.children if c.dep_ in _AUX_DEPS])
            clitic = self._clitic(head_start, node.i + 3)
            if clitic is not None:
                return clitic
            for child in node.children:
                if child.dep_ in _SUBJECT_DEPS:
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

    def _document_source(self, verb: Token, end: int) -> tuple[tuple[int, int] | None, tuple[int, int, int] | None]:
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
            if child.pos_ not in _SPEAKER_POS | {"X", "DET"} or self._is_dative(child):
                continue
            if any(c.dep_ in {"case", "prep"} for c in child.children):
                continue
            if child.dep_ in _OBJECT_DEPS | _SUBJECT_DEPS | {"nmod", "appos", "dep", "obl:mod", "npadvmod", "nsubj:pass"}:
                if self._is_time(child):
                    continue
                return child
        sent_end = self._sent_end[verb.i]
        for k in range(end, min(sent_end, end + 10)):
            token = self.doc[k]
            if token.text in _SENTENCE_END or token.text in {",", ";", "("}:
                break
            if token.pos_ in {"PROPN", "NOUN", "PRON"} and not self._is_time(token):
                if not any(c.dep_ in {"case", "prep"} for c in token.children) and token.head.pos_ not in {"ADP"}:
                    return token
        return None

    def _is_time(self, token: Token) -> bool:
        return token.ent_type_ in {"DATE", "TIME"} or fold(token.lemma_) in self.lex.time_words

    def _only_subject_right(self, verb: Token, end: int) -> bool:
        """True when nothing after the verb group but its subject and adjuncts can be its content."""
        sent_end = self._sent_end[verb.i]
        for child in verb.rights:
            if child.i >= end and child.dep_ in _CLAUSE_DEPS:
                return False
        for k in range(end, min(sent_end, end + 15)):
            token = self.doc[k]
            if token.text in {",", ";"} or token.text in _SENTENCE_END:
                return True
            if fold(token.text) in self.lex.complementizers or token.text == ":":
                return False
            if self.quotes.opening(k) >= 0:
                return False
            if token.pos_ in {"VERB", "AUX"} and token.i != verb.i:
                return False
        return True

    def _speaker_like(self, token: Token) -> bool:
        word = fold(token.text).lstrip("-")
        lex = self.lex
        if word in lex.pronouns or word in lex.relative_pronouns or word in lex.speaker_pronouns:
            return True
        if self.speakers.entity_at(token.i) is not None:
            return True
        lemma = fold(token.lemma_)
        return token.pos_ == "PROPN" or lemma in lex.descriptions or lemma in lex.anonymous_heads

    # -- content -------------------------------------------------------------------------------------

    def _content_right(self, verb: Token, end: int) -> tuple[int, int] | None:
        """What a cue introduces after itself: a clause after que/that or a colon, a quote, its complements."""
        first = self._surface_start(end, verb.i)
        if first >= 0:
            return self._finish_content(first, self._sent_end[verb.i] - 1, verb.i)
        comps = [
            c
            for c in verb.rights
            if c.i >= end
            and c.dep_ in _COMPLEMENT_DEPS
            and not self._is_dative(c)
            and not self._is_clitic(c)
            and not (c.dep_ in {"obl:mod", "prep", "advcl", "nmod"} and not self._clausal_adjunct(c))
        ]
        clauses = [c for c in comps if c.dep_ in _CLAUSE_DEPS]
        if clauses:
            comps = [c for c in comps if c.i >= clauses[0].left_edge.i]
        if not comps:
            return None
        first = max(min(c.left_edge.i for c in comps), end)
        last = max(c.right_edge.i for c in comps)
        return self._finish_content(first, last, verb.i)

    def _clausal_adjunct(self, child: Token) -> bool:
        """An adjunct that carries content: a colon or a quote opens it, or it is a reported clause."""
        if child.dep_ == "advcl":
            return child.pos_ in {"VERB", "AUX"} and any(
                fold(c.text) in self.lex.complementizers for c in child.children
            )
        first = child.left_edge.i
        return self.quotes.opening(first) >= 0 or (first > 0 and self.doc[first - 1].text == ":")

    def _is_dative(self, child: Token) -> bool:
        """The addressee of a cue: "à l'AFP", "auprès de", "to reporters", "told Reuters"."""
        if child.dep_ in {"dative", "iobj"} and child.pos_ != "VERB":
            return True
        if child.dep_ in {"obl:arg", "obl:mod", "obl", "prep", "nmod"}:
            case = next((c for c in child.children if c.dep_ == "case"), None)
            if case is not None and fold(case.text) in _DATIVE_CASES:
                return True
            if child.dep_ == "prep" and fold(child.text) in _DATIVE_CASES:
                return True
        if child.dep_ == "dobj" and child.head.lemma_ == "tell":
            return any(c.dep_ in _CLAUSE_DEPS for c in child.head.children) or self._quote_near(child.head)
        return False

    def _quote_near(self, verb: Token) -> bool:
        lo = max(self._sent_start[verb.i], verb.i - 3)
        hi = min(self._sent_end[verb.i], verb.i + 6)
        return any(self.quotes.quote_of(k) >= 0 for k in range(lo, hi))

    def _surface_start(self, end: int, anchor: int) -> int:
        """First content token after a cue, when a complementizer, a colon or a quote opens it soon after.

        Adjuncts between the cue and its content are skipped ("a indiqué mercredi à l'AFP que P",
        "said in a statement that P"), but not another verb or the end of the sentence.
        """
        doc = self.doc
        limit = min(self._sent_end[anchor], end + 12)
        k = end
        while k < limit:
            token = doc[k]
            word = fold(token.text)
            if word in self.lex.complementizers and token.pos_ in {"SCONJ", "ADP", "PRON", "DET"}:
                if token.pos_ != "PRON" or token.dep_ == "mark":
                    return k + 1
                return -1
            if token.text == ":":
                return k + 1
            if self.quotes.opening(k) >= 0:
                return k
            if token.pos_ in {"VERB", "AUX"} or token.text in _SENTENCE_END or token.is_space and "\n" in token.text:
                return -1
            k += 1
        return -1

    def _finish_content(self, first: int, last: int, anchor: int) -> tuple[int, int] | None:
        """Characters of tokens [first, last] as content: complementizer and punctuation trimmed, a quote
        that opens it taken whole (it may run over several sentences)."""
        doc = self.doc
        while first <= last and (
            fold(doc[first].text) in self.lex.complementizers
            or doc[first].text in {":", ",", "—", "-", "–"}
            or doc[first].is_space
        ):
            first += 1
        if first > last:
            return None
        q = self.quotes.opening(first)
        if q >= 0:
            quote = self.quotes.quotes[q]
            after = self._next_word(quote.end)
            if doc[last].idx + len(doc[last].text) <= quote.end or after < 0 or after >= self._sent_end[last]:
                return self._trim_chars(quote.inner_start, quote.inner_end)
            if self._starts_incise(after):
                return self._trim_chars(quote.inner_start, quote.inner_end)
        end_char = doc[last].idx + len(doc[last].text)
        q_last = self.quotes.quote_of(last)
        if q_last >= 0 and not self.quotes.is_inner(anchor):
            end_char = max(end_char, self.quotes.quotes[q_last].end)
        return self._trim_chars(doc[first].idx, end_char)

    def _next_word(self, char: int) -> int:
        """Index of the first non-punctuation token starting at or after character ``char``, or -1."""
        idx = self.index.idx
        k = bisect_left(idx, char)
        while k < len(idx):
            token = self.doc[k]
            if not (token.is_punct or token.is_space) or token.text == ":":
                return k
            if token.text in _SENTENCE_END:
                return -1
            k += 1
        return -1

    def _starts_incise(self, k: int) -> bool:
        return k > 0 and self.doc[k - 1].text == ","

    def _trim_chars(self, start: int, end: int) -> tuple[int, int] | None:
        text = self.text
        while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.—–-"):
            end -= 1
        if end - start < 2 or not any(ch.isalnum() for ch in text[start:end]):
            return None
        return start, end

    def _incise_left(self, anchor: int) -> bool:
        k = anchor - 1
        while k >= 0 and self.doc[k].is_space:
            k -= 1
        if k < 0:
            return False
        token = self.doc[k]
        if self.quotes.closing(k) >= 0:
            return True
        return token.text in {",", "—", "–", "("}

    def _content_left(self, anchor: int) -> tuple[int, int] | None:
        doc = self.doc
        k = anchor - 1
        while k >= 0 and (doc[k].is_space or doc[k].text in {",", "—", "–", "("}):
            k -= 1
        if k < 0:
            return None
        q = self.quotes.closing(k)
        if q < 0 and k > 0 and doc[k].text in {".", "!", "?"} and self.quotes.closing(k - 1) >= 0:
            q = self.quotes.closing(k - 1)
        if q >= 0:
            quote = self.quotes.quotes[q]
            start = quote.inner_start
            sent = self._sent_start[k]
            # a quote that is only the end of a longer reported clause: "P « Q »," -> "P « Q »"
            open_tok = next((t.i for t in doc[max(sent, 0) : k + 1] if t.idx >= quote.start), k)
            if open_tok > sent and not self._clause_break_before(open_tok, sent):
                start = doc[sent].idx
                return self._trim_chars(start, quote.end) if start < quote.start else self._trim_chars(
                    quote.inner_start, quote.inner_end
                )
            return self._trim_chars(start, quote.inner_end)
        sent = self._sent_start[k]
        if sent == k and k > 0:
            sent = self._sent_start[k - 1]
        first = sent
        for j in range(k, sent - 1, -1):
            if doc[j].text == ":" and j < k:
                first = j + 1
                break
        while first <= k and (self.quotes.opening(first) >= 0 and self.quotes.closing(first) < 0):
            first += 1
        return self._trim_chars(doc[first].idx, doc[k].idx + len(doc[k].text))

    def _clause_break_before(self, i: int, sent: int) -> bool:
        """True when what precedes token ``i`` in its sentence is not part of the same reported clause."""
        doc = self.doc
        for j in range(i - 1, sent - 1, -1):
            if doc[j].is_space:
                continue
            return doc[j].text in {":", ".", "!", "?", "»", "”", '"'} or j == sent - 1
        return True

    # -- sources -------------------------------------------------------------------------------------

    def _np_bounds(self, head: Token) -> tuple[int, int]:
        """[start, end) of the noun phrase headed by ``head``, without relative or adverbial clauses."""
        if head.pos_ == "PRON" or self._is_clitic(head):
            return head.i, head.i + 1
        start = end = head.i
        for child in head.children:
            if child.dep_ in _NP_STOP:
                if child.dep_ == "punct" and start < child.i < end:
                    continue
                if child.dep_ == "conj" or (child.dep_ == "cc" and child.i < max(c.i for c in head.children)):
                    pass
                else:
                    continue
            if self.quotes.quote_of(child.i) >= 0 and self.quotes.quote_of(head.i) < 0:
                continue
            start = min(start, child.left_edge.i)
            end = max(end, child.right_edge.i)
        doc = self.doc
        while end > start and (doc[end].is_punct or doc[end].is_space):
            end -= 1
        while start < end and (doc[start].is_punct or doc[start].is_space):
            start += 1
        return start, end + 1

    def _source_span(self, head: Token | None) -> tuple[tuple[int, int] | None, tuple[int, int, int] | None]:
        if head is None:
            return None, None
        if (
            self.lex.relative_source == "antecedent"
            and fold(head.text) in self.lex.relative_pronouns
            and head.head.dep_ in {"acl:relcl", "relcl"}
            and head.head.head.i != head.head.i
        ):
            head = head.head.head  # "le ministre, qui a déclaré": the source is the minister
        if self._is_clitic(head):
            text = head.text
            offset = 3 if fold(text).startswith("-t-") else 1
            return (head.idx + offset, head.idx + len(text)), (head.i, head.i + 1, head.i)
        start, end = self._np_bounds(head)
        doc = self.doc
        return (doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)), (start, end, head.i)

    # -- prepositional cues --------------------------------------------------------------------------

    def _prepositional(self) -> Iterator[_Candidate]:
        if self._prep_re is not None:
            for match in self._prep_re.finditer(self.text):
                cand = self._preposition_at(match.start(), match.end(), self.lex.prepositions[_key(match.group())])
                if cand is not None:
                    cand.lemma = _key(match.group())
                    yield cand
        if self._initial_re is not None:
            for match in self._initial_re.finditer(self.text):
                cand = self._preposition_at(
                    match.start(), match.end(), self.lex.initial_prepositions[_key(match.group())], initial=True
                )
                if cand is not None:
                    cand.lemma = _key(match.group())
                    yield cand

    def _preposition_at(self, start: int, end: int, act: str, initial: bool = False) -> _Candidate | None:
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
        return _Candidate(
            cue=(start, end),
            content=content,
            source=source_span,
            source_tokens=(np_start, np_end, head.i),
            lemma="",
            act=act,
            anchor=cue_first,
            confidence=0.85 if not initial else 0.6,
        )

    def _phrase_bounds(self, head: Token, first: int, limit: int) -> tuple[int, int]:
        """The noun phrase of ``head``, cut at the first punctuation after ``first`` (parses of "selon X,
        P" often run X into P)."""
        np_start, np_end = self._np_bounds(head)
        np_start = max(np_start, first)
        for k in range(max(first, head.i), min(np_end, limit)):
            token = self.doc[k]
            if token.text in {",", ";", ":", "(", ")"} or token.text in _SENTENCE_END or (
                self.quotes.opening(k) >= 0 and k > first
            ):
                np_end = k
                break
        return np_start, max(np_end, np_start + 1)

    def _phrase_end(self, np_end: int, sent_end: int) -> int:
        """Where a cue phrase ends: after its noun phrase, and after a relay clause set off by commas
        ("selon l'AFP, qui cite le ministère, P")."""
        doc = self.doc
        k = np_end
        if k < sent_end and doc[k].text == "," and k + 1 < sent_end:
            nxt = doc[k + 1]
            if fold(nxt.text) in self.lex.relative_pronouns or fold(nxt.lemma_) in self._relay_heads:
                for j in range(k + 2, sent_end):
                    if doc[j].text == "," or doc[j].text in _SENTENCE_END:
                        return j
                return sent_end
        return np_end

    def _clause_around(self, first: int, after: int, sent_start: int, sent_end: int) -> tuple[int, int] | None:
        """The clause a cue phrase at tokens [first, after) comments on: the longer side of the sentence."""
        left = (sent_start, first - 1)
        right = (after, sent_end - 1)
        quote = self.quotes.quote_of(first)
        if quote >= 0 and self.quotes.is_inner(first):
            q = self.quotes.quotes[quote]
            inner = self.doc.char_span(q.inner_start, q.inner_end, alignment_mode="expand")
            if inner is not None:
                left = (max(left[0], inner.start), left[1])
                right = (right[0], min(right[1], inner.end - 1))
        left_len = self._content_tokens(*left)
        right_len = self._content_tokens(*right)
        if right_len >= left_len and right_len > 0:
            return self._finish_content(right[0], right[1], first)
        if left_len > 0:
            return self._finish_content(left[0], left[1], first)
        return None

    def _sentence_initial(self, i: int, sent_start: int) -> bool:
        for k in range(sent_start, i):
            token = self.doc[k]
            if not (token.is_punct or token.is_space or token.pos_ in {"CCONJ", "ADV"}):
                return False
        return True

    def _object_head(self, cue_last: int, sent_end: int) -> Token | None:
        doc = self.doc
        for k in range(cue_last + 1, min(sent_end, cue_last + 6)):
            token = doc[k]
            if token.pos_ in {"NOUN", "PROPN", "PRON", "NUM", "X"} or self.speakers.entity_at(k) is not None:
                node = token
                for _ in range(6):
                    parent = node.head
                    if parent.i == node.i or not (cue_last < parent.i < sent_end):
                        break
                    if parent.pos_ not in {"NOUN", "PROPN", "PRON", "NUM", "X", "ADJ", "DET"}:
                        break
                    if node.dep_ in {"nmod", "conj", "appos"} and parent.i < node.i:
                        node = parent
                        continue
                    if node.dep_ in {"flat:name", "flat", "compound", "amod", "det", "nummod", "fixed"}:
                        node = parent
                        continue
                    break
                return node
            if token.text in _SENTENCE_END or token.text == ",":
                return None
        return None

    def _content_tokens(self, first: int, last: int) -> int:
        return sum(1 for k in range(first, last + 1) if not (self.doc[k].is_punct or self.doc[k].is_space))

    # -- colon introductions -------------------------------------------------------------------------

    def _colons(self, found: list[_Candidate]) -> Iterator[_Candidate]:
        doc = self.doc
        claimed = sorted((c.content for c in found), key=lambda r: r[0])
        colon = self.doc.vocab.strings.add(":")
        for i in (k for k, lower in enumerate(self.index.lower) if lower == colon):
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
                continue
            quote = self.quotes.quotes[q]
            if any(_overlaps((quote.inner_start, quote.inner_end), r) for r in claimed):
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
            yield _Candidate(
                cue=(token.idx, token.idx + 1),
                content=content,
                source=source_span,
                source_tokens=source_tokens,
                lemma=":",
                act="assert",
                anchor=token.i,
                confidence=0.6,
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
            head = next((t for t in heads if t.pos_ in _SPEAKER_POS), None)
            return head if head is not None and self._speaker_like(head) else None
        root = next((t for t in window if t.head.i == t.i or not (sent <= t.head.i < colon)), None)
        if root is None:
            return None
        subject = next((c for c in root.children if c.dep_ in _SUBJECT_DEPS and c.i < colon), None)
        if subject is not None and self._speaker_like(subject):
            return subject
        return None

    # -- chains --------------------------------------------------------------------------------------

    def _verb_relays(self, outer: _Candidate, verb: Token, end: int) -> Iterator[_Candidate]:
        """Sources passed on with the verb itself: "a appris l'AFP de source proche", "a déclaré à l'AFP"."""
        doc = self.doc
        lex = self.lex
        for child in verb.rights:
            if child.i < end:
                continue
            text = fold(doc[child.left_edge.i : child.right_edge.i + 1].text)
            for expression in lex.anonymous_expressions:
                if text.startswith(expression) or (" " + expression) in " " + text:
                    s_start, s_end = child.left_edge.i, child.right_edge.i + 1
                    if fold(doc[s_start].text) in {"de", "d'"}:
                        s_start += 1
                    yield _Candidate(
                        cue=outer.cue,
                        content=outer.content,
                        source=(doc[s_start].idx, doc[s_end - 1].idx + len(doc[s_end - 1].text)),
                        source_tokens=(s_start, s_end, child.i),
                        lemma=outer.lemma,
                        act=outer.act,
                        anchor=child.i,
                        confidence=0.7,
                        relay_of=outer,
                        shares_cue=True,
                    )
                    break
            if self._is_dative(child) and child.pos_ in {"PROPN", "NOUN", "X"}:
                entity = self.speakers.entity_at(child.i)
                if entity is None or entity.kind != "organisation":
                    continue
                if outer.source is None or not self._is_outlet_relay(child):
                    continue
                case = next((c for c in child.children if c.dep_ in {"case"}), None)
                cue_end = case.idx + len(case.text) if case is not None and case.i > verb.i else outer.cue[1]
                s_start, s_end = self._np_bounds(child)
                relay = _Candidate(
                    cue=(outer.cue[0], max(outer.cue[1], cue_end)),
                    content=outer.content,
                    source=(doc[s_start].idx, doc[s_end - 1].idx + len(doc[s_end - 1].text)),
                    source_tokens=(s_start, s_end, child.i),
                    lemma=outer.lemma,
                    act="report",
                    anchor=child.i,
                    confidence=0.6,
                    shares_cue=True,
                )
                outer.relay_of = relay
                yield relay

    def _is_outlet_relay(self, child: Token) -> bool:
        case = next((c for c in child.children if c.dep_ == "case"), None)
        if child.dep_ in {"dative", "dobj", "iobj"}:
            return True
        return case is not None and fold(case.text) in _DATIVE_CASES

    def _chain(self, candidates: list[_Candidate]) -> None:
        """Link relays and nested attributions, and add the inner attributions of relay verbs."""
        by_source_head: dict[int, _Candidate] = {}
        by_verb: dict[int, _Candidate] = {}
        for cand in candidates:
            if cand.source_tokens is not None and not cand.shares_cue:
                for k in range(cand.source_tokens[0], cand.source_tokens[1]):
                    by_source_head.setdefault(k, cand)
            if cand.verb is not None:
                by_verb[cand.verb.i] = cand
        extra: list[_Candidate] = []
        for cand in candidates:
            verb = cand.verb
            if verb is None or cand.shares_cue or not self._is_relay_verb(cand):
                continue
            outer = self._relay_host(verb, by_source_head, by_verb)
            if outer is None or outer is cand:
                continue
            passive_agent = self._agent(verb)
            if passive_agent is not None and verb.dep_ in {"acl", "amod"}:
                # "X, cité par Y": Y relays X
                cand.content = outer.content
                outer.relay_of = cand
                continue
            # "selon X, qui cite Y" / "en se référant à Y": Y's words reach us through X
            target = self._relay_target(verb)
            if target is None:
                continue
            source_span, source_tokens = self._source_span(target)
            cand.source, cand.source_tokens = source_span, source_tokens
            cand.content = outer.content
            cand.relay_of = outer
        candidates.extend(extra)
        # nested attributions: an attribution whose cue lies in another's content reaches us through it
        ordered = sorted(candidates, key=lambda c: c.content[0])
        for inner in candidates:
            if inner.relay_of is not None or inner.shares_cue:
                continue
            best: _Candidate | None = None
            for outer in ordered:
                if outer.content[0] > inner.cue[0]:
                    break
                if outer is inner or outer.shares_cue or outer.relay_of is inner:
                    continue
                if outer.content[0] <= inner.cue[0] and inner.cue[1] <= outer.content[1]:
                    if best is None or outer.content[1] - outer.content[0] < best.content[1] - best.content[0]:
                        best = outer
            if best is not None:
                inner.relay_of = best
        if not self.nested:
            nested = {id(c) for c in candidates if c.relay_of is not None and not c.shares_cue and self._inside(c)}
            candidates[:] = [c for c in candidates if id(c) not in nested]

    def _inside(self, cand: _Candidate) -> bool:
        outer = cand.relay_of
        return outer is not None and outer.content[0] <= cand.cue[0] and cand.cue[1] <= outer.content[1]

    def _is_relay_verb(self, cand: _Candidate) -> bool:
        return cand.lemma in self.lex.relay_verbs

    def _relay_host(
        self, verb: Token, by_source_head: dict[int, _Candidate], by_verb: dict[int, _Candidate]
    ) -> _Candidate | None:
        head = verb.head
        if verb.dep_ in {"acl:relcl", "relcl", "acl", "amod"}:
            return by_source_head.get(head.i)
        if verb.dep_ in {"advcl", "conj", "xcomp"} and head.i in by_verb:
            return by_verb[head.i]
        return None

    def _relay_target(self, verb: Token) -> Token | None:
        for child in verb.rights:
            if child.dep_ in _OBJECT_DEPS | {"obl:arg", "obl", "prep", "obl:mod"} and child.pos_ in _SPEAKER_POS | {"X"}:
                return child
            if child.dep_ == "prep":
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj":
                        return grandchild
        return None

    # -- clean-up and records ------------------------------------------------------------------------

    def _dedupe(self, candidates: list[_Candidate]) -> list[_Candidate]:
        """One attribution per cue: overlapping cues keep the more confident reading (relays excepted)."""
        kept: list[_Candidate] = []
        ordered = sorted(candidates, key=lambda c: (c.cue[0], -c.confidence))
        for cand in ordered:
            if cand.shares_cue:
                kept.append(cand)
                continue
            clash = next(
                (k for k in reversed(kept[-4:]) if not k.shares_cue and _overlaps(k.cue, cand.cue)), None
            )
            if clash is None:
                kept.append(cand)
            elif cand.confidence > clash.confidence:
                kept[kept.index(clash)] = cand
        return kept

    def _resolve(self, candidates: list[_Candidate]) -> None:
        for cand in sorted(candidates, key=lambda c: c.source_tokens[2] if c.source_tokens else c.anchor):
            if cand.source_tokens is None:
                continue
            start, end, head = cand.source_tokens
            cand.info = self.speakers.resolve(start, end, head)

    def _record(self, cand: _Candidate, index: dict[int, int]) -> Attribution:
        text = self.text
        info = cand.info
        if cand.source is None or info is None:
            quote_type: QuoteType = "nosource"
            kind = "none"
        else:
            quote_type = self._quote_type(cand.content)
            kind = info.kind
        hedges, certainty = self._hedges(cand)
        relayed_by = index.get(id(cand.relay_of)) if cand.relay_of is not None else None
        return Attribution(
            cue=Span(cand.cue[0], cand.cue[1], text[cand.cue[0] : cand.cue[1]]),
            content=Span(cand.content[0], cand.content[1], text[cand.content[0] : cand.content[1]]),
            source=Span(cand.source[0], cand.source[1], text[cand.source[0] : cand.source[1]])
            if cand.source is not None
            else None,
            type=quote_type,
            source_kind=kind,  # type: ignore[arg-type]
            cue_lemma=cand.lemma,
            cue_act=cand.act,
            resolved=info.resolved if info is not None else None,
            source_key=info.key if info is not None else None,
            relayed_by=relayed_by,
            hedges=hedges,
            negated=cand.negated,
            certainty=certainty,
            confidence=cand.confidence,
            extractor=NAME,
        )

    def _quote_type(self, content: tuple[int, int]) -> QuoteType:
        covered, count = self.quotes.coverage(*content)
        if count == 0:
            return "indirect"
        outside = self.text[content[0] : content[1]]
        inside_chars = sum(1 for ch in outside if ch.isalnum())
        if covered >= content[1] - content[0] - 2 or _alnum_outside(self.text, content, self.quotes) == 0:
            return "direct"
        return "mixed" if inside_chars else "indirect"

    def _hedge_tokens(self, start: int, end: int) -> list[int]:
        """Conditional or modal tokens starting inside characters [start, end)."""
        idx = self.index.idx
        lo = bisect_left(self._modal, bisect_left(idx, start))
        hi = bisect_left(self._modal, bisect_left(idx, end))
        return self._modal[lo:hi]

    def _hedges(self, cand: _Candidate) -> tuple[tuple[str, ...], Certainty]:
        text = self.text
        found: list[str] = []
        level = ""
        window_start = max(0, min(cand.cue[0], cand.content[0]))
        window_end = max(cand.cue[1], cand.content[1])
        if self._hedge_re is not None:
            for match in self._hedge_re.finditer(text, window_start, window_end):
                if self.quotes.at_char(match.start()) >= 0 and not self._quote_type(cand.content) == "indirect":
                    continue
                found.append(match.group())
                level = level or "hedge"
        doc = self.doc
        for i in self._hedge_tokens(window_start, window_end):
            start = self.index.idx[i]
            if self.quotes.quote_of(i) >= 0:
                continue
            if not (cand.content[0] <= start < cand.content[1] or cand.cue[0] <= start < cand.cue[1]):
                continue
            token = doc[i]
            if fold(token.lemma_) in self.lex.modals:
                found.append(token.text)
                level = "modal"
            elif self.lex.conditional_mood and i in self._conditional:
                found.append(token.text)
                level = "conditional" if level != "modal" else level
        unique = tuple(dict.fromkeys(found))
        return unique, _HEDGE_CERTAINTY.get(level, "certain")


def _alnum_outside(text: str, content: tuple[int, int], quotes: QuoteMap) -> int:
    count = 0
    pos = content[0]
    while pos < content[1]:
        q = quotes.at_char(pos)
        if q >= 0:
            pos = max(pos + 1, quotes.quotes[q].end)
            continue
        if text[pos].isalnum():
            count += 1
        pos += 1
    return count


def _entries(lexicon: Lexicon, lemmas: frozenset[str]) -> Iterator[VerbCue]:
    for cues in lexicon.verbs.values():
        for cue in cues:
            if cue.lemma in lemmas:
                yield cue


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _cut(content: tuple[int, int], other: tuple[int, int]) -> tuple[int, int] | None:
    """``content`` without the part ``other`` covers, keeping the longer side."""
    left = (content[0], other[0])
    right = (other[1], content[1])
    best = max(left, right, key=lambda r: r[1] - r[0])
    return best if best[1] - best[0] > 1 else None


def _key(text: str) -> str:
    return " ".join(fold(text).split())


def _word_regex(words: Sequence[str]) -> re.Pattern[str] | None:
    if not words:
        return None
    alternatives = []
    for word in words:
        parts = [re.escape(p).replace("'", "['’]") for p in word.split()]
        alternatives.append(r"\s+".join(parts))
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def _has_reflexive(verb: Token) -> bool:
    for child in verb.children:
        if child.lower_ in _REFLEXIVE_WORDS or child.lower_.replace("’", "'") in _REFLEXIVE_WORDS:
            if child.i < verb.i:
                return True
    doc = verb.doc
    for k in range(max(verb.i - 3, 0), verb.i):
        if fold(doc[k].text) in {"se", "s'"}:
            return True
    return False


def _match_tail(verb: Token, tail: Sequence[str]) -> int:
    """Index of the last token of ``tail`` after ``verb`` (skipping adverbs), or -1."""
    doc = verb.doc
    k = verb.i + 1
    matched = verb.i
    for word in tail:
        while k < len(doc) and doc[k].pos_ == "ADV" and fold(doc[k].text) != word and k - verb.i < 4:
            k += 1
        if k >= len(doc):
            return -1
        token = doc[k]
        if word not in {fold(token.text), fold(token.lemma_)}:
            return -1
        matched = k
        k += 1
    return matched
