"""CSV articles: a header row naming the columns, then one article per row.

Column names are matched to the known fields after stripping spaces and lower-casing
("Title" is ``title``); other columns go to the metadata under their name as written.
Origins count rows as a spreadsheet shows them: the header is row 1.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

from kgbuild.readers.fields import KNOWN_FIELDS, TEXT_FIELDS, make_article
from kgbuild.readers.options import ReadOptions
from kgbuild.records import Article, Reject

# csv's default cell limit (128 KiB) is smaller than some articles
_FIELD_LIMIT = 2**31 - 1
# bytes that were not UTF-8, kept as lone surrogates by the "surrogateescape" decoding
_UNDECODED = re.compile("[\udc80-\udcff]")


def read_csv_file(path: str, options: ReadOptions) -> Iterator[Article | Reject]:
    try:
        with open(path, "rb") as file:
            raw = file.read()
    except OSError as err:
        yield Reject(path, f"cannot read file: {err.strerror or err}")
        return
    try:
        text = raw.decode("utf-8-sig")
        undecoded = False
    except UnicodeDecodeError:
        # keep the readable rows; the rows holding bad bytes are rejected one by one below
        text = raw.decode("utf-8-sig", errors="surrogateescape")
        undecoded = True
    if csv.field_size_limit() < _FIELD_LIMIT:
        csv.field_size_limit(_FIELD_LIMIT)
    # strict: an unclosed quote is an error, not a cell that swallows the rest of the file
    rows = csv.reader(io.StringIO(text, newline=""), strict=True)
    row_number = 1
    try:
        header = next(rows, None)
        if header is None:
            yield Reject(path, "empty CSV file (no header row)")
            return
        names = [_column_name(cell, index) for index, cell in enumerate(header, 1)]
        problem = _header_problem(names)
        if problem:
            yield Reject(f"{path}:1", problem)
            return
        for row in rows:
            row_number += 1
            origin = f"{path}:{row_number}"
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(names):
                yield Reject(origin, f"{len(row)} cells in a row under a header of {len(names)} columns")
                continue
            if undecoded and any(_UNDECODED.search(cell) for cell in row):
                yield Reject(origin, "not valid UTF-8")
                continue
            yield make_article(zip(names, row, strict=False), origin, options)
    except csv.Error as err:
        yield Reject(f"{path}:{row_number + 1}", f"malformed CSV, rest of file not read: {err}")


def _column_name(cell: str, position: int) -> str:
    name = cell.strip()
    if not name:
        return f"column {position}"
    return name.lower() if name.lower() in KNOWN_FIELDS else name


def _header_problem(names: list[str]) -> str | None:
    if "id" not in names:
        return "CSV header has no 'id' column"
    if not any(name in names for name in TEXT_FIELDS):
        return "CSV header has no 'text' (or 'article') column"
    seen: set[str] = set()
    for name in names:
        if name in seen:
            return f"CSV header names column {name!r} twice"
        seen.add(name)
    return None
