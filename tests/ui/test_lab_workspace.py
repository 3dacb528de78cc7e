"""The learner's workbook as JupyterLab serves it (`make lab`): saving keeps lessons as shipped.

`make lab` serves workbook/, a copy of notebooks/ with the repository's jupytext.toml inside
(course_lib/workbook.py). Here the same copy is made in a scratch folder and served exactly
so (jupytext's contents manager, the project's app settings; the server fixtures are the
browser test's). Two checks:

- without a browser: every lesson is read and written back through the server's REST API
  (GET/PUT /api/contents, what JupyterLab does on save), also after a run left outputs,
  execution counts and kernel metadata in it, and stays byte-identical to the shipped file;
- in Chromium (marked browser): the start page and a track README open rendered, a link on
  the start page opens a lesson as a notebook, and running a cell and saving it leaves the
  file as shipped. Screenshots go to test-artifacts/ui/.
"""

from __future__ import annotations

import copy
import json
import time
import urllib.request
from pathlib import Path

import pytest
import test_browser as ui
from test_browser import ARTIFACTS, PAGE_LOAD_S, LabServer, _wait_for

from course_lib import workbook
from course_lib.curriculum import START_PAGE

# The browser test's fixtures: `lab(name, root)` servers, Chromium and a 1400 px page.
lab, browser, page = ui.lab, ui.browser, ui.page
SHIPPED = workbook.SHIPPED
LESSONS = sorted(p.relative_to(SHIPPED).as_posix() for p in SHIPPED.glob("*/[0-9][0-9]_*.py"))


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A fresh workbook copy in a scratch folder; notebooks/ must be untouched afterwards."""
    before = _snapshot(SHIPPED)
    root = tmp_path_factory.mktemp("workbook")
    workbook.sync(SHIPPED, root)
    yield root
    assert _snapshot(SHIPPED) == before, "serving and saving the workbook changed notebooks/"


def _contents(server: LabServer, path: str, method: str = "GET", body: dict | None = None):
    query = "?type=notebook&content=1" if method == "GET" else ""
    request = urllib.request.Request(
        f"{server.url}/api/contents/{path}{query}",
        method=method,
        data=json.dumps(body).encode() if body is not None else None,
        headers={"Authorization": f"token {server.token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def _as_if_run(notebook: dict) -> dict:
    """What a run leaves in the model: outputs, counts, kernel metadata, cell metadata."""
    notebook = copy.deepcopy(notebook)
    notebook["metadata"]["language_info"] = {"name": "python", "version": "3.11.0"}
    notebook["metadata"]["widgets"] = {"application/vnd.jupyter.widget-state+json": {}}
    for n, cell in enumerate(notebook["cells"]):
        cell["metadata"].update({"trusted": True, "scrolled": False})
        if cell["cell_type"] == "code":
            cell["execution_count"] = n
            cell["metadata"]["execution"] = {"iopub.status.idle": "2026-01-01T00:00:00Z"}
            cell["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "ran\n"}]
    return notebook


def test_saving_through_the_server_keeps_every_lesson_as_shipped(lab, served):
    assert len(LESSONS) >= 18
    assert (served / "jupytext.toml").read_bytes() == workbook.JUPYTEXT_CONFIG.read_bytes()
    server = lab("workbook-rest", served)
    changed = []
    for rel in LESSONS:
        model = _contents(server, rel)
        assert model["type"] == "notebook", f"{rel} is not served as a notebook"
        for content in (model["content"], _as_if_run(model["content"])):
            body = {"type": "notebook", "format": "json", "content": content}
            _contents(server, rel, "PUT", body)
            if (served / rel).read_bytes() != (SHIPPED / rel).read_bytes():
                changed.append(rel)
    assert not changed, f"saving through JupyterLab changed: {sorted(set(changed))}"
    assert {s.state for s in workbook.status(SHIPPED, served)} == {"same"}


# --- In the browser -------------------------------------------------------------------------
# Which viewer shows `path`: a rendered markdown page, a file editor, or a notebook.
VIEWER_JS = """
(path) => {
  const app = window.jupyterapp;
  if (!app) return null;
  const widget = Array.from(app.shell.widgets('main')).find(
    (w) => w.context && w.context.path === path);
  if (!widget) return null;
  const node = widget.node;
  if (node.querySelector('.jp-Notebook')) return 'notebook';
  if (node.querySelector('.jp-FileEditor')) return 'editor';
  if (node.querySelector('.jp-RenderedMarkdown h1')) return 'rendered';
  return 'loading';
}
"""


def _wait_viewer(page, path: str, timeout_s: float = PAGE_LOAD_S) -> str:
    deadline, viewer = time.monotonic() + timeout_s, None
    while time.monotonic() < deadline:
        viewer = page.evaluate(VIEWER_JS, path)
        if viewer not in (None, "loading"):
            return viewer
        page.wait_for_timeout(250)
    pytest.fail(f"{path} did not open within {timeout_s} s (last: {viewer})")


@pytest.mark.browser
def test_start_page_readme_and_a_saved_lesson_in_the_browser(page, lab, served):
    server = lab("workbook-browser", served)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.goto(server.lab_url(START_PAGE), wait_until="domcontentloaded")
    assert _wait_viewer(page, START_PAGE) == "rendered", "the start page did not open rendered"
    start = page.locator(".jp-MarkdownViewer .jp-RenderedMarkdown").first
    page.wait_for_timeout(500)  # let the fonts settle before the picture
    page.screenshot(path=ARTIFACTS / "workbook-start-page.png")

    # A track README, from the start page's map (JupyterLab rewrites a local link to
    # /files/<path> and opens it in the app): opens rendered, Markdown Preview by default.
    readme = "c2_improving_dnns/README.md"
    start.locator(f'a[href*="/files/{readme}"]').first.click()
    assert _wait_viewer(page, readme) == "rendered", f"{readme} did not open rendered"
    page.wait_for_timeout(500)
    page.screenshot(path=ARTIFACTS / "workbook-track-readme.png")

    # A lesson, from its link on the start page: opens as a notebook; run a cell, save.
    lesson = "c1_neural_networks/01_logistic_regression.py"
    page.evaluate(
        """(path) => { const app = window.jupyterapp;
          const w = Array.from(app.shell.widgets('main')).find((w) => w.context.path === path);
          app.shell.activateById(w.id); }""",
        START_PAGE,
    )
    start.locator(f'a[href*="/files/{lesson}"]').first.click()
    assert _wait_viewer(page, lesson) == "notebook", f"{lesson} did not open as a notebook"
    idle = lambda s: s["connected"] and s["kernel"] == "idle"  # noqa: E731
    _wait_for(page, idle, PAGE_LOAD_S, "an idle kernel", lesson)
    page.evaluate(
        """(path) => {
          const app = window.jupyterapp;
          const nb = Array.from(app.shell.widgets('main')).find((w) => w.context.path === path);
          app.shell.activateById(nb.id);
          nb.content.activeCellIndex = nb.content.widgets.findIndex((c) => c.model.type === 'code');
          return app.commands.execute('notebook:run-cell');
        }""",
        lesson,
    )
    _wait_for(
        page,
        lambda s: s["kernel"] == "idle" and s["cells"][0]["ran"],
        PAGE_LOAD_S,
        "the first code cell to run",
        lesson,
    )
    dirty_js = (
        "(path) => Array.from(window.jupyterapp.shell.widgets('main'))"
        ".find((w) => w.context && w.context.path === path).context.model.dirty"
    )
    assert page.evaluate(dirty_js, lesson), "running a cell should leave the notebook modified"
    saves: list[str] = []
    page.on(
        "request",
        lambda r: saves.append(r.url) if r.method == "PUT" and "/api/contents/" in r.url else None,
    )
    page.evaluate("() => window.jupyterapp.commands.execute('docmanager:save')")
    page.wait_for_function(f"(path) => !({dirty_js})(path)", arg=lesson, timeout=30_000)
    assert any(url.split("?")[0].endswith(lesson) for url in saves), f"no save request: {saves}"
    page.screenshot(path=ARTIFACTS / "workbook-lesson-saved.png")
    assert (served / lesson).read_bytes() == (SHIPPED / lesson).read_bytes(), (
        "running a cell and saving in JupyterLab changed the lesson's file"
    )
