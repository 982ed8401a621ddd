"""Rule files: load, validate (file:line errors before any work), and look up.

A rule is a small YAML file naming a comparator registered in
``checker.rules.comparators`` with its parameters. ``lexicon*.yaml`` files in
the same folders hold the lexicon (synonyms, aliases, measure words).
"""

from __future__ import annotations

import math
import re
import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from checker import yamlsafe
from checker.hints import closest
from checker.errors import CheckerError, problems_of, raise_all
from checker.lexicon import FACT_KEYS, Lexicon
from checker.rules.comparators import REGISTRY
from checker.schema import KINDS

LEVELS = ("error", "warning", "info")
_TOP_KEY = re.compile(r"""^["']?([^\s:#"'][^:#"']*?)["']?\s*:(?:\s|$)""")
RULE_KEYS = ("id", "kinds", "comparator", "params", "level", "message",
             "description", "link", "examples")
LEXICON_KEYS = ("synonyms", "aliases", "measures", "stopwords", "qualifiers", "per_units", "generic_nouns",
                *FACT_KEYS)
EXAMPLE_KEYS = ("agree", "disagree")
RULE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")  # as ignore comments name it


@dataclass(frozen=True)
class Rule:
    id: str
    kinds: tuple[str, ...]
    comparator: str
    params: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=False)
    level: str = "error"
    message: str = ""
    description: str = ""
    link: str = ""
    examples: Mapping[str, tuple] = field(default_factory=dict, hash=False, compare=False)
    path: str = ""

    @property
    def single_source(self) -> bool:
        return self.comparator == "single_source"


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    lexicon: Lexicon

    def for_kind(self, kind: str, single: bool) -> Rule | None:
        for rule in self.rules:
            if kind in rule.kinds and rule.single_source == single:
                return rule
        return None

    @property
    def compared_kinds(self) -> tuple[str, ...]:
        return tuple(k for k in KINDS if self.for_kind(k, single=False))


def builtin_dir() -> Path:
    packaged = Path(__file__).resolve().parent.parent / "_rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent.parent / "rules"


def _closest(word: str, options: Iterable[str]) -> str:
    return closest(word, options, others="allowed")


def _read_yaml(path: Path) -> tuple[Any, dict[str, int]]:
    """The YAML data and the line of each top-level key."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CheckerError(f"cannot read rule file: {exc.__class__.__name__}", path=str(path))
    data = yamlsafe.load(text, str(path), deep_hint="a rule file is a flat mapping of keys")
    lines: dict[str, int] = {}
    for n, line in enumerate(text.splitlines(), 1):
        m = _TOP_KEY.match(line)
        if m:
            lines.setdefault(m.group(1), n)
    return data, lines


def _type_problem(path, lines, key, value, types, what) -> CheckerError | None:
    if not isinstance(value, types) or (isinstance(value, bool) and bool not in _tuple(types)):
        return CheckerError(f"'{key}' must be {what}, not {type(value).__name__}",
                            path=str(path), line=lines.get(key.split(".")[0]))
    return None


def _tuple(types):
    return types if isinstance(types, tuple) else (types,)


PLACEHOLDERS = ("topic", "values", "detail", "kind", "sources", "speaker")
_FORMATTER = string.Formatter()


def message_parts(message: str) -> list[tuple[str, str | None]]:
    """(literal text, placeholder name or None) of a rule message; ValueError
    unless every placeholder is a documented name, plain (no attribute, index,
    conversion or format spec). ``{{`` and ``}}`` are literal braces."""
    parts = []
    for literal, name, spec, conversion in _FORMATTER.parse(message):
        if name is not None and (name not in PLACEHOLDERS or spec or conversion):
            shown = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            raise ValueError(f"unknown placeholder '{shown}'")
        parts.append((literal, name))
    return parts


def _message_problem(p: str, lines, message: str) -> CheckerError | None:
    try:
        message_parts(message)
    except ValueError as exc:
        return CheckerError(f"'message': {exc}", path=p, line=lines.get("message"),
                            hint="allowed placeholders: " + " ".join("{" + n + "}" for n in PLACEHOLDERS)
                            + "; write {{ and }} for braces")
    return None


def _range_problem(p: str, lines, key: str, value, spec) -> CheckerError | None:
    """A parameter outside the range its comparator declares (NaN and infinity never fit)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    low, high = spec.low, spec.high
    if low is not None and high is not None:
        want = f"between {low} and {high}"
    elif low is not None:
        want = f"at least {low}"
    elif high is not None:
        want = f"at most {high}"
    else:
        want = "a finite number"
    bad = (isinstance(value, float) and not math.isfinite(value)) or \
        (low is not None and value < low) or (high is not None and value > high)
    if not bad:
        return None
    shown = value if isinstance(value, float) or abs(value) < 10 ** 20 else f"a {len(str(abs(value)))}-digit number"
    return CheckerError(f"parameter '{key}' must be {want}, not {shown}", path=p, line=lines.get("params"))


