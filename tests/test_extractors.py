"""Unit tests of the extractors on invented Vietnamese sentences (see /work/shared/DOMAIN.md)."""
from __future__ import annotations

import datetime as dt

import pytest

from kg import rdf
from kg.build import extract_text
from kg.records import Body, Title
from kg.text import normalize

CA_MAU = "Đảng bộ tỉnh Cà Mau đẩy mạnh công tác dân vận. "


def facts(text, url=None):
    return extract_text(text, "t.txt", url=url)


def tenures(f):
    return [(t.person, t.title.name, t.former) for t in f.tenures]


def first_role_and_body(f):
    """The first tenure's title split into role and body."""
    t = f.tenures[0].title
    return t.role, t.body.name


def tenure_of(f, person, title):
    found = [t for t in f.tenures if t.person == person and t.title.name == title]
    assert len(found) == 1, tenures(f)
    return found[0]


def body_names(f):
    return {b.body.name for b in f.bodies}


def directive(f, doc_type, number):
    found = [d for d in f.directives if d.doc_type == doc_type and d.number == number]
    assert len(found) == 1, [(d.doc_type, d.number, d.symbol) for d in f.directives]
    return found[0]


def only_event(f):
    assert len(f.events) == 1, [(e.event_type, e.date) for e in f.events]
    return f.events[0]


def only_award(f):
    assert len(f.awards) == 1, [(a.award_type, a.collectives, a.individuals, a.total) for a in f.awards]
    return f.awards[0]


# ------------------------------------------------------------------ titles

def test_title_list_after_dong_chi():
    f = facts(CA_MAU + "Dự hội nghị có đồng chí Nguyễn Văn Khải, Ủy viên Ban Thường vụ Tỉnh ủy, "
              "Trưởng Ban Dân vận Tỉnh ủy, Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh.")
    assert tenures(f) == [
        ("Nguyễn Văn Khải", "Ủy viên Ban Thường vụ Tỉnh ủy Cà Mau", False),
        ("Nguyễn Văn Khải", "Trưởng Ban Dân vận Tỉnh ủy Cà Mau", False),
        ("Nguyễn Văn Khải", "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Cà Mau", False),
    ]


def test_title_role_and_body():
    f = facts(CA_MAU + "Dự hội nghị có đồng chí Nguyễn Văn Khải, Trưởng Ban Dân vận Tỉnh ủy.")
    t = tenure_of(f, "Nguyễn Văn Khải", "Trưởng Ban Dân vận Tỉnh ủy Cà Mau").title
    assert (t.role, t.body.name) == ("Trưởng ban", "Ban Dân vận Tỉnh ủy Cà Mau")


@pytest.mark.parametrize("name", ["Đồng Như Châu", "Ông Thị Thoa", "Vàng Seo Chớ"])
def test_family_names_that_look_like_other_words(name):
    f = facts(CA_MAU + f"Dự hội nghị có đồng chí {name}, Trưởng Ban Dân vận Tỉnh ủy.")
    assert tenures(f) == [(name, "Trưởng Ban Dân vận Tỉnh ủy Cà Mau", False)]


def test_ong_before_a_family_name_is_an_honorific():
    f = facts(CA_MAU + "Ông Nguyễn Văn Khải, Trưởng Ban Dân vận Tỉnh ủy phát biểu.")
    assert tenures(f) == [("Nguyễn Văn Khải", "Trưởng Ban Dân vận Tỉnh ủy Cà Mau", False)]


def test_a_sentence_starting_chia_se_is_report_text():
    f = facts(CA_MAU + "Chia sẻ tại hội nghị, đồng chí Nguyễn Văn Khải, Trưởng Ban Dân vận Tỉnh ủy nhấn mạnh.\nChia sẻ:\n")
    assert tenures(f) == [("Nguyễn Văn Khải", "Trưởng Ban Dân vận Tỉnh ủy Cà Mau", False)]


def test_title_after_dash():
    f = facts(CA_MAU + "Bà Trần Thị Hoa - Phó Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh phát biểu tại hội nghị.")
    assert tenures(f) == [
        ("Trần Thị Hoa", "Phó Bí thư Tỉnh ủy Cà Mau", False),
        ("Trần Thị Hoa", "Chủ tịch Hội đồng nhân dân tỉnh Cà Mau", False),
    ]


def test_title_before_name():
    f = facts("Phó Bí thư Thường trực Thành ủy TP.HCM Lâm Quốc Bảo phát biểu chỉ đạo hội nghị.")
    assert tenures(f) == [("Lâm Quốc Bảo", "Phó Bí thư Thường trực Thành ủy Thành phố Hồ Chí Minh", False)]
    assert first_role_and_body(f) == ("Phó Bí thư Thường trực", "Thành ủy Thành phố Hồ Chí Minh")


