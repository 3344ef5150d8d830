"""A `kg build` killed with SIGKILL at any moment leaves the old output or the new one, never part of one."""
from __future__ import annotations

import fcntl
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import EXAMPLES, ROOT

COPIES = 40  # of each example file: 120 reports, a build of about two seconds on two cores
OX_FORMATS = {".trig": ox.RdfFormat.TRIG, ".ttl": ox.RdfFormat.TURTLE}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Copies of the example files under different names (the JSON Lines file would repeat its ids)."""
    folder = tmp_path_factory.mktemp("atomic") / "reports"
    folder.mkdir()
    for report in sorted((EXAMPLES / "reports").iterdir()):
        if report.suffix != ".jsonl":
            for n in range(COPIES):
                shutil.copy(report, folder / f"{report.stem}-{n:03d}{report.suffix}")
    return folder


def run(paths: list[Path], out: Path, stop: Callable[[], bool] = lambda: False) -> bool:
    """`kg build paths -o out` in its own process group, killed (SIGKILL, workers too) once `stop()` is true.

    True if it was killed, False if it had finished."""
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", *map(str, paths), "-o", str(out), "-q"],
                            cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while proc.poll() is None and not stop():
        time.sleep(0.005)
    killed = proc.poll() is None
    if killed:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    return killed


def after(seconds: float) -> Callable[[], bool]:
    start = time.monotonic()
    return lambda: time.monotonic() - start >= seconds


def temporary_holds(out: Path, size: int) -> Callable[[], bool]:
    """True once a temporary file beside `out` (.out.trig.*) holds `size` bytes."""
    def check() -> bool:
        for tmp in out.parent.glob(f".{out.name}*"):
            try:
                if tmp.stat().st_size >= size:
                    return True
            except FileNotFoundError:  # renamed or removed between glob and stat
                continue
        return False
    return check


@pytest.mark.parametrize("suffix", [".trig", ".ttl"])  # streamed per report; the union written at the end
def test_killed_build_leaves_old_or_new_output(tmp_path, corpus, suffix):
    out = tmp_path / "out" / f"graph{suffix}"
    out.parent.mkdir()
    assert not run(sorted(corpus.iterdir())[:2], out)
    old = out.read_bytes()
    started = time.monotonic()
    assert not run([corpus], out)
    new, duration = out.read_bytes(), time.monotonic() - started
    assert old != new and len(list(ox.parse(new, format=OX_FORMATS[suffix]))) > len(list(ox.parse(old, format=OX_FORMATS[suffix])))

    moments = [after(0.2 * duration), after(0.6 * duration), temporary_holds(out, 1),
               temporary_holds(out, len(new) // 2), temporary_holds(out, len(new))]
    outcomes = []
    for stop in moments:
        out.write_bytes(old)
        killed = run([corpus], out, stop)
        left = out.read_bytes()
        assert left in (old, new)
        outcomes.append((killed, left == new))
    assert outcomes[0] == (True, False)  # the first kill, early on, did interrupt a build


def test_a_build_removes_the_temporary_files_of_killed_builds_of_its_output_and_only_those(tmp_path, corpus):
    out = tmp_path / "graph.trig"
    assert run([corpus], out, temporary_holds(out, 1))
    [first] = tmp_path.glob(".graph.trig.*.tmp")
    assert run([corpus], out, lambda: any(tmp != first for tmp in tmp_path.glob(".graph.trig.*.tmp")))
    [second] = tmp_path.glob(".graph.trig.*.tmp")  # the second build removed what the first left
    assert second != first
    another_output = tmp_path / ".graph.trig.nq.abcd1234.tmp"
    another_output.write_bytes(b"another output's")
    running = tmp_path / ".graph.trig.held1234.tmp"  # locked, as a build that is running holds its own
    running.write_bytes(b"a running build's")
    with open(running, "rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        assert not run(sorted(corpus.iterdir())[:2], out)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([another_output.name, running.name, out.name])
