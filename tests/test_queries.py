"""queries/*.rq on the bundled examples (exact rows, read against the reports), and `kg query`:
parameters and their types, output formats, errors, ASK and CONSTRUCT, stores."""
from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections import Counter

import pyoxigraph as ox
import pytest
from conftest import EXAMPLES, ROOT

from kg.cli import EXIT_OK, EXIT_USAGE, main
from kg.query import (NAMESPACES, QueryError, bindings, execute, load_query, parse_query, reads_report_graphs, shape,
                      term, variables)
from kg.results import cell_text, display_width, fit

QUERIES = ROOT / "queries"

NINH_THUAN_GUESTS = (
    "Đến dự buổi Họp mặt có đồng chí Lưu Thị Ngọc Trâm, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy, "
    "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh; đồng chí Đàm Quốc Khánh - Phó Bí thư Tỉnh ủy; đồng chí Thái Ngọc "
    "Sơn, Phó Chủ tịch UBND tỉnh; đại diện lãnh đạo Hội đồng nhân dân tỉnh, các sở, ban, ngành, đoàn thể cấp tỉnh; "
    "thường trực và trưởng ban dân vận các huyện ủy, thành ủy; các đồng chí nguyên lãnh đạo Ban Dân vận Tỉnh ủy qua "
    "các thời kỳ cùng đông đảo cán bộ, công chức làm công tác dân vận trong tỉnh.")
NINH_THUAN_DIRECTION = (
    "Phát biểu chỉ đạo, thay mặt Ban Thường vụ Tỉnh ủy, đồng chí Đàm Quốc Khánh, Phó Bí thư Tỉnh ủy biểu dương những "
    "kết quả mà hệ thống dân vận của tỉnh đạt được trong thời gian qua; gửi lời thăm hỏi, tri ân đến các thế hệ cán "
    "bộ làm công tác dân vận đã có nhiều đóng góp cho sự phát triển của quê hương.")
NINH_THUAN_CAPTION = ("Ảnh: Đồng chí Đàm Quốc Khánh, Phó Bí thư Tỉnh ủy và đồng chí Thái Ngọc Sơn, Phó Chủ tịch UBND "
                      "tỉnh trao Bằng khen cho các tập thể có thành tích xuất sắc")
TPHCM_SHARING = ("Chia sẻ tại buổi lễ, nguyên Chủ tịch UBND TP.HCM Lâm Quốc Hưng bày tỏ xúc động khi được gặp lại nhiều "
                 "thế hệ cán bộ làm công tác dân vận.")
TPHCM_GUESTS = (
    "Đến dự buổi lễ có Phó Bí thư Thành ủy TP.HCM Hoàng Đức Trí; nguyên Chủ tịch UBND TP.HCM Lâm Quốc Hưng; Trưởng "
    "ban Dân vận Thành ủy Đoàn Thị Bích Liên cùng lãnh đạo Ủy ban MTTQ Việt Nam TP.HCM, các tổ chức chính trị - xã "
    "hội thành phố và ban dân vận các quận ủy, huyện ủy.")
HA_GIANG = ("ha-giang-cong-van.txt", "Nâng cao chất lượng, hiệu quả công tác dân vận của chính quyền các cấp năm 2022")
HOP_MAT = "Họp mặt 14/10/2020 (Ban Dân vận Tỉnh ủy Ninh Thuận)"
LE_TUYEN_DUONG = "Lễ tuyên dương 13/10/2018 (Ban Dân vận Thành ủy Thành phố Hồ Chí Minh)"
LTNT, NT = "Lưu Thị Ngọc Trâm", "ninh-thuan-hop-mat.txt"

