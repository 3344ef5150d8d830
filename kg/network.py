"""A built graph (a build file or an Oxigraph store) as one networkx graph of
officials, bodies, posts, directives, events, awards and reports: what
`kg viz`, `kg stats` and `kg export` all draw from."""
from __future__ import annotations

import tomllib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from .english import LANGUAGES
from .graphfile import open_graph
from .rdf import PREFIXES
from .text import fold, squash

STYLE_FILE = Path(__file__).with_name("templates") / "network.toml"


class GraphInputError(ValueError):
    """A request the network cannot answer (a --focus that matches nothing, a bad option)."""


@dataclass(frozen=True)
class NodeClass:
    name: str
    type: str
    label: str
    color: str
    shape: str
    symbol: str
    kinds: dict[str, str]


@dataclass(frozen=True)
class Relation:
    property: str
    label: str
    reverse: bool = False
    narrows: str | None = None


@dataclass(frozen=True)
class Style:
    """What the network is drawn with, in one language: class and relation labels, and the page's own words."""

    lang: str
    classes: tuple[NodeClass, ...]
    relations: tuple[Relation, ...]
    former_tenure: str
    text: dict[str, str]


def iri(curie: str) -> str:
    """"vnpol:Body" → the full IRI, with the project's prefixes (kg.rdf.PREFIXES)."""
    prefix, local = curie.split(":", 1)
    return f"{PREFIXES[prefix]}{local}"


def load_style(path: Path = STYLE_FILE, lang: str = "vi") -> Style:
    """The style in Vietnamese (the `label` and `kinds` of each entry) or English (`en`, `kinds_en`)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    label, kinds = ("en", "kinds_en") if lang == "en" else ("label", "kinds")
    classes = tuple(NodeClass(c["name"], iri(c["type"]), c[label], c["color"], c["shape"], c["symbol"],
                              {iri(k): v for k, v in c.get(kinds, {}).items()}) for c in data["classes"])
    relations = tuple(Relation(iri(r["property"]), r[label], r.get("reverse", False),
                               iri(r["narrows"]) if "narrows" in r else None) for r in data["relations"])
    return Style(lang, classes, relations, data["former_tenure"][label], data["text"][lang])


STYLES = {lang: load_style(lang=lang) for lang in LANGUAGES}
STYLE = STYLES["vi"]
TYPE, LABEL, ALT_LABEL = iri("rdf:type"), iri("rdfs:label"), iri("skos:altLabel")
ENGLISH_NAME = iri("skos:prefLabel")  # the @en one: kg/english.py
EVIDENCE, TEXT, START, PART_OF, IDENTIFIER = (iri("vnpol:evidence"), iri("vnpol:text"), iri("vnpol:startOffset"),
                                              iri("dcterms:isPartOf"), iri("dcterms:identifier"))
POST, MEMBER, FORMER = iri("vnpol:post"), iri("org:member"), iri("vnpol:former")


class _Reader:
    """Pattern look-ups over every graph of a store, by IRI string."""

    def __init__(self, store: ox.Store):
        self.store = store

    def pairs(self, prop: str) -> set[tuple[str, ox.NamedNode | ox.Literal]]:
        return {(q.subject.value, q.object) for q in self.store.quads_for_pattern(None, ox.NamedNode(prop), None, None)
                if isinstance(q.subject, ox.NamedNode)}

    def subjects(self, prop: str, obj: str) -> set[str]:
        return {q.subject.value for q in self.store.quads_for_pattern(None, ox.NamedNode(prop), ox.NamedNode(obj), None)
                if isinstance(q.subject, ox.NamedNode)}

    def values(self, node: str, prop: str, lang: str | None = None) -> list[str]:
        """The node's values of the property; with `lang`, only the literals in that language."""
        return sorted({q.object.value for q in self.store.quads_for_pattern(ox.NamedNode(node), ox.NamedNode(prop), None, None)
                       if lang is None or getattr(q.object, "language", None) == lang})


def network_graph(store: ox.Store, style: Style = STYLE) -> nx.DiGraph:
    """Nodes: IRIs with `label` (the Vietnamese rdfs:label; in an English style the English skos:prefLabel where
    there is one), `cls` (class name), `kind` (a body's kind), `alt_labels` (the other names, Vietnamese) and
    `evidence` ((report, start offset, sentence), …). Edges: `label`, the relations' labels. The graph's
    `style` is the one it was drawn with."""
    read = _Reader(store)
    cls_of: dict[str, NodeClass] = {}
    kind_of: dict[str, str] = {}
    for cls in style.classes:
        for node in read.subjects(TYPE, cls.type):
            cls_of.setdefault(node, cls)
        for kind, name in cls.kinds.items():
            for node in read.subjects(TYPE, kind):
                kind_of.setdefault(node, name)
    evidence = _evidence(read, cls_of)
    graph = nx.DiGraph(style=style)
    for node in sorted(cls_of):
        labels, alts = read.values(node, LABEL, "vi"), read.values(node, ALT_LABEL, "vi")
        english = read.values(node, ENGLISH_NAME, "en") if style.lang == "en" else []
        label = (english or labels or [node.rsplit("/", 1)[-1]])[0]
        others = [*labels, *alts] if english else alts
        graph.add_node(node, label=label, cls=cls_of[node].name, kind=kind_of.get(node, ""),
                       alt_labels=tuple(a for a in others if a != label), evidence=evidence.get(node, ()))
    for (u, v), labels in sorted(_edges(read, cls_of, style).items()):
        graph.add_edge(u, v, label=", ".join(labels))
    return graph