def test_title_after_ong():
    f = facts(CA_MAU + "Tham dự có ông Phạm Minh Tuấn, Phó Chủ tịch UBND tỉnh.")
    assert tenures(f) == [("Phạm Minh Tuấn", "Phó Chủ tịch Ủy ban nhân dân tỉnh Cà Mau", False)]
    assert first_role_and_body(f) == ("Phó Chủ tịch", "Ủy ban nhân dân tỉnh Cà Mau")


def test_former_title_after_name():
    f = facts(CA_MAU + "Tham dự có đồng chí Võ Thanh Sơn, nguyên Bí thư Tỉnh ủy.")
    assert tenures(f) == [("Võ Thanh Sơn", "Bí thư Tỉnh ủy Cà Mau", True)]


def test_former_title_before_name():
    f = facts("Nguyên Bí thư Thành ủy TPHCM Lê Minh Quang dự buổi lễ.")
    assert tenures(f) == [("Lê Minh Quang", "Bí thư Thành ủy Thành phố Hồ Chí Minh", True)]


def test_former_only_marks_its_own_title():
    f = facts(CA_MAU + "Tham dự có đồng chí Võ Thanh Sơn, nguyên Bí thư Tỉnh ủy, Chủ tịch Hội Cựu chiến binh tỉnh.")
    assert ("Võ Thanh Sơn", "Bí thư Tỉnh ủy Cà Mau", True) in tenures(f)
    assert all(not t.former for t in f.tenures if t.title.name != "Bí thư Tỉnh ủy Cà Mau")


def test_back_reference_resolves_to_earlier_person():
    f = facts(CA_MAU + "Sáng 15/10/2020, Ban Dân vận Tỉnh ủy Cà Mau tổ chức Hội nghị tổng kết công tác dân vận. "
              "Đồng chí Nguyễn Văn Khải, Trưởng Ban Dân vận Tỉnh ủy chủ trì hội nghị. "
              "Đồng chí Trưởng Ban Dân vận Tỉnh ủy nhấn mạnh vai trò của công tác dân vận.")
    assert tenures(f) == [("Nguyễn Văn Khải", "Trưởng Ban Dân vận Tỉnh ủy Cà Mau", False)]
    e = only_event(f)
    assert [(p.person, p.part) for p in e.participants] == [
        ("Nguyễn Văn Khải", "chair"), ("Nguyễn Văn Khải", "speaker")]


def test_shared_place_in_title_list():
    f = facts("Ban Dân vận Tỉnh ủy Ninh Thuận làm việc tại huyện Ninh Hải. "
              "Đồng chí Lê Văn Minh, Bí thư Huyện ủy, Chủ tịch HĐND huyện Ninh Hải phát biểu.")
    assert f.meta.jurisdiction.name == "Ninh Thuận"
    assert tenures(f) == [
        ("Lê Văn Minh", "Bí thư Huyện ủy Ninh Hải", False),
        ("Lê Văn Minh", "Chủ tịch Hội đồng nhân dân huyện Ninh Hải", False),
    ]


# ------------------------------------------------------------ special titles

def test_tinh_uy_vien():
    f = facts(CA_MAU + "Dự có đồng chí Đặng Văn Hùng, Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh.")
    t = tenure_of(f, "Đặng Văn Hùng", "Ủy viên Tỉnh ủy Cà Mau").title
    assert (t.role, t.body.name) == ("Ủy viên", "Tỉnh ủy Cà Mau")
    assert ("Đặng Văn Hùng", "Phó Chủ tịch Ủy ban nhân dân tỉnh Cà Mau", False) in tenures(f)


def test_bi_thu_trung_uong_dang():
    f = facts("Dự có đồng chí Hoàng Minh Chiến, Bí thư Trung ương Đảng, Trưởng Ban Dân vận Trung ương.")
    assert tenures(f) == [
        ("Hoàng Minh Chiến", "Ủy viên Ban Bí thư", False),
        ("Hoàng Minh Chiến", "Trưởng Ban Dân vận Trung ương", False),
    ]
    assert first_role_and_body(f) == ("Ủy viên", "Ban Bí thư")


def test_uy_vien_trung_uong_dang():
    f = facts(CA_MAU + "Dự có đồng chí Bùi Thanh Tùng, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Cà Mau.")
    assert tenures(f) == [
        ("Bùi Thanh Tùng", "Ủy viên Ban Chấp hành Trung ương Đảng", False),
        ("Bùi Thanh Tùng", "Bí thư Tỉnh ủy Cà Mau", False),
    ]
    assert first_role_and_body(f) == ("Ủy viên", "Ban Chấp hành Trung ương Đảng")


