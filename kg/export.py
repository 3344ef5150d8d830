"""`kg export`: a network as GraphML or GEXF for Gephi (nodes: label, class; edges: label)."""
from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

import networkx as nx

from .network import GraphInputError, load
from .output import write_atomic
from .text import shown

WRITERS = {"graphml": nx.write_graphml, "gexf": nx.write_gexf}


def plain(network: nx.DiGraph) -> nx.DiGraph:
    """Only the attributes the file formats hold: node label and class, edge label."""
    out = nx.DiGraph()
    out.add_nodes_from((n, {"label": d["label"], "class": d["cls"]}) for n, d in network.nodes(data=True))
    out.add_edges_from((u, v, {"label": d["label"]}) for u, v, d in network.edges(data=True))
    return out


def export(network: nx.DiGraph, path: str | Path, fmt: str) -> None:
    buffer = io.BytesIO()
    WRITERS[fmt](plain(network), buffer)
    write_atomic(path, buffer.getvalue())


def run(args: argparse.Namespace) -> None:
    """`kg export GRAPH -o FILE [--format graphml|gexf] [--lang en]` (the format defaults to FILE's extension)."""
    fmt = args.format or Path(args.output).suffix.lower().lstrip(".")
    if fmt not in WRITERS:
        raise GraphInputError(f"-o {args.output}: say --format graphml or --format gexf (or name the file .graphml/.gexf)")
    network = load(args.graph, args.store, args.lang)
    export(network, args.output, fmt)
    print(shown(f"wrote {args.output}: {len(network)} nodes, {network.number_of_edges()} edges"), file=sys.stderr)
