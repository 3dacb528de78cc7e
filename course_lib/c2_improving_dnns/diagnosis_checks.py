"""Auto-checks for the set-up and diagnosis exercise; compares with the course_lib reference.

Taught in: notebooks/c2_improving_dnns/01_setup_and_diagnosis.py ("Your turn" cell).
"""

from __future__ import annotations

from course_lib.c2_improving_dnns import diagnosis as dg
from course_lib.exercises import Case, CheckResult, Slip, check_function

__all__ = ["check_diagnose"]


def _diagnose_variant(bias_of=None, variance_of=None, strict=True, limit=None, both=True):
    """diagnose with one classic slip switched on (the check's diagnoses).

    ``bias_of`` and ``variance_of`` replace the two gaps, ``strict=False`` reads a gap equal
    to the tolerance as large, ``limit`` replaces the tolerance argument, and ``both`` is
    "bias" or "variance" for a version that returns that one without testing for both.
    """

    def diagnose(train_error, dev_error, bayes_error=0.0, tolerance=0.03):
        bias = train_error - bayes_error
        variance = dev_error - train_error
        if bias_of is not None:
            bias = bias_of(train_error, dev_error, bayes_error)
        if variance_of is not None:
            variance = variance_of(train_error, dev_error, bayes_error)
        cut = tolerance if limit is None else limit
        high_bias = bias > cut if strict else bias >= cut
        high_variance = variance > cut if strict else variance >= cut
        if both is True and high_bias and high_variance:
            return dg.HIGH_BIAS_AND_VARIANCE
        if both == "variance" and high_variance:
            return dg.HIGH_VARIANCE
        if high_bias:
            return dg.HIGH_BIAS
        if high_variance:
            return dg.HIGH_VARIANCE
        return dg.JUST_RIGHT

    return diagnose


_BOTH_HINT = (
    "both gaps can be large at once: test `high bias and high variance` first, then each one alone."
)
_SLIPS = [
    Slip(
        "the avoidable bias taken as the training error alone",
        "the avoidable bias is train_error - bayes_error: subtract the Bayes error before "
        "comparing with `tolerance`.",
        _diagnose_variant(bias_of=lambda train, dev, bayes: train),
    ),
    Slip(
        "the variance measured from the Bayes error",
        "the variance is dev_error - train_error, the gap between the dev and the training "
        "error (not dev_error - bayes_error).",
        _diagnose_variant(variance_of=lambda train, dev, bayes: dev - bayes),
    ),
    Slip(
        "bias and variance swapped",
        "high bias: the training error is well above the Bayes error (train_error - "
        "bayes_error); high variance: the dev error is well above the training error "
        "(dev_error - train_error).",
        _diagnose_variant(
            bias_of=lambda train, dev, bayes: dev - train,
            variance_of=lambda train, dev, bayes: train - bayes,
        ),
    ),
    Slip(
        "a gap equal to the tolerance read as large (>= instead of >)",
        "'high' means strictly larger than `tolerance`: use >, so a gap of exactly "
        "`tolerance` is still small.",
        _diagnose_variant(strict=False),
    ),
    Slip(
        "a fixed threshold of 0.03 instead of the tolerance argument",
        "compare the gaps with the `tolerance` argument, not a fixed 0.03.",
        _diagnose_variant(limit=0.03),
    ),
    Slip(
        "'high bias' returned before testing for both",
        _BOTH_HINT,
        _diagnose_variant(both="bias"),
    ),
    Slip(
        "'high variance' returned before testing for both",
        _BOTH_HINT,
        _diagnose_variant(both="variance"),
    ),
]


def check_diagnose(learner_fn) -> CheckResult:
    """Check a learner's ``diagnose(train_error, dev_error, bayes_error=0.0, tolerance=0.03)``.

    The cases are the lecture's four examples, the same errors against a high Bayes error,
    a tolerance other than 0.03, and two gaps exactly equal to the tolerance (0.125: exact
    in binary, so only a strict > reads them as small). Each classic slip (Bayes error
    ignored, variance from the Bayes error, bias and variance swapped, >= for >, a fixed
    0.03, no "both" branch) is diagnosed from the learner's answers and gets its own hint.

    Taught in: notebooks/c2_improving_dnns/01_setup_and_diagnosis.py, section 4.
    """
    cases = [
        Case("train 1 %, dev 11 % (lecture example 1)", (0.01, 0.11)),
        Case("train 15 %, dev 16 % (lecture example 2)", (0.15, 0.16)),
        Case("train 15 %, dev 30 % (lecture example 3)", (0.15, 0.30)),
        Case("train 0.5 %, dev 1 % (lecture example 4)", (0.005, 0.01)),
        Case("train 15 %, dev 16 % with Bayes error 14 %", (0.15, 0.16, 0.14)),
        Case("train 20 %, dev 22 % with Bayes error 0", (0.20, 0.22)),
        Case("train 5 %, dev 9 %, tolerance 0.05", (0.05, 0.09), {"tolerance": 0.05}),
        Case(
            "train 12.5 %, dev 25 %, tolerance 0.125 (both gaps exactly the tolerance)",
            (0.125, 0.25),
            {"tolerance": 0.125},
        ),
    ]
    return check_function(
        "diagnose",
        learner_fn,
        dg.diagnose,
        cases,
        slips=_SLIPS,
        hints={
            "Bayes error 14": "the avoidable bias is train_error - bayes_error, not "
            "train_error alone.",
            "tolerance 0": "a gap counts as large only when it is bigger than the "
            "`tolerance` argument.",
            "expected 'high bias and high variance'": _BOTH_HINT,
            "is None": "return one of the four strings; printing it is not enough.",
        },
    )
