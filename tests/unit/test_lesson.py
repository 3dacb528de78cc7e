"""The first cell of every lesson: run size, seeds, banner."""

import json
import platform
import random
import subprocess
import sys

import matplotlib
import numpy as np
import pytest

from course_lib import lesson
from course_lib.lesson import RUN_ENV_VAR, RunBudget, run_budget, seed_everything, start_lesson


def test_run_budget_defaults_to_full(monkeypatch):
    monkeypatch.delenv(RUN_ENV_VAR, raising=False)
    budget = run_budget()
    assert budget == RunBudget("full")
    assert not budget.is_ci
    assert budget.pick(ci=10, full=1000) == 1000


@pytest.mark.parametrize("value", ["ci", "CI", " ci \n"])
def test_run_budget_ci(monkeypatch, value):
    monkeypatch.setenv(RUN_ENV_VAR, value)
    budget = run_budget()
    assert budget.name == "ci"
    assert budget.is_ci
    assert budget.pick(ci=10, full=1000) == 10


@pytest.mark.parametrize("value", ["", "  ", "full", "FULL"])
def test_run_budget_empty_or_full_is_full(monkeypatch, value):
    monkeypatch.setenv(RUN_ENV_VAR, value)
    assert run_budget().name == "full"


@pytest.mark.parametrize("value", ["bogus", "fast", "1"])
def test_run_budget_rejects_unknown_values(monkeypatch, value):
    monkeypatch.setenv(RUN_ENV_VAR, value)
    with pytest.raises(
        ValueError, match=rf"COURSE_RUN must be one of \('full', 'ci'\); got '{value}'"
    ):
        run_budget()


def test_run_budget_is_immutable():
    with pytest.raises(AttributeError):
        RunBudget("ci").name = "full"


def test_pick_returns_the_objects_themselves():
    small, big = [1], [2]
    assert RunBudget("ci").pick(ci=small, full=big) is small
    assert RunBudget("full").pick(ci=small, full=big) is big


def _draws():
    return random.random(), np.random.rand(3)  # noqa: NPY002 - the legacy global is what is seeded


def test_seed_everything_is_reproducible():
    rng_a = seed_everything(7)
    first = _draws(), rng_a.standard_normal(4)
    rng_b = seed_everything(7)
    second = _draws(), rng_b.standard_normal(4)
    assert first[0][0] == second[0][0]
    np.testing.assert_array_equal(first[0][1], second[0][1])
    np.testing.assert_array_equal(first[1], second[1])
    assert isinstance(rng_a, np.random.Generator)


def test_seed_everything_differs_between_seeds():
    seed_everything(1)
    one = _draws()
    seed_everything(2)
    two = _draws()
    assert one[0] != two[0]
    assert not np.array_equal(one[1], two[1])
    assert not np.array_equal(seed_everything(1).random(3), seed_everything(2).random(3))


def test_seed_everything_seeds_tensorflow_when_loaded(tf):
    seed_everything(3)
    a = tf.random.uniform((3,)).numpy()
    seed_everything(3)
    b = tf.random.uniform((3,)).numpy()
    np.testing.assert_array_equal(a, b)


def test_device_summary_without_tensorflow():
    assert lesson.device_summary(None) == "Device: NumPy only (TensorFlow not loaded)."


def test_device_summary_with_tensorflow(tf):
    text = lesson.device_summary(tf)
    if tf.config.list_physical_devices("GPU"):
        assert text.startswith("Device: GPU (")
    else:
        assert text.startswith("Device: CPU (")
        assert "TF_VARIANT=gpu make lab" in text


@pytest.mark.parametrize(("run", "note"), [("ci", "quick, reduced run"), ("full", "COURSE_RUN=ci")])
def test_start_lesson_without_tensorflow_prints_the_banner(monkeypatch, capsys, run, note):
    monkeypatch.setenv(RUN_ENV_VAR, run)
    result = start_lesson("C1 - Test lesson", seed=5, tensorflow=False)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "C1 - Test lesson"
    assert f"Python {platform.python_version()}" in lines[1]
    assert f"NumPy {np.__version__}" in lines[1]
    assert f"matplotlib {matplotlib.__version__}" in lines[1]
    assert "TensorFlow" not in lines[1]
    assert lines[2] == "Device: NumPy only (TensorFlow not loaded)."
    assert lines[3].startswith(f"Run size: {run} - ")
    assert note in lines[3]
    assert lines[4] == "Seed: 5. NumPy BLAS threads: 1."
    assert len(lines) == 5 and max(map(len, lines)) <= 100
    assert result.title == "C1 - Test lesson"
    assert (result.seed, result.budget, result.tf) == (5, RunBudget(run), None)
    np.testing.assert_array_equal(result.rng.random(3), np.random.default_rng(5).random(3))


def test_start_lesson_seeds_the_global_generators(monkeypatch, capsys):
    monkeypatch.setenv(RUN_ENV_VAR, "ci")
    start_lesson("a", seed=11, tensorflow=False)
    after_start = _draws()
    seed_everything(11)
    after_seed = _draws()
    assert after_start[0] == after_seed[0]
    np.testing.assert_array_equal(after_start[1], after_seed[1])


def test_start_lesson_with_tensorflow_names_its_version(monkeypatch, capsys, tf):
    import keras

    monkeypatch.setenv(RUN_ENV_VAR, "ci")
    result = start_lesson("TF lesson", seed=1)
    out = capsys.readouterr().out
    assert f"TensorFlow {tf.__version__} (Keras {keras.__version__})" in out
    assert result.tf is tf
    assert "Device: " in out and "NumPy only" not in out


def test_start_lesson_rejects_a_bogus_run_size_before_printing(monkeypatch, capsys):
    monkeypatch.setenv(RUN_ENV_VAR, "bogus")
    with pytest.raises(ValueError, match="COURSE_RUN"):
        start_lesson("x", tensorflow=False)
    assert capsys.readouterr().out == ""


def test_import_tensorflow_quietly_returns_the_loaded_module(tf):
    assert lesson.import_tensorflow_quietly() is sys.modules["tensorflow"] is tf


def test_start_lesson_limits_numpy_blas_threads():
    # In a fresh process, so this test process keeps its own thread settings.
    code = (
        "import json; from threadpoolctl import threadpool_info\n"
        "from course_lib.lesson import start_lesson\n"
        "start_lesson('t', tensorflow=False, blas_threads=1)\n"
        "print(json.dumps([i['num_threads'] for i in threadpool_info() "
        "if i['user_api'] == 'blas']))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    threads = json.loads(done.stdout.splitlines()[-1])
    assert threads and set(threads) == {1}
    with pytest.raises(ValueError, match="at least 1"):
        lesson.limit_blas_threads(0)


def test_print_values_wraps_between_pairs_within_the_width(capsys):
    values = {f"dW{l}": 1.25e-9 * l for l in range(1, 15)}
    lesson.print_values("relative differences", values, width=60)
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) > 1 and max(map(len, lines)) <= 60
    pairs = " ".join(line.strip() for line in lines).split(": ", 1)[1].split(", ")
    assert pairs == [f"dW{l} {1.25e-9 * l:.1e}" for l in range(1, 15)]


def test_progress_bar_shows_a_bar_and_clips_the_fraction(monkeypatch):
    import IPython.display

    from course_lib import lesson

    shown = []
    monkeypatch.setattr(IPython.display, "display", shown.append)
    update = lesson.progress_bar("training")
    (bar,) = shown
    assert bar.description == "training" and bar.value == 0.0
    update(0.25)
    assert bar.value == 0.25
    update(1.7)
    assert bar.value == 1.0
