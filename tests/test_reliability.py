"""Reliability: reports written atomically, nothing but the reports written,
hostile text escaped, pathological input finishing in bounded time, YAML never
constructing objects, byte-identical output whatever the hash seed."""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml

import checker
from cli_helpers import run, story_in, subprocess_env, write

BOUND = 20  # seconds: every pathological run must finish within this

ARTICLE_A = (
    "Acme Corp agreed on Tuesday to buy Globex for $3.2 billion, the companies said.\n"
    "Acme was founded in 1998 by Jane Roe, who still runs it.\n"
    "Globex shares have dropped 12% this year as sales slowed.\n"
    "Globex employs 1,200 people at its plant in Springfield.\n"
    "“We are thrilled to welcome Globex to the family,” Roe said in a statement.\n"
)
ARTICLE_B = (
    "Globex will be acquired by Acme Corp in a US$3.5bn deal, the firms announced.\n"
    "Roe, who founded Acme in 1999, was upbeat.\n"
    "“We are thrilled to welcome Globex to the family,” she said.\n"
    "The company's stock has fallen 12 percent this year.\n"
    "Globex has 1,300 employees in Springfield.\n"
)


def snapshot(root: Path) -> dict[str, tuple[str, int]]:
    """relative path -> (sha256, mtime_ns) of every file below ``root``."""
    out = {}
    for p in sorted(root.rglob("*")):
        if p.is_file():
            out[p.relative_to(root).as_posix()] = (hashlib.sha256(p.read_bytes()).hexdigest(),
                                                    p.stat().st_mtime_ns)
    return out


@pytest.fixture
def story(tmp_path, monkeypatch):
    return story_in(tmp_path, monkeypatch, {"a.txt": ARTICLE_A, "b.txt": ARTICLE_B})


# ---------------------------------------------------------------- atomic writes

def _previous_report(story: Path) -> bytes:
    code, out, err = run("check", "story", "-o", "out/r.md")
    assert code in (0, 1), out + err
    old = (story / "out" / "r.md").read_bytes()
    assert old.startswith(b"# Consistency report")
    # the next run would write a different report
    write(story / "story" / "b.txt", ARTICLE_B.replace("1999", "2001"))
    return old


def _leftovers(folder: Path) -> list[str]:
    """Files beside the previous set (the report and its statement tables)."""
    return sorted(p.name for p in folder.iterdir() if p.name not in ("r.md", "r.claims.md"))


