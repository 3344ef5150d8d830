"""Bodies, read compositionally: a head, then a level word and a place, or a board and its committee.

"Ủy ban nhân dân" + "tỉnh" + "Cà Mau"; "Ban Dân vận" + "Tỉnh ủy" + (the report's
province); "Đảng ủy" + "xã" + "Chiềng Sơn"; "Sở Y tế" + "Sơn La". The heads, boards
and central bodies are the rows of kg/data/bodies.toml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..gazetteer import ByFirstWord, Named, WordTrigger
from ..records import Body, Place
from ..text import squash
from . import Context, Spans
from .places import LEVEL_OF_KIND, province_at, read_place

_QUOTES = "“”\"«»‘’'"
COMMUNE_WORDS = ("xã", "phường", "thị trấn", "đặc khu")
_LIST_GAP = re.compile(r"\s*(?:,|và|,\s*và)\s*")
_GENERIC_AFTER = re.compile(r" (?:các cấp|cấp xã|cấp huyện|cấp cơ sở|cơ sở|các xã|các huyện|các tỉnh)(?![^\W_])")


@dataclass(frozen=True)
class BodyMatch:
    """A body written at [start, end); `body` is None while its place (or committee) is unknown."""

    start: int
    end: int
    body: Body | None
    row: Named | None = None  # a local head waiting for a place
    level_word: str = ""
    committee: str = ""  # a Party committee waiting for its place: "Huyện ủy"
    sub: str = ""  # a committee's board: "Ban Dân vận" (of `committee`, or of one named later)
    fallback: Body | None = None  # the body the report's own place makes of it, if nothing nearer places it

    def with_place(self, place: Place, ctx: Context) -> BodyMatch:
        if self.committee:
            body = committee_body(ctx.gaz.committee_by_name[self.committee], place, ctx)
        else:
            body = local_body(self.row, self.level_word, place, ctx)
        return replace(self, body=of_committee(self.sub, body) if self.sub else body)

    def settled(self) -> BodyMatch:
        """The match with its fallback taken, where nothing placed it."""
        return replace(self, body=self.fallback) if self.body is None and self.fallback is not None else self

    def accepts(self, place: Place, ctx: Context) -> bool:
        """Whether a place-less body may take that place: a committee or head of its level."""
        if self.committee:
            level = ctx.gaz.committee_by_name[self.committee].data["level"]
            return LEVEL_OF_KIND.get(place.kind, "district") == LEVEL_OF_KIND.get(level, level) or (
                level == "city" and place.level_word == "thành phố")
        if self.row is not None:
            return LEVEL_OF_KIND.get(place.kind, "district") in self.row.data["levels"]
        return False

    def with_committee(self, committee: Body) -> BodyMatch:
        """ "Ban Thường vụ, Trưởng Ban Tuyên giáo Tỉnh ủy": the board of the committee named next."""
        return replace(self, body=of_committee(self.sub, committee))

    @property
    def pending(self) -> bool:
        return self.body is None and bool(self.row or self.committee or self.sub)

    @property
    def head(self) -> str:
        """The name the body's canonical name starts with, placed or not."""
        if self.body is not None:
            return self.body.name
        return self.sub or self.committee or (self.row.name if self.row else "")


# ---------------------------------------------------------------- canonical bodies

def central_body(name: str, ctx: Context) -> Body:
    row = ctx.gaz.central_by_name[name]
    parent = central_body(row.data["parent"], ctx) if row.data.get("parent") else None
    return Body(name, row.data["kind"], "central", None, parent, name)


def committee_body(committee: Named, place: Place, ctx: Context) -> Body:
    """A Party committee of a place: "Tỉnh ủy Cà Mau", "Thành ủy Thành phố Hồ Chí Minh"."""
    name = f"{committee.name} {place.full_name if place.kind in ('province', 'city') else place.name}"
    level = LEVEL_OF_KIND.get(place.kind, "district")
    parent = None
    if place.kind in ("district", "commune") and place.province:
        parent = province_committee(ctx.places.province(place.province), ctx)
    return Body(name, committee.data["kind"], level, place, parent, committee.name)


def province_committee(province: Place, ctx: Context) -> Body:
    """The Tỉnh ủy of a province, the Thành ủy of a centrally run city."""
    return committee_body(ctx.gaz.committee_by_name["Thành ủy" if province.kind == "city" else "Tỉnh ủy"], province, ctx)


def of_committee(sub: str, committee: Body) -> Body:
    """A board of a Party committee: "Ban Dân vận" + "Tỉnh ủy Cà Mau"."""
    return Body(f"{sub} {committee.name}", committee.kind, committee.level, committee.place, committee, sub)


