"""Course 3's exercise checks fail the classic slips of their lessons, each with its own hint.

The slips are written here as a learner would write them (one function per slip, with the
exercise's signature), not taken from the checks, so a check whose diagnosis drifts from
the real mistake fails these tests. For each check: the reference and a correct learner
solution pass, a stub is "not attempted", and every slip fails with exactly one hint, the
right one.
"""

import numpy as np
import pytest
from slip_testing import fails_with, stub

from course_lib.c3_structuring_ml import error_analysis as ea
from course_lib.c3_structuring_ml import human_level as hl
from course_lib.c3_structuring_ml import metrics as mt
from course_lib.c3_structuring_ml import mismatch as mm
from course_lib.c3_structuring_ml import multitask as mtk
from course_lib.c3_structuring_ml.dev_test_checks import check_weighted_error
from course_lib.c3_structuring_ml.error_analysis_checks import check_error_ceiling
from course_lib.c3_structuring_ml.human_level_checks import check_avoidable_bias_and_variance
from course_lib.c3_structuring_ml.metrics_checks import check_precision_recall_f1
from course_lib.c3_structuring_ml.mismatch_checks import check_diagnose_gaps
from course_lib.c3_structuring_ml.multitask_checks import check_multitask_cost

# --- precision_recall_f1 (C3-01) ---------------------------------------------------------------


def prf_correct(Y_hat, Y):
    tp = np.sum((Y_hat == 1) & (Y == 1))
    fp = np.sum((Y_hat == 1) & (Y == 0))
    fn = np.sum((Y_hat == 0) & (Y == 1))
    precision = tp / (tp + fp) if tp + fp > 0 else 0.0
    recall = tp / (tp + fn) if tp + fn > 0 else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    return float(precision), float(recall), float(f1)


def prf_swapped(Y_hat, Y):
    tp = np.sum((Y_hat == 1) & (Y == 1))
    precision = tp / np.sum(Y == 1) if np.sum(Y == 1) else 0.0  # divides by actual positives
    recall = tp / np.sum(Y_hat == 1) if np.sum(Y_hat == 1) else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def prf_fp_fn_confused(Y_hat, Y):
    tp = np.sum(Y_hat * Y)
    fp = np.sum((1 - Y_hat) * Y)  # these are the false negatives
    fn = np.sum(Y_hat * (1 - Y))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def prf_arithmetic_mean(Y_hat, Y):
    precision, recall, _ = prf_correct(Y_hat, Y)
    return precision, recall, (precision + recall) / 2


def prf_no_two(Y_hat, Y):
    precision, recall, _ = prf_correct(Y_hat, Y)
    return precision, recall, precision * recall / (precision + recall) if precision else 0.0


def prf_tp_from_agreement(Y_hat, Y):
    tp = np.sum(Y_hat == Y)
    fp = np.sum((Y_hat == 1) & (Y == 0))
    fn = np.sum((Y_hat == 0) & (Y == 1))
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    return precision, recall, 2 * precision * recall / (precision + recall)


def prf_empty_precision_is_one(Y_hat, Y):
    tp = np.sum((Y_hat == 1) & (Y == 1))
    predicted = np.sum(Y_hat == 1)
    precision = tp / predicted if predicted else 1.0
    recall = tp / np.sum(Y == 1) if np.sum(Y == 1) else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def prf_empty_recall_is_one(Y_hat, Y):
    tp = np.sum((Y_hat == 1) & (Y == 1))
    actual = np.sum(Y == 1)
    precision = tp / np.sum(Y_hat == 1) if np.sum(Y_hat == 1) else 0.0
    recall = tp / actual if actual else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def prf_unguarded(Y_hat, Y):
    tp = np.sum((Y_hat == 1) & (Y == 1))
    precision = tp / np.sum(Y_hat == 1)
    recall = tp / np.sum(Y == 1)
    return precision, recall, 2 * precision * recall / (precision + recall)


def prf_f1_unguarded(Y_hat, Y):
    tp = np.sum((Y_hat == 1) & (Y == 1))
    precision = tp / np.sum(Y_hat == 1) if np.sum(Y_hat == 1) else np.float64(0.0)
    recall = tp / np.sum(Y == 1) if np.sum(Y == 1) else np.float64(0.0)
    return precision, recall, 2 * precision * recall / (precision + recall)


