"""kg table: officials, posts, events and directives of a build as CSV (UTF-8 with BOM) or .xlsx."""
from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest
from conftest import EXAMPLES
from openpyxl import load_workbook

from kg.cli import EXIT_OK, EXIT_USAGE, main

BDVTW, HG, LC, NT, HCM = ("bdvtw-tong-ket-2022", "ha-giang-cong-van.txt", "lao-cai-so-ket", "ninh-thuan-hop-mat.txt",
                          "tphcm-le-tuyen-duong.html")
DATES = {BDVTW: "2022-12-28", HG: "2022-03-10", LC: "2021-12-21", NT: "2020-10-14", HCM: "2018-10-13"}


def holding(person, post, role, body, province, report, status="current"):
    """A person and post that one report states, on the report's date."""
    return [person, post, role, body, province, status, DATES[report], DATES[report], "1", report]


# Read against the reports: every office each one gives, "nguyên" (former) for Lâm Quốc Hưng.
OFFICIALS = [
    holding("Bế Quang Huy", "Phó Bí thư Thường trực Tỉnh ủy Lào Cai", "Phó Bí thư Thường trực", "Tỉnh ủy Lào Cai",
            "Lào Cai", LC),
    holding("Bế Quang Huy", "Trưởng Đoàn đại biểu Quốc hội tỉnh Lào Cai", "Trưởng đoàn",
            "Đoàn đại biểu Quốc hội tỉnh Lào Cai", "Lào Cai", LC),
    holding("Hoàng Đức Trí", "Phó Bí thư Thành ủy Thành phố Hồ Chí Minh", "Phó Bí thư", "Thành ủy Thành phố Hồ Chí Minh",
            "Thành phố Hồ Chí Minh", HCM),
    holding("Hồ Thị Kim Oanh", "Phó Trưởng Ban Dân vận Tỉnh ủy Ninh Thuận", "Phó Trưởng ban",
            "Ban Dân vận Tỉnh ủy Ninh Thuận", "Ninh Thuận", NT),
    holding("Lâm Quốc Hưng", "Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh", "Chủ tịch",
            "Ủy ban nhân dân Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh", HCM, "former"),
    holding("Lưu Thị Ngọc Trâm", "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Ninh Thuận", "Chủ tịch",
            "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Ninh Thuận", "Ninh Thuận", NT),
    holding("Lưu Thị Ngọc Trâm", "Trưởng Ban Dân vận Tỉnh ủy Ninh Thuận", "Trưởng ban", "Ban Dân vận Tỉnh ủy Ninh Thuận",
            "Ninh Thuận", NT),
    holding("Lưu Thị Ngọc Trâm", "Ủy viên Ban Thường vụ Tỉnh ủy Ninh Thuận", "Ủy viên", "Ban Thường vụ Tỉnh ủy Ninh Thuận",
            "Ninh Thuận", NT),
    holding("Lục Thị Thanh Hương", "Trưởng Ban Tuyên giáo Tỉnh ủy Lào Cai", "Trưởng ban", "Ban Tuyên giáo Tỉnh ủy Lào Cai",
            "Lào Cai", LC),
    holding("Lục Thị Thanh Hương", "Ủy viên Ban Thường vụ Tỉnh ủy Lào Cai", "Ủy viên", "Ban Thường vụ Tỉnh ủy Lào Cai",
            "Lào Cai", LC),
    # A district's bodies are in their province.
    holding("Mai Văn Lộc", "Bí thư Huyện ủy Ninh Hải", "Bí thư", "Huyện ủy Ninh Hải", "Ninh Thuận", NT),
    holding("Mai Văn Lộc", "Chủ tịch Hội đồng nhân dân huyện Ninh Hải", "Chủ tịch", "Hội đồng nhân dân huyện Ninh Hải",
            "Ninh Thuận", NT),
    holding("Phùng Văn Khải", "Phó Trưởng Ban Dân vận Thành ủy Thành phố Hồ Chí Minh", "Phó Trưởng ban",
            "Ban Dân vận Thành ủy Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh", HCM),
    holding("Sùng Thị Dung", "Phó Trưởng Ban Dân vận Tỉnh ủy Hà Giang", "Phó Trưởng ban", "Ban Dân vận Tỉnh ủy Hà Giang",
            "Hà Giang", HG),
    holding("Thái Ngọc Sơn", "Phó Chủ tịch Ủy ban nhân dân tỉnh Ninh Thuận", "Phó Chủ tịch",
            "Ủy ban nhân dân tỉnh Ninh Thuận", "Ninh Thuận", NT),
    holding("Triệu Thị Hằng", "Trưởng Ban Dân vận Tỉnh ủy Yên Bái", "Trưởng ban", "Ban Dân vận Tỉnh ủy Yên Bái",
            "Yên Bái", BDVTW),
    holding("Triệu Thị Hằng", "Ủy viên Ban Thường vụ Tỉnh ủy Yên Bái", "Ủy viên", "Ban Thường vụ Tỉnh ủy Yên Bái",
            "Yên Bái", BDVTW),
    # Central bodies have no province.
    holding("Tạ Thị Hồng Vân", "Phó Trưởng Ban Dân vận Trung ương", "Phó Trưởng ban", "Ban Dân vận Trung ương", "", BDVTW),
    holding("Tạ Thị Hồng Vân", "Ủy viên Ban Chấp hành Trung ương Đảng", "Ủy viên", "Ban Chấp hành Trung ương Đảng", "",
            BDVTW),
    holding("Vàng Seo Chớ", "Phó Chủ tịch Ủy ban nhân dân tỉnh Lào Cai", "Phó Chủ tịch", "Ủy ban nhân dân tỉnh Lào Cai",
            "Lào Cai", LC),
    holding("Vàng Seo Chớ", "Ủy viên Tỉnh ủy Lào Cai", "Ủy viên", "Tỉnh ủy Lào Cai", "Lào Cai", LC),
    holding("Đinh Thế Phương", "Trưởng Ban Dân vận Trung ương", "Trưởng ban", "Ban Dân vận Trung ương", "", BDVTW),
    holding("Đinh Thế Phương", "Ủy viên Ban Bí thư", "Ủy viên", "Ban Bí thư", "", BDVTW),
    holding("Đinh Thế Phương", "Ủy viên Bộ Chính trị", "Ủy viên", "Bộ Chính trị", "", BDVTW),
    holding("Đoàn Thị Bích Liên", "Trưởng Ban Dân vận Thành ủy Thành phố Hồ Chí Minh", "Trưởng ban",
            "Ban Dân vận Thành ủy Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh", HCM),
    holding("Đàm Quốc Khánh", "Phó Bí thư Tỉnh ủy Ninh Thuận", "Phó Bí thư", "Tỉnh ủy Ninh Thuận", "Ninh Thuận", NT),
    holding("Đỗ Minh Khang", "Bí thư Tỉnh ủy Yên Bái", "Bí thư", "Tỉnh ủy Yên Bái", "Yên Bái", BDVTW),
]


