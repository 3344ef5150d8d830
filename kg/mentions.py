"""Mentions in a sentence: bodies, titles, people's names and dates."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from .gazetteer import ByFirstLetter, Gazetteer, Named, word_regex
from .records import Body, Place, Title
from .text import is_capitalised, squash

_WORD = re.compile(r"[^\W\d_][^\W_]*(?:'[^\W\d_]+)?")
_QUOTES = "“”\"«»‘’'"
LEVEL_OF_KIND = {"province": "province", "city": "province", "district": "district", "commune": "commune"}


@dataclass(frozen=True)
class Context:
    """What a report knows that its sentences leave out."""

    gaz: Gazetteer
    jurisdiction: Place | None
    year: int | None  # for dates written without one
    report_date: dt.date | None = None
    district: Place | None = None  # the district a district's report is about (jurisdiction.district_of)


@dataclass(frozen=True)
class BodyMatch:
    """A body written at [start, end); `body` is None while its place is unknown."""

    start: int
    end: int
    body: Body | None
    # how to build the body once a place is known (place-less local bodies)
    head: str = ""
    kind: str = ""
    level_word: str = ""
    committee: str = ""  # a Party committee without its place: "Huyện ủy"
    sub: str = ""  # a committee's body: "Ban Dân vận" (of `committee`, or of one named later)

    def with_place(self, place: Place, ctx: Context) -> BodyMatch:
        if self.committee:
            c = committee_body(ctx.gaz.committee_by_name[self.committee], place, ctx)
            return replace(self, body=of_committee(self.sub, c) if self.sub else c)
        return replace(self, body=local_body(self.head, self.kind, self.level_word, place, ctx))

    def with_committee(self, committee: Body) -> BodyMatch:
        """ "Ban Thường vụ, Trưởng Ban Tuyên giáo Tỉnh ủy": the body of the committee named next."""
        return replace(self, body=of_committee(self.sub, committee))

    @property
    def pending(self) -> bool:
        return self.body is None and bool(self.head or self.committee or self.sub)


@dataclass(frozen=True)
class TitleMatch:
    """A title written at [start, end), with "nguyên" (former) if it had it."""

    start: int
    end: int
    title: Title | None
    former: bool
    pending: BodyMatch | None = None  # body waiting for a place
    role: str = ""
    written: str = ""
    prefix: str = ""  # what the canonical title puts before the body: "Trưởng" for role "Trưởng ban"

    def completed(self, body: Body) -> TitleMatch:
        """This title once its body is known."""
        return replace(self, title=Title(self.role, body, f"{self.prefix} {body.name}", self.written), pending=None)


# ---------------------------------------------------------------- bodies

def central_body(name: str, ctx: Context) -> Body:
    row = ctx.gaz.central_by_name[name]
    parent = central_body(row.data["parent"], ctx) if row.data.get("parent") else None
    return Body(name, row.data["kind"], "central", None, parent)


def committee_body(committee: Named, place: Place, ctx: Context) -> Body:
    """A Party committee of a place: "Tỉnh ủy Cà Mau", "Thành ủy Thành phố Hồ Chí Minh"."""
    name = f"{committee.name} {place.full_name if place.kind in ('province', 'city') else place.name}"
    level = LEVEL_OF_KIND.get(place.kind, "district")
    parent = None
    if place.kind == "district" and place.province:
        parent = committee_body(ctx.gaz.committee_by_name["Tỉnh ủy"], ctx.gaz.provinces[place.province], ctx)
    return Body(name, committee.data["kind"], level, place, parent)


def of_committee(sub: str, committee: Body) -> Body:
    """A body of a Party committee: "Ban Dân vận" + "Tỉnh ủy Cà Mau"."""
    return Body(f"{sub} {committee.name}", committee.kind, committee.level, committee.place, committee)


def place_phrase(place: Place, level_word: str) -> str:
    """ "tỉnh Cà Mau", "Thành phố Hồ Chí Minh", "huyện Kinh Môn"."""
    if place.full_name.lower().startswith(level_word.lower() + " "):
        return place.full_name
    return f"{level_word} {place.full_name if place.kind in ('province', 'city') else place.name}"


def local_body(head: str, kind: str, level_word: str, place: Place, ctx: Context) -> Body:
    """A body of a level of government: "Ủy ban nhân dân tỉnh Cà Mau"."""
    word = level_word or place.level_word or "tỉnh"
    level = LEVEL_OF_KIND.get(place.kind, "district")
    parent = None
    if not head.startswith("Ban Chỉ đạo") and place.kind == "district" and place.province:
        province = ctx.gaz.provinces[place.province]
        parent = local_body(head, kind, province.level_word, province, ctx)
    return Body(f"{head} {place_phrase(place, word)}", kind, level, place, parent)


class BodyFinder:
    """Finds bodies by the gazetteer's grammar: central, committee, local, steering."""

    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz
        groups = (gaz.central, gaz.committees, gaz.committee_bodies, gaz.locals)
        forms = [f for group in groups for row in group for f in row.data["forms"]]
        self.trigger = word_regex(forms + list(gaz.abbreviations) + gaz.steering["forms"])
        self.central, self.committees, self.committee_bodies, self.locals = map(ByFirstLetter, groups)

    def find_all(self, text: str, ctx: Context, *, keep_pending: bool = False) -> list[BodyMatch]:
        """Non-overlapping bodies, left to right; place-less ones share a later one's place."""
        found: list[BodyMatch] = []
        pos = 0
        while True:
            m = self.trigger.search(text, pos)
            if not m:
                break
            match = self.match_at(text, m.start(), ctx)
            if match is None:
                pos = m.end()
                continue
            if not self._generic(text, match.start):
                found.append(match)
            pos = match.end
        found = share_places(found, text, ctx)
        return found if keep_pending else [b for b in found if b.body is not None]

    def _generic(self, text: str, start: int) -> bool:
        before = text[max(0, start - 12):start].split()
        return bool(before) and before[-1].lower() in self.gaz.generic_before

    def match_at(self, text: str, pos: int, ctx: Context) -> BodyMatch | None:
        """The longest body that starts at `pos`."""
        options = [o for o in (self._central(text, pos, ctx), self._committee_body(text, pos, ctx),
                               self._committee(text, pos, ctx), self._abbreviation(text, pos, ctx),
                               self._local(text, pos, ctx), self._steering(text, pos, ctx)) if o]
        return max(options, key=lambda o: (o.end, o.body is not None), default=None)

    def _central(self, text, pos, ctx):
        best = None
        for row in self.central.at(text, pos):
            m = row.pattern.match(text, pos)
            if m and (best is None or m.end() > best.end):
                best = BodyMatch(pos, m.end(), central_body(row.name, ctx))
        return best

    def _committee(self, text, pos, ctx):
        """(committee, place, end) for "Tỉnh ủy", "Huyện ủy Kinh Môn", ..."""
        for row in self.committees.at(text, pos):
            m = row.pattern.match(text, pos)
            if not m:
                continue
            place, end = self.place_after(text, m.end(), row.data["level"], ctx)
            if place is None:
                place = self.implicit_place(row.data.get("implicit"), ctx)
            if place is None:
                return BodyMatch(pos, m.end(), None, committee=row.name)
            if place.kind == "district" and row.data["level"] == "province":
                return None
            return BodyMatch(pos, end, committee_body(row, place, ctx))
        return None

    def implicit_place(self, implicit: str | None, ctx: Context) -> Place | None:
        """The report's own place standing in for an unwritten one ("Tỉnh ủy" → Tỉnh ủy P).

        `implicit` is "province", "city", or a district's level word ("huyện": the report's own
        district, when it is a huyện)."""
        j = ctx.jurisdiction
        if j is None or implicit is None:
            return None
        if implicit == "city" and j.kind != "city":
            return None
        if implicit not in ("province", "city"):
            return ctx.district if ctx.district and ctx.district.level_word == implicit else None
        return j

    def _committee_body(self, text, pos, ctx):
        for row in self.committee_bodies.at(text, pos):
            m = row.pattern.match(text, pos)
            if not m:
                continue
            inner = self._committee(text, m.end() + 1, ctx) if text.startswith(" ", m.end()) else None
            if inner is None:
                return BodyMatch(pos, m.end(), None, sub=row.name)
            if inner.body is None:
                return BodyMatch(pos, inner.end, None, committee=inner.committee, sub=row.name)
            return BodyMatch(pos, inner.end, of_committee(row.name, inner.body))
        return None

    def _abbreviation(self, text, pos, ctx):
        m = self.gaz.abbreviation_re.match(text, pos)
        if not m:
            return None
        row = self.gaz.abbreviations[m.group(1)]
        place = self.implicit_place("province", ctx)
        if place is None:
            return BodyMatch(pos, m.end(), None)
        committee = row.get("city_committee", row["committee"]) if place.kind == "city" else row["committee"]
        c = committee_body(self.gaz.committee_by_name[committee], place, ctx)
        return BodyMatch(pos, m.end(), of_committee(row["body"], c))

    def _local(self, text, pos, ctx):
        for row in self.locals.at(text, pos):
            m = row.pattern.match(text, pos)
            if m:
                return self._with_level(text, pos, m.end(), row.name, row.data["kind"], ctx)
        return None

    def _with_level(self, text, pos, end, head, kind, ctx):
        """A local body's level and place: "… tỉnh", "… huyện Ninh Hải", "… TP.HCM"."""
        alias = self._province_at(text, end + 1) if text.startswith(" ", end) else None
        if alias and alias[0].kind == "city" and re.match(r"(?i)t(?:p|hành phố)\b", text[end + 1:end + 12]):
            return BodyMatch(pos, alias[1], local_body(head, kind, "thành phố", alias[0], ctx))
        lm = self.gaz.level_re.match(text, end + 1) if text.startswith(" ", end) else None
        if not lm:
            return BodyMatch(pos, end, None, head, kind, "")
        row = next(r for r in self.gaz.levels if re.fullmatch(r["form"], lm.group(0), re.IGNORECASE))
        word = row["word"]
        place, place_end = self.place_after(text, lm.end(), row["level"], ctx)
        if place is None:
            implicit = {"province": "province", "city": "city", "district": row["word"]}.get(row["level"])
            place, place_end = self.implicit_place(implicit, ctx), lm.end()
            if place is not None and row["level"] == "province" and place.kind == "city":
                word = "thành phố"
        if place is None:
            return BodyMatch(pos, lm.end(), None, head, kind, word)
        return BodyMatch(pos, place_end, local_body(head, kind, word, place, ctx))

    def _steering(self, text, pos, ctx):
        m = self.gaz.steering_re.match(text, pos)
        if not m:
            return None
        rest = re.match(r" ([^,;.:()]{3,160}?) (?=(?:cấp )?(?:tỉnh|thành phố|huyện|quận)\b)", text[m.end():])
        if not rest:
            return None
        purpose = self._expand(rest.group(1))
        found = self._with_level(text, pos, m.end() + rest.end() - 1, f"{self.gaz.steering['name']} {purpose}", "steering", ctx)
        return found

    def _expand(self, purpose: str) -> str:
        """The purpose written out: abbreviations expanded, quotes dropped."""
        for short, full in self.gaz.text_abbreviations.items():
            purpose = re.sub(rf"(?<![^\W_]){re.escape(short)}(?![^\W_])", full, purpose)
        for short, full in self.gaz.steering["purpose_expansions"].items():
            if purpose.startswith(short):
                purpose = full + purpose[len(short):]
        return squash(purpose.translate({ord(q): None for q in _QUOTES}))

    def _province_at(self, text: str, pos: int) -> tuple[Place, int] | None:
        m = self.gaz.province_re.match(text, pos)
        return (self.gaz.place_forms[m.group(0)], m.end()) if m else None

    def place_after(self, text: str, pos: int, level: str, ctx: Context) -> tuple[Place | None, int]:
        """The place named right after a body's head or level word, if any."""
        if not text.startswith(" ", pos):
            return None, pos
        start = pos + 1
        found = self._province_at(text, start)
        if found and (level in ("province", "city") or found[0].kind == "city"):
            if level == "city" and found[0].kind != "city":
                district = ctx.gaz.district(found[0].name, "thành phố", found[0])
                return (district, found[1]) if district else (None, pos)
            return found
        if level == "province":
            return None, pos
        words = []
        for m in _WORD.finditer(text, start):
            gap = text[start if not words else words[-1].end():m.start()]
            if gap not in ("", " ") or not (is_capitalised(m.group(0)) or m.group(0).isdigit()):
                break
            if words and m.group(0) in ctx.gaz.surnames and len(words) >= 1:
                break
            words.append(m)
            if len(words) == 4:
                break
        if not words:
            m = re.match(r"\d{1,2}\b", text[start:])
            return (Place(m.group(0), m.group(0), "commune"), start + m.end()) if m and level == "commune" else (None, pos)
        province = ctx.jurisdiction if ctx.jurisdiction and ctx.jurisdiction.kind in ("province", "city") else None
        for n in range(len(words), 0, -1):
            name = text[start:words[n - 1].end()]
            district = ctx.gaz.district(name, None, province)
            if district and level in ("district", "city"):
                return district, words[n - 1].end()
        if level == "city":
            return None, pos
        name = text[start:words[-1].end()]
        kind = "commune" if level == "commune" else "district"
        return Place(name, name, kind, province.name if province else None), words[-1].end()


