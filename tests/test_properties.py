"""Properties that hold for any input: the reader, the normaliser, VNI, the extractors, IRIs and every output format."""
from __future__ import annotations

import csv
import re
import tempfile
import unicodedata
from importlib import resources
from pathlib import Path

import pyoxigraph as ox
from conftest import EXAMPLES
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, URIRef
from test_bad_input import windows_1258

from kg import clean, rdf, sentences
from kg.build import extract_text
from kg.encoding import decode, from_vni
from kg.gazetteer import gazetteer
from kg.output import FORMATS, FileSink, format_for
from kg.read import Failure, read_all
from kg.records import SourceReport
from kg.text import normalize

FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
IRI = re.compile(r"[a-z][a-z0-9+.-]*:[^\x00-\x20<>\"{}|^`\\]*")  # absolute, nothing RFC 3987 forbids
OX_FORMATS = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS, "turtle": ox.RdfFormat.TURTLE,
              "nt": ox.RdfFormat.N_TRIPLES, "json-ld": ox.RdfFormat.JSON_LD}

# Text as reports write it, and as they break it.
VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
TRICKY = "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b\r\n\t\x00\x0b\x7f\u00a0\u200b\ufeff\u00ad\u2028<>\"'\\{}|^` .,;:()/-"
SPEECH = st.text(st.sampled_from(VIETNAMESE + VIETNAMESE.upper() + TRICKY + "0123456789qQoOaAeEuUyY"), max_size=60)
ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=80)  # every code point, lone surrogates too
SENTENCES = sorted({s.strip() for f in (EXAMPLES / "reports").glob("*.txt")
                    for s in re.split(r"(?<=[.;,:])\s+|\n+", f.read_text(encoding="utf-8")) if s.strip()})
REPORT_LIKE = st.lists(st.one_of(st.sampled_from(SENTENCES), SPEECH, ANY_TEXT.map(lambda t: t.replace("\x00", ""))),
                       min_size=1, max_size=12).map(" ".join)


@given(st.text(st.characters(exclude_categories=())) | SPEECH)
@FAST
def test_normalize_is_total_idempotent_and_keeps_nfc_length(text):
    out = normalize(text)
    assert normalize(out) == out
    assert len(out) == len(unicodedata.normalize("NFC", text))
    assert unicodedata.is_normalized("NFC", out)
    assert not re.search("[\r\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]", out)


def _bytes_like_files():
    text = REPORT_LIKE | ANY_TEXT.map(lambda t: t.replace("\x00", ""))
    encoded = st.tuples(text, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1258",
                                                "cp1252", "latin-1"]))
    return st.one_of(st.binary(max_size=3000), encoded.map(lambda te: te[0].encode(te[1], errors="ignore")),
                     st.tuples(encoded, st.binary(max_size=20)).map(lambda x: x[0][0].encode(x[0][1], "ignore") + x[1]))


@given(_bytes_like_files(), st.sampled_from([".txt", ".jsonl", ".html"]))
@SLOW
def test_reading_any_bytes_gives_reports_or_failures(data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"report{suffix}"
        path.write_bytes(data)
        items = list(read_all([path]))
    assert items
    for item in items:
        assert isinstance(item, SourceReport | Failure)
        if isinstance(item, SourceReport):
            assert item.text.strip() and normalize(item.text) == item.text


@given(REPORT_LIKE.filter(lambda t: t.strip() and not re.search("[\x00\ud800-\udfff]", t) and t[0] != "\ufeff"))
@FAST
def test_utf8_and_utf16_decode_to_the_text(text):
    for encoding in ("utf-8", "utf-16"):
        assert decode(text.encode(encoding)) in (text, from_vni(text))


def _vni_table() -> dict[str, str]:
    lines = [ln for ln in resources.files("kg").joinpath("data", "vni.tsv").read_text(encoding="utf-8").splitlines()
             if ln and not ln.startswith("#")]
    rows = {r["unicode"]: r["vni"] for r in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)}
    return rows | {u.upper(): v.upper() for u, v in rows.items()}


TO_VNI = _vni_table()


