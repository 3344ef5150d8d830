"""The `kg` command: a thin layer over kg.build and kg.validate."""
from __future__ import annotations

import argparse
import sys

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_NOTHING_BUILT, EXIT_INVALID = 0, 1, 2, 3, 4


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kg", description="Build a knowledge graph from Vietnamese political reports.")
    sub = parser.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="read reports and write a graph",
                       description="Read reports (.txt, .html, .jsonl; folders recursively) and write a graph. "
                                   f"Exit status: {EXIT_OK} all read, {EXIT_SOME_FAILED} some reports failed, "
                                   f"{EXIT_USAGE} bad arguments, {EXIT_NOTHING_BUILT} nothing could be built.")
    b.add_argument("paths", nargs="+", help="report files or folders")
    b.add_argument("-o", "--output", required=True, help="output file: .trig, .nq (one graph per report), .ttl, .nt, .jsonld")
    b.add_argument("--strict", action="store_true", help="write nothing if any report fails")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    b.add_argument("--workers", type=_positive, default=None,
                   help="processes that extract in parallel (default: the number of cores); the output is the same for any N")

    v = sub.add_parser("validate", help="check a built graph against the SHACL shapes",
                       description=f"Validate a graph file against ontology/shapes.ttl. Exit status {EXIT_OK} if it "
                                   f"conforms, {EXIT_INVALID} with the violations listed.")
    v.add_argument("graph", help="a file written by kg build")
    v.add_argument("--shapes", help="another shapes file")

    for name, text in (("viz", "draw the network as one offline HTML page"),
                       ("stats", "counts per class, the most central officials and bodies, communities"),
                       ("export", "write the network as GraphML or GEXF (for Gephi)")):
        n = sub.add_parser(name, help=text, description=f"{text[0].upper()}{text[1:]}. Exit status {EXIT_OK}, "
                                                        f"or {EXIT_USAGE} when the graph or an argument is unusable.")
        n.add_argument("graph", nargs="?", help="a file written by kg build (.trig, .nq, .ttl, .nt, .jsonld)")
        n.add_argument("--store", metavar="DIR", help="an on-disk Oxigraph store instead of a file")
        if name == "viz":
            n.add_argument("-o", "--output", required=True, help="the HTML page to write")
            n.add_argument("--focus", metavar="NAME", help="only this person's or body's neighbourhood (accents optional)")
            n.add_argument("--depth", type=int, help="how many links from --focus (default 1)")
            n.add_argument("--max-nodes", type=_positive, help="keep the N most connected nodes")
        elif name == "stats":
            n.add_argument("--top", type=_positive, default=10, help="how many officials, bodies, communities to list")
        else:
            n.add_argument("-o", "--output", required=True, help="the file to write")
            n.add_argument("--format", choices=("graphml", "gexf"), help="default: from the output's extension")

    args = parser.parse_args(argv)
    if args.command in ("viz", "stats", "export") and (args.graph is None) == (args.store is None):
        parser.error(f"{args.command}: give a graph file or --store DIR (one of them)")
    return {"build": _build, "validate": _validate, "viz": _network, "stats": _network, "export": _network}[args.command](args)


def _positive(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {n}")
    return n


def _build(args: argparse.Namespace) -> int:
    from .build import build, default_workers
    from .output import FileSink

    try:
        sink = FileSink(args.output)
    except (ValueError, OSError) as err:
        print(f"kg build: {err}", file=sys.stderr)
        return EXIT_USAGE

    def progress(files):
        if args.quiet or len(files) <= 5:
            return files
        from tqdm import tqdm

        return tqdm(files, desc="files", unit="file", file=sys.stderr)

    try:
        summary = build(args.paths, [sink], workers=args.workers or default_workers(), progress=progress)
    except BaseException:
        sink.abort()
        raise
    for failure in summary.failures:
        print(f"kg build: skipped {failure.where}: {failure.reason}", file=sys.stderr)
    if summary.reports == 0:
        sink.abort()
        print("kg build: no report could be read; nothing written", file=sys.stderr)
        return EXIT_NOTHING_BUILT
    if args.strict and summary.failures:
        sink.abort()
        print(f"kg build: --strict and {len(summary.failures)} report(s) failed; nothing written", file=sys.stderr)
        return EXIT_SOME_FAILED
    sink.commit()
    if not args.quiet:
        for line in summary.lines():
            print(line, file=sys.stderr)
        print(f"wrote {args.output}", file=sys.stderr)
    return EXIT_SOME_FAILED if summary.failures else EXIT_OK


def _validate(args: argparse.Namespace) -> int:
    from .validate import validate_file

    try:
        conforms, report = validate_file(args.graph, args.shapes)
    except (OSError, ValueError) as err:
        print(f"kg validate: {args.graph}: {err}", file=sys.stderr)
        return EXIT_USAGE
    print(report)
    return EXIT_OK if conforms else EXIT_INVALID


def _network(args: argparse.Namespace) -> int:
    """viz, stats and export: kg.viz, kg.stats and kg.export do the work."""
    from importlib import import_module

    from .network import GraphInputError

    try:
        import_module(f".{args.command}", __package__).run(args)
    except GraphInputError as err:
        print(f"kg {args.command}: {err}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
