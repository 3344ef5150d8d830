"""An on-disk SPARQL store that builds keep up to date: one named graph per report, incremental, crash-safe.

The store is an Oxigraph folder (RocksDB) holding exactly what a TriG build holds:
one named graph per report and the shared gazetteer graph. In the same folder a
small SQLite ledger (`kg-ledger.sqlite3`) records, for each report, the key it
was built from (its text, what its container said about it, and the extractor's
version) and the gazetteer lines it contributed. The ledger is kept out of the
RDF so that no query ever sees it.

A batch of reports is written in four steps, each of which survives a crash:

1. ledger: the reports are marked `writing` (no key) and credited with their old and new gazetteer lines;
2. store: their old graphs are dropped, then the new graphs and gazetteer lines added in one transaction;
3. ledger: each gets its key and exactly its new gazetteer lines; lines it no longer gives become orphans;
4. store: orphans that no report gives any more leave the gazetteer graph.

The gazetteer graph's fixed lines (kg.history: the changes along the lineage of the bodies and places the
reports name) are credited in the ledger to the gazetteer graph itself, and brought up to date at the end
of every build and removal.

A crash before step 3 leaves the reports without a key, so the next build that
reads them rebuilds them; a crash before step 4 leaves orphans, cleared when the
store is next opened. The gazetteer graph thus always holds what its reports
need, and after a finished build or removal exactly that.

A build into a new store takes a faster road: it is made beside the target
(`DIR.building`), its reports bulk-loaded in chunks (three times faster than
transactions), and renamed into place at the end; a crash leaves no store, and
the leftover folder is cleared by the next build.
"""
from __future__ import annotations

import hashlib
import json
import pickle
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Self

import pyoxigraph as ox

from . import history, rdf
from .output import FileSink
from .pipeline import content_hash
from .records import SourceReport

LEDGER = "kg-ledger.sqlite3"
SHARDS = "kg-shards"  # where `kg build --dask` stages its shards by default
BATCH = 16  # reports written per store transaction
BULK_CHUNK = 200_000  # quads per bulk load into a new store: bounds the loader's memory
_GAZETTEER = ox.NamedNode(str(rdf.GAZETTEER_GRAPH))
_FIXED = str(rdf.GAZETTEER_GRAPH)  # who the ledger credits with the gazetteer graph's fixed lines
_NAMED = f"""SELECT DISTINCT ?n WHERE {{ VALUES ?type {{ {rdf.V.Body} {rdf.V.Place} }}
                                      GRAPH ?g {{ ?n a ?type }} FILTER (?g != {_GAZETTEER}) }}"""
_UNCHANGED = object()  # what StoreSink._key says of a report the store already holds as built
_SCHEMA = """
CREATE TABLE IF NOT EXISTS report (
    graph TEXT PRIMARY KEY,   -- the report's IRI, which names its graph
    identifier TEXT NOT NULL, -- its dcterms:identifier
    key TEXT,                 -- build_key() of the input it was built from; NULL while being written
    extractor TEXT,           -- extractor_version() of the build that wrote it
    state TEXT NOT NULL       -- 'built', 'writing' or 'removing'
);
CREATE TABLE IF NOT EXISTS contribution (graph TEXT NOT NULL, line TEXT NOT NULL, PRIMARY KEY (graph, line))
    WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS contribution_line ON contribution (line);
CREATE TABLE IF NOT EXISTS orphan (line TEXT PRIMARY KEY) WITHOUT ROWID;
"""


class StoreError(Exception):
    """A store that cannot be used; the message names it and says why."""


# Modules that read, serve or draw a graph but do not make one: changing them rebuilds nothing.
_NOT_EXTRACTION = {"cli.py", "query.py", "results.py", "serve.py", "offline.py", "store.py", "distributed.py",
                   "network.py", "viz.py", "stats.py", "export.py", "validate.py", "graphfile.py", "table.py"}


