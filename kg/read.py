"""Read reports from files: .txt, .html and .jsonl, directories recursively."""
from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .records import SourceReport
from .text import normalize

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
MAX_BYTES = 20 * 1024 * 1024  # a report larger than this is refused


class ReadError(Exception):
    """A report that cannot be read; the message names the file and the reason."""


@dataclass
class Failure:
    """A report that could not be read, and why."""

    where: str
    reason: str


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """Every report file under the given files and directories, sorted."""
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found.extend(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
        else:
            found.append(p)
    return sorted(dict.fromkeys(found))


def read_all(paths: Iterable[str | Path]) -> Iterator[SourceReport | Failure]:
    """Every report under `paths`, or a Failure in its place; never raises."""
    for path in discover(paths):
        try:
            yield from read_path(path)
        except ReadError as err:
            yield Failure(str(path), str(err))
        except OSError as err:
            yield Failure(str(path), f"cannot read: {err.strerror or err}")


def read_path(path: Path) -> Iterator[SourceReport | Failure]:
    """The reports in one file (one, or one per JSON Lines record)."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ReadError(f"{path}: not a report (expected {', '.join(SUFFIXES)})")
    if path.stat().st_size > MAX_BYTES:
        raise ReadError(f"{path}: larger than {MAX_BYTES // (1024 * 1024)} MB")
    data = path.read_bytes()
    if suffix == ".jsonl":
        yield from read_jsonl(decode(data, path), path)
    elif suffix in (".html", ".htm"):
        yield read_html(decode(data, path), path)
    else:
        text = decode(data, path)
        if looks_like_html(text):
            yield read_html(text, path)
        else:
            yield make_report(path.name, text, path=str(path))


def decode(data: bytes, path: Path) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else detected."""
    if not data.strip():
        raise ReadError(f"{path}: empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        if _looks_utf16(data):
            return data.decode("utf-16-le" if data[1::2].count(0) > data[0::2].count(0) else "utf-16-be")
        raise ReadError(f"{path}: binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding in ("ascii",) or best.chaos > 0.2:
        raise ReadError(f"{path}: not UTF-8 and no text encoding fits")
    return str(best)


def _looks_utf16(data: bytes) -> bool:
    sample = data[:4096]
    zeros_even, zeros_odd = sample[0::2].count(0), sample[1::2].count(0)
    return max(zeros_even, zeros_odd) > len(sample) // 4 and min(zeros_even, zeros_odd) < len(sample) // 50


def looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)


def make_report(identifier: str, text: str, *, path: str | None = None, url: str | None = None,
                title: str | None = None, date: dt.date | None = None) -> SourceReport:
    text = normalize(text)
    if not text.strip():
        raise ReadError(f"{path or identifier}: no text")
    stem = identifier.rsplit(".", 1)[0] if "." in identifier and path else identifier
    return SourceReport(identifier=identifier, stem=stem, text=text, path=path, url=url,
                        title=normalize(title).strip() if title else None, date=date)


def read_jsonl(text: str, path: Path) -> Iterator[SourceReport | Failure]:
    """One report per JSON Lines record; a bad record fails alone."""
    seen: set[str] = set()
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield Failure(where, f"not valid JSON ({err.msg})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str) or record.get("id") in (None, ""):
            yield Failure(where, "a record needs an \"id\" and a \"text\"")
            continue
        identifier = str(record["id"])
        if identifier in seen:
            yield Failure(where, f"duplicate id {identifier!r}")
            continue
        seen.add(identifier)
        try:
            yield make_report(identifier, record["text"], url=_str(record.get("url")), title=_str(record.get("title")),
                              date=parse_iso_date(record.get("date")))
        except ReadError as err:
            yield Failure(where, str(err).split(": ", 1)[-1])


def _str(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def parse_iso_date(value: object) -> dt.date | None:
    """A date from metadata: "2020-10-15", "2020-10-15T08:00:00+07:00"."""
    if not isinstance(value, str):
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def read_html(html: str, path: Path) -> SourceReport:
    """The article of a saved web page: its text, title, date and URL."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, include_comments=False, include_tables=False,
                                      favor_precision=True, with_metadata=True, date_extraction_params={"extensive_search": True})
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise ReadError(f"{path}: an HTML page with no article text")
    return make_report(path.name, text, path=str(path), url=getattr(doc, "url", None),
                       title=getattr(doc, "title", None), date=parse_iso_date(getattr(doc, "date", None)))