# query: [(parameters, exact rows)]; unset parameters about a person or a period mean everyone, every period
# (test_unset_person_means_everyone).
EXPECTED = {
    "official-offices": [
        ({"name": LTNT}, [(LTNT, "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Ninh Thuận", "false", "2020-10-14", NT,
               NINH_THUAN_GUESTS),
              (LTNT, "Trưởng Ban Dân vận Tỉnh ủy Ninh Thuận", "false", "2020-10-14", NT, NINH_THUAN_GUESTS),
              (LTNT, "Ủy viên Ban Thường vụ Tỉnh ủy Ninh Thuận", "false", "2020-10-14", NT, NINH_THUAN_GUESTS)]),
        ({"name": "Lâm Quốc Hưng"},
         [("Lâm Quốc Hưng", "Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh", "true", "2018-10-13",
           "tphcm-le-tuyen-duong.html", sentence) for sentence in (TPHCM_GUESTS, TPHCM_SHARING)]),
    ],
    "role-holders-by-province": [
        ({}, [("Bí thư", "Yên Bái", "Đỗ Minh Khang", "Bí thư Tỉnh ủy Yên Bái", "2022-12-28", "1")]),
        ({"role": "Trưởng ban"},
         [("Trưởng ban", "Lào Cai", "Lục Thị Thanh Hương", "Trưởng Ban Tuyên giáo Tỉnh ủy Lào Cai", "2021-12-21", "1"),
          ("Trưởng ban", "Ninh Thuận", LTNT, "Trưởng Ban Dân vận Tỉnh ủy Ninh Thuận", "2020-10-14", "1"),
          ("Trưởng ban", "Thành phố Hồ Chí Minh", "Đoàn Thị Bích Liên",
           "Trưởng Ban Dân vận Thành ủy Thành phố Hồ Chí Minh", "2018-10-13", "1"),
          ("Trưởng ban", "Yên Bái", "Triệu Thị Hằng", "Trưởng Ban Dân vận Tỉnh ủy Yên Bái", "2022-12-28", "1")]),
        # Lâm Quốc Hưng is reported as former ("nguyên") Chủ tịch UBND TP.HCM: he does not hold it.
        ({"role": "Chủ tịch"},
         [("Chủ tịch", "Ninh Thuận", LTNT, "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Ninh Thuận", "2020-10-14",
           "1")]),
    ],
    "body-members": [
        ({}, [("Ban Dân vận Trung ương", "Tạ Thị Hồng Vân", "Phó Trưởng Ban Dân vận Trung ương", "2022-12-28",
               "2022-12-28", "1"),
              ("Ban Dân vận Trung ương", "Đinh Thế Phương", "Trưởng Ban Dân vận Trung ương", "2022-12-28",
               "2022-12-28", "1")]),
    ],
    "body-hierarchy": [
        ({}, [("Ban Chấp hành Trung ương Đảng", "1", "Ban Chấp hành Trung ương Đảng", unit, "central")
              for unit in ("Ban Bí thư", "Ban Dân vận Trung ương", "Bộ Chính trị")]),
        ({"body": "Tỉnh ủy Ninh Thuận"},
         [("Tỉnh ủy Ninh Thuận", "1", "Tỉnh ủy Ninh Thuận", "Ban Dân vận Tỉnh ủy Ninh Thuận", "province"),
          ("Tỉnh ủy Ninh Thuận", "1", "Tỉnh ủy Ninh Thuận", "Ban Thường vụ Tỉnh ủy Ninh Thuận", "province"),
          ("Tỉnh ủy Ninh Thuận", "1", "Tỉnh ủy Ninh Thuận", "Huyện ủy Ninh Hải", "district")]),
    ],
    "events-in-period": [
        ({}, [("2018-10-13", "Chiều", "Lễ tuyên dương", "Ban Dân vận Thành ủy Thành phố Hồ Chí Minh",
               "Hoàng Đức Trí, Lâm Quốc Hưng, Phùng Văn Khải, Đoàn Thị Bích Liên", "", ""),
              ("2020-10-14", "Sáng", "Họp mặt", "Ban Dân vận Tỉnh ủy Ninh Thuận",
               "Hồ Thị Kim Oanh, Lưu Thị Ngọc Trâm, Mai Văn Lộc, Thái Ngọc Sơn, Đàm Quốc Khánh", "", ""),
              ("2021-12-21", "Chiều", "Hội nghị", "Ban Thường vụ Tỉnh ủy Lào Cai",
               "Bế Quang Huy, Lục Thị Thanh Hương, Vàng Seo Chớ", "", ""),
              ("2022-12-28", "Sáng", "Hội nghị", "Ban Dân vận Trung ương",
               "Triệu Thị Hằng, Tạ Thị Hồng Vân, Đinh Thế Phương, Đỗ Minh Khang", "", "")]),
        ({"from": "2022-12-01", "to": "2022-12-31"},
         [("2022-12-28", "Sáng", "Hội nghị", "Ban Dân vận Trung ương",
           "Triệu Thị Hằng, Tạ Thị Hồng Vân, Đinh Thế Phương, Đỗ Minh Khang", "2022-12-01", "2022-12-31")]),
        ({"from": "2020-10-14", "to": "2021-12-21"},  # both days count
         [("2020-10-14", "Sáng", "Họp mặt", "Ban Dân vận Tỉnh ủy Ninh Thuận",
           "Hồ Thị Kim Oanh, Lưu Thị Ngọc Trâm, Mai Văn Lộc, Thái Ngọc Sơn, Đàm Quốc Khánh", "2020-10-14", "2021-12-21"),
          ("2021-12-21", "Chiều", "Hội nghị", "Ban Thường vụ Tỉnh ủy Lào Cai",
           "Bế Quang Huy, Lục Thị Thanh Hương, Vàng Seo Chớ", "2020-10-14", "2021-12-21")]),
        ({"to": "2019-01-01"},
         [("2018-10-13", "Chiều", "Lễ tuyên dương", "Ban Dân vận Thành ủy Thành phố Hồ Chí Minh",
           "Hoàng Đức Trí, Lâm Quốc Hưng, Phùng Văn Khải, Đoàn Thị Bích Liên", "", "2019-01-01")]),
    ],
    "co-attendance": [
        ({"name": LTNT}, [(LTNT, other, "1", "2020-10-14")
              for other in ("Hồ Thị Kim Oanh", "Mai Văn Lộc", "Thái Ngọc Sơn", "Đàm Quốc Khánh")]),
    ],
    "directives-by-issuer": [
        ({}, [("Bộ Chính trị", "2016-05-15", "Chỉ thị số 5", "05-CT/TW",
               "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "3"),
              ("Bộ Chính trị", "2021-05-18", "Kết luận số 1", "01-KL/TW", "", "1"),
              ("Bộ Chính trị", "2021-07-30", "Quyết định số 23", "23-QĐ/TW", "", "1")]),
        ({"issuer": "Ban Bí thư"},
         [("Ban Bí thư", "2015-07-14", "Kết luận số 114", "114-KL/TW",
           "nâng cao chất lượng, hiệu quả công tác dân vận của cơ quan nhà nước, chính quyền các cấp", "1"),
          ("Ban Bí thư", "2019-01-07", "Kết luận số 43", "43-KL/TW", "", "1")]),
        ({"issuer": "Thủ tướng Chính phủ"},  # an office holder, not a body
         [("Thủ tướng Chính phủ", "2016-05-16", "Chỉ thị số 16", "16/CT-TTg",
           ("tăng cường và đổi mới công tác dân vận trong cơ quan hành chính nhà nước, chính quyền các cấp trong tình "
            "hình mới"), "1")]),
    ],
    "most-cited-directives": [
        ({}, [("3", "Chỉ thị số 5", "05-CT/TW", "2016-05-15", "Bộ Chính trị"),
              ("2", "Nghị quyết số 25", "25-NQ/TW", "2013-06-03", "Ban Chấp hành Trung ương Đảng"),
              ("2", "Nghị quyết Đại hội XIII (Đảng Cộng sản Việt Nam)", "", "", "Đảng Cộng sản Việt Nam"),
              ("1", "Chỉ thị số 16", "16/CT-TTg", "2016-05-16", "Thủ tướng Chính phủ"),
              ("1", "Công văn số 245 (Hà Giang)", "245-CV/BDVTU", "2022-03-09", "Ban Dân vận Tỉnh ủy Hà Giang"),
              ("1", "Kế hoạch số 35 (Lào Cai)", "35-KH/TU", "2016-07-15", "Ban Thường vụ Tỉnh ủy Lào Cai"),
              ("1", "Kế hoạch số 58 (Hà Giang)", "58-KH/TU", "2022-01-12", "Ban Thường vụ Tỉnh ủy Hà Giang"),
              ("1", "Kết luận số 1", "01-KL/TW", "2021-05-18", "Bộ Chính trị"),
              ("1", "Kết luận số 114", "114-KL/TW", "2015-07-14", "Ban Bí thư"),
              ("1", "Kết luận số 43", "43-KL/TW", "2019-01-07", "Ban Bí thư"),
              ("1", "Nghị quyết Đại hội XIV (Đảng bộ tỉnh Ninh Thuận)", "", "", "Đảng bộ tỉnh Ninh Thuận"),
              ("1", "Nghị quyết Đại hội XVII (Đảng bộ tỉnh Hà Giang)", "", "", "Đảng bộ tỉnh Hà Giang"),
              ("1", "Quyết định số 23", "23-QĐ/TW", "2021-07-30", "Bộ Chính trị")]),
    ],
    "implementation-chains": [
        ({"target": "id:directive/national/ct-5"}, [("id:directive/national/ct-5", "1", "Kế hoạch số 35 (Lào Cai)", "Chỉ thị số 5"),
              ("id:directive/national/ct-5", "1", "Kết luận số 1", "Chỉ thị số 5")]),
    ],
    "awards-by-province": [
        ({}, [("", "central", "Bằng khen", "1", "18", "22", "0"),
              ("Lào Cai", "province", "Giấy khen", "1", "25", "40", "0"),
              ("Ninh Thuận", "province", "Bằng khen", "1", "12", "15", "0"),
              ("Ninh Thuận", "province", "Giấy khen", "1", "20", "31", "0"),
              ("Thành phố Hồ Chí Minh", "province", "Kỷ niệm chương", "1", "0", "40", "0"),
              ("Thành phố Hồ Chí Minh", "province", "Tuyên dương", "1", "30", "65", "0")]),
    ],
    "person-mentions": [
        ({"name": "Đàm Quốc Khánh"}, [("Đàm Quốc Khánh", "2020-10-14", NT, "504", "1024", NINH_THUAN_GUESTS),
              ("Đàm Quốc Khánh", "2020-10-14", NT, "3857", "4157", NINH_THUAN_DIRECTION),
              ("Đàm Quốc Khánh", "2020-10-14", NT, "5089", "5241", NINH_THUAN_CAPTION)]),
    ],
    "person-timeline": [
        ({"name": LTNT}, [(LTNT, "2020-10-14", "vnpol:Event", HOP_MAT, "", "attendee speaker", NT),
              (LTNT, "2020-10-14", "vnpol:Tenure", "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Ninh Thuận", "false",
               "", NT),
              (LTNT, "2020-10-14", "vnpol:Tenure", "Trưởng Ban Dân vận Tỉnh ủy Ninh Thuận", "false", "", NT),
              (LTNT, "2020-10-14", "vnpol:Tenure", "Ủy viên Ban Thường vụ Tỉnh ủy Ninh Thuận", "false", "", NT)]),
        ({"name": "Lâm Quốc Hưng"},
         [("Lâm Quốc Hưng", "2018-10-13", "vnpol:Event", LE_TUYEN_DUONG, "", "attendee", "tphcm-le-tuyen-duong.html"),
          ("Lâm Quốc Hưng", "2018-10-13", "vnpol:Tenure", "Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh", "true", "",
           "tphcm-le-tuyen-duong.html")]),
    ],
    "post-holders": [
        ({}, [("Trưởng ban", "Ban Dân vận Trung ương", "Ban Dân vận Trung ương", "Trưởng Ban Dân vận Trung ương",
               "Đinh Thế Phương", "false", "2022-12-28", "2022-12-28", "1")]),
        ({"role": "Bí thư", "body": "Tỉnh ủy Yên Bái"},  # Yên Bái went into Lào Cai on 1 July 2025
         [("Bí thư", "Tỉnh ủy Yên Bái", "Tỉnh ủy Yên Bái", "Bí thư Tỉnh ủy Yên Bái", "Đỗ Minh Khang", "false",
           "2022-12-28", "2022-12-28", "1")]),
    ],
    "body-lineage": [
        ({}, [("Ban Dân vận Trung ương", "successor", "2025-02-03", "merger",
               "Ban Dân vận Trung ương; Ban Tuyên giáo Trung ương", "Ban Tuyên giáo và Dân vận Trung ương",
               "Kết luận 121-KL/TW; quyết định của Bộ Chính trị, công bố 3/2/2025")]),
    ],
    "directive-citations": [
        ({}, [("05-CT/TW", "Chỉ thị số 5", "2022-03-10", "Hà Giang", *HA_GIANG),
              ("05-CT/TW", "Chỉ thị số 5", "2021-12-21", "Lào Cai", "lao-cai-so-ket",
               "Sơ kết 5 năm thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị"),
              ("05-CT/TW", "Chỉ thị số 5", "2018-10-13", "Thành phố Hồ Chí Minh", "tphcm-le-tuyen-duong.html",
               "TP.HCM tuyên dương 95 điển hình “Dân vận khéo” năm 2018")]),
        ({"symbol": "58-KH/TU"}, [("58-KH/TU", "Kế hoạch số 58 (Hà Giang)", "2022-03-10", "Hà Giang", *HA_GIANG)]),
    ],
}


@pytest.fixture(scope="module")
def dataset(examples_build):
    store = ox.Store()
    store.load(path=str(examples_build[0]), format=ox.RdfFormat.TRIG)
    return store


def rows(dataset, name: str, /, **params: str) -> list[tuple[str, ...]]:
    query = load_query(str(QUERIES / f"{name}.rq"))
    result = execute(dataset, query, bindings(query, params))
    return [tuple(cell_text(s[v], NAMESPACES) for v in result.variables) for s in result]


def test_a_districts_awards_count_for_its_province(tmp_path):
    (tmp_path / "ninh-hai.txt").write_text(
        "Sáng 15/10/2020, Ban Dân vận Huyện ủy Ninh Hải tổ chức Hội nghị tổng kết công tác dân vận năm 2020 "
        "của huyện Ninh Hải, tỉnh Ninh Thuận. Dịp này, UBND huyện tặng Giấy khen cho 12 tập thể và 20 cá nhân.\n",
        encoding="utf-8")
    out = tmp_path / "out.trig"
    assert main(["build", str(tmp_path), "-o", str(out), "-q"]) == 0
    store = ox.Store()
    store.load(path=str(out), format=ox.RdfFormat.TRIG)
    assert rows(store, "awards-by-province") == [("Ninh Thuận", "district", "Giấy khen", "1", "12", "20", "0")]


def kg(capsysbinary, *argv: str) -> tuple[int, str, str]:
    code = main(["query", *argv])
    out, err = capsysbinary.readouterr()
    return code, out.decode("utf-8"), err.decode("utf-8")


@pytest.mark.parametrize("name, params, expected",
                         [(name, params, expected) for name, cases in EXPECTED.items() for params, expected in cases],
                         ids=lambda v: v if isinstance(v, str) else None)
def test_query_gives_exactly_these_rows(dataset, name, params, expected):
    assert rows(dataset, name, **params) == expected


def test_every_query_file_has_expected_rows():
    assert {path.stem for path in QUERIES.glob("*.rq")} == set(EXPECTED)


def test_every_implementation_chain(dataset):
    assert rows(dataset, "implementation-chains") == [
        ("id:directive/national/ct-16", "1", "Công văn số 245 (Hà Giang)", "Chỉ thị số 16"),
        ("id:directive/national/ct-5", "1", "Kế hoạch số 35 (Lào Cai)", "Chỉ thị số 5"),
        ("id:directive/national/ct-5", "1", "Kết luận số 1", "Chỉ thị số 5"),
        ("id:directive/national/kl-114", "1", "Kế hoạch số 58 (Hà Giang)", "Kết luận số 114"),
        ("id:directive/national/kl-114", "2", "Công văn số 245 (Hà Giang)", "Kế hoạch số 58 (Hà Giang)")]


def test_every_sentence_naming_a_person(dataset):
    sentences = {row[5] for row in rows(dataset, "person-mentions", name=LTNT)}
    assert {NINH_THUAN_GUESTS, "Ảnh: Đồng chí Lưu Thị Ngọc Trâm phát biểu tại buổi Họp mặt"} <= sentences


def test_implementation_chains_are_followed_to_any_depth():
    store = ox.Store()
    store.load(input="""@prefix vnpol: <https://w3id.org/vnpol/ontology#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        <x:cv> vnpol:implements <x:kh> ; rdfs:label "CV"@vi .  <x:kh> vnpol:implements <x:kl> ; rdfs:label "KH"@vi .
        <x:kh2> vnpol:implements <x:kl> ; rdfs:label "KH2"@vi .  <x:kl> vnpol:implements <x:nq> ; rdfs:label "KL"@vi .
        <x:nq> rdfs:label "NQ"@vi .""", format=ox.RdfFormat.TURTLE)
    assert rows(store, "implementation-chains", target="<x:nq>") == [
        ("<x:nq>", "1", "KL", "NQ"), ("<x:nq>", "2", "KH", "KL"), ("<x:nq>", "2", "KH2", "KL"), ("<x:nq>", "3", "CV", "KH")]


def test_query_headers_are_complete():
    for path in sorted(QUERIES.glob("*.rq")):
        query = load_query(str(path))
        assert set(query.header) == {"vi", "en", "row"}, path.name
        assert set(query.params) <= variables(query.text), path.name


def test_header_parameters_continuations_and_quoted_defaults():
    query = parse_query('# en: Who?\n#   Really.\n# param: name (vi) default="Lê  Dũng" -- a name\n#   over two lines\n'
                        '# param: n (integer)\nSELECT ?name ?n WHERE { ?p ?name ?n }')
    assert query.header == {"en": "Who? Really."}
    assert [(p.name, p.type, p.default, p.doc) for p in query.params.values()] == [
        ("name", "vi", "Lê  Dũng", "a name over two lines"), ("n", "integer", None, "")]
    assert bindings(query, {}) == {ox.Variable("name"): ox.Literal("Lê Dũng", language="vi")}


@pytest.mark.parametrize("header, message", [
    ("# param: from date", "x.rq:1: cannot read the parameter line"),
    ("# param: from (day)", "x.rq:1: parameter from: unknown type 'day'"),
    ("# param: from (date) default=2022-02-30", "x.rq:1: default of from: '2022-02-30' is not a date"),
])
def test_bad_header_names_the_line(header, message):
    with pytest.raises(QueryError, match=message):
        parse_query(f"{header}\nSELECT ?from WHERE {{}}", "x.rq")


def test_vietnamese_values_are_normalised_as_the_graph_is(dataset):
    written = unicodedata.normalize("NFD", "Ban  Dân vận Trung ương")
    assert rows(dataset, "body-members", body=written) == rows(dataset, "body-members")
    assert rows(dataset, "role-holders-by-province", role=unicodedata.normalize("NFD", "Phó Chủ tịch")) == \
        rows(dataset, "role-holders-by-province", role="Phó Chủ tịch") != []


def test_new_style_tone_marks_match(dataset):
    assert rows(dataset, "body-hierarchy", body="Tỉnh uỷ Ninh Thuận") == rows(dataset, "body-hierarchy",
                                                                            body="Tỉnh ủy Ninh Thuận")


def test_an_empty_value_unbinds_the_default(dataset):
    every = rows(dataset, "directives-by-issuer", issuer="")
    assert sorted(row[2] for row in every) == sorted(row[1] for row in rows(dataset, "most-cited-directives"))


@pytest.mark.parametrize("value, kind, expected", [
    ("Bí thư", "vi", ox.Literal("Bí thư", language="vi")),
    ("05-CT/TW", "string", ox.Literal("05-CT/TW")),
    ("2022-12-01", "date", ox.Literal("2022-12-01", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))),
    ("25", "integer", ox.Literal(25)),
    ("id:person/le-dung", "iri", ox.NamedNode("https://w3id.org/vnpol/id/person/le-dung")),
    ("<https://example.org/x>", "iri", ox.NamedNode("https://example.org/x")),
])
def test_typed_values(value, kind, expected):
    assert term(value, kind, "--param x") == expected