@cache
def extractor_version() -> str:
    """A fingerprint of the code and data tables that make a report's graph: when it changes, every report is rebuilt."""
    root = Path(__file__).parent
    files = sorted([*root.rglob("*.py"), *(root / "data").rglob("*")])
    digest = hashlib.sha256()
    for f in files:
        if f.is_file() and "__pycache__" not in f.parts and f.relative_to(root).as_posix() not in _NOT_EXTRACTION:
            digest.update(f.relative_to(root).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def build_key(source: SourceReport) -> str:
    """What a report's graph is made from: its text, its container's metadata, and the extractor."""
    parts = [extractor_version(), source.identifier, source.stem, source.path is not None, source.url,
             source.title, source.date.isoformat() if source.date else None, content_hash(source.text)]
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()


def _quads(lines: list[str]) -> Iterator[ox.Quad]:
    return ox.parse("\n".join(lines) + "\n", format=ox.RdfFormat.N_QUADS) if lines else iter(())


def _identifier(report: rdf.ReportQuads) -> str:
    prefix = f"<{report.graph}> {rdf.T_DC.identifier} "
    nquads, prefix = report.nquads, prefix.encode("utf-8")
    start = 0 if nquads.startswith(prefix) else nquads.index(b"\n" + prefix) + 1  # a line's start: literals escape "\n"
    return next(_quads([nquads[start:nquads.index(b"\n", start)].decode("utf-8")])).object.value


class ReportStore:
    """A kg store folder, opened for writing: it holds the folder's lock until `close`."""

    def __init__(self, path: str | Path, *, create: bool = True):
        self.path = Path(path)
        _check_folder(self.path, create)
        try:
            self.rdf = ox.Store(str(self.path))
        except OSError as err:
            if "lock" in str(err).lower():
                raise StoreError(f"{self.path}: the store is in use by another process (a build, a removal, "
                                 "or kg serve --allow-update); try again when it has finished") from err
            raise StoreError(f"{self.path}: cannot open the store: {err}") from err
        self.ledger = sqlite3.connect(self.path / LEDGER)
        self.ledger.execute("PRAGMA journal_mode = WAL")
        self.ledger.execute("PRAGMA synchronous = NORMAL")  # a killed process loses nothing; a power cut may
        self.ledger.executescript(_SCHEMA)
        shutil.rmtree(self.path / SHARDS, ignore_errors=True)  # a crashed --dask build's leftovers
        self._finish_removals()
        self._clear_orphans()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Flush and release the folder (other processes may open it again)."""
        if self.rdf is not None:
            self.rdf.flush()
            self.ledger.close()
            shutil.rmtree(self.path / SHARDS, ignore_errors=True)
            self.rdf = None  # the last reference: Oxigraph closes the database and drops its lock

    def key(self, graph: str) -> str | None:
        row = self.ledger.execute("SELECT key FROM report WHERE graph = ?", (graph,)).fetchone()
        return row[0] if row else None

    def write(self, reports: list[tuple[rdf.ReportQuads, str | None]]) -> None:
        """Add or replace these reports' graphs, each with the key it was built from (None: rebuild next time)."""
        if reports:
            self._begin(reports)
            self._drop_graphs([report.graph for report, _ in reports])
            self.rdf.extend(_quads([line for report, _ in reports for line in (*report.lines, *report.gazetteer)]))
            self._settle(reports)
            self._clear_orphans()

    def write_shard(self, shard: Path, reports: list[tuple[rdf.ReportQuads, str | None]]) -> None:
        """As `write`, for reports whose graphs and gazetteer lines are in an N-Quads file, loaded in bulk.

        A bulk load is not one transaction: a crash in it leaves the reports keyless, rebuilt next time.
        """
        self._begin(reports)
        self._drop_graphs([report.graph for report, _ in reports])
        self.rdf.bulk_load(path=str(shard), format=ox.RdfFormat.N_QUADS)
        self._settle(reports)
        self._clear_orphans()

    def keep_fixed(self) -> None:
        """Hold exactly the fixed lines (kg.history) for what the report graphs name: added, then credited."""
        lines = history.gazetteer_lines({str(row["n"]) for row in self.rdf.query(_NAMED)})
        held = {line for (line,) in self.ledger.execute("SELECT line FROM contribution WHERE graph = ?", (_FIXED,))}
        new, gone = [line for line in lines if line not in held], held.difference(lines)
        self.rdf.extend(_quads(new))
        with self.ledger:
            self.ledger.executemany("INSERT INTO contribution VALUES (?, ?)", ((_FIXED, line) for line in new))
            self.ledger.executemany("DELETE FROM contribution WHERE graph = ? AND line = ?",
                                    ((_FIXED, line) for line in gone))
            self.ledger.executemany("INSERT OR IGNORE INTO orphan VALUES (?)", ((line,) for line in gone))
        self._clear_orphans()

    def record(self, reports: list[tuple[str, str, str | None, list[str]]]) -> None:
        """Ledger rows for reports bulk-loaded into a new store: (graph, identifier, key, gazetteer lines)."""
        with self.ledger:
            self.ledger.executemany(
                "INSERT INTO report (graph, identifier, key, extractor, state) VALUES (?, ?, ?, ?, 'built')",
                ((graph, identifier, key, extractor_version() if key else None) for graph, identifier, key, _ in reports))
            self.ledger.executemany("INSERT OR IGNORE INTO contribution VALUES (?, ?)",
                                    ((graph, line) for graph, _, _, lines in reports for line in lines))

    def remove(self, graphs: list[str]) -> None:
        """Drop these reports' graphs, and the gazetteer lines no other report gives."""
        with self.ledger:
            self.ledger.executemany("UPDATE report SET state = 'removing' WHERE graph = ?", ((g,) for g in graphs))
        self._finish_removals()

    def find(self, name: str) -> list[str]:
        """The graphs of the reports whose identifier, stem or IRI is `name`."""
        rows = self.ledger.execute("SELECT graph FROM report WHERE identifier = ? OR graph IN (?, ?) ORDER BY graph",
                                   (name, str(rdf.report_iri(name)), name))
        return [graph for (graph,) in rows]

    def interrupted(self) -> list[str]:
        """Identifiers of reports whose writing was cut short (by a crash) and not redone since."""
        rows = self.ledger.execute("SELECT identifier FROM report WHERE state = 'writing' ORDER BY identifier")
        return [identifier for (identifier,) in rows]

    def report_graphs(self) -> list[str]:
        """The report graphs the store holds, in IRI order."""
        return sorted(g.value for g in self.rdf.named_graphs() if g != _GAZETTEER)

    def lines(self, graph: str) -> list[str]:
        """A graph's quads as sorted N-Quads lines."""
        return sorted(f"{quad} ." for quad in self.rdf.quads_for_pattern(None, None, None, ox.NamedNode(graph)))

    def _begin(self, reports: list[tuple[rdf.ReportQuads, str | None]]) -> None:
        with self.ledger:
            for report, _ in reports:
                self.ledger.execute("INSERT INTO report (graph, identifier, state) VALUES (?, ?, 'writing') "
                                    "ON CONFLICT (graph) DO UPDATE SET identifier = excluded.identifier, "
                                    "key = NULL, state = 'writing'", (report.graph, _identifier(report)))
                self.ledger.executemany("INSERT OR IGNORE INTO contribution VALUES (?, ?)",
                                        ((report.graph, line) for line in report.gazetteer))

    def _settle(self, reports: list[tuple[rdf.ReportQuads, str | None]]) -> None:
        with self.ledger:
            for report, key in reports:
                given = set(report.gazetteer)
                credited = self.ledger.execute("SELECT line FROM contribution WHERE graph = ?", (report.graph,))
                gone = [(line,) for (line,) in credited.fetchall() if line not in given]
                self.ledger.executemany("INSERT OR IGNORE INTO orphan VALUES (?)", gone)
                self.ledger.executemany("DELETE FROM contribution WHERE graph = ? AND line = ?",
                                        ((report.graph, line) for (line,) in gone))
                self.ledger.execute("UPDATE report SET key = ?, extractor = ?, state = 'built' WHERE graph = ?",
                                    (key, extractor_version() if key else None, report.graph))

    def _drop_graphs(self, graphs: list[str]) -> None:
        for graph in map(ox.NamedNode, graphs):
            if self.rdf.contains_named_graph(graph):
                self.rdf.remove_graph(graph)

    def _finish_removals(self) -> None:
        graphs = [g for (g,) in self.ledger.execute("SELECT graph FROM report WHERE state = 'removing'")]
        if not graphs:
            return
        self._drop_graphs(graphs)
        with self.ledger:
            for graph in graphs:
                self.ledger.execute("INSERT OR IGNORE INTO orphan SELECT line FROM contribution WHERE graph = ?",
                                    (graph,))
                self.ledger.execute("DELETE FROM contribution WHERE graph = ?", (graph,))
                self.ledger.execute("DELETE FROM report WHERE graph = ?", (graph,))
        self._clear_orphans()

    def _clear_orphans(self) -> None:
        unwanted = [line for (line,) in self.ledger.execute(
            "SELECT line FROM orphan WHERE NOT EXISTS (SELECT 1 FROM contribution c WHERE c.line = orphan.line)")]
        for quad in _quads(unwanted):
            self.rdf.remove(quad)
        with self.ledger:
            self.ledger.execute("DELETE FROM orphan")


def _check_folder(path: Path, create: bool) -> None:
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path}: not a folder (a store is a folder)")
    if (path / LEDGER).is_file():
        return
    if not create:
        raise StoreError(f"{path}: no kg store here (make one with kg build REPORTS --store {path})")
    if path.exists() and any(path.iterdir()):
        raise StoreError(f"{path}: a folder that is not a kg store; give a new or empty folder for --store")


