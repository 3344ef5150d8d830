"""Directives: resolutions, directives, conclusions, plans, letters, and what they implement."""
from __future__ import annotations

import re

from ..gazetteer import WordTrigger
from ..phrases import Context
from ..phrases.bodies import BodyFinder, central_body
from ..phrases.dates import find_dates
from ..phrases.titles import TitleFinder
from ..records import Body, Directive, Sentence, Title
from ..text import squash

ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"
_PARTY_SYMBOL = r"(?P<pnum>\d{1,4})\s*-\s*(?P<pcode>[A-Za-zĐđ]{1,6})\s*/\s*(?P<piss>[A-ZĐ][A-Za-zĐđ]{0,9})"
_STATE_SYMBOL = (r"(?P<snum>\d{1,4})\s*/\s*(?:(?P<syear>(?:19|20)\d{2})\s*/\s*)?(?P<scode>[A-Za-zĐđ]{1,6})"
                 r"\s*-\s*(?P<siss>[A-ZĐ][A-Za-zĐđ]{0,9})")
# a National Assembly's or its Standing Committee's act: "Nghị quyết số 202/2025/QH15"
_ASSEMBLY_SYMBOL = r"(?P<anum>\d{1,4})\s*/\s*(?P<ayear>(?:19|20)\d{2})\s*/\s*(?P<aiss>(?:NQ-)?(?:UBTVQH|QH)\d{1,2})"
# several numbers of one kind: "Quyết định số 305, 306-QĐ/TW"
_PARTY_NUMBERS = (r"(?P<lnums>\d{1,4}(?:\s*,\s*\d{1,4})+)\s*-\s*(?P<lcode>[A-Za-zĐđ]{1,6})\s*/\s*"
                  r"(?P<liss>[A-ZĐ][A-Za-zĐđ]{0,9})")
_CONGRESS = (rf"Nghị quyết Đại hội (?:(?:đại biểu )?(?:Đảng )?toàn quốc lần thứ (?P<r1>{ROMAN}|\d+)"
             rf"|(?:Đảng )?(?P<r2>{ROMAN}) của Đảng|Đảng lần thứ (?P<r3>{ROMAN}|\d+)"
             rf"|(?:đại biểu )?(?P<lvl>Đảng bộ (?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)"
             rf"(?: [A-ZÀ-Ỹ][^\W\d_]*){{0,3}}) lần thứ (?P<r4>{ROMAN}|\d+)"
             rf"|(?:đại biểu )?lần thứ (?P<r5>{ROMAN}|\d+) của (?P<lvl2>Đảng bộ (?:tỉnh|thành phố|huyện|quận|thị xã|xã|"
             rf"phường|thị trấn|đặc khu)(?: [A-ZÀ-Ỹ][^\W\d_]*){{0,3}}))")
# the groups that hold a citation's number, type code, issuer code and year, in whichever form it matched
_GROUPS = (("pnum", "snum", "anum", "num", "qnum", "hnum", "tnum"), ("pcode", "scode", "qcode", "hcode", "tcode"),
           ("piss", "siss", "aiss", "qiss", "hiss", "tiss"), ("syear", "ayear", "tyear"))
# a number that counts years or months is no document's: "Kế hoạch 5 năm"
_NOT_A_NUMBER = r"(?!\s*(?:năm|tháng|tuần|quý|giai đoạn)(?![^\W_]))"
_IMPLEMENTING = r"(?:tiếp tục\s+)?(?:thực hiện|triển khai|cụ thể h(?:óa|oá))"
_IMPLEMENTS_PREVIOUS = re.compile(rf"(?:về|để|nhằm)\s+{_IMPLEMENTING}\s*$", re.IGNORECASE)
_ALSO_IMPLEMENTS = re.compile(rf"(?:đồng thời|và)\s+{_IMPLEMENTING}\s*$", re.IGNORECASE)
_TERM = re.compile(rf"^\s*,?\s*\(?\s*khóa\s+(?P<term>{ROMAN})\b\s*\)?", re.IGNORECASE)
_ISSUED = re.compile(r"\s*(?:đã\s+)?(?:ban hành|triển khai|xây dựng)\s*$", re.IGNORECASE)


