"""Deterministic synthetic corpus: N sources (~800 words each) about one event.

Every source rewords the same shared facts in the formats papers use (money
``$3.2 billion`` / ``US$3.2bn`` / ``$3,200,000,000`` / ``3.2 billion dollars``;
dates ``March 4, 2024`` / ``4 March 2024`` / ``in March 2024``; counts in
digits and words; percents ``4.5%`` / ``4.5 percent`` / ``4.5 per cent``;
quotes with varied attribution), padded with neutral filler sentences that
carry no claim. A known set of discrepancies is planted (a few sources change
one value of one fact) and a few facts are stated by a single source only.
The ground truth says which fact, which sources, which values.

Each fact names its own measure word from ``rules/lexicon.yaml`` (bid/offer/
proposal fold to ``bid``; fine/penalty to ``fine``; stake to ``invest``; ...)
and every wording of a fact keeps that word nearest to the value, so the
fact's topic is the same in every source. All entities are invented.

Same (n_sources, seed) -> byte-identical files and truth, on any machine:
only ``random.Random`` seeded from strings is used (string seeds are hashed
with SHA-512, independent of PYTHONHASHSEED).

    python benchmarks/corpus.py 100 /tmp/story --seed 7
"""

from __future__ import annotations

import argparse
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_SEED = 2024
WORDS_PER_SOURCE = 800

# --- invented entities (checked: no real company or person of note) -----------

ACQUIRERS = ["Norvale Dynamics", "Brightwick Systems", "Tessamer Holdings", "Orrin Vale Technologies"]
TARGETS = ["Quillfeather Labs", "Lumentrail Software", "Pellicove Networks", "Saxbridge Analytics"]
CEOS = [("Mara", "Quell"), ("Idris", "Vantorre"), ("Celene", "Abernathy-Ro"), ("Osric", "Palewind")]
FOUNDERS = [("Tobin", "Ashgrove"), ("Wren", "Halloway"), ("Dasha", "Kellimore"), ("Anselm", "Drayke")]
REGULATORS = ["Brenmoor Trade Authority", "Calvany Markets Board", "Ostermark Competition Office"]
INVESTORS = ["Harlow Ridge Partners", "Fenwater Equity", "Gildmoor Ventures"]
CITIES = ["Port Ellery", "Vashmoor", "Kestrel Bay", "New Altham"]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven",
                8: "eight", 9: "nine", 10: "ten", 11: "eleven", 12: "twelve", 13: "thirteen",
                14: "fourteen", 15: "fifteen", 16: "sixteen", 17: "seventeen", 18: "eighteen",
                19: "nineteen", 20: "twenty"}


# --- value formats --------------------------------------------------------------

def _trim(x: float) -> str:
    s = f"{x:.2f}".rstrip("0").rstrip(".")
    return s


def money_formats(amount: float) -> dict[str, str]:
    """Surface forms of a US-dollar amount (billions or millions)."""
    if amount >= 1e9:
        scale, word, short = 1e9, "billion", "bn"
    else:
        scale, word, short = 1e6, "million", "m"
    x = _trim(amount / scale)
    return {
        "dollar_word": f"${x} {word}",            # $3.2 billion
        "us_short": f"US${x}{short}",             # US$3.2bn
        "digits": f"${int(round(amount)):,}",      # $3,200,000,000
        "words_dollars": f"{x} {word} dollars",   # 3.2 billion dollars
    }


def percent_formats(p: float) -> dict[str, str]:
    x = _trim(p)
    return {"sign": f"{x}%", "percent": f"{x} percent", "per_cent": f"{x} per cent"}


def count_formats(n: int) -> dict[str, str]:
    out = {"digits": f"{n:,}"}
    if n in NUMBER_WORDS:
        out["words"] = NUMBER_WORDS[n]
    return out


