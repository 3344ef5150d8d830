"""Facts to RDF. Every IRI and term of the graph is made here (docs/GRAPH.md).

A report becomes N-Quads lines (strings): cheap to make in a worker process,
to sort into a deterministic order and to hand to a file or a store.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from rdflib import XSD, Dataset, Graph, Namespace
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SKOS

from . import english
from .records import Award, Body, Change, Directive, Event, Place, ReportFacts, Sentence, Title
from .text import slug as _slug

VNPOL = Namespace("https://w3id.org/vnpol/ontology#")
ID = Namespace("https://w3id.org/vnpol/id/")
SCHEMA = Namespace("https://schema.org/")
GAZETTEER_GRAPH = ID["graph/gazetteer"]

_ID = str(ID)
slug = functools.lru_cache(maxsize=1 << 16)(_slug)  # names recur: a report names a body many times


def _id(path: str) -> str:
    """An IRI of the graph's own: https://w3id.org/vnpol/id/{path}."""
    return _ID + path


class Terms:
    """A namespace whose attributes are its IRIs in N-Triples form: `V.label` is `<...#label>`."""

    def __init__(self, namespace: str):
        self._namespace = str(namespace)

    def __getattr__(self, name: str) -> str:
        term = f"<{self._namespace}{name}>"
        setattr(self, name, term)
        return term


V, S, T_RDF, T_RDFS, T_SKOS = Terms(VNPOL), Terms(SCHEMA), Terms(RDF), Terms(RDFS), Terms(SKOS)
T_ORG, T_DC, T_XSD = Terms(ORG), Terms(DCTERMS), Terms(XSD)
_ESCAPES = {**{c: f"\\u{c:04X}" for c in [*range(0x20), 0x7F]},
            ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"}


def node(iri: str) -> str:
    return f"<{iri}>"


_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f\x7f"\\]')


def _quoted(text: str) -> str:
    return '"' + (text.translate(_ESCAPES) if _NEEDS_ESCAPE.search(text) else text) + '"'


def vi(text: str) -> str:
    """A Vietnamese-tagged literal."""
    return _quoted(text) + "@vi"


def en(text: str) -> str:
    """An English-tagged literal."""
    return _quoted(text) + "@en"


def plain(text: str) -> str:
    return _quoted(text)


def typed(value: object, datatype: str) -> str:
    return f"{_quoted(str(value))}^^{datatype}"


def integer(n: int) -> str:
    return typed(n, T_XSD.integer)


def boolean(b: bool) -> str:
    return typed("true" if b else "false", T_XSD.boolean)


def date_literal(d: dt.date) -> str:
    return typed(d.isoformat(), T_XSD.date)


BODY_CLASS = {"party": V.PartyBody, "state": V.StateBody, "front": V.FrontBody,
              "mass": V.MassOrganisation, "armed": V.ArmedForcesBody, "steering": V.SteeringCommittee}
PARTS = {"chair": V.chair, "speaker": V.speaker, "awardPresenter": V.awardPresenter, "attendee": V.attendee}
SCHEMES = {"role": "roles", "doctype": "document-types", "eventtype": "event-types", "awardtype": "award-types"}


PREFIXES = {"vnpol": VNPOL, "id": ID, "org": ORG, "schema": SCHEMA, "skos": SKOS, "prov": PROV, "dcterms": DCTERMS,
            "foaf": FOAF, "rdf": RDF, "rdfs": RDFS, "xsd": XSD}


def bind(g: Graph | Dataset) -> None:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)


def report_iri(stem: str) -> str:
    return _id(f"report/{slug(stem) if not _safe(stem) else stem}")


def _safe(stem: str) -> bool:
    """A name that can stand in an IRI as it is: ASCII letters, digits, "-_." inside ("a." and ".." cannot)."""
    return bool(stem) and stem[0].isalnum() and stem[-1].isalnum() and all(
        c.isascii() and (c.isalnum() or c in "-_.") for c in stem)


