"""`kg table`: who holds what, the events and the directives of a build as a spreadsheet (.csv or .xlsx).

Each table is read from the facts themselves (tenures, events, directives and the evidence that names their
reports), so a union-only build (.ttl, .nt, .jsonld) gives the same table as a .trig build or a store.
"""
from __future__ import annotations

import argparse
import csv
import io
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox

from .graphfile import open_graph
from .output import write_atomic
from .query import NAMESPACES

SUFFIXES = (".csv", ".xlsx")
SEPARATOR = "; "  # between the names or report identifiers of one cell
LANGUAGE_OF = {"rdfs:label": "vi", "skos:prefLabel": "en"}  # the names the tables read: canonical, English


class TableError(ValueError):
    """A table that cannot be made or written; the message says why."""


class Facts:
    """What the tables read, each by one scan of the store. The union of the report graphs repeats a node's
    description in every report that mentions it, so each property's (subject, object) pairs are deduplicated
    in the store before they are joined here."""

    def __init__(self, store: ox.Store, lang: str = "vi"):
        self.store = store
        self.lang = lang  # of the names: "en" gives the English name where there is one
        self._read: dict[str, dict[str, set[str]]] = {}

    def rows(self, select: str) -> list[dict[str, str]]:
        """A SELECT's rows as {variable: value} ("" when unbound), with the project's prefixes; read through
        W3C CSV, which pyoxigraph writes faster than Python walks its solutions."""
        result = self.store.query(select, prefixes=NAMESPACES, use_default_graph_as_union=True)
        return list(csv.DictReader(io.StringIO(result.serialize(format=ox.QueryResultsFormat.CSV).decode("utf-8"),
                                               newline="")))

    def many(self, prop: str) -> dict[str, set[str]]:
        """subject → its objects' values, for a property such as "vnpol:level"; names in their language only."""
        if prop not in self._read:
            language = f'FILTER (LANG(?o) = "{LANGUAGE_OF[prop]}")' if prop in LANGUAGE_OF else ""
            found: dict[str, set[str]] = defaultdict(set)
            for row in self.rows(f"SELECT DISTINCT ?s ?o WHERE {{ ?s {prop} ?o {language} }}"):
                found[row["s"]].add(row["o"])
            self._read[prop] = found
        return self._read[prop]

    def one(self, prop: str, node: str) -> str:
        """The node's value of the property (the first in sort order, should there be several), or ""."""
        return min(self.many(prop).get(node, ()), default="")

    def name(self, node: str) -> str:
        """The node's canonical name, or in English its English one where it has one (people and places do not)."""
        english = self.one("skos:prefLabel", node) if self.lang == "en" else ""
        return english or self.one("rdfs:label", node) or node

    def reports_of(self, cls: str) -> dict[str, dict[str, str]]:
        """Each node of the class → the reports whose evidence sentences state it: {identifier: date or ""}."""
        found: dict[str, dict[str, str]] = defaultdict(dict)
        for row in self.rows(f"""SELECT DISTINCT ?x ?r WHERE {{
                                     {{ SELECT DISTINCT ?x WHERE {{ ?x a {cls} }} }}
                                     ?x vnpol:evidence/dcterms:isPartOf ?r }}"""):
            found[row["x"]][self.one("dcterms:identifier", row["r"])] = self.one("dcterms:date", row["r"])
        return found

    def province(self, body: str, seen: frozenset = frozenset()) -> str:
        """The name of a body's province: a district's or commune's body is in that of the body above it
        (org:subOrganizationOf); a central body has none."""
        level = self.one("vnpol:level", body)
        if level == "province":
            return self.name(self.one("vnpol:place", body))
        parent = self.one("org:subOrganizationOf", body)
        if level in ("district", "commune") and parent and body not in seen:
            return self.province(parent, seen | {body})
        return ""


def _report_cells(reports: dict[str, str]) -> list:
    """The number of reports and their identifiers, oldest first."""
    return [len(reports), SEPARATOR.join(sorted(reports, key=lambda r: (reports[r], r)))]


