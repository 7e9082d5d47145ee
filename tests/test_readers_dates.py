"""Input dates to ISO, and the options that fill what an input lacks."""

from __future__ import annotations

import pytest

from kgbuild.readers import ReadOptions
from kgbuild.readers.dates import DateOrder, normalise_date


@pytest.mark.parametrize(
    ("value", "order", "expected"),
    [
        ("2018-07-16", None, "2018-07-16"),
        ("2018-07", None, "2018-07"),
        ("2018", None, "2018"),
        (" 2018-07-16 ", None, "2018-07-16"),
        ("2018-07-16T10:00:00Z", None, "2018-07-16"),
        ("2018-07-16T23:30:00-05:00", None, "2018-07-16"),
        ("2018-07-16 10:00", None, "2018-07-16"),
        ("2018-07-16T10:00:00.123+0200", None, "2018-07-16"),
        ("16/07/2018", None, "2018-07-16"),
        ("6/7/2018", None, "2018-07-06"),
        ("29/02/2020", None, "2020-02-29"),
        ("6/7/2018", "dmy", "2018-07-06"),
        ("6/7/2018", "mdy", "2018-06-07"),
        ("4/25/17", "mdy", "2017-04-25"),
        ("25/4/17", "dmy", "2017-04-25"),
        ("1/1/99", "dmy", "1999-01-01"),
    ],
)
def test_readers_dates_accepted(value: str, order: DateOrder | None, expected: str) -> None:
    assert normalise_date(value, order) == expected


@pytest.mark.parametrize(
    ("value", "order", "reason"),
    [
        ("16 juillet 2018", None, "expected YYYY-MM-DD"),
        ("2018-7-16", None, "expected YYYY-MM-DD"),
        ("18-07-16", None, "expected YYYY-MM-DD"),
        ("2018/07/16", None, "expected YYYY-MM-DD"),
        ("2018-W29", None, "expected YYYY-MM-DD"),
        ("", None, "expected YYYY-MM-DD"),
        ("2018-13", None, "no such day"),
        ("2018-02-29", None, "no such day"),
        ("0000", None, "no such day"),
        ("31/04/2018", None, "no such day"),
        ("7/16/2018", None, "no such day"),
        ("2018-07-16T25:00:00", None, "no such time"),
        ("4/5/17", None, "two-digit year"),
        ("4/25/17", "dmy", "no such day"),
    ],
)
def test_readers_dates_rejected_with_value_in_reason(
    value: str, order: DateOrder | None, reason: str
) -> None:
    with pytest.raises(ValueError, match="bad date") as caught:
        normalise_date(value, order)
    assert repr(value) in str(caught.value)
    assert reason in str(caught.value)


def test_readers_dates_options_normalised() -> None:
    options = ReadOptions(publisher=" Le Matin ", lang=" EN ", date="16/07/2018")
    assert (options.publisher, options.lang, options.date) == ("Le Matin", "en", "2018-07-16")
    assert ReadOptions(publisher="", lang="", date=" ") == ReadOptions()


def test_readers_dates_bad_option_date_raises() -> None:
    with pytest.raises(ValueError, match="bad date 'hier'"):
        ReadOptions(date="hier")


def test_readers_dates_bad_option_order_raises() -> None:
    with pytest.raises(ValueError, match="bad date order"):
        ReadOptions(date_order="ymd")  # type: ignore[arg-type]
