"""`kg query`: run a SPARQL query (a shipped query by name, a .rq file or inline text) over a build file or an Oxigraph store.

A query file starts with a header of comment lines (queries/README.md):

    # vi: <the question in Vietnamese>
    # en: <the question in English>
    # param: <name> (<type>) [default=<value>] [-- <description>]
    # row: <what one row means>

Parameters are bound with Oxigraph's variable substitution, never pasted into the query text.
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import os
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from .graphfile import open_graph, union_only
from .rdf import PREFIXES
from .results import cell_text, display_width, write_result
from .text import normalize, squash

TYPES = ("vi", "string", "date", "integer", "iri")
HEADER_KEYS = ("vi", "en", "param", "row")
INLINE = "(query text)"

NAMESPACES = {prefix: str(ns) for prefix, ns in PREFIXES.items()}  # as pyoxigraph takes them
_XSD_DATE = ox.NamedNode(NAMESPACES["xsd"] + "date")
_LABEL, _NAME_EN = ox.NamedNode(NAMESPACES["rdfs"] + "label"), ox.NamedNode(NAMESPACES["skos"] + "prefLabel")

_HEADER_LINE = re.compile(r"#\s*(\w+):\s*(.*)")
_CONTINUATION = re.compile(r"#\s{2,}(\S.*)")
_PARAM = re.compile(r"""(?P<name>[A-Za-z_]\w*)\s*\((?P<type>\w+)\)
                        (?:\s+default=(?P<default>"(?:[^"\\]|\\.)*"|\S+))?
                        (?:\s+--\s*(?P<doc>.*))?\s*""", re.VERBOSE)
# Comments, strings and IRIs are skipped so that a "?x" inside them is not taken for a variable.
_TOKENS = re.compile(r'''\#[^\n]*|"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\'
                         |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\s]*>
                         |[?$](?P<var>[A-Za-z0-9_\u00b7\u00c0-\uffff]+)
                         |(?<![\w:])(?P<graph>[Gg][Rr][Aa][Pp][Hh])(?![\w:])''', re.VERBOSE)
_SYNTAX = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)
_NOT_PROJECTED = re.compile(r"variable \?(\w+) in its SELECT projection")  # Oxigraph's refusal to substitute
_DATE = re.compile(r"\d{4}-\d\d-\d\d")
_INTEGER = re.compile(r"[+-]?\d+")
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|^`\\]+")
_NAME = re.compile(r"[\w.-]+")  # a shipped query's name, with or without .rq; SPARQL text has spaces or braces
SHIPPED = resources.files(__package__) / "queries"  # queries/ of the checkout, package data once installed


class QueryError(Exception):
    """Bad input to `kg query`; the message names the file or argument."""


@dataclass(frozen=True)
class Param:
    name: str
    type: str  # one of TYPES
    default: str | None = None
    doc: str = ""


@dataclass(frozen=True)
class Query:
    text: str
    source: str  # the file it was read from, or INLINE
    params: dict[str, Param] = field(default_factory=dict)
    header: dict[str, str] = field(default_factory=dict)  # "vi", "en", "row"


def shipped() -> dict[str, Query]:
    """The queries that ship with kg, by name (the file's name without .rq)."""
    files = sorted((f for f in SHIPPED.iterdir() if f.name.endswith(".rq")), key=lambda f: f.name)
    return {f.name[:-3]: parse_query(f.read_text(encoding="utf-8"), f.name[:-3]) for f in files}


def describe(name: str, query: Query) -> list[str]:
    """What `kg queries` says of a query: its name, its question in English and Vietnamese, its parameters."""
    lines = [name, f"  {query.header.get('en', '')}", f"  {query.header.get('vi', '')}"]
    for p in query.params.values():
        default = f", default={json.dumps(p.default, ensure_ascii=False)}" if p.default is not None else ""
        lines.append(f"  --param {p.name}=… ({p.type}{default})" + (f": {p.doc}" if p.doc else ""))
    if reads_report_graphs(query):
        lines.append("  needs the report graphs: a .trig or .nq build, or a store")
    return lines


def load_query(arg: str) -> Query:
    """The shipped query `arg` names, the query file it names, or `arg` itself as SPARQL text."""
    path = Path(arg)
    if _NAME.fullmatch(arg) and not _names_a_file(arg):
        queries = shipped()
        if arg.removesuffix(".rq") in queries:
            return queries[arg.removesuffix(".rq")]
        if path.suffix != ".rq":
            raise QueryError(f"no query named {arg!r}: give a .rq file, SPARQL text, or one of {', '.join(queries)} "
                             "(kg queries)")
    if not (path.suffix == ".rq" or _names_a_file(arg)):
        return parse_query(arg, INLINE)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise QueryError(f"{arg}: cannot read the query file ({err.strerror})") from None
    except UnicodeDecodeError:
        raise QueryError(f"{arg}: the query file is not UTF-8") from None
    return parse_query(text, arg)


def _names_a_file(arg: str) -> bool:
    if "{" in arg or "\n" in arg:  # SPARQL text, not a path
        return False
    try:
        return Path(arg).is_file()
    except OSError:  # e.g. a name too long to be a file's
        return False


def parse_query(text: str, source: str = INLINE) -> Query:
    """The query with its header read: the comment lines before the first line of SPARQL."""
    entries: list[list] = []  # [key, value, line number]
    open_entry = False
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line.startswith("#"):
            if line:
                break
            open_entry = False
            continue
        continued, keyed = _CONTINUATION.fullmatch(line), _HEADER_LINE.fullmatch(line)
        if continued and open_entry:
            entries[-1][1] += " " + continued.group(1)
        elif keyed and keyed.group(1) in HEADER_KEYS:
            entries.append([keyed.group(1), keyed.group(2), number])
            open_entry = True
        else:
            open_entry = False
    params: dict[str, Param] = {}
    header: dict[str, str] = {}
    for key, value, number in entries:
        if key != "param":
            header[key] = value.strip()
            continue
        param = _param(value, source, number)
        if param.name in params:
            raise QueryError(f"{source}:{number}: parameter {param.name} is declared twice")
        params[param.name] = param
    return Query(text, source, params, header)


def _param(spec: str, source: str, number: int) -> Param:
    m = _PARAM.fullmatch(spec.strip())
    if not m:
        raise QueryError(f"{source}:{number}: cannot read the parameter line {spec!r} "
                         "(expected: name (type) default=value -- description)")
    name, kind, default = m.group("name"), m.group("type"), m.group("default")
    if kind not in TYPES:
        raise QueryError(f"{source}:{number}: parameter {name}: unknown type {kind!r} (use one of {', '.join(TYPES)})")
    if default is not None:
        if default.startswith('"'):
            default = json.loads(default)
        term(default, kind, f"{source}:{number}: default of {name}")
    return Param(name, kind, default, (m.group("doc") or "").strip())


def variables(text: str) -> set[str]:
    """The names of the variables a query's text mentions."""
    return {m.group("var") for m in _TOKENS.finditer(text) if m.group("var")}


def reads_report_graphs(query: Query) -> bool:
    """Whether the query reaches into named graphs (GRAPH), which the union-only formats do not keep."""
    return any(m.group("graph") for m in _TOKENS.finditer(query.text))


def parse_params(pairs: list[str]) -> dict[str, str]:
    """["name=value", ...] as given on the command line."""
    given: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not name:
            raise QueryError(f"--param expects NAME=VALUE, got {pair!r}")
        if name in given:
            raise QueryError(f"--param {name} is given twice")
        given[name] = value
    return given


def bindings(query: Query, given: dict[str, str]) -> dict[ox.Variable, ox.NamedNode | ox.Literal]:
    """The query's parameters as RDF terms: the declared defaults, overridden by `given` ("" unbinds)."""
    known = variables(query.text)
    for name in given:
        if name not in query.params and name not in known:
            declared = ", ".join(query.params) or "none declared"
            raise QueryError(f"unknown parameter {name!r}: {query.source} has no variable ?{name} "
                             f"(its parameters: {declared})")
    values = {name: p.default for name, p in query.params.items() if p.default is not None} | given
    return {ox.Variable(name): term(value, query.params[name].type if name in query.params else shape(value),
                                    f"--param {name}")
            for name, value in values.items() if value != ""}


def shape(value: str) -> str:
    """The type of a parameter the query does not declare, from the value's shape."""
    if (value.startswith("<") and value.endswith(">")) or _prefixed(value) or re.match(r"(https?|urn):", value):
        return "iri"
    if _DATE.fullmatch(value):
        return "date"
    if _INTEGER.fullmatch(value):
        return "integer"
    return "string" if value.isascii() else "vi"


def _prefixed(value: str) -> str | None:
    """`id:person/x` with one of the project's prefixes, expanded."""
    prefix, sep, local = value.partition(":")
    return NAMESPACES[prefix] + local if sep and prefix in NAMESPACES else None


def term(value: str, kind: str, where: str) -> ox.NamedNode | ox.Literal:
    """`value` as an RDF term of type `kind`; `where` names the argument in errors."""
    if kind == "vi":
        return ox.Literal(normalize(squash(value)), language="vi")
    if kind == "string":
        return ox.Literal(value)
    if kind == "date":
        try:
            if not _DATE.fullmatch(value):
                raise ValueError(value)
            dt.date.fromisoformat(value)
        except ValueError:
            raise QueryError(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from None
        return ox.Literal(value, datatype=_XSD_DATE)
    if kind == "integer":
        if not _INTEGER.fullmatch(value):
            raise QueryError(f"{where}: {value!r} is not an integer")
        return ox.Literal(int(value))
    iri = value[1:-1] if value.startswith("<") and value.endswith(">") else _prefixed(value) or value
    if not _IRI.fullmatch(iri):
        raise QueryError(f"{where}: {value!r} is not an IRI (write <https://…>, or id:… and the project's "
                         "other prefixes)")
    return ox.NamedNode(iri)


def execute(dataset: ox.Store, query: Query, values: dict | None = None):
    """The query's result over the union of the dataset's graphs; GRAPH still reaches each report's graph."""
    try:
        return dataset.query(query.text, use_default_graph_as_union=True, prefixes=NAMESPACES, substitutions=values)
    except SyntaxError as err:
        raise QueryError(syntax_error(query, err)) from None
    except RuntimeError as err:
        unbindable = _NOT_PROJECTED.search(str(err))
        if unbindable:
            declared = ", ".join(query.params) or "none declared"
            raise QueryError(f"{query.source}: parameter {unbindable.group(1)!r} is not a result column of the "
                             f"query, and only those can be bound (its parameters: {declared})") from None
        raise QueryError(f"{query.source}: {err}") from None
    except (OSError, ValueError) as err:
        raise QueryError(f"{query.source}: {err}") from None


def syntax_error(query: Query, err: SyntaxError) -> str:
    """`source:line:column: message`, then the line with a caret under the column."""
    m = _SYNTAX.match(str(err))
    if not m:
        return f"{query.source}: SPARQL syntax error: {err}"
    line, column, message = int(m.group(1)), int(m.group(2)), " ".join(m.group(3).split())
    if len(message) > 200:
        message = message[:199] + "…"
    lines = query.text.splitlines()
    if not 0 < line <= len(lines):
        return f"{query.source}:{line}:{column}: SPARQL syntax error at the end of the query: {message}"
    text = lines[line - 1]
    caret = " " * display_width(text[:column - 1].expandtabs()) + "^"
    return f"{query.source}:{line}:{column}: SPARQL syntax error: {message}\n    {text.expandtabs()}\n    {caret}"


def run(query_arg: str, *, data: str | None, store: str | None, params: list[str], fmt: str, out: BinaryIO,
        max_width: int = 0, lang: str = "vi") -> str | None:
    """`kg query`: the query and its parameters are checked before the data is read; with `lang` "en", the
    answer names things in English (english_names). Returns what to add on stderr: for a SELECT with no rows,
    the parameter values it ran with."""
    query = load_query(query_arg)
    values = bindings(query, parse_params(params))
    if data is not None and union_only(data) and reads_report_graphs(query):
        raise QueryError(f"{query.source} reads each report's own graph: give a .trig or .nq build or a --store "
                         f"(a {Path(data).suffix} build holds only the union of the reports)")
    dataset = open_graph(data, store)
    result = execute(dataset, query, values)
    try:
        rows = write_result(result, fmt, out, NAMESPACES, max_width, english_names(dataset) if lang == "en" else None)
    except BrokenPipeError:  # the reader (`| head`) has stopped: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())
        return None
    except (ValueError, RuntimeError, OSError) as err:
        raise QueryError(f"{query.source}: {err}") from None
    return f"no rows with {ran_with(query, values)}" if rows == 0 else None


def english_names(dataset: ox.Store):
    """A function from a result cell to the same cell in English: a Vietnamese literal that is a node's canonical
    name (rdfs:label @vi) becomes that node's English name (skos:prefLabel @en), where it has one; people, places
    and everything else stay as they are. Should two nodes share the name, the first English name in sort order
    serves."""

    @functools.cache
    def english(name: ox.Literal) -> ox.Literal:
        nodes = {q.subject for q in dataset.quads_for_pattern(None, _LABEL, name, None)}
        names = sorted({q.object.value for node in nodes for q in dataset.quads_for_pattern(node, _NAME_EN, None, None)
                        if isinstance(q.object, ox.Literal) and q.object.language == "en"})
        return ox.Literal(names[0], language="en") if names else name

    return lambda term: english(term) if isinstance(term, ox.Literal) and term.language == "vi" else term


def ran_with(query: Query, values: dict) -> str:
    """The parameters as the query ran: `name="Lê Dũng", to=2022-12-31`, and those left unset."""
    given = [f"{var.value}={_shown(term)}" for var, term in values.items()]
    unset = [name for name in query.params if ox.Variable(name) not in values]
    return ", ".join(given + ([f"unset (every value): {', '.join(unset)}"] if unset else [])) or "no parameters"


def _shown(term) -> str:
    text = cell_text(term, NAMESPACES)
    return json.dumps(text, ensure_ascii=False) if isinstance(term, ox.Literal) and term.language else text
