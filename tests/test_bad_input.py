"""Bad input through `kg build`: each bad file sits beside a good report; the good one is built, the bad one named.

The bad files are written by the functions below into tmp_path; the only committed one is
tests/data/bad/vni.txt, a VNI sample encoded by hand (so it checks kg/data/vni.tsv, not itself).
"""
from __future__ import annotations

import ctypes
import json
import os
import re
import shutil
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import EXAMPLES, ROOT
from rdflib import DCTERMS, RDFS, Dataset, Literal

from kg.build import build_dataset
from kg.cli import EXIT_OK, EXIT_SOME_FAILED, main
from kg.output import format_for
from kg.rdf import VNPOL, person_iri, report_iri
from kg.sentences import MAX_SENTENCE
from kg.text import HIDDEN

BAD = Path(__file__).parent / "data" / "bad"
GOOD = EXAMPLES / "reports" / "ninh-thuan-hop-mat.txt"
OTHER = EXAMPLES / "reports" / "ha-giang-cong-van.txt"
GOOD_GRAPH, OTHER_GRAPH = f"<{report_iri('ninh-thuan-hop-mat')}>", f"<{report_iri('ha-giang-cong-van')}>"
LEAD = "Sáng 5/3/2021, Ban Dân vận Tỉnh ủy Cà Mau tổ chức Hội nghị sơ kết công tác dân vận. "
OFFICIAL = "Đồng chí Lê Văn An, Phó Bí thư Tỉnh ủy dự."
TONES = "\u0300\u0301\u0303\u0309\u0323"


def graphs(path: Path) -> dict[str, set[str]]:
    """Each named graph of a TriG file: its triples, in N-Triples form."""
    out: dict[str, set[str]] = {}
    for q in ox.parse(path=str(path), format=ox.RdfFormat.TRIG):
        out.setdefault(str(q.graph_name), set()).add(f"{q.subject} {q.predicate} {q.object}")
    return out


def build(folder: Path, capsys, *options: str) -> tuple[int, list[str], Path]:
    """`kg build folder -o out.trig`: the exit status, the stderr lines, the output path."""
    out = folder.parent / "out.trig"
    code = main(["build", str(folder), "-o", str(out), "-q", "--workers", "1", *options])
    return code, capsys.readouterr().err.splitlines(), out


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> dict[str, set[str]]:
    """The two good reports built on their own."""
    folder = tmp_path_factory.mktemp("reference") / "in"
    folder.mkdir()
    for report in (GOOD, OTHER):
        shutil.copy(report, folder)
    out = folder.parent / "out.trig"
    assert main(["build", str(folder), "-o", str(out), "-q", "--workers", "1"]) == EXIT_OK
    return graphs(out)


def assert_skipped(tmp_path: Path, capsys, reference, bad: Path, where: str, reason: str) -> dict[str, set[str]]:
    """The build names `where` with `reason`, exits 1 and still builds the good report; --strict writes nothing.

    Gives the graphs the first build wrote."""
    shutil.copy(GOOD, bad.parent)
    code, err, out = build(bad.parent, capsys)
    assert code == EXIT_SOME_FAILED
    assert err == [f"kg build: skipped {where}: {reason}"]
    built = graphs(out)
    assert built[GOOD_GRAPH] == reference[GOOD_GRAPH]

    out.write_bytes(b"the previous build\n")
    code, err, _ = build(bad.parent, capsys, "--strict")
    assert code == EXIT_SOME_FAILED
    assert err == [f"kg build: skipped {where}: {reason}", "kg build: --strict and 1 report(s) failed; nothing written"]
    assert out.read_bytes() == b"the previous build\n"
    assert sorted(p.name for p in out.parent.iterdir()) == ["in", "out.trig"]  # no temporary file left
    return built