def prf_recall_unguarded(Y_hat, Y):
    tp = np.sum((Y_hat == 1) & (Y == 1))
    precision = tp / np.sum(Y_hat == 1) if np.sum(Y_hat == 1) else 0.0
    recall = tp / np.sum(Y == 1)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def prf_python_ints(Y_hat, Y):
    tp = int(np.sum((Y_hat == 1) & (Y == 1)))
    precision = tp / int(np.sum(Y_hat == 1))  # ZeroDivisionError when nothing is predicted
    recall = tp / int(np.sum(Y == 1))
    return precision, recall, 2 * precision * recall / (precision + recall)


def test_precision_recall_f1_reference_and_correct_learner_pass_and_stub_is_to_do():
    assert check_precision_recall_f1(mt.precision_recall_f1).passed
    assert check_precision_recall_f1(prf_correct).passed
    assert check_precision_recall_f1(stub).status == "not attempted"


PRF_SLIPS = [
    (prf_swapped, "Yours are the other way round"),
    (prf_fp_fn_confused, "Yours are the other way round"),
    (prf_arithmetic_mean, "harmonic mean, 2 * P * R / (P + R), not (P + R) / 2"),
    (prf_no_two, "the factor 2 is missing"),
    (prf_tp_from_agreement, "Y_hat == Y also counts the true negatives"),
    (prf_empty_precision_is_one, "convention is precision 0.0, not 1.0"),
    (prf_empty_recall_is_one, "convention is recall 0.0, not 1.0"),
    (prf_unguarded, "TP + FP = 0 and 0 / 0 is nan"),
    (prf_f1_unguarded, "return F1 0.0 when P + R = 0"),
    (prf_recall_unguarded, "TP + FN = 0 and 0 / 0 is nan"),
    (prf_python_ints, "guard the divisions"),
]


@pytest.mark.parametrize(("learner", "fragment"), PRF_SLIPS)
def test_precision_recall_f1_slips_get_their_own_hint(learner, fragment):
    with np.errstate(all="ignore"):
        result = check_precision_recall_f1(learner)
    fails_with(result, fragment)


def test_precision_recall_f1_cases_include_labels_without_positives():
    # The lesson states the recall convention for TP + FN = 0; a case must exercise it.
    with np.errstate(all="ignore"):
        result = check_precision_recall_f1(prf_recall_unguarded)
    assert "TP + FN = 0" in result.message.split("\n")[0], result.message


# --- weighted_error (C3-02) --------------------------------------------------------------------


def weighted_correct(Y_hat, Y, weights):
    mistakes = (Y_hat != Y).astype(float)
    return float(np.sum(weights * mistakes) / np.sum(weights))


def weighted_by_m(Y_hat, Y, weights):
    m = Y.shape[1]
    return float(np.sum(weights * (Y_hat != Y)) / m)


def weighted_mean(Y_hat, Y, weights):
    return float(np.mean(weights * (Y_hat != Y)))  # the same slip: divides by m


def weighted_ignores_weights(Y_hat, Y, weights):
    return float(np.mean(Y_hat != Y))


def weighted_agreements(Y_hat, Y, weights):
    return float(np.sum(weights * (Y_hat == Y)) / np.sum(weights))


def weighted_not_divided(Y_hat, Y, weights):
    return float(np.sum(weights * (Y_hat != Y)))


def weighted_difference(Y_hat, Y, weights):
    return float(np.sum(weights * (Y_hat - Y)) / np.sum(weights))


def weighted_dot_keeps_2d(Y_hat, Y, weights):
    return np.dot(weights, (Y_hat != Y).T) / np.sum(weights)  # a (1, 1) array


def test_weighted_error_reference_and_correct_learner_pass_and_stub_is_to_do():
    assert check_weighted_error(mt.weighted_error).passed
    assert check_weighted_error(weighted_correct).passed
    assert check_weighted_error(stub).status == "not attempted"


