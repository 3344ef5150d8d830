"""Which province or city a report is about: its text, captions and web host vote."""
from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlparse

from .gazetteer import Gazetteer, at_word_starts
from .phrases.places import place_length
from .places import PoliticalMap
from .records import Place
from .text import fold, lower_cased, slug

_HOST_VOTES = 3  # a site's host names its province more surely than one mention
_LEAD = r"(?:tỉnh|Tỉnh ủy|Tỉnh đoàn|thành phố|Thành phố|Thành ủy|Thành đoàn|TP\.?|Đảng bộ tỉnh|điểm cầu tỉnh)"
_LEAD_CHARS = 400  # the headline and the lead: where a report names its own place
_LINE = re.compile(r"^.+$", re.MULTILINE)
_LINE_START = re.compile(r"^[ \t]*", re.MULTILINE)  # "Bạc Liêu: Họp mặt …" — a dateline names the province
_LEAD_RE = re.compile(rf"{_LEAD}\s+(?=\S)")
# "huyện Ninh Hải", "Huyện ủy Ninh Hải", "UBND thị xã Ninh Hòa": a district and the word before its name.
# "huyện Ninh Hải", "Huyện ủy Ninh Hải": a district's level word (found in the lower-cased text), then its name
_DISTRICT_WORD = re.compile(r"(huyện|quận|thị xã)(?: ủy)? ")
_NAME_AFTER = re.compile(r"(?:[A-ZÀ-Ỹ][^\W\d_]*)(?: [A-ZÀ-Ỹ][^\W\d_]*){0,3}")
# "xã Chiềng Sơn", "Đảng ủy phường Bãi Cháy": a commune and the word before its name.
_COMMUNE_WORD = re.compile(r"(xã|phường|thị trấn|đặc khu) ")


def detect(text: str, url: str | None, places: PoliticalMap, gaz: Gazetteer) -> Place | None:
    """The place most named: by explicit mention ("Tỉnh ủy Cà Mau", "tỉnh Cà Mau"; a headline or lead's count
    twice), by name alone, by a district known to lie in it, or by the web address."""
    votes: Counter[str] = Counter()
    first: dict[str, int] = {}
    text = _LINE.sub(lambda m: m.group(0).title() if m.group(0).isupper() else m.group(0), text)  # "BÁO QUẢNG NINH"

    def vote(name: str, at: int, weight: int = 1) -> None:
        votes[name] += weight * (2 if 0 <= at < _LEAD_CHARS else 1)
        first.setdefault(name, at)

    for m in at_word_starts(_LEAD_RE, text):
        found = places.province_re.match(text, m.end())
        if found:
            vote(places.named[found.group(0)].name, m.start())
    for line in _LINE_START.finditer(text):
        found = places.province_re.match(text, line.end())
        if found and re.match(r"\s*[:–-]\s", text[found.end():found.end() + 3]):
            vote(places.named[found.group(0)].name, line.end())
    for m in at_word_starts(places.province_re, text):
        if m.group(0) not in gaz.not_a_place_alone:
            vote(places.named[m.group(0)].name, m.start())
    for word, written, at in _named(text, _DISTRICT_WORD):
        name = _longest_name(written, lambda n: _only_province(gaz.districts.get(n, [])))
        if name:
            vote(name, at)
    if url:
        parts = urlparse(url)
        url_place = places.host_place(parts.hostname or url) or places.path_place(parts.path)
        if url_place:
            vote(url_place.name, -1, _HOST_VOTES)
    if not votes:
        return None
    best = max(votes, key=lambda name: (votes[name], -first[name]))
    return places.province(best)


def local_units(text: str, url: str | None, province: Place | None, places: PoliticalMap,
                gaz: Gazetteer) -> tuple[Place | None, Place | None]:
    """The district and the commune a local report is about ("Huyện ủy", "Đảng ủy xã" then stand for theirs):
    of its province, each named in its web address, or named at least twice and twice as often as any other
    of its level."""
    if province is None:
        return None, None
    districts: Counter[Place] = Counter()
    for word, written, _ in _named(text, _DISTRICT_WORD):
        place = _longest_name(written, lambda n, w=word: _of(gaz.district(n, w, province), province, w))
        if place:
            districts[place] += 1
    communes: Counter[Place] = Counter()
    for word, written, _ in _named(text, _COMMUNE_WORD):
        place = _longest_name(written, lambda n: places.commune(n, province)) or _written_commune(written, word, province, gaz)
        communes[place] += 1
    return _most_named(districts, url), _most_named(communes, url)


def _named(text: str, level_word: re.Pattern):
    """(level word, name as written, where) of each place a level word names: "xã Chiềng Sơn", "Huyện ủy Mai Sơn"."""
    low = lower_cased(text)
    source = low if len(low) == len(text) else text
    for m in at_word_starts(level_word, source):
        name = _NAME_AFTER.match(text, m.end())
        if name:
            yield m.group(1).lower(), name.group(0), m.start()


def _most_named(votes: Counter[Place], url: str | None) -> Place | None:
    if url:
        for place in list(votes):
            if slug(place.name).replace("-", "") in fold(url).replace("-", ""):
                votes[place] += _HOST_VOTES
    ranked = votes.most_common(2)
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
        return ranked[0][0]
    return None


def _written_commune(written: str, word: str, province: Place, gaz: Gazetteer) -> Place:
    """A commune the gazetteer does not know, as written: its capitalised words, cut before a person's name."""
    words = written.split()
    name = " ".join(words[:place_length(words, len(words), gaz.surnames)])
    return Place(name, name, "commune", province.name, word)


def _longest_name(written: str, resolve):
    """`resolve` of the longest run of leading words it knows ("Ninh Hải Thái" → "Ninh Hải")."""
    words = written.split()
    for n in range(len(words), 0, -1):
        found = resolve(" ".join(words[:n]))
        if found:
            return found
    return None


def _only_province(districts: list[Place]) -> str | None:
    """The province of districts so named, when they all lie in one."""
    provinces = {d.province for d in districts}
    return provinces.pop() if len(provinces) == 1 else None


def _of(place: Place | None, province: Place, word: str) -> Place | None:
    """The district if it lies in `province` and is of the level `word` names."""
    return place if place is not None and place.province == province.name and place.level_word == word else None
