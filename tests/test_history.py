"""The changes of bodies and places in the gazetteer graph (kg.history), on reports written for it
(tests/data/history: Bạc Liêu in 2023, Cà Mau in 2026), and the queries that read them."""
from __future__ import annotations

import collections

import pyoxigraph as ox
import pytest
from conftest import ROOT

from kg import rdf
from kg.build import extract_text
from kg.cli import EXIT_OK, main
from kg.history import changes, gazetteer_lines
from kg.query import NAMESPACES, bindings, execute, load_query
from kg.records import Body
from kg.results import cell_text
from kg.validate import validate_file

REPORTS = ROOT / "tests" / "data" / "history"
GAZETTEER = f"<{rdf.GAZETTEER_GRAPH}>"
BL, CM = "Ban Dân vận Tỉnh ủy Bạc Liêu", "Ban Tuyên giáo và Dân vận Tỉnh ủy Cà Mau"
BOARDS = "Kết luận 121-KL/TW; quyết định của từng Tỉnh ủy, Thành ủy (tháng 2-3/2025)"


def iri(name: str) -> str:
    return rdf.node(rdf.body_iri(Body(name, "party", "province")))


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    out = tmp_path_factory.mktemp("history") / "history.nq"
    assert main(["build", str(REPORTS), "-o", str(out), "-q", "--workers", "1"]) == EXIT_OK
    return out


@pytest.fixture(scope="module")
def store(build):
    s = ox.Store()
    s.load(path=str(build), format=ox.RdfFormat.N_QUADS)
    return s


def rows(store, name: str, **params: str) -> list[tuple[str, ...]]:
    query = load_query(str(ROOT / "queries" / f"{name}.rq"))
    result = execute(store, query, bindings(query, params))
    return [tuple(cell_text(s[v], NAMESPACES) for v in result.variables) for s in result]


def test_every_change_has_its_own_iri_a_date_and_bodies_before_it():
    found = changes()
    assert len({rdf.change_iri(c) for c in found}) == len(found) > 1000
    assert all(c.originals and c.basis and (c.results or c.kind == "dissolution") for c in found)
    kinds = collections.Counter(c.kind for c in found)
    assert set(kinds) == {"merger", "rename", "restructuring", "dissolution"}


@pytest.mark.parametrize("before, after", [
    (["Tỉnh ủy Bạc Liêu", "Tỉnh ủy Cà Mau"], ["Tỉnh ủy Cà Mau"]),
    (["Ủy ban nhân dân tỉnh Bạc Liêu", "Ủy ban nhân dân tỉnh Cà Mau"], ["Ủy ban nhân dân tỉnh Cà Mau"]),
    (["Ban Tuyên giáo Tỉnh ủy Bạc Liêu", BL], ["Ban Tuyên giáo và Dân vận Tỉnh ủy Bạc Liêu"]),
    (["Tỉnh ủy Thừa Thiên Huế"], ["Thành ủy Huế"]),
    (["Tỉnh ủy Bình Dương", "Tỉnh ủy Bà Rịa - Vũng Tàu",
      "Thành ủy Thành phố Hồ Chí Minh"], ["Thành ủy Thành phố Hồ Chí Minh"]),
    (["Sở Kế hoạch và Đầu tư tỉnh Bạc Liêu", "Sở Tài chính tỉnh Bạc Liêu"], ["Sở Tài chính tỉnh Bạc Liêu"]),
    (["Ban Tuyên giáo Trung ương", "Ban Dân vận Trung ương"], ["Ban Tuyên giáo và Dân vận Trung ương"]),
    (["Ban Kinh tế Trung ương"], ["Ban Chính sách, chiến lược Trung ương"]),
    (["Bộ Kế hoạch và Đầu tư", "Bộ Tài chính"], ["Bộ Tài chính"]),
    (["Bộ Lao động - Thương binh và Xã hội", "Bộ Nội vụ"], ["Bộ Nội vụ"]),
    (["Ủy ban Dân tộc", "Ban Tôn giáo Chính phủ"], ["Bộ Dân tộc và Tôn giáo"]),
])
def test_the_changes_domain_md_names(before, after):
    assert any([b.name for b in c.originals] == before and [b.name for b in c.results] == after for c in changes())