def share_places(found: list[BodyMatch], text: str, ctx: Context) -> list[BodyMatch]:
    """ "Hội đồng nhân dân, Ủy ban nhân dân tỉnh": the earlier body shares the later one's place."""
    out = list(found)
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        shares = a.body is None and a.head and b.body is not None and b.body.place is not None
        if shares and re.fullmatch(r"\s*(?:,|và|,\s*và)\s*", text[a.end:b.start]):
            out[i] = a.with_place(b.body.place, ctx)
    return out


# ---------------------------------------------------------------- titles

class TitleFinder:
    """Titles: a role and a body ("Trưởng Ban Dân vận Tỉnh ủy"), or a whole special title."""

    def __init__(self, gaz: Gazetteer, bodies: BodyFinder):
        self.gaz = gaz
        self.bodies = bodies
        former = "|".join(gaz.former_words)
        self.former_re = re.compile(rf"(?:(?<=\s)(?:{former})|^(?:{former.title()}|{former}))\s+$")

    def find_all(self, text: str, ctx: Context) -> list[TitleMatch]:
        found: list[TitleMatch] = []
        search = self.gaz.title_trigger.searcher(text)
        pos = 0
        while True:
            m = search(pos)
            if not m:
                break
            match = self.match_at(text, m.start(), ctx)
            if match is None:
                pos = m.end()
                continue
            found.append(match)
            pos = match.end
        return found

    def match_at(self, text: str, pos: int, ctx: Context) -> TitleMatch | None:
        options = [o for o in (self._special(text, pos, ctx), self._role(text, pos, ctx), self._head_role(text, pos, ctx)) if o]
        if not options:
            return None
        best = max(options, key=lambda o: o.end)
        before = text[max(0, pos - 10):pos]
        fm = self.former_re.search(before)
        if fm:
            best = replace(best, start=pos - (len(before) - fm.start()), former=True)
        return best

    def _title(self, pos, end, role, body_match, text, prefix=None):
        """A title, or a pending one; its name is `prefix` (the role by default) and the body's name."""
        written = squash(text[pos:end])
        match = TitleMatch(pos, end, None, False, body_match, role, written, prefix or role)
        return match.completed(body_match.body) if body_match.body is not None else match

    def _special(self, text, pos, ctx):
        best = None
        for row in self.gaz.special_titles:
            m = row.pattern.match(text, pos)
            if not m or (best and m.end() <= best.end):
                continue
            d = row.data
            if "body" in d:
                body = BodyMatch(pos, m.end(), central_body(d["body"], ctx))
            else:
                committee = self.gaz.committee_by_name[d["committee"]]
                place, end = self.bodies.place_after(text, m.end(), committee.data["level"], ctx)
                place = place or self.bodies.implicit_place(committee.data.get("implicit"), ctx)
                if place is None:
                    continue
                c = committee_body(committee, place, ctx)
                if d.get("committee_body"):
                    c = of_committee(d["committee_body"], c)
                body = BodyMatch(pos, max(m.end(), end), c)
            best = self._title(pos, body.end, d["role"], body, text)
        return best

    def _role(self, text, pos, ctx):
        for row in self.gaz.roles:
            m = row.pattern.match(text, pos)
            if not m or not text.startswith(" ", m.end()):
                continue
            body = self.bodies.match_at(text, m.end() + 1, ctx)
            if body is not None and (body.body is not None or body.pending):
                return self._title(pos, body.end, row.name, body, text)
        return None

    def _head_role(self, text, pos, ctx):
        for row in self.gaz.head_roles:
            m = row.pattern.match(text, pos)
            if not m or not text.startswith(" ", m.end()):
                continue
            body = self.bodies.match_at(text, m.end() + 1, ctx)
            if body is None:
                continue
            head = body.body.name if body.body else (body.sub or body.head)
            for word, spelling in self.gaz.head_role_words.items():
                if head.startswith(word + " "):
                    role = f"{row.name} {spelling}"
                    return self._title(pos, body.end, role, body, text, row.name)
        return None