@pytest.mark.parametrize("value, kind, message", [
    ("2022-13-01", "date", "--param x: '2022-13-01' is not a date"),
    ("1/12/2022", "date", "is not a date"),
    ("twelve", "integer", "is not an integer"),
    ("Bí thư", "iri", "is not an IRI"),
])
def test_values_of_the_wrong_type_are_refused(value, kind, message):
    with pytest.raises(QueryError, match=message):
        term(value, kind, "--param x")


@pytest.mark.parametrize("value, kind", [("Bộ Chính trị", "vi"), ("05-CT/TW", "string"), ("2022-12-01", "date"),
                                         ("25", "integer"), ("id:directive/national/ct-5", "iri"),
                                         ("https://w3id.org/vnpol/id/x", "iri"), ("<urn:x>", "iri")])
def test_undeclared_parameters_take_their_type_from_their_shape(value, kind):
    assert shape(value) == kind


def test_inline_query_with_parameters(capsysbinary, examples_build):
    code, out, _ = kg(capsysbinary, "SELECT DISTINCT ?d ?symbol ?label WHERE { ?d vnpol:symbol ?symbol ; rdfs:label ?label }",
                      "--data", str(examples_build[0]), "--param", "symbol=25-NQ/TW", "--format", "csv")
    assert (code, out) == (EXIT_OK, ("d,symbol,label\r\nhttps://w3id.org/vnpol/id/directive/national/nq-25,25-NQ/TW,"
                                     "Nghị quyết số 25\r\n"))


