"""English names beside the Vietnamese ones (kg/english.py): composed from the tables' `en` fields for bodies,
posts, roles, document, event and award types, directives, events and awards; people and places keep theirs."""
from __future__ import annotations

import csv
import datetime as dt
import io
import re

import networkx as nx
import pyoxigraph as ox
import pytest
from conftest import SHARED

from kg import english, rdf, viz
from kg.build import extract_text
from kg.cli import main
from kg.english import body_name, post_name
from kg.network import find, load
from kg.query import NAMESPACES, bindings, english_names, execute, shipped
from kg.records import Award, Body, Directive, Event, Place, Title

SON_LA = "Đảng bộ tỉnh Sơn La đẩy mạnh công tác dân vận. "
CA_MAU = Place("Cà Mau", "Cà Mau", "province", None, "tỉnh")
TINH_UY_CA_MAU = Body("Tỉnh ủy Cà Mau", "party", "province", CA_MAU, None, "Tỉnh ủy")
BDV_CA_MAU = Body("Ban Dân vận Tỉnh ủy Cà Mau", "party", "province", CA_MAU, TINH_UY_CA_MAU, "Ban Dân vận")


def titles(text: str) -> dict[str, str | None]:
    """Each title the sentence gives someone, by its Vietnamese name → its English name."""
    return {t.title.name: post_name(t.title) for t in extract_text(SON_LA + text, "t.txt").tenures}


def bodies(text: str) -> dict[str, str | None]:
    """Each body the sentence names (after the one that places the report in Sơn La) → its English name."""
    return {m.body.name: body_name(m.body) for m in extract_text(SON_LA + text, "t.txt").bodies
            if m.evidence.start >= len(SON_LA)}


def test_a_board_of_a_provincial_party_committee():
    assert body_name(BDV_CA_MAU) == "Mass Mobilisation Commission of the Cà Mau Provincial Party Committee"
    assert post_name(Title("Trưởng ban", BDV_CA_MAU, "Trưởng Ban Dân vận Tỉnh ủy Cà Mau", "")) == \
           "Head of the Mass Mobilisation Commission of the Cà Mau Provincial Party Committee"


def test_a_post_in_a_provincial_peoples_committee():
    assert titles("Ông Lò Văn Minh, Phó Chủ tịch Ủy ban nhân dân tỉnh Sơn La, phát biểu.") == {
        "Phó Chủ tịch Ủy ban nhân dân tỉnh Sơn La": "Vice Chairman of the Sơn La Provincial People's Committee"}


def test_bodies_of_a_commune_and_of_a_district():
    assert bodies("Đảng ủy xã Chiềng Sơn và Ủy ban nhân dân huyện Mai Sơn ra quân.") == {
        "Đảng ủy xã Chiềng Sơn": "Chiềng Sơn Commune Party Committee",
        "Ủy ban nhân dân huyện Mai Sơn": "Mai Sơn District People's Committee"}
    assert titles("Ông Lò Văn Minh, Chủ nhiệm Ủy ban Kiểm tra Đảng ủy xã Chiềng Sơn, phát biểu.") == {
        "Chủ nhiệm Ủy ban Kiểm tra Đảng ủy xã Chiềng Sơn":
            "Chairman of the Inspection Commission of the Chiềng Sơn Commune Party Committee"}


def test_the_level_is_the_one_the_name_writes():
    """The town (thị xã) Kinh Môn written "huyện Kinh Môn": the English follows the Vietnamese name."""
    town = Place("Kinh Môn", "Kinh Môn", "district", "Hải Dương", "thị xã")
    assert body_name(Body("Ban Chỉ huy Quân sự huyện Kinh Môn", "armed", "district", town, None,
                          "Ban Chỉ huy Quân sự")) == "Kinh Môn District Military Command"
    assert body_name(Body("Thị ủy Kinh Môn", "party", "district", town, None, "Thị ủy")) == \
           "Kinh Môn Town Party Committee"


def test_a_centrally_run_city_and_a_body_named_inside_its_english():
    assert bodies("Thành ủy TP.HCM, Văn phòng Ủy ban nhân dân tỉnh, Báo Sơn La đã dự.") == {
        "Thành ủy Thành phố Hồ Chí Minh": "Hồ Chí Minh City Party Committee",
        "Văn phòng Ủy ban nhân dân tỉnh Sơn La": "Office of the Sơn La Provincial People's Committee",
        "Báo Sơn La": "Sơn La Newspaper"}