def complete_chain(chain: list[TitleMatch], ctx: Context) -> list[TitleMatch]:
    """ "Bí thư Huyện ủy, Chủ tịch HĐND huyện Ninh Hải": what a later title names serves the earlier ones."""
    out = list(chain)
    for i in range(len(out) - 2, -1, -1):
        t, nxt = out[i], out[i + 1]
        if t.title is not None or t.pending is None or nxt.title is None:
            continue
        later = nxt.title.body
        if t.pending.sub and not t.pending.committee:
            committee = _committee_of(later, ctx)
            if committee is None:
                continue
            body = t.pending.with_committee(committee).body
        elif later.place is not None:
            body = t.pending.with_place(later.place, ctx).body
        else:
            continue
        out[i] = t.completed(body)
    return [t for t in out if t.title is not None]


def _committee_of(body: Body | None, ctx: Context) -> Body | None:
    """The Party committee a body is, or belongs to."""
    while body is not None and not body.name.startswith(ctx.gaz.committee_heads):
        body = body.parent
    return body


# ---------------------------------------------------------------- people

def name_before(text: str, end: int, ctx: Context) -> tuple[str, int] | None:
    """The person's name that ends at `end` ("đồng chí Lê Dũng" → "Lê Dũng")."""
    picked = []
    cursor = end
    for m in reversed(list(_WORD.finditer(text, max(0, end - 80), end))):
        if m.end() != cursor or not is_capitalised(m.group(0)):
            break
        picked.append(m)
        if m.start() == 0 or text[m.start() - 1] != " ":
            break
        cursor = m.start() - 1
    picked.reverse()
    while picked:
        two = " ".join(w.group(0) for w in picked[:2]).lower()
        one = picked[0].group(0).lower()
        if len(picked) > 1 and two in ctx.gaz.honorifics:
            picked = picked[2:]
        elif (one in ctx.gaz.honorifics or one.rstrip(".") in ("đc", "đ/c")) and not _family_name_first(picked, ctx):
            picked = picked[1:]
        else:
            break
    return _as_name(text, picked, ctx)


