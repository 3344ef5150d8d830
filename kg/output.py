"""Write reports' N-Quads to a file, streaming, deterministically and atomically."""
from __future__ import annotations

import contextlib
import fcntl
import os
import re
import tempfile
from pathlib import Path

import pyoxigraph as ox

from .history import Named
from .rdf import PREFIXES, ReportQuads

FORMATS = {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld"}
_OX_FORMATS = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS, "turtle": ox.RdfFormat.TURTLE,
               "nt": ox.RdfFormat.N_TRIPLES, "json-ld": ox.RdfFormat.JSON_LD}
_PREFIXES = {prefix: str(ns) for prefix, ns in sorted(PREFIXES.items())}
_PREFIX_LINES = "".join(f"@prefix {prefix}: <{ns}> .\n" for prefix, ns in _PREFIXES.items())
_UMASK = os.umask(0o022)
os.umask(_UMASK)
PER_REPORT = ("trig", "nquads")  # formats that keep one named graph per report; the rest write the union


def format_for(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"{path}: unknown output format (use one of {', '.join(FORMATS)})")
    return FORMATS[suffix]


def _encoded(lines: list[str], fmt: str) -> bytes:
    """N-Quads (TriG) or N-Triples (the union formats) lines in `fmt`; prefixes are declared once, by us."""
    if fmt in ("nquads", "nt"):
        return "\n".join(lines).encode("utf-8") + b"\n"
    source = ox.RdfFormat.N_QUADS if fmt == "trig" else ox.RdfFormat.N_TRIPLES
    quads = ox.parse("\n".join(lines) + "\n", format=source)
    data = ox.serialize(quads, format=_OX_FORMATS[fmt], prefixes=_PREFIXES if fmt != "json-ld" else None)
    if fmt in ("trig", "turtle"):  # pyoxigraph orders its prefix lines differently from run to run
        data = b"".join(ln for ln in data.splitlines(keepends=True) if not ln.startswith(b"@prefix "))
    return data


def _temporary(path: Path):
    """A new temporary file beside `path`, locked for as long as it is open, so that a later build can tell
    the file of a build that was killed (no one holds its lock) from the file of one that is running."""
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_abandoned(path)
    while True:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        fcntl.flock(fd, fcntl.LOCK_EX)
        with contextlib.suppress(FileNotFoundError):
            if os.path.samestat(os.fstat(fd), os.stat(tmp)):  # not removed as abandoned before it was locked
                return os.fdopen(fd, "wb"), Path(tmp)
        os.close(fd)


def _remove_abandoned(path: Path) -> None:
    """Remove the temporary files that killed builds of `path` left beside it: those no process holds locked."""
    ours = re.compile(re.escape(f".{path.name}.") + r"[a-z0-9_]{8}\.tmp")  # as _temporary names them
    with os.scandir(path.parent) as entries:
        left = [entry.path for entry in entries if ours.fullmatch(entry.name) and entry.is_file(follow_symlinks=False)]
    for tmp in left:
        try:
            fd = os.open(tmp, os.O_RDONLY | os.O_NOFOLLOW)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            os.unlink(tmp)
        except OSError:  # held by a build that is running, or gone
            pass
        finally:
            os.close(fd)


def _finish(file, tmp: Path, path: Path) -> None:
    file.flush()
    os.fsync(file.fileno())
    os.fchmod(file.fileno(), 0o666 & ~_UMASK)  # mkstemp made it 0600; a plain open() would give this
    os.replace(tmp, path)  # while it is open and locked: no later build takes it for abandoned
    file.close()


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: never half a file."""
    path = Path(path)
    file, tmp = _temporary(path)
    try:
        file.write(data)
        _finish(file, tmp, path)
    except BaseException:
        file.close()
        tmp.unlink(missing_ok=True)
        raise


class FileSink:
    """A build's output file: reports stream into a temporary file that `commit` renames into place.

    TriG and N-Quads keep one named graph per report, written as each report arrives,
    so memory stays flat. Turtle, N-Triples and JSON-LD are the union of the graphs,
    collected (deduplicated) until `commit`.
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.fmt = format_for(self.path)
        self.gazetteer: set[str] = set()
        self.named = Named()  # for the gazetteer graph's fixed lines (kg.history)
        self.union: set[str] = set()
        self.file, self.tmp = _temporary(self.path)
        if self.fmt == "trig":
            self.file.write(_PREFIX_LINES.encode("utf-8") + b"\n")

    def add(self, report: ReportQuads) -> None:
        self.gazetteer.update(report.gazetteer)
        self.named.add(report)
        if self.fmt == "nquads":
            self.file.write(report.nquads)
        elif self.fmt in PER_REPORT:
            self._write_graph(report.lines)
        else:
            self.union.update(_triple(line) for line in report.lines)

    def _write_graph(self, lines: list[str]) -> None:
        if lines:
            self.file.write(_encoded(lines, self.fmt))

    def commit(self) -> None:
        """Finish the file and move it into place."""
        try:
            self.gazetteer.update(self.named.gazetteer_lines())
            if self.fmt in PER_REPORT:
                self._write_graph(sorted(self.gazetteer))
            else:
                self.union.update(_triple(line) for line in self.gazetteer)
                lines = sorted(self.union)
                if self.fmt == "turtle":
                    self.file.write(_PREFIX_LINES.encode("utf-8") + b"\n")
                self.file.write(_encoded(lines, self.fmt))
            _finish(self.file, self.tmp, self.path)
        except BaseException:
            self.abort()
            raise

    def abort(self) -> None:
        """Drop the temporary file; the old output, if any, stays."""
        with contextlib.suppress(OSError):
            self.file.close()
        self.tmp.unlink(missing_ok=True)


def _triple(quad_line: str) -> str:
    """An N-Quads line without its graph: an N-Triples line."""
    return quad_line.rsplit(" ", 2)[0] + " ."
