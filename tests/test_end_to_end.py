"""Build the bundled examples end to end: formats, shapes, queries, scores."""
from __future__ import annotations

import shutil
import subprocess
import sys
from importlib.metadata import version

import pyoxigraph as ox
import pytest
from conftest import EXAMPLES, ROOT, SHARED
from rdflib import Dataset

from kg.cli import main
from kg.output import format_for

SCORER = SHARED / "eval" / "score.py"


def score(gold_dir, graph) -> dict:
    out = subprocess.run([sys.executable, str(SCORER), str(gold_dir), str(graph), "--json"],
                         capture_output=True, text=True, check=True)
    import json

    return json.loads(out.stdout)


def test_examples_build_every_report(examples_build):
    _, _, summary = examples_build
    assert summary.reports == 5 and summary.failures == []
    assert summary.counts["officials"] >= 14 and summary.counts["events"] == 4


@pytest.mark.parametrize("suffix", [".trig", ".nq"])
def test_workers_do_not_change_a_byte(tmp_path, suffix):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(4):  # 17 reports: several batches in flight, finishing out of order
        for f in [*(EXAMPLES / "reports").glob("*.txt"), *(EXAMPLES / "reports").glob("*.html")]:
            shutil.copy(f, corpus / f"{n}-{f.name}")
    shutil.copytree(SHARED / "corpus" / "seeds", corpus / "seeds")
    outputs = []
    for workers in ("1", "2", "3"):
        out = tmp_path / f"w{workers}{suffix}"
        assert main(["build", str(corpus), "-o", str(out), "-q", "--workers", workers]) == 0
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]
    store = tmp_path / "store"
    assert main(["build", str(corpus), "--store", str(store), "-q", "--workers", "2"]) == 0
    dump = tmp_path / "dump.nq"  # a dump lists the reports in IRI order, a build in input order
    assert main(["dump", "--store", str(store), "-o", str(dump), "-q"]) == 0
    assert main(["build", str(corpus), "-o", str(tmp_path / "one.nq"), "-q", "--workers", "1"]) == 0
    assert sorted(dump.read_text().splitlines()) == sorted((tmp_path / "one.nq").read_text().splitlines())


def test_examples_match_their_gold(examples_build):
    out, _, _ = examples_build
    result = score(EXAMPLES / "gold", out)
    assert result["overall_f1"] >= 0.95
    for key in ("officials", "positions", "bodies", "directives", "events", "awards"):
        assert result[key]["f1"] >= 0.9, key


@pytest.mark.parametrize("suffix,fmt", [(".trig", ox.RdfFormat.TRIG), (".nq", ox.RdfFormat.N_QUADS),
                                        (".ttl", ox.RdfFormat.TURTLE), (".nt", ox.RdfFormat.N_TRIPLES),
                                        (".jsonld", ox.RdfFormat.JSON_LD)])
def test_every_format_parses_and_is_byte_identical(tmp_path, suffix, fmt):
    a, b = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
    assert main(["build", str(EXAMPLES / "reports"), "-o", str(a), "-q"]) == 0
    assert main(["build", str(EXAMPLES / "reports"), "-o", str(b), "-q"]) == 0
    assert a.read_bytes() == b.read_bytes()
    store = ox.Store()
    store.load(path=str(a), format=fmt)
    assert len(store) > 1000
    ds = Dataset()
    ds.parse(a, format=format_for(a))
    assert len(ds) > 1000
    if shutil.which("rapper") and suffix != ".jsonld":
        syntax = {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".nt": "ntriples"}[suffix]
        run = subprocess.run(["rapper", "-c", "-i", syntax, str(a)], check=False, capture_output=True, text=True)
        assert run.returncode == 0, run.stderr


def test_one_named_graph_per_report_with_provenance(examples_build):
    _, ds, _ = examples_build
    rows = list(ds.query("""
        PREFIX vnpol: <https://w3id.org/vnpol/ontology#> PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?g ?id (COUNT(DISTINCT ?ev) AS ?n) WHERE { GRAPH ?g {
            ?r a vnpol:Report ; dcterms:identifier ?id .
            ?t a vnpol:Tenure ; vnpol:evidence ?ev . ?ev vnpol:text ?text ; vnpol:startOffset ?s ; dcterms:isPartOf ?r } }
        GROUP BY ?g ?id ORDER BY ?id"""))
    assert [str(r[1]) for r in rows] == ["bdvtw-tong-ket-2022", "ha-giang-cong-van.txt", "lao-cai-so-ket",
                                         "ninh-thuan-hop-mat.txt", "tphcm-le-tuyen-duong.html"]
    assert all(int(r[2]) >= 1 for r in rows)


