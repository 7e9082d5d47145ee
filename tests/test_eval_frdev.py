import json
from pathlib import Path
from typing import Any

import pytest

from kgbuild.eval.errors import EvalInputError
from kgbuild.eval.frdev import locate, occurrences
from kgbuild.eval.gold import GoldDoc, load_gold

TEXT = (
    'Le ministre a déclaré que "la réforme passera". Il a déclaré aussi que rien ne change. '
    '"Nous verrons", a-t-il dit. Selon la chaîne CNN, citant des sources proches du dossier, '
    'le sommet est annulé. Le syndicat : "grève lundi".'
)


def record(source: str, cue: str, content: str, **extra: Any) -> dict[str, Any]:
    return {
        "source": source,
        "cue": cue,
        "content": content,
        "content_extra": "",
        "type": extra.get("type", "indirect"),
        "source_resolved": extra.get("resolved", source),
        "source_kind": extra.get("kind", "person"),
        "relayed_by": extra.get("relayed_by"),
        "hedges": [],
        "negated": False,
    }


RECORDS = [
    record("Le ministre", "a déclaré", "la réforme passera", type="mixed"),
    record("Il", "a déclaré", "rien ne change", resolved="Le ministre"),
    record("il", "a-t-il dit", "Nous verrons", type="direct", resolved="Le ministre"),
    record("la chaîne CNN", "Selon", "le sommet est annulé", kind="organisation"),
    record(
        "des sources proches du dossier", "citant", "le sommet est annulé", kind="anonymous", relayed_by=3
    ),
    record("Le syndicat", ":", "grève lundi", type="direct", kind="organisation"),
    record("Le ministre", "a affirmé", "la réforme passera"),  # no such cue in the text
]


def write_frdev(root: Path, docs: dict[str, tuple[str, list[dict[str, Any]] | None]]) -> Path:
    root.mkdir(parents=True)
    with (root / "texts.jsonl").open("w", encoding="utf-8") as handle:
        for doc_id, (text, records) in docs.items():
            handle.write(json.dumps({"id": doc_id, "lang": "fr", "text": text}, ensure_ascii=False) + "\n")
            if records is not None:
                gold = {"id": doc_id, "attributions": records}
                (root / f"{doc_id}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return root


@pytest.fixture
def gold_doc(tmp_path: Path) -> GoldDoc:
    [doc] = load_gold(write_frdev(tmp_path / "fr-dev", {"orangesum-1": (TEXT, RECORDS)}))
    return doc


def start_of(part: str, nth: int = 0) -> int:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(part, start + 1)
    return start


def test_frdev_offsets_point_at_the_strings(gold_doc: GoldDoc) -> None:
    assert (gold_doc.id, gold_doc.lang) == ("orangesum-1", "fr")
    for attribution, raw in zip(gold_doc.attributions, RECORDS, strict=False):
        assert attribution.cue.text == raw["cue"] == TEXT[attribution.cue.start : attribution.cue.end]
        assert attribution.content.text == raw["content"]
        assert attribution.source is not None
        assert attribution.source.text == TEXT[attribution.source.start : attribution.source.end]


@pytest.mark.parametrize(
    ("index", "role", "expected_start"),
    [
        (0, "cue", start_of("a déclaré", 0)),  # the occurrence next to its content
        (1, "cue", start_of("a déclaré", 1)),  # not the first one in the text
        (1, "source", start_of("Il a déclaré")),
        (2, "source", start_of("a-t-il dit") + 4),  # the source "il" lies inside the cue
        (4, "source", start_of("des sources")),
        (5, "cue", start_of(" : ") + 1),  # a punctuation cue right next to its content
    ],
)
def test_frdev_nearest_occurrence_is_chosen(
    gold_doc: GoldDoc, index: int, role: str, expected_start: int
) -> None:
    span = getattr(gold_doc.attributions[index], role)
    assert span.start == expected_start


def test_frdev_fields_are_kept(gold_doc: GoldDoc) -> None:
    said_again = gold_doc.attributions[1]
    assert (said_again.type, said_again.source_kind, said_again.resolved) == (
        "indirect",
        "person",
        "Le ministre",
    )
    assert gold_doc.attributions[4].source_kind == "anonymous"


def test_frdev_unlocated_gold_is_kept_as_missed(gold_doc: GoldDoc) -> None:
    assert len(gold_doc.attributions) == 6
    [issue] = gold_doc.missed
    assert issue.counts_as_gold
    assert "cue not found" in issue.detail


def test_frdev_no_source_means_none() -> None:
    text = "Les Casques blancs ont été accusés de mentir."
    [attribution], issues = locate("x", text, [record("", "ont été accusés", "de mentir", type="nosource")])
    assert (attribution.source, attribution.resolved, issues) == (None, None, [])


def test_frdev_repeated_strings_get_distinct_places() -> None:
    text = 'Paul a dit "oui". Plus tard, Paul a dit "oui".'
    twice = [record("Paul", "a dit", "oui"), record("Paul", "a dit", "oui")]
    first, second = locate("x", text, twice)[0]
    assert first.content.start != second.content.start
    assert first.cue.start != second.cue.start


def test_frdev_reporting_chain_shares_one_place() -> None:
    text = '"Oui", a précisé le porte-parole à la chaîne.'
    chain = [
        record("le porte-parole", "a précisé", "Oui"),
        record("la chaîne", "a précisé", "Oui", relayed_by=0),
    ]
    first, second = locate("x", text, chain)[0]
    assert (first.cue, first.content) == (second.cue, second.content)


@pytest.mark.parametrize(
    ("text", "needle", "expected"),
    [
        ("Une note, des notes.", "note", [4]),
        ("des notes et connotes", "note", [4, 16]),  # no free-standing one: every occurrence
        ("il dit: oui", ":", [6]),
        ("aaa", "aa", [0, 1]),
    ],
)
def test_frdev_occurrences_prefer_word_boundaries(text: str, needle: str, expected: list[int]) -> None:
    assert occurrences(text, needle) == expected


def test_frdev_articles_without_gold_are_skipped(tmp_path: Path) -> None:
    root = write_frdev(tmp_path / "fr-dev", {"a": (TEXT, RECORDS[:1]), "b": ("Rien.", None)})
    assert [doc.id for doc in load_gold(root)] == ["a"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"id": "a"}', "'attributions' list"),
        ('{"id": "a", "attributions": [{"cue": 3, "content": "x"}]}', "string source, cue and content"),
        ('{"id": "a", "attributions": [{"source": "x", "content": "y"}]}', "no cue or no content"),
    ],
)
def test_frdev_bad_gold_file_is_a_clear_error(tmp_path: Path, content: str, message: str) -> None:
    root = write_frdev(tmp_path / "fr-dev", {"a": (TEXT, [])})
    (root / "a.json").write_text(content, encoding="utf-8")
    with pytest.raises(EvalInputError, match=message):
        load_gold(root)


def test_frdev_bad_texts_line_is_a_clear_error(tmp_path: Path) -> None:
    root = tmp_path / "fr-dev"
    root.mkdir()
    (root / "texts.jsonl").write_text('{"id": "a"}\n', encoding="utf-8")
    with pytest.raises(EvalInputError, match=r"texts.jsonl:1: expected a JSON object with id and text"):
        load_gold(root)
