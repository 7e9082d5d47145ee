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
# a cue verb hanging on another this way is said by the same speaker, and goes on from it
_SAME_SPEAKER_DEPS = {"advcl", "conj"}


_PAIRED_OPENER = {"»": "«", "”": "“"}  # closing mark -> its opening mark


class ContentRules(Scene):
    def _continued_quote(
        self, content: tuple[int, int], verb: int, source: int | None, end: int
    ) -> tuple[int, int]:
        """An inverted cue inside a quotation goes on with it: '"A," she said. "B."' and « A », dit-il,
        « B ». The lexicon says whether the content spans both parts (PolNeAR) or keeps the longer one."""
        index = self.index
        punct, space = index.is_punct, index.is_space
        k = end
        if source is not None and source >= end:
            k = max(k, self._np_bounds(source)[1])
        limit = min(len(index), k + 4)
        separators = ""
        while k < limit and (punct[k] or space[k]) and self.quotes.opening(k) < 0:
            separators += index.texts[k]
            k += 1
        if not self.lex.join_quotes and any(mark in separators for mark in ".!?"):
            return content  # the next sentence is another attribution unless the lexicon joins quotes
        if self.lex.join_quotes and (
            k >= limit or (self.quotes.opening(k) < 0 and not self.quotes.is_inner(verb))
        ):
            further = self._quote_goes_on(content, verb, k)
            if further is not None:
                return content[0], further
        if k >= limit:
            return content
        q = self.quotes.opening(k)
        if q < 0 and self.quotes.is_inner(verb):
            q = self.quotes.quote_of(verb)  # the cue interrupts one quotation: « A, dit-il, B »
            if self.quotes.quotes[q].inner_end <= index.idx[k]:
                return content
            rest = self._trim_chars(index.idx[k], self.quotes.quotes[q].inner_end)
        elif q >= 0:
            rest = self._trim_chars(self.quotes.quotes[q].inner_start, self.quotes.quotes[q].inner_end)
        else:
            return content
        if rest is None:
            return content
        if self.lex.join_quotes:
            return content[0], rest[1]
        return rest if rest[1] - rest[0] > content[1] - content[0] else content

    def _quote_goes_on(self, content: tuple[int, int], verb: int, k: int) -> int | None:
        """End of what a speaker goes on saying after an inverted cue, where the lexicon joins the parts:
        the quotation that opens later in the cue's sentence or right after it ('"A," she said in a post.
        "B."'), or, for an unquoted content interrupted mid-sentence, the rest of that sentence ("What
        matters, she said, is P"). None when nothing goes on, or when the next part has a cue of its own."""
        index = self.index
        n, punct, space = len(index), index.is_punct, index.is_space
        sent_end = self._sent_end[verb]
        quoted = self.quotes.coverage(*content)[1] > 0
        if quoted:
            j = k
            while j < n and j <= sent_end + 1 and (j < sent_end or space[j] or punct[j]):
                q = self.quotes.opening(j)
                if q >= 0:
                    quote = self.quotes.quotes[q]
                    if self._cue_after(quote.end):
                        return None
                    return quote.inner_end
                j += 1
            return None
        if k < n and index.texts[k - 1] == "," and k < sent_end - 1:
            last = sent_end - 1
            while last > k and (punct[last] or space[last]):
                last -= 1
            if last - k >= 2 and not self._cue_after(index.idx[k]):
                return index.end[last]
        return None

    def _cue_after(self, pos: int) -> bool:
        """A lexicon cue verb within a few tokens after character ``pos``: "B," she replied."""
        index = self.index
        n = len(index)
        span = index.expand_span(pos, min(len(self.text), pos + 1))
        start = span[0] if span is not None else n
        return any(
            index.lemma[j] in self.parts.cue_heads and index.pos[j] == VERB
            for j in range(start, min(n, start + 5))
        )

    def _colon_quote(self, end: int, anchor: int, next_cue: int) -> int:
        """Index of the quote a colon opens later in the cue's sentence ("told him: « P »"), before the
        token ``next_cue``, or -1."""
        limit = min(self._sent_end[anchor], end + 30, next_cue)
        texts, deps = self.index.texts, self.index.tree.dep
        for k in range(end, limit - 1):
            word = texts[k]
            if fold(word) in self.lex.complementizers and deps[k] == "mark":
                return -1
            if word == ":" and self.quotes.opening(k + 1) >= 0:
                return k + 1
            if self.quotes.opening(k) >= 0:
                return -1
        return -1

    def _next_cue(self, verb: int, end: int) -> int:
        """The first cue verb after ``end`` that goes on from ``verb`` for the same speaker and opens a content
        of its own ("a salué leur travail, avant d'ajouter : « P »", "praised them and added that P"): what
        follows it is its content, not ``verb``'s. The length of the Doc where there is none."""
        index = self.index
        deps, pos, lemma = index.tree.dep, index.pos, index.lemma
        return next(
            (
                c
                for c in self._rights(verb)
                if c >= end
                and deps[c] in _SAME_SPEAKER_DEPS
                and pos[c] == VERB
                and lemma[c] in self.parts.cue_heads
                and self._opens_content(c + 1)
            ),
            len(index),
        )

    def _opens_content(self, k: int) -> bool:
        """Whether a colon, a complementizer or a quotation opens at token ``k``, spaces skipped."""
        index = self.index
        while k < len(index) and index.is_space[k]:
            k += 1
        if k >= len(index):
            return False
        text = index.texts[k]
        return text == ":" or fold(text) in self.lex.complementizers or self.quotes.opening(k) >= 0

    def _content_right(self, verb: int, end: int) -> tuple[int, int] | None:
        """What a cue introduces after itself: a clause after que/that or a colon, a quote, its complements."""
        first = self._surface_start(end, verb)
        if first >= 0:
            paragraph = self._paragraph_after_colon(first)
            if paragraph is not None:
                return paragraph
            return self._finish_content(first, self._clause_end(first, verb), verb)
        next_cue = self._next_cue(verb, end)
        quoted = self._colon_quote(end, verb, next_cue)
        if quoted >= 0:
            return self._finish_content(quoted, self._sent_end[verb] - 1, verb)
        index = self.index
        deps, children, edges = index.tree.dep, index.tree.children, index.edges
        rights = self._rights(verb)
        comps = [
            c
            for c in rights
            if c >= end
            and deps[c] in COMPLEMENT_DEPS
            and (not self._is_dative(c) or self._case_in_cue(c, end))
            and not self._is_clitic(c)
            and not (deps[c] in {"obl:mod", "prep", "advcl", "nmod"} and not self._clausal_adjunct(c))
        ]
        for child in rights:  # "called for X", "pointed to X": the cue took the preposition
            if child < end and deps[child] == "prep":
                comps.extend(g for g in children[child] if deps[g] in {"pobj", "pcomp"} and g >= end)
        comps = sorted(c for c in comps if c < next_cue)
        clauses = [c for c in comps if deps[c] in CLAUSE_DEPS and index.pos_strings[c] in {"VERB", "AUX"}]
        if clauses and not (deps[clauses[0]] == "xcomp" and self._infinitive(clauses[0])):
            comps = [c for c in comps if c >= edges(clauses[0])[0]]
        if not comps:
            return None
        first = max(min(edges(c)[0] for c in comps), end)
        while first > end and index.pos_strings[first - 1] == "NUM":
            first -= 1  # "annonce 51,15% de grévistes": the parse hung the number elsewhere
        last = max(edges(c)[1] for c in comps)
        if not clauses:  # "attacked Clinton for her support of ...", "qualifie X de Y"
            for child in rights:
                if (
                    child > last
                    and deps[child] in ARGUMENT_PPS
                    and not self._is_dative(child)
                    and not self._is_time(child)
                ):
                    last = max(last, edges(child)[1])
        # complements stop where the clause does: a colon opening a quote, a coordinated cue
        last = min(last, self._clause_end(first, verb))
        return self._finish_content(first, last, verb)

    def _paragraph_after_colon(self, first: int) -> tuple[int, int] | None:
        """The paragraph after a colon that ends the cue's own ("He said:", "Il a déclaré :", then a blank
        line): what is said stands there, a quotation opening it taken whole. None when the colon does not
        close its paragraph."""
        index = self.index
        n, space, breaks = len(index), index.is_space, index.line_breaks
        if first == 0 or index.texts[first - 1] != ":":
            return None
        k = first
        while k < n and space[k]:
            k += 1
        below = bisect_left(breaks, first)  # the first line break at or after the colon
        if k >= n or below >= len(breaks) or breaks[below] >= k:
            return None
        after = bisect_left(breaks, k, below)
        stop = breaks[after] if after < len(breaks) else n
        q = self.quotes.opening(k)
        if q >= 0:
            quote = self.quotes.quotes[q]
            return self._trim_chars(quote.inner_start, quote.inner_end)
        return self._trim_chars(index.idx[k], index.end[stop - 1])

    def _clause_end(self, first: int, anchor: int) -> int:
        """Last token of the clause that starts at ``first``, within the sentence of ``anchor``.

        The region is walked subtree by subtree; it ends before a new clause hung outside it (a verb
        coordinated with the cue: "assure que P et a déclaré Q"), before a colon that opens a quote (a
        new attribution: "s'étonnent de X : « Y »"), and before sentence-final punctuation the sentence
        splitter missed ("chimiques.- Sorti").
        """
        index = self.index
        texts, pos, deps, heads = index.texts, index.pos_strings, index.tree.dep, index.head
        quote_of, opening = self.quotes.quote_of, self.quotes.opening
        limit = self._sent_end[anchor]
        if opening(first) >= 0:
            return limit - 1
        last = first
        k = first
        while k < limit:
            text = texts[k]
            if k > first and quote_of(k) < 0:
                if text in {".", "!", "?"} or text.startswith(".-"):
                    break
                if text == "," and (self._cue_follows(k + 1, limit) or self._phrase_follows(k + 1)):
                    break
                if pos[k] == "CCONJ" and self._cue_follows(k + 1, limit):
                    break  # "assure qu'il va en importer et a déclaré que ..."
                if text == ":" and k + 1 < limit and opening(k + 1) >= 0:
                    break
            head = heads[k]
            outside = head == k or not (first <= head < limit)
            if (
                outside
                and k > first
                and deps[k] in {"conj", "parataxis", "advcl"}
                and pos[k] in {"VERB", "AUX"}
                and head < first
                and self._after_conjunction(k)  # "assure que P et a déclaré Q"
            ):
                last = max(first, k - 1)
                while last > first and (pos[last] in {"CCONJ", "PUNCT"} or index.is_space[last]):
                    last -= 1
                break
            if outside:
                right = min(index.edges(k)[1], limit - 1)
                last = max(last, right)
                k = max(k, right) + 1
                continue
            last = max(last, k)
            k += 1
        for j in range(first + 1, last + 1):  # the subtree may hide sentence ends or a quoting colon
            text = texts[j]
            if quote_of(j) < 0 and (
                text in {".", "!", "?"}
                or text.startswith(".-")
                or (text == ":" and j + 1 <= last and opening(j + 1) >= 0)
            ):
                return j - 1
        return last

    def _case_in_cue(self, child: int, end: int) -> bool:
        """The preposition of ``child`` belongs to the cue ("a appelé à la solidarité")."""
        deps = self.index.tree.dep
        return any(deps[c] in {"case", "prep"} and c < end for c in self.index.tree.children[child])

    def _infinitive(self, i: int) -> bool:
        """An infinitive complement ("accuse X de mentir", "urged X to resign"): its object stays."""
        return "Inf" in self.index.morph_values(i, "VerbForm") or self.index.tag_strings[i] == "VB"

    def _cue_follows(self, k: int, limit: int) -> bool:
        """True when a cue verb starts at token ``k`` (after auxiliaries): "P, rapporte Le Monde"."""
        lemma, pos = self.index.lemma, self.index.pos
        while k < limit and pos[k] == AUX_POS and lemma[k] not in self.parts.cue_heads:
            k += 1
        return k < limit and lemma[k] in self.parts.cue_heads and pos[k] in VERB_POS

    def _phrase_follows(self, k: int) -> bool:
        """True when a cue phrase starts at token ``k``: "P, according to X", "P, selon X"."""
        if self.parts.prep_re is None or k >= len(self.index):
            return False
        return self.parts.prep_re.match(self.text, self.index.idx[k]) is not None

    def _after_conjunction(self, k: int) -> bool:
        """True when the verb group of token ``k`` directly follows a conjunction or a comma ("et a dit")."""
        pos = self.index.pos_strings
        j = k - 1
        while j >= 0 and pos[j] in {"AUX", "ADV", "PART"} and k - j <= 3:
            j -= 1
        return j >= 0 and (pos[j] == "CCONJ" or self.index.texts[j] == ",")

    def _clausal_adjunct(self, child: int) -> bool:
        """An adjunct that carries content: a colon or a quote opens it, or it is a reported clause."""
        index = self.index
        if index.tree.dep[child] == "advcl":
            return index.pos_strings[child] in {"VERB", "AUX"} and any(
                fold(index.texts[c]) in self.lex.complementizers for c in index.tree.children[child]
            )
        first = index.edges(child)[0]
        return self.quotes.opening(first) >= 0 or (first > 0 and index.texts[first - 1] == ":")

    def _surface_start(self, end: int, anchor: int) -> int:
        """First content token after a cue, when a complementizer, a colon or a quote opens it soon after.

        Adjuncts between the cue and its content are skipped ("a indiqué mercredi à l'AFP que P",
        "said in a statement that P"), but not another verb or the end of the sentence.
        """
        index = self.index
        texts, pos, deps, children = index.texts, index.pos_strings, index.tree.dep, index.tree.children
        complementizers = self.lex.complementizers
        limit = min(self._sent_end[anchor], end + 12)
        k = end
        object_seen = False  # "a annoncé la fermeture « temporaire »": the quote is inside the object
        while k < limit:
            text = texts[k]
            word = fold(text)
            if word in complementizers and (pos[k] == "SCONJ" or deps[k] == "mark"):
                return k + 1
            if word in complementizers and pos[k] in {"PRON", "DET"}:
                return -1
            if text == ":":
                return k + 1
            if self.quotes.opening(k) >= 0:
                return -1 if object_seen else k
            if (pos[k] in {"VERB", "AUX"} and deps[k] in CLAUSE_HEAD_DEPS) or text in SENTENCE_END:
                return -1
            if pos[k] in {"NOUN", "PROPN", "NUM"} and not self._is_time(k):
                object_seen = object_seen or not (
                    any(deps[c] in {"case", "prep"} for c in children[k]) or deps[k] == "pobj"
                )
            if index.is_space[k] and "\n" in text:
                return -1
            k += 1
        return -1

    def _with_own_negation(self, first: int, anchor: int) -> int:
        """Where content starting at token ``first`` starts with the negation before it that is its own:
        between the cue at ``anchor`` and the content, opening with "ne" ("assure ne pas être P", "dit ne rien
        savoir"). The parser often hangs it on the cue verb, and without it P says the opposite."""
        words = self.lex.content_negations
        if not words:
            return first
        texts = self.index.texts
        k = first
        while k - 1 > anchor and fold(texts[k - 1]) in words:
            k -= 1
        return k if k < first and fold(texts[k]) in self.lex.negation_openers else first

    def _finish_content(self, first: int, last: int, anchor: int) -> tuple[int, int] | None:
        """Characters of tokens [first, last] as content: complementizer and punctuation trimmed, a quote
        that opens it taken whole (it may run over several sentences)."""
        index = self.index
        texts, space = index.texts, index.is_space
        while first <= last and (
            fold(texts[first]) in self.lex.complementizers
            or texts[first] in {":", ",", "—", "-", "–"}
            or space[first]
        ):
            first += 1
        first = self._with_own_negation(first, anchor)
        if first > last:
            return None
        q = self.quotes.opening(first)
        if q >= 0:
            quote = self.quotes.quotes[q]
            after = self._next_word(quote.end)
            if index.end[last] <= quote.end or after < 0 or after >= self._sent_end[last]:
                return self._trim_chars(quote.inner_start, quote.inner_end)
            if self._starts_incise(after) or self._new_clause(after):
                return self._trim_chars(quote.inner_start, quote.inner_end)
        # cut at line breaks outside quotations: only a quotation runs over paragraphs
        first, stop = index.within_paragraph(first, last + 1, anchor, lambda k: self.quotes.quote_of(k) >= 0)
        last = stop - 1
        if first > last:
            return None
        end_char = index.end[last]
        q_last = self.quotes.quote_of(last)
        if q_last >= 0 and not self.quotes.is_inner(anchor):
            end_char = max(end_char, self.quotes.quotes[q_last].end)
        return self._without_stray_closer(self._trim_chars(index.idx[first], end_char))

    def _without_stray_closer(self, span: tuple[int, int] | None) -> tuple[int, int] | None:
        """The span without a closing quotation mark at its end whose opening mark lies outside it
        ('Il "a contesté tout lien avec X", a déclaré': the content is 'tout lien avec X')."""
        if span is None:
            return None
        start, end = span
        text = self.text
        closer = text[end - 1] if end > start else ""
        stray = (closer in _PAIRED_OPENER and _PAIRED_OPENER[closer] not in text[start : end - 1]) or (
            closer == '"' and text.count('"', start, end - 1) % 2 == 0 and text.count('"', 0, start) % 2 == 1
        )
        return self._trim_chars(start, end - 1) if stray else span

    def _next_word(self, char: int) -> int:
        """Index of the first non-punctuation token starting at or after character ``char``, or -1."""
        index = self.index
        texts, punct, space = index.texts, index.is_punct, index.is_space
        k = bisect_left(index.idx, char)
        while k < len(texts):
            if not (punct[k] or space[k]) or texts[k] == ":":
                return k
            if texts[k] in SENTENCE_END:
                return -1
            k += 1
        return -1

    def _new_clause(self, k: int) -> bool:
        """True when token ``k`` starts another clause: a conjunction or a verb ("« P » et a ajouté")."""
        pos = self.index.pos_strings
        return pos[k] == "CCONJ" and k + 1 < len(pos) and pos[k + 1] in {"VERB", "AUX"}

    def _starts_incise(self, k: int) -> bool:
        return k > 0 and self.index.texts[k - 1] == ","

    def _incise_left(self, anchor: int) -> bool:
        space = self.index.is_space
        k = anchor - 1
        while k >= 0 and space[k]:
            k -= 1
        if k < 0:
            return False
        if self.quotes.closing(k) >= 0:
            return True
        return self.index.texts[k] in {",", "—", "–", "("}

    def _content_left(self, anchor: int) -> tuple[int, int] | None:
        index = self.index
        texts, idx, space = index.texts, index.idx, index.is_space
        k = anchor - 1
        while k >= 0 and (space[k] or texts[k] in {",", "—", "–", "("}):
            k -= 1
        if k < 0:
            return None
        q = self.quotes.closing(k)
        if q < 0 and k > 0 and texts[k] in {".", "!", "?"} and self.quotes.closing(k - 1) >= 0:
            q = self.quotes.closing(k - 1)
        if q >= 0:
            quote = self.quotes.quotes[q]
            start = quote.inner_start
            sent = self._sent_start[k]
            # a quote that is only the end of a longer reported clause: "P « Q »," -> "P « Q »"
            open_tok = next((j for j in range(max(sent, 0), k + 1) if idx[j] >= quote.start), k)
            if open_tok > sent and not self._clause_break_before(open_tok, sent):
                start = idx[sent]
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
            text = texts[j]
            if (
                j < k
                and self.quotes.quote_of(j) < 0
                and (text == ":" or text in {".", "!", "?"} or text.startswith(".-"))
            ):
                first = j + 1
                break
        while first <= k and (self.quotes.opening(first) >= 0 and self.quotes.closing(first) < 0):
            first += 1
        return self._trim_chars(idx[first], index.end[k])

    def _clause_break_before(self, i: int, sent: int) -> bool:
        """True when what precedes token ``i`` in its sentence is not part of the same reported clause."""
        texts, space = self.index.texts, self.index.is_space
        for j in range(i - 1, sent - 1, -1):
            if space[j]:
                continue
            return texts[j] in {":", ".", "!", "?", "»", "”", '"'} or j == sent - 1
        return True

    def _phrase_bounds(self, head: int, first: int, limit: int) -> tuple[int, int]:
        """The noun phrase of token ``head``, cut at the first punctuation after ``first`` (parses of
        "selon X, P" often run X into P)."""
        np_start, np_end = self._np_bounds(head)
        np_start = max(np_start, first)
        texts = self.index.texts
        for k in range(max(first, head), min(np_end, limit)):
            text = texts[k]
            if (
                text in {",", ";", ":", "(", ")"}
                or text in SENTENCE_END
                or (self.quotes.opening(k) >= 0 and k > first)
            ):
                np_end = k
                break
        return np_start, max(np_end, np_start + 1)

    def _phrase_end(self, np_end: int, sent_end: int) -> int:
        """Where a cue phrase ends: after its noun phrase, and after a relay clause set off by commas
        ("selon l'AFP, qui cite le ministère, P")."""
        texts = self.index.texts
        k = np_end
        if k < sent_end and texts[k] == "," and k + 1 < sent_end:
            nxt = k + 1
            if self.index.tree.dep[nxt] == "appos" and self.index.head[nxt] < k:
                # "D'après Frédéric Bonnot, secrétaire général du PS, P": the apposition belongs to the source
                for j in range(k + 2, sent_end):
                    if texts[j] == "," or texts[j] in SENTENCE_END:
                        return j
                return np_end
            if (
                fold(texts[nxt]) in self.lex.relative_pronouns
                or fold(self.index.lemma_of(nxt)) in self.parts.relay_heads
            ):
                for j in range(k + 2, sent_end):
                    if texts[j] == "," or texts[j] in SENTENCE_END:
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
            inner = self.index.expand_span(q.inner_start, q.inner_end)
            if inner is not None:
                left = (max(left[0], inner[0]), left[1])
                right = (right[0], min(right[1], inner[1] - 1))
        left_len = self._content_tokens(*left)
        right_len = self._content_tokens(*right)
        # "transmises au supérieur, mais selon un salarié, elles n'auraient pas été entendues": what follows
        if right_len > 0 and self._ends_in_conjunction(left):
            left_len = 0
        if right_len >= left_len and right_len > 0:
            last = right[1] if left_len == 0 else min(right[1], self._clause_end(right[0], first))
            return self._finish_content(right[0], last, first)
        if left_len > 0:
            return self._finish_content(left[0], left[1], first)
        return None

    def _ends_in_conjunction(self, side: tuple[int, int]) -> bool:
        """Whether tokens [first, last] end with a coordinating conjunction (and a comma): the phrase after it
        opens a new clause, which is what is attributed."""
        index = self.index
        k = side[1]
        while k >= side[0] and index.is_punct[k]:
            k -= 1
        return k >= side[0] and index.pos_strings[k] == "CCONJ"

    def _sentence_initial(self, i: int, sent_start: int) -> bool:
        index = self.index
        punct, space, pos = index.is_punct, index.is_space, index.pos_strings
        return all(punct[k] or space[k] or pos[k] in {"CCONJ", "ADV"} for k in range(sent_start, i))

    def _object_head(self, cue_last: int, sent_end: int) -> int | None:
        index = self.index
        texts, pos, deps, heads = index.texts, index.pos_strings, index.tree.dep, index.head
        for k in range(cue_last + 1, min(sent_end, cue_last + 6)):
            if pos[k] in {"NOUN", "PROPN", "PRON", "NUM", "X"} or self.speakers.entity_at(k) is not None:
                node = k
                for _ in range(6):
                    parent = heads[node]
                    if parent == node or not (cue_last < parent < sent_end):
                        break
                    if pos[parent] not in {"NOUN", "PROPN", "PRON", "NUM", "X", "ADJ", "DET"}:
                        break
                    if deps[node] in {"nmod", "conj", "appos"} and parent < node:
                        node = parent
                        continue
                    if deps[node] in {"flat:name", "flat", "compound", "amod", "det", "nummod", "fixed"}:
                        node = parent
                        continue
                    break
                return node
            if texts[k] in SENTENCE_END or texts[k] == ",":
                return None
        return None
