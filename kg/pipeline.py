"""One report's text to typed facts: clean → sentences → mentions → facts → resolve."""
from __future__ import annotations

import hashlib

from . import clean, sentences
from .extract import directives as directive_facts
from .extract import movements
from .extract.awards import AwardFinder
from .extract.directives import DirectiveFinder
from .extract.events import EventFinder, add_participants
from .extract.officials import PersonMention, SentenceTitles, read_sentence, tenures_of
from .gazetteer import Gazetteer, gazetteer
from .jurisdiction import detect, district_of
from .mentions import BodyFinder, BodyMatch, Context, TitleFinder, latest_year
from .records import BodyMention, Event, MovementMention, NameMention, ReportFacts, ReportMeta, Sentence, SourceReport


def content_hash(text: str) -> str:
    """What identifies a report's text: a store rebuilds a report only when this changes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Extractor:
    """Holds the compiled gazetteer; `extract` is pure and safe to call per report."""

    def __init__(self, gaz: Gazetteer | None = None):
        self.gaz = gaz or gazetteer()
        self.bodies = BodyFinder(self.gaz)
        self.titles = TitleFinder(self.gaz, self.bodies)
        self.directives = DirectiveFinder(self.gaz, self.bodies, self.titles)
        self.events = EventFinder(self.gaz, self.bodies)
        self.awards = AwardFinder(self.gaz)

    def extract(self, source: SourceReport) -> ReportFacts:
        text = source.text
        page = clean.layout(text, self.gaz)
        sents = sentences.split(text, page.blocks)
        own_text = "\n".join([source.title or "", *(s.text for s in sents)])
        jurisdiction = detect(own_text, source.url, self.gaz)
        date = source.date or page.date
        ctx = Context(self.gaz, jurisdiction, latest_year(own_text), date, district_of(own_text, jurisdiction, self.gaz))
        meta = ReportMeta(source, source.title or page.title, date, page.byline, jurisdiction,
                          content_hash(text))
        facts = ReportFacts(meta, sents)

        holders: dict[str, str] = {}  # canonical title → the person named with it
        read: list[SentenceTitles] = []
        bodies: list[list[BodyMatch]] = []  # per sentence, kept for award givers
        named_movements: list[list[MovementMention]] = []  # per sentence, kept for events
        for s in sents:
            found = read_sentence(s, self.titles, ctx, holders)
            for person in found.people:
                for tenure in tenures_of(person, s):
                    facts.tenures.append(tenure)
                    holders.setdefault(tenure.title.name, tenure.person)
            read.append(found)
            bodies.append(self.bodies.find_all(s.text, ctx))
            facts.bodies.extend(BodyMention(b.body, s.text[b.start:b.end], s) for b in bodies[-1])
            facts.directives.extend(self.directives.find(s, ctx, facts.directives))
            named_movements.append(movements.find(s))
            facts.movements.extend(named_movements[-1])

        officials = {t.person for t in facts.tenures}
        people = [self._people(s, r, officials) for s, r in zip(sents, read)]
        facts.people = list(dict.fromkeys(NameMention(p.person, s) for s, found in zip(sents, people) for p in found))
        current: Event | None = None
        for i, s in enumerate(sents):
            event = self.events.find(s, ctx)
            if event is not None:
                current = event
                facts.events.append(event)
                event.movement = next((m.name for m in named_movements[i]), None)
            if current is not None:
                add_participants(current, [(s, people[i])], self.events)
            givers = self._givers(read[i], people[i], bodies[i])
            for award in self.awards.find(s, givers):
                award.event = current
                facts.awards.append(award)
        facts.directives = directive_facts.merge(facts.directives)
        return facts

    def _people(self, s: Sentence, found: SentenceTitles, officials: set[str]) -> list[PersonMention]:
        """People in a sentence: with titles, referred back to, or named alone once known."""
        people = list(found.people)
        taken = [(p.start, p.end) for p in people]
        for name in officials:
            at = s.text.find(name)
            while at >= 0:
                if not any(a <= at < b for a, b in taken):
                    people.append(PersonMention(name, at, at + len(name), []))
                at = s.text.find(name, at + len(name))
        return sorted(people, key=lambda p: p.start)

    @staticmethod
    def _givers(found: SentenceTitles, people: list[PersonMention], bodies: list[BodyMatch]):
        """Who can hand out an award in a sentence: bodies, nameless titles, people; with spans."""
        givers = [(t.start, t.end, t.title) for t in found.nameless if t.title]
        givers += [(p.start, p.end, p.person) for p in people]
        covered = [(a, b) for a, b, _ in givers]
        givers += [(b.start, b.end, b.body) for b in bodies
                   if not any(x <= b.start < y for x, y in covered)]
        return sorted(givers, key=lambda g: g[0])