def test_central_bodies_ministers_and_offices_named_alone():
    assert titles("Ông Trần Văn Nam, Bộ trưởng Bộ Y tế; ông Lê Văn Hải, Thủ tướng Chính phủ; "
                  "ông Đỗ Văn Tâm, Chủ tịch nước; bà Võ Thị Hoa, Phó Chủ tịch nước; "
                  "ông Vũ Văn Hòa, Ủy viên Bộ Chính trị.") == {
        "Bộ trưởng Bộ Y tế": "Minister of Health", "Thủ tướng Chính phủ": "Prime Minister",
        "Chủ tịch nước": "President", "Phó Chủ tịch nước": "Vice President",
        "Ủy viên Bộ Chính trị": "Member of the Politburo"}
    assert titles("Ông Lê Văn An, Tư lệnh Quân khu 2, phát biểu.") == {
        "Tư lệnh Quân khu 2": "Commander of Military Region 2"}
    assert bodies("Quân khu 2 và Ban Tuyên giáo và Dân vận Trung ương phối hợp.") == {
        "Quân khu 2": "Military Region 2",
        "Ban Tuyên giáo và Dân vận Trung ương": "Central Commission for Information, Education and Mass Mobilisation"}


def test_a_steering_committee_by_the_phrases_of_its_purpose():
    assert bodies("Ban Chỉ đạo thực hiện QCDC ở cơ sở và phong trào thi đua “Dân vận khéo” tỉnh họp.") == {
        "Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở và phong trào thi đua Dân vận khéo tỉnh Sơn La":
            "Sơn La Provincial Steering Committee for the Implementation of the Grassroots Democracy Regulations "
            "and for the “Skilful Mass Mobilisation” Emulation Movement"}
    unknown = Body("Ban Chỉ đạo chuyển đổi số tỉnh Cà Mau", "steering", "province", CA_MAU, None,
                   "Ban Chỉ đạo chuyển đổi số")
    assert body_name(unknown) is None
    assert post_name(Title("Trưởng ban", unknown, "Trưởng Ban Chỉ đạo chuyển đổi số tỉnh Cà Mau", "")) is None


def test_directives_events_and_awards():
    national = Directive("Chỉ thị", "5", "national", "CT")
    local = Directive("Kế hoạch", "58", "Hà Giang", "KH")
    state = Directive("Quyết định", "30", "national", "QĐ", year=2020)
    party = Body("Đảng Cộng sản Việt Nam", "party", "central", None, None, "Đảng Cộng sản Việt Nam")
    congress = Directive(english.CONGRESS_RESOLUTION, "XIII", "national", "NQĐH", issuer=party)
    assert [english.directive_name(d) for d in (national, local, state, congress)] == [
        "Directive No. 5", "Plan No. 58 (Hà Giang)", "Decision No. 30/2020",
        "Congress Resolution XIII (Communist Party of Viet Nam)"]
    event = Event("Hội nghị", dt.date(2022, 12, 28), None, organizer=BDV_CA_MAU)
    assert english.event_name(event) == \
           "Conference 28 December 2022 (Mass Mobilisation Commission of the Cà Mau Provincial Party Committee)"
    assert english.award_name(Award("Bằng khen", None, BDV_CA_MAU), "000_x.txt", 2) == \
           "Certificate of Merit (000_x.txt, 2)"


def test_every_row_of_the_tables_has_its_english():
    t = english.tables()
    assert all(t.central.values()) and all(t.committees.values()) and all(t.boards.values())
    assert all(row.get("en") for row in t.locals.values())
    for kind, table in t.concepts.items():
        assert table and all(table.values()), kind
    assert {"Trưởng ban", "Phó Chánh Văn phòng", "Tổng Bí thư", "Chủ tịch nước"} <= set(t.roles)


