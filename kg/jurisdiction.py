"""Which province or city a report is about: its text, captions and web host vote."""
from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlparse

from .gazetteer import Gazetteer, at_word_starts
from .records import Place

_HOST_VOTES = 3  # a site's host names its province more surely than one mention
_LEAD = r"(?:tỉnh|Tỉnh ủy|thành phố|Thành phố|Thành ủy|TP\.?|Đảng bộ tỉnh|điểm cầu tỉnh)"
_LEAD_RE = re.compile(rf"{_LEAD}\s+(?=\S)")
_DISTRICT = re.compile(r"(huyện|quận|thị xã) ((?:[A-ZÀ-Ỹ][^\W\d_]*)(?: [A-ZÀ-Ỹ][^\W\d_]*){0,3})")


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