def _is_new(path: Path) -> bool:
    return not path.exists() or (path.is_dir() and not any(path.iterdir()))


def _building(target: Path) -> Path:
    """The folder a new store is made in: cleared if a crashed build left it, refused if a build is using it."""
    building = target.with_name(target.name + ".building")
    if building.exists():
        try:
            ox.Store(str(building))
        except OSError as err:
            raise StoreError(f"{target}: another build is making this store ({building} is in use)") from err
        shutil.rmtree(building)
    return building


class _BulkWriter:
    """A new store's reports, written as N-Quads chunks and bulk-loaded as each chunk fills."""

    def __init__(self, store: ReportStore):
        self.store = store
        self.folder = store.path / SHARDS
        self.folder.mkdir(exist_ok=True)
        self.file = None
        self.quads = 0
        self.reports: list[tuple[str, str, str | None, list[str]]] = []  # the chunk's, for the ledger
        self.gazetteer: set[str] = set()  # gazetteer lines loaded already: most reports repeat them

    def add(self, report: rdf.ReportQuads, key: str | None) -> None:
        if self.file is None:
            self.file = open(self.folder / "chunk.nq", "wb")  # noqa: SIM115 (closed by _load)
        new_gazetteer = [line for line in report.gazetteer if line not in self.gazetteer]
        self.gazetteer.update(new_gazetteer)
        self.file.write(report.nquads + "".join(f"{line}\n" for line in new_gazetteer).encode("utf-8"))
        self.quads += report.quads + len(new_gazetteer)
        self.reports.append((report.graph, _identifier(report), key, report.gazetteer))
        if self.quads >= BULK_CHUNK:
            self._load()

    def add_shard(self, shard: Path, reports: list[tuple[rdf.ReportQuads, str | None]]) -> None:
        self.store.rdf.bulk_load(path=str(shard), format=ox.RdfFormat.N_QUADS)
        self.store.record([(r.graph, _identifier(r), key, r.gazetteer) for r, key in reports])

    def _load(self) -> None:
        """Bulk-load the chunk and record its reports (the store is out of sight until it is moved into place)."""
        if self.file is not None:
            self.file.close()
            self.store.rdf.bulk_load(path=self.file.name, format=ox.RdfFormat.N_QUADS)
            Path(self.file.name).unlink()
            self.store.record(self.reports)
            self.file, self.quads, self.reports = None, 0, []

    def finish(self) -> None:
        self._load()

    def close(self) -> None:
        if self.file is not None:
            self.file.close()