def test_unknown_parameter_is_a_usage_error(capsysbinary, examples_build):
    code, out, err = kg(capsysbinary, str(QUERIES / "official-offices.rq"), "--data", str(examples_build[0]),
                        "--param", "nmae=Lê Dũng")
    assert (code, out) == (EXIT_USAGE, "")
    assert err == f"kg query: unknown parameter 'nmae': {QUERIES / 'official-offices.rq'} has no variable ?nmae " \
                  "(its parameters: name)\n"


@pytest.mark.parametrize("argv, message", [
    (["--param", "from"], "kg query: --param expects NAME=VALUE, got 'from'\n"),
    (["--param", "from=2022-13-01"], "kg query: --param from: '2022-13-01' is not a date (YYYY-MM-DD)\n"),
    (["--param", "from=2022-01-01", "--param", "from=2022-02-01"], "kg query: --param from is given twice\n"),
])
def test_bad_parameter_values(capsysbinary, examples_build, argv, message):
    code, _, err = kg(capsysbinary, str(QUERIES / "events-in-period.rq"), "--data", str(examples_build[0]), *argv)
    assert (code, err) == (EXIT_USAGE, message)


def test_a_parameter_must_be_a_result_column(capsysbinary, examples_build):
    code, _, err = kg(capsysbinary, str(QUERIES / "official-offices.rq"), "--data", str(examples_build[0]),
                      "--param", "person=id:person/le-dung")
    assert (code, err) == (EXIT_USAGE, (f"kg query: {QUERIES / 'official-offices.rq'}: parameter 'person' is not a "
                                        "result column of the query, and only those can be bound (its parameters: "
                                        "name)\n"))


