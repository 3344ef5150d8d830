"""Reading: encodings, HTML, JSON Lines, and bad input that must not sink a batch."""
from __future__ import annotations

import pytest

from kg.build import build_dataset
from kg.cli import main
from kg.read import Failure, read_all

LEAD = "Sáng 5/3/2021, Ban Dân vận Tỉnh ủy Cà Mau tổ chức Hội nghị sơ kết công tác dân vận."


def reports(items):
    return [i for i in items if not isinstance(i, Failure)]


def test_utf8_bom_and_utf16_are_read(tmp_path):
    (tmp_path / "a.txt").write_bytes(LEAD.encode("utf-8-sig"))
    (tmp_path / "b.txt").write_bytes(LEAD.encode("utf-16"))
    got = reports(read_all([tmp_path]))
    assert [r.text for r in got] == [LEAD, LEAD]


def test_bad_files_are_named_and_the_rest_still_builds(tmp_path, capsys):
    (tmp_path / "good.txt").write_text(LEAD, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "r.jsonl").write_text('{"id": "x1", "text": "' + LEAD + '"}\n{broken\n{"id": "x1", "text": "again"}\n',
                                      encoding="utf-8")
    out = tmp_path / "out.trig"
    assert main(["build", str(tmp_path), "-o", str(out), "-q"]) == 1
    err = capsys.readouterr().err
    assert "empty.txt: empty" in err and "binary.txt" in err and "r.jsonl:2" in err and "duplicate id 'x1'" in err
    text = out.read_text(encoding="utf-8")
    assert '"good.txt"' in text and '"x1"' in text


def test_strict_writes_nothing_when_a_report_fails(tmp_path):
    (tmp_path / "good.txt").write_text(LEAD, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"  \n")
    out = tmp_path / "out.trig"
    assert main(["build", str(tmp_path), "-o", str(out), "--strict", "-q"]) == 1
    assert not out.exists()


def test_nothing_readable_is_an_error(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["build", str(tmp_path), "-o", str(tmp_path / "o.trig"), "-q"]) == 3


def test_html_page_gives_the_article_not_the_menu(tmp_path):
    page = ("<html><head><title>Tin</title></head><body><nav><a href='/'>Trang chủ</a> <a>Giới thiệu</a></nav>"
            f"<article><h1>Sơ kết công tác dân vận</h1><p>{LEAD}</p><p>Đồng chí Lê Văn An, Phó Bí thư Tỉnh ủy dự.</p>"
            "</article><footer><script>alert(1)</script>Bản quyền</footer></body></html>")
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    [r] = reports(read_all([tmp_path]))
    assert "Ban Dân vận Tỉnh ủy Cà Mau" in r.text and "alert" not in r.text and "Giới thiệu" not in r.text
    _, summary = build_dataset([tmp_path])
    assert summary.counts["officials"] == 1


def test_vni_is_converted_with_capitals_and_western_text_is_left_alone():
    from kg.encoding import from_vni, looks_like_vni

    assert from_vni("VIEÄT NAM, Ñoàng chí, ÑAÛNG COÄNG SAÛN, Tænh uûy, ngöôøi") == \
        "VIỆT NAM, Đồng chí, ĐẢNG CỘNG SẢN, Tỉnh ủy, người"
    assert not looks_like_vni(LEAD)  # real Vietnamese has letters beyond Latin-1
    assert not looks_like_vni("Le président a réuni les élèves à Genève, où ils étaient déjà présents. " * 5)
    assert not looks_like_vni("Cà Mau, Hà Giang")  # Latin-1 letters only, but too few to tell


def test_jsonl_in_utf16_with_crlf_and_a_bom_is_read(tmp_path):
    record = '{"id": "r1", "text": "' + LEAD + '", "url": " https://baocamau.vn/a?b=1 ", "date": "2021-03-05T08:00:00+07:00"}'
    (tmp_path / "a.jsonl").write_bytes(f"{record}\r\n\r\n".encode("utf-16"))
    (tmp_path / "b.jsonl").write_bytes(("\ufeff" + record.replace("r1", "r2") + "\r\n").encode("utf-8"))
    got = reports(read_all([tmp_path]))
    assert [(r.identifier, r.text, r.url, str(r.date)) for r in got] == [
        ("r1", LEAD, "https://baocamau.vn/a?b=1", "2021-03-05"), ("r2", LEAD, "https://baocamau.vn/a?b=1", "2021-03-05")]


def test_lone_surrogates_in_a_record_become_replacement_characters(tmp_path):
    (tmp_path / "r.jsonl").write_text('{"id": "s", "text": "Hội nghị \\ud800 sơ kết."}\n', encoding="utf-8")
    [r] = reports(read_all([tmp_path]))
    assert r.text == "Hội nghị \ufffd sơ kết."


@pytest.mark.parametrize("text", ["Così però la città è più bella, perché lì non c’è nessuno. ",
                                  "Informações não são públicas, então a comunicação é difícil. ",
                                  "Le président a réuni les élèves à Genève, où ils étaient déjà présents. "])
def test_western_text_is_refused_not_read_as_vietnamese(text):
    from kg.encoding import NotText, decode

    with pytest.raises(NotText, match="no Vietnamese letters"):
        decode((text * 5).encode("cp1252"))