def test_truong_doan_dai_bieu_quoc_hoi():
    f = facts(CA_MAU + "Dự có bà Lý Thị Nga, Trưởng Đoàn đại biểu Quốc hội tỉnh.")
    assert tenures(f) == [("Lý Thị Nga", "Trưởng Đoàn đại biểu Quốc hội tỉnh Cà Mau", False)]
    assert first_role_and_body(f) == ("Trưởng đoàn", "Đoàn đại biểu Quốc hội tỉnh Cà Mau")


# -------------------------------------------------------------- jurisdiction

def test_jurisdiction_from_explicit_mention():
    f = facts("Ban Dân vận Tỉnh ủy Trà Vinh vừa tổ chức hội nghị giao ban.")
    assert f.meta.jurisdiction.name == "Trà Vinh"


def test_jurisdiction_from_district():
    f = facts("Hội nghị được tổ chức tại huyện Kinh Môn với sự tham dự của đông đảo nhân dân.")
    assert f.meta.jurisdiction.name == "Hải Dương"


def test_jurisdiction_from_url_host():
    f = facts("Ban Dân vận Tỉnh ủy vừa tổ chức hội nghị giao ban công tác dân vận.", url="https://baolaocai.vn/x")
    assert f.meta.jurisdiction.name == "Lào Cai"
    assert "Ban Dân vận Tỉnh ủy Lào Cai" in body_names(f)


def test_no_jurisdiction_without_clue():
    f = facts("Hội nghị giao ban công tác dân vận diễn ra sôi nổi.")
    assert f.meta.jurisdiction is None


NINH_HAI = ("Sáng 15/10/2020, Ban Dân vận Huyện ủy Ninh Hải tổ chức Hội nghị tổng kết công tác dân vận "
            "năm 2020 của huyện Ninh Hải, tỉnh Ninh Thuận. ")


def test_a_districts_report_names_its_own_bodies_without_a_place():
    f = facts(NINH_HAI + "Đồng chí Nguyễn Văn An, Bí thư Huyện ủy phát biểu. UBND huyện tặng Giấy khen cho 12 tập thể.")
    assert tenures(f) == [("Nguyễn Văn An", "Bí thư Huyện ủy Ninh Hải", False)]
    assert only_award(f).giver.name == "Ủy ban nhân dân huyện Ninh Hải"


def test_a_district_named_once_is_not_the_reports_own():
    f = facts("Sáng 15/10/2020, Ban Dân vận Tỉnh ủy Ninh Thuận tổ chức Hội nghị tại huyện Ninh Hải. "
              "Đồng chí Nguyễn Văn An, Bí thư Huyện ủy phát biểu.")
    assert tenures(f) == []


@pytest.mark.parametrize("text", [("Bạc Liêu: Họp mặt kỷ niệm Ngày truyền thống công tác dân vận\n"
                                   "Đồng chí Nguyễn Văn An, Phó Bí thư Tỉnh ủy dự."),
                                  "Tỉnh đoàn Bạc Liêu tổ chức Họp mặt. Đồng chí Nguyễn Văn An, Phó Bí thư Tỉnh ủy dự."])
def test_jurisdiction_from_a_dateline_or_a_tinh_doan(text):
    f = facts(text)
    assert f.meta.jurisdiction.name == "Bạc Liêu"
    assert tenures(f) == [("Nguyễn Văn An", "Phó Bí thư Tỉnh ủy Bạc Liêu", False)]


# -------------------------------------------------------------------- bodies

@pytest.mark.parametrize("written, canonical", [
    ("UBND tỉnh", "Ủy ban nhân dân tỉnh Cà Mau"),
    ("HĐND tỉnh", "Hội đồng nhân dân tỉnh Cà Mau"),
    ("UB MTTQ Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Cà Mau"),
    ("Bộ CHQS tỉnh", "Bộ Chỉ huy Quân sự tỉnh Cà Mau"),
    ("BDVTU", "Ban Dân vận Tỉnh ủy Cà Mau"),
])
def test_body_abbreviation(written, canonical):
    f = facts(CA_MAU + f"Năm nay, {written} đã phối hợp tốt với các ngành.")
    assert f.meta.jurisdiction.name == "Cà Mau"
    assert body_names(f) == {"Đảng bộ tỉnh Cà Mau", canonical}


def test_generic_plural_committees_not_extracted():
    f = facts("Ban Dân vận Tỉnh ủy Cà Mau đề nghị các huyện ủy, thành ủy tăng cường công tác dân vận.")
    assert body_names(f) == {"Ban Dân vận Tỉnh ủy Cà Mau"}


def test_generic_ban_dan_van_cac_cap_not_extracted():
    f = facts(CA_MAU + "Ban Dân vận các cấp đã tham mưu tốt cho cấp ủy.")
    assert body_names(f) == {"Đảng bộ tỉnh Cà Mau"}