def assert_read_as_good(tmp_path: Path, capsys, reference, data: bytes) -> None:
    """The good report re-encoded as `data` builds exactly the graph of the UTF-8 original, beside another report."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / GOOD.name).write_bytes(data)
    shutil.copy(OTHER, folder)
    code, err, out = build(folder, capsys)
    assert (code, err) == (EXIT_OK, [])
    built = graphs(out)
    assert built[GOOD_GRAPH] == reference[GOOD_GRAPH] and built[OTHER_GRAPH] == reference[OTHER_GRAPH]


def folder(tmp_path: Path) -> Path:
    f = tmp_path / "in"
    f.mkdir()
    return f


# Files that cannot be a report.

@pytest.mark.parametrize("data,reason", [
    (b"", "empty file"),
    (b" \n\t \r\n", "only white space, no text"),
    ("\u00a0\u3000\n\ufeff".encode(), "no text"),
    (bytes(range(256)) * 20, "binary data, not text"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(4000), "binary data, not text"),
], ids=["empty", "white-space", "unicode-spaces", "binary", "png"])
def test_file_without_text_is_named(tmp_path, capsys, reference, data, reason):
    bad = folder(tmp_path) / "bad.txt"
    bad.write_bytes(data)
    assert_skipped(tmp_path, capsys, reference, bad, str(bad), reason)


def test_truncated_utf16_is_named(tmp_path, capsys, reference):
    bad = folder(tmp_path) / "cut.txt"
    data = (LEAD * 10).encode("utf-16-le")[:-1]
    bad.write_bytes(data)
    assert_skipped(tmp_path, capsys, reference, bad, str(bad), f"not valid UTF-16-LE (truncated data at byte {len(data) - 1})")


def test_western_text_that_is_not_vietnamese_is_refused(tmp_path, capsys, reference):
    bad = folder(tmp_path) / "latin1.txt"
    bad.write_bytes(("Le président a réuni les élèves à Genève, où ils étaient déjà présents. " * 20).encode("cp1252"))
    shutil.copy(GOOD, bad.parent)
    code, err, out = build(bad.parent, capsys)
    assert code == EXIT_SOME_FAILED and len(err) == 1
    assert err[0].startswith(f"kg build: skipped {bad}: not UTF-8; read as ")
    assert err[0].endswith(" it has no Vietnamese letters (a legacy font encoding such as TCVN3?): convert it to UTF-8")
    assert graphs(out)[GOOD_GRAPH] == reference[GOOD_GRAPH]


@pytest.mark.parametrize("page", [
    "<!DOCTYPE html><html><head><title>Ban Dân vận</title></head><body><nav><ul>"
    + "".join(f'<li><a href="/{n}">{n}</a></li>' for n in ("Trang chủ", "Giới thiệu", "Tin hoạt động"))
    + '</ul></nav><div class="menu"><a href="/lien-he">Liên hệ</a></div>'
      "<footer>Bản quyền thuộc Ban Dân vận Tỉnh ủy Cà Mau.</footer><script>var x = 1;</script></body></html>",
    '<html><body><nav><a href="/">Trang chủ</a> <a href="/gioi-thieu">Giới thiệu</a></nav></body></html>',
], ids=["menus-footer-script", "two-links"])
def test_html_page_that_is_only_navigation_is_named(tmp_path, capsys, reference, page):
    bad = folder(tmp_path) / "menu.html"
    bad.write_text(page, encoding="utf-8")
    assert_skipped(tmp_path, capsys, reference, bad, str(bad), "an HTML page with no article text (only menus, links or scripts)")


def test_html_nested_deeper_than_the_parser_reads_is_named_so(tmp_path, capsys, reference):
    bad = folder(tmp_path) / "deep.html"
    bad.write_text(f"<html><body>{'<div>' * 300}<p>{LEAD * 3}</p>{'</div>' * 300}</body></html>", encoding="utf-8")
    assert_skipped(tmp_path, capsys, reference, bad, str(bad), "an HTML page nested more than 255 elements deep, "
                   "deeper than the HTML parser reads (save the article's text as .txt)")


def test_a_50_mb_report_is_refused_at_once(tmp_path, capsys, reference):
    bad = folder(tmp_path) / "huge.txt"
    text = GOOD.read_text(encoding="utf-8")
    with bad.open("w", encoding="utf-8") as f:
        for _ in range(50 * 1024 * 1024 // len(text.encode("utf-8")) + 1):
            f.write(text)
    started = time.monotonic()
    assert_skipped(tmp_path, capsys, reference, bad, str(bad),
                   "50 MB, more than the 20 MB one report may have (split it, or give one report per line of a .jsonl file)")
    assert time.monotonic() - started < 20


def test_a_path_that_is_not_a_report_file_is_named_when_given(tmp_path, capsys, reference):
    bad = folder(tmp_path) / "notes.pdf"
    bad.write_bytes(b"%PDF-1.4")
    device = bad.parent / "zero.txt"
    device.symlink_to("/dev/zero")  # endless: it must not be read
    shutil.copy(GOOD, bad.parent)
    out = tmp_path / "out.trig"
    code = main(["build", str(bad.parent / GOOD.name), str(bad), str(device), str(tmp_path / "missing.txt"),
                 "-o", str(out), "-q", "--workers", "1"])
    assert code == EXIT_SOME_FAILED
    assert capsys.readouterr().err.splitlines() == [
        f"kg build: skipped {bad}: not a report (expected .txt, .html, .htm, .jsonl)",
        f"kg build: skipped {device}: not a regular file",
        f"kg build: skipped {tmp_path / 'missing.txt'}: no such file or folder"]
    assert graphs(out)[GOOD_GRAPH] == reference[GOOD_GRAPH]


def test_a_file_name_that_is_not_utf8_is_named(tmp_path):
    """Run as a process: the name cannot be printed to pytest's captured stderr, which is strict UTF-8."""
    bad = Path(os.fsdecode(bytes(folder(tmp_path)) + b"/b\xe1o-c\xe1o.txt"))
    bad.write_text(LEAD, encoding="utf-8")
    shutil.copy(GOOD, bad.parent)
    run = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(bad.parent), "-o", str(tmp_path / "out.trig"),
                          "-q", "--workers", "1"], capture_output=True, cwd=ROOT, check=False)
    assert run.returncode == EXIT_SOME_FAILED
    assert run.stderr.splitlines() == [b"kg build: skipped " + bytes(tmp_path) + b"/in/b\\udce1o-c\\udce1o.txt: "
                                       b"the file's name is not valid UTF-8 (it names the report): rename it"]
    assert GOOD_GRAPH in graphs(tmp_path / "out.trig")


