"""Writing reports atomically: a temporary file in the same folder, then rename."""

from __future__ import annotations

import glob
import os
import tempfile
import time
from pathlib import Path

from checker.errors import CheckerError


def check_target(path: Path) -> None:
    """Fail early (before any work) when ``path`` cannot take a report."""
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