def date_formats(iso: str) -> dict[str, str]:
    y, m, d = (int(p) for p in iso.split("-"))
    month = MONTHS[m - 1]
    return {"mdy": f"{month} {d}, {y}", "dmy": f"{d} {month} {y}", "month": f"{month} {y}"}


# --- facts ----------------------------------------------------------------------

@dataclass
class Fact:
    """One checkable fact; ``templates`` are (text, formats allowed) pairs.

    A template holds ``{v}`` for the value's surface form and entity slots.
    ``wrong`` lists alternative values a planted discrepancy may use.
    """

    id: str
    kind: str
    value: Any
    templates: list[tuple[str, tuple[str, ...]]]
    wrong: list[Any] = field(default_factory=list)
    core: bool = True           # stated by every source (else by some)
    unit: str | None = None

    def formats(self, value: Any) -> dict[str, str]:
        if self.kind == "money":
            return money_formats(value)
        if self.kind == "percent":
            return percent_formats(value)
        if self.kind == "count":
            return count_formats(value)
        if self.kind == "date":
            return date_formats(value)
        if self.kind == "year":
            return {"year": str(value)}
        if self.kind == "quote":
            return {"quote": value}
        raise ValueError(self.kind)


MONEY_ANY = ("dollar_word", "us_short", "digits", "words_dollars")
MONEY_ADJ = ("dollar_word", "us_short", "digits")   # "a $3.2 billion offer"
PCT = ("sign", "percent", "per_cent")
DATE_DAY = ("mdy", "dmy")
CNT = ("digits", "words")


def shared_facts(rng: random.Random, e: dict[str, str]) -> list[Fact]:
    bid = rng.choice([2.4e9, 3.2e9, 4.75e9, 6.1e9])
    fine = rng.choice([45e6, 62e6, 18.5e6])
    heads = rng.choice([12, 14, 16])
    countries = rng.choice([7, 8, 9])
    founded = rng.choice([2009, 2011, 2013])
    growth = rng.choice([4.5, 6.2, 12.8])
    stake = rng.choice([12.0, 15.0, 9.5])
    day = rng.choice([4, 11, 19])
    announced = f"2024-03-{day:02d}"
    return [
        Fact("bid", "money", bid, [
            ("{acq} made a {v} offer for {tgt}.", MONEY_ADJ),
            ("{acq} put forward a takeover bid of {v} for {tgt}.", MONEY_ANY),
            ("The board of {tgt} is weighing an unsolicited offer of {v} from {acq}.", MONEY_ANY),
            ("{acq}'s {v} bid for {tgt} surprised rivals.", MONEY_ADJ),
            ("Under the proposal of {v}, {acq} would take full control of {tgt}.", MONEY_ANY),
        ], wrong=[round(bid * 1.05, -8), round(bid * 0.95, -8)], unit="USD"),
        Fact("fine", "money", fine, [
            ("{tgt} was fined {v} by the {reg} over its handling of customer records.", MONEY_ANY),
            ("The {reg} imposed a penalty of {v} on {tgt} over customer records.", MONEY_ANY),
            ("{tgt} still faces a {v} fine from the {reg} over customer records.", MONEY_ADJ),
        ], wrong=[round(fine * 1.2, -5), round(fine * 0.8, -5)], unit="USD"),
        Fact("headcount", "count", heads, [
            ("{tgt} has {v} employees in its research division.", CNT),
            ("The research division of {tgt} counts {v} employees.", CNT),
            ("{acq} plans to keep all {v} employees of the research division at {tgt}.", CNT),
        ], wrong=[heads + 3, heads - 2]),
        Fact("founded", "year", founded, [
            ("{tgt} was founded in {v} by {fnd}.", ("year",)),
            ("Founded in {v}, {tgt} grew out of a university project in {city}.", ("year",)),
            ("{fnd} co-founded {tgt} in {v} in {city}.", ("year",)),
        ], wrong=[founded + 2, founded - 1]),
        Fact("growth", "percent", growth, [
            ("{tgt} reported subscriber growth of {v} in its latest results.", PCT),
            ("Subscriber growth at {tgt} reached {v} in its latest results.", PCT),
            ("{tgt} posted {v} growth in subscribers in its latest results.", PCT),
        ], wrong=[round(growth + 1.1, 1), round(growth * 1.2, 1)]),
        Fact("announced", "date", announced, [
            ("The deal was announced on {v}.", DATE_DAY),
            ("{acq} announced the deal on {v}.", DATE_DAY),
            ("The deal was announced in {v}.", ("month",)),
        ], wrong=[f"2024-03-{day + 2:02d}", f"2024-03-{day - 1:02d}"]),
        Fact("stake", "percent", stake, [
            ("{inv} holds a {v} stake in {tgt} and backs the offer.", PCT),
            ("{inv}, which built a stake of {v} in {tgt}, backs the offer.", PCT),
        ], wrong=[stake + 3, stake * 2], core=False),
        Fact("countries", "count", countries, [
            ("{tgt} sells its software in {v} countries.", CNT),
            ("Customers in {v} countries use software from {tgt}.", CNT),
        ], wrong=[countries + 2, countries - 3], core=False),
        Fact("quote_ceo", "quote",
             "We see a rare chance to build something durable together", [
                 ("“{v},” {ceo} said.", ("quote",)),
                 ("{ceo_last} said: “{v}.”", ("quote",)),
                 ("“{v},” said {ceo}, chief executive of {acq}.", ("quote",)),
                 ("{ceo}, chief executive of {acq}, said: “{v}.”", ("quote",)),
             ], wrong=["We see a rare chance to build something profitable together",
                       "We see a real chance to build something durable together"]),
        Fact("quote_founder", "quote",
             "Our customers should notice nothing except better service", [
                 ("“{v},” {fnd} said.", ("quote",)),
                 ("{fnd_last} said: “{v}.”", ("quote",)),
                 ("“{v},” said {fnd}, who co-founded {tgt}.", ("quote",)),
             ], wrong=["Our customers should notice nothing except higher prices"], core=False),
    ]


