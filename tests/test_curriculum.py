"""The curriculum index stays true: every path resolves, every lesson and test exists."""

import pytest

from course_lib import curriculum

# Tracks whose lessons are complete: every item of ../shared/curriculum/ must be indexed.
FINISHED_TRACKS = {"C1": 53, "C2": 76, "C3": 38}


@pytest.mark.parametrize("track, count", FINISHED_TRACKS.items())
def test_finished_tracks_index_every_item(track, count):
    ids = [item["id"] for item in curriculum.load_index() if item["id"].startswith(track + ".")]
    assert sorted(ids) == [f"{track}.{n:02d}" for n in range(1, count + 1)]


def test_every_numpy_path_lesson_test_and_check_resolves():
    assert curriculum.validate_index(import_keras=False) == []


@pytest.mark.tf
def test_every_keras_twin_resolves():
    assert curriculum.validate_index(import_keras=True) == []


def test_where_names_lesson_function_twin_and_check(capsys):
    text = curriculum.where("c1.23")
    assert "notebooks/c1_neural_networks/01_logistic_regression.py" in text
    assert "logistic_regression.propagate" in text
    assert "logistic_regression_tf.propagate" in text
    assert "check_propagate" in text
    assert capsys.readouterr().out.strip() == text


def test_unknown_item_says_what_is_covered():
    with pytest.raises(KeyError, match="C1.99 is not in the workbook yet"):
        curriculum.entry("C1.99")


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