def test_the_change_tables_name_bodies_as_the_extractor_does():
    province = ", ".join(f"{head} Bạc Liêu" for head in (
        "Tỉnh ủy", "Ban Thường vụ Tỉnh ủy", "Ban Tổ chức Tỉnh ủy", "Ban Nội chính Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy",
        "Văn phòng Tỉnh ủy", "Đảng bộ tỉnh", "Hội đồng nhân dân tỉnh", "Ủy ban nhân dân tỉnh",
        "Đoàn đại biểu Quốc hội tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Tỉnh đoàn", "Hội Liên hiệp Phụ nữ tỉnh",
        "Hội Nông dân tỉnh", "Hội Cựu chiến binh tỉnh", "Liên đoàn Lao động tỉnh", "Bộ Chỉ huy Quân sự tỉnh",
        "Công an tỉnh", "Sở Tài chính tỉnh", "Sở Lao động - Thương binh và Xã hội tỉnh"))
    facts = extract_text(f"Dự hội nghị có đại diện {province}, Thành ủy Thành phố Hồ Chí Minh, Thành đoàn Thành phố "
                         "Hồ Chí Minh, Ủy ban nhân dân Thành phố Hồ Chí Minh và Ban Tuyên giáo Trung ương.", "x.txt")
    named = {(b.name, b.kind, b.level) for c in changes() for b in (*c.originals, *c.results)}
    extracted = {(m.body.name, m.body.kind, m.body.level) for m in facts.bodies}
    assert len(extracted) == 24 and extracted <= named


def test_a_pre_2025_and_a_post_2025_report_give_bodies_that_the_change_events_link(store):
    linked = {(str(s["e"]), str(s["from"]), str(s["to"])) for s in store.query(
        "SELECT ?e ?from ?to WHERE { GRAPH ?g { ?e a org:ChangeEvent ; org:originalOrganization ?from ; "
        "org:resultingOrganization ?to } }", prefixes=NAMESPACES)}
    named = {str(s["b"]) for s in store.query(
        "SELECT ?b WHERE { GRAPH ?r { ?r a vnpol:Report . ?b a vnpol:Body } }", prefixes=NAMESPACES)}
    assert iri(BL) in named and iri(CM) in named  # each report's own body, as the extractor names it
    tgdv_bl = iri("Ban Tuyên giáo và Dân vận Tỉnh ủy Bạc Liêu")
    assert any(f == iri(BL) and t == tgdv_bl for _, f, t in linked)
    assert any(f == tgdv_bl and t == iri(CM) for _, f, t in linked)


def test_places_say_what_replaced_them(store):
    replaced = {(str(s["old"]), str(s["new"])) for s in store.query(
        "SELECT ?old ?new WHERE { GRAPH ?g { ?old dcterms:isReplacedBy ?new . ?new dcterms:replaces ?old } }",
        prefixes=NAMESPACES)}
    place = "<https://w3id.org/vnpol/id/place/{}>".format
    assert {(place("bac-lieu"), place("ca-mau")), (place("minh-hai"), place("bac-lieu")),
            (place("minh-hai"), place("ca-mau"))} <= replaced


def test_who_held_the_head_of_mass_mobilisation_in_bac_lieu_then_in_ca_mau(store):
    assert rows(store, "post-holders", body=BL) == [
        ("Trưởng ban", BL, BL, f"Trưởng {BL}", "Nguyễn Văn An", "false", "2023-03-05", "2023-03-05", "1"),
        ("Trưởng ban", BL, BL, f"Trưởng {BL}", "Nguyễn Văn An", "true", "2026-01-10", "2026-01-10", "1"),
        ("Trưởng ban", BL, CM, f"Trưởng {CM}", "Lê Văn Cường", "false", "2026-01-10", "2026-01-10", "1")]
    assert rows(store, "post-holders", body=CM, role="Phó Trưởng ban") == [
        ("Phó Trưởng ban", CM, BL, f"Phó Trưởng {BL}", "Trần Thị Bình", "false", "2023-03-05", "2023-03-05", "1"),
        ("Phó Trưởng ban", CM, CM, f"Phó Trưởng {CM}", "Trần Thị Bình", "false", "2026-01-10", "2026-01-10", "1")]


