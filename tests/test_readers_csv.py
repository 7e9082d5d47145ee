"""CSV files: a header row, one article per row."""

from __future__ import annotations

from pathlib import Path

import pytest

from kgbuild.readers import ReadOptions, read_inputs
from kgbuild.records import Article, Reject


def write(path: Path, content: str) -> str:
    path.write_bytes(content.encode("utf-8"))
    return str(path)


def test_readers_csv_fields_and_metadata(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.csv",
        "ID,Section,Text,date,Title,url,publisher,lang\r\n"
        'c1,Sport,"Le club a gagné, enfin.\nLa saison reprend.",16/02/2021,Victoire,,Le Stade,FR\r\n',
    )
    (article,) = read_inputs([path])
    assert article == Article(
        id="c1",
        text="Le club a gagné, enfin.\nLa saison reprend.",
        origin=f"{path}:2",
        lang="fr",
        date="2021-02-16",
        title="Victoire",
        publisher="Le Stade",
        metadata=(("Section", "Sport"),),
    )


def test_readers_csv_rows_numbered_like_a_spreadsheet(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.csv",
        'id,text\na,"Sur deux\nlignes."\n,\nb,Une ligne.\n\nc,Encore une.\n',
    )
    records = list(read_inputs([path]))
    assert [(r.id, r.origin) for r in records if isinstance(r, Article)] == [
        ("a", f"{path}:2"),
        ("b", f"{path}:4"),
        ("c", f"{path}:6"),
    ]


def test_readers_csv_options_fill_empty_cells(tmp_path: Path) -> None:
    path = write(tmp_path / "a.csv", "id,text,publisher,date\na,Un texte.,,\nb,Un autre.,Le Soir,2019\n")
    first, second = read_inputs([path], ReadOptions(publisher="Inconnu", date="2020-06"))
    assert isinstance(first, Article)
    assert isinstance(second, Article)
    assert (first.publisher, first.date) == ("Inconnu", "2020-06")
    assert (second.publisher, second.date) == ("Le Soir", "2019")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("", "empty CSV file"),
        ("text,title\nUn texte.,T\n", "CSV header has no 'id' column"),
        ("id,title\na,T\n", "CSV header has no 'text'"),
        ("id,text,id\na,Un texte.,b\n", "CSV header names column 'id' twice"),
    ],
)
def test_readers_csv_bad_header_rejects_file(tmp_path: Path, content: str, reason: str) -> None:
    path = write(tmp_path / "a.csv", content)
    (reject,) = read_inputs([path])
    assert isinstance(reject, Reject)
    assert reject.reason.startswith(reason)


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        (",Un texte.,2020", "empty id"),
        ("a,,2020", "empty text"),
        ("a,Un texte.,2020-02-31", "bad date '2020-02-31'"),
        ("a,Un texte.,2020,de trop", "4 cells in a row under a header of 3 columns"),
    ],
)
def test_readers_csv_bad_row_rejected_and_batch_goes_on(tmp_path: Path, row: str, reason: str) -> None:
    path = write(tmp_path / "a.csv", f"id,text,date\n{row}\nz,Le dernier texte.,2021\n")
    bad, good = read_inputs([path])
    assert isinstance(bad, Reject)
    assert bad.reason.startswith(reason)
    assert bad.origin == f"{path}:2"
    assert isinstance(good, Article)
    assert good.id == "z"


def test_readers_csv_text_or_article_column(tmp_path: Path) -> None:
    path = write(tmp_path / "a.csv", "id,text,article\na,Le texte.,\nb,,Le résumé.\nc,,\n")
    first, second, third = read_inputs([path])
    assert isinstance(first, Article)
    assert isinstance(second, Article)
    assert (first.text, first.metadata) == ("Le texte.", ())
    assert (second.text, second.metadata) == ("Le résumé.", ())
    assert third == Reject(f"{path}:4", "empty text", "c")


def test_readers_csv_short_row_means_empty_cells(tmp_path: Path) -> None:
    path = write(tmp_path / "a.csv", "id,text,title\na,Un texte.\n")
    (article,) = read_inputs([path])
    assert isinstance(article, Article)
    assert article.title is None


def test_readers_csv_invalid_utf8_rejects_only_its_row(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(b"id,text\na,Caf\xe9 noir.\nb,Th\xc3\xa9 vert.\n")
    bad, good = read_inputs([str(path)])
    assert isinstance(bad, Reject)
    assert (bad.origin, bad.reason) == (f"{path}:2", "not valid UTF-8")
    assert isinstance(good, Article)
    assert good.text == "Thé vert."


def test_readers_csv_long_cells(tmp_path: Path) -> None:
    text = "Un très long article. " * 20_000  # beyond csv's default cell limit
    path = write(tmp_path / "a.csv", f'id,text\na,"{text}"\n')
    (article,) = read_inputs([path])
    assert isinstance(article, Article)
    assert article.text == text


@pytest.mark.parametrize(
    "bad_row",
    [b'b,"Jamais ferm\xc3\xa9\nc,Perdu.\n', b'b,"Entre guillemets" puis la suite\nc,Perdu.\n'],
)
def test_readers_csv_malformed_stops_file_with_reject(tmp_path: Path, bad_row: bytes) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(b"id,text\na,Un texte.\n" + bad_row)
    good, bad = read_inputs([str(path)])
    assert isinstance(good, Article)
    assert isinstance(bad, Reject)
    assert bad.reason.startswith("malformed CSV, rest of file not read")
    assert bad.origin == f"{path}:3"