def place_phrase(place: Place, level_word: str) -> str:
    """ "tỉnh Cà Mau", "Thành phố Hồ Chí Minh", "huyện Kinh Môn"."""
    if place.full_name.lower().startswith(level_word.lower() + " "):
        return place.full_name
    return f"{level_word} {place.full_name if place.kind in ('province', 'city') else place.name}"


def local_body(row: Named, level_word: str, place: Place, ctx: Context) -> Body:
    """A body of a level of government: "Ủy ban nhân dân tỉnh Cà Mau", "Đảng ủy xã Chiềng Sơn"."""
    data = row.data
    word = level_word or place.level_word or "tỉnh"
    level = LEVEL_OF_KIND.get(place.kind, "district")
    name = f"{row.name} {place.name}" if data.get("bare") else f"{row.name} {place_phrase(place, word)}"
    return Body(name, data["kind"], level, place, _local_parent(row, place, ctx), row.name)


def _local_parent(row: Named, place: Place, ctx: Context) -> Body | None:
    parent = row.data.get("parent")
    province = ctx.places.province(place.province) if place.province else None
    if parent == "committee":
        return province_committee(province or place, ctx) if place.kind in ("province", "city") or province else None
    if parent:
        return local_body(ctx.gaz.local_by_name[parent], "", place, ctx)
    if place.kind in ("district", "commune") and province is not None and "province" in row.data["levels"]:
        return local_body(row, province.level_word, province, ctx)
    return None


# ---------------------------------------------------------------- finding them