def report_keys(stem: str) -> set[str]:
    """What a report's IRIs are made from: two reports may not share one (their nodes would merge)."""
    return {report_iri(stem), slug(stem)}


def person_iri(name: str) -> str:
    return _id(f"person/{slug(name)}")


def body_iri(body: Body) -> str:
    return _id(f"body/{slug(body.name)}")


def place_iri(place: Place) -> str:
    if place.kind == "district" and place.province:
        return _id(f"place/{slug(place.province)}/{slug(place.level_word + ' ' + place.name)}")
    return _id(f"place/{slug(place.name)}")


def post_iri(title: Title) -> str:
    return _id(f"post/{slug(title.name)}")


def concept_iri(kind: str, label: str) -> str:
    return _id(f"{kind}/{slug(label)}")


def directive_iri(d: Directive, stem: str) -> str:
    """A document's IRI: by its scope, type, number and year; a local one whose province is unknown, by its report."""
    scope = "national" if d.scope == "national" else f"report/{slug(stem)}" if d.scope is None else slug(d.scope)
    year = f"-{d.year}" if d.year else ""
    return _id(f"directive/{scope}/{slug(d.type_code)}-{slug(d.number)}{year}")


def event_iri(e: Event, stem: str, n: int) -> str:
    if e.date and e.organizer:
        return _id(f"event/{e.date.isoformat()}/{slug(e.event_type)}/{slug(e.organizer.name)}")
    return _id(f"event/{slug(stem)}/{n}")


def change_iri(c: Change) -> str:
    """id:change/{date}/{slug(the first resulting body, or the first original one)}."""
    return _id(f"change/{c.date.isoformat()}/{slug((c.results or c.originals)[0].name)}")


def evidence_iri(stem: str, s: Sentence) -> str:
    return _id(f"evidence/{slug(stem)}/{s.start}-{s.end}")


def directive_label(d: Directive) -> str:
    if d.doc_type == "Nghị quyết Đại hội":
        issuer = d.issuer.name if d.issuer else "Đảng Cộng sản Việt Nam"
        return f"Nghị quyết Đại hội {d.number} ({issuer})"
    where = "" if d.scope in ("national", None) else f" ({d.scope})"
    year = f"/{d.year}" if d.year else ""
    return f"{d.doc_type} số {d.number}{year}{where}"


CHANGE_VERBS = {"merger": "Hợp nhất", "rename": "Đổi tên", "restructuring": "Sắp xếp",
                "dissolution": "Kết thúc hoạt động"}


def change_label(c: Change) -> str:
    """ "Hợp nhất Ban Tuyên giáo Tỉnh ủy Cà Mau và Ban Dân vận Tỉnh ủy Cà Mau thành Ban Tuyên giáo và …"."""
    label = f"{CHANGE_VERBS[c.kind]} {_listed(c.originals)}"
    return f"{label} thành {_listed(c.results)}" if c.results else label


def _listed(bodies: tuple[Body, ...]) -> str:
    names = [b.name for b in bodies]
    return f"{', '.join(names[:-1])} và {names[-1]}" if len(names) > 1 else names[0]


def once(method):
    """A method that writes a node: it writes each node once per report, then returns its term."""

    @functools.wraps(method)
    def write_once(self, *args, **kwargs):
        key = (method.__name__, args, tuple(kwargs.items()))
        if key not in self.written:
            self.written[key] = method(self, *args, **kwargs)
        return self.written[key]

    return write_once