class DirectiveFinder:
    def __init__(self, gaz, bodies: BodyFinder, titles: TitleFinder):
        self.gaz = gaz
        self.bodies = bodies
        self.titles = titles
        words = self.gaz.doc_word_re
        # where a citation can start: a document's type and its number, a congress's resolution, "số" and a number
        self.trigger = WordTrigger([rf"(?:{words})\s+(?:số\s*)?\d+", "nghị quyết đại hội", r"số:? \d+"])
        self.cite = re.compile(  # every citation starts a word: checking that first makes the search fast
            rf"(?<![^\W_])(?:(?P<congress>{_CONGRESS})"
            rf"|(?P<word>{words})\s+(?:số\s*)?(?:(?:{_PARTY_NUMBERS})|(?:{_PARTY_SYMBOL})|(?:{_ASSEMBLY_SYMBOL})"
            rf"|(?:{_STATE_SYMBOL})|(?P<num>\d{{1,4}})(?![\d/-]){_NOT_A_NUMBER})"
            rf"|(?<=số )(?:{_PARTY_SYMBOL.replace('?P<p', '?P<q')})"
            rf"|(?<=Số: )(?:{_PARTY_SYMBOL.replace('?P<p', '?P<h')}|{_STATE_SYMBOL.replace('?P<s', '?P<t')}))",
            re.IGNORECASE,
        )
        # "Công văn được ban hành nhằm cụ thể hóa …": the document the report has just named implements what follows.
        self.self_reference = re.compile(rf"^\W*(?P<word>{words})\s+(?:này\s+)?(?:được\s+ban hành\s+)?(?:nhằm|để)\s+"
                                         rf"{_IMPLEMENTING}\s*$", re.IGNORECASE)

    def find(self, sentence: Sentence, ctx: Context, earlier: list[Directive] = ()) -> list[Directive]:
        """The documents a sentence cites; `earlier`, those of the sentences before, for "Công văn này …"."""
        text = sentence.text
        if not self.trigger.search(text):
            return []
        matches = [m for m in self.cite.finditer(text) if m.group(0)]
        own = self._referent(text[:matches[0].start()], earlier) if matches else None
        found: list[Directive] = []
        for i, m in enumerate(matches):
            limit = matches[i + 1].start() if i + 1 < len(matches) else len(text)
            cited = self._numbered(m, text, limit, ctx, sentence) if m.group("lnums") else \
                [self._directive(m, text, limit, ctx, sentence)]
            gap = text[matches[i - 1].end():m.start()] if i else ""
            for d in filter(None, cited):
                if found and _IMPLEMENTS_PREVIOUS.search(gap):
                    found[-1].implements.append(d)
                elif own is not None and (i == 0 or _ALSO_IMPLEMENTS.search(gap)):
                    own.implements.append(d)
                found.append(d)
        return found

    def _numbered(self, m: re.Match, text: str, limit: int, ctx: Context, sentence: Sentence) -> list[Directive]:
        """ "Quyết định số 305, 306-QĐ/TW": one document per number, each with the symbol they share."""
        out = []
        for number in re.findall(r"\d+", m.group("lnums")):
            one = self.cite.match(f"{m.group('word')} {number}-{m.group('lcode')}/{m.group('liss')}")
            d = self._directive(one, text, limit, ctx, sentence, at=m.span())
            if d is not None:
                d.written = squash(m.group(0))
                out.append(d)
        return out

    def _referent(self, lead: str, earlier: list[Directive]) -> Directive | None:
        """The latest earlier document of the type a sentence opens with, when it says it implements something."""
        m = self.self_reference.match(lead)
        if not m:
            return None
        doc_type = self.gaz.doc_type_by_word[m.group("word").lower()]["name"]
        return next((d for d in reversed(earlier) if d.doc_type == doc_type), None)

    def _directive(self, m: re.Match, text: str, limit: int, ctx: Context, sentence: Sentence,
                   at: tuple[int, int] | None = None) -> Directive | None:
        """The document a citation names; `at`, where in the text it stands when `m` matched a rewriting of it."""
        if m.group("congress"):
            return self._congress(m, ctx, sentence)
        start, end = at or m.span()
        word = m.group("word")
        num, code, issuer_code, year = (next((m.group(g) for g in names if m.group(g)), None) for names in _GROUPS)
        doc_type = self.gaz.doc_type_by_word.get(word.lower()) if word else None
        if doc_type is None and code:
            doc_type = self.gaz.doc_type_by_code.get(code.upper())
        if doc_type is None:
            return None
        symbol = re.sub(r"\s+", "", m.group(0)[m.group(0).index(num):]) if issuer_code else None
        issuer_row = self.gaz.issuers.get(re.sub(r"^NQ-|\d+$", "", issuer_code).upper()) if issuer_code else None
        d = Directive(doc_type["name"], num.lstrip("0") or "0", "national", doc_type["code"], symbol=symbol,
                      written=squash(m.group(0)), evidence=[sentence])
        if year:
            d.year = int(year)
        self._attributes(d, text, end, limit, ctx)
        if d.issuer is None:
            self._issued_before(d, text, start, ctx)
        if d.issuer is None:
            d.issuer = self._issuer_from_code(issuer_row, ctx)
        local = (issuer_row and issuer_row["scope"] == "local") or (
            issuer_row is None and isinstance(d.issuer, (Body, Title)) and _level(d.issuer) != "central")
        if local:  # of the report's province; of the report alone where none is known
            d.scope = ctx.jurisdiction.name if ctx.jurisdiction is not None else None
        return d

    def _congress(self, m: re.Match, ctx: Context, sentence: Sentence) -> Directive | None:
        ordinal = next(g for g in (m.group("r1"), m.group("r2"), m.group("r3"), m.group("r4"), m.group("r5")) if g is not None)
        number = to_roman(int(ordinal)) if ordinal.isdigit() else ordinal.upper()
        if not number:
            return None
        d = Directive("Nghị quyết Đại hội", number, "national", "NQĐH", written=squash(m.group(0)), evidence=[sentence])
        organisation = m.group("lvl") or m.group("lvl2")
        if organisation:
            body = self.bodies.match_at(organisation, 0, ctx)
            if body is None or body.body is None or body.body.place is None:
                return None
            d.issuer, d.scope = body.body, _scope_of(body.body)
        else:
            d.issuer = central_body("Đảng Cộng sản Việt Nam", ctx)
        return d

    def _attributes(self, d: Directive, text: str, pos: int, limit: int, ctx: Context) -> None:
        """Date, issuer, Party term and subject written after the citation."""
        rest = text[pos:limit]
        dm = re.match(r"\s*,?\s*(?:ban hành\s+)?ngày\s+", rest)
        if dm:
            dates = [x for x in find_dates(rest[dm.start():], ctx) if x.start <= dm.end() - dm.start()]
            if dates and dates[0].date and re.search(r"\d{4}", dates[0].written):
                d.date = dates[0].date
                rest_offset = dm.start() + dates[0].end
                pos, rest = pos + rest_offset, rest[rest_offset:]
        im = re.match(r"\s*,?\s*của\s+", rest)
        if im:
            at = pos + im.end()
            title = self.titles.match_at(text, at, ctx)
            body = self.bodies.match_at(text, at, ctx)
            if title and title.title and (body is None or title.end >= body.end):
                d.issuer, end = title.title, title.end
            elif body and body.body:
                d.issuer, end = body.body, body.end
            else:
                end = at
            pos, rest = end, text[end:limit]
        tm = _TERM.match(rest)
        if tm:
            d.term = tm.group("term").upper()
            pos, rest = pos + tm.end(), rest[tm.end():]
        sm = re.match(r"\s*,?\s*về\s+(?:việc\s+)?(.+)", rest, re.DOTALL)
        if sm:
            subject = re.split(r"\s*[;]\s*|\s*\.\s*$", sm.group(1))[0]
            subject = squash(subject.strip(" ,“”\"").replace("“", "").replace("”", ""))
            if subject and not re.match(r"(?:tiếp tục\s+)?(?:thực hiện|triển khai)\s*$", subject):
                d.subject = subject

    def _issued_before(self, d: Directive, text: str, start: int, ctx: Context) -> None:
        """ "Ngày 27/8/2021, Ban Dân vận Tỉnh ủy ban hành Công văn số …": issuer and date before the verb."""
        im = _ISSUED.search(text, 0, start)
        if not im:
            return
        bodies = [b for b in self.bodies.find_all(text[:im.start()], ctx) if b.end == im.start()]
        if not bodies:
            return
        d.issuer = bodies[-1].body
        lead = text[:bodies[-1].start]
        dates = [x for x in find_dates(lead, ctx) if re.fullmatch(r"\W*", lead[x.end:]) and re.search(r"\d{4}", x.written)]
        if d.date is None and dates:
            d.date = dates[-1].date

    def _issuer_from_code(self, row: dict | None, ctx: Context) -> Body | Title | None:
        if row is None:
            return None
        if row.get("issuer"):
            return central_body(row["issuer"], ctx)
        if row.get("issuer_title"):
            title = self.titles.match_at(row["issuer_title"], 0, ctx)
            return title.title if title else None
        if row.get("issuer_committee_body") and ctx.jurisdiction:  # the code is also a body's abbreviation
            found = self.bodies.match_at(row["code"], 0, ctx)
            return found.body if found else None
        return None


def _scope_of(body: Body) -> str:
    """Where a Party organisation's congress resolutions are numbered: its province, or its district or commune
    within it ("Sơn La, xã Mường La")."""
    place = body.place
    if body.level in ("province", "city") or body.province is None:
        return place.name
    return f"{body.province.name}, {place.level_word} {place.name}".strip()


def _level(issuer: Body | Title) -> str:
    return (issuer.body if isinstance(issuer, Title) else issuer).level


def to_roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def merge(directives: list[Directive]) -> list[Directive]:
    """Every citation of one document in a report becomes one record."""
    merged: dict[tuple, Directive] = {}
    for d in directives:
        known = merged.get(d.key)
        if known is None:
            merged[d.key] = d
            continue
        for attr in ("symbol", "date", "issuer", "term", "subject"):
            if getattr(known, attr) is None and getattr(d, attr) is not None:
                setattr(known, attr, getattr(d, attr))
        known.evidence.extend(e for e in d.evidence if e not in known.evidence)
        known.implements.extend(d.implements)
    for d in merged.values():
        d.implements = list({merged.get(i.key, i).key: merged.get(i.key, i) for i in d.implements}.values())
    return list(merged.values())


