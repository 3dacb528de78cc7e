"""Unit tests for course_lib.c3_structuring_ml.human_level and its exercise check."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from course_lib.c3_structuring_ml import human_level as hl
from course_lib.c3_structuring_ml import label_noise as ln
from course_lib.c3_structuring_ml.human_level_checks import check_avoidable_bias_and_variance

# --- the calculator -------------------------------------------------------------------------


def test_lecture_example_1_is_bias():
    r = hl.avoidable_bias_and_variance(0.01, 0.08, 0.10)
    assert r["avoidable_bias"] == pytest.approx(0.07) and r["variance"] == pytest.approx(0.02)
    assert r["focus"] == hl.FOCUS_BIAS


def test_lecture_example_2_is_variance():
    r = hl.avoidable_bias_and_variance(0.075, 0.08, 0.10)
    assert r["avoidable_bias"] == pytest.approx(0.005) and r["variance"] == pytest.approx(0.02)
    assert r["focus"] == hl.FOCUS_VARIANCE


def test_medical_example_depends_on_the_reference():
    assert hl.avoidable_bias_and_variance(0.005, 0.007, 0.008)["focus"] == hl.FOCUS_BIAS
    assert hl.avoidable_bias_and_variance(0.01, 0.007, 0.008)["focus"] == hl.FOCUS_UNCLEAR
    for human in hl.LECTURE_LADDER.values():
        assert hl.avoidable_bias_and_variance(human, 0.05, 0.06)["focus"] == hl.FOCUS_BIAS
        assert hl.avoidable_bias_and_variance(human, 0.01, 0.05)["focus"] == hl.FOCUS_VARIANCE


def test_below_human_level_only_a_huge_variance_is_clear():
    r = hl.avoidable_bias_and_variance(0.07, 0.0, 0.19)  # memorised a noisy training set
    assert r["avoidable_bias"] == pytest.approx(-0.07) and r["focus"] == hl.FOCUS_VARIANCE
    assert hl.avoidable_bias_and_variance(0.07, 0.05, 0.09)["focus"] == hl.FOCUS_UNCLEAR


def test_a_tie_goes_to_the_bias():
    assert hl.avoidable_bias_and_variance(0.25, 0.5, 0.75)["focus"] == hl.FOCUS_BIAS


@given(human=st.floats(0, 1), train=st.floats(0, 1), dev=st.floats(0, 1))
def test_calculator_identities(human, train, dev):
    r = hl.avoidable_bias_and_variance(human, train, dev)
    assert r["avoidable_bias"] + r["variance"] == pytest.approx(dev - human, abs=1e-12)
    assert r["focus"] in (hl.FOCUS_BIAS, hl.FOCUS_VARIANCE, hl.FOCUS_UNCLEAR)
    if train >= human:
        assert r["focus"] != hl.FOCUS_UNCLEAR


@pytest.mark.parametrize("args", [(1.0, 8.0, 10.0), (-0.1, 0.1, 0.1), (0.1, float("nan"), 0.2)])
def test_calculator_rejects_non_fractions(args):
    with pytest.raises(ValueError, match="fraction"):
        hl.avoidable_bias_and_variance(*args)


def test_bayes_proxy_is_the_best_human():
    assert hl.bayes_proxy(hl.LECTURE_LADDER) == ("team of experienced doctors", 0.005)
    with pytest.raises(ValueError, match="at least one"):
        hl.bayes_proxy({})
    with pytest.raises(ValueError, match="fraction"):
        hl.bayes_proxy({"doctor": 3.0})


def test_reference_table_has_one_row_per_reference():
    table = hl.reference_table(hl.LECTURE_LADDER, 0.007, 0.008)
    assert table.column("human-level reference") == list(hl.LECTURE_LADDER)
    assert table.column("work on")[-1] == hl.FOCUS_BIAS
    assert table.column("avoidable bias")[0] == "-2.3 %"


# --- the recipe -----------------------------------------------------------------------------


def test_recipe_puts_the_larger_gap_first():
    bias_first = hl.improvement_recipe(0.01, 0.08, 0.10)
    assert bias_first[0] == "avoidable bias: " + hl.BIAS_REMEDIES[0]
    assert bias_first[-1].startswith("variance:") and len(bias_first) == 6
    variance_first = hl.improvement_recipe(0.075, 0.08, 0.10)
    assert variance_first[0] == "variance: " + hl.VARIANCE_REMEDIES[0]
    assert variance_first[-1].startswith("avoidable bias:")


def test_recipe_tolerance_done_and_surpassed():
    only_variance = hl.improvement_recipe(0.075, 0.08, 0.10, tolerance=0.01)
    assert all(step.startswith("variance:") for step in only_variance)
    assert hl.improvement_recipe(0.05, 0.05, 0.05)[0].startswith("done")
    surpassed = hl.improvement_recipe(0.077, 0.056, 0.066)
    assert surpassed[0].startswith("surpassed human level")
    assert surpassed[1].startswith("variance:")
    assert not any(step.startswith("avoidable bias") for step in surpassed)


def test_plot_decision_flow_draws_both_assumptions():
    ax = hl.plot_decision_flow()
    texts = " ".join(t.get_text() for t in ax.texts)
    assert "avoidable bias = train - human" in texts and "variance = dev - train" in texts
    assert "bigger model" in texts and "more data" in texts
    # every arrow leaving a remedies box (right column) goes back to question 1 (top row):
    # a variance remedy can bring the bias back, so 2 is never checked before 1 again
    back = [a for a in ax.texts if hasattr(a, "xyann") and a.xyann[0] > 5]
    assert len(back) == 2
    assert all(a.xy[0] < 5 and a.xy[1] > 4 for a in back)


# --- simulated humans and real models -------------------------------------------------------


@pytest.fixture(scope="module")
def task():
    X_pool, Y_pool, _ = ln.noisy_sine_data(600, 0.05, seed=0)
    X_dev, Y_dev, _ = ln.noisy_sine_data(4000, 0.05, seed=1)
    return X_pool, Y_pool, X_dev, Y_dev


def test_labellers_are_above_bayes_and_a_team_beats_one_expert(task):
    _, _, X_dev, Y_dev = task
    errors = hl.ladder_errors(X_dev, Y_dev)
    assert list(errors) == list(hl.SIMULATED_LADDER)
    values = list(errors.values())
    assert values == sorted(values, reverse=True)  # the ladder goes from worst to best
    assert min(values) > np.mean(ln.sine_rule(X_dev) != Y_dev)
    perfect = hl.labeller_error(X_dev, ln.sine_rule(X_dev), perception_noise=0.0)
    assert perfect == 0.0


def test_labeller_errors():
    X = np.zeros((2, 3))
    with pytest.raises(ValueError, match="odd"):
        hl.labeller_labels(X, 0.1, voters=2)
    with pytest.raises(ValueError, match=">= 0"):
        hl.labeller_labels(X, -0.1)
    with pytest.raises(ValueError, match=r"\(2, m\)"):
        hl.labeller_labels(np.zeros((3, 3)), 0.1)


def test_train_and_measure_and_l2(task):
    X_pool, Y_pool, X_dev, Y_dev = task
    line = hl.train_and_measure(X_pool, Y_pool, X_dev, Y_dev, (), 200, 1.0)
    net = hl.train_and_measure(X_pool, Y_pool, X_dev, Y_dev, (16, 16), 600, 1.0)
    assert set(line["parameters"]) == {"W1", "b1"}
    assert net["dev_error"] < line["dev_error"] - 0.02
    plain = hl.train_and_measure(X_pool[:, :50], Y_pool[:, :50], X_dev, Y_dev, (32, 32), 800, 0.5)
    l2 = hl.train_and_measure(
        X_pool[:, :50], Y_pool[:, :50], X_dev, Y_dev, (32, 32), 800, 0.5, lambd=1.0
    )
    assert l2["train_error"] > plain["train_error"]  # the penalty gives up some training fit
    with pytest.raises(ValueError, match="lambd"):
        hl.train_and_measure(X_pool, Y_pool, X_dev, Y_dev, lambd=-1.0)
    with pytest.raises(ValueError, match=r"\(n_x, m_dev\) = \(2, m_dev\)"):
        hl.train_and_measure(X_pool, Y_pool, X_dev[:1], Y_dev)


def test_learning_curve_improves_with_data_and_reports_progress(task):
    X_pool, Y_pool, X_dev, Y_dev = task
    seen = []
    curve = hl.learning_curve(
        X_pool,
        Y_pool,
        X_dev,
        Y_dev,
        [10, 600],
        (16, 16),
        400,
        1.0,
        repeats=2,
        progress=seen.append,
    )
    assert curve["dev_error_all"].shape == (2, 2)
    assert curve["dev_error"][1] < curve["dev_error"][0] - 0.03
    assert curve["train_error"][0] < curve["dev_error"][0]
    assert seen and seen[-1] == pytest.approx(1.0) and seen == sorted(seen)
    with pytest.raises(ValueError, match="sizes"):
        hl.learning_curve(X_pool, Y_pool, X_dev, Y_dev, [0, 10])
    with pytest.raises(ValueError, match="sizes"):
        hl.learning_curve(X_pool, Y_pool, X_dev, Y_dev, [601])


def test_plot_progress_draws_human_and_bayes_lines():
    curve = {
        "sizes": np.array([8, 64]),
        "train_error": np.array([0.0, 0.04]),
        "dev_error": np.array([0.3, 0.08]),
    }
    ax = hl.plot_progress(None, curve, human_error=0.077, bayes_error=0.05)
    labels = [line.get_label() for line in ax.get_lines()]
    assert "dev accuracy" in labels and any(lab.startswith("Bayes optimal (95.0") for lab in labels)
    dev_line = next(line for line in ax.get_lines() if line.get_label() == "dev accuracy")
    np.testing.assert_allclose(dev_line.get_ydata(), [70.0, 92.0])
    # the band's caption hangs from the top right, away from the training accuracy, which
    # is 100 % at the smallest m (left) and crosses the band's lower part on its way down
    (band,) = [t for t in ax.texts if "above the Bayes limit" in t.get_text()]
    assert band.get_position() == (64, 100.3)
    assert (band.get_ha(), band.get_va()) == ("right", "top")


# --- the exercise check ---------------------------------------------------------------------


def _correct(human_error, train_error, dev_error):
    bias, variance = train_error - human_error, dev_error - train_error
    if train_error < human_error:
        focus = hl.FOCUS_VARIANCE if variance > train_error else hl.FOCUS_UNCLEAR
    else:
        focus = hl.FOCUS_BIAS if bias >= variance else hl.FOCUS_VARIANCE
    return {"avoidable_bias": bias, "variance": variance, "focus": focus}


def _bias_is_train_error(human_error, train_error, dev_error):  # seed error E39
    result = _correct(human_error, train_error, dev_error)
    result["avoidable_bias"] = train_error
    return result


def _variance_is_dev_error(human_error, train_error, dev_error):
    result = _correct(human_error, train_error, dev_error)
    result["variance"] = dev_error
    return result


def _no_surpass_rule(human_error, train_error, dev_error):
    bias, variance = train_error - human_error, dev_error - train_error
    focus = hl.FOCUS_BIAS if bias >= variance else hl.FOCUS_VARIANCE
    return {"avoidable_bias": bias, "variance": variance, "focus": focus}


def test_check_passes_correct_functions():
    assert check_avoidable_bias_and_variance(_correct).passed
    assert check_avoidable_bias_and_variance(hl.avoidable_bias_and_variance).passed


def test_check_explains_the_classic_mistakes():
    result = check_avoidable_bias_and_variance(_bias_is_train_error)
    assert not result.passed and "judged against human level" in result.message
    result = check_avoidable_bias_and_variance(_variance_is_dev_error)
    assert not result.passed and "GAP" in result.message
    result = check_avoidable_bias_and_variance(_no_surpass_rule)
    assert not result.passed and "cannot be measured" in result.message


def test_check_stub_and_wrong_type():
    def stub(human_error, train_error, dev_error):
        raise NotImplementedError

    assert check_avoidable_bias_and_variance(stub).status == "not attempted"
    result = check_avoidable_bias_and_variance(lambda h, t, d: (t - h, d - t))
    assert not result.passed and "should be a dict" in result.message