@dataclass
class ReportQuads:
    """One report as RDF: its named graph's N-Quads lines and what it adds to the gazetteer graph."""

    graph: str  # the report's IRI, which names its graph
    nquads: bytes  # its graph's lines, sorted and unique, each ending in a newline, in UTF-8 (one value: cheap
    #                between processes, written to a file as it is)
    quads: int  # how many lines
    gazetteer: list[str]  # sorted, unique
    typed: dict[str, set[str]] | None = None  # class → the nodes the graph types so (read from the lines if None)

    @classmethod
    def of_lines(cls, graph: str, lines: list[str], gazetteer: list[str]) -> ReportQuads:
        return cls(graph, "".join(f"{line}\n" for line in lines).encode("utf-8"), len(lines), gazetteer)

    @property
    def lines(self) -> list[str]:
        return self.nquads.decode("utf-8").split("\n")[:-1]  # not splitlines: a literal may hold U+2028 unescaped

    def nodes_by_class(self) -> dict[str, set[str]]:
        """Class → the nodes this report's graph gives that rdf:type."""
        if self.typed is None:
            self.typed = {}
            for line in self.lines:
                s, p, rest = line.split(" ", 2)
                if p == T_RDF.type:
                    self.typed.setdefault(rest.split(" ", 1)[0], set()).add(s)
        return self.typed