def test_table_aligns_vietnamese_by_display_width(capsysbinary, examples_build):
    code, out, _ = kg(capsysbinary, str(QUERIES / "co-attendance.rq"), "--data", str(examples_build[0]),
                      "--param", f"name={LTNT}")
    lines = out.splitlines()
    assert code == EXIT_OK and lines[-1] == "(4 rows)"
    assert lines[0] == " name              | other           | events | latest"
    assert lines[2] == " Lưu Thị Ngọc Trâm | Hồ Thị Kim Oanh |      1 | 2020-10-14"
    bars = {tuple(i for i, ch in enumerate(_columns(line)) if ch in "|+") for line in lines[:-1]}
    assert len(bars) == 1


def _columns(line: str) -> str:
    """The line as a terminal shows it: one character per column."""
    return "".join(ch * max(display_width(ch), 0) for ch in line)


def test_display_width_and_cutting_keep_combining_marks():
    decomposed = unicodedata.normalize("NFD", "Lưu Thị Ngọc Trâm")
    assert (len(decomposed), display_width(decomposed)) == (21, 17)
    assert display_width("漢字 ok") == 7
    cut = fit(decomposed, 8)
    assert display_width(cut) == 8 and unicodedata.normalize("NFC", cut) == "Lưu Thị…"
    assert fit("Lê Dũng", 0) == "Lê Dũng"