def test_two_bodies_share_a_place():
    f = facts(CA_MAU + "Hội đồng nhân dân, Ủy ban nhân dân tỉnh đã quan tâm chỉ đạo.")
    assert body_names(f) == {"Đảng bộ tỉnh Cà Mau", "Hội đồng nhân dân tỉnh Cà Mau", "Ủy ban nhân dân tỉnh Cà Mau"}


def test_thanh_uy_in_city_report():
    f = facts("Ban Dân vận Thành ủy TPHCM tổ chức hội nghị. Thành ủy yêu cầu các cấp quan tâm công tác dân vận.")
    assert f.meta.jurisdiction.name == "Hồ Chí Minh"
    assert body_names(f) == {"Ban Dân vận Thành ủy Thành phố Hồ Chí Minh", "Thành ủy Thành phố Hồ Chí Minh"}


def test_thanh_uy_in_provincial_report_is_not_the_province():
    f = facts("Tỉnh ủy Cà Mau chỉ đạo các huyện ủy, thành ủy thực hiện tốt quy chế dân chủ.")
    assert body_names(f) == {"Tỉnh ủy Cà Mau"}


# ----------------------------------------------------------- tone-mark styles

def test_two_tone_mark_styles_give_same_names():
    old = facts(CA_MAU + "Đồng chí Nguyễn Văn Khải, Trưởng Ban Dân vận Tỉnh ủy, Phó Chủ tịch Ủy ban nhân dân tỉnh dự.")
    new = facts(CA_MAU + "Đồng chí Nguyễn Văn Khải, Trưởng Ban Dân vận Tỉnh uỷ, Phó Chủ tịch Uỷ ban nhân dân tỉnh dự.")
    assert tenures(new) == tenures(old) == [
        ("Nguyễn Văn Khải", "Trưởng Ban Dân vận Tỉnh ủy Cà Mau", False),
        ("Nguyễn Văn Khải", "Phó Chủ tịch Ủy ban nhân dân tỉnh Cà Mau", False),
    ]
    assert body_names(new) == body_names(old)


def test_new_tone_style_body_names():
    f = facts(CA_MAU + "Tỉnh uỷ và Uỷ ban nhân dân tỉnh đã quan tâm lãnh đạo.")
    assert body_names(f) == {"Đảng bộ tỉnh Cà Mau", "Tỉnh ủy Cà Mau", "Ủy ban nhân dân tỉnh Cà Mau"}


# ---------------------------------------------------------------- directives

def test_party_directive_full_citation():
    f = facts("Các cấp ủy tiếp tục thực hiện Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương "
              "Đảng (khóa XI) về tăng cường công tác dân vận trong tình hình mới.")
    d = directive(f, "Nghị quyết", "25")
    assert d.symbol == "25-NQ/TW"
    assert d.date == dt.date(2013, 6, 3)
    assert isinstance(d.issuer, Body) and d.issuer.name == "Ban Chấp hành Trung ương Đảng"
    assert d.term == "XI"
    assert d.subject == "tăng cường công tác dân vận trong tình hình mới"
    assert d.scope == "national"


def test_state_symbol_with_comma_before_date():
    f = facts("Thực hiện Chỉ thị số 16/CT-TTg, ngày 16/5/2016 của Thủ tướng Chính phủ về phòng chống dịch.")
    d = directive(f, "Chỉ thị", "16")
    assert d.symbol == "16/CT-TTg"
    assert d.date == dt.date(2016, 5, 16)
    assert isinstance(d.issuer, Title) and d.issuer.name == "Thủ tướng Chính phủ"


def test_state_symbol_with_year():
    f = facts("Văn bản được trình bày theo Nghị định số 30/2020/NĐ-CP của Chính phủ.")
    d = directive(f, "Nghị định", "30")
    assert d.symbol == "30/2020/NĐ-CP"
    assert d.year == 2020
    assert d.issuer.name == "Chính phủ"


def test_number_only_citation():
    f = facts("Các địa phương quán triệt Kết luận 43 của Ban Bí thư.")
    d = directive(f, "Kết luận", "43")
    assert d.symbol is None
    assert d.issuer.name == "Ban Bí thư"
    assert d.scope == "national"


def test_lowercase_citation_number_without_leading_zero():
    f = facts("Các chi bộ tiếp tục học tập theo chỉ thị 05 của Bộ Chính trị.")
    d = directive(f, "Chỉ thị", "5")
    assert d.symbol is None
    assert d.issuer.name == "Bộ Chính trị"


def test_national_congress_resolution():
    f = facts("Cán bộ, đảng viên học tập Nghị quyết Đại hội XIII của Đảng.")
    d = directive(f, "Nghị quyết Đại hội", "XIII")
    assert d.issuer.name == "Đảng Cộng sản Việt Nam"
    assert d.scope == "national"
    assert d.symbol is None


