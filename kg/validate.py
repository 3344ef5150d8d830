"""Check a built graph against the SHACL shapes that ship with kg (ontology/shapes.ttl)."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph
from rdflib.namespace import SH

from .graphfile import open_graph

SHAPES = resources.files(__package__) / "ontology" / "shapes.ttl"


def shapes_graph(path: str | Path | None = None) -> Graph:
    """The shipped shapes, or those of a Turtle file."""
    if path is None:
        return Graph().parse(data=SHAPES.read_text(encoding="utf-8"), format="turtle")
    return load(path)


def load(path: str | Path) -> Graph:
    """Any build file as one graph (the union of its named graphs); UnreadableGraph if it cannot be read."""
    triples = ox.serialize((quad.triple for quad in open_graph(path)), format=ox.RdfFormat.N_TRIPLES)
    return Graph().parse(data=triples.decode("utf-8"), format="nt")


def validate(data: Graph, shapes: Graph) -> tuple[bool, str]:
    """(conforms, a readable report). Warnings are listed but do not fail."""
    from pyshacl import validate as shacl

    _, results, _ = shacl(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    lines = []
    violations = 0
    for result in results.subjects(SH.resultSeverity, None):
        severity = str(results.value(result, SH.resultSeverity)).rsplit("#", 1)[-1]
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        message = results.value(result, SH.resultMessage)
        violations += severity == "Violation"
        lines.append(f"{severity}: {focus}" + (f" ({path})" if path else "") + f": {message}")
    lines.sort()
    verdict = "conforms" if violations == 0 else f"{violations} violation(s)"
    return violations == 0, "\n".join([*lines, verdict])


def validate_file(path: str | Path, shapes_path: str | Path | None = None) -> tuple[bool, str]:
    return validate(load(path), shapes_graph(shapes_path))
