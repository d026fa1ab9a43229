"""The static site as a reader's browser shows it: headless Chromium, driven through Playwright.

Chromium is Debian's (/usr/bin/chromium, installed by .ci/run); Playwright only drives it (never
`playwright install`). Every page loads with no console error, no failed request and no script error;
every internal link and anchor resolves; the article's text is the verbatim text, escaped; each quote
in a notebook's tables leads to the article's span, and the span leads back to the table cell.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from histkit.publish import site as site_module
from histkit.run.published import find_run
from tests.conftest import CORPUS, ROOT

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail("no /usr/bin/chromium: install it with `apt-get update && apt-get install -y chromium`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


#: The default run, and an article nobody curated made a seed from its publisher's PDF (issue 24), each with the
#: least number of links its pages hold (the first article's tables quote more passages).
SITES = {"default": (None, 300), "hoehnea-pdf": (CORPUS / "hoehnea-senna-extracts" / "article.pdf", 200)}


@pytest.fixture(scope="module", params=list(SITES))
def site(request, built):
    """The site's folder, the seed whose verbatim text its article page shows, and its least number of links."""
    source, links = SITES[request.param]
    if source is None:
        seed = ROOT / "seeds" / "spenser-bolsheviks-mexico"
        return site_module.build_site(find_run({}, root=built)).folder, seed, links
    from histkit.run import runner
    from histkit.text.new_seed import new_seed

    seed = built / "seeds" / f"browser-{request.param}"
    if not seed.is_dir():  # as `histkit new` makes it
        new_seed(source, built / "seeds", seed.name)
    runner.build(seed=str(seed), root=built, jobs=2, report=lambda line: None)
    return site_module.build_site(find_run({}, seed=str(seed), root=built)).folder, seed, links


@pytest.fixture(scope="module")
def site_folder(site):
    return site[0]


@pytest.fixture(scope="module")
def article_text(site):
    return (site[1] / "article.txt").read_text(encoding="utf-8")


def _open(browser, url):
    """Open ``url``; return the page and the problems it reported while loading."""
    page = browser.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"script error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed request: {r.url}"))
    page.goto(url, wait_until="load")
    return page, problems


def test_every_page_loads_cleanly_and_every_internal_link_resolves(browser, site, site_folder):
    pages = sorted(site_folder.glob("*.html"))
    ids: dict[Path, set[str]] = {}
    links: list[tuple[str, str]] = []
    for path in pages:
        page, problems = _open(browser, path.as_uri())
        assert problems == [], path.name
        ids[path] = set(page.eval_on_selector_all("[id]", "els => els.map(e => e.id)"))
        links += [(path.name, href) for href in page.eval_on_selector_all("a[href]", "els => els.map(a => a.href)")]
        page.close()
    assert len(links) > site[2]
    for source, href in links:
        url = urlparse(href)
        assert url.scheme == "file", f"{source} links outside the site: {href}"
        target = Path(unquote(url.path))
        assert target.is_file() and site_folder in target.parents, f"{source}: {href} goes nowhere"
        if url.fragment and target.suffix == ".html":
            # as a browser looks for it: the fragment as written, then percent-decoded (nbconvert's heading
            # ids keep the percent-encoding of a "·")
            found = {url.fragment, unquote(url.fragment)} & ids[target]
            assert found, f"{source}: no #{url.fragment} in {target.name}"


def test_the_article_page_holds_the_verbatim_text(browser, site_folder, article_text):
    text = article_text
    page, problems = _open(browser, (site_folder / "article.html").as_uri())
    shown = page.eval_on_selector(
        ".article-text",
        "el => { const c = el.cloneNode(true); c.querySelectorAll('.q-back').forEach(b => b.remove());"
        " return c.textContent; }",
    )
    assert shown == text  # every <, > and & of the text shown as itself, nothing added or lost
    assert problems == []


def test_a_quote_leads_to_its_span_and_back(browser, site_folder, article_text):
    text = article_text
    # The first page with a quote: hoehnea's prose dates nothing (its only years are its citations'),
    # so its chronology page has none, and its numbers page is the first that quotes the text.
    for name in ("01-chronology", "02-numbers", "00-overview"):
        page, _ = _open(browser, (site_folder / f"{name}.html").as_uri())
        if page.locator("a.quote-link").count():
            break
        page.close()
    link = page.locator("a.quote-link").first
    shown = link.inner_text()
    cell_id = link.evaluate("a => a.parentElement.id")
    link.click()
    page.wait_for_load_state("load")
    assert page.url.split("#")[0].endswith("/article.html")
    anchor = unquote(urlparse(page.url).fragment)
    start, end = map(int, anchor.removeprefix("q-").split("-"))
    assert text[start:end].startswith(shown.removesuffix("..."))
    # the anchor is followed by the links back; one of them is to the cell we came from
    backs = page.eval_on_selector(
        f"#{anchor} + .q-back", "s => Array.from(s.querySelectorAll('a')).map(a => a.href)"
    )
    assert any(href.endswith(f"{name}.html#{cell_id}") for href in backs)
    assert os.path.basename(urlparse(backs[0]).path).endswith(".html")
