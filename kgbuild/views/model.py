"""What a view graph carries besides nodes and edges: the claims and articles its edges stand for.

View graphs keep these in ``graph.graph["claims"]`` and ``graph.graph["articles"]`` (IRI -> record), and
edges refer to them by IRI (``claims=(iri, ...)`` or ``articles=(iri, ...)``), so a claim about five
entities is stored once, not on five edges.
"""

from __future__ import annotations

from dataclasses import dataclass

# Node kinds a view can produce, in legend order. Entity kinds come from kg:entityKind.
NODE_KINDS: tuple[str, ...] = (
    "person",
    "organisation",
    "publisher",
    "place",
    "group",
    "anonymous",
    "document",
    "source",
    "article",
    "claim",
    "resource",
    "literal",
)

# Values of kg:sourceKind, by local name, as the page shows them.
SOURCE_KINDS: dict[str, str] = {
    "PersonSource": "person",
    "OrganisationSource": "organisation",
    "AnonymousSourceKind": "anonymous",
    "DocumentSource": "document",
    "UnnamedSource": "unnamed",
}


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    iri: str
    title: str | None = None
    url: str | None = None
    date: str | None = None  # lexical form as stored: YYYY-MM-DD, YYYY-MM or YYYY
    publisher: str | None = None  # publisher entity IRI
    publisher_name: str | None = None


@dataclass(frozen=True, slots=True)
class ClaimInfo:
    iri: str
    article: str  # article IRI
    speaker: str | None = None  # speaker IRI as stored (None when the claim is agentless)
    speaker_label: str | None = None  # the speaker's name, or the wording of an unnamed source
    cue: str = ""  # cue lemma ("affirmer", "say")
    act: str | None = None  # act category of the cue ("Assert", "Deny", ...)
    quote: str = ""  # claim content text
    source_kind: str | None = None  # a value of SOURCE_KINDS
    quote_type: str | None = None  # "Direct", "Indirect", "Mixed", "NoSource"
    negative: bool = False
    certainty: str | None = None  # "CERTAIN", "PROBABLE", "POSSIBLE", "UNDERSPECIFIED"
    hedges: tuple[str, ...] = ()
    others: tuple[str, ...] = ()  # the other speakers of a coordinated source ("X and Y said")

    @property
    def speakers(self) -> tuple[str, ...]:
        """Every speaker of the claim: none when it is agentless."""
        return (self.speaker, *self.others) if self.speaker is not None else ()

    @property
    def denial(self) -> bool:
        return self.negative or self.act == "Deny"

    @property
    def hedged(self) -> bool:
        return bool(self.hedges) or self.certainty in ("PROBABLE", "POSSIBLE")

    @property
    def style(self) -> str:
        """How an edge standing for this claim is drawn: ``deny``, ``hedged`` or ``assert``."""
        if self.denial:
            return "deny"
        return "hedged" if self.hedged else "assert"