WEIGHTED_SLIPS = [
    (weighted_by_m, "divide by the sum of the weights, np.sum(weights), not by m"),
    (weighted_mean, "divide by the sum of the weights, np.sum(weights), not by m"),
    (weighted_ignores_weights, "by its weight w^(i) before summing"),
    (weighted_agreements, "weighted ACCURACY"),
    (weighted_not_divided, "so that the result is a fraction between 0 and 1"),
    (weighted_difference, "mistakes cancel"),
    (weighted_dot_keeps_2d, "return one float"),
]


@pytest.mark.parametrize(("learner", "fragment"), WEIGHTED_SLIPS)
def test_weighted_error_slips_get_their_own_hint(learner, fragment):
    fails_with(check_weighted_error(learner), fragment)


def test_weighted_error_generic_hint_is_the_formula():
    # A wrong number that matches no known slip still gets one hint: the formula.
    result = check_weighted_error(lambda Y_hat, Y, w: weighted_correct(Y_hat, Y, w) + 0.01)
    fails_with(result, "np.sum(weights * (Y_hat != Y)) / np.sum(weights)")
    assert "common mistake" not in result.message


# --- avoidable_bias_and_variance (C3-03) -------------------------------------------------------


def calc_correct(human_error, train_error, dev_error):
    avoidable_bias = train_error - human_error
    variance = dev_error - train_error
    if train_error < human_error:
        focus = hl.FOCUS_VARIANCE if variance > train_error else hl.FOCUS_UNCLEAR
    elif avoidable_bias >= variance:
        focus = hl.FOCUS_BIAS
    else:
        focus = hl.FOCUS_VARIANCE
    return {"avoidable_bias": avoidable_bias, "variance": variance, "focus": focus}


def _with(human_error, train_error, dev_error, **changes):
    result = calc_correct(human_error, train_error, dev_error)
    result.update(changes)
    return result


def calc_bias_is_train_error(h, t, d):
    return _with(h, t, d, avoidable_bias=t)


def calc_bias_is_train_error_focus_follows(h, t, d):
    bias, variance = t, d - t
    return {
        "avoidable_bias": bias,
        "variance": variance,
        "focus": hl.FOCUS_BIAS if bias >= variance else hl.FOCUS_VARIANCE,
    }


def calc_bias_reversed(h, t, d):
    bias, variance = h - t, d - t
    if t < h:
        focus = hl.FOCUS_VARIANCE if variance > t else hl.FOCUS_UNCLEAR
    else:
        focus = hl.FOCUS_BIAS if bias >= variance else hl.FOCUS_VARIANCE
    return {"avoidable_bias": bias, "variance": variance, "focus": focus}


def calc_variance_is_dev_error(h, t, d):
    return _with(h, t, d, variance=d)


def calc_variance_reversed(h, t, d):
    return _with(h, t, d, variance=t - d)


def calc_no_rule_below_human(h, t, d):
    bias, variance = t - h, d - t
    focus = hl.FOCUS_BIAS if bias >= variance else hl.FOCUS_VARIANCE
    return {"avoidable_bias": bias, "variance": variance, "focus": focus}


def calc_always_unclear_below_human(h, t, d):
    if t < h:
        return _with(h, t, d, focus=hl.FOCUS_UNCLEAR)
    return calc_correct(h, t, d)


def calc_tie_to_variance(h, t, d):
    bias, variance = t - h, d - t
    if t < h:
        return calc_correct(h, t, d)
    return _with(h, t, d, focus=hl.FOCUS_BIAS if bias > variance else hl.FOCUS_VARIANCE)


def calc_variance_at_least_train(h, t, d):
    if t < h:
        return _with(h, t, d, focus=hl.FOCUS_VARIANCE if d - t >= t else hl.FOCUS_UNCLEAR)
    return calc_correct(h, t, d)


def calc_at_human_level_is_unclear(h, t, d):
    if t <= h:
        return _with(h, t, d, focus=hl.FOCUS_VARIANCE if d - t > t else hl.FOCUS_UNCLEAR)
    return calc_correct(h, t, d)


def calc_typed_focus(h, t, d):
    words = {hl.FOCUS_BIAS: "bias", hl.FOCUS_VARIANCE: "variance", hl.FOCUS_UNCLEAR: "unclear"}
    return _with(h, t, d, focus=words[calc_correct(h, t, d)["focus"]])


