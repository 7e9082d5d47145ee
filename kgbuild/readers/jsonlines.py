"""JSON Lines articles (plain or gzip-compressed): one JSON object per line, blank lines skipped."""

from __future__ import annotations

import gzip
import io
import json
import zlib
from collections.abc import Iterable, Iterator

from kgbuild.readers.fields import make_article
from kgbuild.readers.options import ReadOptions
from kgbuild.records import Article, Reject


def read_jsonl_file(path: str, options: ReadOptions) -> Iterator[Article | Reject]:
    compressed = path.lower().endswith(".gz")
    try:
        file: gzip.GzipFile | io.BufferedReader = gzip.open(path, "rb") if compressed else open(path, "rb")  # noqa: SIM115
    except OSError as err:
        yield Reject(path, f"cannot read file: {err.strerror or err}")
        return
    with file:
        yield from read_lines(binary_lines(file, path, compressed), path, options)


def parse_line(line: str, origin: str, options: ReadOptions) -> Article | Reject | None:
    """One line to an article or a reject; None for a blank line."""
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        return Reject(origin, f"malformed JSON: {err.msg} (column {err.colno})")
    except (ValueError, RecursionError) as err:
        return Reject(origin, f"malformed JSON: {type(err).__name__}")
    if not isinstance(record, dict):
        return Reject(origin, f"not a JSON object (got {type(record).__name__})")
    return make_article(record.items(), origin, options)


def read_lines(
    lines: Iterable[tuple[int, str | Reject]], name: str, options: ReadOptions
) -> Iterator[Article | Reject]:
    """Articles from numbered lines; ``name`` prefixes the origins ("file.jsonl", "<stdin>")."""
    for lineno, line in lines:
        if isinstance(line, Reject):
            yield line
            continue
        result = parse_line(line, f"{name}:{lineno}", options)
        if result is not None:
            yield result


def binary_lines(file: Iterable[bytes], path: str, compressed: bool) -> Iterator[tuple[int, str | Reject]]:
    """Numbered decoded lines; an undecodable line becomes a Reject, unreadable data ends the file."""
    lineno = 0
    try:
        for raw in file:
            lineno += 1
            try:
                line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError as err:
                yield lineno, Reject(f"{path}:{lineno}", f"not valid UTF-8 (byte {err.start} of the line)")
                continue
            yield lineno, line
    except (OSError, EOFError, zlib.error) as err:
        what = "corrupt or truncated gzip data" if compressed else "read error"
        yield lineno + 1, Reject(f"{path}:{lineno + 1}", f"{what}, rest of file not read: {err}")


def text_lines(lines: Iterable[str], name: str) -> Iterator[tuple[int, str | Reject]]:
    """Numbered lines of a text stream: a decoding error ends it (a text stream cannot resume)."""
    lineno = 0
    try:
        for line in lines:
            lineno += 1
            yield lineno, line
    except UnicodeDecodeError:
        yield lineno + 1, Reject(f"{name}:{lineno + 1}", "not valid UTF-8, rest of input not read")
    except OSError as err:
        yield lineno + 1, Reject(f"{name}:{lineno + 1}", f"read error, rest of input not read: {err}")
