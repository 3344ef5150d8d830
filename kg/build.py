"""Build a knowledge graph from reports: the API the CLI and notebooks call."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, Dataset

from . import rdf
from .pipeline import Extractor
from .read import Failure, make_report, read_all
from .records import ReportFacts, SourceReport


@dataclass
class Summary:
    """What a build did."""

    reports: int = 0
    failures: list[Failure] = field(default_factory=list)
    triples: int = 0
    counts: dict[str, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        out = [f"reports read: {self.reports}, failed: {len(self.failures)}, triples: {self.triples}"]
        out.append(", ".join(f"{k}: {v}" for k, v in self.counts.items()))
        return out


COUNTED = {"officials": rdf.VNPOL.Official, "bodies": rdf.VNPOL.Body, "posts": rdf.VNPOL.Post,
           "directives": rdf.VNPOL.Directive, "events": rdf.VNPOL.Event, "awards": rdf.VNPOL.Award}


def extract_text(text: str, identifier: str = "report", *, url: str | None = None) -> ReportFacts:
    """One text to typed records (no RDF): for notebooks and tests."""
    return Extractor().extract(make_report(identifier, text, url=url))


def build_dataset(paths: Iterable[str | Path], *,
                  progress: Callable[[Iterable], Iterable] | None = None) -> tuple[Dataset, Summary]:
    """Read every report under `paths` into a dataset with one named graph per report."""
    extractor = Extractor()
    ds = rdf.new_dataset()
    summary = Summary()
    items: Iterable = read_all(paths)
    if progress is not None:
        items = progress(list(items))
    stems: set[str] = set()
    for item in items:
        if isinstance(item, Failure):
            summary.failures.append(item)
            continue
        if item.stem in stems:
            summary.failures.append(Failure(item.path or item.identifier, f"a report named {item.stem!r} was read already"))
            continue
        stems.add(item.stem)
        add_source(ds, extractor, item, summary)
    summary.triples = len(ds)
    summary.counts = {k: len({s for s, _, _, _ in ds.quads((None, RDF.type, cls, None))}) for k, cls in COUNTED.items()}
    return ds, summary


def add_source(ds: Dataset, extractor: Extractor, source: SourceReport, summary: Summary) -> None:
    try:
        facts = extractor.extract(source)
    except Exception as err:  # an extractor bug must not sink the batch
        summary.failures.append(Failure(source.path or source.identifier, f"extraction failed: {err!r}"))
        return
    rdf.add_report(ds, facts)
    summary.reports += 1
