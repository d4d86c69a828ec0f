"""The pages nevkg writes, in a real browser: Debian's Chromium driven by Playwright (never a browser download).

Skipped when Chromium or the playwright package is missing, except in CI (NEVKG_REQUIRE_ALL=1), where that fails.
The overview screenshot is saved to /tmp/nevkg-overview.png (and beside the test's pages) for a person to look at.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from ..conftest import require_or_skip

CHROMIUM = os.environ.get("NEVKG_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync"]
N = "https://w3id.org/nevkg/id/"
EVIL = ["<img src=x onerror=alert(1)>", '"><script>alert(1)</script>']
SCREENSHOT = Path("/tmp/nevkg-overview.png")


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require_or_skip(False, "the playwright package is not installed (pip install playwright)")
    require_or_skip(os.path.exists(CHROMIUM), f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)  # a fresh temporary profile
        yield b
        b.close()


class Opened:
    """A page with everything it tried to fetch, every console error and every dialog recorded."""

    def __init__(self, browser, path: Path, viewport=(1500, 900)) -> None:
        self.url = path.resolve().as_uri()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("request", lambda r: self._record(r.url))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.goto(self.url)

    def _record(self, url: str) -> None:
        if url != self.url and not url.startswith("data:") and url not in self.requests:
            self.requests.append(url)

    def _route(self, route) -> None:
        if route.request.url == self.url:
            route.continue_()
        else:
            self._record(route.request.url)
            route.abort()

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def wait(self, expression: str, timeout: float = 30.0) -> None:
        """Poll a JS expression (the page's CSP forbids the eval that Playwright's wait_for_function uses)."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.js(f"() => !!({expression})"):
                return
            time.sleep(0.05)
        raise AssertionError(f"timed out waiting for {expression}; console errors: {self.errors}")

    def drawn(self) -> tuple[int, int]:
        return tuple(self.js("() => [nevkg.network.body.nodeIndices.length, nevkg.network.body.edgeIndices.length]"))

    def clean(self) -> None:
        assert self.requests == [], f"the page tried to fetch: {self.requests}"
        assert self.errors == [], f"console errors: {self.errors}"
        assert self.dialogs == [], f"dialogs opened: {self.dialogs}"

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def pages(kg, tmp_path_factory):
    import networkx as nx

    from nevkg.queries.chart import render_chart, series
    from nevkg.queries.viz import render_html, subgraph_for

    folder = tmp_path_factory.mktemp("pages")
    overview = subgraph_for(kg)
    render_html(overview, folder / "overview.html", title="nevkg — overview")
    evil = nx.MultiDiGraph()
    for i, label in enumerate(EVIL):
        evil.add_node(f"urn:evil:{i}", label=label, type="Automaker", kind_group="entity", sources="bad",
                      note=label)
    evil.add_node("urn:evil:cn", label="比亚迪", type="Country", kind_group="entity", sources="bad")
    evil.add_edge("urn:evil:0", "urn:evil:1", relation="partner", words=EVIL[1], sources="bad")
    evil.add_edge("urn:evil:1", "urn:evil:cn", relation="locatedIn", words="located in", sources="bad")
    evil.graph["source_info"] = {"bad": {"title": EVIL[0], "issued": "2026-01", "publisher": EVIL[1],
                                         "url": "javascript:alert(1)"}}
    render_html(evil, folder / "evil.html", title=EVIL[1])
    points = series(kg, "export volume", "China", unit="vehicles")
    render_chart(points, folder / "chart.html", title="China's vehicle exports")
    return {"folder": folder, "overview": overview, "evil": evil, "points": points}


@pytest.fixture
def overview_page(browser, pages):
    opened = Opened(browser, pages["folder"] / "overview.html")
    opened.wait("window.nevkg && nevkg.stable")
    yield opened
    opened.close()


def test_overview_is_offline_complete_and_looks_right(overview_page, pages):
    G = pages["overview"]
    assert overview_page.drawn() == (G.number_of_nodes(), G.number_of_edges())
    assert overview_page.js("() => nevkg.nodes.length") == G.number_of_nodes()
    time.sleep(0.3)
    shot = pages["folder"] / "overview.png"
    overview_page.page.screenshot(path=str(shot))
    shutil.copyfile(shot, SCREENSHOT)
    assert shot.stat().st_size > 20_000  # a picture, not a blank page
    overview_page.clean()


def test_search_focuses_byd_and_shows_its_plants_markets_and_sources(overview_page):
    page = overview_page.page
    page.fill("#search", "byd")
    page.press("#search", "Enter")
    overview_page.wait("nevkg.selected")
    assert overview_page.js("() => nevkg.network.getSelectedNodes()") == [N + "byd"]
    assert overview_page.js("() => nevkg.selected") == N + "byd"
    assert page.is_visible("#panel")
    assert page.text_content("#panel h3") == "BYD"
    ties = page.text_content("#panel-ties")
    assert "has a factory in Thailand" in ties and "opened deliveries in Belgium" in ties
    sources = page.text_content("#panel-sources")
    assert "Exports in Overdrive — Sohu, 2025-04-16" in sources
    stats = page.inner_text("#panel-stats")
    assert "overseas sales" in stats and "67,025" in stats and "≥ 1,000" in stats
    page.screenshot(path="/tmp/nevkg-byd.png")
    assert overview_page.js("(q) => nevkg.search(q)", "小马智行") == N + "pony-ai"  # an alias in Chinese
    assert "小马智行" in page.text_content("#panel-facts")
    overview_page.clean()


