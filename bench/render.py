"""A draft dressed as it is found: a saved text page, a web page with its site around it, or a JSON Lines record."""
from __future__ import annotations

import html
import json
import random

from kg.text import slug

from .noise import stray_spaces
from .report import Draft, fill
from .vocab import Vocabulary


class Renderer:
    """Turns drafts into page text, HTML or records; the site chrome comes from bench/data/chrome.toml."""

    def __init__(self, vocab: Vocabulary):
        self.page = vocab.chrome["page"]
        self.html = vocab.chrome["html"]

    # ------------------------------------------------------------ pieces

    def _dateline(self, draft: Draft, rng: random.Random) -> str:
        t = draft.published
        weekday = self.page["weekdays"][t.weekday()]
        return fill(rng.choice(self.page["datelines"]), weekday=weekday, Weekday=weekday, d=t.day, m=t.month,
                    dd=f"{t.day:02d}", mm=f"{t.month:02d}", Y=t.year, time=f"{t.hour:02d}:{t.minute:02d}")

    def _related(self, draft: Draft, rng: random.Random, k: int) -> list[str]:
        districts = draft.province.districts
        return [fill(t, district=rng.choice(districts).place) for t in rng.sample(self.page["related"], k)]

    def _article_lines(self, draft: Draft, rng: random.Random, indent: str) -> list[str]:
        """The report's own lines: paragraphs (indented as the site does), captions, list items."""
        lines: list[str] = []
        for block in draft.blocks:
            if block.kind == "list":
                lines.extend(indent + stray_spaces(item, rng) for item in block.text.split("\n"))
            elif block.kind == "caption":
                lines.append(block.text)
            else:
                lines.append(indent + stray_spaces(block.text, rng))
        return lines

    # ------------------------------------------------------------ formats

    def text_page(self, draft: Draft, rng: random.Random, *, dateline: bool) -> str:
        """A page saved as text: site chrome, date line, title, the article, byline, counters, related news."""
        p = self.page
        top: list[str] = []
        if rng.random() < 0.5:
            top.append(draft.site)
        if draft.province.name in p["khmer_sites"] and rng.random() < 0.6:
            top.insert(0, p["khmer_line"])
        if rng.random() < 0.4:
            top.append(rng.choice(p["menus"]))
        head = [draft.title]
        if dateline:
            head.insert(rng.randint(0, 1), self._dateline(draft, rng))
        if rng.random() < 0.6:
            head.append(rng.choice(p["top"]))
        indent = rng.choice(["", "", "", "        ", " "])
        gap = rng.choice(["\n\n", "\n\n", "\n", "\n\n \n"])
        body = gap.join(self._article_lines(draft, rng, indent))
        byline = draft.byline
        if byline.isupper() and rng.random() < 0.5:
            byline = " " * rng.randint(40, 110) + byline
        tail = [byline]
        if rng.random() < 0.6:
            tail.append(fill(rng.choice(p["counters"]), n=rng.randint(80, 9000)))
        if rng.random() < 0.4:
            tail.append(rng.choice(p["actions"]))
        if rng.random() < 0.5:
            tail.append("")
            tail.append(rng.choice(p["related_heads"]))
            tail.extend(f"- {h}" for h in self._related(draft, rng, rng.randint(2, 5)))
        if rng.random() < 0.3:
            tail.append("")
            counts = {f"n{i}": f"{rng.randint(10 ** i, 10 ** (i + 1)):,}" for i in range(1, 5)}
            tail.extend(fill(line, **counts) for line in p["hotline"])
        if rng.random() < 0.15:
            tail.append(rng.choice(p["certificate"]))
        return "\n".join([*top, "", *head, "", body, "", *tail]) + "\n"

    def web_page(self, draft: Draft, rng: random.Random, url: str) -> str:
        """A saved web page: header, menu, breadcrumb, the article, a sidebar of other news, footer, scripts."""
        e = html.escape
        h = self.html
        site = draft.site
        t = draft.published
        iso = t.strftime("%Y-%m-%dT%H:%M:00+07:00")
        article = []
        for block in draft.blocks:
            if block.kind == "caption":
                n = rng.randint(1000, 9999)
                article.append(f'    <figure class="image"><img src="/uploads/{t:%Y/%m}/{n}.jpg" alt="">'
                               f"<figcaption>{e(block.text)}</figcaption></figure>")
            elif block.kind == "list":
                article.extend(f"    <p>{e(item)}</p>" for item in block.text.split("\n"))
            else:
                article.append(f"    <p>{e(block.text)}</p>")
        menu = "".join(f'<li><a href="/{slug(m)}">{e(m)}</a></li>' for m in h["menu"])
        related = "".join(f'<li><a href="/tin/{slug(x)}-{rng.randint(100, 9999)}.html">{e(x)}</a></li>'
                          for x in self._related(draft, rng, 4))
        footer = "".join(f"<p>{e(fill(line, site=site, n=rng.randint(10, 400)))}</p>" for line in h["footer"])
        return "\n".join([
            "<!DOCTYPE html>",
            '<html lang="vi">',
            "<head>",
            '<meta charset="utf-8">',
            f"<title>{e(draft.title)} | {e(site)}</title>",
            f'<meta property="og:title" content="{e(draft.title)}">',
            f'<meta property="article:published_time" content="{iso}">',
            f'<link rel="canonical" href="{e(url)}">',
            "</head>",
            "<body>",
            f'<header class="site-header"><a class="logo" href="/">{e(site)}</a>',
            f'  <nav class="main-menu"><ul>{menu}</ul></nav>',
            '  <form class="search" action="/tim-kiem"><input type="text" name="q"><button>Tìm</button></form>',
            "</header>",
            f'<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/{slug(h["menu"][1])}">{e(h["menu"][1])}</a></div>',
            '<article class="detail">',
            f'    <h1 class="title">{e(draft.title)}</h1>',
            f'    <div class="meta"><time datetime="{iso}">{t:%d/%m/%Y %H:%M}</time></div>',
            *article,
            f'    <p class="author"><strong>{e(draft.byline)}</strong></p>',
            "</article>",
            f'<aside class="sidebar"><h3>{e(rng.choice(h["sidebar_heads"]))}</h3><ul>{related}</ul></aside>',
            f'<footer class="site-footer">{footer}</footer>',
            f"<script>window.dataLayer = window.dataLayer || []; dataLayer.push({{'article': {rng.randint(1000, 99999)}}});</script>",
            "</body>",
            "</html>",
        ]) + "\n"

    def record(self, draft: Draft, rng: random.Random, ident: str, url: str, *, dated: bool) -> str:
        """A JSON Lines record: id and text, with url, title and date where the source gave them."""
        text = "\n\n".join(b.text for b in draft.blocks) + "\n\n" + draft.byline + "\n"
        record: dict[str, str] = {"id": ident, "text": text}
        if rng.random() < 0.75:
            record["url"] = url
        if rng.random() < 0.8:
            record["title"] = draft.title
        if dated:
            record["date"] = draft.published.date().isoformat()
        return json.dumps(record, ensure_ascii=False)

    def url(self, draft: Draft, rng: random.Random) -> str:
        host = rng.choice(draft.province.hosts)
        return fill(rng.choice(self.html["urls"]), host=host, slug=slug(draft.title)[:80], n=rng.randint(10000, 999999))
