"""Phrases in a sentence: places, bodies, titles, people's names and dates.

Each module finds one kind of phrase, with its offsets; the links between them
(who holds what, who did what at which event) are the `extract` stage's job.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..gazetteer import Gazetteer
from ..records import Place


@dataclass(frozen=True)
class Context:
    """What a report knows that its sentences leave out."""

    gaz: Gazetteer
    jurisdiction: Place | None
    year: int | None  # for dates written without one
    report_date: dt.date | None = None
    district: Place | None = None  # the district a district's report is about (jurisdiction.local_units)
    commune: Place | None = None  # the commune, ward or special zone a commune's report is about
    planned_year: bool = False  # `year` is a year the report plans for: its autumn dates are of the year before
