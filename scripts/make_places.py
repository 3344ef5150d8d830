"""Make the political map's tables in kg/data from two packages: re-runnable, deterministic.

    pip install -e '.[data]'          # the two packages below, pinned
    python scripts/make_places.py     # rewrites the files listed under "Writes"

Reads:
- vietnam-provinces 2025.10.1 (PyPI; Nguyễn Hồng Quân; code GPL-3.0-or-later, data from the General
  Statistics Office): the 34 provincial units of 1 July 2025 and their 3,321 communes, wards and special zones.
- vietnamadminunits 1.0.4 (PyPI; Tran Ngoc Minh Hieu; MIT): data/dataset.db (the 63 provinces' 10,040
  communes with their districts) and data/converter_2025.json (which 2025 province and commune(s) each
  went to). Its files are read directly: the package itself is not imported.
- kg/data/provinces.tsv: the 63 provinces' names, aliases and web hosts, carried to a 2025 province of
  the same name (Huế takes the forms of Thừa Thiên Huế that name Huế alone).

Writes (kg/data):
- provinces_2025.tsv: the 34 provincial units.
- communes_2025.tsv: their communes (xã), wards (phường) and special zones (đặc khu).
- province_successors.tsv: each pre-2025 province, the 2025 province it became part of, and when.
- commune_successors.tsv: each pre-2025 commune (and island district without communes), with its
  district, and the 2025 commune(s) its area went to.
- province_changes.tsv: the dated changes of province-level bodies, as rows for kg/history.py: each
  Party committee's Ban Tuyên giáo and Ban Dân vận into its Ban Tuyên giáo và Dân vận (early 2025), the
  departments (Sở) merged in March 2025, Thừa Thiên Huế's bodies into thành phố Huế's (1 January 2025),
  and every body kind below of each pre-2025 province into its 2025 province's (1 July 2025).
The central changes (central_changes.tsv) and the historical provinces (historical_provinces.tsv) are
kept by hand, with a source for each row.
"""
from __future__ import annotations

import csv
import importlib.util
import json
import re
import sqlite3
import sys
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.text import normalize, squash  # noqa: E402 (the project's own normalisation: NFC, "Hòa" tone style)

DATA = ROOT / "kg" / "data"
HUE_DATE, BOARDS_DATE, DEPARTMENTS_DATE, MERGER_DATE = "2025-01-01", "2025-03-01", "2025-03-01", "2025-07-01"
HUE_BASIS = "Nghị quyết 175/2024/QH15"
BOARDS_BASIS = "Kết luận 121-KL/TW; quyết định của từng Tỉnh ủy, Thành ủy (tháng 2-3/2025)"
DEPARTMENTS_BASIS = "Nghị định 45/2025/NĐ-CP"
MERGER_BASIS = "Nghị quyết 202/2025/QH15"

# The body kinds of a province, as named in DOMAIN.md; "{c}" is the Party committee (Tỉnh ủy P / Thành ủy P),
# "{p}" the level and place ("tỉnh Cà Mau", "thành phố Huế", "Thành phố Hồ Chí Minh"), "{y}" the youth union.
PARTY = [("{c}", "party"), ("Ban Thường vụ {c}", "party"), ("Ban Tổ chức {c}", "party"),
         ("Ban Nội chính {c}", "party"), ("Ủy ban Kiểm tra {c}", "party"), ("Văn phòng {c}", "party"),
         ("Đảng bộ {p}", "party")]
BOARDS_2024 = [("Ban Tuyên giáo {c}", "party"), ("Ban Dân vận {c}", "party")]
BOARDS_2025 = [("Ban Tuyên giáo và Dân vận {c}", "party")]
LOCAL = [("Hội đồng nhân dân {p}", "state"), ("Ủy ban nhân dân {p}", "state"),
         ("Đoàn đại biểu Quốc hội {p}", "state"), ("Ủy ban Mặt trận Tổ quốc Việt Nam {p}", "front"),
         ("{y}", "mass"), ("Hội Liên hiệp Phụ nữ {p}", "mass"), ("Hội Nông dân {p}", "mass"),
         ("Hội Cựu chiến binh {p}", "mass"), ("Liên đoàn Lao động {p}", "mass"),
         ("Bộ Chỉ huy Quân sự {p}", "armed"), ("Công an {p}", "state")]
