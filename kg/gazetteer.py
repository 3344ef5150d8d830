"""The domain tables in kg/data, loaded once and compiled to patterns."""
from __future__ import annotations

import csv
import functools
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

from .records import Place
from .text import lower_cased


def _data(name: str) -> str:
    """A file of kg/data, as it is: the tables are written as kg.text.normalize leaves the reports (a test
    in tests/test_places.py checks it)."""
    return resources.files("kg").joinpath("data", name).read_text(encoding="utf-8")


def data_toml(name: str) -> dict:
    """A TOML table of kg/data."""
    return tomllib.loads(_data(name))


def data_table(name: str) -> list[dict[str, str]]:
    """A TSV table of kg/data, its comment lines skipped."""
    lines = [ln for ln in _data(name).splitlines() if ln and not ln.startswith("#")]
    rows = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k: v or "" for k, v in row.items()} for row in rows]


_LEADING_WORD = re.compile(r"(?:[^\W_]|\\[^\w\s])+\\? (?![?*+{])")


def alternation(forms: list[str]) -> str:
    """A regex for any of `forms` (regexes), longer forms first so that the longest wins.

    Forms that begin with the same word share one branch ("Ban (?:Dân vận|Tuyên giáo)"):
    the same language as a flat list, many times faster to search.
    """
    groups: dict[str, list[str]] = {}
    branches: list[tuple[int, str]] = []
    for form in set(forms):
        head = _LEADING_WORD.match(form)
        if head:
            groups.setdefault(head.group(0), []).append(form[head.end():])
        else:
            branches.append((len(form), form))
    for head, tails in groups.items():
        branches.append((len(head) + max(map(len, tails)), f"{head}(?:{alternation(tails)})"))
    return "|".join(branch for _, branch in sorted(branches, key=lambda b: (-b[0], b[1])))


def literal_alternation(words) -> str:
    """A regex for any of the literal `words`, as a tree of their first letters ("N(?:guyễn|gô)|T(?:rần|ô)"):
    a flat list of hundreds is tried branch by branch at every capital, a tree one letter at a time.
    Where one word is the start of another, the longer is tried first."""
    words = sorted(set(words))
    if "" in words and len(words) == 1:
        return ""
    by_first: dict[str, list[str]] = {}
    for w in words:
        if w:
            by_first.setdefault(w[0], []).append(w[1:])
    branches = [re.escape(first) + (f"(?:{inner})" if (inner := literal_alternation(rest)) and len(rest) > 1
                                    else re.escape(rest[0]) if len(rest) == 1 else "")
                for first, rest in by_first.items()]
    if "" in words:
        return "(?:" + "|".join(branches) + ")?"
    return "|".join(branches)


_WORD_CHAR = re.compile(r"[^\W_]")


def word_start_search(pattern: re.Pattern, text: str, pos: int = 0) -> re.Match | None:
    r"""The first match of `pattern` at or after `pos` that starts a word.

    The same as a look-behind `(?<![^\W_])` in front of the pattern, and for a
    case-sensitive pattern much faster: a look-behind in front stops the search from
    skipping ahead to the letters a match can start with.
    """
    while m := pattern.search(text, pos):
        if m.start() == 0 or not _WORD_CHAR.match(text, m.start() - 1):
            return m
        pos = m.start() + 1
    return None


def at_word_starts(pattern: re.Pattern, text: str) -> Iterator[re.Match]:
    """Non-overlapping matches that start a word, left to right (see word_start_search)."""
    pos = 0
    while m := word_start_search(pattern, text, pos):
        yield m
        pos = max(m.end(), m.start() + 1)


class WordTrigger:
    """Where any of `forms` (regexes without escapes) starts a word, in any case.

    It searches the lower-cased text with a lower-cased, case-sensitive pattern, which
    is several times faster than a case-insensitive search; text whose lower case
    has another length (rare letters) falls back to the case-insensitive pattern.
    """

    def __init__(self, forms: list[str]):
        self.any_case = word_regex(forms)
        plain = [_lower(_NAMED_GROUP.sub("(?:", f)) for f in forms]
        self.lower = re.compile("(?:" + alternation(plain) + r")(?![^\W_])")

    def searcher(self, text: str):
        """A function pos → the first match at or after pos, for this text."""
        low = lower_cased(text)
        if len(low) != len(text):
            return lambda pos: self.any_case.search(text, pos)
        return lambda pos: word_start_search(self.lower, low, pos)

    def search(self, text: str) -> re.Match | None:
        """The first match (on the lower-cased text: take its offsets, not its groups)."""
        return self.searcher(text)(0)

    def finditer(self, text: str) -> Iterator[re.Match]:
        """Non-overlapping matches, left to right (on the lower-cased text: take their offsets, not their groups)."""
        search = self.searcher(text)
        pos = 0
        while m := search(pos):
            yield m
            pos = max(m.end(), m.start() + 1)


