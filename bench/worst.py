"""Worst cases for the build's time: texts that make a search start again from a sentence's start.

    python bench/worst.py                    # every case at 200,000 characters
    python bench/worst.py --chars 50000 --case spaces --case tabs

Each case is one report of about --chars characters, made of one unit repeated
(long runs of white space of every kind, a title repeated, long runs of
capitalised words, ...). It is read and extracted as a worker of `kg build` does
it (normalised, extracted, turned into N-Quads) and its CPU time per character
(the best of three runs) is printed against that of ordinary text: generated reports (bench/generate.py)
joined into one report of the same size. A case passes when it takes at most
3× the ordinary time per character; a search that starts again from a
sentence's start for each match is quadratic and fails by far.

One more case reads a web page (trafilatura, then the test that its text is
not only its menu's links) with a menu of many distinct links and an article
made of their texts, against the same menu over an article of ordinary text.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LIMIT = 3.0  # a case may take this many times ordinary text's CPU time per character
REPEAT = 3  # runs of each text; the fastest counts (the first also fills the caches)
TITLE = "Bí thư Tỉnh ủy Cà Mau"
NAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Minh", "Quốc", "Thanh", "Hữu", "Ngọc", "Đức", "Hoài", "Kim"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hùng", "Lan", "Mai", "Nam", "Phương", "Sơn", "Tâm", "Vân"]


def _person(i: int) -> str:
    """A full name, another for each i up to 21,840: family, middle and given names, and a second given name."""
    name = f"{NAMES[i % 14]} {MIDDLE[i // 14 % 10]} {GIVEN[i // 140 % 12]}"
    return name if i < 1680 else f"{name} {GIVEN[i // 1680 % 12]}"


def _white(space: str) -> str:
    return f"{TITLE}{space * 4900}"


# Each case: a function of i, the i-th unit of the text (units are joined as they are).
CASES = {
    "spaces": lambda i: _white(" "),
    "tabs": lambda i: _white("\t"),
    "no-break spaces": lambda i: _white("\u00a0"),
    "zero-width spaces": lambda i: _white("\u200b"),
    "mixed white space": lambda i: _white(" \t\u00a0\u200b\u3000"[i % 5]),
    "the issue's case": lambda i: "x" * 20_000 + " " * 4900 + f"{TITLE}. " * 200 if i == 0 else f"{TITLE}. ",
    "titles, one a sentence": lambda i: f"{TITLE}. ",
    "titles in one sentence": lambda i: f"{TITLE}, ",
    "titles with spaces": lambda i: f"{TITLE}{' ' * (i % 60)}, ",
    "capitalised run": lambda i: f"{NAMES[i % 14]} {GIVEN[i % 12]} ",
    "capitalised run, then titles": lambda i: f"{NAMES[i % 14]} {GIVEN[i % 12]} " if i % 400 else f", {TITLE} ",
    "named officials": lambda i: f"Đồng chí {_person(i)}, {TITLE} phát biểu. ",
    "officials named again": lambda i: f"Đồng chí {_person(i)}, {TITLE}, và đồng chí {_person(i // 2)} dự. ",
    "former titles": lambda i: f"nguyên {TITLE} {_person(i)}, ",
    "citations": lambda i: f"Chỉ thị số {i % 90 + 1}-CT/TW ngày {i % 28 + 1}/{i % 12 + 1}/2015 của Bộ Chính trị, ",
    "organised by": lambda i: f"do Ban Dân vận Tỉnh ủy Cà Mau {' ' * (i % 100)}tổ chức ",
    "dates": lambda i: f"ngày {i % 28 + 1}/{i % 12 + 1}/20{i % 30:02d} ",
    "awards": lambda i: f"{i % 90 + 1} tập thể và {i % 70 + 1} cá nhân được tặng Bằng khen của {TITLE}; ",
    "honorifics": lambda i: f"đồng chí {' ' * (i % 200)}",
    "short lines": lambda i: f"{TITLE}\n",
    "periods": lambda i: "." * 50 + " ",
    "one word": lambda i: "x",
}


def ordinary(chars: int) -> str:
    """Generated reports' texts, joined into about `chars` characters."""
    from bench.generate import reports

    parts, size = [], 0
    for report in reports(10_000, seed=3):
        if report.fmt == "txt":
            parts.append(report.content.lstrip("\ufeff"))
            size += len(parts[-1])
            if size >= chars:
                break
    return "\n\n".join(parts)[:chars]


