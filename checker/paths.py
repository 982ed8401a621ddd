"""Path helpers that never raise on odd names: symlink loops, undecodable bytes."""

from __future__ import annotations

import os
from pathlib import Path


def resolved(path: str | os.PathLike) -> Path:
    """``path`` made absolute with symlinks followed as far as they go (a loop
    or an unreadable folder stops there instead of raising)."""
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        return Path(os.path.abspath(path))


def display(text: str) -> str:
    """A name safe to print and to write as UTF-8: a byte that was not UTF-8
    in a file name (kept by Python as a lone surrogate) is shown as ``\\xff``."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def same_file(a: str | os.PathLike, b: str | os.PathLike) -> bool:
    """Whether ``a`` and ``b`` name one file (by inode when both exist, else by path)."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return resolved(a) == resolved(b)
