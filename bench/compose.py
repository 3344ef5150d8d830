"""One synthetic report: what happens in it, written as a news item's paragraphs and captions, with its gold."""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import random
import re
import string
from dataclasses import dataclass, field

from .gold import Gold
from .mentions import Document, Writer
from .people import Holder, Roster, Rosters
from .vocab import District, Province, Vocabulary, VocabularyError


@dataclass
class Block:
    kind: str  # "para", "caption", "list" (lines of a list of tasks)
    text: str


@dataclass
class Draft:
    """A report before it is dressed as a page or record."""

    province: Province
    kind: str
    title: str
    published: dt.datetime
    blocks: list[Block]
    byline: str
    gold: Gold
    pen: str  # the photographer
    site: str  # the site's name, in its header


def fill(template: str, **slots: object) -> str:
    """A template of bench/data with its slots filled; an unknown slot is a data error.

    A slot given as a function is called only if the template uses it: what it writes
    goes into the gold, so it must not be written when the text leaves it out.
    """
    used = _slots(template)
    try:
        return template.format(**{k: v() if callable(v) else v for k, v in slots.items() if k in used})
    except (KeyError, IndexError) as err:
        raise VocabularyError(f"bench/data: template {template!r} has an unknown slot {err}") from err


@functools.lru_cache(maxsize=4096)
def _slots(template: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass
class Report:
    """The state of one report being written."""

    rng: random.Random
    vocab: Vocabulary
    province: Province
    year: int
    term: int
    roster: Roster
    writer: Writer
    show_date: bool  # the page or record states its date: the text may leave the year out
    blocks: list[Block] = field(default_factory=list)
    pen: str = ""
    decks: dict[str, list] = field(default_factory=dict)

    def draw(self, name: str, items: list):
        """One of `items`, none drawn twice until all have been: prose does not repeat itself."""
        deck = self.decks.get(name)
        if not deck:
            deck = self.decks[name] = list(items)
            self.rng.shuffle(deck)
        return deck.pop()

    def para(self, *sentences: str) -> None:
        self.blocks.append(Block("para", " ".join(s for s in sentences if s)))

    def caption(self, text: str) -> None:
        self.blocks.append(Block("caption", text))


class Composer:
    """Writes reports from the vocabulary; one `compose` call per report."""

    def __init__(self, vocab: Vocabulary, rosters: Rosters):
        self.vocab, self.rosters = vocab, rosters
        self.phrases, self.report_phrases = vocab.phrases, vocab.phrases["report"]
        places = vocab.places
        self.years, self.year_weights = zip(*((int(y), w) for y, w in places["years"].items()))
        self.terms = places["term"]
        self.kinds, self.kind_weights = zip(*vocab.scenarios["kinds"].items())
        self.central_docs = [_central_document(row) for row in vocab.documents["central"]]
        self.provinces = [p for p in vocab.provinces if p.districts]

    # --------------------------------------------------------------- entry

    def compose(self, doc: str, rng: random.Random, *, show_date: bool, target: int) -> Draft:
        """A report about `target` characters long, its gold named `doc`."""
        year = rng.choices(self.years, self.year_weights)[0]
        province = rng.choice(self.provinces)
        term = next(i for i, t in enumerate(self.terms) if t["years"][0] <= year <= t["years"][1])
        gold = Gold(doc, province.name)
        r = Report(rng, self.vocab, province, year, term, self.rosters.province(province, term),
                   Writer(rng, self.vocab, province, gold), show_date)
        r.pen = self.rosters.names.pen_name(rng)
        gold.optional_official(r.pen)
        kind = rng.choices(self.kinds, self.kind_weights)[0]
        title, published = getattr(self, f"_{kind}")(r)
        self._lengthen(r, target)
        self._name_province(r)
        byline = self._byline(r)
        if "Hồ Chí Minh" in " ".join(b.text for b in r.blocks):
            gold.optional_official("Hồ Chí Minh")
        return Draft(province, kind, title, published, r.blocks, byline, gold, r.pen, self._site(r))

    # ------------------------------------------------------------- events

    def _event(self, r: Report) -> tuple[str, dt.datetime]:
        """A province's event: lead, who came, report, speech, citations, awards."""
        s = self.vocab.scenarios
        organiser = r.rng.choices(s["organiser"], [o["weight"] for o in s["organiser"]])[0]
        event, day, phrase = self._pick_event(r, organiser["body"])
        head = r.roster.one(r.rng, organiser["head"])
        deputy = r.roster.one(r.rng, organiser["deputy"])
        leader = r.roster.one(r.rng, r.rng.choices(list(s["leaders"]), list(s["leaders"].values()))[0])
        hosts = list(dict.fromkeys([leader, head, deputy]))
        guests = r.roster.some(r.rng, r.rng.randint(0, 3), hosts)
        former = self._former(r, event["type"] in ("Họp mặt", "Lễ kỷ niệm"))
        return self._event_report(r, event, day, phrase, organiser["body"], None, hosts, guests, former, "province")

    def _district(self, r: Report) -> tuple[str, dt.datetime]:
        """A district's event, with a provincial guest."""
        district = r.rng.choice(r.province.districts)
        roster = self.rosters.district(r.province, district, r.term)
        s = self.vocab.scenarios
        organiser = r.rng.choices(s["district_organiser"], [o["weight"] for o in s["district_organiser"]])[0]
        event, day, phrase = self._pick_event(r, organiser["body"])
        head = roster.one(r.rng, organiser["head"])
        others = roster.some(r.rng, r.rng.randint(1, 3), [head])
        provincial = [r.roster.one(r.rng, r.rng.choice(["pho_bdv", "truong_bdv", "pct_ubnd"]))]
        hosts = [provincial[0], head] if r.rng.random() < 0.5 else [head, provincial[0]]
        return self._event_report(r, event, day, phrase, organiser["body"], district, hosts, others, None, "district",
                                  roster)

    def _pick_event(self, r: Report, organiser: str) -> tuple[dict, dt.date, str]:
        """An event of the year that this organiser can hold; its date and phrase."""
        events = [e for e in self.phrases["event"] if organiser in e.get("organisers", [organiser])]
        while True:
            event = r.rng.choice(events)
            period = _period(self.vocab, r.year, event.get("needs"))
            if event.get("needs", "").startswith("period") and period is None:
                continue
            day = _day(r.rng, r.year, event["months"], event.get("days"))
            slots = {"Y": r.year, "Yp": r.year - 1, "Yn": r.year + 1, "ann": r.year - 1930, "k": 0,
                     "quarter": {4: "I", 7: "II", 10: "III"}.get(day.month, "I"), "doc": "",
                     "P1": period[0] if period else "", "P2": period[1] if period else "",
                     "model": r.rng.choice(self.report_phrases["models"])}
            if event.get("needs") == "doc":
                docs = [d for d in self.central_docs if d.date and 2 <= r.year - d.date.year <= 12
                        and d.date < day and r.writer.can_cite(d)]
                if not docs:
                    continue
                doc = r.rng.choice(docs)
                slots["k"] = r.year - doc.date.year
                slots["doc"] = r.writer.cite(doc, r.rng.choice(["full", "no_date", "symbol"] if doc.issuer_code in ("TW", "TU")
                                                               else ["full", "no_date"]))
            return event, day, fill(event["phrase"], **slots)

    def _event_report(self, r: Report, event: dict, day: dt.date, phrase: str, organiser: str,
                      district: District | None, hosts: list[Holder], guests: list[Holder], former: Holder | None,
                      scope: str, district_roster: Roster | None = None) -> tuple[str, dt.datetime]:
        rng, w, rp = r.rng, r.writer, self.report_phrases
        short = rng.choice(event["short"])
        level = r.province.level
        when, date = self._when(r, day)
        org = w.body(organiser, district, named=district is not None or rng.random() < 0.5)
        w.event = r.writer.gold.event(event["type"], day, w.body_name(organiser, district))
        for also in event.get("also", []):
            w.gold.optional_event(also, day)
        venue = fill(rng.choice(rp["district_venues"] if district else rp["venues"]), level=level,
                     district=(district or rng.choice(r.province.districts)).place)
        passive = rng.random() < 0.12
        lead = fill(rng.choice(rp["passive_leads"] if passive else rp["leads"]), when=when, When=cap(when),
                    date=date, org=org, event=phrase, venue=venue)
        first = [lead]
        chair, attendees = hosts[0], hosts[1:] + guests
        if rng.random() < 0.5:
            first.append(fill(rng.choice(rp["chair"]), person=w.person(chair), short=short, Short=cap(short)))
            first.append(fill(rng.choice(rp["attend_more"]), people=w.people(attendees, former=former),
                              tail=fill(rng.choice(rp["attend_tails"]), level=level)))
        else:
            first.append(fill(rng.choice(rp["attend"]), short=short, people=w.people(hosts + guests, former=former),
                              tail=fill(rng.choice(rp["attend_tails"]), level=level)))
        r.para(*first)
        if rng.random() < 0.5:
            r.caption(fill(rng.choice(rp["captions_scene"]), short=short, pen=r.pen))
        presenter = hosts[-1] if len(hosts) > 1 else hosts[0]
        r.para(fill(rng.choice(rp["present"]), person=w.person(presenter, [presenter.main]), short=short,
                    stats=self._stats(r)), *self._filler_sentences(r, rng.randint(1, 3)))
        r.para(self._citations(r), *self._filler_sentences(r, rng.randint(0, 2)))
        if rng.random() < 0.5:
            r.para(fill(r.draw("discussion", rp["discussion"]), short=short), *self._filler_sentences(r, rng.randint(0, 2)))
        speaker = hosts[0]
        r.para(fill(rng.choice(rp["speak"]), short=short, level=level,
                    person=self._again(r, speaker), praise=fill(rng.choice(rp["praise"]), level=level)),
               fill(rng.choice(rp["speak_again"]), name=speaker.person.name, tasks=self._tasks(r)))
        if rng.random() < 0.4:
            host = hosts[1] if len(hosts) > 1 else hosts[0]
            r.para(fill(rng.choice(rp["refer_back"]), title=w.written_title(host.main, host.district),
                        quote=rng.choice(rp["quotes"]), tasks=lambda: self._tasks(r)))
        if rng.random() < 0.3:
            self._task_list(r)
        if district_roster is None and rng.random() < 0.2:
            self._share(r, short)
        if rng.random() < 0.5:
            shown = rng.choice(hosts)
            r.caption(fill(rng.choice(rp["captions_person"]), name=shown.person.name, short=short, pen=r.pen))
        if rng.random() < 0.65:
            self._awards(r, scope, short, day, organiser, district, district_roster)
        w.event = None
        published = _published(r.rng, day, 2)
        return self._headline(r, phrase, org), published

    def _national(self, r: Report) -> tuple[str, dt.datetime]:
        """A national online conference, seen from the province's bridge point."""
        rng, w, np, rp = r.rng, r.writer, self.phrases["national"], self.report_phrases
        central = self.rosters.central(r.term)
        choices = [i for i, lead in enumerate(np["leads"]) if "{P1}" not in lead or _period(self.vocab, r.year, "period_end")]
        i = rng.choice(choices)
        day = _day(rng, r.year, np["lead_months"][i], None)
        period = _period(self.vocab, r.year, "period_end") or ("", "")
        organiser = "central/Ban Dân vận Trung ương"
        org = w.body(organiser)
        w.event = w.gold.event("Hội nghị", day, w.body_name(organiser))
        lead = fill(np["leads"][i], when=self._when(r, day)[0], org=org, Y=r.year, Yp=r.year - 1, P1=period[0], P2=period[1])
        chair = central.one(rng, rng.choice(["truong_bdvtw", "tt_bbt"]))
        presenter = central.one(rng, "pho_bdvtw")
        head = central.one(rng, "truong_bdvtw")
        local = [r.roster.one(rng, rng.choice(["bi_thu", "pbt_tt", "pbt"])), r.roster.one(rng, "truong_bdv")]
        local += r.roster.some(rng, rng.randint(0, 2), local)
        r.para(lead, fill(rng.choice(np["bridges"]), n=rng.choice([63, 63, 63, 700, 711])),
               fill(rng.choice(rp["chair"]), person=w.person(chair), short="Hội nghị", Short="Hội nghị"))
        r.para(fill(rng.choice(np["at_bridge"]), place=r.province.place, people=w.people(local),
                    tail=fill(rng.choice(rp["attend_tails"]), level=r.province.level)))
        r.caption(f"Ảnh: Các đại biểu dự Hội nghị tại điểm cầu {r.province.place}")
        r.para(fill(rng.choice(rp["present"]), person=w.person(presenter), short="Hội nghị", stats=self._stats(r)))
        r.para(self._citations(r, national=True))
        r.para(fill(rng.choice(rp["speak"]), short="Hội nghị", level="Ban Dân vận Trung ương", person=self._again(r, head),
                    praise=fill(rng.choice(rp["praise"]), level="cả nước")),
               fill(rng.choice(rp["speak_again"]), name=head.person.name, tasks=self._tasks(r, national=True)))
        if rng.random() < 0.5:
            self._awards(r, "national", "Hội nghị", day, organiser, None, None, central)
        w.event = None
        r.para(fill(rng.choice(np["follow_up"]), org=w.body("committee/Ban Dân vận", named=rng.random() < 0.5),
                    Yw=_work_year(day)))
        return self._headline(r, lead.split(" tổ chức ", 1)[-1].rstrip("."), org), _published(rng, day, 1)

    def _visit(self, r: Report) -> tuple[str, dt.datetime]:
        """A central delegation's working visit to the province."""
        rng, w, vp, rp = r.rng, r.writer, self.phrases["visit"], self.report_phrases
        central = self.rosters.central(r.term)
        head = central.one(rng, rng.choice(["pho_bdvtw", "pho_bdvtw", "truong_bdvtw"]))
        day = _day(rng, r.year, list(range(3, 12)), None)
        organiser, host = "central/Ban Dân vận Trung ương", "committee/Ban Thường vụ"
        w.event = w.gold.event("Buổi làm việc", day, [w.body_name(organiser), w.body_name(host)])
        org = w.body(organiser)
        lead = fill(rng.choice(vp["leads"]), when=self._when(r, day)[0], org=org, person=w.person(head),
                    host=w.body(host, named=rng.random() < 0.6), topic=rng.choice(vp["topics"]))
        local = [r.roster.one(rng, rng.choice(["bi_thu", "pbt_tt"])), r.roster.one(rng, "truong_bdv")]
        r.para(lead, fill(rng.choice(rp["attend_more"]), people=w.people(local), tail=""))
        r.para(fill(rng.choice(rp["present"]), person=w.person(local[1], [local[1].main]), short="buổi làm việc",
                    stats=self._stats(r)), *self._filler_sentences(r, 2))
        r.para(self._citations(r))
        r.para(fill(rng.choice(rp["speak"]), short="buổi làm việc", level="Đoàn công tác", person=self._again(r, head),
                    praise=fill(rng.choice(rp["praise"]), level=r.province.level)),
               fill(rng.choice(rp["speak_again"]), name=head.person.name, tasks=self._tasks(r)))
        w.event = None
        return self._headline(r, f"Đoàn công tác {org} làm việc tại {r.province.place}", org), _published(rng, day, 1)

    # ------------------------------------------------------------ letters

    def _letter(self, r: Report) -> tuple[str, dt.datetime]:
        """A document the province issued: what it says, asks and who signed it."""
        rng, w, lp = r.rng, r.writer, self.phrases["letter"]
        row = rng.choice(self.vocab.documents["issued"])
        day = _day(rng, r.year, list(range(1, 13)), None)
        period = _period(self.vocab, r.year, "current") or ("", "")
        number = str(rng.randint(*row["numbers"]))
        implements = None
        if row.get("implements"):
            implements = rng.choice(self._central_usable(r, day))
        subject = fill(rng.choice(row["subjects"]), Y=r.year, P1=period[0], P2=period[1]) if row["subjects"] else None
        doc = Document(row["type"], number, fill(row["symbol"], n=number), day, row["issuer"], subject=subject,
                       implements=implements)
        issuer = w.body(doc.issuer, named=rng.random() < 0.4)
        w.cited[w.gold.directive_key(doc.type, doc.number)] = doc
        w.gold.directive(doc.type, doc.number, doc.symbol, day, w.body_name(doc.issuer))
        about = f"thực hiện {w.cite(implements, rng.choice(['full', 'no_date']))}" if implements else subject
        lead = fill(rng.choice(lp["leads"]), date=w.date(day, year=not r.show_date or rng.random() < 0.7),
                    issuer=issuer, Issuer=cap(issuer), doc=f"{doc.type} số {doc.symbol}", subject=about)
        contributes = fill(rng.choice(lp["contributes"]), cites=lambda: self._cite_list(r, 2))
        r.para(lead + rng.choice(lp["purposes"]) + contributes)
        issuer_short = w.written_body(doc.issuer)
        says = fill(rng.choice(lp["says"]), Type=doc.type, type=doc.type.lower(), issuer_short=issuer_short)
        first = self._filler_sentence(r, opener=False)
        r.para(says + _lower_first(first),
               *self._filler_sentences(r, rng.randint(1, 3)), rng.choice(self.phrases["filler"]["limits"]))
        if rng.random() < 0.3:
            r.caption("Ảnh minh họa")
        r.para(fill(rng.choice(lp["asks"]), Type=doc.type, issuer_short=issuer_short))
        self._task_list(r, cite=True)
        if rng.random() < 0.5:
            deadline = day + dt.timedelta(days=rng.randint(20, 200))
            r.para(fill(rng.choice(lp["deadline"]), issuer_short=issuer_short, deadline=w.date(deadline)))
        signer_key = {"committee/Ban Dân vận": ["truong_bdv", "pho_bdv"],
                      "committee/Ban Thường vụ": ["pbt_tt", "bi_thu"]}[doc.issuer]
        signer = r.roster.one(rng, rng.choice(signer_key))
        r.para(fill(rng.choice(lp["signed"]), Type=doc.type, type=doc.type.lower(),
                    person=w.person(signer, [signer.main], style="comma")))
        hp = self.phrases["headline"]
        title = fill(rng.choice(hp["letter"]), Org=issuer_short, type=doc.type.lower(), subject=about or "",
                     Subject=cap(about or ""))
        if len(title) > 200 or title.endswith("."):
            title = f"{cap(issuer_short)} ban hành {doc.type.lower()} mới"
        return title, _published(rng, day, 5)

    # --------------------------------------------------------- sentences

    def _when(self, r: Report, day: dt.date) -> tuple[str, str]:
        """ "Sáng 15/10/2020", "Chiều ngày 4/2" (the year left to the page's date), and the date alone."""
        pod = r.rng.choice(self.report_phrases["parts_of_day"])
        date = r.writer.date(day, year=not r.show_date or r.rng.random() < 0.6)
        return f"{pod} {date}", date

    def _again(self, r: Report, holder: Holder) -> str:
        """An official named a second time: with the main title, or all of them."""
        return r.writer.person(holder, [holder.main] if r.rng.random() < 0.6 else None, style="comma")

    def _former(self, r: Report, likely: bool) -> Holder | None:
        """A leader of the term before, as a guest ("nguyên Bí thư Tỉnh ủy …")."""
        if r.term == 0 or r.rng.random() > (0.3 if likely else 0.04):
            return None
        current = {h.person.name for h in r.roster.holders}
        before = [h for h in self.rosters.province(r.province, r.term - 1).holders
                  if h.person.name not in current and h.main.key in ("bi_thu", "pbt_tt", "chu_tich_ubnd", "truong_bdv")]
        return r.rng.choice(before) if before else None

    def _stats(self, r: Report) -> str:
        n1, n2, n3 = r.rng.randint(120, 2600), r.rng.randint(12, 110), r.rng.randint(5, 60)
        return fill(r.rng.choice(self.report_phrases["stats"]), level=r.province.level, n1=_thousands(n1), n2=n2,
                    n3=n3, k=r.rng.randint(2, 10))

    def _tasks(self, r: Report, national: bool = False) -> str:
        rp = self.report_phrases
        if r.rng.random() < 0.5:
            return r.rng.choice(rp["tasks_plain"])
        return fill(r.rng.choice(rp["tasks"]), cite=self._cite_list(r, 1, national=national))

    def _citations(self, r: Report, national: bool = False) -> str:
        """A sentence citing directives: central ones, a local plan carrying one out, a congress resolution."""
        rp, rng = self.report_phrases, r.rng
        if not national and rng.random() < 0.35:
            plan = self._local_document(r, "kh_tu" if rng.random() < 0.7 else "ctr_tu")
            if plan is not None:
                return fill(rng.choice(rp["implement_contexts"]), plan=r.writer.cite(plan, rng.choice(["full", "no_date"])),
                            level=r.province.level)
        return fill(rng.choice(rp["cite_contexts"]), cites=self._cite_list(r, rng.randint(1, 3), national=national),
                    level=r.province.level)

    def _cite_list(self, r: Report, n: int, national: bool = False) -> str:
        """n citations joined as reports list them: "A; B và C"."""
        rng, w = r.rng, r.writer
        items = []
        for _ in range(n):
            roll = rng.random()
            if roll < 0.2:
                items.append(w.congress(_congress(self.vocab, r.term), national=True))
            elif roll < 0.35 and not national:
                items.append(w.congress(_province_congress(r), national=False))
            elif roll < 0.5 and not national:
                doc = self._local_document(r, rng.choice(["ct_tu", "kh_bdvtu", "hd_bdvtu", "qd_ubnd", "kh_ubnd"]))
                if doc is not None:
                    items.append(w.cite(doc, rng.choice(["full", "full", "no_date"])))
            else:
                doc = self._central(r)
                if doc is not None:
                    forms = ["full", "full", "no_date", "short"] + (["symbol"] if doc.issuer_code == "TW" else [])
                    items.append(w.cite(doc, rng.choice(forms)))
        items = list(dict.fromkeys(items)) or [w.congress(_congress(self.vocab, r.term), national=True)]
        if len(items) > 1:
            return ", ".join(items[:-1]) + rng.choice([" và ", ", ", "; "]) + items[-1]
        return items[0]

    def _central(self, r: Report) -> Document | None:
        usable = self._central_usable(r, dt.date(r.year, 12, 31))
        return r.rng.choice(usable) if usable else None

    def _central_usable(self, r: Report, before: dt.date) -> list[Document]:
        """Central documents a report of this year cites, issued before `before`, not clashing with its other citations."""
        return [d for d, row in zip(self.central_docs, self.vocab.documents["central"])
                if row["from"] <= before.year < row.get("until", 9999) and d.date < before and r.writer.can_cite(d)]

    def _local_document(self, r: Report, key: str) -> Document | None:
        """A province's own document of this term: the same one in every report that cites it; None if not yet issued."""
        row = next(d for d in self.vocab.documents["local"] if d["key"] == key)
        years = self.terms[r.term]["years"]
        drng = random.Random(f"local:{self.rosters.seed}:{r.province.name}:{r.term}:{key}")
        day = _day(drng, drng.randint(years[0], years[1]), list(range(1, 13)), None)
        number = str(drng.randint(*row["numbers"]))
        target = None
        if row.get("implements"):
            target = drng.choice([d for d, c in zip(self.central_docs, self.vocab.documents["central"])
                                  if d.date < day and day.year < c.get("until", 9999)])
        subject = fill(drng.choice(row["subjects"]), Y=day.year) if row.get("subjects") else None
        doc = Document(row["type"], number, fill(row["symbol"], n=number), day, row["issuer"], subject=subject,
                       implements=target)
        if day.year >= r.year or not r.writer.can_cite(doc) or (target and not r.writer.can_cite(target)):
            return None
        return doc

    def _task_list(self, r: Report, cite: bool = False) -> None:
        """A numbered or dashed list of tasks, one item sometimes citing a directive."""
        items = r.rng.sample(self.phrases["filler"]["task_items"], r.rng.randint(3, 5))
        if cite:
            items[0] = items[0].rstrip(".") + "; gắn với thực hiện " + self._cite_list(r, 1) + "."
        numbered = r.rng.random() < 0.5
        lines = [f"{i}. {t}" if numbered else f"- {t}" for i, t in enumerate(items, 1)]
        r.blocks.append(Block("list", "\n".join(lines)))

    def _share(self, r: Report, short: str) -> None:
        """A district official shares his experience at the event."""
        district = r.rng.choice(r.province.districts)
        holder = self.rosters.district(r.province, district, r.term).one(r.rng, r.rng.choice(["bi_thu_hu", "truong_bdv_hu"]))
        rp = self.report_phrases
        r.para(fill(r.rng.choice(rp["share"]), short=short,
                    person=r.writer.person(holder, style="comma"), experience=r.rng.choice(rp["experience"]),
                    experience_result=r.rng.choice(rp["experience_result"])))

    def _awards(self, r: Report, scope: str, short: str, day: dt.date, organiser: str, district: District | None,
                district_roster: Roster | None, central: Roster | None = None) -> None:
        """One or two commendations handed out, with their givers and counts."""
        rng, w, rp = r.rng, r.writer, self.report_phrases
        clauses = []
        givers = list(self.vocab.scenarios["giver"][scope])
        types_given: set[str] = set()
        for _ in range(1 if rng.random() < 0.6 else 2):
            giver = rng.choice(givers)
            givers.remove(giver)
            if all(t in types_given for t in giver["types"]):
                continue
            who = giver["who"]
            roster = {"province": r.roster, "district": district_roster, "national": central}[scope]
            if who.startswith("office:"):
                key = who.removeprefix("office:")
                holder, office = roster.one(rng, key), self.rosters.offices[key]
                title = w.title(office, holder.district)
                if rng.random() < 0.35:
                    text = f"đồng chí {w.person(holder, [office])}"
                    alts = [holder.person.name, title.name, title.body]
                else:
                    text = w.written_title(office, holder.district)
                    w.gold.body(title.body)
                    alts = [title.name, title.body, holder.person.name]
            else:
                ref = organiser if who == "organiser" else who
                at = district if ref.startswith(("committee", "local")) and scope == "district" else None
                text = w.body(ref, at)
                alts = [w.body_name(ref, at)]
            options = [c for c in rp["award_clauses"] if c["type"] in giver["types"] and c["type"] not in types_given]
            clause = rng.choice(options)
            counts = _award_counts(rng, clause["shape"])
            if w.gold.award_key(clause["type"], *counts) in w.gold.awards:
                continue
            w.gold.award(clause["type"], alts, *counts)
            types_given.add(clause["type"])
            c, i, t = counts
            clauses.append(fill(clause["text"], giver=text, c=c, i=i, t=t))
        if not clauses:
            return
        period = _period(self.vocab, day.year, "current") or ("", "")
        tail = fill(rng.choice(rp["award_tails"]), P1=period[0], P2=period[1], Yw=_work_year(day))
        lead = fill(rng.choice(rp["award_leads"]), short=short)
        r.para(lead + "; ".join(clauses) + tail + ".")

    # ------------------------------------------------------------ filler

    def _filler_sentence(self, r: Report, opener: bool = True) -> str:
        f, rng = self.phrases["filler"], r.rng
        start = r.draw("openers", f["openers"]) if opener else ""
        subject = fill(r.draw("subjects", f["subjects"]), level=r.province.level)
        text = f"{start}{_lower_first(subject) if start else subject} {r.draw('predicates', f['predicates'])} " \
               f"{r.draw('objects', f['objects'])}{r.draw('ends', f['ends'])}"
        return _typo(rng, text) if rng.random() < 0.03 else text

    def _filler_sentences(self, r: Report, n: int) -> list[str]:
        return [self._filler_sentence(r) for _ in range(n)]

    def _filler_paragraph(self, r: Report) -> Block:
        rng, f = r.rng, self.phrases["filler"]
        sentences = self._filler_sentences(r, rng.randint(1, 3))
        for _ in range(rng.randint(1, 2)):
            sentences.insert(rng.randint(0, len(sentences)), r.draw("statements", f["statements"]))
        roll = rng.random()
        if roll < 0.15:
            sentences.append(rng.choice(f["limits"]))
        elif roll < 0.25:
            sentences.insert(0, rng.choice(f["sayings"]))
        elif roll < 0.4:
            sentences.append(cap(self._stats(r)))
        elif roll < 0.47:
            n1, n2 = rng.randint(150, 3000), rng.randint(40, 900)
            sentences.append(fill(rng.choice(self.report_phrases["tally"]), n1=_thousands(n1), n2=n2))
        return Block("para", " ".join(sentences))

    def _lengthen(self, r: Report, target: int) -> None:
        """Filler paragraphs between the report's own, until it is about `target` characters long."""
        size = sum(len(b.text) + 2 for b in r.blocks)
        while size < target:
            block = self._filler_paragraph(r)
            places = [i for i in range(1, len(r.blocks) + 1) if i == len(r.blocks) or r.blocks[i].kind != "list"]
            r.blocks.insert(r.rng.choice(places), block)
            size += len(block.text) + 2

    def _name_province(self, r: Report) -> None:
        """Make sure the province is named at least once, as every real report does somewhere."""
        text = " ".join(b.text for b in r.blocks)
        p = r.province
        if re.search(rf"(?<!\w){re.escape(p.name)}(?!\w)", text) or any(a in text for a in p.aliases):
            return
        f = self.phrases["filler"]
        sentence = (f"{fill(r.rng.choice(f['subjects']), level=p.level)} {r.rng.choice(f['predicates'])} "
                    f"{r.rng.choice(f['objects'])} trên địa bàn {p.place}.")
        paras = [i for i, b in enumerate(r.blocks) if b.kind == "para"]
        i = paras[min(1, len(paras) - 1)]
        r.blocks[i] = Block("para", r.blocks[i].text + " " + sentence)

    def _headline(self, r: Report, phrase: str, org: str) -> str:
        hp = self.phrases["headline"]
        place = r.writer.place_name()
        title = fill(r.rng.choice(hp["event"]), event=cap(phrase), event_lc=phrase[:1].lower() + phrase[1:],
                     Org=cap(org), place=place,
                     verb=r.rng.choice(hp["verbs"]), topic=r.rng.choice(hp["topics"]))
        if len(title) > 200:
            title = f"{cap(org)} {r.rng.choice(hp['verbs'])} {r.rng.choice(hp['topics'])}"
        return title

    def _site(self, r: Report) -> str:
        """The site's name; a body's site names that body (optional in the gold: it is not the report)."""
        p = r.province
        sites = [s for s in self.vocab.chrome["site"] if s.get("kind", "city" if p.city else "province") == ("city" if p.city else "province")]
        site = r.rng.choice(sites)
        if "body" in site:
            r.writer.gold.imply(r.writer.body_name(site["body"]))
        return fill(site["text"], name=p.name, NAME=p.name.upper(), level=p.level)

    def _byline(self, r: Report) -> str:
        template = r.rng.choice(self.vocab.chrome["page"]["bylines"])
        pen = self.rosters.names.pen_name(r.rng)
        r.writer.gold.optional_official(pen)
        return fill(template, pen=pen, PEN=pen.upper())


# ---------------------------------------------------------------- helpers

def _central_document(row: dict) -> Document:
    symbol = row["symbol"]
    number = re.match(r"\d+", symbol).group(0)
    issuer = f"title:{row['issuer_title']}" if "issuer_title" in row else f"central/{row['issuer']}"
    return Document(row["type"], number, symbol, dt.date.fromisoformat(row["date"]), issuer, row.get("term"),
                    row["subject"])


def _day(rng: random.Random, year: int, months: list[int], days: list[int] | None) -> dt.date:
    month = rng.choice(months)
    last = calendar.monthrange(year, month)[1]
    lo, hi = days if days else (1, last)
    return dt.date(year, month, rng.randint(lo, min(hi, last)))


def _published(rng: random.Random, day: dt.date, within: int) -> dt.datetime:
    """When the item went online: the day of the event or a few days later, in office hours."""
    when = day + dt.timedelta(days=rng.randint(0, within))
    return dt.datetime(when.year, when.month, when.day, rng.randint(7, 21), rng.randint(0, 59))


def _period(vocab: Vocabulary, year: int, need: str | None) -> tuple[int, int] | None:
    """The movement's period: the one that ends this year, starts this year, or is current."""
    for start, end in vocab.places["periods"]:
        if (need == "period_end" and end == year) or (need == "period_start" and start == year) \
                or (need not in ("period_end", "period_start") and start <= year <= end):
            return start, end
    return None


def _congress(vocab: Vocabulary, term: int) -> int:
    roman = vocab.places["term"][term]["congress"]
    return ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII"].index(roman)


def _province_congress(r: Report) -> int:
    """The province's Party congress of this term: its ordinal differs from province to province."""
    base = 14 + random.Random(f"congress:{r.province.name}").randint(0, 5)
    return base + r.vocab.places["term"][r.term]["province_offset"]


def _work_year(day: dt.date) -> int:
    """The year whose work an event early in a year looks back on."""
    return day.year - 1 if day.month <= 2 else day.year


def _award_counts(rng: random.Random, shape: str) -> tuple[int | None, int | None, int | None]:
    if shape == "both":
        return rng.randint(5, 60), rng.randint(5, 95), None
    if shape == "collective":
        return rng.randint(3, 40), None, None
    if shape == "individual":
        return None, rng.randint(10, 150), None
    return None, None, rng.randint(30, 240)


def _lower_first(text: str) -> str:
    """Lower-case a sentence's first word where it is not a proper name ("Mặt trận Tổ quốc")."""
    return text if text.startswith("Mặt trận") else text[:1].lower() + text[1:]


def _thousands(n: int) -> str:
    """ "2.359": Vietnamese thousands separator."""
    return f"{n:,}".replace(",", ".")


def _typo(rng: random.Random, text: str) -> str:
    """A space slipped into a word ("t hời gian"), as in real pages."""
    words = [m for m in re.finditer(r"\w{4,}", text) if m.group(0)[0] not in string.ascii_uppercase]
    if not words:
        return text
    m = rng.choice(words)
    return text[:m.start() + 1] + " " + text[m.start() + 1:]
