"""Escaping article text so Markdown shows it literally.

Nothing from an article becomes markup: HTML, links, images, code, emphasis
and table breaks are backslashed or entity-escaped; bare URLs, which GitHub
would turn into live links (GFM autolinks), are defanged as security reports
write them — ``hxxps://example.org``, ``fxp://``, ``www[.]example.org``,
``mailto[:]``, ``name[@]example.org`` — readable, and not clickable; control
characters are shown as escapes (``\x1b``). The JSON and SARIF reports keep
the text as it was.
"""

from __future__ import annotations

import re

from checker.terminal import printable

_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


# "$" too: GitHub renders $...$ as maths
_TABLE = str.maketrans({**_HTML, **{c: "\\" + c for c in "\\`*_[]{}()#+!|~$"}})


_SCHEME = re.compile(r"(?i)\b(?:(h)tt(ps?)|(f)t(p))(?=://)")
_PROTOCOL = re.compile(r"(?i)\b(mailto|xmpp):")
_WWW = re.compile(r"(?i)\b(www)\.")
_EMAIL = re.compile(r"(?<=[\w.+-])@(?=[\w-]+\.\w)")


def _defang_scheme(m: re.Match) -> str:
    return f"{m.group(1)}xx{m.group(2)}" if m.group(1) else f"{m.group(3)}x{m.group(4)}"


def defang(s: str) -> str:
    """Bare URLs and e-mail addresses made unclickable (GitHub autolinks them)."""
    if "://" in s:
        s = _SCHEME.sub(_defang_scheme, s)
    if ":" in s:
        s = _PROTOCOL.sub(r"\1[:]", s)
    if "." in s:
        s = _WWW.sub(r"\1[.]", s)
        if "@" in s:
            s = _EMAIL.sub("[@]", s)
    return s


def _esc(s: str) -> str:
    s = defang(s)
    if not s.isprintable():
        s = printable(s)
    return s.translate(_TABLE)


_LIST_NUMBER = re.compile(r"^(\d+)([.)])")


def md(text: object) -> str:
    """Inline Markdown-safe text: no HTML, links, code, emphasis or table breaks."""
    s = _esc(" ".join(str(text).split()))
    # a line start such as "1." or "-" could open a list; backslash the marker
    if s[:1].isdigit():
        s = _LIST_NUMBER.sub(r"\1\\\2", s)
    elif s[:1] in ("-", "="):
        s = "\\" + s
    return s


def cell(text: object, limit: int | None = None) -> str:
    """Text for a table cell (same escaping, optionally shortened)."""
    s = " ".join(str(text).split())
    if limit and len(s) > limit:
        s = s[: limit - 1].rstrip() + "…"
    return md(s)


def highlight(sentence: str, raw: str, limit: int | None = None) -> str:
    """The sentence, escaped, with the claim's words in bold."""
    sentence = " ".join(str(sentence).split())
    raw = " ".join(str(raw).split())
    at = sentence.find(raw) if raw else -1
    if at < 0:
        return cell(sentence, limit)
    pre, post = sentence[:at], sentence[at + len(raw):]
    if limit and len(sentence) > limit:
        room = max(limit - len(raw), 20) // 2
        pre = ("…" + pre[-room:].lstrip()) if len(pre) > room else pre
        post = (post[:room].rstrip() + "…") if len(post) > room else post
    return f"{md(pre)}{' ' if pre.endswith(' ') else ''}**{md(raw)}**" \
           f"{' ' if post.startswith(' ') else ''}{_esc(post.strip())}"


_CODE_SAFE = re.compile(r"[\w.\-]+")


def code(name: str) -> str:
    """A file name in a code span when it is plain, else escaped text."""
    return f"`{name}`" if _CODE_SAFE.fullmatch(name) else md(name)
