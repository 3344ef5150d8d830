"""Tell the report's own text from site chrome; find its title, date and byline."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .gazetteer import Gazetteer

_DATELINE = re.compile(
    r"^\s*(?:(?:thứ\s+\w+|chủ\s+nhật)\s*,?\s*)?(?:ngày\s+)?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})"
    r"(?:\s*[,|\-–]?\s*(\d{1,2}[:h]\d{2})(?:\s*(?:SA|CH|AM|PM))?)?\s*(?:\(GMT[+-]\d+\))?\s*$",
    re.IGNORECASE,
)
_TERMINAL = tuple(".!?…:;\"”)")
CAPTION_MAX = 300  # characters: a longer line is text, even with "Ảnh:" in it


@dataclass(frozen=True)
class Block:
    """A line of the report and what it is."""

    start: int
    end: int
    kind: str  # body, caption, title, dateline, byline, chrome


@dataclass
class Layout:
    blocks: list[Block]
    title: str | None
    date: dt.date | None
    byline: str | None


def layout(text: str, gaz: Gazetteer) -> Layout:
    """Classify each non-empty line and read the report's own metadata."""
    lines = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped)
            lines.append((start, start + len(stripped), stripped))
        pos += len(line) + 1

    kinds = [_kind(s, gaz) for _, _, s in lines]
    dates = [(i, m) for i, (_, _, s) in enumerate(lines) if kinds[i] == "dateline" and (m := _DATELINE.match(s))]
    date = None
    # The article's own date carries a time; a bare date at the top is the site's "today".
    for _, m in sorted(dates, key=lambda im: im[1].group(4) is None):
        date = _date(int(m[3]), int(m[2]), int(m[1]))
        if date:
            break

    first_body = next((i for i, k in enumerate(kinds) if k == "body" and lines[i][2].endswith(_TERMINAL)), len(lines))
    title = None
    for i in range(first_body):
        if kinds[i] in ("body", "caption") and 15 <= len(lines[i][2]) <= 250 and not lines[i][2].endswith(_TERMINAL[:3]):
            kinds[i], title = "title", lines[i][2]
            break

    byline = None
    for i in range(len(lines) - 1, first_body, -1):
        if kinds[i] == "chrome":
            continue
        s = lines[i][2]
        if len(s) <= 80 and len(s.split()) <= 10 and not s.endswith(_TERMINAL[:3]):
            kinds[i], byline = "byline", s
        break

    for i, (_, _, s) in enumerate(lines):
        if kinds[i] == "body" and i > first_body and len(s) <= CAPTION_MAX and not s.endswith(_TERMINAL):
            kinds[i] = "caption"
    blocks = [Block(a, b, k) for (a, b, _), k in zip(lines, kinds)]
    return Layout(blocks, title, date, byline)


def _kind(line: str, gaz: Gazetteer) -> str:
    if gaz.chrome_re.match(line):
        return "chrome"
    if _DATELINE.match(line):
        return "dateline"
    if len(line) <= CAPTION_MAX and (gaz.caption_start_re.match(line) or gaz.caption_mark_re.search(line)):
        return "caption"
    return "body"


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
