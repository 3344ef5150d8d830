"""`kg viz`: a network as one self-contained HTML page (pyvis nodes and edges, vis-network inlined)."""
from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

import networkx as nx
import pyvis
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pyvis.network import Network

from .network import STYLE, GraphInputError, Style, find, load, most_connected, neighbourhood
from .output import write_atomic
from .text import fold, shown

# Up to this many nodes the browser lays the network out (vis-network physics, then frozen); headless
# Chromium here takes 1 s for 100 nodes, 2 s for 300, 4 s for 500, 8 s for 800, 13 s for 1,200, with the
# page blocked meanwhile. Above it networkx's spring layout is computed here (0.7 s for 300 nodes, 3 s
# for 500, 8 s for 1,200, 21 s for 3,000, 75 s for 6,000: --max-nodes draws fewer) and the page is drawn at once with physics off.
PHYSICS_LIMIT = 300
MAX_NODES = 2000  # drawn when --max-nodes is not given: past this a page is a hairball and slow to lay out
EVIDENCE_SHOWN = 5  # evidence sentences listed in a node's tooltip
VIS = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
TEMPLATES = Path(__file__).with_name("templates")


def tooltip(data: dict, style: Style = STYLE) -> str:
    """Plain text (vis-network shows a string title as text, never as HTML)."""
    cls = next(c for c in style.classes if c.name == data["cls"])
    words = style.text
    lines = [f"{cls.label}" + (f" — {data['kind']}" if data["kind"] else ""), data["label"]]
    if data["alt_labels"]:
        lines.append(f"{words['other_names']}: " + "; ".join(data["alt_labels"]))
    evidence = data["evidence"]
    if evidence:
        lines.append(f"{words['evidence']} ({len(evidence)}):")
        lines += [f"• [{report}] {text}" for report, _, text in evidence[:EVIDENCE_SHOWN]]
        if len(evidence) > EVIDENCE_SHOWN:
            lines.append(words["more_evidence"].format(n=len(evidence) - EVIDENCE_SHOWN))
    return "\n".join(lines)


def layout(graph: nx.DiGraph) -> dict[str, tuple[float, float]]:
    """Positions in pixels from networkx's spring layout (fixed seed)."""
    scale = 40 * math.sqrt(len(graph))
    pos = nx.spring_layout(graph.to_undirected(), seed=0, scale=scale)
    return {n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in pos.items()}


def options(physics: bool) -> dict:
    return {
        "nodes": {"scaling": {"min": 8, "max": 32, "label": {"enabled": False}},
                  "font": {"size": 13}, "widthConstraint": {"maximum": 200}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "smooth": physics,
                  "font": {"size": 10, "align": "middle", "color": "#555"},
                  "color": {"color": "#b0b0b0", "highlight": "#333333", "hover": "#333333"}},
        "groups": {c.name: {"color": c.color, "shape": c.shape} for c in STYLE.classes},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": not physics},
        "physics": {"enabled": physics, "solver": "forceAtlas2Based", "stabilization": {"iterations": 300}},
        "layout": {"randomSeed": 0, "improvedLayout": physics},
    }


def page(graph: nx.DiGraph, heading: str) -> str:
    """The HTML page: every script and style inline, report text escaped."""
    physics = len(graph) <= PHYSICS_LIMIT
    positions = {} if physics else layout(graph)
    style: Style = graph.graph["style"]
    classes = {c.name: c for c in style.classes}
    net = Network(directed=True)
    for node, data in graph.nodes(data=True):
        cls = classes[data["cls"]]
        where = dict(zip(("x", "y"), positions[node])) if node in positions else {}
        net.add_node(node, label=data["label"], group=cls.name, shape=cls.shape,
                     title=tooltip(data, style), value=graph.degree(node) + 1,
                     search=" | ".join(fold(x) for x in (data["label"], *data["alt_labels"])), **where)
    for u, v, data in graph.edges(data=True):
        net.add_edge(u, v, label=data["label"], title=data["label"])
    nodes, edges, *_ = net.get_network_data()
    legend = [{"name": c.name, "label": c.label, "color": c.color, "symbol": c.symbol,
               "count": sum(1 for _, k in graph.nodes(data="cls") if k == c.name)} for c in style.classes]
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}  # tojson still escapes < > & '
    return env.get_template("network.html").render(
        title=heading, heading=heading,
        counts=style.text["counts"].format(nodes=len(graph), edges=graph.number_of_edges()),
        lang=style.lang, text=style.text, classes=legend,
        data={"nodes": nodes, "edges": edges, "options": options(physics), "found": style.text["found"]},
        vis_js=_asset("vis-network.min.js"), vis_css=_asset("vis-network.css"))


def _asset(name: str) -> Markup:
    return Markup((VIS / name).read_text(encoding="utf-8"))


def write_page(graph: nx.DiGraph, path: str | Path, heading: str) -> None:
    write_atomic(path, page(graph, heading).encode("utf-8"))


def select(graph: nx.DiGraph, focus: str | None, depth: int, max_nodes: int) -> tuple[nx.DiGraph, str, int]:
    """The part of the network to draw, a phrase saying which part it is, and how many nodes
    --max-nodes chose among (0 if it left them all)."""
    if depth < 0:
        raise GraphInputError("--depth must be 0 or more")
    if max_nodes < 1:
        raise GraphInputError("--max-nodes must be 1 or more")
    centres: list[str] = []
    what = ""
    words = graph.graph["style"].text
    if focus is not None:
        centres = find(graph, focus)
        graph = neighbourhood(graph, centres, depth)
        what = words["around"].format(names=", ".join(graph.nodes[c]["label"] for c in centres), depth=depth)
    among = len(graph) if len(graph) > max_nodes else 0
    if among:
        graph = most_connected(graph, max_nodes, centres)
        what += words["most_connected"].format(n=max_nodes)
    return graph, what, among


def run(args: argparse.Namespace) -> None:
    """`kg viz GRAPH -o OUT.html [--focus NAME --depth N] [--max-nodes N] [--lang en]`."""
    if Path(args.output).suffix.lower() not in (".html", ".htm"):
        raise GraphInputError(f"-o {args.output}: the page is HTML; name it .html")
    if args.depth is not None and args.focus is None:
        raise GraphInputError("--depth needs --focus")
    depth = 1 if args.depth is None else args.depth
    graph, what, among = select(load(args.graph, args.store, args.lang), args.focus, depth,
                                args.max_nodes or MAX_NODES)
    source = Path(args.store or args.graph).name
    write_page(graph, args.output, f"vnpol-kg: {source}{what}")
    notes = []
    if among:
        notes.append(f"the {len(graph)} most connected of {among} nodes; --max-nodes N for another number")
    if len(graph) > PHYSICS_LIMIT:
        notes.append(f"over {PHYSICS_LIMIT} nodes: fixed layout, no physics")
    print(shown(f"wrote {args.output}: {len(graph)} nodes, {graph.number_of_edges()} edges"
                + (f" ({'; '.join(notes)})" if notes else "")), file=sys.stderr)
