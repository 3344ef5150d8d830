"""One synthetic report: what happens in it (an event, a document issued, a visit), written as paragraphs and captions."""
from __future__ import annotations

import datetime as dt
import random

from .citations import Citations
from .gold import Gold
from .mentions import Document, Writer
from .people import Holder, Roster, Rosters
from .prose import Prose
from .report import Draft, Report, cap, day_in, fill, lower_first, period
from .vocab import District, Vocabulary


class Composer:
    """Writes reports from the vocabulary; one `compose` call per report."""

    def __init__(self, vocab: Vocabulary, rosters: Rosters):
        self.vocab, self.rosters = vocab, rosters
        self.phrases, self.rp = vocab.phrases, vocab.phrases["report"]
        self.prose = Prose(vocab)
        self.citations = Citations(vocab, rosters.seed)
        places = vocab.places
        self.years, self.year_weights = zip(*((int(y), w) for y, w in places["years"].items()))
        self.terms = places["term"]
        self.kinds, self.kind_weights = zip(*vocab.scenarios["kinds"].items())
        self.provinces = [p for p in vocab.provinces if p.districts]

    def compose(self, doc: str, rng: random.Random, *, show_date: bool, target: int) -> Draft:
        """A report about `target` characters long, its gold named `doc`."""
        year = rng.choices(self.years, self.year_weights)[0]
        province = rng.choice(self.provinces)
        term = next(i for i, t in enumerate(self.terms) if t["years"][0] <= year <= t["years"][1])
        gold = Gold(doc, province.name)
        r = Report(rng, self.vocab, province, year, term, self.rosters.province(province, term),
                   Writer(rng, self.vocab, province, gold), show_date, self.rosters.names.pen_name(rng))
        gold.optional_official(r.pen)
        kind = rng.choices(self.kinds, self.kind_weights)[0]
        title, published = getattr(self, f"_{kind}")(r)
        self.prose.lengthen(r, target)
        self.prose.name_province(r)
        byline = self._byline(r)
        if any("Hồ Chí Minh" in b.text for b in r.blocks):
            gold.optional_official("Hồ Chí Minh")
        return Draft(province, kind, title, published, r.blocks, byline, gold, self._site(r))

    # ------------------------------------------------------------- events

    def _event(self, r: Report) -> tuple[str, dt.datetime]:
        """A province's event, directed by a leader of the province."""
        s = self.vocab.scenarios
        organiser = r.rng.choices(s["organiser"], [o["weight"] for o in s["organiser"]])[0]
        event, day, phrase = self._pick_event(r, organiser["body"])
        head = r.roster.one(r.rng, organiser["head"])
        deputy = r.roster.one(r.rng, organiser["deputy"])
        leader = r.roster.one(r.rng, r.rng.choices(list(s["leaders"]), list(s["leaders"].values()))[0])
        hosts = list(dict.fromkeys([leader, head, deputy]))
        guests = r.roster.some(r.rng, r.rng.randint(0, 3), hosts)
        former = self._former(r, event["type"] in ("Họp mặt", "Lễ kỷ niệm"))
        return self._event_report(r, event, day, phrase, organiser["body"], hosts, guests, former)

    def _district(self, r: Report) -> tuple[str, dt.datetime]:
        """A district's event, with a provincial guest."""
        district = r.rng.choice(r.province.districts)
        roster = self.rosters.district(r.province, district, r.term)
        s = self.vocab.scenarios
        organiser = r.rng.choices(s["district_organiser"], [o["weight"] for o in s["district_organiser"]])[0]
        event, day, phrase = self._pick_event(r, organiser["body"])
        head = roster.one(r.rng, organiser["head"])
        others = roster.some(r.rng, r.rng.randint(1, 3), [head])
        guest = r.roster.one(r.rng, r.rng.choice(["pho_bdv", "truong_bdv", "pct_ubnd"]))
        hosts = [guest, head] if r.rng.random() < 0.5 else [head, guest]
        return self._event_report(r, event, day, phrase, organiser["body"], hosts, others, None, district, roster)

    def _pick_event(self, r: Report, organiser: str) -> tuple[dict, dt.date, str]:
        """An event of the year that this organiser can hold; its date and phrase."""
        events = [e for e in self.phrases["event"] if organiser in e.get("organisers", [organiser])]
        while True:
            event = r.rng.choice(events)
            need = event.get("needs")
            span = period(self.vocab, r.year, need)
            if need in ("period_end", "period_start") and span is None:
                continue
            day = day_in(r.rng, r.year, event["months"], event.get("days"))
            slots = {"Y": r.year, "Yp": r.year - 1, "Yn": r.year + 1, "ann": r.year - 1930, "k": 0,
                     "quarter": {4: "I", 7: "II", 10: "III"}.get(day.month, "I"), "doc": "",
                     "P1": span[0] if span else "", "P2": span[1] if span else "",
                     "model": r.rng.choice(self.rp["models"])}
            if need == "doc":  # "sơ kết 5 năm thực hiện Chỉ thị số 05-CT/TW …"
                docs = [d for d in self.citations.usable(r, day) if 2 <= r.year - d.date.year <= 12]
                if not docs:
                    continue
                doc = r.rng.choice(docs)
                slots["k"] = r.year - doc.date.year
                forms = ["full", "no_date"] + (["symbol"] if doc.issuer_code == "TW" else [])
                slots["doc"] = r.writer.cite(doc, r.rng.choice(forms))
            return event, day, fill(event["phrase"], **slots)

    def _event_report(self, r: Report, event: dict, day: dt.date, phrase: str, organiser: str,
                      hosts: list[Holder], guests: list[Holder], former: Holder | None,
                      district: District | None = None, district_roster: Roster | None = None) -> tuple[str, dt.datetime]:
        """Lead, who came, a report, citations, a speech, sometimes a list of tasks, captions and awards."""
        rng, w, rp, prose = r.rng, r.writer, self.rp, self.prose
        short = rng.choice(event["short"])
        level = r.province.level
        when, date = self._when(r, day)
        org = w.body(organiser, district, named=district is not None or rng.random() < 0.5)
        w.event = w.gold.event(event["type"], day, w.body_name(organiser, district))
        for also in event.get("also", []):
            w.gold.optional_event(also, day)
        venue = fill(rng.choice(rp["district_venues"] if district else rp["venues"]), level=level,
                     district=(district or rng.choice(r.province.districts)).place)
        lead = fill(rng.choice(rp["passive_leads"] if rng.random() < 0.12 else rp["leads"]), when=when,
                    When=cap(when), date=date, org=org, event=phrase, venue=venue)
        tail = fill(rng.choice(rp["attend_tails"]), level=level)
        if rng.random() < 0.5:
            chair = fill(rng.choice(rp["chair"]), person=w.person(hosts[0]), short=short, Short=cap(short))
            attend = fill(rng.choice(rp["attend_more"]), people=w.people(hosts[1:] + guests, former=former), tail=tail)
            r.para(lead, chair, attend)
        else:
            r.para(lead, fill(rng.choice(rp["attend"]), short=short, people=w.people(hosts + guests, former=former),
                              tail=tail))
        if rng.random() < 0.5:
            r.caption(fill(rng.choice(rp["captions_scene"]), short=short, pen=r.pen))
        presenter = hosts[-1]
        r.para(fill(rng.choice(rp["present"]), person=w.person(presenter, [presenter.main]), short=short,
                    stats=prose.stats(r)), *prose.sentences(r, rng.randint(1, 3)))
        r.para(self.citations.sentence(r), *prose.sentences(r, rng.randint(0, 2)))
        if rng.random() < 0.5:
            r.para(fill(r.draw("discussion", rp["discussion"]), short=short), *prose.sentences(r, rng.randint(0, 2)))
        speaker = hosts[0]
        r.para(fill(rng.choice(rp["speak"]), short=short, level=level, person=self._again(r, speaker),
                    praise=fill(rng.choice(rp["praise"]), level=level)),
               fill(rng.choice(rp["speak_again"]), name=speaker.person.name, tasks=self.citations.tasks(r)))
        if rng.random() < 0.4:  # "Đồng chí Trưởng Ban Dân vận Tỉnh ủy nhấn mạnh": a host, by title alone
            host = hosts[1] if len(hosts) > 1 else hosts[0]
            r.para(fill(rng.choice(rp["refer_back"]), title=w.written_title(host.main, host.district),
                        quote=rng.choice(rp["quotes"]), tasks=lambda: self.citations.tasks(r)))
        if rng.random() < 0.3:
            prose.task_list(r)
        if district is None and rng.random() < 0.2:
            self._share(r, short)
        if rng.random() < 0.5:
            shown = rng.choice(hosts)
            r.caption(fill(rng.choice(rp["captions_person"]), name=shown.person.name, short=short, pen=r.pen))
        if rng.random() < 0.65:
            scope = "district" if district else "province"
            self._awards(r, scope, short, day, organiser, district_roster or r.roster, district)
        w.event = None
        return self._headline(r, phrase, org), _published(rng, day, 2)

    def _national(self, r: Report) -> tuple[str, dt.datetime]:
        """A national online conference, seen from the province's bridge point."""
        rng, w, np, rp = r.rng, r.writer, self.phrases["national"], self.rp
        central = self.rosters.central(r.term)
        span = period(self.vocab, r.year, "period_end")
        i = rng.choice([i for i, lead in enumerate(np["leads"]) if "{P1}" not in lead or span])
        day = day_in(rng, r.year, np["lead_months"][i])
        organiser = "central/Ban Dân vận Trung ương"
        org = w.body(organiser)
        w.event = w.gold.event("Hội nghị", day, w.body_name(organiser))
        lead = fill(np["leads"][i], when=self._when(r, day)[0], org=org, Y=r.year, Yp=r.year - 1,
                    P1=span[0] if span else "", P2=span[1] if span else "")
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
        r.para(fill(rng.choice(rp["present"]), person=w.person(presenter), short="Hội nghị", stats=self.prose.stats(r)))
        r.para(self.citations.sentence(r, national=True))
        r.para(fill(rng.choice(rp["speak"]), short="Hội nghị", level="Ban Dân vận Trung ương",
                    person=self._again(r, head), praise=fill(rng.choice(rp["praise"]), level="cả nước")),
               fill(rng.choice(rp["speak_again"]), name=head.person.name,
                    tasks=self.citations.tasks(r, national=True)))
        if rng.random() < 0.5:
            self._awards(r, "national", "Hội nghị", day, organiser, central)
        w.event = None
        r.para(fill(rng.choice(np["follow_up"]), org=w.body("committee/Ban Dân vận", named=rng.random() < 0.5),
                    Yw=_work_year(day)))
        return self._headline(r, lead.split(" tổ chức ", 1)[-1].rstrip("."), org), _published(rng, day, 1)

    def _visit(self, r: Report) -> tuple[str, dt.datetime]:
        """A central delegation's working visit to the province."""
        rng, w, vp, rp = r.rng, r.writer, self.phrases["visit"], self.rp
        central = self.rosters.central(r.term)
        head = central.one(rng, rng.choice(["pho_bdvtw", "pho_bdvtw", "truong_bdvtw"]))
        day = day_in(rng, r.year, list(range(3, 12)))
        organiser, host = "central/Ban Dân vận Trung ương", "committee/Ban Thường vụ"
        w.event = w.gold.event("Buổi làm việc", day, [w.body_name(organiser), w.body_name(host)])
        org = w.body(organiser)
        lead = fill(rng.choice(vp["leads"]), when=self._when(r, day)[0], org=org, person=w.person(head),
                    host=w.body(host, named=rng.random() < 0.6), topic=rng.choice(vp["topics"]))
        local = [r.roster.one(rng, rng.choice(["bi_thu", "pbt_tt"])), r.roster.one(rng, "truong_bdv")]
        r.para(lead, fill(rng.choice(rp["attend_more"]), people=w.people(local), tail=""))
        r.para(fill(rng.choice(rp["present"]), person=w.person(local[1], [local[1].main]), short="buổi làm việc",
                    stats=self.prose.stats(r)), *self.prose.sentences(r, 2))
        r.para(self.citations.sentence(r))
        r.para(fill(rng.choice(rp["speak"]), short="buổi làm việc", level="Đoàn công tác", person=self._again(r, head),
                    praise=fill(rng.choice(rp["praise"]), level=r.province.level)),
               fill(rng.choice(rp["speak_again"]), name=head.person.name, tasks=self.citations.tasks(r)))
        w.event = None
        return self._headline(r, f"Đoàn công tác {org} làm việc tại {r.province.place}", org), _published(rng, day, 1)

    # ------------------------------------------------------------ letters

    def _letter(self, r: Report) -> tuple[str, dt.datetime]:
        """A document the province issued: what it says, asks and who signed it."""
        rng, w, lp = r.rng, r.writer, self.phrases["letter"]
        row = rng.choice(self.vocab.documents["issued"])
        day = day_in(rng, r.year, list(range(1, 13)))
        span = period(self.vocab, r.year) or ("", "")
        number = f"{rng.randint(*row['numbers']):02d}"
        implements = rng.choice(self.citations.usable(r, day)) if row.get("implements") else None
        subject = fill(rng.choice(row["subjects"]), Y=r.year, P1=span[0], P2=span[1]) if row["subjects"] else None
        doc = Document(row["type"], number, fill(row["symbol"], n=number), day, row["issuer"], subject=subject,
                       implements=implements)
        issuer = w.issued(doc, named=rng.random() < 0.4)
        about = f"thực hiện {w.cite(implements, rng.choice(['full', 'no_date']))}" if implements else subject
        lead = fill(rng.choice(lp["leads"]), date=w.date(day, year=not r.show_date or rng.random() < 0.7),
                    issuer=issuer, Issuer=cap(issuer), doc=f"{doc.type} số {doc.symbol}", subject=about)
        contributes = fill(rng.choice(lp["contributes"]), cites=lambda: self.citations.cite_list(r, 2))
        r.para(lead + rng.choice(lp["purposes"]) + contributes)
        issuer_short = w.written_body(doc.issuer)
        says = fill(rng.choice(lp["says"]), Type=doc.type, type=doc.type.lower(), issuer_short=issuer_short)
        r.para(says + lower_first(self.prose.sentence(r, opener=False)),
               *self.prose.sentences(r, rng.randint(1, 3)), rng.choice(self.phrases["filler"]["limits"]))
        if rng.random() < 0.3:
            r.caption("Ảnh minh họa")
        r.para(fill(rng.choice(lp["asks"]), Type=doc.type, issuer_short=issuer_short))
        self.prose.task_list(r, cite=lambda: self.citations.cite_list(r, 1))
        if rng.random() < 0.5:
            deadline = day + dt.timedelta(days=rng.randint(20, 200))
            r.para(fill(rng.choice(lp["deadline"]), issuer_short=issuer_short, deadline=w.date(deadline)))
        signers = {"committee/Ban Dân vận": ["truong_bdv", "pho_bdv"], "committee/Ban Thường vụ": ["pbt_tt", "bi_thu"]}
        signer = r.roster.one(rng, rng.choice(signers[doc.issuer]))
        r.para(fill(rng.choice(lp["signed"]), Type=doc.type, type=doc.type.lower(),
                    person=w.person(signer, [signer.main], style="comma")))
        title = fill(rng.choice(self.phrases["headline"]["letter"]), Org=cap(issuer_short), type=doc.type.lower(),
                     subject=about, Subject=cap(about))
        if len(title) > 200:
            title = f"{cap(issuer_short)} ban hành {doc.type.lower()} về {subject or 'công tác dân vận'}"[:200]
        return title, _published(rng, day, 5)

    # ------------------------------------------------------ sentence parts

    def _when(self, r: Report, day: dt.date) -> tuple[str, str]:
        """ "Sáng 15/10/2020", "Chiều ngày 4/2" (the year left to the page's date), and the date alone."""
        pod = r.rng.choice(self.rp["parts_of_day"])
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

    def _share(self, r: Report, short: str) -> None:
        """A district official shares his experience at the event."""
        district = r.rng.choice(r.province.districts)
        roster = self.rosters.district(r.province, district, r.term)
        holder = roster.one(r.rng, r.rng.choice(["bi_thu_hu", "truong_bdv_hu"]))
        r.para(fill(r.rng.choice(self.rp["share"]), short=short, person=r.writer.person(holder, style="comma"),
                    experience=r.rng.choice(self.rp["experience"]),
                    experience_result=r.rng.choice(self.rp["experience_result"])))

    def _awards(self, r: Report, scope: str, short: str, day: dt.date, organiser: str, roster: Roster,
                district: District | None = None) -> None:
        """One or two commendations of different types and givers, with their counts."""
        rng, w, rp = r.rng, r.writer, self.rp
        clauses = []
        givers = list(self.vocab.scenarios["giver"][scope])
        given: set[str] = set()
        for _ in range(1 if rng.random() < 0.6 else 2):
            giver = rng.choice(givers)
            givers.remove(giver)
            options = [c for c in rp["award_clauses"] if c["type"] in giver["types"] and c["type"] not in given]
            if not options:
                continue
            text, alts = self._giver(r, giver["who"], organiser, roster, district)
            clause = rng.choice(options)
            counts = _award_counts(rng, clause["shape"])
            w.gold.award(clause["type"], alts, *counts)
            given.add(clause["type"])
            c, i, t = counts
            clauses.append(fill(clause["text"], giver=text, c=c, i=i, t=t))
        if clauses:
            span = period(self.vocab, day.year) or ("", "")
            tail = fill(rng.choice(rp["award_tails"]), P1=span[0], P2=span[1], Yw=_work_year(day))
            r.para(fill(rng.choice(rp["award_leads"]), short=short) + "; ".join(clauses) + tail + ".")

    def _giver(self, r: Report, who: str, organiser: str, roster: Roster,
               district: District | None) -> tuple[str, list[str]]:
        """Who hands out an award as written, and the names the gold accepts for it."""
        w = r.writer
        if who.startswith("office:"):  # "Chủ tịch UBND tỉnh tặng …", "đồng chí X trao …"
            key = who.removeprefix("office:")
            holder, office = roster.one(r.rng, key), self.rosters.offices[key]
            title = w.title(office, holder.district)
            if r.rng.random() < 0.35:
                return f"đồng chí {w.person(holder, [office])}", [holder.person.name, title.name, title.body]
            w.gold.body(title.body)
            return w.written_title(office, holder.district), [title.name, title.body, holder.person.name]
        ref = organiser if who == "organiser" else who
        at = district if ref.startswith(("committee", "local")) else None
        return w.body(ref, at), [w.body_name(ref, at)]

    # ------------------------------------------------------- page pieces

    def _headline(self, r: Report, phrase: str, org: str) -> str:
        hp = self.phrases["headline"]
        title = fill(r.rng.choice(hp["event"]), event=cap(phrase), event_lc=phrase[:1].lower() + phrase[1:],
                     Org=cap(org), place=r.writer.place_name(), verb=r.rng.choice(hp["verbs"]),
                     topic=r.rng.choice(hp["topics"]))
        if len(title) > 200:
            title = f"{cap(org)} {r.rng.choice(hp['verbs'])} {r.rng.choice(hp['topics'])}"
        return title

    def _site(self, r: Report) -> str:
        """The site's name; a body's site names that body (optional in the gold: it is not the report)."""
        p = r.province
        kind = "city" if p.city else "province"
        site = r.rng.choice([s for s in self.vocab.chrome["site"] if s.get("kind", kind) == kind])
        if "body" in site:
            r.writer.gold.imply(r.writer.body_name(site["body"]))
        return fill(site["text"], name=p.name, NAME=p.name.upper(), level=p.level)

    def _byline(self, r: Report) -> str:
        pen = self.rosters.names.pen_name(r.rng)
        r.writer.gold.optional_official(pen)
        return fill(r.rng.choice(self.vocab.chrome["page"]["bylines"]), pen=pen, PEN=pen.upper())


def _published(rng: random.Random, day: dt.date, within: int) -> dt.datetime:
    """When the item went online: the day of the event or a few days later, in office hours."""
    when = day + dt.timedelta(days=rng.randint(0, within))
    return dt.datetime(when.year, when.month, when.day, rng.randint(7, 21), rng.randint(0, 59))


def _work_year(day: dt.date) -> int:
    """The year whose work an event early in a year looks back on."""
    return day.year - 1 if day.month <= 2 else day.year


def _award_counts(rng: random.Random, shape: str) -> tuple[int | None, int | None, int | None]:
    """(collectives, individuals, total) for an award clause's shape."""
    if shape == "both":
        return rng.randint(5, 60), rng.randint(5, 95), None
    if shape == "collective":
        return rng.randint(3, 40), None, None
    if shape == "individual":
        return None, rng.randint(10, 150), None
    return None, None, rng.randint(30, 240)
