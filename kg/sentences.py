"""Split the report's own lines into sentences that keep their offsets."""
from __future__ import annotations

from underthesea import sent_tokenize

from .clean import Block
from .records import Sentence

_KINDS = {"body": "body", "caption": "caption", "title": "title"}
MAX_SENTENCE = 5000  # characters; a longer run without a sentence end is cut at a space (the longest seen: 2,036)


def split(text: str, blocks: list[Block]) -> list[Sentence]:
    """Sentences of the body, caption and title lines, in text order."""
    out: list[Sentence] = []
    for block in blocks:
        kind = _KINDS.get(block.kind)
        if kind is None:
            continue
        line = text[block.start:block.end]
        cursor = 0
        spans: list[list[int]] = []
        for piece in sent_tokenize(line) if kind == "body" else [line]:
            piece = piece.strip()
            at = line.find(piece, cursor) if piece else -1
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