def test_the_graph_says_the_english_beside_the_vietnamese():
    """skos:prefLabel @en: a body's, post's or type's (the tables name them) once in the gazetteer graph, an
    event's in the report's graph; none for people."""
    f = extract_text(SON_LA + "Sáng 4/2/2020, Ủy ban nhân dân tỉnh Sơn La tổ chức Hội nghị tổng kết. "
                              "Ông Lò Văn Minh, Phó Chủ tịch Ủy ban nhân dân tỉnh Sơn La, phát biểu.", "t.txt")
    quads = rdf.report_quads(f)
    english_names = {line.split(" ", 2)[0]: line.split(" ", 2)[2] for line in quads.lines + quads.gazetteer
                     if f" {rdf.T_SKOS.prefLabel} " in line and "@en " in line}
    gazetteer, report = f"<{rdf.GAZETTEER_GRAPH}> .", f"{rdf.node(quads.graph)} ."
    post = rdf.node(rdf.post_iri(f.tenures[0].title))
    body = rdf.node(rdf.body_iri(f.tenures[0].title.body))
    role = rdf.node(rdf.concept_iri("role", "Phó Chủ tịch"))
    event = rdf.node(rdf.event_iri(f.events[0], f.meta.source.stem, 1))
    assert english_names[post] == f'"Vice Chairman of the Sơn La Provincial People\'s Committee"@en {gazetteer}'
    assert english_names[body] == f'"Sơn La Provincial People\'s Committee"@en {gazetteer}'
    assert english_names[role] == f'"Vice Chairman"@en {gazetteer}'
    assert english_names[event] == f'"Conference 4 February 2020 (Sơn La Provincial People\'s Committee)"@en {report}'
    assert rdf.node(rdf.person_iri("Lò Văn Minh")) not in english_names


ENGLISH = """SELECT ?class ?node ?name (COUNT(DISTINCT ?en) AS ?names) WHERE {
  VALUES ?class { vnpol:Body vnpol:Post vnpol:Event vnpol:Directive vnpol:Award vnpol:Official vnpol:Place }
  ?node a ?class ; rdfs:label ?name FILTER (LANG(?name) = "vi")
  OPTIONAL { ?node skos:prefLabel ?en FILTER (LANG(?en) = "en") }
} GROUP BY ?class ?node ?name"""


@pytest.fixture(scope="module")
def seeds_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds") / "seeds.trig"
    assert main(["build", str(SHARED / "corpus" / "seeds"), "-o", str(out), "-q"]) == 0
    return out


def test_every_body_post_event_directive_and_award_of_the_seeds_has_one_english_name(seeds_build):
    store = ox.Store()
    store.load(path=str(seeds_build), format=ox.RdfFormat.TRIG)
    names: dict[str, dict[str, int]] = {}
    for row in store.query(ENGLISH, use_default_graph_as_union=True, prefixes=NAMESPACES):
        names.setdefault(row["class"].value.rsplit("#", 1)[1], {})[row["name"].value] = int(row["names"].value)
    for cls in ("Body", "Post", "Event", "Directive", "Award"):
        assert names[cls] and set(names[cls].values()) == {1}, (cls, [n for n, k in names[cls].items() if k != 1])
    for cls in ("Official", "Place"):  # people and places keep their names
        assert names[cls] and set(names[cls].values()) == {0}, cls
    assert main(["validate", str(seeds_build)]) == 0


# --- reading a build in English: kg query, kg table, kg viz, kg stats, kg export ----------------------------

@pytest.fixture(scope="module")
def examples(examples_build):
    """The examples' build in a store, and each node's canonical name → its English one, for the classes that have
    them (read with SPARQL, apart from the code under test)."""
    store = ox.Store()
    store.load(path=str(examples_build[0]), format=ox.RdfFormat.TRIG)
    names = """SELECT DISTINCT ?vi ?en WHERE {
      VALUES ?class { vnpol:Body vnpol:Post vnpol:Directive vnpol:Event vnpol:Award skos:Concept }
      ?node a ?class ; rdfs:label ?vi ; skos:prefLabel ?en FILTER (LANG(?vi) = "vi" && LANG(?en) = "en") }"""
    english_of = {r["vi"].value: r["en"].value
                  for r in store.query(names, use_default_graph_as_union=True, prefixes=NAMESPACES)}
    return examples_build[0], store, english_of


PEOPLE_ONLY = {"co-attendance"}  # the shipped queries whose answers name people alone


