"""Facts to RDF. Every IRI and term of the graph is made here (docs/GRAPH.md)."""
from __future__ import annotations

import datetime as dt

from rdflib import XSD, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SKOS

from .records import Award, Body, Directive, Event, Place, ReportFacts, Sentence, Title
from .text import slug

VNPOL = Namespace("https://w3id.org/vnpol/ontology#")
ID = Namespace("https://w3id.org/vnpol/id/")
SCHEMA = Namespace("https://schema.org/")
GAZETTEER_GRAPH = ID["graph/gazetteer"]

BODY_CLASS = {"party": VNPOL.PartyBody, "state": VNPOL.StateBody, "front": VNPOL.FrontBody,
              "mass": VNPOL.MassOrganisation, "armed": VNPOL.ArmedForcesBody, "steering": VNPOL.SteeringCommittee}
PARTS = {"chair": VNPOL.chair, "speaker": VNPOL.speaker, "awardPresenter": VNPOL.awardPresenter,
         "attendee": VNPOL.attendee}
SCHEMES = {"role": "roles", "doctype": "document-types", "eventtype": "event-types", "awardtype": "award-types"}


PREFIXES = {"vnpol": VNPOL, "id": ID, "org": ORG, "schema": SCHEMA, "skos": SKOS, "prov": PROV, "dcterms": DCTERMS,
            "foaf": FOAF, "rdf": RDF, "rdfs": RDFS, "xsd": XSD}


def bind(g: Graph | Dataset) -> None:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)


def vi(text: str) -> Literal:
    return Literal(text, lang="vi")


def report_iri(stem: str) -> URIRef:
    return ID[f"report/{slug(stem) if not _safe(stem) else stem}"]


def _safe(stem: str) -> bool:
    return all(c.isascii() and (c.isalnum() or c in "-_.") for c in stem) and bool(stem)


def person_iri(name: str) -> URIRef:
    return ID[f"person/{slug(name)}"]


def body_iri(body: Body) -> URIRef:
    return ID[f"body/{slug(body.name)}"]


def place_iri(place: Place) -> URIRef:
    if place.kind == "district" and place.province:
        return ID[f"place/{slug(place.province)}/{slug(place.level_word + ' ' + place.name)}"]
    return ID[f"place/{slug(place.name)}"]


def post_iri(title: Title) -> URIRef:
    return ID[f"post/{slug(title.name)}"]


def concept_iri(kind: str, label: str) -> URIRef:
    return ID[f"{kind}/{slug(label)}"]


def directive_iri(d: Directive) -> URIRef:
    scope = "national" if d.scope == "national" else slug(d.scope)
    year = f"-{d.year}" if d.year else ""
    return ID[f"directive/{scope}/{slug(d.type_code)}-{slug(d.number)}{year}"]


def event_iri(e: Event, stem: str, n: int) -> URIRef:
    if e.date and e.organizer:
        return ID[f"event/{e.date.isoformat()}/{slug(e.event_type)}/{slug(e.organizer.name)}"]
    return ID[f"event/{slug(stem)}/{n}"]


def evidence_iri(stem: str, s: Sentence) -> URIRef:
    return ID[f"evidence/{slug(stem)}/{s.start}-{s.end}"]


def directive_label(d: Directive) -> str:
    if d.doc_type == "Nghị quyết Đại hội":
        issuer = d.issuer.name if d.issuer else "Đảng Cộng sản Việt Nam"
        return f"Nghị quyết Đại hội {d.number} ({issuer})"
    where = "" if d.scope == "national" else f" ({d.scope})"
    year = f"/{d.year}" if d.year else ""
    return f"{d.doc_type} số {d.number}{year}{where}"


def date_literal(d: dt.date) -> Literal:
    return Literal(d.isoformat(), datatype=XSD.date)


