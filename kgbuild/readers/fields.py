"""One input record (a JSON object, a CSV row) to an :class:`Article`, or a :class:`Reject` saying why not."""

from __future__ import annotations

import json
from collections.abc import Iterable

from kgbuild.readers.dates import normalise_date
from kgbuild.readers.options import ReadOptions
from kgbuild.records import Article, Reject

TEXT_FIELDS = ("text", "article")  # the first one given (not null, not "") is the article's text
LABEL_FIELDS = ("title", "url", "publisher", "lang")
KNOWN_FIELDS = frozenset(("id", "date", *TEXT_FIELDS, *LABEL_FIELDS))


def make_article(fields: Iterable[tuple[str, object]], origin: str, options: ReadOptions) -> Article | Reject:
    """Build an article from ``(name, value)`` pairs in input order.

    Null values count as absent. Empty strings count as absent for every field but the
    metadata. Fields other than the known ones go to ``Article.metadata``: strings as given,
    other JSON values as compact JSON (``1``, ``true``, ``["a"]``).
    """
    given = list(fields)
    values: dict[str, object] = {}
    for name, value in given:
        if name in KNOWN_FIELDS and value is not None:
            values.setdefault(name, value)

    article_id = values.get("id")
    if article_id is None:
        return Reject(origin, "missing id")
    if isinstance(article_id, int) and not isinstance(article_id, bool):
        article_id = str(article_id)
    if not isinstance(article_id, str):
        return Reject(origin, f"id must be a string or an integer, got {_json_type(article_id)}")
    article_id = article_id.strip()
    if not article_id:
        return Reject(origin, "empty id")

    # an empty "text" cell next to a filled "article" one is a CSV with both columns
    text_field = next((name for name in TEXT_FIELDS if values.get(name) not in (None, "")), None)
    if text_field is None:
        if any(name in values for name in TEXT_FIELDS):
            return Reject(origin, "empty text", article_id)
        return Reject(origin, "missing text (no 'text' or 'article' field)", article_id)
    text = values[text_field]
    if not isinstance(text, str):
        return Reject(origin, f"{text_field} must be a string, got {_json_type(text)}", article_id)
    if not text.strip():
        return Reject(origin, "empty text", article_id)

    labels: dict[str, str | None] = {}
    for name in LABEL_FIELDS:
        value = values.get(name)
        if value is not None and not isinstance(value, str):
            return Reject(origin, f"{name} must be a string, got {_json_type(value)}", article_id)
        labels[name] = (value or "").strip() or None

    date = options.date
    raw_date = values.get("date")
    if raw_date is not None and raw_date != "":
        if isinstance(raw_date, bool) or not isinstance(raw_date, str | int):
            return Reject(origin, f"bad date {raw_date!r}: not a string", article_id)
        try:
            date = normalise_date(str(raw_date), options.date_order)
        except ValueError as err:
            return Reject(origin, str(err), article_id)

    lang = labels["lang"].lower() if labels["lang"] else options.lang
    metadata = tuple(
        (name, _as_text(value))
        for name, value in given
        if value is not None
        and (name not in KNOWN_FIELDS or (name in TEXT_FIELDS and name != text_field and value != ""))
    )
    return Article(
        id=article_id,
        text=text,
        origin=origin,
        lang=lang,
        date=date,
        title=labels["title"],
        url=labels["url"],
        publisher=labels["publisher"] or options.publisher,
        metadata=metadata,
    )


def _as_text(value: object) -> str:
    if isinstance(value, str):
        return value
    try:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError):
        return str(value)


def _json_type(value: object) -> str:
    names = {bool: "a boolean", int: "a number", float: "a number", list: "a list", dict: "an object"}
    return names.get(type(value), type(value).__name__)