def parse_rule(path: Path, data: Any, lines: dict[str, int]) -> Rule:
    """The rule of one file; every problem of the file is reported at once."""
    p = str(path)
    if not isinstance(data, dict):
        raise CheckerError("a rule file must be a mapping of keys (id, kinds, comparator, ...)", path=p)
    problems: list[CheckerError | None] = []
    for key in data:
        if key not in RULE_KEYS:
            problems.append(CheckerError(f"unknown key '{key}'", path=p, line=lines.get(str(key)),
                                         hint=_closest(key, RULE_KEYS)))
    for key in ("id", "kinds", "comparator"):
        if key not in data:
            problems.append(CheckerError(f"missing required key '{key}'", path=p,
                                         hint="a rule needs id, kinds and comparator"))
    if "id" in data:
        bad_id = _type_problem(p, lines, "id", data["id"], str, "text")
        if bad_id is None and not RULE_ID.fullmatch(data["id"]):
            bad_id = CheckerError(f"rule id {data['id']!r} is not a plain name", path=p, line=lines.get("id"),
                                  hint="letters, digits, '.', '_' and '-', starting with a letter or digit")
        problems.append(bad_id)
    kinds = data.get("kinds", [])
    if isinstance(kinds, str):
        kinds = [kinds]
    bad_kinds = _type_problem(p, lines, "kinds", kinds, list, "a list of kinds")
    problems.append(bad_kinds)
    for kind in kinds if bad_kinds is None else []:
        if not isinstance(kind, str) or kind not in KINDS:
            problems.append(CheckerError(f"unknown kind '{kind}'", path=p, line=lines.get("kinds"),
                                         hint=_closest(kind, KINDS)))
    comparator = None
    if "comparator" in data:
        name = data["comparator"]
        bad_name = _type_problem(p, lines, "comparator", name, str, "the name of a comparator")
        problems.append(bad_name)
        if bad_name is None and name not in REGISTRY:
            problems.append(CheckerError(f"unknown comparator '{name}'", path=p, line=lines.get("comparator"),
                                         hint=_closest(name, sorted(REGISTRY))))
        elif bad_name is None:
            comparator = REGISTRY[name]
    params = data.get("params") or {}
    bad_params = _type_problem(p, lines, "params", params, dict, "a mapping")
    problems.append(bad_params)
    if comparator is not None and bad_params is None:
        for key, value in params.items():
            if key not in comparator.params:
                allowed = sorted(comparator.params) or ["(none)"]
                problems.append(CheckerError(f"comparator '{comparator.name}' has no parameter '{key}'",
                                             path=p, line=lines.get("params"), hint=_closest(key, allowed)))
                continue
            spec = comparator.params[key]
            bad = _type_problem(p, lines, f"params.{key}", value, spec.type,
                                " or ".join(t.__name__ for t in _tuple(spec.type)))
            problems.append(bad or _range_problem(p, lines, key, value, spec))
    level = data.get("level", "error")
    if not isinstance(level, str) or level not in LEVELS:
        problems.append(CheckerError(f"unknown level '{level}'", path=p, line=lines.get("level"),
                                     hint="allowed: " + ", ".join(LEVELS)))
    for key in ("message", "description", "link"):
        if key in data:
            bad = _type_problem(p, lines, key, data[key], str, "text")
            if bad is None and key == "message":
                bad = _message_problem(p, lines, data[key])
            problems.append(bad)
    examples = data.get("examples") or {}
    bad_examples = _type_problem(p, lines, "examples", examples, dict,
                                 "a mapping with 'agree' and 'disagree' lists")
    problems.append(bad_examples)
    for key, cases in examples.items() if bad_examples is None else []:
        if key not in EXAMPLE_KEYS:
            problems.append(CheckerError(f"unknown examples key '{key}'", path=p, line=lines.get("examples"),
                                         hint=_closest(key, EXAMPLE_KEYS)))
            continue
        bad = _type_problem(p, lines, "examples", cases, list, "a list of cases")
        problems.append(bad)
        for case in cases if bad is None else []:
            if not (isinstance(case, list) and len(case) >= 2 and all(isinstance(c, str) for c in case)):
                problems.append(CheckerError(f"each '{key}' example must be a list of two or more texts",
                                             path=p, line=lines.get("examples")))
                break
    # by line, as a linter lists them (a missing key, with no line, first)
    raise_all(sorted((e for e in problems if e is not None), key=lambda e: e.line or 0))
    merged = {k: spec.default for k, spec in comparator.params.items()} | params
    return Rule(id=data["id"], kinds=tuple(kinds), comparator=comparator.name, params=merged,
                level=level, message=data.get("message", ""),
                description=data.get("description", ""), link=data.get("link", ""),
                examples={k: tuple(tuple(c) for c in v) for k, v in examples.items()}, path=p)


