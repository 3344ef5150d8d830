"""Query results as bytes: an aligned table for a terminal, or the W3C formats.

SELECT: table, csv, tsv (W3C SPARQL 1.1 Query Results CSV and TSV), json (W3C SPARQL 1.1 Query Results JSON).
ASK: true/false, or the W3C JSON boolean. CONSTRUCT/DESCRIBE: Turtle (table, ttl), N-Triples (nt), JSON-LD (json).
"""
from __future__ import annotations

import unicodedata
from typing import BinaryIO

import pyoxigraph as ox

_W3C = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV, "json": ox.QueryResultsFormat.JSON}
_GRAPH = {"table": ox.RdfFormat.TURTLE, "ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
          "json": ox.RdfFormat.JSON_LD}
_NUMERIC = {f"http://www.w3.org/2001/XMLSchema#{t}" for t in ("integer", "decimal", "double", "float", "int", "long")}


def write_result(result, fmt: str, out: BinaryIO, namespaces: dict[str, str], max_width: int = 0) -> None:
    """Writes a pyoxigraph query result; ValueError if `fmt` does not suit the kind of result."""
    if isinstance(result, ox.QuerySolutions):
        if fmt == "table":
            out.write(table(result, namespaces, max_width).encode("utf-8"))
        elif fmt in _W3C:
            data = result.serialize(format=_W3C[fmt])
            out.write(data if data.endswith(b"\n") else data + b"\n")
        else:
            raise ValueError(f"a SELECT query gives a table: --format {fmt} is for CONSTRUCT and DESCRIBE "
                             "(use table, csv, tsv or json)")
    elif isinstance(result, ox.QueryBoolean):
        if fmt == "json":
            out.write(result.serialize(format=ox.QueryResultsFormat.JSON) + b"\n")
        elif fmt in ("table", "csv", "tsv"):
            out.write(b"true\n" if bool(result) else b"false\n")
        else:
            raise ValueError(f"an ASK query gives true or false: use --format table or json, not {fmt}")
    elif fmt in _GRAPH:
        out.write(ox.serialize(result, format=_GRAPH[fmt], prefixes=namespaces if fmt != "json" else None))
    else:
        raise ValueError(f"a CONSTRUCT or DESCRIBE query gives a graph: use --format table or ttl (Turtle), "
                         f"nt (N-Triples) or json (JSON-LD), not {fmt}")


def table(solutions: ox.QuerySolutions, namespaces: dict[str, str], max_width: int = 0) -> str:
    """Rows aligned by display width; cells wider than `max_width` (if > 0) are cut with "…"."""
    columns = list(solutions.variables)
    terms = [[solution[v] for v in columns] for solution in solutions]
    cells = [[fit(cell_text(t, namespaces), max_width) for t in row] for row in terms]
    header = [v.value for v in columns]
    widths = [max([display_width(h)] + [display_width(row[i]) for row in cells]) for i, h in enumerate(header)]
    right = [any(row[i] is not None for row in terms) and all(_numeric(row[i]) for row in terms if row[i] is not None)
             for i in range(len(columns))]

    def line(values: list[str], align: list[bool]) -> str:
        padded = [pad(v, w, r) for v, w, r in zip(values, widths, align)]
        return (" " + " | ".join(padded)).rstrip()

    lines = [line(header, [False] * len(header)), "-" + "-+-".join("-" * w for w in widths) + "-"]
    lines += [line(row, right) for row in cells]
    lines.append(f"({len(cells)} row{'' if len(cells) == 1 else 's'})")
    return "\n".join(lines) + "\n"


def cell_text(term, namespaces: dict[str, str]) -> str:
    """A term as a reader wants it: IRIs with the project's prefixes, literals without quotes or tags."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return compact(term.value, namespaces)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return " ".join(term.value.split())
    return str(term)


def compact(iri: str, namespaces: dict[str, str]) -> str:
    """`https://w3id.org/vnpol/id/person/le-dung` → `id:person/le-dung` (the longest namespace wins)."""
    best = max((ns for ns in namespaces.values() if iri.startswith(ns)), key=len, default=None)
    if best is None:
        return f"<{iri}>"
    prefix = next(p for p, ns in namespaces.items() if ns == best)
    return f"{prefix}:{iri[len(best):]}"


def char_width(ch: str) -> int:
    """Terminal columns of one character: 0 for combining marks and format characters, 2 for wide ones."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str) -> int:
    return sum(char_width(ch) for ch in text)


def fit(text: str, max_width: int) -> str:
    """`text` cut to `max_width` columns with "…"; combining marks stay with their letter."""
    if max_width <= 0 or display_width(text) <= max_width:
        return text
    kept, used = [], 0
    for ch in text:
        w = char_width(ch)
        if w and used + w > max_width - 1:
            break
        kept.append(ch)
        used += w
    return "".join(kept) + "…"


def pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * (width - display_width(text))
    return gap + text if right else text + gap


def _numeric(term) -> bool:
    return isinstance(term, ox.Literal) and term.datatype.value in _NUMERIC