class ReportGraph:
    """Writes one report's facts into its named graph (and the gazetteer graph)."""

    def __init__(self, ds: Dataset, facts: ReportFacts):
        self.facts = facts
        self.stem = facts.meta.source.stem
        self.report = report_iri(self.stem)
        self.g = ds.graph(self.report)
        self.gaz = ds.graph(GAZETTEER_GRAPH)

    def add(self, s, p, o) -> None:
        self.g.add((s, p, o))

    def build(self) -> None:
        self._report()
        for m in self.facts.bodies:
            b = self.body(m.body)
            self.add(self.report, VNPOL.mentions, b)
            self.evidence(b, m.evidence)
            if m.written != m.body.name:
                self.add(b, SKOS.altLabel, vi(m.written))
        for t in self.facts.tenures:
            self.tenure(t)
        for d in self.facts.directives:
            self.directive(d)
        self.event_nodes = {id(e): event_iri(e, self.stem, n) for n, e in enumerate(self.facts.events, 1)}
        for e in self.facts.events:
            self.event(e)
        for n, a in enumerate(self.facts.awards, 1):
            self.award(a, n)
        for m in self.facts.movements:
            self.movement(m)

    def _report(self) -> None:
        meta, r = self.facts.meta, self.report
        src = meta.source
        for cls in (VNPOL.Report, SCHEMA.NewsArticle, PROV.Entity):
            self.add(r, RDF.type, cls)
        self.add(r, DCTERMS.identifier, Literal(src.identifier))
        self.add(r, RDFS.label, vi(meta.title or src.identifier))
        self.add(r, VNPOL.contentHash, Literal(meta.content_hash))
        if meta.title:
            self.add(r, DCTERMS.title, vi(meta.title))
        if meta.date:
            self.add(r, DCTERMS.date, date_literal(meta.date))
        if meta.byline:
            self.add(r, DCTERMS.creator, Literal(meta.byline))
        if src.url:
            self.add(r, SCHEMA.url, Literal(src.url, datatype=XSD.anyURI))
        if src.path:
            self.add(r, VNPOL.sourceFile, Literal(src.identifier))
        if meta.jurisdiction:
            self.add(r, VNPOL.jurisdiction, self.place(meta.jurisdiction))

    def evidence(self, node: URIRef, s: Sentence) -> None:
        ev = evidence_iri(self.stem, s)
        self.add(node, VNPOL.evidence, ev)
        if (ev, RDF.type, VNPOL.Evidence) in self.g:
            return
        self.add(ev, RDF.type, VNPOL.Evidence)
        self.add(ev, RDF.type, PROV.Entity)
        self.add(ev, VNPOL.text, Literal(s.text))
        self.add(ev, VNPOL.startOffset, Literal(s.start))
        self.add(ev, VNPOL.endOffset, Literal(s.end))
        self.add(ev, DCTERMS.isPartOf, self.report)
        if s.kind == "caption":
            self.add(ev, VNPOL.inCaption, Literal(True))

    def place(self, place: Place) -> URIRef:
        p = place_iri(place)
        self.add(p, RDF.type, VNPOL.Place)
        self.add(p, RDF.type, SCHEMA.AdministrativeArea)
        label = place.full_name if place.kind in ("province", "city") else f"{place.level_word} {place.name}".strip()
        self.add(p, RDFS.label, vi(label))
        return p

    def body(self, body: Body, graph: Graph | None = None) -> URIRef:
        g = self.g if graph is None else graph
        b = body_iri(body)
        for cls in (BODY_CLASS[body.kind], VNPOL.Body, ORG.Organization):
            g.add((b, RDF.type, cls))
        g.add((b, RDFS.label, vi(body.name)))
        g.add((b, VNPOL.level, Literal(body.level)))
        if body.place and graph is None:
            self.add(b, VNPOL.place, self.place(body.place))
        if body.parent:
            self.gaz.add((b, ORG.subOrganizationOf, self.body(body.parent, self.gaz)))
        return b

    def concept(self, kind: str, label: str) -> URIRef:
        c = concept_iri(kind, label)
        self.add(c, RDF.type, SKOS.Concept)
        if kind == "role":
            self.add(c, RDF.type, ORG.Role)
        self.add(c, RDFS.label, vi(label))
        self.add(c, SKOS.prefLabel, vi(label))
        self.add(c, SKOS.inScheme, ID[f"scheme/{SCHEMES[kind]}"])
        return c

    def post(self, title: Title) -> URIRef:
        p = post_iri(title)
        self.add(p, RDF.type, VNPOL.Post)
        self.add(p, RDF.type, ORG.Post)
        self.add(p, RDFS.label, vi(title.name))
        if title.written != title.name:
            self.add(p, SKOS.altLabel, vi(title.written))
        self.add(p, ORG.role, self.concept("role", title.role))
        self.add(p, ORG.postIn, self.body(title.body))
        return p

    def person(self, name: str) -> URIRef:
        p = person_iri(name)
        for cls in (VNPOL.Official, FOAF.Person, SCHEMA.Person):
            self.add(p, RDF.type, cls)
        self.add(p, RDFS.label, vi(name))
        self.add(self.report, VNPOL.mentions, p)
        return p

    def tenure(self, t) -> None:
        person, post = self.person(t.person), self.post(t.title)
        node = ID[f"tenure/{slug(self.stem)}/{slug(t.person)}/{slug(t.title.name)}"]
        for cls in (VNPOL.Tenure, ORG.Membership):
            self.add(node, RDF.type, cls)
        self.add(node, ORG.member, person)
        self.add(node, VNPOL.post, post)
        self.add(node, ORG.organization, self.body(t.title.body))
        self.add(node, ORG.role, self.concept("role", t.title.role))
        self.add(node, VNPOL.former, Literal(t.former))
        self.add(node, VNPOL.titleAsWritten, Literal(t.title.written))
        if self.facts.meta.date:
            self.add(node, VNPOL.observedOn, date_literal(self.facts.meta.date))
        if not t.former:
            self.add(person, ORG.holds, post)
        self.evidence(node, t.evidence)
        self.evidence(person, t.evidence)

    def agent(self, who: Body | Title | str) -> URIRef:
        if isinstance(who, Body):
            return self.body(who)
        if isinstance(who, Title):
            return self.post(who)
        return self.person(who)

    def directive(self, d: Directive) -> URIRef:
        node = directive_iri(d)
        self.add(node, RDF.type, VNPOL.Directive)
        self.add(node, RDF.type, SCHEMA.Legislation)
        label = directive_label(d)
        self.add(node, RDFS.label, vi(label))
        if d.written and d.written != label:
            self.add(node, SKOS.altLabel, vi(d.written))
        self.add(node, VNPOL.documentType, self.concept("doctype", d.doc_type))
        self.add(node, VNPOL.number, Literal(d.number))
        if d.symbol:
            self.add(node, VNPOL.symbol, Literal(d.symbol))
        if d.date:
            self.add(node, VNPOL.issuedOn, date_literal(d.date))
        if d.issuer:
            self.add(node, VNPOL.issuedBy, self.agent(d.issuer))
        if d.term:
            self.add(node, VNPOL.partyTerm, Literal(d.term))
        if d.subject:
            self.add(node, DCTERMS.subject, vi(d.subject))
        for other in d.implements:
            self.add(node, VNPOL.implements, directive_iri(other))
        self.add(self.report, VNPOL.cites, node)
        for s in d.evidence:
            self.evidence(node, s)
        return node

    def event(self, e: Event) -> None:
        node = self.event_nodes[id(e)]
        self.add(node, RDF.type, VNPOL.Event)
        self.add(node, RDF.type, SCHEMA.Event)
        label = f"{e.event_type}" + (f" {e.date.strftime('%d/%m/%Y')}" if e.date else "")
        if e.organizer:
            label += f" ({e.organizer.name})"
        self.add(node, RDFS.label, vi(label))
        self.add(node, VNPOL.eventType, self.concept("eventtype", e.event_type))
        if e.date:
            self.add(node, SCHEMA.startDate, date_literal(e.date))
        if e.date_written:
            self.add(node, VNPOL.dateAsWritten, Literal(e.date_written))
        if e.part_of_day:
            self.add(node, VNPOL.partOfDay, Literal(e.part_of_day))
        if e.organizer:
            self.add(node, SCHEMA.organizer, self.body(e.organizer))
        if e.location:
            self.add(node, SCHEMA.location, Literal(e.location))
        if e.online:
            self.add(node, VNPOL.online, Literal(True))
        if e.bridge_points:
            self.add(node, VNPOL.bridgePoints, Literal(e.bridge_points))
        self.add(node, DCTERMS.description, vi(e.evidence.text))
        for p in e.participants:
            person = self.person(p.person)
            self.add(node, VNPOL.participant, person)
            self.add(node, PARTS[p.part], person)
        if e.movement:
            self.add(node, VNPOL.movement, ID[f"movement/{slug(e.movement)}"])
        self.evidence(node, e.evidence)

    def award(self, a: Award, n: int) -> None:
        node = ID[f"award/{slug(self.stem)}/{n}"]
        self.add(node, RDF.type, VNPOL.Award)
        self.add(node, RDFS.label, vi(f"{a.award_type} ({self.facts.meta.source.identifier}, {n})"))
        self.add(node, VNPOL.awardType, self.concept("awardtype", a.award_type))
        for prop, value in ((VNPOL.collectiveCount, a.collectives), (VNPOL.individualCount, a.individuals),
                            (VNPOL.recipientCount, a.total)):
            if value is not None:
                self.add(node, prop, Literal(value))
        if a.giver is not None:
            self.add(node, VNPOL.awardedBy, self.agent(a.giver))
        if a.event is not None:
            self.add(node, VNPOL.atEvent, self.event_nodes[id(a.event)])
        self.evidence(node, a.evidence)

    def movement(self, m) -> None:
        node = ID[f"movement/{slug(m.name)}"]
        self.add(node, RDF.type, VNPOL.Movement)
        self.add(node, RDFS.label, vi(m.name))
        self.add(self.report, VNPOL.mentions, node)
        if m.start_year:
            period = ID[f"movement/{slug(m.name)}/{m.start_year}-{m.end_year}"]
            self.add(period, RDF.type, VNPOL.MovementPeriod)
            self.add(period, RDFS.label, vi(f"{m.name} {m.start_year}" + (f" - {m.end_year}" if m.end_year != m.start_year else "")))
            self.add(period, DCTERMS.isPartOf, node)
            self.add(period, VNPOL.startYear, Literal(str(m.start_year), datatype=XSD.gYear))
            self.add(period, VNPOL.endYear, Literal(str(m.end_year), datatype=XSD.gYear))
            self.evidence(period, m.evidence)


def add_report(ds: Dataset, facts: ReportFacts) -> None:
    """Writes one report's named graph into the dataset."""
    ReportGraph(ds, facts).build()


def new_dataset() -> Dataset:
    ds = Dataset()
    bind(ds)
    return ds
