"""Why claims were grouped, in words an editor understands, and why others were not.

``why(rows, lexicon)`` describes one claim group (what alignment saw in
common); alignment attaches it to every group of two or more sources and the
rules put it in the finding's ``details.why``. ``nearest(...)`` backs
``checker explain``: the claims of the same block that were not grouped with
a finding, best first, with the reason each was left out.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

from checker.lexicon import Lexicon


def _names(value) -> set[str]:
    return {n for n in str(value).split("|") if n} if isinstance(value, str) else set()


def why(rows: pd.DataFrame, lexicon: Lexicon | None = None) -> dict:
    """The shared identity of a group's claims: measure, names, speaker, wording score."""
    from checker.align_facts import FACT_KINDS, why_fact
    if rows["kind"].iloc[0] in (*FACT_KINDS, "attribution"):  # a statement fact: what it states
        return why_fact(rows)
    out: dict = {}
    stated = [t for t in rows["topic"] if isinstance(t, str) and t]
    topics = set(stated)
    if len(topics) == 1:
        out["measure"] = topics.pop()
    elif topics:
        out["measure"] = " / ".join(sorted(topics))
    if stated and len(stated) < len(rows):  # say so: the others name no measure
        out["measure_in"] = [len(stated), len(rows)]
    units = {u for u in rows["unit"] if isinstance(u, str) and u} if rows["kind"].iloc[0] == "count" else set()
    if units:
        out["counted"] = " / ".join(sorted(units))
    names = [_names(e) for e in rows["entities"]]
    shared = set.intersection(*names) if names else set()
    if shared:
        out["entities"] = sorted(shared)
    speakers = {s for s in rows["speaker"] if isinstance(s, str) and s}
    if speakers:
        out["speakers"] = sorted(speakers)
    ctx = [str(c) for c in rows["context"].fillna("")]
    if len(ctx) > 1:
        scores = process.cdist(ctx[:1], ctx[1:], scorer=fuzz.token_set_ratio,
                               processor=default_process, dtype=np.float32)
        out["wording"] = int(round(float(scores.mean())))
    out["text"] = sentence(out)
    return out


def sentence(w: dict) -> str:
    """'all share the measure word “bid”, name Acme and are worded alike (72/100 ...)'."""
    parts = []
    if "measure" in w and "measure_in" not in w:
        parts.append(f"share the measure word “{w['measure']}”")
    if "counted" in w:
        parts.append(f"count {w['counted']}")
    if "entities" in w:
        parts.append("name " + ", ".join(w["entities"][:3]))
    if "speakers" in w:
        parts.append("quote " + " / ".join(w["speakers"][:3]))
    if "wording" in w:
        parts.append(f"are worded alike ({w['wording']}/100 on the words around the value)")
    tail = ""
    if "measure_in" in w:
        k, n = w["measure_in"]
        tail = f"; the measure word “{w['measure']}” is in {k} of the {n} claims"
    if not parts:
        return "grouped on wording alone" + tail
    return "all " + (", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]) + tail


def nearest(table: pd.DataFrame, claims: pd.DataFrame, member_ids: list[str],
            lexicon: Lexicon | None, limit: int = 5) -> list[dict]:
    """Claims of the members' block not in their group, best first, each with why."""
    from checker import align
    from checker.align_facts import FACT_KINDS
    members = claims[claims["claim_id"].isin(member_ids)]
    if members.empty:
        return []
    if members["kind"].iloc[0] in (*FACT_KINDS, "attribution"):  # grouped by what they state, not scored
        kind = members["kind"].iloc[0]
        others = claims[(claims["kind"] == kind) & ~claims["claim_id"].isin(member_ids)].head(limit)
        return [{"claim_id": r["claim_id"], "source": r["source"], "line": int(r["line"]),
                 "raw": str(r["raw"]), "score": None,
                 "reason": "another fact: a different subject, person, role, object or time"}
                for r in others.to_dict("records")]
    key = align.block_key(claims["kind"], claims["unit"])
    block = claims[key == key.loc[members.index[0]]].reset_index(drop=True)
    score = align.score_block(block, lexicon, align.related_sources(table, lexicon), align.article_names(table))
    inside = block["claim_id"].isin(member_ids).to_numpy()
    best = np.where(inside[None, :], score, -np.inf).max(axis=1)
    group = int(members["group"].iloc[0])
    mine = set(members["source"])
    out = []
    same = block["source"].isin(mine).to_numpy()
    for i in np.lexsort((-best, same)):  # other articles' claims first, best first
        if inside[i] or len(out) >= limit:
            continue
        row = block.iloc[i]
        if row["source"] in mine:
            reason = "from an article that already has a claim in this group (one claim per article)"
        elif best[i] <= align.NEVER / 2:
            reason = "never paired: a different measure or counted noun, or an unrelated article"
        elif int(row["group"]) != group and best[i] >= align.THRESHOLD:
            reason = "it fits another group better"
        else:
            reason = f"too different: score {best[i]:.0f}, pairs need {align.THRESHOLD:.0f}"
        out.append({"claim_id": row["claim_id"], "source": row["source"], "line": int(row["line"]),
                    "raw": str(row["raw"]), "score": round(float(best[i]), 1), "reason": reason})
    return out


def render(report, finding, near: list[dict]) -> str:
    """``checker explain``: the finding, why its claims were grouped, the nearest others."""
    f = finding
    lines = [f"Finding {f.id}: {f.verdict}, {f.kind}, {f.topic} [{f.rule}]", "", "Claims:"]
    for c in f.claims:
        lines.append(f"  {c.source}:{c.line}  {c.raw if c.kind != 'quote' else '“' + str(c.value) + '”'}")
        lines.append(f"      {c.text}")
    w = f.details.get("why")
    lines += ["", f"Why grouped: they {w['text']}." if w else
              "Why alone: no claim of another source fits it well enough (see below)."]
    if near:
        lines += ["", "Nearest claims not grouped with it:"]
        for n in near:
            score = f"  (score {n['score']:g})" if n["score"] is not None else ""
            lines.append(f"  {n['source']}:{n['line']}  {n['raw']}{score}: {n['reason']}")
    else:
        lines += ["", "No other claim of this kind was a candidate."]
    return "\n".join(lines) + "\n"
