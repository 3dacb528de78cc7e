"""Auto-check for the human-level exercise; compares with the course_lib reference.

Taught in: notebooks/c3_structuring_ml/03_human_level_performance.py ("Your turn" cell).
"""

from __future__ import annotations

from course_lib.c3_structuring_ml import human_level as hl
from course_lib.exercises import Case, CheckResult, Slip, check_function

__all__ = ["check_avoidable_bias_and_variance"]


def _focus(human, train, bias, variance):
    if train < human:
        return hl.FOCUS_VARIANCE if variance > train else hl.FOCUS_UNCLEAR
    return hl.FOCUS_BIAS if bias >= variance else hl.FOCUS_VARIANCE


def _calculator(bias_of=None, variance_of=None, focus_of=_focus, focus_from_right=False):
    """An avoidable_bias_and_variance with a wrong bias, variance or focus rule.

    A wrong number's focus is taken from the wrong numbers (as a learner's code does) or,
    with ``focus_from_right``, from the right ones (a learner who wrote focus separately).
    """

    def fn(human, train, dev):
        right_bias, right_variance = train - human, dev - train
        bias = bias_of(human, train, dev) if bias_of else right_bias
        variance = variance_of(human, train, dev) if variance_of else right_variance
        if focus_from_right:
            focus = focus_of(human, train, right_bias, right_variance)
        else:
            focus = focus_of(human, train, bias, variance)
        return {"avoidable_bias": bias, "variance": variance, "focus": focus}

    return fn


def _number_slips(mistake, hint, **wrong):
    # Both ways a learner may derive focus from a wrong number get the same advice.
    return [
        Slip(mistake, hint, _calculator(**wrong)),
        Slip(mistake, hint, _calculator(**wrong, focus_from_right=True)),
    ]


def _no_rule_below_human(human, train, bias, variance):
    return hl.FOCUS_BIAS if bias >= variance else hl.FOCUS_VARIANCE


def _always_unclear_below_human(human, train, bias, variance):
    if train < human:
        return hl.FOCUS_UNCLEAR
    return _focus(human, train, bias, variance)


def _tie_to_variance(human, train, bias, variance):
    if train < human:
        return _focus(human, train, bias, variance)
    return hl.FOCUS_BIAS if bias > variance else hl.FOCUS_VARIANCE


def _variance_at_least_train(human, train, bias, variance):
    if train < human:
        return hl.FOCUS_VARIANCE if variance >= train else hl.FOCUS_UNCLEAR
    return _focus(human, train, bias, variance)


def _unclear_at_human_level(human, train, bias, variance):
    if train <= human:
        return hl.FOCUS_VARIANCE if variance > train else hl.FOCUS_UNCLEAR
    return _focus(human, train, bias, variance)


def _typed_by_hand(human, train, bias, variance):
    return {hl.FOCUS_BIAS: "bias", hl.FOCUS_VARIANCE: "variance", hl.FOCUS_UNCLEAR: "unclear"}[
        _focus(human, train, bias, variance)
    ]


