"""Events as reports narrate them: one per occurrence, its date, organiser and who took part.

An event is named by its type ("Hội nghị", "Đại hội", "Kỳ họp", "buổi làm việc") and
narrated as held: organised ("Ban Dân vận Tỉnh ủy tổ chức Hội nghị …"), happening
("Đại hội … khai mạc", "đã diễn ra Hội nghị"), as the setting of what follows ("Tại Hội
nghị, …", "Dự Hội nghị có …"), or by a meeting's verb ("Thường trực Tỉnh ủy làm việc với
…", "… tiếp đoàn"). Later mentions of the same type attach to the event, unless they
give another date.
"""
from __future__ import annotations

import re

from ..gazetteer import WordTrigger, alternation, word_start_search
from ..phrases import Context
from ..phrases.bodies import BodyMatch
from ..phrases.dates import DateMention, find_dates
from ..records import Body, Event, Participation, Sentence
from .officials import PersonMention

_ONLINE = re.compile(r"trực tuyến", re.IGNORECASE)
_BRIDGES = re.compile(r"(\d{1,3})\s+điểm cầu", re.IGNORECASE)
_LOCATION = re.compile(r"\btại\s+((?:Hội trường|Trung tâm|Nhà văn hóa|Nhà Văn hóa|Khu|trụ sở)[^,.;]{3,80})")
_CITED_DATE = re.compile(r"(?:[\dA-Za-zĐđ]+\s*[-/]\s*[A-Za-zĐđ]+(?:\s*/\s*[A-Za-zĐđ]+)?|số\s+\d+|\d{4}/[A-ZĐ]+-[A-ZĐa-z]+)"
                         r"\s*,?\s*(?:ban hành\s+|ký\s+)?(?:vào\s+)?(?:ngày\s+)?$")
_TODAY = re.compile(r"(?<![^\W_])(?P<pod>sáng|chiều|tối|trưa)\s+nay|(?<![^\W_])hôm nay", re.IGNORECASE)
_BY = re.compile(r"(?<![^\W_])do\s+(?P<by>[^.;]{3,200}?)\s+(?:(?:phối hợp\s+|đồng\s+|phối hợp với [^.;]{3,120}?\s+)?"
                 r"(?:tổ chức|thực hiện|chủ trì|triệu tập|đăng cai))(?![^\W_])")
_REFERENCE_BY = re.compile(r"\W*(?i:(?:(?:đây|đó) là\s+)?(?:buổi lễ|lễ|hội nghị|chương trình|hoạt động|sự kiện|đại hội|kỳ họp|"
                           r"tọa đàm|hội thảo|hội thi|họp mặt|buổi làm việc|buổi họp mặt|buổi gặp mặt))(?![^\W_])[^.;]{0,40}?"
                           r"(?<![^\W_])do\s+(?P<by>[^.;]{3,200}?)\s+(?:tổ chức|thực hiện|chủ trì|triệu tập|đăng cai)(?![^\W_])")
_BULLET = re.compile(r"\s*[-–+•*]\s")
_SOLEMNLY = re.compile(r"(?:long trọng|trọng thể|đã)\s+$", re.IGNORECASE)
_NOT_WHEN = re.compile(r"(?<![^\W_])(?:trước|đến|tới|sau|kể từ|từ|hạn|hết)\s+(?:ngày\s+)?$", re.IGNORECASE)
_EVENT_DAYS = 3  # a congress or a contest runs for days: its closing is the same event
_CLAUSE_BREAK = re.compile(r"[,;:](?!\s*(?:nhiệm kỳ|khóa|khoá|lần thứ)\s)")
_VENUE = re.compile(r"(?<![^\W_])(?:tại|ở)\s+(?:[^\s,;]+\s+){0,3}$", re.IGNORECASE)
_TYPE_GAP = re.compile(r"(?:\s*(?:,\s*)?(?:đại biểu|thường kỳ|bất thường|chuyên đề|mở rộng|trực tuyến|giữa nhiệm kỳ|"
                       r"(?:lần\s+)?thứ\s+[^\s,;.()]+(?:\s+(?:mươi|mười|nhất|hai|ba|bốn|năm|sáu|bảy|tám|chín|mốt|lăm))*|"
                       r"\([^)]{0,40}\))\s*)*\s*")


