"""The curriculum index stays true: every path resolves, every lesson and test exists."""

import re

import pytest

from course_lib import curriculum
from course_lib.__main__ import main

# Tracks whose lessons are complete: every item of ../shared/curriculum/ must be indexed,
# id 1 to the count given.
FINISHED_TRACKS = {"C1": 53, "C2": 76, "C3": 38, "C4": 109}


@pytest.mark.parametrize("track, count", FINISHED_TRACKS.items())
def test_finished_tracks_index_every_item(track, count):
    ids = [item["id"] for item in curriculum.load_index() if item["id"].startswith(track + ".")]
    indexed = sorted(int(i.split(".")[1]) for i in ids)  # as numbers: C4.99 < C4.100
    assert indexed == list(range(1, count + 1)), f"{track}: {sorted(ids)}"


def test_every_numpy_path_lesson_test_and_check_resolves():
    assert curriculum.validate_index(import_keras=False) == []


@pytest.mark.tf
def test_every_keras_twin_resolves():
    assert curriculum.validate_index(import_keras=True) == []


def test_where_names_lesson_function_twin_and_check(capsys):
    text = curriculum.describe("c1.23")
    assert "notebooks/c1_neural_networks/01_logistic_regression.py" in text
    assert "logistic_regression.propagate" in text
    assert "logistic_regression_tf.propagate" in text
    assert "check_propagate" in text
    assert capsys.readouterr().out == ""
    # where() prints the text and returns None, so a notebook shows it exactly once.
    assert curriculum.where("C1.23") is None
    assert capsys.readouterr().out == text + "\n"
    assert curriculum.describe(" c1.6 ") == curriculum.describe("C1.06")


def test_where_keeps_every_line_within_a_notebook_width_and_lists_every_test():
    for item in curriculum.load_index():
        text = curriculum.describe(item["id"])
        lines = text.splitlines()
        assert max(map(len, lines)) <= 100, text
        assert all(name in text for name in item["tests"]), text


@pytest.mark.parametrize(
    "item_id, message",
    [
        ("C1.99", r"C1.99 is not in the workbook's index; C1 covers C1.01-C1.53\. Closest: "),
        ("C2.7x", r"'C2.7x' is not a curriculum id: ids look like 'C1.23'"),
        ("ZZ", r"'ZZ' is not a curriculum id"),
        ("C5.05", r"C5.05 is not in the workbook yet: track C5 has no lessons yet"),
        ("C4.110", r"C4.110 is not in the workbook's index; C4 covers C4.01-C4.109"),
    ],
)
def test_unknown_ids_raise_a_clear_error(item_id, message, capsys):
    with pytest.raises(ValueError, match=message):
        curriculum.where(item_id)
    assert capsys.readouterr().out == ""  # nothing half-printed
    with pytest.raises(TypeError, match="a curriculum id is a string"):
        curriculum.entry(23)


def test_make_where_prints_the_entry_or_the_error(capsys):
    assert main(["where", "C2.45"]) == 0
    assert capsys.readouterr().out == curriculum.describe("C2.45") + "\n"
    assert main(["where", "ZZ"]) == 1
    assert "not a curriculum id" in capsys.readouterr().err


def test_the_committed_start_page_is_up_to_date():
    page = curriculum.REPO_ROOT / "notebooks" / curriculum.START_PAGE
    assert page.read_text(encoding="utf-8") == curriculum.start_page(), (
        "notebooks/START_HERE.md is stale: run `make map` and commit it"
    )


def test_the_start_page_links_every_lesson_and_track_readme():
    text = curriculum.start_page()
    notebooks = curriculum.REPO_ROOT / "notebooks"
    links = re.findall(r"\]\(([^)]+)\)", text)
    assert links and all((notebooks / link).is_file() for link in links)
    lessons = sorted(p.relative_to(notebooks).as_posix() for p in notebooks.glob("*/[0-9]*.py"))
    assert sorted(link for link in links if link.endswith(".py")) == lessons
    for _, folder, title in curriculum.TRACKS:
        assert f"### {title}" in text
        assert (notebooks / folder / "README.md").is_file(), f"{folder} has no README"
    # Every indexed item's id appears in its lesson's line.
    for item in curriculum.load_index():
        lesson = item["notebook"].partition("#")[0].removeprefix("notebooks/")
        line = next(x for x in text.splitlines() if f"]({lesson})" in x)
        assert item["id"].split(".")[0] in line


def test_validate_reports_broken_paths(monkeypatch):
    broken = (
        {
            "id": "C1.06",
            "title": "t",
            "notebook": "notebooks/missing.py",
            "numpy": "course_lib.nowhere.f",
            "keras": None,
            "tests": ["tests/nope.py"],
        },
    )
    monkeypatch.setattr(curriculum, "load_index", lambda: broken)
    problems = curriculum.validate_index(import_keras=False)
    assert any("missing.py does not exist" in p for p in problems)
    assert any("course_lib.nowhere.f does not resolve" in p for p in problems)
    assert any("without a `why`" in p for p in problems)
    assert any("tests/nope.py does not exist" in p for p in problems)
