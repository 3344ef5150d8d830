"""Emulation movements ("phong trào thi đua “Dân vận khéo”") and their periods."""
from __future__ import annotations

import re

from ..records import MovementMention, Sentence

_MOVEMENT = re.compile(
    r"(?:phong trào(?: thi đua)?|cuộc vận động)\s*[“\"]([^”\"]{3,80})[”\"]"
    r"(?:\s*(?:giai đoạn|năm)\s+((?:19|20)\d{2})(?:\s*[-–—]\s*((?:19|20)\d{2}))?)?",
    re.IGNORECASE,
)


def find(sentence: Sentence) -> list[MovementMention]:
    """Each quoted movement a sentence names, with the period that follows it."""
    out = []
    if "“" not in sentence.text and '"' not in sentence.text:  # a movement's name is quoted
        return out
    for m in _MOVEMENT.finditer(sentence.text):
        name = m.group(1).strip()
        name = name[0].upper() + name[1:]
        start = int(m.group(2)) if m.group(2) else None
        end = int(m.group(3)) if m.group(3) else start
        out.append(MovementMention(name, sentence, start, end))
    return out