def single_facts(rng: random.Random, e: dict[str, str]) -> list[Fact]:
    """Facts one source alone states.

    Each uses a measure word from its own ``measures`` list in
    rules/lexicon.yaml, a list no other fact of the story uses (fine,
    settlement and damages share one list, so only the shared fine is used).
    """
    def amt(choices):
        return rng.choice(choices)
    return [
        Fact("valuation", "money", amt([900e6, 1.1e9]), [
            ("{tgt} was valued at {v}, filings show.", MONEY_ANY)], unit="USD"),
        Fact("donation", "money", amt([2e6, 2.5e6]), [
            ("{acq} pledged a {v} donation to a coding school in {city}.", MONEY_ADJ)], unit="USD"),
        Fact("revenue", "money", amt([210e6, 240e6]), [
            ("{tgt} reported annual revenue of {v}.", MONEY_ANY)], unit="USD"),
        Fact("debt", "money", amt([310e6, 280e6]), [
            ("{tgt} carries debt of {v}, filings show.", MONEY_ANY)], unit="USD"),
        Fact("bonus", "money", amt([5e6, 6.5e6]), [
            ("{ceo} stands to receive a {v} bonus if the takeover closes.", MONEY_ADJ)], unit="USD"),
        Fact("profit", "money", amt([31e6, 36e6]), [
            ("{tgt} turned a profit of {v} in its most recent fiscal period.", MONEY_ANY)], unit="USD"),
        Fact("budget", "money", amt([120e6, 150e6]), [
            ("{acq} set an integration budget of {v} for the combined company.", MONEY_ANY)], unit="USD"),
        Fact("tax", "money", amt([40e6, 55e6]), [
            ("{acq} expects a {v} tax charge linked to the purchase.", MONEY_ADJ)], unit="USD"),
        Fact("interest", "percent", amt([6.5, 7.25]), [
            ("The bank loan of {tgt} carries an interest rate of {v}.", PCT)]),
        Fact("patents", "count", amt([37, 41]), [
            ("{tgt} holds {v} patents on compression methods.", ("digits",))]),
    ]