def _cp1252(text: str) -> bool:
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def to_vni(text: str) -> str:
    return "".join(TO_VNI.get(c, c) for c in text)


@given(st.text(st.sampled_from(VIETNAMESE + VIETNAMESE.upper() + " .,0123456789"), max_size=80))
@FAST
def test_vni_table_decodes_what_it_encodes(text):
    assert from_vni(to_vni(text)) == text


@given(st.lists(st.sampled_from([s for s in SENTENCES if len(s) >= 40 and to_vni(s).isascii() is False
                                 and _cp1252(to_vni(s))]), min_size=1, max_size=4).map(" ".join))
@FAST
def test_vni_files_are_detected_and_converted(text):
    assert decode(to_vni(text).encode("cp1252")) == unicodedata.normalize("NFC", text)


def _split(text: str) -> list:
    return sentences.split(text, clean.layout(text, gazetteer()).blocks)


@given(st.lists(st.one_of(st.sampled_from(SENTENCES), SPEECH, st.text(st.sampled_from("aTđ1..._"), min_size=100, max_size=400)),
                min_size=1, max_size=8).map(" ".join).map(normalize))
@example("1" * 97 + "... .")  # an ellipsis that ends a run and no sentence
@SLOW
def test_long_runs_with_periods_split_as_sent_tokenize_splits_them(text):
    """sentences.split hides the inner periods of long runs from sent_tokenize (which is quadratic on them)."""
    fast = _split(text)
    hiding, sentences._LONG_RUN = sentences._LONG_RUN, re.compile("(?!)")
    try:
        assert fast == _split(text)
    finally:
        sentences._LONG_RUN = hiding


@given(st.integers(sentences.MAX_SENTENCE // 8, 3 * sentences.MAX_SENTENCE // 8), st.sampled_from([" ", ", ", "", "."]))
@SLOW
def test_a_long_sentence_is_cut_into_pieces_that_keep_every_character(words, separator):
    text = separator.join(["Hội nghị"] * words)
    got = _split(text)
    assert all(len(s.text) <= sentences.MAX_SENTENCE and text[s.start:s.end] == s.text for s in got)
    assert "".join(s.text for s in got).replace(" ", "") == text.replace(" ", "")


def _in_windows_1258(text: str) -> bool:
    try:
        windows_1258(text)
    except UnicodeEncodeError:
        return False
    return True


@given(st.lists(st.sampled_from([s for s in SENTENCES if len(s) >= 40 and _in_windows_1258(s)]), min_size=1, max_size=4)
       .map(" ".join))
@FAST
def test_windows_1258_files_are_read(text):
    assert decode(windows_1258(text)) == unicodedata.normalize("NFC", text)


@given(REPORT_LIKE)
@SLOW
def test_extractors_take_any_text_and_offsets_point_at_sentences(text):
    if not normalize(text).strip():
        return
    facts = extract_text(text, "property")
    normalized = normalize(text)
    for s in facts.sentences:
        assert normalized[s.start:s.end] == s.text and s.text.strip()


IDENTIFIERS = st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=20).filter(str.strip)


@given(REPORT_LIKE, IDENTIFIERS)
@SLOW
def test_every_iri_is_valid_and_every_format_parses_back(text, identifier):
    if not normalize(text).strip():
        return
    quads = rdf.report_quads(extract_text(text, identifier))
    with tempfile.TemporaryDirectory() as folder:
        for suffix in FORMATS:
            out = Path(folder) / f"out{suffix}"
            sink = FileSink(out)
            sink.add(quads)
            sink.commit()
            fmt = format_for(out)
            parsed = list(ox.parse(path=str(out), format=OX_FORMATS[fmt]))
            ds = Dataset()
            ds.parse(out, format=fmt)
            assert len(parsed) == len(list(ds.quads())) >= len(quads.lines)
            iris = {t.value for q in parsed for t in (q.subject, q.predicate, q.object, q.graph_name)
                    if isinstance(t, ox.NamedNode)}
            iris |= {str(t) for q in ds.quads() for t in q if isinstance(t, URIRef)}
            assert all(IRI.fullmatch(iri) for iri in iris), [i for i in iris if not IRI.fullmatch(i)]