def test_avoidable_bias_and_variance_reference_and_correct_pass_and_stub_is_to_do():
    assert check_avoidable_bias_and_variance(hl.avoidable_bias_and_variance).passed
    assert check_avoidable_bias_and_variance(calc_correct).passed
    assert check_avoidable_bias_and_variance(stub).status == "not attempted"


CALC_SLIPS = [
    (calc_bias_is_train_error, "judged against human level"),
    (calc_bias_is_train_error_focus_follows, "judged against human level"),
    (calc_bias_reversed, "yours is human_error - train_error"),
    (calc_variance_is_dev_error, "GAP dev_error - train_error, not the dev error"),
    (calc_variance_reversed, "yours is train_error - dev_error"),
    (calc_no_rule_below_human, "cannot be measured"),
    (calc_always_unclear_below_human, "answer hl.FOCUS_VARIANCE when variance > train_error"),
    (calc_tie_to_variance, "a tie goes to the bias"),
    (calc_variance_at_least_train, "strictly LARGER than train_error"),
    (calc_at_human_level_is_unclear, "exactly at human level is not below it"),
    (calc_typed_focus, "hl.FOCUS_BIAS, hl.FOCUS_VARIANCE and hl.FOCUS_UNCLEAR"),
]


@pytest.mark.parametrize(("learner", "fragment"), CALC_SLIPS)
def test_avoidable_bias_and_variance_slips_get_their_own_hint(learner, fragment):
    fails_with(check_avoidable_bias_and_variance(learner), fragment)


def test_avoidable_bias_and_variance_wrong_type_is_told_the_dict():
    result = check_avoidable_bias_and_variance(lambda h, t, d: (t - h, d - t))
    fails_with(result, "return {'avoidable_bias': ..., 'variance': ..., 'focus': ...}")


# --- error_ceiling (C3-04) ---------------------------------------------------------------------


def ceiling_correct(dev_error, n_in_category, n_examined):
    share = n_in_category / n_examined
    return dev_error - dev_error * share


def ceiling_subtracts_share(dev_error, n_in_category, n_examined):
    return dev_error - n_in_category / n_examined


def ceiling_returns_gain(dev_error, n_in_category, n_examined):
    return dev_error * n_in_category / n_examined


def ceiling_in_percent(dev_error, n_in_category, n_examined):
    return 100 * dev_error * (1 - n_in_category / n_examined)


def ceiling_share_upside_down(dev_error, n_in_category, n_examined):
    return dev_error * (1 - n_examined / n_in_category)