DEPARTMENTS_KEPT = ["Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Sở Công Thương", "Sở Xây dựng",
                    "Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch", "Sở Giáo dục và Đào tạo", "Sở Y tế"]
# March 2025: merged departments → the one they became (Nghị định 45/2025/NĐ-CP).
DEPARTMENT_MERGERS = {
    "Sở Tài chính": ["Sở Kế hoạch và Đầu tư", "Sở Tài chính"],
    "Sở Xây dựng": ["Sở Giao thông vận tải", "Sở Xây dựng"],
    "Sở Nông nghiệp và Môi trường": ["Sở Nông nghiệp và Phát triển nông thôn", "Sở Tài nguyên và Môi trường"],
    "Sở Khoa học và Công nghệ": ["Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ"],
    "Sở Nội vụ": ["Sở Lao động - Thương binh và Xã hội", "Sở Nội vụ"],
}
DEPARTMENTS_2024 = sorted({*DEPARTMENTS_KEPT, *(d for merged in DEPARTMENT_MERGERS.values() for d in merged)})
DEPARTMENTS_2025 = sorted({*DEPARTMENTS_KEPT, *DEPARTMENT_MERGERS})
HUE_FORMS = ("Huế", "Thành phố Huế", "TP Huế", "TP. Huế")  # Thừa Thiên Huế's forms that name the city alone
HUE_HOSTS = ("hue",)


@dataclass(frozen=True)
class Province:
    """A provincial unit as the tables write it."""

    name: str
    full_name: str
    kind: str  # province, city
    aliases: tuple[str, ...] = ()
    hosts: tuple[str, ...] = ()

    @property
    def level_word(self) -> str:
        return "thành phố" if self.kind == "city" else "tỉnh"

    def committee(self) -> str:
        return f"{'Thành ủy' if self.kind == 'city' else 'Tỉnh ủy'} {self.full_name}"

    def phrase(self) -> str:
        """The level and place that follow a local body's head: "tỉnh Cà Mau", "Thành phố Hồ Chí Minh"."""
        if self.full_name.lower().startswith(self.level_word + " "):
            return self.full_name
        return f"{self.level_word} {self.full_name}"

    def body(self, template: str) -> str:
        youth = f"{'Thành đoàn' if self.kind == 'city' else 'Tỉnh đoàn'} {self.full_name}"
        return template.format(c=self.committee(), p=self.phrase(), y=youth)