def _evidence(read: _Reader, cls_of: dict[str, NodeClass]) -> dict[str, tuple[tuple[str, int, str], ...]]:
    """Each node's evidence sentences with their reports; a post has its tenures' sentences."""
    sentences: dict[str, set[str]] = defaultdict(set)
    for node, ev in read.pairs(EVIDENCE):
        sentences[node].add(ev.value)
    for tenure, post in read.pairs(POST):
        sentences[post.value] |= sentences.get(tenure, set())
    reports: dict[str, str] = {}
    out = {}
    for node in cls_of:
        found = set()
        for ev in sentences.get(node, ()):
            parts = read.values(ev, PART_OF)
            report = parts[0] if parts else ""
            if report and report not in reports:
                reports[report] = (read.values(report, IDENTIFIER) or [report])[0]
            start = read.values(ev, START)
            for text in read.values(ev, TEXT):
                found.add((reports.get(report, ""), int(start[0]) if start else 0, text))
        if found:
            out[node] = tuple(sorted(found))
    return out


def _edges(read: _Reader, cls_of: dict[str, NodeClass], style: Style) -> dict[tuple[str, str], list[str]]:
    """(from, to) → the labels of the relations between them, narrower relations replacing broader."""
    found: dict[tuple[str, str], list[Relation]] = defaultdict(list)
    for rel in style.relations:
        for s, o in read.pairs(rel.property):
            if s in cls_of and o.value in cls_of:
                found[(o.value, s) if rel.reverse else (s, o.value)].append(rel)
    labels: dict[tuple[str, str], list[str]] = {}
    for edge, rels in found.items():
        narrowed = {r.narrows for r in rels}
        labels[edge] = [r.label for r in rels if r.property not in narrowed]
    former = {t for t, flag in read.pairs(FORMER) if flag.value == "true"}
    members = dict(read.pairs(MEMBER))
    for tenure, post in read.pairs(POST):
        person = members.get(tenure)
        if tenure in former and person is not None and person.value in cls_of and post.value in cls_of:
            labels.setdefault((person.value, post.value), []).append(style.former_tenure)
    return labels


def load(path: str | Path | None = None, store_dir: str | Path | None = None, lang: str = "vi") -> nx.DiGraph:
    """The network of a build file or a store, its nodes named in `lang` (LANGUAGES) where the graph can."""
    return network_graph(open_graph(path, store_dir), STYLES[lang])


def _names(graph: nx.DiGraph, node: str) -> list[str]:
    return [fold(squash(n)) for n in (graph.nodes[node]["label"], *graph.nodes[node]["alt_labels"])]


def find(graph: nx.DiGraph, name: str) -> list[str]:
    """Nodes named `name` (label or other name, ignoring accents and case); failing that,
    the one node whose name contains it."""
    wanted = fold(squash(name))
    if not wanted:
        raise GraphInputError("--focus: give a name")
    exact = [n for n in graph if wanted in _names(graph, n)]
    if exact:
        return exact
    partial = [n for n in graph if any(wanted in x for x in _names(graph, n))]
    if not partial:
        raise GraphInputError(f"--focus {name!r}: no official, body, post, directive, event, award or report has that name")
    if len(partial) > 1:
        listed = "; ".join(graph.nodes[n]["label"] for n in partial[:10])
        more = f" and {len(partial) - 10} more" if len(partial) > 10 else ""
        raise GraphInputError(f"--focus {name!r} matches {len(partial)} nodes ({listed}{more}); give a full name")
    return partial


def neighbourhood(graph: nx.DiGraph, centres: list[str], depth: int) -> nx.DiGraph:
    """The nodes within `depth` edges (either direction) of any centre."""
    undirected = graph.to_undirected(as_view=True)
    keep: set[str] = set()
    for centre in centres:
        keep |= set(nx.single_source_shortest_path_length(undirected, centre, cutoff=depth))
    return graph.subgraph(keep).copy()


def most_connected(graph: nx.DiGraph, limit: int, keep: list[str] = ()) -> nx.DiGraph:
    """At most `limit` nodes: those in `keep`, then the highest degrees (ties by label)."""
    if len(graph) <= limit:
        return graph
    ranked = sorted(graph, key=lambda n: (n not in keep, -graph.degree(n), graph.nodes[n]["label"], n))
    return graph.subgraph(ranked[:limit]).copy()
