"""Loading articles: decoding, front matter, Markdown masking, errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checker.errors import CheckerError
from checker.sources import decode, line_number, load_source, load_sources, mask

SEEDS = Path(__file__).resolve().parent.parent / "sources"


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


# ---------------------------------------------------------------- decoding

BODY = "“Yes,” he said — $97.4 billion.\n"


@pytest.mark.parametrize("data, expected", [
    (BODY.encode("utf-8"), BODY),
    (b"\xef\xbb\xbf" + BODY.encode("utf-8"), BODY),                 # BOM removed
    (b"\xff\xfe" + BODY.encode("utf-16-le"), BODY),
    (b"\xfe\xff" + BODY.encode("utf-16-be"), BODY),
    (b"\x93Yes,\x94 he said \x97 twice.\n", "“Yes,” he said — twice.\n"),  # cp1252
    (b"It cost \x80 5 \x96 6.", "It cost € 5 – 6."),
    (b"Caf\xe9 d\x92Orsay", "Café d’Orsay"),
    (b"One.\r\nTwo.\r\n", "One.\r\nTwo.\r\n"),                        # CRLF kept
    (b"One.\rTwo.\r", "One.\rTwo.\r"),                                # CR kept
    (b"\xef\xbb\xbfOne.\r\nTwo.", "One.\r\nTwo."),
    (b"\xff\xfe" + "A.\r\nB.".encode("utf-16-le"), "A.\r\nB."),
    (b"Tab\tand form feed\x0c ok.", "Tab\tand form feed\x0c ok."),
])
def test_decode(data, expected):
    assert decode(data, "x.txt") == expected


@pytest.mark.parametrize("data, message, line", [
    (b"Line one.\nLine two \x81.\n", "cannot decode byte 0x81", 2),
    (b"A\r\nB\r\nC \x8d", "cannot decode byte 0x8d", 3),
    (b"\x90", "cannot decode byte 0x90", 1),
    (b"abc\x00def", "binary file", None),
    (b"\x01\x02\x03\x04 abc", "binary file", None),
    (b"\xff\xfe" + b"A\x00B", "cannot decode the file as UTF-16-LE", None),  # odd length
    (b"\xef\xbb\xbf\xff bad", "cannot decode the file as UTF-8", None),
    (b"\xff\xfe" + "a\x00b".encode("utf-16-le"), "binary file", None),
])
def test_decode_errors(data, message, line):
    with pytest.raises(CheckerError) as info:
        decode(data, "bad.txt")
    assert message in str(info.value)
    assert "bad.txt" in str(info.value)
    assert info.value.line == line


def test_load_keeps_line_ends_and_offsets(tmp_path):
    path = write(tmp_path, "crlf.txt", b"One.\r\nTwo.\rThree.\nFour.")
    src = load_source(path)
    assert src.text == "One.\r\nTwo.\rThree.\nFour."
    assert src.plain == src.text
    assert [line_number(src, src.text.index(w)) for w in ("One", "Two", "Three", "Four")] \
        == [1, 2, 3, 4]


# ---------------------------------------------------------------- line numbers

@pytest.mark.parametrize("text, offset, line", [
    ("abc", 0, 1),
    ("abc", 3, 1),
    ("a\nb", 1, 1),      # the line end belongs to its line
    ("a\nb", 2, 2),
    ("a\r\nb", 1, 1),
    ("a\r\nb", 2, 1),    # inside CRLF
    ("a\r\nb", 3, 2),
    ("a\rb\rc", 4, 3),
    ("a\n\n\nb", 4, 4),
    ("a\r\rb", 3, 3),
    ("a\n\rb", 3, 3),    # LF then CR: two line ends
])
def test_line_number(text, offset, line):
    assert line_number(text, offset) == line


# ---------------------------------------------------------------- front matter

YAML_FM = ("---\n"
           "title: Musk bids for OpenAI\n"
           "outlet: Example News\n"
           "published: 2025-02-11\n"
           "role: Wire\n"
           "tags: [tech, ai]\n"
           "---\n"
           "Musk bid $97.4 billion.\n"
           "Altman said no.\n")

TOML_FM = ("+++\n"
           'title = "Musk bids for OpenAI"\n'
           'outlet = "Example News"\n'
           "published = 2025-02-11\n"
           'role = "wire"\n'
           'tags = ["tech", "ai"]\n'
           "+++\n"
           "Musk bid $97.4 billion.\n"
           "Altman said no.\n")


@pytest.mark.parametrize("name, text", [
    ("yaml.txt", YAML_FM),
    ("yaml.md", YAML_FM),
    ("toml.md", TOML_FM),
    ("crlf.md", YAML_FM.replace("\n", "\r\n")),
    ("cr.md", YAML_FM.replace("\n", "\r")),
    ("tomlcrlf.md", TOML_FM.replace("\n", "\r\n")),
])
def test_front_matter(tmp_path, name, text):
    src = load_source(write(tmp_path, name, text))
    assert src.meta["title"] == "Musk bids for OpenAI"
    assert src.meta["outlet"] == "Example News"
    assert src.meta["published"] == dt.date(2025, 2, 11)
    assert src.meta["tags"] == ["tech", "ai"]
    assert src.title == "Musk bids for OpenAI" and src.outlet == "Example News"
    assert src.published == dt.date(2025, 2, 11) and src.role == "wire"
    assert src.text == text and len(src.plain) == len(text)
    # the front matter is blanked, line ends kept
    fm_end = src.text.index("Musk bid")
    assert src.plain[:fm_end].strip() == ""
    assert [c for c in src.plain[:fm_end] if c in "\r\n"] == \
        [c for c in src.text[:fm_end] if c in "\r\n"]
    # offsets found in plain point at the same words in the original text
    s = src.plain.index("$97.4 billion")
    assert src.text[s:s + 13] == "$97.4 billion"
    assert line_number(src, s) == 8
    assert line_number(src, src.plain.index("Altman")) == 9


def test_front_matter_empty_and_document_end(tmp_path):
    assert load_source(write(tmp_path, "a.md", "---\n---\nBody.\n")).meta == {}
    src = load_source(write(tmp_path, "b.md", "---\ntitle: T\n...\nBody.\n"))
    assert src.meta == {"title": "T"}
    assert src.plain == "   \n        \n   \nBody.\n"


def test_no_front_matter_when_not_at_top(tmp_path):
    text = "Body.\n---\ntitle: x\n---\nMore.\n"
    src = load_source(write(tmp_path, "a.txt", text))
    assert src.meta == {} and src.plain == text


@pytest.mark.parametrize("text, line, words", [
    ("---\ntitle: ok\nbad: a: b\n---\nBody.\n", 3, "bad YAML front matter"),
    ("---\ntitle: ok\nlist: [a\nmore: x\n---\nBody.\n", 4, "bad YAML front matter"),
    ("---\r\ntitle: ok\r\n\r\nbad: a: b\r\n---\r\nBody.\r\n", 4, "bad YAML"),
    ("---\n- a\n- b\n---\nBody.\n", 2, "not a mapping"),
    ("---\njust a string\n---\nBody.\n", 2, "not a mapping"),
    ("---\ntitle: x\nBody.\n", 1, "never closed"),
    ("+++\ntitle = \"x\"\nbad = \n+++\nBody.\n", 3, "bad TOML front matter"),
    ("+++\ntitle = \"x\"\ntitle = \"y\"\n+++\nBody.\n", 3, "bad TOML"),
    ("+++\ntitle = \"x\"\n", 1, "never closed"),
    ("---\npublished: 2025-02-30\n---\nBody.\n", 1, "bad value in YAML"),
])
def test_bad_front_matter(tmp_path, text, line, words):
    path = write(tmp_path, "story.md", text)
    with pytest.raises(CheckerError) as info:
        load_source(path)
    err = info.value
    assert words in err.message
    assert err.line == line
    assert str(path) in str(err) and f":{line}:" in str(err)


def test_yaml_is_safe(tmp_path):
    text = "---\ntitle: !!python/object/apply:os.system ['echo hi']\n---\nBody.\n"
    with pytest.raises(CheckerError):
        load_source(write(tmp_path, "evil.md", text))


# ---------------------------------------------------------------- Markdown masking

@pytest.mark.parametrize("text, plain", [
    ("# Title here\n", "  Title here\n"),
    ("## Musk bid ##\n", "   Musk bid   \n"),
    ("### C#\n", "    C#\n"),
    ("He paid **$97.4 billion** today.\n", "He paid   $97.4 billion   today.\n"),
    ("It was *very* big and _really_ odd.\n", "It was  very  big and  really  odd.\n"),
    ("**Bold *nested* text**\n", "  Bold  nested  text  \n"),
    ("__Strong__ words\n", "  Strong   words\n"),
    ("snake_case_name stays\n", "snake_case_name stays\n"),
    ("2*3*4 = 24\n", "2*3*4 = 24\n"),
    ("Cost was 5 * 3 today\n", "Cost was 5 * 3 today\n"),
    ("a footnote* here\n", "a footnote* here\n"),
    ("The *$5* fee\n", "The  $5  fee\n"),
    ("*Musk*’s bid\n", " Musk ’s bid\n"),
    ("See [the filing](https://x.com/a_b) now.\n",
     "See  the filing                     now.\n"),
    ("Read [*this*][ref] too.\n", "Read   this        too.\n"),
    ('See [a](http://x.com/b "Title") now.\n', "See  a                          now.\n"),
    ("[w](https://w.org/A_(b)) c\n", " w                       c\n"),
    ("[a](b) (c)\n", " a     (c)\n"),
    ("Maybe I should [be concerned], he said.\n", "Maybe I should [be concerned], he said.\n"),
    ("![chart](img.png) Growth.\n", "                  Growth.\n"),
    ("[1]: https://example.com\n", "                        \n"),
    ("- First item\n- Second item\n", "  First item\n  Second item\n"),
    ("* Star item\n+ Plus item\n", "  Star item\n  Plus item\n"),
    ("1. First\n2. Second\n", "   First\n   Second\n"),
    ("Musk left in\n2018. Then he sued.\n", "Musk left in\n2018. Then he sued.\n"),
    ("> Quoted line\n", "  Quoted line\n"),
    ("> - quoted item\n", "    quoted item\n"),
    ("Text <b>bold</b> here\n", "Text    bold     here\n"),
    ("x <https://a.b/c> y\n", "x                 y\n"),
    ("<!-- note -->Visible\n", "             Visible\n"),
    ("A<!-- two\nlines -->B\n", "A        \n         B\n"),
    ("Use `code_here` now\n", "Use  code_here  now\n"),
    ("***\n", "   \n"),
    ("Title\n=====\n", "Title\n     \n"),
    ("Price \\*5\\* only\n", "Price  *5 * only\n"),
    ("```\ncode *x*\n```\nAfter.\n", "   \n        \n   \nAfter.\n"),
    ("Tab\t*x*\r\nCR *y*\rz\n", "Tab\t x \r\nCR  y \rz\n"),
])
def test_markdown_masking(tmp_path, text, plain):
    src = load_source(write(tmp_path, "story.md", text + "Body.\n"))
    assert src.text == text + "Body.\n"
    assert src.plain == plain + "Body.\n"
    assert len(src.plain) == len(src.text)


def test_txt_is_not_masked_unless_front_matter(tmp_path):
    text = "# Not a heading\nIt was *very* big.\n"
    assert load_source(write(tmp_path, "a.txt", text)).plain == text
    src = load_source(write(tmp_path, "b.txt", "---\ntitle: T\n---\n" + text))
    assert src.plain.endswith("  Not a heading\nIt was  very  big.\n")


def test_markdown_suffix_is_case_insensitive(tmp_path):
    src = load_source(write(tmp_path, "a.MARKDOWN", "# Head\nBody.\n"))
    assert src.plain == "  Head\nBody.\n"


@pytest.mark.parametrize("text", [
    "Text.\n\n)",
    "Text.\n]\n\n",
    "Text.\n) ]\n",
])
def test_trailing_junk_blanked_in_txt(tmp_path, text):
    src = load_source(write(tmp_path, "a.txt", text))
    assert src.plain.rstrip() == "Text."
    assert len(src.plain) == len(text)


@pytest.mark.parametrize("text", [
    "*" * 100_000,
    "[" * 100_000 + "x",
    "![a](" * 30_000,
    "<a " * 30_000,
    "<!" * 50_000,
    "<!-- x --" * 20_000 + "-->",
    "x" + "`" * 50_000 + "x",
    "` x " * 30_000,
    "_a " * 50_000,
    "# " + " " * 100_000 + "x",
    "> " * 50_000 + "x",
    "- " * 50_000 + "x",
    ("- - " * 20_000) + "x\n",
    "\\*" * 50_000,
], ids=lambda t: repr(t[:8]))
def test_masking_pathological_input_finishes(text):
    plain = mask(text + "\nWords.", 0, True)
    assert len(plain) == len(text) + 7
    assert plain.endswith("Words.")


def test_seed_trailing_paren_blanked():
    src = load_source(SEEDS / "000_e1e47496308e6b9c.txt")
    assert src.text.rstrip().endswith(")")
    assert src.plain.rstrip().endswith("better.”")
    assert len(src.plain) == len(src.text)


# ---------------------------------------------------------------- errors

def test_missing_path(tmp_path):
    missing = tmp_path / "nope.txt"
    with pytest.raises(CheckerError) as info:
        load_sources([str(missing)])
    assert "no such file or folder" in str(info.value)
    assert str(missing) in str(info.value)
    assert info.value.hint


@pytest.mark.parametrize("files", [
    {},
    {"notes.pdf": b"%PDF"},
    {".hidden.txt": b"Hidden."},
    {".git/a.txt": b"Hidden."},
    {"a.txt.bak": b"Backup."},
])
def test_folder_without_articles(tmp_path, files):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, data in files.items():
        write(folder, name, data)
    with pytest.raises(CheckerError) as info:
        load_sources([str(folder)])
    assert "no .txt, .md or .markdown articles" in str(info.value)
    assert str(folder) in str(info.value)


@pytest.mark.parametrize("data, message", [
    (b"", "empty file"),
    (b"  \n\t\r\n  ", "empty file"),
    (b"\xef\xbb\xbf\n\n", "empty file"),
    (b"\x00\x01\x02PK", "binary file"),
    (b"\x01" * 50 + b"abc", "binary file"),
    (b"Caf\x81", "cannot decode"),
    (b"---\ntitle: x\n---\n\n", "no article text"),
    (b"![img](a.png)\n", "no article text"),
])
def test_bad_file(tmp_path, data, message):
    name = "story.md" if data.startswith(b"![") else "story.txt"
    path = write(tmp_path, name, data)
    with pytest.raises(CheckerError) as info:
        load_sources([str(path)])
    assert message in info.value.message
    assert str(path) in str(info.value)


def test_too_large(tmp_path):
    path = write(tmp_path, "big.txt", "Word. " * 100)
    with pytest.raises(CheckerError) as info:
        load_sources([str(path)], max_bytes=100)
    assert "too large" in str(info.value) and str(path) in str(info.value)
    assert load_sources([str(path)], max_bytes=600)[0].id == "big"


def test_not_a_regular_file(tmp_path):
    with pytest.raises(CheckerError) as info:
        load_source(tmp_path)
    assert "not a regular file" in str(info.value)


def test_duplicate_ids(tmp_path):
    a = write(tmp_path, "one/story.txt", "A.")
    b = write(tmp_path, "two/story.md", "B.")
    with pytest.raises(CheckerError) as info:
        load_sources([str(tmp_path)])
    assert "'story'" in str(info.value)
    assert str(a) in str(info.value) and str(b) in str(info.value)
    with pytest.raises(CheckerError):
        load_sources([str(a), str(b)])


def test_same_file_twice_loads_once(tmp_path):
    a = write(tmp_path, "a.txt", "A.")
    assert [s.id for s in load_sources([str(a), str(tmp_path)])] == ["a"]


def test_no_paths():
    with pytest.raises(CheckerError):
        load_sources([])


# ---------------------------------------------------------------- folders

def test_folder_order_and_filter(tmp_path):
    for name in ["b.txt", "a.md", "sub/c.markdown", "sub/deeper/d.txt", "e.TXT",
                 "a-z.txt", ".hidden.txt", ".git/x.txt", "sub/.cache/y.md",
                 "notes.pdf", "readme.rst", "f.txt.orig"]:
        write(tmp_path, name, f"Article {name}.")
    sources = load_sources([str(tmp_path)])
    assert [s.id for s in sources] == ["a-z", "a", "b", "e", "c", "d"]
    assert sources[4].path == str(tmp_path / "sub" / "c.markdown")
    assert sources[1].text == "Article a.md."


def test_files_and_folders_keep_given_order(tmp_path):
    write(tmp_path, "dir/b.txt", "B.")
    write(tmp_path, "dir/a.txt", "A.")
    z = write(tmp_path, "z.txt", "Z.")
    ids = [s.id for s in load_sources([str(z), str(tmp_path / "dir")])]
    assert ids == ["z", "a", "b"]


def test_load_source_custom_id(tmp_path):
    src = load_source(write(tmp_path, "x.txt", "Text."), source_id="custom")
    assert src.id == "custom" and src.path.endswith("x.txt")


def test_seed_folder_loads():
    sources = load_sources([str(SEEDS)])
    assert [s.id for s in sources] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    for src in sources:
        assert len(src.plain) == len(src.text)
        assert src.meta == {}