class BodyFinder:
    """Finds bodies by the grammar of kg/data/bodies.toml: central, committee, board, local, steering."""

    def __init__(self, gaz):
        self.gaz = gaz
        groups = (gaz.central, gaz.committees, gaz.committee_bodies, gaz.locals)
        forms = [f for group in groups for row in group for f in row.data["forms"]]
        self.trigger = WordTrigger(forms + list(gaz.abbreviations) + gaz.steering["forms"])
        self.central, self.committees, self.committee_bodies, self.locals = map(ByFirstWord, groups)
        self.party_locals = ByFirstWord([r for r in gaz.locals if r.data.get("parent") == "committee"
                                           and r.name.startswith("Đảng ủy")])
        self.party_central = ByFirstWord([r for r in gaz.central if r.name.startswith(("Đảng ủy", "Quân ủy"))])
        self._read: dict[tuple, BodyMatch | None] = {}  # the bodies read at a sentence's positions, kept a while

    def find_all(self, text: str, ctx: Context, *, keep_pending: bool = False, skip: Spans = Spans(())) -> list[BodyMatch]:
        """Non-overlapping bodies, left to right, each starting with a capital and outside the spans `skip`
        (the roles of titles: "Phó Bí thư Thường trực Tỉnh ủy" names no "Thường trực Tỉnh ủy");
        place-less ones share a neighbour's place."""
        found: list[BodyMatch] = []
        search = self.trigger.searcher(text)
        pos = 0
        while m := search(pos):
            at = m.start()
            inside = skip.covering(at)
            if inside is not None:
                pos = inside
                continue
            match = self.match_at(text, at, ctx, settle=False) if text[at].isupper() else None
            if match is None:
                pos = m.end()
                continue
            if not self._generic(text, match.start):
                found.append(match)
            pos = match.end
        found = resolve_pending(found, text, ctx)
        return found if keep_pending else [b for b in found if b.body is not None]

    def _is_generic_after(self, text: str, end: int) -> bool:
        """ "UBND các cấp", "Ban Thường trực Ủy ban MTTQ cấp xã": a kind of body, not one."""
        return bool(_GENERIC_AFTER.match(text, end))

    def _generic(self, text: str, start: int) -> bool:
        before = text[max(0, start - 12):start].split()
        return bool(before) and before[-1].lower() in self.gaz.generic_before

    def match_at(self, text: str, pos: int, ctx: Context, *, settle: bool = True) -> BodyMatch | None:
        """The longest body that starts at `pos`; with `settle`, one the sentence leaves unplaced takes the
        report's place (else it waits, for the neighbour that may place it: "Đảng ủy, HĐND, UBND xã X")."""
        key = (text, pos, ctx)
        if key not in self._read:  # a title's body is read again when the sentence's bodies are
            if len(self._read) > 256:
                self._read.clear()
            self._read[key] = self._longest_at(text, pos, ctx)
        best = self._read[key]
        return best.settled() if best is not None and settle else best

    def _longest_at(self, text: str, pos: int, ctx: Context) -> BodyMatch | None:
        options = [o for o in (self._central(text, pos, ctx), self._committee_body(text, pos, ctx),
                               self._committee(text, pos, ctx), self._abbreviation(text, pos, ctx),
                               self._local(text, pos, ctx, self.locals), self._steering(text, pos, ctx)) if o]
        best = max(options, key=lambda o: (o.end, o.body is not None or o.fallback is not None), default=None)
        if best is not None and self._is_generic_after(text, best.end) and best.fallback is not None:
            return None
        return best

    def _central(self, text, pos, ctx, rows=None):
        best = None
        for row in (rows or self.central).at(text, pos):
            m = row.pattern.match(text, pos)
            if m and (best is None or m.end() > best.end):
                name = row.name.format(**m.groupdict()) if m.groupdict() else row.name
                body = central_body(row.name, ctx)
                best = BodyMatch(pos, m.end(), replace(body, name=name) if name != row.name else body)
        return best

    def _committee(self, text, pos, ctx):
        """ "Tỉnh ủy", "Huyện ủy Kinh Môn", …: the committee and its place, written or the report's own."""
        for row in self.committees.at(text, pos):
            m = row.pattern.match(text, pos)
            if not m:
                continue
            place, end = read_place(text, m.end(), row.data["level"], "", ctx)
            if place is None:
                implicit = self.implicit_place(row.data.get("implicit"), ctx)
                fallback = committee_body(row, implicit, ctx) if implicit is not None else None
                return BodyMatch(pos, m.end(), None, committee=row.name, fallback=fallback)
            if place.kind in ("district", "commune") and row.data["level"] == "province":
                return None
            return BodyMatch(pos, end, committee_body(row, place, ctx))
        return None

    def party_committee(self, text: str, pos: int, ctx: Context) -> BodyMatch | None:
        """A Party committee (or youth union) at `pos`: "Tỉnh ủy", "Đảng ủy xã Chiềng Sơn", "Đảng ủy Chính phủ"."""
        options = [o for o in (self._committee(text, pos, ctx), self._local(text, pos, ctx, self.party_locals),
                               self._central(text, pos, ctx, self.party_central)) if o]
        return max(options, key=lambda o: (o.end, o.body is not None), default=None)

    def implicit_place(self, implicit: str | None, ctx: Context) -> Place | None:
        """The report's own place standing in for an unwritten one ("Tỉnh ủy" → Tỉnh ủy P).

        `implicit` is "province", "city", or a district's or commune's level word ("huyện": the
        report's own district, when it is a huyện)."""
        j = ctx.jurisdiction
        if implicit is None:
            return None
        if implicit not in ("province", "city"):
            local = ctx.commune if implicit in COMMUNE_WORDS else ctx.district
            return local if local is not None and local.level_word == implicit else None
        if j is None or (implicit == "city" and j.kind != "city"):
            return None
        return j

    def _committee_body(self, text, pos, ctx):
        for row in self.committee_bodies.at(text, pos):
            m = row.pattern.match(text, pos)
            if not m:
                continue
            inner = self.party_committee(text, m.end() + 1, ctx) if text.startswith(" ", m.end()) else None
            if inner is None:
                return BodyMatch(pos, m.end(), None, sub=row.name)
            if inner.body is None:
                fallback = of_committee(row.name, inner.fallback) if inner.fallback is not None else None
                return replace(inner, start=pos, sub=row.name, fallback=fallback)
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

    def _local(self, text, pos, ctx, rows):
        best = None
        for row in rows.at(text, pos):
            m = row.pattern.match(text, pos)
            if m and (best is None or m.end() > best.end):
                found = self._with_level(text, pos, m.end(), row, ctx)
                if found is not None and (best is None or found.end > best.end):
                    best = found
        return best

    def _with_level(self, text, pos, end, row: Named, ctx) -> BodyMatch | None:
        """A local body's level and place: "… tỉnh", "… huyện Ninh Hải", "… TP.HCM", "… Sơn La"."""
        levels = row.data["levels"]
        implicit = row.data.get("implicit", True)
        if not text.startswith(" ", end):
            return self._implicit(pos, end, row, "", ctx) if implicit else None
        named = province_at(text, end + 1, ctx)
        lm = self.gaz.level_re.match(text, end + 1)
        if named and "province" in levels and not (lm and lm.end() > named[1]):
            province, province_end = named
            return BodyMatch(pos, province_end, local_body(row, province.level_word, province, ctx))
        if not lm:
            if row.data.get("bare"):
                return None
            return self._implicit(pos, end, row, "", ctx) if implicit else None
        level_row = self.gaz.level_of(lm.group(0))
        level, word = level_row["level"], level_row["word"]
        if LEVEL_OF_KIND.get(level, level) not in levels and level != "city":
            return None
        place, place_end = read_place(text, lm.end(), level, word, ctx)
        if place is None and level in ("district", "commune"):
            place = self._named_before(text, pos, level, word, ctx)
        if place is None:
            return self._implicit(pos, lm.end(), row, word, ctx)
        if place_end <= lm.end():
            place_end = lm.end()
        if LEVEL_OF_KIND.get(place.kind, "district") not in levels:
            return None
        return BodyMatch(pos, place_end, local_body(row, word, place, ctx))

    def _named_before(self, text: str, pos: int, level: str, word: str, ctx: Context) -> Place | None:
        """ "Tại điểm cầu phường Tuy Hòa, đồng chí …, Bí thư Đảng ủy phường": the place of that level the
        sentence named before."""
        for m in reversed(list(re.finditer(rf"(?<![^\W_]){re.escape(word)}(?= [^\W\d_])", text[:pos]))):
            place, _ = read_place(text, m.end(), level, word, ctx)
            if place is not None:
                return place
        return None

    def _implicit(self, pos: int, end: int, row: Named, word: str, ctx: Context) -> BodyMatch:
        """A local body with no place written: pending, with the report's own place as its fallback."""
        levels = row.data["levels"]
        fallback = None
        if word in ("", "tỉnh", "cấp tỉnh", "thành phố") and "province" in levels:
            place = self.implicit_place("province", ctx)
            if place is not None and (word != "thành phố" or place.kind == "city"):
                fallback = local_body(row, "thành phố" if place.kind == "city" else "tỉnh", place, ctx)
        elif word:
            place = self.implicit_place(word, ctx)
            if place is not None:
                fallback = local_body(row, word, place, ctx)
        return BodyMatch(pos, end, None, row, word, fallback=fallback)

    def _steering(self, text, pos, ctx):
        m = self.gaz.steering_re.match(text, pos)
        if not m:
            return None
        rest = re.match(r" ([^,;.:()]{3,160}?) (?=(?:cấp )?(?:tỉnh|thành phố|huyện|quận)\b)", text[m.end():])
        if not rest:
            return None
        purpose = self._expand(rest.group(1))
        row = Named(f"{self.gaz.steering['name']} {purpose}", m.re,
                    {"kind": "steering", "levels": ["province", "district"], "forms": []})
        found = self._with_level(text, pos, m.end() + rest.end() - 1, row, ctx)
        if found is not None and found.body is not None:
            return replace(found, body=replace(found.body, parent=None))
        return found

    def _expand(self, purpose: str) -> str:
        """The purpose written out: abbreviations expanded, quotes dropped."""
        for short, full in self.gaz.text_abbreviations.items():
            purpose = re.sub(rf"(?<![^\W_]){re.escape(short)}(?![^\W_])", full, purpose)
        for short, full in self.gaz.steering["purpose_expansions"].items():
            if purpose.startswith(short):
                purpose = full + purpose[len(short):]
        return squash(purpose.translate({ord(q): None for q in _QUOTES}))