def test_provincial_congress_resolution():
    f = facts(CA_MAU + "Các ngành thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII.")
    d = directive(f, "Nghị quyết Đại hội", "XVII")
    assert d.issuer.name == "Đảng bộ tỉnh Cà Mau"
    assert d.scope == "Cà Mau"


@pytest.mark.parametrize("written", ["Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XVII",
                                     "Nghị quyết Đại hội Đảng bộ tỉnh Cà Mau lần thứ XVII"])
def test_provincial_congress_resolution_of_delegates(written):
    d = directive(facts(CA_MAU + f"Các ngành thực hiện {written}."), "Nghị quyết Đại hội", "XVII")
    assert d.issuer.name == "Đảng bộ tỉnh Cà Mau"


def test_national_congress_resolution_of_delegates():
    f = facts("Thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII.")
    assert directive(f, "Nghị quyết Đại hội", "XIII").scope == "national"


def test_issuer_and_date_before_ban_hanh():
    f = facts(CA_MAU + "Ngày 9/3/2022, Ban Dân vận Tỉnh ủy ban hành Công văn số 245-CV/BDVTU về tổ chức hội nghị.")
    d = directive(f, "Công văn", "245")
    assert d.symbol == "245-CV/BDVTU"
    assert d.date == dt.date(2022, 3, 9)
    assert d.issuer.name == "Ban Dân vận Tỉnh ủy Cà Mau"
    assert d.scope == "Cà Mau"


def test_implementation_chain():
    f = facts(CA_MAU + "Kế hoạch số 115 ngày 13/3/2019 của Ban Thường vụ Tỉnh ủy về thực hiện Kết luận 43 "
              "của Ban Bí thư đã được triển khai.")
    plan = directive(f, "Kế hoạch", "115")
    assert plan.date == dt.date(2019, 3, 13)
    assert plan.issuer.name == "Ban Thường vụ Tỉnh ủy Cà Mau"
    assert plan.scope == "Cà Mau"
    conclusion = directive(f, "Kết luận", "43")
    assert plan.implements == [conclusion]
    assert conclusion.implements == []


def test_two_citations_merged():
    f = facts("Năm 2020, tỉnh tổng kết Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập. "
              "Các cấp ủy tiếp tục thực hiện tốt Chỉ thị 05.")
    found = [d for d in f.directives if d.doc_type == "Chỉ thị"]
    assert len(found) == 1
    d = found[0]
    assert (d.number, d.symbol, d.date) == ("5", "05-CT/TW", dt.date(2016, 5, 15))
    assert d.issuer.name == "Bộ Chính trị"
    assert len(d.evidence) == 2


def test_tu_codes_name_the_thanh_uy_in_a_centrally_run_city():
    f = facts("Các cấp ủy thực hiện Kế hoạch số 45-KH/BDVTU ngày 9/3/2022 về công tác dân vận. BDVTU chỉ đạo.",
              url="https://hanoimoi.vn/tin")
    assert directive(f, "Kế hoạch", "45").issuer.name == "Ban Dân vận Thành ủy Hà Nội"
    assert body_names(f) == {"Ban Dân vận Thành ủy Hà Nội"}


def test_a_document_that_says_what_it_implements():
    f = facts(CA_MAU + "Ngày 9/3/2022, Ban Dân vận Tỉnh ủy ban hành Công văn số 245-CV/BDVTU về công tác dân vận. "
              "Công văn được ban hành nhằm cụ thể hoá Kế hoạch số 58-KH/TU của Ban Thường vụ Tỉnh ủy về thực hiện "
              "Kết luận số 114-KL/TW; đồng thời tiếp tục triển khai Chỉ thị số 16/CT-TTg.")
    implemented = {d.number: sorted(i.number for i in d.implements) for d in f.directives}
    assert implemented == {"245": ["16", "58"], "58": ["114"], "114": [], "16": []}


# -------------------------------------------------------------- dates, events

def test_event_date_slashes_and_morning():
    f = facts("Sáng 15/10/2020, Ban Dân vận Tỉnh ủy Cà Mau tổ chức Hội nghị tổng kết công tác dân vận.")
    e = only_event(f)
    assert (e.event_type, e.date, e.part_of_day) == ("Hội nghị", dt.date(2020, 10, 15), "Sáng")
    assert e.organizer.name == "Ban Dân vận Tỉnh ủy Cà Mau"
    assert e.online is False and e.bridge_points is None


def test_event_date_dashes_and_afternoon_hop_mat():
    f = facts("Chiều 12-10-2017, Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Cà Mau tổ chức Họp mặt các vị chức sắc tôn giáo.")
    e = only_event(f)
    assert (e.event_type, e.date, e.part_of_day) == ("Họp mặt", dt.date(2017, 10, 12), "Chiều")
    assert e.organizer.name == "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Cà Mau"


