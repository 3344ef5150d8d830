"""`kg stats`: a network's counts per class, its most central officials and bodies, and its communities."""
from __future__ import annotations

import argparse
import os
import sys

import networkx as nx

from .network import GraphInputError, load

# Exact betweenness takes 1 s for 1,000 nodes and 8 s for 2,000 here; above that it is estimated from
# sampled sources (13 s for 13,800 nodes from 200 sources, with the same top five as from 500).
EXACT_BETWEENNESS_LIMIT = 2000
SAMPLED_SOURCES = 200
SEED = 0


def betweenness(graph: nx.Graph) -> dict[str, float]:
    """Normalised betweenness on the undirected graph; sampled (with a fixed seed) on big graphs."""
    if len(graph) <= EXACT_BETWEENNESS_LIMIT:
        return nx.betweenness_centrality(graph)
    return nx.betweenness_centrality(graph, k=SAMPLED_SOURCES, seed=SEED)


def communities(graph: nx.Graph) -> list[list[str]]:
    """Louvain communities (fixed seed), biggest first, each by degree then label."""
    found = nx.community.louvain_communities(graph, seed=SEED)

    def order(n):
        return -graph.degree(n), graph.nodes[n]["label"], n

    members = [sorted(c, key=order) for c in found]
    return sorted(members, key=lambda c: (-len(c), order(c[0])))


def summary(network: nx.DiGraph, top: int = 10) -> list[str]:
    """The lines `kg stats` prints."""
    graph = network.to_undirected()
    parts = nx.number_connected_components(graph) if len(graph) else 0
    lines = [f"{len(graph)} nodes, {network.number_of_edges()} edges, {parts} connected parts", ""]
    classes = network.graph["style"].classes
    named = {c.name: c.label if c.label == c.name else f"{c.label} ({c.name})" for c in classes}
    width = max(map(len, named.values()))
    for cls in classes:
        count = sum(1 for _, c in graph.nodes(data="cls") if c == cls.name)
        lines.append(f"{named[cls.name]:<{width}}  {count:>6}")
    between = betweenness(graph)
    sampled = "" if len(graph) <= EXACT_BETWEENNESS_LIMIT else f" (betweenness from {SAMPLED_SOURCES} sampled sources)"
    for name, heading in (("Official", "officials"), ("Body", "bodies")):
        ranked = sorted((n for n, c in graph.nodes(data="cls") if c == name),
                        key=lambda n: (-between[n], -graph.degree(n), graph.nodes[n]["label"]))[:top]
        lines += ["", f"Most central {heading}{sampled}:", "  degree  betweenness  name"]
        lines += [f"  {graph.degree(n):>6}  {between[n]:>11.4f}  {graph.nodes[n]['label']}" for n in ranked]
    found = communities(graph)
    groups = [c for c in found if len(c) > 1]
    lines += ["", f"Communities (Louvain, seed {SEED}): {len(groups)}, and {len(found) - len(groups)} single nodes"]
    for i, members in enumerate(groups[:top], 1):
        names = ", ".join(graph.nodes[n]["label"] for n in members[:5])
        more = f", … {len(members) - 5} more" if len(members) > 5 else ""
        lines.append(f"{i:>3}. {len(members)} nodes: {names}{more}")
    if len(groups) > top:
        lines.append(f"     … {len(groups) - top} smaller communities")
    return lines


def run(args: argparse.Namespace) -> None:
    """`kg stats GRAPH [--top N] [--lang en]`."""
    if args.top < 1:
        raise GraphInputError("--top must be 1 or more")
    text = "\n".join(summary(load(args.graph, args.store, args.lang), args.top)) + "\n"
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # `kg stats … | head`: the reader has gone, which is fine
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
