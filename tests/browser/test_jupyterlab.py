"""The notebooks as a seminar participant meets them: JupyterLab in a real (headless) browser.

For each notebook this starts from a copy with its outputs cleared, opens it in JupyterLab in
Debian's Chromium through Playwright, runs Run → Run All Cells, and checks what a reader sees: no
error output, no error in the browser console, and every widget (drop-down, slider, text box)
changes the output it belongs to when it is operated. A screenshot of each notebook goes to
``build/screenshots/``.

The notebooks under ``notebooks/`` are never opened: JupyterLab autosaves, so the server serves
copies in a temporary folder, with the figures and tables they write sent there too.

Chromium comes from Debian (``apt-get install chromium``), never from ``playwright install``; the
test is skipped, with that reason, only where ``/usr/bin/chromium`` is absent. ``.ci/run``
installs it, so CI always runs this test.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = ROOT / "build" / "screenshots"
# The first article's authored workbook, and each committed example of the generic workbook.
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "examples").glob("*/*.ipynb"))


def served_name(notebook: Path) -> str:
    """Where the test's JupyterLab serves a notebook: ``00-overview.ipynb``, ``examples/<seed>/00-overview.ipynb``."""
    return notebook.name if notebook.parent.name == "notebooks" else notebook.relative_to(ROOT).as_posix()

# Checked on this kind of machine (see the project notes): no sandbox as root, no network at all.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The parameters that say where a notebook writes: sent to the temporary folder.
OUTPUT_PARAMETERS = ("figures_dir", "tables_dir", "exports_dir")
# Per-user settings for the test's JupyterLab: no news or update check (no "Privacy policies"
# tab, no network), and every cell kept in the page (no windowing) so all outputs can be read.
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
}
START_TIMEOUT = 60  # seconds for the server to answer
RUN_TIMEOUT = 120  # seconds for Run All Cells on one notebook

NEEDS_CHROMIUM = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="the real-browser test needs Debian's Chromium at /usr/bin/chromium "
    "(apt-get install chromium); .ci/run installs it",
)


def free_port() -> int:
    """A TCP port on the loopback interface that nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def redirect_outputs(source: str, folder: Path) -> str:
    """Point a parameters cell's output folders (figures, tables, exports) into ``folder``."""
    for name in OUTPUT_PARAMETERS:
        pattern = re.compile(rf"^({name}\s*(?::\s*\w+)?\s*=\s*)[^#\n]*", re.MULTILINE)
        source = pattern.sub(lambda m, n=name: f"{m.group(1)}{str(folder / n)!r}  ", source)
    return source


def cleared_copy(notebook: Path, target: Path, outputs: Path) -> None:
    """Copy ``notebook`` to ``target`` without outputs, its outputs sent to ``outputs``."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        cell["outputs"] = []
        cell["execution_count"] = None
        tags = cell.get("metadata", {}).get("tags", [])
        if "parameters" in tags or "injected-parameters" in tags:
            cell["source"] = redirect_outputs("".join(cell["source"]), outputs)
    nb.get("metadata", {}).pop("widgets", None)
    target.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A JupyterLab server on a free loopback port serving cleared copies of the notebooks."""
    untouched = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in NOTEBOOKS}
    home = tmp_path_factory.mktemp("lab")
    served = home / "notebooks"
    served.mkdir()
    for notebook in NOTEBOOKS:
        target = served / served_name(notebook)
        target.parent.mkdir(parents=True, exist_ok=True)
        cleared_copy(notebook, target, home / "outputs" / target.parent.relative_to(served))
    settings = home / "settings"
    for name, values in LAB_SETTINGS.items():
        path = settings / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")
    port = free_port()
    # The kernel runs in the copies' folder, outside the project: HISTKIT_ROOT tells histkit where
    # the project (its seeds) is. Jupyter's own files go to the temporary folder too.
    env = {
        **os.environ,
        "HISTKIT_ROOT": str(ROOT),
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
    }
    command = [
        sys.executable, "-m", "jupyterlab", "--no-browser", "--ip", "127.0.0.1", "--port", str(port),
        "--ServerApp.port_retries=0", "--ServerApp.token=", "--ServerApp.password=",
        f"--ServerApp.root_dir={served}", f"--LabApp.user_settings_dir={settings}",
        f"--LabApp.workspaces_dir={home / 'workspaces'}",
    ]  # fmt: skip
    if os.geteuid() == 0:
        command.append("--allow-root")
    log = (home / "server.log").open("wb")
    server = subprocess.Popen(command, cwd=served, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/status", timeout=2):
                    break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"JupyterLab did not start; its log:\n{(home / 'server.log').read_text()}")
                time.sleep(0.3)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
        shutil.rmtree(home / "runtime", ignore_errors=True)
    changed = [p.name for p, digest in untouched.items() if hashlib.sha256(p.read_bytes()).hexdigest() != digest]
    assert changed == [], f"the browser test changed committed notebooks: {changed}"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Debian's Chromium, headless, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Console:
    """The errors the page reported while the test ran."""

    errors: list[str] = field(default_factory=list)

    def listen(self, page: object) -> None:
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))