def test_event_date_year_inferred_and_ky_niem():
    f = facts("Ngày 4/2, Tỉnh ủy Cà Mau tổ chức kỷ niệm ngày thành lập Đảng. Đây là hoạt động nổi bật của năm 2021.")
    e = only_event(f)
    assert (e.event_type, e.date, e.part_of_day) == ("Lễ kỷ niệm", dt.date(2021, 2, 4), None)
    assert e.organizer.name == "Tỉnh ủy Cà Mau"


def test_online_event_with_bridge_points():
    f = facts("Sáng 20/11/2021, Ban Dân vận Trung ương tổ chức Hội nghị toàn quốc trực tuyến tổng kết công tác dân vận, "
              "kết nối với 63 điểm cầu các tỉnh, thành phố.")
    e = only_event(f)
    assert e.event_type == "Hội nghị"
    assert e.online is True
    assert e.bridge_points == 63
    assert e.organizer.name == "Ban Dân vận Trung ương"


def test_event_participants_and_parts():
    f = facts("Sáng 15/10/2020, Ban Dân vận Tỉnh ủy Cà Mau tổ chức Hội nghị tổng kết công tác dân vận. "
              "Đồng chí Nguyễn Văn Khải, Trưởng Ban Dân vận Tỉnh ủy chủ trì hội nghị. "
              "Dự hội nghị có đồng chí Trần Thị Hoa, Phó Chủ tịch Ủy ban nhân dân tỉnh. "
              "Đồng chí Lê Hoàng Phúc, Phó Trưởng Ban Dân vận Tỉnh ủy phát biểu khai mạc. "
              "Đồng chí Nguyễn Văn Khải trao giấy khen cho 12 tập thể.")
    e = only_event(f)
    assert [(p.person, p.part) for p in e.participants] == [
        ("Nguyễn Văn Khải", "chair"),
        ("Trần Thị Hoa", "attendee"),
        ("Lê Hoàng Phúc", "speaker"),
        ("Nguyễn Văn Khải", "awardPresenter"),
    ]
    a = only_award(f)
    assert (a.award_type, a.collectives, a.giver, a.event) == ("Giấy khen", 12, "Nguyễn Văn Khải", e)


def test_event_named_before_do_body_to_chuc():
    e = only_event(facts("Sáng 15/10/2020, Hội nghị tổng kết công tác dân vận năm 2020 do Ban Dân vận Tỉnh ủy Cà Mau "
                         "tổ chức đã diễn ra tại Hội trường Tỉnh ủy."))
    assert (e.event_type, e.date, e.organizer.name) == ("Hội nghị", dt.date(2020, 10, 15), "Ban Dân vận Tỉnh ủy Cà Mau")


def test_a_venue_named_after_an_event_type_is_not_the_event():
    e = only_event(facts("Sáng 15/10/2020, Ban Dân vận Tỉnh ủy Cà Mau tổ chức tại Trung tâm Hội nghị tỉnh "
                         "Lễ kỷ niệm 90 năm Ngày truyền thống công tác dân vận."))
    assert e.event_type == "Lễ kỷ niệm"


def test_event_whose_sentence_ends_with_to_chuc():
    e = only_event(facts("Sáng 20/6/2018, tại Nhà văn hóa huyện đã diễn ra Hội nghị chuyên đề về công tác dân vận "
                         "do Bộ Chỉ huy Quân sự tỉnh Bình Phước tổ chức."))
    assert (e.event_type, e.organizer.name) == ("Hội nghị", "Bộ Chỉ huy Quân sự tỉnh Bình Phước")


def test_a_working_visit_is_an_event_of_the_delegations_body():
    e = only_event(facts("Sáng 29/7/2023, Đoàn công tác của Ban Dân vận Trung ương do đồng chí Phạm Đình Hoạt, "
                         "Phó Trưởng ban Dân vận Trung ương làm trưởng đoàn đã có buổi làm việc với Ban Thường vụ "
                         "Tỉnh ủy Tuyên Quang về công tác dân vận."))
    assert (e.event_type, e.date, e.organizer.name) == ("Buổi làm việc", dt.date(2023, 7, 29), "Ban Dân vận Trung ương")
    assert [(p.person, p.part) for p in e.participants] == [("Phạm Đình Hoạt", "chair")]


# -------------------------------------------------------------------- awards

def test_award_given_by_body():
    f = facts(CA_MAU + "Dịp này, Ủy ban nhân dân tỉnh tặng bằng khen cho 26 tập thể, 27 cá nhân có thành tích xuất sắc.")
    a = only_award(f)
    assert (a.award_type, a.collectives, a.individuals, a.total) == ("Bằng khen", 26, 27, None)
    assert isinstance(a.giver, Body) and a.giver.name == "Ủy ban nhân dân tỉnh Cà Mau"


