"""The synthetic report generator (bench/generate.py): deterministic, the requested formats and sizes,
gold that says only what the text says, and reports that `kg build` reads."""
from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SHARED

sys.path.insert(0, str(ROOT))

from bench import vocab
from bench.generate import GenerateError, generate, reports
from kg.text import normalize

GENERATE = ROOT / "bench" / "generate.py"


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _text(report) -> str:
    """What a reader of the stored report sees, normalised as kg reads it."""
    if report.fmt == "jsonl":
        return normalize(json.loads(report.content)["text"])
    if report.fmt == "html":
        return normalize(html.unescape(report.content))
    return normalize(report.content)


@pytest.fixture(scope="module")
def sample():
    """Three hundred reports of seed 7, in memory (the generator streams them)."""
    return list(reports(300, seed=7))


def test_same_seed_same_bytes_in_another_process(tmp_path):
    generate(40, tmp_path / "a", seed=3, gold_dir=tmp_path / "a-gold")
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    done = subprocess.run([sys.executable, str(GENERATE), "40", str(tmp_path / "b"), "--seed", "3",
                           "--gold", str(tmp_path / "b-gold"), "-q"], env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert _files(tmp_path / "a-gold") == _files(tmp_path / "b-gold")


def test_another_seed_other_reports():
    one = [r.content for r in reports(10, seed=1)]
    two = [r.content for r in reports(10, seed=2)]
    assert all(a != b for a, b in zip(one, two))


def test_report_i_depends_only_on_seed_and_i():
    short = list(reports(15, seed=5))
    long = list(reports(35, seed=5))[:15]
    assert [(r.ident, r.fmt, r.content, r.gold) for r in short] == [(r.ident, r.fmt, r.content, r.gold) for r in long]


def test_count_and_formats(tmp_path):
    summary = generate(50, tmp_path / "out", seed=0, gold_dir=tmp_path / "gold")
    out = tmp_path / "out"
    names = sorted(p.name for p in out.iterdir())
    txt = [n for n in names if n.endswith(".txt")]
    html_pages = [n for n in names if n.endswith(".html")]
    records = [json.loads(line) for p in out.glob("*.jsonl") for line in p.read_text(encoding="utf-8").splitlines()]
    assert (len(txt), len(html_pages), len(records)) == (40, 5, 5)
    assert summary.reports == 50 and summary.formats == {"txt": 40, "html": 5, "jsonl": 5}
    assert summary.files == 46 and len(names) == 46
    stems = [n.rsplit(".", 1)[0] for n in txt + html_pages] + [r["id"] for r in records]
    assert sorted(stems) == [f"syn-{i:06d}" for i in range(50)]
    gold = sorted(p.name for p in (tmp_path / "gold").iterdir())
    assert gold == [f"syn-{i:06d}.json" for i in range(50)]
    docs = {json.loads((tmp_path / "gold" / g).read_text(encoding="utf-8"))["doc"] for g in gold}
    assert docs == set(txt + html_pages + [r["id"] for r in records])
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no partial folder left behind


def test_sizes_like_news_items(sample):
    sizes = sorted(len(_text(r)) for r in sample if r.fmt != "html")
    assert sizes[0] >= 1200 and sizes[-1] <= 16000
    assert 3300 <= sum(sizes) / len(sizes) <= 5000


def test_noise_of_real_pages(sample):
    raw = [r.content for r in sample]
    assert sum("uỷ" in t or "Uỷ" in t for t in raw) > 50  # new-style tone marks
    assert sum("ủy" in t for t in raw) > 50  # old style
    assert sum(t != normalize(t) and "\u0301" in t for t in raw) >= 2  # decomposed (NFD)
    assert sum("Ảnh:" in t or "(Ảnh" in t for t in raw) > 50  # photo captions
    assert sum(any(h in t for h in ("Tin liên quan", "Tin cùng chuyên mục", "Các tin khác")) for t in raw) > 10
    assert sum("Lượt xem" in t or "lượt xem" in t for t in raw) > 30  # counters
    assert sum("\u00a0" in t or "  " in t for t in raw) > 50  # stray white space


def test_gold_states_only_what_the_text_says(sample):
    for report in sample:
        text, gold = _text(report), report.gold
        officials = set(gold["officials"])
        assert gold["doc"].startswith(report.ident)
        for name in officials:
            assert normalize(name) in text, (report.ident, name)
        assert {p["person"] for p in gold["positions"]} == officials
        for p in gold["positions"]:
            assert p["body"] in gold["bodies"] and p["title"].endswith(p["body"].split(" ", 1)[-1]), (report.ident, p)
        for d in gold["directives"]:
            assert (d["symbol"] or d["number"]) in text, (report.ident, d)
        for e in gold["events"]:
            assert set(e["participants"]) <= officials, (report.ident, e)
        for a in gold["awards"]:
            for count in (a["collectives"], a["individuals"], a["total"]):
                assert count is None or str(count) in text, (report.ident, a)
        assert not officials & set(gold["optional"]["officials"])
        assert not set(gold["bodies"]) & set(gold["optional"]["bodies"])


def test_officials_recur_across_a_province_s_reports(sample):
    by_province: dict[str, dict[str, int]] = {}
    for report in sample:
        seen = by_province.setdefault(report.gold["jurisdiction"], {})
        for name in report.gold["officials"]:
            seen[name] = seen.get(name, 0) + 1
    recurring = sum(1 for names in by_province.values() for n in names.values() if n > 1)
    assert recurring >= 40


def test_kg_build_reads_them_and_the_scorer_agrees(tmp_path):
    out, gold = tmp_path / "reports", tmp_path / "gold"
    generate(30, out, seed=11, gold_dir=gold)
    stated = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold.iterdir())]

    graph = tmp_path / "syn.trig"
    built = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(out), "-o", str(graph), "-q"],
                           capture_output=True, text=True, cwd=ROOT, check=False)
    assert built.returncode == 0, built.stderr

    from kg.build import build_dataset

    _, summary = build_dataset([out])
    assert summary.reports == 30 and not summary.failures
    officials = {n for g in stated for n in g["officials"]}
    assert summary.counts["officials"] >= 0.9 * len(officials)
    assert summary.counts["directives"] >= 0.5 * len({(d["type"], d["number"]) for g in stated for d in g["directives"]})
    assert summary.counts["events"] >= 0.8 * sum(len(g["events"]) for g in stated)

    scored = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(gold), str(graph), "--json"],
                            capture_output=True, text=True, check=False)
    assert scored.returncode == 0, scored.stderr
    result = json.loads(scored.stdout)
    assert result["overall_f1"] >= 0.9, result


