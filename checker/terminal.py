"""Text safe to print: what checker writes to a terminal or a CI log.

Article text, file and folder names and config values can hold anything. On
standard output and standard error none of it may act: no escape sequence
(``ESC [ 2 J``, ``CSI``), no bell, no carriage return rewriting a line, no line
break starting a new GitHub workflow command (``::error::``), no bidirectional
override reordering what a reviewer reads. Such characters are shown as
escapes instead (``\\x1b``, ``\\n``, ``\\u202e``); so is a byte of a file name
that was not UTF-8 (``\\xff``).
"""

from __future__ import annotations

import re

# C0 controls but tab, DEL, C1 controls, line and paragraph separators, the
# bidirectional embeddings, overrides and isolates (not the LRM/RLM marks of
# right-to-left text), a zero-width no-break space (byte order mark), and lone
# surrogates (a file name byte that was not UTF-8 is U+DC80-U+DCFF)
_OTHER = "\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff"
_ONE_LINE = re.compile(f"[\x00-\x08\x0a-\x1f{_OTHER}]")
_LINES = re.compile(f"[\x00-\x08\x0b-\x1f{_OTHER}]")
_JSON_UNSAFE = re.compile(f"[{_OTHER}]")  # json.dumps escapes the C0 controls itself
_NAMED = {"\n": "\\n", "\r": "\\r"}


def _escape(m: re.Match) -> str:
    c = m.group()
    if c in _NAMED:
        return _NAMED[c]
    n = ord(c)
    if 0xDC80 <= n <= 0xDCFF:  # surrogateescape: the byte as it was
        return f"\\x{n - 0xDC00:02x}"
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}"


def printable(text: object, lines: bool = False) -> str:
    """``text`` with every unsafe character escaped; one line unless ``lines``
    (then line feeds stay, a carriage return is still escaped)."""
    return (_LINES if lines else _ONE_LINE).sub(_escape, str(text))


def json_safe(text: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``) with the
    characters json leaves raw — DEL, C1 controls, separators, bidirectional
    controls — written as ``\\uXXXX`` escapes: the same JSON value, safe to print.
    (They can only occur inside strings, where the escape means the same.)"""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# ---------------------------------------------------------------- colour

COLOR_MODES = ("auto", "always", "never")
_SGR = {"bold": "1", "dim": "2", "red": "31", "green": "32", "yellow": "33", "blue": "34",
        "magenta": "35", "cyan": "36"}


def use_color(mode: str, stream) -> bool:
    """Colour for ``stream``: ``always``, ``never``, or (``auto``) only on a
    terminal, and not when NO_COLOR is set (https://no-color.org) or TERM=dumb."""
    import os
    if mode == "always":
        return True
    if mode == "never" or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False


def paint(text: str, *styles: str, on: bool = True) -> str:
    """``text`` (already printable) in the given SGR styles, when ``on``."""
    if not on or not styles:
        return text
    return f"\x1b[{';'.join(_SGR[s] for s in styles)}m{text}\x1b[0m"
