"""Adversarial cases (issue 15): nothing lost, no gate fooled, no internal error.

Each test reproduces one defect through the CLI (in-process, or in a
subprocess where a kill or a second process is needed).
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from cli_helpers import (ARTICLE_A, ARTICLE_B, one_line_error, run, story_in,
                         subprocess_env, write)

NO_CLAIMS_A = "The board met on a rainy afternoon and talked at length.\n"
NO_CLAIMS_B = "Nobody said much, and the talks went on without a result.\n"


def files_below(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def story(tmp_path, monkeypatch):
    return story_in(tmp_path, monkeypatch, {"a.txt": ARTICLE_A, "b.txt": ARTICLE_B})


# ================================================================ data loss

@pytest.mark.parametrize("output", ["story/a.txt", "./story/../story/b.txt"])
def test_output_naming_an_input_article_is_refused(story, output):
    before = files_below(story / "story")
    err = one_line_error(run("check", "story", "-o", output), str(Path(output)), "input article")
    assert err.count("story/") >= 2  # both paths named
    assert files_below(story / "story") == before


def test_output_naming_an_input_given_as_a_file_or_by_a_link(story):
    os.symlink("story/a.txt", story / "alias.md")
    before = files_below(story / "story")
    one_line_error(run("check", "story/a.txt", "story/b.txt", "-o", "alias.md"), "alias.md", "story/a.txt")
    # with several formats FILE's suffix is replaced: story/b.md would be written next to b.txt,
    # but story/a.md is an article too
    write(story / "story" / "c.md", ARTICLE_A.replace("1998", "2001"))
    before = files_below(story / "story")
    one_line_error(run("check", "story", "--format", "json", "--format", "markdown", "-o", "story/c.json"),
                   "story/c.md", "input article")
    assert files_below(story / "story") == before


def test_output_naming_the_draft_is_refused(story):
    write(story / "draft.md", ARTICLE_A)
    one_line_error(run("check", "--draft", "draft.md", "story", "-o", "draft.md"), "draft.md", "input article")
    assert (story / "draft.md").read_text(encoding="utf-8") == ARTICLE_A


@pytest.mark.skipif(not hasattr(os, "mknod") or os.geteuid() != 0, reason="mknod needs root")
def test_output_to_a_character_device_writes_into_it(story):
    null = story / "null"
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a second /dev/null
    code, out, err = run("check", "story", "-o", "null")
    assert code == 1, out + err
    assert stat.S_ISCHR(null.stat().st_mode), "the device was replaced by a regular file"
    assert [p.name for p in story.iterdir() if p.name.startswith(".")] == []


def test_output_dev_null_stays_a_device(story):
    code, out, err = run("check", "story", "-o", os.devnull)
    assert code == 1, out + err
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs fifos")
def test_output_to_a_fifo_is_refused(story):
    os.mkfifo(story / "pipe")
    one_line_error(run("check", "story", "-o", "pipe"), "pipe", "not a regular file")
    assert stat.S_ISFIFO((story / "pipe").stat().st_mode)


def test_a_reports_folder_inside_the_story_is_never_read_back(story, monkeypatch):
    monkeypatch.chdir(story / "story")
    first = run("check", ".")
    second = run("check", ".")
    assert first[0] == second[0] == 1, first[1] + second[1]
    assert "2 sources" in first[1] and "2 sources" in second[1], second[1]
    assert (story / "story" / "reports").is_dir()


def test_config_sources_dot_never_reads_the_reports_back(story, monkeypatch):
    monkeypatch.chdir(story / "story")
    write(story / "story" / "checker.toml", '[checker]\nsources = ["."]\nformats = ["markdown", "json"]\n')
    results = [run("check") for _ in range(2)]
    assert [r[0] for r in results] == [1, 1], results
    assert all("2 sources" in r[1] for r in results), results


def test_a_report_written_into_the_story_folder_is_skipped_with_a_note(story):
    code, out, err = run("check", "story", "-o", "story/report.md")
    assert code == 1, out + err
    code, out, err = run("check", "story", "-o", "out.md")
    assert code == 1 and "2 sources" in out, out + err
    assert "story/report.md" in out and "report checker wrote" in out
    assert "report checker wrote" in (story / "out.md").read_text(encoding="utf-8")


def test_a_report_given_as_an_article_is_refused(story):
    run("check", "story", "-o", "r.md")
    one_line_error(run("check", "story/a.txt", "r.md"), "r.md", "report checker wrote")


def test_index_is_marked_too(many):
    code, out, err = run("check")
    assert code == 1, out + err
    index = (many / "reports" / "README.md").read_text(encoding="utf-8")
    code, out, err = run("check", "reports")
    one_line_error((code, out, err), "reports", "only reports checker wrote")
    assert index == (many / "reports" / "README.md").read_text(encoding="utf-8")


# ---------------------------------------------------------------- many stories: one set

@pytest.fixture
def many(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "checker.toml",
          '[checker]\nstories = ["stories/*"]\nformats = ["markdown", "json", "sarif"]\n')
    for name in ("alpha", "beta", "gamma"):
        write(tmp_path / "stories" / name / "a.txt", ARTICLE_A)
        write(tmp_path / "stories" / name / "b.txt", ARTICLE_B)
    return tmp_path


def _report_set(many: Path) -> dict[str, bytes]:
    return files_below(many / "reports")


def test_a_bad_article_in_a_later_story_writes_nothing(many):
    assert run("check")[0] == 1
    before = _report_set(many)
    for name in ("alpha", "beta"):
        write(many / "stories" / name / "b.txt", ARTICLE_B.replace("1999", "2001"))
    write(many / "stories" / "gamma" / "c.txt", b"\x00\x01binary")
    one_line_error(run("check"), "stories/gamma/c.txt", "binary")
    assert _report_set(many) == before


def test_disk_full_on_the_third_file_keeps_the_whole_previous_set(many, monkeypatch):
    assert run("check")[0] == 1
    before = _report_set(many)
    for name in ("alpha", "beta", "gamma"):
        write(many / "stories" / name / "b.txt", ARTICLE_B.replace("1999", "2001"))
    real = os.fsync
    calls = []

    def full(fd):
        calls.append(fd)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real(fd)

    monkeypatch.setattr("checker.report_set.os.fsync", full)
    one_line_error(run("check"), "No space left on device")
    monkeypatch.setattr("checker.report_set.os.fsync", real)
    assert _report_set(many) == before  # no temporary files left, nothing replaced


def test_reports_and_index_are_written_as_one_set(many):
    code, out, err = run("check")
    assert code == 1, out + err
    assert sorted(_report_set(many)) == ["README.md", "alpha.claims.md", "alpha.json", "alpha.md", "alpha.sarif",
                                         "beta.claims.md", "beta.json", "beta.md", "beta.sarif",
                                         "gamma.claims.md", "gamma.json", "gamma.md", "gamma.sarif"]


def test_leftover_temp_files_are_removed_by_the_next_run_at_once(many):
    assert run("check")[0] == 1
    leftover = many / "reports" / ".beta.json.abc123.tmp"
    leftover.write_text("half a report of a killed run", encoding="utf-8")
    assert run("check")[0] == 1
    assert not leftover.exists()


KILL_AT_RENAME = textwrap.dedent("""
    import os, signal, sys
    real = os.replace
    count = []

    def replace(src, dst, *a, **k):
        real(src, dst, *a, **k)
        if str(dst).endswith((".md", ".json", ".sarif")):
            count.append(dst)
            if len(count) == int(sys.argv[1]):
                os.kill(os.getpid(), signal.SIGKILL)

    os.replace = replace
    from checker.cli import main
    main(sys.argv[2:])
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_kill_between_renames_is_completed_by_the_next_run(many):
    """Killed after two of the ten renames: the next run, even one that fails on
    its input, first completes the killed run's set."""
    assert run("check")[0] == 1
    for name in ("alpha", "beta", "gamma"):
        write(many / "stories" / name / "b.txt", ARTICLE_B.replace("1999", "2001"))
    script = write(many / "kill.py", KILL_AT_RENAME)
    proc = subprocess.run([sys.executable, str(script), "2", "check"], cwd=many, env=subprocess_env(),
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    write(many / "stories" / "gamma" / "c.txt", b"\x00\x01binary")
    one_line_error(run("check"), "binary")
    reports = _report_set(many)
    assert [n for n in reports if n.startswith(".")] == []
    for name in ("alpha", "beta", "gamma"):
        for ext in ("md", "json", "sarif"):
            assert b"2001" in reports[f"{name}.{ext}"], f"{name}.{ext} is from the older run"


HOLD_LOCK = textwrap.dedent("""
    import fcntl, os, sys, time
    fd = os.open(sys.argv[1], os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    print("locked", flush=True)
    sys.stdin.readline()
""")


@pytest.mark.skipif(sys.platform == "win32", reason="needs flock")
def test_a_concurrent_run_waits_for_the_set_being_written(many):
    assert run("check")[0] == 1
    before = _report_set(many)
    write(many / "stories" / "beta" / "b.txt", ARTICLE_B.replace("1999", "2001"))
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(many / "reports")],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        proc = subprocess.Popen([sys.executable, "-m", "checker", "check"], cwd=many, env=subprocess_env(),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(4)  # long enough to render; it must be waiting for the lock
        assert proc.poll() is None, proc.communicate()
        assert _report_set(many) == before
    finally:
        holder.communicate("\n", timeout=30)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 1, out + err
    assert b"2001" in (many / "reports" / "beta.md").read_bytes()


# ================================================================ internal errors

@pytest.mark.parametrize("args", [(), ("--format", "markdown", "--format", "json", "--format", "sarif",
                                        "--format", "github")])
def test_a_story_without_claims_just_works(story, args):
    write(story / "empty" / "a.txt", NO_CLAIMS_A)
    write(story / "empty" / "b.txt", NO_CLAIMS_B)
    code, out, err = run("check", "empty", "-o", "r.md", *args)
    assert code == 0, out + err
    assert "nothing checkable" in out
    assert "nothing checkable" in (story / "r.md").read_text(encoding="utf-8")


def test_a_draft_without_claims_just_works(story):
    write(story / "empty" / "a.txt", NO_CLAIMS_A)
    write(story / "draft.md", NO_CLAIMS_B)
    code, out, err = run("check", "--draft", "draft.md", "empty", "-o", "r.md")
    assert code == 0, out + err
    assert "nothing checkable" in (story / "r.md").read_text(encoding="utf-8")
    # and a draft named in the story folder by its role
    write(story / "empty" / "d.md", "---\nrole: draft\n---\n" + NO_CLAIMS_B)
    code, out, err = run("check", "empty", "-o", "r2.md")
    assert code == 0, out + err


@pytest.mark.parametrize("fmt", ["markdown", "json", "sarif", "github"])
def test_a_non_utf8_file_name_just_works(story, fmt):
    folder = os.fsencode(story / "story")
    with open(folder + b"/c\xffd.txt", "wb") as fh:
        fh.write(ARTICLE_A.replace("1998", "1997").encode())
    code, out, err = run("check", "story", "--format", fmt, "-o", "-" if fmt != "github" else "r.md")
    assert code == 1, out + err
    assert "xffd" in out
    out.encode("utf-8"), err.encode("utf-8")  # printable: no lone surrogate reaches the terminal


def test_a_non_utf8_story_folder_name_just_works(story):
    folder = os.fsencode(story) + b"/st\xfery"
    os.mkdir(folder)
    for name, text in (("a.txt", ARTICLE_A), ("b.txt", ARTICLE_B)):
        with open(folder + b"/" + name.encode(), "wb") as fh:
            fh.write(text.encode())
    code, out, err = run("check", os.fsdecode(folder), "--format", "markdown", "--format", "json",
                         "--format", "sarif", "--format", "github")
    assert code == 1, out + err
    assert "st\\xfery" in out
    out.encode("utf-8"), err.encode("utf-8")
    for suffix in (".json", ".sarif"):
        json.loads((story / "reports" / ("st\\xfery" + suffix)).read_text(encoding="utf-8"))


def test_a_self_referencing_symlink_is_one_line(story):
    os.symlink("loop.txt", story / "loop.txt")
    one_line_error(run("check", "loop.txt", "story/a.txt"), "loop.txt")
    os.symlink("loop.txt", story / "story" / "loop.txt")
    code, out, err = run("check", "story")  # inside a folder: not an article, skipped
    assert code == 1, out + err


def test_huge_integers_in_toml_front_matter(story):
    write(story / "story" / "c.md", f"+++\nwords = {'9' * 5000}\n+++\n" + ARTICLE_A)
    one_line_error(run("check", "story"), "story/c.md", "digits")


def test_huge_integers_in_yaml_front_matter(story):
    write(story / "story" / "c.md", f"---\nwords: {'9' * 5000}\n---\n" + ARTICLE_A)
    one_line_error(run("check", "story"), "story/c.md")


def test_huge_integers_in_the_config(story):
    write(story / "checker.toml", f"[checker]\nmax_bytes = {'9' * 5000}\n")
    one_line_error(run("check", "story"), "checker.toml", "digits")


def test_max_bytes_at_the_int64_limit_just_works(story):
    code, out, err = run("check", "story", "--max-bytes", "9223372036854775807")
    assert code == 1, out + err
    write(story / "checker.toml", "[checker]\nmax_bytes = 9223372036854775807\n")
    code, out, err = run("check", "story")
    assert code == 1, out + err


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


def test_output_with_a_300_character_name(story):
    name = "a" * 300 + ".md"
    one_line_error(run("check", "story", "-o", name), "too long")


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


# ================================================================ arguments

def test_argument_order_does_not_change_the_report(story):
    write(story / "story" / "c.txt", ARTICLE_A.replace("1998", "1997"))
    one = run("check", "story/a.txt", "story/b.txt", "story/c.txt", "--format", "markdown",
              "--format", "json", "-o", "one.md")
    two = run("check", "story/c.txt", "story/a.txt", "story/b.txt", "--format", "markdown",
              "--format", "json", "-o", "two.md")
    assert one[0] == two[0] == 1
    for ext in ("md", "claims.md", "json"):  # the report names its statement-table file: one. / two.
        assert (story / f"one.{ext}").read_bytes() == \
            (story / f"two.{ext}").read_bytes().replace(b"`two.claims.md`", b"`one.claims.md`"), ext


@pytest.mark.parametrize("output", ["out/", "out" + os.sep + ".", "."])
def test_output_naming_a_folder_is_refused(story, output):
    one_line_error(run("check", "story", "-o", output), "folder")
    assert not (story / "out").exists()


def test_changed_since_empty_is_an_error(story):
    one_line_error(run("check", "story", "--changed-since", ""), "--changed-since")
    assert not (story / "reports").exists()
