"""Make the two screenshots in docs/: the HTML report and the terminal output,
both taken by headless chromium (Debian's chromium and chromium-driver, with
Selenium from the test extras).

    python docs/screenshots.py [STORY]      # default: tests/eval/stories/quillon-layoffs

The terminal output is checker's own, in colour (--color always), turned into
an HTML page (ANSI colours to spans, everything else escaped) and shot by the
same browser.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
COLOURS = {"31": "#ff6b6b", "32": "#7bd88f", "33": "#e5c07b", "34": "#6cb6ff", "35": "#d291e4", "36": "#56d4dd"}


def ansi_to_html(text: str) -> str:
    """Checker's SGR colours (bold, dim, six colours) as spans; the rest escaped."""
    out, open_spans = [], 0
    for part in re.split(r"(\x1b\[[0-9;]*m)", text):
        m = re.fullmatch(r"\x1b\[([0-9;]*)m", part)
        if not m:
            out.append(html.escape(part))
            continue
        codes = [c for c in m.group(1).split(";") if c]
        if codes in ([], ["0"]):
            out.append("</span>" * open_spans)
            open_spans = 0
            continue
        style = []
        for c in codes:
            if c == "1":
                style.append("font-weight:bold")
            elif c == "2":
                style.append("opacity:.6")
            elif c in COLOURS:
                style.append(f"color:{COLOURS[c]}")
        out.append(f'<span style="{";".join(style)}">')
        open_spans += 1
    return "".join(out) + "</span>" * open_spans


def browser(width: int, height: int):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                f"--window-size={width},{height}", "--hide-scrollbars"):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def main(story: str) -> None:
    from selenium.webdriver.common.by import By
    work = Path(tempfile.mkdtemp())
    name = Path(story).name
    shutil.copytree(ROOT / story, work / name)  # run where the story is: short paths, reports/ beside it
    checker = [sys.executable, "-m", "checker"]
    subprocess.run([*checker, "check", name, "--format", "html", "-q"], cwd=work)
    term = subprocess.run([*checker, "check", name, "--color", "always"],
                          cwd=work, capture_output=True, text=True).stdout
    shown = f"$ checker check {name}\n{term}$ "
    page = work / "reports" / f"{name}.html"
    (work / "terminal.html").write_text(
        "<!DOCTYPE html><meta charset=utf-8><body style='margin:0;background:#1e1e1e'>"
        "<pre style='margin:0;padding:16px;color:#ddd;font:14px/1.45 \"DejaVu Sans Mono\",monospace;"
        f"white-space:pre-wrap'>{ansi_to_html(shown)}</pre>", encoding="utf-8")
    b = browser(1400, 860)
    try:
        b.get(page.resolve().as_uri())
        first = b.find_elements(By.CSS_SELECTOR, "li.finding.v-discrepancy a.pick")
        if first:
            first[0].click()
        b.save_screenshot(str(DOCS / "report-html.png"))
        b.get((work / "terminal.html").resolve().as_uri())
        height = b.execute_script("return document.querySelector('pre').getBoundingClientRect().height")
        chrome = b.execute_script("return window.outerHeight - window.innerHeight")  # no page area
        b.set_window_size(1400, int(height) + int(chrome))
        b.save_screenshot(str(DOCS / "terminal.png"))
    finally:
        b.quit()
    print(f"wrote {DOCS / 'report-html.png'} and {DOCS / 'terminal.png'}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tests/eval/stories/quillon-layoffs")
