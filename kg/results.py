"""Query results as bytes: an aligned table for a terminal, or the W3C formats (kg query and kg serve).

SELECT: table, csv, tsv, json, xml (W3C SPARQL 1.1 Query Results CSV and TSV, JSON, XML).
ASK: true/false, or the W3C JSON boolean. CONSTRUCT/DESCRIBE: Turtle (table, ttl), N-Triples (nt), JSON-LD (json).
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Callable
from typing import BinaryIO
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

_XSD_STRING = ox.NamedNode("http://www.w3.org/2001/XMLSchema#string")
_GRAPH = {"table": ox.RdfFormat.TURTLE, "ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
          "json": ox.RdfFormat.JSON_LD}
_SHORT = {"http://www.w3.org/2001/XMLSchema#integer": re.compile(r"[+-]?\d+"),
          "http://www.w3.org/2001/XMLSchema#decimal": re.compile(r"[+-]?\d*\.\d+"),
          "http://www.w3.org/2001/XMLSchema#boolean": re.compile(r"true|false")}
_NUMERIC = {f"http://www.w3.org/2001/XMLSchema#{t}" for t in ("integer", "decimal", "double", "float", "int", "long")}


def write_result(result, fmt: str, out: BinaryIO, namespaces: dict[str, str], max_width: int = 0,
                 relabel: Callable | None = None) -> int | None:
    """Writes a pyoxigraph query result and returns a SELECT's number of rows; ValueError if `fmt` does not suit
    the kind of result. `relabel`: a function each cell of a SELECT's rows goes through (term or None → the same)."""
    if isinstance(result, ox.QuerySolutions):
        variables, rows = [v.value for v in result.variables], list(result)
        if relabel is not None:
            rows = [{v: relabel(row[v]) for v in variables} for row in rows]
        if fmt == "table":
            out.write(table(variables, rows, namespaces, max_width).encode("utf-8"))
        elif fmt in ("csv", "tsv", "json"):
            data = write_rows(fmt, variables, rows)
            out.write(data if data.endswith(b"\n") else data + b"\n")
        else:
            raise ValueError(f"a SELECT query gives a table: --format {fmt} is for CONSTRUCT and DESCRIBE "
                             "(use table, csv, tsv or json)")
        return len(rows)
    if isinstance(result, ox.QueryBoolean):
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
    return None


def _json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": {"subject": _json_term(term.subject), "predicate": _json_term(term.predicate),
                                        "object": _json_term(term.object)}}


def _xml_term(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype != _XSD_STRING:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    return (f"<triple><subject>{_xml_term(term.subject)}</subject><predicate>{_xml_term(term.predicate)}</predicate>"
            f"<object>{_xml_term(term.object)}</object></triple>")


def _csv_value(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value if isinstance(term, (ox.NamedNode, ox.Literal)) else str(term)


def write_rows(fmt: str, variables: list[str], rows: list) -> bytes:
    """SELECT results in one of the four W3C formats."""
    if fmt == "json":
        bindings = [{v: _json_term(row[v]) for v in variables if row[v] is not None} for row in rows]
        return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}},
                          ensure_ascii=False).encode("utf-8")
    if fmt == "xml":
        head = "".join(f"<variable name={quoteattr(v)}/>" for v in variables)
        results = "".join("<result>" + "".join(f"<binding name={quoteattr(v)}>{_xml_term(row[v])}</binding>"
                                               for v in variables if row[v] is not None) + "</result>" for row in rows)
        return (f'<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>{head}</head>'
                f"<results>{results}</results></sparql>").encode()
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(variables)
        writer.writerows([_csv_value(row[v]) for v in variables] for row in rows)
        return out.getvalue().encode("utf-8")
    lines = ["\t".join(f"?{v}" for v in variables)]
    lines += ["\t".join(_tsv_term(row[v]) for v in variables) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _tsv_term(term) -> str:
    """N-Triples form, with numbers and booleans in Turtle's short form (`25`, not `"25"^^xsd:integer`)."""
    if term is None:
        return ""
    if isinstance(term, ox.Literal) and term.datatype.value in _SHORT and _SHORT[term.datatype.value].fullmatch(term.value):
        return term.value
    return str(term)


def table(header: list[str], solutions: list, namespaces: dict[str, str], max_width: int = 0) -> str:
    """Rows aligned by display width; cells wider than `max_width` (if > 0) are cut with "…"."""
    terms = [[solution[v] for v in header] for solution in solutions]
    cells = [[fit(cell_text(t, namespaces), max_width) for t in row] for row in terms]
    widths = [max([display_width(h)] + [display_width(row[i]) for row in cells]) for i, h in enumerate(header)]
    right = [any(row[i] is not None for row in terms) and all(_numeric(row[i]) for row in terms if row[i] is not None)
             for i in range(len(header))]

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
