"""Awards: who handed out which commendation to how many collectives and individuals."""
from __future__ import annotations

import re

from ..gazetteer import WordTrigger
from ..records import Award, Body, Sentence, Title

_NUMBER = r"(\d{1,3}(?:\.\d{3})+|\d+)"


class AwardFinder:
    def __init__(self, gaz):
        self.gaz = gaz
        rec = gaz.award_recipients
        coll = "|".join(rec["collective"])
        indiv = "|".join(rec["individual"])
        self.both = re.compile(rf"{_NUMBER}\s+(?:{coll})\s*(?:,|và|;)\s*{_NUMBER}\s+(?:{indiv})", re.IGNORECASE)
        self.total = re.compile(rf"{_NUMBER}\s+(?:{coll})\s+(?:và|,)\s+(?:{indiv})", re.IGNORECASE)
        self.collective = re.compile(rf"{_NUMBER}\s+(?:{coll})", re.IGNORECASE)
        self.individual = re.compile(rf"{_NUMBER}\s+(?:{indiv})", re.IGNORECASE)
        self.on_behalf = re.compile(r"thay mặt\s+", re.IGNORECASE)
        self.any_type = WordTrigger([f for row in gaz.award_types for f in row.data["forms"]])

    def named_in(self, text: str) -> bool:
        """Whether the text names a kind of award at all."""
        return self.any_type.search(text) is not None

    def find(self, sentence: Sentence, givers: list[tuple[int, int, Body | Title | str]]) -> list[Award]:
        """Awards in a sentence (the pipeline asks only those `named_in` says name one); `givers` are the bodies,
        nameless titles and people it names, with spans."""
        text = sentence.text
        awards: list[Award] = []
        clause_start = 0
        last_giver = None
        for clause in re.split(r"(;)", text):
            if clause == ";":
                clause_start += 1
                continue
            for row in self.gaz.award_types:
                for m in row.pattern.finditer(clause):
                    counts = self._counts(clause, m.end(), verb=row.data.get("verb", False))
                    if counts is None:
                        continue
                    at = clause_start + m.start()
                    giver = self._giver(text, at, clause_start, givers) or last_giver
                    last_giver = giver
                    awards.append(Award(row.name, sentence, giver, *counts))
                    break
            clause_start += len(clause)
        return awards

    def _counts(self, clause: str, pos: int, verb: bool) -> tuple[int | None, int | None, int | None] | None:
        """(collectives, individuals, total) written soon after the award's name."""
        window = clause[pos:pos + 160]
        lead = r"\s*(?:cho\s+)?" if verb else r"[^;]*?\bcho\s+(?:các\s+)?"
        for pattern, shape in ((self.both, "both"), (self.total, "total"), (self.collective, "c"), (self.individual, "i")):
            m = re.match(lead + pattern.pattern, window, re.IGNORECASE)
            if m:
                nums = [int(g.replace(".", "")) for g in m.groups() if g]
                if shape == "both":
                    return nums[0], nums[1], None
                return {"total": (None, None, nums[0]), "c": (nums[0], None, None), "i": (None, nums[0], None)}[shape]
        return None

    def _giver(self, text: str, at: int, clause_start: int, givers) -> Body | Title | str | None:
        """ "thay mặt <body>", else the body, title or person nearest before the award in its clause."""
        for m in self.on_behalf.finditer(text, clause_start, at):
            for start, _, giver in givers:
                if start == m.end():
                    return giver
        before = [(end, giver) for start, end, giver in givers if clause_start <= start and end <= at]
        return max(before, key=lambda eg: eg[0])[1] if before else None
