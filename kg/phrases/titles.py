"""Titles: a role and a body ("Trưởng Ban Dân vận Tỉnh ủy"), a whole special title ("Tỉnh ủy viên"),
or a role written alone before a name, whose body the sentence named before ("Phó Trưởng ban Cầm Văn Tú")."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..gazetteer import ByFirstWord
from ..records import Body, Title
from ..text import squash
from . import Context
from .bodies import (BodyFinder, BodyMatch, central_body, committee_body, committee_of, local_body, of_committee,
                     province_committee)
from .places import read_place

_LIST_NEXT = re.compile(r"\s*(?:,|kiêm|[-–])\s*(?=[^\W\d_])")


@dataclass(frozen=True)
class TitleMatch:
    """A title written at [start, end), with "nguyên" (former) if it had it."""

    start: int
    end: int
    title: Title | None
    former: bool
    pending: BodyMatch | None = None  # body waiting for a place or committee
    role: str = ""
    written: str = ""
    prefix: str = ""  # what the canonical title puts before the body: "Trưởng" for role "Trưởng ban"
    bare: bool = False  # a role written with no body: its body comes from the sentence
    body_start: int = -1  # where the body is written in the title ([start, body_start) is the role)

    def completed(self, body: Body) -> TitleMatch:
        """This title once its body is known."""
        return replace(self, title=Title(self.role, body, title_name(self.prefix, body), self.written), pending=None)

    def settled(self) -> TitleMatch:
        """The title with its body's fallback taken, where nothing placed it."""
        if self.title is None and self.pending is not None and self.pending.fallback is not None:
            return self.completed(self.pending.fallback)
        return self


def title_name(prefix: str, body: Body) -> str:
    """The canonical title: the role joined to the body's name, the words they share written once."""
    words, body_words = prefix.split(), body.name.split()
    for n in range(min(len(words), len(body_words)), 0, -1):
        if [w.lower() for w in words[-n:]] == [w.lower() for w in body_words[:n]]:
            return " ".join(words[:-n] + body_words)
    return f"{prefix} {body.name}"


class TitleFinder:
    """Titles by the grammar of kg/data/roles.toml."""

    def __init__(self, gaz, bodies: BodyFinder):
        self.gaz = gaz
        self.bodies = bodies
        self.special, self.roles, self.head_roles, self.bare_roles = map(
            ByFirstWord, (gaz.special_titles, gaz.roles, gaz.head_roles, gaz.bare_roles))
        former = "|".join(gaz.former_words)
        self.former_re = re.compile(rf"(?:(?<=\s)(?:{former})|^(?:{former.title()}|{former}))\s+$")

    def find_all(self, text: str, ctx: Context) -> list[TitleMatch]:
        found: list[TitleMatch] = []
        search = self.gaz.title_trigger.searcher(text)
        pos = 0
        while m := search(pos):
            match = self.match_at(text, m.start(), ctx, settle=False)
            if match is None:
                pos = m.end()
                continue
            found.append(match)
            pos = match.end
        return found

    def match_at(self, text: str, pos: int, ctx: Context, *, settle: bool = True) -> TitleMatch | None:
        """The longest title at `pos`; with `settle`, a body the title leaves unplaced takes the report's place
        (else it waits for the title list, whose later titles may place it)."""
        options = [o for o in (self._special(text, pos, ctx), self._role(text, pos, ctx),
                               self._head_role(text, pos, ctx)) if o]
        if not options:
            return self._bare(text, pos, ctx)
        best = max(options, key=lambda o: o.end)
        before = text[max(0, pos - 10):pos]
        fm = self.former_re.search(before)
        if fm:
            best = replace(best, start=pos - (len(before) - fm.start()), former=True)
        return best.settled() if settle else best

    def _title(self, pos, end, role, body_match, text, prefix=None, body_start=None):
        """A title, or a pending one; its name is `prefix` (the role by default) and the body's name."""
        written = squash(text[pos:end])
        body_start = body_match.start if body_start is None else body_start
        match = TitleMatch(pos, end, None, False, body_match, role, written, prefix or role, body_start=body_start)
        return match.completed(body_match.body) if body_match.body is not None else match

    def _special(self, text, pos, ctx):
        best = None
        for row in self.special.at(text, pos):
            m = row.pattern.match(text, pos)
            if not m or (best and m.end() <= best.end):
                continue
            d = row.data
            if "body" in d:
                body = BodyMatch(pos, m.end(), self._central_or_office(d["body"], ctx))
            else:
                body = self._committee_member(text, pos, m.end(), d, ctx)
            best = self._title(pos, body.end, d["role"], body, text, body_start=min(m.end() + 1, body.end))
        return best

    def _central_or_office(self, name: str, ctx: Context) -> Body:
        if name in ctx.gaz.central_by_name:
            return central_body(name, ctx)
        return Body(name, "state", "central")  # an office that is its own institution: "Chủ tịch nước"

    def _committee_member(self, text: str, pos: int, end: int, d: dict, ctx: Context) -> BodyMatch:
        """ "Tỉnh ủy viên", "UVTV Huyện ủy Mường La", "HUV": the committee written after, or pending."""
        sub = d.get("committee_body", "")
        written = self.bodies.party_committee(text, end + 1, ctx) if text.startswith(" ", end) else None
        if written is not None and written.body is not None:
            return BodyMatch(pos, written.end, of_committee(sub, written.body) if sub else written.body)
        committee = d.get("committee")
        if committee in ctx.gaz.committee_by_name:
            row = ctx.gaz.committee_by_name[committee]
            place, place_end = read_place(text, end, row.data["level"], "", ctx)
            if place is not None:
                c = committee_body(row, place, ctx)
                return BodyMatch(pos, place_end, of_committee(sub, c) if sub else c)
            implicit = self.bodies.implicit_place(row.data.get("implicit"), ctx)
            fallback = committee_body(row, implicit, ctx) if implicit is not None else None
            return BodyMatch(pos, end, None, committee=committee, sub=sub,
                             fallback=of_committee(sub, fallback) if sub and fallback else fallback)
        if committee:  # a local Party committee: "Đảng ủy viên"
            return BodyMatch(pos, end, None, ctx.gaz.local_by_name[committee], sub=sub)
        j = ctx.jurisdiction  # "UVTV" alone: of the report's own committee, unless the list names another
        own = province_committee(j, ctx) if j is not None and j.kind in ("province", "city") else None
        return BodyMatch(pos, end, None, sub=sub, fallback=of_committee(sub, own) if own else None)

    def _role(self, text, pos, ctx):
        for row, body in self._rows_then_body(self.roles, text, pos, ctx):
            if body.body is not None or body.pending:
                return self._title(pos, body.end, row.name, body, text)
        return None

    def _head_role(self, text, pos, ctx):
        for row, body in self._rows_then_body(self.head_roles, text, pos, ctx):
            for word, spelling in self.gaz.head_role_words.items():
                if body.head.startswith(word + " ") or body.head == word:
                    return self._title(pos, body.end, f"{row.name} {spelling}", body, text, row.name)
        return None

    def _rows_then_body(self, rows: ByFirstWord, text: str, pos: int, ctx: Context):
        """(row, body) for each row written at `pos` and followed by a space and a body, in table order."""
        for row in rows.at(text, pos):
            m = row.pattern.match(text, pos)
            if m and text.startswith(" ", m.end()):
                body = self.bodies.match_at(text, m.end() + 1, ctx, settle=False)
                if body is not None:
                    yield row, body

    def _bare(self, text, pos, ctx):
        """A role followed by a person's name and no body: "Phó Trưởng ban Cầm Văn Tú"."""
        for row in self.bare_roles.at(text, pos):
            m = row.pattern.match(text, pos)
            if not m:
                continue
            before_name = text.startswith(" ", m.end()) and text[m.end() + 1:].split(" ", 1)[0] in ctx.gaz.surnames
            in_list = _LIST_NEXT.match(text, m.end())  # "Phó Chỉ huy trưởng, Tham mưu trưởng Bộ CHQS tỉnh"
            if before_name or in_list:
                return TitleMatch(pos, m.end(), None, False, None, row.name, squash(m.group(0)),
                                  row.data.get("prefix", row.name), bare=True, body_start=m.end())
        return None


