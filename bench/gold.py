"""What a synthetic report states, recorded as it is written, in the gold format of ../shared/gold/GUIDE.md."""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field

# Named in passing by almost every report; neither rewarded nor punished.
ALWAYS_OPTIONAL_BODIES = ("Đảng Cộng sản Việt Nam", "Nhà nước", "Mặt trận Tổ quốc Việt Nam")


@dataclass(frozen=True)
class Title:
    """An office by canonical names: role, body, and the title they make."""

    role: str
    body: str

    @property
    def name(self) -> str:
        return title_name(self.role, self.body)


@functools.lru_cache(maxsize=65536)
def title_name(role: str, body: str) -> str:
    """Role + body, the words they share written once (DOMAIN.md): "Trưởng ban" + "Ban Dân vận …" → "Trưởng Ban Dân vận …"."""
    r, b = role.split(), body.split()
    for k in range(min(len(r), len(b)), 0, -1):
        if [w.casefold() for w in r[-k:]] == [w.casefold() for w in b[:k]]:
            return " ".join(r[:-k] + b)
    return f"{role} {body}"


@dataclass
class EventGold:
    type: str
    date: dt.date
    organizer: str | list[str]
    participants: list[str] = field(default_factory=list)


@dataclass
class Gold:
    """The facts of one report; every list keeps the order facts were written in."""

    doc: str
    jurisdiction: str
    officials: dict[str, None] = field(default_factory=dict)
    positions: dict[tuple[str, str], dict] = field(default_factory=dict)
    bodies: dict[str, None] = field(default_factory=dict)
    implied_bodies: dict[str, None] = field(default_factory=dict)
    optional_officials: dict[str, None] = field(default_factory=dict)
    directives: dict[tuple[str, str], dict] = field(default_factory=dict)
    events: list[EventGold] = field(default_factory=list)
    optional_events: dict[tuple[str, str], None] = field(default_factory=dict)
    awards: dict[tuple, dict] = field(default_factory=dict)

    def official(self, person: str, title: Title, former: bool = False) -> None:
        self.officials.setdefault(person)
        self.positions.setdefault((person, title.name), {
            "person": person, "title": title.name, "role": title.role, "body": title.body, "former": former})
        self.body(title.body)

    def body(self, name: str) -> None:
        self.bodies.setdefault(name)

    def imply(self, name: str) -> None:
        """A body the text implies without naming it on its own (a committee's parent): optional."""
        self.implied_bodies.setdefault(name)

    def optional_official(self, name: str) -> None:
        self.optional_officials.setdefault(name)

    def directive_key(self, doc_type: str, number: str) -> tuple[str, str]:
        return doc_type, number.lstrip("0") or "0"

    def directive(self, doc_type: str, number: str, symbol: str | None, date: dt.date | None,
                  issuer: str | None) -> None:
        """A cited document; a later citation fills what an earlier one left out."""
        key = self.directive_key(doc_type, number)
        row = self.directives.setdefault(key, {"type": doc_type, "number": key[1], "symbol": None, "date": None,
                                               "issuer": None})
        for name, value in (("symbol", symbol), ("date", date.isoformat() if date else None), ("issuer", issuer)):
            if row[name] is None:
                row[name] = value

    def event(self, event_type: str, date: dt.date, organizer: str | list[str]) -> EventGold:
        event = EventGold(event_type, date, organizer)
        self.events.append(event)
        return event

    def optional_event(self, event_type: str, date: dt.date) -> None:
        self.optional_events.setdefault((event_type, date.isoformat()))

    def award_key(self, award_type: str, collectives: int | None, individuals: int | None,
                  total: int | None) -> tuple:
        return award_type, collectives, individuals, total

    def award(self, award_type: str, giver: list[str], collectives: int | None, individuals: int | None,
              total: int | None) -> None:
        self.awards[self.award_key(award_type, collectives, individuals, total)] = {
            "type": award_type, "giver": giver[0] if len(giver) == 1 else giver,
            "collectives": collectives, "individuals": individuals, "total": total}

    def as_json(self) -> dict:
        """The GUIDE.md record."""
        optional_bodies = [b for b in (*self.implied_bodies, *ALWAYS_OPTIONAL_BODIES) if b not in self.bodies]
        main_events = {(e.type, e.date.isoformat()) for e in self.events}
        return {
            "doc": self.doc,
            "jurisdiction": self.jurisdiction,
            "officials": list(self.officials),
            "positions": list(self.positions.values()),
            "bodies": list(self.bodies),
            "directives": list(self.directives.values()),
            "events": [{"type": e.type, "date": e.date.isoformat(), "organizer": e.organizer,
                        "participants": list(dict.fromkeys(e.participants))} for e in self.events],
            "awards": list(self.awards.values()),
            "optional": {
                "officials": [o for o in self.optional_officials if o not in self.officials],
                "bodies": list(dict.fromkeys(optional_bodies)),
                "directives": [],
                "events": [{"type": t, "date": d} for t, d in self.optional_events if (t, d) not in main_events],
            },
        }
