"""The ``kgbuild`` command: each sub-command parses its arguments and calls a library function."""

from __future__ import annotations

from kgbuild.cli import (  # noqa: F401  (importing a module registers its command)
    eval_cmd,
    export_cmd,
    extract_cmd,
    import_cmd,
    query_cmd,
    stats_cmd,
    validate_cmd,
)
from kgbuild.cli._common import app

__all__ = ["app", "main"]


def main() -> None:
    app()


if __name__ == "__main__":
    main()
