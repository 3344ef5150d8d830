"""The political map through time: the provinces and local units in force on a date, and the older ones.

Three maps: before 2025, the 63 provinces and their districts (provinces.tsv, districts.tsv); from
1 January 2025, the same with Thừa Thiên Huế become the centrally run city of Huế; from 1 July 2025, the 34
provinces and their communes, wards and special zones (provinces_2025.tsv, communes_2025.tsv). A province
that no longer exists on a date (merged away, or one of historical_provinces.tsv) is still known to that
date's map as `former`, for the biographies and histories that name it.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field, replace

from .gazetteer import data_table, literal_alternation
from .records import Place
from .text import fold, slug

HUE_DATE = dt.date(2025, 1, 1)  # Thừa Thiên Huế became thành phố Huế (Nghị quyết 175/2024/QH15)
MERGER_DATE = dt.date(2025, 7, 1)  # 34 provinces, no districts (Nghị quyết 202/2025/QH15)


def _split(value: str) -> list[str]:
    return [v for v in value.split("|") if v]


@dataclass(frozen=True)
class HistoricalProvince:
    """A province of 1962-2008 that no longer exists: Hà Tuyên, Nghĩa Bình, Hà Tây, …"""

    place: Place
    start: int  # the first year it existed
    end: int  # the last
    successors: tuple[str, ...]  # the provinces it became


@dataclass(eq=False)
class PoliticalMap:
    """The provincial units in force on a date, how they are written, and the local units under them."""

    provinces: dict[str, Place] = field(default_factory=dict)  # name → province or centrally run city
    forms: dict[str, Place] = field(default_factory=dict)  # name, full name, alias → province
    hosts: list[tuple[str, Place]] = field(default_factory=list)  # web host token → province, longest first
    units: dict[str, list[Place]] = field(default_factory=dict)  # name → its districts (before 1 July 2025) or communes
    former: dict[str, Place] = field(default_factory=dict)  # name → a province that no longer exists on that date
    communes: dict[str, list[Place]] = field(default_factory=dict)  # name → the communes, wards, townships of that date

    @functools.cached_property
    def named(self) -> dict[str, Place]:
        """Every way this date's texts write a province: its own provinces' forms, and former provinces' names."""
        return {**self.former, **self.forms}

    @functools.cached_property
    def province_re(self) -> re.Pattern:
        """Any form of `named`, as a whole word (search it at word starts)."""
        return re.compile(r"(?:" + literal_alternation(self.named) + r")(?![^\W_])")

    @functools.cached_property
    def slugs(self) -> dict[str, Place]:
        """A province's name as web addresses write it: "sonla", "son-la", and the hosts' tokens."""
        out = dict(self.hosts)
        out.update({slug(place.name): place for place in self.provinces.values()})
        return out

    def province(self, name: str) -> Place | None:
        """The province of that name on this date, or a former one."""
        return self.provinces.get(name) or self.former.get(name)

    def host_place(self, host: str) -> Place | None:
        """The province a web host names ("baolaocai.vn", "maison.sonla.dcs.vn")."""
        host = fold(host)
        return next((place for token, place in self.hosts if token in host), None)

    def path_place(self, path: str) -> Place | None:
        """The province a folder of a web address names, whole: ".../tin-tuc/son-la/..." or ".../sonla/..."."""
        for segment in fold(path).split("/"):
            place = self.slugs.get(segment) or self.slugs.get(segment.replace("-", ""))
            if place is not None and len(segment) >= 4:
                return place
        return None

    def commune(self, name: str, province: Place | None) -> Place | None:
        """The commune, ward or special zone of that name on this date, preferring the given province."""
        options = self.communes.get(name, [])
        if province:
            options = [p for p in options if p.province == province.name] or options
        return options[0] if options else None

    def add(self, place: Place, aliases: list[str], hosts: list[str]) -> None:
        self.provinces[place.name] = place
        for form in [place.name, place.full_name, *aliases]:
            self.forms.setdefault(form, place)
        self.hosts += [(host, place) for host in hosts]

    def unit(self, name: str, level_word: str | None = None, province: Place | None = None) -> Place | None:
        """The district or commune of that name, preferring the given level word and province."""
        options = self.units.get(name, [])
        if level_word:
            options = [p for p in options if p.level_word == level_word] or options
        if province:
            options = [p for p in options if p.province == province.name] or options
        return options[0] if options else None


# A report of 2025 that says this writes after the reorganisation of 1 July ("chính quyền địa phương hai cấp").
_AFTER_MERGER = re.compile(r"(?:hai|2) cấp|sau (?:khi )?(?:sáp nhập|sắp xếp|hợp nhất)|(?:tỉnh|xã|phường) mới|đặc khu",
                           re.IGNORECASE)


