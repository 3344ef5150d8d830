"""The `kg viz` page in headless Chromium, offline, from a file:// URL: it draws the whole network with no
console error and no request to any host; filters, search and tooltips work; report text stays text; the
English page (--lang en) names things and speaks in English."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from test_viz import EVIL, evil_page

from kg.cli import EXIT_OK, main
from kg.network import load
from kg.text import fold

CHROMIUM = shutil.which("chromium")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian package chromium; "
                                                         ".ci/run installs it)")
# Without these, Chromium's own background connections fail on a machine with no network.
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOT = Path(__file__).resolve().parent.parent / "docs" / "img" / "network.png"


class Watched:
    """A page and everything it did that it should not have."""

    def __init__(self, context, path: Path):
        self.page = context.new_page()
        self.requests: list[str] = []
        self.problems: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: m.type in ("error", "warning") and self.problems.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        self.page.on("dialog", lambda d: (self.problems.append(f"dialog: {d.message}"), d.dismiss()))
        self.page.goto(path.as_uri())
        self.until("() => window.kg !== undefined && kg.network.physics.options.enabled === false")

    def js(self, expression: str):
        return self.page.evaluate(expression)

    def until(self, predicate: str, seconds: float = 60) -> None:
        """Poll from Python: the page's own policy forbids the eval that wait_for_function would need."""
        end = time.monotonic() + seconds
        while not self.js(predicate):
            assert time.monotonic() < end, f"timed out waiting for {predicate}"
            time.sleep(0.05)

    def outside_requests(self) -> list[str]:
        return [url for url in self.requests if not url.startswith("file://")]


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=CHROMIUM, headless=True, args=ARGS,
            offline=True, viewport={"width": 1400, "height": 900})
        yield context
        context.close()


def test_the_examples_page(browser, examples_build, tmp_path):
    network = load(examples_build[0])
    out = tmp_path / "graph.html"
    assert main(["viz", str(examples_build[0]), "-o", str(out)]) == EXIT_OK
    watched = Watched(browser, out)
    assert watched.js("[kg.nodes.length, kg.network.body.nodeIndices.length, kg.edges.length]") == \
           [len(network), len(network), network.number_of_edges()]
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    watched.page.screenshot(path=str(SCREENSHOT))

    reports = sum(1 for _, c in network.nodes(data="cls") if c == "Report")
    watched.page.uncheck('input[data-class="Report"]')
    assert watched.js("kg.network.body.nodeIndices.length") == len(network) - reports
    watched.page.check('input[data-class="Report"]')
    assert watched.js("kg.network.body.nodeIndices.length") == len(network)

    watched.page.fill("#search", "ngoc tram")
    named = {n for n, d in network.nodes(data=True) if "ngoc tram" in fold(d["label"])}
    assert len(named) == 1 and set(watched.js("kg.network.getSelectedNodes()")) == named
    assert watched.page.inner_text("#search-result") == "1 kết quả"

    assert watched.problems == [] and watched.outside_requests() == []


def test_the_english_page(browser, examples_build, tmp_path):
    """kg viz --lang en: the same network, named in English, with the page's own words in English."""
    network = load(examples_build[0], lang="en")
    out = tmp_path / "graph-en.html"
    assert main(["viz", str(examples_build[0]), "-o", str(out), "--lang", "en"]) == EXIT_OK
    watched = Watched(browser, out)
    drawn = watched.js("kg.nodes.get().map(n => n.label)")
    assert sorted(drawn) == sorted(d["label"] for _, d in network.nodes(data=True))
    assert "Politburo" in drawn and "Bộ Chính trị" not in drawn and "Lưu Thị Ngọc Trâm" in drawn
    assert watched.js("document.documentElement.lang") == "en"
    legend = [line.strip() for line in watched.page.inner_text("#legend").split("\n")]
    assert legend[:2] == ["● Official (17)", "◆ Body (41)"]

    watched.page.fill("#search", "politburo")  # the body and the post "Member of the Politburo"
    named = {n for n, d in network.nodes(data=True) if "politburo" in fold(d["label"])}
    assert len(named) == 2 and set(watched.js("kg.network.getSelectedNodes()")) == named
    assert watched.page.inner_text("#search-result") == "2 found"
    watched.page.fill("#search", "uy vien bo chinh tri")  # Vietnamese names find them too
    assert watched.js("kg.network.getSelectedNodes()") == ["https://w3id.org/vnpol/id/post/uy-vien-bo-chinh-tri"]

    assert watched.problems == [] and watched.outside_requests() == []


def test_report_text_shows_as_text(browser, tmp_path):
    watched = Watched(browser, evil_page(tmp_path))
    person = "https://w3id.org/vnpol/id/person/nguyen-van-an"
    x, y = watched.js(f"""() => {{
        const p = kg.network.canvasToDOM(kg.network.getPosition("{person}"));
        const box = document.getElementById("network").getBoundingClientRect();
        return [box.left + p.x, box.top + p.y];
    }}""")
    watched.page.mouse.move(x - 30, y - 30)
    watched.page.mouse.move(x, y, steps=5)
    watched.until("() => { const t = document.querySelector('div.vis-tooltip'); "
                  "return t !== null && t.style.visibility === 'visible'; }", seconds=10)
    tip = watched.page.locator("div.vis-tooltip")
    assert EVIL in tip.inner_text() and "&lt;script&gt;" in tip.inner_html()
    assert watched.js("document.scripts.length") == 2
    assert watched.problems == [] and watched.outside_requests() == []