class ReportGraph:
    """Writes one report's facts as N-Quads in its named graph (and the gazetteer graph)."""

    def __init__(self, facts: ReportFacts):
        self.facts = facts
        self.stem = facts.meta.source.stem
        self.report = node(report_iri(self.stem))
        self.lines: set[str] = set()
        self.gaz_lines: set[str] = set()
        self.seen_evidence: set[str] = set()
        self.event_nodes: dict[int, str] = {}
        self.written: dict[tuple, str] = {}  # for @once
        self.typed: dict[str, set[str]] = {}

    def add(self, s: str, p: str, o: str) -> None:
        self.lines.add(f"{s} {p} {o} {self.report} .")
        if p == T_RDF.type:
            self.typed.setdefault(o, set()).add(s)

    def add_gazetteer(self, s: str, p: str, o: str) -> None:
        self.gaz_lines.add(f"{s} {p} {o} <{GAZETTEER_GRAPH}> .")

    def add_english(self, subject: str, name: str | None, *, vocabulary: bool = False) -> None:
        """The node's English name (kg.english), where the tables give one: skos:prefLabel "…"@en. A name of the
        vocabulary (a body, post, role or type: the tables name it, not the report) is stated once, in the
        gazetteer graph; a report's directive, event or award is named in the report's graph."""
        if name is not None:
            (self.add_gazetteer if vocabulary else self.add)(subject, T_SKOS.prefLabel, en(name))

    def build(self) -> ReportQuads:
        self._report()
        for m in self.facts.bodies:
            b = self.body(m.body)
            self.add(self.report, V.mentions, b)
            self.evidence(b, m.evidence)
            if m.written != m.body.name:
                self.add(b, T_SKOS.altLabel, vi(m.written))
        for t in self.facts.tenures:
            self.tenure(t)
        for mention in self.facts.people:
            self.evidence(self.person(mention.person), mention.evidence)
        for d in self.facts.directives:
            self.directive(d)
        self.event_nodes = {id(e): node(event_iri(e, self.stem, n)) for n, e in enumerate(self.facts.events, 1)}
        for e in self.facts.events:
            self.event(e)
        for n, a in enumerate(self.facts.awards, 1):
            self.award(a, n)
        for m in self.facts.movements:
            self.movement(m)
        nquads = "".join(f"{line}\n" for line in sorted(self.lines)).encode("utf-8")
        return ReportQuads(self.report[1:-1], nquads, len(self.lines), sorted(self.gaz_lines), self.typed)

    def _report(self) -> None:
        meta, r = self.facts.meta, self.report
        src = meta.source
        self.add(r, T_RDF.type, V.Report)
        self.add(r, T_DC.identifier, plain(src.identifier))
        self.add(r, T_RDFS.label, vi(meta.title or src.identifier))
        self.add(r, V.contentHash, plain(meta.content_hash))
        if meta.title:
            self.add(r, T_DC.title, vi(meta.title))
        if meta.date:
            self.add(r, T_DC.date, date_literal(meta.date))
        if meta.byline:
            self.add(r, T_DC.creator, plain(meta.byline))
        if src.url:
            self.add(r, S.url, typed(src.url, T_XSD.anyURI))
        if src.path:
            self.add(r, V.sourceFile, plain(src.identifier))
        if meta.jurisdiction:
            self.add(r, V.jurisdiction, self.place(meta.jurisdiction))

    def evidence(self, subject: str, s: Sentence) -> None:
        ev = node(evidence_iri(self.stem, s))
        self.add(subject, V.evidence, ev)
        if ev in self.seen_evidence:
            return
        self.seen_evidence.add(ev)
        self.add(ev, T_RDF.type, V.Evidence)
        self.add(ev, V.text, plain(s.text))
        self.add(ev, V.startOffset, integer(s.start))
        self.add(ev, V.endOffset, integer(s.end))
        self.add(ev, T_DC.isPartOf, self.report)
        if s.kind == "caption":
            self.add(ev, V.inCaption, boolean(True))

    @once
    def place(self, place: Place, *, in_gazetteer: bool = False) -> str:
        add = self.add_gazetteer if in_gazetteer else self.add
        p = node(place_iri(place))
        add(p, T_RDF.type, V.Place)
        add(p, T_RDFS.label, vi(place_label(place)))
        return p

    @once
    def body(self, body: Body, *, in_gazetteer: bool = False) -> str:
        add = self.add_gazetteer if in_gazetteer else self.add
        b = node(body_iri(body))
        for cls in (BODY_CLASS[body.kind], V.Body, T_ORG.Organization):
            add(b, T_RDF.type, cls)
        add(b, T_RDFS.label, vi(body.name))
        self.add_english(b, english.body_name(body), vocabulary=True)
        add(b, V.level, plain(body.level))
        if body.place:
            add(b, V.place, self.place(body.place, in_gazetteer=in_gazetteer))
        if body.parent:
            self.add_gazetteer(b, T_ORG.subOrganizationOf, self.body(body.parent, in_gazetteer=True))
        return b

    @once
    def concept(self, kind: str, label: str) -> str:
        c = node(concept_iri(kind, label))
        self.add(c, T_RDF.type, T_SKOS.Concept)
        if kind == "role":
            self.add(c, T_RDF.type, T_ORG.Role)
        self.add(c, T_RDFS.label, vi(label))
        self.add_gazetteer(c, T_SKOS.prefLabel, vi(label))  # the vocabulary's own facts: stated once
        self.add_english(c, english.concept_name(kind, label), vocabulary=True)
        self.add_gazetteer(c, T_SKOS.inScheme, node(_id(f"scheme/{SCHEMES[kind]}")))
        return c

    @once
    def post(self, title: Title) -> str:
        p = node(post_iri(title))
        self.add(p, T_RDF.type, V.Post)
        self.add(p, T_RDFS.label, vi(title.name))
        self.add_english(p, english.post_name(title), vocabulary=True)
        if title.written != title.name:
            self.add(p, T_SKOS.altLabel, vi(title.written))
        self.add(p, T_ORG.role, self.concept("role", title.role))
        self.add(p, T_ORG.postIn, self.body(title.body))
        return p

    @once
    def person(self, name: str) -> str:
        p = node(person_iri(name))
        self.add(p, T_RDF.type, V.Official)
        self.add(p, T_RDFS.label, vi(name))
        self.add(self.report, V.mentions, p)
        return p

    def tenure(self, t) -> None:
        person, post = self.person(t.person), self.post(t.title)
        tenure = node(_id(f"tenure/{slug(self.stem)}/{slug(t.person)}/{slug(t.title.name)}"))
        self.add(tenure, T_RDF.type, V.Tenure)
        self.add(tenure, T_ORG.member, person)
        self.add(tenure, V.post, post)
        self.add(tenure, T_ORG.organization, self.body(t.title.body))
        self.add(tenure, T_ORG.role, self.concept("role", t.title.role))
        self.add(tenure, V.former, boolean(t.former))
        self.add(tenure, V.titleAsWritten, plain(t.title.written))
        if self.facts.meta.date:
            self.add(tenure, V.observedOn, date_literal(self.facts.meta.date))
        if not t.former:
            self.add(person, T_ORG.holds, post)
        self.evidence(tenure, t.evidence)
        self.evidence(person, t.evidence)

    def agent(self, who: Body | Title | str) -> str:
        if isinstance(who, Body):
            return self.body(who)
        if isinstance(who, Title):
            return self.post(who)
        return self.person(who)

    def directive(self, d: Directive) -> str:
        directive = node(directive_iri(d, self.stem))
        self.add(directive, T_RDF.type, V.Directive)
        label = directive_label(d)
        self.add(directive, T_RDFS.label, vi(label))
        self.add_english(directive, english.directive_name(d))
        if d.written and d.written != label:
            self.add(directive, T_SKOS.altLabel, vi(d.written))
        self.add(directive, V.documentType, self.concept("doctype", d.doc_type))
        self.add(directive, V.number, plain(d.number))
        if d.symbol:
            self.add(directive, V.symbol, plain(d.symbol))
        if d.date:
            self.add(directive, V.issuedOn, date_literal(d.date))
        if d.issuer:
            self.add(directive, V.issuedBy, self.agent(d.issuer))
        if d.term:
            self.add(directive, V.partyTerm, plain(d.term))
        if d.subject:
            self.add(directive, T_DC.subject, vi(d.subject))
        for other in d.implements:
            self.add(directive, V.implements, node(directive_iri(other, self.stem)))
        self.add(self.report, V.cites, directive)
        for s in d.evidence:
            self.evidence(directive, s)
        return directive

    def event(self, e: Event) -> None:
        event = self.event_nodes[id(e)]
        self.add(event, T_RDF.type, V.Event)
        label = f"{e.event_type}" + (f" {e.date.strftime('%d/%m/%Y')}" if e.date else "")
        if e.organizer:
            label += f" ({e.organizer.name})"
        self.add(event, T_RDFS.label, vi(label))
        self.add_english(event, english.event_name(e))
        self.add(event, V.eventType, self.concept("eventtype", e.event_type))
        if e.date:
            self.add(event, S.startDate, date_literal(e.date))
        if e.date_written:
            self.add(event, V.dateAsWritten, plain(e.date_written))
        if e.part_of_day:
            self.add(event, V.partOfDay, plain(e.part_of_day))
        if e.organizer:
            self.add(event, S.organizer, self.body(e.organizer))
        if e.location:
            self.add(event, S.location, plain(e.location))
        if e.online:
            self.add(event, V.online, boolean(True))
        if e.bridge_points:
            self.add(event, V.bridgePoints, integer(e.bridge_points))
        self.add(event, T_DC.description, vi(e.evidence.text))
        for p in e.participants:
            person = self.person(p.person)
            self.add(event, V.participant, person)
            self.add(event, PARTS[p.part], person)
        if e.movement:
            self.add(event, V.movement, node(_id(f"movement/{slug(e.movement)}")))
        self.evidence(event, e.evidence)

    def award(self, a: Award, n: int) -> None:
        award = node(_id(f"award/{slug(self.stem)}/{n}"))
        self.add(award, T_RDF.type, V.Award)
        self.add(award, T_RDFS.label, vi(f"{a.award_type} ({self.facts.meta.source.identifier}, {n})"))
        self.add_english(award, english.award_name(a, self.facts.meta.source.identifier, n))
        self.add(award, V.awardType, self.concept("awardtype", a.award_type))
        for prop, value in ((V.collectiveCount, a.collectives), (V.individualCount, a.individuals),
                            (V.recipientCount, a.total)):
            if value is not None:
                self.add(award, prop, integer(value))
        if a.giver is not None:
            self.add(award, V.awardedBy, self.agent(a.giver))
        if (body := a.giving_body) is not None:
            self.add(award, V.awardLevel, plain(body.level))
            if body.province is not None:
                self.add(award, V.awardProvince, self.place(body.province))
        if a.event is not None:
            self.add(award, V.atEvent, self.event_nodes[id(a.event)])
        self.evidence(award, a.evidence)

    def movement(self, m) -> None:
        movement = node(_id(f"movement/{slug(m.name)}"))
        self.add(movement, T_RDF.type, V.Movement)
        self.add(movement, T_RDFS.label, vi(m.name))
        self.add(self.report, V.mentions, movement)
        if m.start_year:
            period = node(_id(f"movement/{slug(m.name)}/{m.start_year}-{m.end_year}"))
            self.add(period, T_RDF.type, V.MovementPeriod)
            span = f" - {m.end_year}" if m.end_year != m.start_year else ""
            self.add(period, T_RDFS.label, vi(f"{m.name} {m.start_year}{span}"))
            self.add(period, T_DC.isPartOf, movement)
            self.add(period, V.startYear, typed(m.start_year, T_XSD.gYear))
            self.add(period, V.endYear, typed(m.end_year, T_XSD.gYear))
            self.evidence(period, m.evidence)


