"""Input dates to ISO: "YYYY-MM-DD", "YYYY-MM" or "YYYY"."""

from __future__ import annotations

import datetime
import re
from typing import Literal

DateOrder = Literal["dmy", "mdy"]

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
# The date part of an ISO datetime is kept as written: a time zone never shifts the day.
_ISO_DATETIME = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?",
    re.IGNORECASE,
)
_SLASHED = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})")

EXPECTED = "expected YYYY-MM-DD, YYYY-MM, YYYY, an ISO datetime or DD/MM/YYYY"


def normalise_date(value: str, order: DateOrder | None = None) -> str:
    """``value`` as an ISO date, or raise ValueError with a one-line reason.

    Slashed dates are day first ("DD/MM/YYYY"). ``order`` says how the input writes them
    ("dmy" or "mdy"); only then are two-digit years accepted (00-69 -> 20xx, 70-99 -> 19xx),
    since "4/5/17" cannot be read without knowing the convention of its source.
    """
    text = value.strip()
    if match := _ISO.fullmatch(text):
        year, month, day = match.groups()
        _check(value, int(year), int(month or 1), int(day or 1))
        return text
    if match := _ISO_DATETIME.fullmatch(text):
        year, month, day, hour, minute, second = match.groups()
        _check(value, int(year), int(month), int(day))
        if int(hour) > 23 or int(minute) > 59 or int(second or 0) > 60:
            raise ValueError(f"bad date {value!r}: no such time")
        return f"{year}-{month}-{day}"
    if match := _SLASHED.fullmatch(text):
        first, second, year = match.groups()
        if len(year) == 2:
            if order is None:
                raise ValueError(
                    f"bad date {value!r}: two-digit year; give the date order of this input (day or month first)"
                )
            year = ("20" if int(year) < 70 else "19") + year
        day, month = (first, second) if order in (None, "dmy") else (second, first)
        _check(value, int(year), int(month), int(day))
        return f"{year}-{int(month):02d}-{int(day):02d}"
    raise ValueError(f"bad date {value!r}: {EXPECTED}")


def _check(value: str, year: int, month: int, day: int) -> None:
    try:
        datetime.date(year, month, day)
    except ValueError:
        raise ValueError(f"bad date {value!r}: no such day") from None