def case_text(unit, chars: int) -> str:
    parts, size, i = [], 0, 0
    while size < chars:
        parts.append(unit(i))
        size += len(parts[-1])
        i += 1
    return "".join(parts)[:chars]


def page(text: str, links: int) -> str:
    """A web page: a menu of `links` distinct links, and `text` as its article."""
    menu = "".join(f'<li><a href="/muc-{i}">Mục {i} tin tức</a></li>' for i in range(links))
    return (f"<!DOCTYPE html><html><head><title>Tin hoạt động</title></head><body><nav><ul>{menu}</ul></nav>"
            f"<article><h1>Tin hoạt động</h1><p>{text}</p></article></body></html>")


def menu_text(chars: int) -> str:
    """The texts of the first links of page(…), one after another: half of a page of about `chars` characters."""
    return case_text(lambda i: f"Mục {i} tin tức ", chars // 2)


def html_seconds(html: str) -> float:
    """CPU time to read a web page as `kg build` does, refused as a menu or not (the best of REPEAT)."""
    from kg.read import ReadError, read_html

    times = []
    for _ in range(REPEAT):
        start = time.process_time()
        try:
            read_html(html, Path("worst-case.html"))
        except ReadError:
            pass
        times.append(time.process_time() - start)
    return min(times)


def cpu_seconds(text: str) -> float:
    """CPU time to read, extract and write one report of this text, as a build's worker does (the best of REPEAT)."""
    from kg import rdf
    from kg.build import _extractor
    from kg.read import make_report

    extractor = _extractor()
    times = []
    for _ in range(REPEAT):
        start = time.process_time()
        rdf.report_quads(extractor.extract(make_report("worst-case", text)))
        times.append(time.process_time() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chars", type=int, default=200_000, help="characters of each case (default 200000)")
    parser.add_argument("--case", action="append", choices=sorted(CASES), help="only this case (repeatable)")
    args = parser.parse_args()
    cpu_seconds("Khởi động.")  # load the gazetteer and underthesea before timing
    base = cpu_seconds(ordinary(args.chars)) / args.chars
    print(f"ordinary text: {base * 1e6:.2f} µs per character ({args.chars:,} characters)")
    failed = []
    for name in args.case or CASES:
        per_char = cpu_seconds(case_text(CASES[name], args.chars)) / args.chars
        ratio = per_char / base
        verdict = "PASS" if ratio <= LIMIT else "FAIL"
        print(f"{verdict}  {name:<30} {per_char * 1e6:10.2f} µs per character  {ratio:8.2f}x ordinary", flush=True)
        if ratio > LIMIT:
            failed.append(name)
    if not args.case:
        links = menu_text(args.chars)
        hostile = page(links, links.count("Mục"))
        ordinary_page = page(ordinary(len(links)), links.count("Mục"))
        per_char = html_seconds(hostile) / len(hostile)
        ratio = per_char / (html_seconds(ordinary_page) / len(ordinary_page))
        print(f"{'PASS' if ratio <= LIMIT else 'FAIL'}  {'web page of many links':<30} {per_char * 1e6:10.2f} µs "
              f"per character  {ratio:8.2f}x ordinary text under that menu")
        if ratio > LIMIT:
            failed.append("web page of many links")
    print(f"== {len(failed)} of {len(args.case or CASES) + (not args.case)} cases over {LIMIT:g}x ordinary"
          + (f": {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
