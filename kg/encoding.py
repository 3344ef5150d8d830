"""Bytes to text: UTF-8 and UTF-16 (with or without BOM), legacy Vietnamese encodings detected or refused."""
from __future__ import annotations

import codecs
import csv
import re
import unicodedata
from functools import cache
from importlib import resources

SNIFF = 4096  # bytes looked at to tell UTF-16 and binary data apart
_VOWELS = frozenset("aăâeêioôơuưyAĂÂEÊIOÔƠUƯY")
_TONED = re.compile("(.)[\u0300\u0301\u0303\u0309\u0323]", re.DOTALL)  # the letter before each tone mark
_VIETNAMESE = re.compile("[ĂăĐđĨĩŨũƠơƯư\u1ea0-\u1ef9]")  # letters Vietnamese text has, beyond Latin-1
_ONLY_VIETNAMESE = re.compile("[ƠơƯư\u1ea0-\u1ef9]")  # and of those, the ones no other language uses


class NotText(ValueError):
    """Bytes that are not text in an encoding we can read; the message says why."""


def decode(data: bytes) -> str:
    """The text of a file's bytes (VNI converted), or NotText with the reason."""
    if not data.strip():
        raise NotText("empty file" if not data else "only white space, no text")
    return repair(_unicode(data))


def _unicode(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8):], "utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16")
    utf16 = utf16_order(data)
    if utf16:
        return _strict(data, utf16)
    if b"\x00" in data[:SNIFF]:
        raise NotText("binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _legacy(data)


def utf16_order(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when the bytes look like UTF-16 without a BOM (zero high bytes)."""
    sample = data[:SNIFF]
    zeros_even, zeros_odd = sample[0::2].count(0), sample[1::2].count(0)
    if max(zeros_even, zeros_odd) > len(sample) // 4 and min(zeros_even, zeros_odd) <= len(sample) // 50:
        return "utf-16-le" if zeros_odd > zeros_even else "utf-16-be"
    return None


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise NotText(f"not valid {encoding.upper()} ({err.reason} at byte {err.start})") from None


def _legacy(data: bytes) -> str:
    """Not UTF-8: VNI (read as Windows-1252), Windows-1258, or what charset-normalizer finds if it is Vietnamese."""
    western = data.decode("cp1252", errors="replace")
    if looks_like_vni(western):
        return western
    vietnamese = _windows_1258(data)
    if vietnamese is not None:
        return vietnamese
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.chaos > 0.2:
        raise NotText("not UTF-8, and no other text encoding fits")
    text = str(best)
    if not _ONLY_VIETNAMESE.search(text):
        raise NotText(f"not UTF-8; read as {best.encoding} it has no Vietnamese letters "
                      "(a legacy font encoding such as TCVN3?): convert it to UTF-8")
    return text


def _windows_1258(data: bytes) -> str | None:
    """The text if the bytes read as Windows-1258: tones written as combining marks, each after a vowel."""
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        return None
    toned = _TONED.findall(text)
    if len(toned) >= 3 and all(c in _VOWELS for c in toned):
        return unicodedata.normalize("NFC", text)
    return None


def repair(text: str) -> str:
    """VNI-encoded text ("Vieät Nam") converted to Unicode; any other text as it is."""
    return from_vni(text) if looks_like_vni(text) else text


@cache
def _vni() -> tuple[dict[str, str], re.Pattern, re.Pattern]:
    """VNI sequence → letter, the pattern of every sequence (longest first), and of a vowel with a VNI mark."""
    lines = [ln for ln in resources.files("kg").joinpath("data", "vni.tsv").read_text(encoding="utf-8").splitlines()
             if ln and not ln.startswith("#")]
    table: dict[str, str] = {}
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        letter, vni = row["unicode"], row["vni"]
        table[vni] = letter
        table[vni.upper()] = letter.upper()
        table[vni[0].upper() + vni[1:]] = letter.upper()  # "Aù": a capital letter with a small mark
    marks = sorted({seq[-1] for seq in table if len(seq) == 2})
    bases = sorted({seq[0] for seq in table if len(seq) == 2})
    sequences = re.compile("|".join(map(re.escape, sorted(table, key=len, reverse=True))))
    pair = re.compile(f"[{''.join(bases)}][{''.join(marks)}]")
    return table, sequences, pair


def looks_like_vni(text: str) -> bool:
    """No letter beyond Latin-1, a few VNI marks after a vowel, and (nearly) every accented letter part of
    a VNI sequence: "Ñoàng chí", "Vieät Nam"; Western text has accented letters after consonants."""
    sample = text[:100_000]
    if _VIETNAMESE.search(sample):
        return False
    _, sequences, pair = _vni()
    if len(pair.findall(sample)) < 3:
        return False
    accented = sum(1 for c in sample if ord(c) > 127 and c.isalpha())
    in_sequences = sum(1 for m in sequences.finditer(sample) for c in m.group() if ord(c) > 127)
    return in_sequences >= 0.8 * accented


def from_vni(text: str) -> str:
    """VNI to Unicode (NFC)."""
    table, sequences, _ = _vni()
    return sequences.sub(lambda m: table[m.group()], text)
