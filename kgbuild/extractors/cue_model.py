"""A trained tagger of attribution cues and sources, to widen what the rule-based extractor finds.

The English model (``kgbuild/models/en_attribution_cues``, recipe and figures in ``training/README.md``) is a
spaCy component trained on PolNeAR that labels ``CUE`` and ``SOURCE`` spans: reporting verbs, nominal and
multi-word cues ("in a statement", "according to"), participles, beliefs and intentions. It does not pair a
cue with its source or content; the dependency rules of ``attributions.v1`` do that.

It runs on the Doc kgbuild already has, with no second tokenization or parse: its encoder reads the base
pipeline's token vectors (``doc.tensor``, written by that pipeline's ``tok2vec``) through a listener, adds
small hash embeddings of its own, and a per-token softmax predicts BIO tags that become spans. Since other
vectors would make its output meaningless, a model records the base pipeline it was trained on
(``kgbuild_base`` in its ``meta.json``) and is used only next to that very pipeline.

The architecture and the scorer used in training are registered here, so ``spacy train --code`` this file.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import numpy
import spacy
from spacy.language import Language
from spacy.ml.models.tok2vec import MaxoutWindowEncoder
from spacy.pipeline import EntityRecognizer, Tagger
from spacy.pipeline.tok2vec import Tok2VecListener
from spacy.scorer import PRFScore
from spacy.tokens import Doc
from spacy.training import Example
from thinc.api import Maxout, Model, chain, concatenate, with_array
from thinc.types import Floats2d

from kgbuild import nlp

log = logging.getLogger(__name__)

# Shipped models, by language: folder names under kgbuild/models.
SHIPPED: dict[str, str] = {"en": "en_attribution_cues"}
# The trained component: a BIO tagger, or (earlier experiments) an entity recognizer.
COMPONENTS = ("attribution_tagger", "attribution_ner")
BASE_TOK2VEC = "tok2vec"

CUE = "CUE"
SOURCE = "SOURCE"
CONTENT = "CONTENT"
OUTSIDE = "O"

_SUBJECT_DEPS = {"nsubj", "nsubjpass", "nsubj:pass"}
_CONTENT_DEPS = {"ccomp", "xcomp", "dobj", "obj", "pobj"}
_EDGE_PUNCT = set(",;:.—–-")

LabelledSpan = tuple[str, int, int]
ScoredSpan = tuple[str, int, int, float]


class CueModelError(RuntimeError):
    """A model that cannot serve predictions (missing, broken, or made for other token vectors)."""


def model_path(lang: str) -> Path | None:
    """The shipped model folder for ``lang`` inside the installed package, or None when there is none."""
    name = SHIPPED.get(lang)
    if name is None:
        return None
    # Wheels and editable installs both leave package data as real files, which spaCy needs.
    folder = Path(str(resources.files("kgbuild").joinpath("models", name)))
    return folder if (folder / "config.cfg").is_file() else None


@functools.cache
def load_cue_model(lang: str) -> Language | None:
    """The trained cue model for ``lang``, loaded once; None when none is shipped, or when it cannot be used
    with the installed base pipeline (logged)."""
    path = model_path(lang)
    if path is None:
        return None
    try:
        model = load_from(path)
        check_base(model, lang)
    except CueModelError as err:
        log.warning("cue model for %r not used: %s", lang, err)
        return None
    return model


def load_from(path: Path) -> Language:
    """A cue model from a folder (the shipped one, or a freshly trained one being measured)."""
    try:
        model = spacy.load(path)
    except (OSError, ValueError, KeyError) as err:
        raise CueModelError(f"cannot load {path}: {err}") from err
    component_name(model)
    return model


def component_name(model: Language) -> str:
    for name in COMPONENTS:
        if name in model.pipe_names:
            return name
    raise CueModelError(f"no cue component ({', '.join(COMPONENTS)}) in pipeline {model.pipe_names}")


def check_base(model: Language, lang: str) -> None:
    """Raise :class:`CueModelError` unless ``model`` reads the vectors of ``lang``'s installed pipeline."""
    base = model.meta.get("kgbuild_base")
    if not base:
        return  # a model with only its own token vectors works next to any tokenizer
    try:
        installed = nlp.pipeline_label(lang)
    except nlp.NoPipelineError as err:
        raise CueModelError(str(err)) from err
    if installed != base:
        raise CueModelError(f"trained on the token vectors of {base}, but {installed} is installed")


