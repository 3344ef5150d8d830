"""People's names: a run of capitalised syllables that starts with a family name, or follows an honorific.

"đồng chí Lường Văn Chiến" → "Lường Văn Chiến"; "ông Khải" → a short name, which the
report resolves to the full name it refers back to. A run that is a place ("Lâm Đồng",
"huyện Mai Sơn", "đường Lê Lợi") is not a name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..gazetteer import WordTrigger, alternation, at_word_starts, literal_alternation, word_start_search
from ..text import is_capitalised
from . import Context, Spans
from .places import WORD

MAX_NAME_WORDS = 5
_SPACES = re.compile(r"\s+(?=[^\W\d_])")

# Capitalised words that open phrases, never a name's syllables: a name stops before them.
NOT_NAMES = {"Ảnh", "Đảng", "Nhà", "Hội", "Nghị", "Ban", "Tỉnh", "Huyện", "Ủy", "Bộ", "Theo", "Tại", "Sau", "Trong",
             "Với", "Phát", "Lễ", "Phó", "Chủ", "Bí", "Trưởng", "Mặt", "Trận", "Sở", "Cùng", "Thay", "Giám", "Chánh",
             "Tổng", "Viện", "Dự", "Tham", "Hiệu", "Xã", "Phường", "Quận", "Ngày", "Ông", "Bà", "Các", "Những",
             "Về", "Để", "Đến", "Khi", "Là", "Và", "Của", "Kiêm", "Thiếu"}
_HONORIFIC_SURNAMES = {"Ông", "Bà"}  # family names too


@dataclass(frozen=True)
class NameSpan:
    """A person's name written at [start, end); `short` for a given name alone after an honorific ("ông Khải")."""

    start: int
    end: int
    name: str
    honorific: bool = False
    short: bool = False


class NameFinder:
    def __init__(self, gaz):
        self.gaz = gaz
        # a family name starts a word; "H'" and "K'" names run on ("H'Hen Niê"). No look-behind in front:
        # word_start_search checks word starts and lets the search skip ahead
        self.start_re = re.compile(r"(?:" + literal_alternation(gaz.surnames) + r")(?![^\W_'’])|[HK]['’][^\W\d_]")
        self.honorific_re = re.compile(r"(?:^|(?<=[\s(,:;]))(?:" + alternation(gaz.honorific_forms) + r")\s+$",
                                       re.IGNORECASE)
        self.place_before_re = re.compile(r"(?:^|(?<=[\s(,]))(?:" + alternation(gaz.place_before) + r")\s+$")
        self.level_before_re = re.compile(r"(?:^|(?<=[\s(,]))(?:" + alternation(gaz.level_before) + r")\s+$")
        self.honorifics = WordTrigger(gaz.honorific_forms)
        self.short_re = re.compile(r"(?i:" + alternation(gaz.short_name_honorifics) + r")\s+"
                                   r"(?P<name>[^\W\d_][^\W_]*)(?![^\W_])")

    def find_all(self, text: str, ctx: Context, taken: Spans = Spans(())) -> list[NameSpan]:
        """Full names and short names, left to right, outside the spans `taken` (titles, bodies)."""
        found: list[NameSpan] = []
        pos = 0
        while m := word_start_search(self.start_re, text, pos):
            span = self._full_name(text, m.start(), ctx)
            if span is None or span.start in taken:
                pos = m.end()
                continue
            found.append(span)
            pos = span.end
        for m in self.honorifics.finditer(text):  # "đồng chí A Sâm", "bà H'Hen Niê": any run after one
            gap = _SPACES.match(text, m.end())
            if gap is None or any(s.start <= gap.end() < s.end or m.start() <= s.start < gap.end() for s in found):
                continue
            span = self._full_name(text, gap.end(), ctx, any_first=True)
            if span is not None and span.start not in taken:
                found.append(span)
        found += self.short_names(text, taken, found)
        return sorted(found, key=lambda s: s.start)

    def short_names(self, text: str, taken, found: list[NameSpan]) -> list[NameSpan]:
        """Given names alone after an honorific ("ông Khải"), outside `taken` and the names `found`."""
        out = []
        if not self.honorifics.search(text):
            return out
        for m in at_word_starts(self.short_re, text):
            word = m.group("name")
            at = m.start("name")
            if (is_capitalised(word) and word not in NOT_NAMES and at not in taken
                    and not any(s.start <= at < s.end for s in found)
                    and not _next_is_capitalised(text, m.end())):
                out.append(NameSpan(at, m.end(), word, True, True))
        return out

    def _full_name(self, text: str, start: int, ctx: Context, any_first: bool = False) -> NameSpan | None:
        """The name that starts at `start`: two to five capitalised words; the first a family name, unless
        an honorific stands before it (`any_first`)."""
        words: list[re.Match] = []
        for m in WORD.finditer(text, start):
            if (m.start() != (words[-1].end() + 1 if words else start) or (words and text[m.start() - 1] != " ")
                    or not is_capitalised(m.group(0)) or (words and m.group(0) in NOT_NAMES)):
                break
            words.append(m)
            if len(words) == MAX_NAME_WORDS:
                break
        if len(words) < 2 or (any_first and words[0].group(0) in NOT_NAMES):
            return None
        if words[0].group(0) in _HONORIFIC_SURNAMES and (len(words) == 2 or words[1].group(0) not in ("Thị", "Văn")):
            return None  # "Ông Nguyễn Văn A", "Ông Vừ": an honorific; "Ông Thị Thoa": a family name
        end = words[-1].end()
        name = text[start:end]
        before = text[max(0, start - 25):start]
        honorific = bool(self.honorific_re.search(before))
        if self._is_place(name, ctx) or self.place_before_re.search(before) or (
                len(words) <= 2 and self.level_before_re.search(before)):
            return None
        return NameSpan(start, end, name, honorific)

    def _is_place(self, name: str, ctx: Context) -> bool:
        gaz = ctx.gaz
        return name in gaz.place_names or name in gaz.not_people


def _next_is_capitalised(text: str, end: int) -> bool:
    """ "ông Văn Khải": a second capitalised word makes it no short name (the full-name finder reads those)."""
    return text[end:end + 1] == " " and text[end + 1:end + 2].isupper()