def test_evidence_offsets_point_at_the_sentence(examples_build):
    _, ds, _ = examples_build
    text = (EXAMPLES / "reports" / "ninh-thuan-hop-mat.txt").read_text(encoding="utf-8")
    from kg.text import normalize

    text = normalize(text)
    rows = list(ds.query("""
        PREFIX vnpol: <https://w3id.org/vnpol/ontology#> PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?t ?s ?e WHERE { GRAPH ?g { ?r dcterms:identifier "ninh-thuan-hop-mat.txt" .
            ?ev dcterms:isPartOf ?r ; vnpol:text ?t ; vnpol:startOffset ?s ; vnpol:endOffset ?e } }"""))
    assert len(rows) > 5
    for t, s, e in rows:
        assert text[int(s):int(e)] == str(t)


def test_same_thing_same_iri_across_reports(examples_build):
    _, ds, _ = examples_build
    rows = list(ds.query("""
        PREFIX vnpol: <https://w3id.org/vnpol/ontology#>
        SELECT ?d (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?d a vnpol:Directive ; vnpol:symbol "25-NQ/TW" } }
        GROUP BY ?d"""))
    assert len(rows) == 1 and int(rows[0][1]) >= 2


def test_validate_passes_on_examples_and_fails_on_a_broken_graph(examples_build, tmp_path, capsys):
    out, _, _ = examples_build
    assert main(["validate", str(out)]) == 0
    broken = tmp_path / "broken.ttl"
    broken.write_text('@prefix vnpol: <https://w3id.org/vnpol/ontology#> .\n'
                      '<https://w3id.org/vnpol/id/post/x> a vnpol:Post .\n', encoding="utf-8")
    assert main(["validate", str(broken)]) == 4
    assert "Violation" in capsys.readouterr().out


@pytest.mark.parametrize("argv, text, message", [
    (["missing.trig"], None, "missing.trig: no such file"),
    (["./bad.ttl"], "<urn:a> <urn:b> .\n", "./bad.ttl: not valid ttl: Parser error at line 1 column 17: "),
    (["bad.jsonld"], '{"@id": ', "bad.jsonld: not valid jsonld: Parser error at line 1 column 9: "),
    (["bad.nq"], "garbage\n", "bad.nq: not valid nq: Parser error at line 1 "),
    (["out.rdf"], "", "out.rdf: unknown format (use one of .trig, .nq, .ttl, .nt, .jsonld)"),
    (["sub"], None, "sub: a folder, not a build file"),
    (["EXAMPLES", "--shapes", "shapes.txt"], "", "shapes.txt: unknown format"),
])
def test_validate_names_what_it_cannot_read_in_one_line(examples_build, tmp_path, monkeypatch, capsys, argv, text,
                                                        message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    if text is not None:
        (tmp_path / argv[-1]).write_text(text, encoding="utf-8")
    argv = [str(examples_build[0]) if arg == "EXAMPLES" else arg for arg in argv]
    assert main(["validate", *argv]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"kg validate: {message}") and err.count("\n") == 1


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0 and capsys.readouterr().out == f"kg {version('vnpol-kg')}\n"


def test_seeds_score_above_the_thresholds(tmp_path):
    out = tmp_path / "seeds.trig"
    assert main(["build", str(SHARED / "corpus" / "seeds"), "-o", str(out), "-q"]) == 0
    assert main(["validate", str(out)]) == 0
    result = score(SHARED / "gold" / "seeds", out)
    assert result["overall_f1"] >= 0.85
    for key in ("officials", "positions", "bodies", "directives", "events"):
        assert result[key]["f1"] >= 0.75, key
    for key in ("directive.symbol", "directive.date", "directive.issuer", "event.organizer", "award.giver"):
        assert result[key]["acc"] >= 0.8, key


def test_cli_help_for_every_subcommand():
    commands = ("build", "validate", "query", "queries", "table", "viz", "stats", "export", "remove", "dump", "serve")
    for args in (["--help"], *([command, "--help"] for command in commands)):
        run = subprocess.run([sys.executable, "-m", "kg.cli", *args], check=False, capture_output=True, text=True,
                             cwd=ROOT)
        assert run.returncode == 0 and "usage" in run.stdout
