"""Rule files: load, validate (file:line errors before any work), and look up.

A rule is a small YAML file naming a comparator registered in
``checker.rules.comparators`` with its parameters. ``lexicon*.yaml`` files in
the same folders hold the lexicon (synonyms, aliases, measure words).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from checker import yamlsafe
from checker.errors import CheckerError
from checker.lexicon import Lexicon
from checker.rules.comparators import REGISTRY
from checker.schema import KINDS

LEVELS = ("error", "warning", "info")
_TOP_KEY = re.compile(r"""^["']?([^\s:#"'][^:#"']*?)["']?\s*:(?:\s|$)""")
RULE_KEYS = ("id", "kinds", "comparator", "params", "level", "message",
             "description", "link", "examples")
LEXICON_KEYS = ("synonyms", "aliases", "measures", "stopwords")
EXAMPLE_KEYS = ("agree", "disagree")


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
    match = difflib.get_close_matches(str(word), list(options), n=1, cutoff=0.5)
    return f"did you mean '{match[0]}'?" if match else "allowed: " + ", ".join(options)


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


def _check_type(path, lines, key, value, types, what):
    if not isinstance(value, types) or (isinstance(value, bool) and bool not in _tuple(types)):
        raise CheckerError(f"'{key}' must be {what}, not {type(value).__name__}",
                           path=str(path), line=lines.get(key.split(".")[0]))


def _tuple(types):
    return types if isinstance(types, tuple) else (types,)


def parse_rule(path: Path, data: Any, lines: dict[str, int]) -> Rule:
    p = str(path)
    if not isinstance(data, dict):
        raise CheckerError("a rule file must be a mapping of keys (id, kinds, comparator, ...)", path=p)
    for key in data:
        if key not in RULE_KEYS:
            raise CheckerError(f"unknown key '{key}'", path=p, line=lines.get(str(key)),
                               hint=_closest(key, RULE_KEYS))
    for key in ("id", "kinds", "comparator"):
        if key not in data:
            raise CheckerError(f"missing required key '{key}'", path=p, hint="a rule needs id, kinds and comparator")
    _check_type(p, lines, "id", data["id"], str, "text")
    kinds = data["kinds"]
    if isinstance(kinds, str):
        kinds = [kinds]
    _check_type(p, lines, "kinds", kinds, list, "a list of kinds")
    for kind in kinds:
        if kind not in KINDS:
            raise CheckerError(f"unknown kind '{kind}'", path=p, line=lines.get("kinds"),
                               hint=_closest(kind, KINDS))
    name = data["comparator"]
    _check_type(p, lines, "comparator", name, str, "the name of a comparator")
    if name not in REGISTRY:
        raise CheckerError(f"unknown comparator '{name}'", path=p, line=lines.get("comparator"),
                           hint=_closest(name, sorted(REGISTRY)))
    comparator = REGISTRY[name]
    params = data.get("params") or {}
    _check_type(p, lines, "params", params, dict, "a mapping")
    for key, value in params.items():
        if key not in comparator.params:
            allowed = sorted(comparator.params) or ["(none)"]
            raise CheckerError(f"comparator '{name}' has no parameter '{key}'", path=p,
                               line=lines.get("params"), hint=_closest(key, allowed))
        spec = comparator.params[key]
        _check_type(p, lines, f"params.{key}", value, spec.type,
                    " or ".join(t.__name__ for t in _tuple(spec.type)))
    level = data.get("level", "error")
    if level not in LEVELS:
        raise CheckerError(f"unknown level '{level}'", path=p, line=lines.get("level"),
                           hint="allowed: " + ", ".join(LEVELS))
    for key in ("message", "description", "link"):
        if key in data:
            _check_type(p, lines, key, data[key], str, "text")
    examples = data.get("examples") or {}
    _check_type(p, lines, "examples", examples, dict, "a mapping with 'agree' and 'disagree' lists")
    for key, cases in examples.items():
        if key not in EXAMPLE_KEYS:
            raise CheckerError(f"unknown examples key '{key}'", path=p, line=lines.get("examples"),
                               hint=_closest(key, EXAMPLE_KEYS))
        _check_type(p, lines, "examples", cases, list, "a list of cases")
        for case in cases:
            if not (isinstance(case, list) and len(case) >= 2 and all(isinstance(c, str) for c in case)):
                raise CheckerError(f"each '{key}' example must be a list of two or more texts",
                                   path=p, line=lines.get("examples"))
    merged = {k: spec.default for k, spec in comparator.params.items()} | params
    return Rule(id=data["id"], kinds=tuple(kinds), comparator=name, params=merged,
                level=level, message=data.get("message", ""),
                description=data.get("description", ""), link=data.get("link", ""),
                examples={k: tuple(tuple(c) for c in v) for k, v in examples.items()}, path=p)


def parse_lexicon(path: Path, data: Any, lines: dict[str, int]) -> Lexicon:
    p = str(path)
    if not isinstance(data, dict):
        raise CheckerError("a lexicon file must be a mapping", path=p)
    for key, value in data.items():
        if key not in LEXICON_KEYS:
            raise CheckerError(f"unknown key '{key}'", path=p, line=lines.get(str(key)),
                               hint=_closest(key, LEXICON_KEYS))
        want = (list,) if key in ("measures", "stopwords") else (dict,)
        if value is not None and not isinstance(value, want):
            raise CheckerError(f"'{key}' must be a {'list' if want == (list,) else 'mapping'}",
                               path=p, line=lines.get(key))
        if isinstance(value, dict):
            for k, v in value.items():
                if not isinstance(v, list):
                    raise CheckerError(f"'{key}.{k}' must be a list of words", path=p, line=lines.get(key))
    return Lexicon.from_data(data)


def _rule_files(folder: Path) -> list[Path]:
    if not folder.exists():
        raise CheckerError("no such rules folder", path=str(folder))
    if folder.is_file():
        return [folder]
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def load_rules(extra: Iterable[str | Path] = (), builtin: bool = True) -> RuleSet:
    """Built-in rules, then each extra folder (a rule with the same id replaces)."""
    folders = ([builtin_dir()] if builtin else []) + [Path(f) for f in extra]
    rules: dict[str, Rule] = {}
    lexicon = Lexicon()
    for folder in folders:
        for path in _rule_files(folder):
            data, lines = _read_yaml(path)
            if path.stem.startswith("lexicon"):
                lexicon = lexicon.merged(parse_lexicon(path, data, lines))
            else:
                rule = parse_rule(path, data, lines)
                rules[rule.id] = rule
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
