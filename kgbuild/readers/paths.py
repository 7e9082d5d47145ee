"""Input paths to the files to read: folders walked, globs expanded, formats told by suffix."""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Iterator, Sequence
from typing import Literal

from kgbuild.records import Reject

STDIN = "-"
Format = Literal["txt", "jsonl", "csv"]
SUFFIXES: dict[str, Format] = {".txt": "txt", ".jsonl": "jsonl", ".jsonl.gz": "jsonl", ".csv": "csv"}
_GLOB = re.compile(r"[*?[]")


class InputError(Exception):
    """A user error about an input path; the message is one clear line."""


def check_paths(paths: Sequence[str]) -> None:
    """Raise :class:`InputError` for the first path that neither exists nor matches a glob."""
    stdin_seen = False
    for path in paths:
        if path == STDIN:
            if stdin_seen:
                raise InputError("'-' (standard input) is given more than once")
            stdin_seen = True
        elif not os.path.exists(path):
            if not _GLOB.search(path):
                raise InputError(f"no such file or folder: {path}")
            if not glob.glob(path, recursive=True):
                raise InputError(f"no file matches {path}")


def file_format(path: str) -> Format | None:
    name = os.path.basename(path).lower()
    return next((fmt for suffix, fmt in SUFFIXES.items() if name.endswith(suffix)), None)


def unsupported(path: str) -> Reject:
    suffix = "".join(_suffixes(os.path.basename(path))) or "none"
    known = ", ".join(SUFFIXES)
    return Reject(path, f"unsupported file type (suffix {suffix}; read: {known})")


def expand(path: str) -> Iterator[str | Reject]:
    """The files one input path stands for, in a stable order, or a Reject for what cannot be read.

    Folders are walked recursively, skipping hidden files and folders (symbolic links to folders
    are not followed). Glob patterns are expanded (``**`` crosses folders) and sorted; a matched
    folder is walked. Files of any type are yielded: the caller rejects the unsupported ones, so
    that nothing visible is left out silently.
    """
    if os.path.isdir(path):
        yield from _walk(path)
    elif os.path.exists(path):
        yield path
    elif _GLOB.search(path):
        matches = sorted(glob.glob(path, recursive=True))
        if not matches:
            yield Reject(path, "no file matches this pattern")
        for match in matches:
            if os.path.isdir(match):
                yield from _walk(match)
            else:
                yield match
    else:
        yield Reject(path, "no such file or folder")


def _walk(folder: str) -> Iterator[str | Reject]:
    errors: list[OSError] = []
    found: list[tuple[tuple[str, ...], str]] = []
    for dirpath, dirnames, filenames in os.walk(folder, onerror=errors.append):
        dirnames[:] = [name for name in dirnames if not name.startswith(".")]
        for name in filenames:
            if not name.startswith("."):
                path = os.path.join(dirpath, name)
                found.append((tuple(os.path.relpath(path, folder).split(os.sep)), path))
    for error in errors:
        yield Reject(error.filename or folder, f"cannot read folder: {error.strerror or error}")
    for _, path in sorted(found):
        yield path


def _suffixes(name: str) -> list[str]:
    stem, dot, last = name.rpartition(".")
    if not dot or not stem:
        return []
    if last.lower() == "gz" and "." in stem:
        return ["." + stem.rpartition(".")[2], ".gz"]
    return ["." + last]
