"""What the caller knows about the input: values that fill what the input lacks."""

from __future__ import annotations

from dataclasses import dataclass

from kgbuild.readers.dates import DateOrder, normalise_date


@dataclass(frozen=True)
class ReadOptions:
    """Defaults for fields an input record leaves empty; never override a value the input gives.

    ``lang`` is lower-cased and ``date`` normalised to ISO on construction (a bad date raises
    ValueError with a one-line message). ``date_order`` says how this input writes slashed dates:
    None reads "DD/MM/YYYY" only; "dmy" or "mdy" also accept two-digit years ("4/5/17").
    """

    publisher: str | None = None
    lang: str | None = None
    date: str | None = None
    date_order: DateOrder | None = None

    def __post_init__(self) -> None:
        if self.date_order not in (None, "dmy", "mdy"):
            raise ValueError(f"bad date order {self.date_order!r}: expected 'dmy' or 'mdy'")
        # frozen: normalised values are written once, here
        object.__setattr__(self, "publisher", (self.publisher or "").strip() or None)
        object.__setattr__(self, "lang", (self.lang or "").strip().lower() or None)
        if self.date is not None and self.date.strip():
            object.__setattr__(self, "date", normalise_date(self.date, self.date_order))
        else:
            object.__setattr__(self, "date", None)
