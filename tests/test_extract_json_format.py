import json

from kgbuild.eval.gold import GoldAttribution, GoldDoc
from kgbuild.eval.metric import score
from kgbuild.extract_json import extraction_to_json
from kgbuild.records import Article, Attribution, CoSpeaker, EntityMention, Extraction, Span

TEXT = "Selon Marie Curie, le radium brille. Il a été accusé de mentir."


def part(text: str) -> Span:
    start = TEXT.index(text)
    return Span(start, start + len(text), text)


SAID = Attribution(
    cue=part("Selon"),
    content=part("le radium brille"),
    source=part("Marie Curie"),
    type="indirect",
    source_kind="person",
    cue_lemma="selon",
    resolved="Marie Curie",
    hedges=("aurait",),
    confidence=0.75,
    co_speakers=(CoSpeaker("Pierre Curie", "person:pierre curie", "person"),),
)
ACCUSED = Attribution(
    cue=part("a été accusé"),
    content=part("de mentir"),
    source=None,
    type="nosource",
    source_kind="none",
    cue_lemma="accuser",
    cue_act="accuse",
    relayed_by=0,
    negated=True,
)
EXTRACTION = Extraction(
    article=Article(id="art-1", text=TEXT, origin="a.txt", lang="fr"),
    lang="fr",
    entities=(EntityMention(part("Marie Curie"), "person", "Marie Curie", "person:marie curie"),),
    attributions=(SAID, ACCUSED),
)


def test_extract_json_follows_the_eval_format() -> None:
    record = extraction_to_json(EXTRACTION)
    assert list(record) == ["id", "lang", "attributions", "entities", "events"]
    assert (record["id"], record["lang"], record["events"]) == ("art-1", "fr", [])
    said, accused = record["attributions"]
    assert said == {
        "source": {"start": 6, "end": 17, "text": "Marie Curie", "resolved": "Marie Curie"},
        "cue": {"start": 0, "end": 5, "text": "Selon"},
        "content": {"start": 19, "end": 35, "text": "le radium brille"},
        "type": "indirect",
        "source_kind": "person",
        "relayed_by": None,
        "hedges": ["aurait"],
        "negated": False,
        "confidence": 0.75,
        "accused": None,
        "co_speakers": [{"resolved": "Pierre Curie", "key": "person:pierre curie", "kind": "person"}],
    }
    assert accused["source"] is None
    assert accused["co_speakers"] == []
    assert (accused["relayed_by"], accused["negated"], accused["type"]) == (0, True, "nosource")
    assert record["entities"] == [
        {
            "start": 6,
            "end": 17,
            "text": "Marie Curie",
            "kind": "person",
            "name": "Marie Curie",
            "key": "person:marie curie",
        }
    ]


def test_extract_json_offsets_index_the_article_text() -> None:
    record = json.loads(json.dumps(extraction_to_json(EXTRACTION), ensure_ascii=False))
    for attribution in record["attributions"]:
        for role in ("cue", "content", "source"):
            span = attribution[role]
            if span is not None:
                assert TEXT[span["start"] : span["end"]] == span["text"]


def test_extract_json_is_what_the_metric_reads() -> None:
    gold = GoldDoc(
        "art-1",
        TEXT,
        "fr",
        (
            GoldAttribution(
                part("Marie Curie"), part("Selon"), part("le radium brille"), "indirect", "person", None
            ),
            GoldAttribution(None, part("a été accusé"), part("de mentir"), "nosource", "none", None),
        ),
    )
    record = extraction_to_json(EXTRACTION)
    report = score([gold], {record["id"]: record["attributions"]})
    assert (report.matched, report.overall.triple_f1, report.text_mismatches) == (2, 1.0, 0)
