"""Plain-text files: one article each, id from the file name, optional date header."""

from __future__ import annotations

from pathlib import Path

import pytest

from kgbuild.readers import ReadOptions, read_inputs
from kgbuild.readers.plaintext import split_date_header
from kgbuild.records import Article, Reject

BODY = "Le maire a inauguré jeudi la nouvelle médiathèque.\nLes travaux ont duré deux ans.\n"


def read_one(path: Path) -> Article | Reject:
    (record,) = read_inputs([str(path)])
    return record


def test_readers_txt_without_header_keeps_text_as_read(tmp_path: Path) -> None:
    path = tmp_path / "mediatheque-01.txt"
    path.write_text(BODY, encoding="utf-8")
    article = read_one(path)
    assert isinstance(article, Article)
    assert article.id == "mediatheque-01"
    assert article.text == BODY
    assert article.origin == str(path)
    assert article.date is None


@pytest.mark.parametrize(
    ("head", "date", "text"),
    [
        ("date 2019-03-07\n", "2019-03-07", BODY),
        ("date 2019-03\n", "2019-03", BODY),
        ("Date: 2019-03-07\n", "2019-03-07", BODY),
        ("date 2019-03-07   \n", "2019-03-07", BODY),
        ("date 2019-03-07\r\n", "2019-03-07", BODY),
        # a blank line after the header line is part of the text
        ("date 2019-03-07\n\n", "2019-03-07", "\n" + BODY),
        # the header as the leading tokens of the first line
        ("date 2019-03-07 ", "2019-03-07", BODY),
        ("date 2019-03-07\t\t", "2019-03-07", BODY),
    ],
)
def test_readers_txt_date_header_is_not_text(tmp_path: Path, head: str, date: str, text: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes((head + BODY).encode("utf-8"))
    article = read_one(path)
    assert isinstance(article, Article)
    assert article.date == date
    assert article.text == text


@pytest.mark.parametrize(
    "first_line",
    [
        "dated 2019-03-07\n",
        "date 2019-03-07x\n",
        "date 20190307\n",
        "La date 2019-03-07 est retenue.\n",
        "date\n",
        "update 2019-03-07\n",
    ],
)
def test_readers_txt_other_first_lines_are_text(first_line: str) -> None:
    date, text = split_date_header(first_line + BODY)
    assert date is None
    assert text == first_line + BODY


def test_readers_txt_keeps_crlf_and_drops_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes("\ufeffdate 2020-01-02\r\nPremière ligne.\r\nSeconde ligne.".encode())
    article = read_one(path)
    assert isinstance(article, Article)
    assert article.text == "Première ligne.\r\nSeconde ligne."


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"date 2019-13-07\n" + BODY.encode(), "bad date '2019-13-07'"),
        (b"date 2019-03-07\n", "empty text"),
        (b"date 2019-03-07\n  \n\t", "empty text"),
        (b"", "empty text"),
        (b"Le ma\xefre a dit.", "not valid UTF-8"),
    ],
)
def test_readers_txt_rejects(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    reject = read_one(path)
    assert isinstance(reject, Reject)
    assert reject.reason.startswith(reason)
    assert reject.origin == str(path)
    assert reject.article_id == "bad"


def test_readers_txt_header_date_wins_over_option(tmp_path: Path) -> None:
    dated = tmp_path / "dated.txt"
    dated.write_text("date 2018-05\n" + BODY, encoding="utf-8")
    undated = tmp_path / "undated.txt"
    undated.write_text(BODY, encoding="utf-8")
    options = ReadOptions(date="2020-01-01", lang="FR", publisher="La Gazette")
    first, second = read_inputs([str(dated), str(undated)], options)
    assert isinstance(first, Article)
    assert isinstance(second, Article)
    assert (first.date, second.date) == ("2018-05", "2020-01-01")
    assert first.lang == second.lang == "fr"
    assert first.publisher == second.publisher == "La Gazette"


def test_readers_txt_id_keeps_inner_dots(tmp_path: Path) -> None:
    path = tmp_path / "2019.03.07-maire.TXT"
    path.write_text(BODY, encoding="utf-8")
    article = read_one(path)
    assert isinstance(article, Article)
    assert article.id == "2019.03.07-maire"