def test_kind_filter_hides_other_kinds(overview_page, pages):
    G = pages["overview"]
    page = overview_page.page
    page.click("#kinds-none")
    assert overview_page.drawn() == (0, 0)
    page.click('input[data-family="place"]')
    places = overview_page.js("""() => nevkg.network.body.nodeIndices.map(id => nevkg.data.nodes.find(n => n.id === id).family)""")
    expected = [n for n, d in G.nodes(data=True) if d["type"] in {
        "Country", "City", "Region", "Province", "District", "SpecialAdministrativeRegion", "Port", "EconomicUnion",
        "Place"}]
    assert set(places) == {"place"} and len(places) == len(expected)
    page.click('details:has(input[data-family="place"]) summary .twisty')  # open the family's list
    page.click('input[data-kind="Country"]')  # one kind off inside the family
    countries = sum(1 for _, d in G.nodes(data=True) if d["type"] == "Country")
    assert overview_page.drawn()[0] == len(expected) - countries
    page.click("#kinds-all")
    assert overview_page.drawn() == (G.number_of_nodes(), G.number_of_edges())
    page.uncheck(f'input[data-source="{"nev-export-driver-2026-03"}"]')
    assert overview_page.drawn()[0] <= G.number_of_nodes()
    overview_page.clean()


def test_clicking_a_node_opens_its_panel(overview_page):
    page = overview_page.page
    target = N + "thailand"
    overview_page.js("(id) => nevkg.network.moveTo({position: nevkg.network.getPositions([id])[id], scale: 2.5})",
                     target)
    time.sleep(0.2)
    box = page.locator("#graph canvas").bounding_box()
    xy = overview_page.js("(id) => nevkg.network.canvasToDOM(nevkg.network.getPositions([id])[id])", target)
    page.mouse.move(box["x"] + xy["x"], box["y"] + xy["y"])
    time.sleep(0.5)  # hover: the tooltip is a DOM element built from text
    tooltip = page.locator("div.vis-tooltip")
    if tooltip.is_visible():
        assert "Thailand" in tooltip.text_content() and "Sources:" in tooltip.text_content()
    page.mouse.click(box["x"] + xy["x"], box["y"] + xy["y"])
    overview_page.wait("nevkg.selected")
    assert overview_page.js("() => nevkg.selected") == target
    assert page.text_content("#panel h3") == "Thailand"
    assert "Exports in Overdrive" in page.text_content("#panel-sources")
    assert "ISO code" in page.text_content("#panel-facts")
    overview_page.clean()


def test_labels_from_the_data_are_text(browser, pages):
    opened = Opened(browser, pages["folder"] / "evil.html")
    try:
        opened.wait("window.nevkg && nevkg.stable")
        page = opened.page
        assert page.title() == EVIL[1]
        assert opened.drawn() == (3, 2)
        for label in EVIL:
            opened.js("(q) => nevkg.search(q)", label)
            assert page.text_content("#panel h3") == label
            assert label in page.text_content("#panel-facts")
        page.fill("#search", "比亚迪")
        page.press("#search", "Enter")
        assert page.text_content("#panel h3") == "比亚迪"
        # hover every node and edge so that all tooltips are built
        for node_id in ("urn:evil:0", "urn:evil:1"):
            box = page.locator("#graph canvas").bounding_box()
            xy = opened.js("(id) => nevkg.network.canvasToDOM(nevkg.network.getPositions([id])[id])", node_id)
            page.mouse.move(box["x"] + xy["x"], box["y"] + xy["y"])
            time.sleep(0.4)
        time.sleep(0.3)
        assert page.query_selector("img[src=x]") is None
        assert page.query_selector("img") is None
        assert opened.js("() => document.scripts.length") == 4
        assert page.query_selector("#panel-sources a") is None  # a javascript: URL is never a link
        opened.clean()
    finally:
        opened.close()


def test_chart_page_shows_each_value(browser, pages):
    opened = Opened(browser, pages["folder"] / "chart.html", viewport=(1100, 800))
    try:
        page = opened.page
        pts = pages["points"]
        values = page.eval_on_selector_all("g.point", "els => els.map(e => Number(e.dataset.value))")
        assert sorted(values) == sorted(float(p.value) for p in pts)
        labels = page.eval_on_selector_all("g.point text.label", "els => els.map(e => e.textContent)")
        assert len(labels) == len(pts)
        assert any(lab.startswith("583,000 [") for lab in labels)
        assert any(lab.startswith("≥6,400,000") for lab in labels) and any(lab.startswith("≈6,410,000")
                                                                          for lab in labels)
        notes = page.eval_on_selector_all("text.source", "els => els.map(e => e.textContent)")
        assert any("Exports in Overdrive — Sohu, 2025-04-16" in n for n in notes)
        shown = page.eval_on_selector_all("g.point", "els => els.filter(e => e.getBoundingClientRect().width > 0).length")
        assert shown == len(pts)
        page.screenshot(path=str(pages["folder"] / "chart.png"))
        shutil.copyfile(pages["folder"] / "chart.png", "/tmp/nevkg-chart.png")
        opened.clean()
    finally:
        opened.close()


def test_a_large_page_opens_fast_with_the_layout_precomputed(browser, tmp_path):
    from nevkg.queries.viz import _demo_graph, render_html

    G = _demo_graph(3000, seed=2)
    render_html(G, tmp_path / "big.html", physics_threshold=1000)
    opened = Opened(browser, tmp_path / "big.html")
    try:
        start = time.monotonic()
        opened.wait("window.nevkg && nevkg.stable", timeout=30)
        assert time.monotonic() - start < 15
        assert opened.drawn() == (G.number_of_nodes(), G.number_of_edges())
        assert opened.js("() => nevkg.data.physics") is False
        assert opened.js("(q) => nevkg.search(q)", "node 1234") == "n1234"
        opened.clean()
    finally:
        opened.close()
