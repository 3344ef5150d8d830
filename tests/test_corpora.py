"""The reference scorer on the seeds and on the test corpora written apart from the extractor (tests/data/corpus-*).

Corpora A, B and C were written by separate helper sessions from ../shared/DOMAIN.md and REAL-REPORTS.md
before the extractor's rules changed; D is a holdout written the same way later and only scored. Their gold
is never edited to fit the output. The floors are the issue's targets (officials F1 0.85, positions 0.80,
bodies 0.88, events 0.80, participants 0.70, precision 0.9), not the scores of the day.
"""
from __future__ import annotations

import pytest
from conftest import ROOT, SHARED
from test_end_to_end import score

from kg.cli import main

CORPORA = {"seeds": (SHARED / "corpus" / "seeds", SHARED / "gold" / "seeds")}
CORPORA.update({name: (ROOT / "tests" / "data" / f"corpus-{name}" / "reports", ROOT / "tests" / "data" / f"corpus-{name}" / "gold")
                for name in ("a", "b", "c", "d")})
F1_FLOORS = {"officials": 0.85, "positions": 0.80, "bodies": 0.88, "directives": 0.85, "events": 0.80,
             "event.participants": 0.70}
PRECISE = ("officials", "positions", "bodies")


@pytest.fixture(scope="module", params=sorted(CORPORA))
def scored(request, tmp_path_factory):
    reports, gold = CORPORA[request.param]
    out = tmp_path_factory.mktemp(request.param) / "built.trig"
    assert main(["build", str(reports), "-o", str(out), "-q"]) == 0
    return request.param, score(gold, out)


def test_every_category_above_its_floor(scored):
    name, result = scored
    low = {k: round(result[k]["f1"], 3) for k, floor in F1_FLOORS.items() if result[k]["f1"] < floor}
    assert not low, f"corpus {name}: {low}"


def test_what_the_graph_says_is_right(scored):
    name, result = scored
    imprecise = {k: round(result[k]["p"], 3) for k in PRECISE if result[k]["p"] < 0.9}
    assert not imprecise, f"corpus {name}: {imprecise}"


def test_overall(scored):
    name, result = scored
    assert result["overall_f1"] >= (0.95 if name == "seeds" else 0.90), name
    assert result["event.organizer"]["acc"] >= 0.8, name