def code_prompts(page: object) -> list[str]:
    """The execution prompts ("[3]:", "[*]:", "[ ]:") of every code cell, in order."""
    return page.eval_on_selector_all(
        ".jp-Notebook .jp-CodeCell .jp-InputArea-prompt", "els => els.map(e => e.textContent.trim())"
    )


def kernel_idle(page: object) -> object:
    """The status bar's kernel item once it says the kernel is idle (a Playwright locator)."""
    return page.locator('.jp-StatusBar-TextItem[title^="Change kernel"]', has_text="| Idle").first


def run_all_cells(page: object) -> None:
    """Run → Run All Cells, then wait until every code cell has an execution number.

    JupyterLab draws the notebook before its kernel is connected, and a Run All chosen then does
    nothing: wait for the status bar to say the kernel is idle, and choose it again if no cell starts.
    """
    kernel_idle(page).wait_for(timeout=START_TIMEOUT * 1000)
    for _attempt in range(3):
        page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
        page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()
        started = time.monotonic() + 10
        while time.monotonic() < started and all(p == "[ ]:" for p in code_prompts(page)):
            page.wait_for_timeout(200)
        if not all(p == "[ ]:" for p in code_prompts(page)):
            break
    deadline = time.monotonic() + RUN_TIMEOUT
    while True:
        prompts = code_prompts(page)
        if prompts and all(re.fullmatch(r"\[\d+\]:", p) for p in prompts):
            return
        if time.monotonic() > deadline:
            pytest.fail(f"Run All Cells did not finish in {RUN_TIMEOUT} s; prompts: {prompts}")
        page.wait_for_timeout(250)


def error_outputs(page: object) -> list[str]:
    """Texts of error and stderr outputs (a traceback renders as stderr in JupyterLab)."""
    return page.eval_on_selector_all(
        '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"],'
        ' .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]',
        "els => els.map(e => e.innerText)",
    )


# What a reader sees of one widget output: its text, and a digest of each image's pixels
# (an image widget gets a fresh blob URL on every redraw, so its src says nothing).
SNAPSHOT_JS = """
async (area) => {
  const images = [];
  for (const img of area.querySelectorAll('img')) {
    const bytes = await (await fetch(img.src)).arrayBuffer();
    const digest = await crypto.subtle.digest('SHA-256', bytes);
    images.push(Array.from(new Uint8Array(digest)).map(b => b.toString(16).padStart(2, '0')).join(''));
  }
  return {text: area.innerText, images};
}
"""


def snapshot(area: object) -> dict:
    """The visible state of one widget output area."""
    return area.evaluate(SNAPSHOT_JS)


def wait_for_change(area: object, before: dict, what: str, timeout: float = 30) -> dict:
    """Wait until the area's visible state differs from ``before``; fail naming ``what``."""
    deadline = time.monotonic() + timeout
    while True:
        now = snapshot(area)
        if now != before:
            # a redraw may come in steps (a label, then the table, then the figure): wait for the
            # kernel to be idle again, then read what is shown
            kernel_idle(area.page).wait_for(timeout=timeout * 1000)
            area.page.wait_for_timeout(300)
            return snapshot(area)
        if time.monotonic() > deadline:
            pytest.fail(f"{what} did not change what the widget shows within {timeout} s")
        area.page.wait_for_timeout(200)


