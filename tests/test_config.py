"""Config files: discovery, validation (file:line errors, exit 2), flags over file, init."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from checker import config
from checker.errors import CheckerError

ROOT = Path(__file__).resolve().parent.parent


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


# ---------------------------------------------------------------- discovery

def test_find_searches_upward_and_prefers_checker_toml(tmp_path):
    _write(tmp_path / "checker.toml", "[checker]\n")
    _write(tmp_path / "pyproject.toml", "[tool.checker]\n")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert config.find(deep) == (tmp_path / "checker.toml").resolve()


def test_find_uses_pyproject_only_with_tool_checker(tmp_path):
    _write(tmp_path / "pyproject.toml", "[tool.checker]\nfail_on = 'never'\n")
    inner = tmp_path / "inner"
    _write(inner / "pyproject.toml", "[project]\nname = 'x'\n")  # no [tool.checker]: skipped
    assert config.find(inner) == (tmp_path / "pyproject.toml").resolve()
    cfg = config.load(config.find(inner))
    assert cfg.fail_on == "never"


def test_no_config_gives_empty_settings(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    cfg = config.load()
    assert cfg.path is None and cfg.stories == () and cfg.fail_on is None


# ---------------------------------------------------------------- parsing

def test_paths_are_relative_to_the_config_folder(tmp_path):
    path = _write(tmp_path / "repo" / "checker.toml", """\
[checker]
stories = ["stories/*"]
rules = ["house-rules"]
reports = "out"
baseline = "accepted.yaml"
fail_on = "warning"
formats = ["markdown", "json"]
max_bytes = 1000
""")
    cfg = config.load(path)
    root = (tmp_path / "repo").resolve()
    assert cfg.root == root
    assert cfg.stories == ("stories/*",)  # globs stay relative to root
    assert cfg.rules == (str(root / "house-rules"),)
    assert cfg.reports == str(root / "out")
    assert cfg.baseline == str(root / "accepted.yaml")
    assert (cfg.fail_on, cfg.formats, cfg.max_bytes) == ("warning", ("markdown", "json"), 1000)


def test_a_single_string_is_a_one_item_list(tmp_path):
    cfg = config.load(_write(tmp_path / "checker.toml", '[checker]\nsources = "articles"\n'))
    assert cfg.sources == (str(tmp_path.resolve() / "articles"),)


def test_unknown_key_names_file_line_and_closest_key(tmp_path):
    path = _write(tmp_path / "checker.toml", '[checker]\nreports = "r"\n\nstoreis = ["x/*"]\n')
    with pytest.raises(CheckerError) as err:
        config.load(path)
    assert str(err.value) == f"{path}:4: unknown key 'storeis' (did you mean 'stories'?)"


def test_unknown_key_in_pyproject(tmp_path):
    path = _write(tmp_path / "pyproject.toml",
                  '[project]\nname = "x"\n\n[tool.checker]\nfail-on = "never"\n')
    with pytest.raises(CheckerError) as err:
        config.load(path)
    assert str(err.value) == f"{path}:5: unknown key 'fail-on' (did you mean 'fail_on'?)"


@pytest.mark.parametrize("line,expected", [
    ("fail_on = 3", "'fail_on' must be one of discrepancy, warning, single_source"),
    ("fail_on = 'sometimes'", "not 'sometimes'"),
    ("stories = 5", "'stories' must be a list of folder globs, not a number"),
    ("stories = [1, 2]", "'stories' must be a list of folder globs, not a list"),
    ("reports = ['a']", "'reports' must be a folder path, not a list"),
    ("max_bytes = 0", "'max_bytes' must be a positive integer, not 0"),
    ("max_bytes = true", "'max_bytes' must be a positive integer, not true/false"),
])
def test_wrong_types(tmp_path, line, expected):
    path = _write(tmp_path / "checker.toml", f"[checker]\n{line}\n")
    with pytest.raises(CheckerError) as err:
        config.load(path)
    assert str(err.value).startswith(f"{path}:2: ")
    assert expected in str(err.value)


def test_unknown_format_suggests(tmp_path):
    path = _write(tmp_path / "checker.toml", "[checker]\nformats = ['markdwn']\n")
    with pytest.raises(CheckerError, match=r"unknown format 'markdwn'.*did you mean 'markdown'"):
        config.load(path)


def test_malformed_toml_gives_line(tmp_path):
    path = _write(tmp_path / "checker.toml", '[checker]\nfail_on = "never"\nstories = ["a/*"\n')
    with pytest.raises(CheckerError) as err:
        config.load(path)
    assert err.value.path == str(path)
    assert err.value.line == 3  # "at end of document": the last line
    assert str(err.value) == f"{path}:3: TOML syntax error: Unclosed array"


def test_malformed_toml_line_from_tomllib(tmp_path):
    path = _write(tmp_path / "checker.toml", '[checker]\n\nfail_on = never\nreports = "r"\n')
    with pytest.raises(CheckerError) as err:
        config.load(path)
    assert err.value.line == 3
    assert str(err.value) == f"{path}:3: TOML syntax error: Invalid value"


def test_missing_table(tmp_path):
    path = _write(tmp_path / "checker.toml", "[chekcer]\nfail_on = 'never'\n")
    with pytest.raises(CheckerError, match=r"no \[checker\] table"):
        config.load(path)


def test_stories_and_sources_together_is_an_error(tmp_path):
    path = _write(tmp_path / "checker.toml", "[checker]\nstories = ['s/*']\nsources = ['a']\n")
    with pytest.raises(CheckerError, match="either 'stories'.*or 'sources'"):
        config.load(path)


def test_key_lines_skip_other_tables(tmp_path):
    text = "[other]\nstories = 1\n[checker]\n# c\n  stories = []\n[checker.extra]\nx = 1\n"
    assert config.key_lines(text, "checker") == {"stories": 5, "extra": 6}


# ---------------------------------------------------------------- flags over file

def test_flags_override_the_file(tmp_path):
    cfg = config.load(_write(tmp_path / "checker.toml", """\