class StoreSink:
    """A build's store (a kg.build sink): opens the store; `commit` or `abort` closes it.

    Reports are written in batches as they arrive; with `strict` they are staged in
    an unnamed temporary file in the store's folder and written only at `commit`.
    """

    def __init__(self, path: str | Path, *, strict: bool = False):
        self.target = Path(path)
        self.building = _building(self.target) if _is_new(self.target) else None
        self.store = ReportStore(self.building or self.target)
        self.bulk = _BulkWriter(self.store) if self.building else None
        self.strict = strict
        self.keys: dict[str, str] = {}
        self.pending: list[tuple[rdf.ReportQuads, str | None]] = []
        self.staged = (tempfile.TemporaryFile(dir=self.store.path, prefix="kg-staged-")  # noqa: SIM115 (closed by abort)
                       if strict else None)
        self.shards: list[tuple[Path, list[tuple[rdf.ReportQuads, str | None]]]] = []
        self.written = 0
        self.unchanged = 0
        self.interrupted: list[str] = []  # after commit: reports cut short by a crash that this build did not redo

    def check(self, source: SourceReport) -> bool:
        """Whether the store holds this report built from this very input by this extractor: no work to do."""
        graph, key = str(rdf.report_iri(source.stem)), build_key(source)
        if self.store.key(graph) == key:
            return True
        self.keys[graph] = key
        return False

    def note(self, source: SourceReport) -> bool:
        """Keep the report's key for `add`, which skips it if unchanged; False: it is extracted all the same."""
        self.keys[str(rdf.report_iri(source.stem))] = build_key(source)
        return False

    def add(self, report: rdf.ReportQuads) -> None:
        key = self._key(report)
        if key is not _UNCHANGED:
            self._stage(report, key)

    def _stage(self, report: rdf.ReportQuads, key: str | None) -> None:
        """Write soon (in a batch), or, strict, at commit; a new store takes it in bulk."""
        if self.bulk is not None:
            self.bulk.add(report, key)
            self.written += 1
            return
        if self.staged is not None:
            pickle.dump((report, key), self.staged)
            return
        self.pending.append((report, key))
        if len(self.pending) >= BATCH:
            self._write_pending()

    def add_shard(self, shard: Path, reports: list[rdf.ReportQuads]) -> None:
        """Reports whose lines are also in an N-Quads shard file, which the store now owns (and deletes)."""
        if self.bulk is not None:
            self.bulk.add_shard(shard, [(report, self._key(report)) for report in reports])
            self.written += len(reports)
            shard.unlink()
            return
        keyed = [(report, self._key(report)) for report in reports]
        fresh = [(report, key) for report, key in keyed if key is not _UNCHANGED]
        if len(fresh) < len(keyed):  # the shard holds unchanged reports too: write the others one by one
            shard.unlink()
            for report, key in fresh:
                self._stage(report, key)
        elif self.strict:
            self.shards.append((shard, fresh))
        else:
            self._write_shard(shard, fresh)

    def _key(self, report: rdf.ReportQuads) -> str | None | object:
        """The key `note` or `check` kept for this report (None if neither saw it), or _UNCHANGED."""
        key = self.keys.pop(report.graph, None)
        if key is not None and self.store.key(report.graph) == key:
            self.unchanged += 1
            return _UNCHANGED
        return key

    def commit(self) -> None:
        """Write what is pending or staged, then close the store (a new one is moved into place)."""
        try:
            if self.bulk is not None:
                self.bulk.finish()
            else:
                self._write_all()
            self.store.keep_fixed()
            self.interrupted = self.store.interrupted()
        except BaseException:
            self.abort()
            raise
        self._close()
        if self.building is not None:
            if self.target.exists():
                self.target.rmdir()  # the empty folder given for the new store
            self.building.rename(self.target)

    def _write_all(self) -> None:
        self._write_pending()
        if self.staged is not None:
            self.staged.seek(0)
            for report in _unpickled(self.staged):
                self.pending.append(report)
                if len(self.pending) >= BATCH:
                    self._write_pending()
            self._write_pending()
        for shard, reports in self.shards:
            self._write_shard(shard, reports)

    def abort(self) -> None:
        """Drop what is not written yet (reports already written stay, each whole; a new store goes) and close."""
        self._close()
        if self.building is not None:
            shutil.rmtree(self.building, ignore_errors=True)

    def _close(self) -> None:
        self.pending.clear()
        for shard, _ in self.shards:
            shard.unlink(missing_ok=True)
        self.shards.clear()
        if self.staged is not None:
            self.staged.close()
        if self.bulk is not None:
            self.bulk.close()
        self.store.close()

    def _write_pending(self) -> None:
        self.store.write(self.pending)
        self.written += len(self.pending)
        self.pending = []

    def _write_shard(self, shard: Path, reports: list[tuple[rdf.ReportQuads, str | None]]) -> None:
        self.store.write_shard(shard, reports)
        self.written += len(reports)
        shard.unlink()