def holdings(facts: Facts) -> list[dict]:
    """One record per person and post: role, body, level, province, status as of the latest report that
    states it ("former" if that report calls it so, "nguyên"), first and last report dates, the reports."""
    reports = facts.reports_of("vnpol:Tenure")
    said: dict[tuple[str, str], dict[str, tuple[str, bool]]] = defaultdict(dict)  # (person, post) → report → ...
    # A tenure is stated in one report's graph only: its own facts are not repeated across reports.
    for t in facts.rows("SELECT ?t ?p ?po ?former WHERE { ?t vnpol:post ?po ; org:member ?p ; vnpol:former ?former }"):
        for report, date in reports[t["t"]].items():
            earlier = said[(t["p"], t["po"])].get(report, (date, True))[1]
            said[(t["p"], t["po"])][report] = (date, t["former"] == "true" and earlier)
    records = []
    for (person, post), reports in said.items():
        dates = sorted(date for date, _ in reports.values())
        body = facts.one("org:postIn", post)
        records.append({"person": facts.name(person), "post": facts.name(post),
                        "role": facts.name(facts.one("org:role", post)), "body": facts.name(body),
                        "level": facts.one("vnpol:level", body), "province": facts.province(body),
                        "status": "former" if all(f for d, f in reports.values() if d == dates[-1]) else "current",
                        "first_seen": next((d for d in dates if d), ""), "last_seen": dates[-1],
                        "reports": {r: d for r, (d, _) in reports.items()}})
    return records


def officials(facts: Facts) -> tuple[list[str], list[list]]:
    """Who holds what, by person."""
    header = ["person", "post", "role", "body", "province", "status", "first_seen", "last_seen", "reports", "report_ids"]
    records = sorted(holdings(facts), key=lambda h: (h["person"], h["first_seen"], h["post"]))
    return header, [[h[c] for c in header[:8]] + _report_cells(h["reports"]) for h in records]


def posts(facts: Facts) -> tuple[list[str], list[list]]:
    """Who holds what, by post: the same rows as `officials`, by province, body and post."""
    header = ["province", "body", "level", "post", "role", "person", "status", "first_seen", "last_seen", "reports",
              "report_ids"]
    records = sorted(holdings(facts), key=lambda h: (h["province"], h["body"], h["post"], h["person"]))
    return header, [[h[c] for c in header[:9]] + _report_cells(h["reports"]) for h in records]


def events(facts: Facts) -> tuple[list[str], list[list]]:
    """One row per event: when, what, who organised it, who took part, which reports tell of it."""
    header = ["date", "part_of_day", "type", "organizer", "location", "participants", "event", "reports", "report_ids"]
    reports = facts.reports_of("vnpol:Event")
    rows = [[facts.one("schema:startDate", e), facts.one("vnpol:partOfDay", e),
             facts.name(facts.one("vnpol:eventType", e)), facts.name(facts.one("schema:organizer", e)),
             facts.one("schema:location", e),
             SEPARATOR.join(sorted(facts.name(p) for p in facts.many("vnpol:participant").get(e, ()))),
             facts.name(e), *_report_cells(reports[e])] for e in reports]
    return header, sorted(rows, key=lambda r: (r[0], r[6]))


def directives(facts: Facts) -> tuple[list[str], list[list]]:
    """One row per document: its name, symbol, type, issue date and issuer, what it implements, who cites it."""
    citing: dict[str, dict[str, str]] = defaultdict(dict)
    for report, cited in facts.many("vnpol:cites").items():
        for d in cited:
            citing[d][facts.one("dcterms:identifier", report)] = facts.one("dcterms:date", report)
    header = ["directive", "symbol", "type", "issued", "issuer", "subject", "implements", "cited_by", "report_ids"]
    rows = [[facts.name(d), facts.one("vnpol:symbol", d), facts.name(facts.one("vnpol:documentType", d)),
             facts.one("vnpol:issuedOn", d), facts.name(facts.one("vnpol:issuedBy", d)),
             facts.one("dcterms:subject", d),
             SEPARATOR.join(sorted(facts.name(o) for o in facts.many("vnpol:implements").get(d, ()))),
             *_report_cells(citing[d])]
            for d in citing]
    return header, sorted(rows, key=lambda r: (r[3] or "9999", r[0]))


TABLES = {"officials": officials, "posts": posts, "events": events, "directives": directives}


def spreadsheet(header: list[str], rows: list[list], suffix: str) -> bytes:
    """CSV in UTF-8 with a byte order mark (so that Excel and LibreOffice read Vietnamese right), or .xlsx."""
    if suffix == ".csv":
        text = io.StringIO()
        csv.writer(text, lineterminator="\r\n").writerows([header, *rows])
        return text.getvalue().encode("utf-8-sig")
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    for row in (header, *rows):
        sheet.append(row)
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


def run(args: argparse.Namespace) -> int:
    """`kg table NAME BUILD -o FILE [--lang en]`; returns the number of rows written."""
    suffix = Path(args.output).suffix.lower()
    if suffix not in SUFFIXES:
        raise TableError(f"-o {args.output}: name the file .csv or .xlsx")
    header, rows = TABLES[args.table](Facts(open_graph(args.graph, args.store), args.lang))
    try:
        write_atomic(args.output, spreadsheet(header, rows, suffix))
    except OSError as err:
        raise TableError(f"-o {args.output}: {err.strerror or err}") from None
    return len(rows)