_NAMED_GROUP = re.compile(r"\(\?P<\w+>")
_ESCAPE_OR_CHAR = re.compile(r"\\.|.", re.DOTALL)


def _lower(regex: str) -> str:
    """A regex for the lower-cased text: its letters lower-cased, its escapes ("\\W", "\\S") as they are."""
    return "".join(m.group() if m.group().startswith("\\") else m.group().lower() for m in _ESCAPE_OR_CHAR.finditer(regex))


_LETTERS = re.compile(r"(?<![\\<])[^\W\d_]{2,}")


def exact_capitals(form: str) -> str:
    """The form with each word of capitals matched in that case only: "UBND" never matches "ubnd"."""
    return _LETTERS.sub(lambda m: f"(?-i:{m.group()})" if m.group().isupper() else m.group(), form)


def word_regex(forms: list[str], flags: int = re.IGNORECASE) -> re.Pattern:
    """Any of `forms` as whole words; capitals in abbreviations are matched exactly."""
    return re.compile(r"(?<![^\W_])(?:" + alternation([exact_capitals(f) for f in forms]) + r")(?![^\W_])", flags)


@dataclass(frozen=True)
class Named:
    """A table row that a regex recognises: its name and its data."""

    name: str
    pattern: re.Pattern
    data: dict


class ByFirstWord:
    """Table rows, in table order, indexed by the word their forms start with ("ban", "bộ", "ubnd").

    Only rows whose forms can start with the word at a position can match there; a row with a
    form whose first word is regex syntax ("Hội đồng nhân(?: dân)?" starts with "hội" all the same)
    is indexed by its first letter, and one that starts with syntax is tried everywhere.
    """

    def __init__(self, rows: list[Named]):
        keys = [_first_words(row.data["forms"]) for row in rows]
        self.anywhere = [row for row, first in zip(rows, keys) if first is None]
        every = set().union(*(first for first in keys if first))
        self.index = {k: [row for row, first in zip(rows, keys) if first is None or k in first or k[0] + "…" in first]
                      for k in every}

    def at(self, text: str, pos: int) -> list[Named]:
        word = _WORD_AT.match(text, pos)
        if word is None:
            return self.anywhere
        w = word.group().lower()
        return self.index.get(w) or self.index.get(w[0] + "…", self.anywhere)


_WORD_AT = re.compile(r"[^\W_]+")
_PLAIN_WORD = re.compile(r"[^\W_]+(?=(?: |,)(?![?*+{])|$)")  # a word, then a space or comma that is not optional


def _first_words(forms: list[str]) -> set[str] | None:
    """The first word of each form, lower-cased, or its first letter then "…" where the word is syntax."""
    keys = set()
    for form in forms:
        if not form[:1].isalnum():
            return None
        plain = _PLAIN_WORD.match(form)
        keys.add(plain.group().lower() if plain else form[0].lower() + "…")
    return keys


def _named(rows: list[dict]) -> list[Named]:
    return [Named(r["name"], word_regex(r["forms"]), r) for r in rows]


def _bare_head_role(row: dict, word: str, spelling: str) -> Named:
    """ "Phó Trưởng" + "Ban" as a role written alone: "Phó Trưởng ban", held in a body named "Ban …"."""
    name = f"{row['prefix']} {spelling}"
    forms = [f"{form} {word}" for form in row["forms"]]
    return Named(name, word_regex(forms), {"name": name, "prefix": row["prefix"], "forms": forms, "of": [word + " "]})


