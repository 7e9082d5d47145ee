"""Plain-text articles: one file (or stdin) is one article, with an optional date header.

The header is ``date YYYY-MM`` or ``date YYYY-MM-DD`` ("date" in any case, an optional colon)
at the very start of the text, either

- alone on the first line: the article text is everything after that line's line break
  (a blank line after the header is kept, as read), or
- followed on the same line by the article: the text starts after the spaces or tabs that
  follow the date.

Nothing else is removed; a first line that does not match is part of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kgbuild.readers.dates import normalise_date
from kgbuild.readers.options import ReadOptions
from kgbuild.records import Article, Reject

_DATE_HEADER = re.compile(
    r"[ \t]*date(?:[ \t]*:[ \t]*|[ \t]+)(\d{4}-\d{2}(?:-\d{2})?)(?:[ \t]*(?:\r\n|\r|\n|\Z)|[ \t]+)",
    re.IGNORECASE,
)


def split_date_header(text: str) -> tuple[str | None, str]:
    """The header's date as written (None without a header) and the article text after it."""
    match = _DATE_HEADER.match(text)
    if match is None:
        return None, text
    return match.group(1), text[match.end() :]


def read_text(article_id: str, text: str, origin: str, options: ReadOptions) -> Iterator[Article | Reject]:
    raw_date, body = split_date_header(text)
    date = options.date
    if raw_date is not None:
        try:
            date = normalise_date(raw_date)
        except ValueError as err:
            yield Reject(origin, str(err), article_id)
            return
    if not body.strip():
        yield Reject(origin, "empty text", article_id)
        return
    yield Article(
        id=article_id,
        text=body,
        origin=origin,
        lang=options.lang,
        date=date,
        publisher=options.publisher,
    )


def read_txt_file(path: str, article_id: str, options: ReadOptions) -> Iterator[Article | Reject]:
    try:
        with open(path, "rb") as file:
            raw = file.read()
    except OSError as err:
        yield Reject(path, f"cannot read file: {err.strerror or err}", article_id)
        return
    try:
        # utf-8-sig: a byte-order mark is an encoding detail, not text; line breaks stay as read
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        yield Reject(path, f"not valid UTF-8 (byte {err.start})", article_id)
        return
    yield from read_text(article_id, text, path, options)
