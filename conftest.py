"""Let nbval run the lessons straight from their jupytext `.py` sources.

nbval collects only `.ipynb` files; the lessons are committed as jupytext percent scripts.
Every `.py` under notebooks/ with a jupytext header becomes an nbval notebook whose cells
run in a fresh kernel; outputs are not compared (lax mode): the asserts inside the
lessons are the tests. One thing about the outputs is checked: no printed line is longer
than ``MAX_PRINTED_LINE`` characters, so JupyterLab at a normal width (about 1400 px, file
browser open) never wraps a line in the middle of a word. Run a single lesson with
    .venv/bin/python -m pytest notebooks/c1_neural_networks/01_logistic_regression.py
"""

from pathlib import Path
from unittest import mock

import jupytext
import nbval.plugin
import pytest

NOTEBOOKS = Path(__file__).parent / "notebooks"
MAX_PRINTED_LINE = 100


class JupytextLesson(nbval.plugin.IPyNbFile):
    """An nbval notebook read from a jupytext `.py` file instead of an `.ipynb`."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.compare_outputs = False  # lax: the lessons assert what they claim

    def collect(self):
        lesson = jupytext.read(self.path)
        # nbval reads its file with nbformat.read; hand it the converted lesson instead.
        with mock.patch.object(nbval.plugin.nbformat, "read", return_value=lesson):
            yield from super().collect()


def _is_lesson(path: Path) -> bool:
    return (
        path.suffix == ".py"
        and NOTEBOOKS in path.parents
        and path.read_text(encoding="utf-8").startswith("# ---\n# jupyter:")
    )


class _LessonSource(pytest.File):
    """Stands in for the Python module pytest would make of a lesson named on the command
    line: without it pytest imports the lesson, so it runs once at collection and again
    under nbval."""

    def collect(self):
        return []


def pytest_pycollect_makemodule(module_path: Path, parent):
    if _is_lesson(module_path):
        return _LessonSource.from_parent(parent, path=module_path)
    return None


def pytest_collect_file(file_path: Path, parent):
    if _is_lesson(file_path):
        return JupytextLesson.from_parent(parent, path=file_path)
    return None


def pytest_collection_modifyitems(items):
    for item in items:
        if isinstance(item.parent, JupytextLesson):
            item.add_marker(pytest.mark.notebook)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """After nbval has run a lesson cell, fail it if it printed a line that is too long."""
    result = yield
    if isinstance(item.parent, JupytextLesson):
        too_long = [
            line
            for out in item.test_outputs or ()
            if out.get("output_type") == "stream"
            for line in out.get("text", "").splitlines()
            if len(line) > MAX_PRINTED_LINE
        ]
        if too_long:
            raise AssertionError(
                f"{len(too_long)} printed line(s) longer than {MAX_PRINTED_LINE} characters "
                "(JupyterLab would break them mid-word); split them. First: " + too_long[0]
            )
    return result
