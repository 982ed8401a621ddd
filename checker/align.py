"""Alignment: group claims that state the same fact across sources.

Claims are blocked by kind (and currency or percent unit), scored with
rapidfuzz ``cdist`` on their value-masked context, then adjusted with
vectorised terms: topic (a bid never meets a valuation), entity overlap,
value proximity, speaker (quotes). Pairs over the threshold are merged,
best first, into claim groups holding at most one claim per source.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

from checker.lexicon import Lexicon

THRESHOLD = 60.0
NEVER = -1000.0
TOPIC_BONUS = 20.0
ENTITY_WEIGHT = 15.0
NO_SHARED_ENTITY = -40.0
CLOSE_VALUE_BONUS = 10.0
QUOTE_THRESHOLD = 55.0


def block_key(row_kind: pd.Series, unit: pd.Series) -> pd.Series:
    """Kinds that can state the same fact share a block."""
    key = row_kind.map({"year": "time", "date": "time"}).fillna(row_kind)
    with_unit = row_kind.isin(["money", "percent"])
    return key.where(~with_unit, key + ":" + unit.fillna("").astype(str))


def _surnames(entities: pd.Series) -> list[frozenset[str]]:
    return [frozenset(e.split()[-1].lower() for e in str(v).split("|") if e.strip())
            if isinstance(v, str) else frozenset() for v in entities]


def _jaccard(sets: list[frozenset[str]]) -> tuple[np.ndarray, np.ndarray]:
    """Pairwise entity overlap (Jaccard) and whether both sides name any."""
    vocab = sorted(set().union(*sets)) if sets else []
    n = len(sets)
    if not vocab:
        return np.zeros((n, n)), np.zeros((n, n), dtype=bool)
    index = {w: i for i, w in enumerate(vocab)}
    m = np.zeros((n, len(vocab)), dtype=np.float32)
    for row, s in enumerate(sets):
        for w in s:
            m[row, index[w]] = 1
    inter = m @ m.T
    sizes = m.sum(axis=1)
    union = sizes[:, None] + sizes[None, :] - inter
    with np.errstate(invalid="ignore", divide="ignore"):
        jac = np.where(union > 0, inter / union, 0.0)
    both = (sizes[:, None] > 0) & (sizes[None, :] > 0)
    return jac, both


def _close_values(block: pd.DataFrame) -> np.ndarray:
    kinds = block["kind"].to_numpy()
    if kinds[0] in ("year", "date"):
        years = block["value"].map(lambda v: str(v)[:4]).to_numpy()
        return years[:, None] == years[None, :]
    v = pd.to_numeric(block["value"], errors="coerce").to_numpy(dtype=float)
    big = np.maximum(np.abs(v[:, None]), np.abs(v[None, :]))
    with np.errstate(invalid="ignore"):
        return np.abs(v[:, None] - v[None, :]) <= 0.1 * big


def _nouns(units: pd.Series, lexicon: Lexicon | None) -> np.ndarray:
    """Counted nouns folded through the lexicon ("employees" and "staff" alike)."""
    def fold(u):
        if not isinstance(u, str):
            return ""
        words = lexicon.fold(u) if lexicon is not None else [u.lower()]
        return " ".join(words)
    return np.array([fold(u) for u in units], dtype=object)


def _topic_match(topics: pd.Series, lexicon: Lexicon | None) -> tuple[np.ndarray, np.ndarray]:
    """Whether two claims' topics may name the same fact, and whether both have one."""
    ids = lexicon.measure_ids if lexicon is not None else {}
    sets = [frozenset(f"g{g}" for g in ids.get(t, ())) or frozenset([t])
            if isinstance(t, str) and t else frozenset() for t in topics]
    overlap, both = _jaccard(sets)
    return overlap > 0, both