def test_table_cuts_wide_cells(capsysbinary, examples_build):
    _, out, _ = kg(capsysbinary, str(QUERIES / "person-mentions.rq"), "--data", str(examples_build[0]),
                   "--param", "name=Đàm Quốc Khánh", "--max-width", "20")
    assert out.splitlines()[2] == " Đàm Quốc Khánh | 2020-10-14 | ninh-thuan-hop-mat.… |   504 | 1024 | Đến dự buổi Họp mặt…"


def test_json_is_sparql_results_json(capsysbinary, examples_build):
    code, out, _ = kg(capsysbinary, str(QUERIES / "body-members.rq"), "--data", str(examples_build[0]),
                      "--format", "json")
    doc = json.loads(out)
    assert code == EXIT_OK
    assert doc["head"]["vars"] == ["body", "person", "post", "firstSeen", "lastSeen", "reports"]
    first = doc["results"]["bindings"][0]
    assert first["person"] == {"type": "literal", "value": "Tạ Thị Hồng Vân", "xml:lang": "vi"}
    assert first["firstSeen"] == {"type": "literal", "value": "2022-12-28",
                                  "datatype": "http://www.w3.org/2001/XMLSchema#date"}
    assert first["reports"]["datatype"] == "http://www.w3.org/2001/XMLSchema#integer"


def test_csv_is_w3c_csv(capsysbinary, examples_build):
    code, out, _ = kg(capsysbinary, str(QUERIES / "official-offices.rq"), "--data", str(examples_build[0]),
                      "--param", "name=Lâm Quốc Hưng", "--format", "csv")
    assert code == EXIT_OK and out.endswith("\r\n") and out.count("\r\n") == 3
    assert list(csv.reader(io.StringIO(out, newline=""))) == [
        ["name", "post", "former", "seen", "report", "sentence"],
        *(["Lâm Quốc Hưng", "Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh", "true", "2018-10-13",
           "tphcm-le-tuyen-duong.html", sentence] for sentence in (TPHCM_GUESTS, TPHCM_SHARING))]
    assert f',"{TPHCM_GUESTS}"\r\n' in out  # a field with commas is quoted


