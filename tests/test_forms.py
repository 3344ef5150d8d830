"""One test per form that real reports use (../shared/REAL-REPORTS.md, DOMAIN.md), on sentences written for
these tests with invented names: names tied to titles by verbs and lists, bodies of the whole political
system, places by date, abbreviations in title lists, events told without "tổ chức"."""
from __future__ import annotations

import datetime as dt

from kg.build import extract_text

SON_LA = "Tỉnh ủy Sơn La chỉ đạo công tác cán bộ. "


def facts(text, url=None):
    return extract_text(text, "t.txt", url=url)


def posts(f):
    return {(t.person, t.title.name) for t in f.tenures}


def split(f):
    return {(t.person, t.title.role, t.title.body.name) for t in f.tenures}


def former(f):
    return {(t.person, t.title.name) for t in f.tenures if t.former}


def bodies(f):
    return {b.body.name for b in f.bodies}


def officials(f):
    return {p.person for p in f.people}


def events(f):
    return {(e.event_type, e.date) for e in f.events}


def the_event(f):
    assert len(f.events) == 1, [(e.event_type, e.date) for e in f.events]
    return f.events[0]


def participants(event):
    return {p.person for p in event.participants}


# ------------------------------------------------------------------ names tied to titles by verbs

def test_appointed_to_a_post():
    f = facts("Ngày 3/4/2024, ông Lường Văn Sinh được bổ nhiệm giữ chức vụ Phó Giám đốc Sở Y tế tỉnh Sơn La.")
    assert posts(f) == {("Lường Văn Sinh", "Phó Giám đốc Sở Y tế tỉnh Sơn La")}
    assert split(f) == {("Lường Văn Sinh", "Phó Giám đốc", "Sở Y tế tỉnh Sơn La")}


def test_two_people_take_one_post():
    f = facts(SON_LA + "Bà Vi Thị Lan và ông Nông Văn Thịnh đảm nhiệm chức vụ Phó Chánh Văn phòng Tỉnh ủy Sơn La.")
    assert posts(f) == {("Vi Thị Lan", "Phó Chánh Văn phòng Tỉnh ủy Sơn La"),
                        ("Nông Văn Thịnh", "Phó Chánh Văn phòng Tỉnh ủy Sơn La")}


def test_approval_of_an_election_for_a_person_named_after():
    f = facts("Thủ tướng Chính phủ phê chuẩn kết quả bầu chức vụ Phó Chủ tịch UBND tỉnh Kon Tum đối với ông Lò Văn Hưng, "
              "Tỉnh ủy viên.")
    assert posts(f) == {("Lò Văn Hưng", "Phó Chủ tịch Ủy ban nhân dân tỉnh Kon Tum"),
                        ("Lò Văn Hưng", "Ủy viên Tỉnh ủy Kon Tum")}


def test_posts_held_before_are_former_and_a_short_name_refers_back():
    f = facts(SON_LA + "Ông Lò Văn Hưng được bầu giữ chức Chủ tịch HĐND tỉnh. Trước đó, ông Hưng đã kinh qua các chức vụ: "
              "Bí thư Huyện ủy Mường La, Phó Trưởng Ban Tổ chức Tỉnh ủy.")
    assert former(f) == {("Lò Văn Hưng", "Bí thư Huyện ủy Mường La"),
                         ("Lò Văn Hưng", "Phó Trưởng Ban Tổ chức Tỉnh ủy Sơn La")}
    assert ("Lò Văn Hưng", "Chủ tịch Hội đồng nhân dân tỉnh Sơn La") in posts(f) - former(f)


def test_holders_listed_after_a_colon():
    f = facts("Dự hội nghị có các Phó Chủ tịch UBND tỉnh Sơn La: Cầm Văn Phúc, Lò Văn Hưng.")
    assert posts(f) == {("Cầm Văn Phúc", "Phó Chủ tịch Ủy ban nhân dân tỉnh Sơn La"),
                        ("Lò Văn Hưng", "Phó Chủ tịch Ủy ban nhân dân tỉnh Sơn La")}