def widget_areas(page: object) -> list[object]:
    """The output areas that hold a rendered widget view."""
    return page.locator(".jp-OutputArea-output:has(.jupyter-widgets)").all()


def label_of(control: object) -> str:
    """The description label of an ipywidgets control (its ``.widget-label``)."""
    label = control.locator(".widget-label").first
    return label.inner_text().strip() if label.count() else "(no label)"


def _person_filters_the_table(area: object, option: str) -> None:
    # 01: every event left in the table names the person chosen (column "People")
    if option == "everyone":
        return
    people = area.evaluate(
        """a => [...a.querySelectorAll('table.histkit-reader tbody tr')].map(r => r.cells[2].innerText)"""
    )
    assert people, f"choosing {option!r} left no event"
    assert all(option in p for p in people), f"choosing {option!r} left events of others: {people}"


def _reference_shows_its_passages(area: object, option: str) -> None:
    # 03: "WEINER 1997 (1 citation)" shows WEINER 1997's title and one citing passage per citation
    key_year, count = re.fullmatch(r"(.+) \((\d+) citations?\)", option).groups()
    text = area.inner_text()
    assert key_year in text, f"choosing {option!r} does not show {key_year!r}"
    assert area.locator("li").count() == int(count), f"choosing {option!r} does not show {count} passages"


# What a choice must show, beyond showing something else: (notebook, drop-down label) -> check.
DROPDOWN_CHECKS = {
    ("01-chronology.ipynb", "Person"): _person_filters_the_table,
    ("03-citations.ipynb", "Reference"): _reference_shows_its_passages,
}


def operate_dropdowns(area: object, notebook: str) -> int:
    """Choose another option in every drop-down; the view must change each time."""
    count = 0
    for box in area.locator(".widget-dropdown").all():
        select = box.locator("select")
        options = select.locator("option").all_inner_texts()
        assert len(options) > 1, f"{notebook}: drop-down {label_of(box)!r} offers nothing to choose"
        current = select.evaluate("s => s.selectedIndex")
        # the last option, then back to the first: both must redraw
        for index in dict.fromkeys([len(options) - 1 if current != len(options) - 1 else 0, current]):
            before = snapshot(area)
            select.select_option(index=index)
            wait_for_change(area, before, f"{notebook}: choosing {options[index]!r} in {label_of(box)!r}")
            check = DROPDOWN_CHECKS.get((Path(notebook).name, label_of(box)))
            if check:  # ipywidgets writes an option's spaces as no-break spaces
                check(area, options[index].replace("\xa0", " "))
        count += 1
    return count


def operate_sliders(area: object, notebook: str) -> int:
    """Move every slider handle one step with the keyboard; the view must change each time."""
    count = 0
    for box in area.locator(".widget-slider").all():
        handles = box.locator(".noUi-handle").all()
        assert handles, f"{notebook}: slider {label_of(box)!r} has no handle"
        for key, handle in zip(("ArrowRight", "ArrowLeft"), handles, strict=False):
            # the lower handle of a range moves up, the upper one down: the range narrows
            before = snapshot(area)
            handle.focus()
            handle.press(key)
            wait_for_change(area, before, f"{notebook}: {key} on slider {label_of(box)!r}")
        count += 1
    return count


def operate_text_boxes(area: object, notebook: str) -> int:
    """Type a new value in every number or text box; the view must change each time."""
    count = 0
    for box in area.locator(".widget-text, .widget-inline-hbox:has(input[type=number])").all():
        field_ = box.locator("input").first
        value = field_.input_value()
        try:
            new = f"{float(value) * 1.5:g}" if float(value) else "1"
        except ValueError:
            new = value + "x"
        before = snapshot(area)
        field_.fill(new)
        field_.press("Enter")
        wait_for_change(area, before, f"{notebook}: typing {new!r} in {label_of(box)!r}")
        count += 1
    return count


