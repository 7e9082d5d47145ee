"""The one exception views raise for bad input."""

from __future__ import annotations


class ViewError(Exception):
    """A view that cannot be built or written; the message is one line for the user."""