# Paths that cannot be read, and names a terminal would act on.

def _without_root_override() -> None:
    """In a child process: give up root's power to read any folder, so that mode 000 stops it too."""
    if os.geteuid() == 0:
        libc = ctypes.CDLL(None, use_errno=True)
        for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
            if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP, for the program it runs next
                raise OSError(ctypes.get_errno(), "cannot drop a capability")


def test_an_unreadable_or_missing_folder_is_named(tmp_path, reference):
    reports = folder(tmp_path)
    shutil.copy(GOOD, reports)
    locked = reports / "locked"
    locked.mkdir()
    shutil.copy(OTHER, locked)
    locked.chmod(0)
    out = tmp_path / "out.trig"
    try:
        run = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(reports), str(tmp_path / "gone"), "-o",
                              str(out), "-q", "--workers", "1"], capture_output=True, text=True, cwd=ROOT,
                             preexec_fn=_without_root_override, check=False)
    finally:
        locked.chmod(0o755)
    assert run.returncode == EXIT_SOME_FAILED
    assert run.stderr.splitlines() == [f"kg build: skipped {tmp_path / 'gone'}: no such file or folder",
                                       f"kg build: skipped {locked}: cannot read the folder: Permission denied"]
    assert graphs(out).keys() >= {GOOD_GRAPH} and OTHER_GRAPH not in graphs(out)


def test_symbolic_link_loops_are_named_and_a_folder_linked_twice_is_read_once(tmp_path, capsys, reference):
    reports = folder(tmp_path)
    shutil.copy(GOOD, reports)
    (reports / "back").symlink_to(reports)  # to the folder it is in
    (reports / "a.txt").symlink_to(reports / "b.txt")  # to each other
    (reports / "b.txt").symlink_to(reports / "a.txt")
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(OTHER, other)
    (reports / "linked").symlink_to(other)
    (reports / "again").symlink_to(other)
    out = tmp_path / "out.trig"
    code = main(["build", str(reports), str(reports / "a.txt"), "-o", str(out), "-q", "--workers", "1"])
    assert code == EXIT_SOME_FAILED
    assert capsys.readouterr().err.splitlines() == [
        f"kg build: skipped {reports / 'a.txt'}: a symbolic link loop",
        f"kg build: skipped {reports / 'b.txt'}: a symbolic link loop",
        f"kg build: skipped {reports / 'back'}: a symbolic link loop: it leads back to a folder it is in"]
    assert graphs(out)[OTHER_GRAPH] == reference[OTHER_GRAPH]  # read once, through "again"