@pytest.mark.parametrize("name", sorted(shipped()))
def test_each_shipped_query_answers_in_english(name, examples):
    """The same rows, with each name of a body, post, role, type, directive, event or award in English; people,
    places and other text as they were."""
    _, store, english_of = examples
    query = shipped()[name]
    result = execute(store, query, bindings(query, {}))
    variables, rows = [v.value for v in result.variables], list(result)
    relabel = english_names(store)
    named_in_english = 0
    for row in rows:
        for v in variables:
            cell, shown = row[v], relabel(row[v])
            if isinstance(cell, ox.Literal) and cell.language == "vi" and cell.value in english_of:
                assert shown == ox.Literal(english_of[cell.value], language="en"), (name, v, cell)
                named_in_english += 1
            else:
                assert shown == cell, (name, v, cell)
    assert rows and (named_in_english > 0) == (name not in PEOPLE_ONLY), name


def test_kg_query_in_english(examples, capsysbinary):
    assert main(["query", "most-cited-directives", "--data", str(examples[0]), "--lang", "en", "--max-width", "0"]) == 0
    lines = capsysbinary.readouterr().out.decode("utf-8").splitlines()
    assert [cell.strip() for cell in lines[2].split("|")] == ["3", "Directive No. 5", "05-CT/TW", "2016-05-15",
                                                              "Politburo"]


def test_the_network_in_english(examples):
    """The same nodes and edges; bodies, posts, directives, events and awards named in English, with their
    Vietnamese names among their other names; people and places as they are."""
    path, _, english_of = examples
    vi, en = load(path), load(path, lang="en")
    assert set(en.nodes) == set(vi.nodes) and set(en.edges) == set(vi.edges)
    for node, data in en.nodes(data=True):
        name = vi.nodes[node]["label"]
        if data["cls"] in ("Official", "Report"):
            assert data["label"] == name and data["alt_labels"] == vi.nodes[node]["alt_labels"]
        else:
            assert data["label"] == english_of[name] and name in data["alt_labels"], node
    assert en.edges["https://w3id.org/vnpol/id/person/luu-thi-ngoc-tram",
                    "https://w3id.org/vnpol/id/post/truong-ban-dan-van-tinh-uy-ninh-thuan"]["label"] == "holds"
    assert find(en, "politburo") == find(en, "Bộ Chính trị") == ["https://w3id.org/vnpol/id/body/bo-chinh-tri"]
    tip = viz.tooltip(en.nodes["https://w3id.org/vnpol/id/body/bo-chinh-tri"], en.graph["style"])
    assert tip.splitlines()[:3] == ["Body — Party body", "Politburo", "Other names: Bộ Chính trị"]


def test_the_english_page_speaks_english(examples, tmp_path):
    out = tmp_path / "graph.html"
    assert main(["viz", str(examples[0]), "-o", str(out), "--lang", "en", "--focus", "Politburo"]) == 0
    html = out.read_text(encoding="utf-8")
    assert '<html lang="en">' in html and 'placeholder="Find a name (accents optional)…"' in html
    assert "<h1>vnpol-kg: examples.trig around Politburo (depth 1)</h1>" in html
    assert not re.search("Tìm tên|kết quả|Chú giải|quan hệ|Tên khác|Bằng chứng|Cán bộ", html)


def test_stats_export_and_tables_in_english(examples, tmp_path, capsys):
    path, _, english_of = examples
    assert main(["stats", str(path), "--top", "2", "--lang", "en"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[2:4] == ["Official       17", "Body           41"]
    assert lines[lines.index("Most central bodies:") + 2].endswith(
        "Standing Board of the Lào Cai Provincial Party Committee")
    assert main(["export", str(path), "-o", str(tmp_path / "en.graphml"), "--lang", "en"]) == 0
    exported = {d["label"] for _, d in nx.read_graphml(tmp_path / "en.graphml").nodes(data=True)}
    assert {"Politburo", "Lưu Thị Ngọc Trâm"} <= exported and "Bộ Chính trị" not in exported
    for lang in ("vi", "en"):
        assert main(["table", "officials", str(path), "-o", str(tmp_path / f"{lang}.csv"), "--lang", lang]) == 0
    vi, en = (list(csv.reader(io.StringIO((tmp_path / f"{lang}.csv").read_text(encoding="utf-8-sig"))))
              for lang in ("vi", "en"))
    assert en[0] == vi[0] and len(en) == len(vi)
    columns = vi[0]
    for row in vi[1:]:
        english = dict(zip(columns, row)) | {c: english_of[row[columns.index(c)]] for c in ("post", "role", "body")}
        assert [english[c] for c in columns] in en[1:], row
