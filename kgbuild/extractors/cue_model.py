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
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.types import Floats2d

from kgbuild import nlp
from kgbuild.extractors.docindex import index_of
from kgbuild.extractors.matmul_ops import one_blas_thread, use_matmul_ops
from kgbuild.extractors.tagger_ensemble import GatedEnsemble
from kgbuild.extractors.tagger_features import feature_extractor
from kgbuild.extractors.tagger_forward import CompiledTagger, compile_tagger, softmax

log = logging.getLogger(__name__)

# Shipped models, by language: folder names under kgbuild/models. Several taggers of one language would be read
# as one, their tag probabilities averaged (:func:`predict_with_all`).
SHIPPED: dict[str, tuple[str, ...]] = {"en": ("en_attribution_cues",)}
# Larger taggers read with the shipped ones where asked (``predict_scored(..., joint=True)``,
# attributions.v3): where the first tagger's O probability is under JOINT_BELOW, the mean of all their tag
# probabilities decides (training/README.md, "Larger taggers read only where the shipped one hesitates").
JOINT: dict[str, tuple[str, ...]] = {"en": ("en_attribution_cues_wide0", "en_attribution_cues_wide1")}
JOINT_BELOW = 0.7
# The trained component: a BIO tagger, or (earlier experiments) an entity recognizer.
COMPONENTS = ("attribution_tagger", "attribution_ner")
BASE_TOK2VEC = "tok2vec"

CUE = "CUE"
SOURCE = "SOURCE"
CONTENT = "CONTENT"
OUTSIDE = "O"

_CONTENT_DEPS = {"ccomp", "xcomp", "dobj", "obj", "pobj"}
_EDGE_PUNCT = set(",;:.—–-")
_CONTENT_WORDS = {"VERB", "NOUN", "PROPN", "ADJ"}
# words a function-word cue can stand for ("has [said]", "to [endorse]")
_GOVERNORS = {"VERB", "AUX", "NOUN", "ADJ"}
_PASSIVE_SUBJECTS = {"nsubjpass", "nsubj:pass"}
_PASSIVE_DEPS = _PASSIVE_SUBJECTS | {"auxpass", "aux:pass"}
_ACTIVE_SUBJECTS = {"nsubj", "csubj"}
# a cue depending on another word by these speaks for that word's subject: "..., attacking critics",
# "Asked later, the admiral ...", "made a call for", "vowed to fight"
_CLIMB_DEPS = {"xcomp", "advcl", "conj", "pcomp", "prep", "pobj", "dobj", "attr", "oprd", "acomp"}
_CLIMB = 4
_NOMINALS = {"NOUN", "PROPN", "PRON"}
# prepositions that bring in who holds a nominal cue: "opposition from X", "concern among X"
_ORIGIN_PREPS = {"from", "among", "by"}
# passive participles of feeling, whose subject feels: "X was angered by P", "X was worried that P"
_FEELING_VERBS = """
    alarm amaze anger annoy appal appall bother concern delight disappoint disgust dismay disturb
    embarrass encourage excite frighten frustrate horrify impress infuriate inspire intrigue irritate
    offend outrage please rattle satisfy scare shake shock stun surprise thrill trouble unnerve upset
    worry
    """
_FEELINGS = frozenset(_FEELING_VERBS.split())
_PASSIVE_COMPLEMENTS = {"xcomp", "oprd", "ccomp", "attr", "acomp", "prep"}
_CLOSING_QUOTES = "\"”'"
_OPENING_OF = {'"': '"', "”": "“", "'": "'"}
_QUOTE_CHARS = "\"“”'"
# how far back a quotation's opening mark is looked for, in characters
_QUOTE_REACH = 1500
_CLAUSE_ENDS = ",?!—-"

LabelledSpan = tuple[str, int, int]
ScoredSpan = tuple[str, int, int, float]


class CueModelError(RuntimeError):
    """A model that cannot serve predictions (missing, broken, or made for other token vectors)."""


