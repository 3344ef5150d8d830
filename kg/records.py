"""Typed records that flow through the pipeline until the RDF stage."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Place:
    """A province, centrally-run city or district."""

    name: str  # short name: "Cà Mau", "Hồ Chí Minh", "Kinh Môn"
    full_name: str  # as it follows a level word: "Cà Mau", "Thành phố Hồ Chí Minh"
    kind: str  # "province", "city" (centrally run), "district", "commune"
    province: str | None = None  # the province a district lies in
    level_word: str = ""  # "huyện", "quận", "thị xã", "thành phố", "xã", ...


@dataclass
class SourceReport:
    """One report as read: its text and what its container said about it."""

    identifier: str  # "000_x.txt" for a file, the record id for JSON Lines
    stem: str  # identifier without extension: names the report's graph
    text: str  # Unicode NFC
    path: str | None = None
    url: str | None = None
    title: str | None = None
    date: dt.date | None = None


@dataclass(frozen=True)
class Sentence:
    """A sentence of the report, with its offsets in the report's text."""

    start: int
    end: int
    text: str
    kind: str = "body"  # "body", "caption", "title"


@dataclass
class ReportMeta:
    """What a report says about itself."""

    source: SourceReport
    title: str | None
    date: dt.date | None
    byline: str | None
    jurisdiction: Place | None
    content_hash: str


@dataclass(frozen=True)
class Body:
    """A specific organisation, by its canonical name."""

    name: str
    kind: str  # party, state, front, mass, armed, steering
    level: str  # central, province, city, district, commune
    place: Place | None = None
    parent: Body | None = None
    head: str = ""  # the row of kg/data/bodies.toml it was read by: "Ủy ban nhân dân", "Ban Dân vận"

    @property
    def province(self) -> Place | None:
        """The province or centrally-run city it works in: its own place at that level, else its nearest parent's."""
        body: Body | None = self
        while body is not None:
            if body.level in ("province", "city"):
                return body.place
            body = body.parent
        return None


@dataclass(frozen=True)
class Title:
    """An office: a role in a body."""

    role: str
    body: Body
    name: str  # canonical title: "Trưởng Ban Dân vận Tỉnh ủy Cà Mau"
    written: str  # as the report writes it


@dataclass
class BodyMention:
    body: Body
    written: str
    evidence: Sentence


@dataclass
class Tenure:
    """A person seen holding (or having held) an office."""

    person: str
    title: Title
    former: bool
    evidence: Sentence


@dataclass
class Directive:
    """A document the report cites or issues."""

    doc_type: str
    number: str
    scope: str | None  # "national", a province's short name, or None: local to a report that names no province
    type_code: str
    symbol: str | None = None
    date: dt.date | None = None
    year: int | None = None
    issuer: Body | Title | None = None
    term: str | None = None  # Party term, Roman: "XI"
    subject: str | None = None
    written: str = ""
    implements: list[Directive] = field(default_factory=list)
    evidence: list[Sentence] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str, str, int | None]:
        """Identity: scope, type, number and (state acts) the symbol's year."""
        return (self.scope, self.type_code, self.number, self.year)


@dataclass
class Participation:
    person: str
    part: str  # "chair", "speaker", "awardPresenter", "attendee"


@dataclass
class Event:
    event_type: str
    date: dt.date | None
    evidence: Sentence
    date_written: str | None = None
    part_of_day: str | None = None
    organizer: Body | None = None
    location: str | None = None
    online: bool = False
    bridge_points: int | None = None
    participants: list[Participation] = field(default_factory=list)
    movement: str | None = None


@dataclass
class Award:
    award_type: str
    evidence: Sentence
    giver: Body | Title | str | None = None  # a body, a post, or a person's name
    collectives: int | None = None
    individuals: int | None = None
    total: int | None = None
    event: Event | None = None  # the event it was handed out at

    @property
    def giving_body(self) -> Body | None:
        """The body that gave it: the giver, or the giving post's body (none for a person)."""
        if isinstance(self.giver, Title):
            return self.giver.body
        return self.giver if isinstance(self.giver, Body) else None


@dataclass
class MovementMention:
    name: str
    evidence: Sentence
    start_year: int | None = None
    end_year: int | None = None


@dataclass(frozen=True)
class NameMention:
    """An official named in a sentence, with a title, by a title alone, or by name once known."""

    person: str
    evidence: Sentence


@dataclass
class ReportFacts:
    """Everything extracted from one report."""

    meta: ReportMeta
    sentences: list[Sentence]
    bodies: list[BodyMention] = field(default_factory=list)
    tenures: list[Tenure] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    awards: list[Award] = field(default_factory=list)
    movements: list[MovementMention] = field(default_factory=list)
    people: list[NameMention] = field(default_factory=list)


@dataclass(frozen=True)
class Change:
    """A dated change of bodies (a W3C ORG change event): the `originals` became the `results`."""

    date: dt.date
    kind: str  # merger, rename, restructuring, dissolution
    originals: tuple[Body, ...]
    results: tuple[Body, ...]  # none for a dissolution
    basis: str  # the decision it rests on, as cited: "Nghị quyết 202/2025/QH15"
