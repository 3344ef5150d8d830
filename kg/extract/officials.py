"""Who holds what: titles tied to people's names by position, by verbs, and in lists.

By position: "A, T1, T2", "A - T1", "T A" (the title to the name after it). By verbs:
"A được bổ nhiệm giữ chức T", "bầu ông A làm T", "A là T", "phê chuẩn … chức vụ T … đối
với ông A", "đã kinh qua các chức vụ: T1, T2" (former). In lists: "A và B, T", "các
Phó Chủ tịch UBND tỉnh: A, B", "Các ông A, B được bầu làm T".
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from ..phrases import Context, Spans
from ..phrases.bodies import BodyMatch
from ..phrases.names import NameFinder, NameSpan
from ..phrases.titles import TitleMatch, complete_chain
from ..records import Sentence, Tenure, Title
from ..text import CAPITAL

# What may stand between two titles of one person: a comma, a dash, "kiêm", "và", a term.
_TERM = r"(?:\(?\s*(?:khóa|khoá|nhiệm kỳ)\s+[\dIVXLivxl]+(?:\s*[-–]\s*\d{4})?\s*\)?)"
_CHAIN_GAP = re.compile(rf"\s*(?:{_TERM}\s*)?(?:,|[-–—]|kiêm|và|,\s*kiêm|,\s*và)?\s*(?:{_TERM}\s*,?\s*)?")
# An unknown piece inside a title list ("Đại biểu Quốc hội khóa XV", "ĐBQH"): the list goes on after it.
_UNKNOWN_PIECE = re.compile(r"\s*,\s*(?:[A-ZĐ][^\s,;.()]*|đại biểu)(?:\s+[^\s,;.()]+){0,6}?\s*,\s*")
# Where a title list that sits between two names splits: "A, T1 và T2 B" (T1 is A's, T2 is B's).
_SPLIT = re.compile(r"\s*(?:,\s*)?và\s*")
_APPOSITION = re.compile(r"\s*(?:,|-|–|—|\(|:)\s*")
_TITLE_FIRST = re.compile(r" (?:tân )?")
_LIST_INTRO = re.compile(r"\s*(?::|,?\s*(?:là|gồm(?: có)?)\s*:?)\s*(?:(?:các\s+)?(?:ông|bà|đồng chí)\s+)?", re.IGNORECASE)
_NAME_LIST_GAP = re.compile(r"[\s,;]*(?:và)?[\s,;]*(?:(?:ông|bà|đồng chí|đ/c)\s+)?", re.IGNORECASE)
_LINK_VERB = re.compile(
    r"(?:(?<![^\W_])(?:giữ|làm|là|đảm nhiệm|đảm nhận|kiêm nhiệm|kiêm|phụ trách|tái đắc cử|đắc cử|trúng cử|bầu|"
    r"bổ nhiệm|chỉ định|điều động|phân công|luân chuyển|chuẩn y|giao|cử)"
    r"(?:\s+(?:lại|bổ sung|giữ|làm|là))?\s+(?:(?:các\s+)?(?:chức|chức vụ|chức danh|cương vị)\s+)?(?:mới\s+)?(?:là\s+)?)$",
    re.IGNORECASE)
_FORMER_VERB = re.compile(
    r"(?:(?<![^\W_])(?:kinh qua|từng giữ|từng đảm nhiệm|từng là|trước đó là|thôi giữ|thôi làm|miễn nhiệm|cho thôi)"
    r"(?:\s+(?:các|nhiều))?(?:\s+(?:chức|chức vụ|chức danh|cương vị))?(?:\s+(?:như|là))?\s*:?\s*)$",
    re.IGNORECASE)
_FOR_WHOM = re.compile(r"[^.;]{0,40}?\bđối với\s+(?:(?:các\s+)?(?:ông|bà|đồng chí|đ/c)\s+)?", re.IGNORECASE)
# "phê chuẩn kết quả bầu chức vụ T … đối với ông A": the post a verb gives, whose holder "đối với" names
_POST_OF = re.compile(r"(?:chức vụ|chức danh|chức|bầu|bổ nhiệm|miễn nhiệm|cho thôi)\s+$", re.IGNORECASE)
_RETIRED = re.compile(r"\s*,?\s*(?:đã\s+|được\s+)?(?:nghỉ hưu|nghỉ công tác|thôi giữ chức)", re.IGNORECASE)
_WORD_CHAR = re.compile(r"[^\W_]")
_CAPITALISED_WORD = re.compile(CAPITAL.pattern + r"[^\W_]*")  # a word from its capital on ("UBND" whole)
_SUBJECT_REACH = 160  # characters back from a linking verb to its subject


@dataclass
class PersonMention:
    """A person named (or referred back to) in a sentence, at [start, end)."""

    person: str
    start: int
    end: int
    titles: list[Title] = field(default_factory=list)
    former: set[str] = field(default_factory=set)  # names of the titles held no more
    official: bool = False  # a title was written for them, placed or not


@dataclass
class SentenceTitles:
    """What one sentence says about people and offices."""

    people: list[PersonMention]
    nameless: list[TitleMatch]  # titles with no person: givers, issuers


class SentenceNames:
    """A sentence's names, in order, for the look-ups linking makes: the one after or before a place, the list
    a name is in, whether a title of its own follows it."""

    def __init__(self, text: str, spans: list[NameSpan], titles: list[TitleMatch]):
        self.text, self.spans, self.titles = text, spans, titles
        self.starts = [s.start for s in spans]
        self.ends = [s.end for s in spans]
        title_starts = [t.start for t in titles]
        self.titled = set()  # names a title of their own follows ("A, T")
        for i, s in enumerate(spans):
            j = bisect_left(title_starts, s.end)
            if j < len(titles) and _APPOSITION.fullmatch(text, s.end, titles[j].start):
                self.titled.add(i)

    def after(self, pos: int) -> int | None:
        """The index of the first name that starts after `pos`."""
        i = bisect_right(self.starts, pos)
        return i if i < len(self.spans) else None

    def before(self, pos: int) -> int | None:
        """The index of the last name that ends at or before `pos`."""
        i = bisect_right(self.ends, pos) - 1
        return i if i >= 0 else None

    def at(self, pos: int) -> int | None:
        i = bisect_left(self.starts, pos)
        return i if i < len(self.spans) and self.starts[i] == pos else None

    def listed(self, at: int, *, forward: bool, joined_by_va: bool = False, with_titles: bool = False) -> list[NameSpan]:
        """The names listed with the one at index `at`: "A, B và C". Going back from a title ("A và B, T"), only
        a list joined by "và" counts, unless `joined_by_va` is False (a verb's subjects: "Các ông A, B được
        bầu"). `with_titles`: each name may carry its own between them ("A, T1 và B, T2 được bầu …"); forward,
        a list whose first name has none ends where titles begin ("các Phó Trưởng ban: A, B; đồng chí C, T")."""
        titles = self.titles if with_titles and (not forward or at in self.titled) else ()
        out = [self.spans[at]]
        step = 1 if forward else -1
        i = at
        while 0 <= i + step < len(self.spans):
            a, b = (self.spans[i], self.spans[i + step]) if forward else (self.spans[i + step], self.spans[i])
            gap = _without(self.text, a.end, b.start, titles)
            if not _NAME_LIST_GAP.fullmatch(gap) or (joined_by_va and "và" not in gap.lower()) or (
                    forward and not titles and i + step in self.titled):
                break
            out.append(self.spans[i + step])
            i += step
        return out


class OfficialsReader:
    """Reads each sentence's people and titles; remembers the report's people for short names and references."""

    def __init__(self, names: NameFinder, ctx: Context):
        self.names = names
        self.ctx = ctx
        self.holders: dict[str, str] = {}  # canonical title → the person named with it
        self.known: list[str] = []  # full names with a title, in order of appearance
        self.known_by_first: dict[str, list[str]] = {}  # the same by their first word, longest first
        self.last: str | None = None  # the person the text was last about

    def read(self, sentence: Sentence, titles: list[TitleMatch], bodies: list[BodyMatch]) -> SentenceTitles:
        """People and titles of a sentence, given its titles and bodies (phrases)."""
        text = sentence.text
        taken = Spans([(t.start, t.end) for t in titles] + [(b.start, b.end) for b in bodies])
        found = self.names.find_all(text, self.ctx, taken) if titles else self._known_names(text, taken)
        spans = [s for s in map(self._resolved, found) if s is not None]
        people: dict[int, PersonMention] = {}  # by start of the name span

        def give(span: NameSpan, chain: list[TitleMatch], former: bool = False) -> None:
            p = people.setdefault(span.start, PersonMention(span.name, span.start, span.end))
            p.official = True
            for t in chain:
                if t.title is not None and t.title not in p.titles:
                    p.titles.append(t.title)
                if t.title is not None and (former or t.former):
                    p.former.add(t.title.name)

        nameless: list[TitleMatch] = []
        names = SentenceNames(text, spans, titles)
        for whole in _chains(titles, text):
            whole = complete_chain(whole, self.ctx)
            whole = [self._with_context_body(t, text, bodies) for t in whole]
            for chain, holders in self._holders(whole, names):
                if holders:
                    former = bool(_FORMER_VERB.search(text, max(0, chain[0].start - 60), chain[0].start))
                    retired = bool(_RETIRED.match(text, chain[-1].end))
                    for span in holders:
                        give(span, chain, former or retired)
                    continue
                referent = self._referent(chain, text)
                if referent is not None:
                    people.setdefault(chain[0].start, PersonMention(referent, chain[0].start, chain[-1].end, official=True))
                else:
                    nameless.extend(t for t in chain if t.title is not None)
        for span in spans:  # a person named alone, once known as an official
            if span.start not in people and span.name in self.known:
                people[span.start] = PersonMention(span.name, span.start, span.end, official=True)
        found = sorted(people.values(), key=lambda p: p.start)
        for p in found:
            if p.titles and p.person not in self.known:
                self.known.append(p.person)
                same_start = self.known_by_first.setdefault(p.person.split(" ", 1)[0], [])
                same_start.append(p.person)
                same_start.sort(key=len, reverse=True)
            for t in p.titles:
                self.holders.setdefault(t.name, p.person)
        if found:
            self.last = found[-1].person
        return SentenceTitles(found, nameless)

    def _known_names(self, text: str, taken: Spans) -> list[NameSpan]:
        """In a sentence with no title, only the officials already named matter: by full or short name."""
        spans = []
        # one pass over the sentence's capitalised words, however many officials the report has named
        for word in _CAPITALISED_WORD.finditer(text) if self.known else ():
            at = word.start()
            if at and _WORD_CHAR.match(text, at - 1):
                continue
            for name in self.known_by_first.get(word.group(), ()):
                if text.startswith(name, at) and not _WORD_CHAR.match(text, at + len(name)):
                    spans.append(NameSpan(at, at + len(name), name))
                    break
        spans += self.names.short_names(text, taken, spans)
        return sorted(spans, key=lambda s: s.start)

    def _resolved(self, span: NameSpan) -> NameSpan | None:
        """A short name as the full name it refers back to ("ông Khải" → "Lò Văn Khải"), if exactly one fits."""
        if not span.short:
            return span
        fits = {name for name in self.known if name.rsplit(" ", 1)[-1] == span.name}
        return NameSpan(span.start, span.end, fits.pop(), True, True) if len(fits) == 1 else None

    def _holders(self, chain: list[TitleMatch], names: SentenceNames) -> list[tuple[list[TitleMatch], list[NameSpan]]]:
        """Whose titles these are: the name after ("T A"), the name before ("A, T"), or by a verb; a list
        between two names splits at its "và" ("A, T1 và T2 B")."""
        text, spans = names.text, names.spans
        first, last = chain[0], chain[-1]
        after, before = names.after(last.end), names.before(first.start)
        apposition = before is not None and _APPOSITION.fullmatch(text, spans[before].end, first.start)
        if after is not None and _TITLE_FIRST.fullmatch(text, last.end, spans[after].start):
            split = next((i for i in range(len(chain) - 1, 0, -1) if _SPLIT.fullmatch(text, chain[i - 1].end, chain[i].start)), 0)
            if apposition and split:
                return [(chain[:split], [spans[before]]), (chain[split:], [spans[after]])]
            return [(chain, [spans[after]])]
        if after is not None and _LIST_INTRO.fullmatch(text, last.end, spans[after].start):
            return [(chain, names.listed(after, forward=True, with_titles=True))]
        if apposition:
            return [(chain, names.listed(before, forward=False, joined_by_va=True))]
        return [(chain, self._linked(chain, names))]

    def _linked(self, chain: list[TitleMatch], names: SentenceNames) -> list[NameSpan]:
        """The holders a verb names: "phê chuẩn … chức vụ T đối với ông A", "A được bầu giữ chức T"."""
        text = names.text
        first, last = chain[0], chain[-1]
        whom = _FOR_WHOM.match(text, last.end) if _POST_OF.search(text, max(0, first.start - 20), first.start) else None
        if whom is not None and (named := names.at(whom.end())) is not None:
            return names.listed(named, forward=True)
        verb = _LINK_VERB.search(text, max(0, first.start - 60), first.start) or \
            _FORMER_VERB.search(text, max(0, first.start - 60), first.start)
        if verb is not None:
            subject = names.before(verb.start())
            if subject is not None and verb.start() - names.spans[subject].end <= _SUBJECT_REACH \
                    and not re.search(r"[.;]", text[names.spans[subject].end:verb.start()]):
                return names.listed(subject, forward=False, with_titles=True)
            if self.last is not None and _FORMER_VERB.search(text, max(0, first.start - 60), first.start):
                return [NameSpan(first.start, first.start, self.last)]
        return []

    def _referent(self, chain: list[TitleMatch], text: str) -> str | None:
        """ "Đồng chí Trưởng Ban Dân vận Tỉnh ủy …": the person named earlier with that title."""
        titles = [t.title for t in chain if t.title is not None]
        referent = next((self.holders[t.name] for t in titles if t.name in self.holders), None)
        if referent and self.ctx.gaz.honorific_re.search(text, max(0, chain[0].start - 30), chain[0].start):
            return referent
        return None

    def _with_context_body(self, t: TitleMatch, text: str, bodies: list[BodyMatch]) -> TitleMatch:
        """A role written alone ("Phó Trưởng ban Cầm Văn Tú") holds office in the nearest fitting body before it."""
        if not t.bare:
            return t
        row = next(r for r in self.ctx.gaz.bare_roles if r.name == t.role)
        heads = tuple(row.data.get("of", ()))
        body = next((b.body for b in reversed(bodies) if b.end <= t.start and b.body is not None
                     and b.body.name.startswith(heads)), None)
        if body is None:
            return t
        return t.completed(body)


def _chains(titles: list[TitleMatch], text: str) -> list[list[TitleMatch]]:
    """Titles that follow each other ("A, B kiêm C", "B, ĐBQH khóa XV, C") belong to one person."""
    groups: list[list[TitleMatch]] = []
    for t in titles:
        if groups and (_CHAIN_GAP.fullmatch(text, groups[-1][-1].end, t.start)
                       or _UNKNOWN_PIECE.fullmatch(text, groups[-1][-1].end, t.start)):
            groups[-1].append(t)
        else:
            groups.append([t])
    return groups


def _without(text: str, start: int, end: int, titles: list[TitleMatch]) -> str:
    """text[start:end] with the titles inside it left out."""
    out, pos = [], start
    for t in titles:
        if start <= t.start and t.end <= end:
            out.append(text[pos:t.start])
            pos = t.end
    out.append(text[pos:end])
    return "".join(out)


def tenures_of(person: PersonMention, sentence: Sentence) -> list[Tenure]:
    return [Tenure(person.person, t, t.name in person.former, sentence) for t in person.titles]

