"""Which directives a report cites: central documents, the province's own, congress resolutions."""
from __future__ import annotations

import datetime as dt
import random
import re

from .mentions import ROMAN, Document
from .report import Report, day_in, fill
from .vocab import Vocabulary


class Citations:
    """Chooses documents a report of a given year and province can cite, and writes the sentences citing them."""

    def __init__(self, vocab: Vocabulary, seed: int):
        self.vocab, self.seed = vocab, seed
        self.rows = vocab.documents["central"]
        self.central_docs = [_central_document(row) for row in self.rows]
        self.report = vocab.phrases["report"]
        local = vocab.documents["local"]
        self.plans = [row["key"] for row in local if row.get("implements")]
        self.listed = [row["key"] for row in local if not row.get("implements")]

    def central(self, r: Report) -> Document | None:
        usable = self.usable(r, dt.date(r.year, 12, 31))
        return r.rng.choice(usable) if usable else None

    def usable(self, r: Report, before: dt.date) -> list[Document]:
        """Central documents cited in `before`'s year, issued before it, not clashing with the report's other citations."""
        return [d for d, row in zip(self.central_docs, self.rows)
                if row["from"] <= before.year < row.get("until", 9999) and d.date < before and r.writer.can_cite(d)]

    def local(self, r: Report, key: str) -> Document | None:
        """A province's own document of the term (bench/data/documents.toml [[local]]): the same one in every
        report that cites it; None if it is not issued yet or clashes with another citation."""
        row = next(d for d in self.vocab.documents["local"] if d["key"] == key)
        years = self.vocab.places["term"][r.term]["years"]
        drng = random.Random(f"local:{self.seed}:{r.province.name}:{r.term}:{key}")
        day = day_in(drng, drng.randint(years[0], years[1]), list(range(1, 13)))
        number = f"{drng.randint(*row['numbers']):02d}"  # "09-NQ/TU"
        target = None
        if row.get("implements"):
            target = drng.choice([d for d, c in zip(self.central_docs, self.rows)
                                  if d.date < day and day.year < c.get("until", 9999)])
        subject = fill(drng.choice(row["subjects"]), Y=day.year) if row.get("subjects") else None
        doc = Document(row["type"], number, fill(row["symbol"], n=number), day, row["issuer"], subject=subject,
                       implements=target)
        if day.year >= r.year or not r.writer.can_cite(doc) or (target and not r.writer.can_cite(target)):
            return None
        return doc

    def cite_list(self, r: Report, n: int, national: bool = False) -> str:
        """n citations joined as reports list them: "A; B và C". National reports cite no province's documents."""
        rng, w = r.rng, r.writer
        items = []
        for _ in range(n):
            roll = rng.random()
            if roll < 0.2:
                items.append(w.congress(self.congress(r), national=True))
            elif roll < 0.35 and not national:
                items.append(w.congress(self.province_congress(r), national=False))
            elif roll < 0.5 and not national:
                doc = self.local(r, rng.choice(self.listed))
                if doc is not None:
                    items.append(w.cite(doc, rng.choice(["full", "full", "no_date"])))
            else:
                doc = self.central(r)
                if doc is not None:
                    forms = ["full", "full", "no_date", "short"] + (["symbol"] if doc.issuer_code == "TW" else [])
                    items.append(w.cite(doc, rng.choice(forms)))
        items = list(dict.fromkeys(items)) or [w.congress(self.congress(r), national=True)]
        if len(items) > 1:
            return ", ".join(items[:-1]) + rng.choice([" và ", ", ", "; "]) + items[-1]
        return items[0]

    def sentence(self, r: Report, national: bool = False) -> str:
        """A sentence citing directives, or a local plan and the central document it carries out."""
        rng = r.rng
        if not national and rng.random() < 0.35:
            plan = self.local(r, rng.choice(self.plans))
            if plan is not None:
                return fill(rng.choice(self.report["implement_contexts"]), level=r.province.level,
                            plan=r.writer.cite(plan, rng.choice(["full", "no_date"])))
        return fill(rng.choice(self.report["cite_contexts"]), level=r.province.level,
                    cites=self.cite_list(r, rng.randint(1, 3), national=national))

    def tasks(self, r: Report, national: bool = False) -> str:
        """What a speaker asks for: sometimes to carry out a directive."""
        if r.rng.random() < 0.5:
            return r.rng.choice(self.report["tasks_plain"])
        return fill(r.rng.choice(self.report["tasks"]), cite=self.cite_list(r, 1, national=national))

    def congress(self, r: Report) -> int:
        """The ordinal of the national Party congress of the report's term."""
        return ROMAN.index(self.vocab.places["term"][r.term]["congress"])

    def province_congress(self, r: Report) -> int:
        """The ordinal of the province's Party congress of the term; it differs from province to province."""
        base = 14 + random.Random(f"congress:{r.province.name}").randint(0, 5)
        return base + self.vocab.places["term"][r.term]["province_offset"]


def _central_document(row: dict) -> Document:
    symbol = row["symbol"]
    number = re.match(r"\d+", symbol).group(0)
    issuer = f"title:{row['issuer_title']}" if "issuer_title" in row else f"central/{row['issuer']}"
    return Document(row["type"], number, symbol, dt.date.fromisoformat(row["date"]), issuer, row.get("term"),
                    row["subject"])
