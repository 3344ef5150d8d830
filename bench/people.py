"""Officials of synthetic reports: their names, and who holds which office in each province, district and term."""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from .vocab import District, Province, Vocabulary


@dataclass(frozen=True)
class Office:
    """An office of bench/data/posts.toml: a role in a body, as reports write it."""

    key: str
    role: str
    body: str  # a body reference: "committee/Ban Dân vận", "local/Ủy ban nhân dân", …
    written: tuple[str, ...] = ()  # whole-title forms where not role + body
    mention: float = 1.0
    implies: tuple[str, ...] = ()  # bodies the written title names in passing


@dataclass(frozen=True)
class Person:
    name: str
    female: bool


@dataclass(eq=False)  # one holder is one person in one roster: compared by identity
class Holder:
    """A person and the offices he holds at once, in the order reports write them."""

    person: Person
    offices: list[Office]
    main: Office  # the office he was chosen for (the last of `offices` but bundled ones)
    district: District | None = None


@dataclass
class Roster:
    """Who holds each office of one province, district or the centre in one term."""

    holders: list[Holder] = field(default_factory=list)
    by_office: dict[str, list[Holder]] = field(default_factory=dict)

    def one(self, rng: random.Random, key: str) -> Holder:
        return rng.choice(self.by_office[key])

    def some(self, rng: random.Random, k: int, exclude: list[Holder]) -> list[Holder]:
        """Up to k other holders, those of often-named offices more likely."""
        left = [h for h in self.holders if h not in exclude]
        picked: list[Holder] = []
        while left and len(picked) < k:
            h = rng.choices(left, weights=[h.main.mention for h in left])[0]
            picked.append(h)
            left.remove(h)
        return picked


class NameMaker:
    """Vietnamese names: family + middle + given, weighted by region."""

    def __init__(self, vocab: Vocabulary):
        names = vocab.names
        family = names["family"]
        kinh = [s for s in vocab.surnames if s not in family["not_kinh"]]
        national = {s: family["weights"].get(s, family["default"]) for s in kinh}
        self.family: dict[str, tuple[list[str], list[float]]] = {}
        self.national = (list(national), list(national.values()))
        for region in names["region"]:
            weights = {s: w * region.get("boost", {}).get(s, 1) for s, w in national.items()}
            weights.update(region.get("extra", {}))
            for province in region["provinces"]:
                self.family[province] = (list(weights), list(weights.values()))
        self.highlands = names["highlands"]
        self.middle, self.given, self.shape, self.pen = names["middle"], names["given"], names["shape"], names["pen"]

    def person(self, rng: random.Random, province: str | None, female: bool | None = None) -> Person:
        if female is None:
            female = rng.random() < self.shape["female_share"]
        if province in self.highlands["provinces"] and rng.random() < self.highlands["share"]:
            return Person(self._highlands(rng, female), female)
        surnames, weights = self.family.get(province, self.national)
        family = rng.choices(surnames, weights)[0]
        sex = "female" if female else "male"
        given = rng.choice(self.given[sex])
        parts = self.shape["parts"]
        four = self.shape["female_four"] if female else parts["four"]
        roll = rng.random()
        if roll < parts["two"]:
            return Person(f"{family} {given}", female)
        middle = rng.choice([m for m in self.middle[sex] if m != given])
        if roll < parts["two"] + four:
            second = rng.choice([m for m in self.middle[f"{sex}_second"] if m != middle and m != given])
            return Person(f"{family} {middle} {second} {given}", female)
        return Person(f"{family} {middle} {given}", female)

    def _highlands(self, rng: random.Random, female: bool) -> str:
        """ "Ksor Phước", "Y Blơk Niê", "H'Hương Êban"."""
        h = self.highlands
        first = rng.choice(h["female_first"] if female else h["male_first"])
        given = rng.choice(h["given"])
        if first == "H'":
            return f"H'{given} {rng.choice(h['clan'])}"
        if first == "Y":
            return f"Y {given} {rng.choice(h['clan'])}"
        return f"{first} {given}"

    def pen_name(self, rng: random.Random) -> str:
        """A reporter's or photographer's pen name."""
        return f"{rng.choice(self.pen['first'])} {rng.choice(self.pen['second'])}"


