"""Every YAML document checker reads — front matter, rule and lexicon files,
baselines — is loaded here, and only here.

The loader is PyYAML's safe one (no object is ever constructed from a tag),
with a budget checked while the document is composed, before any value is
built: a document is refused, with a one-line error naming the file, when

* it nests deeper than MAX_DEPTH (libyaml's C composer overflows the stack on
  brackets nested ~50,000 deep; the pure-Python one hits the recursion limit);
* it has more than MAX_ALIASES aliases (``*name``);
* its aliases would expand it by more than MAX_EXPANDED_NODES nodes or
  MAX_EXPANDED_CHARS characters of text (the "billion laughs": nine levels of
  nine aliases are 387 million strings once expanded);
* an alias refers to the node it is inside (a recursive structure).

An alias is counted by the size of what it stands for, not expanded, so the
check is linear in the length of the document. Events come from libyaml when
it is present (fast, and its parser is not recursive).
"""

from __future__ import annotations

from typing import Any, Callable

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, ScalarNode, SequenceNode
from yaml.resolver import Resolver

from checker.errors import CheckerError, too_many_digits

MAX_DEPTH = 100
MAX_ALIASES = 1_000
MAX_EXPANDED_NODES = 100_000
MAX_EXPANDED_CHARS = 1_000_000

try:
    from yaml.cyaml import CParser as _Parser
except ImportError:  # PyYAML without libyaml
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser):  # type: ignore[no-redef]
        def __init__(self, stream):
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)


class BudgetError(yaml.YAMLError):
    """The document is refused before it is expanded."""

    def __init__(self, problem: str, mark=None):
        super().__init__(problem)
        self.problem = problem
        self.problem_mark = mark


class TooDeep(BudgetError):
    pass


class BudgetLoader(Composer, _Parser, SafeConstructor, Resolver):
    """Python composer over the (C) parser's events, counting as it composes."""

    def __init__(self, stream):
        _Parser.__init__(self, stream)
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)
        self._sizes: dict[int, tuple[int, int]] = {}  # id(node) -> (nodes, characters)
        self._depth = 0
        self._aliases = 0
        self._expanded_nodes = 0
        self._expanded_chars = 0

    def compose_node(self, parent, index):
        if self.check_event(AliasEvent):
            mark = self.peek_event().start_mark
            node = super().compose_node(parent, index)
            self._alias(node, mark)
            return node
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise TooDeep(f"YAML nested more than {MAX_DEPTH} levels deep",
                              self.peek_event().start_mark)
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        self._sizes[id(node)] = _size(node, self._sizes)
        return node

    def _alias(self, node, mark) -> None:
        self._aliases += 1
        if self._aliases > MAX_ALIASES:
            raise BudgetError(f"more than {MAX_ALIASES:,} YAML aliases (*name): refused", mark)
        size = self._sizes.get(id(node))
        if size is None:  # the alias is inside the node it names
            raise BudgetError("a YAML alias refers to the node it is in (a recursive alias): refused",
                              mark)
        self._expanded_nodes += size[0]
        self._expanded_chars += size[1]
        if self._expanded_nodes > MAX_EXPANDED_NODES or self._expanded_chars > MAX_EXPANDED_CHARS:
            raise BudgetError("YAML aliases (*name) would expand the document beyond "
                              f"{MAX_EXPANDED_NODES:,} values or {MAX_EXPANDED_CHARS:,} characters "
                              "(an alias bomb?): refused", mark)


def _size(node, sizes: dict[int, tuple[int, int]]) -> tuple[int, int]:
    if isinstance(node, ScalarNode):
        return 1, len(node.value)
    if isinstance(node, SequenceNode):
        children = node.value
    elif isinstance(node, MappingNode):
        children = [n for pair in node.value for n in pair]
    else:
        return 1, 0
    nodes, chars = 1, 0
    for child in children:
        n, c = sizes.get(id(child), (1, 0))
        nodes += n
        chars += c
    return nodes, chars


def _load(text: str, compose: bool):
    loader = BudgetLoader(text)
    try:
        if compose:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
            return data, node
        return loader.get_single_data(), None
    finally:
        loader.dispose()


def load(text: str, where: str, *, syntax: str = "YAML syntax error",
         value: str = "bad value in YAML",
         hint: str = "check the indentation, quotes and brackets there",
         deep_hint: str | None = None,
         value_hint: str = "quote values that are not meant as dates or numbers",
         line: Callable[[int], int] = lambda n: n + 1, value_line: int | None = None,
         compose: bool = False) -> Any:
    """The data of the YAML document ``text`` (of the file ``where``), or a
    one-line CheckerError. ``syntax`` and ``value`` begin the message for a
    syntax error and for a value that cannot be built (with their hints);
    ``line`` maps a 0-based line of ``text`` to the file's line. With
    ``compose``, return (data, node): the node gives each value's line."""
    try:
        data, node = _load(text, compose)
    except TooDeep as exc:
        raise CheckerError("YAML nested too deeply", path=where, hint=deep_hint) from None
    except BudgetError as exc:
        raise CheckerError(exc.problem, path=where, line=_line(exc, line),
                           hint="write the values out, without anchors (&name) and aliases") from None
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or "invalid YAML"
        if "maximum nesting depth" in str(exc):  # libyaml's own limit (1,000 levels)
            raise CheckerError("YAML nested too deeply", path=where, hint=deep_hint) from None
        raise CheckerError(f"{syntax}: {problem}", path=where, line=_line(exc, line),
                           hint=hint) from None
    except RecursionError:
        raise CheckerError("YAML nested too deeply", path=where, hint=deep_hint) from None
    except (ValueError, TypeError, OverflowError) as exc:  # 2025-02-30; a number of 5,000 digits
        why = too_many_digits(exc) if isinstance(exc, ValueError) else str(exc)
        raise CheckerError(f"{value}: {why}", path=where, line=value_line, hint=value_hint) from None
    return (data, node) if compose else data


def _line(exc, line: Callable[[int], int]) -> int | None:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return line(mark.line) if mark is not None else None
