"""Check a built graph against the SHACL shapes (ontology/shapes.ttl)."""
from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.namespace import SH

from .output import format_for

SHAPES = Path(__file__).resolve().parent.parent / "ontology" / "shapes.ttl"


def shapes_graph(path: str | Path | None = None) -> Graph:
    g = Graph()
    g.parse(path or SHAPES, format="turtle")
    return g


def load(path: str | Path) -> Graph:
    """Any build file as one graph (the union of its named graphs)."""
    ds = Dataset()
    ds.parse(path, format=format_for(path))
    graph = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


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
