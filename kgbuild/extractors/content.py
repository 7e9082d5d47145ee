"""Where the content of an attribution begins and ends.

After a cue: a que/that clause, a quotation (possibly over several sentences), a colon, the verb's
complements. Before an inverted cue: the quotation or clause it follows. Around a cue phrase ("selon X"):
the clause it comments on. Quotations interrupted by their cue, coordinated verbs, colons that open a
new quotation and sentence ends the splitter missed all bound what is taken.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.symbols import AUX as AUX_POS
from spacy.symbols import VERB
from spacy.tokens import Token

from kgbuild.extractors.lexicon import fold
from kgbuild.extractors.scene import (
    ARGUMENT_PPS,
    CLAUSE_DEPS,
    CLAUSE_HEAD_DEPS,
    COMPLEMENT_DEPS,
    SENTENCE_END,
    Scene,
)

VERB_POS = {VERB, AUX_POS}


class ContentRules(Scene):
    def _continued_quote(
        self, content: tuple[int, int], verb: Token, source: Token | None, end: int
    ) -> tuple[int, int]:
        """An inverted cue inside a quotation goes on with it: '"A," she said. "B."' and « A », dit-il,
        « B ». The lexicon says whether the content spans both parts (PolNeAR) or keeps the longer one."""
        doc = self.doc
        k = end
        if source is not None and source.i >= end:
            k = max(k, self._np_bounds(source)[1])
        limit = min(len(doc), k + 4)
        separators = ""
        while k < limit and (doc[k].is_punct or doc[k].is_space) and self.quotes.opening(k) < 0:
            separators += doc[k].text
            k += 1
        if not self.lex.join_quotes and any(mark in separators for mark in ".!?"):
            return content  # the next sentence is another attribution unless the lexicon joins quotes
        if self.lex.join_quotes and (
            k >= limit or (self.quotes.opening(k) < 0 and not self.quotes.is_inner(verb.i))
        ):
            further = self._quote_goes_on(content, verb, k)
            if further is not None:
                return content[0], further
        if k >= limit:
            return content
        q = self.quotes.opening(k)
        if q < 0 and self.quotes.is_inner(verb.i):
            q = self.quotes.quote_of(verb.i)  # the cue interrupts one quotation: « A, dit-il, B »
            if self.quotes.quotes[q].inner_end <= doc[k].idx:
                return content
            rest = self._trim_chars(doc[k].idx, self.quotes.quotes[q].inner_end)
        elif q >= 0:
            rest = self._trim_chars(self.quotes.quotes[q].inner_start, self.quotes.quotes[q].inner_end)
        else:
            return content
        if rest is None:
            return content
        if self.lex.join_quotes:
            return content[0], rest[1]
        return rest if rest[1] - rest[0] > content[1] - content[0] else content

    def _quote_goes_on(self, content: tuple[int, int], verb: Token, k: int) -> int | None:
        """End of what a speaker goes on saying after an inverted cue, where the lexicon joins the parts:
        the quotation that opens later in the cue's sentence or right after it ('"A," she said in a post.
        "B."'), or, for an unquoted content interrupted mid-sentence, the rest of that sentence ("What
        matters, she said, is P"). None when nothing goes on, or when the next part has a cue of its own."""
        doc = self.doc
        sent_end = self._sent_end[verb.i]
        quoted = self.quotes.coverage(*content)[1] > 0
        if quoted:
            j = k
            while j < len(doc) and j <= sent_end + 1 and (j < sent_end or doc[j].is_space or doc[j].is_punct):
                q = self.quotes.opening(j)
                if q >= 0:
                    quote = self.quotes.quotes[q]
                    if self._cue_after(quote.end):
                        return None
                    return quote.inner_end
                j += 1
            return None
        if k < len(doc) and doc[k - 1].text == "," and k < sent_end - 1:
            end_token = doc[sent_end - 1]
            while end_token.i > k and (end_token.is_punct or end_token.is_space):
                end_token = doc[end_token.i - 1]
            if end_token.i - k >= 2 and not self._cue_after(doc[k].idx):
                return end_token.idx + len(end_token.text)
        return None

    def _cue_after(self, pos: int) -> bool:
        """A lexicon cue verb within a few tokens after character ``pos``: "B," she replied."""
        doc = self.doc
        span = doc.char_span(pos, min(len(self.text), pos + 1), alignment_mode="expand")
        start = span.start if span is not None else len(doc)
        return any(
            doc[j].lemma in self.parts.cue_heads and doc[j].pos == VERB
            for j in range(start, min(len(doc), start + 5))
        )

    def _colon_quote(self, end: int, anchor: int) -> int:
        """Index of the quote a colon opens later in the cue's sentence ("told him: « P »"), or -1."""
        limit = min(self._sent_end[anchor], end + 30)
        text, idx, ends = self.text, self.index.idx, self.index.end
        for k in range(end, limit - 1):
            word = text[idx[k] : ends[k]]
            if fold(word) in self.lex.complementizers and self.doc[k].dep_ == "mark":
                return -1
            if word == ":" and self.quotes.opening(k + 1) >= 0:
                return k + 1
            if self.quotes.opening(k) >= 0:
                return -1
        return -1

    def _content_right(self, verb: Token, end: int) -> tuple[int, int] | None:
        """What a cue introduces after itself: a clause after que/that or a colon, a quote, its complements."""
        first = self._surface_start(end, verb.i)
        if first >= 0:
            return self._finish_content(first, self._clause_end(first, verb.i), verb.i)
        quoted = self._colon_quote(end, verb.i)
        if quoted >= 0:
            return self._finish_content(quoted, self._sent_end[verb.i] - 1, verb.i)
        comps = [
            c
            for c in verb.rights
            if c.i >= end
            and c.dep_ in COMPLEMENT_DEPS
            and (not self._is_dative(c) or self._case_in_cue(c, end))
            and not self._is_clitic(c)
            and not (c.dep_ in {"obl:mod", "prep", "advcl", "nmod"} and not self._clausal_adjunct(c))
        ]
        for child in verb.rights:  # "called for X", "pointed to X": the cue took the preposition
            if child.i < end and child.dep_ == "prep":
                comps.extend(g for g in child.children if g.dep_ in {"pobj", "pcomp"} and g.i >= end)
        comps.sort(key=lambda c: c.i)
        clauses = [c for c in comps if c.dep_ in CLAUSE_DEPS and c.pos_ in {"VERB", "AUX"}]
        if clauses and not (clauses[0].dep_ == "xcomp" and self._infinitive(clauses[0])):
            comps = [c for c in comps if c.i >= clauses[0].left_edge.i]
        if not comps:
            return None
        first = max(min(c.left_edge.i for c in comps), end)
        last = max(c.right_edge.i for c in comps)
        if not clauses:  # "attacked Clinton for her support of ...", "qualifie X de Y"
            for child in verb.rights:
                if (
                    child.i > last
                    and child.dep_ in ARGUMENT_PPS
                    and not self._is_dative(child)
                    and not self._is_time(child)
                ):
                    last = max(last, child.right_edge.i)
        # complements stop where the clause does: a colon opening a quote, a coordinated cue
        last = min(last, self._clause_end(first, verb.i))
        return self._finish_content(first, last, verb.i)

    def _clause_end(self, first: int, anchor: int) -> int:
        """Last token of the clause that starts at ``first``, within the sentence of ``anchor``.

        The region is walked subtree by subtree; it ends before a new clause hung outside it (a verb
        coordinated with the cue: "assure que P et a déclaré Q"), before a colon that opens a quote (a
        new attribution: "s'étonnent de X : « Y »"), and before sentence-final punctuation the sentence
        splitter missed ("chimiques.- Sorti").
        """
        doc = self.doc
        limit = self._sent_end[anchor]
        if self.quotes.opening(first) >= 0:
            return limit - 1
        last = first
        k = first
        while k < limit:
            token = doc[k]
            if k > first and self.quotes.quote_of(k) < 0:
                if token.text in {".", "!", "?"} or token.text.startswith(".-"):
                    break
                if token.text == "," and (self._cue_follows(k + 1, limit) or self._phrase_follows(k + 1)):
                    break
                if token.pos_ == "CCONJ" and self._cue_follows(k + 1, limit):
                    break  # "assure qu'il va en importer et a déclaré que ..."
                if token.text == ":" and k + 1 < limit and self.quotes.opening(k + 1) >= 0:
                    break
            head = token.head.i
            outside = head == k or not (first <= head < limit)
            if (
                outside
                and k > first
                and token.dep_ in {"conj", "parataxis", "advcl"}
                and token.pos_ in {"VERB", "AUX"}
                and head < first
                and self._after_conjunction(k)  # "assure que P et a déclaré Q"
            ):
                last = max(first, k - 1)
                while last > first and (doc[last].pos_ in {"CCONJ", "PUNCT"} or doc[last].is_space):
                    last -= 1
                break
            if outside:
                right = min(token.right_edge.i, limit - 1)
                last = max(last, right)
                k = max(k, right) + 1
                continue
            last = max(last, k)
            k += 1
        chars, idx, ends = self.text, self.index.idx, self.index.end
        for j in range(first + 1, last + 1):  # the subtree may hide sentence ends or a quoting colon
            text = chars[idx[j] : ends[j]]
            if self.quotes.quote_of(j) < 0 and (
                text in {".", "!", "?"}
                or text.startswith(".-")
                or (text == ":" and j + 1 <= last and self.quotes.opening(j + 1) >= 0)
            ):
                return j - 1
        return last

    def _case_in_cue(self, child: Token, end: int) -> bool:
        """The preposition of ``child`` belongs to the cue ("a appelé à la solidarité")."""
        return any(c.dep_ in {"case", "prep"} and c.i < end for c in child.children)

    def _infinitive(self, token: Token) -> bool:
        """An infinitive complement ("accuse X de mentir", "urged X to resign"): its object stays."""
        return "Inf" in token.morph.get("VerbForm", []) or token.tag_ == "VB"

    def _cue_follows(self, k: int, limit: int) -> bool:
        """True when a cue verb starts at token ``k`` (after auxiliaries): "P, rapporte Le Monde"."""
        lemma, pos = self.index.lemma, self.index.pos
        while k < limit and pos[k] == AUX_POS and lemma[k] not in self.parts.cue_heads:
            k += 1
        return k < limit and lemma[k] in self.parts.cue_heads and pos[k] in VERB_POS

    def _phrase_follows(self, k: int) -> bool:
        """True when a cue phrase starts at token ``k``: "P, according to X", "P, selon X"."""
        if self.parts.prep_re is None or k >= len(self.doc):
            return False
        return self.parts.prep_re.match(self.text, self.index.idx[k]) is not None

    def _after_conjunction(self, k: int) -> bool:
        """True when the verb group of token ``k`` directly follows a conjunction or a comma ("et a dit")."""
        j = k - 1
        while j >= 0 and self.doc[j].pos_ in {"AUX", "ADV", "PART"} and k - j <= 3:
            j -= 1
        return j >= 0 and (self.doc[j].pos_ == "CCONJ" or self.doc[j].text == ",")

    def _clausal_adjunct(self, child: Token) -> bool:
        """An adjunct that carries content: a colon or a quote opens it, or it is a reported clause."""
        if child.dep_ == "advcl":
            return child.pos_ in {"VERB", "AUX"} and any(
                fold(c.text) in self.lex.complementizers for c in child.children
            )
        first = child.left_edge.i
        return self.quotes.opening(first) >= 0 or (first > 0 and self.doc[first - 1].text == ":")

    def _surface_start(self, end: int, anchor: int) -> int:
        """First content token after a cue, when a complementizer, a colon or a quote opens it soon after.

        Adjuncts between the cue and its content are skipped ("a indiqué mercredi à l'AFP que P",
        "said in a statement that P"), but not another verb or the end of the sentence.
        """
        doc = self.doc
        limit = min(self._sent_end[anchor], end + 12)
        k = end
        object_seen = False  # "a annoncé la fermeture « temporaire »": the quote is inside the object
        while k < limit:
            token = doc[k]
            word = fold(token.text)
            if word in self.lex.complementizers and (token.pos_ == "SCONJ" or token.dep_ == "mark"):
                return k + 1
            if word in self.lex.complementizers and token.pos_ in {"PRON", "DET"}:
                return -1
            if token.text == ":":
                return k + 1
            if self.quotes.opening(k) >= 0:
                return -1 if object_seen else k
            if (
                token.pos_ in {"VERB", "AUX"} and token.dep_ in CLAUSE_HEAD_DEPS
            ) or token.text in SENTENCE_END:
                return -1
            if token.pos_ in {"NOUN", "PROPN", "NUM"} and not self._is_time(token):
                noun = token
                object_seen = object_seen or not (
                    any(c.dep_ in {"case", "prep"} for c in noun.children) or noun.dep_ == "pobj"
                )
            if token.is_space and "\n" in token.text:
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
            if self._starts_incise(after) or self._new_clause(after):
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
            if token.text in SENTENCE_END:
                return -1
            k += 1
        return -1

    def _new_clause(self, k: int) -> bool:
        """True when token ``k`` starts another clause: a conjunction or a verb ("« P » et a ajouté")."""
        return (
            self.doc[k].pos_ == "CCONJ" and k + 1 < len(self.doc) and self.doc[k + 1].pos_ in {"VERB", "AUX"}
        )

    def _starts_incise(self, k: int) -> bool:
        return k > 0 and self.doc[k - 1].text == ","

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
                return (
                    self._trim_chars(start, quote.end)
                    if start < quote.start
                    else self._trim_chars(quote.inner_start, quote.inner_end)
                )
            return self._trim_chars(start, quote.inner_end)
        sent = self._sent_start[k]
        if sent == k and k > 0:
            sent = self._sent_start[k - 1]
        first = sent
        for j in range(k, sent - 1, -1):
            text = doc[j].text
            if (
                j < k
                and self.quotes.quote_of(j) < 0
                and (text == ":" or text in {".", "!", "?"} or text.startswith(".-"))
            ):
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

    def _phrase_bounds(self, head: Token, first: int, limit: int) -> tuple[int, int]:
        """The noun phrase of ``head``, cut at the first punctuation after ``first`` (parses of "selon X,
        P" often run X into P)."""
        np_start, np_end = self._np_bounds(head)
        np_start = max(np_start, first)
        for k in range(max(first, head.i), min(np_end, limit)):
            token = self.doc[k]
            if (
                token.text in {",", ";", ":", "(", ")"}
                or token.text in SENTENCE_END
                or (self.quotes.opening(k) >= 0 and k > first)
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
            if fold(nxt.text) in self.lex.relative_pronouns or fold(nxt.lemma_) in self.parts.relay_heads:
                for j in range(k + 2, sent_end):
                    if doc[j].text == "," or doc[j].text in SENTENCE_END:
                        return j
                return sent_end
        return np_end

    def _clause_around(
        self, first: int, after: int, sent_start: int, sent_end: int
    ) -> tuple[int, int] | None:
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
            last = right[1] if left_len == 0 else min(right[1], self._clause_end(right[0], first))
            return self._finish_content(right[0], last, first)
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
            if token.text in SENTENCE_END or token.text == ",":
                return None
        return None
