"""End-to-end through the CLI: quantities, durations and times of day in two
articles written for this test (expected findings worked out by hand)."""

from __future__ import annotations

import json

from tests.cli_helpers import run, write

A = ("---\noutlet: Daily A\npublished: 2024-03-05\n---\n"
     "A 5.9-magnitude quake struck Varn province on Monday, about 50 miles from the city of "
     "Brenn, officials said.\n\n"
     "The quake hit Varn at 4:45 am local time, the agency said.\n\n"
     "The mayor of Brenn, who has led the city for 17 months, called for calm.\n")
B = ("---\noutlet: Wire B\npublished: 2024-03-05\n---\n"
     "The magnitude 6.1 quake struck Varn province on Monday, 80 km from the city of Brenn, "
     "officials said.\n\n"
     "The quake hit Varn at about 4:50 a.m. local time, the agency said.\n\n"
     "The mayor of Brenn, who has led the city for nearly two years, called for calm.\n")


def _findings(tmp_path, a=A, b=B):
    write(tmp_path / "story" / "a.md", a)
    write(tmp_path / "story" / "b.md", b)
    code, out, err = run("check", str(tmp_path / "story"), "--format", "json",
                         "-o", str(tmp_path / "r.json"))
    doc = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    by = {}
    for f in doc["findings"]:
        by.setdefault(f["kind"], []).append(
            (f["verdict"], sorted(c["raw"] for c in f["claims"])))
    return code, by, err


def test_magnitudes_differ_and_the_distance_agrees_once_converted(tmp_path):
    code, by, err = _findings(tmp_path)
    assert code == 1, err                       # the magnitude is a discrepancy (level error)
    quantities = sorted(by["quantity"])
    # 5.9 and 6.1 are each stated to a tenth: they differ
    assert ("discrepancy", ["5.9-magnitude", "magnitude 6.1"]) in quantities
    # about 50 miles = 80.5 km, give or take 10%: 80 km fits
    assert ("agreement", ["80 km", "about 50 miles"]) in quantities
    assert len(quantities) == 2


def test_times_and_durations_compare_at_their_precision(tmp_path):
    code, by, err = _findings(tmp_path)
    # "about 4:50" stretches 15 minutes: 4:45 fits
    assert by["time"] == [("agreement", ["4:45 am local time", "about 4:50 a.m. local time"])]
    # "nearly two years" is 657.5 to 730.5 days; 17 months (517 days) is far below
    assert by["duration"] == [("discrepancy", ["17 months", "nearly two years"])]


def test_a_time_in_another_zone_is_not_a_discrepancy(tmp_path):
    b = B.replace("at about 4:50 a.m. local time", "at 2245 GMT")
    code, by, err = _findings(tmp_path, b=b)
    assert all(verdict != "discrepancy" for verdict, _ in by.get("time", []))
