"""A progress bar on standard error for long runs (many stories, or hundreds of
sources), drawn only when standard error is a terminal and erased at the end,
so logs, pipes and CI never see it."""

from __future__ import annotations

import shutil
import sys
import time

from checker.terminal import printable

LONG_STORIES = 10    # a run of this many stories shows a bar
LONG_SOURCES = 200   # so does a run of more articles than this
STAGES = ("load", "extract", "align", "rules")  # the steps of one story (pipeline.check)


class Progress:
    """``advance(what)`` after each step; ``close()`` erases the bar."""

    def __init__(self, total: int, stream=None, label: str = "checking"):
        self.total, self.done, self.label = max(total, 1), 0, label
        self.stream = stream or sys.stderr
        self._last = 0.0
        self._drawn = False

    def advance(self, what: str = "", n: int = 1) -> None:
        self.done = min(self.done + n, self.total)
        now = time.monotonic()
        if now - self._last >= 0.1 or self.done == self.total:  # at most ten redraws a second
            self._last = now
            self._draw(what)

    def _draw(self, what: str) -> None:
        width = shutil.get_terminal_size((80, 24)).columns
        bar_width = max(10, min(30, width // 3))
        filled = bar_width * self.done // self.total
        text = (f"{self.label} [{'#' * filled}{'-' * (bar_width - filled)}] "
                f"{self.done}/{self.total} {printable(what)}")
        self.stream.write("\r" + text[: width - 1] + "\x1b[K")
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


class NoProgress:
    def advance(self, what: str = "", n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


def for_run(stories: int, sources: int, stream=None) -> Progress | NoProgress:
    """A bar when the run is long and ``stream`` (standard error) is a terminal."""
    stream = stream or sys.stderr
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    if not tty or (stories < LONG_STORIES and sources <= LONG_SOURCES):
        return NoProgress()
    return Progress(stories * (len(STAGES) + 1), stream)
