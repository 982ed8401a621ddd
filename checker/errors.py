"""Exit codes and the one error type the CLI turns into a one-line message."""

from __future__ import annotations

import re

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class CheckerError(Exception):
    """A user-facing error: bad input, bad rule file, bad config.

    Rendered as ``checker: error: <path>[:<line>]: <message> (<hint>)``.
    """

    def __init__(self, message: str, path: str | None = None,
                 line: int | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.hint = hint

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}{self.message}{hint}"


def too_many_digits(err: ValueError) -> str:
    """Python refuses to read integers of more than 4,300 digits; say so in a few words."""
    found = re.search(r"value has (\d+) digits", str(err))
    return f"a number has {found.group(1)} digits (at most 4,300)" if found else str(err)


class CheckerErrors(CheckerError):
    """Several problems found in one pass (every rule and config file is
    checked before any work); the CLI prints each on its own line."""

    def __init__(self, errors: list[CheckerError]):
        self.errors = list(errors)
        first = self.errors[0]
        super().__init__(first.message, first.path, first.line, first.hint)

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)


def problems_of(exc: CheckerError) -> list[CheckerError]:
    """The single problems of an error (one, or each of a CheckerErrors)."""
    return list(getattr(exc, "errors", None) or [exc])


def raise_all(errors: list[CheckerError]) -> None:
    """Raise nothing for no errors, the error itself for one, CheckerErrors for more."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise CheckerErrors(errors)
