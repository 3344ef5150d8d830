"""Deterministic synthetic reports for benchmarks, with the facts each one states (gold, ../shared/gold/GUIDE.md).

usage: python bench/generate.py N OUTDIR [--seed S] [--gold GOLDDIR] [-q]

Writes N reports into OUTDIR (which must not exist or be empty): about 80% as
.txt pages, 10% as .html pages, 10% as records of .jsonl files. The same N and
seed give byte-identical files; report i depends only on the seed and i.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import random
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):  # run as a script: python bench/generate.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.compose import Composer
from bench.noise import decompose, pick_tone_share, tone_style
from bench.people import Rosters
from bench.render import Renderer
from bench.vocab import VocabularyError, load

FORMATS = ("txt",) * 8 + ("html", "jsonl")  # the formats of every ten reports, in an order drawn per ten
RECORDS_PER_FILE = 100  # JSON Lines records per .jsonl file
SIZE_MEDIAN, SIZE_SPREAD, SIZE_MIN, SIZE_MAX = 2900, 0.5, 1200, 9500  # the article's length, before page chrome


class GenerateError(Exception):
    """Bad arguments or an output folder that cannot be written; the message names it."""


@dataclass(frozen=True)
class Synthetic:
    """One generated report: how it is stored and what it states."""

    index: int
    ident: str  # "syn-000042": the file's stem or the record's id
    fmt: str  # "txt", "html", "jsonl"
    kind: str  # what it is about: event, letter, district, national, visit
    content: str  # the file's text, or the record's JSON line
    gold: dict  # GUIDE.md's record


@dataclass
class Summary:
    """What a generation wrote."""

    reports: int = 0
    files: int = 0
    formats: dict[str, int] = field(default_factory=lambda: {f: 0 for f in ("txt", "html", "jsonl")})
    kinds: dict[str, int] = field(default_factory=dict)
    chars: list[int] = field(default_factory=list)  # each report's length in characters, as stored
    facts: dict[str, int] = field(default_factory=lambda: {k: 0 for k in ("officials", "positions", "bodies",
                                                                          "directives", "events", "awards")})
    officials: set[str] = field(default_factory=set)  # distinct names over all reports

    def add(self, report: Synthetic) -> None:
        self.reports += 1
        self.formats[report.fmt] += 1
        self.kinds[report.kind] = self.kinds.get(report.kind, 0) + 1
        self.chars.append(len(report.content))
        for key in self.facts:
            self.facts[key] += len(report.gold[key])
        self.officials.update(report.gold["officials"])

    def lines(self) -> list[str]:
        chars = sorted(self.chars) or [0]
        mean = sum(chars) / len(chars)
        return [
            f"reports: {self.reports} in {self.files} files ("
            + ", ".join(f"{k}: {v}" for k, v in self.formats.items()) + ")",
            "about: " + ", ".join(f"{k}: {v}" for k, v in sorted(self.kinds.items())),
            f"characters per report: min {chars[0]}, median {chars[len(chars) // 2]}, mean {mean:.0f}, max {chars[-1]}",
            "facts stated: " + ", ".join(f"{k}: {v}" for k, v in self.facts.items())
            + f"; distinct officials: {len(self.officials)}",
        ]


def reports(n: int, seed: int = 0) -> Iterator[Synthetic]:
    """The first n reports of a seed, one at a time."""
    if n < 0:
        raise GenerateError(f"the number of reports must be 0 or more, not {n}")
    vocab = load()
    rosters = Rosters(vocab, seed)
    composer = Composer(vocab, rosters)
    renderer = Renderer(vocab)
    formats: list[str] = []
    for i in range(n):
        if i % len(FORMATS) == 0:
            formats = list(FORMATS)
            random.Random(f"formats:{seed}:{i // len(FORMATS)}").shuffle(formats)
        yield _report(i, formats[i % len(FORMATS)], seed, composer, renderer)


def _report(i: int, fmt: str, seed: int, composer: Composer, renderer: Renderer) -> Synthetic:
    rng = random.Random(f"report:{seed}:{i}")
    ident = f"syn-{i:06d}"
    dated = fmt == "html" or rng.random() < (0.75 if fmt == "txt" else 0.8)
    target = int(min(SIZE_MAX, max(SIZE_MIN, rng.lognormvariate(math.log(SIZE_MEDIAN), SIZE_SPREAD))))
    draft = composer.compose(f"{ident}.{fmt}" if fmt != "jsonl" else ident, rng, show_date=dated, target=target)
    if fmt == "txt":
        content = renderer.text_page(draft, rng, dateline=dated)
    elif fmt == "html":
        content = renderer.web_page(draft, rng, renderer.url(draft, rng))
    else:
        content = renderer.record(draft, rng, ident, renderer.url(draft, rng), dated=dated)
    content = tone_style(content, rng, pick_tone_share(rng))
    if rng.random() < 0.03:
        content = decompose(content)
    if fmt == "txt":
        if rng.random() < 0.04:
            content = content.replace("\n", "\r\n")
        if rng.random() < 0.02:
            content = "\ufeff" + content
    return Synthetic(i, ident, fmt, draft.kind, content, draft.gold.as_json())


def generate(n: int, outdir: str | Path, seed: int = 0, gold_dir: str | Path | None = None) -> Summary:
    """Write n reports into `outdir` (and their gold into `gold_dir`); each folder appears whole or not at all."""
    if n < 0:
        raise GenerateError(f"the number of reports must be 0 or more, not {n}")
    outdir = Path(outdir)
    gold = Path(gold_dir) if gold_dir is not None else None
    targets = [outdir] + ([gold] if gold else [])
    for target in targets:
        if target.exists() and (not target.is_dir() or any(target.iterdir())):
            raise GenerateError(f"{target}: exists and is not an empty folder")
    if gold and (gold.resolve() == outdir.resolve() or outdir.resolve() in gold.resolve().parents):
        raise GenerateError(f"{gold}: the gold folder must not be inside the reports' folder {outdir}")
    partial = {t: t.parent / f".{t.name}.partial-{os.getpid()}" for t in targets}
    try:
        for path in partial.values():
            path.mkdir(parents=True)
        summary = _write(n, seed, partial[outdir], partial.get(gold) if gold else None)
        for target, path in partial.items():
            if target.exists():
                target.rmdir()
            path.rename(target)
    except OSError as err:
        raise GenerateError(f"{err.filename or outdir}: {err.strerror or err}") from err
    finally:
        for path in partial.values():
            shutil.rmtree(path, ignore_errors=True)
    return summary


def _write(n: int, seed: int, outdir: Path, gold_dir: Path | None) -> Summary:
    summary = Summary()
    records = None
    records_name = None
    try:
        for report in reports(n, seed):
            summary.add(report)
            if report.fmt == "jsonl":
                name = f"records-{report.index // (RECORDS_PER_FILE * len(FORMATS)):04d}.jsonl"
                if name != records_name:
                    if records:
                        records.close()
                    records, records_name = (outdir / name).open("w", encoding="utf-8", newline="\n"), name
                    summary.files += 1
                records.write(report.content + "\n")
            else:
                (outdir / f"{report.ident}.{report.fmt}").write_text(report.content, encoding="utf-8", newline="")
                summary.files += 1
            if gold_dir is not None:
                (gold_dir / f"{report.ident}.json").write_text(
                    json.dumps(report.gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    finally:
        if records:
            records.close()
    return summary


def main(argv: list[str] | None = None) -> int:
    from kg.cli import EXIT_OK, EXIT_USAGE

    parser = argparse.ArgumentParser(prog="generate.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="how many reports")
    parser.add_argument("outdir", help="a new (or empty) folder for the reports")
    parser.add_argument("--seed", type=int, default=0, help="another seed gives other reports (default 0)")
    parser.add_argument("--gold", metavar="GOLDDIR", help="also write each report's gold JSON (GUIDE.md) here")
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary")
    args = parser.parse_args(argv)
    try:
        summary = generate(args.n, args.outdir, args.seed, args.gold)
    except (GenerateError, VocabularyError) as err:
        print(f"generate.py: {err}", file=sys.stderr)
        return EXIT_USAGE
    if not args.quiet:
        for line in summary.lines():
            print(line, file=sys.stderr)
        print(f"wrote {args.outdir}" + (f" and {args.gold}" if args.gold else ""), file=sys.stderr)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