def model_paths(lang: str, shipped: dict[str, tuple[str, ...]] = SHIPPED) -> tuple[Path, ...]:
    """The shipped model folders for ``lang`` inside the installed package (none for most languages), among
    ``shipped`` (:data:`SHIPPED` or :data:`JOINT`)."""
    # Wheels and editable installs both leave package data as real files, which spaCy needs.
    folders = (
        Path(str(resources.files("kgbuild").joinpath("models", name))) for name in shipped.get(lang, ())
    )
    return tuple(folder for folder in folders if (folder / "config.cfg").is_file())


def model_path(lang: str) -> Path | None:
    """The first shipped model folder for ``lang``, or None when there is none."""
    paths = model_paths(lang)
    return paths[0] if paths else None


@functools.cache
def load_cue_models(lang: str) -> tuple[Language, ...]:
    """The trained cue models for ``lang``, loaded once; empty when none is shipped. A model that cannot be
    used with the installed base pipeline is left out (logged)."""
    return _usable(model_paths(lang), lang)


@functools.cache
def load_joint_models(lang: str) -> tuple[Language, ...]:
    """The larger taggers read with :func:`load_cue_models`' where the first hesitates (:data:`JOINT`),
    loaded once; empty when none is shipped."""
    return _usable(model_paths(lang, JOINT), lang)


def _usable(paths: Sequence[Path], lang: str) -> tuple[Language, ...]:
    models = []
    for path in paths:
        try:
            model = load_from(path)
            check_base(model, lang)
        except CueModelError as err:
            log.warning("cue model %s for %r not used: %s", path.name, lang, err)
            continue
        models.append(model)
    return tuple(models)


def load_cue_model(lang: str) -> Language | None:
    """The first trained cue model for ``lang`` (see :func:`load_cue_models`), or None."""
    models = load_cue_models(lang)
    return models[0] if models else None


def load_from(path: Path) -> Language:
    """A cue model from a folder (the shipped one, or a freshly trained one being measured)."""
    try:
        model = spacy.load(path)
    except (OSError, ValueError, KeyError) as err:
        raise CueModelError(f"cannot load {path}: {err}") from err
    component: Any = model.get_pipe(component_name(model))
    use_matmul_ops(component.model)
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


def predict_scored(doc: Doc, lang: str, *, joint: bool = False) -> list[ScoredSpan]:
    """Like :func:`predict`, each span with the model's confidence in it (0-1; mean probability of its tags).
    With ``joint``, the language's larger taggers (:data:`JOINT`) are read too, where the first hesitates.

    A Doc the model cannot read (not made by the pipeline it was trained on) gives no spans and a logged
    warning, so that the extractor using it still works without it."""
    models = load_cue_models(lang)
    if not models:
        return []
    try:
        others = load_joint_models(lang) if joint else ()
        if others:
            return predict_with_all((*models[:1], *others), doc, joint_below=JOINT_BELOW)
        if len(models) == 1:
            return predict_with(models[0], doc)
        return predict_with_all(models, doc)
    except CueModelError as err:
        log.warning("cue model skipped: %s", err)
        return []


