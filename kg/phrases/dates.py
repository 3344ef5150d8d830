"""Dates as reports write them ("Sáng 12/5", "ngày 12-10-2017", "2024-05-12") and the year of a date without one."""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from . import Context

@functools.cache
def date_regex(parts_of_day: tuple[str, ...]) -> re.Pattern:
    """A date as reports write it, led by one of the parts of the day (kg/data/text.toml) or not."""
    return re.compile(
        r"(?:(?P<pod>" + "|".join(map(re.escape, parts_of_day)) + r")\s+(?:hôm\s+)?(?:nay\s+)?(?:\(\s*)?)?"
        r"(?:(?:thứ\s+\w+|chủ\s+nhật)\s*,?\s*)?"
        r"(?:(?:vào\s+)?ngày\s+)*(?:(?P<first>\d{1,2})\s*(?:và|,|-|–|đến(?:\s+ngày)?)\s*(?=\d{1,2}\s*[/.-]))?"
        r"(?<![\d/.-])(?P<d>\d{1,2})\s*(?:/|-|\.|\s+tháng\s+)\s*(?P<m>\d{1,2})"
        r"(?:\s*(?:/|-|\.|\s+năm\s+)\s*(?P<y>\d{4}))?(?![\d/])"
        r"|(?<![\d/.-])(?P<iy>(?:19|20)\d{2})-(?P<im>\d{2})-(?P<id>\d{2})(?![\d/-])",
        re.IGNORECASE,
    )

_URL_DATE = re.compile(r"(?<!\d)(20\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?!\d)")
_URL_MONTH = re.compile(r"/(20\d{2})[/-]?(0[1-9]|1[0-2])/")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    date: dt.date | None  # None where no year can be known
    written: str
    part_of_day: str | None
    first_of_range: bool = False  # "6 và 7/11", "từ ngày 19 đến 21/7": the first day


def find_dates(text: str, ctx: Context) -> list[DateMention]:
    """The dates a sentence writes; a day of a range ("6 và 7/8") is its first day."""
    out = []
    for m in date_regex(ctx.gaz.parts_of_day).finditer(text):
        if m["iy"]:
            day, month, year = int(m["id"]), int(m["im"]), int(m["iy"])
        else:
            day, month = int(m["first"] or m["d"]), int(m["m"])
            year = int(m["y"]) if m["y"] else infer_year(day, month, ctx)
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        try:
            date = dt.date(year, month, day) if year else None
        except ValueError:
            continue
        pod = m["pod"].capitalize() if m["pod"] else None
        out.append(DateMention(m.start(), m.end(), date, m.group(0).strip(), pod, bool(m["first"])))
    return out


def infer_year(day: int, month: int, ctx: Context) -> int | None:
    """The year of "ngày 4/2": the report's date's (the year before if that is later), else the report's year."""
    if ctx.report_date:
        try:
            later = dt.date(ctx.report_date.year, month, day) > ctx.report_date
        except ValueError:
            return None
        return ctx.report_date.year - 1 if later else ctx.report_date.year
    if ctx.year is not None and ctx.planned_year and month >= 9:
        return ctx.year - 1  # "triển khai nhiệm vụ năm 2026" at a conference of 23/12: that is 2025
    return ctx.year


# the year of a full date: "12/3/2019", "14-10-2025" (found from the year back, which a search can skip to)
_FULL_DATE = re.compile(r"\d[/.-]((?:19|20)\d{2})(?!\d)")
_DAY_MONTH_BEFORE = re.compile(r"(?<![\d/])\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]$")
_REVIEWED = re.compile(r"(?:tổng kết|sơ kết|nhìn lại)[^.;]{0,250}?(?:19|20)\d{2}\s*[-–—]\s*((?:19|20)\d{2})(?!\d)")
# a year, not after a digit, "/", "." or "-" (checked after: a look-behind in front would keep the search from
# skipping ahead to the digits)
_YEAR = re.compile(r"((?:19|20)\d{2})(?![\d/])")
_NOT_BEFORE_YEAR = "0123456789/.-"
_RANGE = re.compile(r"(?:19|20)\d{2}\s*[-–—]\s*(?:19|20)\d{2}")
_TARGET = re.compile(r"(?:đến|tới|tầm nhìn|trước|hướng tới)\s+(?:năm\s+)?$", re.IGNORECASE)
_PLANNED = re.compile(r"(?:nhiệm vụ|kế hoạch|phương hướng|chương trình công tác|mục tiêu)(?:\s+\S+){0,3}?\s+(?:năm\s+)?$",
                      re.IGNORECASE)


def report_year(text: str) -> tuple[int | None, bool]:
    """The year a report is written in when it gives no date of its own, and whether that is a year it plans
    for ("triển khai nhiệm vụ năm 2026"): the latest year it names (a report names no later year than its own
    but the ones it plans for), leaving out the periods' ends, unless a period is reviewed ("tổng kết giai
    đoạn 2019 - 2024" is 2024), and the targets ("đến năm 2030"); never a period's start."""
    ranges = [m.span() for m in _RANGE.finditer(text)]
    seen, planned = [], []
    for m in _YEAR.finditer(text):
        if m.start() and text[m.start() - 1] in _NOT_BEFORE_YEAR:
            continue
        if any(a <= m.start() < b for a, b in ranges) or _TARGET.search(text, max(0, m.start() - 20), m.start()):
            continue
        (planned if _PLANNED.search(text, max(0, m.start() - 40), m.start()) else seen).append(int(m.group(1)))
    seen += [int(m.group(1)) for m in _FULL_DATE.finditer(text)
             if _DAY_MONTH_BEFORE.search(text, max(0, m.start(1) - 12), m.start(1))]
    if ranges:  # a reviewed period is a range
        seen += [int(m.group(1)) for m in _REVIEWED.finditer(text.lower())]
    year = max(seen, default=None)
    plan = max(planned, default=None)
    if plan is not None and (year is None or plan > year):
        return plan, True
    return year, False


def url_date(url: str | None) -> dt.date | None:
    """A date written in a web address: ".../2024/05/12/...", "...-20240512...", "/2024-05-12/"."""
    if not url:
        return None
    for m in _URL_DATE.finditer(url):
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
    return None


def url_year(url: str | None) -> int | None:
    """The year of a web address's dated folder ("/202103/")."""
    m = _URL_MONTH.search(url or "")
    return int(m.group(1)) if m else None