def _family_name_first(words: list[re.Match], ctx: Context) -> bool:
    """ "Ông Thị Thoa": a word that can be an honorific is the family name when no family name follows it."""
    return words[0].group(0) in ctx.gaz.surnames and (len(words) < 2 or words[1].group(0) not in ctx.gaz.surnames)


def _as_name(text: str, words: list[re.Match], ctx: Context) -> tuple[str, int] | None:
    if not 2 <= len(words) <= 5 or any(w.group(0) in _NOT_NAMES for w in words):
        return None
    name = text[words[0].start():words[-1].end()]
    if name in ctx.gaz.place_forms:
        return None
    return name, words[0].start()


# Capitalised words that open phrases, never a name's syllables.
_NOT_NAMES = {"Ảnh", "Đảng", "Nhà", "Hội", "Nghị", "Ban", "Tỉnh", "Huyện", "Ủy", "Bộ", "Theo", "Tại", "Sau", "Trong",
              "Với", "Phát", "Lễ", "Phó", "Chủ", "Bí", "Trưởng", "Mặt", "Trận", "Sở", "Cùng", "Thay"}


def name_after(text: str, start: int, ctx: Context) -> tuple[str, int] | None:
    """A name written right after a title ("Thành ủy TPHCM Tất Thành Cang")."""
    if not text.startswith(" ", start):
        return None
    words = []
    for m in _WORD.finditer(text, start + 1):
        if m.start() != (words[-1].end() + 1 if words else start + 1) or not is_capitalised(m.group(0)):
            break
        words.append(m)
        if len(words) == 5:
            break
    if not words or words[0].group(0) not in ctx.gaz.surnames:
        return None
    found = _as_name(text, words, ctx)
    return (found[0], words[-1].end()) if found else None