_SLIPS = [
    *_number_slips(
        "the training error taken as the bias",
        "avoidable bias is train_error - human_error: bias is judged against human level "
        "(the Bayes proxy), not against 0.",
        bias_of=lambda h, t, d: t,
    ),
    *_number_slips(
        "avoidable bias subtracted the wrong way round",
        "avoidable bias is train_error - human_error (positive while people do better than "
        "the model); yours is human_error - train_error.",
        bias_of=lambda h, t, d: h - t,
    ),
    *_number_slips(
        "the dev error taken as the variance",
        "variance is the GAP dev_error - train_error, not the dev error itself.",
        variance_of=lambda h, t, d: d,
    ),
    *_number_slips(
        "variance subtracted the wrong way round",
        "variance is dev_error - train_error (the dev error is the larger one); yours is "
        "train_error - dev_error.",
        variance_of=lambda h, t, d: t - d,
    ),
    # before the next one: on a variance exactly equal to train_error both say "variance",
    # and a learner with no rule at all fails earlier, on the typical doctor
    Slip(
        "variance >= train_error below human level",
        "below human level the variance must be strictly LARGER than train_error "
        "(variance > train_error) to settle it; equal is still unclear.",
        _calculator(focus_of=_variance_at_least_train),
    ),
    Slip(
        "no special rule below human level",
        "when train_error < human_error the avoidable bias cannot be measured (the Bayes error "
        f"lies between 0 and human level): answer hl.FOCUS_UNCLEAR, {hl.FOCUS_UNCLEAR!r}, "
        "unless the variance is larger than train_error.",
        _calculator(focus_of=_no_rule_below_human),
    ),
    Slip(
        "'unclear' for every model below human level",
        "below human level a variance larger than the whole training error still settles it: "
        "answer hl.FOCUS_VARIANCE when variance > train_error.",
        _calculator(focus_of=_always_unclear_below_human),
    ),
    Slip(
        "a tie given to the variance",
        "a tie goes to the bias (fit the training set first): hl.FOCUS_BIAS when "
        "avoidable_bias >= variance.",
        _calculator(focus_of=_tie_to_variance),
    ),
    Slip(
        "train_error <= human_error treated as below human level",
        "a model exactly at human level is not below it: the 'unclear' rule is for "
        "train_error < human_error (strictly); at equality compare the two gaps.",
        _calculator(focus_of=_unclear_at_human_level),
    ),
    Slip(
        "the focus typed by hand",
        "return the constants hl.FOCUS_BIAS, hl.FOCUS_VARIANCE and hl.FOCUS_UNCLEAR "
        "rather than strings of your own.",
        _calculator(focus_of=_typed_by_hand),
    ),
]


def check_avoidable_bias_and_variance(learner_fn) -> CheckResult:
    """Check a learner's ``avoidable_bias_and_variance(human_error, train_error, dev_error)``.

    The cases are the lecture's two examples (1 % / 8 % / 10 % and 7.5 % / 8 % / 10 %),
    the medical example against two references, a model that over-fits a noisy training
    set (train error below human level but a huge variance), a tie, a variance exactly
    equal to the training error below human level, and a model exactly at human level.
    Classic slips (training error as bias, dev error as variance, reversed gaps, the rules
    below human level and on ties, hand-typed focus strings) get their own hint.

    Taught in: notebooks/c3_structuring_ml/03_human_level_performance.py, section 4.
    """
    cases = [
        Case("human 1 %, train 8 %, dev 10 % (lecture example 1)", (0.01, 0.08, 0.10)),
        Case("human 7.5 %, train 8 %, dev 10 % (lecture example 2)", (0.075, 0.08, 0.10)),
        Case("human 0.5 %, train 0.7 %, dev 0.8 % (team of doctors)", (0.005, 0.007, 0.008)),
        Case("human 1 %, train 5 %, dev 6 %", (0.01, 0.05, 0.06)),
        Case("human 0.5 %, train 1 %, dev 5 %", (0.005, 0.01, 0.05)),
        Case("human 1 %, train 0.7 %, dev 0.8 % (typical doctor)", (0.01, 0.007, 0.008)),
        Case("human 7 %, train 0 %, dev 19 % (memorised a noisy training set)", (0.07, 0.0, 0.19)),
        Case("human 25 %, train 50 %, dev 75 % (a tie)", (0.25, 0.5, 0.75)),
        Case("human 10 %, train 5 %, dev 10 % (variance = train error)", (0.10, 0.05, 0.10)),
        Case("human 8 %, train 8 %, dev 10 % (exactly at human level)", (0.08, 0.08, 0.10)),
    ]
    return check_function(
        "avoidable_bias_and_variance",
        learner_fn,
        hl.avoidable_bias_and_variance,
        cases,
        slips=_SLIPS,
        hints={
            "['avoidable_bias'] is": "avoidable bias is train_error - human_error: bias is "
            "judged against human level (the Bayes proxy), not against 0.",
            "['variance'] is": "variance is the GAP dev_error - train_error, not the dev error.",
            "['focus'] is": "below human level (train_error < human_error) answer "
            "hl.FOCUS_UNCLEAR unless variance > train_error (then hl.FOCUS_VARIANCE); "
            "otherwise the larger gap, a tie going to hl.FOCUS_BIAS.",
            "should be a dict": "return {'avoidable_bias': ..., 'variance': ..., 'focus': ...}.",
        },
    )