[checker]
stories = ["s/*"]
rules = ["r1"]
fail_on = "warning"
formats = ["json"]
baseline = "b.yaml"
"""))
    plain = config.settings(cfg)
    assert plain.fail_on == "warning" and plain.formats == ("json",)
    assert plain.reports == cfg.root / "reports" and plain.many
    assert plain.baseline == cfg.root / "b.yaml"
    flagged = config.settings(cfg, paths=("x",), rules=("r2",), fail_on="never",
                              formats=("github", "github", "markdown"), reports="out",
                              no_baseline=True)
    assert flagged.fail_on == "never"
    assert flagged.formats == ("github", "markdown")
    assert flagged.rules == ("r2",)
    assert flagged.reports == Path("out")
    assert flagged.baseline is None
    assert not flagged.many  # paths on the command line: one story


def test_defaults_without_config(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    s = config.settings(config.load())
    assert (s.fail_on, s.formats, s.reports, s.baseline, s.max_bytes) == (
        "discrepancy", ("markdown",), Path("reports"), None, 5_000_000)


# ---------------------------------------------------------------- init

def test_starter_config_is_valid(tmp_path):
    path = config.write_starter(tmp_path)
    cfg = config.load(path)
    assert cfg.stories == ("stories/*",) and cfg.fail_on == "discrepancy"
    assert "# " in path.read_text()  # commented


def test_init_refuses_to_overwrite(tmp_path):
    _write(tmp_path / "checker.toml", "[checker]\n")
    with pytest.raises(CheckerError, match="already exists"):
        config.write_starter(tmp_path)
    assert (tmp_path / "checker.toml").read_text() == "[checker]\n"


# ---------------------------------------------------------------- CLI: exit 2, one line

def test_cli_init_then_refuse(tmp_path):
    first = _run(tmp_path, "init")
    assert first.returncode == 0, first.stderr
    assert (tmp_path / "checker.toml").is_file()
    again = _run(tmp_path, "init")
    assert again.returncode == 2
    assert again.stderr.strip().splitlines() == [
        "checker: error: checker.toml: a config file already exists (edit it, or delete it first)"]


@pytest.mark.parametrize("text,message", [
    ('[checker]\nstoris = ["s/*"]\n', ":2: unknown key 'storis' (did you mean 'stories'?)"),
    ("[checker]\nfail_on = 1\n", ":2: 'fail_on' must be one of"),
    ('[checker]\nfail_on = "never\n', ":2: TOML syntax error: "),
])
def test_cli_config_errors_exit_2_on_one_line(tmp_path, text, message):
    _write(tmp_path / "checker.toml", text)
    (tmp_path / "sub").mkdir()
    done = _run(tmp_path / "sub", "check")  # found by searching upward
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("checker: error: " + str((tmp_path / "checker.toml").resolve()))
    assert message in lines[0]
    assert "Traceback" not in done.stderr


def test_cli_explicit_missing_config(tmp_path):
    done = _run(tmp_path, "check", "--config", "nope.toml")
    assert done.returncode == 2
    assert done.stderr.strip() == "checker: error: nope.toml: no such config file"