def resolve_pending(found: list[BodyMatch], text: str, ctx: Context) -> list[BodyMatch]:
    """Place-less bodies take a neighbour's place: "Đảng ủy, HĐND, UBND đặc khu Phú Quốc" (the next one's),
    "Phó Bí thư Thường trực Đảng ủy" after "Đảng ủy UBND tỉnh" (the same head's, named before); else the
    report's own (their fallback)."""
    out = list(found)
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        if not (a.pending and b.body is not None and _LIST_GAP.fullmatch(text[a.end:b.start])):
            continue
        if (a.row or a.committee) and b.body.place is not None and a.accepts(b.body.place, ctx):
            out[i] = a.with_place(b.body.place, ctx)
        elif a.sub and not (a.row or a.committee) and (committee := committee_of(b.body, ctx)) is not None:
            out[i] = a.with_committee(committee)
    for i, a in enumerate(out):
        if a.pending and not a.level_word and (a.row or a.committee):
            earlier = next((b.body for b in reversed(out[:i]) if b.body is not None and _same_head(a, b.body)), None)
            if earlier is not None:
                out[i] = replace(a, body=of_committee(a.sub, earlier) if a.sub else earlier)
    return [a.settled() for a in out]


def _same_head(pending: BodyMatch, body: Body) -> bool:
    head = pending.committee or (pending.row.name if pending.row else "")
    return bool(head) and body.name.startswith(head + " ")


def committee_of(body: Body | None, ctx: Context) -> Body | None:
    """The Party committee a body is, or belongs to."""
    while body is not None and not body.name.startswith(ctx.gaz.committee_heads):
        body = body.parent
    return body
