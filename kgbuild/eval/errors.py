"""The one error the evaluation raises for bad input (gold folders, prediction files)."""

from __future__ import annotations


class EvalInputError(ValueError):
    """Gold or prediction input that cannot be read; the message says which file and why."""