def save_screenshots(page: object, area: object, stem: str) -> None:
    """``<stem>.png``: the window at the first explorer; ``<stem>-full.png``: the whole notebook."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    area.evaluate("e => e.scrollIntoView({block: 'start'})")  # the explorer's controls at the top
    page.wait_for_timeout(300)
    page.screenshot(path=SCREENSHOTS / f"{stem}.png")
    # a window as tall as the notebook (Chromium draws at most 16,384 pixels)
    height = page.eval_on_selector(".jp-WindowedPanel-outer", "e => e.scrollHeight")
    page.set_viewport_size({"width": 1400, "height": min(int(height) + 200, 16000)})
    # back to the top: the panel keeps its scroll position, which would leave the window blank below the end
    page.eval_on_selector(".jp-WindowedPanel-outer", "e => e.scrollTo(0, 0)")
    page.wait_for_timeout(500)
    page.screenshot(path=SCREENSHOTS / f"{stem}-full.png")


def cut_texts(page: object) -> list[str]:
    """Readouts and labels of widgets whose text does not fit their box (cut, e.g. "1917 – 193")."""
    return page.eval_on_selector_all(
        ".jp-OutputArea-output .widget-readout, .jp-OutputArea-output .widget-label, "
        ".jp-OutputArea-output .widget-html-content",
        "els => els.filter(e => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1)"
        "           .map(e => e.innerText.slice(0, 80))",
    )


def text_box_values(area: object) -> dict[str, str]:
    """The value each text box shows, by its label: what a reader reads before touching anything."""
    return {
        label_of(box): box.locator("input").first.input_value()
        for box in area.locator(".widget-text, .widget-inline-hbox:has(input[type=number])").all()
    }


# What a reader must see before touching a widget: the notebook's parameters, every decimal kept.
STARTING_VALUES = {
    "02-railway-wages.ipynb": {"g of gold in a chervonets": "7.74234", "g of gold in a dollar": "1.50463"},
}


@pytest.mark.parametrize("notebook", [served_name(p) for p in NOTEBOOKS])
@pytest.mark.browser
@NEEDS_CHROMIUM
def test_notebook_in_jupyterlab(lab: str, browser: object, notebook: str) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    console = Console()
    console.listen(page)
    try:
        # a workspace of its own, reset: no tab left over from the notebook opened before
        stem = notebook.removesuffix(".ipynb").replace("examples/", "").replace("/", "-")
        page.goto(f"{lab}/lab/workspaces/{stem}/tree/{notebook}?reset")
        page.wait_for_selector(".jp-Notebook .jp-CodeCell", timeout=START_TIMEOUT * 1000)
        page.wait_for_selector('.jp-Notebook-ExecutionIndicator[data-status="idle"]', timeout=START_TIMEOUT * 1000)
        tabs = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tabLabel").all_inner_texts()
        assert tabs == [Path(notebook).name], f"JupyterLab opened other tabs beside the notebook: {tabs}"

        run_all_cells(page)
        assert error_outputs(page) == [], f"{notebook}: error output after Run All Cells"

        areas = widget_areas(page)
        assert areas, f"{notebook}: no widget was rendered"
        assert cut_texts(page) == [], f"{notebook}: widget texts cut off"
        shown = {k: v for area in areas for k, v in text_box_values(area).items()}
        for label, value in STARTING_VALUES.get(Path(notebook).name, {}).items():
            assert shown.get(label) == value, f"{notebook}: {label!r} starts at {shown.get(label)!r}, not {value}"
        operated = 0
        for area in areas:
            area.scroll_into_view_if_needed()
            operated += operate_dropdowns(area, notebook)
            operated += operate_sliders(area, notebook)
            operated += operate_text_boxes(area, notebook)
        assert operated, f"{notebook}: widgets rendered, but none could be operated"
        assert error_outputs(page) == [], f"{notebook}: error output after operating the widgets"

        save_screenshots(page, areas[0], stem)
        assert console.errors == [], f"{notebook}: errors in the browser console: {console.errors}"
    finally:
        page.close()


def test_cleared_copy_sends_outputs_elsewhere(tmp_path: Path) -> None:
    # The copies must not write into the project's figures/ or build/ (nor edit notebooks/).
    source = 'seed: str = "x"\nfigures_dir: str = "figures"  # where\ntables_dir = "build/tables"\n'
    redirected = redirect_outputs(source, tmp_path)
    assert f"figures_dir: str = {str(tmp_path / 'figures_dir')!r}  # where" in redirected
    assert f"tables_dir = {str(tmp_path / 'tables_dir')!r}" in redirected
    assert 'seed: str = "x"' in redirected