def predict_with(model: Language, doc: Doc) -> list[ScoredSpan]:
    """Run only the trained component over ``doc``'s tokens and vectors; ``doc`` itself is not modified."""
    if len(doc) == 0:
        return []
    name = component_name(model)
    component = model.get_pipe(name)
    _check_vectors(model, name, doc)
    if isinstance(component, Tagger):
        return _tag_spans(doc, _tag_probabilities(model, name, doc), component.labels)
    if isinstance(component, EntityRecognizer):
        # The recognizer writes entities, and respects preset ones: give it a bare copy of the tokens.
        copy = Doc(model.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
        copy.tensor = doc.tensor
        component(copy)
        return [(ent.label_, ent.start_char, ent.end_char, 1.0) for ent in copy.ents]
    raise CueModelError(f"component {name!r} is a {type(component).__name__}, not a tagger or recognizer")


def predict_with_all(
    models: Sequence[Language], doc: Doc, *, joint_below: float | None = None
) -> list[ScoredSpan]:
    """Like :func:`predict_with` for taggers with the same labels, read as one: the mean of their tag
    probabilities decides each token's tag and the spans' confidence.

    With ``joint_below``, the mean decides only the tokens to which the first tagger gives an O probability
    under ``joint_below``; elsewhere the first tagger's probabilities stand. Taggers that can share their
    work (:class:`~kgbuild.extractors.tagger_ensemble.GatedEnsemble`) then compute the others only where
    they are read."""
    if len(doc) == 0:
        return []
    names = tuple(component_name(model) for model in models)
    components: list[Any] = [model.get_pipe(name) for model, name in zip(models, names, strict=True)]
    if not all(isinstance(component, Tagger) for component in components):
        raise CueModelError("only taggers can be read together")
    labels = components[0].labels
    if any(component.labels != labels for component in components):
        raise CueModelError("the taggers read together do not have the same labels")
    for model, name in zip(models, names, strict=True):
        _check_vectors(model, name, doc)
    if joint_below is None or OUTSIDE not in labels:
        total = numpy.zeros((len(doc), len(labels)), dtype="float32")
        for model, name in zip(models, names, strict=True):
            total += _tag_probabilities(model, name, doc)
        return _tag_spans(doc, total / len(models), labels)
    ensemble = _ensemble(tuple(models), names, joint_below)
    if ensemble is not None:
        return _tag_spans(doc, ensemble.probabilities(doc), labels)
    first = _tag_probabilities(models[0], names[0], doc)
    joint = first[:, labels.index(OUTSIDE)] < joint_below
    if joint.any():
        total = first[joint]
        for model, name in zip(models[1:], names[1:], strict=True):
            total = total + _tag_probabilities(model, name, doc)[joint]
        first[joint] = total / len(models)
    return _tag_spans(doc, first, labels)


def _check_vectors(model: Language, name: str, doc: Doc) -> None:
    base = _base_of(model)
    if base:
        width = _listened_width(model, name)
        if doc.tensor is None or doc.tensor.shape != (len(doc), width):
            shape = None if doc.tensor is None else doc.tensor.shape
            raise CueModelError(
                f"the Doc has no token vectors of width {width} (tensor shape {shape}): it was not made by "
                f"the pipeline the cue model was trained on ({base})"
            )


def _tag_probabilities(model: Language, name: str, doc: Doc) -> numpy.ndarray:
    """Per-token tag probabilities (tokens x labels) of the tagger ``name`` of ``model``."""
    compiled = _compiled(model, name)
    if compiled is not None:
        scores = compiled.scores(doc)
    else:
        component: Any = model.get_pipe(name)
        with one_blas_thread():
            (scores,) = component.model.predict([doc])
        scores = numpy.asarray(scores)
    # The tagger's output layer is not normalized at inference: its scores are logits.
    return softmax(scores)


def _tag_spans(doc: Doc, probabilities: numpy.ndarray, labels: Sequence[str]) -> list[ScoredSpan]:
    """Spans of the most probable tags, each with the mean probability of its tags."""
    best = probabilities.argmax(axis=1)
    confidence = probabilities.max(axis=1)
    outside = labels.index(OUTSIDE) if OUTSIDE in labels else -1
    index = index_of(doc)
    add = numpy.add.reduce  # ndarray.mean's own sum and division, without its wrapper around them
    return [
        (
            label,
            index.idx[first],
            index.end[last],
            float(add(confidence[first : last + 1]) / (last + 1 - first)),
        )
        for label, first, last in tag_runs(
            index.is_space, [(int(i), labels[best[i]]) for i in numpy.flatnonzero(best != outside)]
        )
    ]


def bio_spans(doc: Doc, tags: Sequence[str]) -> list[LabelledSpan]:
    """Character spans from per-token ``B-X`` / ``I-X`` / ``O`` tags (see :func:`bio_runs`)."""
    index = index_of(doc)
    return [
        (label, index.idx[first], index.end[last]) for label, first, last in bio_runs(index.is_space, tags)
    ]


def bio_runs(is_space: Sequence[bool], tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """``(label, first token, last token)`` of per-token ``B-X`` / ``I-X`` / ``O`` tags (see :func:`tag_runs`)."""
    return tag_runs(is_space, [(i, tag) for i, tag in enumerate(tags) if tag != OUTSIDE])


def tag_runs(is_space: Sequence[bool], tagged: Iterable[tuple[int, str]]) -> list[tuple[str, int, int]]:
    """``(label, first token, last token)`` of the tokens tagged ``B-X`` / ``I-X`` (``tagged``: position and
    tag, in text order; the others are ``O``), read as runs of one label: a ``B-X`` right after an ``X`` token
    continues the span (in PolNeAR two spans of one label almost never touch: 3 of 18,000 cues), so a cue the
    tagger split ("talked" + "about") stays whole. Whitespace tokens never start or end a span."""
    runs: list[tuple[str, int, int]] = []
    label: str | None = None
    first = last = previous = -2
    for i, tag in tagged:
        kind = tag.partition("-")[2] or None
        if kind is not None and kind == label and i == previous + 1:
            if not is_space[i]:
                last = i
        else:
            if label is not None:
                runs.append((label, first, last))
                label = None
            if kind is not None and not is_space[i]:
                label, first, last = kind, i, i
        previous = i
    if label is not None:
        runs.append((label, first, last))
    return runs


@functools.cache
def _compiled(model: Language, name: str) -> CompiledTagger | None:
    """The tagger's numpy forward pass, when its architecture is the shipped one."""
    component: Any = model.get_pipe(name)
    return compile_tagger(component.model)


@functools.cache
def _ensemble(
    models: tuple[Language, ...], names: tuple[str, ...], joint_below: float
) -> GatedEnsemble | None:
    """The taggers' shared forward pass, when they all compile and share their hashed attributes."""
    compiled = [_compiled(model, name) for model, name in zip(models, names, strict=True)]
    if any(tagger is None for tagger in compiled):
        return None
    component: Any = models[0].get_pipe(names[0])
    labels = component.labels
    return GatedEnsemble.of(
        [tagger for tagger in compiled if tagger is not None], joint_below, labels.index(OUTSIDE)
    )


@functools.cache
def _base_of(model: Language) -> str | None:
    """The base pipeline a model was trained on (``Language.meta`` is rebuilt on every access)."""
    base = model.meta.get("kgbuild_base")
    return str(base) if base else None


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
    return unread_cues(predict_scored(doc, lang), known_cues, min_score, known_contents)


def unread_cues(
    scored: Iterable[ScoredSpan],
    known_cues: Iterable[tuple[int, int]],
    min_score: float = 0.0,
    known_contents: Iterable[tuple[int, int]] = (),
) -> list[tuple[int, int]]:
    """:func:`extra_cue_candidates` over spans the model has already scored."""
    cues = list(known_cues)
    contents = list(known_contents)
    return [
        (start, end)
        for label, start, end, score in scored
        if label == CUE
        and score >= min_score
        and not any(s < end and start < e for s, e in cues)
        and not any(s <= start and end <= e for s, e in contents)
    ]


def fallback_frame(
    doc: Doc, cue: tuple[int, int], spans: Sequence[LabelledSpan] | None = None, lang: str = "en"
) -> tuple[tuple[int, int] | None, tuple[int, int]] | None:
    """``(source, content)`` character spans for a cue the dependency rules could not complete, or None.

    A plain reading of the parse around the cue, for the model's extra cues. The cue stands for the word it
    hangs from (the verb of a lone auxiliary or particle, the noun of an adjective). A passive of feeling
    ("X was angered by P") has the one who feels as source and the cause as content. Otherwise the source
    is the agent of a passive; else that word's subject, the possessor or the "from"/"among" object of a
    noun cue ("his proposal", "opposition from X"), the noun a participle qualifies ("pastors supporting
    X"), the object of a verb a to-infinitive depends on ("led her to declare"), or the subject of the verb
    the cue depends on ("..., attacking critics", "Asked later, the admiral said"); else the model's SOURCE
    span nearest the cue in its sentence. Content: a quotation closing just before the speaker or cue
    ('"P," X told Y'), the object of a preposition closing the cue ("concern about [P]"), a clause before
    the speaker, what follows a passive with a complement ("X is seen [as P]") or else its subject ("[P]
    was rejected by X"), a complement, object or prepositional object of the cue ("insisted [that P]"),
    else the side of the sentence the cue introduces. Never the source, never across a semicolon, no
    punctuation at its edges nor a leading "that". ``spans`` are the model's spans for ``doc`` (computed
    when needed and not given); a cue that is not :func:`frame_worthy` gets no frame.
    """
    span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    if span is None or len(span) == 0 or not frame_worthy(doc, cue):
        return None
    sent = span.sent
    head = _governor(span)
    passive = any(c.dep_ in _PASSIVE_DEPS for c in head.children)
    if passive and head.lemma_.lower() in _FEELINGS:
        felt = _felt(doc, head)  # "X was angered by [P]": the one who feels is the source
        if felt is not None:
            return felt
    source = _syntactic_source(doc, span, head, passive)
    if source is None and not passive:
        if spans is None:
            spans = predict(doc, lang)
        sources = [
            (s, e) for label, s, e in spans if label == SOURCE and sent.start_char <= s and e <= sent.end_char
        ]
        source = min(sources, key=lambda o: max(o[0] - cue[1], cue[0] - o[1]), default=None)
    content = _quote_before(doc, span, source)
    if content is not None and source is not None and content[0] <= source[0] and source[1] <= content[1]:
        source = _subject_after(doc, span, head)  # '"P," wrote X': the subject found was inside P
    if content is None:
        content = _complement(doc, span, head, passive, source)
    if content is None:
        before, after = (sent.start_char, span.start_char), (span.end_char, sent.end_char)
        if source is not None and source[0] >= span.end_char:
            content = before  # "P, said X"
        elif source is not None and len(index_of(doc).text[after[0] : after[1]].split()) > 1:
            content = after  # "X said P"
        else:
            content = before if before[1] - before[0] > after[1] - after[0] else after
    if source is not None and source[0] < content[1] and content[0] < source[1]:
        # keep the side of the content away from the source: "P, officials said" / "said officials, P"
        left, right = (content[0], source[0]), (source[1], content[1])
        content = left if left[1] - left[0] >= right[1] - right[0] else right
    content = _trimmed(index_of(doc).text, _within_clause(index_of(doc).text, content, span.start_char))
    return (source, content) if content[0] < content[1] else None


def frame_worthy(doc: Doc, cue: tuple[int, int]) -> bool:
    """Whether a model cue deserves a plain frame: it holds a content word (verb, noun, adjective, name), is
    an auxiliary or particle of a verb ("has [long argued]", "to [endorse]"), or several words with an
    auxiliary ("did not"); and it is not inside a quotation, whose inner reports PolNeAR leaves alone. A
    lone article, pronoun, adverb, preposition or punctuation mark ("a", "its", "long", ":") is most often a
    stray tag. Chosen on the frames of PolNeAR train."""
    span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    if _quoted(index_of(doc).text, cue[0]):
        return False
    if any(t.pos_ in _CONTENT_WORDS for t in span):
        return True
    if span.root.pos_ in {"AUX", "PART"} and span.root.head.pos_ == "VERB":
        return True
    return len(span) > 1 and any(t.pos_ == "AUX" for t in span)


def _quoted(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a quotation opened earlier in its paragraph."""
    start = text.rfind("\n", 0, pos) + 1
    before = text[start:pos]
    if before.count("“") > before.count("”"):
        return True
    return before.count('"') % 2 == 1 or before.count("''") % 2 == 1


def _governor(span: Any) -> Any:
    """The word a cue hangs from: its root, or the verb of a cue made only of function words ("has", "to",
    "did"), or the noun an adjective cue qualifies ("unlikely [proposal]")."""
    root = span.root
    outside = root.head.i < span.start or root.head.i >= span.end
    if outside and root.pos_ not in _CONTENT_WORDS and root.head.pos_ in _GOVERNORS:
        return root.head
    if outside and root.dep_ in {"amod", "compound"} and root.head.pos_ in {"NOUN", "PROPN"}:
        return root.head
    return root


def _syntactic_source(doc: Doc, span: Any, head: Any, passive: bool) -> tuple[int, int] | None:
    """Who speaks, from the parse alone (see :func:`fallback_frame`); None when the parse does not say."""
    if passive:
        agent = next((c for c in head.children if c.dep_ == "agent"), None)
        obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        return _extent(doc, obj) if obj is not None else None
    token = head
    for _ in range(_CLIMB):
        subject = next((c for c in token.children if c.dep_ in _ACTIVE_SUBJECTS), None)
        if subject is not None and not span.start <= subject.i < span.end:
            return _before(doc, subject, span)
        if token.pos_ in {"NOUN", "PROPN"}:
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            if owner is not None:
                return _extent(doc, owner)
            origin = _prep_object(token, _ORIGIN_PREPS, after=span.end)
            if origin is not None:
                return _extent(doc, origin)  # "a murmur from [X]", "concern among [X]"
        if token.dep_ == "acl" and token.head.pos_ in _NOMINALS:
            noun = token.head  # "pastors [supporting] Mr. Cruz", "a sign [saying] P"
            return doc[noun.left_edge.i].idx, noun.idx + len(noun)
        if token.dep_ == "xcomp":
            obj = next((c for c in token.head.children if c.dep_ in {"dobj", "obj"} and c.i < token.i), None)
            if obj is not None:
                return _extent(doc, obj)  # "led her [to declare] P": the one led speaks
        if token.dep_ not in _CLIMB_DEPS or token.head is token:
            return None
        if any(c.dep_ in _PASSIVE_DEPS for c in token.head.children):
            return None
        token = token.head
    return None


def _felt(doc: Doc, head: Any) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """``(source, content)`` of a passive of feeling: its subject feels, its agent or complement is the
    cause ("X was angered by [P]", "X was worried [that P]", "X was upset about [P]")."""
    subject = next((c for c in head.children if c.dep_ in _PASSIVE_SUBJECTS), None)
    if subject is None:
        return None
    agent = next((c for c in head.children if c.dep_ == "agent"), None)
    cause = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if cause is None:
        cause = next((c for c in head.children if c.dep_ in {"ccomp", "xcomp"}), None)
    if cause is None:
        cause = _prep_object(head, {"about", "over", "at", "with", "by"}, after=head.i)
    if cause is None:
        return None
    return _extent(doc, subject), _trimmed(index_of(doc).text, _extent(doc, cause))


def _prep_object(token: Any, preps: set[str], after: int) -> Any:
    """The object of a preposition among ``preps`` hanging from ``token`` at or after token ``after``."""
    for child in token.children:
        if child.dep_ in {"prep", "agent"} and child.i >= after and child.lower_ in preps:
            obj = next((c for c in child.children if c.dep_ in {"pobj", "pcomp"}), None)
            if obj is not None:
                return obj
    return None


def _complement(
    doc: Doc, span: Any, head: Any, passive: bool, source: tuple[int, int] | None
) -> tuple[int, int] | None:
    """The content as the parse gives it (see :func:`fallback_frame`); None when it gives none."""
    inside = range(span.start, span.end)
    last = span[-1]
    if last.pos_ == "ADP":  # "concern about [P]", "calls for [P]"
        obj = next((c for c in last.children if c.dep_ in {"pobj", "pcomp"}), None)
        if obj is not None:
            return _extent(doc, obj)
    words = [head, *(t for t in span if t is not head)]
    children = [c for t in words for c in t.children if c.i not in inside]
    clause = next((c for c in children if c.dep_ in {"ccomp", "parataxis"} and c.i < span.start), None)
    if clause is not None and (source is None or source[1] <= span.start_char or clause.i < source[0]):
        return _extent(doc, clause)  # '"P," X told Y': the clause before the speaker
    if passive:
        # "[X] was rejected by Y"; with a complement, what follows the cue: "X is seen [as P]"
        tail = [c for c in head.children if c.i >= span.end and c.dep_ in _PASSIVE_COMPLEMENTS]
        if tail:
            return span.end_char, _extent(doc, tail[-1])[1]
        subject = next((c for c in head.children if c.dep_ in _PASSIVE_SUBJECTS), None)
        if subject is not None and not _has_clause(children):
            return _extent(doc, subject)
    for deps in (("ccomp",), ("dobj", "obj"), ("xcomp",)):
        found = next((c for c in children if c.dep_ in deps), None)
        if found is not None:
            return _extent(doc, found)
    prep = next((c for c in children if c.dep_ == "prep" and c.i >= span.end), None)
    if prep is not None:
        obj = next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None)
        if obj is not None:
            return _extent(doc, obj)
    found = next((c for c in children if c.dep_ in _CONTENT_DEPS), None)
    return _extent(doc, found) if found is not None else None


def _quote_before(doc: Doc, span: Any, source: tuple[int, int] | None) -> tuple[int, int] | None:
    """A quotation closing right before the cue, or before a speaker just before it: '"P," X told Y',
    '"P," wrote X'. Its opening mark may lie sentences back."""
    text = index_of(doc).text
    anchor = span.start_char
    if source is not None and source[1] <= anchor and not text[source[1] : anchor].strip():
        anchor = source[0]
    end = anchor
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end < 3 or text[end - 1] not in _CLOSING_QUOTES:
        return None
    mark = text[end - 1]
    double = mark == "'" and end >= 2 and text[end - 2] == "'"
    if "\n" in text[end:anchor] or text[end - 3 if double else end - 2] not in _CLAUSE_ENDS:
        return None  # a quotation that ended its own sentence ('"P." X is ...') is not introduced here
    if double:
        opening = text.rfind("''", max(0, end - _QUOTE_REACH), end - 2)
    else:
        opening = text.rfind(_OPENING_OF[mark], max(0, end - _QUOTE_REACH), end - 1)
    if opening < 0 or not text[opening:end].strip(_QUOTE_CHARS + " ,"):
        return None
    return opening, end


def _subject_after(doc: Doc, span: Any, head: Any) -> tuple[int, int] | None:
    subject = next((c for c in head.children if c.dep_ in _ACTIVE_SUBJECTS and c.i >= span.end), None)
    return _extent(doc, subject) if subject is not None else None


def _has_clause(children: Sequence[Any]) -> bool:
    return any(c.dep_ in {"ccomp", "xcomp", "oprd"} for c in children)


def _before(doc: Doc, token: Any, span: Any) -> tuple[int, int]:
    """The extent of ``token`` cut where the cue begins (a subject whose relative clause holds the cue)."""
    start, end = _extent(doc, token)
    if start < span.start_char < end:
        end = token.idx + len(token) if token.i < span.start else end
    return start, end


def _within_clause(text: str, content: tuple[int, int], anchor: int) -> tuple[int, int]:
    """``content`` cut at the semicolon nearest the cue: a semicolon ends what one cue introduces."""
    start, end = content
    if start >= anchor:
        cut = text.find(";", start, end)
        return (start, cut) if cut > start else content
    cut = text.rfind(";", start, end)
    return (cut + 1, end) if cut >= 0 else content


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


@spacy.registry.architectures("kgbuild.ParsedHashEmbed.v1")
def parsed_hash_embed(width: int, attrs: list[str], rows: list[int]) -> Model[list[Doc], list[Floats2d]]:
    """spaCy's ``MultiHashEmbed.v2`` (no static vectors) whose attributes may also be read off the parse
    (``HEAD_NORM``, ``CHILD_DEPS``: :mod:`kgbuild.extractors.tagger_features`)."""
    if len(rows) != len(attrs):
        raise ValueError(f"{len(attrs)} attributes but {len(rows)} row counts")
    # the seeds MultiHashEmbed gives its tables, so that a model without parse attributes is built the same way
    tables: list[Model[Any, Any]] = [
        HashEmbed(width, n, column=k, seed=8 + k, dropout=0.0) for k, n in enumerate(rows)
    ]
    model: Model[list[Doc], list[Floats2d]] = chain(
        feature_extractor(attrs),
        list2ragged(),
        with_array(concatenate(*tables)),
        with_array(Maxout(width, width * len(tables), nP=3, dropout=0.0, normalize=True)),
        ragged2list(),
    )
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
