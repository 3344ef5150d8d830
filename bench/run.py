"""The benchmark: build N generated reports to a file and into a store, and time what users run.

    python bench/run.py --reports 10000            # the figures in bench/README.md
    python bench/run.py --reports 1000,20000       # is peak memory flat as the corpus grows?

For each size it generates the reports (bench/generate.py, cached in --work) and
runs, each as a child process: `kg build DIR -o out.nq` (a build to a file),
Oxigraph's bulk load of that file into a new store, and `kg build DIR --store
STORE`. For each build it prints characters and reports per second (wall clock,
and per CPU-second: user + system time over all its processes) and peak memory
(the sum over the build's processes, sampled); then the store's size and quads,
and every query of queries/ timed on the store (median of --repeat runs). In the
same run it times underthesea's `word_tokenize` over the same text, since
absolute times drift on shared machines. The targets: a build to a file at
>= 5x word_tokenize per CPU-second, and a build into a store within 10% of its
own floor, the CPU time of the build to N-Quads plus Oxigraph's bulk load of it.
"""
from __future__ import annotations

import argparse
import calendar
import os
import resource
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_RATIO = 5.0  # a build to a file: throughput per CPU-second over word_tokenize's
TARGET_OVER_FLOOR = 1.10  # a build into a store: CPU time over the build to N-Quads plus its bulk load
TARGET_QUERY_MS = 100.0
TARGET_TRIPLES = 1_000_000
FLAT_MEMORY = 1.5  # peak memory may grow at most this much from the smallest corpus to the largest


def generate(n: int, seed: int, work: Path) -> Path:
    """N reports from the generator, made once per (n, seed)."""
    folder = work / f"reports-{n}-seed{seed}"
    done = folder / ".complete"
    if not done.exists():
        subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), str(n), str(folder), "--seed", str(seed)],
                       check=True)
        done.write_text("ok\n")
    return folder


def texts(folder: Path):
    """The reports' texts, as the build reads them."""
    from kg.read import read_all
    from kg.records import SourceReport

    for item in read_all([folder]):
        if isinstance(item, SourceReport):
            yield item.text


class TreeMemory:
    """Samples the resident memory of a process and its descendants, summed, and keeps the peak."""

    def __init__(self, pid: int, every: float = 0.05):
        self.pid, self.every, self.peak = pid, every, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            self.peak = max(self.peak, sum(map(_rss, _tree(self.pid))))

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def _tree(pid: int) -> list[int]:
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parents.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += parents.get(p, [])
    return out


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def timed(argv: list[str]) -> dict:
    """A child process: wall time, CPU time of all its processes, peak memory (sampled: the children's
    ru_maxrss is the largest of every child so far, a bulk load's among them), exit status."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    child = subprocess.Popen(argv, cwd=ROOT)
    memory = TreeMemory(child.pid)
    code = child.wait()
    wall = time.perf_counter() - start
    peak = memory.stop()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": wall, "cpu": cpu, "peak": peak, "code": code}


def build(folder: Path, target: list[str], workers: int) -> dict:
    """`kg build FOLDER TARGET…` (-o FILE or --store DIR) in a child process."""
    run = timed([sys.executable, "-m", "kg.cli", "build", str(folder), *target, "--workers", str(workers), "-q"])
    if run["code"] not in (0, 1):
        raise SystemExit(f"kg build exited with {run['code']}")
    return run


BULK_LOAD = "import sys, pyoxigraph as ox; ox.Store(sys.argv[1]).bulk_load(path=sys.argv[2], format=ox.RdfFormat.N_QUADS)"


def bulk_load(nquads: Path, store: Path) -> dict:
    """Oxigraph's bulk load of an N-Quads file into a new store, in a child process."""
    run = timed([sys.executable, "-c", BULK_LOAD, str(store), str(nquads)])
    if run["code"] != 0:
        raise SystemExit(f"the bulk load of {nquads} exited with {run['code']}")
    return run