def test_a_bodys_predecessors_and_successors(store):
    assert rows(store, "body-lineage", body=BL) == [
        (BL, "successor", "2025-03-01", "merger", f"{BL}; Ban Tuyên giáo Tỉnh ủy Bạc Liêu",
         "Ban Tuyên giáo và Dân vận Tỉnh ủy Bạc Liêu", BOARDS),
        (BL, "successor", "2025-07-01", "merger", f"Ban Tuyên giáo và Dân vận Tỉnh ủy Bạc Liêu; {CM}", CM,
         "Nghị quyết 202/2025/QH15")]
    assert rows(store, "body-lineage", body=CM) == [
        (CM, "predecessor", "2025-03-01", "merger", f"{BL}; Ban Tuyên giáo Tỉnh ủy Bạc Liêu",
         "Ban Tuyên giáo và Dân vận Tỉnh ủy Bạc Liêu", BOARDS),
        (CM, "predecessor", "2025-03-01", "merger", "Ban Dân vận Tỉnh ủy Cà Mau; Ban Tuyên giáo Tỉnh ủy Cà Mau", CM,
         BOARDS),
        (CM, "predecessor", "2025-07-01", "merger", f"Ban Tuyên giáo và Dân vận Tỉnh ủy Bạc Liêu; {CM}", CM,
         "Nghị quyết 202/2025/QH15")]


def test_a_build_states_the_changes_along_what_its_reports_name_once(build):
    lines = build.read_text(encoding="utf-8").splitlines()
    fixed = gazetteer_lines({iri(BL), iri(CM), iri("Ban Thường vụ Tỉnh ủy Bạc Liêu"),
                             iri("Ban Thường vụ Tỉnh ủy Cà Mau"), "<https://w3id.org/vnpol/id/place/bac-lieu>",
                             "<https://w3id.org/vnpol/id/place/ca-mau>"})
    assert set(fixed) <= set(lines) and len(lines) == len(set(lines))
    assert not gazetteer_lines(set())
    assert all(line.endswith(f"{GAZETTEER} .") for line in fixed)
    events = {line.split(" ", 1)[0] for line in fixed if "ChangeEvent" in line}
    assert len(events) == 4  # the two boards' mergers, and Bạc Liêu's boards into Cà Mau's
    assert not any("Tỉnh ủy Hà Giang" in line for line in lines)  # what no report names stays out


def test_the_build_validates(build):
    conforms, report = validate_file(build)
    assert conforms, report


def test_a_store_holds_the_same_changes_and_drops_them_with_the_reports(tmp_path, build):
    store = tmp_path / "store"
    assert main(["build", str(REPORTS), "--store", str(store), "-q", "--workers", "1"]) == EXIT_OK
    assert main(["dump", "--store", str(store), "-o", str(tmp_path / "dump.nq"), "-q"]) == EXIT_OK
    assert set((tmp_path / "dump.nq").read_text(encoding="utf-8").splitlines()) == set(
        build.read_text(encoding="utf-8").splitlines())
    assert main(["remove", "--store", str(store), "ca-mau-2026.txt"]) == EXIT_OK
    assert main(["dump", "--store", str(store), "-o", str(tmp_path / "left.nq"), "-q"]) == EXIT_OK
    assert main(["build", str(REPORTS / "bac-lieu-2023.txt"), "-o", str(tmp_path / "one.nq"), "-q"]) == EXIT_OK
    left = set((tmp_path / "left.nq").read_text(encoding="utf-8").splitlines())
    assert left == set((tmp_path / "one.nq").read_text(encoding="utf-8").splitlines())
    assert not any("Ban Tuyên giáo Tỉnh ủy Cà Mau" in line for line in left)  # Cà Mau's own boards left with it
