"""How a synthetic report writes bodies, offices, officials, dates and documents; each mention goes into the gold."""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from .gold import EventGold, Gold, Title, title_name
from .people import Holder, Office
from .vocab import District, Province, Vocabulary

ROMAN = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI",
         "XVII", "XVIII", "XIX", "XX", "XXI", "XXII")


@dataclass(frozen=True)
class Document:
    """A document a report can cite."""

    type: str
    number: str  # as written: "05"
    symbol: str | None
    date: dt.date | None
    issuer: str | None  # a body reference, or "title:<office>" ("title:Thủ tướng Chính phủ")
    term: str | None = None
    subject: str | None = None
    implements: Document | None = None

    @property
    def issuer_code(self) -> str | None:
        """The issuer's code in the symbol: "TW" (25-NQ/TW), "TTg" (16/CT-TTg), "UBND" (12/QĐ-UBND)."""
        if not self.symbol:
            return None
        return self.symbol.rsplit("/", 1)[-1].rsplit("-", 1)[-1]


class Writer:
    """Writes the mentions of one report and records what they state in its gold."""

    def __init__(self, rng: random.Random, vocab: Vocabulary, province: Province, gold: Gold):
        self.rng, self.vocab, self.province, self.gold = rng, vocab, province, gold
        self.forms = vocab.forms
        self.event: EventGold | None = None  # officials named now take part in it
        self.cited: dict[tuple[str, str], Document] = {}  # (type, number) → the document the report means

    def pick(self, options: list | tuple, weights: list | None = None):
        return self.rng.choices(options, weights)[0] if weights else self.rng.choice(options)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    # ------------------------------------------------------------- bodies

    def body_name(self, ref: str, district: District | None = None) -> str:
        """The canonical name of a body reference, in this report's province (or a district of it)."""
        kind, _, name = ref.partition("/")
        p = self.province
        if kind == "central":
            return name
        if kind == "youth":
            return f"{p.youth} {p.full_name}"
        committee = f"{district.committee} {district.name}" if district else f"{p.committee} {p.full_name}"
        if kind == "committee":
            return f"{name} {committee}" if name else committee
        place = district.place if district else p.place
        return f"{name} {place}"

    def body(self, ref: str, district: District | None = None, *, named: bool = False, record: bool = True) -> str:
        """A body as written ("Ban Dân vận Tỉnh ủy", "UBND tỉnh Cà Mau"); recorded in the gold."""
        if record:
            self.gold.body(self.body_name(ref, district))
            self._imply(ref, district)
        return self.written_body(ref, district, named=named)

    def _imply(self, ref: str, district: District | None) -> None:
        kind, _, name = ref.partition("/")
        if kind == "committee" and name:
            self.gold.imply(self.body_name("committee", district))
        if name == "Đoàn đại biểu Quốc hội":
            self.gold.imply("Quốc hội")

    def written_body(self, ref: str, district: District | None = None, *, named: bool = False,
                     in_title: bool = False) -> str:
        """A body as written, not recorded; in a title, a committee is never "Ban Chấp hành Đảng bộ tỉnh"."""
        kind, _, name = ref.partition("/")
        if kind == "central":
            return self._form("central", name)
        if kind == "youth":
            return f"{self.province.youth} {self.province.name}" if named else self.province.youth
        if kind == "committee":
            if not name:
                return self._committee(district, named, alone=not in_title)
            return f"{self._form('committee_body', name)} {self._committee(district, named, alone=False)}"
        return f"{self._form('local', name)} {self._level(district, named)}"

    def _form(self, group: str, name: str) -> str:
        row = self.forms[group].get(name)
        return self.pick(row["forms"], row["weights"]) if row else name

    def _committee(self, district: District | None, named: bool, alone: bool) -> str:
        """ "Tỉnh ủy", "Tỉnh ủy Cà Mau", "Huyện ủy Kinh Môn"; on its own also "Ban Chấp hành Đảng bộ tỉnh"."""
        if district:
            return f"{district.committee} {district.name}" if named else district.committee
        word = self._form("committee", self.province.committee) if alone else self.province.committee
        return f"{word} {self.place_name()}" if named else word

    def place_name(self) -> str:
        """The province as written after a committee: "Cà Mau", "TP.HCM"."""
        p = self.province
        if p.full_name != p.name:
            return self.pick(self._city_aliases() or [p.full_name])
        return p.name

    def _city_aliases(self) -> list[str]:
        return [a for a in self.province.aliases if a.startswith(("TP", "Thành phố"))]

    def _level(self, district: District | None, named: bool) -> str:
        """The place written after a local body: "tỉnh", "tỉnh Cà Mau", "TP.HCM", "huyện Kinh Môn"."""
        if district:
            return district.place if named else district.level
        p = self.province
        level = self.forms["level"]["city" if p.city else "province"]
        if not named:
            return self.pick(level["bare"])
        form = self.pick(level["named"])
        aliases = self._city_aliases()
        if "{alias}" in form and not aliases:
            form = level["named"][0]
        return form.format(name=p.name, alias=self.pick(aliases) if aliases else "")

    # ------------------------------------------------------------ offices

    def title(self, office: Office, district: District | None) -> Title:
        return Title(office.role, self.body_name(office.body, district))

    def written_title(self, office: Office, district: District | None, *, named: bool = False,
                      committee_follows: bool = False) -> str:
        """An office as written: "Trưởng Ban Dân vận Tỉnh ủy", "Tỉnh ủy viên", "Bí thư Trung ương Đảng"."""
        if office.written:
            committee = district.committee if district else self.province.committee
            level = district.level if district else self.province.level
            return self.pick(office.written).format(committee=committee, level=level)
        if committee_follows:  # "Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Tỉnh ủy"
            body = self._form("committee_body", office.body.partition("/")[2])
        else:
            body = self.written_body(office.body, district, named=named, in_title=True)
        text = title_name(office.role, body)
        cases = self.forms["role_case"].get(office.role)
        if cases and text.startswith(cases[0]):
            text = self.pick(cases, [6] + [1] * (len(cases) - 1)) + text[len(cases[0]):]
        return text

    def chain(self, holder: Holder, offices: list[Office] | None = None, *, former: bool = False,
              named: bool | None = None) -> str:
        """A person's titles, comma-separated; the place, when written, on the last one."""
        offices = holder.offices if offices is None else offices
        district = holder.district
        if named is None:
            named = district is not None or self.chance(0.15)
        parts = []
        for i, office in enumerate(offices):
            last = i == len(offices) - 1
            follows = (not last and office.body == "committee/Ban Thường vụ"
                       and offices[i + 1].body.startswith("committee") and self.chance(0.4))
            here = named if last else (district is not None and self.chance(0.4))
            parts.append(self.written_title(office, district, named=here, committee_follows=follows))
            self.gold.official(holder.person.name, self.title(office, district), former)
            self._imply(office.body, district)
            for ref in office.implies:
                self.gold.imply(self.body_name(ref, district))
        if len(parts) > 2 and self.chance(0.1):
            return ", ".join(parts[:-1]) + " kiêm " + parts[-1]
        return ", ".join(parts)

    # ---------------------------------------------------------- officials

    def person(self, holder: Holder, offices: list[Office] | None = None, *, style: str | None = None,
               former: bool = False) -> str:
        """An official with titles, without honorific: "Lê Dũng, Trưởng Ban …", "Phó Bí thư … Lê Dũng"."""
        name = holder.person.name
        offices = holder.offices if offices is None else offices
        if style is None:
            style = self.pick(["comma", "dash", "paren", "title_first"], [70, 12, 4, 14])
        if style == "title_first" and len(offices) > 2:
            offices = offices[-2:]
        chain = self.chain(holder, offices, former=former)
        self.take_part(name)
        if former:
            return f"nguyên {chain} {name}" if style == "title_first" else f"{name}, nguyên {chain}"
        return {"comma": f"{name}, {chain}", "dash": f"{name} - {chain}", "paren": f"{name} ({chain})",
                "title_first": f"{chain} {name}"}[style]

    def honorific(self, holder: Holder) -> str:
        return self.pick(["đồng chí", "bà" if holder.person.female else "ông", "đ/c", "Đc"], [30, 4, 1, 1])

    def people(self, holders: list[Holder], *, former: Holder | None = None) -> str:
        """A list of officials as reports write who attended: "đồng chí A, …; đồng chí B - …"."""
        items = []
        for holder in holders:
            style = self.pick(["comma", "dash", "title_first"], [75, 12, 13])
            hon = self.honorific(holder)
            mention = self.person(holder, style=style)
            items.append(mention if style == "title_first" and self.chance(0.6) else f"{hon} {mention}")
        if former is not None:
            items.append(self.person(former, [former.main], style="title_first", former=True))
        if len(items) > 1 and self.chance(0.3):
            return "; ".join(items[:-1]) + " và " + items[-1]
        return "; ".join(items)

    def take_part(self, name: str) -> None:
        if self.event is not None:
            self.event.participants.append(name)

    # -------------------------------------------------------------- dates

    def date(self, day: dt.date, *, year: bool = True) -> str:
        """ "15/10/2020", "05/02/2021", "15-10-2020"; "15/10", "4-2" without the year."""
        d, m, y = day.day, day.month, day.year
        if not year:
            return self.pick([f"{d}/{m}", f"{d:02d}/{m:02d}", f"{d}-{m}"], [6, 2, 1])
        return self.pick([f"{d}/{m}/{y}", f"{d:02d}/{m:02d}/{y}", f"{d}-{m}-{y}", f"{d:02d}/{m}/{y}"],
                         [6, 3, 1, 2])

    # ---------------------------------------------------------- documents

    def issued(self, doc: Document, *, named: bool = False) -> str:
        """The report announces that its issuer issued `doc`: recorded with its date; returns the issuer as written."""
        self.cited[self.gold.directive_key(doc.type, doc.number)] = doc
        self.gold.directive(doc.type, doc.number, doc.symbol, doc.date, self.body_name(doc.issuer))
        return self.body(doc.issuer, named=named)

    def can_cite(self, doc: Document) -> bool:
        """False where the report already cites another document of that type and number."""
        known = self.cited.get(self.gold.directive_key(doc.type, doc.number))
        return known is None or known == doc

    def cite(self, doc: Document, form: str = "full") -> str:
        """A citation: "Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng (khóa XI) về …".

        form: full, no_date, symbol (number and symbol only), short ("Chỉ thị 05 của Bộ Chính trị"), bare ("chỉ thị 05").
        """
        self.cited[self.gold.directive_key(doc.type, doc.number)] = doc
        head = f"{doc.type} số {doc.symbol}" if doc.symbol else f"{doc.type} số {doc.number}"
        if form == "bare":
            self.gold.directive(doc.type, doc.number, None, None, None)
            return self.pick([f"{doc.type} {doc.number}", f"{doc.type.lower()} {doc.number}", f"{doc.type} số {doc.number}"])
        if form == "symbol":
            self.gold.directive(doc.type, doc.number, doc.symbol, None, None)
            return head
        issuer_name, issuer = self._issuer(doc)
        term = ""
        if doc.term and doc.issuer == "central/Ban Chấp hành Trung ương Đảng" and form in ("full", "no_date"):
            term = self.pick([f" (khóa {doc.term})", f" khóa {doc.term}", ""])
        if form == "short":
            self.gold.directive(doc.type, doc.number, None, None, issuer_name)
            return f"{doc.type} {doc.number} của {issuer}"
        date = ""
        if form == "full" and doc.date:
            date = self.pick([" ngày ", ", ngày "]) + self.date(doc.date)
        self.gold.directive(doc.type, doc.number, doc.symbol, doc.date if date else None, issuer_name)
        text = f"{head}{date} của {issuer}{term}"
        if doc.implements is not None:
            return f"{text} về thực hiện {self.cite(doc.implements, self.pick(['full', 'no_date', 'short'], [5, 3, 2]))}"
        return f"{text} về {doc.subject}" if doc.subject else text

    def _issuer(self, doc: Document) -> tuple[str, str]:
        """The issuer's canonical name (for the gold) and as written."""
        if doc.issuer.startswith("title:"):  # "Thủ tướng Chính phủ": an office of a central body
            title = doc.issuer.partition(":")[2]
            body = next(b for b in sorted(self.vocab.central_bodies, key=len, reverse=True) if title.endswith(" " + b))
            self.gold.body(body)
            self.gold.imply(title)
            return title, f"{title[:-len(body)]}{self.written_body('central/' + body)}"
        return self.body_name(doc.issuer), self.body(doc.issuer, named=self.chance(0.1))

    def congress(self, ordinal: int, *, national: bool) -> str:
        """A congress resolution: "Nghị quyết Đại hội XIII của Đảng", "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII"."""
        roman = ROMAN[ordinal]
        if national:
            self.gold.directive("Nghị quyết Đại hội", roman, None, None, "Đảng Cộng sản Việt Nam")
            return self.pick([f"Nghị quyết Đại hội {roman} của Đảng", f"Nghị quyết Đại hội Đảng toàn quốc lần thứ {roman}",
                              f"Nghị quyết Đại hội đại biểu toàn quốc lần thứ {roman} của Đảng"], [5, 4, 1])
        p = self.province
        party = f"Đảng bộ {p.place}"
        self.gold.directive("Nghị quyết Đại hội", roman, None, None, party)
        self.gold.imply(party)
        if p.full_name != p.name:  # "Đảng bộ Thành phố" (Hồ Chí Minh)
            named = "Đảng bộ Thành phố"
        else:
            named = self.pick([f"Đảng bộ {p.level}", f"Đảng bộ {p.level} {p.name}"], [3, 1])
        return self.pick([f"Nghị quyết Đại hội {named} lần thứ {roman}",
                          f"Nghị quyết Đại hội đại biểu {named} lần thứ {roman}"], [6, 1])
