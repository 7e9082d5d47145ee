"""Plain records that flow between the stages.

Readers yield :class:`Article`; extractors yield :class:`EntityMention` and
:class:`Attribution`. None of them knows about RDF: ``kgbuild.graph.mapping``
is the only place where records become triples.

Offsets are Python ``str`` indices (Unicode code points), end exclusive.
Records leaving :func:`kgbuild.pipeline.process` always index the article's
text exactly as it was read (``Article.text``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

QuoteType = Literal["direct", "indirect", "mixed", "nosource"]
SourceKind = Literal["person", "organisation", "anonymous", "document", "none"]
EntityKind = Literal["person", "organisation", "place", "group"]
Certainty = Literal["certain", "probable", "possible", "underspecified"]


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span offsets [{self.start}, {self.end})")


@dataclass(frozen=True, slots=True)
class Article:
    """One input article, its text exactly as read."""

    id: str
    text: str
    origin: str  # where it came from, for reject reports: "file.jsonl:12", "a.txt", "<stdin>:3"
    lang: str | None = None
    date: str | None = None  # ISO "YYYY-MM-DD", "YYYY-MM" or "YYYY"
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    metadata: tuple[tuple[str, str], ...] = ()  # extra input fields, kept as given


@dataclass(frozen=True, slots=True)
class Reject:
    """An input that did not make it into the graph, and why."""

    origin: str
    reason: str
    article_id: str | None = None


@dataclass(frozen=True, slots=True)
class EntityMention:
    span: Span
    kind: EntityKind
    name: str  # canonical name inside the article ("Donald Trump" for a later "Trump")
    key: str  # normalised identity key, equal across articles for the same name, whatever its kind


@dataclass(frozen=True, slots=True)
class CoSpeaker:
    """Another speaker named in a coordinated source ("Donald Trump and Hillary Clinton said"), beside the
    one the attribution resolves to."""

    name: str  # canonical name of the entity inside the article
    key: str  # identity key of the entity (EntityMention.key)
    kind: SourceKind


@dataclass(frozen=True, slots=True)
class Attribution:
    cue: Span
    content: Span
    source: Span | None
    type: QuoteType
    source_kind: SourceKind
    cue_lemma: str  # lexicon entry of the cue ("affirmer", "selon", "say")
    # act category of the cue in the lexicon: assert, deny, accuse, report, believe, demand, promise
    cue_act: str = "assert"
    resolved: str | None = None  # canonical name of the speaker entity, when resolved
    source_key: str | None = None  # identity key of the speaker entity (EntityMention.key)
    relayed_by: int | None = None  # index of the intermediary's attribution in the same list
    hedges: tuple[str, ...] = ()
    negated: bool = False
    certainty: Certainty = "certain"
    confidence: float = 1.0
    extractor: str = ""  # registered name, "attributions.v1"
    accused: Span | None = None  # for an accusation, who it holds responsible, as written ("accuse X de Y")
    accused_key: str | None = None  # identity key of the accused entity (EntityMention.key), when it is one
    co_speakers: tuple[CoSpeaker, ...] = ()  # the other named members of a coordinated source


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one article, offsets into ``article.text``."""

    article: Article
    lang: str
    entities: tuple[EntityMention, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    extractors: tuple[str, ...] = field(default=())  # registered names that ran
