"""The HTML report in a real headless browser (Debian's chromium, driven by
Selenium through the system chromedriver; .ci/run installs both): the columns
and highlights are there, choosing a finding scrolls every column to its
claims, printing shows everything, and no script from an article runs.

Skipped, with the reason, only where no browser can be had; under CI a
browser that is installed but does not start is a failure."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from cli_helpers import run
from test_html_report import HOSTILE_NAME, hostile_story

ROOT = Path(__file__).resolve().parent.parent
BROWSERS = ("chromium", "chromium-browser", "google-chrome")


def _browser() -> tuple[str, str]:
    browser = next((b for b in map(shutil.which, BROWSERS) if b), None)
    driver = shutil.which("chromedriver") or ("/usr/bin/chromedriver" if os.path.exists("/usr/bin/chromedriver") else None)
    if browser is None or driver is None:
        pytest.skip("no headless browser here: install Debian's chromium and chromium-driver "
                    "(apt-get install chromium chromium-driver; .ci/run does)")
    return browser, driver


@pytest.fixture(scope="module")
def browser():
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is a test dependency: pip install '.[test]'")
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.chrome.service import Service
    binary, driver_path = _browser()
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,720", "--disable-extensions", "--no-first-run"):
        options.add_argument(arg)
    try:
        driver = webdriver.Chrome(service=Service(driver_path), options=options)
    except WebDriverException as exc:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"the browser did not start: {str(exc).splitlines()[0]}")
    yield driver
    driver.quit()


def _open(browser, path: Path):
    browser.get(path.resolve().as_uri())
    return browser


def _column_state(browser) -> list[dict]:
    return browser.execute_script("""
        return Array.from(document.querySelectorAll('.col')).map(function (col) {
          var box = col.querySelector('.text');
          return {source: col.getAttribute('data-source'), top: box.scrollTop,
                  height: box.clientHeight, full: box.scrollHeight};
        });""")


def _visible(browser, n: str) -> list[bool]:
    """Per column: is the first highlight of finding n inside the column's visible box?"""
    return browser.execute_script("""
        var n = arguments[0];
        return Array.from(document.querySelectorAll('.col .text')).map(function (box) {
          var el = box.querySelector('[data-f="' + n + '"]');
          if (!el) { return null; }
          var b = box.getBoundingClientRect(), r = el.getBoundingClientRect();
          return r.top >= b.top && r.bottom <= b.bottom;
        });""", n)


def _deepest_finding(browser) -> str:
    """The finding whose highlights sit lowest in the columns (so they must scroll)."""
    return browser.execute_script("""
        var best = null, depth = -1;
        document.querySelectorAll('li.finding').forEach(function (item) {
          var n = item.getAttribute('data-f'), low = Infinity, cols = 0;
          document.querySelectorAll('.col .text').forEach(function (box) {
            var el = box.querySelector('[data-f="' + n + '"]');
            if (el) { cols++; low = Math.min(low, el.offsetTop); }
          });
          if (cols >= 2 && low > depth) { depth = low; best = n; }
        });
        return best;""")