@pytest.mark.parametrize("where", ["render", "write", "fsync", "replace"])
def test_a_failed_run_keeps_the_previous_report(story, monkeypatch, where):
    old = _previous_report(story)

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    if where == "render":
        monkeypatch.setattr("checker.stories.render", lambda *a, **k: 1 / 0)
    elif where == "write":
        real = os.fdopen

        class Half:
            def __init__(self, fh):
                self.fh = fh

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.fh.close()

            def write(self, text):
                self.fh.write(text[: len(text) // 2])
                self.fh.flush()
                fail()

        monkeypatch.setattr("checker.report_set.os.fdopen", lambda *a, **k: Half(real(*a, **k)))
    elif where == "fsync":
        monkeypatch.setattr("checker.report_set.os.fsync", fail)
    else:
        monkeypatch.setattr("checker.report_set.os.replace", fail)
    code, out, err = run("check", "story", "-o", "out/r.md")
    assert code == 2
    assert "Traceback" not in out + err and err.count("\n") == 1, err
    assert (story / "out" / "r.md").read_bytes() == old
    assert _leftovers(story / "out") == []


def test_interrupt_while_writing_keeps_the_previous_report(story, monkeypatch):
    old = _previous_report(story)

    def interrupt(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr("checker.report_set.os.fsync", interrupt)
    code, out, err = run("check", "story", "-o", "out/r.md")
    assert code != 0 and "Traceback" not in out + err  # click turns ^C into "checker: aborted", exit 2
    assert (story / "out" / "r.md").read_bytes() == old
    assert _leftovers(story / "out") == []


def test_a_later_report_failing_keeps_the_whole_previous_set(story, monkeypatch):
    """markdown then json: json fails; neither file is replaced (one run's set, or none)."""
    code, *_ = run("check", "story", "--format", "markdown", "--format", "json", "-o", "out/r.md")
    old = {name: (story / "out" / name).read_bytes() for name in ("r.md", "r.json")}
    write(story / "story" / "b.txt", ARTICLE_B.replace("1999", "2001"))
    import checker.report_set as report_set
    real = report_set._write_temp

    def fail():
        raise OSError(5, "Input/output error")

    def only_markdown(path, text):
        return report_set._guard(path, fail) if path.suffix == ".json" else real(path, text)

    monkeypatch.setattr(report_set, "_write_temp", only_markdown)
    code, out, err = run("check", "story", "--format", "markdown", "--format", "json", "-o", "out/r.md")
    assert code == 2 and "out/r.json: cannot write the file: Input/output error" in err
    assert {name: (story / "out" / name).read_bytes() for name in ("r.md", "r.json")} == old
    assert sorted(p.name for p in (story / "out").iterdir()) == ["r.claims.md", "r.json", "r.md"]


KILL_SCRIPT = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    marker = Path(sys.argv[1])
    real = os.fdopen

    class Stall:
        # write half of the report, say so, then hang until killed
        def __init__(self, fh):
            self.fh = fh
        def __enter__(self):
            return self
        def __exit__(self, *exc):
            self.fh.close()
        def write(self, text):
            self.fh.write(text[: len(text) // 2])
            self.fh.flush()
            marker.write_text("half written")
            time.sleep(120)

    import checker.report_set
    checker.report_set.os.fdopen = lambda *a, **k: Stall(real(*a, **k))
    from checker.cli import main
    main(sys.argv[2:])
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_while_writing_keeps_the_previous_report(story, tmp_path):
    old = _previous_report(story)
    script = write(tmp_path / "kill.py", KILL_SCRIPT)
    marker = tmp_path / "marker"
    proc = subprocess.Popen([sys.executable, str(script), str(marker), "check", "story", "-o", "out/r.md"],
                            cwd=story, env=subprocess_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the run never started writing"
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    assert (story / "out" / "r.md").read_bytes() == old
    # a killed process cannot clean up: its half-written temporary file stays, hidden,
    # next to the report; nothing else is there
    left = _leftovers(story / "out")
    assert all(re.fullmatch(r"\.r\.md\..+\.tmp", name) for name in left), left
    # and the next run writes the whole new report
    code, out, err = run("check", "story", "-o", "out/r.md")
    assert code in (0, 1), out + err
    assert (story / "out" / "r.md").read_bytes() != old
    assert "2001" in (story / "out" / "r.md").read_text(encoding="utf-8")


# ---------------------------------------------------------------- writes nothing else

def test_writes_only_its_report_paths_and_never_touches_sources(tmp_path, monkeypatch):
    tree = tmp_path / "tree"
    write(tree / "story" / "a.txt", ARTICLE_A)
    write(tree / "story" / "b.md", "---\ntitle: B\noutlet: Daily\npublished: 2024-03-01\n---\n" + ARTICLE_B)
    write(tree / "story" / "notes" / "c.markdown", "# Notes\n\n" + ARTICLE_A.replace("$3.2", "$3.3"))
    write(tree / "rules" / "money.yaml", textwrap.dedent("""\
        id: money-amount
        kinds: [money]
        comparator: numeric_tolerance
        params: {relative: 0.01}
        level: warning
        message: "Amounts differ: {values}"
        """))
    write(tree / "rules" / "lexicon-extra.yaml", "synonyms:\n  bid: [tender]\n")
    own_tmp = tmp_path / "tmp"
    own_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(own_tmp))
    monkeypatch.chdir(tree)
    before = snapshot(tree)
    for args in (
        ["check", "story", "--rules", "rules", "-o", "out/report.md",
         "--format", "markdown", "--format", "json", "--format", "sarif", "--format", "github"],
        ["check", "story"],
        ["check", "story", "--format", "json", "-o", "-"],
        ["extract", "story", "--rules", "rules", "--format", "csv"],
        ["rules", "--rules", "rules"],
        ["rules", "--test"],
    ):
        code, out, err = run(*args)
        assert code in (0, 1), (args, out + err)
    after = snapshot(tree)
    assert {k: v for k, v in after.items() if k in before} == before, "a source or rule file changed"
    assert sorted(set(after) - set(before)) == ["out/report.claims.md", "out/report.json", "out/report.md",
                                                "out/report.sarif", "reports/story.claims.md",
                                                "reports/story.md"]
    assert list(own_tmp.iterdir()) == []


# ---------------------------------------------------------------- hostile text

HOSTILE_MD = """\
---
title: "Pipes | and <script>alert('t')</script> [link](https://evil.example)"
outlet: "Evil | Outlet ![img](https://evil.example/x.png) `tick`"
---
Acme | Corp agreed to buy Globex for $3.2 billion <script>alert(1)</script> on Tuesday.
The deal [click here](https://evil.example/phish) values Globex shares at 12% above `code | span` prices.
![tracker](https://evil.example/t.png) Globex employs 1,200 people <img src=x onerror=alert(1)> in Springfield.
“We are | thrilled [to](javascript:alert(1)) welcome Globex,” Roe said | in <b>a</b> statement.
Revenue rose to $5 million in 2023 | <a href="https://evil.example">up</a> from \\$4 million ``x``.
Acme was founded in 1998 by Jane Roe, `who` still runs it | **bold** _em_ ~~strike~~ &amp; &lt;tag&gt;.
"""
# in a .txt file nothing is Markdown: every character reaches the report
HOSTILE_TXT = """\
Acme | Corp | paid $3.4 billion <script>alert(1)</script> for Globex [x](https://evil.example) on Tuesday.
Globex employs 1,250 people ![i](https://evil.example/i.png) <iframe src=//evil.example></iframe> in Springfield.
Revenue | rose to $5 million in 2023, up from $4.5 million `|` ``|`` | <!-- x --> <style>*{}</style>.
| Acme | was | founded in 1997 | --- | by Jane Roe. |
# 1. Heading-like line with 7% growth and a [ref]: https://evil.example definition.
> Quote-like line: "We are | thrilled [to](javascript:alert(1)) welcome Globex," Roe said.
"""
NORMAL = """\
Globex will be acquired by Acme Corp in a US$3.5bn deal, the firms announced on Tuesday.
Roe, who founded Acme in 1999, was upbeat.
"We are thrilled to welcome Globex," Roe said.
Globex has 1,300 employees in Springfield and its shares rose 12%.
Revenue rose to $5 million in 2023, up from $4 million.
"""
ALLOWED_TAGS = {"details", "/details", "summary", "/summary", "br"}


def _unescaped(line: str, char: str) -> list[int]:
    """Positions of ``char`` not escaped by a backslash (an odd run of them)."""
    out = []
    for i, c in enumerate(line):
        if c == char:
            k = i
            while k > 0 and line[k - 1] == "\\":
                k -= 1
            if (i - k) % 2 == 0:
                out.append(i)
    return out


def _tables(lines: list[str]):
    """(header, rows) of every GitHub table: a | line followed by a |---| line."""
    i = 0
    while i < len(lines) - 1:
        if lines[i].startswith("|") and re.fullmatch(r"\|[-:| ]+\|", lines[i + 1]):
            header, j = lines[i], i + 2
            rows = []
            while j < len(lines) and lines[j].startswith("|"):
                rows.append(lines[j])
                j += 1
            yield header, rows
            i = j
        else:
            i += 1


def test_hostile_article_text_renders_literally(story):
    folder = story / "hostile"
    write(folder / "hostile_md.md", HOSTILE_MD)
    write(folder / "hostile_txt.txt", HOSTILE_TXT)
    write(folder / "normal.txt", NORMAL)
    if os.name == "posix":  # a file name can carry | and < too
        write(folder / "odd|na<b>me.txt", NORMAL.replace("3.5bn", "3.2bn"))
    code, out, err = run("check", "hostile", "--format", "markdown", "--format", "json", "-o", "r.md")
    assert code in (0, 1), out + err
    # the report and its statement tables (r.claims.md)
    text = (story / "r.md").read_text(encoding="utf-8") + (story / "r.claims.md").read_text(encoding="utf-8")
    doc = json.loads((story / "r.json").read_text(encoding="utf-8"))

    # the hostile text is in the report, in tables (the test would prove nothing otherwise)
    assert doc["findings"] and "alert" in text and "evil.example" in text and "javascript" in text
    lines = text.splitlines()
    tables = list(_tables(lines))
    assert len(tables) >= 5
    hostile_rows = 0
    for header, rows in tables:
        width = len(_unescaped(header, "|"))
        for row in rows:
            assert len(_unescaped(row, "|")) == width, f"row breaks its table:\n{header}\n{row}"
            hostile_rows += "evil" in row or "alert" in row
    assert hostile_rows >= 5

    assert "<script" not in text.lower() and "<iframe" not in text.lower()
    for line in lines:
        # backticks only around ids the report itself puts in code spans (literal inside)
        ticks = _unescaped(line, "`")
        assert len(ticks) % 2 == 0, line
        for a, b in reversed(list(zip(ticks[::2], ticks[1::2]))):
            assert re.fullmatch(r"[\w.\-|\\<>]+", line[a + 1:b]), f"code span {line[a:b + 1]!r}"
            line = line[:a] + "CODE" + line[b + 1:]
        for m in re.finditer(r"<(/?[A-Za-z!][\w-]*)", line):
            assert m.group(1).lower() in ALLOWED_TAGS, f"raw HTML {m.group()!r} in {line!r}"
        for i in _unescaped(line, "]"):
            assert line[i + 1:i + 2] not in ("(", "["), f"link syntax in {line!r}"
        assert not _unescaped(line, "["), f"unescaped [ in {line!r}"
        # a line start cannot become a heading, quote, list or HTML block
        # (the report's own lists: '- <source>:<line>, ...: <sentence>' under each discrepancy)
        assert not re.match(r"(#|>|- |\d+\. |<(?!details|/details|summary))", line) or \
            line.startswith(("# Consistency report", "# Statement tables", "## ", "### ", "> **Note:**")) or \
            re.match(r"- \S+:\d+(, \S+:\d+)*: ", line), line

    # and nothing was lost: the JSON report keeps the raw text verbatim
    raws = {c["raw"] for f in doc["findings"] for c in f["claims"]}
    assert "$3.4 billion" in raws and "$3.2 billion" in raws
    texts = " ".join(c["text"] for f in doc["findings"] for c in f["claims"])
    assert "<script>alert(1)</script>" in texts


# ---------------------------------------------------------------- pathological input

def _pathological() -> dict[str, bytes]:
    rnd = random.Random(20240)
    words = "the board of acme said on tuesday that globex would rise sharply and fall later".split()
    no_punct = " ".join(rnd.choice(words) for _ in range(40_000))[:200_000]
    quotes = "".join(rnd.choice(['"', "“", "”", "‘", "’", "«", "»", "'", " word "]) for _ in range(5000))
    return {
        "sentence_200k.txt": no_punct.encode(),
        "quotes_5000.txt": (quotes + " Acme paid $3.2 billion.\n").encode(),
        "dollars.txt": ("$" * 50_000 + "\nAcme paid $3.2 billion.\n").encode(),
        "digits.txt": ("0123456789" * 20_000 + " " + "1,2" * 10_000 + " 9." * 5000).encode(),
        "many_values.txt": ("$9 " * 400 + "12% " * 200 + "\n").encode(),
        "nested_quotes.txt": ("“‘«\"" * 3000 + "Acme paid $3.2 billion." + "»’”" * 10
                              + '"' * 3000 + "”" * 3000).encode(),
        "long_line.txt": ("The board met and talked about the plan for the company. " * 3500
                          + "Acme paid $3.2 billion on Tuesday.").encode(),
        "many_lines.txt": ("Acme\n" * 100_000 + "Acme paid $3.2 billion.\n").encode(),
        "markup.md": ("[" * 10_000 + "](" * 5000 + "<" * 5000 + "*_" * 10_000 + "`" * 5000 + "<!--"
                      + "\n" + "> # - 1. " * 5000 + "\n\nAcme paid $3.2 billion.\n").encode(),
        "crlf_cr.txt": ("Acme paid $3.2 billion.\r" * 500 + "\r\n" * 20_000).encode(),
        "nul.txt": b"Acme paid $3.2 billion.\x00\x00\x00 And more.\n",
        "deep_front_matter.md": ("---\nt: " + "[" * 50_000 + "\n---\nAcme paid $3.2 billion.\n").encode(),
    }


PATHOLOGICAL = _pathological()
ERRORS = {"nul.txt": "binary file", "deep_front_matter.md": "front matter"}


@pytest.fixture(scope="module")
def pathological_runs(tmp_path_factory):
    """Every case checked through ``checker check`` (next to a normal article), in
    subprocesses, at most one per CPU at a time so the time bound means something."""
    base = tmp_path_factory.mktemp("pathological")
    write(base / "normal.txt", NORMAL)

    def one(name: str):
        folder = base / name.replace(".", "_")
        write(folder / name, PATHOLOGICAL[name])
        start = time.monotonic()
        try:
            proc = subprocess.run([sys.executable, "-m", "checker", "check", str(folder / name),
                                   str(base / "normal.txt"), "-o", str(folder / "r.md")],
                                  cwd=base, env=subprocess_env(), capture_output=True, text=True,
                                  timeout=BOUND)
        except subprocess.TimeoutExpired:
            return name, None, time.monotonic() - start, folder
        return name, proc, time.monotonic() - start, folder

    with ThreadPoolExecutor(max_workers=max(1, min(4, os.cpu_count() or 1))) as pool:
        return {name: rest for name, *rest in pool.map(one, PATHOLOGICAL)}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_input_finishes_in_bounded_time(pathological_runs, name):
    proc, seconds, folder = pathological_runs[name]
    assert proc is not None, f"{name}: still running after {BOUND} s"
    text = proc.stdout + proc.stderr
    assert "Traceback" not in text and "internal error" not in text, text[-2000:]
    if name in ERRORS:
        assert proc.returncode == 2, text
        assert proc.stderr.count("\n") == 1 and ERRORS[name] in proc.stderr and name in proc.stderr
    else:
        assert proc.returncode in (0, 1), text
        assert (folder / "r.md").read_text(encoding="utf-8").startswith("# Consistency report")


# ---------------------------------------------------------------- YAML never runs code

EVIL_TAGS = [
    '!!python/object/apply:os.system ["touch {sentinel}"]',
    '!!python/object/new:os.system ["touch {sentinel}"]',
    "!!python/name:os.system",
    '!!python/object/apply:subprocess.check_output [["touch", "{sentinel}"]]',
]


@pytest.mark.parametrize("tag", EVIL_TAGS)
def test_rule_file_yaml_tags_never_construct_objects(story, tag):
    sentinel = story / "PWNED"
    evil = tag.format(sentinel=sentinel)
    for n, text in enumerate([f"id: money-amount\nkinds: [money]\ncomparator: exact\nmessage: {evil}\n",
                              f"{evil}\n"]):
        write(story / f"r{n}" / "x.yaml", text)
        code, out, err = run("check", "story", "--rules", f"r{n}")
        assert code == 2 and f"r{n}/x.yaml" in err and err.count("\n") == 1, err
        assert "Traceback" not in out + err
    assert not sentinel.exists()


@pytest.mark.parametrize("tag", EVIL_TAGS)
def test_front_matter_yaml_tags_never_construct_objects(story, tag):
    sentinel = story / "PWNED"
    write(story / "story" / "c.md", f"---\ntitle: {tag.format(sentinel=sentinel)}\n---\n" + ARTICLE_A)
    code, out, err = run("check", "story", "-o", "r.md")
    assert code == 2 and "story/c.md:2:" in err and err.count("\n") == 1, err
    assert not sentinel.exists()


def test_front_matter_text_that_looks_like_code_stays_text(story):
    write(story / "story" / "c.md", "---\ntitle: \"__import__('os').system('touch PWNED')\"\n"
                                    "outlet: \"{{7*7}} ${7*7} `id`\"\n---\n" + ARTICLE_A)
    code, out, err = run("check", "story", "--format", "json", "-o", "r.json")
    assert code in (0, 1), err
    doc = json.loads((story / "r.json").read_text(encoding="utf-8"))
    meta = {s["id"]: s for s in doc["sources"]}["c"]
    assert meta["title"] == "__import__('os').system('touch PWNED')"
    assert meta["outlet"] == "{{7*7}} ${7*7} `id`"
    assert not (story / "PWNED").exists()


def test_no_eval_exec_pickle_or_unsafe_yaml_in_the_package():
    package = Path(checker.__file__).resolve().parent
    banned = re.compile(r"\b(eval|exec|compile)\s*\(|\bpickle\b|\bmarshal\b|unsafe_load|FullLoader|"
                        r"UnsafeLoader|yaml\.Loader\b|Loader\s*=\s*yaml\.(Full|Unsafe)?Loader\b|shell\s*=\s*True")
    loads = re.compile(r"yaml\.load\((?![^)]*Loader=(loader|_LOADER|yaml\.SafeLoader|yaml\.CSafeLoader)\b)")
    for path in sorted(package.rglob("*.py")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            code = re.sub(r"re\.compile\(|\.compile\(", "", code)  # regex compiles are fine
            assert not banned.search(code), f"{path.name}:{n}: {line.strip()}"
            assert not loads.search(code), f"{path.name}:{n}: {line.strip()}"
    from checker import rules
    loader = getattr(rules, "_LOADER", yaml.SafeLoader)
    assert issubclass(loader, yaml.constructor.SafeConstructor)
    assert not issubclass(loader, yaml.constructor.FullConstructor)


# ---------------------------------------------------------------- determinism

def test_same_input_gives_byte_identical_reports_whatever_the_hash_seed(tmp_path):
    folder = tmp_path / "story"
    write(folder / "a.txt", ARTICLE_A)
    write(folder / "b.txt", ARTICLE_B)
    write(folder / "c.md", "---\ntitle: C\npublished: 2024-03-05\n---\n" + HOSTILE_MD.split("---\n", 2)[2])
    write(folder / "d.txt", NORMAL)

    def one(seed: str):
        out = tmp_path / f"out{seed}"
        return subprocess.run([sys.executable, "-m", "checker", "check", "story", "--format", "markdown",
                               "--format", "json", "-o", str(out / "r.md")],
                              cwd=tmp_path, env=subprocess_env(PYTHONHASHSEED=seed),
                              capture_output=True, text=True, timeout=120), out

    with ThreadPoolExecutor(max_workers=2) as pool:
        (p1, o1), (p2, o2) = pool.map(one, ["1", "4242"])
    assert p1.returncode in (0, 1) and p2.returncode == p1.returncode, p1.stderr + p2.stderr
    assert p1.stdout.replace("out1/", "") == p2.stdout.replace("out4242/", "")
    for name in ("r.md", "r.json"):
        assert (o1 / name).read_bytes() == (o2 / name).read_bytes(), name
    assert json.loads((o1 / "r.json").read_text(encoding="utf-8"))["findings"]