def test_award_given_by_title():
    f = facts(CA_MAU + "Dịp này, Trưởng Ban Dân vận Tỉnh ủy tặng giấy khen cho 17 tập thể và 22 cá nhân.")
    a = only_award(f)
    assert (a.award_type, a.collectives, a.individuals, a.total) == ("Giấy khen", 17, 22, None)
    assert isinstance(a.giver, Title) and a.giver.name == "Trưởng Ban Dân vận Tỉnh ủy Cà Mau"


def test_award_total():
    f = facts(CA_MAU + "Ban Dân vận Tỉnh ủy trao giấy khen cho 135 tập thể và cá nhân.")
    a = only_award(f)
    assert (a.award_type, a.collectives, a.individuals, a.total) == ("Giấy khen", None, None, 135)
    assert a.giver.name == "Ban Dân vận Tỉnh ủy Cà Mau"


def test_award_tuyen_duong():
    f = facts(CA_MAU + "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh tuyên dương 24 tập thể, 87 cá nhân.")
    a = only_award(f)
    assert (a.award_type, a.collectives, a.individuals, a.total) == ("Tuyên dương", 24, 87, None)
    assert a.giver.name == "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Cà Mau"


def test_award_thousands_separator():
    f = facts(CA_MAU + "Ủy ban nhân dân tỉnh tặng bằng khen cho 1.177 tập thể, 2.359 cá nhân.")
    a = only_award(f)
    assert (a.collectives, a.individuals) == (1177, 2359)


def test_counts_without_award_give_no_award():
    f = facts(CA_MAU + "Toàn tỉnh có 272 tập thể và 170 cá nhân tham gia xây dựng mô hình “Dân vận khéo”.")
    assert f.awards == []


# ----------------------------------------------------------------- movements

def test_movement_with_period():
    f = facts(CA_MAU + "Tỉnh tiếp tục đẩy mạnh phong trào thi đua “Dân vận khéo” giai đoạn 2016 – 2020.")
    assert [(m.name, m.start_year, m.end_year) for m in f.movements] == [("Dân vận khéo", 2016, 2020)]


# --------------------------------------------------------------------- text

def test_normalize_keeps_length_and_moves_tones():
    text = "Tỉnh uỷ chỉ đạo hoà giải ở cơ sở, quý I"
    out = normalize(text)
    assert len(out) == len(text)
    assert out == "Tỉnh ủy chỉ đạo hòa giải ở cơ sở, quý I"


def test_normalize_keeps_quy():
    assert normalize("quý") == "quý"
    assert normalize("Quý") == "Quý"


def test_normalize_upper_case_pair():
    assert normalize("Uỷ ban") == "Ủy ban"


# ------------------------------------------------------------ further cases

def test_abbreviated_titles_after_dc():
    f = facts(CA_MAU + "Dự có đ/c Nguyễn Văn An, TVTU, Trưởng BDVTU.")
    assert tenures(f) == [
        ("Nguyễn Văn An", "Ủy viên Ban Thường vụ Tỉnh ủy Cà Mau", False),
        ("Nguyễn Văn An", "Trưởng Ban Dân vận Tỉnh ủy Cà Mau", False),
    ]


def test_tong_bi_thu_role_and_body():
    f = facts("Dự có đồng chí Trần Quốc Nam, Ủy viên Bộ Chính trị, Thường trực Ban Bí thư, Tổng Bí thư.")
    assert [(t.title.role, t.title.body.name) for t in f.tenures] == [
        ("Ủy viên", "Bộ Chính trị"), ("Thường trực", "Ban Bí thư"), ("Tổng Bí thư", "Ban Chấp hành Trung ương Đảng")]


def test_role_ending_with_body_word_written_once():
    f = facts("Dự có đồng chí Lê Thành Công, Ủy viên BCH TW Đảng, Chánh Văn phòng Trung ương Đảng.")
    assert tenures(f) == [
        ("Lê Thành Công", "Ủy viên Ban Chấp hành Trung ương Đảng", False),
        ("Lê Thành Công", "Chánh Văn phòng Trung ương Đảng", False),
    ]


def test_ban_chap_hanh_dang_bo_tinh_is_tinh_uy():
    f = facts(CA_MAU + "Dự có đồng chí Phạm Văn Bình, Ủy viên Ban Chấp hành Đảng bộ tỉnh, Giám đốc Sở Nội vụ tỉnh.")
    assert tenures(f) == [
        ("Phạm Văn Bình", "Ủy viên Tỉnh ủy Cà Mau", False),
        ("Phạm Văn Bình", "Giám đốc Sở Nội vụ tỉnh Cà Mau", False),
    ]