def test_seed_story_columns_highlights_and_scrolling(browser, tmp_path, monkeypatch):
    from selenium.webdriver.common.by import By
    monkeypatch.chdir(ROOT)
    page = tmp_path / "seed.html"
    code, out, err = run("check", "sources", "--format", "html", "-o", str(page))
    assert code == 0, out + err
    _open(browser, page)
    assert browser.title == "Consistency report: sources"
    columns = browser.find_elements(By.CSS_SELECTOR, ".col")
    assert [c.get_attribute("data-source") for c in columns] == ["000_e1e47496308e6b9c", "003_9c8a5e1c08863dfc"]
    # side by side: the two columns share a top edge and do not overlap
    a, b = (c.rect for c in columns)
    assert a["y"] == b["y"] and a["x"] + a["width"] <= b["x"]
    marks = browser.find_elements(By.CSS_SELECTOR, ".col a.claim")
    classes = {m.get_attribute("class") for m in marks}
    assert {"claim v-agreement", "claim v-single", "claim v-notcompared"} <= classes
    assert all(m.get_attribute("href").endswith(f"#f{m.get_attribute('data-f')}")
               for m in marks if m.get_attribute("data-f"))

    n = _deepest_finding(browser)
    before = _column_state(browser)
    assert all(c["top"] == 0 and c["full"] > c["height"] for c in before)  # columns that scroll
    hidden = [v is False for v in _visible(browser, n)]
    assert any(hidden), "pick a finding below the fold"
    browser.find_element(By.CSS_SELECTOR, f'a.pick[data-f="{n}"]').click()
    after = _column_state(browser)
    assert _visible(browser, n) == [True, True]  # every column now shows its claim
    assert all(c2["top"] > c1["top"] for c1, c2, h in zip(before, after, hidden) if h)
    assert browser.find_element(By.ID, f"f{n}").get_attribute("class").endswith("active")
    assert browser.execute_script("return location.hash") == f"#f{n}"
    # a highlight leads back to its finding
    single = browser.find_element(By.CSS_SELECTOR, ".col a.claim.v-single")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", single)
    single.click()
    assert browser.execute_script("return location.hash") == f"#f{single.get_attribute('data-f')}"


def test_printing_shows_every_line(browser, tmp_path, monkeypatch):
    from selenium.webdriver.common.by import By
    monkeypatch.chdir(ROOT)
    page = tmp_path / "seed.html"
    run("check", "sources", "--format", "html", "-o", str(page))
    _open(browser, page)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        for box in _column_state(browser):
            assert box["full"] == box["height"], box  # no scroll box on paper: the whole article
        assert browser.find_element(By.CSS_SELECTOR, ".summary .headline").is_displayed()
        pdf = browser.execute_cdp_cmd("Page.printToPDF", {})
        assert len(pdf["data"]) > 10_000
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_hostile_article_runs_no_script(browser, tmp_path, monkeypatch):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By
    monkeypatch.chdir(tmp_path)
    hostile_story(tmp_path)
    code, out, err = run("check", "harbor", "--format", "html", "--reports", "out")
    assert code == 1, out + err
    _open(browser, tmp_path / "out" / "harbor.html")
    assert browser.execute_script("return window.__pwned") is None
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018
    assert browser.title == "Consistency report: harbor"
    assert browser.find_elements(By.CSS_SELECTOR, "img, iframe, object, embed") == []
    assert len(browser.find_elements(By.CSS_SELECTOR, "script")) == 1
    hrefs = {a.get_attribute("href").rsplit("#", 1)[-1] for a in browser.find_elements(By.CSS_SELECTOR, "a[href]")}
    assert all(h.startswith("f") and h[1:].isdigit() for h in hrefs)  # only links to findings
    column = browser.find_element(By.CSS_SELECTOR, '.col[data-source="h"]')
    text = column.text
    assert "<script>window.__pwned = 'script'</script>" in text  # shown, not run
    assert "<iframe src=\"https://evil.example/\"></iframe>" in text
    assert "\\x1b[2J\\x07" in text and "\\u202eevil\\u202c" in text
    assert "<script>window.__pwned = 'title'</script>" in column.find_element(By.CSS_SELECTOR, ".title").text
    names = [c.get_attribute("data-source") for c in browser.find_elements(By.CSS_SELECTOR, ".col")]
    assert HOSTILE_NAME[:-3] in names
    assert browser.find_element(By.TAG_NAME, "body").is_displayed()  # the article's <style> did nothing
    # choosing the money finding still works with the hostile column in the page
    money = browser.find_element(By.CSS_SELECTOR, '.col[data-source="h"] a.claim.v-discrepancy')
    n = money.get_attribute("data-f")
    browser.find_element(By.CSS_SELECTOR, f'a.pick[data-f="{n}"]').click()
    assert all(v in (True, None) for v in _visible(browser, n))
    assert browser.execute_script("return window.__pwned") is None
