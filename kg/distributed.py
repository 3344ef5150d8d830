"""`kg build --dask`: extraction on a Dask cluster, each task writing an N-Quads shard, merged in input order.

This machine reads the reports (as a plain build does, skipping those a store
holds unchanged) and sends them in batches to the cluster's workers. Each worker
extracts its batch and writes the batch's graphs as one N-Quads shard, atomically,
into a folder both can reach. Shards are merged in input order: a store
bulk-loads each one, an output file gets each report as a plain build writes it,
so the result is the same as a plain build's.
"""
from __future__ import annotations

import contextlib
import logging
import shutil
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from . import rdf
from .build import Sink, Summary, Tally, batches, convert_batch, deliver, read_sources
from .output import write_atomic
from .read import Failure
from .records import SourceReport
from .store import SHARDS, StoreSink, extractor_version

SHARD_SIZE = 32  # reports per task, and so per shard
WINDOW = 2  # tasks in flight per worker: bounds the memory of this machine and of the shard folder
_GAZETTEER = f"<{rdf.GAZETTEER_GRAPH}>"


class ClusterError(Exception):
    """The cluster cannot be used (unreachable, another kg on its workers, a shard not written); says why."""


def write_shard(batch: list[SourceReport | Failure], path: str) -> list[tuple[str, list[str]] | Failure]:
    """On a worker: extract the batch, write its reports' quads to `path` in one go.

    Returns, per report, its graph and gazetteer lines (or its Failure): the shard holds the rest.
    """
    results = convert_batch(batch)
    built = [r for r in results if not isinstance(r, Failure)]
    write_atomic(path, b"".join(r.nquads + "".join(f"{line}\n" for line in r.gazetteer).encode("utf-8") for r in built))
    return [r if isinstance(r, Failure) else (r.graph, r.gazetteer) for r in results]


def build_on_cluster(paths: Iterable[str | Path], sinks: Sequence[Sink], address: str, *, workers: int = 1,
                     shard_dir: str | Path | None = None, skip: Callable[[SourceReport], bool] | None = None,
                     progress: Callable[[list[Path]], Iterable[Path]] | None = None) -> Summary:
    """As kg.build.build, extracting on the Dask cluster at `address` ('local': start `workers` processes here).

    Shards go to `shard_dir` (default: inside the store, else a temporary folder beside the output file).
    """
    store = next((sink for sink in sinks if isinstance(sink, StoreSink)), None)
    others = [sink for sink in sinks if sink is not store]
    folder, temporary = _shard_folder(shard_dir, store, others)
    summary, tally = Summary(), Tally()
    try:
        with _client(address, workers) as client:
            window = WINDOW * max(1, len(client.scheduler_info()["workers"]))
            in_flight: deque = deque()
            sources = read_sources(paths, summary, skip, progress)
            for n, batch in enumerate(batches(sources, SHARD_SIZE)):
                shard = folder / f"shard-{n:06d}.nq"
                in_flight.append((shard, client.submit(write_shard, batch, str(shard), pure=False)))
                if len(in_flight) >= window:
                    _merge(*_result(*in_flight.popleft()), summary, tally, store, others)
            while in_flight:
                _merge(*_result(*in_flight.popleft()), summary, tally, store, others)
    finally:
        if temporary:
            shutil.rmtree(folder, ignore_errors=True)
    tally.fill(summary)
    return summary


def _shard_folder(shard_dir, store: StoreSink | None, others: list[Sink]) -> tuple[Path, bool]:
    """Where shards go, and whether the folder is ours to delete at the end."""
    if shard_dir is not None:
        folder = Path(shard_dir)
    elif store is not None:
        folder = store.store.path / SHARDS
    else:
        beside = next((sink.path.parent for sink in others if hasattr(sink, "path")), Path.cwd())
        return Path(tempfile.mkdtemp(prefix=".kg-shards-", dir=beside)), True
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ClusterError(f"{folder}: cannot make the shard folder: {err.strerror or err}") from err
    return folder, False


@contextlib.contextmanager
def _client(address: str, workers: int) -> Iterator:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as err:
        raise ClusterError("--dask needs Dask: pip install 'vnpol-kg[dask]'") from err
    if address == "local":
        logging.getLogger("distributed").setLevel(logging.ERROR)  # its start and stop chatter is not the build's
        with (LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                           silence_logs=logging.ERROR) as cluster, Client(cluster) as client):
            yield client
        return
    try:
        client = Client(address, timeout="10s")
    except Exception as err:  # Dask raises OSError, TimeoutError or ValueError
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {err}") from err
    with client:
        _check_workers(client, address)
        yield client


def _check_workers(client, address: str) -> None:
    """Every worker must run this kg: the store records this machine's extractor version."""
    try:
        versions = client.run(extractor_version)
    except Exception as err:  # whatever a worker raised, e.g. ModuleNotFoundError
        raise ClusterError(f"the workers at {address} cannot run kg ({err!r}): install vnpol-kg on them") from err
    mine = extractor_version()
    other = {worker: version for worker, version in versions.items() if version != mine}
    if other:
        raise ClusterError(f"workers {', '.join(sorted(other))} run another kg (extractor {', '.join(set(other.values()))}, "
                           f"here {mine}): install the same version everywhere")


def _result(shard: Path, future) -> tuple[Path, list]:
    try:
        return shard, future.result()
    except OSError as err:
        raise ClusterError(f"a worker could not write its shard {shard}: {err.strerror or err}") from err


def _merge(shard: Path, manifest: list, summary: Summary, tally: Tally, store: StoreSink | None,
           others: list[Sink]) -> None:
    """Hand a finished shard's reports to the sinks, in input order; the store takes the shard file itself."""
    reports = list(_read_shard(shard, manifest))
    for item in reports:
        deliver(item, summary, tally, others)
    built = [r for r in reports if not isinstance(r, Failure)]
    if store is not None and built:
        store.add_shard(shard, built)
    else:
        shard.unlink(missing_ok=True)


def _read_shard(shard: Path, manifest: list) -> Iterator[rdf.ReportQuads | Failure]:
    lines: dict[str, list[str]] = {}
    with shard.open(encoding="utf-8") as file:
        for line in file:
            graph = line.rsplit(" ", 2)[1]
            if graph != _GAZETTEER:
                lines.setdefault(graph[1:-1], []).append(line.rstrip("\n"))
    for item in manifest:
        if isinstance(item, Failure):
            yield item
        else:
            graph, gazetteer = item
            yield rdf.ReportQuads.of_lines(graph, lines.pop(graph), gazetteer)
