"""Tier 6: a lesson's dashboard, driven end to end in JupyterLab by headless Chromium.

JupyterLab runs on 127.0.0.1 exactly as `make lab` serves it (rooted at a workbook copy of
notebooks/ made by course_lib.workbook.sync, the project's app settings, jupytext opening the
.py lessons as notebooks), but with throwaway user settings and workspaces so a developer's
own never leak in. Each case opens a lesson
in a fresh workspace, runs all cells, checks that no cell failed, then moves the dashboard's
first slider with the keyboard and checks that the settings line and the plot both change.

Screenshots go to test-artifacts/ui/ (gitignored), as does the server log of each run.
Needs Chromium (CHROMIUM_PATH, default /usr/bin/chromium): the test is skipped without it,
unless REQUIRE_BROWSER=1, which turns the skip into a failure (CI sets it).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import expect, sync_playwright

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"
ARTIFACTS = REPO / "test-artifacts" / "ui"

# --- What is tested -------------------------------------------------------------------------
# The lessons, relative to notebooks/, each with a word that only its dashboard's settings
# line shows (before and after the slider moves), one per finished track: the Course 1
# learning-rate dashboard, Course 2's live optimiser-path dashboard (GD, momentum, RMSprop
# and Adam on one surface), Course 3's live decision-threshold dashboard and Course 4's live
# output-size dashboard (n, f, p, s and the sliding window). On each of these
# lessons every dashboard's sliders are measured too (MIN_TRACK_PX) and every dashboard
# figure must be shown at its own size, not shrunk to fit.
LESSONS = {
    "c1_neural_networks/01_logistic_regression.py": "learning_rate=",
    "c2_improving_dnns/05_optimization.py": "beta1=",
    "c3_structuring_ml/01_metrics_and_orthogonalization.py": "threshold=",
    "c4_convnets/01_edges_and_convolution.py": "stride=",
    "c4_convnets/11_yolo.py": "k=",  # the anchor-count slider
}
# The narrowest usable slider track, in CSS pixels at the 1400 px viewport.
MIN_TRACK_PX = 100
# A second, fast case: a plain-ipywidgets dashboard with the same DOM contract, so a broken
# pipeline (server, jupytext, widgets, keyboard) is told apart from a broken lesson.
FIXTURE = Path(__file__).parent / "fixtures" / "fixture_dashboard.py"
FIXTURE_SETTING = "frequency="
# Share of the plot's pixels that must change after the slider moves: a redrawn curve changes
# a few percent of them, one threshold step (0.50 -> 0.51: a few points and numbers) about
# 0.2 %, a re-encoded but identical figure none.
MIN_CHANGED_FRACTION = 0.001

# --- Time limits, in seconds (the whole module stays well under two minutes) ----------------
SERVER_START_S = 60
PAGE_LOAD_S = 60  # JupyterLab up and the lesson open as a notebook, kernel idle
RUN_ALL_S = 150  # a lesson imports TensorFlow and trains; ~40 s on a 2-core machine
REDRAW_S = 60  # slider moved -> new PNG in the page (~0.2 s for the fixture)
SHUTDOWN_S = 15

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]

# Selectors of the dashboard's DOM contract (course_lib.widgets.Dashboard).
DASHBOARD = ".course-dashboard"
PLOT_IMG = ".course-dashboard-plot img"
SETTINGS = ".course-dashboard-settings"
SLIDER_HANDLE = ".widget-slider .noUi-handle"
SLIDER_TRACK = ".widget-slider .noUi-target"
ERROR_OUTPUT = '.jp-RenderedText[data-mime-type="application/vnd.jupyter.error"]'


# --- JupyterLab server ----------------------------------------------------------------------
@dataclass
class LabServer:
    root_dir: Path
    url: str
    token: str
    proc: subprocess.Popen
    log_path: Path

    def lab_url(self, path: str) -> str:
        """A fresh, reset workspace showing only `path`, so each case starts from a clean UI."""
        workspace = f"ui-test-{secrets.token_hex(4)}"
        return f"{self.url}/lab/workspaces/{workspace}/tree/{quote(path)}?reset&token={self.token}"

    def log_tail(self, chars: int = 3000) -> str:
        return self.log_path.read_text(errors="replace")[-chars:]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _api(server: LabServer, path: str, method: str = "GET") -> int:
    request = urllib.request.Request(
        f"{server.url}{path}",
        method=method,
        headers={"Authorization": f"token {server.token}"},
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        return response.status


def _start_lab(root_dir: Path, name: str, home: Path) -> LabServer:
    port, token = _free_port(), secrets.token_hex(24)
    # Throwaway user-level state (lab settings and workspaces, Jupyter config and runtime
    # files, IPython profile); the app-level settings in .venv/share/jupyter/lab/settings, which
    # `make setup` installs, stay in force.
    env = dict(os.environ)
    user_dirs = {
        "JUPYTERLAB_SETTINGS_DIR": home / "lab-settings",
        "JUPYTERLAB_WORKSPACES_DIR": home / "lab-workspaces",
        "JUPYTER_CONFIG_DIR": home / "jupyter-config",
        "JUPYTER_RUNTIME_DIR": home / "jupyter-runtime",
        "IPYTHONDIR": home / "ipython",
    }
    env.update({var: str(path) for var, path in user_dirs.items()})
    # scripts/test.sh exports MPLBACKEND=Agg for the headless tests; the kernel must plot
    # inline, as a learner's does.
    env.pop("MPLBACKEND", None)
    # Run-all leaves the notebook modified; autosave would write it back over the lesson.
    docmanager = user_dirs["JUPYTERLAB_SETTINGS_DIR"] / "@jupyterlab" / "docmanager-extension"
    docmanager.mkdir(parents=True)
    (docmanager / "plugin.jupyterlab-settings").write_text(json.dumps({"autosave": False}))
    args = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",  # fail loudly rather than serve on another port
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root_dir}",
        "--LabApp.expose_app_in_browser=True",  # window.jupyterapp: run-all, kernel state
        # Opening a file makes a checkpoint copy; keep it out of the repository's tree.
        f"--FileCheckpoints.checkpoint_dir={home / 'checkpoints'}",
    ]
    if os.geteuid() == 0:
        args.append("--allow-root")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log_path = ARTIFACTS / f"jupyterlab-{name}.log"
    with log_path.open("wb") as log:
        # Own session, so a last-resort kill takes the server's whole process group.
        proc = subprocess.Popen(
            args,
            cwd=root_dir,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = LabServer(root_dir, f"http://127.0.0.1:{port}", token, proc, log_path)
    deadline = time.monotonic() + SERVER_START_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"JupyterLab exited with {proc.returncode}:\n{server.log_tail()}")
        try:
            if _api(server, "/api/status") == 200:
                return server
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.25)
    _stop_lab(server)
    pytest.fail(f"JupyterLab did not answer within {SERVER_START_S} s:\n{server.log_tail()}")


def _stop_lab(server: LabServer) -> None:
    """Ask politely (kernels are shut down too), then terminate, then kill."""
    proc = server.proc
    if proc.poll() is None:
        try:
            _api(server, "/api/shutdown", method="POST")
            proc.wait(SHUTDOWN_S)
        except (urllib.error.URLError, OSError, subprocess.TimeoutExpired):
            pass
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(SHUTDOWN_S)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(SHUTDOWN_S)


@pytest.fixture(scope="module")
def lab() -> Iterator[Callable[[str, Path], LabServer]]:
    """`lab(name, root_dir)`: a server per name, started on first use, all stopped at the end."""
    servers: dict[str, LabServer] = {}
    with tempfile.TemporaryDirectory(prefix="ui-test-") as tmp:

        def get(name: str, root_dir: Path) -> LabServer:
            if name not in servers:
                servers[name] = _start_lab(root_dir, name, Path(tmp) / name)
            return servers[name]

        try:
            yield get
        finally:
            for server in servers.values():
                _stop_lab(server)


# --- Browser --------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def browser():
    chromium = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    if not (os.path.isfile(chromium) and os.access(chromium, os.X_OK)):
        reason = f"Chromium not found at {chromium} (set CHROMIUM_PATH)"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"{reason}; REQUIRE_BROWSER=1 forbids skipping")
        pytest.skip(reason)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, args=CHROMIUM_ARGS, timeout=30_000
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(30_000)
    try:
        yield context.new_page()
    finally:
        context.close()


# --- Notebook state, read from JupyterLab's own models ---------------------------------------
# Returns null until the document at `path` is open; then whether it opened as a notebook,
# the kernel's state, and per code cell (empty ones skipped: they never run) whether it has
# run and its error outputs.
NOTEBOOK_STATE_JS = """
(path) => {
  const app = window.jupyterapp;
  if (!app) return null;
  const widget = Array.from(app.shell.widgets('main')).find(
    (w) => w.context && w.context.path === path);
  if (!widget) return null;
  if (!widget.sessionContext || !widget.content || !widget.content.widgets) {
    return {notebook: false, widget: widget.constructor.name};
  }
  const kernel = widget.sessionContext.session && widget.sessionContext.session.kernel;
  const cells = widget.content.widgets
    .filter((c) => c.model.type === 'code' && c.model.sharedModel.getSource().trim())
    .map((c) => {
      const errors = [];
      for (let i = 0; i < c.model.outputs.length; i++) {
        const out = c.model.outputs.get(i).toJSON();
        if (out.output_type === 'error') errors.push(`${out.ename}: ${out.evalue}`);
      }
      return {ran: c.model.executionCount !== null, errors};
    });
  return {
    notebook: true,
    kernel: kernel ? kernel.status : null,
    connected: kernel ? kernel.connectionStatus === 'connected' : false,
    cells,
  };
}
"""


def _notebook_state(page, path: str) -> dict | None:
    return page.evaluate(NOTEBOOK_STATE_JS, path)


def _wait_for(page, predicate, timeout_s: float, what: str, path: str) -> dict:
    """Poll the notebook state until `predicate(state)` holds; fail with the last state."""
    deadline, state = time.monotonic() + timeout_s, None
    while time.monotonic() < deadline:
        state = _notebook_state(page, path)
        if state is not None and predicate(state):
            return state
        page.wait_for_timeout(250)
    pytest.fail(f"timed out after {timeout_s} s waiting for {what}; last state: {state}")


# The Output widget re-renders on every redraw, so the <img> is a new element each time: look
# it up afresh inside the dashboard (whose element stays) rather than hold on to the old one.
PLOT_READY_JS = f"""
({{box, oldSrc}}) => {{
  const img = box.querySelector('{PLOT_IMG}');
  return img && img.complete && img.naturalWidth > 0 && img.getAttribute('src') !== oldSrc
    ? img.getAttribute('src') : null;
}}
"""


def _wait_for_plot(page, dashboard, old_src: str | None) -> str:
    """Wait until the dashboard shows a decoded PNG other than `old_src`; return its src."""
    arg = {"box": dashboard.element_handle(), "oldSrc": old_src}
    return page.wait_for_function(PLOT_READY_JS, arg=arg, timeout=REDRAW_S * 1000).json_value()


def _changed_fraction(before_png: bytes, after_png: bytes) -> float:
    """Share of pixels that differ visibly (beyond anti-aliasing noise) between two PNGs."""
    from PIL import Image, ImageChops

    before = Image.open(io.BytesIO(before_png)).convert("RGB")
    after = Image.open(io.BytesIO(after_png)).convert("RGB")
    if before.size != after.size:
        return 1.0
    diff = ImageChops.difference(before, after).convert("L").point(lambda v: 255 * (v > 32))
    return diff.histogram()[255] / (before.width * before.height)


def _run_dashboard_case(page, server: LabServer, path: str, setting: str, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    js_errors: list[str] = []  # uncaught errors in the page, reported if the case fails
    page.on("pageerror", lambda error: js_errors.append(str(error)))
    # Every call that could write a file through the contents API: the test only reads
    # lessons and must never save one. Creating a checkpoint (JupyterLab does on opening a
    # file) is fine: checkpoints go to a scratch folder; restoring one is not.
    writes: list[str] = []

    def record_write(request) -> None:
        url, method = request.url.split("?")[0], request.method
        new_checkpoint = method == "POST" and url.endswith("/checkpoints")
        if "/api/contents" in url and method != "GET" and not new_checkpoint:
            writes.append(f"{method} {url}")

    page.on("request", record_write)
    try:
        page.goto(server.lab_url(path), wait_until="domcontentloaded")
        # Opening as a notebook proves the shipped defaultViewers override reached the app.
        state = _wait_for(page, lambda s: s is not None, PAGE_LOAD_S, f"{path} to open", path)
        assert state["notebook"], f"{path} opened as {state.get('widget')}, not a notebook"
        _wait_for(
            page,
            lambda s: s["connected"] and s["kernel"] == "idle",
            PAGE_LOAD_S,
            "an idle, connected kernel",
            path,
        )

        # Fire and forget: the command's promise settles only when the run ends, and
        # page.evaluate has no timeout of its own; the polling below has one.
        page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
        # Done when every code cell has run and the kernel is idle, or as soon as one fails
        # (run-all stops there, so the rest would never run).
        state = _wait_for(
            page,
            lambda s: (
                s["kernel"] == "idle"
                and (all(c["ran"] for c in s["cells"]) or any(c["errors"] for c in s["cells"]))
            ),
            RUN_ALL_S,
            "all cells to run",
            path,
        )
        errors = [e for c in state["cells"] for e in c["errors"]]
        assert not errors, f"cells raised: {errors}"
        assert page.locator(ERROR_OUTPUT).count() == 0, "an error output is shown"
        ran_s = time.monotonic() - started

        # The lesson's dashboard is the one whose settings line shows `setting`.
        dashboard = page.locator(DASHBOARD).filter(has=page.locator(SETTINGS, has_text=setting))
        dashboard = dashboard.first
        dashboard.scroll_into_view_if_needed(timeout=REDRAW_S * 1000)
        img = dashboard.locator(PLOT_IMG).first
        settings = dashboard.locator(SETTINGS).first
        settings_before = settings.inner_text()
        src_before = _wait_for_plot(page, dashboard, None)
        shot_before = img.screenshot(path=ARTIFACTS / f"{name}-before.png")

        # One keyboard step, as a learner would nudge it; noUiSlider reports a key press as a
        # finished change, so even a retrain-on-release dashboard recomputes.
        dashboard.locator(SLIDER_HANDLE).first.press("ArrowRight")
        _wait_for_plot(page, dashboard, src_before)
        # The settings line and the plot arrive in separate messages: let both land.
        expect(settings).not_to_have_text(settings_before, timeout=REDRAW_S * 1000)
        settings_after = settings.inner_text()
        shot_after = img.screenshot(path=ARTIFACTS / f"{name}-after.png")
        page.screenshot(path=ARTIFACTS / f"{name}-page.png", full_page=True)

        assert setting in settings_before and setting in settings_after, (
            f"settings line should show {setting!r}: {settings_before!r} -> {settings_after!r}"
        )
        assert settings_after != settings_before
        fraction = _changed_fraction(shot_before, shot_after)
        assert fraction >= MIN_CHANGED_FRACTION, (
            f"only {fraction:.2%} of the plot's pixels changed after the slider moved"
        )
        assert not writes, f"the page wrote through the contents API: {writes}"
        layouts = _check_dashboard_layouts(page, name)
        tracks = [round(s["track"]) for layout in layouts for s in layout["sliders"]]
        widths = sorted({round(layout["output"] or 0) for layout in layouts})
        print(f"{name}: {len(layouts)} dashboards, slider tracks {tracks} px, output {widths} px")
        print(
            f"{name}: open + run all {ran_s:.1f} s, total {time.monotonic() - started:.1f} s; "
            f"{settings_before!r} -> {settings_after!r}, {fraction:.1%} of plot pixels changed"
        )
    except BaseException:
        # Leave a picture of the page and the server log's tail for whoever debugs this.
        with contextlib.suppress(Exception):  # the original failure matters, not this one
            page.screenshot(path=ARTIFACTS / f"{name}-failure.png", full_page=True, timeout=5000)
        if js_errors:
            print("page errors:\n" + "\n".join(js_errors))
        print(f"server log ({server.log_path}):\n{server.log_tail()}")
        raise


# Per slider of one dashboard: its description (the label above it, if any) and the width
# of its track; per plot: the displayed and natural widths of the PNG.
DASHBOARD_LAYOUT_JS = """
(box) => {
  const sliders = Array.from(box.querySelectorAll('.widget-slider')).map((s) => {
    const track = s.querySelector('.noUi-target');
    const label = s.querySelector('.widget-label');
    const above = s.parentElement && s.parentElement.querySelector(':scope > .widget-label');
    const text = (label && label.textContent.trim()) || (above && above.textContent.trim());
    return {label: text || '?', track: track ? track.getBoundingClientRect().width : 0};
  });
  const img = box.querySelector('.course-dashboard-plot img');
  const out = box.closest('.jp-OutputArea-output');
  return {
    sliders,
    shown: img ? img.getBoundingClientRect().width : null,
    natural: img ? img.naturalWidth / (window.devicePixelRatio || 1) : null,
    output: out ? out.getBoundingClientRect().width : null,
  };
}
"""


def _check_dashboard_layouts(page, name: str) -> list[dict]:
    """Every dashboard on the page: no slider track under MIN_TRACK_PX, no shrunk figure."""
    dashboards, layouts = page.locator(DASHBOARD), []
    for k in range(dashboards.count()):
        box = dashboards.nth(k)
        box.scroll_into_view_if_needed(timeout=REDRAW_S * 1000)  # laid out only when shown
        page.wait_for_timeout(300)
        layouts.append(box.evaluate(DASHBOARD_LAYOUT_JS))
        box.screenshot(path=ARTIFACTS / f"{name}-dashboard-{k}.png")
    narrow = [
        f"dashboard {k}: {s['label']!r} {s['track']:.0f} px"
        for k, layout in enumerate(layouts)
        for s in layout["sliders"]
        if s["track"] < MIN_TRACK_PX
    ]
    assert not narrow, f"slider tracks under {MIN_TRACK_PX} px: {narrow}"
    shrunk = [
        f"dashboard {k}: {layout['natural']:.0f} px shown at {layout['shown']:.0f} px"
        for k, layout in enumerate(layouts)
        if layout["shown"] is not None and layout["shown"] < layout["natural"] - 1
    ]
    assert not shrunk, f"figures drawn wider than the notebook and shrunk: {shrunk}"
    return layouts


# --- The cases ------------------------------------------------------------------------------
def test_fixture_dashboard(page, lab, tmp_path):
    """The pipeline on a seconds-long plain-ipywidgets dashboard (runs first: fails fast)."""
    # tests/ is outside notebooks/, so this server is rooted at a scratch copy of the fixture.
    shutil.copy(FIXTURE, tmp_path / FIXTURE.name)
    server = lab("fixture", tmp_path)
    _run_dashboard_case(page, server, FIXTURE.name, FIXTURE_SETTING, FIXTURE.stem)


@pytest.fixture(scope="module")
def learner_workbook(tmp_path_factory) -> Path:
    """The lessons as `make lab` serves them: a workbook copy made by workbook.sync (with the
    repository's jupytext.toml inside), in a scratch folder instead of workbook/."""
    from course_lib import workbook

    root = tmp_path_factory.mktemp("workbook")
    workbook.sync(NOTEBOOKS, root)
    return root


@pytest.mark.parametrize("path, setting", LESSONS.items(), ids=lambda v: Path(v).stem)
def test_lesson_dashboard(page, lab, learner_workbook, path, setting):
    """A real lesson, served as `make lab` serves it: run it all, then move the slider."""
    lesson = learner_workbook / path
    assert lesson.is_file(), f"lesson {path} is not in the workbook copy"
    _run_dashboard_case(page, lab("lessons", learner_workbook), path, setting, lesson.stem)