def test_names_with_newlines_escapes_and_bidi_marks_are_printed_escaped(tmp_path, capsys, reference):
    reports = folder(tmp_path)
    names = {"x\nreports read: 99, failed: 0.txt": "x\\nreports read: 99, failed: 0.txt",
             "\x1b[2Jwiped.txt": "\\x1b[2Jwiped.txt", "\u202etxt.exe.txt": "\\u202etxt.exe.txt"}
    for name in names:
        (reports / name).write_text(LEAD, encoding="utf-8")
    shutil.copy(GOOD, reports)
    code, err, _ = build(reports, capsys)
    reason = ("the file's name holds control characters or invisible or direction-changing marks (it names the "
              "report): rename it")
    assert code == EXIT_SOME_FAILED
    assert err == [f"kg build: skipped {reports}/{names[name]}: {reason}" for name in sorted(names)]


def test_direction_and_invisible_marks_never_reach_the_graph(tmp_path):
    marks = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u061c"
    record = {"id": "marks", "title": "Hội nghị\u202e sơ kết\u2067", "text": LEAD + marks + " " + OFFICIAL + "\u202e"}
    (tmp_path / "r.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    ds, summary = build_dataset([tmp_path])
    literals = [str(o) for _, _, o, _ in ds.quads() if isinstance(o, Literal)]
    assert summary.counts["officials"] == 1 and "Hội nghị  sơ kết" in literals
    assert not [text for text in literals if HIDDEN.search(text)]


# JSON Lines: a bad record fails alone, the records around it are built.

GOOD_RECORD = json.dumps({"id": "good-record", "text": LEAD + OFFICIAL}, ensure_ascii=False)


HIDDEN_ID = "holds control characters, invisible or direction-changing marks, or lone surrogates"


@pytest.mark.parametrize("line,reason", [
    ('{"id": "x", "text": "broken', "not valid JSON (Unterminated string starting at column 21)"),
    ('{"id": "x" "text": "a"}', "not valid JSON (Expecting ',' delimiter at column 12)"),
    ('["id", "text"]', "a record must be a JSON object"),
    ('{"text": "Hội nghị."}', 'no "id"'),
    ('{"id": "", "text": "Hội nghị."}', '"id" must be a non-empty string or a number, not ""'),
    ('{"id": "   ", "text": "Hội nghị."}', '"id" must be a non-empty string or a number, not "   "'),
    ('{"id": null, "text": "Hội nghị."}', 'no "id"'),
    ('{"id": true, "text": "Hội nghị."}', '"id" must be a non-empty string or a number, not true'),
    ('{"id": {"a": 1}, "text": "Hội nghị."}', '"id" must be a non-empty string or a number, not {"a": 1}'),
    ('{"id": "a\\nb", "text": "Hội nghị."}', '"id" "a\\nb" ' + HIDDEN_ID),
    ('{"id": "a\\u202eb", "text": "Hội nghị."}', '"id" "a\\u202eb" ' + HIDDEN_ID),
    ('{"id": "' + "x" * 201 + '", "text": "Hội nghị."}',
     'an "id" of more than 200 characters (it names the report\'s graph and nodes)'),
    ('{"id": "good-record", "text": "Hội nghị lần hai."}', "duplicate id 'good-record'"),
    ('{"id": "x"}', 'no "text"'),
    ('{"id": "x", "text": ["Hội nghị."]}', '"text" must be a string'),
    ('{"id": "x", "text": "  \\n\\t "}', "no text"),
    ('{"id": "x", "text": ' + "[" * 100_000 + "]" * 100_000 + "}", "JSON nested too deeply"),
], ids=["unterminated", "missing-comma", "array", "no-id", "empty-id", "blank-id", "null-id", "bool-id", "object-id",
        "control-id", "bidi-id", "long-id", "duplicate-id", "no-text", "text-not-string", "blank-text", "deep"])
def test_bad_record_in_the_middle_is_named(tmp_path, capsys, reference, line, reason):
    bad = folder(tmp_path) / "records.jsonl"
    after = json.dumps({"id": "after", "text": LEAD}, ensure_ascii=False)
    bad.write_text(f"{GOOD_RECORD}\n{line}\n{after}\n", encoding="utf-8")
    built = assert_skipped(tmp_path, capsys, reference, bad, f"{bad}:2", reason)
    assert {f"<{report_iri('good-record')}>", f"<{report_iri('after')}>"} <= built.keys()


def test_record_that_is_not_utf8_is_named(tmp_path, capsys, reference):
    bad = folder(tmp_path) / "records.jsonl"
    bad.write_bytes(GOOD_RECORD.encode() + b"\n" + windows_1258('{"id": "x", "text": "Hội nghị"}') + b"\n")
    assert_skipped(tmp_path, capsys, reference, bad, f"{bad}:2", "not valid UTF-8 (JSON Lines must be UTF-8)")


def test_record_of_50_mb_is_skipped_without_reading_it_whole(tmp_path, capsys, reference):
    bad = folder(tmp_path) / "records.jsonl"
    with bad.open("w", encoding="utf-8") as f:
        f.write(GOOD_RECORD + '\n{"id": "huge", "text": "')
        for _ in range(50):
            f.write("Hội nghị sơ kết công tác dân vận. " * (1024 * 1024 // 40))
        f.write('"}\n' + json.dumps({"id": "after", "text": LEAD}, ensure_ascii=False) + "\n")
    started = time.monotonic()
    built = assert_skipped(tmp_path, capsys, reference, bad, f"{bad}:2", "a record of more than 20 MB")
    assert time.monotonic() - started < 30
    assert {f"<{report_iri('good-record')}>", f"<{report_iri('after')}>"} <= built.keys()


def test_empty_jsonl_is_named(tmp_path, capsys, reference):
    bad = folder(tmp_path) / "records.jsonl"
    bad.write_bytes(b"\n  \n")
    assert_skipped(tmp_path, capsys, reference, bad, str(bad), "no records (an empty file)")


def test_the_same_id_in_two_files_is_named(tmp_path, capsys, reference):
    bad = folder(tmp_path) / "more.jsonl"
    (bad.parent / "first.jsonl").write_text(GOOD_RECORD + "\n", encoding="utf-8")
    bad.write_text(GOOD_RECORD + "\n", encoding="utf-8")
    assert_skipped(tmp_path, capsys, reference, bad, "good-record",
                   "a report named 'good-record' would share its IRIs with 'good-record', read already; rename one")


@pytest.mark.parametrize("first,second", [("Báo cáo 1", "bao-cao-1"), ("A", "a")])
def test_ids_that_make_the_same_iris_are_named(tmp_path, capsys, reference, first, second):
    bad = folder(tmp_path) / "records.jsonl"
    bad.write_text("".join(json.dumps({"id": i, "text": LEAD}, ensure_ascii=False) + "\n" for i in (first, second)),
                   encoding="utf-8")
    assert_skipped(tmp_path, capsys, reference, bad, second,
                   f"a report named {second!r} would share its IRIs with {first!r}, read already; rename one")


def test_an_output_file_is_readable_by_others_as_the_umask_says(tmp_path, capsys, reference):
    f = folder(tmp_path)
    shutil.copy(GOOD, f)
    _, _, out = build(f, capsys)
    assert out.stat().st_mode & 0o777 == 0o666 & ~current_umask()


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# Encodings that are read: the report comes out exactly as from its UTF-8 original.

def windows_1258(text: str) -> bytes:
    """Windows-1258 has â, ê, ô, ơ, ư, ă, đ but no toned letters: a tone is a combining mark after the letter."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in TONES)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES)) + tones)
    return "".join(out).encode("cp1258")


def mixed_nfc_nfd(text: str) -> bytes:
    return "\n".join(unicodedata.normalize("NFD" if i % 2 else "NFC", line)
                     for i, line in enumerate(text.split("\n"))).encode("utf-8")


@pytest.mark.parametrize("encode", [
    lambda t: t.encode("utf-16-le"), lambda t: t.encode("utf-16-be"), lambda t: t.encode("utf-16"),
    lambda t: t.encode("utf-8-sig"), windows_1258, mixed_nfc_nfd, lambda t: unicodedata.normalize("NFD", t).encode(),
], ids=["utf16-le-no-bom", "utf16-be-no-bom", "utf16-bom", "utf8-bom", "windows-1258", "mixed-nfc-nfd", "nfd"])
def test_encoding_is_read_as_the_original(tmp_path, capsys, reference, encode):
    assert_read_as_good(tmp_path, capsys, reference, encode(GOOD.read_text(encoding="utf-8")))


VNI_SENTENCES = ("Sáng 5/3/2021, Ban Dân vận Tỉnh ủy Cà Mau tổ chức Hội nghị sơ kết công tác dân vận.",
                 "Đồng chí Lê Văn An, Phó Bí thư Tỉnh ủy dự.")  # what tests/data/bad/vni.txt says


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8"], ids=["vni-bytes", "vni-pasted-into-utf8"])
def test_vni_is_converted(tmp_path, capsys, reference, encoding):
    vni = folder(tmp_path) / "vni.txt"
    vni.write_bytes((BAD / "vni.txt").read_bytes().decode("cp1252").encode(encoding))
    shutil.copy(OTHER, vni.parent)
    code, err, out = build(vni.parent, capsys)
    assert (code, err) == (EXIT_OK, [])
    built = graphs(out)
    report = built[f"<{report_iri('vni')}>"]
    assert f'<{person_iri("Lê Văn An")}> <{RDFS.label}> "Lê Văn An"@vi' in report
    evidence = {t.split(f"<{VNPOL.text}> ")[1] for t in report if f"<{VNPOL.text}>" in t}
    assert evidence == {f'"{s}"' for s in VNI_SENTENCES}
    assert built[OTHER_GRAPH] == reference[OTHER_GRAPH]


# Huge and hostile text.

@pytest.mark.parametrize("unit,separator", [(" ".join(GOOD.read_text(encoding="utf-8").split()), " "), ("TP.HCM.", "")],
                         ids=["a-report-on-one-line", "no-space-many-periods"])
def test_a_5_mb_line_is_built_in_bounded_time(tmp_path, capsys, reference, unit, separator):
    line = folder(tmp_path) / "one-line.txt"
    line.write_text(separator.join([unit] * (5 * 1024 * 1024 // len(unit.encode()) + 1)), encoding="utf-8")
    shutil.copy(OTHER, line.parent)
    started = time.monotonic()
    code, err, out = build(line.parent, capsys)
    assert (code, err) == (EXIT_OK, [])
    assert time.monotonic() - started < 120
    built = graphs(out)
    report = built[f"<{report_iri('one-line')}>"]
    assert f'<{report_iri("one-line")}> <{DCTERMS.identifier}> "one-line.txt"' in report
    assert all(len(t) < MAX_SENTENCE + 200 for t in report if f"<{VNPOL.text}>" in t)  # evidence: capped sentences
    assert built[OTHER_GRAPH] == reference[OTHER_GRAPH]


HOSTILE = ('Chiều 6/3/2021, Ban Dân vận Tỉnh ủy Cà Mau tổ chức Hội nghị <script>alert("x")</script> tại "Hội trường > A" '
           '& B, {x}|^`\\ và """ba""" ngoặc "')  # an event's sentence: it is written out as evidence
HOSTILE_RECORD = {"id": 'x<y>"z {a}|^`\\', "title": "Tin <b>đậm</b> \"1\" > 2", "url": 'http://a.vn/x?"y"&z=<1> 2',
                  "text": HOSTILE + "\n" + OFFICIAL}
HOSTILE_FILE = 'báo cáo "<1>" {a}|^`\\.txt'


@pytest.mark.parametrize("suffix", [".trig", ".nq", ".ttl", ".nt", ".jsonld"])
def test_hostile_text_round_trips_in_every_format(tmp_path, capsys, suffix):
    f = folder(tmp_path)
    (f / "hostile.txt").write_text(HOSTILE + "\n" + OFFICIAL + "\n", encoding="utf-8")
    (f / "records.jsonl").write_text(json.dumps(HOSTILE_RECORD, ensure_ascii=False) + "\n", encoding="utf-8")
    (f / HOSTILE_FILE).write_text(OFFICIAL + "\n", encoding="utf-8")
    out = tmp_path / f"out{suffix}"
    assert main(["build", str(f), "-o", str(out), "-q", "--workers", "1"]) == EXIT_OK
    expected = {HOSTILE, HOSTILE_RECORD["id"], HOSTILE_RECORD["title"], HOSTILE_RECORD["url"], HOSTILE_FILE}

    store = ox.Store()
    store.load(path=str(out), format={".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS,
                                      ".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES,
                                      ".jsonld": ox.RdfFormat.JSON_LD}[suffix])
    oxigraph_literals = {q.object.value for q in store if isinstance(q.object, ox.Literal)}
    iris = {t.value for q in store for t in (q.subject, q.predicate, q.object, q.graph_name) if isinstance(t, ox.NamedNode)}
    assert not [iri for iri in iris if re.search(r'[\x00-\x20<>"{}|^`\\]', iri)]
    ds = Dataset()
    ds.parse(out, format=format_for(out))
    rdflib_literals = {str(o) for _, _, o, _ in ds.quads() if isinstance(o, Literal)}
    assert expected <= oxigraph_literals and expected <= rdflib_literals
    assert len(store) == len(list(ds.quads())) > 100
