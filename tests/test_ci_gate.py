"""The CI gate end to end: a temporary git repo with checker.toml and two stories."""

from __future__ import annotations

import json
import re
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

FRONT = "---\ntitle: {title}\noutlet: {outlet}\npublished: 2024-03-04\n---\n"
DEAL = ("Acme Corp agreed to buy Widget Inc for {amount} in cash, the companies said on Monday.\n"
        "\n"
        "The combined company will be based in Denver.\n")
BUDGET = ("The city council approved a budget of $12 million for the new library on Tuesday.\n"
          "\n"
          "Construction starts next spring.\n")


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
                           "-c", "commit.gpgsign=false", *args],
                          cwd=repo, capture_output=True, text=True, check=True)
    return done.stdout


def _checker(repo: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=300)


def _article(path: Path, title: str, outlet: str, body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(FRONT.format(title=title, outlet=outlet) + body, encoding="utf-8")


@pytest.fixture()
def repo(tmp_path):
    repo = tmp_path / "newsroom"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "checker.toml").write_text(
        '[checker]\nstories = ["stories/*"]\nreports = "reports"\nformats = ["markdown", "json"]\n')
    (repo / ".gitignore").write_text("reports/\n")
    deal = repo / "stories" / "acquisition"
    _article(deal / "wire.md", "Acme to buy Widget", "Wire", DEAL.format(amount="$3.2 billion"))
    _article(deal / "daily.md", "Acme buys Widget", "Daily", DEAL.format(amount="$4.1 billion"))
    library = repo / "stories" / "library"
    _article(library / "herald.md", "Library budget", "Herald", BUDGET)
    _article(library / "post.md", "Council backs library", "Post", BUDGET)
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "two stories")
    return repo


def _annotations(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if line.startswith("::error") or line.startswith("::warning")]


def test_gate_reports_baselines_and_changed_stories(repo):
    # 1. the discrepancy fails the gate, one report per story plus the index
    done = _checker(repo, "check", "--format", "markdown", "--format", "json", "--format", "github")
    assert done.returncode == 1, done.stdout + done.stderr
    reports = repo / "reports"
    assert sorted(p.name for p in reports.iterdir()) == [
        "README.md", "acquisition.claims.md", "acquisition.json", "acquisition.md",
        "library.claims.md", "library.json", "library.md"]
    errors = [a for a in _annotations(done.stdout) if a.startswith("::error")]
    # one annotation per finding, on the first source's claim (two sources: no majority)
    assert [a.split("::")[1].rsplit(",", 2)[0] for a in errors] == [
        "error file=stories/acquisition/daily.md,line=6"]
    assert "$3.2 billion" in errors[0] and "$4.1 billion" in errors[0]
    assert "stories/library" not in done.stdout
    index = (reports / "README.md").read_text()
    rows = [line for line in index.splitlines() if line.startswith("| [")]
    assert [r.split("]")[0] for r in rows] == ["| [acquisition", "| [library"]  # worst first
    assert "**fail**" in rows[0] and "| pass" in rows[1]
    bad = json.loads((reports / "acquisition.json").read_text())
    assert bad["summary"]["discrepancy"] == 1
    assert json.loads((reports / "library.json").read_text())["summary"]["discrepancy"] == 0

    # 2. accept it: a baseline, then the gate passes and lists the finding as accepted
    done = _checker(repo, "baseline", "--output", "checker-baseline.yaml")
    assert done.returncode == 0, done.stderr
    import yaml
    entries = yaml.safe_load((repo / "checker-baseline.yaml").read_text())["findings"]
    assert [(e["story"], e["rule"], e["reason"]) for e in entries] == [("acquisition", "money-amount", "")]
    assert sorted(entries[0]["values"]) == ["daily: $4.1 billion", "wire: $3.2 billion"]
    done = _checker(repo, "check", "--baseline", "checker-baseline.yaml", "--format", "github", "--format", "json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert not [a for a in _annotations(done.stdout) if a.startswith("::error")]
    accepted = json.loads((reports / "acquisition.json").read_text())["findings"]
    assert [f.get("status") for f in accepted if f["verdict"] == "discrepancy"] == ["accepted"]

    # 3. the fingerprint survives edits elsewhere (lines move, unrelated text changes)
    wire = repo / "stories" / "acquisition" / "wire.md"
    text = wire.read_text()
    wire.write_text(text.replace("---\nAcme", "---\nBreaking news from the markets.\n\nAcme")
                    .replace("Denver", "Boulder"))
    done = _checker(repo, "check", "--baseline", "checker-baseline.yaml")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "stale" not in done.stdout + done.stderr
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "baseline")

    # 4. --changed-since: only the story with a changed file is checked
    shutil.rmtree(reports)
    wire.write_text(wire.read_text().replace("$3.2 billion", "$4.1 billion"))  # the fix
    done = _checker(repo, "check", "--changed-since", "HEAD", "--format", "markdown", "--format", "json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert sorted(p.name for p in reports.iterdir()) == ["README.md", "acquisition.claims.md",
                                                         "acquisition.json", "acquisition.md"]
    assert "1 of 2 stories checked" in done.stdout
    assert re.search(r"\|\s*library\s*\|\s*not checked\s*\|", (reports / "README.md").read_text())

    # 5. after the fix the baseline entry is stale: reported, but the gate still passes
    out = done.stdout + done.stderr
    assert f"stale baseline entry {entries[0]['fingerprint']}" not in out  # no baseline given yet
    done = _checker(repo, "check", "--baseline", "checker-baseline.yaml", "--format", "github",
                    "--format", "markdown", "--format", "json")
    assert done.returncode == 0, done.stdout + done.stderr
    note = f"stale baseline entry {entries[0]['fingerprint']}"
    assert note in done.stdout  # the terminal summary and a ::warning annotation
    assert any(a.startswith("::warning") and note in a for a in _annotations(done.stdout))
    assert note in (reports / "acquisition.md").read_text()
    assert any(note in n for n in json.loads((reports / "acquisition.json").read_text())["notes"])


def test_changed_since_bad_revision_is_one_line_exit_2(repo):
    done = _checker(repo, "check", "--changed-since", "no-such-rev")
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(
        "checker: error: --changed-since: unknown git revision 'no-such-rev'"), done.stderr


def test_inline_suppression_in_a_story(repo):
    daily = repo / "stories" / "acquisition" / "daily.md"
    text = daily.read_text()
    daily.write_text(text.replace("---\nAcme", '---\n<!-- checker: ignore=money-amount reason="Daily counts debt" -->\nAcme'))
    done = _checker(repo, "check", "--format", "github", "--format", "json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "::error" not in done.stdout
    findings = json.loads((repo / "reports" / "acquisition.json").read_text())["findings"]
    [f] = [f for f in findings if f["verdict"] == "discrepancy"]
    assert f["status"] == "suppressed" and f["details"]["reason"] == "Daily counts debt"

    daily.write_text(text.replace("---\nAcme", "---\n<!-- checker: ignore=money-amount -->\nAcme"))
    done = _checker(repo, "check")
    assert done.returncode == 2
    assert done.stderr.strip() == ("checker: error: stories/acquisition/daily.md:6: an ignore comment needs a reason "
                                   "(write <!-- checker: ignore=<rule-id> reason=\"why this is accepted\" -->)")


def test_single_story_paths_override_config(repo):
    done = _checker(repo, "check", "stories/library", "--output", "-", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["story"] == "library"
    assert not (repo / "reports" / "README.md").exists()
