"""Read articles from files, folders, globs and stdin.

Formats, told by suffix: ``.txt`` (one article, id = file stem, optional ``date`` header, see
:mod:`kgbuild.readers.plaintext`), ``.jsonl`` / ``.jsonl.gz`` (one JSON object per line) and
``.csv`` (header row). ``-`` is stdin: JSON Lines when its first non-blank character is ``{``,
otherwise one plain-text article with id ``stdin``.

Nothing raises out of :func:`read_inputs` for bad input: what cannot be read becomes a
:class:`~kgbuild.records.Reject` and the batch goes on.
"""

from __future__ import annotations

import itertools
import os
import sys
from collections.abc import Iterator, Sequence
from typing import TextIO

from kgbuild.readers.csvfile import read_csv_file
from kgbuild.readers.jsonlines import binary_lines, read_jsonl_file, read_lines, text_lines
from kgbuild.readers.options import ReadOptions
from kgbuild.readers.paths import STDIN, InputError, check_paths, expand, file_format, unsupported
from kgbuild.readers.plaintext import read_text, read_txt_file
from kgbuild.records import Article, Reject

__all__ = ["InputError", "ReadOptions", "check_paths", "read_inputs"]

STDIN_NAME = "<stdin>"
STDIN_ID = "stdin"
DEFAULT_OPTIONS = ReadOptions()


def read_inputs(
    paths: Sequence[str], options: ReadOptions = DEFAULT_OPTIONS, stdin: TextIO | None = None
) -> Iterator[Article | Reject]:
    """Articles from ``paths`` in order, and a Reject for each input that did not make it.

    A file reached twice (say, through a folder and a glob) is read once. An id seen again in
    the same read is rejected, pointing at the first article that had it.
    """
    first_seen: dict[str, str] = {}
    for record in _records(paths, options, sys.stdin if stdin is None else stdin):
        if isinstance(record, Article):
            first = first_seen.get(record.id)
            if first is not None:
                yield Reject(record.origin, f"duplicate id, first seen at {first}", record.id)
                continue
            first_seen[record.id] = record.origin
        yield record


def _records(paths: Sequence[str], options: ReadOptions, stdin: TextIO) -> Iterator[Article | Reject]:
    files_read: set[str] = set()
    stdin_read = False
    for path in paths:
        if path == STDIN:
            if stdin_read:
                yield Reject(STDIN_NAME, "'-' (standard input) is given more than once")
            else:
                stdin_read = True
                yield from _read_stdin(stdin, options)
            continue
        for item in expand(path):
            if isinstance(item, Reject):
                yield item
                continue
            real = os.path.realpath(item)
            if real in files_read:
                continue
            files_read.add(real)
            yield from _read_file(item, options)


def _read_file(path: str, options: ReadOptions) -> Iterator[Article | Reject]:
    match file_format(path):
        case "txt":
            name = os.path.basename(path)
            yield from read_txt_file(path, name[: -len(".txt")], options)
        case "jsonl":
            yield from read_jsonl_file(path, options)
        case "csv":
            yield from read_csv_file(path, options)
        case None:
            yield unsupported(path)


def _read_stdin(stream: TextIO, options: ReadOptions) -> Iterator[Article | Reject]:
    # Bytes when there are some, so that a bad byte costs one line rather than a whole chunk.
    buffer = getattr(stream, "buffer", None)
    lines = binary_lines(buffer, STDIN_NAME, False) if buffer is not None else text_lines(stream, STDIN_NAME)
    # Look only as far as the first non-blank line to choose the format, then stream the rest.
    head: list[tuple[int, str | Reject]] = []
    for lineno, line in lines:
        if not head and isinstance(line, str):
            line = line.removeprefix("\ufeff")
        head.append((lineno, line))
        if isinstance(line, str) and line.strip():
            break
    opening = "".join(line for _, line in head if isinstance(line, str)).lstrip()
    if opening.startswith("{"):
        yield from read_lines(itertools.chain(head, lines), STDIN_NAME, options)
        return
    numbered = [*head, *lines]
    bad = next((line for _, line in numbered if isinstance(line, Reject)), None)
    if bad is not None:
        yield Reject(STDIN_NAME, f"line {bad.origin.rpartition(':')[2]}: {bad.reason}", STDIN_ID)
        return
    text = "".join(line for _, line in numbered if isinstance(line, str))
    if not text.strip():
        yield Reject(STDIN_NAME, "empty input")
        return
    yield from read_text(STDIN_ID, text, STDIN_NAME, options)
