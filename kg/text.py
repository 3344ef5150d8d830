"""Text normalisation that keeps offsets: every change maps one character to one."""
from __future__ import annotations

import functools
import re
import unicodedata

_TONES = "\u0300\u0301\u0303\u0309\u0323"
_PAIRS = [("o", "a"), ("o", "e"), ("u", "y")]


def _tone_table() -> dict[str, str]:
    """New-style tone placement → old style ("uỷ" → "ủy", "oà" → "òa")."""
    table = {}
    for first, second in _PAIRS:
        for f in (first, first.upper()):
            for s in (second, second.upper()):
                for tone in _TONES:
                    new = unicodedata.normalize("NFC", f + s + tone)
                    old = unicodedata.normalize("NFC", f + tone + s)
                    if len(new) == len(old) == 2:
                        table[new] = old
    return table


TONE_PAIRS = _tone_table()
# Only where the pair ends the word, and not after "q" ("quý" keeps its tone: see _old_tone).
# No look-behind in front, so that the search can skip ahead to the pairs' first letters.
_TONE_RE = re.compile("(" + "|".join(map(re.escape, TONE_PAIRS)) + r")(?![^\W\d_])")
_SPACES = "\u00a0\u2000-\u200a\u202f\u205f\u3000\t\u00ad"
_LINE_BREAKS = re.compile("[\x85\u2028\u2029]")
_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f"
# Marks that change the direction of text or are not seen (bidi embeddings, overrides and isolates, zero-width
# joiners, the word joiner, invisible operators): in a label they hide or reorder what a reader sees.
_HIDDEN = "\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
HIDDEN = re.compile(f"[{_HIDDEN}]")
_AS_SPACE = re.compile(f"[{_SPACES}{_HIDDEN}{_CONTROLS}]")  # odd spaces, hidden marks and control characters
_SURROGATES = re.compile("[\ud800-\udfff]")  # halves of a pair, alone: not text, cannot be written as UTF-8
_ODD = re.compile(f"[\x85\u2028\u2029{_SPACES}{_HIDDEN}{_CONTROLS}\ud800-\udfff]")  # what the three above change


def normalize(text: str) -> str:
    """NFC, one tone-mark style, plain spaces, U+FFFD for lone surrogates. Keeps the length of NFC text.

    Control characters and HIDDEN marks become spaces; Unicode's line and paragraph separators, line breaks."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", " \n").replace("\r", "\n")
    if _ODD.search(text):  # most texts have none: one look instead of three
        text = _LINE_BREAKS.sub("\n", text)
        text = _AS_SPACE.sub(" ", text)
        text = _SURROGATES.sub("\ufffd", text)
    return _TONE_RE.sub(_old_tone, text)


def _old_tone(m: re.Match) -> str:
    """The old-style pair, unless after "q" or before a combining mark (moving the tone would let NFC compose it)."""
    after = m.string[m.end():m.end() + 1]
    after_q = m.start() > 0 and m.string[m.start() - 1] in "qQ"
    return m.group(1) if after_q or (after and unicodedata.combining(after)) else TONE_PAIRS[m.group(1)]


def shown(text: str) -> str:
    """The text for a terminal: what is not printable (newlines, ESC, bidi and zero-width marks) as escapes."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def fold(text: str) -> str:
    """ASCII, lower case: "Đảng bộ tỉnh Cà Mau" → "dang bo tinh ca mau"."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.lower()


def slug(text: str) -> str:
    """A stable IRI segment from a name."""
    s = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    return s or "x"


@functools.lru_cache(maxsize=8)
def lower_cased(text: str) -> str:
    """text.lower(), kept for the next reader of the same text (every trigger reads a sentence in turn)."""
    return text.lower()


def squash(text: str) -> str:
    """Collapse runs of white space."""
    return re.sub(r"\s+", " ", text).strip()


# A capital letter of the Latin scripts (Vietnamese included): where a proper name can start.
CAPITAL = re.compile("[" + "".join(c for c in map(chr, range(0x41, 0x2000)) if c.isupper()) + "]")


def is_capitalised(word: str) -> bool:
    """A syllable of a proper name: upper-case first letter, the rest lower ("H'Mai", "K’Ré": each part so)."""
    if word.isalpha():
        return word.istitle()
    return bool(word) and all(part[:1].isupper() and (len(part) == 1 or part[1:].islower())
                              for part in re.split("['’]", word))
