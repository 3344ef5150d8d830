"""The vocabulary of synthetic reports: the project's tables (kg/data) and the generator's own (bench/data)."""
from __future__ import annotations

import csv
import functools
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

BENCH_DATA = Path(__file__).resolve().parent / "data"
TABLES = ("names", "posts", "forms", "documents", "phrases", "chrome", "places", "scenarios")


class VocabularyError(ValueError):
    """A data file that does not fit the project's tables; the message names the file."""


@dataclass(frozen=True)
class District:
    name: str
    level: str  # "huyện", "quận", "thị xã"
    committee: str  # "Huyện ủy", "Quận ủy", "Thị ủy"

    @property
    def place(self) -> str:
        return f"{self.level} {self.name}"


@dataclass(frozen=True)
class Province:
    name: str  # "Cà Mau", "Hồ Chí Minh"
    full_name: str  # what follows the level word: "Cà Mau", "Thành phố Hồ Chí Minh"
    city: bool  # centrally run
    aliases: tuple[str, ...]
    hosts: tuple[str, ...]
    districts: tuple[District, ...]

    @property
    def committee(self) -> str:
        return "Thành ủy" if self.city else "Tỉnh ủy"

    @property
    def level(self) -> str:
        return "thành phố" if self.city else "tỉnh"

    @property
    def youth(self) -> str:
        return "Thành đoàn" if self.city else "Tỉnh đoàn"

    @property
    def place(self) -> str:
        """ "tỉnh Cà Mau", "thành phố Cần Thơ", "Thành phố Hồ Chí Minh"."""
        if self.full_name.lower().startswith(self.level + " "):
            return self.full_name
        return f"{self.level} {self.full_name}"


@dataclass(frozen=True)
class Vocabulary:
    provinces: tuple[Province, ...]
    surnames: tuple[str, ...]
    central_bodies: frozenset[str]
    committees: frozenset[str]
    committee_bodies: frozenset[str]
    local_bodies: frozenset[str]
    doc_types: dict[str, str]  # name → code
    event_types: frozenset[str]
    award_types: frozenset[str]
    # bench/data tables
    names: dict
    posts: dict
    forms: dict
    documents: dict
    phrases: dict
    chrome: dict
    places: dict
    scenarios: dict


def _kg_text(name: str) -> str:
    return resources.files("kg").joinpath("data", name).read_text(encoding="utf-8")


def _tsv(name: str) -> list[dict[str, str]]:
    lines = [ln for ln in _kg_text(name).splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _bench_table(name: str) -> dict:
    path = BENCH_DATA / f"{name}.toml"
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise VocabularyError(f"{path}: {err}") from err


@functools.cache
def load() -> Vocabulary:
    """Every table, checked against each other; raises VocabularyError on a mismatch."""
    data = {name: _bench_table(name) for name in TABLES}
    places = data["places"]
    province_names = {row["name"] for row in _tsv("provinces.tsv")}
    by_province: dict[str, list[District]] = {}
    for row in _tsv("districts.tsv"):
        committee = places["district_committees"].get(row["level"])
        if committee and row["name"] not in province_names:
            by_province.setdefault(row["province"], []).append(District(row["name"], row["level"], committee))
    then = set(places["provinces_then"])
    provinces = tuple(
        Province(row["name"], row["full_name"], row["kind"] == "city" and row["name"] not in then,
                 tuple(filter(None, row["aliases"].split("|"))), tuple(filter(None, row["hosts"].split("|"))),
                 tuple(by_province.get(row["name"], ())))
        for row in _tsv("provinces.tsv"))
    bodies = tomllib.loads(_kg_text("bodies.toml"))
    documents = tomllib.loads(_kg_text("documents.toml"))
    vocab = Vocabulary(
        provinces=provinces,
        surnames=tuple(ln.strip() for ln in _kg_text("surnames.txt").splitlines() if ln.strip() and not ln.startswith("#")),
        central_bodies=frozenset(r["name"] for r in bodies["central"]),
        committees=frozenset(r["name"] for r in bodies["committee"]),
        committee_bodies=frozenset(r["name"] for r in bodies["committee_body"]),
        local_bodies=frozenset(r["name"] for r in bodies["local"]),
        doc_types={t["name"]: t["code"] for t in documents["type"]},
        event_types=frozenset(r["name"] for r in tomllib.loads(_kg_text("events.toml"))["type"]),
        award_types=frozenset(r["name"] for r in tomllib.loads(_kg_text("awards.toml"))["type"]),
        **data,
    )
    _check(vocab)
    return vocab


def body_exists(vocab: Vocabulary, ref: str) -> bool:
    """A body reference of bench/data ("committee/Ban Dân vận", "local/UBND", "central/…") names a kg/data body."""
    kind, _, name = ref.partition("/")
    if kind in ("committee", "youth", "organiser") and not name:
        return True
    return {"committee": vocab.committee_bodies, "local": vocab.local_bodies,
            "central": vocab.central_bodies}.get(kind, frozenset()).__contains__(name)


def _check(vocab: Vocabulary) -> None:
    def need(ok: bool, table: str, what: str) -> None:
        if not ok:
            raise VocabularyError(f"{BENCH_DATA / (table + '.toml')}: {what}")

    posts = vocab.posts
    for level in ("province", "district", "central"):
        for office in posts[level]:
            need(body_exists(vocab, office["body"]), "posts", f"unknown body {office['body']!r} for {office['key']!r}")
    for membership in posts["membership"].values():
        need(body_exists(vocab, membership["body"]), "posts", f"unknown body {membership['body']!r}")
    keys = {o["key"] for level in ("province", "district", "central") for o in posts[level]}
    for bundle in posts["bundle"]:
        need(bundle["first"] in keys and bundle["second"] in keys, "posts", f"unknown office in bundle {bundle}")
    for committee in vocab.places["district_committees"].values():
        need(committee in vocab.committees, "places", f"unknown committee {committee!r}")
    for doc in vocab.documents["central"] + vocab.documents["local"] + vocab.documents["issued"]:
        need(doc["type"] in vocab.doc_types, "documents", f"unknown document type {doc['type']!r}")
        issuer = doc.get("issuer")
        need(issuer is None or body_exists(vocab, issuer) or issuer in vocab.central_bodies, "documents",
             f"unknown issuer {issuer!r}")
    for event in vocab.phrases["event"]:
        need(event["type"] in vocab.event_types, "phrases", f"unknown event type {event['type']!r}")
    for clause in vocab.phrases["report"]["award_clauses"]:
        need(clause["type"] in vocab.award_types, "phrases", f"unknown award type {clause['type']!r}")
    scenarios = vocab.scenarios
    for row in scenarios["organiser"] + scenarios["district_organiser"]:
        need(body_exists(vocab, row["body"]), "scenarios", f"unknown body {row['body']!r}")
        need(row["head"] in keys and row.get("deputy", row["head"]) in keys, "scenarios", f"unknown office in {row}")
    for scope in scenarios["giver"].values():
        for row in scope:
            who = row["who"]
            need(who.removeprefix("office:") in keys if who.startswith("office:") else body_exists(vocab, who),
                 "scenarios", f"unknown giver {who!r}")
            need(all(t in vocab.award_types for t in row["types"]), "scenarios", f"unknown award type in {row}")
    known_surnames = set(vocab.surnames)
    for name in vocab.names["family"]["weights"]:
        need(name in known_surnames, "names", f"{name!r} is not in kg/data/surnames.txt")
