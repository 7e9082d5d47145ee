"""Paths to articles: folders, globs, stdin, unsupported files, path checks."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from kgbuild.readers import InputError, ReadOptions, check_paths, read_inputs
from kgbuild.records import Article, Reject

TEXT = "Le conseil municipal a voté le budget lundi soir."


def make_tree(root: Path) -> None:
    files = {
        "b.txt": TEXT,
        "a/z.txt": TEXT,
        "a/y.jsonl": json.dumps({"id": "y1", "text": TEXT}),
        "a/deep/x.csv": f"id,text\nx1,{TEXT}\n",
        "a/notes.md": "# notes",
        ".hidden.txt": TEXT,
        "a/.cache/h.txt": TEXT,
        ".git/c.txt": TEXT,
    }
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")


def summary(records: list[Article | Reject], root: Path) -> list[tuple[str, str]]:
    return [
        (type(r).__name__, os.path.relpath(r.origin.rsplit(":", 1)[0] if ":" in r.origin else r.origin, root))
        for r in records
    ]


def test_readers_paths_folder_is_walked_sorted_skipping_hidden(tmp_path: Path) -> None:
    make_tree(tmp_path)
    records = list(read_inputs([str(tmp_path)]))
    assert summary(records, tmp_path) == [
        ("Article", "a/deep/x.csv"),
        ("Reject", "a/notes.md"),
        ("Article", "a/y.jsonl"),
        ("Article", "a/z.txt"),
        ("Article", "b.txt"),
    ]
    reject = records[1]
    assert isinstance(reject, Reject)
    assert reject.reason.startswith("unsupported file type (suffix .md")


def test_readers_paths_glob_is_expanded_and_sorted(tmp_path: Path) -> None:
    make_tree(tmp_path)
    records = list(read_inputs([str(tmp_path / "**" / "*.txt")]))
    assert summary(records, tmp_path) == [("Article", "a/z.txt"), ("Article", "b.txt")]


def test_readers_paths_glob_matching_a_folder_walks_it(tmp_path: Path) -> None:
    make_tree(tmp_path)
    records = list(read_inputs([str(tmp_path / "a" / "de*")]))
    assert summary(records, tmp_path) == [("Article", "a/deep/x.csv")]


def test_readers_paths_file_reached_twice_is_read_once(tmp_path: Path) -> None:
    make_tree(tmp_path)
    records = list(read_inputs([str(tmp_path / "b.txt"), str(tmp_path), str(tmp_path / "*.txt")]))
    assert [r.id for r in records if isinstance(r, Article)] == ["b", "x1", "y1", "z"]
    assert not any(isinstance(r, Reject) and r.reason.startswith("duplicate") for r in records)


def test_readers_paths_explicit_hidden_file_is_read(tmp_path: Path) -> None:
    make_tree(tmp_path)
    (article,) = read_inputs([str(tmp_path / ".hidden.txt")])
    assert isinstance(article, Article)
    assert article.id == ".hidden"


@pytest.mark.parametrize("name", ["notes.md", "articles.json", "archive.tar.gz", "README"])
def test_readers_paths_explicit_unsupported_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(TEXT, encoding="utf-8")
    (reject,) = read_inputs([str(path)])
    assert isinstance(reject, Reject)
    assert reject.origin == str(path)
    assert reject.reason.startswith("unsupported file type")


def test_readers_paths_same_stem_in_two_folders_is_a_duplicate(tmp_path: Path) -> None:
    for folder in ("2019", "2020"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "edito.txt").write_text(TEXT, encoding="utf-8")
    first, second = read_inputs([str(tmp_path)])
    assert isinstance(first, Article)
    assert second == Reject(
        str(tmp_path / "2020" / "edito.txt"),
        f"duplicate id, first seen at {tmp_path / '2019' / 'edito.txt'}",
        "edito",
    )


@pytest.mark.parametrize("missing", ["nowhere.jsonl", "nowhere/*.txt"])
def test_readers_paths_missing_input_is_a_reject(tmp_path: Path, missing: str) -> None:
    path = str(tmp_path / missing)
    (reject,) = read_inputs([path])
    assert isinstance(reject, Reject)
    assert reject.origin == path


def test_readers_paths_check_accepts_files_folders_globs_and_stdin(tmp_path: Path) -> None:
    make_tree(tmp_path)
    check_paths([str(tmp_path), str(tmp_path / "b.txt"), str(tmp_path / "a" / "*.jsonl"), "-"])


@pytest.mark.parametrize(
    ("paths", "message"),
    [
        (["absent.txt"], "no such file or folder: {tmp}/absent.txt"),
        (["*.nothing"], "no file matches {tmp}/*.nothing"),
        (["-", "-"], "'-' (standard input) is given more than once"),
    ],
)
def test_readers_paths_check_raises_one_line(tmp_path: Path, paths: list[str], message: str) -> None:
    paths = [p if p == "-" else str(tmp_path / p) for p in paths]
    with pytest.raises(InputError) as caught:
        check_paths(paths)
    assert str(caught.value) == message.format(tmp=tmp_path)
    assert "\n" not in str(caught.value)


def test_readers_paths_stdin_jsonl() -> None:
    stdin = io.StringIO("\n  \n" + json.dumps({"id": "s1", "text": TEXT}) + "\n{broken\n")
    good, bad = read_inputs(["-"], stdin=stdin)
    assert isinstance(good, Article)
    assert (good.id, good.origin) == ("s1", "<stdin>:3")
    assert isinstance(bad, Reject)
    assert bad.origin == "<stdin>:4"


def test_readers_paths_stdin_plain_text() -> None:
    stdin = io.StringIO("date 2021-04\n\n" + TEXT + "\n")
    (article,) = read_inputs(["-"], ReadOptions(lang="fr"), stdin=stdin)
    assert article == Article(
        id="stdin", text="\n" + TEXT + "\n", origin="<stdin>", lang="fr", date="2021-04"
    )


def test_readers_paths_stdin_plain_text_starting_with_blank_lines() -> None:
    (article,) = read_inputs(["-"], stdin=io.StringIO("\n\n" + TEXT))
    assert isinstance(article, Article)
    assert article.text == "\n\n" + TEXT


def test_readers_paths_stdin_empty() -> None:
    (reject,) = read_inputs(["-"], stdin=io.StringIO(" \n\n"))
    assert reject == Reject("<stdin>", "empty input")


def test_readers_paths_stdin_given_twice_is_read_once() -> None:
    stdin = io.StringIO(TEXT)
    article, reject = read_inputs(["-", "-"], stdin=stdin)
    assert isinstance(article, Article)
    assert isinstance(reject, Reject)


def test_readers_paths_mixed_inputs_keep_order(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "two.jsonl").write_text(json.dumps({"id": "two", "text": TEXT}), encoding="utf-8")
    records = list(
        read_inputs([str(tmp_path / "two.jsonl"), "-", str(tmp_path / "one.txt")], stdin=io.StringIO(TEXT))
    )
    assert [r.id for r in records if isinstance(r, Article)] == ["two", "stdin", "one"]


@pytest.mark.parametrize(
    ("data", "origin"),
    [
        (b'{"id": "s1", "text": "Un texte."}\n{"id": "s2", "text": "caf\xe9"}\n', "<stdin>:2"),
        (b"Un texte en caf\xe9.", "<stdin>"),
    ],
)
def test_readers_paths_stdin_invalid_utf8(data: bytes, origin: str) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    reject = list(read_inputs(["-"], stdin=stdin))[-1]
    assert isinstance(reject, Reject)
    assert reject.origin == origin
    assert "not valid UTF-8" in reject.reason