def test_a_list_after_a_colon_ends_where_its_names_have_titles_of_their_own():
    f = facts(SON_LA + "Cùng dự có các đồng chí Phó Trưởng Ban Dân vận Tỉnh ủy: Lò Văn Bình, Hà Thị Thoa; đồng chí "
              "Cầm Bá Tuân, Chủ tịch Hội Nông dân tỉnh.")
    assert posts(f) == {("Lò Văn Bình", "Phó Trưởng Ban Dân vận Tỉnh ủy Sơn La"),
                        ("Hà Thị Thoa", "Phó Trưởng Ban Dân vận Tỉnh ủy Sơn La"),
                        ("Cầm Bá Tuân", "Chủ tịch Hội Nông dân tỉnh Sơn La")}


def test_several_elected_each_with_a_title_of_their_own():
    f = facts(SON_LA + "Các đồng chí Lò Văn Hặng, Ủy viên Ban Thường vụ Tỉnh ủy và Tòng Thị Mây, Tỉnh ủy viên, được bầu "
              "giữ chức Phó Chủ tịch HĐND tỉnh.")
    assert {("Lò Văn Hặng", "Phó Chủ tịch Hội đồng nhân dân tỉnh Sơn La"),
            ("Tòng Thị Mây", "Phó Chủ tịch Hội đồng nhân dân tỉnh Sơn La")} <= posts(f)


def test_elected_with_a_title_between_name_and_verb():
    f = facts("HĐND tỉnh Lai Châu bầu ông Sùng A Páo, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, giữ chức Chủ tịch HĐND tỉnh.")
    assert posts(f) == {("Sùng A Páo", "Ủy viên Ban Chấp hành Trung ương Đảng"), ("Sùng A Páo", "Bí thư Tỉnh ủy Lai Châu"),
                        ("Sùng A Páo", "Chủ tịch Hội đồng nhân dân tỉnh Lai Châu")}


def test_a_biography_with_is():
    f = facts("Ông Quàng Văn Tín (sinh năm 1975, quê xã Chiềng Cơi) là Phó Chủ tịch UBND tỉnh Sơn La.")
    assert posts(f) == {("Quàng Văn Tín", "Phó Chủ tịch Ủy ban nhân dân tỉnh Sơn La")}


def test_leaving_a_post_ends_it():
    f = facts(SON_LA + "Đồng chí Hà Văn Phương, Giám đốc Sở Tư pháp, thôi giữ chức để nghỉ hưu theo chế độ.")
    assert former(f) == {("Hà Văn Phương", "Giám đốc Sở Tư pháp tỉnh Sơn La")}


# ------------------------------------------------------------------ the whole political system

def test_central_posts_a_ministry_level_committee_is_not_a_provinces_board():
    f = facts("Dự buổi làm việc có ông Cầm Văn Phúc, Thứ trưởng, Phó Chủ nhiệm Ủy ban Dân tộc; bà Quàng Thị Mỹ, Phó Chủ tịch "
              "- Tổng Thư ký UBTƯ MTTQ Việt Nam; ông Nông Văn Định, Bộ trưởng Bộ Nội vụ.")
    assert posts(f) == {("Cầm Văn Phúc", "Phó Chủ nhiệm Ủy ban Dân tộc"),
                        ("Quàng Thị Mỹ", "Phó Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"),
                        ("Quàng Thị Mỹ", "Tổng Thư ký Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"),
                        ("Nông Văn Định", "Bộ trưởng Bộ Nội vụ")}


def test_a_communes_party_committee_and_an_association():
    f = facts(SON_LA + "Đảng ủy xã Chiềng Sơn phối hợp với Hội Nhà báo tỉnh Sơn La tổ chức hội nghị.")
    assert {"Đảng ủy xã Chiềng Sơn", "Hội Nhà báo tỉnh Sơn La"} <= bodies(f)


def test_the_party_committee_of_a_provinces_peoples_committee():
    f = facts("Ngày 10/9/2025, đồng chí Cầm Văn Phúc, Phó Bí thư Đảng ủy UBND tỉnh Sơn La dự hội nghị.")
    assert split(f) == {("Cầm Văn Phúc", "Phó Bí thư", "Đảng ủy Ủy ban nhân dân tỉnh Sơn La")}


def test_the_party_committee_of_the_agency_named_next_in_the_list():
    f = facts(SON_LA + "Đại tá Lò Văn Tường, Phó Bí thư Đảng ủy, Chỉ huy trưởng Bộ CHQS tỉnh phát biểu.")
    assert posts(f) == {("Lò Văn Tường", "Phó Bí thư Đảng ủy Quân sự tỉnh Sơn La"),
                        ("Lò Văn Tường", "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Sơn La")}


