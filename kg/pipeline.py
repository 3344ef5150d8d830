"""One report's text to typed facts: clean → sentences → phrases → links → resolve."""
from __future__ import annotations

import hashlib

from . import clean, sentences
from .extract import directives as directive_facts
from .extract import movements
from .extract.awards import AwardFinder
from .extract.directives import DirectiveFinder
from .extract.events import EventGrammar, EventReader
from .extract.officials import OfficialsReader, PersonMention, SentenceTitles, tenures_of
from .gazetteer import Gazetteer, gazetteer
from .jurisdiction import detect, local_units
from .phrases import Context, Spans
from .phrases.bodies import BodyFinder, BodyMatch
from .phrases.dates import report_year, url_date, url_year
from .phrases.names import NameFinder
from .phrases.titles import TitleFinder
from .places import map_day, political_map
from .records import BodyMention, MovementMention, NameMention, ReportFacts, ReportMeta, SourceReport


def content_hash(text: str) -> str:
    """What identifies a report's text: a store rebuilds a report only when this changes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Extractor:
    """Holds the compiled gazetteer; `extract` is pure and safe to call per report."""

    def __init__(self, gaz: Gazetteer | None = None):
        self.gaz = gaz or gazetteer()
        self.bodies = BodyFinder(self.gaz)
        self.titles = TitleFinder(self.gaz, self.bodies)
        self.names = NameFinder(self.gaz)
        self.directives = DirectiveFinder(self.gaz, self.bodies, self.titles)
        self.awards = AwardFinder(self.gaz)
        self.events = EventGrammar(self.gaz)

    def context(self, source: SourceReport, own_text: str, page_date) -> Context:
        """What the report says about itself: its date and year, the political map of that date, its place."""
        date = source.date or page_date or url_date(source.url)
        year, planned = report_year(own_text)
        if year is None:
            year, planned = url_year(source.url), False
        places = political_map(date or map_day(year, own_text))
        jurisdiction = detect(own_text, source.url, places, self.gaz)
        district, commune = local_units(own_text, source.url, jurisdiction, places, self.gaz)
        return Context(self.gaz, places, jurisdiction, year, date, district, commune, planned)

    def extract(self, source: SourceReport) -> ReportFacts:
        text = source.text
        page = clean.layout(text, self.gaz)
        sents = sentences.split(text, page.blocks)
        own_text = "\n".join([source.title or "", *(s.text for s in sents)])
        ctx = self.context(source, own_text, page.date)
        meta = ReportMeta(source, source.title or page.title, ctx.report_date, page.byline, ctx.jurisdiction,
                          content_hash(text))
        facts = ReportFacts(meta, sents)

        officials = OfficialsReader(self.names, ctx)
        read: list[SentenceTitles] = []
        bodies: list[list[BodyMatch]] = []  # per sentence, kept for award givers and event organisers
        named_movements: list[list[MovementMention]] = []  # per sentence, kept for events
        for s in sents:
            titles = self.titles.find_all(s.text, ctx)
            bodies.append(self.bodies.find_all(s.text, ctx, skip=Spans((t.start, t.body_start) for t in titles)))
            found = officials.read(s, titles, bodies[-1])
            for person in found.people:
                facts.tenures.extend(tenures_of(person, s))
            read.append(found)
            facts.bodies.extend(BodyMention(b.body, s.text[b.start:b.end], s) for b in bodies[-1])
            facts.bodies.extend(_title_bodies(found, bodies[-1], s))
            facts.directives.extend(self.directives.find(s, ctx, facts.directives))
            named_movements.append(movements.find(s))
            facts.movements.extend(named_movements[-1])
        facts.people = list(dict.fromkeys(NameMention(p.person, s) for s, found in zip(sents, read)
                                          for p in found.people if p.official))

        events = EventReader(self.events, ctx)
        for i, s in enumerate(sents):
            event = events.read(s, bodies[i], [p for p in read[i].people if p.official])
            if event is not None and event.movement is None:
                event.movement = next((m.name for m in named_movements[i]), None)
            if not self.awards.named_in(s.text):
                continue
            for award in self.awards.find(s, self._givers(read[i], read[i].people, bodies[i])):
                award.event = events.current
                facts.awards.append(award)
        facts.events = events.finished()
        for award in facts.awards:  # an award handed out at a headline's event was handed out at the one it joined
            if award.event is not None and not any(award.event is e for e in facts.events):
                award.event = facts.events[0] if facts.events else None
        facts.directives = directive_facts.merge(facts.directives)
        return facts

    @staticmethod
    def _givers(found: SentenceTitles, people: list[PersonMention], bodies: list[BodyMatch]):
        """Who can hand out an award in a sentence: bodies, nameless titles, people; with spans."""
        givers = [(t.start, t.end, t.title) for t in found.nameless if t.title]
        givers += [(p.start, p.end, p.person) for p in people]
        covered = Spans((a, b) for a, b, _ in givers)
        givers += [(b.start, b.end, b.body) for b in bodies if b.start not in covered]
        return sorted(givers, key=lambda g: g[0])


def _title_bodies(found: SentenceTitles, bodies: list[BodyMatch], s) -> list[BodyMention]:
    """The bodies of the sentence's titles that it does not write out ("Tỉnh ủy viên" names the Tỉnh ủy)."""
    titles = [t for p in found.people for t in p.titles] + [t.title for t in found.nameless if t.title]
    if not titles:
        return []
    written = {b.body for b in bodies}
    return [BodyMention(body, t.written, s) for t in titles if (body := t.body) not in written and not written.add(body)]