# ---------------------------------------------------------------- dates

DATE_RE = re.compile(
    r"(?:(?P<pod>sáng|trưa|chiều|tối|đêm)\s+(?:hôm\s+)?(?:nay\s+)?)?(?:(?:thứ\s+\w+|chủ\s+nhật)\s*,?\s*)?(?:ngày\s+)*"
    r"(?P<d>\d{1,2})\s*(?:/|-|\.|\s+tháng\s+)\s*(?P<m>\d{1,2})(?:\s*(?:/|-|\.|\s+năm\s+)\s*(?P<y>\d{4}))?(?![\d/])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    date: dt.date | None
    written: str
    part_of_day: str | None


def find_dates(text: str, ctx: Context) -> list[DateMention]:
    out = []
    for m in DATE_RE.finditer(text):
        day, month = int(m["d"]), int(m["m"])
        year = int(m["y"]) if m["y"] else infer_year(day, month, ctx)
        try:
            date = dt.date(year, month, day) if year else None
        except ValueError:
            continue
        if not (1 <= month <= 12):
            continue
        pod = m["pod"].capitalize() if m["pod"] else None
        out.append(DateMention(m.start(), m.end(), date, m.group(0).strip(), pod))
    return out


def infer_year(day: int, month: int, ctx: Context) -> int | None:
    """The year of "ngày 4/2": the report's date's (the year before if that is later), else the report's latest year."""
    if ctx.report_date:
        try:
            later = dt.date(ctx.report_date.year, month, day) > ctx.report_date
        except ValueError:
            return None
        return ctx.report_date.year - 1 if later else ctx.report_date.year
    return ctx.year


_YEAR_RE = re.compile(r"(?<![\d/.-])((?:19|20)\d{2})(?![\d/])")
_RANGE_END_RE = re.compile(r"(?:19|20)\d{2}\s*[-–—]\s*((?:19|20)\d{2})")


def latest_year(text: str) -> int | None:
    """The latest year a report names, leaving out the ends of periods ("2021 - 2025")."""
    range_ends = {m.start(1) for m in _RANGE_END_RE.finditer(text)}
    years = [int(m.group(1)) for m in _YEAR_RE.finditer(text) if m.start(1) not in range_ends]
    years += [int(m.group(1)) for m in re.finditer(r"\d{1,2}/\d{1,2}/((?:19|20)\d{2})", text)]
    return max(years) if years else None
