"""Read reports from files: .txt, .html and .jsonl, directories recursively."""
from __future__ import annotations

import codecs
import datetime as dt
import errno
import io
import json
import logging
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .encoding import SNIFF, NotText, decode, repair, utf16_order
from .records import SourceReport
from .text import HIDDEN, normalize

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
MAX_BYTES = 20 * 1024 * 1024  # a report (a file, or a JSON Lines record) larger than this is refused
MAX_ID = 200  # characters in a JSON Lines record's id
MIN_ARTICLE_LETTERS = 20  # an HTML page's text needs this many letters outside its links, or it is only a menu
MAX_HTML_DEPTH = 255  # elements nested in elements: libxml2, under lxml, reads no deeper
MAX_LINK_WORDS = 30  # a longer link text is not a menu's
SHORT_ARTICLE = 500  # characters: an article this short is read again with trafilatura's fallback extractors
_LETTERS = re.compile(r"[^\W\d_]")
_UNDECODED = re.compile("[\udc80-\udcff]")  # bytes that were not UTF-8, kept as lone surrogates
_NOT_TEXT = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


class ReadError(Exception):
    """A report that cannot be read; the message says why (the caller names the file)."""


@dataclass
class Failure:
    """A report that could not be read, and why."""

    where: str
    reason: str


def discover(paths: Iterable[str | Path]) -> list[Path | Failure]:
    """Every report file under the given files and folders, sorted, and a Failure for each path that cannot be read.

    Folders are read recursively, following links to folders; a file reached twice is read once.
    """
    found: list[tuple[Path, Path | Failure, object]] = []
    for path in map(Path, paths):
        try:
            info = path.stat()
        except OSError as err:
            found.append((path, Failure(str(path), _unreadable(err, path)), path))
            continue
        if stat.S_ISDIR(info.st_mode):
            found.extend(_walk(path, [(info.st_dev, info.st_ino)]))
        else:
            found.append((path, path, (info.st_dev, info.st_ino)))
    seen: set = set()
    out: list[Path | Failure] = []
    for _, item, identity in sorted(found, key=lambda f: f[0]):
        if identity not in seen:
            out.append(item)
            seen.add(identity)
    return out


def _walk(folder: Path, above: list[tuple[int, int]]) -> Iterator[tuple[Path, Path | Failure, object]]:
    """(path, the report file or a Failure, what identifies it: the file, or the path) under `folder`.

    `above`: the folders it is in, to tell a link back to one of them."""
    try:
        with os.scandir(folder) as entries:
            entries = list(entries)
    except OSError as err:
        yield folder, Failure(str(folder), f"cannot read the folder: {err.strerror or err}"), folder
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            info = entry.stat()
        except OSError as err:
            yield path, Failure(str(path), _unreadable(err, path)), path
            continue
        identity = (info.st_dev, info.st_ino)
        if stat.S_ISDIR(info.st_mode):
            if identity in above:
                yield path, Failure(str(path), "a symbolic link loop: it leads back to a folder it is in"), path
            else:
                yield from _walk(path, [*above, identity])
        elif path.suffix.lower() in SUFFIXES:
            yield path, path, identity


def _unreadable(err: OSError, path: Path) -> str:
    """Why a path cannot be read, in the user's terms."""
    if err.errno == errno.ELOOP:
        return "a symbolic link loop"
    if err.errno == errno.ENOENT:
        return "a broken symbolic link (what it points to does not exist)" if path.is_symlink() else "no such file or folder"
    return f"cannot read: {err.strerror or err}"


def read_all(paths: Iterable[str | Path]) -> Iterator[SourceReport | Failure]:
    """Every report under `paths`, or a Failure in its place; never raises."""
    for found in discover(paths):
        yield from read_found(found)


def read_found(found: Path | Failure) -> Iterator[SourceReport | Failure]:
    """The reports in a file that `discover` found, or a Failure in their place; never raises."""
    if isinstance(found, Failure):
        yield found
        return
    try:
        yield from read_path(found)
    except ReadError as err:
        yield Failure(str(found), str(err))
    except OSError as err:
        yield Failure(str(found), f"cannot read: {err.strerror or err}")


