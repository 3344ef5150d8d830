"""The political map through time (kg.places): which provinces and local units a date puts in force."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from kg.gazetteer import data_table as rows
from kg.places import HUE_DATE, MERGER_DATE, historical_provinces, political_map, province, successors
from kg.text import normalize


def test_before_2025_the_63_provinces_and_their_districts():
    m = political_map(dt.date(2023, 3, 5))
    assert len(m.provinces) == 63 and political_map(None) is m
    assert m.provinces["Thừa Thiên Huế"].kind == "province"  # a centrally run city only from 1 January 2025
    assert m.forms["Bạc Liêu"] == m.provinces["Bạc Liêu"]
    assert m.unit("Kinh Môn").province == "Hải Dương"
    assert "Hà Tuyên" in m.former and "Bạc Liêu" not in m.former


def test_from_1_january_2025_thua_thien_hue_is_the_city_of_hue():
    m = political_map(HUE_DATE)
    hue = m.provinces["Huế"]
    assert (hue.kind, hue.level_word, len(m.provinces)) == ("city", "thành phố", 63)
    assert "Thừa Thiên Huế" not in m.provinces and m.former["Thừa Thiên Huế"].kind == "province"
    assert m.forms["TT-Huế"] == hue and m.unit("Phú Vang").province == "Huế"
    assert political_map(MERGER_DATE - dt.timedelta(days=1)) is m


def test_from_1_july_2025_34_provinces_and_their_communes():
    m = political_map(dt.date(2026, 1, 10))
    assert len(m.provinces) == 34 and political_map(MERGER_DATE) is m
    assert sum(1 for ps in m.units.values() for p in ps if p.kind == "commune") == 3321
    ward = m.unit("Bạc Liêu", "phường")
    assert (ward.kind, ward.level_word, ward.province) == ("commune", "phường", "Cà Mau")
    assert m.forms["TP.HCM"] == m.provinces["Hồ Chí Minh"] and m.provinces["Hồ Chí Minh"].kind == "city"
    assert "Bạc Liêu" in m.former and "Thừa Thiên Huế" in m.former and "Hà Tây" in m.former
    assert ("baclieu", m.former["Bạc Liêu"]) not in m.hosts  # a merged province's site is not the new one's
    assert next(p for host, p in m.hosts if host == "camau").name == "Cà Mau"


def test_a_commune_name_shared_by_provinces_is_told_apart_by_the_province():
    m = political_map(dt.date(2026, 1, 10))
    shared = next(name for name, ps in m.units.items() if len({p.province for p in ps}) > 1)
    for p in m.units[shared]:
        assert m.unit(shared, p.level_word, m.provinces[p.province]) == p


def test_the_2025_provinces_are_those_of_resolution_202():
    kinds = {r["name"]: r["kind"] for r in rows("provinces_2025.tsv")}
    cities = {"Hà Nội", "Hải Phòng", "Huế", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"}
    assert len(kinds) == 34 and {n for n, k in kinds.items() if k == "city"} == cities
    formed = {r["name"]: r["formed_from"].split("|") for r in rows("provinces_2025.tsv")}
    assert formed["Cà Mau"] == ["Bạc Liêu", "Cà Mau"]
    assert formed["Hồ Chí Minh"] == ["Bình Dương", "Bà Rịa - Vũng Tàu", "Hồ Chí Minh"]
    assert sorted(n for names in formed.values() for n in names) == sorted(r["name"] for r in rows("provinces.tsv"))


def test_where_each_old_province_and_commune_went():
    assert successors()["Bạc Liêu"] == ("Cà Mau",) and successors()["Thừa Thiên Huế"] == ("Huế",)
    assert "Cà Mau" not in successors() and "Cao Bằng" not in successors()  # went on under their own names
    communes = rows("commune_successors.tsv")
    assert len(communes) == 10040
    new = {(r["province"], f"{r['level']} {r['name']}") for r in rows("communes_2025.tsv")}
    assert all((r["province_2025"], c) in new for r in communes for c in r["communes_2025"].split("|"))


def test_historical_provinces_and_what_they_became():
    h = historical_provinces()
    assert {"Hà Tuyên", "Nghĩa Bình", "Hà Sơn Bình", "Bình Trị Thiên", "Hải Hưng", "Hà Bắc", "Minh Hải", "Cửu Long",
            "Nghệ Tĩnh", "Hoàng Liên Sơn", "Sông Bé", "Hà Tây"} <= set(h)
    assert (h["Hà Tây"].start, h["Hà Tây"].end, h["Hà Tây"].successors) == (1991, 2008, ("Hà Nội",))
    assert successors()["Minh Hải"] == ("Bạc Liêu", "Cà Mau")
    for name, p in h.items():  # each successor is a province of some date
        assert all(province(s) for s in p.successors), name
    assert province("Hà Tuyên").full_name == "Hà Tuyên"


def test_the_tables_are_written_as_the_reports_are_normalised():
    """The tables are read as they are (kg.gazetteer): a value in another tone-mark style or NFD would match nothing."""
    data = Path(__file__).resolve().parent.parent / "kg" / "data"
    for path in sorted(data.glob("*.tsv")) + sorted(data.glob("*.toml")) + [data / "surnames.txt"]:
        if path.name == "vni.tsv":  # an encoding's table: its spellings are the encoding's
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            assert all(normalize(v) == v for v in line.split("\t")), f"{path.name}:{n}: write it as kg.text.normalize does"