def test_bridge_point_of_a_province_in_national_event():
    f = facts("Sáng 5/12/2022, Ban Dân vận Trung ương tổ chức Hội nghị trực tuyến. Tại điểm cầu tỉnh Cà Mau, "
              "đồng chí Võ Văn Hải, Trưởng Ban Dân vận Tỉnh ủy chủ trì. "
              "Đồng chí Nguyễn Văn Tâm, Phó Trưởng Ban Dân vận Trung ương phát biểu.")
    assert tenures(f) == [
        ("Võ Văn Hải", "Trưởng Ban Dân vận Tỉnh ủy Cà Mau", False),
        ("Nguyễn Văn Tâm", "Phó Trưởng Ban Dân vận Trung ương", False),
    ]
    e = only_event(f)
    assert e.organizer.name == "Ban Dân vận Trung ương"
    assert [(p.person, p.part) for p in e.participants] == [("Võ Văn Hải", "chair"), ("Nguyễn Văn Tâm", "speaker")]


def test_award_given_by_office_holder_title():
    f = facts(CA_MAU + "Chủ tịch UBND tỉnh tặng bằng khen cho 26 tập thể, 27 cá nhân.")
    a = only_award(f)
    assert (a.collectives, a.individuals) == (26, 27)
    assert isinstance(a.giver, Title) and a.giver.name == "Chủ tịch Ủy ban nhân dân tỉnh Cà Mau"


@pytest.mark.parametrize(("giver", "level", "province"), [
    ("Ban Thường vụ Huyện ủy Năm Căn", "district", "place/ca-mau"),  # a district's body gives for its province
    ("Trưởng Ban Dân vận Huyện ủy Năm Căn", "district", "place/ca-mau"),  # a post gives for its body
    ("Ủy ban nhân dân tỉnh", "province", "place/ca-mau"),
    ("Ban Dân vận Trung ương", "central", None),  # a central body has no province
])
def test_award_states_its_givers_level_and_province(giver, level, province):
    f = facts(CA_MAU + f"{giver} tặng giấy khen cho 12 tập thể, 30 cá nhân.")
    award = rdf.node(rdf.ID["award/t-txt/1"])
    quads = (line.split(" ", 3) for line in rdf.report_quads(f).lines)
    stated = {p: o for s, p, o, _ in quads if s == award and p in (rdf.V.awardLevel, rdf.V.awardProvince)}
    assert stated.get(rdf.V.awardLevel) == f'"{level}"'
    assert stated.get(rdf.V.awardProvince) == (rdf.node(rdf.ID[province]) if province else None)


def test_local_symbol_scoped_to_province():
    f = facts("Tỉnh ủy Cà Mau ban hành Kế hoạch số 30-KH/TU về công tác dân vận.")
    d = directive(f, "Kế hoạch", "30")
    assert (d.symbol, d.scope, d.issuer.name) == ("30-KH/TU", "Cà Mau", "Tỉnh ủy Cà Mau")


def test_same_local_symbol_in_two_provinces_differs():
    a = directive(facts("Tỉnh ủy Cà Mau ban hành Kế hoạch số 30-KH/TU."), "Kế hoạch", "30")
    b = directive(facts("Tỉnh ủy Trà Vinh ban hành Kế hoạch số 30-KH/TU."), "Kế hoạch", "30")
    assert a.key != b.key


def test_congress_resolution_two_forms_merged():
    f = facts("Học tập Nghị quyết Đại hội XIII của Đảng. Đưa Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII vào cuộc sống.")
    found = [d for d in f.directives if d.doc_type == "Nghị quyết Đại hội"]
    assert [(d.number, len(d.evidence)) for d in found] == [("XIII", 2)]


def test_steering_committee_full_name():
    f = facts(CA_MAU + "Ban Chỉ đạo thực hiện QCDC ở cơ sở tỉnh họp phiên thường kỳ.")
    assert "Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở tỉnh Cà Mau" in body_names(f)


def test_the_sentence_splitter_gives_underthesea_s_sentences():
    """kg.sentences.sent_tokenize jumps between sentence marks but keeps underthesea's rules, on the seed
    reports and on text made of the marks, abbreviations, digits and spaces those rules turn on."""
    import random

    from underthesea import sent_tokenize as underthesea_sentences

    from conftest import SHARED
    from kg.sentences import sent_tokenize

    texts = [line for path in sorted((SHARED / "corpus" / "seeds").glob("*.txt"))
             for line in normalize(path.read_text(encoding="utf-8")).split("\n")]
    pieces = ["a", "b ", "TP.", "TP. ", "1.2", "...", ". ", "? ", "!", "\t", "A", "Đ", "_x.", "e.g", "Th.S ", "v.v..",
              " ", "x.y.z"]
    chance = random.Random(7)
    texts += ["".join(chance.choice(pieces) for _ in range(chance.randint(0, 12))) for _ in range(3000)]
    assert [sent_tokenize(t) for t in texts] == [underthesea_sentences(t) for t in texts]