def map_day(year: int | None, text: str) -> dt.date | None:
    """The day whose map an undated report of `year` is read by: 2025's first half, unless it writes after July."""
    if year is None:
        return None
    if year == MERGER_DATE.year and _AFTER_MERGER.search(text):
        return MERGER_DATE
    return dt.date(year, 1, 1)


def political_map(day: dt.date | None) -> PoliticalMap:
    """The map in force on `day`; None (an undated report) gives the map before 2025."""
    if day is None or day < HUE_DATE:
        return _map_2024()
    return _map_2025_first_half() if day < MERGER_DATE else _map_2025()


@functools.cache
def _map_2024() -> PoliticalMap:
    kinds = {r["province"]: r["kind"] for r in data_table("province_successors.tsv")}  # Thừa Thiên Huế: a province
    out = PoliticalMap(former=dict(_historical_places()))
    for r in data_table("provinces.tsv"):
        kind = kinds[r["name"]]
        out.add(Place(r["name"], r["full_name"], kind, None, _level_word(kind)), _split(r["aliases"]), _split(r["hosts"]))
    for r in data_table("districts.tsv"):
        out.units.setdefault(r["name"], []).append(Place(r["name"], r["name"], "district", r["province"], r["level"]))
    for r in data_table("commune_successors.tsv"):
        if r["commune"]:
            out.communes.setdefault(r["commune"], []).append(
                Place(r["commune"], r["commune"], "commune", r["province"], r["commune_level"].lower()))
    out.hosts.sort(key=lambda hp: -len(hp[0]))
    return out


@functools.cache
def _map_2025_first_half() -> PoliticalMap:
    """The 2024 map with Thừa Thiên Huế, its forms, hosts and districts, become Huế."""
    before, hue = _map_2024(), _provinces_2025()["Huế"]
    renamed = {"Thừa Thiên Huế": hue}
    out = PoliticalMap(former={**before.former, "Thừa Thiên Huế": before.provinces["Thừa Thiên Huế"]})
    out.provinces = {renamed.get(n, p).name: renamed.get(n, p) for n, p in before.provinces.items()}
    out.forms = {form: renamed.get(p.name, p) for form, p in before.forms.items()}
    out.hosts = [(host, renamed.get(p.name, p)) for host, p in before.hosts]
    out.units, out.communes = ({name: [replace(p, province="Huế") if p.province == "Thừa Thiên Huế" else p for p in places]
                                for name, places in units.items()} for units in (before.units, before.communes))
    return out


@functools.cache
def _map_2025() -> PoliticalMap:
    before = _map_2024()
    out = PoliticalMap()
    for r in data_table("provinces_2025.tsv"):
        out.add(_provinces_2025()[r["name"]], _split(r["aliases"]), _split(r["hosts"]))
    out.former = {**{n: p for n, p in before.provinces.items() if n not in out.provinces}, **before.former}
    for r in data_table("communes_2025.tsv"):
        out.units.setdefault(r["name"], []).append(Place(r["name"], r["name"], "commune", r["province"], r["level"]))
    out.communes = out.units
    out.hosts.sort(key=lambda hp: -len(hp[0]))
    return out


@functools.cache
def _provinces_2025() -> dict[str, Place]:
    return {r["name"]: Place(r["name"], r["full_name"], r["kind"], None, r["level"]) for r in data_table("provinces_2025.tsv")}


def _level_word(kind: str) -> str:
    return "thành phố" if kind == "city" else "tỉnh"


@functools.cache
def historical_provinces() -> dict[str, HistoricalProvince]:
    """The provinces of historical_provinces.tsv, by name."""
    return {r["name"]: HistoricalProvince(Place(r["name"], r["name"], "province", None, "tỉnh"), int(r["from"]),
                                          int(r["until"]), tuple(_split(r["successors"])))
            for r in data_table("historical_provinces.tsv")}


def _historical_places() -> dict[str, Place]:
    return {name: h.place for name, h in historical_provinces().items()}


@functools.cache
def successors() -> dict[str, tuple[str, ...]]:
    """A former province's name → the provinces it became (a pre-2025 province: its 2025 one)."""
    out = {name: h.successors for name, h in historical_provinces().items()}
    out.update((r["province"], (r["successor"],)) for r in data_table("province_successors.tsv") 
               if r["successor"] != r["province"])
    return out


def province(name: str) -> Place:
    """A provincial unit of any date by name: of 2025, before 2025, or historical."""
    return _provinces_2025().get(name) or _map_2024().provinces.get(name) or _historical_places()[name]


@functools.cache
def place_names() -> frozenset[str]:
    """Every name of a province, district or commune of any date: none is a person's."""
    maps = (_map_2024(), _map_2025_first_half(), _map_2025())
    return frozenset(name for m in maps for table in (m.named, m.units, m.communes) for name in table)