def test_cli_refuses_a_folder_with_files(tmp_path):
    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "keep.txt").write_text("mine", encoding="utf-8")
    done = subprocess.run([sys.executable, str(GENERATE), "5", str(taken)], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 2
    assert str(taken) in done.stderr and "Traceback" not in done.stderr
    assert [p.name for p in taken.iterdir()] == ["keep.txt"]


def test_bad_counts_and_gold_inside_the_reports(tmp_path):
    with pytest.raises(GenerateError, match="0 or more"):
        generate(-1, tmp_path / "out")
    with pytest.raises(GenerateError, match="must not be inside"):
        generate(3, tmp_path / "out", gold_dir=tmp_path / "out" / "gold")
    assert not (tmp_path / "out").exists()


def test_data_that_does_not_fit_the_project_tables_names_the_file(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(vocab.BENCH_DATA, data)
    posts = data / "posts.toml"
    posts.write_text(posts.read_text(encoding="utf-8").replace('body = "local/Sở Y tế"', 'body = "local/Sở Không Có"'),
                     encoding="utf-8")
    monkeypatch.setattr(vocab, "BENCH_DATA", data)
    vocab.load.cache_clear()
    try:
        with pytest.raises(vocab.VocabularyError, match="posts.toml.*Sở Không Có"):
            vocab.load()
    finally:
        vocab.load.cache_clear()
