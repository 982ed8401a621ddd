"""The fuzzer of issue 15, kept as a bounded, derandomized hypothesis test.

Random stories — Unicode text mixed with number formats, quote marks, markup,
front matter, ignore comments, control characters and line ends, in several
encodings, under random file names — go through ``checker check`` (every
format) and ``checker extract``. Every input must give exit 0, 1 or 2, never
an internal error, and finish within PER_INPUT seconds (the inputs are far
under 100 KB). About 30 s in all.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from cli_helpers import run

PER_INPUT = 10.0  # seconds
EXAMPLES = int(os.environ.get("CHECKER_FUZZ_EXAMPLES", "120"))

NUMBERS = ["$3.2 billion", "US$3.5bn", "$12,500,000,000", "€4,5 Mrd.", "£1.2m", "¥300", "1,200",
           "1.200", "1 200", "12%", "12 percent", "12 per cent", "-5", "+7", "1e9", "0.000001",
           "9" * 40, "½", "3½", "٣٤", "１２３", "about 80", "nearly $100 billion", "more than 100",
           "up to $3 million", "between $1 billion and $2 billion", "dozens", "5-4", "1998", "'98",
           "the 1990s", "Oct. 14", "14 October 2025", "2024-03-11", "2025-02-30", "on Tuesday",
           "No. 3", "U.S.", "$97.4", "3.2bn", "two million", "a third", "first", "1/2", "10:30",
           "$", "%", "bn", "-", ".", ","]
QUOTES = ['"', "“", "”", "‘", "’", "'", "«", "»", "„", "‹", "›", "「", "」", "“We are thrilled,” Roe said.",
          "'Fine' she said", "“unclosed", "...", "…", "[sic]"]
MARKUP = ["\n---\n", "---\ntitle: x\n---\n", "+++\ntitle = 'x'\n+++\n", "<!-- checker: ignore=money-amount "
          'reason="house style" -->', "<!-- checker: ignore=nope -->", "<!--", "-->", "# ", "> ", "- ",
          "1. ", "|", "`", "```\n", "*", "_", "[x](https://e.example)", "<b>", "&amp;", "\\"]
WORDS = ["Acme", "Globex", "Corp", "said", "paid", "bid", "offer", "valued", "employs", "people",
         "founded", "in", "the", "a", "of", "Jane Roe", "Springfield", "shares", "rose", "fell", "deal"]
BREAKS = ["\n", "\r\n", "\r", "\n\n", " ", "\t", "\u2028", "\x85", "\x0c"]
CONTROLS = ["\x00", "\x1b[31m", "\x07", "\x9b", "\ufeff", "\u202e", "\u200b", "\x7f"]

piece = st.one_of(
    st.sampled_from(NUMBERS), st.sampled_from(QUOTES), st.sampled_from(MARKUP),
    st.sampled_from(WORDS), st.sampled_from(BREAKS), st.sampled_from(CONTROLS),
    st.text(max_size=12),
)
repeated = st.tuples(st.one_of(st.sampled_from(NUMBERS + QUOTES + MARKUP + BREAKS), st.text(max_size=8)),
                     st.integers(min_value=2, max_value=1500)).map(lambda t: t[0] * t[1])
article = st.lists(st.one_of(piece, piece, piece, repeated), min_size=1, max_size=60).map(" ".join)
name = st.text(st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)),
               min_size=1, max_size=24).filter(lambda n: n not in (".", ".."))
suffix = st.sampled_from([".txt", ".md", ".markdown", ".MD"])
encoding = st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"])


@st.composite
def stories(draw):
    n = draw(st.integers(min_value=1, max_value=3))
    files = {}
    for i in range(n):
        filename = f"{i}{draw(name)}{draw(suffix)}"
        text = draw(article)
        files[filename] = text.encode(draw(encoding), errors="replace")
    return files, draw(st.booleans()), draw(st.sampled_from(["check", "check", "draft", "extract"]))


def _write(folder: Path, name: str, data: bytes) -> bool:
    try:
        (folder / name).write_bytes(data)
    except (OSError, ValueError):  # a name the file system refuses (too long in bytes)
        return False
    return True


@settings(max_examples=EXAMPLES, deadline=PER_INPUT * 1000, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.filter_too_much])
@given(stories())
def test_random_stories_never_crash(case):
    files, as_folder, command = case
    with tempfile.TemporaryDirectory() as tmp:
        here = os.getcwd()
        os.chdir(tmp)
        try:
            story = Path(tmp, "story")
            story.mkdir()
            written = [n for n, data in files.items() if _write(story, n, data)]
            paths = ["story"] if as_folder or not written else [str(story / n) for n in written]
            if command == "extract":
                args = ["extract", *paths, "--format", "table"]
            else:
                args = ["check", *paths, "--format", "markdown", "--format", "json", "--format", "sarif",
                        "--format", "github", "-o", str(Path(tmp, "out", "r.md"))]
                if command == "draft" and written:
                    args[1:1] = ["--draft", str(story / written[0])]
            start = time.monotonic()
            code, out, err = run(*args)
            seconds = time.monotonic() - start
        finally:
            os.chdir(here)
    assert code in (0, 1, 2), (code, out[-500:], err[-500:])
    assert "internal error" not in err and "Traceback" not in err, err[-2000:]
    assert code != 2 or (err.startswith("checker: error: ") and "\n" not in err.rstrip("\n")), err
    assert seconds < PER_INPUT, f"{seconds:.1f} s"
    assert sum(len(d) for d in files.values()) < 100_000
