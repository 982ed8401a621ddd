"""Output paths checked before any work, and single files (the baseline)
written atomically: a temporary file in the same folder, then rename.
A run's reports are written as one set by ``checker.report_set``."""

from __future__ import annotations

import glob
import os
import stat
import tempfile
import time
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


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` all at once; on failure the old file stays
    and the temporary file is removed. An OSError becomes a CheckerError."""
    try:
        _write_atomic(path, text)
    except OSError as err:
        raise CheckerError(f"cannot write the file: {err.strerror or err}", path=str(path),
                           hint="check that its folder exists and is writable") from err


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; a report is for everyone to read
        os.replace(tmp, path)
        _remove_stale(path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


STALE_SECONDS = 600


def _remove_stale(path: Path) -> None:
    """Remove temporary files a killed run left beside ``path`` (older than 10 minutes)."""
    now = time.time()
    for tmp in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        try:
            if now - tmp.stat().st_mtime > STALE_SECONDS:
                tmp.unlink()
        except OSError:
            pass
