"""The learner's workbook (course_lib.workbook): copies, refreshes, keeps edits, resets.

The first test works on the real notebooks/ and checks that nothing under it is ever
written; the others use a small shipped folder of their own so they can change it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from course_lib import workbook
from course_lib.__main__ import main

LESSON = "c1_neural_networks/01_logistic_regression.py"


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


def test_copy_reset_and_rerun_never_touch_notebooks(tmp_path):
    before = _snapshot(workbook.SHIPPED)
    mine = tmp_path / "workbook"
    first = workbook.sync(workbook.SHIPPED, mine)
    assert {s.state for s in first} == {"new"}
    shipped = workbook._shipped_files(workbook.SHIPPED)
    assert LESSON in shipped and "c2_improving_dnns/README.md" in shipped
    for rel, path in shipped.items():
        assert (mine / rel).read_bytes() == path.read_bytes()
    assert (mine / "jupytext.toml").read_bytes() == workbook.JUPYTEXT_CONFIG.read_bytes()
    assert (mine / "START_HERE.md").is_file()

    (mine / LESSON).write_text("# my own attempt\n")
    assert workbook.sync(workbook.SHIPPED, mine)  # a re-run keeps the edit
    assert (mine / LESSON).read_text() == "# my own attempt\n"
    backup = workbook.reset(LESSON, workbook.SHIPPED, mine)
    assert backup.read_text() == "# my own attempt\n"
    assert (mine / LESSON).read_bytes() == (workbook.SHIPPED / LESSON).read_bytes()
    assert {s.state for s in workbook.sync(workbook.SHIPPED, mine)} == {"same"}
    assert _snapshot(workbook.SHIPPED) == before


@pytest.fixture
def shipped(tmp_path):
    root = tmp_path / "notebooks"
    (root / "c1").mkdir(parents=True)
    (root / "c1" / "01_a.py").write_text("a v1\n")
    (root / "c1" / "02_b.py").write_text("b v1\n")
    (root / "c1" / "README.md").write_text("# C1\n")
    (root / "c1" / "01_a.ipynb").write_text("{}")  # generated: never copied
    (root / "c1" / ".ipynb_checkpoints").mkdir()
    (root / "c1" / ".ipynb_checkpoints" / "01_a-checkpoint.py").write_text("x")
    return root


def _states(shipped, mine):
    return {s.path: s.state for s in workbook.status(shipped, mine)}


def test_first_sync_copies_only_what_a_learner_needs(shipped, tmp_path):
    mine = tmp_path / "workbook"
    workbook.sync(shipped, mine)
    copied = sorted(p.relative_to(mine).as_posix() for p in mine.rglob("*") if p.is_file())
    assert copied == [
        ".workbook.json",
        "c1/01_a.py",
        "c1/02_b.py",
        "c1/README.md",
        "jupytext.toml",
    ]
    manifest = json.loads((mine / ".workbook.json").read_text())["copied_from"]
    assert set(manifest) == {"c1/01_a.py", "c1/02_b.py", "c1/README.md"}


def test_an_update_refreshes_untouched_copies_and_keeps_edited_ones(shipped, tmp_path):
    mine = tmp_path / "workbook"
    workbook.sync(shipped, mine)
    (mine / "c1" / "02_b.py").write_text("b, my answer\n")  # the learner's work
    (mine / "c1" / "my_notes.py").write_text("mine\n")  # the learner's own file
    # `git pull`: both lessons change, a third one arrives, the README goes.
    (shipped / "c1" / "01_a.py").write_text("a v2\n")
    (shipped / "c1" / "02_b.py").write_text("b v2\n")
    (shipped / "c1" / "03_c.py").write_text("c v1\n")
    (shipped / "c1" / "README.md").unlink()
    assert _states(shipped, mine) == {
        "c1/01_a.py": "updated",
        "c1/02_b.py": "both",
        "c1/03_c.py": "new",
        "c1/README.md": "removed",
    }
    text = workbook.report(workbook.status(shipped, mine), mine)
    assert "c1/02_b.py: changed upstream AND edited by you" in text
    assert "make reset LESSON=" in text

    workbook.sync(shipped, mine)
    assert (mine / "c1" / "01_a.py").read_text() == "a v2\n"
    assert (mine / "c1" / "02_b.py").read_text() == "b, my answer\n"
    assert (mine / "c1" / "03_c.py").read_text() == "c v1\n"
    assert (mine / "c1" / "README.md").read_text() == "# C1\n"
    assert (mine / "c1" / "my_notes.py").read_text() == "mine\n"
    assert "c1/my_notes.py" not in _states(shipped, mine)

    diff = workbook.diff("02_b", shipped, mine)
    assert "-b v2" in diff and "+b, my answer" in diff
    backup = workbook.reset("notebooks/c1/02_b.py", shipped, mine)
    assert backup.read_text() == "b, my answer\n"
    assert mine / workbook.BACKUPS in backup.parents
    assert (mine / "c1" / "02_b.py").read_text() == "b v2\n"
    assert workbook.diff("c1/02_b.py", shipped, mine) == ""
    assert _states(shipped, mine)["c1/02_b.py"] == "same"


def test_an_edit_without_an_upstream_change_is_reported_and_kept(shipped, tmp_path):
    mine = tmp_path / "workbook"
    workbook.sync(shipped, mine)
    (mine / "c1" / "01_a.py").write_text("a, edited\n")
    assert _states(shipped, mine)["c1/01_a.py"] == "edited"
    workbook.sync(shipped, mine)
    assert (mine / "c1" / "01_a.py").read_text() == "a, edited\n"
    (mine / "c1" / "01_a.py").unlink()  # deleting a copy gets the shipped one back
    workbook.sync(shipped, mine)
    assert (mine / "c1" / "01_a.py").read_text() == "a v1\n"


def test_a_copy_without_a_record_counts_as_the_learners(shipped, tmp_path):
    mine = tmp_path / "workbook"
    (mine / "c1").mkdir(parents=True)
    (mine / "c1" / "01_a.py").write_text("written before the workbook existed\n")
    workbook.sync(shipped, mine)
    assert (mine / "c1" / "01_a.py").read_text() == "written before the workbook existed\n"
    assert _states(shipped, mine)["c1/01_a.py"] == "edited"


def test_reset_names_a_lesson_several_ways_and_refuses_unknown_ones(shipped, tmp_path):
    mine = tmp_path / "workbook"
    workbook.sync(shipped, mine)
    for name in ("c1/01_a.py", "workbook/c1/01_a.py", "01_a.py", "01_a", "c1/01_a"):
        assert workbook.reset(name, shipped, mine) is None  # nothing of the learner's to keep
    with pytest.raises(ValueError, match="Did you mean: c1/01_a.py"):
        workbook.reset("c1/01_aa.py", shipped, mine)
    with pytest.raises(ValueError, match="not a shipped lesson"):
        workbook.reset("zzz", shipped, mine)


def test_command_line_reports_errors_without_a_traceback(capsys):
    assert main(["workbook", "reset", "no_such_lesson.py"]) == 1
    assert "not a shipped lesson" in capsys.readouterr().err
    assert main(["workbook", "frobnicate"]) == 2
