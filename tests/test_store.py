"""The on-disk store: incremental builds, removal, dump, --strict, and crashes (SIGKILL) at every step."""
from __future__ import annotations

import json
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pyoxigraph as ox
import pytest
from conftest import EXAMPLES, ROOT

from kg import rdf
from kg.build import build
from kg.cli import EXIT_NOTHING_BUILT, EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, main
from kg.store import LEDGER

GAZETTEER = str(rdf.GAZETTEER_GRAPH)
HA_GIANG = "https://w3id.org/vnpol/id/report/ha-giang-cong-van"
TRA_VINH = "Chiều 4/2/2020, Ban Dân vận Tỉnh ủy Trà Vinh tổ chức Hội nghị tổng kết công tác dân vận năm 2019.\n"


@pytest.fixture
def reports(tmp_path):
    """A copy of the example reports that a test may change."""
    return shutil.copytree(EXAMPLES / "reports", tmp_path / "reports")


def quads(path) -> set[str]:
    """A build file's quads, as N-Quads strings."""
    return {str(q) for q in ox.parse(path=str(path))}


def file_build(paths, out) -> set[str]:
    assert main(["build", *map(str, paths), "-o", str(out), "-q", "--workers", "1"]) in (EXIT_OK, EXIT_SOME_FAILED)
    return quads(out)


def store_build(paths, store, *extra) -> int:
    return main(["build", *map(str, paths), "--store", str(store), "-q", "--workers", "1", *extra])


def dumped(store, tmp_path) -> set[str]:
    out = tmp_path / "dump.nq"
    assert main(["dump", "--store", str(store), "-o", str(out), "-q"]) == EXIT_OK
    return quads(out)


def graph_of(lines: set[str], graph: str) -> set[str]:
    return {q for q in lines if q.endswith(f" <{graph}>")}


def test_a_store_holds_what_a_file_build_holds(examples_build, tmp_path):
    trig, _, _ = examples_build
    assert store_build([EXAMPLES / "reports"], tmp_path / "store") == EXIT_OK
    assert dumped(tmp_path / "store", tmp_path) == quads(trig)
    for suffix in (".ttl", ".nt"):  # the union formats are sorted: byte for byte the same file
        built, dump = tmp_path / f"built{suffix}", tmp_path / f"dump{suffix}"
        file_build([EXAMPLES / "reports"], built)
        assert main(["dump", "--store", str(tmp_path / "store"), "-o", str(dump), "-q"]) == EXIT_OK
        assert dump.read_bytes() == built.read_bytes()


def test_the_store_opens_read_only_and_holds_only_the_graphs(examples_build, tmp_path):
    trig, _, _ = examples_build
    store_build([EXAMPLES / "reports"], tmp_path / "store")
    store = ox.Store.read_only(str(tmp_path / "store"))
    graphs = {g.value for g in store.named_graphs()}
    assert graphs == {g.value for g in _graphs_of(trig)}
    assert not list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))  # the ledger is not RDF
    rows = store.query("SELECT ?id WHERE { ?r a <https://w3id.org/vnpol/ontology#Report> ; "
                       "<http://purl.org/dc/terms/identifier> ?id } ORDER BY ?id", use_default_graph_as_union=True)
    assert [r["id"].value for r in rows] == ["bdvtw-tong-ket-2022", "ha-giang-cong-van.txt", "lao-cai-so-ket",
                                             "ninh-thuan-hop-mat.txt", "tphcm-le-tuyen-duong.html"]


def _graphs_of(path) -> set[ox.NamedNode]:
    return {q.graph_name for q in ox.parse(path=str(path))}


def test_rebuilding_unchanged_reports_writes_nothing(tmp_path, capsys):
    store = tmp_path / "store"
    store_build([EXAMPLES / "reports"], store)
    before = dumped(store, tmp_path)
    ledger = sqlite3.connect(store / LEDGER).execute("SELECT graph, key FROM report ORDER BY graph").fetchall()
    capsys.readouterr()
    assert main(["build", str(EXAMPLES / "reports"), "--store", str(store), "--workers", "1"]) == EXIT_OK
    err = capsys.readouterr().err
    assert "reports read: 0, unchanged: 5" in err and "0 report(s) written, 5 unchanged" in err
    assert dumped(store, tmp_path) == before
    assert sqlite3.connect(store / LEDGER).execute("SELECT graph, key FROM report ORDER BY graph").fetchall() == ledger