def _unpickled(file) -> Iterator:
    while True:
        try:
            yield pickle.load(file)
        except EOFError:
            return


def remove(path: str | Path, names: list[str]) -> list[str]:
    """Drop the named reports (identifier, stem or IRI) from a store; returns the graphs dropped."""
    with ReportStore(path, create=False) as store:
        found = {name: store.find(name) for name in names}
        unknown = [name for name, graphs in found.items() if not graphs]
        if unknown:
            raise StoreError(f"{path}: no report named {', '.join(map(repr, unknown))} in the store "
                             "(give a report's identifier, e.g. 000_x.txt, or its stem)")
        ambiguous = {name: graphs for name, graphs in found.items() if len(graphs) > 1}
        if ambiguous:
            name, graphs = next(iter(ambiguous.items()))
            raise StoreError(f"{path}: {name!r} names several reports ({', '.join(graphs)}); give the graph IRI")
        graphs = sorted({graphs[0] for graphs in found.values()})
        store.remove(graphs)
        store.keep_fixed()
        return graphs


def dump(path: str | Path, output: str | Path) -> int:
    """Write a store's report and gazetteer graphs to a file (any build format), reports in IRI order."""
    sink = FileSink(output)
    try:
        with ReportStore(path, create=False) as store:
            graphs = store.report_graphs()
            for graph in graphs:
                sink.add(rdf.ReportQuads.of_lines(graph, store.lines(graph), []))
            sink.add(rdf.ReportQuads.of_lines(str(rdf.GAZETTEER_GRAPH), [], store.lines(str(rdf.GAZETTEER_GRAPH))))
    except BaseException:
        sink.abort()
        raise
    sink.commit()
    return len(graphs)