def table(capsys, name: str, *source: str, out) -> list[list[str]]:
    """`kg table NAME SOURCE -o out`: the rows read back (CSV or .xlsx), header first."""
    assert main(["table", name, *source, "-o", str(out)]) == EXIT_OK
    assert capsys.readouterr().err.startswith(f"wrote {out}: ")
    if out.suffix == ".csv":
        data = out.read_bytes()
        assert data.startswith("\ufeff".encode("utf-8"))  # the BOM that Excel and LibreOffice go by
        return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    sheet = load_workbook(out, read_only=True).active
    return [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]


def test_officials_one_row_per_person_and_post(capsys, examples_build, tmp_path):
    rows = table(capsys, "officials", str(examples_build[0]), out=tmp_path / "officials.csv")
    assert rows[0] == ["person", "post", "role", "body", "province", "status", "first_seen", "last_seen", "reports",
                       "report_ids"]
    assert rows[1:] == OFFICIALS


def test_posts_are_the_same_rows_by_province_body_and_post(capsys, examples_build, tmp_path):
    rows = table(capsys, "posts", str(examples_build[0]), out=tmp_path / "posts.csv")
    assert rows[0][:6] == ["province", "body", "level", "post", "role", "person"]
    assert sorted((r[5], r[3], r[4], r[1], r[0], *r[6:]) for r in rows[1:]) == sorted(
        (o[0], o[1], o[2], o[3], o[4], *o[5:]) for o in OFFICIALS)
    assert rows[1][:6] == ["", "Ban Bí thư", "central", "Ủy viên Ban Bí thư", "Ủy viên", "Đinh Thế Phương"]
    assert [r[:4] for r in rows if r[3] == "Bí thư Huyện ủy Ninh Hải"] == [
        ["Ninh Thuận", "Huyện ủy Ninh Hải", "district", "Bí thư Huyện ủy Ninh Hải"]]