def test_courts_procuracy_and_police():
    f = facts("Tỉnh ủy Nghệ An. Dự có ông Phan Văn Tùng, Chánh án Tòa án nhân dân tỉnh; bà Lê Thị Hoa, Viện trưởng Viện "
              "kiểm sát nhân dân tỉnh; Đại tá Hồ Văn Kỳ, Giám đốc Công an tỉnh Nghệ An.")
    assert posts(f) == {("Phan Văn Tùng", "Chánh án Tòa án nhân dân tỉnh Nghệ An"),
                        ("Lê Thị Hoa", "Viện trưởng Viện kiểm sát nhân dân tỉnh Nghệ An"),
                        ("Hồ Văn Kỳ", "Giám đốc Công an tỉnh Nghệ An")}


def test_the_press_is_named_bare():
    f = facts("Tỉnh ủy Yên Bái. Ông Đào Văn Tâm, Tổng Biên tập Báo Yên Bái, Giám đốc Đài Phát thanh và Truyền hình tỉnh.")
    assert posts(f) == {("Đào Văn Tâm", "Tổng Biên tập Báo Yên Bái"),
                        ("Đào Văn Tâm", "Giám đốc Đài Phát thanh và Truyền hình Yên Bái")}


def test_two_boards_named_together():
    f = facts("Lãnh đạo Ban Tuyên giáo và Ban Dân vận Tỉnh ủy Sơn La dự hội nghị.")
    assert {"Ban Tuyên giáo Tỉnh ủy Sơn La", "Ban Dân vận Tỉnh ủy Sơn La"} <= bodies(f)


def test_a_kind_of_body_is_no_body():
    f = facts(SON_LA + "Chủ tịch UBND các cấp đối thoại với Nhân dân; Ban Thường trực Ủy ban MTTQ cấp xã được kiện toàn.")
    assert not {b for b in bodies(f) if b.startswith(("Ủy ban nhân dân", "Ban Thường trực"))}


# ------------------------------------------------------------------ places

def test_the_province_in_a_web_addresss_path_or_subdomain():
    f = facts("Đồng chí Lò Văn Hưng, Trưởng Ban Dân vận Tỉnh ủy phát biểu.", url="https://tintuc.example.vn/sonla/bai-1.html")
    assert posts(f) == {("Lò Văn Hưng", "Trưởng Ban Dân vận Tỉnh ủy Sơn La")}
    f = facts("Đồng chí Lò Văn Hưng, Trưởng Ban Dân vận Tỉnh ủy phát biểu.", url="https://maison.sonla.dcs.vn/tin/1")
    assert posts(f) == {("Lò Văn Hưng", "Trưởng Ban Dân vận Tỉnh ủy Sơn La")}


def test_no_place_at_all_leaves_an_official_without_the_post():
    f = facts("Đồng chí Lò Văn Hưng, Phó Bí thư Thường trực Tỉnh ủy chủ trì hội nghị.")
    assert officials(f) == {"Lò Văn Hưng"} and posts(f) == set()


def test_each_title_list_carries_its_own_province():
    f = facts(SON_LA + "Ông Lò Văn Hưng, Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh Điện Biên, được điều động. Bà Quàng Thị Mỹ, "
              "Tỉnh ủy viên, Giám đốc Sở Y tế tỉnh Sơn La được bổ nhiệm.")
    assert {("Lò Văn Hưng", "Ủy viên Tỉnh ủy Điện Biên"), ("Quàng Thị Mỹ", "Ủy viên Tỉnh ủy Sơn La")} <= posts(f)


def test_a_province_written_twice_or_without_its_level_word():
    f = facts("Tỉnh ủy tỉnh Cao Bằng họp. Ông Nông Văn Định, Giám đốc Sở Y tế Cao Bằng phát biểu.")
    assert {"Tỉnh ủy Cao Bằng", "Sở Y tế tỉnh Cao Bằng"} <= bodies(f)


