"""Build a knowledge graph from reports: read → extract → RDF, in worker processes, in order, streaming.

Reports are read one file at a time in this process, extracted and turned into
N-Quads by `workers` processes, and handed back in input order to the sinks (an
output file, a store), so the output is the same whatever the number of workers
and memory does not grow with the corpus.
"""
from __future__ import annotations

import functools
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Protocol

from rdflib import Dataset

from . import rdf
from .history import Named
from .pipeline import Extractor
from .read import Failure, discover, make_report, read_found
from .records import ReportFacts, SourceReport

BATCH = 8  # reports sent to a worker at a time
WINDOW = 4  # batches in flight per worker: bounds memory, keeps workers busy
COUNTED = {"officials": rdf.V.Official, "bodies": rdf.V.Body, "posts": rdf.V.Post,
           "directives": rdf.V.Directive, "events": rdf.V.Event, "awards": rdf.V.Award}


class Sink(Protocol):
    """Where built reports go: an output file (kg.output.FileSink), a store, a list."""

    def add(self, report: rdf.ReportQuads) -> None: ...


@dataclass
class Summary:
    """What a build did."""

    reports: int = 0
    unchanged: int = 0
    failures: list[Failure] = field(default_factory=list)
    triples: int = 0
    counts: dict[str, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        unchanged = f", unchanged: {self.unchanged}" if self.unchanged else ""
        out = [f"reports read: {self.reports}{unchanged}, failed: {len(self.failures)}, triples: {self.triples}"]
        if self.reports:
            out.append(", ".join(f"{k}: {v}" for k, v in self.counts.items()))
        return out


class Tally:
    """Counts distinct nodes per class and distinct quads as reports pass."""

    def __init__(self) -> None:
        self.classes = {cls: name for name, cls in COUNTED.items()}
        self.nodes: dict[str, set[str]] = {name: set() for name in COUNTED}
        self.report_quads = 0
        self.gazetteer: set[str] = set()
        self.named = Named()

    def add(self, report: rdf.ReportQuads) -> None:
        self.report_quads += report.quads
        self.gazetteer.update(report.gazetteer)
        self.named.add(report)
        for cls, nodes in report.nodes_by_class().items():
            if (name := self.classes.get(cls)) is not None:
                self.nodes[name].update(nodes)

    def fill(self, summary: Summary) -> None:
        summary.triples = self.report_quads + len(self.gazetteer.union(self.named.gazetteer_lines()))
        summary.counts = {name: len(nodes) for name, nodes in self.nodes.items()}


def extract_text(text: str, identifier: str = "report", *, url: str | None = None) -> ReportFacts:
    """One text to typed records (no RDF): for notebooks and tests."""
    return Extractor().extract(make_report(identifier, text, url=url))


def build(paths: Iterable[str | Path], sinks: Sequence[Sink], *, workers: int = 1,
          skip: Callable[[SourceReport], bool] | None = None,
          progress: Callable[[list[Path]], Iterable[Path]] | None = None) -> Summary:
    """Read every report under `paths` and hand each one's RDF to every sink, in input order.

    `skip(source)` says a report needs no work (a store that holds it unchanged).
    The caller then commits the sinks, or aborts them.
    """
    summary = Summary()
    tally = Tally()
    for item in _in_order(read_sources(paths, summary, skip, progress), workers):
        deliver(item, summary, tally, sinks)
    tally.fill(summary)
    return summary


def deliver(item: rdf.ReportQuads | Failure, summary: Summary, tally: Tally, sinks: Sequence[Sink]) -> None:
    """Count a built report and hand it to the sinks, or note its failure."""
    if isinstance(item, Failure):
        summary.failures.append(item)
        return
    summary.reports += 1
    tally.add(item)
    for sink in sinks:
        sink.add(item)


def read_sources(paths, summary: Summary, skip, progress) -> Iterator[SourceReport | Failure]:
    """The reports under `paths`, in order, with Failures in their place; skipped ones counted in `summary`."""
    files = discover(paths)
    taken: dict[str, str] = {}  # what IRIs are made from → the report that took it
    for found in progress(files) if progress else files:
        for item in read_found(found):
            if isinstance(item, Failure):
                yield item
            elif clash := next((taken[k] for k in rdf.report_keys(item.stem) if k in taken), None):
                yield Failure(item.path or item.identifier, f"a report named {item.stem!r} would share its IRIs "
                                                            f"with {clash!r}, read already; rename one")
            else:
                taken.update(dict.fromkeys(rdf.report_keys(item.stem), item.identifier))
                if skip is not None and skip(item):
                    summary.unchanged += 1
                else:
                    yield item


@functools.cache
def _extractor() -> Extractor:
    return Extractor()


def _convert(item: SourceReport | Failure) -> rdf.ReportQuads | Failure:
    """One report to N-Quads (in a worker); a bug on one report must not sink the batch."""
    if isinstance(item, Failure):
        return item
    try:
        return rdf.report_quads(_extractor().extract(item))
    except Exception as err:  # noqa: BLE001 (a bug on one report is reported, the batch goes on)
        return Failure(item.path or item.identifier, f"extraction failed: {err!r}")


def convert_batch(batch: list[SourceReport | Failure]) -> list[rdf.ReportQuads | Failure]:
    return [_convert(item) for item in batch]


def batches(items: Iterator, size: int) -> Iterator[list]:
    while batch := list(islice(items, size)):
        yield batch


def _in_order(items: Iterator[SourceReport | Failure], workers: int) -> Iterator[rdf.ReportQuads | Failure]:
    """`_convert` over items, in `workers` processes, results in input order, a bounded number in flight."""
    if workers <= 1:
        yield from map(_convert, items)
        return
    _extractor()  # load the gazetteer once; forked workers inherit it
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        in_flight: deque = deque()
        for batch in batches(items, BATCH):
            in_flight.append(pool.apply_async(convert_batch, (batch,)))
            if len(in_flight) >= WINDOW * workers:
                yield from in_flight.popleft().get()
        while in_flight:
            yield from in_flight.popleft().get()


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


class _Lines:
    """A sink that keeps every quad line, for `build_dataset`."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.gazetteer: set[str] = set()
        self.named = Named()

    def add(self, report: rdf.ReportQuads) -> None:
        self.lines += report.lines
        self.gazetteer.update(report.gazetteer)
        self.named.add(report)


def build_dataset(paths: Iterable[str | Path], *, workers: int = 1) -> tuple[Dataset, Summary]:
    """Every report under `paths` in an rdflib Dataset, one named graph per report (for notebooks and tests)."""
    lines = _Lines()
    summary = build(paths, [lines], workers=workers)
    ds = rdf.new_dataset()
    gazetteer = sorted(lines.gazetteer.union(lines.named.gazetteer_lines()))
    ds.parse(data="\n".join(lines.lines + gazetteer) + "\n", format="nquads")
    return ds, summary