def _office(row: dict) -> Office:
    return Office(row["key"], row["role"], row["body"], tuple(row.get("written", ())), float(row.get("mention", 1)),
                  tuple(row.get("implies", ())))


class Rosters:
    """Every roster, drawn from the seed alone when first asked for, so that reports can be made in any order."""

    def __init__(self, vocab: Vocabulary, seed: int):
        self.vocab, self.seed = vocab, seed
        self.names = NameMaker(vocab)
        posts = vocab.posts
        self.rows = {level: posts[level] for level in ("province", "district", "central")}
        self.offices = {row["key"]: _office(row) for level in self.rows.values() for row in level}
        self.bundles = posts["bundle"]
        membership = posts["membership"]
        self.standing = Office("standing", membership["standing"]["role"], membership["standing"]["body"])
        self.member = Office("member", membership["member"]["role"], membership["member"]["body"],
                             tuple(membership["member"]["written"]))
        self._cache: dict[tuple, Roster] = {}

    def _rng(self, *parts: object) -> random.Random:
        return random.Random(":".join(map(str, ("roster", self.seed, *parts))))

    def province(self, province: Province, term: int) -> Roster:
        key = ("province", province.name, term)
        if key not in self._cache:
            previous = self.province(province, term - 1) if term > 0 else None
            self._cache[key] = self._local(self.rows["province"], self._rng(*key), province.name, previous, None)
        return self._cache[key]

    def district(self, province: Province, district: District, term: int) -> Roster:
        key = ("district", province.name, district.name, term)
        if key not in self._cache:
            previous = self.district(province, district, term - 1) if term > 0 else None
            self._cache[key] = self._local(self.rows["district"], self._rng(*key), province.name, previous, district)
        return self._cache[key]

    def central(self, term: int) -> Roster:
        key = ("central", term)
        if key not in self._cache:
            rng = self._rng(*key)
            roster = Roster()
            used: set[str] = set()
            for row in self.rows["central"]:
                if not row.get("holder"):
                    continue
                for _ in range(row.get("count", 1)):
                    offices = [self.offices[k] for k in row.get("with", []) if rng.random() < row["with_share"]]
                    main = self.offices[row["key"]]
                    self._add(roster, Holder(self._fresh(rng, None, used), [*offices, main], main))
            self._cache[key] = roster
        return self._cache[key]

    def _local(self, rows: list[dict], rng: random.Random, province: str, previous: Roster | None,
               district: District | None) -> Roster:
        """A province's or district's holders; some served the term before in another office."""
        bundled = {b["second"]: b["first"] for b in self.bundles
                   if b["first"] in {r["key"] for r in rows} and rng.random() < b["share"]}
        veterans = list(previous.holders) if previous else []
        rng.shuffle(veterans)
        used: set[str] = set()
        roster = Roster()
        for row in rows:
            if row["key"] in bundled:
                continue
            main = self.offices[row["key"]]
            for _ in range(row.get("count", 1)):
                female = True if row.get("female") else None
                veteran = veterans.pop() if veterans and rng.random() < 0.3 else None
                if veteran and veteran.person.name not in used and (female is None or veteran.person.female):
                    person = veteran.person
                    used.add(person.name)
                else:
                    person = self._fresh(rng, province, used, female)
                offices = [main] + [self.offices[k] for k, first in bundled.items() if first == row["key"]]
                if row.get("standing"):
                    offices.insert(0, self.standing)
                elif rng.random() < row.get("member", 0):
                    offices.insert(0, self.member)
                self._add(roster, Holder(person, offices, main, district))
        return roster

    def _fresh(self, rng: random.Random, province: str | None, used: set[str], female: bool | None = None) -> Person:
        while True:
            person = self.names.person(rng, province, female)
            if person.name not in used:
                used.add(person.name)
                return person

    @staticmethod
    def _add(roster: Roster, holder: Holder) -> None:
        roster.holders.append(holder)
        for office in holder.offices:
            roster.by_office.setdefault(office.key, []).append(holder)
