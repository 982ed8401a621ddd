"""Load articles: read, decode, parse front matter, mask Markdown.

``Source.text`` is the decoded file with its line ends as they were, so every
offset points into the original text. ``Source.plain`` has the same length;
front matter and Markdown syntax are blanked to spaces (line ends kept).
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import os
import re
import tomllib
from pathlib import Path

from checker import yamlsafe
from checker.errors import CheckerError, too_many_digits
from checker.headline import headline
from checker.paths import display, resolved
from checker.records import Source
from checker.report import is_report

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown")
MARKDOWN_SUFFIXES = (".md", ".markdown")
MAX_BYTES = 5_000_000
# files that may hold an article in another form: skipped with a note, never read
# as text (an HTML page's menus, scripts and tags are not the article)
OTHER_FORMATS = {
    **dict.fromkeys((".html", ".htm", ".xhtml", ".shtml", ".mht", ".mhtml"), "an HTML page"),
    ".pdf": "a PDF file",
    **dict.fromkeys((".doc", ".docx", ".odt", ".rtf", ".pages", ".epub"), "a word-processor file"),
    **dict.fromkeys((".png", ".jpg", ".jpeg", ".gif", ".webp", ".tif", ".tiff", ".bmp", ".heic",
                     ".svg"), "an image"),
    **dict.fromkeys((".zip", ".gz", ".tgz", ".7z", ".rar"), "an archive"),
}
_SAVE_AS_TEXT = "save the article's text as .txt or .md to check it"

_HINT_ARTICLE = "give a .txt or .md article or a folder of them"
_EOL = re.compile(r"\r\n|\r|\n")


# ---------------------------------------------------------------- loading

class WrittenByChecker(CheckerError):
    """The file is a report checker wrote (it ends with the report mark)."""


class NotArticle(CheckerError):
    """An HTML page, a PDF, an image...: not article text; skipped with a note."""


def load_sources(paths: list[str], max_bytes: int = MAX_BYTES, exclude=(),
                 published: dt.date | None = None) -> list[Source]:
    """Load files and folders (every article below a folder, sorted by path)."""
    return load_story(paths, max_bytes, exclude, published)[0]


def load_story(paths: list[str], max_bytes: int = MAX_BYTES, exclude=(),
               published: dt.date | None = None) -> tuple[list[Source], tuple[str, ...]]:
    """(sources, notes). ``exclude``: files and folders never read
    (the reports folder, the draft). A report checker wrote is skipped with a
    note when found in a folder, and refused when named; an HTML page, a PDF,
    an image (OTHER_FORMATS, or a text file holding an HTML document) is
    skipped with a note, named or found. An article not in English gets a
    note (checker.language). ``published``: the date of the articles whose
    front matter and text give none (``--published``)."""
    from checker.language import language_note
    files, walked = article_files(paths, exclude)
    sources, notes, others = [], [], []
    for f in files:
        try:
            source = load_source(f, max_bytes=max_bytes, published=published)
        except WrittenByChecker as err:
            if f not in walked:
                raise
            notes.append(f"skipped {err.path}: {err.message}")
            continue
        except NotArticle as err:  # named or found: skipped, with a note naming it
            notes.append(f"skipped {err.path}: {err.message}")
            others.append(err.path)
            continue
        sources.append(source)
        note = language_note(source)
        if note:
            notes.append(note)
    if notes and not sources:
        if others:
            raise CheckerError(f"no article to read: {', '.join(others)} skipped "
                               "(not .txt or .md article text)",
                               path=display(str(paths[0])), hint=_SAVE_AS_TEXT)
        raise CheckerError("folder has no articles, only reports checker wrote",
                           path=display(str(paths[0])), hint=_HINT_ARTICLE)
    return sources, tuple(notes)


def article_files(paths: list[str], exclude=()) -> tuple[list[Path], set[Path]]:
    """(the article files ``paths`` name, each once; those found by walking a folder)."""
    if not paths:
        raise CheckerError("no articles given", hint=_HINT_ARTICLE)
    skip = {resolved(e) for e in exclude}
    files: list[Path] = []
    walked: set[Path] = set()
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = _articles_in(path, skip)
            if not any(_suffix(f) in ARTICLE_SUFFIXES for f in found):
                raise CheckerError("folder has no .txt, .md or .markdown articles",
                                   path=display(str(p)), hint=_HINT_ARTICLE)
            files.extend(found)
            walked.update(found)
        elif path.is_file():
            if resolved(path) not in skip:
                files.append(path)
        elif path.is_symlink():
            raise CheckerError("broken symbolic link (or a link loop)", path=display(str(p)),
                               hint=_HINT_ARTICLE)
        elif path.exists():
            raise CheckerError("not a regular file", path=display(str(p)), hint=_HINT_ARTICLE)
        else:
            raise CheckerError("no such file or folder", path=display(str(p)), hint=_HINT_ARTICLE)

    unique: list[Path] = []
    seen_files: set[str] = set()
    by_id: dict[str, Path] = {}
    for f in files:
        real = os.path.realpath(f)
        if real in seen_files:  # the same file named twice: load it once
            continue
        seen_files.add(real)
        sid = display(f.stem)
        if sid in by_id:
            raise CheckerError(
                f"two articles have the id {sid!r}: {display(str(by_id[sid]))} and {display(str(f))}",
                path=display(str(f)), hint="the id is the file name without extension; rename one")
        by_id[sid] = f
        unique.append(f)
    return unique, walked


def _articles_in(folder: Path, skip: set[Path] = frozenset()) -> list[Path]:
    found = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")
                   and not (skip and resolved(Path(root, d)) in skip)]
        for name in names:
            if name.startswith("."):
                continue
            suffix = os.path.splitext(name)[1].lower()
            if suffix in ARTICLE_SUFFIXES or suffix in OTHER_FORMATS:
                path = Path(root, name)
                if path.is_file() and not (skip and resolved(path) in skip):
                    found.append(path)
    return sorted(found, key=lambda p: p.relative_to(folder).parts)


def _suffix(path: Path) -> str:
    return path.suffix.lower()


def load_source(path: Path, source_id: str | None = None,
                max_bytes: int = MAX_BYTES, published: dt.date | None = None) -> Source:
    """Load one article file. Without a front matter ``title``, the headline
    (checker.headline) is the title; without a front matter or dateline date,
    ``published`` is the article's date."""
    path = Path(path)
    where = display(str(path))
    if not path.exists():
        raise CheckerError("no such file", path=where, hint=_HINT_ARTICLE)
    if not path.is_file():
        raise CheckerError("not a regular file", path=where, hint=_HINT_ARTICLE)
    if _suffix(path) in OTHER_FORMATS:
        raise NotArticle(f"{OTHER_FORMATS[_suffix(path)]}, not article text", path=where,
                         hint=_SAVE_AS_TEXT)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise _too_large(where, size, max_bytes)
        with open(path, "rb") as fh:
            data = _read_at_most(fh, max_bytes)
    except OSError as err:
        raise CheckerError(f"cannot read file: {err.strerror or err}", path=where) from None
    if len(data) > max_bytes:
        raise _too_large(where, len(data), max_bytes)
    if not data:
        raise CheckerError("empty file", path=where, hint="the article has no text")

    text = decode(data, where)
    if not text.strip():
        raise CheckerError("empty file (only whitespace)", path=where,
                           hint="the article has no text")
    if _HTML_START.match(text[:4096]):
        raise NotArticle("an HTML page, not article text", path=where, hint=_SAVE_AS_TEXT)
    if is_report(text):
        raise WrittenByChecker("a report checker wrote, not an article", path=where,
                               hint="give the articles, not the reports")
    meta, fm_end = parse_front_matter(text, where)
    markdown = path.suffix.lower() in MARKDOWN_SUFFIXES or fm_end > 0
    plain = mask(text, fm_end, markdown)
    if not plain.strip():
        raise CheckerError("no article text (only front matter or markup)", path=where,
                           hint="put the article text below the front matter")
    source = Source(id=source_id or display(path.stem), path=where, text=text, plain=plain,
                    meta=meta)
    extra = {}
    if meta.get("title") is None:
        title = headline(text, plain, markdown)
        if title:
            extra["title"] = title
    if published is not None and source.published is None:
        extra["published"] = published
    if extra:  # meta: the front matter, plus these two where it has none
        source = dataclasses.replace(source, meta={**meta, **extra})
    return source


