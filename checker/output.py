"""Output paths checked before any work. Every file checker writes (reports,
the index, the baseline) is written by ``checker.report_set``, as one set."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from checker.errors import CheckerError


def check_target(path: Path) -> None:
    """Fail early (before any work) when ``path`` cannot take a report: a folder,
    a file where a folder must be, no write permission, a name too long, or a
    node other than a regular file or a character device (/dev/null)."""
    try:
        _check_target(path)
    except OSError as err:  # e.g. a file name too long
        raise CheckerError(f"cannot use the output path: {err.strerror or err}",
                           path=str(path)) from None


def _check_target(path: Path) -> None:
    if path.is_dir():
        raise CheckerError("output path is a folder", path=str(path), hint="give a file name")
    parent = path.parent if str(path.parent) else Path(".")
    if parent.exists() and not parent.is_dir():
        raise CheckerError("output folder is a file", path=str(parent))
    probe = parent
    while not probe.exists():
        probe = probe.parent
    if not probe.is_dir():  # out/report.md/x.md: a file where a folder must be made
        raise CheckerError("output folder is a file", path=str(probe), hint="give a file name in a folder")
    if not os.access(probe, os.W_OK):
        raise CheckerError("output folder is not writable", path=str(parent))
    if path.exists() and not os.access(path, os.W_OK):
        raise CheckerError("output file is not writable", path=str(path))
    if path.exists():
        mode = os.stat(path).st_mode
        if not (stat.S_ISREG(mode) or stat.S_ISCHR(mode)):
            what = "a fifo" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) \
                else "a block device" if stat.S_ISBLK(mode) else "a special file"
            raise CheckerError(f"output path is not a regular file ({what})", path=str(path),
                               hint="give a file name")
