"""The political map through time: the provinces and local units in force on a date, and the older ones.

Three maps: before 2025, the 63 provinces and their districts (provinces.tsv, districts.tsv); from
1 January 2025, the same with Thừa Thiên Huế become the centrally run city of Huế; from 1 July 2025, the 34
provinces and their communes, wards and special zones (provinces_2025.tsv, communes_2025.tsv). A province
that no longer exists on a date (merged away, or one of historical_provinces.tsv) is still known to that
date's map as `former`, for the biographies and histories that name it.
"""
from __future__ import annotations

import csv
import datetime as dt
import functools
from dataclasses import dataclass, field, replace
from importlib import resources

from .records import Place
from .text import normalize

HUE_DATE = dt.date(2025, 1, 1)  # Thừa Thiên Huế became thành phố Huế (Nghị quyết 175/2024/QH15)
MERGER_DATE = dt.date(2025, 7, 1)  # 34 provinces, no districts (Nghị quyết 202/2025/QH15)


def rows(name: str) -> list[dict[str, str]]:
    """A TSV table of kg/data, comment lines skipped, text normalised as the reports are."""
    text = resources.files("kg").joinpath("data", name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    return [{k: normalize(v or "") for k, v in row.items()}
            for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


def _split(value: str) -> list[str]:
    return [v for v in value.split("|") if v]


@dataclass(frozen=True)
class HistoricalProvince:
    """A province of 1962-2008 that no longer exists: Hà Tuyên, Nghĩa Bình, Hà Tây, …"""

    place: Place
    start: int  # the first year it existed
    end: int  # the last
    successors: tuple[str, ...]  # the provinces it became


@dataclass
class PoliticalMap:
    """The provincial units in force on a date, how they are written, and the local units under them."""

    provinces: dict[str, Place] = field(default_factory=dict)  # name → province or centrally run city
    forms: dict[str, Place] = field(default_factory=dict)  # name, full name, alias → province
    hosts: list[tuple[str, Place]] = field(default_factory=list)  # web host token → province, longest first
    units: dict[str, list[Place]] = field(default_factory=dict)  # name → its districts (before 1 July 2025) or communes
    former: dict[str, Place] = field(default_factory=dict)  # name → a province that no longer exists on that date

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


def political_map(day: dt.date | None) -> PoliticalMap:
    """The map in force on `day`; None (an undated report) gives the map before 2025."""
    if day is None or day < HUE_DATE:
        return _map_2024()
    return _map_2025_first_half() if day < MERGER_DATE else _map_2025()


@functools.cache
def _map_2024() -> PoliticalMap:
    kinds = {r["province"]: r["kind"] for r in rows("province_successors.tsv")}  # Thừa Thiên Huế: a province
    out = PoliticalMap(former=dict(_historical_places()))
    for r in rows("provinces.tsv"):
        kind = kinds[r["name"]]
        out.add(Place(r["name"], r["full_name"], kind, None, _level_word(kind)), _split(r["aliases"]), _split(r["hosts"]))
    for r in rows("districts.tsv"):
        out.units.setdefault(r["name"], []).append(Place(r["name"], r["name"], "district", r["province"], r["level"]))
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
    out.units = {name: [replace(p, province="Huế") if p.province == "Thừa Thiên Huế" else p for p in places]
                 for name, places in before.units.items()}
    return out


@functools.cache
def _map_2025() -> PoliticalMap:
    before = _map_2024()
    out = PoliticalMap()
    for r in rows("provinces_2025.tsv"):
        out.add(_provinces_2025()[r["name"]], _split(r["aliases"]), _split(r["hosts"]))
    out.former = {**{n: p for n, p in before.provinces.items() if n not in out.provinces}, **before.former}
    for r in rows("communes_2025.tsv"):
        out.units.setdefault(r["name"], []).append(Place(r["name"], r["name"], "commune", r["province"], r["level"]))
    out.hosts.sort(key=lambda hp: -len(hp[0]))
    return out


@functools.cache
def _provinces_2025() -> dict[str, Place]:
    return {r["name"]: Place(r["name"], r["full_name"], r["kind"], None, r["level"]) for r in rows("provinces_2025.tsv")}


def _level_word(kind: str) -> str:
    return "thành phố" if kind == "city" else "tỉnh"


@functools.cache
def historical_provinces() -> dict[str, HistoricalProvince]:
    """The provinces of historical_provinces.tsv, by name."""
    return {r["name"]: HistoricalProvince(Place(r["name"], r["name"], "province", None, "tỉnh"), int(r["from"]),
                                          int(r["until"]), tuple(_split(r["successors"])))
            for r in rows("historical_provinces.tsv")}


def _historical_places() -> dict[str, Place]:
    return {name: h.place for name, h in historical_provinces().items()}


@functools.cache
def successors() -> dict[str, tuple[str, ...]]:
    """A former province's name → the provinces it became (a pre-2025 province: its 2025 one)."""
    out = {name: h.successors for name, h in historical_provinces().items()}
    out.update((r["province"], (r["successor"],)) for r in rows("province_successors.tsv") 
               if r["successor"] != r["province"])
    return out


def province(name: str) -> Place:
    """A provincial unit of any date by name: of 2025, before 2025, or historical."""
    return _provinces_2025().get(name) or _map_2024().provinces.get(name) or _historical_places()[name]
