"""A report being written: its blocks and random state, and the helpers every writer of it shares."""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import random
import string
from dataclasses import dataclass, field

from .gold import Gold
from .mentions import Writer
from .people import Roster
from .vocab import Province, Vocabulary, VocabularyError


@dataclass
class Block:
    kind: str  # "para", "caption", "list" (lines of a list of tasks)
    text: str


@dataclass
class Draft:
    """A report before it is dressed as a page or record."""

    province: Province
    kind: str  # event, letter, district, national, visit (bench/data/scenarios.toml)
    title: str
    published: dt.datetime
    blocks: list[Block]
    byline: str
    gold: Gold
    site: str  # the site's name, in its header


@dataclass
class Report:
    """The state of one report being written."""

    rng: random.Random
    vocab: Vocabulary
    province: Province
    year: int
    term: int  # index of bench/data/places.toml's [[term]]
    roster: Roster
    writer: Writer
    show_date: bool  # the page or record states its date: the text may leave the year out
    pen: str  # the photographer
    blocks: list[Block] = field(default_factory=list)
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


def lower_first(text: str) -> str:
    """Lower-case a sentence's first word where it is not a proper name ("Mặt trận Tổ quốc")."""
    return text if text.startswith("Mặt trận") else text[:1].lower() + text[1:]


def thousands(n: int) -> str:
    """ "2.359": Vietnamese thousands separator."""
    return f"{n:,}".replace(",", ".")


def day_in(rng: random.Random, year: int, months: list[int], days: list[int] | None = None) -> dt.date:
    """A day of the year in one of `months` (and between `days`, first and last, if given)."""
    month = rng.choice(months)
    last = calendar.monthrange(year, month)[1]
    lo, hi = days if days else (1, last)
    return dt.date(year, month, rng.randint(lo, min(hi, last)))


def period(vocab: Vocabulary, year: int, need: str | None = None) -> tuple[int, int] | None:
    """The movement's period: the one that ends this year ("period_end"), starts this year
    ("period_start"), or is current."""
    for start, end in vocab.places["periods"]:
        if (need == "period_end" and end == year) or (need == "period_start" and start == year) \
                or (need not in ("period_end", "period_start") and start <= year <= end):
            return start, end
    return None