def complete_chain(chain: list[TitleMatch], ctx: Context) -> list[TitleMatch]:
    """ "Bí thư Huyện ủy, Chủ tịch HĐND huyện Ninh Hải": what a later title names serves the earlier ones;
    a committee member's title that nothing completes is of the report's own committee ("UVTV" → its Tỉnh ủy)."""
    out = list(chain)
    for i in range(len(out) - 2, -1, -1):
        out[i + 1] = out[i + 1].settled()  # what the later titles could not place, the report's place does
        t, nxt = out[i], out[i + 1]
        if t.title is not None or nxt.title is None:
            continue
        later = nxt.title.body
        p = t.pending
        if p is None:  # a role alone: "Phó Chỉ huy trưởng, Tham mưu trưởng Bộ CHQS tỉnh" are of the same body
            if t.bare and _held_in(t, later, ctx):
                out[i] = t.completed(later)
        elif p.sub and not (p.committee or p.row):
            committee = committee_of(later, ctx)
            if committee is not None:
                out[i] = t.completed(p.with_committee(committee).body)
        elif p.committee and ctx.gaz.committee_by_name[p.committee].data["level"] == "province":
            if later.province is not None:  # "Tỉnh ủy viên, Bí thư Huyện ủy Điện Biên Đông": that district's province
                out[i] = t.completed(p.with_place(later.province, ctx).body)
        elif later.place is not None and p.accepts(later.place, ctx):
            out[i] = t.completed(p.with_place(later.place, ctx).body)
        elif (own := _agency_committee(p, later, ctx)) is not None:
            out[i] = t.completed(own)
    return [t.settled() for t in out]


def _agency_committee(pending: BodyMatch, later: Body, ctx: Context) -> Body | None:
    """ "Phó Bí thư Đảng ủy, Chỉ huy trưởng Bộ CHQS tỉnh": the Party committee of the agency named next
    ("Đảng ủy Quân sự tỉnh"), as kg/data/bodies.toml pairs them."""
    if pending.row is None or pending.row.name != "Đảng ủy" or pending.sub or later.place is None:
        return None
    agency = ctx.gaz.local_by_name.get(later.head)
    committee = agency.data.get("party_committee") if agency is not None else None
    if committee is None:
        return None
    return local_body(ctx.gaz.local_by_name[committee], later.place.level_word, later.place, ctx)


def _held_in(t: TitleMatch, body: Body, ctx: Context) -> bool:
    row = next((r for r in ctx.gaz.bare_roles if r.name == t.role), None)
    return row is not None and body.name.startswith(tuple(row.data.get("of", ())))