class Gazetteer:
    """Bodies, roles, places, documents, events, awards and text patterns."""

    def __init__(self) -> None:
        bodies = data_toml("bodies.toml")
        self.central = _named(bodies["central"])
        self.central_by_name = {n.name: n for n in self.central}
        self.committees = _named(bodies["committee"])
        self.committee_by_name = {n.name: n for n in self.committees}
        # a body whose name starts so is a Party committee (or youth union), or belongs to one
        self.committee_heads = tuple(n.name + " " for n in self.committees) + ("Đảng ủy ", "Quân ủy ")
        self.committee_bodies = _named(bodies["committee_body"])
        self.abbreviations = {r["form"]: r for r in bodies["abbreviation"]}
        self.abbreviation_re = re.compile(r"(?<![^\W_])(" + alternation(list(self.abbreviations)) + r")(?![^\W_])")
        self.locals = _named(bodies["local"])
        self.local_by_name: dict[str, Named] = {}
        for row in self.locals:
            self.local_by_name.setdefault(row.name, row)
        self.steering = bodies["steering"]
        self.steering_re = word_regex(self.steering["forms"])
        self.levels = data_table("levels.tsv")
        self._level_rows: dict[str, dict[str, str]] = {}  # level_of, by the words as written
        self.level_re = re.compile(
            r"(?:" + "|".join(exact_capitals(r["form"]) for r in sorted(self.levels, key=lambda r: -len(r["form"])))
            + r")(?![^\W_])", re.IGNORECASE)
        self.text_abbreviations = {r["form"]: r["expansion"] for r in data_table("abbreviations.tsv")}

        roles = data_toml("roles.toml")
        self.roles = _named(roles["role"])
        self.head_roles = [Named(r["prefix"], word_regex(r["forms"]), r) for r in roles["head_role"]]
        self.head_role_words = roles["head_role_words"]
        self.special_titles = [Named(r["role"], word_regex(r["forms"]), r) for r in roles["special"]]
        self.bare_roles = self.roles + [_bare_head_role(r, word, spelling) for r in roles["head_role"]
                                        for word, spelling in self.head_role_words.items()]
        role_forms = [f for group in (roles["role"], roles["head_role"], roles["special"]) for r in group for f in r["forms"]]
        self.title_trigger = WordTrigger(role_forms)

        docs = data_toml("documents.toml")
        self.doc_types = docs["type"]
        self.doc_type_by_code = {}
        for t in self.doc_types:
            for code in [t["code"], *t.get("codes", [])]:
                self.doc_type_by_code[code.upper()] = t
        self.doc_type_by_word = {w.lower(): t for t in self.doc_types for w in t["words"]}
        self.doc_word_re = alternation([re.escape(w) for w in self.doc_type_by_word])
        self.issuers = {r["code"].upper(): r for r in docs["issuer"]}

        events = data_toml("events.toml")
        self.events = events
        self.event_types = _named(events["type"])
        visit = events["visit"]
        self.visit_type = visit["type"]
        self.visit_re = re.compile(rf"(?P<delegation>{visit['delegation']})\s+(?P<who>.{{3,200}}?)\s*{visit['verb']}",
                                   re.IGNORECASE)
        self.venue_before = re.compile(r"(?:" + alternation(events["venue_words"]) + r")\s+$", re.IGNORECASE)
        awards = data_toml("awards.toml")
        self.award_types = _named(awards["type"])
        self.award_recipients = awards["recipients"]

        text = data_toml("text.toml")
        self.chrome_re = re.compile(r"^\s*(?:" + "|".join(text["chrome"]) + ")", re.IGNORECASE)
        self.caption_start_re = re.compile(r"^\s*(?:" + "|".join(text["caption_starts"]) + ")", re.IGNORECASE)
        self.caption_mark_re = re.compile("|".join(text["caption_marks"]))
        self.honorific_forms = text["honorifics"]
        self.honorific_re = re.compile(r"(?:" + alternation(text["honorifics"]) + r")\s*$", re.IGNORECASE)
        self.short_name_honorifics = text["short_name_honorifics"]
        self.place_before = text["place_before"]
        self.level_before = text["level_before"]
        self.not_people = set(text["not_people"])
        self.not_a_place_alone = set(text["not_a_place_alone"])
        self.parts_of_day = tuple(text["parts_of_day"])
        self.former_words = text["former"]
        self.generic_before = set(text["generic_before"])
        self.surnames = {ln.strip() for ln in _data("surnames.txt").splitlines() if ln.strip() and not ln.startswith("#")}

        self._load_places()

    def _load_places(self) -> None:
        """The districts of every date (biographies name them long after 2025) and every place name, which is
        no person's; the provinces and communes of a date are the political map's (kg/places.py)."""
        from .places import place_names, political_map

        self._district_map = political_map(None)
        self.districts = self._district_map.units
        self.place_names = place_names()

    def level_of(self, written: str) -> dict[str, str]:
        """The row of levels.tsv a level word matched ("TP." → city, "thành phố")."""
        if written not in self._level_rows:
            self._level_rows[written] = next(r for r in self.levels
                                             if re.fullmatch(exact_capitals(r["form"]), written, re.IGNORECASE))
        return self._level_rows[written]

    def district(self, name: str, level_word: str | None, province: Place | None) -> Place | None:
        """The district of that name, preferring the given level and province."""
        return self._district_map.unit(name, level_word, province)


@functools.cache
def gazetteer() -> Gazetteer:
    return Gazetteer()
