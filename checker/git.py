"""The few git questions checker asks: the repository root and the changed files."""

from __future__ import annotations

import functools
import os
import subprocess
from pathlib import Path

from checker.errors import CheckerError


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                              encoding="utf-8", errors="replace")
    except FileNotFoundError:
        raise CheckerError("git is not installed (needed for --changed-since)") from None


@functools.lru_cache(maxsize=8)
def _root_of(cwd: str) -> Path:
    try:
        done = _git(["rev-parse", "--show-toplevel"], Path(cwd))
    except CheckerError:
        return Path(cwd)
    if done.returncode != 0 or not done.stdout.strip():
        return Path(cwd)
    return Path(done.stdout.strip()).resolve()


def repo_root() -> Path:
    """The git top-level folder of the working directory, else the working directory."""
    return _root_of(str(Path.cwd().resolve()))


def relative(path: str | os.PathLike) -> str:
    """``path`` relative to the repository root (forward slashes), else absolute."""
    p = Path(path).resolve()
    try:
        return p.relative_to(repo_root()).as_posix()
    except ValueError:
        return p.as_posix()


def changed_files(rev: str, cwd: Path) -> set[Path]:
    """Files changed since ``rev`` (committed, staged or not) plus untracked files."""
    top = _git(["rev-parse", "--show-toplevel"], cwd)
    if top.returncode != 0:
        raise CheckerError("--changed-since needs a git repository", path=str(cwd),
                           hint=_first_line(top.stderr))
    root = Path(top.stdout.strip()).resolve()
    if rev.startswith("-"):
        raise CheckerError(f"--changed-since: bad git revision '{rev}'")
    diff = _git(["diff", "--name-only", "-z", "--no-renames", rev, "--"], root)
    if diff.returncode != 0:
        raise CheckerError(f"--changed-since: unknown git revision '{rev}'",
                           hint=_first_line(diff.stderr))
    new = _git(["ls-files", "-z", "--others", "--exclude-standard", "--full-name"], root)
    if new.returncode != 0:
        raise CheckerError("git ls-files failed", hint=_first_line(new.stderr))
    names = diff.stdout.split("\0") + new.stdout.split("\0")
    return {(root / n).resolve() for n in names if n.strip()}


def _first_line(text: str) -> str:
    lines = [l.strip() for l in (text or "").splitlines() if l.strip()]
    return lines[0] if lines else "git failed"
