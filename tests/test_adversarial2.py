"""Adversarial cases, part two (issue 15): resource exhaustion, injection, the lesser defects.

Each test reproduces one defect through the CLI. Runs that would exhaust the
machine on a regression (alias bombs, a runaway glob) go to a subprocess with
a memory limit and a timeout; the rest run in-process.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote, unquote

import pytest

from cli_helpers import (ARTICLE_A, ARTICLE_B, ROOT, one_line_error, run, story_in,
                         subprocess_env, write)


@pytest.fixture
def story(tmp_path, monkeypatch):
    return story_in(tmp_path, monkeypatch, {"a.txt": ARTICLE_A, "b.txt": ARTICLE_B})


MEMORY_LIMIT = 3 << 30  # bytes of address space for runs that must be refused early
RUN_ALL = """
import json, os, sys
sys.path.insert(0, sys.argv[1])
from cli_helpers import run
out = {}
for name, folder, args in json.loads(sys.argv[2]):
    os.chdir(folder)
    out[name] = run(*args)
print(json.dumps(out))
"""


def batch(cases: list[tuple[str, Path, list[str]]], timeout: float = 60) -> dict[str, tuple]:
    """name -> (exit code, stdout, stderr) of ``checker ARGS`` run in FOLDER, for
    every case, in one subprocess limited to MEMORY_LIMIT and ``timeout`` seconds:
    a regression fails the tests instead of taking the machine down."""
    import resource

    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    plan = [(name, str(folder), args) for name, folder, args in cases]
    proc = subprocess.run([sys.executable, "-c", RUN_ALL, str(ROOT / "tests"), json.dumps(plan)],
                          timeout=timeout, capture_output=True, text=True, preexec_fn=cap,
                          env=subprocess_env())
    assert proc.returncode == 0, proc.stderr[-3000:]
    return {name: tuple(result) for name, result in json.loads(proc.stdout).items()}


# ================================================================ YAML alias bombs

def bomb(indent: str = "", levels: int = 9, width: int = 9) -> str:
    """Anchors l0..l8, each a list of ``width`` aliases of the one before: the
    last expands to 9**9 strings (the "billion laughs")."""
    lines = [f"{indent}l0: &l0 [" + ", ".join(['"lol"'] * width) + "]"]
    for n in range(1, levels):
        lines.append(f"{indent}l{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


TOP = "l8"
BOMBS = {  # name -> (files, arguments)
    "front matter": ({"story/c.md": "---\n" + bomb() + f"title: *{TOP}\n---\n" + ARTICLE_A},
                     ["check", "story", "-o", "r.md"]),
    "lexicon": ({"rules/lexicon-bomb.yaml": "synonyms:\n" + bomb("  ") + f"stopwords: *{TOP}\n"},
                ["check", "story", "--rules", "rules", "-o", "r.md"]),
    "rule file": ({"rules/x.yaml": "id: money-amount\nkinds: [money]\ncomparator: exact\n" + bomb()
                   + f"description: *{TOP}\n"}, ["rules", "--rules", "rules", "--test"]),
    "baseline": ({"base.yaml": "version: 1\nanchors:\n" + bomb("  ") + "findings:\n- story: story\n"
                  "  rule: money-amount\n  kind: money\n  fingerprint: 0123456789abcdef\n"
                  f"  reason: x\n  values: *{TOP}\n"},
                 ["check", "story", "--baseline", "base.yaml", "-o", "r.md"]),
}
@pytest.fixture(scope="module")
def bomb_runs(tmp_path_factory):
    cases = []
    for name, (files, args) in BOMBS.items():
        folder = tmp_path_factory.mktemp("bomb")
        write(folder / "story" / "a.txt", ARTICLE_A)
        write(folder / "story" / "b.txt", ARTICLE_B)
        for path, text in files.items():
            assert len(text.encode()) < 1000
            write(folder / path, text)
        cases.append((name, folder, args))
    results = batch(cases)
    return {name: (folder, results[name]) for name, folder, _ in cases}


@pytest.mark.parametrize("name, where", [("front matter", "story/c.md"), ("lexicon", "rules/lexicon-bomb.yaml"),
                                         ("rule file", "rules/x.yaml"), ("baseline", "base.yaml")])
def test_an_alias_bomb_is_refused(bomb_runs, name, where):
    folder, result = bomb_runs[name]
    one_line_error(result, where, "alias")
    assert not (folder / "r.md").exists()


def test_a_recursive_alias_is_refused(story):
    write(story / "story" / "c.md", "---\ntitle: &t [*t]\n---\n" + ARTICLE_A)
    one_line_error(run("check", "story", "-o", "r.md"), "story/c.md", "alias")


def test_a_few_aliases_still_work(story):
    write(story / "story" / "c.md", "---\noutlet: &o The Wire\nsyndicated_from: *o\n"
          "tags: &t [deal, acme]\nalso: *t\n---\n" + ARTICLE_A.replace("1998", "1997"))
    write(story / "rules" / "lexicon-x.yaml", "synonyms:\n  bid: &offer [offer, proposal]\n"
          "  tender: *offer\n")
    code, out, err = run("check", "story", "--rules", "rules", "--format", "json", "-o", "r.json")
    assert code == 1, out + err
    doc = json.loads((story / "r.json").read_text(encoding="utf-8"))
    assert {s["id"]: s["outlet"] for s in doc["sources"]}["c"] == "The Wire"


def test_every_yaml_read_goes_through_one_helper():
    package = ROOT / "checker"
    loading = re.compile(r"\byaml\.(safe_load|load|compose|parse|full_load|unsafe_load|load_all)\b"
                         r"|Loader\b|\bConstructor\b")
    others = sorted(p.relative_to(package).as_posix() for p in package.rglob("*.py")
                    if p.name != "yamlsafe.py" and loading.search(p.read_text(encoding="utf-8")))
    assert others == [], others
    users = sorted(p.relative_to(package).as_posix() for p in package.rglob("*.py")
                   if "yamlsafe.load(" in p.read_text(encoding="utf-8"))
    assert users == ["baseline.py", "rules/__init__.py", "sources.py"], users


# ================================================================ small slow inputs

def test_many_claims_of_one_kind_finish_in_bounded_time(story):
    """4,400 short lines, each a different count: under 100 KB, every claim its own finding."""
    text = "".join(f"Crews saw {1000 + 7 * n} boats.\n" for n in range(4400))
    assert len(text.encode()) < 100_000
    write(story / "many" / "a.txt", text)
    start = time.monotonic()
    code, out, err = run("check", "many", "-o", "r.md")
    seconds = time.monotonic() - start
    assert code == 0, out + err
    assert "4400 single-source claims" in out, out
    assert seconds < 20, f"{seconds:.1f} s"


# ================================================================ runaway globs

GLOBS = {  # name -> (checker.toml, words in the error)
    "root": ('stories = ["/**/**/**/**/**"]', ["outside", "/**/**/**/**/**"]),
    "parent": ('stories = ["../*"]', ["outside", "../*"]),
    "dotdot": ('stories = ["stories/../../*"]', ["outside", "stories/../../*"]),
    "after magic": ('stories = ["stories/**/../../.."]', ["outside", "stories/**/../../.."]),
    "absolute": ('stories = ["/tmp/*"]', ["outside", "/tmp/*"]),
    "sources": ('sources = ["/**/*.md"]', ["outside", "/**/*.md"]),
}


@pytest.fixture(scope="module")
def glob_runs(tmp_path_factory):
    cases = []
    for name, (toml, _) in GLOBS.items():
        folder = tmp_path_factory.mktemp("glob") / "repo"
        write(folder / "checker.toml", f"[checker]\n{toml}\n")
        write(folder / "stories" / "s" / "a.txt", ARTICLE_A)
        write(folder / "stories" / "s" / "b.txt", ARTICLE_B)
        cases.append((name, folder, ["check"]))
    return batch(cases)


@pytest.mark.parametrize("name", sorted(GLOBS))
def test_a_glob_leaving_the_config_folder_is_refused(glob_runs, name):
    one_line_error(glob_runs[name], "checker.toml", *GLOBS[name][1])


def test_a_glob_matching_too_many_paths_is_refused(story, monkeypatch):
    monkeypatch.setattr("checker.stories.MAX_GLOB_PATHS", 40)
    write(story / "checker.toml", '[checker]\nstories = ["stories/**/**/**"]\n')
    for n in range(6):
        for m in range(4):
            write(story / "stories" / f"s{n}" / f"t{m}" / "a.txt", ARTICLE_A)
            write(story / "stories" / f"s{n}" / f"t{m}" / "b.txt", ARTICLE_B)
    one_line_error(run("check"), "checker.toml", "stories/**/**/**", "more than 40")
    write(story / "checker.toml", '[checker]\nsources = ["stories/**/**/*.txt"]\n')
    one_line_error(run("check"), "checker.toml", "stories/**/**/*.txt", "more than 40")
    # inside the bound it still works, and a glob inside the folder may use ..
    write(story / "checker.toml", '[checker]\nsources = ["stories/s1/../s1/t*/[ab].txt"]\n')
    code, out, err = run("check")
    assert code == 2 and "two articles have the id" in err, out + err  # t0..t3: 4 a.txt
    write(story / "checker.toml", '[checker]\nsources = ["stories/s1/../s1/t1/*.txt"]\n')
    code, out, err = run("check")
    assert code == 1 and "2 sources" in out, out + err


# ================================================================ injection: GitHub workflow commands

COMMAND = re.compile(r"::(error|warning|notice) (file=[^,:\r\n]*,line=\d+,col=\d+,)?title=[^:\r\n]*::[^\r\n]*")
INJECTED = "\n::error::INJECTED"


def assert_no_injection(out: str) -> None:
    """Every line is one of checker's own workflow commands, or plain text that
    does not start with ``::``; and no control character reaches the log."""
    lines = re.split(r"\r\n|\r|\n", out.rstrip("\n"))
    assert lines, out
    for line in lines:
        if line.startswith("::"):
            assert COMMAND.fullmatch(line), f"injected command: {line!r}"
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", line), repr(line)
    assert not any(line.startswith("::error::") for line in lines)


def test_github_output_with_a_story_folder_named_like_a_command(story):
    folder = story / ("x" + INJECTED)
    write(folder / "a.txt", ARTICLE_A)
    write(folder / "b.txt", ARTICLE_B)
    code, out, err = run("check", str(folder.name), "--format", "github", "--format", "markdown")
    assert code == 1, out + err
    assert "INJECTED" in out  # the name is shown, escaped
    assert_no_injection(out)


def test_github_output_with_article_names_like_commands(story):
    write(story / "story" / ("c" + INJECTED + ".md"),
          "<!-- checker: ignore=money-amount reason=\"house style\" -->\nNothing to see here.\n\n"
          + ARTICLE_A.replace("1998", "1997"))
    code, out, err = run("check", "story", "--format", "github", "-o", "r.md")
    assert code == 1, out + err
    assert "matches no finding" in out  # the unused ignore comment's note
    assert_no_injection(out)


def test_github_output_with_a_stale_baseline_entry_holding_a_newline(story):
    write(story / "base.yaml", "version: 1\nfindings:\n- story: story\n  rule: money-amount\n"
          "  kind: money\n  fingerprint: 0123456789abcdef\n  reason: x\n"
          '  values: ["a: $1\\n::error::INJECTED", "b: $2\\r::stop-commands::tok"]\n')
    code, out, err = run("check", "story", "--baseline", "base.yaml", "--format", "github",
                         "-o", "r.md")
    assert code == 1, out + err
    assert "stale baseline entry" in out
    assert_no_injection(out)


def test_github_output_of_many_stories_with_odd_names(story):
    write(story / "checker.toml", '[checker]\nstories = ["stories/*"]\nformats = ["github", "markdown"]\n')
    for name in ("x" + INJECTED, "y\r::warning::INJECTED", "z\x1b[2J"):
        write(story / "stories" / name / "a.txt", ARTICLE_A)
        write(story / "stories" / name / "b.txt", ARTICLE_B)
    code, out, err = run("check")
    assert code == 1, out + err
    assert out.count("INJECTED") >= 2
    assert_no_injection(out)


@pytest.mark.parametrize("toml, word", [
    ('"key\\n::error::INJECTED" = 1', "unknown key"),
    ('formats = ["markdown\\n::error::INJECTED"]', "unknown format"),
    ('fail_on = "x\\r\\n::error::INJECTED"', "fail_on"),
    ('stories = ["a\\u2028b\\u0085c\\u001b[2J"]', "no story folder"),
])
def test_error_messages_are_one_line_whatever_the_config_holds(story, toml, word):
    write(story / "checker.toml", f"[checker]\n{toml}\n")
    err = one_line_error(run("check"), "checker.toml", word)
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]", err.rstrip("\n")), repr(err)


def test_error_messages_are_one_line_whatever_a_rule_file_or_an_option_holds(story):
    write(story / "rules" / "x.yaml", 'id: money-amount\nkinds: [money]\ncomparator: exact\n'
          '"lev\\nel::error::X": error\n')
    one_line_error(run("check", "story", "--rules", "rules"), "rules/x.yaml", "unknown key")
    one_line_error(run("check", "story", "--format", "json\n::error::X"), "--format")
    one_line_error(run("check", "story\n::error::X"), "no such file")


# ================================================================ injection: Markdown reports

ODD_NAMES = ["x) <img src=x onerror=alert(1)> (", "a|b c", "two words", "new\nline", "[brackets](x)"]


def test_index_links_are_percent_encoded_and_their_text_escaped(story):
    write(story / "checker.toml", '[checker]\nstories = ["stories/*"]\n')
    for name in ODD_NAMES:
        write(story / "stories" / name / "a.txt", ARTICLE_A)
        write(story / "stories" / name / "b.txt", ARTICLE_B)
    code, out, err = run("check")
    assert code == 1, out + err
    index = (story / "reports" / "README.md").read_text(encoding="utf-8")
    assert "<img" not in index
    rows = [line for line in index.splitlines() if line.startswith("|")]
    header = rows[0]
    width = len(re.findall(r"(?<!\\)\|", header))
    links = []
    for row in rows[2:]:
        assert len(re.findall(r"(?<!\\)\|", row)) == width, row
        found = re.search(r"\]\(([^)\s]*)\)", row)
        assert found, row
        links.append(found.group(1))
    assert len(links) == len(ODD_NAMES)
    for target in links:
        assert re.fullmatch(r"[A-Za-z0-9._~/%-]+", target), target
        assert (story / "reports" / unquote(target)).is_file(), target
    assert quote("x) <img src=x onerror=alert(1)> (.md") in links


URLS = ("Acme paid $3.2 billion, says https://evil.example/phish and http://evil.example "
        "and www.evil.example/x and ftp://files.evil.example and press@evil.example.\n")


def test_bare_urls_in_article_text_are_defanged_in_markdown_reports(story):
    write(story / "story" / "a.txt", URLS + ARTICLE_A)
    code, out, err = run("check", "story", "-o", "r.md")
    assert code == 1, out + err
    text = (story / "r.md").read_text(encoding="utf-8")
    assert "evil" in text
    assert not re.search(r"(?i)(https?|ftp)://|www\.evil|\w@evil", text), \
        re.findall(r".{20}(?:https?://|www\.|@evil).{10}", text)
    assert "hxxps://evil.example/phish" in text
    # the JSON report keeps the text as it was
    code, out, err = run("check", "story", "--format", "json", "-o", "r.json")
    assert "https://evil.example/phish" in (story / "r.json").read_text(encoding="utf-8")


def test_bare_urls_in_a_draft_report_are_defanged(story):
    write(story / "draft.md", "Acme will pay $3.9 billion, see https://evil.example/x.\n")
    code, out, err = run("check", "--draft", "draft.md", "story", "-o", "r.md")
    assert code == 1, out + err
    text = (story / "r.md").read_text(encoding="utf-8")
    assert "evil.example" in text and not re.search(r"https?://", text)


# ================================================================ injection: the terminal

ESCAPES = "\x1b[31mRED\x1b]0;pwned\x07\x9b2J"
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def test_extract_table_escapes_control_characters(story):
    write(story / "story" / "a.txt", f"Acme paid $3.2 billion {ESCAPES} on Tuesday.\n")
    code, out, err = run("extract", "story", "--format", "table")
    assert code == 0, out + err
    assert "RED" in out and not CONTROL.search(out.replace("\n", "")), repr(out)
    code, out, err = run("extract", "story", "--format", "json")
    assert code == 0 and not CONTROL.search(out.replace("\n", "")), repr(out)
    assert json.loads(out)[0]["sentence"].endswith(f"{ESCAPES} on Tuesday.")


def test_summaries_and_errors_escape_control_characters(story):
    write(story / ("st" + ESCAPES) / "a.txt", ARTICLE_A)
    write(story / ("st" + ESCAPES) / "b.txt", ARTICLE_B)
    code, out, err = run("check", "st" + ESCAPES)
    assert code == 1, out + err
    assert "RED" in out and not CONTROL.search(out.replace("\n", "")), repr(out)
    err = one_line_error(run("check", "gone" + ESCAPES + ".txt"), "no such file")
    assert not CONTROL.search(err.rstrip("\n")), repr(err)
    write(story / "bad" / ("x" + ESCAPES + ".txt"), b"\x00\x01\x02")
    err = one_line_error(run("check", "bad"), "binary")
    assert not CONTROL.search(err.rstrip("\n")), repr(err)


def test_markdown_report_escapes_control_characters(story):
    write(story / "story" / "a.txt", f"Acme paid $3.2 billion {ESCAPES} on Tuesday.\n" + ARTICLE_A)
    code, out, err = run("check", "story", "-o", "-")
    assert code == 1, out + err
    assert "RED" in out and not CONTROL.search(out.replace("\n", "")), repr(out)
    code, out, err = run("check", "story", "--format", "json", "-o", "-")
    assert not CONTROL.search(out.replace("\n", "")), repr(out)
    assert ESCAPES in json.loads(out)["findings"][0]["claims"][0]["text"] + "".join(
        c["text"] for f in json.loads(out)["findings"] for c in f["claims"])


# ================================================================ lesser: line ends and bytes

def test_cr_only_line_ends_and_an_ignore_comment(story):
    (story / "story" / "b.txt").unlink()
    write(story / "story" / "b.md", "Roe, who founded Acme in 1999, was upbeat.\r"
          "<!-- checker: ignore=money-amount reason=\"counts debt\" -->\r"
          "Globex will be acquired by Acme Corp in a US$3.5bn deal, the firms announced.\r"
          "Globex has 1,200 employees in Springfield.\r".replace("1999", "1998"))
    code, out, err = run("check", "story", "--format", "json", "-o", "r.json")
    doc = json.loads((story / "r.json").read_text(encoding="utf-8"))
    money = [f for f in doc["findings"] if f["rule"] == "money-amount"]
    assert money and money[0].get("status") == "suppressed", (out, money)
    assert "matches no finding" not in out
    assert code == 0, out + err


def test_a_utf8_bom_does_not_skip_the_nul_check(story):
    write(story / "story" / "c.txt", b"\xef\xbb\xbfAcme paid $3.2 billion.\x00\x00 And more text here.\n")
    one_line_error(run("check", "story"), "story/c.txt", "binary")


# ================================================================ lesser: rule files

def test_every_problem_of_every_rule_and_config_file_in_one_run(story):
    write(story / "checker.toml", '[checker]\nfail_onn = "never"\nformats = ["markdwn"]\nrules = ["rules"]\n')
    write(story / "rules" / "x.yaml", "id: money-amount\nkind: money\ncomparator: exact\n"
          "tolerence: 0.01\nlevel: fatal\n")
    write(story / "rules" / "y.yaml", "id: count-value\nkinds: [count, sizes]\ncomparator: exact\n"
          "params: {relativ: 0.1}\nmessage: 5\n")
    code, out, err = run("check", "story")
    assert code == 2, out + err
    assert "Traceback" not in err and "internal error" not in err
    lines = err.splitlines()
    assert all(line.startswith("checker: error: ") for line in lines), err
    expected = [("checker.toml:2", "fail_onn"), ("checker.toml:3", "markdwn"),
                ("rules/x.yaml:2", "'kind'"), ("rules/x.yaml", "missing required key 'kinds'"),
                ("rules/x.yaml:4", "tolerence"), ("rules/x.yaml:5", "fatal"),
                ("rules/y.yaml:2", "sizes"), ("rules/y.yaml:4", "relativ"), ("rules/y.yaml:5", "message")]
    for where, word in expected:
        assert any(where in line and word in line for line in lines), (where, word, err)
    assert len(lines) == len(expected), err


def test_two_files_with_one_rule_id_in_one_folder(story):
    body = "kinds: [money]\ncomparator: exact\n"
    write(story / "rules" / "a.yaml", "id: money-amount\n" + body)
    write(story / "rules" / "b.yaml", "id: money-amount\n" + body)
    err = one_line_error(run("check", "story", "--rules", "rules"), "rules/b.yaml", "rules/a.yaml",
                         "money-amount")
    # across folders, a later folder still overrides
    write(story / "more" / "a.yaml", "id: money-amount\n" + body)
    code, out, err = run("check", "story", "--rules", "more")
    assert code == 1, out + err


@pytest.mark.parametrize("rule_id", ["x\\n::error::INJECTED", "a`b", "a b", "<b>", "-x"])
def test_a_rule_id_is_a_plain_name(story, rule_id):
    """A rule id is printed in annotations, code spans and ignore comments: letters,
    digits, '.', '_' and '-' only."""
    write(story / "rules" / "x.yaml", f'id: "{rule_id}"\nkinds: [money]\ncomparator: exact\n')
    one_line_error(run("check", "story", "--rules", "rules"), "rules/x.yaml:1", "id")


@pytest.mark.parametrize("params, word", [
    ("{relative: .nan}", "relative"),
    ("{relative: -5}", "relative"),
    ("{relative: .inf}", "relative"),
    ("{relative: 1.0e+999}", "relative"),
    ("{hedge_tolerance: 3}", "hedge_tolerance"),
    ("{relative: 1" + "0" * 400 + "}", "relative"),
])
def test_parameters_are_range_checked(story, params, word):
    write(story / "rules" / "x.yaml", f"id: money-amount\nkinds: [money]\ncomparator: hedged_amount\n"
          f"params: {params}\n")
    one_line_error(run("check", "story", "--rules", "rules"), "rules/x.yaml:4", word, "between")


def test_max_changes_must_not_be_negative(story):
    write(story / "rules" / "x.yaml", "id: quote-wording\nkinds: [quote]\ncomparator: quote_words\n"
          "params: {max_changes: -3}\n")
    one_line_error(run("check", "story", "--rules", "rules"), "rules/x.yaml:4", "max_changes", "at least 0")


def test_parameters_inside_their_range_still_work(story):
    write(story / "rules" / "x.yaml", "id: money-amount\nkinds: [money]\ncomparator: hedged_amount\n"
          "params: {relative: 0.2, hedge_tolerance: 0}\n")
    code, out, err = run("check", "story", "--rules", "rules")
    assert code == 1 and "3 discrepancies" not in out and "2 discrepancies" in out, out + err


@pytest.mark.parametrize("message", ["{values.__class__.__mro__}", "{values[0]}", "{unknown}",
                                     "{topic!r}", "{topic:>999999999}", "{0}", "{}", "{topic",
                                     "{topic:{values}}"])
def test_a_rule_message_allows_only_the_documented_placeholders(story, message):
    write(story / "rules" / "x.yaml", "id: money-amount\nkinds: [money]\ncomparator: exact\n"
          f"message: {json.dumps(message)}\n")
    one_line_error(run("check", "story", "--rules", "rules"), "rules/x.yaml:4", "message", "{topic}")


def test_a_rule_message_with_placeholders_and_literal_braces(story):
    write(story / "rules" / "x.yaml", "id: money-amount\nkinds: [money]\ncomparator: exact\n"
          'message: "{{amount}} {kind} of the {topic} in {sources}: {values} {detail}{speaker}"\n')
    code, out, err = run("check", "story", "--rules", "rules", "--format", "json", "-o", "r.json")
    assert code == 1, out + err
    doc = json.loads((story / "r.json").read_text(encoding="utf-8"))
    [money] = [f for f in doc["findings"] if f["rule"] == "money-amount"]
    assert money["message"].startswith("{amount} money of the "), money["message"]
    assert "a, b: a:1 $3.2 billion; b:1 US$3.5bn" in money["message"]


# ================================================================ lesser: baselines

def test_a_baseline_recorded_for_another_story_warns(story):
    write(story / "other" / "a.txt", ARTICLE_A)
    write(story / "other" / "b.txt", ARTICLE_B)
    assert run("baseline", "other", "-o", "base.yaml")[0] == 0
    code, out, err = run("check", "story", "--baseline", "base.yaml", "-o", "r.md")
    assert code == 1, out + err
    assert "Warning:" in out and "base.yaml" in out and "'other'" in out and "'story'" in out, out
    # the right story: no such warning
    code, out, err = run("check", "other", "--baseline", "base.yaml", "-o", "r.md")
    assert code == 0 and "recorded for another story" not in out, out + err
