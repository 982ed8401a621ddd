"""Adversarial cases (issue 15): nothing lost, no gate fooled, no internal error.

Each test reproduces one defect through the CLI (in-process, or in a
subprocess where a kill or a second process is needed).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cli_helpers import run, write

ROOT = Path(__file__).resolve().parent.parent

# three discrepancies: the amount, the founding year, the head count
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
NO_CLAIMS_A = "The board met on a rainy afternoon and talked at length.\n"
NO_CLAIMS_B = "Nobody said much, and the talks went on without a result.\n"


def env(**extra: str) -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(ROOT), **extra)


def one_line_error(result, *words: str) -> str:
    code, out, err = result
    assert code == 2, out + err
    assert "Traceback" not in out + err and "internal error" not in err, err
    assert err.startswith("checker: error: ") and err.count("\n") == 1, err
    for word in words:
        assert word in err, f"{word!r} not in {err!r}"
    return err


def files_below(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def story(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "story" / "a.txt", ARTICLE_A)
    write(tmp_path / "story" / "b.txt", ARTICLE_B)
    return tmp_path


# ================================================================ internal errors

def test_huge_integers_in_the_config(story):
    write(story / "checker.toml", f"[checker]\nmax_bytes = {'9' * 5000}\n")
    one_line_error(run("check", "story"), "checker.toml", "digits")


def test_a_comparator_given_as_a_list(story):
    write(story / "rules" / "x.yaml", "id: money-amount\nkinds: [money]\ncomparator: [exact]\n")
    one_line_error(run("check", "story", "--rules", "rules"), "rules/x.yaml", "comparator")


def test_a_baseline_nested_100000_deep(story):
    write(story / "base.yaml", "[" * 100_000 + "]" * 100_000 + "\n")
    one_line_error(run("check", "story", "--baseline", "base.yaml"), "base.yaml", "nested")
    write(story / "base.yaml", "findings:\n" + "".join("  " * i + "- \n" for i in range(1, 1500)))
    one_line_error(run("check", "story", "--baseline", "base.yaml"), "base.yaml")


def test_a_baseline_with_a_huge_integer(story):
    write(story / "base.yaml", f"version: {'1' * 5000}\nfindings: []\n")
    one_line_error(run("check", "story", "--baseline", "base.yaml"), "base.yaml")


def test_init_in_a_read_only_folder(story, monkeypatch):
    import pathlib
    real = pathlib.Path.open

    def read_only(self, mode="r", *args, **kwargs):
        if any(c in mode for c in "wxa"):
            raise PermissionError(13, "Permission denied", str(self))
        return real(self, mode, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", read_only)
    one_line_error(run("init"), "checker.toml", "Permission denied")
    assert not (story / "checker.toml").exists()


def test_init_where_checker_toml_is_a_dangling_link(story):
    os.symlink("nowhere/checker.toml", story / "checker.toml")
    one_line_error(run("init"), "checker.toml")
