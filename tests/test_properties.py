"""Property-based tests of the loader, segmenter and extractors: never crash on
arbitrary text, spans always exact, output deterministic.

Derandomized (the same examples on every run) and sized to run in seconds.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from checker.errors import CheckerError
from checker.extract import extract_source
from checker.extract.values.numbers import numeral
from checker.extract.values.find import find_values
from checker.lexicon import Lexicon
from checker.records import Source
from checker.schema import KINDS
from checker.segment import segment
from checker.sources import decode, line_number, load_source, mask, parse_front_matter

FAST = settings(max_examples=300, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
SLOW = settings(max_examples=80, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# pieces of news text, Markdown and trouble, joined by separators
TOKENS = [
    "$", "US$", "€", "£", "¥", "Rs", "3.2", "1,200", "12", "0", "007", "97.4", "1.", "2)", "%", "percent",
    "per cent", "billion", "bn", "million", "m", "k", "thousand", "hundred", "dozens", "one", "twenty-five",
    "half", "nearly", "about", "more than", "up to", "at least", "between", "and", "to", "from", "-", "–",
    "—", "Jan.", "Feb", "March", "May", "4", "5th", "2024", "1998", "1990s", "’90s", "2023-24",
    "2024-03-05", "03/05/2024", "5:30", "p.m.", "Tuesday", "last", "next", "week", "year", "years", "ago",
    "said", "says", "told", "according to", "Acme", "Globex", "Jane Roe", "Mr.", "U.S.", "No.", "Inc.",
    "iPhone", "eBay", "people", "employees", "shares", "deal", "bid", "votes", "7-2", "“", "”", '"', "‘",
    "’", "'", "«", "»", "(", ")", "[", "]", "](", "![", "*", "**", "_", "`", "```", "#", "##", ">", "|",
    "<b>", "</b>", "<!--", "-->", "---", "+++", "...", "…", "!", "?", ";", ":", ",", ".", "\\",
    "\u00a0", "\u200b", "٣", "２", "½", "ﬁ", "e\u0301", "😀", "\ufeff", "\x0c", "\x1b",
]
SEPARATORS = [" ", " ", " ", "", "\n", "\r\n", "\r", "\n\n", ". ", ", ", "\t"]
news = st.lists(st.tuples(st.sampled_from(TOKENS), st.sampled_from(SEPARATORS)), max_size=60) \
    .map(lambda parts: "".join(a + b for a, b in parts))
any_text = st.one_of(news, st.text(max_size=300))
dates = st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
LEXICON = Lexicon.from_data({
    "synonyms": {"bid": ["offer", "proposal"], "step down": ["resign", "quit"]},
    "aliases": {"X": ["Twitter"]},
    "measures": [["bid", "deal"], ["employ", "staff"], "price"],
    "stopwords": ["the", "a", "of", "and"],
})


def source_of(text: str, markdown: bool = False, sid: str = "s") -> Source:
    meta, end = {}, 0
    try:
        meta, end = parse_front_matter(text, "x")
    except CheckerError:
        pass
    return Source(id=sid, path=f"{sid}.md", text=text, plain=mask(text, end, markdown or end > 0), meta=meta)


# ---------------------------------------------------------------- loader

@FAST
@given(st.binary(max_size=400))
def test_decode_never_crashes(data):
    try:
        text = decode(data, "x.txt")
    except CheckerError as err:
        assert err.path == "x.txt" and "\n" not in str(err)
        return
    assert isinstance(text, str) and not text.startswith("\ufeff")


@FAST
@given(any_text, st.booleans())
def test_mask_keeps_length_and_line_ends(text, markdown):
    plain = mask(text, 0, markdown)
    assert len(plain) == len(text)
    for t, p in zip(text, plain):
        assert p == t or (p == " " and t not in "\r\n"), (t, p)
    assert mask(text, 0, markdown) == plain


@FAST
@given(st.sampled_from(["---\n", "+++\n", "---\r\n", "---  \n"]), any_text,
       st.sampled_from(["---\n", "+++\n", "...\n", ""]), news)
def test_front_matter_is_a_mapping_or_a_one_line_error(fence, body, close, rest):
    text = fence + body + "\n" + close + rest
    try:
        meta, end = parse_front_matter(text, "x.md")
    except CheckerError as err:
        assert err.path == "x.md" and "\n" not in err.message
        return
    assert isinstance(meta, dict) and 0 <= end <= len(text)


@SLOW
@given(st.one_of(st.binary(max_size=300), any_text.map(lambda t: t.encode("utf-8"))),
       st.sampled_from([".txt", ".md"]))
def test_load_source_gives_a_source_or_a_checker_error(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("load") / f"article{suffix}"
    path.write_bytes(data)
    try:
        source = load_source(path)
    except CheckerError as err:
        assert err.path == str(path)
        return
    assert len(source.plain) == len(source.text) and source.plain.strip()
    for t, p in zip(source.text, source.plain):
        assert p == t or (p == " " and t not in "\r\n")
    again = load_source(path)
    assert (again.text, again.plain, dict(again.meta)) == (source.text, source.plain, dict(source.meta))


# ---------------------------------------------------------------- segmenter

@FAST
@given(any_text, st.booleans())
def test_sentences_have_exact_ordered_spans(text, markdown):
    source = source_of(text, markdown)
    sentences = segment(source)
    end = 0
    for n, s in enumerate(sentences):
        assert s.index == n and s.source == "s"
        assert end <= s.start < s.end <= len(source.plain)
        assert s.text == source.plain[s.start:s.end]
        assert s.text == s.text.strip() and any(c.isalnum() for c in s.text)
        assert s.line == len(re.findall(r"\r\n|\r|\n", source.text[:s.start])) + 1
        end = s.end
    assert segment(source) == sentences


# ---------------------------------------------------------------- extractors

@FAST
@given(any_text, dates)
def test_values_have_exact_sorted_spans_and_are_deterministic(text, published):
    values = find_values(text, published)
    end = 0
    for v in values:
        assert v.kind in KINDS
        assert end <= v.start < v.end <= len(text), (v, text)
        assert text[v.start:v.end].strip(), (v, text)
        end = v.end
    assert find_values(text, published) == values


@FAST
@given(st.text(alphabet="0123456789,.-+eE_ ", max_size=40))
def test_numeral_never_crashes(token):
    value = numeral(token)
    assert value is None or value.is_finite()


def _check_table(source: Source, table) -> None:
    sentences = {s.index: s for s in segment(source)}
    for row in table.to_dict("records"):
        start, end = int(row["start"]), int(row["end"])
        assert 0 <= start < end <= len(source.text), row
        assert row["raw"] == source.text[start:end], row
        assert row["kind"] in KINDS
        sent = sentences[int(row["sentence_index"])]
        if row["kind"] != "quote":  # a quotation may run over several sentences
            assert sent.start <= start and end <= sent.end, (row, sent)
        assert row["line"] == line_number(source, start)
    assert table["claim_id"].is_unique


@SLOW
@given(news, st.booleans())
def test_statement_table_rows_point_into_the_text(text, markdown):
    source = source_of(text, markdown)
    assume(source.plain.strip())
    table = extract_source(source, LEXICON)
    _check_table(source, table)
    assert extract_source(source, LEXICON).equals(table)


@SLOW
@given(st.text(max_size=300))
def test_statement_table_survives_arbitrary_unicode(text):
    source = source_of(text)
    assume(source.plain.strip())
    _check_table(source, extract_source(source, LEXICON))


@pytest.mark.parametrize("text", [
    "“" * 3000 + " Acme paid $3 billion.",
    "$" * 5000 + "1" * 5000,
    ("nearly $1 " * 300) + ".",
    "a " * 20_000,
])
def test_statement_table_on_long_runs(text):
    source = source_of(text)
    _check_table(source, extract_source(source, LEXICON))
