"""JSON Lines files, plain and gzip-compressed."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from kgbuild.readers import ReadOptions, read_inputs
from kgbuild.records import Article, Reject

TEXT = "La préfète a annoncé mardi la fermeture du pont. Les riverains protestent."


def line(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False)


def write_jsonl(path: Path, lines: list[str]) -> str:
    data = ("\n".join(lines) + "\n").encode("utf-8")
    if path.name.endswith(".gz"):
        path.write_bytes(gzip.compress(data))
    else:
        path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize("name", ["articles.jsonl", "articles.jsonl.gz", "ARTICLES.JSONL"])
def test_readers_jsonl_fields(tmp_path: Path, name: str) -> None:
    path = write_jsonl(
        tmp_path / name,
        [
            line(
                id="pont-1",
                source="AFP",
                text=TEXT,
                date="2021-02-16",
                title=" Le pont fermé ",
                url="https://example.org/pont",
                publisher="Le Courrier",
                lang="FR",
                tags=["pont", "travaux"],
                rank=3,
                checked=True,
                empty=None,
            )
        ],
    )
    (article,) = read_inputs([path])
    assert article == Article(
        id="pont-1",
        text=TEXT,
        origin=f"{path}:1",
        lang="fr",
        date="2021-02-16",
        title="Le pont fermé",
        url="https://example.org/pont",
        publisher="Le Courrier",
        metadata=(("source", "AFP"), ("tags", '["pont","travaux"]'), ("rank", "3"), ("checked", "true")),
    )


def test_readers_jsonl_origins_count_lines_and_skip_blank_ones(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", ["", line(id="a", text=TEXT), "   ", line(id="b", text=TEXT)])
    records = list(read_inputs([path]))
    assert [(r.id, r.origin) for r in records if isinstance(r, Article)] == [
        ("a", f"{path}:2"),
        ("b", f"{path}:4"),
    ]
    assert len(records) == 2


def test_readers_jsonl_article_field_and_integer_id(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [line(id=17, article=TEXT)])
    (article,) = read_inputs([path])
    assert isinstance(article, Article)
    assert (article.id, article.text, article.metadata) == ("17", TEXT, ())


def test_readers_jsonl_text_wins_over_article(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [line(id="a", article="Résumé court.", text=TEXT)])
    (article,) = read_inputs([path])
    assert isinstance(article, Article)
    assert article.text == TEXT
    assert article.metadata == (("article", "Résumé court."),)


def test_readers_jsonl_text_kept_exactly(tmp_path: Path) -> None:
    text = "  Première ligne.\r\nSeconde\u00a0ligne\u2028fin.  "
    path = write_jsonl(tmp_path / "a.jsonl", [line(id="a", text=text)])
    (article,) = read_inputs([path])
    assert isinstance(article, Article)
    assert article.text == text


@pytest.mark.parametrize(
    ("raw", "reason", "article_id"),
    [
        ('{"id": "a", "text": "x"', "malformed JSON", None),
        ("[1, 2]", "not a JSON object", None),
        ('"texte"', "not a JSON object", None),
        (line(text=TEXT), "missing id", None),
        (line(id="", text=TEXT), "empty id", None),
        (line(id="  ", text=TEXT), "empty id", None),
        (line(id=None, text=TEXT), "missing id", None),
        (line(id=["a"], text=TEXT), "id must be a string or an integer", None),
        (line(id=True, text=TEXT), "id must be a string or an integer", None),
        (line(id="a"), "missing text", "a"),
        (line(id="a", text=""), "empty text", "a"),
        (line(id="a", text=" \n\t"), "empty text", "a"),
        (line(id="a", text=None), "missing text", "a"),
        (line(id="a", text=12), "text must be a string", "a"),
        (line(id="a", text=TEXT, title=["t"]), "title must be a string", "a"),
        (line(id="a", text=TEXT, date="16 février 2021"), "bad date '16 février 2021'", "a"),
        (line(id="a", text=TEXT, date="2021-02-30"), "bad date '2021-02-30'", "a"),
        (line(id="a", text=TEXT, date=True), "bad date True", "a"),
    ],
)
def test_readers_jsonl_rejects_and_goes_on(
    tmp_path: Path, raw: str, reason: str, article_id: str | None
) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [raw, line(id="ok", text=TEXT)])
    bad, good = read_inputs([path])
    assert isinstance(bad, Reject)
    assert bad.reason.startswith(reason)
    assert (bad.origin, bad.article_id) == (f"{path}:1", article_id)
    assert isinstance(good, Article)
    assert good.id == "ok"


def test_readers_jsonl_invalid_utf8_line_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"id": "a", "text": "caf\xe9"}\n' + line(id="b", text=TEXT).encode() + b"\n")
    bad, good = read_inputs([str(path)])
    assert isinstance(bad, Reject)
    assert bad.reason.startswith("not valid UTF-8")
    assert bad.origin == f"{path}:1"
    assert isinstance(good, Article)


def test_readers_jsonl_byte_order_mark_is_not_json(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + line(id="a", text=TEXT).encode() + b"\r\n")
    (article,) = read_inputs([str(path)])
    assert isinstance(article, Article)


def test_readers_jsonl_truncated_gzip_keeps_what_was_read(tmp_path: Path) -> None:
    lines = [line(id=f"a{i}", text=TEXT * 20) for i in range(200)]
    data = gzip.compress(("\n".join(lines) + "\n").encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    records = list(read_inputs([str(path)]))
    articles = [r for r in records if isinstance(r, Article)]
    assert 0 < len(articles) < 200
    assert [a.id for a in articles] == [f"a{i}" for i in range(len(articles))]
    last = records[-1]
    assert isinstance(last, Reject)
    assert "gzip" in last.reason


def test_readers_jsonl_not_gzip_at_all(tmp_path: Path) -> None:
    path = tmp_path / "plain.jsonl.gz"
    path.write_text(line(id="a", text=TEXT), encoding="utf-8")
    (reject,) = read_inputs([str(path)])
    assert isinstance(reject, Reject)
    assert reject.origin == f"{path}:1"
    assert "gzip" in reject.reason


def test_readers_jsonl_options_fill_only_missing_fields(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "a.jsonl",
        [
            line(id="given", text=TEXT, lang="EN", date="2019-01-01", publisher="Daily"),
            line(id="empty", text=TEXT, lang="", date="", publisher=""),
            line(id="absent", text=TEXT),
        ],
    )
    options = ReadOptions(publisher="Hebdo", lang="FR", date="01/02/2020")
    given, empty, absent = read_inputs([path], options)
    assert isinstance(given, Article)
    assert (given.publisher, given.lang, given.date) == ("Daily", "en", "2019-01-01")
    for article in (empty, absent):
        assert isinstance(article, Article)
        assert (article.publisher, article.lang, article.date) == ("Hebdo", "fr", "2020-02-01")


def test_readers_jsonl_duplicate_id_points_at_first(tmp_path: Path) -> None:
    first = write_jsonl(tmp_path / "a.jsonl", [line(id="x", text=TEXT), line(id="y", text=TEXT)])
    second = write_jsonl(tmp_path / "b.jsonl.gz", [line(id="y", text="Autre texte.")])
    records = list(read_inputs([first, second]))
    assert [type(r) for r in records] == [Article, Article, Reject]
    assert records[2] == Reject(f"{second}:1", f"duplicate id, first seen at {first}:2", "y")


def test_readers_jsonl_rejected_id_does_not_count_as_seen(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [line(id="x", text=""), line(id="x", text=TEXT)])
    bad, good = read_inputs([path])
    assert isinstance(bad, Reject)
    assert isinstance(good, Article)