# --- filler (no numbers, no number words, no months, no quotes) ------------------

SUBJECTS = ["Analysts in {city}", "Investors", "Rival firms", "Regulators in {city}",
            "Employees at {tgt}", "Customers of {tgt}", "Industry groups", "Critics of the deal",
            "Supporters of the merger", "Executives at {acq}", "Local officials in {city}",
            "Bankers advising {acq}", "Smaller competitors", "Union representatives",
            "Technology consultants", "Shareholder advocates"]
VERBS = ["have questioned", "welcomed", "are closely watching", "have raised concerns about",
         "expect changes to", "remain divided over", "pointed to", "have long debated",
         "are still assessing", "cautiously praised", "want more clarity on", "played down"]
OBJECTS = ["the pace of consolidation in the sector", "the future of the product roadmap",
           "the integration of the engineering teams", "the terms of the agreement",
           "the outlook for smaller competitors", "the role of the board",
           "the company's approach to data privacy", "the treatment of existing customers",
           "the cultural fit between the organisations", "the timeline for regulatory review",
           "the fate of the research lab", "the strategy behind the move",
           "the reaction of long-standing clients", "the governance of the combined business"]
TAILS = ["", "", " as the industry consolidates", " while the review continues",
         " ahead of the shareholder meeting", ", according to people briefed on the matter",
         " in private conversations", " in notes to clients", " amid broader market jitters",
         " without offering much detail"]
BACKGROUND = [
    "{tgt} builds software that helps logistics companies plan routes and manage warehouses.",
    "The combined business would compete with larger platforms that dominate the market.",
    "Talks between the companies began quietly and were kept from most staff.",
    "{acq} has spent heavily on research and has made several smaller purchases.",
    "The announcement followed intense speculation in trade publications.",
    "Neither company disclosed how the leadership of the merged group would be organised.",
    "{city} has become a hub for software startups thanks to its universities.",
    "Some customers said they were unsure how the change would affect their contracts.",
    "The review by competition authorities could take a long time.",
    "Engineers at {tgt} have built a reputation for careful, well documented products.",
    "Observers expect the integration to be demanding for both management teams.",
    "{acq} did not respond to requests for further comment beyond its statement.",
]
HEADLINES = ["{acq} moves to buy {tgt}", "{acq} makes takeover offer for {tgt}",
             "{tgt} weighs bid from {acq}", "Takeover battle looms as {acq} targets {tgt}",
             "{acq} bets big on {tgt}"]


def _filler(rng: random.Random, e: dict[str, str]) -> str:
    if rng.random() < 0.08:  # a few stock background lines; the rest is combinatorial
        return rng.choice(BACKGROUND).format(**e)
    s = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}{rng.choice(TAILS)}."
    return s.format(**e)


# --- the story ------------------------------------------------------------------

@dataclass
class Story:
    seed: int
    n_sources: int
    entities: dict[str, str]
    texts: dict[str, str]               # source id (file stem) -> text
    truth: dict[str, Any]

    def write(self, folder: str | Path, suffix: str = ".txt") -> list[Path]:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        paths = []
        for sid, text in self.texts.items():
            path = folder / f"{sid}{suffix}"
            path.write_text(text, encoding="utf-8")
            paths.append(path)
        (folder.parent / f"{folder.name}.truth.json").write_text(
            json.dumps(self.truth, indent=1, sort_keys=True), encoding="utf-8")
        return paths


def source_ids(n: int) -> list[str]:
    width = max(4, len(str(n)))
    return [f"src{i:0{width}d}" for i in range(1, n + 1)]


