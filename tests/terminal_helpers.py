"""Running the real CLI with standard output or standard error on a terminal
(a pseudo-terminal), to see what a person at a terminal sees."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import threading
from pathlib import Path


def _drain(fd: int, into: list[bytes]) -> None:
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # EIO: the other end closed
            return
        if not chunk:
            return
        into.append(chunk)


def run_on_tty(args: list[str], cwd: Path, tty: str = "stdout", env: dict | None = None,
               timeout: float = 120) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of ``python -m checker ARGS`` with ``tty``
    ('stdout', 'stderr' or 'none') attached to a pseudo-terminal."""
    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environ.update({"TERM": "xterm-256color", "COLUMNS": "120"}, **(env or {}))
    master, slave = pty.openpty() if tty != "none" else (None, None)
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    if tty in streams:
        streams[tty] = slave
    proc = subprocess.Popen([sys.executable, "-m", "checker", *args], cwd=cwd, env=environ,
                            stdin=subprocess.DEVNULL, **streams)
    got: list[bytes] = []
    reader = None
    if slave is not None:
        os.close(slave)
        reader = threading.Thread(target=_drain, args=(master, got), daemon=True)
        reader.start()
    out, err = proc.communicate(timeout=timeout)
    if reader is not None:
        reader.join(timeout=10)
        os.close(master)
    on_tty = b"".join(got).decode("utf-8", "replace").replace("\r\n", "\n")
    if tty == "stdout":
        out = on_tty
    else:
        out = out.decode("utf-8", "replace")
    if tty == "stderr":
        err = on_tty
    else:
        err = err.decode("utf-8", "replace")
    return proc.returncode, out, err