def change_quads(c: Change) -> list[str]:
    """A change event and the bodies it links, as gazetteer-graph lines (kg.history)."""
    event = node(change_iri(c))
    triples = [(event, T_RDF.type, T_ORG.ChangeEvent), (event, T_RDFS.label, vi(change_label(c))),
               (event, T_DC.date, date_literal(c.date)), (event, V.changeKind, plain(c.kind)),
               (event, V.basis, plain(c.basis))]
    for prop, bodies in ((T_ORG.originalOrganization, c.originals), (T_ORG.resultingOrganization, c.results)):
        for b in bodies:
            triples += [(event, prop, node(body_iri(b))), *_organization(b)]
    return [_gazetteer_line(*t) for t in triples]


def replacement_quads(old: Place, new: Place) -> list[str]:
    """A place replaced by another (dcterms:isReplacedBy, dcterms:replaces), as gazetteer-graph lines."""
    former, successor = node(place_iri(old)), node(place_iri(new))
    triples = [(former, T_DC.isReplacedBy, successor), (successor, T_DC.replaces, former), *_place(old), *_place(new)]
    return [_gazetteer_line(*t) for t in triples]


def _organization(b: Body) -> list[tuple[str, str, str]]:
    """A body as a change event names it: an org:Organization with its name, level and place.

    Not typed vnpol:Body here: that type says a report named it (the report's graph, or the hierarchy of
    one it named, states it)."""
    n = node(body_iri(b))
    triples = [(n, T_RDF.type, T_ORG.Organization), (n, T_RDFS.label, vi(b.name)), (n, V.level, plain(b.level))]
    return triples + [(n, V.place, node(place_iri(b.place))), *_place(b.place)] if b.place else triples


def _place(p: Place) -> list[tuple[str, str, str]]:
    n = node(place_iri(p))
    return [(n, T_RDF.type, V.Place), (n, T_RDFS.label, vi(place_label(p)))]


def _gazetteer_line(s: str, p: str, o: str) -> str:
    return f"{s} {p} {o} <{GAZETTEER_GRAPH}> ."


def place_label(place: Place) -> str:
    """ "Cà Mau", "Thành phố Hồ Chí Minh" (a province or city: its full name), "huyện Kinh Môn"."""
    return place.full_name if place.kind in ("province", "city") else f"{place.level_word} {place.name}".strip()


def report_quads(facts: ReportFacts) -> ReportQuads:
    """One report's facts as N-Quads."""
    return ReportGraph(facts).build()


def new_dataset() -> Dataset:
    ds = Dataset()
    bind(ds)
    return ds