def report_build(label: str, run: dict, chars: int, n: int) -> None:
    print(f"{label}: {run['wall']:.1f} s wall, {run['cpu']:.1f} CPU-s; {chars / run['wall']:,.0f} chars/s and "
          f"{n / run['wall']:,.1f} reports/s wall; {chars / run['cpu']:,.0f} chars per CPU-second; "
          f"peak memory {run['peak'] / 2**20:,.0f} MiB")


def word_tokenize_seconds(folder: Path) -> tuple[int, float]:
    """(characters, CPU seconds) of underthesea's word_tokenize over the reports' texts."""
    from underthesea import word_tokenize

    word_tokenize("Khởi động.")  # load the model before timing
    chars, cpu = 0, 0.0
    for text in texts(folder):
        start = time.process_time()
        word_tokenize(text)
        cpu += time.process_time() - start
        chars += len(text)
    return chars, cpu


OFFICIALS_BY_REPORTS = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX vnpol: <https://w3id.org/vnpol/ontology#>
SELECT ?name (COUNT(DISTINCT ?report) AS ?reports)
WHERE { GRAPH ?report { ?p a vnpol:Official ; rdfs:label ?name } }
GROUP BY ?name ORDER BY ?reports ?name
"""


EVENT_DATES = """
PREFIX schema: <https://schema.org/>
SELECT DISTINCT ?e ?date WHERE { GRAPH ?report { ?e schema:startDate ?date } } ORDER BY ?date
"""


MOST_IMPLEMENTED = """
PREFIX vnpol: <https://w3id.org/vnpol/ontology#>
SELECT ?target (COUNT(DISTINCT ?d) AS ?n) WHERE { GRAPH ?report { ?d vnpol:implements ?target } }
GROUP BY ?target ORDER BY DESC(?n) ?target LIMIT 1
"""


def typical_params(dataset) -> dict[str, str]:
    """What a user would look up in this store: the official at the 90th percentile of reports naming them,
    the month of the median event and the document most others implement. (Left unset, a person, a period or
    a document means everyone, every period, every chain.)"""
    names = [row["name"].value for row in dataset.query(OFFICIALS_BY_REPORTS)]
    dates = [row["date"].value for row in dataset.query(EVENT_DATES)]
    year, month = map(int, dates[len(dates) // 2].split("-")[:2])
    target = next(iter(dataset.query(MOST_IMPLEMENTED)))["target"].value
    return {"name": names[int(len(names) * 0.9)], "from": f"{year}-{month:02d}-01",
            "to": f"{year}-{month:02d}-{calendar.monthrange(year, month)[1]}", "target": f"<{target}>"}


def time_queries(store: Path, repeat: int) -> list[tuple[str, float, int]]:
    """(query file, median milliseconds, rows) for every query of queries/, with its defaults and typical_params."""
    from kg.graphfile import open_graph
    from kg.query import bindings, execute, load_query

    dataset = open_graph(store_dir=str(store))
    typical = typical_params(dataset)
    print(f"parameters: each query's defaults, and where it has them {typical}")
    out = []
    for path in sorted((ROOT / "queries").glob("*.rq")):
        query = load_query(str(path))
        values = bindings(query, {k: v for k, v in typical.items() if k in query.params})
        times, rows = [], 0
        for _ in range(repeat):
            start = time.perf_counter()
            result = execute(dataset, query, values)
            rows = int(result) if isinstance(result, bool) else sum(1 for _ in result)
            times.append((time.perf_counter() - start) * 1000)
        out.append((path.name, statistics.median(times), rows))
    return out


def directory_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", default="10000", help="corpus sizes, comma-separated (default 10000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=7, help="runs of each query (the median is printed)")
    parser.add_argument("--work", type=Path, default=ROOT / "bench" / "work", help="where corpora and stores go")
    parser.add_argument("--no-word-tokenize", action="store_true", help="skip the reference timing")
    args = parser.parse_args()
    sizes = [int(n) for n in args.reports.split(",")]
    args.work.mkdir(parents=True, exist_ok=True)
    verdicts: list[tuple[str, bool]] = []
    peaks: list[tuple[int, int]] = []
    for n in sizes:
        folder = generate(n, args.seed, args.work)
        store, nquads, floor_store = (args.work / f"{kind}-{n}-seed{args.seed}" for kind in ("store", "out", "floor"))
        nquads = nquads.with_suffix(".nq")
        for old in (store, nquads, floor_store):
            subprocess.run(["rm", "-rf", str(old)], check=True)
        print(f"== {n} reports, --workers {args.workers}")
        chars = sum(len(t) for t in texts(folder))
        print(f"characters: {chars:,}   reports: {n:,}")
        to_file = build(folder, ["-o", str(nquads)], args.workers)
        report_build("build to N-Quads", to_file, chars, n)
        into_store = build(folder, ["--store", str(store)], args.workers)
        report_build("build into a store", into_store, chars, n)
        load = bulk_load(nquads, floor_store)
        print(f"Oxigraph bulk load of the N-Quads: {load['wall']:.1f} s wall, {load['cpu']:.1f} CPU-s; "
              f"peak memory {load['peak'] / 2**20:,.0f} MiB")
        floor = to_file["cpu"] + load["cpu"]
        over = into_store["cpu"] / floor
        print(f"store build / its floor (N-Quads build + bulk load, {floor:.1f} CPU-s) = {over:.2f} "
              f"(target <= {TARGET_OVER_FLOOR:.2f})")
        verdicts.append((f"{n}: build into a store within {TARGET_OVER_FLOOR - 1:.0%} of its floor",
                         over <= TARGET_OVER_FLOOR))
        subprocess.run(["rm", "-rf", str(floor_store)], check=True)
        from pyoxigraph import Store

        triples = len(Store.read_only(str(store)))
        print(f"store: {directory_size(store) / 2**20:,.0f} MiB, {triples:,} quads")
        peaks.append((n, into_store["peak"]))
        if not args.no_word_tokenize:
            wt_chars, wt_cpu = word_tokenize_seconds(folder)
            per_cpu = wt_chars / wt_cpu
            file_ratio, store_ratio = chars / to_file["cpu"] / per_cpu, chars / into_store["cpu"] / per_cpu
            print(f"underthesea word_tokenize: {per_cpu:,.0f} chars per CPU-second; per CPU-second the build to "
                  f"N-Quads reads {file_ratio:.2f}x as much (target >= {TARGET_RATIO}x), the build into a store "
                  f"{store_ratio:.2f}x")
            verdicts.append((f"{n}: build to a file >= {TARGET_RATIO}x word_tokenize per CPU-second",
                             file_ratio >= TARGET_RATIO))
        timings = time_queries(store, args.repeat)
        width = max(len(name) for name, _, _ in timings)
        for name, ms, rows in timings:
            print(f"  {name:<{width}}  {ms:8.1f} ms  {rows:6d} rows")
        if triples >= TARGET_TRIPLES:
            slowest = max(ms for _, ms, _ in timings)
            verdicts.append((f"{n}: every query < {TARGET_QUERY_MS:.0f} ms median on {triples:,} quads",
                             slowest < TARGET_QUERY_MS))
    if len(peaks) > 1:
        (small, low), (large, high) = peaks[0], peaks[-1]
        verdicts.append(((f"peak memory {low / 2**20:,.0f} MiB at {small:,} reports, {high / 2**20:,.0f} MiB at "
                          f"{large:,}: flat (x{high / low:.2f} <= x{FLAT_MEMORY})"), high / low <= FLAT_MEMORY))
    print("== targets")
    for text, ok in verdicts:
        print(f"{'PASS' if ok else 'FAIL'}  {text}")
    return 0 if all(ok for _, ok in verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