def _entities(rng: random.Random) -> dict[str, str]:
    ceo, fnd = rng.choice(CEOS), rng.choice(FOUNDERS)
    return {"acq": rng.choice(ACQUIRERS), "tgt": rng.choice(TARGETS),
            "ceo": " ".join(ceo), "ceo_last": ceo[1], "fnd": " ".join(fnd), "fnd_last": fnd[1],
            "reg": rng.choice(REGULATORS), "inv": rng.choice(INVESTORS), "city": rng.choice(CITIES)}


def plan(n: int, seed: int = DEFAULT_SEED) -> dict[str, Any]:
    """Which source states which fact with which value (no text yet)."""
    if n < 2:
        raise ValueError("a story needs at least two sources")
    rng = random.Random(f"checker-bench:{seed}:plan:{n}")
    ents = _entities(random.Random(f"checker-bench:{seed}:entities"))
    facts = shared_facts(random.Random(f"checker-bench:{seed}:facts"), ents)
    singles = single_facts(random.Random(f"checker-bench:{seed}:singles"), ents)
    ids = source_ids(n)
    states: dict[str, dict[str, Any]] = {f.id: {} for f in facts}
    for f in facts:
        if f.core or n <= 3:
            chosen = list(ids)
        else:
            chosen = [s for s in ids if rng.random() < 0.6]
            for s in rng.sample(ids, 2):      # at least two sources state it
                if s not in chosen:
                    chosen.append(s)
            chosen.sort()
        for s in chosen:
            states[f.id][s] = f.value
    # planted discrepancies: a few sources change one value of one fact
    n_facts = 1 if n == 2 else min(3, len(facts))
    planted = []
    for f in rng.sample(facts, n_facts):
        stating = sorted(states[f.id])
        k = 1 if n < 10 else min(3, max(1, n // 100 + 1))
        # never the first source: it keeps the canonical value
        changed = rng.sample([s for s in stating if s != stating[0]], k)
        values = {}
        for s in sorted(changed):
            values[s] = rng.choice(f.wrong)
            states[f.id][s] = values[s]
        planted.append({"fact": f.id, "kind": f.kind, "value": f.value, "changed": values})
    planted.sort(key=lambda p: p["fact"])
    # single-source facts: one distinct source each
    k = min(len(singles), max(1, n // 2))
    owners = rng.sample(ids, k) if k <= n else [rng.choice(ids) for _ in range(k)]
    single = [{"fact": f.id, "kind": f.kind, "value": f.value, "source": s}
              for f, s in zip(singles[:k], owners)]
    return {"entities": ents, "facts": facts, "singles": singles[:k], "states": states,
            "discrepancies": planted, "single_source": single, "ids": ids}


# wording around a fact that papers vary (no numbers, dates or measure words)
PREFIXES = ["", "", "", "Meanwhile, ", "Separately, ", "Notably, ", "In a statement, ",
            "For context, ", "As things stand, "]
TAILS_FACT = ["", "", "", ", according to a statement", ", according to a regulatory filing",
              ", people familiar with the matter said", ", a person close to the talks said",
              " in a filing with regulators", ", analysts noted", ", the companies confirmed",
              ", officials said", " in documents seen by reporters"]


def _render_fact(rng: random.Random, f: Fact, value: Any, e: dict[str, str], force_day=False) -> str:
    options = [(t, fmts) for t, fmts in f.templates if not force_day or set(fmts) & set(DATE_DAY)]
    template, fmts = rng.choice(options)
    forms = f.formats(value)
    usable = [k for k in fmts if k in forms]
    surface = forms[rng.choice(usable)]
    text = template.format(v=surface, **e)
    if f.kind != "quote":
        tail = rng.choice(TAILS_FACT)
        if tail and text.endswith("."):
            text = text[:-1] + tail + "."
        pre = rng.choice(PREFIXES)
        if pre:
            lower = not template.startswith("{")
            text = pre + (text[0].lower() + text[1:] if lower else text)
    return text[0].upper() + text[1:]


def _source_text(sid: str, seed: int, p: dict[str, Any]) -> str:
    rng = random.Random(f"checker-bench:{seed}:source:{sid}")
    e = p["entities"]
    changed_date = {s for d in p["discrepancies"] if d["kind"] == "date" for s in d["changed"]}
    claims = []
    for f in p["facts"]:
        if sid in p["states"][f.id]:
            value = p["states"][f.id][sid]
            # a changed date is written with its day (a bare month would agree)
            force = f.kind == "date" and (sid in changed_date or value != f.value)
            claims.append(_render_fact(rng, f, value, e, force_day=force))
    for s in p["single_source"]:
        if s["source"] == sid:
            f = next(x for x in p["singles"] if x.id == s["fact"])
            claims.append(_render_fact(rng, f, f.value, e))
    # lead: the bid (if stated) first, everything else shuffled among filler
    lead = [claims.pop(0)] if sid in p["states"]["bid"] else []
    rng.shuffle(claims)
    target_words = WORDS_PER_SOURCE + rng.randint(-40, 40)
    sentences = lead + claims
    words = sum(len(s.split()) for s in sentences)
    filler = []
    while words < target_words:
        s = _filler(rng, e)
        filler.append(s)
        words += len(s.split())
    body = lead[:]
    rest = claims[:]
    # interleave: claims spread evenly through the filler
    slots = sorted(rng.sample(range(len(filler) + len(rest)), len(rest))) if rest else []
    ci = fi = 0
    for i in range(len(filler) + len(rest)):
        if ci < len(slots) and slots[ci] == i:
            body.append(rest[ci])
            ci += 1
        else:
            body.append(filler[fi])
            fi += 1
    paragraphs, i = [], 0
    while i < len(body):
        size = rng.randint(2, 4)
        paragraphs.append(" ".join(body[i:i + size]))
        i += size
    headline = rng.choice(HEADLINES).format(**e)
    return headline + "\n\n" + "\n\n".join(paragraphs) + "\n"


def generate(n: int, seed: int = DEFAULT_SEED) -> Story:
    """The story of ``n`` sources: texts plus ground truth."""
    p = plan(n, seed)
    texts = {sid: _source_text(sid, seed, p) for sid in p["ids"]}
    truth = {
        "seed": seed,
        "n_sources": n,
        "entities": p["entities"],
        "sources": p["ids"],
        "facts": [{"id": f.id, "kind": f.kind, "value": f.value, "unit": f.unit,
                   "sources": sorted(p["states"][f.id])} for f in p["facts"]],
        "discrepancies": p["discrepancies"],
        "single_source": p["single_source"],
    }
    return Story(seed=seed, n_sources=n, entities=p["entities"], texts=texts, truth=truth)


# --- helpers for tests and evaluation -------------------------------------------

_QWORD = re.compile(r"[\w’']+")


def quote_key(text: str) -> tuple[str, ...]:
    return tuple(_QWORD.findall(str(text).lower().replace("’", "'")))


def same_value(kind: str, got: Any, want: Any) -> bool:
    """Whether an extracted claim value is the planted value."""
    if got is None:
        return False
    if kind in ("money", "percent", "count", "year"):
        try:
            g, w = float(got), float(want)
        except (TypeError, ValueError):
            return str(got).strip()[:4] == str(want)[:4] if kind == "year" else False
        return abs(g - w) <= 1e-6 * max(abs(w), 1.0)
    if kind == "date":
        return str(got)[:10] == str(want)[:10]
    if kind == "quote":
        return quote_key(got) == quote_key(want) or " ".join(quote_key(want)) in " ".join(quote_key(got))
    return str(got) == str(want)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="number of sources")
    ap.add_argument("folder", help="output folder (truth goes next to it as <folder>.truth.json)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = ap.parse_args(argv)
    story = generate(args.n, args.seed)
    story.write(args.folder)
    print(f"{args.n} sources in {args.folder}; truth in {Path(args.folder).name}.truth.json")


if __name__ == "__main__":
    main()
