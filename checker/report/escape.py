"""Escaping article text so Markdown shows it literally."""

from __future__ import annotations

import re

_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


# "$" too: GitHub renders $...$ as maths
_TABLE = str.maketrans({**_HTML, **{c: "\\" + c for c in "\\`*_[]{}()#+!|~$"}})


def _esc(s: str) -> str:
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