def parse_lexicon(path: Path, data: Any, lines: dict[str, int]) -> Lexicon:
    p = str(path)
    if not isinstance(data, dict):
        raise CheckerError("a lexicon file must be a mapping", path=p)
    problems = []
    for key, value in data.items():
        if key not in LEXICON_KEYS:
            problems.append(CheckerError(f"unknown key '{key}'", path=p, line=lines.get(str(key)),
                                         hint=_closest(key, LEXICON_KEYS)))
            continue
        want = (list,) if key in ("measures", "stopwords", "qualifiers", "per_units", "generic_nouns") \
            or FACT_KEYS.get(key) in ("list", "groups") else (dict,)
        if value is not None and not isinstance(value, want):
            problems.append(CheckerError(f"'{key}' must be a {'list' if want == (list,) else 'mapping'}",
                                         path=p, line=lines.get(key)))
        elif isinstance(value, dict):
            for k, v in value.items():
                if not isinstance(v, list):
                    problems.append(CheckerError(f"'{key}.{k}' must be a list of words", path=p,
                                                 line=lines.get(key)))
    for key, value in data.items():  # YAML reads a bare on, no, yes or off as true or false
        if key in LEXICON_KEYS and _holds_bool(value):
            problems.append(CheckerError(f"'{key}' holds a yes/no value, not a word: quote words such as "
                                         f"\"on\", \"no\", \"yes\" and \"off\"", path=p, line=lines.get(str(key))))
    raise_all(problems)
    return Lexicon.from_data(data)


def _holds_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return True
    if isinstance(value, dict):
        return any(isinstance(k, bool) or _holds_bool(v) for k, v in value.items())
    return isinstance(value, list) and any(_holds_bool(v) for v in value)


def _rule_files(folder: Path) -> list[Path]:
    if not folder.exists():
        raise CheckerError("no such rules folder", path=str(folder))
    if folder.is_file():
        return [folder]
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def load_rules(extra: Iterable[str | Path] = (), builtin: bool = True) -> RuleSet:
    """Built-in rules, then each extra folder (a rule with the same id replaces;
    two files of one folder with one id are an error). Every file is checked
    and every problem reported at once (one line each)."""
    folders = ([builtin_dir()] if builtin else []) + [Path(f) for f in extra]
    rules: dict[str, Rule] = {}
    lexicon = Lexicon()
    problems: list[CheckerError] = []
    for folder in folders:
        here: dict[str, Rule] = {}
        try:
            files = _rule_files(folder)
        except CheckerError as exc:
            problems.append(exc)
            continue
        for path in files:
            try:
                data, lines = _read_yaml(path)
                if path.stem.startswith("lexicon"):
                    lexicon = lexicon.merged(parse_lexicon(path, data, lines))
                    continue
                rule = parse_rule(path, data, lines)
            except CheckerError as exc:
                problems += problems_of(exc)
                continue
            if rule.id in here:
                problems.append(CheckerError(f"rule id '{rule.id}' is also the id of {here[rule.id].path}",
                                             path=rule.path, line=lines.get("id"),
                                             hint="one file per rule id in a folder; rename one"))
                continue
            here[rule.id] = rules[rule.id] = rule
    raise_all(problems)
    _check_coverage(rules.values())
    ordered = tuple(sorted(rules.values(), key=lambda r: r.id))
    return RuleSet(rules=ordered, lexicon=lexicon)


def _check_coverage(rules: Iterable[Rule]) -> None:
    seen: dict[tuple[str, bool], Rule] = {}
    for rule in rules:
        for kind in rule.kinds:
            key = (kind, rule.single_source)
            if key in seen:
                other = seen[key]
                raise CheckerError(
                    f"kind '{kind}' is already decided by rule '{other.id}' ({other.path})",
                    path=rule.path, hint="give the rule the same id to override it, or drop the kind")
            seen[key] = rule
