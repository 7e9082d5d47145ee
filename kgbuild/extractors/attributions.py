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

attributions.v2 adds trained parts where a language has them (English, trained on PolNeAR; recipes in
``training/``): the cue tagger's cues are read by the same rules or, failing that, given a plain frame; then a
content ranker and a source ranker re-choose each content and source among the spans the parse offers, and a
cue filter drops readings unlikely to be attributions, deciding also which attributions nested in another's
content stand. Without trained parts for a language, v2 reads as v1.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from spacy.tokens import Doc

from kgbuild.extractors import content_ranker, cue_filter, cue_model, source_ranker
from kgbuild.extractors.bylines import BylineRules
from kgbuild.extractors.docindex import index_of
from kgbuild.extractors.entities import find_entities
from kgbuild.extractors.lexicon import VerbCue, fold, load_lexicon
from kgbuild.extractors.quotes import QuoteMap
from kgbuild.extractors.registry import ExtractContext, extractors
from kgbuild.extractors.scene import (
    HEDGE_CERTAINTY,
    PASSIVE_SUBJECT_DEPS,
    Candidate,
    phrase_key,
    spans_overlap,
)
from kgbuild.extractors.speakers import name_head
from kgbuild.records import Attribution, Certainty, CoSpeaker, EntityMention, QuoteType, Span

NAME = "attributions.v1"
NAME_V2 = "attributions.v2"
NAME_V3 = "attributions.v3"
# Confidence a model cue needs (the tagger's mean tag probability) to be read; chosen on PolNeAR train.
MODEL_CUE_MIN = 0.5
# Confidence of attributions around model cues: read by the rules, or given a plain frame. No rule gives
# these values, so the learned components can tell where an attribution came from.
MODEL_READ_CONFIDENCE = 0.45
FRAME_CONFIDENCE = 0.35
# Parts of speech no accused party has (a tagger may still call a name ADJ: "Chimiral").
_NOT_A_PARTY = {"VERB", "AUX", "ADP", "SCONJ", "CCONJ", "PUNCT", "SPACE", "PART"}
# What may follow a quotation inside a content that is only that quotation
_AFTER_QUOTE = " .,;:"


@extractors.register(NAME)
def attributions_v1(doc: Doc, ctx: ExtractContext) -> Iterator[Attribution]:
    """Attributions of ``doc`` in text order; ``relayed_by`` indexes into the same sequence.

    ``ctx.options``: ``lexicon_extra`` (TOML files added to the language's lexicon), ``nested``
    (report attributions found inside another's content; default: the lexicon's ``grammar.nested``),
    ``extra_cues`` (character spans of cues found by other means, e.g. a trained tagger).
    """
    yield from find_attributions(
        doc,
        ctx.lang,
        ctx.entities,
        lexicon_extra=ctx.options.get("lexicon_extra", ()),
        nested=ctx.options.get("nested"),
        extra_cues=ctx.options.get("extra_cues", ()),
    )


@extractors.register(NAME_V2)
def attributions_v2(doc: Doc, ctx: ExtractContext) -> Iterator[Attribution]:
    """``attributions.v1`` widened by the trained cue model of the language, where one is shipped
    (:mod:`~kgbuild.extractors.cue_model`; English): the model's cues that the rules miss are read with the
    same rules, and those the rules cannot complete get a plain frame (source: the model's nearest source
    or the cue's subject; content: the cue's complement or the side of the sentence it introduces).
    Without a model for the language it is ``attributions.v1``.

    ``ctx.options`` as for v1, plus ``model_cue_min`` (the confidence a model cue needs, default 0.5).
    """
    yield from _with_cue_model(doc, ctx, cue_model.predict_scored(doc, ctx.lang), NAME_V2)


@extractors.register(NAME_V3)
def attributions_v3(doc: Doc, ctx: ExtractContext) -> Iterator[Attribution]:
    """The default: ``attributions.v2`` with the language's larger cue taggers read too, where the shipped one
    hesitates (:data:`~kgbuild.extractors.cue_model.JOINT`; English). More accurate (PolNeAR dev attribution F1
    0.800 against 0.791) and slower (about 0.02 more of spaCy's time): see ``training/README.md``. Without
    larger taggers for the language it is ``attributions.v2``."""
    yield from _with_cue_model(doc, ctx, cue_model.predict_scored(doc, ctx.lang, joint=True), NAME_V3)


