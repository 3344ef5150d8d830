"""Which province or city a report is about: its text, captions and web host vote."""
from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlparse

from .gazetteer import Gazetteer, at_word_starts
from .records import Place

_HOST_VOTES = 3  # a site's host names its province more surely than one mention
_LEAD = r"(?:tỉnh|Tỉnh ủy|Tỉnh đoàn|thành phố|Thành phố|Thành ủy|Thành đoàn|TP\.?|Đảng bộ tỉnh|điểm cầu tỉnh)"
_LINE_START = re.compile(r"^[ \t]*", re.MULTILINE)  # "Bạc Liêu: Họp mặt …" — a dateline names the province
_LEAD_RE = re.compile(rf"{_LEAD}\s+(?=\S)")
_DISTRICT = re.compile(r"(huyện|quận|thị xã) ((?:[A-ZÀ-Ỹ][^\W\d_]*)(?: [A-ZÀ-Ỹ][^\W\d_]*){0,3})")
# "huyện Ninh Hải", "Huyện ủy Ninh Hải", "UBND thị xã Ninh Hòa": a district and the word before its name.
_DISTRICT_NAMED = re.compile(r"(?i:(huyện|quận|thị xã))(?: ủy)? ((?:[A-ZÀ-Ỹ][^\W\d_]*)(?: [A-ZÀ-Ỹ][^\W\d_]*){0,3})")


def detect(text: str, url: str | None, gaz: Gazetteer) -> Place | None:
    """The place most named, by explicit mention, known district or host."""
    votes: Counter[str] = Counter()
    first: dict[str, int] = {}
    for m in at_word_starts(_LEAD_RE, text):
        found = gaz.province_re.match(text, m.end())
        if found:
            place = gaz.place_forms[found.group(0)]
            votes[place.name] += 1
            first.setdefault(place.name, m.start())
    for line in _LINE_START.finditer(text):
        found = gaz.province_re.match(text, line.end())
        if found and re.match(r"\s*[:–-]\s", text[found.end():found.end() + 3]):
            place = gaz.place_forms[found.group(0)]
            votes[place.name] += 1
            first.setdefault(place.name, line.end())
    for m in at_word_starts(gaz.province_re, text):
        place = gaz.place_forms[m.group(0)]
        if m.group(0) != place.name and place.kind == "city":  # "TPHCM", "TP.HCM"
            votes[place.name] += 1
            first.setdefault(place.name, m.start())
    for m in at_word_starts(_DISTRICT, text):
        words = m.group(2).split()
        for n in range(len(words), 0, -1):
            districts = gaz.districts.get(" ".join(words[:n]), [])
            provinces = {d.province for d in districts}
            if len(provinces) == 1:
                name = provinces.pop()
                votes[name] += 1
                first.setdefault(name, m.start())
                break
    if url:
        host_place = gaz.host_place(urlparse(url).hostname or url)
        if host_place:
            votes[host_place.name] += _HOST_VOTES
            first.setdefault(host_place.name, -1)
    if not votes:
        return None
    best = max(votes, key=lambda name: (votes[name], -first[name]))
    return gaz.provinces[best]


def district_of(text: str, province: Place | None, gaz: Gazetteer) -> Place | None:
    """The district a report is about: of its province, named at least twice and at least twice as often as any other."""
    if province is None:
        return None
    votes: Counter[Place] = Counter()
    for m in at_word_starts(_DISTRICT_NAMED, text):
        words, word = m.group(2).split(), m.group(1).lower()
        for n in range(len(words), 0, -1):
            place = gaz.district(" ".join(words[:n]), word, province)
            if place is not None and place.province == province.name and place.level_word == word:
                votes[place] += 1
                break
    ranked = votes.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][0]