def predict(doc: Doc, lang: str) -> list[LabelledSpan]:
    """``(label, start_char, end_char)`` spans of the cue model over ``doc``, in text order; offsets index
    ``doc.text``. Empty when no model serves ``lang``."""
    return [(label, start, end) for label, start, end, _ in predict_scored(doc, lang)]


def predict_scored(doc: Doc, lang: str) -> list[ScoredSpan]:
    """Like :func:`predict`, each span with the model's confidence in it (0-1; mean probability of its tags).

    A Doc the model cannot read (not made by the pipeline it was trained on) gives no spans and a logged
    warning, so that the extractor using it still works without it."""
    model = load_cue_model(lang)
    if model is None:
        return []
    try:
        return predict_with(model, doc)
    except CueModelError as err:
        log.warning("cue model skipped: %s", err)
        return []


def predict_with(model: Language, doc: Doc) -> list[ScoredSpan]:
    """Run only the trained component over ``doc``'s tokens and vectors; ``doc`` itself is not modified."""
    if len(doc) == 0:
        return []
    name = component_name(model)
    component = model.get_pipe(name)
    if model.meta.get("kgbuild_base"):
        width = _listened_width(model, name)
        if doc.tensor is None or doc.tensor.shape != (len(doc), width):
            shape = None if doc.tensor is None else doc.tensor.shape
            raise CueModelError(
                f"the Doc has no token vectors of width {width} (tensor shape {shape}): it was not made by "
                f"the pipeline the cue model was trained on ({model.meta['kgbuild_base']})"
            )
    if isinstance(component, Tagger):
        (scores,) = component.model.predict([doc])
        scores = numpy.asarray(scores)
        best = scores.argmax(axis=1)
        labels = component.labels
        spans = bio_spans(doc, [labels[int(i)] for i in best])
        # The tagger's output layer is not normalized at inference: its scores are logits.
        shifted = numpy.exp(scores - scores.max(axis=1, keepdims=True))
        confidence = 1.0 / shifted.sum(axis=1)  # probability of the best tag
        return [(label, start, end, _mean_over(doc, confidence, start, end)) for label, start, end in spans]
    if isinstance(component, EntityRecognizer):
        # The recognizer writes entities, and respects preset ones: give it a bare copy of the tokens.
        copy = Doc(model.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
        copy.tensor = doc.tensor
        component(copy)
        return [(ent.label_, ent.start_char, ent.end_char, 1.0) for ent in copy.ents]
    raise CueModelError(f"component {name!r} is a {type(component).__name__}, not a tagger or recognizer")


def _mean_over(doc: Doc, values: numpy.ndarray, start: int, end: int) -> float:
    span = doc.char_span(start, end)
    return float(values[span.start : span.end].mean()) if span is not None and len(span) else 0.0


def bio_spans(doc: Doc, tags: Sequence[str]) -> list[LabelledSpan]:
    """Character spans from per-token ``B-X`` / ``I-X`` / ``O`` tags, read as runs of one label: a ``B-X``
    right after an ``X`` token continues the span (in PolNeAR two spans of one label almost never touch:
    3 of 18,000 cues), so a cue the tagger split ("talked" + "about") stays whole. Whitespace tokens never
    start or end a span."""
    spans: list[LabelledSpan] = []
    label: str | None = None
    first = last = 0
    for i, tag in enumerate(tags):
        kind = tag.partition("-")[2] or None
        if kind == label:
            if label is not None and not doc[i].is_space:
                last = i
            continue
        if label is not None:
            spans.append((label, doc[first].idx, doc[last].idx + len(doc[last])))
            label = None
        if kind is not None and not doc[i].is_space:
            label, first, last = kind, i, i
    if label is not None:
        spans.append((label, doc[first].idx, doc[last].idx + len(doc[last])))
    return spans


@functools.cache
def _listened_width(model: Language, name: str) -> int:
    """Width of the base token vectors the component reads from ``doc.tensor``."""
    component: Any = model.get_pipe(name)
    for node in component.model.walk():
        if isinstance(node, Tok2VecListener):
            return int(node.get_dim("nO"))
    raise CueModelError(f"{name!r} reads no token vectors from the Doc")


def extra_cue_candidates(
    doc: Doc,
    lang: str,
    known_cues: Iterable[tuple[int, int]],
    min_score: float = 0.0,
    known_contents: Iterable[tuple[int, int]] = (),
) -> list[tuple[int, int]]:
    """Character spans of predicted cues the rules did not find, in text order: candidates whose source and
    content the dependency rules can then look for.

    Kept: cues with confidence >= ``min_score`` that overlap none of ``known_cues`` and lie inside none of
    ``known_contents`` (a cue inside content already attributed is a nested attribution, which PolNeAR leaves
    unannotated; pass no contents to keep those)."""
    cues = list(known_cues)
    contents = list(known_contents)
    return [
        (start, end)
        for label, start, end, score in predict_scored(doc, lang)
        if label == CUE
        and score >= min_score
        and not any(s < end and start < e for s, e in cues)
        and not any(s <= start and end <= e for s, e in contents)
    ]


def fallback_frame(
    doc: Doc, cue: tuple[int, int], spans: Sequence[LabelledSpan] | None = None, lang: str = "en"
) -> tuple[tuple[int, int] | None, tuple[int, int]] | None:
    """``(source, content)`` character spans for a cue the dependency rules could not complete, or None.

    A deliberately plain reading, for the model's extra cues: the source is the predicted SOURCE span nearest
    the cue in its sentence, else the subject of the cue's head; the content is a complement or object of the
    cue's words outside the cue, else the side of the sentence away from a source after the cue ("P, said X"),
    the side after the cue when the source is before it, else the longer side; never the source, punctuation
    at its edges or a leading "that". ``spans`` are the model's spans for ``doc`` (computed when not given).
    """
    span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    sent = span.sent
    if spans is None:
        spans = predict(doc, lang)
    sources = [
        (s, e) for label, s, e in spans if label == SOURCE and sent.start_char <= s and e <= sent.end_char
    ]
    source = min(sources, key=lambda o: max(o[0] - cue[1], cue[0] - o[1]), default=None)
    head = span.root
    if source is None:
        subject = next((c for c in head.children if c.dep_ in _SUBJECT_DEPS), None)
        if subject is not None:
            source = _extent(doc, subject)
    # a complement of the cue's words that lies outside the cue: "insisted [that P]", "concern about [P]"
    content = next(
        (
            _extent(doc, child)
            for token in span
            for child in token.children
            if child.dep_ in _CONTENT_DEPS and not span.start <= child.i < span.end
        ),
        None,
    )
    if content is None:
        before, after = (sent.start_char, span.start_char), (span.end_char, sent.end_char)
        if source is not None and source[0] >= span.end_char:
            content = before  # "P, said X"
        elif source is not None and len(doc.text[after[0] : after[1]].split()) > 1:
            content = after  # "X said P"
        else:
            content = before if before[1] - before[0] > after[1] - after[0] else after
    if source is not None and source[0] < content[1] and content[0] < source[1]:
        # keep the side of the content away from the source: "P, officials said" / "said officials, P"
        left, right = (content[0], source[0]), (source[1], content[1])
        content = left if left[1] - left[0] >= right[1] - right[0] else right
    content = _trimmed(doc.text, content)
    return (source, content) if content[0] < content[1] else None


def _extent(doc: Doc, token: Any) -> tuple[int, int]:
    last = doc[token.right_edge.i]
    return doc[token.left_edge.i].idx, last.idx + len(last)


def _trimmed(text: str, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    while start < end and (text[start].isspace() or text[start] in _EDGE_PUNCT):
        start += 1
    if text.startswith("that ", start) and start + 5 < end:
        start += 5
    while end > start and (text[end - 1].isspace() or text[end - 1] in _EDGE_PUNCT):
        end -= 1
    return start, end


# --- training-time pieces, referred to by training/cue_tagger.cfg and the shipped config.cfg -------------


@spacy.registry.architectures("kgbuild.BaseVectorsEncoder.v1")
def base_vectors_encoder(
    base_width: int,
    embed: Model[list[Doc], list[Floats2d]] | None,
    width: int,
    depth: int,
    window_size: int,
    maxout_pieces: int,
) -> Model[list[Doc], list[Floats2d]]:
    """Token vectors for the cue tagger: the base pipeline's own (``doc.tensor``, through a listener on its
    ``tok2vec``, frozen), next to optional hash embeddings of our own, mixed to ``width`` and re-encoded by
    ``depth`` convolution layers, so only these few layers are computed again."""
    listener: Model[list[Doc], list[Floats2d]] = Tok2VecListener(upstream_name=BASE_TOK2VEC, width=base_width)
    inputs = listener if embed is None else concatenate(listener, embed)
    # the mixing layer's input width is inferred at initialization (embed's width is not exposed as nO)
    mix: Model[list[Floats2d], list[Floats2d]] = with_array(Maxout(width, nP=maxout_pieces, normalize=True))
    model: Model[list[Doc], list[Floats2d]] = chain(inputs, mix)
    if depth:
        model = chain(model, MaxoutWindowEncoder(width, window_size, maxout_pieces, depth))
    model.set_dim("nO", width)
    return model


@spacy.registry.scorers("kgbuild.bio_spans_scorer.v1")
def make_bio_spans_scorer() -> Any:
    return score_bio_spans


def score_bio_spans(examples: Iterable[Example], **_: Any) -> dict[str, Any]:
    """Span P/R/F of the decoded BIO tags against the reference entities: exact (``spans_*``) and, for cues,
    sharing at least one token as in the attribution metric (``cue_overlap_*``)."""
    exact = PRFScore()
    per_label: dict[str, PRFScore] = {}
    cues_found = cues_predicted = gold_hit = gold_total = 0
    for example in examples:
        doc = example.predicted
        predicted = set(bio_spans(doc, [t.tag_ or OUTSIDE for t in doc]))
        gold = {(ent.label_, ent.start_char, ent.end_char) for ent in example.reference.ents}
        for label in {g[0] for g in gold} | {p[0] for p in predicted}:
            score = per_label.setdefault(label, PRFScore())
            score.score_set({p for p in predicted if p[0] == label}, {g for g in gold if g[0] == label})
        exact.score_set(predicted, gold)
        cues = [p for p in predicted if p[0] == CUE]
        gold_cues = [g for g in gold if g[0] == CUE]
        cues_predicted += len(cues)
        gold_total += len(gold_cues)
        cues_found += sum(any(p[1] < g[2] and g[1] < p[2] for g in gold_cues) for p in cues)
        gold_hit += sum(any(p[1] < g[2] and g[1] < p[2] for p in cues) for g in gold_cues)
    precision = cues_found / cues_predicted if cues_predicted else 0.0
    recall = gold_hit / gold_total if gold_total else 0.0
    return {
        "spans_p": exact.precision,
        "spans_r": exact.recall,
        "spans_f": exact.fscore,
        "cue_overlap_p": precision,
        "cue_overlap_r": recall,
        "cue_overlap_f": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "spans_per_type": {label: s.to_dict() for label, s in per_label.items()},
    }