def test_district_names_holding_a_family_name_are_read_whole():
    f = facts(SON_LA + "Ông Lò Văn Hưng, Bí thư Huyện ủy Mai Sơn; bà Quàng Thị Mỹ, Chủ tịch UBND huyện Mường La dự.")
    assert posts(f) == {("Lò Văn Hưng", "Bí thư Huyện ủy Mai Sơn"), ("Quàng Thị Mỹ", "Chủ tịch Ủy ban nhân dân huyện Mường La")}


def test_a_communes_name_ends_where_a_persons_begins():
    f = facts("Ngày 2/8/2025, Bí thư Đảng ủy xã Chiềng Sơn Lò Văn Tú dự hội nghị của Tỉnh ủy Sơn La.")
    assert posts(f) == {("Lò Văn Tú", "Bí thư Đảng ủy xã Chiềng Sơn")}


def test_a_ward_after_2025_sits_under_its_new_province():
    f = facts("Ngày 12/1/2026, Đảng ủy phường Bạc Liêu tổ chức hội nghị quán triệt nghị quyết.")
    ward = next(b.body for b in f.bodies if b.body.name == "Đảng ủy phường Bạc Liêu")
    assert ward.parent.name == "Tỉnh ủy Cà Mau"


def test_the_same_place_before_and_after_2025():
    before = facts("Ngày 5/3/2023, Ban Dân vận Tỉnh ủy Bạc Liêu tổ chức hội nghị.")
    after = facts("Ngày 5/3/2026, Ban Tuyên giáo và Dân vận Tỉnh ủy Cà Mau tổ chức hội nghị tại phường Bạc Liêu.")
    assert "Ban Dân vận Tỉnh ủy Bạc Liêu" in bodies(before)
    assert "Ban Tuyên giáo và Dân vận Tỉnh ủy Cà Mau" in bodies(after)


def test_hue_is_a_city_from_2025():
    f = facts("Ngày 23/12/2025, Ban Tuyên giáo và Dân vận Thành ủy Huế tổ chức hội nghị; ông Hồ Văn Khoa, Chủ tịch "
              "UBND thành phố phát biểu.")
    assert ("Hồ Văn Khoa", "Chủ tịch Ủy ban nhân dân thành phố Huế") in posts(f)


def test_a_historical_province_in_a_biography():
    f = facts("Tỉnh ủy Tuyên Quang. Ông Ma Văn Hiến bắt đầu công tác năm 1987 tại Ban Tổ chức Tỉnh ủy Hà Tuyên.")
    assert "Ban Tổ chức Tỉnh ủy Hà Tuyên" in bodies(f) and "Hà Tuyên" not in officials(f)


# ------------------------------------------------------------------ abbreviations and unknown pieces in title lists

def test_abbreviated_titles_in_a_list():
    f = facts(SON_LA + "Đồng chí Lò Văn Hưng, UVTV Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy Sơn La chủ trì; đồng chí Cầm Văn Phúc, "
              "TUV, Bí thư Huyện ủy Mường La dự.")
    assert posts(f) == {("Lò Văn Hưng", "Ủy viên Ban Thường vụ Tỉnh ủy Sơn La"),
                        ("Lò Văn Hưng", "Trưởng Ban Dân vận Tỉnh ủy Sơn La"),
                        ("Cầm Văn Phúc", "Ủy viên Tỉnh ủy Sơn La"), ("Cầm Văn Phúc", "Bí thư Huyện ủy Mường La")}


def test_a_standing_member_with_no_body_is_of_the_committee_named_next():
    f = facts(SON_LA + "Đồng chí Quàng Văn Thuận, Ủy viên Thường vụ, Trưởng Ban Tuyên giáo Huyện ủy Mường La phát biểu.")
    assert posts(f) == {("Quàng Văn Thuận", "Ủy viên Ban Thường vụ Huyện ủy Mường La"),
                        ("Quàng Văn Thuận", "Trưởng Ban Tuyên giáo Huyện ủy Mường La")}


def test_central_committee_member_abbreviated():
    f = facts(SON_LA + "Đồng chí Lò Thị Nga, UVT.Ư Đảng, Bí thư Tỉnh ủy phát biểu.")
    assert posts(f) == {("Lò Thị Nga", "Ủy viên Ban Chấp hành Trung ương Đảng"), ("Lò Thị Nga", "Bí thư Tỉnh ủy Sơn La")}


