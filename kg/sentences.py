"""Split the report's own lines into sentences that keep their offsets."""
from __future__ import annotations

from underthesea import sent_tokenize

from .clean import Block
from .records import Sentence

_KINDS = {"body": "body", "caption": "caption", "title": "title"}


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
        out.extend(Sentence(block.start + a, block.start + b, line[a:b], kind) for a, b in spans)
    return out
