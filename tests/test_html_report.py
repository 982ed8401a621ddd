"""The HTML report without a browser: self-contained, every byte of an article
escaped, one column per source, every claim highlighted and linked to its
finding, the draft's line order. (tests/test_html_browser.py opens it.)"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

from cli_helpers import run, write
from test_diagnostics import six_sources

ROOT = Path(__file__).resolve().parent.parent

# An article that tries everything: markup, a script, an event handler, links,
# a javascript: URL, an iframe, control characters and a bidi override.
HOSTILE = ("---\ntitle: \"<script>window.__pwned = 'title'</script>\"\noutlet: \"<b onmouseover=alert(1)>Wire</b>\"\n---\n"
           "Harbor Foods agreed to buy Lindqvist Dairy for $2.9 billion <img src=x onerror=\"window.__pwned='img'\">.\n"
           "Read <a href=\"javascript:window.__pwned='link'\">more</a> or [this](https://evil.example/track) "
           "<iframe src=\"https://evil.example/\"></iframe> \x1b[2J\x07 and \u202eevil\u202c.\n"
           "\"We will keep every plant open,\" said Ann Berg. <script>window.__pwned = 'script'</script>\n"
           "<style>body { display: none }</style> Lindqvist Dairy was founded in 1962.\n")
HOSTILE_NAME = "<img src=x onerror=alert(9)>.md"


class Page(HTMLParser):
    """Every start tag with its attributes, and the text of every <script>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def parse(text: str) -> Page:
    page = Page()
    page.feed(text)
    return page


def hostile_story(root: Path) -> Path:
    folder = six_sources(root / "harbor")
    write(folder / "h.md", HOSTILE)
    write(folder / HOSTILE_NAME, "Harbor Foods agreed to buy Lindqvist Dairy for $2.4 billion.\n")
    return folder


def html_of(root: Path, *args: str) -> str:
    code, out, err = run("check", *args, "--format", "html", "--format", "json", "--reports", str(root / "out"))
    assert code in (0, 1), out + err
    [page] = sorted((root / "out").glob("*.html"))
    return page.read_text(encoding="utf-8")


def test_hostile_article_and_file_name_are_text(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    hostile_story(tmp_path)
    text = html_of(tmp_path, "harbor")
    page = parse(text)
    tags = [t for t, _ in page.tags]
    # nothing from an article became an element
    for tag in ("img", "iframe", "link", "object", "embed", "base", "form", "b"):
        assert tag not in tags, tag
    assert tags.count("script") == 1 and tags.count("style") == 1  # the report's own
    for tag, attrs in page.tags:
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)  # no event handlers
        for a in ("src", "href", "action", "formaction", "srcset"):
            value = attrs.get(a)
            assert value is None or re.fullmatch(r"#f\d+", value), (tag, a, value)  # only in-page links
    # ... and is shown as written, escaped
    assert "&lt;script&gt;window.__pwned = &#39;script&#39;&lt;/script&gt;" in text
    assert "&lt;img src=x onerror=&#34;window.__pwned=&#39;img&#39;&#34;&gt;" in text
    assert "&lt;img src=x onerror=alert(9)&gt;.md" in text            # the file name
    assert "[this](https://evil.example/track)" in text               # a link's text, not a link
    assert "\\x1b[2J\\x07" in text and "\\u202eevil\\u202c" in text     # control and bidi characters
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", text)


def test_self_contained_with_a_policy_that_allows_only_its_own_script(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    hostile_story(tmp_path)
    text = html_of(tmp_path, "harbor")
    page = parse(text)
    [script] = page.scripts
    [csp] = [a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp and "default-src 'none'" in csp
    assert not re.search(r"(?i)\b(?:src|href)\s*=\s*[\"']?(?:https?:|//|data:|javascript:)", text)
    assert not re.search(r"(?i)@import|url\(|@font-face", text)  # no fetched CSS or fonts


def test_columns_highlights_and_links(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    six_sources(tmp_path / "harbor")
    text = html_of(tmp_path, "harbor")
    doc = json.loads((tmp_path / "out" / "harbor.json").read_text(encoding="utf-8"))
    page = parse(text)
    columns = [a["data-source"] for t, a in page.tags if t == "article"]
    assert columns == ["a", "b", "c", "d", "e", "f"]
    items = {a["id"]: a["class"] for t, a in page.tags if t == "li" and "finding" in a.get("class", "")}
    assert len(items) == len(doc["findings"]) == 6  # five figures and the outcome "shares rose"
    marks = [a for t, a in page.tags if t == "a" and "claim" in a.get("class", "").split()]
    assert len(marks) == 36  # every claim of every source, once (none runs over a line end)
    for a in marks:
        target = a["href"][1:]
        assert target in items and a["data-f"] == target[1:]
        verdict = a["class"].split()[1]
        assert verdict == items[target].split()[1]  # the highlight's colour is its finding's verdict
    verdicts = sorted(a["class"].split()[1] for a in marks)
    assert verdicts.count("v-discrepancy") == 3 * 6 and verdicts.count("v-agreement") == 3 * 6
    # discrepancies first in the list
    assert [items[f"f{n}"].split()[1] for n in range(1, 7)] == ["v-discrepancy"] * 3 + ["v-agreement"] * 3


def test_claims_no_rule_compares_are_marked_not_compared(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "s" / "a.md", "Acme paid $5 million last month.\n")  # an undated article: unresolved
    write(tmp_path / "s" / "b.md", "Acme paid $5 million.\n")
    page = parse(html_of(tmp_path, "s"))
    marks = [a for t, a in page.tags if t == "a" and "claim" in a.get("class", "").split()]
    classes = sorted(a["class"] for a in marks)
    assert classes == ["claim v-agreement", "claim v-agreement", "claim v-notcompared"]
    assert [a.get("href") for a in marks if "v-notcompared" in a["class"]] == [None]


def test_draft_report_follows_the_draft_and_puts_it_first(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = six_sources(tmp_path / "harbor")
    draft = write(tmp_path / "mine-draft.md", "Shares rose 4%.\nThe dairy, founded in 1965, employs 1,850 people.\n"
                                              "Harbor Foods paid $2.4 billion.\n")
    text = html_of(tmp_path, "--draft", str(draft), str(folder))
    assert (tmp_path / "out" / "mine-draft.html").exists()  # x-draft.md gives x-draft, not x-draft-draft
    page = parse(text)
    assert [a["data-source"] for t, a in page.tags if t == "article"][0] == "mine-draft"
    doc = json.loads((tmp_path / "out" / "mine-draft.json").read_text(encoding="utf-8"))
    lines = [f["claims"][0]["line"] for f in doc["findings"]]
    assert lines == sorted(lines) and lines[0] == 1 and lines[-1] == 3
    verdicts = [a["class"].split()[1] for t, a in page.tags if t == "li" and "finding" in a.get("class", "")]
    assert verdicts[:len(doc["findings"])] == [
        {"supported": "v-agreement", "contradicted": "v-discrepancy", "disputed": "v-disputed",
         "unsupported": "v-single"}[f["verdict"]] for f in doc["findings"]]
    assert "contradicted" in {f["verdict"] for f in doc["findings"]}


def test_seed_story_renders(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    code, out, err = run("check", "sources", "--format", "html", "-o", str(tmp_path / "seed.html"))
    assert code == 0, out + err
    page = parse((tmp_path / "seed.html").read_text(encoding="utf-8"))
    assert [a["data-source"] for t, a in page.tags if t == "article"] == ["000_e1e47496308e6b9c",
                                                                          "003_9c8a5e1c08863dfc"]
