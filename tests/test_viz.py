"""kg viz, kg stats, kg export on the examples build: the network, the offline page, the numbers, the files."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

from kg import viz
from kg.cli import EXIT_OK, EXIT_USAGE, main
from kg.export import plain
from kg.network import STYLE, STYLES, iri, load

ROOT = Path(__file__).resolve().parent.parent
EVIL = "<script>alert(1)</script>"
TRAM = "https://w3id.org/vnpol/id/person/luu-thi-ngoc-tram"


@pytest.fixture(scope="module")
def network(examples_build):
    return load(examples_build[0])


class Tags(HTMLParser):
    """Every tag with its attributes, and the text of the style elements."""

    def __init__(self):
        super().__init__()
        self.seen: list[tuple[str, list]] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.seen.append((tag, attrs))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)


def page_data(html: str) -> dict:
    """The nodes, edges and options the page hands to vis-network."""
    return json.loads(re.search(r"^  var data = (\{.*\});$", html, re.MULTILINE).group(1))


def labels(graph: nx.DiGraph) -> set[str]:
    return {d["label"] for _, d in graph.nodes(data=True)}


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


# --- the network -----------------------------------------------------------------------------------------

def test_one_node_per_official_body_post_directive_event_award_and_report(network, examples_build):
    _, _, summary = examples_build
    counts = {name: sum(1 for _, c in network.nodes(data="cls") if c == name) for name in
              ("Official", "Body", "Post", "Directive", "Event", "Award", "Report")}
    assert counts == {"Official": summary.counts["officials"], "Body": summary.counts["bodies"],
                      "Post": summary.counts["posts"], "Directive": summary.counts["directives"],
                      "Event": summary.counts["events"], "Award": summary.counts["awards"], "Report": summary.reports}


def test_edges_follow_the_triples(network, examples_build):
    _, ds, _ = examples_build

    def pairs(query: str) -> set[tuple[str, str]]:
        return {(str(a), str(b)) for a, b in ds.query(query)}

    prefixes = "PREFIX org: <http://www.w3.org/ns/org#> PREFIX vnpol: <https://w3id.org/vnpol/ontology#> "
    holds = pairs(prefixes + "SELECT DISTINCT ?p ?post WHERE { GRAPH ?g { ?p org:holds ?post } }")
    issued = pairs(prefixes + "SELECT DISTINCT ?by ?d WHERE { GRAPH ?g { ?d vnpol:issuedBy ?by } }")
    by_label = {}
    for u, v, d in network.edges(data=True):
        for part in d["label"].split(", "):
            by_label.setdefault(part, set()).add((u, v))
    assert by_label["giữ chức"] == holds and len(holds) == 26
    assert by_label["ban hành"] == issued and len(issued) == 13
    assert len(by_label["từng giữ chức"]) == 1


def test_a_person_and_what_the_hover_shows(network):
    node = network.nodes[TRAM]
    assert (node["label"], node["cls"]) == ("Lưu Thị Ngọc Trâm", "Official")
    around = {(network.nodes[v]["label"], d["label"]) for _, v, d in network.out_edges(TRAM, data=True)}
    assert around == {("Họp mặt 14/10/2020 (Ban Dân vận Tỉnh ủy Ninh Thuận)", "phát biểu, tham dự"),
                      ("Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Ninh Thuận", "giữ chức"),
                      ("Trưởng Ban Dân vận Tỉnh ủy Ninh Thuận", "giữ chức"),
                      ("Ủy viên Ban Thường vụ Tỉnh ủy Ninh Thuận", "giữ chức")}
    # every sentence naming her: the guest list, a caption, a quote, and a back-reference by title alone
    assert [(report, start) for report, start, _ in node["evidence"]] == [
        ("ninh-thuan-hop-mat.txt", 504), ("ninh-thuan-hop-mat.txt", 2173), ("ninh-thuan-hop-mat.txt", 2233),
        ("ninh-thuan-hop-mat.txt", 2832)]
    assert node["evidence"][0][2].startswith("Đến dự buổi Họp mặt có đồng chí Lưu Thị Ngọc Trâm, Ủy viên Ban Thường vụ")
    assert node["evidence"][3][2].startswith("Đồng chí Trưởng Ban Dân vận Tỉnh ủy nhấn mạnh")
    tip = viz.tooltip(node).splitlines()
    assert tip[:3] == ["Cán bộ", "Lưu Thị Ngọc Trâm", "Bằng chứng (4):"]
    assert tip[3].startswith("• [ninh-thuan-hop-mat.txt] Đến dự buổi Họp mặt")


def test_a_body_shows_its_kind_and_other_names(network):
    kinds = {d["kind"] for _, d in network.nodes(data=True) if d["cls"] == "Body"}
    assert kinds <= set(STYLE.classes[1].kinds.values()) and "Tổ chức đảng" in kinds
    with_alt = [d for _, d in network.nodes(data=True) if d["alt_labels"]]
    assert with_alt and all(d["label"] not in d["alt_labels"] for d in with_alt)
    tip = viz.tooltip(with_alt[0])
    assert "Tên khác: " + "; ".join(with_alt[0]["alt_labels"]) in tip


def test_a_narrower_part_replaces_took_part(network, examples_build):
    _, ds, _ = examples_build
    chaired = [(u, v, d["label"]) for u, v, d in network.edges(data=True) if "chủ trì" in d["label"]]
    assert [label for *_, label in chaired] == ["chủ trì, phát biểu", "chủ trì, phát biểu"]
    for person, event, _ in chaired:  # vnpol:participant is stated too, but the edge says the narrower part
        assert list(ds.quads((URIRef(event), URIRef(iri("vnpol:participant")), URIRef(person), None)))


def test_class_labels_are_the_ontologys():
    onto = Graph().parse(ROOT / "ontology" / "vnpol.ttl")
    for lang, style in STYLES.items():
        for cls in style.classes:
            assert Literal(cls.label, lang=lang) in set(onto.objects(URIRef(cls.type), RDFS.label)), cls.name
            assert cls.kinds.keys() == STYLE.classes[style.classes.index(cls)].kinds.keys()
            for kind, label in cls.kinds.items():
                assert Literal(label, lang=lang) in set(onto.objects(URIRef(kind), RDFS.label)), kind


def test_every_format_and_a_store_give_the_same_network(network, examples_build, tmp_path):
    def snapshot(graph):
        return sorted(graph.nodes(data=True)), sorted(graph.edges(data=True))

    for suffix in (".nq", ".ttl", ".nt", ".jsonld"):
        out = tmp_path / f"examples{suffix}"
        assert main(["build", "-q", str(ROOT / "examples" / "reports"), "-o", str(out)]) == EXIT_OK
        assert snapshot(load(out)) == snapshot(network), suffix
    assert main(["build", "-q", str(ROOT / "examples" / "reports"), "--store", str(tmp_path / "store")]) == EXIT_OK
    assert snapshot(load(store_dir=tmp_path / "store")) == snapshot(network)


def test_english_names_beside_the_vietnamese_change_nothing_drawn(network, examples_build, tmp_path):
    store = ox.Store()
    store.load(path=str(examples_build[0]), format=ox.RdfFormat.TRIG)
    english = []
    for prop in ("http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#altLabel"):
        english += [ox.Quad(q.subject, q.predicate, ox.Literal(f"A {q.object.value}", language="en"), q.graph_name)
                    for q in store.quads_for_pattern(None, ox.NamedNode(prop), None)]
    store.extend(english)
    both = tmp_path / "both.nq"
    store.dump(str(both), format=ox.RdfFormat.N_QUADS)
    assert sorted(load(both).nodes(data=True)) == sorted(network.nodes(data=True))


# --- the page ----------------------------------------------------------------------------------------------

def test_the_page_is_offline_and_draws_the_whole_network(network, examples_build, tmp_path, capsys):
    out = tmp_path / "graph.html"
    code, _, err = run(capsys, "viz", examples_build[0], "-o", out)
    assert code == EXIT_OK and err == f"wrote {out}: {len(network)} nodes, {network.number_of_edges()} edges\n"
    html = out.read_text(encoding="utf-8")
    tags = Tags()
    tags.feed(html)
    assert not [(tag, name) for tag, attrs in tags.seen for name, _ in attrs if name in ("src", "href", "srcset", "action")]
    assert [tag for tag, _ in tags.seen if tag in ("script", "link", "img", "iframe")] == ["script", "script"]
    styles = "".join(tags.styles)
    assert "@import" not in styles and re.findall(r"url\(\s*['\"]?([a-z]+):", styles) == ["data"] * styles.count("url(")
    data = page_data(html)
    assert len(data["nodes"]) == len(network) and len(data["edges"]) == network.number_of_edges()
    assert {n["label"] for n in data["nodes"]} == labels(network)
    assert "Lưu Thị Ngọc Trâm" in html  # Vietnamese as written, not \u escapes
    assert data["options"]["physics"]["enabled"] is True and "x" not in data["nodes"][0]
    assert set(data["options"]["groups"]) == {c.name for c in STYLE.classes}
    for cls in STYLE.classes:
        count = sum(1 for _, c in network.nodes(data="cls") if c == cls.name)
        assert re.search(rf'data-class="{cls.name}" checked>\s*<span class="symbol" style="color: {cls.color}">'
                         rf'{cls.symbol}</span> {re.escape(cls.label)} \({count}\)', html)
    assert main(["viz", str(examples_build[0]), "-o", str(tmp_path / "again.html")]) == EXIT_OK
    assert (tmp_path / "again.html").read_bytes() == out.read_bytes()


def evil_page(folder: Path) -> Path:
    """`kg build` and `kg viz` of a report with a script tag in its title and in a sentence."""
    reports = folder / "reports"
    reports.mkdir()
    (reports / "ca-mau-hoi-nghi.txt").write_text(
        f"Hội nghị sơ kết công tác dân vận {EVIL}\n\n"
        "Sáng 5/3/2021, Ban Dân vận Tỉnh ủy Cà Mau tổ chức Hội nghị sơ kết công tác dân vận năm 2020. "
        f"Đồng chí Nguyễn Văn An, Trưởng Ban Dân vận Tỉnh ủy Cà Mau chủ trì hội nghị {EVIL} và phát biểu.\n",
        encoding="utf-8")
    trig = folder / "evil.trig"
    assert main(["build", "-q", str(reports), "-o", str(trig)]) == EXIT_OK
    assert EVIL in trig.read_text(encoding="utf-8")
    out = folder / "evil.html"
    assert main(["viz", str(trig), "-o", str(out)]) == EXIT_OK
    return out


def test_report_text_is_escaped(tmp_path):
    out = evil_page(tmp_path)
    html = out.read_text(encoding="utf-8")
    assert EVIL not in html and "alert(1)" in html
    tags = Tags()
    tags.feed(html)
    assert [tag for tag, _ in tags.seen if tag == "script"] == ["script", "script"]
    titles = [n["title"] for n in page_data(html)["nodes"]]
    assert sum(EVIL in t for t in titles) >= 2  # the official's sentence and the report's title, as text


def test_focus_and_depth(network, examples_build, tmp_path, capsys):
    out = tmp_path / "focus.html"
    code, _, _ = run(capsys, "viz", examples_build[0], "-o", out, "--focus", "luu thi ngoc TRAM")
    assert code == EXIT_OK
    expected = {TRAM, *network.successors(TRAM), *network.predecessors(TRAM)}
    assert {n["id"] for n in page_data(out.read_text(encoding="utf-8"))["nodes"]} == expected
    assert len(expected) == 5
    run(capsys, "viz", examples_build[0], "-o", out, "--focus", "Lưu Thị Ngọc Trâm", "--depth", "0")
    assert [n["id"] for n in page_data(out.read_text(encoding="utf-8"))["nodes"]] == [TRAM]
    run(capsys, "viz", examples_build[0], "-o", out, "--focus", "ngoc tram", "--depth", "2")
    two = nx.single_source_shortest_path_length(network.to_undirected(), TRAM, cutoff=2)
    assert {n["id"] for n in page_data(out.read_text(encoding="utf-8"))["nodes"]} == set(two)
    assert "quanh Lưu Thị Ngọc Trâm (độ sâu 2)" in out.read_text(encoding="utf-8")


def test_focus_that_matches_nothing_or_too_much(examples_build, tmp_path, capsys):
    out = tmp_path / "focus.html"
    code, _, err = run(capsys, "viz", examples_build[0], "-o", out, "--focus", "Nguyễn Không Có")
    assert code == EXIT_USAGE and err.startswith("kg viz: --focus 'Nguyễn Không Có': no official, body")
    code, _, err = run(capsys, "viz", examples_build[0], "-o", out, "--focus", "ban dan van")
    assert code == EXIT_USAGE and "--focus 'ban dan van' matches 18 nodes (" in err and "give a full name" in err
    assert not out.exists()


def test_max_nodes_keeps_the_most_connected(network, examples_build, tmp_path, capsys):
    out = tmp_path / "top.html"
    code, _, err = run(capsys, "viz", examples_build[0], "-o", out, "--max-nodes", "12")
    assert code == EXIT_OK and err == (f"wrote {out}: 12 nodes, 7 edges (the 12 most connected of {len(network)} "
                                       "nodes; --max-nodes N for another number)\n")
    kept = {n["id"] for n in page_data(out.read_text(encoding="utf-8"))["nodes"]}
    assert len(kept) == 12
    assert min(network.degree(n) for n in kept) >= max(network.degree(n) for n in network if n not in kept)
    run(capsys, "viz", examples_build[0], "-o", out, "--focus", "Lưu Thị Ngọc Trâm", "--max-nodes", "2")
    kept = [n["id"] for n in page_data(out.read_text(encoding="utf-8"))["nodes"]]
    assert TRAM in kept and len(kept) == 2


def test_without_max_nodes_a_page_holds_at_most_max_nodes(network, examples_build, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(viz, "MAX_NODES", 20)
    out = tmp_path / "capped.html"
    assert run(capsys, "viz", examples_build[0], "-o", out)[0] == EXIT_OK
    assert len(page_data(out.read_text(encoding="utf-8"))["nodes"]) == 20


def test_a_big_network_gets_a_fixed_layout_without_physics(network, examples_build, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(viz, "PHYSICS_LIMIT", 50)
    out = tmp_path / "big.html"
    code, _, err = run(capsys, "viz", examples_build[0], "-o", out)
    assert code == EXIT_OK and err.endswith("(over 50 nodes: fixed layout, no physics)\n")
    data = page_data(out.read_text(encoding="utf-8"))
    assert data["options"]["physics"]["enabled"] is False
    positions = {(n["x"], n["y"]) for n in data["nodes"]}
    assert len(positions) == len(network)


def test_bad_arguments_are_named(examples_build, tmp_path, capsys):
    trig = examples_build[0]
    cases = [
        (["viz", tmp_path / "none.trig", "-o", tmp_path / "a.html"], f"kg viz: {tmp_path / 'none.trig'}: no such file"),
        (["stats", tmp_path], f"kg stats: {tmp_path}: a folder, not a build file"),
        (["stats", "--store", tmp_path], f"kg stats: {tmp_path}: not an Oxigraph store"),
        (["export", trig, "-o", tmp_path / "a.csv"], "kg export: -o "),
        (["viz", trig, "-o", tmp_path / "a.png"], "kg viz: -o "),
        (["viz", trig, "-o", tmp_path / "a.html", "--depth", "2"], "kg viz: --depth needs --focus"),
        (["viz", trig, "-o", tmp_path / "a.html", "--focus", "Trâm", "--depth", "-1"], "kg viz: --depth must be 0 or more"),
    ]
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    cases.append((["stats", bad], f"kg stats: {bad}: not valid ttl: "))
    for argv, message in cases:
        code, _, err = run(capsys, *argv)
        assert code == EXIT_USAGE and err.startswith(message) and "Traceback" not in err, argv
    with pytest.raises(SystemExit) as exit_:
        main(["stats"])
    assert exit_.value.code == EXIT_USAGE
    assert "give a graph file or --store DIR" in capsys.readouterr().err


# --- stats and export --------------------------------------------------------------------------------------

def test_stats(network, examples_build, capsys):
    code, out, _ = run(capsys, "stats", examples_build[0], "--top", "3")
    assert code == EXIT_OK
    lines = out.splitlines()
    assert lines[0] == f"{len(network)} nodes, {network.number_of_edges()} edges, 12 connected parts"
    assert lines[2] == "Cán bộ (Official)                17"
    assert lines[8] == "Bản tin (Report)                  5"
    officials = lines.index("Most central officials:")
    assert lines[officials + 1:officials + 5] == ["  degree  betweenness  name",
                                                  "       4       0.0412  Đinh Thế Phương",
                                                  "       3       0.0373  Triệu Thị Hằng",
                                                  "       3       0.0205  Bế Quang Huy"]
    bodies = lines.index("Most central bodies:")
    assert lines[bodies + 2] == "       5       0.1266  Ban Thường vụ Tỉnh ủy Lào Cai"
    assert "Communities (Louvain, seed 0): 7, and 9 single nodes" in lines
    assert lines[-4].startswith("  1. 24 nodes: Họp mặt 14/10/2020 (Ban Dân vận Tỉnh ủy Ninh Thuận), ")
    assert lines[-1] == "     … 4 smaller communities"
    assert run(capsys, "stats", examples_build[0], "--top", "3")[1] == out


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_export_reads_back(network, examples_build, tmp_path, capsys, fmt, reader):
    out = tmp_path / f"graph.{fmt}"
    assert run(capsys, "export", examples_build[0], "-o", out)[0] == EXIT_OK
    back = reader(out)
    assert back.is_directed() and len(back) == len(network)
    assert {n: (d["label"], d["class"]) for n, d in back.nodes(data=True)} == \
           {n: (d["label"], d["cls"]) for n, d in network.nodes(data=True)}
    assert {(u, v): d["label"] for u, v, d in back.edges(data=True)} == \
           {(u, v): d["label"] for u, v, d in network.edges(data=True)}
    other = tmp_path / "graph.xml"
    assert run(capsys, "export", examples_build[0], "-o", other, "--format", fmt)[0] == EXIT_OK
    assert len(reader(other)) == len(network)


def test_export_keeps_only_what_the_formats_hold(network):
    node = next(iter(plain(network).nodes(data=True)))[1]
    assert set(node) == {"label", "class"}
