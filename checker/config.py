"""Project configuration: ``checker.toml`` ([checker]) or ``pyproject.toml`` ([tool.checker]).

The file is found by searching upward from the working directory; in each
folder ``checker.toml`` wins over ``pyproject.toml`` (which only counts when
it has a ``[tool.checker]`` table). Paths in the file are relative to the
file's folder. Command-line flags override the file, key by key.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from checker import report
from checker.errors import CheckerError, CheckerErrors, problems_of, too_many_digits
from checker.hints import FAIL_ON, closest

CONFIG_NAME = "checker.toml"
PYPROJECT = "pyproject.toml"
FORMATS = tuple(report.FORMATS)

# key -> what it must be (shown in type errors)
KEYS = {
    "stories": "a list of folder globs",
    "sources": "a list of article paths",
    "rules": "a list of rule folders",
    "reports": "a folder path",
    "fail_on": "one of " + ", ".join(FAIL_ON),
    "baseline": "a file path",
    "formats": "a list of formats (" + ", ".join(FORMATS) + ")",
    "max_bytes": "a positive integer",
}
LIST_KEYS = ("stories", "sources", "rules", "formats")
PATH_KEYS = ("reports", "baseline")


@dataclass(frozen=True)
class Config:
    """Settings with paths made absolute; ``path`` is None when no file was found."""

    path: Path | None
    root: Path
    stories: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    reports: str | None = None
    fail_on: str | None = None
    baseline: str | None = None
    formats: tuple[str, ...] = ()
    max_bytes: int | None = None


def find(start: Path | None = None) -> Path | None:
    """The nearest config file at or above ``start`` (default: the working directory)."""
    folder = (start or Path.cwd()).resolve()
    for here in (folder, *folder.parents):
        own = here / CONFIG_NAME
        if own.is_file():
            return own
        pyproject = here / PYPROJECT
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return False
    return re.search(r"^\s*\[\s*tool\s*\.\s*checker\s*[\].]", text, re.M) is not None


def load(path: str | Path | None = None) -> Config:
    """Read ``path`` (or the file ``find()`` picks); no file gives empty settings."""
    if path is None:
        found = find()
        if found is None:
            return Config(path=None, root=Path.cwd())
        path = found
    path = Path(path)
    if not path.is_file():
        raise CheckerError("no such config file", path=str(path))
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CheckerError(f"cannot read config file: {exc.__class__.__name__}", path=str(path))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _syntax_problems(path, text, _toml_error(path, text, exc)) from None
    except ValueError as exc:  # a number of more than 4,300 digits
        raise CheckerError(f"bad TOML: {too_many_digits(exc)}", path=str(path)) from None
    table, name = _table(data, path)
    if table is None:
        raise CheckerError(f"no [{name}] table", path=str(path),
                           hint=f"put the settings under [{name}]")
    if not isinstance(table, dict):
        raise CheckerError(f"'{name}' must be a table", path=str(path))
    return parse(table, path, key_lines(text, name))


def _table(data: dict, path: Path) -> tuple[object, str]:
    if path.name == PYPROJECT:
        tool = data.get("tool", {})
        return (tool.get("checker") if isinstance(tool, dict) else None), "tool.checker"
    return data.get("checker"), "checker"


def _salvage(text: str, line: int | None, tries: int = 10) -> dict | None:
    """The TOML data of ``text`` once its bad lines are left out: each line a
    syntax error names is blanked in turn; where that does not end (an unclosed
    bracket), the lines before the first bad one. None when neither parses."""
    lines = text.splitlines()
    blanked: set[int] = set()
    while line is not None and 0 < line <= len(lines) and line not in blanked and len(blanked) < tries:
        blanked.add(line)
        try:
            return tomllib.loads("\n".join("" if n in blanked else s for n, s in enumerate(lines, 1)))
        except tomllib.TOMLDecodeError as exc:
            line = _toml_line(str(exc), len(lines))
        except ValueError:
            return None
    first = min(blanked, default=0)
    for end in range(first - 1, max(first - 1 - tries, 0), -1):  # a few tries: bounded work
        try:
            return tomllib.loads("\n".join(lines[:end]))
        except (tomllib.TOMLDecodeError, ValueError):
            continue
    return None


def _syntax_problems(path: Path, text: str, syntax: CheckerError) -> CheckerError:
    """The syntax error, with the problems of the keys that can still be read
    (one syntax error per file, as a linter gives: later ones may be echoes of it).
    ``partial`` carries what was read, so the rule folders it names are checked too."""
    data = _salvage(text, syntax.line)
    table = _table(data, path)[0] if data is not None else None
    partial, problems = None, [syntax]
    if isinstance(table, dict):
        try:
            partial = parse(table, path, key_lines(text, _table({}, path)[1]))
        except CheckerError as exc:
            partial = getattr(exc, "partial", None)
            problems += problems_of(exc)
    problems.sort(key=lambda e: e.line or 0)
    exc = problems[0] if len(problems) == 1 else CheckerErrors(problems)
    exc.partial = partial
    return exc


def _toml_line(message: str, count: int) -> int | None:
    found = re.search(r"\(at (?:line (\d+), column \d+|end of document)\)\s*$", message)
    if not found:
        return None
    return int(found.group(1)) if found.group(1) else max(count, 1)


def _toml_error(path: Path, text: str, exc: tomllib.TOMLDecodeError) -> CheckerError:
    """tomllib puts the place at the end of its message: "(at line 3, column 5)"."""
    message = re.sub(r"\s*\(at (?:line \d+, column \d+|end of document)\)\s*$", "", str(exc))
    return CheckerError(f"TOML syntax error: {message}", path=str(path),
                        line=_toml_line(str(exc), len(text.splitlines())))


def key_lines(text: str, table: str) -> dict[str, int]:
    """The line of each key of ``[table]`` (subtables ``[table.x]`` count as key x)."""
    lines: dict[str, int] = {}
    current = None
    want = table.split(".")
    for n, line in enumerate(text.splitlines(), 1):
        header = re.match(r"\s*\[\s*([^\[\]]+?)\s*\]", line)
        if header and not line.lstrip().startswith("[["):
            parts = [p.strip().strip("\"'") for p in header.group(1).split(".")]
            current = parts
            if parts[: len(want)] == want and len(parts) > len(want):
                lines.setdefault(parts[len(want)], n)
            continue
        if current == want:
            key = re.match(r"\s*[\"']?([A-Za-z0-9_-]+)[\"']?\s*[.=]", line)
            if key:
                lines.setdefault(key.group(1), n)
    return lines


def parse(table: dict, path: Path, lines: dict[str, int] | None = None) -> Config:
    """Validate the settings table and make its paths absolute. Every problem
    is reported at once; the error carries the valid keys as ``partial`` (a
    Config), so the rule folders it names can be checked in the same run."""
    lines = lines or {}
    p = str(path)
    problems: list[CheckerError] = []
    values: dict = {}
    for key, value in table.items():
        if key not in KEYS:
            problems.append(CheckerError(f"unknown key '{key}'", path=p, line=lines.get(key),
                                         hint=closest(key, KEYS)))
            continue
        try:
            values[key] = _check(key, value, p, lines.get(key))
        except CheckerError as exc:
            problems.append(exc)
    root = path.resolve().parent
    for key in ("stories", "sources", "rules"):
        if key in values:
            values[key] = tuple(str(root / v) if key != "stories" else v for v in values[key])
    for key in PATH_KEYS:
        if key in values:
            values[key] = str(root / values[key])
    if values.get("stories") and values.get("sources"):
        problems.append(CheckerError("set either 'stories' (many stories) or 'sources' (one story), "
                                     "not both", path=p, line=lines.get("sources")))
    if problems:
        exc = problems[0] if len(problems) == 1 else CheckerErrors(problems)
        exc.partial = Config(path=path, root=root, **{k: v for k, v in values.items()
                                                      if not (k == "sources" and values.get("stories"))})
        raise exc
    return Config(path=path, root=root, **values)


def _check(key: str, value, path: str, line: int | None):
    def fail(why: str = ""):
        got = why or f"not {_type_name(value)}"
        raise CheckerError(f"'{key}' must be {KEYS[key]}, {got}", path=path, line=line)

    if key in LIST_KEYS:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            fail()
        if key == "formats":
            for v in value:
                if v not in FORMATS:
                    raise CheckerError(f"unknown format '{v}' in 'formats'", path=path, line=line,
                                       hint=closest(v, FORMATS).replace("valid keys", "valid formats"))
        return tuple(value)
    if key == "max_bytes":
        if not isinstance(value, int) or isinstance(value, bool):
            fail()
        if value < 1:
            fail(f"not {value}")
        return value
    if not isinstance(value, str) or not value:
        fail()
    if key == "fail_on" and value not in FAIL_ON:
        fail(f"not '{value}'")
    return value


def _type_name(value) -> str:
    return {bool: "true/false", int: "a number", float: "a number", str: "text",
            list: "a list", dict: "a table"}.get(type(value), type(value).__name__)


STARTER = '''\
# checker configuration (see docs/ci.md in the checker repository).
# Paths are relative to this file's folder; command-line flags override these keys.
[checker]

# Many stories: each folder matching one of these globs is one story
# (all .md/.markdown/.txt articles inside it are compared with each other).
stories = ["stories/*"]

# One story instead: the articles (files or folders) to compare.
# Set either "stories" or "sources", not both.
# sources = ["sources"]

# Extra rule folders (a rule with the same id replaces the built-in one).
# rules = ["checker-rules"]

# Where reports go: reports/<story>.md (+ .json/.sarif) and reports/README.md.
reports = "reports"

# Exit 1 when findings at or above this level exist:
# discrepancy (errors only), warning, single_source, unsupported (draft mode), never.
fail_on = "discrepancy"

# Accepted findings (write it with: checker baseline --output checker-baseline.yaml).
# baseline = "checker-baseline.yaml"

# Report formats: markdown, json, sarif (files) and github (annotations on stdout).
formats = ["markdown"]
'''


def write_starter(folder: Path | None = None) -> Path:
    """Write a commented ``checker.toml``; refuse when the folder already has a config."""
    folder = folder or Path()
    target = folder / CONFIG_NAME
    if target.exists():
        raise CheckerError("a config file already exists", path=str(target),
                           hint="edit it, or delete it first")
    pyproject = folder / PYPROJECT
    if pyproject.is_file() and _has_tool_table(pyproject):
        raise CheckerError("pyproject.toml already has a [tool.checker] table", path=str(pyproject),
                           hint="edit it, or remove the table first")
    created = False
    try:
        with target.open("x", encoding="utf-8") as fh:  # "x": never replaces a file made meanwhile
            created = True
            fh.write(STARTER)
    except FileExistsError:  # also a dangling symbolic link
        raise CheckerError("a config file already exists", path=str(target),
                           hint="edit it, or delete it first") from None
    except OSError as exc:
        if created:  # a half-written starter is no use
            target.unlink(missing_ok=True)
        raise CheckerError(f"cannot write the config file: {exc.strerror or exc}", path=str(target),
                           hint="run checker init in a folder you can write to") from None
    return target


DEFAULTS = {"reports": "reports", "fail_on": "discrepancy", "formats": ("markdown",),
            "max_bytes": 5_000_000}


@dataclass(frozen=True)
class Settings:
    """The config file with the command-line flags laid over it."""

    config: Path | None
    root: Path
    paths: tuple[str, ...]      # articles given on the command line (one story)
    stories: tuple[str, ...]    # folder globs, relative to root
    sources: tuple[str, ...]    # articles of a single-story repo
    rules: tuple[str, ...]
    reports: Path
    fail_on: str
    baseline: Path | None
    formats: tuple[str, ...]
    max_bytes: int

    @property
    def many(self) -> bool:
        return not self.paths and bool(self.stories)


def settings(cfg: Config, *, paths=(), rules=(), reports=None, fail_on=None, baseline=None,
             no_baseline=False, formats=(), max_bytes=None) -> Settings:
    """Flags win over the file; the file wins over the defaults."""
    default_reports = cfg.root / DEFAULTS["reports"] if cfg.path else Path(DEFAULTS["reports"])
    chosen = baseline or (None if no_baseline else cfg.baseline)
    return Settings(
        config=cfg.path, root=cfg.root, paths=tuple(paths), stories=cfg.stories,
        sources=cfg.sources, rules=tuple(rules) or cfg.rules,
        reports=Path(reports or cfg.reports or default_reports),
        fail_on=fail_on or cfg.fail_on or DEFAULTS["fail_on"],
        baseline=Path(chosen) if chosen else None,
        formats=tuple(dict.fromkeys(formats or cfg.formats or DEFAULTS["formats"])),
        max_bytes=max_bytes or cfg.max_bytes or DEFAULTS["max_bytes"])