def test_with_an_output_file_too_every_report_is_written_to_the_file(examples_build, tmp_path, capsys):
    trig, _, _ = examples_build
    store_build([EXAMPLES / "reports"], tmp_path / "store")
    capsys.readouterr()
    out = tmp_path / "again.trig"
    assert main(["build", str(EXAMPLES / "reports"), "--store", str(tmp_path / "store"), "-o", str(out),
                 "--workers", "1"]) == EXIT_OK
    assert out.read_bytes() == trig.read_bytes()
    assert "0 report(s) written, 5 unchanged" in capsys.readouterr().err


def test_a_changed_report_replaces_its_graph_leaving_nothing_stale(reports, tmp_path):
    store = tmp_path / "store"
    store_build([reports], store)
    old = dumped(store, tmp_path)
    (reports / "ha-giang-cong-van.txt").write_text(TRA_VINH, encoding="utf-8")
    records = [json.loads(line) for line in (reports / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    records[0]["title"] = "Sơ kết 5 năm (tiêu đề mới)"  # the same text, other metadata: rebuilt too
    (reports / "records.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                                           encoding="utf-8")
    assert store_build([reports], store) == EXIT_OK
    new = dumped(store, tmp_path)
    assert new == file_build([reports], tmp_path / "fresh.nq")
    assert graph_of(old, GAZETTEER) - graph_of(new, GAZETTEER)  # Hà Giang's bodies left the gazetteer graph
    assert graph_of(new, GAZETTEER) - graph_of(old, GAZETTEER)  # Trà Vinh's came in


def test_a_new_extractor_rebuilds_every_report(tmp_path, monkeypatch, capsys):
    store = tmp_path / "store"
    store_build([EXAMPLES / "reports"], store)
    monkeypatch.setattr("kg.store.extractor_version", lambda: "another-extractor")
    capsys.readouterr()
    assert main(["build", str(EXAMPLES / "reports"), "--store", str(store), "--workers", "1"]) == EXIT_OK
    assert "5 report(s) written, 0 unchanged" in capsys.readouterr().err
    versions = sqlite3.connect(store / LEDGER).execute("SELECT DISTINCT extractor FROM report").fetchall()
    assert versions == [("another-extractor",)]


def test_remove_drops_reports_by_identifier_or_stem(reports, tmp_path):
    store = tmp_path / "store"
    store_build([reports], store)
    assert main(["remove", "--store", str(store), "ninh-thuan-hop-mat.txt", "lao-cai-so-ket"]) == EXIT_OK
    (reports / "ninh-thuan-hop-mat.txt").unlink()
    lines = (reports / "records.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    (reports / "records.jsonl").write_text("".join(ln for ln in lines if '"lao-cai-so-ket"' not in ln), encoding="utf-8")
    assert dumped(store, tmp_path) == file_build([reports], tmp_path / "fresh.nq")
    assert main(["remove", "--store", str(store), "ha-giang-cong-van"]) == EXIT_OK  # by stem
    assert HA_GIANG not in {g.value for g in ox.Store.read_only(str(store)).named_graphs()}


def test_remove_of_an_unknown_report_removes_nothing(tmp_path, capsys):
    store = tmp_path / "store"
    store_build([EXAMPLES / "reports"], store)
    before = dumped(store, tmp_path)
    assert main(["remove", "--store", str(store), "ha-giang-cong-van.txt", "no-such-report"]) == EXIT_USAGE
    assert "no report named 'no-such-report'" in capsys.readouterr().err
    assert dumped(store, tmp_path) == before


def test_a_store_refuses_what_it_cannot_use(tmp_path, capsys):
    assert main(["dump", "--store", str(tmp_path / "none"), "-o", str(tmp_path / "x.trig")]) == EXIT_USAGE
    assert "no kg store here" in capsys.readouterr().err
    assert store_build([EXAMPLES / "reports"], EXAMPLES / "reports") == EXIT_USAGE  # a folder of other things
    assert "not a kg store" in capsys.readouterr().err
    store_build([EXAMPLES / "reports"], tmp_path / "store")
    hold = "import pyoxigraph, sys; s = pyoxigraph.Store(sys.argv[1]); print('open', flush=True); sys.stdin.read()"
    holder = subprocess.Popen([sys.executable, "-c", hold, str(tmp_path / "store")],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "open\n"
        assert store_build([EXAMPLES / "reports"], tmp_path / "store") == EXIT_USAGE
        assert "in use by another process" in capsys.readouterr().err
    finally:
        holder.communicate("")


def test_build_needs_an_output_or_a_store(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["build", str(EXAMPLES / "reports")])
    assert exit_.value.code == EXIT_USAGE
    assert "give -o FILE, --store DIR, or both" in capsys.readouterr().err


def test_strict_writes_nothing_to_the_store_when_a_report_fails(reports, tmp_path):
    store = tmp_path / "store"
    (reports / "empty.txt").write_text("   \n", encoding="utf-8")
    assert store_build([reports], store, "--strict") == EXIT_SOME_FAILED
    assert not store.exists()  # a new store is made beside its folder and moved there only when complete
    (reports / "empty.txt").unlink()
    store_build([reports], store)
    before = dumped(store, tmp_path)
    (reports / "ha-giang-cong-van.txt").write_text(TRA_VINH, encoding="utf-8")
    (reports / "empty.txt").write_text("", encoding="utf-8")
    assert store_build([reports], store, "--strict") == EXIT_SOME_FAILED
    assert dumped(store, tmp_path) == before
    assert store_build([tmp_path / "nothing-here.txt"], store) == EXIT_NOTHING_BUILT


class _Collect:
    def __init__(self):
        self.reports: dict[str, rdf.ReportQuads] = {}

    def add(self, report):
        self.reports[report.graph] = report


def built(paths) -> dict[str, rdf.ReportQuads]:
    sink = _Collect()
    build(paths, [sink])
    return sink.reports


def assert_whole(store_dir, *versions: dict[str, rdf.ReportQuads]) -> None:
    """Each report graph in the store is exactly one version of it, and the gazetteer has what they need."""
    store = ox.Store.read_only(str(store_dir))
    held = {str(q) for q in store}
    needed: set[str] = set()
    for graph in {g.value for g in store.named_graphs()} - {GAZETTEER}:
        lines = graph_of(held, graph)
        match = [v[graph] for v in versions if graph in v and {ln[:-2] for ln in v[graph].lines} == lines]
        assert match, f"{graph} is not whole"
        needed |= {ln[:-2] for ln in match[0].gazetteer}
    assert needed <= graph_of(held, GAZETTEER)


CRASH_AT = """
import os, signal, sys
from kg import store
from kg.cli import main

point = sys.argv[1]


def kill(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)


def then_kill(method):
    def run(self, *args, **kwargs):
        method(self, *args, **kwargs)
        kill()
    return run


R = store.ReportStore
if point == "after-begin":
    R._drop_graphs = kill
elif point == "after-drop":
    R._drop_graphs = then_kill(R._drop_graphs)
elif point == "after-add":
    R._settle = kill
elif point == "after-settle":
    R._settle = then_kill(R._settle)
sys.exit(main(["build", *sys.argv[3:], "--store", sys.argv[2], "-q", "--workers", "1"]))
"""


@pytest.mark.parametrize("point", ["after-begin", "after-drop", "after-add", "after-settle"])
def test_a_build_killed_at_any_step_leaves_whole_reports_and_the_next_build_completes_it(reports, tmp_path, point):
    store = tmp_path / "store"
    store_build([reports], store)
    old = built([reports])
    (reports / "ha-giang-cong-van.txt").write_text(TRA_VINH, encoding="utf-8")
    shutil.copy(EXAMPLES / "reports" / "ninh-thuan-hop-mat.txt", reports / "a-new-one.txt")
    new = built([reports])
    run = subprocess.run([sys.executable, "-c", CRASH_AT, point, str(store), str(reports)], cwd=ROOT, check=False)
    assert run.returncode == -signal.SIGKILL
    assert_whole(store, old, new)
    assert store_build([reports], store) == EXIT_OK
    assert dumped(store, tmp_path) == file_build([reports], tmp_path / "fresh.nq")


def _being_written(store) -> set[str]:
    """The reports the ledger shows as being written (none while it cannot be read)."""
    try:
        with sqlite3.connect(store / LEDGER, timeout=0.1) as ledger:
            return {g for (g,) in ledger.execute("SELECT graph FROM report WHERE state = 'writing'")}
    except sqlite3.Error:
        return set()


def test_a_real_build_killed_at_several_moments_converges(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(20):
        for f in [*(EXAMPLES / "reports").glob("*.txt"), *(EXAMPLES / "reports").glob("*.html")]:
            shutil.copy(f, corpus / f"{n:02d}-{f.name}")
    fresh = built([corpus])
    store = tmp_path / "store"
    store_build([corpus / "00-ninh-thuan-hop-mat.txt"], store)  # an existing store is written in transactions
    command = [sys.executable, "-m", "kg.cli", "build", str(corpus), "--store", str(store), "-q", "--workers", "1"]
    for delay in (0.0, 0.005, 0.02):  # after a batch starts being written: within or just after its write
        left_over = _being_written(store)  # by the previous round's kill
        child = subprocess.Popen(command, cwd=ROOT)
        while child.poll() is None and _being_written(store) in (set(), left_over):
            time.sleep(0.001)
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        assert child.wait() == -signal.SIGKILL
        assert_whole(store, fresh)
    assert subprocess.run(command, cwd=ROOT, check=False).returncode == EXIT_OK
    assert dumped(store, tmp_path) == file_build([corpus], tmp_path / "fresh.nq")


def test_a_new_store_killed_mid_build_is_not_there_and_the_next_build_makes_it(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(20):
        for f in (EXAMPLES / "reports").glob("*.txt"):
            shutil.copy(f, corpus / f"{n:02d}-{f.name}")
    store = tmp_path / "store"
    command = [sys.executable, "-m", "kg.cli", "build", str(corpus), "--store", str(store), "-q", "--workers", "1"]
    for delay in (0.0, 0.3):
        child = subprocess.Popen(command, cwd=ROOT)
        while child.poll() is None and not (tmp_path / "store.building").exists():
            time.sleep(0.001)
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        assert child.wait() == -signal.SIGKILL
        assert not store.exists()
    assert subprocess.run(command, cwd=ROOT, check=False).returncode == EXIT_OK
    assert not (tmp_path / "store.building").exists()
    assert dumped(store, tmp_path) == file_build([corpus], tmp_path / "fresh.nq")


def test_the_ledger_records_each_reports_key_and_gazetteer_lines(tmp_path, examples_build):
    store_build([EXAMPLES / "reports"], tmp_path / "store")
    ledger = sqlite3.connect(tmp_path / "store" / LEDGER)
    rows = ledger.execute("SELECT identifier, state, length(key), extractor IS NOT NULL FROM report ORDER BY 1")
    assert rows.fetchall() == [(i, "built", 64, 1) for i in ("bdvtw-tong-ket-2022", "ha-giang-cong-van.txt",
                                                            "lao-cai-so-ket", "ninh-thuan-hop-mat.txt",
                                                            "tphcm-le-tuyen-duong.html")]
    gazetteer = ledger.execute("SELECT COUNT(DISTINCT line) FROM contribution").fetchone()[0]
    _, examples, _ = examples_build
    assert gazetteer == len(examples.graph(rdf.GAZETTEER_GRAPH))  # the gazetteer graph of the examples build