def package_folder(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None:
        sys.exit(f"{name} is not installed: pip install -e '.[data]'")
    return Path(spec.submodule_search_locations[0])


def read_tsv(path: Path) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def write_tsv(name: str, header: list[str], columns: list[str], rows: list[list[str]]) -> None:
    text = "".join(f"# {line}\n" for line in header) + "\t".join(columns) + "\n"
    text += "".join("\t".join(row) + "\n" for row in rows)
    (DATA / name).write_text(text, encoding="utf-8")
    print(f"kg/data/{name}: {len(rows)} rows")


def clean(name: str) -> str:
    """The project's normalisation, single spaces, ASCII apostrophes and dashes ("Ea H’leo" → "Ea H'leo")."""
    return squash(normalize(name)).replace("\u2019", "'").replace("\u2013", "-")


def without_marker(name: str) -> str:
    """ "Yên Viên (Thị trấn)" → "Yên Viên": vietnamadminunits marks same-named units in one place with their
    level, which the tables give in a column of their own."""
    return re.sub(r" \((?:Thành phố|Thị xã|Thị trấn|Huyện|Quận|Phường|Xã)\)$", "", clean(name))


def without_type(name: str, division_type: str) -> str:
    """ "Phường Bạc Liêu" → "Bạc Liêu"."""
    name = clean(name)
    return name[len(division_type) + 1:] if name.lower().startswith(division_type.lower() + " ") else name


def old_provinces() -> dict[str, Province]:
    """The 63 of provinces.tsv, Thừa Thiên Huế as the province it was until 2025."""
    out = {}
    for row in read_tsv(DATA / "provinces.tsv"):
        kind = "province" if row["name"] == "Thừa Thiên Huế" else row["kind"]
        out[row["name"]] = Province(row["name"], row["full_name"], kind, tuple(filter(None, row["aliases"].split("|"))),
                                    tuple(filter(None, row["hosts"].split("|"))))
    return out


def new_provinces(divisions: list[dict], old: dict[str, Province]) -> dict[int, Province]:
    """The 34, by GSO code; a same-named pre-2025 province lends its full name, aliases and hosts."""
    out = {}
    for p in divisions:
        kind = "city" if p["division_type"] == "thành phố trung ương" else "province"
        name = without_type(p["name"], "Thành phố") if kind == "city" else clean(p["name"])
        if name in old:
            out[p["code"]] = replace(old[name], kind=kind)
        elif name == "Huế":
            out[p["code"]] = Province(name, name, kind, HUE_FORMS, HUE_HOSTS)
        else:
            sys.exit(f"{name}: a 2025 province with no pre-2025 namesake; give its forms here")
    return out


def legacy(folder: Path) -> tuple[list[dict], dict, dict]:
    """vietnamadminunits: the 63 provinces' communes, its keys of the 2025 communes (→ province code and name:
    its commune codes differ from vietnam-provinces' in a hundred places), and the converter's tables."""
    db = sqlite3.connect(folder / "data" / "dataset.db")
    db.row_factory = sqlite3.Row
    old = [dict(r) for r in db.execute("SELECT province, provinceShort, provinceKey, district, districtShort, "
                                       "districtType, districtKey, ward, wardShort, wardType, wardKey, wardCode "
                                       "FROM admin_units_legacy ORDER BY wardCode, districtKey")]
    new = {(r["provinceKey"], r["wardKey"]): (int(r["provinceCode"]), clean(r["ward"]).casefold())
           for r in db.execute("SELECT provinceKey, wardKey, provinceCode, ward FROM admin_units")}
    converter = json.loads((folder / "data" / "converter_2025.json").read_text(encoding="utf-8"))
    return old, new, converter


def old_name(row: dict) -> str:
    """A legacy row's province as provinces.tsv names it (the package already calls Thừa Thiên Huế "Huế")."""
    name = normalize(row["provinceShort"])
    return "Thừa Thiên Huế" if name == "Huế" else name


def main() -> None:
    divisions = json.loads((package_folder("vietnam_provinces") / "data" / "nested-divisions.json")
                           .read_text(encoding="utf-8"))
    old = old_provinces()
    new = new_provinces(divisions, old)
    province_of_commune = {w["code"]: new[p["code"]] for p in divisions for w in p["wards"]}
    communes = {w["code"]: (without_type(w["name"], w["division_type"]), w["division_type"])
                for p in divisions for w in p["wards"]}
    old_units, new_keys, converter = legacy(package_folder("vietnamadminunits"))
    code_of = {(p["code"], clean(w["name"]).casefold()): w["code"] for p in divisions for w in p["wards"]}
    new_codes = {key: code_of[named] for key, named in new_keys.items()}
    old_by_key = {r["provinceKey"]: old_name(r) for r in old_units}
    new_by_key = {key: province_of_commune[code] for (key, _), code in sorted(new_codes.items())}
    successor = {old_by_key[o]: new_by_key[n] for n, olds in converter["DICT_PROVINCE"].items() for o in olds}
    check_status(successor)
    write_provinces(new, old, successor)
    write_communes(divisions, new)
    write_province_successors(old, successor)
    write_commune_successors(old_units, new_codes, converter, communes, province_of_commune, old_by_key)
    write_changes(old, new, successor)


def check_status(successor: dict[str, Province]) -> None:
    """The packages' mapping agrees with provinces.tsv's status_2025 column (Resolution 202/2025/QH15)."""
    for row in read_tsv(DATA / "provinces.tsv"):
        status, went = row["status_2025"], successor[row["name"]].name
        expected = status.removeprefix("merged into ") if status.startswith("merged into ") else row["name"]
        if went != expected and (row["name"], went) != ("Thừa Thiên Huế", "Huế"):
            sys.exit(f"{row['name']}: the packages say it went to {went}, provinces.tsv says {status!r}")


def write_provinces(new: dict[int, Province], old: dict[str, Province], successor: dict[str, Province]) -> None:
    rows = []
    for code, p in new.items():
        formed = [name for name in old if successor[name] == p]
        rows.append([p.name, p.full_name, p.kind, p.level_word, "|".join(p.aliases), "|".join(p.hosts), str(code),
                     "|".join(formed)])
    write_tsv("provinces_2025.tsv", [
        "The 34 provincial units of Vietnam from 1 July 2025 (Resolution 202/2025/QH15), in GSO code order.",
        "Generated by scripts/make_places.py from vietnam-provinces 2025.10.1 (GSO data); do not edit by hand.",
        "aliases and hosts: those of the same-named province in provinces.tsv (Huế: Thừa Thiên Huế's forms that",
        "name Huế alone); formed_from: the pre-2025 provinces (provinces.tsv names) whose area it took.",
        "full_name is what follows the level word in a body's canonical name (Ủy ban nhân dân tỉnh Cà Mau)."],
        ["name", "full_name", "kind", "level", "aliases", "hosts", "code", "formed_from"], rows)


def write_communes(divisions: list[dict], new: dict[int, Province]) -> None:
    rows = [[without_type(w["name"], w["division_type"]), w["division_type"], new[p["code"]].name, str(w["code"])]
            for p in divisions for w in p["wards"]]
    write_tsv("communes_2025.tsv", [
        "The communes (xã), wards (phường) and special zones (đặc khu) of Vietnam from 1 July 2025, directly",
        "under their province (the province column is the name column of provinces_2025.tsv), with GSO codes.",
        "Generated by scripts/make_places.py from vietnam-provinces 2025.10.1 (GSO data); do not edit by hand.",
        "A name can occur in several provinces, and as a xã and a phường."],
        ["name", "level", "province", "code"], rows)


def write_province_successors(old: dict[str, Province], successor: dict[str, Province]) -> None:
    rows = []
    for name, p in old.items():
        went = successor[name]
        if name == "Thừa Thiên Huế":
            rows.append([name, p.kind, went.name, HUE_DATE, "renamed", HUE_BASIS])
            continue
        merged = sum(s == went for s in successor.values()) > 1
        rows.append([name, p.kind, went.name, MERGER_DATE, "merged" if merged else "unchanged", MERGER_BASIS])
    write_tsv("province_successors.tsv", [
        "Each pre-2025 provincial unit (provinces.tsv) and the 2025 one it became, or became part of, on `date`.",
        "Generated by scripts/make_places.py from vietnamadminunits 1.0.4 (converter_2025.json), checked against",
        "provinces.tsv's status_2025; do not edit by hand. kind: what it was before (Thừa Thiên Huế: a province).",
        "change: merged (with others, under the successor's name), unchanged, renamed. basis: Nghị quyết",
        "175/2024/QH15 (30/11/2024, thành phố Huế), Nghị quyết 202/2025/QH15 (12/6/2025, in force 1 July 2025)."],
        ["province", "kind", "successor", "date", "change", "basis"], rows)


def write_commune_successors(old_units: list[dict], new_codes: dict, converter: dict, communes: dict,
                             province_of_commune: dict, old_by_key: dict) -> None:
    went: dict[str, list[int]] = defaultdict(list)  # old "province_district_commune" key → 2025 commune codes
    for province_key, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for ward_key, old_keys in wards.items():
            for old_key in old_keys:
                went[old_key].append(new_codes[(province_key, ward_key)])
    for province_key, divided in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old_key, wards in divided.items():
            ordered = sorted(wards, key=lambda w: not w["isDefaultNewWard"])  # the package's main successor first
            went[old_key] += [new_codes[(province_key, w["newWardKey"])] for w in ordered]
    rows = []
    for r in old_units:
        codes = went[f"{r['provinceKey']}_{r['districtKey']}_{r['wardKey'] or ''}"]
        if not codes:
            sys.exit(f"{r['ward']}, {r['district']}, {r['province']}: no 2025 commune in the package")
        rows.append([old_by_key[r["provinceKey"]], r["districtType"].lower(), without_marker(r["districtShort"]),
                     (r["wardType"] or "").lower(), without_marker(r["wardShort"] or ""), province_of_commune[codes[0]].name,
                     "|".join(f"{communes[c][1]} {communes[c][0]}" for c in dict.fromkeys(codes))])
    write_tsv("commune_successors.tsv", [
        "Each pre-2025 commune, ward and township (and island district without communes), with its district and",
        "province (provinces.tsv names), and the 2025 commune(s) its area went to (their level and name, as in",
        "communes_2025.tsv under province_2025). Where an old commune was divided, the package's main successor",
        "is first. Generated by scripts/make_places.py from vietnamadminunits 1.0.4; do not edit by hand."],
        ["province", "district_level", "district", "commune_level", "commune", "province_2025", "communes_2025"],
        rows)


def write_changes(old: dict[str, Province], new: dict[int, Province], successor: dict[str, Province]) -> None:
    hue = next(p for p in new.values() if p.name == "Huế")
    in_2025 = {name: (hue if name == "Thừa Thiên Huế" else p) for name, p in old.items()}
    departments_2024 = [(f"{d} {{p}}", "state") for d in DEPARTMENTS_2024]
    departments_2025 = [(f"{d} {{p}}", "state") for d in DEPARTMENTS_2025]
    rows = [change(HUE_DATE, [old["Thừa Thiên Huế"]], hue, template, kind, HUE_BASIS)
            for template, kind in PARTY + BOARDS_2024 + LOCAL + departments_2024]
    for p in in_2025.values():
        rows.append(change(BOARDS_DATE, [p], p, "Ban Tuyên giáo và Dân vận {c}", "party", BOARDS_BASIS,
                           [t for t, _ in BOARDS_2024]))
    for p in in_2025.values():
        for result, merged in DEPARTMENT_MERGERS.items():
            rows.append(change(DEPARTMENTS_DATE, [p], p, f"{result} {{p}}", "state", DEPARTMENTS_BASIS,
                               [f"{d} {{p}}" for d in merged]))
    for q in new.values():
        formed = [in_2025[name] for name in old if successor[name] == q]
        if len(formed) > 1:
            rows += [change(MERGER_DATE, formed, q, template, kind, MERGER_BASIS)
                     for template, kind in PARTY + BOARDS_2025 + LOCAL + departments_2025]
    write_tsv("province_changes.tsv", [
        "Dated changes of province-level bodies (W3C ORG change events, written into the gazetteer graph by",
        "kg/history.py): the `from` bodies became the `to` body on `date`; from_provinces gives each from body's",
        "province, in order. Generated by scripts/make_places.py (its top says which body kinds); do not edit by",
        "hand. change: merger (several into one), rename (one into one of another name). basis: Nghị quyết",
        "175/2024/QH15 (30/11/2024; thành phố Huế from 1 January 2025); Kết luận 121-KL/TW (24/1/2025), under which",
        "each Tỉnh ủy and Thành ủy merged its two boards by its own decision in February-March 2025 (Tiền Giang",
        "6/2/2025, Bắc Giang 1/3/2025): the date given is 1 March 2025; Nghị định 45/2025/NĐ-CP (28/2/2025, the",
        "departments from 1 March 2025); Nghị quyết 202/2025/QH15 (12/6/2025; the new provinces from 1 July 2025)."],
        ["date", "change", "from", "to", "kind", "level", "from_provinces", "to_province", "basis"], rows)


def change(date: str, provinces: list[Province], result: Province, template: str, kind: str, basis: str,
           templates: list[str] | None = None) -> list[str]:
    """One row: the bodies of `templates` (or `template`) in each of `provinces` into `template` in `result`."""
    originals = [(p.body(t), p.name) for p in provinces for t in (templates or [template])]
    return [date, "merger" if len(originals) > 1 else "rename", "|".join(n for n, _ in originals),
            result.body(template), kind, "province", "|".join(p for _, p in originals), result.name, basis]


if __name__ == "__main__":
    main()