def test_an_unknown_piece_does_not_cut_the_list():
    f = facts(SON_LA + "Dự có ông Lò Văn Hưng, Phó Bí thư Tỉnh ủy, Đại biểu Quốc hội khóa XV, Chủ tịch UBND tỉnh.")
    assert posts(f) == {("Lò Văn Hưng", "Phó Bí thư Tỉnh ủy Sơn La"), ("Lò Văn Hưng", "Chủ tịch Ủy ban nhân dân tỉnh Sơn La")}


def test_a_dash_and_a_term_inside_a_title_list():
    f = facts(SON_LA + "Đồng chí Lò Thị Nga - Ủy viên Trung ương Đảng - Bí thư Tỉnh ủy; đồng chí Cầm Văn Phúc, Phó Bí thư "
              "Tỉnh ủy khóa XV, Chủ tịch UBND tỉnh dự.")
    assert posts(f) == {("Lò Thị Nga", "Ủy viên Ban Chấp hành Trung ương Đảng"), ("Lò Thị Nga", "Bí thư Tỉnh ủy Sơn La"),
                        ("Cầm Văn Phúc", "Phó Bí thư Tỉnh ủy Sơn La"),
                        ("Cầm Văn Phúc", "Chủ tịch Ủy ban nhân dân tỉnh Sơn La")}


# ------------------------------------------------------------------ title first, roles alone

def test_each_title_to_the_name_after_it():
    f = facts("Cùng dự có Phó Chủ tịch UBND tỉnh Sơn La Cầm Văn Phúc, Trưởng Ban Dân vận Tỉnh ủy Sơn La Quàng Thị Mỹ.")
    assert posts(f) == {("Cầm Văn Phúc", "Phó Chủ tịch Ủy ban nhân dân tỉnh Sơn La"),
                        ("Quàng Thị Mỹ", "Trưởng Ban Dân vận Tỉnh ủy Sơn La")}
    assert officials(f) == {"Cầm Văn Phúc", "Quàng Thị Mỹ"}


def test_a_role_alone_takes_the_body_named_before():
    f = facts("Ngày 9/9/2023, Đoàn công tác của Ban Dân vận Trung ương do Phó Trưởng ban Cầm Văn Phúc dẫn đầu làm việc với "
              "Tỉnh ủy Sơn La.")
    assert posts(f) == {("Cầm Văn Phúc", "Phó Trưởng Ban Dân vận Trung ương")}


def test_a_role_alone_in_a_list_shares_the_next_titles_body():
    f = facts(SON_LA + "Đại tá Đàm Văn Lực, Phó Chỉ huy trưởng, Tham mưu trưởng Bộ CHQS tỉnh được điều động.")
    assert posts(f) == {("Đàm Văn Lực", "Phó Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Sơn La"),
                        ("Đàm Văn Lực", "Tham mưu trưởng Bộ Chỉ huy Quân sự tỉnh Sơn La")}


def test_ethnic_minority_names():
    f = facts("Tỉnh ủy Gia Lai. Cùng chủ trì có các Phó Chủ tịch HĐND tỉnh: Siu H'Mai, Rơ Châm Y Brơm; đồng chí A Sâm, "
              "Phó Bí thư Tỉnh ủy dự.")
    assert {"Siu H'Mai", "Rơ Châm Y Brơm", "A Sâm"} <= officials(f)


# ------------------------------------------------------------------ events told without "tổ chức"

def test_a_congress_opens():
    e = the_event(facts("Sáng 12/5/2024, Đại hội đại biểu Đảng bộ tỉnh Sơn La lần thứ XVI chính thức khai mạc."))
    assert (e.event_type, e.date, e.organizer.name) == ("Đại hội", dt.date(2024, 5, 12), "Đảng bộ tỉnh Sơn La")


def test_a_standing_office_works_with_a_board():
    e = the_event(facts("Chiều 12/5/2024, Thường trực Tỉnh ủy Sơn La làm việc với Ban Dân vận Tỉnh ủy."))
    assert (e.event_type, e.date, e.organizer.name) == ("Buổi làm việc", dt.date(2024, 5, 12), "Thường trực Tỉnh ủy Sơn La")


