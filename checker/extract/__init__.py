"""Extraction: from segmented sources to the statement table.

One row per claim (money, percent, count, year, date, quote, paraphrase)
plus one ``statement`` row per sentence carrying a value. See docs/statement-table.md.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from typing import Iterable

import pandas as pd

from checker.extract.values.context import dated_event, converted, value_context
from checker.extract.frames.docnames import DocNames
from checker.extract.frames.frame import frame
from checker.extract.frames.identity import FIGURES, age_owner, anchor, owner, qualifiers, scope
from checker.extract.values.durations import elapsed
from checker.extract.frames.facts import statement_facts
from checker.extract.values.precision import stated_precision
from checker.extract.quotes.direct import find_speech, quote_sentences
from checker.extract.quotes.sourcing import is_sourcing
from checker.extract.values.find import find_values
from checker.extract.text.captions import CAPTION, caption_lines
from checker.headline import MAX_WORDS
from checker.lexicon import Lexicon
from checker.records import Source
from checker.schema import make_table
from checker.segment import line_number, segment


NUMERIC = frozenset({"money", "percent", "count", "quantity", "duration", "time"})  # stated to a precision


def _base(source: Source, sentence, start: int, end: int) -> dict:
    return {
        "source": source.id,
        "raw": source.text[start:end],
        "sentence": " ".join(sentence.text.split()),
        "sentence_index": sentence.index,
        "line": line_number(source, start),
        "start": start,
        "end": end,
    }


def _quote_context(value: str, lexicon: Lexicon) -> str:
    """What alignment compares for a quote: its content words (stop words
    would pair "we are rushing" with "we are glad"); a short quote keeps all
    its folded words."""
    words = lexicon.content_words(value)
    return " ".join(words if len(words) >= 3 else lexicon.fold(value))


def _iso(value) -> str:
    return f"{value:04d}" if isinstance(value, int) else str(value)


def _headline_index(source: Source, sentences) -> int | None:
    """The index of the article's headline sentence: its title (checker.headline,
    or the front matter's) among the first three sentences, else a first
    sentence that is one short line without a full stop ("Acacia Stock Rises
    30% After Cisco Deal" above the text)."""
    title = " ".join(str(source.title or "").split())
    for sent in sentences[:3]:
        if title and " ".join(sent.text.split()).strip("# ") == title:
            return sent.index
    first = sentences[0].text.strip() if sentences else ""
    if first and "\n" not in first and first[-1] not in _STOPS and len(first.split()) <= MAX_WORDS:
        return sentences[0].index
    return None


_STOPS = ".!?:;,\"'”’)"


def _in_caption(quals: str | None, caption: bool) -> str | None:
    """The qualifiers, with CAPTION added for a claim read in a photo caption."""
    if not caption:
        return quals
    return "|".join(filter(None, [quals, CAPTION]))


def _overlaps(start: int, end: int, spans) -> bool:
    return any(start < e and s < end for s, e in spans)


def extract_source(source: Source, lexicon: Lexicon) -> pd.DataFrame:
    """The statement table of one source."""
    return make_table(extract_rows(source, lexicon))


def extract_rows(source: Source, lexicon: Lexicon) -> list[dict]:
    """The statement-table rows of one source, in reading order."""
    sentences = segment(source)
    rows: list[dict] = []
    published = source.published    # front matter, else the dateline (checker/extract/values/dateline.py)
    own_date = source.dateline.spans if source.dateline else ()
    captions = caption_lines(source.plain)  # a picture's moment, not the article's
    doc_names = DocNames(sentences, lexicon)
    # headlines round: "Shares rise 30%" is read as stated to the ten, as a hedged figure is
    head = _headline_index(source, sentences)
    for k, sent in enumerate(sentences):
        found = find_values(sent.text, published)
        spans = [(v.start, v.end) for v in found]
        figures = [(v.start, v.end) for v in found if v.kind in FIGURES]  # a deal's qualifier skips dates
        if own_date:    # the article's own date line is not a claim
            found = [v for v in found if not _overlaps(sent.start + v.start, sent.start + v.end, own_date)]
        # nor are the article's own sources counted ("three people familiar with")
        found = [v for v in found if not (v.kind == "count" and is_sourcing(sent.text, v.start, v.end, v.unit, lexicon))]
        if not found:
            continue
        people = doc_names.at(k)
        names = "|".join(people)
        times = [(v.start, v.end, _iso(v.value)) for v in found
                 if v.kind in ("year", "date") and v.resolved]
        # "seven months ago" is a date and the time since it (a duration)
        found = [w for v in found for w in (v, elapsed(v, sent.text[v.start:v.end])) if w is not None]
        in_caption = _overlaps(sent.start, sent.end, captions)
        trusted = frozenset(doc_names.named(k))  # the names an owner may be
        for v in found:
            fr = frame(sent.text, lexicon, (v.start, v.end))
            # "£100m ($127m)": the conversion states what the amount it converts does
            at = converted(sent.text, (v.start, v.end), spans) or (v.start, v.end)
            context, topic = value_context(sent.text, (v.start, v.end), spans, lexicon, v.kind)
            if v.kind == "count" and v.unit:  # "1,200 employees": the noun says what is counted
                noun = lexicon.fold(str(v.unit))
                context = " ".join([*noun, context])
                topic = next((lexicon.measure(w) for w in noun if lexicon.measure(w)), topic)
            rows.append(_base(source, sent, sent.start + v.start, sent.start + v.end) | {
                "kind": v.kind, "value": v.value, "value_hi": v.value_hi, "unit": v.unit,
                "approx": bool(v.approx), "hedge": v.hedge, "resolved": bool(v.resolved),
                "precision": v.precision if v.precision is not None else stated_precision(
                    source.text[sent.start + v.start:sent.start + v.end], v.value,
                    bool(v.approx) or sent.index == head)
                if v.kind in NUMERIC else None,
                "subject": fr.subject, "predicate": fr.predicate, "object": fr.object,
                "negated": bool(fr.negated), "speaker": None, "entities": names,
                "topic": topic, "context": context,
                "anchor": None if v.kind in ("year", "date") else anchor(sent.text, at, times, spans),
                "qualifiers": _in_caption(qualifiers(sent.text, at, lexicon, v.kind, figures), in_caption),
                "scope": age_owner(sent.text, (v.start, v.end), people, lexicon)
                if v.kind == "duration" and v.unit == "years old"  # an age is a person's
                else scope(sent.text, at, spans, lexicon, v.kind),
                "owner": owner(sent.text, at, spans, lexicon, v.kind, trusted),
                "event": dated_event(sent.text, (v.start, v.end), spans, lexicon) if v.kind == "year" else None,
            })
        fr = frame(sent.text, lexicon)
        words = [w for w in (fr.subject, fr.predicate, fr.object) if w]
        rows.append(_base(source, sent, sent.start, sent.end) | {
            "kind": "statement", "value": " ".join(words), "value_hi": None, "unit": None,
            "approx": False, "hedge": None, "resolved": True,
            "subject": fr.subject, "predicate": fr.predicate, "object": fr.object,
            "negated": bool(fr.negated), "speaker": None, "entities": names,
            "topic": None, "context": " ".join(lexicon.content_words(sent.text)),
        })
    quotes, reported = find_speech(sentences, lexicon)
    for p in reported:
        sent = sentences[p.sentence_index]
        rows.append(_base(source, sent, p.start, p.end) | {
            "kind": "paraphrase", "value": p.value, "value_hi": None, "unit": None,
            "approx": False, "hedge": None, "resolved": True,
            "subject": p.speaker, "predicate": "say", "object": None, "negated": False,
            "speaker": p.speaker, "entities": "|".join(dict.fromkeys([p.speaker, *doc_names.at(p.sentence_index)])),
            "topic": None, "context": " ".join([*lexicon.fold(p.speaker)[-1:], *lexicon.content_words(p.value)]),
        })
    for q in quotes:
        sent = sentences[q.sentence_index]
        parts = quote_sentences(source.text, q.start, q.end)
        for k, (start, end) in enumerate(parts):
            value = " ".join(source.text[start:end].split())
            partial = q.partial and k == len(parts) - 1
            rows.append(_base(source, sent, start, end) | {
                "kind": "quote", "value": value, "value_hi": None, "unit": None,
                "approx": partial, "hedge": "partial" if partial else None, "resolved": True,
                "subject": q.speaker, "predicate": "say", "object": None, "negated": False,
                "speaker": q.speaker, "entities": q.speaker or "",
                "topic": None, "context": _quote_context(value, lexicon),
            })
    rows += [r for r in statement_facts(source, sentences, lexicon, doc_names)  # outcomes, roles, places, lists, names
             if not _overlaps(r["start"], r["end"], own_date)]
    rows.sort(key=lambda r: (r["start"], r["kind"] == "statement", r["end"]))
    for n, row in enumerate(rows, 1):
        row["claim_id"] = f"{source.id}#{n}"
    return rows


POOL_FROM = 50  # sources; below this a process pool costs more than it saves


def extract(sources: Iterable[Source], lexicon: Lexicon, workers: int | None = None) -> pd.DataFrame:
    """The statement table of all sources, in source order.

    Many sources are extracted in a process pool (one task per source; the
    order of the table does not depend on it).
    """
    sources = list(sources)
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers > 1 and len(sources) >= POOL_FROM:
        # the first source here: the lexicon's patterns are compiled once, and
        # forked workers inherit them with the lexicon (it is not sent per task;
        # where processes are spawned, it is sent once per worker)
        parts = [extract_rows(sources[0], lexicon)]
        with ProcessPoolExecutor(workers, mp_context=_context(), initializer=_worker_lexicon,
                                 initargs=(lexicon,)) as pool:
            parts += pool.map(_extract_in_worker, sources[1:],
                              chunksize=max(1, len(sources) // (workers * 4)))
    else:
        parts = [extract_rows(s, lexicon) for s in sources]
    return make_table([row for part in parts for row in part])


_LEXICON: Lexicon | None = None  # a pool worker's lexicon, set once when it starts


def _worker_lexicon(lexicon: Lexicon) -> None:
    global _LEXICON
    _LEXICON = lexicon


def _extract_in_worker(source: Source) -> list[dict]:
    return extract_rows(source, _LEXICON)


def _context():
    import multiprocessing
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else methods[0])