# an HTML document, whatever its file name says: <!DOCTYPE html>, <html>, <head>
_HTML_START = re.compile(r"\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.{0,2000}?-->\s*)*"
                         r"<(?:!doctype\s+html|html|head)[\s>]", re.IGNORECASE | re.DOTALL)


def _read_at_most(fh, limit: int) -> bytes:
    """Up to ``limit + 1`` bytes, read in chunks (``limit`` may be huge)."""
    chunks, total = [], 0
    while total <= limit:
        chunk = fh.read(min(1 << 20, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def _too_large(where: str, size: int, limit: int) -> CheckerError:
    return CheckerError(f"file too large ({size:,} bytes; the limit is {limit:,})",
                        path=where, hint="is this really a news article?")


# ---------------------------------------------------------------- decoding

def decode(data: bytes, path) -> str:
    """UTF-8 (BOM optional), UTF-16 with BOM, else Windows-1252; BOM removed."""
    where = str(path)
    if data.startswith(b"\xef\xbb\xbf"):
        text = _strict(data[3:], "utf-8", where)
        if "\x00" in text:  # a byte order mark does not make a binary file text
            raise _binary(where)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        enc = "utf-16-le" if data.startswith(b"\xff\xfe") else "utf-16-be"
        text = _strict(data[2:], enc, where)
        if "\x00" in text:
            raise _binary(where)
    else:
        if b"\x00" in data:
            raise _binary(where)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError as err:
                line = len(_EOL.findall(data[: err.start].decode("latin-1"))) + 1
                raise CheckerError(
                    f"cannot decode byte 0x{data[err.start]:02x}: "
                    "not UTF-8 or Windows-1252 text", path=where, line=line,
                    hint="save the file as UTF-8") from None
    if _mostly_control(text):
        raise _binary(where)
    return text


def _strict(data: bytes, encoding: str, where: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise CheckerError(f"cannot decode the file as {encoding.upper()} "
                           "although it starts with a byte order mark",
                           path=where, hint="save the file as UTF-8") from None


def _binary(where: str) -> CheckerError:
    return CheckerError("binary file, not text", path=where,
                        hint="give a .txt or .md article; UTF-16 needs a byte order mark")


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _mostly_control(text: str) -> bool:
    return len(_CONTROL.findall(text)) * 10 > len(text)


# ---------------------------------------------------------------- lines

def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, line end excluded; CRLF, CR and LF end a line."""
    spans, start = [], 0
    for m in _EOL.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


@functools.lru_cache(maxsize=64)
def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _EOL.finditer(text)]


def line_number(source: Source | str, offset: int) -> int:
    """1-based line of a character offset in ``source.text``."""
    text = source.text if isinstance(source, Source) else source
    return bisect.bisect_right(_line_starts(text), offset)


# ---------------------------------------------------------------- front matter

_FM_OPEN = re.compile(r"(---|\+\+\+)[ \t]*(?:\r\n|\r|\n)")


def parse_front_matter(text: str, where: str = "") -> tuple[dict, int]:
    """(meta, end offset of the front matter) — ({}, 0) when there is none."""
    m = _FM_OPEN.match(text)
    if not m:
        return {}, 0
    fence = m.group(1)
    closers = ("---", "...") if fence == "---" else ("+++",)
    spans = line_spans(text)
    for number, (s, e) in enumerate(spans[1:], start=2):
        if text[s:e].rstrip(" \t") in closers:
            body = _EOL.sub("\n", text[m.end():s])
            end = spans[number][0] if number < len(spans) else len(text)
            meta = _parse_yaml(body, where, number) if fence == "---" else \
                _parse_toml(body, where, number)
            return meta, end
    raise CheckerError(f"front matter opened with {fence} is never closed", path=where,
                       line=1, hint=f"end it with a line holding only {fence}")


def _parse_yaml(body: str, where: str, close_line: int) -> dict:
    hint = "front matter is YAML 'key: value' lines between --- lines"
    meta = yamlsafe.load(body, where, syntax="bad YAML front matter",
                         value="bad value in YAML front matter", hint=hint, deep_hint=hint,
                         value_hint=hint, line=lambda n: min(2 + n, close_line), value_line=1)
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise CheckerError("front matter is not a mapping of keys to values", path=where,
                           line=2, hint=hint)
    return meta


def _parse_toml(body: str, where: str, close_line: int) -> dict:
    hint = "front matter is TOML between +++ lines"
    try:
        return tomllib.loads(body)
    except tomllib.TOMLDecodeError as err:
        found = re.search(r"at line (\d+)", str(err))
        line = 1 + int(found.group(1)) if found else close_line
        problem = re.sub(r"\s*\(at .*\)$", "", str(err))
        raise CheckerError(f"bad TOML front matter: {problem}", path=where,
                           line=min(line, close_line), hint=hint) from None
    except ValueError as err:  # a number of more than 4,300 digits
        raise CheckerError(f"bad TOML front matter: {too_many_digits(err)}", path=where,
                           line=1, hint=hint) from None


# ---------------------------------------------------------------- masking

def mask(text: str, fm_end: int = 0, markdown: bool = False) -> str:
    """``text`` with front matter (and Markdown syntax) blanked; same length."""
    m = _Masker(text)
    m.blank(0, fm_end)
    if markdown:
        m.fences()
        m.comments()
        m.line_prefixes()
        m.inline()
    m.trailing_junk()
    return "".join(m.buf)


_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_HR = re.compile(r" {0,3}([-*_])[ \t]*(?:\1[ \t]*){2,}$")
_SETEXT = re.compile(r" {0,3}=+[ \t]*$")
_REFDEF = re.compile(r" {0,3}\[[^\]\r\n]{1,200}\]:[ \t]*\S")
_QUOTE = re.compile(r"(?:[ \t]{0,3}>[ \t]?)+")
_HEADING = re.compile(r"[ \t]{0,3}#{1,6}(?:[ \t]+|$)")
_BULLET = re.compile(r"[ \t]*(?:[-*+•]|(\d{1,9})[.)])[ \t]+")
_BACKTICKS = re.compile(r"`+")
_ESCAPE = re.compile(r"\\[!-/:-@\[-`{-~]")
# (url "title"); the url may hold one pair of parentheses
_URL = (r"\([ \t]*[^()\s]{0,2000}(?:\([^()\s]{0,500}\)[^()\s]{0,500})?"
        r"(?:[ \t]+\"[^\"\r\n]{0,300}\")?[ \t]*\)")
_IMAGE = re.compile(r"!\[[^\]\r\n]{0,500}\]" + _URL)
_LINK = re.compile(r"\[([^\[\]\r\n]{0,500})\](?:" + _URL + r"|\[[^\[\]\r\n]{0,200}\])")
_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^<>\s]{1,2000}>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,30}(?:\s[^<>]{0,2000})?/?>")
_EMPHASIS = re.compile(r"\*+|_+")
_JUNK_LINE = re.compile(r"[\s)\]}>]*")


class _Masker:
    """Blanks spans of a text in place, keeping length and line ends."""

    def __init__(self, text: str):
        self.text = text
        self.buf = list(text)
        self.lines = line_spans(text)
        self.scan: list[str] = []  # like buf, but code and escaped chars as "x"

    def blank(self, i: int, j: int) -> None:
        if i >= j:
            return
        self.buf[i:j] = [c if c in "\r\n" else " " for c in self.buf[i:j]]
        if self.scan:
            self.scan[i:j] = [c if c in "\r\n" else " " for c in self.scan[i:j]]

    def current(self) -> str:
        return "".join(self.buf)

    def fences(self) -> None:
        """Fenced code blocks: not article prose."""
        cur, opened = self.current(), None
        for s, e in self.lines:
            m = _FENCE.match(cur, s, e)
            if opened is None:
                if m:
                    opened = (s, m.group(1))
            elif m and m.group(1)[0] == opened[1][0] and len(m.group(1)) >= len(opened[1]) \
                    and not cur[m.end():e].strip():
                self.blank(opened[0], e)
                opened = None
        if opened is not None:
            self.blank(opened[0], len(cur))

    def comments(self) -> None:
        """HTML comments, an unclosed one runs to the end."""
        cur = self.current()
        i = cur.find("<!--")
        while i >= 0:
            j = cur.find("-->", i + 4)
            end = len(cur) if j < 0 else j + 3
            self.blank(i, end)
            i = cur.find("<!--", end)

    def line_prefixes(self) -> None:
        """Rules, setext underlines, reference definitions, >, #, list bullets."""
        cur = self.current()
        prev_blank, in_list = True, False
        for s, e in self.lines:
            line = cur[s:e]
            if not line.strip():
                prev_blank, in_list = True, False
                continue
            if _HR.match(line) or _SETEXT.match(line) or _REFDEF.match(line):
                self.blank(s, e)
                prev_blank, in_list = True, False
                continue
            pos = 0
            m = _QUOTE.match(line)
            if m:
                pos = m.end()
            m = _HEADING.match(line, pos)
            if m:
                pos = m.end()
                self.blank(s + _closing_hashes(line, pos), e)
                in_list = False
            else:
                m = _BULLET.match(line, pos)
                if m and (not m.group(1) or prev_blank or in_list or int(m.group(1)) == 1):
                    pos, in_list = m.end(), True
            self.blank(s, s + pos)
            prev_blank = False

    def inline(self) -> None:
        """Code spans, escapes, images, links, tags, emphasis."""
        cur = self.current()
        self.scan = list(cur)
        for s, e in self.lines:
            self._code_spans(cur, s, e)
        scan = "".join(self.scan)
        for m in _ESCAPE.finditer(scan):
            self.blank(m.start(), m.start() + 1)
            self.scan[m.start() + 1] = "x"
        scan = "".join(self.scan)
        for m in _IMAGE.finditer(scan):
            self.blank(m.start(), m.end())
        scan = "".join(self.scan)
        for m in _LINK.finditer(scan):
            self.blank(m.start(), m.start() + 1)
            self.blank(m.end(1), m.end())
        scan = "".join(self.scan)
        for pattern in (_AUTOLINK, _TAG):
            for m in pattern.finditer(scan):
                self.blank(m.start(), m.end())
        self._emphasis("".join(self.scan))

    def _code_spans(self, cur: str, s: int, e: int) -> None:
        pending: dict[int, int] = {}
        for m in _BACKTICKS.finditer(cur, s, e):
            n = m.end() - m.start()
            if n in pending:
                start = pending[n]
                self.blank(start, start + n)
                self.blank(m.start(), m.end())
                for k in range(start + n, m.start()):
                    if self.scan[k] in "*_[]()<>!\\`":
                        self.scan[k] = "x"
                pending = {}
            else:
                pending[n] = m.start()

    def _emphasis(self, scan: str) -> None:
        """Blank matched * and _ runs (CommonMark flanking rules, simplified)."""
        starts = [s for s, _ in self.lines]
        para = []  # paragraph number of each line
        number, prev_blank = 0, True
        for s, e in self.lines:
            blank = not scan[s:e].strip()
            if blank and not prev_blank:
                number += 1
            para.append(number)
            prev_blank = blank
        stacks: dict[str, list[tuple[int, int]]] = {"*": [], "_": []}
        current_para = -1
        n = len(scan)
        for m in _EMPHASIS.finditer(scan):
            p = para[bisect.bisect_right(starts, m.start()) - 1]
            if p != current_para:
                stacks = {"*": [], "_": []}
                current_para = p
            char = m.group()[0]
            before = scan[m.start() - 1] if m.start() > 0 else " "
            after = scan[m.end()] if m.end() < n else " "
            if char == "*" and before.isdigit() and after.isdigit():
                continue
            left = not after.isspace() and (_is_word(after) or not _is_word(before))
            right = not before.isspace() and (_is_word(before) or not _is_word(after))
            if char == "_":
                can_open = left and (not right or _is_punct(before))
                can_close = right and (not left or _is_punct(after))
            else:
                can_open, can_close = left, right
            stack = stacks[char]
            if can_close and stack:
                opener = stack.pop()
                self.blank(*opener)
                self.blank(m.start(), m.end())
            elif can_open:
                stack.append((m.start(), m.end()))

    def trailing_junk(self) -> None:
        """A lone ) ] } or > on the last lines of the file."""
        cur = self.current()
        for s, e in reversed(self.lines):
            line = cur[s:e]
            if not line.strip():
                continue
            if _JUNK_LINE.fullmatch(line):
                self.blank(s, e)
                continue
            break


def _closing_hashes(line: str, pos: int) -> int:
    """Where the optional closing #s of a heading start (len(line) if none)."""
    body = line.rstrip(" \t")
    k = len(body)
    while k > pos and body[k - 1] == "#":
        k -= 1
    if k < len(body) and (k == pos or body[k - 1] in " \t"):
        return k
    return len(line)


def _is_word(c: str) -> bool:
    return c.isalnum()


def _is_punct(c: str) -> bool:
    return not c.isalnum() and not c.isspace()
