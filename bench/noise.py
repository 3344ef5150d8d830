"""The noise of real pages on a report's text: both tone-mark styles, decomposed Unicode, stray white space."""
from __future__ import annotations

import random
import re
import unicodedata

from kg.text import TONE_PAIRS


def _old_to_new() -> dict[str, str]:
    """ "ủy" → "uỷ", "hòa" → "hoà": kg.text's table (new style → old) the other way round."""
    return {old: new for new, old in TONE_PAIRS.items()}


_OLD_TO_NEW = _old_to_new()


def _old_pattern() -> re.Pattern:
    """Old-style pairs at the end of a word, not after "q" ("quý" keeps its tone where it is).

    A character class per pair is much faster than an alternation of every toned pair.
    """
    alternatives = []
    for second in "aey":
        firsts = sorted({old[0] for old in _OLD_TO_NEW if old[1].lower() == second})
        alternatives.append(f"[{''.join(firsts)}][{second}{second.upper()}]")
    return re.compile("(?<![qQ])(" + "|".join(alternatives) + r")(?![^\W\d_])")


_OLD_RE = _old_pattern()


def tone_style(text: str, rng: random.Random, share: float) -> str:
    """Each "ủy"-style syllable written "uỷ"-style with probability `share` (1: all of them)."""
    if share <= 0:
        return text
    return _OLD_RE.sub(lambda m: _OLD_TO_NEW[m.group(1)] if share >= 1 or rng.random() < share else m.group(1), text)


def pick_tone_share(rng: random.Random) -> float:
    """A page's tone-mark habit: the old style, the new style, or both mixed."""
    return rng.choices([0.0, 1.0, 0.5], [45, 25, 30])[0]


def decompose(text: str) -> str:
    """Unicode NFD, as some editors save it."""
    return unicodedata.normalize("NFD", text)


def stray_spaces(line: str, rng: random.Random) -> str:
    """A double space (after punctuation or before a number), a non-breaking space or a trailing space, now and then."""
    roll = rng.random()
    if roll < 0.08:
        spaces = [m.start() for m in re.finditer(r"(?<=[,.;:]) |(?<=\w) (?=\d)", line)]
        if spaces:
            at = rng.choice(spaces)
            return line[:at] + "  " + line[at + 1:]
    elif roll < 0.12:
        return line.replace("đồng chí ", "đồng chí\u00a0", 1)
    elif roll < 0.18:
        return line + " "
    return line