def test_tsv_is_w3c_tsv(capsysbinary, examples_build):
    code, out, _ = kg(capsysbinary, str(QUERIES / "implementation-chains.rq"), "--data", str(examples_build[0]),
                      "--param", "target=id:directive/national/ct-5", "--format", "tsv")
    assert (code, out.splitlines()) == (EXIT_OK, [
        "?target\t?depth\t?document\t?implements",
        '<https://w3id.org/vnpol/id/directive/national/ct-5>\t1\t"Kế hoạch số 35 (Lào Cai)"@vi\t"Chỉ thị số 5"@vi',
        '<https://w3id.org/vnpol/id/directive/national/ct-5>\t1\t"Kết luận số 1"@vi\t"Chỉ thị số 5"@vi'])


def test_ask(capsysbinary, examples_build):
    ask = 'ASK { ?p org:holds/rdfs:label "Bí thư Tỉnh ủy Yên Bái"@vi }'
    assert kg(capsysbinary, ask, "--data", str(examples_build[0]))[:2] == (EXIT_OK, "true\n")
    code, out, _ = kg(capsysbinary, ask, "--data", str(examples_build[0]), "--format", "json")
    assert (code, json.loads(out)) == (EXIT_OK, {"head": {}, "boolean": True})


def test_construct(capsysbinary, examples_build):
    construct = "CONSTRUCT { ?p org:holds ?post } WHERE { ?p org:holds ?post }"
    code, out, _ = kg(capsysbinary, construct, "--data", str(examples_build[0]))
    assert code == EXIT_OK and out.startswith("@prefix")
    triples = {(t.subject.value, t.object.value) for t in ox.parse(out.encode(), format=ox.RdfFormat.TURTLE)}
    assert ("https://w3id.org/vnpol/id/person/do-minh-khang",
            "https://w3id.org/vnpol/id/post/bi-thu-tinh-uy-yen-bai") in triples
    assert len(triples) == 26  # every current office of the examples, once though several reports may state it
    code, out, _ = kg(capsysbinary, construct, "--data", str(examples_build[0]), "--format", "nt")
    assert code == EXIT_OK and len(out.splitlines()) == 26
    code, _, err = kg(capsysbinary, construct, "--data", str(examples_build[0]), "--format", "csv")
    assert code == EXIT_USAGE and "gives a graph" in err


def test_syntax_error_gives_file_line_and_column(capsysbinary, examples_build, tmp_path):
    path = tmp_path / "broken.rq"
    path.write_text("# en: broken\nSELECT ?p\nWHERE {\n  ?p rdfs:label \"Lê Dũng\"@vi ;\n      org:holds }\n",
                    encoding="utf-8")
    code, out, err = kg(capsysbinary, str(path), "--data", str(examples_build[0]))
    assert (code, out) == (EXIT_USAGE, "")
    first, line, caret = err.splitlines()[:3]
    assert first.startswith(f"kg query: {path}:5:17: SPARQL syntax error: ")
    assert (line, caret) == ("          org:holds }", " " * 20 + "^")
    assert "Traceback" not in err


def test_inline_syntax_error(capsysbinary, examples_build):
    code, _, err = kg(capsysbinary, "SELECT * WHERE {\n  ?s ?p\n", "--data", str(examples_build[0]))
    assert code == EXIT_USAGE
    assert err.startswith("kg query: (query text):3:1: SPARQL syntax error at the end of the query: expected ")


@pytest.mark.parametrize("make, message", [
    (lambda d: ["--data", str(d / "missing.trig")], "missing.trig: no such file"),
    (lambda d: ["--data", str(d / "x.rdf")], "x.rdf: unknown format"),
    (lambda d: ["--store", str(d / "nowhere")], "nowhere: no such store folder"),
    (lambda d: ["--store", str(d)], "not an Oxigraph store"),
])
def test_unusable_data(capsysbinary, tmp_path, make, message):
    code, _, err = kg(capsysbinary, str(QUERIES / "body-members.rq"), *make(tmp_path))
    assert code == EXIT_USAGE and message in err and "Traceback" not in err


def test_a_shipped_query_runs_by_name(capsysbinary, examples_build):
    by_name = kg(capsysbinary, "body-members", "--data", str(examples_build[0]))
    assert by_name == kg(capsysbinary, str(QUERIES / "body-members.rq"), "--data", str(examples_build[0]))
    assert by_name[0] == EXIT_OK and by_name[1].endswith("(2 rows)\n")
    assert kg(capsysbinary, "body-members.rq", "--data", str(examples_build[0])) == by_name
    code, _, err = kg(capsysbinary, "nope.rq", "--data", str(examples_build[0]))
    assert (code, err) == (EXIT_USAGE, "kg query: nope.rq: cannot read the query file (No such file or directory)\n")
    code, _, err = kg(capsysbinary, "body-member", "--data", str(examples_build[0]))
    assert code == EXIT_USAGE and err.startswith("kg query: no query named 'body-member': give a .rq file, SPARQL "
                                                 "text, or one of awards-by-province, body-hierarchy, body-lineage, body-members,")


