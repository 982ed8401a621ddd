"""Helpers shared by the CLI tests."""

from __future__ import annotations

import io
import os
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from checker.cli import main

ROOT = Path(__file__).resolve().parent.parent

# a two-source story with three discrepancies: the amount, the founding year, the head count
ARTICLE_A = (
    "Acme Corp agreed on Tuesday to buy Globex for $3.2 billion, the companies said.\n"
    "Acme was founded in 1998 by Jane Roe, who still runs it.\n"
    "Globex employs 1,200 people at its plant in Springfield.\n"
)
ARTICLE_B = (
    "Globex will be acquired by Acme Corp in a US$3.5bn deal, the firms announced.\n"
    "Roe, who founded Acme in 1999, was upbeat.\n"
    "Globex has 1,300 employees in Springfield.\n"
)


def run(*args: str) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of ``checker ARGS`` run in-process."""
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with redirect_stdout(out), redirect_stderr(err):
        try:
            main(list(args))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
    return code, out.getvalue(), err.getvalue()


def write(path: Path, text: str | bytes) -> Path:
    """Write an article (text as UTF-8, or raw bytes), making its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def story_in(tmp_path: Path, monkeypatch, articles: dict[str, str | bytes]) -> Path:
    """Work in ``tmp_path``, with ``articles`` (name -> text) in its folder story/."""
    monkeypatch.chdir(tmp_path)
    for name, text in articles.items():
        write(tmp_path / "story" / name, text)
    return tmp_path


def one_line_error(result, *words: str) -> str:
    """The run failed with exit 2 and one ``checker: error:`` line holding ``words``."""
    code, out, err = result
    assert code == 2, out + err
    assert "Traceback" not in out + err and "internal error" not in err, err
    assert err.startswith("checker: error: ") and err.count("\n") == 1, err
    for word in words:
        assert word in err, f"{word!r} not in {err!r}"
    return err


def subprocess_env(**extra: str) -> dict[str, str]:
    """The environment for ``python -m checker`` in a subprocess (this checkout first)."""
    return dict(os.environ, PYTHONPATH=str(ROOT), **extra)