class EventGrammar:
    """The compiled words of kg/data/events.toml: made once, shared by every report's EventReader."""

    def __init__(self, gaz):
        self.gaz = gaz
        ev = gaz.events
        self.types = gaz.event_types
        self.any_type = WordTrigger([f for row in self.types for f in row.data["forms"]])
        self.after_verb = re.compile("|".join(f for row in self.types for f in row.data.get("after_verb", [])),
                                     re.IGNORECASE)
        self.organise_before = re.compile(r"(?<![^\W_])(?:" + alternation(ev["organise"]) + r")(?![^\W_])[^.;:]{0,60}$")
        self.occur_before = re.compile(r"(?<![^\W_])(?:" + alternation(ev["occur"]) + r")(?![^\W_])[^.;:]{0,60}$")
        self.happen_after = re.compile(r"[^.;]{0,200}?(?<![^\W_])(?:đã\s+|chính thức\s+|đã chính thức\s+)?(?:"
                                       + alternation(ev["happen"]) + r")(?![^\W_])", re.IGNORECASE)
        self.setting_before = re.compile(r"(?<![^\W_])(?:" + alternation(ev["setting"]) + r")\s+(?:(?:buổi|cuộc|lễ)\s+)?$")
        self.not_held = re.compile(r"(?<![^\W_])(?:" + alternation(ev["not_held"]) + r")\s+(?:\S+\s+){0,2}$")
        self.future = re.compile(r"(?<![^\W_])(?:sẽ|dự kiến)(?![^\W_])", re.IGNORECASE)
        self.receive = re.compile(ev["receive"])
        self.visit_re = gaz.visit_re
        self.part_words = {part: re.compile(r"(?<![^\W_])(?:" + alternation(words) + r")(?![^\W_])", re.IGNORECASE)
                           for part, words in ev["parts"].items()}
        self.part_trigger = WordTrigger([word for words in ev["parts"].values() for word in words])
        self.cited = re.compile(r"(?:" + alternation(ev["cited_before"]) + r")\s+(?:\S+\s+){0,3}?của\s+"
                                r"(?:các\s+)?(?:đồng chí|ông|bà|đ/c)?\s*$", re.IGNORECASE)
        self.present_of = re.compile(r"(?:" + alternation(ev["present_of"]) + r")\s+(?:\S+\s+){0,3}?của\s+"
                                     r"(?:các\s+)?(?:đồng chí|ông|bà|đ/c)?\s*:?\s*$", re.IGNORECASE)