def _with_cue_model(
    doc: Doc, ctx: ExtractContext, spans: Sequence[cue_model.ScoredSpan], name: str
) -> Iterator[Attribution]:
    check = cue_filter.load(ctx.lang) if ctx.options.get("cue_filter", True) else None
    nested = ctx.options.get("nested")
    filter_off = ctx.options.get("cue_filter") is False
    if nested is None and ctx.lang in cue_filter.SHIPPED and (check is not None or filter_off):
        nested = True  # the language's filter decides which nested readings stand (all are kept without it)
    yield from find_attributions(
        doc,
        ctx.lang,
        ctx.entities,
        lexicon_extra=ctx.options.get("lexicon_extra", ()),
        nested=nested,
        extra_cues=ctx.options.get("extra_cues", ()),
        model_spans=spans,
        model_cue_min=ctx.options.get("model_cue_min", MODEL_CUE_MIN),
        ranker=content_ranker.load(ctx.lang) if ctx.options.get("content_ranker", True) else None,
        source_ranker=source_ranker.load(ctx.lang) if ctx.options.get("source_ranker", True) else None,
        cue_check=check,
        name=name,
    )


def find_attributions(
    doc: Doc,
    lang: str,
    entities: Sequence[EntityMention] = (),
    *,
    lexicon_extra: Iterable[str | Path] = (),
    nested: bool | None = None,
    extra_cues: Iterable[tuple[int, int]] = (),
    model_spans: Sequence[cue_model.ScoredSpan] = (),
    model_cue_min: float = MODEL_CUE_MIN,
    ranker: content_ranker.LinearRanker | None = None,
    source_ranker: content_ranker.LinearRanker | None = None,
    cue_check: cue_filter.CueFilter | None = None,
    name: str = NAME,
) -> Iterator[Attribution]:
    """The attributions of ``doc`` (see :func:`attributions_v1`) as a plain function.

    ``extra_cues`` are ``(start, end)`` character spans of cues the lexicon may not know; each is read
    with the same rules (a verb as a verbal cue, a preposition as a cue phrase) and kept when the rules
    find its content. ``model_spans`` are a cue model's scored CUE and SOURCE spans: its cues of confidence
    >= ``model_cue_min`` are read like ``extra_cues``, and framed plainly where the rules find nothing.
    ``ranker`` re-chooses each content among the spans the parse offers
    (:mod:`~kgbuild.extractors.content_ranker`), ``source_ranker`` each source among the sentence's noun
    phrases or none (:mod:`~kgbuild.extractors.source_ranker`), and ``cue_check`` drops readings it judges
    wrong (:mod:`~kgbuild.extractors.cue_filter`). ``name`` is the extractor name the records carry.
    """
    lexicon = load_lexicon(lang, lexicon_extra)
    index = index_of(doc)
    found_entities = tuple(entities) or tuple(find_entities(doc, lexicon, index))
    finder = AttributionFinder(
        index, lexicon, found_entities, nested=lexicon.nested if nested is None else nested
    )
    finder.name = name
    finder.ranker = ranker
    finder.source_ranker = source_ranker
    finder.checker = cue_check
    finder.model_cues = [(s, e, score) for label, s, e, score in model_spans if label == cue_model.CUE]
    model_cues = [
        (s, e) for label, s, e, score in model_spans if label == cue_model.CUE and score >= model_cue_min
    ]
    model_labelled = [(label, s, e) for label, s, e, _ in model_spans]
    yield from finder.run([*extra_cues, *model_cues], model_cues, model_labelled)