def test_kg_queries_lists_every_shipped_query(capsys):
    assert main(["queries"]) == EXIT_OK
    listing = capsys.readouterr().out
    assert [block.splitlines()[0] for block in listing.split("\n\n")] == sorted(EXPECTED)
    assert ("official-offices\n"
            "  Which offices has an official held, now and formerly, and which report and sentence say so?\n"
            "  Một cán bộ đã và đang giữ những chức vụ nào; báo cáo nào, câu nào nói vậy?\n"
            "  --param name=… (vi): the official's name, as the graph labels them; unset, every official\n\n") in listing
    assert ('  --param role=… (vi, default="Bí thư"): the role, as the graph labels it: "Bí thư", "Phó Chủ tịch", '
            '"Trưởng ban", ...\n') in listing
    assert "person-timeline\n" in listing and "  needs the report graphs: a .trig or .nq build, or a store\n" in listing
    assert main(["queries", "body-members"]) == EXIT_OK
    assert capsys.readouterr().out == (QUERIES / "body-members.rq").read_text(encoding="utf-8")
    assert main(["queries", "nope"]) == EXIT_USAGE
    assert capsys.readouterr().err.startswith("kg queries: no query named 'nope' (the queries: awards-by-province, ")


def test_missing_query_file(capsysbinary, examples_build):
    code, _, err = kg(capsysbinary, "queries/nope.rq", "--data", str(examples_build[0]))
    assert (code, err) == (EXIT_USAGE, "kg query: queries/nope.rq: cannot read the query file (No such file or directory)\n")


def test_store_gives_the_same_rows_as_the_file(capsysbinary, examples_build, tmp_path):
    store = ox.Store(str(tmp_path / "store"))
    store.load(path=str(examples_build[0]), format=ox.RdfFormat.TRIG)
    store.flush()
    del store
    for name in ("official-offices", "most-cited-directives", "awards-by-province"):
        query = str(QUERIES / f"{name}.rq")
        from_store = kg(capsysbinary, query, "--store", str(tmp_path / "store"), "--format", "csv")
        from_file = kg(capsysbinary, query, "--data", str(examples_build[0]), "--format", "csv")
        assert from_store == from_file and from_store[1].count("\r\n") > 1


@pytest.fixture(scope="module")
def union_builds(tmp_path_factory) -> dict[str, ox.Store]:
    """The examples built into each format that keeps only the union of the report graphs."""
    folder = tmp_path_factory.mktemp("union")
    stores = {}
    for suffix in (".ttl", ".nt", ".jsonld"):
        out = folder / f"examples{suffix}"
        assert main(["build", str(EXAMPLES / "reports"), "-o", str(out), "-q", "--workers", "1"]) == EXIT_OK
        stores[suffix] = out
    return stores


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_query_answers_the_same_on_the_union_formats_or_refuses(capsysbinary, examples_build, union_builds,
                                                                         name):
    query = load_query(name)
    for suffix, path in union_builds.items():
        for params, expected in [({}, None), *EXPECTED[name]]:
            argv = [name, "--data", str(path), "--format", "csv"]
            argv += [f"--param={k}={v}" for k, v in params.items()]
            code, out, err = kg(capsysbinary, *argv)
            if reads_report_graphs(query):
                assert (code, out) == (EXIT_USAGE, "") and err == (
                    f"kg query: {name} reads each report's own graph: give a .trig or .nq build or a --store "
                    f"(a {suffix} build holds only the union of the reports)\n")
            else:
                on_trig = kg(capsysbinary, *argv[:2], str(examples_build[0]), *argv[3:])
                assert (code, out) == on_trig[:2] and out.count("\r\n") > 1, (suffix, params)
    assert reads_report_graphs(query) == (name in ("body-members", "person-timeline", "post-holders",
                                                    "role-holders-by-province"))


@pytest.mark.parametrize("name, count", [("official-offices", 36), ("person-timeline", 43), ("co-attendance", 50),
                                         ("person-mentions", 128)])
def test_unset_person_means_everyone(dataset, name, count):
    everyone = rows(dataset, name)
    names = sorted({row[0] for row in everyone})
    assert len(everyone) == count and len(names) > 10
    assert Counter(everyone) == Counter(row for n in names for row in rows(dataset, name, name=n))


def test_an_empty_answer_says_which_values_it_used(capsysbinary, examples_build):
    code, out, err = kg(capsysbinary, "events-in-period", "--data", str(examples_build[0]), "--param", "from=2023-01-01")
    assert (code, out.splitlines()[-1], err) == (EXIT_OK, "(0 rows)", "kg query: no rows with from=2023-01-01, "
                                                                        "unset (every value): to\n")
    code, out, err = kg(capsysbinary, "body-members", "--data", str(examples_build[0]), "--param", "body=Bộ Công an",
                        "--format", "json")
    assert (code, json.loads(out)["results"]["bindings"]) == (EXIT_OK, [])
    assert err == 'kg query: no rows with body="Bộ Công an"\n'


def test_english_labels_beside_vietnamese_change_no_answer(examples_build):
    """Every label also in English (as a later build may state it): each query still picks the Vietnamese one."""
    store = ox.Store()
    store.load(path=str(examples_build[0]), format=ox.RdfFormat.TRIG)
    label = ox.NamedNode(NAMESPACES["rdfs"] + "label")
    english = [ox.Quad(q.subject, label, ox.Literal(f"EN {q.object.value}", language="en"), q.graph_name)
               for q in store.quads_for_pattern(None, label, None) if q.object.language == "vi"]
    store.extend(english)
    for name, cases in EXPECTED.items():
        for params, expected in cases:
            assert rows(store, name, **params) == expected, (name, params)
