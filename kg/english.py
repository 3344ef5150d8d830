"""English names beside the Vietnamese ones, composed from the `en` fields of kg/data's tables the way the
extractor composes the Vietnamese names from their rows: "Ban Dân vận Tỉnh ủy Cà Mau" → "Mass Mobilisation
Commission of the Cà Mau Provincial Party Committee". Places and people keep their names.

Each function gives None where a table lacks the English of a part: no name rather than half of one.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from .gazetteer import data_toml
from .records import Award, Body, Directive, Event, Place, Title

LANGUAGES = ("vi", "en")  # of the names: rdfs:label @vi, skos:prefLabel @en
CONGRESS_RESOLUTION = "Nghị quyết Đại hội"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
_PLACEHOLDER = re.compile(r"\\\{(\w+)\\\}")


@dataclass(frozen=True)
class Tables:
    """The English of the tables, by Vietnamese name."""

    central: dict[str, str]  # central bodies; "Quân khu {n}" → "Military Region {n}"
    committees: dict[str, str]  # Party committees of a place, youth unions: "Tỉnh ủy" → "Provincial Party …"
    boards: dict[str, str]  # a committee's boards: "Ban Dân vận" → "Mass Mobilisation Commission"
    locals: dict[str, dict]  # bodies of a level of government: their rows ("en", "bare")
    steering: str  # "Steering Committee"
    steering_prefix: str  # "Ban Chỉ đạo ": a steering committee's name is it, its purpose, its place
    purposes: dict[str, str]  # phrases of a steering committee's purpose, as its name writes them
    levels: dict[str, str]  # a place's level word: "tỉnh" → "Provincial"
    offices: dict[str, str]  # offices that are their own institution: "Chủ tịch nước"
    roles: dict[str, str]
    posts: dict[str, dict[str, str]]  # a role's posts named otherwise: {how its body's English starts: instead}
    concepts: dict[str, dict[str, str]]  # by kg.rdf's concept kind: "doctype", "eventtype", "awardtype", "role"


@functools.cache
def tables() -> Tables:
    bodies, roles = data_toml("bodies.toml"), data_toml("roles.toml")
    role_en = {r["name"]: r["en"] for r in roles["role"]}
    role_en |= {f"{r['prefix']} {spelling}": r["en"] for r in roles["head_role"]
                for spelling in roles["head_role_words"].values()}
    for r in roles["special"]:
        role_en.setdefault(r["role"], r["en"])
    locals_: dict[str, dict] = {}
    for row in bodies["local"]:
        locals_.setdefault(row["name"], row)
    english = bodies["english"]
    steering = bodies["steering"]
    return Tables(
        central={r["name"]: r["en"] for r in bodies["central"]},
        committees={r["name"]: r["en"] for r in bodies["committee"]},
        boards={r["name"]: r["en"] for r in bodies["committee_body"]},
        locals=locals_, steering=steering["en"], steering_prefix=steering["name"] + " ",
        purposes=steering["purposes_en"], levels=english["levels"], offices=english["offices"],
        roles=role_en, posts={r["name"]: r["en_posts"] for r in roles["role"] if "en_posts" in r},
        concepts={"role": role_en,
                  "doctype": {r["name"]: r["en"] for r in data_toml("documents.toml")["type"]},
                  "eventtype": {r["name"]: r["en"] for r in data_toml("events.toml")["type"]},
                  "awardtype": {r["name"]: r["en"] for r in data_toml("awards.toml")["type"]}})


def place_phrase(place: Place, level_word: str) -> str | None:
    """ "Cà Mau Provincial", "Hồ Chí Minh City", "Mai Sơn District", "Chiềng Sơn Commune": the place's name and
    the English of `level_word` ("" for the place's own)."""
    level = tables().levels.get(level_word or place.level_word)
    return f"{place.name} {level}" if level else None


def _written_level(body: Body, head: str) -> str:
    """The level word the body's name puts before its place, which the place's own may not be:
    "Ban Chỉ huy Quân sự huyện Kinh Môn" of the town (thị xã) Kinh Môn."""
    if not (body.name.startswith(head) and body.name.endswith(body.place.name)):
        return ""
    return body.name[len(head):len(body.name) - len(body.place.name)].strip().lower()


def body_name(body: Body) -> str | None:
    """The body's English name, from the table its head is a row of."""
    t = tables()
    head = body.head or body.name
    if head in t.central:
        return _filled(t.central[head], head, body.name)
    if head in t.offices:
        return t.offices[head]
    if head in t.boards:
        committee = body_name(body.parent) if body.parent else None
        return f"{t.boards[head]} of the {committee}" if committee else None
    if body.place is None:
        return None
    if head in t.committees:  # the committee's English names its level
        return f"{body.place.name} {t.committees[head]}"
    if head in t.locals:
        row = t.locals[head]
        where = body.place.name if row.get("bare") else place_phrase(body.place, _written_level(body, head))
        return _placed(row["en"], where)
    if body.kind == "steering" and head.startswith(t.steering_prefix):
        purpose = _purpose(head.removeprefix(t.steering_prefix))
        where = place_phrase(body.place, _written_level(body, head))
        return _placed(f"{t.steering} {purpose}", where) if purpose else None
    return None


def _purpose(text: str) -> str | None:
    """A steering committee's purpose in English: a phrase of the table, or phrases of it joined by "và"."""
    purposes = tables().purposes
    if text in purposes:
        return purposes[text]
    for m in re.finditer(" và ", text):
        first, rest = purposes.get(text[:m.start()]), _purpose(text[m.end():])
        if first and rest:
            return f"{first} and {rest}"
    return None


def _filled(template: str, head: str, name: str) -> str:
    """A central row's English with the parts its name numbers: "Quân khu 7" → "Military Region 7"."""
    m = re.fullmatch(_PLACEHOLDER.sub(r"(?P<\1>.+)", re.escape(head)), name)
    return template.format(**m.groupdict()) if m else template


def _placed(en: str, place: str | None) -> str | None:
    """The English of a body of a place: the place where `en` says "{place}", else in front."""
    if place is None:
        return None
    return en.format(place=place) if "{place}" in en else f"{place} {en}"


def post_name(title: Title) -> str | None:
    """ "Phó Chủ tịch Ủy ban nhân dân tỉnh Sơn La" → "Vice Chairman of the Sơn La Provincial People's Committee"."""
    t = tables()
    role, body = t.roles.get(title.role), body_name(title.body)
    if role is None or body is None:
        return None
    if title.name == title.role:  # the role alone names the post: "Chủ tịch nước", "Phó Chủ tịch nước"
        return role
    for start, instead in t.posts.get(title.role, {}).items():
        if body.startswith(start):  # "Ministry of Health" → "Minister of Health"
            return instead + body[len(start):]
    return f"{role} of the {body}"


def concept_name(kind: str, label: str) -> str | None:
    """A role's, document type's, event type's or award type's English (kind as kg.rdf names it)."""
    return tables().concepts[kind].get(label)


def agent_name(agent: Body | Title) -> str | None:
    return body_name(agent) if isinstance(agent, Body) else post_name(agent)


def directive_name(d: Directive) -> str | None:
    """As kg.rdf names it in Vietnamese: "Plan No. 58 (Hà Giang)", "Congress Resolution XIII (Communist Party of
    Viet Nam)"."""
    kind = concept_name("doctype", d.doc_type)
    if kind is None:
        return None
    if d.doc_type == CONGRESS_RESOLUTION:
        issuer = agent_name(d.issuer) if d.issuer else None
        return f"{kind} {d.number} ({issuer})" if issuer else None
    where = "" if d.scope in ("national", None) else f" ({d.scope})"
    year = f"/{d.year}" if d.year else ""
    return f"{kind} No. {d.number}{year}{where}"


def event_name(e: Event) -> str | None:
    """ "Conference 28 December 2022 (Central Mass Mobilisation Commission)"."""
    kind = concept_name("eventtype", e.event_type)
    organizer = body_name(e.organizer) if e.organizer else ""
    if kind is None or organizer is None:
        return None
    return kind + (f" {_date(e.date)}" if e.date else "") + (f" ({organizer})" if organizer else "")


def award_name(a: Award, report: str, n: int) -> str | None:
    """ "Certificate of Merit (000_x.txt, 2)": the report's second award."""
    kind = concept_name("awardtype", a.award_type)
    return f"{kind} ({report}, {n})" if kind else None


def _date(day: dt.date) -> str:
    """ "28 December 2022", whatever the locale."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
