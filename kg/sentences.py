"""Split the report's own lines into sentences that keep their offsets."""
from __future__ import annotations

import re

from underthesea import sent_tokenize

from .clean import Block
from .records import Sentence

_KINDS = {"body": "body", "caption": "caption", "title": "title"}
MAX_SENTENCE = 5000  # characters; a longer run without a sentence end is cut at a space (the longest seen: 2,036)
LONG_RUN = 100  # letters, digits and periods without a space: longer than any abbreviation underthesea knows (55)
_LONG_RUN = re.compile(rf"[\w.]{{{LONG_RUN},}}")  # one character class: no backtracking state per character


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