class EventReader:
    """Reads a report's sentences in order and keeps its events; `current` is the one the text is about."""

    def __init__(self, grammar: EventGrammar, ctx: Context):
        self.g = grammar
        self.gaz = grammar.gaz
        self.ctx = ctx
        self.events: list[Event] = []
        self.current: Event | None = None
        self.sureness: dict[int, int] = {}  # how surely each event's organiser was read (see _organizer)
        self.listing = False  # the sentence before introduced a list of those present

    # ------------------------------------------------------------ events

    def read(self, sentence: Sentence, bodies: list[BodyMatch], people: list[PersonMention]) -> Event | None:
        """The event a sentence narrates (new or known), and who took part in the current one."""
        event = self._narrated(sentence, bodies, people)
        if event is not None:
            self.current = event
        text = sentence.text
        in_list = self.listing and bool(_BULLET.match(text))
        if self.current is not None:
            self._participants(self.current, text, people, in_list)
        # "Hội nghị có sự hiện diện của:" then "- Đồng chí A, T;" lines: those named in them were there
        self.listing = in_list or (text.rstrip().endswith(":") and self._has_part_word(text, self._part_words(text)))
        return event

    def _has_part_word(self, text: str, verbs: dict[str, list[tuple[int, int]]]) -> bool:
        """Whether the sentence says someone attended or chaired (`verbs`: its _part_words)."""
        return bool(verbs["attendee"] or verbs["chair"] or self.g.present_of.search(text))

    def _narrated(self, sentence: Sentence, bodies: list[BodyMatch], people: list[PersonMention]) -> Event | None:
        text = sentence.text
        mention = self._mention(text, bodies)
        if mention is None:
            self._organised_by_reference(text, bodies)
            return None
        type_name, at, end, how = mention
        date = self._date(text, at) if how != "setting" or self.current is None else None
        event = self._known(type_name, date, how)
        if event is None:
            event = Event(type_name, date.date if date else None, sentence,
                          date.written if date else None, date.part_of_day if date else None)
            self.events.append(event)
        elif event.date is None and date is not None and date.date is not None:
            event.date, event.date_written, event.part_of_day = date.date, date.written, date.part_of_day
        self._set_organizer(event, *self._organizer(text, at, end, type_name, bodies, people))
        if not event.online and _ONLINE.search(text):
            event.online = True
        bridges = _BRIDGES.search(text)
        if bridges and event.bridge_points is None:
            event.bridge_points = int(bridges.group(1))
        location = _LOCATION.search(text)
        if location and event.location is None:
            event.location = location.group(1).strip()
        return event

    def _set_organizer(self, event: Event, organizer: Body | None, sureness: int) -> None:
        if organizer is not None and sureness > self.sureness.get(id(event), -1):
            event.organizer = organizer
            self.sureness[id(event)] = sureness

    def _organised_by_reference(self, text: str, bodies: list[BodyMatch]) -> None:
        """ "Buổi lễ do Ban Dân vận Tỉnh ủy phối hợp với … thực hiện": the organiser of the event the text is about."""
        if self.current is None:
            return
        m = _REFERENCE_BY.match(text)
        if m:
            inside = [b for b in bodies if m.start("by") <= b.start < m.end("by")]
            if inside:
                self._set_organizer(self.current, inside[0].body, 3)

    def _mention(self, text: str, bodies: list[BodyMatch]) -> tuple[str, int, int, str] | None:
        """The first event the sentence narrates as held: (type, start, end, how: "held" or "setting");
        a delegation's visit first."""
        visit = self.g.visit_re.search(text)
        if visit:
            return self.gaz.visit_type, visit.start(), visit.end(), "held"
        for m in self.g.any_type.finditer(text):
            start, end = m.start(), m.end()
            word = m.group(0).lower()
            before = text[max(0, start - 70):start]
            if self.gaz.venue_before.search(text, max(0, start - 20), start):
                continue
            organised = self.g.organise_before.search(before) or self.g.occur_before.search(before)
            verb_form = bool(self.g.after_verb.fullmatch(word))
            if verb_form and not (self.g.organise_before.search(before[-25:]) or _SOLEMNLY.search(before)
                                                 or any(0 <= start - b.end <= 1 for b in bodies)):
                continue  # "kỷ niệm", "tuyên dương" name an event only as an organiser's verb
            if self.g.not_held.search(before):
                continue
            type_name = next(row.name for row in self.g.types if row.pattern.match(text, start))
            if self.g.future.search(text, max(0, start - 30), start):
                continue
            if organised or self._happens_after(text, end) or verb_form \
                    or type_name == self.gaz.visit_type and word.startswith(("làm việc", "thăm")):
                return type_name, start, end, "held"
            if self.g.setting_before.search(before):
                return type_name, start, end, "setting"
        receive = word_start_search(self.g.receive, text)
        if receive:
            return self.gaz.events["receive_type"], receive.start(), receive.end(), "held"
        return None

    def _happens_after(self, text: str, end: int) -> bool:
        m = self.g.happen_after.match(text, end)
        return m is not None and not self.g.future.search(text, end, m.end())

    def _known(self, type_name: str, date: DateMention | None, how: str) -> Event | None:
        """The report's event this mention refers to: of that type, the same date or a date not yet known, or
        its closing ("Tối 7/11, hội thi bế mạc") within days; a mention that gives no date, or only sets the
        scene ("Tại hội nghị, …"), is of the event the text is about."""
        if (date is None or date.date is None or how == "setting") and self.current is not None:
            return self.current
        for e in reversed(self.events):
            if e.event_type != type_name:
                continue
            if date is None or date.date is None or e.date is None or 0 <= (date.date - e.date).days <= _EVENT_DAYS:
                return e
        return None

    def _date(self, text: str, at: int) -> DateMention | None:
        """The event's date: the sentence's first date that does not date a cited document ("số 25-NQ/TW ngày …")
        or a deadline ("trước ngày 15/12"); the first day of a range ("từ ngày 19 đến 21/7")."""
        dates = [d for d in find_dates(text, self.ctx)
                 if not _CITED_DATE.search(text, max(0, d.start - 40), d.start)
                 and not _NOT_WHEN.search(text, max(0, d.start - 20), d.start)]
        ranged = [d for d in dates if d.first_of_range]
        if ranged or dates:
            return (ranged or dates)[0]
        today = _TODAY.search(text)
        if today and self.ctx.report_date is not None:
            pod = today.group("pod").capitalize() if today.group("pod") else None
            return DateMention(today.start(), today.end(), self.ctx.report_date, today.group(0), pod)
        return None

    def _organizer(self, text: str, at: int, end: int, type_name: str, bodies: list[BodyMatch],
                   people: list[PersonMention]) -> tuple[Body | None, int]:
        """Who held it, and how surely the sentence says so (3: "do <body> tổ chức", "<body> (phối hợp với …)
        tổ chức <event>", a delegation's body; 2: "Kỳ họp … <body>", "Hội nghị Ban Thường vụ …"; 1: the subject
        of another verb, "<body> làm việc với …"; 0: the body of whoever chaired it)."""
        visit = self.g.visit_re.match(text, at)
        if visit:
            inside = [b for b in bodies if visit.start("who") <= b.start < visit.end("who")]
            if inside:
                return inside[0].body, 3
        by = _BY.search(text)
        if by:
            inside = [b for b in bodies if by.start("by") <= b.start < by.end("by")]
            if inside:
                return inside[0].body, 3
        meeting = type_name == self.gaz.visit_type and not text[at:end].lower().startswith("buổi")
        if not meeting:
            named_after = next((b for b in bodies if b.start >= end and _TYPE_GAP.fullmatch(text, end, b.start)), None)
            if named_after is not None:
                return named_after.body, 2
        clause_start = _clause_start(text, at)
        before = [b for b in bodies if clause_start <= b.start and b.end <= at and not _VENUE.search(text, 0, b.start)]
        if before:
            organised = self.g.organise_before.search(text[max(0, at - 70):at])
            return before[0].body, 3 if organised else 1
        subject = [p for p in people if clause_start <= p.start and p.end <= at and p.titles]
        if subject:
            return subject[0].titles[0].body, 1
        chair = self.g.part_words["chair"]
        for p in people:
            if p.titles and chair.search(text, p.end, p.end + 40):
                return p.titles[0].body, 0
        return None, -1

    def finished(self) -> list[Event]:
        """The report's events; an undated one (a headline's) joins the first dated one, when there is one."""
        dated = [e for e in self.events if e.date is not None]
        if not dated:
            return self.events
        for e in self.events:
            if e.date is None:
                known = {(p.person, p.part) for p in dated[0].participants}
                dated[0].participants.extend(p for p in e.participants if (p.person, p.part) not in known)
        return dated

    # ------------------------------------------------------------ participants

    def _participants(self, event: Event, text: str, people: list[PersonMention], in_list: bool) -> None:
        """Officials who attended, chaired, spoke or handed out awards, once each per part; `in_list`: the
        sentence is a line of a list of those present."""
        seen = {(p.person, p.part) for p in event.participants}
        verbs = self._part_words(text) if people else []
        for person in people:
            if self._only_cited(text, person):
                continue
            part = self._part(text, person, verbs) or ("attendee" if in_list else None)
            if part and (person.person, part) not in seen:
                seen.add((person.person, part))
                event.participants.append(Participation(person.person, part))

    def _only_cited(self, text: str, person: PersonMention) -> bool:
        """ "quán triệt bài phát biểu của đồng chí X": X's words are there, X is not."""
        before = text[max(0, person.start - 60):person.start]
        return bool(self.g.cited.search(before)) and not self.g.present_of.search(before)

    def _part_words(self, text: str) -> dict[str, list[tuple[int, int]]]:
        """Where the words of each part stand in the sentence ("chủ trì", "phát biểu", "dự"), left to right."""
        spans: dict[str, list[tuple[int, int]]] = {part: [] for part in self.g.part_words}
        for m in self.g.part_trigger.finditer(text):
            for part, pattern in self.g.part_words.items():
                if found := pattern.match(text, m.start()):
                    spans[part].append(found.span())
                    break
        return spans

    def _part(self, text: str, person: PersonMention, verbs: dict[str, list[tuple[int, int]]]) -> str | None:
        """What the person did, from the verb nearest their mention (`verbs`: the sentence's _part_words)."""
        best, at = None, len(text) + 1
        for part, spans in verbs.items():
            after = next((start for start, _ in spans if start >= person.end), None)
            if after is not None and after - person.end < at:
                best, at = part, after - person.end
            before = next((end for start, end in spans if start >= person.start - 40 and end <= person.start), None)
            if before is not None and person.start - before < at:
                best, at = part, person.start - before
        if best is None and self._has_part_word(text, verbs):
            return "attendee"  # named in a list of those who attended: "Dự Hội nghị có đồng chí A, T; đồng chí B, T"
        return best


def _clause_start(text: str, at: int) -> int:
    """Where the clause that ends at `at` starts: after its last comma, colon or semicolon, but a term or
    ordinal set off by commas ("HĐND tỉnh khóa XIV, nhiệm kỳ 2021 - 2026 khai mạc") stays inside it."""
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, at)]
    return breaks[-1] if breaks else 0
