"""Events: conferences, gatherings, ceremonies, and who took part in them."""
from __future__ import annotations

import re

from ..gazetteer import word_regex
from ..mentions import BodyFinder, Context, find_dates
from ..records import Event, Participation, Sentence
from .officials import PersonMention

_ORGANISED = re.compile(r"(?:\bdo\s+(?P<by>.{3,120}?)\s+)?tổ chức(?:\s+|(?=[.,;:]|$))", re.IGNORECASE)
_ORGANISE = re.compile(r"tổ chức", re.IGNORECASE)  # cheap test before _ORGANISED's costly search
_ONLINE = re.compile(r"trực tuyến", re.IGNORECASE)
_BRIDGES = re.compile(r"(\d{1,3})\s+điểm cầu", re.IGNORECASE)
_LOCATION = re.compile(r"\btại\s+((?:Hội trường|Trung tâm|Nhà văn hóa|Nhà Văn hóa|Khu|trụ sở)[^,.;]{3,80})")


class EventFinder:
    def __init__(self, gaz, bodies: BodyFinder):
        self.gaz = gaz
        self.bodies = bodies
        self.any_type = word_regex([f for row in gaz.event_types for f in row.data["forms"]])
        self.part_words = {part: re.compile(r"(?<![^\W_])(?:" + "|".join(words) + r")(?![^\W_])", re.IGNORECASE)
                           for part, words in gaz.event_parts.items()}

    def find(self, sentence: Sentence, ctx: Context) -> Event | None:
        """The event a sentence announces: "<date>, <body> tổ chức <type> …"."""
        text = sentence.text
        om = _ORGANISED.search(text) if _ORGANISE.search(text) else None
        if not om:
            return self._visit(sentence, ctx)
        event_type, type_at = self._type_after(text, om.end())
        if event_type is None or type_at - om.end() > 40:
            if not om.group("by"):
                return None
            event_type, type_at = self._type_after(text, 0)  # "Hội nghị … do <body> tổ chức"
            if type_at > om.start():
                return None
        dates = [d for d in find_dates(text, ctx) if d.start < om.start() or d.start > type_at]
        date = dates[0] if dates else None
        if date is None:
            return None
        organizer = None
        if om.group("by"):
            found = self.bodies.find_all(om.group("by"), ctx)
            organizer = found[0].body if found else None
        else:
            found = [b for b in self.bodies.find_all(text[:om.start()], ctx)]
            organizer = found[-1].body if found else None
        bridges = _BRIDGES.search(text)
        location = _LOCATION.search(text)
        return Event(event_type, date.date, sentence, date.written, date.part_of_day, organizer,
                     location.group(1).strip() if location else None, bool(_ONLINE.search(text)),
                     int(bridges.group(1)) if bridges else None)

    def _visit(self, sentence: Sentence, ctx: Context) -> Event | None:
        """A dated working visit: "<date>, Đoàn công tác của <body> … làm việc với …"; the delegation's body organises it."""
        text = sentence.text
        m = self.gaz.visit_re.search(text)
        if not m:
            return None
        dates = [d for d in find_dates(text, ctx) if d.start < m.start()]
        if not dates:
            return None
        found = self.bodies.find_all(m.group("who"), ctx)
        return Event(self.gaz.visit_type, dates[0].date, sentence, dates[0].written, dates[0].part_of_day,
                     found[0].body if found else None, None, False, None)

    def _type_after(self, text: str, pos: int) -> tuple[str | None, int]:
        """The first event type named at or after `pos` (the table's first row, where two start there)."""
        m = self.any_type.search(text, pos)
        while m and self.gaz.venue_before.search(text, max(0, m.start() - 20), m.start()):
            m = self.any_type.search(text, m.end())
        if not m:
            return None, len(text)
        return next(row.name for row in self.gaz.event_types if row.pattern.match(text, m.start())), m.start()

    def part(self, text: str, person: PersonMention) -> str | None:
        """What the person did, from the verb nearest after their mention."""
        best, at = None, len(text) + 1
        for part, pattern in self.part_words.items():
            m = pattern.search(text, person.end)
            if m and m.start() - person.end < at:
                best, at = part, m.start() - person.end
            before = pattern.search(text, max(0, person.start - 40), person.start)
            if before and person.start - before.end() < at:
                best, at = part, person.start - before.end()
        if best is None and any(self.part_words[p].search(text) for p in ("chair", "attendee")):
            return "attendee"  # named in a list of those who attended
        return best


def add_participants(event: Event, mentions: list[tuple[Sentence, list[PersonMention]]], finder: EventFinder) -> None:
    """Officials who attended, chaired, spoke or handed out awards, once each per part."""
    seen = {(p.person, p.part) for p in event.participants}
    for sentence, people in mentions:
        for person in people:
            part = finder.part(sentence.text, person)
            if part and (person.person, part) not in seen:
                seen.add((person.person, part))
                event.participants.append(Participation(person.person, part))