def read_path(path: Path) -> Iterator[SourceReport | Failure]:
    """The reports in one file (one, or one per JSON Lines record)."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ReadError(f"not a report (expected {', '.join(SUFFIXES)})")
    if _UNDECODED.search(path.name):
        raise ReadError("the file's name is not valid UTF-8 (it names the report): rename it")
    if _NOT_TEXT.search(path.name) or HIDDEN.search(path.name):
        raise ReadError("the file's name holds control characters or invisible or direction-changing marks "
                        "(it names the report): rename it")
    if not path.is_file():
        raise ReadError("not a regular file" if path.exists() else "no such file or folder")
    if suffix == ".jsonl":
        yield from read_jsonl(path)
        return
    size = path.stat().st_size
    with path.open("rb") as f:
        data = f.read(MAX_BYTES + 1)  # no more, even if the file grows
    if max(size, len(data)) > MAX_BYTES:
        raise ReadError(f"{_mb(max(size, len(data)))}, more than the {_mb(MAX_BYTES)} one report may have "
                        "(split it, or give one report per line of a .jsonl file)")
    try:
        text = decode(data)
    except NotText as err:
        raise ReadError(str(err)) from None
    if suffix in (".html", ".htm") or looks_like_html(text):
        yield read_html(text, path)
    else:
        yield make_report(path.name, text, path=str(path))


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.2f}".rstrip("0").rstrip(".") + " MB"


def looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)


def make_report(identifier: str, text: str, *, path: str | None = None, url: str | None = None,
                title: str | None = None, date: dt.date | None = None) -> SourceReport:
    text = normalize(text)
    if not text.strip():
        raise ReadError("no text")
    stem = identifier.rsplit(".", 1)[0] if "." in identifier and path else identifier
    return SourceReport(identifier=identifier, stem=stem, text=text, path=path, url=normalize(url).strip() if url else None,
                        title=normalize(title).strip() if title else None, date=date)


def read_jsonl(path: Path) -> Iterator[SourceReport | Failure]:
    """One report per JSON Lines record, read a line at a time; a bad record fails alone."""
    seen: set[str] = set()
    records = 0
    for number, line in _lines(path):
        where = f"{path}:{number}"
        if line is None:
            yield Failure(where, f"a record of more than {_mb(MAX_BYTES)}")
            continue
        if not line.strip():
            continue
        records += 1
        if _UNDECODED.search(line):
            yield Failure(where, "not valid UTF-8 (JSON Lines must be UTF-8)")
            continue
        try:
            record = json.loads(line.rstrip("\n"))
        except json.JSONDecodeError as err:
            yield Failure(where, f"not valid JSON ({err.msg.removesuffix(' at')} at column {err.colno})")
            continue
        except RecursionError:
            yield Failure(where, "JSON nested too deeply")
            continue
        problem = _record_problem(record)
        if problem:
            yield Failure(where, problem)
            continue
        identifier = str(record["id"])
        if identifier in seen:
            yield Failure(where, f"duplicate id {identifier!r}")
            continue
        seen.add(identifier)
        try:
            yield make_report(identifier, repair(record["text"]), url=_str(record.get("url")),
                              title=_str(record.get("title")), date=parse_iso_date(record.get("date")))
        except ReadError as err:
            yield Failure(where, str(err))
    if not records:
        raise ReadError("no records (an empty file)")


def _record_problem(record: object) -> str | None:
    """Why a JSON Lines record cannot be a report, or None."""
    if not isinstance(record, dict):
        return "a record must be a JSON object"
    identifier, text = record.get("id"), record.get("text")
    if identifier is None:
        return 'no "id"'
    if isinstance(identifier, bool) or not isinstance(identifier, str | int) or not str(identifier).strip():
        return f'"id" must be a non-empty string or a number, not {json.dumps(identifier)[:40]}'
    if len(str(identifier)) > MAX_ID:
        return f'an "id" of more than {MAX_ID} characters (it names the report\'s graph and nodes)'
    if _NOT_TEXT.search(str(identifier)) or HIDDEN.search(str(identifier)):
        return (f'"id" {json.dumps(identifier)[:40]} holds control characters, invisible or direction-changing '
                'marks, or lone surrogates')
    if text is None:
        return 'no "text"'
    if not isinstance(text, str):
        return '"text" must be a string'
    return None


def _lines(path: Path) -> Iterator[tuple[int, str | None]]:
    """Numbered lines of a JSON Lines file, UTF-8 (invalid bytes as lone surrogates) or UTF-16.

    A line longer than MAX_BYTES characters comes as None, skipped without being held in memory;
    text that is not valid UTF-16 ends the file with a ReadError.
    """
    with path.open("rb") as raw:
        head = raw.read(SNIFF)
        raw.seek(0)
        bom16 = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
        encoding = "utf-16" if bom16 else utf16_order(head) or "utf-8-sig"
        text = io.TextIOWrapper(raw, encoding=encoding, errors="surrogateescape" if encoding == "utf-8-sig" else "strict")
        number = 0
        try:
            while line := text.readline(MAX_BYTES + 1):
                number += 1
                if len(line) <= MAX_BYTES:
                    yield number, line
                    continue
                while line and not line.endswith("\n"):
                    line = text.readline(MAX_BYTES)
                yield number, None
        except UnicodeDecodeError as err:
            raise ReadError(f"not valid {encoding.upper()} after line {number} ({err.reason}); "
                            "the rest of the file is skipped") from None


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


def _parse_html(html: str):
    """The page's element tree (None if it cannot be parsed), and whether it nests deeper than the parser reads."""
    from lxml import etree
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(encoding="utf-8")
    try:
        page = lxml_html.fromstring(html.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError):
        return None, False
    return page, any("Excessive depth" in error.message for error in parser.error_log)


