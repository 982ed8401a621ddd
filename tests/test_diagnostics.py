"""Terminal diagnostics through the real CLI: FILE:LINE:COL: LEVEL: MESSAGE [RULE],
colour only on a terminal (NO_COLOR, --color), --quiet, -v, and the progress
bar on standard error only when it is a terminal."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from checker.terminal import use_color

from cli_helpers import run, write
from terminal_helpers import run_on_tty

DIAGNOSTIC = re.compile(r"(?P<file>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?P<level>error|warning|info): "
                        r"(?P<message>.+) \[(?P<rule>[\w.-]+)\]")
SGR = re.compile(r"\x1b\[[0-9;]*m")

# Six outlets on one story; d, e and f each differ from the other five on one figure.
ARTICLE = ("Harbor Foods agreed to buy Lindqvist Dairy for {amount}, the companies said.\n"
           "Lindqvist Dairy was founded in {year} in Uppsala.\n"
           "The dairy employs {staff} people at three plants.\n"
           "Harbor Foods shares rose {pct} after the announcement.\n")
VALUES = {"a": ("$2.4 billion", "1962", "1,850", "4%"), "b": ("$2.4 billion", "1962", "1,850", "4%"),
          "c": ("$2.4 billion", "1962", "1,850", "4%"), "d": ("$2.4 billion", "1964", "1,850", "4%"),
          "e": ("$2.4 billion", "1962", "1,580", "4%"), "f": ("$2.9 billion", "1962", "1,850", "4%")}


def six_sources(folder: Path) -> Path:
    for name, (amount, year, staff, pct) in VALUES.items():
        write(folder / f"{name}.md", ARTICLE.format(amount=amount, year=year, staff=staff, pct=pct))
    return folder


@pytest.fixture
def story(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    six_sources(tmp_path / "harbor")
    return tmp_path


def diagnostics(out: str) -> list[re.Match]:
    return [m for m in map(DIAGNOSTIC.fullmatch, out.splitlines()) if m]


def test_one_line_per_failing_finding_on_the_outlier_then_the_summary(story):
    code, out, err = run("check", "harbor", "--color", "never")
    assert code == 1 and err == ""
    lines = out.splitlines()
    found = diagnostics(out)
    assert len(found) == 3 == len(lines) - 1  # three diagnostics, then the summary line
    assert lines[-1].startswith("checker: 6 sources, ") and "3 discrepancies" in lines[-1]
    # by file: the outlier's file, line and column (1-based, counted by hand)
    where = [(m["file"], int(m["line"]), int(m["col"]), m["level"], m["rule"]) for m in found]
    assert where == [("harbor/d.md", 2, 32, "error", "date-value"),      # "Lindqvist Dairy was founded in " + 1
                     ("harbor/e.md", 3, 19, "error", "count-value"),     # "The dairy employs " + 1
                     ("harbor/f.md", 1, 48, "error", "money-amount")]    # "Harbor ... Dairy for " + 1
    # each names its own value and every other source's
    assert found[0]["message"].endswith(": 1964 here, but a:2, b:2, c:2, e:2 and f:2 say 1962")
    assert found[1]["message"].endswith(": 1,580 people here, but a:3, b:3, c:3, d:3 and f:3 say 1,850 people")
    assert found[2]["message"].endswith(": $2.9 billion here, but a:1, b:1, c:1, d:1 and e:1 say $2.4 billion")


def test_summary_says_1_discrepancy_not_1_discrepancies(story):
    write(story / "two" / "a.md", ARTICLE.format(amount="$2.4 billion", year="1962", staff="1,850", pct="4%"))
    write(story / "two" / "b.md", ARTICLE.format(amount="$2.9 billion", year="1962", staff="1,850", pct="4%"))
    code, out, _ = run("check", "two")
    assert code == 1
    summary = out.splitlines()[-1]
    assert "1 discrepancy," in summary and "1 discrepancies" not in summary
    # by hand: 1962, 1,850 people, three plants, 4% and the outcome "shares rose"
    assert "5 agreements" in summary and "1 finding at or above the fail level" in summary
    assert "finding(s)" not in summary
    # two sources, no majority: the diagnostic is on the first source's claim
    [m] = diagnostics(out)
    assert (m["file"], m["line"], m["col"]) == ("two/a.md", "1", "48")
    assert m["message"].endswith("$2.4 billion here, but b:1 says $2.9 billion")


def test_quiet_prints_only_the_diagnostics(story):
    code, out, err = run("check", "harbor", "-q")
    assert code == 1 and err == ""
    assert len(out.splitlines()) == 3 and len(diagnostics(out)) == 3


def test_quiet_on_a_clean_story_prints_nothing(story):
    write(story / "calm" / "a.md", ARTICLE.format(amount="$2.4 billion", year="1962", staff="1,850", pct="4%"))
    write(story / "calm" / "b.md", ARTICLE.format(amount="$2.4 billion", year="1962", staff="1,850", pct="4%"))
    assert run("check", "calm", "--quiet") == (0, "", "")


def test_verbose_adds_agreements_and_single_source_claims(story):
    write(story / "harbor" / "g.md", "Lindqvist Dairy has 14 delivery trucks.\n")
    code, out, _ = run("check", "harbor", "-v")
    found = diagnostics(out)
    kinds = [m["message"].split(" ", 1)[0] for m in found]
    assert len([m for m in found if m["level"] == "error"]) == 3
    assert kinds.count("Agreement") == 3      # the 4% rise, the three plants, "shares rose"
    single = [m for m in found if m["message"].startswith("Single source")]
    assert [(m["file"], m["line"], m["col"], m["level"]) for m in single] == [("harbor/g.md", "1", "21", "info")]
    assert out.splitlines()[-1].startswith("checker: 7 sources")


def test_a_warning_level_finding_prints_only_at_its_fail_level(story):
    write(story / "q" / "a.md", '"We will keep every plant open," said Ann Berg, the chief executive.\n')
    write(story / "q" / "b.md", '"We will keep every single plant open," said Ann Berg, the chief executive.\n')
    code, out, _ = run("check", "q")
    assert code == 0 and diagnostics(out) == []
    code, out, _ = run("check", "q", "--fail-on", "warning")
    [m] = diagnostics(out)
    assert code == 1 and (m["level"], m["rule"], m["line"], m["col"]) == ("warning", "quote-wording", "1", "2")
    assert "“single” added" in m["message"]
    code, out, _ = run("check", "q", "-v")
    found = diagnostics(out)
    # the quote's wording, then Ann Berg's role (chief executive in both) agreeing
    assert code == 0 and [m["level"] for m in found] == ["warning", "info"]
    assert found[1]["rule"] == "role" and found[1]["message"].startswith("Agreement")


def test_colour_by_flag_and_never_on_a_pipe(story):
    code, out, _ = run("check", "harbor")  # standard output is not a terminal here
    assert "\x1b" not in out
    code, out, _ = run("check", "harbor", "--color", "always")
    assert "\x1b[1;31merror:\x1b[0m" in out and "\x1b[2m[money-amount]\x1b[0m" in out
    assert DIAGNOSTIC.fullmatch(SGR.sub("", out.splitlines()[0]))  # the same line without colour
    code, out, _ = run("check", "harbor", "--color", "never")
    assert "\x1b" not in out


class FakeTerminal(io.StringIO):
    def isatty(self):
        return True


@pytest.mark.parametrize("mode,env,tty,expected", [
    ("auto", {}, True, True), ("auto", {}, False, False),
    ("auto", {"NO_COLOR": "1"}, True, False), ("auto", {"TERM": "dumb"}, True, False),
    ("never", {}, True, False), ("always", {"NO_COLOR": "1"}, False, True),  # the flag wins
])
def test_when_to_colour(monkeypatch, mode, env, tty, expected):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    assert use_color(mode, FakeTerminal() if tty else io.StringIO()) is expected


def test_colour_on_a_real_terminal_unless_no_color(story):
    code, out, _ = run_on_tty(["check", "harbor"], story, tty="stdout")
    assert code == 1 and "\x1b[1;31merror:\x1b[0m" in out
    assert [DIAGNOSTIC.fullmatch(line) is not None for line in SGR.sub("", out).splitlines()] == [True] * 3 + [False]


def test_no_color_in_the_environment_through_the_cli(story, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b" not in run("check", "harbor")[1]
    assert "\x1b[1;31merror:\x1b[0m" in run("check", "harbor", "--color", "always")[1]


def test_a_hostile_file_name_is_escaped_before_colour(story):
    folder = story / "odd"
    write(folder / "a\x1b[2Jx.md", ARTICLE.format(amount="$2.9 billion", year="1962", staff="1,850", pct="4%"))
    write(folder / "b.md", ARTICLE.format(amount="$2.4 billion", year="1962", staff="1,850", pct="4%"))
    code, out, _ = run("check", "odd", "--color", "always")
    line = out.splitlines()[0]
    assert "\\x1b[2J" in line
    assert "\x1b" not in SGR.sub("", line)  # the only escape sequences are checker's colours


def test_a_path_starting_with_colons_cannot_become_a_workflow_command(story):
    folder = story / "::error::x"
    write(folder / "a.md", ARTICLE.format(amount="$2.9 billion", year="1962", staff="1,850", pct="4%"))
    write(folder / "b.md", ARTICLE.format(amount="$2.4 billion", year="1962", staff="1,850", pct="4%"))
    code, out, _ = run("check", "::error::x")
    assert code == 1
    assert not any(line.startswith("::") for line in out.splitlines())
    assert out.startswith("./::error::x/a.md:1:48: error: ")


def test_draft_diagnostics_point_at_the_draft(story):
    draft = write(story / "mine.md", "Lindqvist Dairy, founded in 1965, employs 1,850 people.\n")
    code, out, _ = run("check", "--draft", str(draft), "harbor")
    assert code == 1
    [m] = diagnostics(out)
    # "Lindqvist Dairy, founded in " is 28 characters
    assert (m["file"], m["line"], m["col"], m["level"]) == ("mine.md", "1", "29", "error")
    assert m["message"].endswith(": 1965 here, but a:2, b:2, c:2, e:2 and f:2 say 1962; d:2 says 1964")
    # -v: the supported claim and what the draft leaves out, each with a message
    code, out, _ = run("check", "--draft", str(draft), "harbor", "-v")
    found = diagnostics(out)
    assert len(found) == len(out.splitlines()) - 1
    left = [m for m in found if m["message"].startswith("Left out of the draft: ")]
    assert left and all(m["level"] == "info" and " say" in m["message"] for m in left)
    [disputed] = [m for m in found if m["level"] == "warning"]
    assert (disputed["line"], disputed["col"]) == ("1", "43")  # "1,850 people" in the draft
    assert disputed["message"].endswith(": 1,850 people here, as a:3, b:3, c:3, d:3 and f:3 say, "
                                        "but e:3 says 1,580 people (the sources disagree)")


def test_no_diagnostics_next_to_github_annotations(story):
    code, out, _ = run("check", "harbor", "--format", "github")
    assert code == 1 and diagnostics(out) == []
    assert len([line for line in out.splitlines() if line.startswith("::error ")]) == 3


def test_quiet_and_verbose_together_are_a_usage_error(story):
    code, out, err = run("check", "harbor", "-q", "-v")
    assert code == 2 and err.startswith("checker: error: --quiet and --verbose do not go together")


# ---------------------------------------------------------------- progress bar

def _many_stories(root: Path, n: int) -> None:
    write(root / "checker.toml", '[checker]\nstories = ["stories/*"]\n')
    for k in range(n):
        write(root / "stories" / f"s{k:02d}" / "a.md", "Acme paid $5 million for the mill.\n")
        write(root / "stories" / f"s{k:02d}" / "b.md", "Acme paid $5 million for the mill.\n")


def test_progress_bar_on_a_terminal_for_a_long_run(tmp_path):
    _many_stories(tmp_path, 10)
    code, out, err = run_on_tty(["check"], tmp_path, tty="stderr")
    assert code == 0, out + err
    assert re.search(r"\rchecking \[[#-]+\] \d+/50 s\d\d: ", err), repr(err[-300:])
    assert "checking [" + "#" * 30 + "] 50/50" in err  # it reaches the end
    assert err.endswith("\r\x1b[K")                   # and erases itself
    assert "checking [" not in out and out.count("\n") == 11  # ten summaries and the total


def test_no_progress_bar_when_standard_error_is_not_a_terminal(tmp_path, monkeypatch):
    _many_stories(tmp_path, 10)
    monkeypatch.chdir(tmp_path)
    code, out, err = run("check")  # in-process: standard error is not a terminal
    assert code == 0 and err == "" and "checking [" not in out


def test_a_bar_only_for_long_runs_on_a_terminal():
    from checker import progress
    assert isinstance(progress.for_run(10, 20, FakeTerminal()), progress.Progress)   # many stories
    assert isinstance(progress.for_run(1, 201, FakeTerminal()), progress.Progress)   # many articles
    assert isinstance(progress.for_run(9, 200, FakeTerminal()), progress.NoProgress)
    assert isinstance(progress.for_run(50, 5000, io.StringIO()), progress.NoProgress)  # not a terminal
    screen = FakeTerminal()
    bar = progress.Progress(4, screen)
    for step in ("a", "b", "c", "d"):
        bar.advance(step)
    bar.close()
    assert screen.getvalue().endswith("4/4 d\x1b[K\r\x1b[K")  # drawn complete, then erased
