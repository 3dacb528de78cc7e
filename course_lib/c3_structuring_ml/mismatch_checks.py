"""Auto-check for the mismatched-distributions exercise; compares with the course_lib reference.

Taught in: notebooks/c3_structuring_ml/05_mismatched_distributions.py ("Your turn" cell).
"""

from __future__ import annotations

from course_lib.c3_structuring_ml import mismatch as mm
from course_lib.exercises import Case, CheckResult, Slip, check_function

__all__ = ["check_diagnose_gaps"]


def _largest(gaps):
    return max(gaps, key=gaps.get)


def _diagnosis(gap_of=None, largest_of=_largest, largest_from_right=False):
    """A diagnose_gaps with some gaps computed wrongly (``gap_of``: name -> f(levels)) or a
    wrong rule for the largest; ``largest_from_right`` picks it from the right gaps."""

    def fn(human, train, train_dev, dev, test):
        levels = (human, train, train_dev, dev, test)
        right = {name: b - a for name, a, b in zip(mm.GAP_NAMES, levels, levels[1:])}
        gaps = dict(right)
        for name, f in (gap_of or {}).items():
            gaps[name] = f(*levels)
        return gaps, largest_of(right if largest_from_right else gaps)

    return fn


def _gap_slips(mistake, hint, gap_of):
    # The largest gap from the wrong numbers or from the right ones: the same advice.
    return [
        Slip(mistake, hint, _diagnosis(gap_of)),
        Slip(mistake, hint, _diagnosis(gap_of, largest_from_right=True)),
    ]


def _later_on_a_tie(gaps):
    best = None
    for name, gap in gaps.items():
        if best is None or gap >= gaps[best]:
            best = name
    return best


def _reversed_gap(i):
    return lambda *levels: levels[i] - levels[i + 1]


_REVERSED = {name: _reversed_gap(i) for i, name in enumerate(mm.GAP_NAMES)}

_SLIPS = [
    *_gap_slips(
        "data mismatch measured from the training error",
        "data mismatch is dev - train_dev: both sets are unseen, only the distribution "
        "changes. dev - train also contains the variance.",
        {mm.DATA_MISMATCH: lambda h, t, td, d, te: d - t},
    ),
    *_gap_slips(
        "variance measured on the dev set",
        "variance is train_dev - train: the training-dev set has the training distribution "
        "but was not trained on. dev - train mixes in the data mismatch.",
        {mm.VARIANCE: lambda h, t, td, d, te: d - t},
    ),
    *_gap_slips(
        "every gap subtracted the wrong way round",
        "each gap is the later level minus the earlier one: train - human, train_dev - train, "
        "dev - train_dev, test - dev (positive when the error grows).",
        _REVERSED,
    ),
    Slip(
        "the largest gap's value returned instead of its name",
        "return the NAME of the largest gap, a key of gaps: max(gaps, key=gaps.get).",
        lambda *levels: (_diagnosis()(*levels)[0], max(_diagnosis()(*levels)[0].values())),
    ),
    Slip(
        "the largest gap chosen by its absolute value",
        "compare the signed gaps: a negative gap (the dev data easier than the training data) "
        "is no problem to work on. max(gaps, key=gaps.get), without abs.",
        _diagnosis(largest_of=lambda g: max(g, key=lambda k: abs(g[k]))),
    ),
    Slip(
        "a tie given to the later gap",
        "on a tie keep the EARLIER gap in the chain human -> train -> train-dev -> dev -> "
        "test: compare with > (max(gaps, key=gaps.get) does), not >=.",
        _diagnosis(largest_of=_later_on_a_tie),
    ),
]


def check_diagnose_gaps(learner_fn) -> CheckResult:
    """Check a learner's ``diagnose_gaps(human, train, train_dev, dev, test)``.

    The cases are the lecture's examples of mismatched training and dev/test data (each
    gap largest in turn, and two at once), a case where the dev data is easier than the
    training data (a negative mismatch gap) and an exact tie. Classic slips (mismatch or
    variance from the wrong levels, reversed gaps, the value or |gap| for the largest, a
    tie given to the later gap) get their own hint.

    Taught in: notebooks/c3_structuring_ml/05_mismatched_distributions.py, section 4.
    """
    cases = [
        Case(
            "human 0 %, train 1 %, train-dev 9 %, dev 10 %, test 10 %",
            (0.0, 0.01, 0.09, 0.10, 0.10),
        ),
        Case(
            "human 0 %, train 1 %, train-dev 1.5 %, dev 10 %, test 10 %",
            (0.0, 0.01, 0.015, 0.10, 0.10),
        ),
        Case(
            "human 0 %, train 10 %, train-dev 11 %, dev 12 %, test 12 %",
            (0.0, 0.10, 0.11, 0.12, 0.12),
        ),
        Case(
            "human 0 %, train 10 %, train-dev 11 %, dev 20 %, test 20 %",
            (0.0, 0.10, 0.11, 0.20, 0.20),
        ),
        Case(
            "human 1 %, train 2 %, train-dev 2.5 %, dev 3 %, test 9 %",
            (0.01, 0.02, 0.025, 0.03, 0.09),
        ),
        Case(
            "human 4 %, train 7 %, train-dev 12 %, dev 6 %, test 6 %",
            (0.04, 0.07, 0.12, 0.06, 0.06),
        ),
        Case("an exact tie: 0 %, 25 %, 50 %, 50 %, 50 %", (0.0, 0.25, 0.5, 0.5, 0.5)),
    ]
    return check_function(
        "diagnose_gaps",
        learner_fn,
        mm.diagnose_gaps,
        cases,
        output_names=("gaps", "largest"),
        slips=_SLIPS,
        hints={
            "missing the key": (
                "name the gaps exactly 'avoidable bias', 'variance', 'data mismatch' and "
                "'overfitting to the dev set'."
            ),
            "['avoidable bias']": "avoidable bias is train - human.",
            "['variance']": "variance is train_dev - train: same distribution, not trained on.",
            "['data mismatch']": "data mismatch is dev - train_dev: seen neither, other data.",
            "['overfitting to the dev set']": "the last gap is test - dev.",
            "largest is": (
                "return the NAME of the largest gap (max(gaps, key=gaps.get)); on a tie keep "
                "the earlier one in the chain human -> train -> train-dev -> dev -> test."
            ),
        },
    )
