"""The `kg` command: a thin layer over kg.build, kg.store, kg.query, kg.viz and the rest."""
from __future__ import annotations

import argparse
import os
import sys
from importlib.metadata import version

from .english import LANGUAGES

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_NOTHING_BUILT, EXIT_INVALID = 0, 1, 2, 3, 4
NAMES_IN = ("name bodies, posts, roles, types, directives, events and awards in Vietnamese (vi, the default) or "
            "English (en: their English names, the Vietnamese where there is none; people and places keep theirs)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kg", description="Build a knowledge graph from Vietnamese political reports.")
    parser.add_argument("--version", action="version", version=f"kg {version('vnpol-kg')}")
    sub = parser.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="read reports and write a graph",
                       description="Read reports (.txt, .html, .jsonl; folders recursively) and write a graph. "
                                   f"Exit status: {EXIT_OK} all read, {EXIT_SOME_FAILED} some reports failed, "
                                   f"{EXIT_USAGE} bad arguments, {EXIT_NOTHING_BUILT} nothing could be built.")
    b.add_argument("paths", nargs="+", help="report files or folders")
    b.add_argument("-o", "--output", help="output file: .trig, .nq (one graph per report), .ttl, .nt, .jsonld")
    b.add_argument("--strict", action="store_true", help="write nothing if any report fails")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    b.add_argument("--workers", type=_positive, default=None,
                   help="processes that extract in parallel (default: the number of cores); the output is the same for any N")
    b.add_argument("--store", metavar="DIR", help="an on-disk SPARQL store (Oxigraph) to keep up to date: reports it "
                                                  "holds unchanged are skipped, changed ones replaced (with -o or alone)")
    b.add_argument("--dask", metavar="ADDRESS", help="extract on a Dask cluster: its scheduler's address, "
                                                     "or 'local' to start one here with --workers processes")
    b.add_argument("--shard-dir", metavar="DIR", help="with --dask: where workers write their N-Quads shards, a folder "
                                                      "they and this machine share (default: in the store, or beside -o)")

    v = sub.add_parser("validate", help="check a built graph against the SHACL shapes",
                       description="Validate a graph file against the shapes kg ships (ontology/shapes.ttl). Exit "
                                   f"status {EXIT_OK} if it conforms, {EXIT_INVALID} with the violations listed, "
                                   f"{EXIT_USAGE} if the graph or the shapes cannot be read.")
    v.add_argument("graph", help="a file written by kg build (.trig, .nq, .ttl, .nt, .jsonld)")
    v.add_argument("--shapes", help="another shapes file (Turtle)")

    for name, text in (("viz", "draw the network as one offline HTML page"),
                       ("stats", "counts per class, the most central officials and bodies, communities"),
                       ("export", "write the network as GraphML or GEXF (for Gephi)")):
        n = sub.add_parser(name, help=text, description=f"{text[0].upper()}{text[1:]}. Exit status {EXIT_OK}, "
                                                        f"or {EXIT_USAGE} when the graph or an argument is unusable.")
        n.add_argument("graph", nargs="?", help="a file written by kg build (.trig, .nq, .ttl, .nt, .jsonld)")
        n.add_argument("--store", metavar="DIR", help="an on-disk Oxigraph store instead of a file")
        n.add_argument("--lang", choices=LANGUAGES, default="vi", help=NAMES_IN)
        if name == "viz":
            n.add_argument("-o", "--output", required=True, help="the HTML page to write")
            n.add_argument("--focus", metavar="NAME", help="only this person's or body's neighbourhood (accents optional)")
            n.add_argument("--depth", type=int, help="how many links from --focus (default 1)")
            n.add_argument("--max-nodes", type=_positive, help="keep the N most connected nodes (default 2000)")
        elif name == "stats":
            n.add_argument("--top", type=_positive, default=10, help="how many officials, bodies, communities to list")
        else:
            n.add_argument("-o", "--output", required=True, help="the file to write")
            n.add_argument("--format", choices=("graphml", "gexf"), help="default: from the output's extension")

    t = sub.add_parser("table", help="who holds what, the events or the directives, as a spreadsheet (.csv, .xlsx)",
                       description="Write a table of a build or a store: officials or posts (one row per person and "
                                   "post: role, body, province, current or former, first and last report dates, the "
                                   "reports), events or directives. CSV is UTF-8 with a byte order mark, which Excel "
                                   f"and LibreOffice read as such. Exit status {EXIT_OK}, or {EXIT_USAGE} when the "
                                   "graph or an argument is unusable.")
    t.add_argument("table", choices=("officials", "posts", "events", "directives"), help="which table")
    t.add_argument("graph", nargs="?", help="a file written by kg build (.trig, .nq, .ttl, .nt, .jsonld)")
    t.add_argument("--store", metavar="DIR", help="an on-disk Oxigraph store instead of a file")
    t.add_argument("-o", "--output", required=True, help="the file to write: .csv or .xlsx")
    t.add_argument("--lang", choices=LANGUAGES, default="vi", help=NAMES_IN)

    r = sub.add_parser("remove", help="drop reports from a store",
                       description="Drop reports from a store: their graphs, and the gazetteer lines no other report "
                                   f"gives. Exit status {EXIT_OK}, or {EXIT_USAGE} if an ID is unknown (then nothing "
                                   "is removed) or the store cannot be used.")
    r.add_argument("ids", nargs="+", metavar="ID", help="a report's identifier (000_x.txt, a record's id) or stem")
    r.add_argument("--store", metavar="DIR", required=True, help="a store written by kg build --store")
    d = sub.add_parser("dump", help="write a store out to a file",
                       description="Write a store's report graphs (in IRI order) and gazetteer graph to a file, as "
                                   f"kg build -o would. Exit status {EXIT_OK}, or {EXIT_USAGE} if the store or the "
                                   "output cannot be used.")
    d.add_argument("--store", metavar="DIR", required=True, help="a store written by kg build --store")
    d.add_argument("-o", "--output", required=True, help="output file: .trig, .nq (one graph per report), .ttl, .nt, .jsonld")
    d.add_argument("-q", "--quiet", action="store_true", help="no summary")
    s = sub.add_parser("serve", help="answer SPARQL queries over HTTP (SPARQL 1.1 Protocol)",
                       description="Serve a store at http://HOST:PORT/sparql: the SPARQL 1.1 Protocol, the union of "
                                   "the report graphs as the default graph, read-only unless --allow-update. "
                                   f"Runs until interrupted. Exit status {EXIT_OK}, or {EXIT_USAGE} if the store or "
                                   "the port cannot be used.")
    s.add_argument("--store", metavar="DIR", required=True, help="a store written by kg build --store")
    s.add_argument("--port", type=int, default=7878, help="TCP port (default 7878; 0: any free port)")
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    s.add_argument("--allow-update", action="store_true", help="accept SPARQL updates, which change the store")
    s.add_argument("--allow-service", action="store_true",
                   help="let SERVICE and LOAD fetch from other addresses (refused by default: the server connects "
                        "nowhere)")
    s.add_argument("--timeout", type=float, default=30.0, help="seconds a query may run (default 30)")
    s.add_argument("--max-rows", type=_positive, default=10_000,
                   help="rows (or triples) a result may have; longer ones are cut (default 10000)")
    s.add_argument("--workers", type=_positive, default=2,
                   help="queries answered at once (default 2; with --allow-update, 1)")
    s.add_argument("--max-memory", type=_positive, metavar="MIB",
                   help="memory one query may use, in MiB; a query that needs more is stopped (default: the "
                        "workers together, half of this machine's memory)")
    q = sub.add_parser("query", help="run a SPARQL query (a shipped one by name, a .rq file or text) over a build "
                                     "or a store",
                       description="Run a SPARQL query over the union of the report graphs (GRAPH ?report reaches "
                                   "each report's own graph, in a .trig or .nq build or a store). Parameters are the "
                                   "query's variables, bound to typed values (queries/README.md); an empty answer "
                                   f"says on stderr which values it used. Exit status {EXIT_OK}, or {EXIT_USAGE} for "
                                   "a bad query, parameter, file or store.")
    q.add_argument("query", help="a shipped query's name (kg queries lists them), a .rq file or SPARQL text")
    source = q.add_mutually_exclusive_group(required=True)
    source.add_argument("--data", metavar="FILE", help="a file written by kg build: .trig, .nq, .ttl, .nt, .jsonld")
    source.add_argument("--store", metavar="DIR", help="a store written by kg build --store (opened read-only)")
    q.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                   help="bind the query's variable NAME (repeatable; NAME= leaves a default unbound)")
    q.add_argument("--format", default="table", choices=("table", "csv", "tsv", "json", "ttl", "nt"),
                   help="table (default), or W3C SPARQL results csv, tsv, json; ttl or nt for CONSTRUCT/DESCRIBE")
    q.add_argument("--max-width", type=int, default=60, metavar="N",
                   help="table: cut cells wider than N columns (default 60; 0: never)")
    q.add_argument("--lang", choices=LANGUAGES, default="vi",
                   help="the answer's names: as the query gives them (vi, the default), or en: a canonical name of a "
                        "body, post, role, type, directive, event or award is given in English (its skos:prefLabel "
                        "@en); people, places and other text stay as they are")

    qs = sub.add_parser("queries", help="list the queries kg ships, with their questions and parameters",
                        description="List the shipped queries (kg query NAME runs one), or print one's SPARQL.")
    qs.add_argument("name", nargs="?", help="print this query's text")

    args = parser.parse_args(argv)
    if args.command == "build" and not (args.output or args.store):
        parser.error("build: give -o FILE, --store DIR, or both")
    if args.command in ("viz", "stats", "export", "table") and (args.graph is None) == (args.store is None):
        parser.error(f"{args.command}: give a graph file or --store DIR (one of them)")
    return {"build": _build, "validate": _validate, "viz": _network, "stats": _network, "export": _network,
            "remove": _remove, "dump": _dump, "serve": _serve, "query": _query, "queries": _queries,
            "table": _table}[args.command](args)