class AttributionFinder(BylineRules):
    """One pass over one Doc. Build it, call :meth:`run` once."""

    name = NAME
    ranker: content_ranker.LinearRanker | None = None
    source_ranker: content_ranker.LinearRanker | None = None
    checker: cue_filter.CueFilter | None = None
    model_cues: Sequence[tuple[int, int, float]] = ()

    def run(
        self,
        extra_cues: Iterable[tuple[int, int]] = (),
        framed_cues: Sequence[tuple[int, int]] = (),
        model_spans: Sequence[cue_model.LabelledSpan] = (),
    ) -> Iterator[Attribution]:
        candidates: list[Candidate] = []
        for i in self._cue_positions():
            token = self.doc[i]
            cue, tail_end = self._match_verb(token)
            if cue is None:
                continue
            for cand in self._verbal(token, cue, tail_end):
                candidates.append(cand)
                candidates.extend(self._verb_relays(cand, token, cand.group_end))
        candidates.extend(self._extra(extra_cues, candidates))
        candidates.extend(self._prepositional())
        candidates.extend(self._nominal())
        candidates.extend(self._colons(candidates))
        candidates.extend(self._dash_bylines(candidates))
        candidates.extend(self._framed(framed_cues, model_spans, candidates))
        candidates = self._dedupe(candidates)
        if self.lex.idioms:
            idioms = _idiom_spans(self.text, self.lex.idioms)
            candidates = [
                c for c in candidates if not any(a <= c.cue[0] and c.cue[1] <= b for a, b in idioms)
            ]
        self._inherit_speakers(candidates)
        self._chain(candidates)
        self._indefinite(candidates)
        candidates.sort(key=lambda c: (c.cue[0], c.shares_cue, c.cue[1]))
        # a trimming rule can leave an empty or inverted span on odd text; such a candidate is no attribution
        candidates = [c for c in candidates if _well_formed(c)]
        if self.checker is not None:
            candidates = self._filtered(candidates, self.checker)
        if self.ranker is not None:
            self._rerank(candidates, self.ranker)
        if self.source_ranker is not None:
            self._rerank_sources(candidates, self.source_ranker)
        self._resolve(candidates)
        index = {id(c): n for n, c in enumerate(candidates)}
        for cand in candidates:
            yield self._record(cand, index)

    def _extra(self, spans: Iterable[tuple[int, int]], found: list[Candidate]) -> Iterator[Candidate]:
        """Cues found by other means (a tagger), read with the rules; those the rules already have or
        cannot complete are skipped."""
        taken = [c.cue for c in found]
        for start, end in spans:
            if not 0 <= start < end <= len(self.text) or any(spans_overlap((start, end), t) for t in taken):
                continue
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            verb = next((t for t in span if t.pos_ == "VERB"), None)
            if verb is not None:
                lemma = fold(verb.lemma_)
                act = self.lex.acts_of_lemma.get(lemma, "assert")
                cue = VerbCue(lemma=lemma, head=lemma, act=act)
                for cand in self._verbal(verb, cue, span.end - 1):
                    cand.confidence = MODEL_READ_CONFIDENCE
                    yield cand
            elif span[0].pos_ == "ADP" and len(span) > 1:  # "according to", "in a statement"; not a lone "on"
                phrase = self._preposition_at(span.start_char, span.end_char, "report")
                if phrase is not None:
                    phrase.lemma = phrase_key(span.text)
                    phrase.confidence = MODEL_READ_CONFIDENCE
                    yield phrase

    def _model_cue_other_sense(self, cue: tuple[int, int]) -> bool:
        """A model cue whose verb the rules know to claim nothing here (see ``_other_sense``)."""
        index = self.index
        verb = next((i for i in index.char_tokens(*cue) if index.pos_strings[i] == "VERB"), None)
        return verb is not None and self._other_sense(verb, fold(index.lemma_of(verb)))

    def _framed(
        self,
        cues: Sequence[tuple[int, int]],
        model_spans: Sequence[cue_model.LabelledSpan],
        found: list[Candidate],
    ) -> Iterator[Candidate]:
        """Plain frames around model cues the rules left alone (see :func:`cue_model.fallback_frame`).

        Without ``nested``, a cue inside content already attributed is skipped: one attribution per
        stretch of text, as the rules do."""
        taken = [c.cue for c in found]
        contents = [] if self.nested else [c.content for c in found]
        doc = self.doc
        for cue in cues:
            if any(spans_overlap(cue, t) for t in taken) or any(
                s <= cue[0] and cue[1] <= e for s, e in contents
            ):
                continue
            if self._model_cue_other_sense(cue):
                continue
            frame = cue_model.fallback_frame(doc, cue, model_spans, self.lex.lang)
            if frame is None:
                continue
            source, content = frame
            if spans_overlap(content, cue):
                continue
            if not self.nested:
                # one attribution per stretch of text: a plain frame stops where another cue begins
                for other in taken:
                    if content[0] <= other[0] < content[1]:
                        content = (
                            (content[0], other[0])
                            if other[0] >= cue[1]
                            else (max(content[0], other[1]), content[1])
                        )
                trimmed = self._trim_chars(*content) if content[0] < content[1] else None
                if trimmed is None:
                    continue
                content = trimmed
            cue_span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
            if cue_span is None or len(cue_span) == 0:
                continue
            source_tokens = None
            if source is not None:
                source_span = doc.char_span(source[0], source[1], alignment_mode="expand")
                if source_span is None or len(source_span) == 0:
                    source = None
                else:
                    # the model marks a word of a name ("Rights" of "the Syrian Observatory for Human Rights")
                    head = source_span.root.i
                    first, stop = self._whole_entity(head, source_span.start, source_span.end)
                    source = (self.index.idx[first], self.index.end[stop - 1])
                    source_tokens = (first, stop, head)
                    if self._negative_subject(source_span.root.i):
                        continue  # "No one said P": nobody claims it
            if self.lex.join_quotes and content[1] <= cue[0]:
                # '"A," she told them. "B."': the speaker goes on after the cue
                k = cue_span.end
                if source_tokens is not None and source_tokens[0] >= k:
                    k = source_tokens[1]
                while k < len(doc) and (doc[k].is_punct or doc[k].is_space) and self.quotes.opening(k) < 0:
                    k += 1
                further = self._quote_goes_on(content, cue_span.root.i, k) if k < len(doc) else None
                if further is not None and further > content[1]:
                    content = (content[0], further)
            lemma = phrase_key(" ".join(t.lemma_ for t in cue_span))
            yield Candidate(
                cue=(cue_span.start_char, cue_span.end_char),
                content=content,
                source=source,
                source_tokens=source_tokens,
                lemma=lemma,
                act=self.lex.acts_of_lemma.get(fold(cue_span.root.lemma_), "assert"),
                anchor=cue_span.root.i,
                confidence=FRAME_CONFIDENCE,
                verb=cue_span.root if cue_span.root.pos_ in {"VERB", "AUX"} else None,
            )
            taken.append(cue)

    def _rerank(self, candidates: list[Candidate], ranker: content_ranker.LinearRanker) -> None:
        """Each content re-chosen by the ranker; relays that shared a content follow it."""
        moved: dict[tuple[int, int], tuple[int, int]] = {}
        for cand in candidates:
            if cand.shares_cue or cand.participle or cand.certain:
                continue
            where = origin(cand.confidence)
            best = ranker.best(content_ranker.candidates(self.doc, cand.cue, cand.content, where))
            if best is not None and (best.start, best.end) != cand.content and best.start < best.end:
                chosen = self._unquoted(best.start, best.end)
                moved[cand.content] = chosen
                cand.content = chosen
        if moved:
            for cand in candidates:
                if (cand.shares_cue or cand.participle) and cand.content in moved:
                    cand.content = moved[cand.content]

    def _unquoted(self, start: int, end: int) -> tuple[int, int]:
        """A content that is one whole quotation, without its marks and closing full stop (as the rules give
        it): the ranker's spans are cut on words, and a quotation mark stays on the edge of one."""
        k = self.quotes.at_char(start)
        if k < 0:
            return start, end
        quote = self.quotes.quotes[k]
        if quote.start != start or self.text[quote.end : end].strip(_AFTER_QUOTE):
            return start, end
        inner = self.text[quote.inner_start : quote.inner_end]
        kept = inner.rstrip().rstrip(".,;:").rstrip()
        lead = len(inner) - len(inner.lstrip())
        if not kept.strip():
            return start, end
        return quote.inner_start + lead, quote.inner_start + len(kept)

    def _rerank_sources(self, candidates: list[Candidate], ranker: content_ranker.LinearRanker) -> None:
        """Each source re-chosen by the ranker among the sentence's noun phrases, or dropped."""
        for cand in candidates:
            if cand.shares_cue or cand.participle or cand.certain:
                continue  # a layout's content and source stand as found
            where = origin(cand.confidence)
            head = cand.source_tokens[2] if cand.source_tokens is not None else None
            best = ranker.best(source_ranker.candidates(self.doc, cand.cue, cand.content, head, where))
            if best is None or best.head == head or (best.head == source_ranker.NONE and head is None):
                continue
            if best.head == source_ranker.NONE:
                cand.source, cand.source_tokens = None, None
                continue
            if cand.source_tokens is not None and self._inside_a_complement(best.head, cand.source_tokens):
                continue  # a word in a phrase inside the rules' own source: "Senator Tom Reyes on CNN" is not CNN
            if cand.source_tokens is not None and self._conjunct_in(best.head, cand.source_tokens):
                continue  # "Doctors and nurses said": both speak, not the nurses alone
            if cand.source_tokens is not None and self._in_brackets(best.head, cand.source_tokens):
                continue  # "the senator, Ted Cruz (R-Texas)": the party is not who speaks
            span, tokens = self._source_span(best.head)
            if (
                span is not None
                and not spans_overlap(span, cand.cue)
                and not spans_overlap(span, cand.content)
            ):
                cand.source, cand.source_tokens = span, tokens

    def _in_brackets(self, word: int, source: tuple[int, int, int]) -> bool:
        """Whether ``word`` is between brackets inside the source phrase ``source`` (start, end, head)."""
        start, end, _ = source
        texts = self.index.texts
        return start <= word < end and "(" in texts[start:word] and ")" in texts[word + 1 : end]

    def _conjunct_in(self, word: int, source: tuple[int, int, int]) -> bool:
        """Whether ``word`` is a conjunct of the head of the source phrase ``source`` (start, end, head), or
        a word of that conjunct's name ("Hillary" of "Donald Trump and Hillary Clinton"), down a chain of
        conjuncts ("Ted Cruz, John Kasich and Marco Rubio") or of the names set beside the head ("Senators
        Chuck Grassley and Patrick Leahy")."""
        start, end, head = source
        index = self.index
        deps, heads = index.tree.dep, index.head
        word = name_head(index, word)
        if deps[word] != "conj":
            return False
        for _ in range(end - start):
            if not start <= word < end or deps[word] not in {"conj", "appos"}:
                return False
            word = heads[word]
            if word == head:
                return True
        return False

    def _inside_a_complement(self, word: int, source: tuple[int, int, int]) -> bool:
        """Whether ``word`` lies in a prepositional phrase of the source phrase ``source`` (start, end, head),
        rather than being its head or a name set beside it ("The minister, Claire Vasseur")."""
        start, end, head = source
        if not start <= word < end:
            return False
        index = self.index
        deps, heads, children = index.tree.dep, index.head, index.tree.children
        k = word
        for _ in range(8):
            if k == head or heads[k] == k:
                return False
            if deps[k] in {"pobj", "pcomp"} or any(deps[c] == "case" for c in children[k]):
                return True
            k = heads[k]
        return False

    def _filtered(self, candidates: list[Candidate], check: cue_filter.CueFilter) -> list[Candidate]:
        """The candidates the filter keeps; relays sharing a cue go with their host."""
        dropped = set()
        for cand in candidates:
            if cand.shares_cue:
                continue
            where = origin(cand.confidence)
            outer = cand.relay_of.cue if cand.relay_of is not None and self._inside(cand) else None
            found = cue_filter.features(
                self.doc, cand.cue, cand.content, cand.source, where, self.model_cues, outer
            )
            if not check.keeps(found):
                dropped.add(id(cand))
        kept = [
            c for c in candidates if id(c) not in dropped and not (c.shares_cue and id(c.relay_of) in dropped)
        ]
        for cand in kept:
            if cand.relay_of is not None and id(cand.relay_of) in dropped:
                cand.relay_of = None
        return kept

    def _inherit_speakers(self, candidates: list[Candidate]) -> None:
        """A participle cue ("..., précisant que P") speaks for the subject of the cue before it in the
        sentence: the parse rarely links the two reliably."""
        sentence = self.index.sentence
        previous: Candidate | None = None
        for cand in sorted(candidates, key=lambda c: c.cue[0]):
            if cand.inherits and previous is not None and sentence[previous.anchor] == sentence[cand.anchor]:
                cand.source, cand.source_tokens = previous.source, previous.source_tokens
            if cand.source is not None and not cand.shares_cue and not cand.participle:
                previous = cand

    def _dedupe(self, candidates: list[Candidate]) -> list[Candidate]:
        """One attribution per cue: overlapping cues keep the more confident reading (relays excepted)."""
        kept: list[Candidate] = []
        ordered = sorted(candidates, key=lambda c: (c.cue[0], -c.confidence))
        for cand in ordered:
            if cand.shares_cue:
                kept.append(cand)
                continue
            clash = next(
                (k for k in reversed(kept[-4:]) if not k.shares_cue and spans_overlap(k.cue, cand.cue)), None
            )
            if clash is None:
                kept.append(cand)
            elif cand.confidence > clash.confidence:
                kept[kept.index(clash)] = cand
        return kept

    def _resolve(self, candidates: list[Candidate]) -> None:
        # hops that only pass words on, sharing their host's cue ("a déclaré à l'AFP", "told Reuters")
        relays = {id(c.relay_of) for c in candidates if c.relay_of is not None and c.relay_of.shares_cue}
        for cand in sorted(candidates, key=lambda c: c.source_tokens[2] if c.source_tokens else c.anchor):
            if cand.source_tokens is None:
                continue
            start, end, head = cand.source_tokens
            cand.info = self.speakers.resolve(
                start,
                end,
                head,
                said=self.index.char_tokens(*cand.content),
                relay=cand.participle or id(cand) in relays,
            )

    def _record(self, cand: Candidate, index: dict[int, int]) -> Attribution:
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
        accused, accused_key = self._accused(cand)
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
            extractor=self.name,
            accused=accused,
            accused_key=accused_key,
            co_speakers=tuple(
                CoSpeaker(other.resolved, other.key, other.kind)
                for other in (info.also if info is not None else ())
                if other.resolved and other.key
            ),
        )

    def _accused(self, cand: Candidate) -> tuple[Span | None, str | None]:
        """Who an accusation holds responsible: the object of the cue ("accuse X de Y", "accused X of Y"),
        or its subject in the passive ("X est accusé de Y"), with the entity it names, if any."""
        verb = cand.verb
        if cand.act != "accuse" or verb is None or cand.shares_cue:
            return None, None
        passive = any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children)
        wanted = PASSIVE_SUBJECT_DEPS if passive else {"obj", "dobj"}
        target = next((c for c in verb.children if c.dep_ in wanted), None)
        if target is None or target.pos_ in _NOT_A_PARTY:
            return None, None
        start, end = self._np_bounds(target.i)
        first, last = self.doc[start], self.doc[end - 1]
        span = (first.idx, last.idx + len(last.text))
        if spans_overlap(span, cand.cue) or (cand.source is not None and spans_overlap(span, cand.source)):
            return None, None
        entity = next((e for k in range(start, end) if (e := self.speakers.entity_at(k)) is not None), None)
        return Span(
            span[0], span[1], self.text[span[0] : span[1]]
        ), entity.key if entity is not None else None

    def _quote_type(self, content: tuple[int, int]) -> QuoteType:
        covered, count = self.quotes.coverage(*content)
        if count == 0:
            return "indirect"
        outside = self.text[content[0] : content[1]]
        inside_chars = sum(1 for ch in outside if ch.isalnum())
        if covered >= content[1] - content[0] - 2 or alnum_outside(self.text, content, self.quotes) == 0:
            return "direct"
        return "mixed" if inside_chars else "indirect"

    def _hedge_tokens(self, start: int, end: int) -> list[int]:
        """Conditional or modal tokens starting inside characters [start, end)."""
        idx = self.index.idx
        lo = bisect_left(self._modal, bisect_left(idx, start))
        hi = bisect_left(self._modal, bisect_left(idx, end))
        return self._modal[lo:hi]

    def _hedges(self, cand: Candidate) -> tuple[tuple[str, ...], Certainty]:
        text = self.text
        found: list[str] = []
        level = ""
        window_start = max(0, min(cand.cue[0], cand.content[0]))
        window_end = max(cand.cue[1], cand.content[1])
        if cand.verb is not None:  # "X allegedly said": adverbs of the cue count too
            for child in cand.verb.children:
                if child.dep_ == "advmod" and child.i < cand.verb.i:
                    window_start = min(window_start, child.idx)
        if self.parts.hedge_re is not None:
            for match in self.parts.hedge_re.finditer(text, window_start, window_end):
                if self.quotes.at_char(match.start()) >= 0 and self._quote_type(cand.content) != "indirect":
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
        return unique, HEDGE_CERTAINTY.get(level, "certain")


def alnum_outside(text: str, content: tuple[int, int], quotes: QuoteMap) -> int:
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


def origin(confidence: float) -> str:
    """Where a candidate came from, by the confidence each path gives (plain frame, model cue, rules)."""
    return {FRAME_CONFIDENCE: "frame", MODEL_READ_CONFIDENCE: "model"}.get(round(confidence, 2), "rules")


def _well_formed(cand: Candidate) -> bool:
    spans = [cand.cue, cand.content] + ([cand.source] if cand.source is not None else [])
    return all(0 <= start < end for start, end in spans)


def _idiom_spans(text: str, idioms: tuple[str, ...]) -> list[tuple[int, int]]:
    """Character spans of the lexicon's idioms in ``text`` ("c'est-à-dire": no attribution inside)."""
    lowered = text.casefold()
    if not any(idiom in lowered for idiom in idioms):  # a plain search is far cheaper than the pattern
        return []
    return [m.span() for m in _idiom_pattern(idioms).finditer(text)]


@functools.cache
def _idiom_pattern(idioms: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, idioms)) + r")(?!\w)", re.IGNORECASE)
