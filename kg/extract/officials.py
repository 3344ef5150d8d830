"""Officials and their titles, in every order the reports write them."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..mentions import Context, TitleFinder, TitleMatch, complete_chain, name_after, name_before
from ..records import Sentence, Tenure, Title

_CHAIN_GAP = re.compile(r"\s*(?:,|kiêm)\s*")
_NAME_SEPARATOR = re.compile(r"\s*(?:,|-|–|\()\s*$")


@dataclass
class PersonMention:
    """A person named (or referred back to) in a sentence, at [start, end)."""

    person: str
    start: int
    end: int
    titles: list[Title]
    former: frozenset[str] = frozenset()  # names of the titles marked "nguyên"


@dataclass
class SentenceTitles:
    """What one sentence says about people and offices."""

    people: list[PersonMention]
    nameless: list[TitleMatch]  # titles with no person: givers, issuers


def chains(titles: list[TitleMatch], text: str) -> list[list[TitleMatch]]:
    """Titles that follow each other ("A, B kiêm C") belong to one person."""
    groups: list[list[TitleMatch]] = []
    for t in titles:
        if groups and _CHAIN_GAP.fullmatch(text[groups[-1][-1].end:t.start]):
            groups[-1].append(t)
        else:
            groups.append([t])
    return groups


def read_sentence(sentence: Sentence, finder: TitleFinder, ctx: Context,
                  holders: dict[str, str]) -> SentenceTitles:
    """People with their titles; `holders` (title → person) resolves "đồng chí <title>"."""
    text = sentence.text
    people: list[PersonMention] = []
    nameless: list[TitleMatch] = []
    for chain in chains(finder.find_all(text, ctx), text):
        chain = complete_chain(chain, ctx)
        if not chain:
            continue
        first, last = chain[0], chain[-1]
        titles = [t.title for t in chain]
        sep = _NAME_SEPARATOR.search(text, 0, first.start)
        before = name_before(text, sep.start(), ctx) if sep else None
        if before:
            people.append(PersonMention(before[0], before[1], last.end, titles, _former(chain)))
            continue
        after = name_after(text, last.end, ctx)
        if after:
            people.append(PersonMention(after[0], first.start, after[1], titles, _former(chain)))
            continue
        referent = next((holders[t.name] for t in titles if t.name in holders), None)
        if referent and ctx.gaz.honorific_re.search(text, 0, first.start):
            people.append(PersonMention(referent, first.start, last.end, []))
        else:
            nameless.extend(chain)
    return SentenceTitles(people, nameless)


def _former(chain: list[TitleMatch]) -> frozenset[str]:
    return frozenset(t.title.name for t in chain if t.former)


def tenures_of(person: PersonMention, sentence: Sentence) -> list[Tenure]:
    return [Tenure(person.person, t, t.name in person.former, sentence) for t in person.titles]
