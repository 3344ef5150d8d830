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
        for piece in sent_tokenize(line) if kind == "body" else [line]:
            piece = piece.strip()
            at = line.find(piece, cursor)
            if not piece or at < 0:
                continue
            cursor = at + len(piece)
            out.append(Sentence(block.start + at, block.start + cursor, piece, kind))
    return out