def test_a_conference_took_place_and_is_the_setting_of_what_follows():
    f = facts("Ngày 3/4/2024, đã diễn ra Hội nghị tổng kết công tác dân vận của Tỉnh ủy Sơn La. Tại Hội nghị, đồng chí "
              "Lò Văn Hưng, Trưởng Ban Dân vận Tỉnh ủy phát biểu.")
    e = the_event(f)
    assert (e.event_type, e.date) == ("Hội nghị", dt.date(2024, 4, 3)) and participants(e) == {"Lò Văn Hưng"}


def test_chairing_a_briefing_meeting():
    e = the_event(facts(SON_LA + "Sáng 9/4/2024, đồng chí Lò Văn Hưng, Trưởng Ban Dân vận Tỉnh ủy chủ trì cuộc họp giao "
                                 "ban khối dân vận quý I."))
    assert (e.event_type, e.date) == ("Hội nghị", dt.date(2024, 4, 9)) and participants(e) == {"Lò Văn Hưng"}


def test_presence_listed_in_bullet_lines():
    f = facts(SON_LA + "Sáng 11/10/2019, Ban Dân vận Tỉnh ủy long trọng tuyên dương các điển hình. Lễ tuyên dương có sự "
              "hiện diện của:\n- Đồng chí Lò Văn Hưng, Phó Bí thư Tỉnh ủy;\n- Đồng chí Quàng Thị Mỹ, Chủ tịch UBND tỉnh.")
    e = the_event(f)
    assert e.event_type == "Lễ tuyên dương" and participants(e) == {"Lò Văn Hưng", "Quàng Thị Mỹ"}


def test_receiving_a_delegation():
    e = the_event(facts(SON_LA + "Sáng 18/5/2023, đồng chí Lò Văn Hưng, Bí thư Tỉnh ủy tiếp Đoàn công tác Ban Dân vận "
                                 "Trung ương."))
    assert (e.event_type, e.date) == ("Buổi làm việc", dt.date(2023, 5, 18)) and participants(e) == {"Lò Văn Hưng"}


def test_a_session_of_a_council():
    e = the_event(facts("Sáng 7/12/2022, HĐND tỉnh Quảng Ninh khóa XIV, nhiệm kỳ 2021 - 2026 khai mạc Kỳ họp thứ 12."))
    assert (e.event_type, e.date, e.organizer.name) == ("Kỳ họp", dt.date(2022, 12, 7), "Hội đồng nhân dân tỉnh Quảng Ninh")


def test_the_year_is_the_reviewed_periods_end_not_its_start():
    e = the_event(facts("Sáng 3/4, Ban Dân vận Tỉnh ủy Trà Vinh tổ chức Hội nghị tổng kết giai đoạn 2019 - 2024."))
    assert e.date == dt.date(2024, 4, 3)


def test_a_metadata_date_line_is_a_date():
    f = facts("date 2024-05-12\nSáng 12/5, Ban Dân vận Tỉnh ủy Sơn La tổ chức Hội nghị.")
    assert events(f) == {("Hội nghị", dt.date(2024, 5, 12))}


def test_a_conference_of_several_days_is_dated_by_its_first_and_its_closing_is_the_same():
    f = facts("Trong 2 ngày 6 và 7/11/2025, Hội thi Dân vận khéo tỉnh Lạng Sơn đã diễn ra. Tối 7/11, hội thi bế mạc.")
    assert events(f) == {("Hội thi", dt.date(2025, 11, 6))}


def test_a_speech_only_cited_is_no_participation():
    f = facts(SON_LA + "Sáng 20/3/2024, Huyện ủy Mường La tổ chức Hội nghị quán triệt nghị quyết. Tại hội nghị, đồng chí "
              "Quàng Văn Thuận, Trưởng Ban Tuyên giáo Huyện ủy quán triệt bài phát biểu của đồng chí Lò Thị Nga, Bí thư "
              "Tỉnh ủy.")
    assert participants(the_event(f)) == {"Quàng Văn Thuận"}


def test_a_future_event_is_not_held():
    f = facts(SON_LA + "Theo kế hoạch, Hội thi Dân vận khéo cấp tỉnh sẽ diễn ra trong quý III.")
    assert f.events == []


def test_organisers_who_work_together():
    e = the_event(facts("Sáng 13/10/2023, Ban Dân vận Tỉnh ủy Cà Mau phối hợp với Hội Nông dân tỉnh tổ chức Tọa đàm."))
    assert e.organizer.name == "Ban Dân vận Tỉnh ủy Cà Mau"
