"""Serialise a dataset to a file, deterministically and atomically."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from rdflib import Dataset, Graph

from .rdf import PREFIXES, bind

FORMATS = {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld"}


def format_for(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"{path}: unknown output format (use one of {', '.join(FORMATS)})")
    return FORMATS[suffix]


def _graph(triples) -> Graph:
    """A graph of these triples that knows only the project's prefixes."""
    g = Graph(bind_namespaces="none")
    bind(g)
    for triple in triples:
        g.add(triple)
    return g


def union(ds: Dataset) -> Graph:
    """Every graph's triples in one graph."""
    return _graph((s, p, o) for s, p, o, _ in ds.quads((None, None, None, None)))


def serialise(ds: Dataset, fmt: str) -> bytes:
    """The dataset as bytes; the same dataset always gives the same bytes."""
    if fmt in ("nquads", "nt"):
        data = (ds if fmt == "nquads" else union(ds)).serialize(format=fmt, encoding="utf-8")
        lines = sorted(set(data.decode("utf-8").splitlines()) - {""})
        return ("\n".join(lines) + "\n").encode("utf-8")
    if fmt == "json-ld":
        doc = json.loads(union(ds).serialize(format="json-ld", encoding="utf-8"))
        items = doc if isinstance(doc, list) else doc.get("@graph", [doc])
        for item in items:
            for key, value in item.items():
                if isinstance(value, list):
                    item[key] = sorted(value, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
        items.sort(key=lambda i: i.get("@id", ""))
        return json.dumps(items, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8") + b"\n"
    if fmt == "trig":
        return _trig(ds)
    return union(ds).serialize(format=fmt, encoding="utf-8")


def _trig(ds: Dataset) -> bytes:
    """TriG with the named graphs in IRI order (rdflib's own order varies)."""
    out = [f"@prefix {prefix}: <{ns}> ." for prefix, ns in sorted(PREFIXES.items())] + [""]
    for graph in sorted(ds.graphs(), key=lambda g: str(g.identifier)):
        if len(graph) == 0:
            continue
        body = [ln for ln in _graph(graph).serialize(format="turtle").splitlines() if not ln.startswith("@prefix") and ln.strip()]
        out += [f"<{graph.identifier}> {{", *("    " + ln for ln in body), "}", ""]
    return "\n".join(out).encode("utf-8")


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: never half a file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write(ds: Dataset, path: str | Path) -> None:
    write_atomic(path, serialise(ds, format_for(path)))
