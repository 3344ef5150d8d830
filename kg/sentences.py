"""Split the report's own lines into sentences that keep their offsets."""
from __future__ import annotations

import re

from underthesea.pipeline import sent_tokenize as punkt

from .clean import Block
from .records import Sentence

_KINDS = {"body": "body", "caption": "caption", "title": "title"}
MAX_SENTENCE = 5000  # characters; a longer run without a sentence end is cut at a space (the longest seen: 2,036)
LONG_RUN = 100  # letters, digits and periods without a space: longer than any abbreviation underthesea knows (55)
_LONG_RUN = re.compile(rf"(?<![\w.])[\w.]{{{LONG_RUN},}}")  # tried where a run starts only
_END = re.compile(r"[.?!]")
_WORD_CHARS = re.compile(r"[\w.]*")
_SPACES = " \t\n\r"


def split(text: str, blocks: list[Block]) -> list[Sentence]:
    """Sentences of the body, caption and title lines, in text order."""
    out: list[Sentence] = []
    for block in blocks:
        kind = _KINDS.get(block.kind)
        if kind is None:
            continue
        line = text[block.start:block.end]
        tokenized = _LONG_RUN.sub(_hide_inner_periods, line)
        cursor = 0
        spans: list[list[int]] = []
        for piece in sent_tokenize(tokenized) if kind == "body" else [tokenized]:
            piece = piece.strip()
            at = tokenized.find(piece, cursor) if piece else -1
            if at < 0:
                continue
            if spans and at == spans[-1][1]:
                spans[-1][1] = at + len(piece)  # no space after the period: "TP.HCM", not a sentence end
            else:
                spans.append([at, at + len(piece)])
            cursor = at + len(piece)
        out.extend(Sentence(block.start + a, block.start + b, line[a:b], kind)
                   for start, end in spans for a, b in _capped(line, start, end))
    return out


def _hide_inner_periods(match: re.Match) -> str:
    """Each long run of letters, digits and periods ("_" ends one) with its inner periods as "x"; same length.

    sent_tokenize looks back over the whole run at each period (quadratic in its length); a period followed
    by no space ends no sentence here (the pieces are joined again), so the sentences come out the same."""
    return "_".join(_inner_periods_as_letters(run) if len(run) >= LONG_RUN else run for run in match.group().split("_"))


def _inner_periods_as_letters(run: str) -> str:
    inner = run.rstrip(".")
    return inner.replace(".", "x") + run[len(inner):]


def _capped(line: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span cut into pieces of at most MAX_SENTENCE characters, at the last space of each when there is one."""
    pieces = []
    while end - start > MAX_SENTENCE:
        space = line.rfind(" ", start + 1, start + MAX_SENTENCE)
        cut = space if space > 0 else start + MAX_SENTENCE
        pieces.append((start, start + len(line[start:cut].rstrip())))
        start = cut
        while start < end and line[start].isspace():
            start += 1
    pieces.append((start, end))
    return pieces


def sent_tokenize(text: str) -> list[str]:
    """underthesea's sent_tokenize, the same sentences, without its walk over every character.

    Its Punkt-style rules: a sentence ends at ".", "?" or "!" (and the marks that follow), except a
    period between digits or after one of its abbreviations ("TP.", "Th.S"), and three or more periods
    end one only before a capital or the end of the text."""
    abbreviations = _abbreviations()
    sentences, start, i, n = [], 0, 0, len(text)
    while (m := _END.search(text, i)) is not None:
        i = m.start()
        if text[i] == ".":
            dots = i
            while dots < n and text[dots] == ".":
                dots += 1
            if dots - i >= 3:
                after = dots
                while after < n and text[after] in " \t":
                    after += 1
                if after >= n or text[after].isupper():
                    sentences.append(text[start:dots].strip())
                    while dots < n and text[dots] in _SPACES:
                        dots += 1
                    start = dots
                i = dots
                continue
            if (0 < i and text[i - 1].isdigit() and i + 1 < n and text[i + 1].isdigit()) or \
                    _preceding_word(text, i).lower() in abbreviations:
                i += 1
                continue
        end = i + 1
        while end < n and text[end] in ".?!":
            end += 1
        sentences.append(text[start:end].strip())
        while end < n and text[end] in _SPACES:
            end += 1
        start = i = end
    sentences.append(text[start:].strip())
    return [s for s in sentences if s]


def _preceding_word(text: str, pos: int) -> str:
    """The letters, digits and periods just before `pos` (no abbreviation is longer than the window)."""
    backwards = text[max(0, pos - 80):pos][::-1]
    word = _WORD_CHARS.match(backwards).group()[::-1]
    return word[word.rfind("_") + 1:]  # "_" is a word character to the regex, not to str.isalnum


def _abbreviations() -> set[str]:
    punkt._load_model()
    return punkt.sentence_tokenizer.abbrev_types
