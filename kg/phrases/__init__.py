"""Phrases in a sentence: places, bodies, titles, people's names and dates.

Each module finds one kind of phrase, with its offsets; the links between them
(who holds what, who did what at which event) are the `extract` stage's job.
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass

from ..gazetteer import Gazetteer
from ..places import PoliticalMap
from ..records import Place


@dataclass(frozen=True)
class Context:
    """What a report knows that its sentences leave out."""

    gaz: Gazetteer
    places: PoliticalMap  # the provinces and communes in force on the report's date
    jurisdiction: Place | None
    year: int | None  # for dates written without one
    report_date: dt.date | None = None
    district: Place | None = None  # the district a district's report is about (jurisdiction.local_units)
    commune: Place | None = None  # the commune, ward or special zone a commune's report is about
    planned_year: bool = False  # `year` is a year the report plans for: its autumn dates are of the year before


class Spans:
    """Non-overlapping [start, end) spans of a sentence (its titles, its bodies), asked which covers a position."""

    def __init__(self, pairs):
        pairs = sorted(pairs)
        self.starts = [a for a, _ in pairs]
        self.ends = [b for _, b in pairs]

    def covering(self, pos: int) -> int | None:
        """The end of the span that covers `pos`, if one does."""
        i = bisect_right(self.starts, pos) - 1
        return self.ends[i] if i >= 0 and pos < self.ends[i] else None

    def __contains__(self, pos: int) -> bool:
        return self.covering(pos) is not None
