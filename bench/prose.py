"""Prose without facts that gives reports their length: filler sentences, statistics, lists of tasks."""
from __future__ import annotations

import random
import re
from collections.abc import Callable

from .report import Block, Report, cap, fill, lower_first, thousands
from .vocab import Vocabulary


class Prose:
    def __init__(self, vocab: Vocabulary):
        self.filler = vocab.phrases["filler"]
        self.report = vocab.phrases["report"]

    def sentence(self, r: Report, opener: bool = True) -> str:
        """Subject, predicate, object, end: "Các cấp ủy … đã quan tâm … công tác dân vận …, góp phần …"."""
        f, rng = self.filler, r.rng
        start = r.draw("openers", f["openers"]) if opener else ""
        subject = fill(r.draw("subjects", f["subjects"]), level=r.province.level)
        text = (f"{start}{lower_first(subject) if start else subject} {r.draw('predicates', f['predicates'])} "
                f"{r.draw('objects', f['objects'])}{r.draw('ends', f['ends'])}")
        return _typo(rng, text) if rng.random() < 0.03 else text

    def sentences(self, r: Report, n: int) -> list[str]:
        return [self.sentence(r) for _ in range(n)]

    def stats(self, r: Report) -> str:
        """Figures a report gives (models built, dialogues held): not awards."""
        rng = r.rng
        n1, n2, n3 = rng.randint(120, 2600), rng.randint(12, 110), rng.randint(5, 60)
        return fill(rng.choice(self.report["stats"]), level=r.province.level, n1=thousands(n1), n2=n2, n3=n3,
                    k=rng.randint(2, 10))

    def paragraph(self, r: Report) -> Block:
        rng, f = r.rng, self.filler
        sentences = self.sentences(r, rng.randint(1, 3))
        for _ in range(rng.randint(1, 2)):
            sentences.insert(rng.randint(0, len(sentences)), r.draw("statements", f["statements"]))
        roll = rng.random()
        if roll < 0.15:
            sentences.append(rng.choice(f["limits"]))
        elif roll < 0.25:
            sentences.insert(0, rng.choice(f["sayings"]))
        elif roll < 0.4:
            sentences.append(cap(self.stats(r)))
        elif roll < 0.47:
            n1, n2 = rng.randint(150, 3000), rng.randint(40, 900)
            sentences.append(fill(rng.choice(self.report["tally"]), n1=thousands(n1), n2=n2))
        return Block("para", " ".join(sentences))

    def task_list(self, r: Report, cite: Callable[[], str] | None = None) -> None:
        """A numbered or dashed list of tasks; with `cite`, the first carries out a directive."""
        items = r.rng.sample(self.filler["task_items"], r.rng.randint(3, 5))
        if cite is not None:
            items[0] = items[0].rstrip(".") + "; gắn với thực hiện " + cite() + "."
        numbered = r.rng.random() < 0.5
        lines = [f"{i}. {t}" if numbered else f"- {t}" for i, t in enumerate(items, 1)]
        r.blocks.append(Block("list", "\n".join(lines)))

    def lengthen(self, r: Report, target: int) -> None:
        """Filler paragraphs between the report's own (never before its lead or inside a list) up to `target` characters."""
        size = sum(len(b.text) + 2 for b in r.blocks)
        while size < target:
            block = self.paragraph(r)
            places = [i for i in range(1, len(r.blocks) + 1) if i == len(r.blocks) or r.blocks[i].kind != "list"]
            r.blocks.insert(r.rng.choice(places), block)
            size += len(block.text) + 2

    def name_province(self, r: Report) -> None:
        """Name the province at least once, as every real report does somewhere."""
        text = " ".join(b.text for b in r.blocks)
        p = r.province
        if re.search(rf"(?<!\w){re.escape(p.name)}(?!\w)", text) or any(a in text for a in p.aliases):
            return
        f, rng = self.filler, r.rng
        sentence = (f"{fill(rng.choice(f['subjects']), level=p.level)} {rng.choice(f['predicates'])} "
                    f"{rng.choice(f['objects'])} trên địa bàn {p.place}.")
        paras = [i for i, b in enumerate(r.blocks) if b.kind == "para"]
        i = paras[min(1, len(paras) - 1)]
        r.blocks[i] = Block("para", r.blocks[i].text + " " + sentence)


def _typo(rng: random.Random, text: str) -> str:
    """A space slipped into a word ("t hời gian"), as in real pages."""
    words = [m for m in re.finditer(r"\w{4,}", text) if m.group(0)[0].islower()]
    if not words:
        return text
    m = rng.choice(words)
    return text[:m.start() + 1] + " " + text[m.start() + 1:]