def ceiling_floor_division(dev_error, n_in_category, n_examined):
    return dev_error * (1 - n_in_category // n_examined)


def ceiling_unchanged(dev_error, n_in_category, n_examined):
    return dev_error


def test_error_ceiling_reference_and_correct_learner_pass_and_stub_is_to_do():
    assert check_error_ceiling(ea.error_ceiling).passed
    assert check_error_ceiling(ceiling_correct).passed
    assert check_error_ceiling(stub).status == "not attempted"


CEILING_SLIPS = [
    (ceiling_subtracts_share, "a share OF THE ERRORS"),
    (ceiling_returns_gain, "not the gain"),
    (ceiling_in_percent, "work in fractions"),
    (ceiling_share_upside_down, "not n_examined / n_in_category"),
    # the same numbers (5 // 100 is 0, so nothing is removed): one hint names both causes
    (ceiling_floor_division, "remove the category's share of the errors"),
    (ceiling_unchanged, "remove the category's share of the errors"),
]


@pytest.mark.parametrize(("learner", "fragment"), CEILING_SLIPS)
def test_error_ceiling_slips_get_their_own_hint(learner, fragment):
    result = check_error_ceiling(learner)
    fails_with(result, fragment)
    if learner in (ceiling_floor_division, ceiling_unchanged):
        assert "5 // 100 gives 0" in result.message
    if learner is not ceiling_subtracts_share:
        assert "OF THE ERRORS" not in result.message


# --- diagnose_gaps (C3-05) ---------------------------------------------------------------------

NAMES = ("avoidable bias", "variance", "data mismatch", "overfitting to the dev set")


def gaps_correct(human, train, train_dev, dev, test):
    gaps = {
        "avoidable bias": train - human,
        "variance": train_dev - train,
        "data mismatch": dev - train_dev,
        "overfitting to the dev set": test - dev,
    }
    largest = max(gaps, key=gaps.get)
    return gaps, largest


def gaps_mismatch_from_train(human, train, train_dev, dev, test):
    gaps, _ = gaps_correct(human, train, train_dev, dev, test)
    gaps["data mismatch"] = dev - train
    return gaps, max(gaps, key=gaps.get)


def gaps_mismatch_from_train_largest_kept(human, train, train_dev, dev, test):
    gaps, largest = gaps_correct(human, train, train_dev, dev, test)
    gaps["data mismatch"] = dev - train
    return gaps, largest


def gaps_variance_on_dev(human, train, train_dev, dev, test):
    gaps, _ = gaps_correct(human, train, train_dev, dev, test)
    gaps["variance"] = dev - train
    return gaps, max(gaps, key=gaps.get)


def gaps_reversed(human, train, train_dev, dev, test):
    levels = [human, train, train_dev, dev, test]
    gaps = {name: levels[i] - levels[i + 1] for i, name in enumerate(NAMES)}
    return gaps, max(gaps, key=gaps.get)


def gaps_returns_value(human, train, train_dev, dev, test):
    gaps, _ = gaps_correct(human, train, train_dev, dev, test)
    return gaps, max(gaps.values())


def gaps_by_absolute_value(human, train, train_dev, dev, test):
    gaps, _ = gaps_correct(human, train, train_dev, dev, test)
    return gaps, max(gaps, key=lambda name: abs(gaps[name]))


def gaps_tie_to_later(human, train, train_dev, dev, test):
    gaps, _ = gaps_correct(human, train, train_dev, dev, test)
    largest, best = None, -np.inf
    for name, gap in gaps.items():
        if gap >= best:
            largest, best = name, gap
    return gaps, largest


def gaps_short_names(human, train, train_dev, dev, test):
    gaps = {"bias": train - human, "variance": train_dev - train}
    return gaps, "bias"


def test_diagnose_gaps_reference_and_correct_learner_pass_and_stub_is_to_do():
    assert check_diagnose_gaps(mm.diagnose_gaps).passed
    assert check_diagnose_gaps(gaps_correct).passed
    assert check_diagnose_gaps(stub).status == "not attempted"


GAPS_SLIPS = [
    (gaps_mismatch_from_train, "data mismatch is dev - train_dev"),
    (gaps_mismatch_from_train_largest_kept, "data mismatch is dev - train_dev"),
    (gaps_variance_on_dev, "variance is train_dev - train"),
    (gaps_reversed, "the later level minus the earlier one"),
    (gaps_returns_value, "return the NAME of the largest gap"),
    (gaps_by_absolute_value, "compare the signed gaps"),
    (gaps_tie_to_later, "keep the EARLIER gap"),
    (gaps_short_names, "name the gaps exactly"),
]


@pytest.mark.parametrize(("learner", "fragment"), GAPS_SLIPS)
def test_diagnose_gaps_slips_get_their_own_hint(learner, fragment):
    fails_with(check_diagnose_gaps(learner), fragment)


# --- multitask_cost (C3-06) --------------------------------------------------------------------


def cost_correct(AL, Y, mask):
    m = AL.shape[1]
    Y = np.where(mask == 1, Y, 0)
    AL = np.clip(AL, 1e-12, 1 - 1e-12)
    losses = -(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    return float(np.sum(losses * mask) / m)


def cost_no_clip(AL, Y, mask):
    Y = np.where(mask == 1, Y, 0)
    losses = -(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    return float(np.sum(losses * mask) / AL.shape[1])


def cost_nan_kept(AL, Y, mask):
    AL = np.clip(AL, 1e-12, 1 - 1e-12)
    losses = -(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
    return float(np.sum(losses * mask) / AL.shape[1])


def cost_mean(AL, Y, mask):
    Y = np.where(mask == 1, Y, 0)
    AL = np.clip(AL, 1e-12, 1 - 1e-12)
    return float(np.mean(-(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) * mask))


def cost_by_labels(AL, Y, mask):
    Y = np.where(mask == 1, Y, 0)
    AL = np.clip(AL, 1e-12, 1 - 1e-12)
    losses = -(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) * mask
    return float(np.sum(losses) / np.sum(mask))


def cost_not_averaged(AL, Y, mask):
    Y = np.where(mask == 1, Y, 0)
    AL = np.clip(AL, 1e-12, 1 - 1e-12)
    return float(np.sum(-(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) * mask))


def cost_unmasked(AL, Y, mask):
    Y = np.nan_to_num(Y)  # the "?" become "no"
    AL = np.clip(AL, 1e-12, 1 - 1e-12)
    return float(np.sum(-(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))) / AL.shape[1])


def cost_one_term(AL, Y, mask):
    Y = np.where(mask == 1, Y, 0)
    AL = np.clip(AL, 1e-12, 1 - 1e-12)
    return float(-np.sum(Y * np.log(AL) * mask) / AL.shape[1])


def cost_no_minus(AL, Y, mask):
    Y = np.where(mask == 1, Y, 0)
    AL = np.clip(AL, 1e-12, 1 - 1e-12)
    return float(np.sum((Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) * mask) / AL.shape[1])


def cost_per_example(AL, Y, mask):
    Y = np.where(mask == 1, Y, 0)
    AL = np.clip(AL, 1e-12, 1 - 1e-12)
    losses = -(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) * mask
    return np.sum(losses, axis=0) / AL.shape[1]


def test_multitask_cost_reference_and_correct_learner_pass_and_stub_is_to_do():
    assert check_multitask_cost(mtk.multitask_cost).passed
    assert check_multitask_cost(cost_correct).passed
    assert check_multitask_cost(stub).status == "not attempted"


COST_SLIPS = [
    (cost_no_clip, "np.log(0) is -inf"),
    (cost_nan_kept, "NaN * 0 is still NaN"),
    (cost_mean, "np.mean over all entries also divides by the number of labels n_y"),
    (cost_by_labels, "not by np.sum(mask)"),
    (cost_not_averaged, "J averages over the examples"),
    (cost_unmasked, "a '?' must add nothing"),
    (cost_one_term, "add the (1 - Y) * np.log(1 - AL) term"),
    (cost_no_minus, "with the minus sign J is positive"),
    (cost_per_example, "np.sum with no axis"),
]


@pytest.mark.parametrize(("learner", "fragment"), COST_SLIPS)
def test_multitask_cost_slips_get_their_own_hint(learner, fragment):
    with np.errstate(all="ignore"):
        result = check_multitask_cost(learner)
    fails_with(result, fragment)
    if learner is not cost_nan_kept:
        assert "NaN * 0" not in result.message


def test_multitask_first_case_tells_the_three_denominators_apart():
    # m, the number of labels and the number of existing labels differ on the first case,
    # so np.mean and np.sum(mask) fail with their own hint from the first case on.
    for learner in (cost_mean, cost_by_labels, cost_not_averaged):
        first_line = check_multitask_cost(learner).message.split("\n")[0]
        assert first_line.startswith("on 2 images with 4 labels each"), first_line


@pytest.mark.parametrize(
    ("check", "slips"),
    [
        (check_precision_recall_f1, PRF_SLIPS),
        (check_weighted_error, WEIGHTED_SLIPS),
        (check_avoidable_bias_and_variance, CALC_SLIPS),
        (check_error_ceiling, CEILING_SLIPS),
        (check_diagnose_gaps, GAPS_SLIPS),
        (check_multitask_cost, COST_SLIPS),
    ],
    ids=["precision_recall_f1", "weighted_error", "bias_variance", "ceiling", "gaps", "cost"],
)
def test_no_slip_gets_another_slips_hint(check, slips):
    with np.errstate(all="ignore"):
        messages = {learner: check(learner).message for learner, _ in slips}
    for learner, fragment in slips:
        for _, other_fragment in slips:
            if other_fragment != fragment:
                assert other_fragment not in messages[learner], (learner, messages[learner])
