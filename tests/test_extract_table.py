"""The statement table built for many sources: schema, order, pool = serial."""

from __future__ import annotations

import pandas as pd

from checker.extract import POOL_FROM, extract
from checker.records import Source
from checker.rules import load_rules
from checker.schema import COLUMNS

LEX = load_rules().lexicon


def _sources(n: int) -> list[Source]:
    out = []
    for i in range(n):
        text = (f"Acme Corp paid ${i + 1}.5 million for Globex in 20{i % 10:02d}, Jane Roe said.\n"
                f"“We are thrilled about deal number {i},” Roe said.\n")
        out.append(Source(id=f"s{i:03d}", path=f"s{i:03d}.txt", text=text, plain=text))
    return out


def test_schema_columns_in_order_and_raw_matches_offsets():
    sources = _sources(3)
    table = extract(sources, LEX, workers=1)
    assert list(table.columns) == list(COLUMNS)
    text = {s.id: s.text for s in sources}
    for row in table.itertuples():
        assert text[row.source][row.start:row.end] == row.raw
    assert table["source"].tolist() == sorted(table["source"].tolist())


def test_process_pool_gives_the_same_table_as_serial():
    sources = _sources(POOL_FROM + 5)
    serial = extract(sources, LEX, workers=1)
    pooled = extract(sources, LEX, workers=2)
    pd.testing.assert_frame_equal(serial, pooled)
    money = serial[serial["kind"] == "money"]
    assert len(money) == POOL_FROM + 5 and money["value"].iloc[1] == 2.5e6
