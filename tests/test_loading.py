"""Loading a story (issue 12): stories with no claims, articles not in English,
HTML pages and other files, headlines as titles, --published.

Every article here is invented. End-to-end cases go through the real CLI.
"""

from __future__ import annotations

import json

import pytest

from checker.headline import headline
from checker.language import guess
from tests.cli_helpers import run, write

NO_CLAIMS_A = "The board met on a rainy afternoon and talked at length.\n"
NO_CLAIMS_B = "Nobody said much, and the talks went on without a result.\n"
ARTICLE_A = ("The Pellmouth harbour board approved a $48 million ferry terminal on Tuesday.\n\n"
             "Work will start in 2026, the board said.\n")
ARTICLE_B = ("The Pellmouth harbour board approved a $52 million ferry terminal on Tuesday.\n\n"
             "Work will start in 2026, the board said.\n")


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def report_json(path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def one_line_error(result, *words: str) -> str:
    code, out, err = result
    assert code == 2, out + err
    assert "Traceback" not in err and "internal error" not in err, err
    assert err.startswith("checker: error: ") and err.count("\n") == 1, err
    for word in words:
        assert word in err, (word, err)
    return err


# ---------------------------------------------------------------- no claims

def test_no_claims_one_story(here):
    write(here / "empty" / "a.txt", NO_CLAIMS_A)
    write(here / "empty" / "b.txt", NO_CLAIMS_B)
    code, out, err = run("check", "empty", "--format", "markdown", "--format", "json")
    assert code == 0, out + err
    assert "nothing checkable" in out and "0 claims" in out
    assert "nothing checkable" in (here / "reports" / "empty.md").read_text(encoding="utf-8")
    doc = report_json(here / "reports" / "empty.json")
    assert doc["findings"] == [] and any("nothing checkable" in n for n in doc["notes"])


def test_no_claims_many_stories(here):
    write(here / "checker.toml", '[checker]\nstories = ["stories/*"]\nformats = ["markdown", "json"]\n')
    write(here / "stories" / "quiet" / "a.txt", NO_CLAIMS_A)
    write(here / "stories" / "quiet" / "b.txt", NO_CLAIMS_B)
    write(here / "stories" / "terminal" / "a.txt", ARTICLE_A)
    write(here / "stories" / "terminal" / "b.txt", ARTICLE_B)
    code, out, err = run("check")
    assert code == 1, out + err  # the other story's discrepancy still fails the run
    quiet = next(line for line in out.splitlines() if "quiet:" in line)
    assert "nothing checkable" in quiet
    assert report_json(here / "reports" / "quiet.json")["findings"] == []
    assert (here / "reports" / "quiet.md").is_file()
    assert report_json(here / "reports" / "terminal.json")["findings"]


def test_no_claims_draft(here):
    write(here / "empty" / "a.txt", NO_CLAIMS_A)
    write(here / "draft.md", NO_CLAIMS_B)
    code, out, err = run("check", "--draft", "draft.md", "empty", "--format", "json", "-o", "r.json")
    assert code == 0, out + err
    doc = report_json(here / "r.json")
    assert doc["mode"] == "draft" and doc["findings"] == []
    assert any("nothing checkable" in n for n in doc["notes"])


# ---------------------------------------------------------------- languages

GERMAN = ("Das Hafenamt hat am Montag mitgeteilt, dass der Hafen nach dem Sturm für mindestens "
          "eine Woche geschlossen bleibt. Nach Angaben der Behörde wurden 12 Schiffe beschädigt.\n\n"
          "„Wir arbeiten Tag und Nacht“, sagte die Direktorin Petra Lind. Die Reparaturen kosten "
          "etwa 3 Millionen Euro.\n")
ENGLISH = ("The harbour authority said on Monday that the port would stay closed for at least a "
           "week after the storm. Officials said 14 ships were damaged.\n\n"
           "\"We are working day and night,\" said director Petra Lind.\n")

NOT_ENGLISH = [
    ("de", GERMAN),
    ("fr", "Le port restera fermé pendant au moins une semaine, a annoncé lundi l'autorité "
           "portuaire. Selon elle, douze navires ont été endommagés par la tempête et les "
           "réparations coûteront environ trois millions d'euros."),
    ("es", "El puerto permanecerá cerrado al menos una semana, según informó el lunes la "
           "autoridad portuaria. Doce barcos sufrieron daños por la tormenta y las reparaciones "
           "costarán unos tres millones de euros."),
    ("it", "Il porto resterà chiuso per almeno una settimana, ha annunciato lunedì l'autorità "
           "portuale. Secondo la direttrice, dodici navi sono state danneggiate dalla tempesta e "
           "le riparazioni costeranno circa tre milioni di euro."),
    ("pt", "O porto vai ficar fechado durante pelo menos uma semana, anunciou na segunda-feira a "
           "autoridade portuária. Doze navios foram danificados pela tempestade e as reparações "
           "vão custar cerca de três milhões de euros."),
    ("nl", "De haven blijft minstens een week dicht, heeft het havenbedrijf maandag gemeld. "
           "Volgens de directeur zijn er twaalf schepen beschadigd door de storm en de reparaties "
           "kosten ongeveer drie miljoen euro."),
    ("sv", "Hamnen kommer att vara stängd i minst en vecka, meddelade hamnmyndigheten på "
           "måndagen. Tolv fartyg skadades i stormen och reparationerna beräknas kosta omkring "
           "tre miljoner euro, enligt direktören."),
    ("pl", "Port pozostanie zamknięty przez co najmniej tydzień, poinformował w poniedziałek "
           "zarząd portu. Dwanaście statków zostało uszkodzonych przez sztorm, a naprawy będą "
           "kosztować około trzech milionów euro, jak podała dyrektor."),
    ("tr", "Liman en az bir hafta kapalı kalacak, dedi liman idaresi pazartesi günü. Fırtınada "
           "on iki gemi hasar gördü ve onarımların yaklaşık üç milyon avroya mal olacağı "
           "belirtildi. Bu karar için daha çok bilgi yok."),
    ("id", "Pelabuhan akan ditutup selama paling sedikit satu minggu, kata otoritas pelabuhan "
           "pada hari Senin. Dua belas kapal rusak akibat badai dan perbaikan akan memakan biaya "
           "sekitar tiga juta euro, menurut direktur yang baru."),
    ("ru", "Порт будет закрыт не менее недели, сообщило в понедельник управление порта. "
           "Двенадцать судов были повреждены штормом."),
    ("uk", "Порт буде закрито щонайменше на тиждень, повідомила в понеділок адміністрація порту. "
           "Дванадцять суден було пошкоджено штормом, і їх ремонт триватиме."),
    ("el", "Το λιμάνι θα παραμείνει κλειστό για τουλάχιστον μία εβδομάδα, ανακοίνωσε η λιμενική αρχή."),
    ("ar", "سيبقى الميناء مغلقا لمدة أسبوع على الأقل، حسبما أعلنت سلطة الميناء يوم الاثنين."),
    ("zh", "港务局周一表示，港口将关闭至少一周，十二艘船在风暴中受损。"),
    ("ja", "港湾局は月曜日、港は少なくとも一週間閉鎖されると発表した。"),
    ("ko", "항만청은 월요일 항구가 최소 일주일 동안 폐쇄될 것이라고 밝혔다."),
]

ENGLISH_TEXTS = [
    ("short", "Acme buys Globex for $3 billion."),
    ("headline_only", "Port to reopen within a week"),
    ("plain_news", ENGLISH),
    ("names_and_numbers", "Van der Berg (NED) 9.81, De la Cruz (ESP) 9.84, Dan Olsen (DEN) 9.90, "
     "Los Santos (MEX) 9.95, Le Blanc (FRA) 10.01, Di Maria (ITA) 10.02."),
    ("foreign_quote", "The chancellor's words, “Wir schaffen das, und wir werden es schaffen,” were "
     "repeated by the mayor on Monday, who said the city would house 400 more families this year."),
    ("foreign_places", "Officials in São Paulo, Düsseldorf and Łódź said the new trains would "
     "run from March, and that tickets would cost less than they do now."),
    ("results_table", "1. Oskar Lind 2:03:11\n2. Pieter de Vries 2:03:40\n3. Jan van Dijk 2:04:02\n"),
    ("legal_latin", "The court found the clause void ab initio and awarded costs, the judge said, "
                    "adding that the appeal had no merit."),
]


@pytest.mark.parametrize("code,text", NOT_ENGLISH, ids=[c for c, _ in NOT_ENGLISH])
def test_not_english_is_recognised(code, text):
    assert guess(text) == code


@pytest.mark.parametrize("name,text", ENGLISH_TEXTS, ids=[n for n, _ in ENGLISH_TEXTS])
def test_english_is_never_mistaken(name, text):
    assert guess(text) is None


def test_not_english_gets_a_note_and_no_claims(here):
    write(here / "story" / "hafen.txt", GERMAN)
    write(here / "story" / "harbour.txt", ENGLISH)
    code, out, err = run("check", "story", "--format", "markdown", "--format", "json")
    assert code == 0, out + err
    note = "story/hafen.txt: not English (de?): no claims extracted"
    assert note in out
    md = (here / "reports" / "story.md").read_text(encoding="utf-8")
    assert "not English \\(de?\\): no claims extracted" in md and "story/hafen.txt" in md
    doc = report_json(here / "reports" / "story.json")
    assert note in doc["notes"]
    statements = {s["id"]: s["statements"] for s in doc["sources"]}
    assert statements["hafen"] == [] and statements["harbour"]


def test_front_matter_language_decides(here):
    write(here / "story" / "a.md", "---\nlanguage: en\n---\n" + GERMAN)
    write(here / "story" / "b.md", "---\nlang: fr\n---\n" + ENGLISH)
    code, out, err = run("check", "story", "--format", "json", "-o", "r.json")
    assert code == 0, out + err
    doc = report_json(here / "r.json")
    assert "story/b.md: not English (fr?): no claims extracted" in doc["notes"]
    statements = {s["id"]: s["statements"] for s in doc["sources"]}
    assert statements["a"] and statements["b"] == []


# ---------------------------------------------------------------- HTML and other files

PAGE = ("<!DOCTYPE html>\n<html><head><title>Port</title><script>var n = 99;</script></head>"
        "<body><nav>Home | 24 hours</nav><p>The board approved a $60 million terminal.</p></body></html>\n")


def test_html_and_binaries_in_a_folder_are_skipped_with_notes(here):
    write(here / "story" / "a.txt", ARTICLE_A)
    write(here / "story" / "b.txt", ARTICLE_B)
    write(here / "story" / "page.html", PAGE)
    write(here / "story" / "saved.txt", PAGE.replace("$60", "$70"))  # an HTML page saved as .txt
    write(here / "story" / "scan.pdf", b"%PDF-1.4\n\x00\x01\x02")
    write(here / "story" / "photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    write(here / "story" / "notes.yaml", "not: an article\n")
    code, out, err = run("check", "story", "--format", "json", "-o", "r.json")
    assert code == 1, out + err  # a and b still disagree
    assert "internal error" not in err
    doc = report_json(here / "r.json")
    assert [s["id"] for s in doc["sources"]] == ["a", "b"]
    assert doc["notes"][:4] == [
        "skipped story/page.html: an HTML page, not article text",
        "skipped story/photo.jpg: an image, not article text",
        "skipped story/saved.txt: an HTML page, not article text",
        "skipped story/scan.pdf: a PDF file, not article text",
    ]
    values = {c["value"] for f in doc["findings"] for c in f["claims"]}
    assert 60e6 not in values and 70e6 not in values and 99 not in values
    assert "skipped story/page.html" in out


def test_html_named_as_a_path_is_skipped(here):
    write(here / "a.txt", ARTICLE_A)
    write(here / "b.htm", PAGE)
    code, out, err = run("check", "a.txt", "b.htm", "--format", "json", "-o", "r.json")
    assert code == 0, out + err
    doc = report_json(here / "r.json")
    assert [s["id"] for s in doc["sources"]] == ["a"]
    assert "skipped b.htm: an HTML page, not article text" in doc["notes"]


def test_only_html_is_an_error_naming_the_files(here):
    write(here / "b.html", PAGE)
    write(here / "c.pdf", b"%PDF-1.4\n")
    one_line_error(run("check", "b.html", "c.pdf"), "b.html", "c.pdf", "no article to read")
    write(here / "pages" / "b.html", PAGE)
    one_line_error(run("check", "pages"), "pages", "no .txt, .md or .markdown articles")


def test_markdown_with_inline_html_is_still_an_article(here):
    write(here / "a.md", "The board approved a <b>$48 million</b> terminal.\n")
    write(here / "b.md", "<p>The board approved a $48 million terminal.</p>\n")
    code, out, err = run("check", "a.md", "b.md", "--format", "json", "-o", "r.json")
    assert code == 0, out + err
    doc = report_json(here / "r.json")
    # by hand: the $48 million and the outcome (the board approved) agree
    assert doc["summary"]["agreement"] == 2 and not any("skipped" in n for n in doc["notes"])


# ---------------------------------------------------------------- headlines

HEADLINES = [
    # (file name, text, title)
    ("a.txt", "Port to reopen within a week, harbour chief says\n\nThe port will reopen.\n",
     "Port to reopen within a week, harbour chief says"),
    ("a.txt", "Port to reopen?\n\nThe port will reopen.\n", "Port to reopen?"),
    ("a.txt", "Mayor: “We will rebuild”\n\nThe port will reopen.\n", "Mayor: “We will rebuild”"),
    ("a.md", "# Harbour *reopens* after storm\n\nThe port reopened.\n", "Harbour reopens after storm"),
    ("a.md", "Harbour reopens after storm\n===\n\nThe port reopened.\n", "Harbour reopens after storm"),
    ("a.md", "![photo](p.jpg)\n\n# Harbour reopens\n\nThe port reopened.\n", "Harbour reopens"),
    # not a headline
    ("a.txt", "The port will reopen within a week.\n\nMore follows.\n", None),      # a full stop
    ("a.txt", "Port to reopen within a week\nThe port will reopen.\n", None),       # no blank line
    ("a.txt", "By Jane Roe and Tom Ash\n\nThe port will reopen.\n", None),           # a by-line
    ("a.txt", "October 14, 2025 —\n\nThe port will reopen.\n", None),                # a date line
    ("a.txt", "Tuesday, October 14, 2025\n\nThe port will reopen.\n", None),         # a date line
    ("a.txt", "Harbour\n\nThe port will reopen.\n", None),                          # one word
    ("a.txt", "Port to reopen within a week\n", None),                               # nothing after
    ("a.md", "## Background\n\nThe port reopened.\n", None),                        # not an H1
]


@pytest.mark.parametrize("name,text,title", HEADLINES)
def test_headline(tmp_path, name, text, title):
    from checker.sources import load_source
    path = write(tmp_path / name, text)
    assert load_source(path).title == title


def test_headline_function_without_text():
    assert headline("", "", False) is None
    assert headline("\n\n\n", "\n\n\n", True) is None


def test_headline_is_the_title_in_the_reports(here):
    write(here / "story" / "a.txt", "Harbour board backs ferry terminal\n\n" + ARTICLE_A)
    write(here / "story" / "b.md", "---\ntitle: From the front matter\n---\n# Not this one\n\n" + ARTICLE_B)
    code, out, err = run("check", "story", "--format", "markdown", "--format", "json")
    assert code == 1, out + err
    doc = report_json(here / "reports" / "story.json")
    assert {s["id"]: s["title"] for s in doc["sources"]} == {
        "a": "Harbour board backs ferry terminal", "b": "From the front matter"}
    md = (here / "reports" / "story.md").read_text(encoding="utf-8")
    assert "Harbour board backs ferry terminal" in md


# ---------------------------------------------------------------- --published

def test_published_resolves_relative_dates(here):
    write(here / "story" / "a.txt", "The board met on Tuesday and approved the terminal.\n")
    write(here / "story" / "b.md", "---\npublished: 2024-05-02\n---\n"
          "The board met on Tuesday and approved the terminal.\n")
    write(here / "story" / "c.txt", "PELLMOUTH, May 9 (Wire) - The board met on Tuesday.\n")
    code, out, err = run("check", "story", "--published", "2024-05-09", "--format", "json", "-o", "r.json")
    assert code in (0, 1), out + err
    doc = report_json(here / "r.json")
    published = {s["id"]: s["published"] for s in doc["sources"]}
    # a: --published; b: its front matter wins; c: a year-less dateline gives no date,
    # so --published does
    assert published == {"a": "2024-05-09", "b": "2024-05-02", "c": "2024-05-09"}
    dates = {s["id"]: [r["value"] for r in s["statements"] if r["kind"] == "date"]
             for s in doc["sources"]}
    assert dates["a"] == ["2024-05-07"]   # the Tuesday before Thursday 9 May 2024
    assert dates["b"] == ["2024-04-30"]   # the Tuesday before Thursday 2 May 2024
    assert dates["c"] == ["2024-05-07"]


def test_without_published_relative_dates_stay_unresolved(here):
    write(here / "story" / "a.txt", "The board met last month and approved the terminal.\n")
    code, out, err = run("check", "story", "--format", "json", "-o", "r.json")
    doc = report_json(here / "r.json")
    assert doc["sources"][0]["published"] is None
    assert "could not be resolved" in out


def test_published_must_be_a_date(here):
    write(here / "story" / "a.txt", ARTICLE_A)
    one_line_error(run("check", "story", "--published", "2024-13-01"), "--published")
    one_line_error(run("check", "story", "--published", "May 9"), "--published")


def test_dateline_sets_the_date_and_is_not_a_claim(here):
    write(here / "story" / "a.txt", "Board backs terminal\n\n"
          "PELLMOUTH, Sept. 20, 2023 (Coastline Wire) - The board approved a $48 million terminal "
          "on Tuesday.\n")
    code, out, err = run("check", "story", "--published", "2020-01-01", "--format", "json", "-o", "r.json")
    doc = report_json(here / "r.json")
    (src,) = doc["sources"]
    assert src["published"] == "2023-09-20" and src["title"] == "Board backs terminal"
    claims = sorted((r["kind"], r["raw"]) for r in src["statements"]
                    if r["kind"] not in ("statement", "paraphrase"))
    assert claims == [("date", "Tuesday"), ("money", "$48 million"),
                      ("outcome", "board approved a $48 million terminal")]