def _has_article_text(text: str, page) -> bool:
    """Whether `text` has MIN_ARTICLE_LETTERS letters outside the page's link texts: a menu is a list of links.

    Link texts (of up to MAX_LINK_WORDS words) are taken out word by word, the longest at each place, left to
    right, through a tree of their words: at most MAX_LINK_WORDS steps a word, however many links the page has.
    """
    if page is None:
        return len(_LETTERS.findall(text)) >= MIN_ARTICLE_LETTERS
    links: dict = {}  # word → the words that may follow it; "" marks where a link text ends
    for a in page.iter("a"):
        words = a.text_content().split()
        if len(words) <= MAX_LINK_WORDS:
            node = links
            for word in words:
                node = node.setdefault(word, {})
            node[""] = {}
    words, at, letters = text.split(), 0, 0
    while at < len(words):
        node, link = links, 0
        for length, word in enumerate(words[at:at + MAX_LINK_WORDS], 1):
            node = node.get(word)
            if node is None:
                break
            if "" in node:
                link = length
        if link:
            at += link
            continue
        letters += len(_LETTERS.findall(words[at]))
        if letters >= MIN_ARTICLE_LETTERS:
            return True
        at += 1
    return False


_LEAD_CLASS = re.compile(r"(?:^|[\s_-])(?:sapo|summary|lead|chapeau|excerpt|description|tomtat)(?:$|[\s_-])", re.IGNORECASE)


def _lead(html: str) -> str | None:
    """The article's lead paragraph, which news sites set apart ("sapo", "summary") and extraction can drop."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        page = lxml_html.fromstring(html.encode("utf-8"), parser=lxml_html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError):
        return None
    for element in page.iter("div", "p", "h2", "section"):
        if _LEAD_CLASS.search(element.get("class") or ""):
            lead = " ".join(element.text_content().split())
            if len(lead) >= 40:
                return lead
    return None


def _article(html: str, fast: bool):
    """trafilatura's reading of the page's article, with its metadata; `fast`: without its fallback extractors."""
    import trafilatura

    try:
        return trafilatura.bare_extraction(html, fast=fast, include_comments=False, include_tables=False,
                                           favor_precision=True, with_metadata=True,
                                           date_extraction_params={"extensive_search": True})
    except Exception as err:  # noqa: BLE001 (trafilatura and lxml raise many kinds on broken pages)
        raise ReadError(f"an HTML page that cannot be parsed ({err.__class__.__name__}: {err})") from None


def read_html(html: str, path: Path) -> SourceReport:
    """The article of a saved web page: its text, title, date and URL."""
    logging.getLogger("trafilatura").setLevel(logging.ERROR)  # its warnings ("discarding data") are ours to report
    doc = _article(html, fast=True)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(text) < SHORT_ARTICLE:  # its main extractor read little: compare with the others
        doc = _article(html, fast=False)
        text = getattr(doc, "text", None) if doc is not None else None
    page, too_deep = _parse_html(html)
    if too_deep:
        raise ReadError(f"an HTML page nested more than {MAX_HTML_DEPTH} elements deep, deeper than the HTML parser "
                        "reads (save the article's text as .txt)")
    if not text or not _has_article_text(text, page):
        raise ReadError("an HTML page with no article text (only menus, links or scripts)")
    lead = _lead(html)
    if lead and " ".join(lead.split()) not in " ".join(text.split()):
        text = f"{lead}\n{text}"
    return make_report(path.name, text, path=str(path), url=getattr(doc, "url", None),
                       title=getattr(doc, "title", None), date=parse_iso_date(getattr(doc, "date", None)))
