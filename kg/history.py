"""The political map's changes, as the gazetteer graph's fixed lines: bodies merged, renamed, dissolved
(central_changes.tsv, province_changes.tsv) and provinces replaced (province_successors.tsv,
historical_provinces.tsv).

A build states, once, the changes along the lineage of every body and place its reports name: back to
what it came from, on to what it became (kg.output and kg.store add them when they finish).
"""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field

from . import places, rdf
from .gazetteer import data_table
from .records import Body, Change, Place

_NAMED = (rdf.V.Body, rdf.V.Place)  # the classes whose nodes may have a lineage


def changes() -> list[Change]:
    """The changes of bodies, central ones first, each dated as in its table."""
    return [_change(r) for name in ("central_changes.tsv", "province_changes.tsv") for r in data_table(name)]


def _change(row: dict[str, str]) -> Change:
    def bodies(names: str, provinces: list[str]) -> tuple[Body, ...]:
        named = names.split("|") if names else []
        return tuple(Body(n, row["kind"], row["level"], places.province(p) if p else None)
                     for n, p in zip(named, provinces or [""] * len(named)))

    from_provinces = row["from_provinces"].split("|") if row["from_provinces"] else []
    return Change(dt.date.fromisoformat(row["date"]), row["change"], bodies(row["from"], from_provinces),
                  bodies(row["to"], [row["to_province"]] * (row["to"].count("|") + 1)), row["basis"])


def replacements() -> list[tuple[Place, Place]]:
    """(former province, a province that replaced it): pre-2025 ones by those of 2025, historical ones."""
    return [(places.province(old), places.province(new))
            for old, new_ones in sorted(places.successors().items()) for new in new_ones]


@dataclass
class _Links:
    """Changes and replacements, each with its lines and the nodes (N-Triples terms) on either side."""

    lines: list[list[str]] = field(default_factory=list)
    ends: list[tuple[list[str], list[str]]] = field(default_factory=list)  # (before, after)
    forward: dict[str, list[int]] = field(default_factory=dict)  # node → the links it is before
    backward: dict[str, list[int]] = field(default_factory=dict)  # node → the links it is after

    def add(self, lines: list[str], before: list[str], after: list[str]) -> None:
        for n in before:
            self.forward.setdefault(n, []).append(len(self.lines))
        for n in after:
            self.backward.setdefault(n, []).append(len(self.lines))
        self.lines.append(lines)
        self.ends.append((before, after))

    def along(self, named: set[str]) -> set[int]:
        """The links on the lineage of `named`: forward to what they became, back to what they came from."""
        found: set[int] = set()
        for index, side in ((self.forward, 1), (self.backward, 0)):
            frontier, seen = list(named), set(named)
            while frontier:
                for i in index.get(frontier.pop(), ()):
                    found.add(i)
                    new = [n for n in self.ends[i][side] if n not in seen]
                    seen.update(new)
                    frontier += new
        return found


@functools.cache
def _links() -> _Links:
    links = _Links()
    for c in changes():
        links.add(rdf.change_quads(c), [rdf.node(rdf.body_iri(b)) for b in c.originals],
                  [rdf.node(rdf.body_iri(b)) for b in c.results])
    for old, new in replacements():
        links.add(rdf.replacement_quads(old, new), [rdf.node(rdf.place_iri(old))], [rdf.node(rdf.place_iri(new))])
    return links


def gazetteer_lines(named: set[str]) -> list[str]:
    """The fixed lines for the bodies and places `named` (N-Triples terms), sorted and unique."""
    if not named:
        return []
    links = _links()
    return sorted({line for i in links.along(named) for line in links.lines[i]})


class Named:
    """The bodies and places that reports name (type in their graphs), gathered as a build's reports pass."""

    def __init__(self) -> None:
        self.nodes: set[str] = set()

    def add(self, report: rdf.ReportQuads) -> None:
        typed = report.nodes_by_class()
        for cls in _NAMED:
            self.nodes.update(typed.get(cls, ()))

    def gazetteer_lines(self) -> list[str]:
        return gazetteer_lines(self.nodes)