def score_block(block: pd.DataFrame, lexicon: Lexicon | None = None,
                related: pd.DataFrame | None = None) -> np.ndarray:
    """Pairwise scores (0-100 plus adjustments) of one block's claims."""
    ctx = block["context"].fillna("").astype(str).tolist()
    is_quote = block["kind"].iloc[0] == "quote"
    if is_quote:
        score = process.cdist(ctx, ctx, scorer=fuzz.token_set_ratio,
                              processor=default_process, dtype=np.float32, workers=-1)
        jac, named = _jaccard(_surnames(block["speaker"]))
        score = np.where(named & (jac == 0), NEVER, score)
        score = score - (QUOTE_THRESHOLD - THRESHOLD)
    else:
        set_r = process.cdist(ctx, ctx, scorer=fuzz.token_set_ratio,
                              processor=default_process, dtype=np.float32, workers=-1)
        sort_r = process.cdist(ctx, ctx, scorer=fuzz.token_sort_ratio,
                               processor=default_process, dtype=np.float32, workers=-1)
        score = 0.6 * set_r + 0.4 * sort_r
        same, both = _topic_match(block["topic"], lexicon)
        if block["kind"].iloc[0] == "count":  # "two figures" is not "twice"
            unit = _nouns(block["unit"], lexicon)
            score = np.where((unit[:, None] != unit[None, :]) & ~(both & same), NEVER, score)
        score = score + np.where(both & same, TOPIC_BONUS, 0.0)
        score = np.where(both & ~same, NEVER, score)
        jac, named = _jaccard(_surnames(block["entities"]))
        score = score + np.where(named, np.where(jac > 0, ENTITY_WEIGHT * jac, NO_SHARED_ENTITY), 0.0)
        score = score + np.where(_close_values(block), CLOSE_VALUE_BONUS, 0.0)
    src = block["source"].to_numpy()
    score = np.where(src[:, None] == src[None, :], NEVER, score)
    if related is not None:  # sources about different stories never pair
        codes = related.index.get_indexer(src)
        score = np.where(related.to_numpy()[codes][:, codes], score, NEVER)
    return score


def related_sources(claims: pd.DataFrame) -> pd.DataFrame:
    """Source x source: whether two sources name any entity in common.

    A source that names no entity at all is taken as related to every other.
    """
    names = claims.groupby("source", sort=True)["entities"].agg(
        lambda col: frozenset().union(*_surnames(col)))
    overlap, both = _jaccard(list(names))
    return pd.DataFrame((overlap > 0) | ~both, index=names.index, columns=names.index)


def _group_block(block: pd.DataFrame, threshold: float, lexicon: Lexicon | None,
                 related: pd.DataFrame | None) -> np.ndarray:
    """Greedy best-first merging; a group never holds two claims of one source."""
    n = len(block)
    parent = np.arange(n)
    sources = [{s} for s in block["source"]]
    if n < 2:
        return parent
    score = score_block(block, lexicon, related)
    iu, ju = np.triu_indices(n, k=1)
    vals = score[iu, ju]
    keep = vals >= threshold
    iu, ju, vals = iu[keep], ju[keep], vals[keep]
    order = np.lexsort((ju, iu, -vals))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for k in order:
        a, b = find(iu[k]), find(ju[k])
        if a == b or sources[a] & sources[b]:
            continue
        parent[b] = a
        sources[a] |= sources[b]
    return np.array([find(i) for i in range(n)])


def align(table: pd.DataFrame, kinds: tuple[str, ...], lexicon: Lexicon | None = None,
          threshold: float = THRESHOLD) -> pd.DataFrame:
    """Claims of ``kinds`` with a ``group`` column numbering claim groups.

    Relative dates that could not be resolved are left out: they state no
    date to compare.
    """
    claims = table[table["kind"].isin(kinds) & table["resolved"].astype(bool)].copy()
    claims["block"] = block_key(claims["kind"], claims["unit"])
    claims["group"] = -1
    related = related_sources(table)
    next_id = 0
    for _, block in claims.groupby("block", sort=True):
        roots = _group_block(block.reset_index(drop=True), threshold, lexicon, related)
        _, local = np.unique(roots, return_inverse=True)
        claims.loc[block.index, "group"] = local + next_id
        next_id += int(local.max()) + 1 if len(local) else 0
    # number groups in reading order: by first claim's source order and offset
    order = claims.reset_index().sort_values(["index"]).groupby("group", sort=False)["index"].min()
    renumber = {g: i for i, g in enumerate(order.sort_values().index)}
    claims["group"] = claims["group"].map(renumber).astype(int)
    return claims.drop(columns="block")