def test_events_and_directives(capsys, examples_build, tmp_path):
    events = table(capsys, "events", str(examples_build[0]), out=tmp_path / "events.csv")
    assert events[0] == ["date", "part_of_day", "type", "organizer", "location", "participants", "event", "reports",
                         "report_ids"]
    assert [e[0] for e in events[1:]] == ["2018-10-13", "2020-10-14", "2021-12-21", "2022-12-28"]
    assert events[2][:6] == ["2020-10-14", "Sáng", "Họp mặt", "Ban Dân vận Tỉnh ủy Ninh Thuận", "",
                             "Hồ Thị Kim Oanh; Lưu Thị Ngọc Trâm; Mai Văn Lộc; Thái Ngọc Sơn; Đàm Quốc Khánh"]
    assert events[2][7:] == ["1", NT]
    directives = table(capsys, "directives", str(examples_build[0]), out=tmp_path / "directives.csv")
    assert directives[0] == ["directive", "symbol", "type", "issued", "issuer", "subject", "implements", "cited_by",
                             "report_ids"]
    assert len(directives) == 14  # the 13 documents, as most-cited-directives counts them
    assert ["Chỉ thị số 5", "05-CT/TW", "Chỉ thị", "2016-05-15", "Bộ Chính trị",
            "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "", "3", f"{HCM}; {LC}; {HG}"] in directives
    assert ["Công văn số 245 (Hà Giang)", "245-CV/BDVTU", "Công văn", "2022-03-09", "Ban Dân vận Tỉnh ủy Hà Giang",
            ("nâng cao chất lượng, hiệu quả công tác dân vận của chính quyền các cấp và phong trào thi đua Dân vận "
             "khéo năm 2022"), "Chỉ thị số 16; Kế hoạch số 58 (Hà Giang)", "1", HG] in directives


def test_several_reports_first_and_last_seen_and_status_as_of_the_latest(capsys, tmp_path):
    records = [("ca-mau-2021", "2021-03-05", "Sáng 5/3/2021, Ban Dân vận Tỉnh ủy Cà Mau tổ chức Hội nghị sơ kết công "
                                            "tác dân vận. Đồng chí Lê Văn An, Phó Bí thư Tỉnh ủy dự."),
               ("ca-mau-2023", "2023-04-02", "Sáng 2/4/2023, Ban Dân vận Tỉnh ủy Cà Mau tổ chức Hội nghị tổng kết công "
                                            "tác dân vận. Dự Hội nghị có đồng chí Lê Văn An, nguyên Phó Bí thư Tỉnh ủy."),
               ("ca-mau-2022", "2022-06-01", "Sáng 1/6/2022, Ban Dân vận Tỉnh ủy Cà Mau tổ chức Hội nghị chuyên đề. "
                                            "Đồng chí Lê Văn An, Phó Bí thư Tỉnh ủy phát biểu.")]
    source = tmp_path / "ca-mau.jsonl"
    source.write_text("".join(json.dumps({"id": i, "date": d, "text": t}, ensure_ascii=False) + "\n"
                              for i, d, t in records), encoding="utf-8")
    assert main(["build", str(source), "-o", str(tmp_path / "ca-mau.trig"), "-q", "--workers", "1"]) == EXIT_OK
    rows = table(capsys, "officials", str(tmp_path / "ca-mau.trig"), out=tmp_path / "o.csv")
    assert rows[1:] == [["Lê Văn An", "Phó Bí thư Tỉnh ủy Cà Mau", "Phó Bí thư", "Tỉnh ủy Cà Mau", "Cà Mau", "former",
                         "2021-03-05", "2023-04-02", "3", "ca-mau-2021; ca-mau-2022; ca-mau-2023"]]


@pytest.mark.parametrize("name", ["officials", "events", "directives"])
def test_xlsx_union_formats_and_stores_give_the_same_table(capsys, examples_build, tmp_path, name):
    expected = table(capsys, name, str(examples_build[0]), out=tmp_path / "a.csv")
    assert table(capsys, name, str(examples_build[0]), out=tmp_path / "a.xlsx") == expected
    ttl = tmp_path / "examples.ttl"
    assert main(["build", str(EXAMPLES / "reports"), "-o", str(ttl), "-q", "--workers", "1"]) == EXIT_OK
    assert table(capsys, name, str(ttl), out=tmp_path / "b.csv") == expected
    store = tmp_path / "store"
    assert main(["build", str(EXAMPLES / "reports"), "--store", str(store), "-q", "--workers", "1"]) == EXIT_OK
    assert table(capsys, name, "--store", str(store), out=tmp_path / "c.csv") == expected


def test_bad_arguments_are_named(capsys, examples_build, tmp_path):
    assert main(["table", "officials", str(examples_build[0]), "-o", str(tmp_path / "o.ods")]) == EXIT_USAGE
    assert capsys.readouterr().err == f"kg table: -o {tmp_path / 'o.ods'}: name the file .csv or .xlsx\n"
    assert main(["table", "officials", str(tmp_path / "none.trig"), "-o", str(tmp_path / "o.csv")]) == EXIT_USAGE
    assert capsys.readouterr().err == f"kg table: {tmp_path / 'none.trig'}: no such file\n"


def test_english_labels_beside_vietnamese_change_no_cell(capsys, examples_build, tmp_path):
    store = ox.Store()
    store.load(path=str(examples_build[0]), format=ox.RdfFormat.TRIG)
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    store.extend([ox.Quad(q.subject, label, ox.Literal(f"EN {q.object.value}", language="en"), q.graph_name)
                  for q in store.quads_for_pattern(None, label, None)])
    both = tmp_path / "both.nq"
    store.dump(str(both), format=ox.RdfFormat.N_QUADS)
    assert table(capsys, "officials", str(both), out=tmp_path / "o.csv")[1:] == OFFICIALS