def _say(message: str) -> None:
    """A message on stderr, each line with what a terminal would act on (ESC, bidi marks) escaped.

    Names read from folders may hold newlines too: give them through kg.text.shown first."""
    from .text import shown

    print("\n".join(map(shown, message.split("\n"))), file=sys.stderr)


def _positive(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {n}")
    return n


def _build(args: argparse.Namespace) -> int:
    from .build import build, default_workers
    from .distributed import ClusterError, build_on_cluster
    from .output import FileSink
    from .store import StoreError, StoreSink
    from .text import shown

    sinks: list = []
    try:
        if args.output:
            sinks.append(FileSink(args.output))
        if args.store:
            sinks.append(store := StoreSink(args.store, strict=args.strict))
    except (ValueError, OSError, StoreError) as err:
        _abort(sinks)
        _say(f"kg build: {err}")
        return EXIT_USAGE
    # The store skips the reports it holds unchanged; with -o as well, every report is extracted for the file.
    skip = (store.note if args.output else store.check) if args.store else None

    def progress(files):
        if args.quiet or len(files) <= 5 or not sys.stderr.isatty():  # a bar for a person, not in a log
            return files
        from tqdm import tqdm

        return tqdm(files, desc="files", unit="file", file=sys.stderr)

    workers = args.workers or default_workers()
    try:
        if args.dask:
            summary = build_on_cluster(args.paths, sinks, args.dask, workers=workers, shard_dir=args.shard_dir,
                                       skip=skip, progress=progress)
        else:
            summary = build(args.paths, sinks, workers=workers, skip=skip, progress=progress)
    except ClusterError as err:
        _abort(sinks)
        _say(f"kg build: {err}")
        return EXIT_USAGE
    except BaseException:
        _abort(sinks)
        raise
    for failure in summary.failures:
        _say(f"kg build: skipped {shown(failure.where)}: {shown(failure.reason)}")
    if summary.reports == 0 and summary.unchanged == 0:
        _abort(sinks)
        _say("kg build: no report could be read; nothing written")
        return EXIT_NOTHING_BUILT
    if args.strict and summary.failures:
        _abort(sinks)
        _say(f"kg build: --strict and {len(summary.failures)} report(s) failed; nothing written")
        return EXIT_SOME_FAILED
    for sink in sinks:
        sink.commit()
    if args.store and store.interrupted:
        _say(f"kg build: {args.store}: {len(store.interrupted)} report(s) cut short by an earlier crash and not "
             f"among these inputs (rebuild or remove them): {shown(', '.join(store.interrupted))}")
    if not args.quiet:
        for line in summary.lines():
            _say(line)
        if args.output:
            _say(f"wrote {args.output}")
        if args.store:
            _say(f"wrote {args.store}: {store.written} report(s) written, "
                 f"{summary.unchanged + store.unchanged} unchanged")
    return EXIT_SOME_FAILED if summary.failures else EXIT_OK


def _refused(command: str, err: object) -> int:
    """Say on one line why `kg command` cannot go on; the usage exit status."""
    _say(f"kg {command}: {err}")
    return EXIT_USAGE


def _abort(sinks: list) -> None:
    for sink in sinks:
        sink.abort()


def _remove(args: argparse.Namespace) -> int:
    from .store import StoreError, remove

    try:
        graphs = remove(args.store, args.ids)
    except StoreError as err:
        return _refused("remove", err)
    _say(f"removed {len(graphs)} report(s) from {args.store}")
    return EXIT_OK


def _dump(args: argparse.Namespace) -> int:
    from .store import StoreError, dump

    try:
        reports = dump(args.store, args.output)
    except (StoreError, ValueError, OSError) as err:
        return _refused("dump", err)
    if not args.quiet:
        _say(f"wrote {args.output}: {reports} report(s)")
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    from .serve import ServeError, serve

    try:
        serve(args.store, host=args.host, port=args.port, allow_update=args.allow_update,
              allow_service=args.allow_service, timeout=args.timeout, max_rows=args.max_rows, workers=args.workers,
              max_memory=args.max_memory << 20 if args.max_memory else None)
    except ServeError as err:
        return _refused("serve", err)
    return EXIT_OK


def _validate(args: argparse.Namespace) -> int:
    from .graphfile import UnreadableGraph
    from .validate import validate_file

    try:
        conforms, report = validate_file(args.graph, args.shapes)
    except UnreadableGraph as err:
        return _refused("validate", err)
    print(report)
    return EXIT_OK if conforms else EXIT_INVALID


def _network(args: argparse.Namespace) -> int:
    """viz, stats and export: kg.viz, kg.stats and kg.export do the work."""
    from importlib import import_module

    from .graphfile import UnreadableGraph
    from .network import GraphInputError

    try:
        import_module(f".{args.command}", __package__).run(args)
    except (GraphInputError, UnreadableGraph) as err:
        return _refused(args.command, err)
    return EXIT_OK


def _table(args: argparse.Namespace) -> int:
    from .graphfile import UnreadableGraph
    from .table import TableError, run

    try:
        rows = run(args)
    except (TableError, UnreadableGraph) as err:
        return _refused("table", err)
    print(f"wrote {args.output}: {rows} row(s)", file=sys.stderr)
    return EXIT_OK


def _query(args: argparse.Namespace) -> int:
    from .graphfile import UnreadableGraph
    from .query import QueryError, run

    try:
        note = run(args.query, data=args.data, store=args.store, params=args.param, fmt=args.format,
                   out=sys.stdout.buffer, max_width=args.max_width, lang=args.lang)
    except (QueryError, UnreadableGraph) as err:
        return _refused("query", err)
    if note:
        sys.stdout.flush()
        print(f"kg query: {note}", file=sys.stderr)
    return EXIT_OK


def _queries(args: argparse.Namespace) -> int:
    from .query import describe, shipped

    queries = shipped()
    if args.name:
        name = args.name.removesuffix(".rq")
        if name not in queries:
            return _refused("queries", f"no query named {args.name!r} (the queries: {', '.join(queries)})")
        text = queries[name].text
    else:
        text = "\n\n".join("\n".join(describe(name, query)) for name, query in queries.items()) + "\n"
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # `kg queries | head`: the reader has gone, which is fine
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
