"""Places written after a body's level word: "tỉnh Cà Mau", "huyện Mai Sơn", "xã Chiềng Sơn", "TP.HCM"."""
from __future__ import annotations

import re

from ..records import Place
from ..text import is_capitalised
from . import Context

WORD = re.compile(r"[^\W\d_][^\W_]*(?:['’][^\W\d_]+)?")
LEVEL_OF_KIND = {"province": "province", "city": "province", "district": "district", "commune": "commune"}
MAX_PLACE_WORDS = 4


def province_at(text: str, pos: int, ctx: Context) -> tuple[Place, int] | None:
    """A province or centrally run city written at `pos` ("Cà Mau", "TP.HCM"), and where it ends."""
    m = ctx.places.province_re.match(text, pos)
    return (ctx.places.named[m.group(0)], m.end()) if m else None


def read_place(text: str, pos: int, level: str, word: str, ctx: Context) -> tuple[Place | None, int]:
    """The place named right after a level word `word` that ends at `pos`, of that level; (None, pos) if none.

    Known names win ("huyện Mai Sơn" whole, though "Mai" is a family name); an unknown
    name is the run of capitalised words, cut before a family name that would start a
    person's name ("xã Chiềng Sơn Lò Văn Tú" → "Chiềng Sơn")."""
    if not text.startswith(" ", pos):
        return None, pos
    start = pos + 1
    found = province_at(text, start, ctx)
    if found and (level in ("province", "city") or found[0].kind == "city"):
        if level == "city" and found[0].kind != "city":
            district = ctx.gaz.district(found[0].name, "thành phố", found[0])
            return (district, found[1]) if district else (None, pos)
        return found
    if level == "province":
        return None, pos
    words = _capitalised_run(text, start)
    if not words:
        m = re.match(r"\d{1,2}\b", text[start:])
        if m and level in ("commune", "district"):
            province = _province(ctx)
            return Place(m.group(0), m.group(0), level, province.name if province else None, word), start + m.end()
        return None, pos
    province = _province(ctx)
    for n in range(len(words), 0, -1):
        name = text[start:words[n - 1].end()]
        known = ctx.places.commune(name, province) if level == "commune" else ctx.gaz.district(name, None, province)
        if known and (level != "city" or known.level_word == "thành phố"):
            return known, words[n - 1].end()
    if level == "city" or _person_first(words, ctx):
        return None, pos
    cut = _place_end(text, words, ctx)
    name = text[start:words[cut - 1].end()]
    return Place(name, name, LEVEL_OF_KIND.get(level, level), province.name if province else None, word), words[cut - 1].end()


def _person_first(words: list[re.Match], ctx: Context) -> bool:
    """ "UBND huyện Trương Công Lập": three words or more from a family name, and no place the gazetteer
    knows, are the name of the person the title is written before, the place left unwritten."""
    return len(words) >= 3 and words[0].group(0) in ctx.gaz.surnames


def _place_end(text: str, words: list[re.Match], ctx: Context) -> int:
    run = words + _capitalised_run(text, words[-1].end() + 1) if text.startswith(" ", words[-1].end()) else words
    return place_length([w.group(0) for w in run], len(words), ctx.gaz.surnames)


def place_length(run: list[str], most: int, surnames) -> int:
    """How many of the first `most` capitalised words of `run` name a place: all of them, unless a person's
    name follows it ("Chiềng Sơn Lò Văn Tú": two), a name of two to four words starting with a family name;
    where several cuts fit ("Nga Sơn Mai Văn Tuấn"), a place of two words is the likeliest."""
    cuts = [i for i in range(1, most) if run[i] in surnames and 2 <= len(run) - i <= 4]
    if not cuts:
        return most
    return 2 if 2 in cuts else cuts[-1]


def _capitalised_run(text: str, start: int) -> list[re.Match]:
    words: list[re.Match] = []
    for m in WORD.finditer(text, start):
        gap = text[words[-1].end():m.start()] if words else text[start:m.start()]
        if gap != (" " if words else "") or not is_capitalised(m.group(0)):
            break
        words.append(m)
        if len(words) == MAX_PLACE_WORDS:
            break
    return words


def _province(ctx: Context) -> Place | None:
    j = ctx.jurisdiction
    return j if j is not None and j.kind in ("province", "city") else None
