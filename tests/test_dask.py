"""kg build --dask: extraction on a Dask cluster (a LocalCluster of 2 worker processes) gives a plain build's quads."""
from __future__ import annotations

import shutil

import pyoxigraph as ox
import pytest
from conftest import EXAMPLES

from kg.cli import EXIT_OK, EXIT_SOME_FAILED, main

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def scheduler():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def quads(path) -> set[str]:
    return {str(q) for q in ox.parse(path=str(path))}


def test_a_cluster_build_writes_the_same_file_as_a_plain_build(examples_build, scheduler, tmp_path):
    trig, _, _ = examples_build
    out = tmp_path / "cluster.trig"
    assert main(["build", str(EXAMPLES / "reports"), "-o", str(out), "--dask", scheduler, "-q"]) == EXIT_OK
    assert out.read_bytes() == trig.read_bytes()
    assert not list(tmp_path.glob(".kg-shards-*"))  # the shards are gone


def test_a_cluster_build_fills_a_store_by_bulk_loads_and_is_incremental(examples_build, scheduler, tmp_path, capsys):
    trig, _, _ = examples_build
    store, shards = tmp_path / "store", tmp_path / "shards"
    assert main(["build", str(EXAMPLES / "reports"), "--store", str(store), "--dask", scheduler,
                 "--shard-dir", str(shards)]) == EXIT_OK
    assert "5 report(s) written" in capsys.readouterr().err
    assert list(shards.iterdir()) == []  # every shard was loaded, then deleted
    assert main(["dump", "--store", str(store), "-o", str(tmp_path / "dump.nq"), "-q"]) == EXIT_OK
    assert quads(tmp_path / "dump.nq") == quads(trig)
    assert main(["build", str(EXAMPLES / "reports"), "--store", str(store), "--dask", scheduler]) == EXIT_OK
    assert "reports read: 0, unchanged: 5" in capsys.readouterr().err


def test_a_strict_cluster_build_with_a_failure_writes_nothing(scheduler, tmp_path):
    reports = shutil.copytree(EXAMPLES / "reports", tmp_path / "reports")
    (reports / "empty.txt").write_text("\n", encoding="utf-8")
    store = tmp_path / "store"
    assert main(["build", str(reports), "--store", str(store), "--dask", scheduler, "--strict", "-q"]) == EXIT_SOME_FAILED
    assert not store.exists()


def test_local_starts_a_cluster_here(examples_build, tmp_path):
    trig, _, _ = examples_build
    out = tmp_path / "local.nq"
    assert main(["build", str(EXAMPLES / "reports"), "-o", str(out), "--dask", "local", "--workers", "2", "-q"]) == EXIT_OK
    assert quads(out) == quads(trig)


def test_a_strict_cluster_build_of_changed_and_unchanged_reports_with_a_failure_keeps_the_store(scheduler, tmp_path):
    reports = shutil.copytree(EXAMPLES / "reports", tmp_path / "reports")
    store = tmp_path / "store"
    assert main(["build", str(reports), "--store", str(store), "--dask", scheduler, "-q"]) == EXIT_OK
    before = {str(q) for q in ox.Store.read_only(str(store))}
    (reports / "ha-giang-cong-van.txt").write_text("Sáng 5/3/2021, Ban Dân vận Tỉnh ủy Trà Vinh tổ chức Hội nghị.\n",
                                                   encoding="utf-8")
    (reports / "empty.txt").write_text("\n", encoding="utf-8")
    assert main(["build", str(reports), "--store", str(store), "-o", str(tmp_path / "out.trig"), "--dask", scheduler,
                 "--strict", "-q"]) == EXIT_SOME_FAILED
    assert {str(q) for q in ox.Store.read_only(str(store))} == before
    assert not (tmp_path / "out.trig").exists()
