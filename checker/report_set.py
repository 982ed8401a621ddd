"""Writing a run's reports as one set: all of them, or none.

1. every file is written to a hidden temporary file beside its target
   (``.<name>.<random>.tmp``) and flushed to disk;
2. a journal, ``.checker-renames`` in the folder, lists the renames;
3. the temporary files are renamed over the targets; 4. the journal goes.

While it writes, a run holds a lock on the folder (``flock``), so the sets of
two runs never interleave: the later run waits. With the lock held, any
temporary file of a target is a leftover of a killed run and is removed at
once. A run killed during step 3 leaves its journal; the next run finishes
those renames first (every file the journal names was already whole), so the
folder holds the killed run's whole set, then the new one. A journal that
cannot be read was cut short in step 2, before any rename: it is dropped.

A character device (``-o /dev/null``) is written into directly, never renamed
over.
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
import stat
import tempfile
import time
from pathlib import Path

from checker.errors import CheckerError

try:
    import fcntl
except ImportError:  # Windows: no folder lock
    fcntl = None

JOURNAL = ".checker-renames"
LOCK_WAIT = 300.0  # seconds to wait for another run's set before giving up


def write_set(files: dict[Path, str]) -> None:
    """Write every ``path: text`` of ``files`` as one set (see the module notes)."""
    direct = {p: t for p, t in files.items() if is_device(p)}
    renamed = {p: t for p, t in files.items() if p not in direct}
    folders: dict[Path, list[Path]] = {}
    for path in renamed:
        folders.setdefault(path.parent, []).append(path)
    for folder in folders:
        _guard(folder, lambda: folder.mkdir(parents=True, exist_ok=True))
    with _locked(folders):
        for folder, paths in folders.items():
            _recover(folder, [p.name for p in paths])
        temps: dict[Path, Path] = {}
        try:
            for path, text in renamed.items():
                temps[path] = _write_temp(path, text)
            for folder, paths in folders.items():
                _write_journal(folder, [(temps[p].name, p.name) for p in paths])
        except BaseException:
            _discard(temps.values(), folders)
            raise
        _rename_all(temps, folders)
    for path, text in direct.items():
        _guard(path, lambda: _write_direct(path, text))


def recover(paths) -> None:
    """Before a run: finish a killed run's renames and remove its temporary
    files, in the folders of ``paths`` (existing ones)."""
    folders: dict[Path, list[str]] = {}
    for path in paths:
        if not is_device(path) and path.parent.is_dir():
            folders.setdefault(path.parent, []).append(path.name)
    with _locked(folders):
        for folder, names in folders.items():
            _recover(folder, names)


def is_device(path: Path) -> bool:
    try:
        return stat.S_ISCHR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


# ---------------------------------------------------------------- steps

def _guard(path: Path, action):
    try:
        return action()
    except OSError as err:
        raise CheckerError(f"cannot write the file: {err.strerror or err}", path=str(path),
                           hint="check that its folder exists and is writable") from err


def _prefix(name: str) -> str:
    """``.<name>.``, the name cut to 100 bytes so the temporary name stays short."""
    return "." + os.fsdecode(os.fsencode(name)[:100]) + "."


def _write_temp(path: Path, text: str) -> Path:
    """A whole, flushed temporary file holding ``text`` beside ``path``."""
    def write() -> Path:
        fd, tmp = tempfile.mkstemp(prefix=_prefix(path.name), suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o644)  # mkstemp makes 0600; a report is for everyone to read
        except BaseException:
            _unlink(Path(tmp))
            raise
        return Path(tmp)
    return _guard(path, write)


def _write_journal(folder: Path, renames: list[tuple[str, str]]) -> None:
    journal = folder / JOURNAL

    def write() -> None:
        with open(journal, "w", encoding="utf-8") as fh:
            json.dump({"renames": renames}, fh)
            fh.flush()
            os.fsync(fh.fileno())
        _sync_folder(folder)
    _guard(journal, write)


def _rename_all(temps: dict[Path, Path], folders) -> None:
    done = 0
    for path, tmp in temps.items():
        try:
            os.replace(tmp, path)
        except OSError as err:
            if done == 0:  # nothing replaced yet: the previous set stays whole
                _discard(temps.values(), folders)
                raise CheckerError(f"cannot write the file: {err.strerror or err}", path=str(path),
                                   hint="check that its folder exists and is writable") from err
            raise CheckerError(f"cannot write the file: {err.strerror or err}; {done} of "
                               f"{len(temps)} reports were replaced, the next run completes the set",
                               path=str(path)) from err
        done += 1
    for folder in folders:
        with contextlib.suppress(OSError):
            _sync_folder(folder)
        _unlink(folder / JOURNAL)


def _recover(folder: Path, names) -> None:
    journal = folder / JOURNAL
    if journal.exists():
        try:
            renames = json.loads(journal.read_text(encoding="utf-8"))["renames"]
        except (OSError, ValueError, KeyError, TypeError):
            renames = []  # cut short before any rename: nothing to finish
        for tmp, name in renames:
            src = folder / str(tmp)
            if src.is_file() and "/" not in str(name) and str(name) not in ("", ".", ".."):
                _guard(folder / str(name), lambda: os.replace(src, folder / str(name)))
        _unlink(journal)
    for name in names:
        for leftover in folder.glob(glob.escape(_prefix(name)) + "*.tmp"):
            _unlink(leftover)


def _discard(tmps, folders) -> None:
    for tmp in tmps:
        _unlink(tmp)
    for folder in folders:
        _unlink(folder / JOURNAL)


def _write_direct(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


def _sync_folder(folder: Path) -> None:
    """Make the folder's new entries durable (POSIX; a no-op elsewhere)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _unlink(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


# ---------------------------------------------------------------- lock

@contextlib.contextmanager
def _locked(folders):
    """Hold an exclusive lock on every folder (sorted, so two runs cannot deadlock)."""
    fds = []
    try:
        for folder in sorted({Path(os.path.abspath(f)) for f in folders}):
            fds.append(_lock(folder))
        yield
    finally:
        for fd in fds:
            if fd is not None:
                os.close(fd)


def _lock(folder: Path) -> int | None:
    if fcntl is None:
        return None
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return None
    deadline = time.monotonic() + LOCK_WAIT
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return fd
        except BlockingIOError:
            if time.monotonic() > deadline:
                os.close(fd)
                raise CheckerError(f"another checker run has been writing here for "
                                   f"{LOCK_WAIT:.0f} seconds", path=str(folder),
                                   hint="wait for it to finish, or stop it") from None
            time.sleep(0.05)
        except OSError:  # a file system without locks: write unlocked
            return fd
