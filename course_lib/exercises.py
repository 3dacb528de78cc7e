"""Auto-checks for the "your turn" exercises.

``check_function`` runs a learner's function and the reference on the same seeded inputs
and compares type, shape and values, explaining the first mismatch in plain words. A stub
that still raises ``NotImplementedError`` is reported as "not attempted yet" instead of
crashing the notebook. Each course package builds its ``check_<name>`` functions on it
(for Course 1: course_lib/c1_neural_networks/logistic_regression_checks.py).
"""

from __future__ import annotations

import copy
import html
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

__all__ = ["Case", "CheckResult", "Slip", "check_function", "compare", "random_network"]

PASSED, FAILED, NOT_ATTEMPTED = "passed", "failed", "not attempted"


@dataclass
class Case:
    """One set of inputs for a check: ``fn(*args, **kwargs)``, with a short description."""

    description: str
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Slip:
    """A classic wrong version of an exercise, and the advice for a learner who wrote it.

    ``fn`` takes the exercise's arguments and returns what the wrong version returns. When a
    learner's result fails a case and equals ``fn``'s result on that case, the check names
    ``mistake`` ("epsilon inside the square root") and gives ``hint``: a diagnosis from the
    learner's numbers, so each slip gets its own advice even when all of them fail the same
    comparison.
    """

    mistake: str
    hint: str
    fn: Callable


@dataclass
class CheckResult:
    """Outcome of a check; shows itself as one coloured line in a notebook."""

    name: str
    status: str
    message: str

    @property
    def passed(self) -> bool:
        return self.status == PASSED

    def __bool__(self) -> bool:
        return self.passed

    def __str__(self) -> str:
        mark = {PASSED: "PASSED", FAILED: "NOT YET", NOT_ATTEMPTED: "TO DO"}[self.status]
        return f"[{mark}] {self.name}: {self.message}"

    __repr__ = __str__

    def _repr_html_(self) -> str:
        colour = {PASSED: "#1a7f37", FAILED: "#b42318", NOT_ATTEMPTED: "#8a6d00"}[self.status]
        text = html.escape(str(self)).replace("\n", "<br>")
        return f'<div style="color:{colour};font-family:monospace">{text}</div>'


def _describe(value) -> str:
    if value is None:
        return "None"
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape}"
    kind = type(value).__name__
    return f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}"


def compare(
    mine, expected, where: str, rtol: float, atol: float, item_names: Sequence[str] = ()
) -> str | None:
    """Return None if ``mine`` matches ``expected``, else a sentence saying what differs.

    Dicts are compared key by key, tuples and lists item by item, arrays by shape and
    values, numbers by value. ``where`` names the thing being compared ("the result");
    ``item_names`` names the items of a returned tuple, e.g. ("grads", "cost").
    """
    if mine is None and expected is not None:
        return f"{where} is None: did the function forget its `return`?"
    if isinstance(expected, dict):
        if not isinstance(mine, dict):
            return (
                f"{where} should be a dict with keys {sorted(expected)}; it is {_describe(mine)}."
            )
        missing = sorted(set(expected) - set(mine))
        if missing:
            return f"{where} is missing the key(s) {missing}."
        for key in expected:
            problem = compare(mine[key], expected[key], f"{where}[{key!r}]", rtol, atol)
            if problem:
                return problem
        return None
    if isinstance(expected, tuple | list):
        if not isinstance(mine, tuple | list) or len(mine) != len(expected):
            return (
                f"{where} should be a {type(expected).__name__} of {len(expected)} items; "
                f"it is {_describe(mine)}"
                + (f" of {len(mine)}." if isinstance(mine, tuple | list) else ".")
            )
        for i, (a, b) in enumerate(zip(mine, expected)):
            label = item_names[i] if i < len(item_names) else f"{where}[{i}]"
            problem = compare(a, b, label, rtol, atol)
            if problem:
                return problem
        return None
    if isinstance(expected, np.ndarray):
        mine_arr = np.asarray(mine)
        if mine_arr.shape != expected.shape:
            hint = ""
            if mine_arr.ndim == 1 and expected.ndim == 2:
                hint = " It is a rank-1 array; keep vectors 2-D, as (n, 1) or (1, m)."
            elif mine_arr.shape == expected.shape[::-1]:
                hint = " It looks transposed."
            elif expected.ndim == 0 or expected.size == 1:
                hint = " Reduce it to a single number (np.sum / np.mean over all entries?)."
            return f"{where} has shape {mine_arr.shape}, expected {expected.shape}.{hint}"
    try:
        mine_arr = np.asarray(mine, dtype=np.float64)
        expected_arr = np.asarray(expected, dtype=np.float64)
    except (TypeError, ValueError):
        return None if mine == expected else f"{where} is {mine!r}, expected {expected!r}."
    if mine_arr.shape != expected_arr.shape:
        return f"{where} should be a single number; it is {_describe(mine_arr)}."
    if not np.all(np.isfinite(mine_arr) == np.isfinite(expected_arr)):
        return f"{where} contains nan or inf where the reference does not."
    close = np.isclose(mine_arr, expected_arr, rtol=rtol, atol=atol, equal_nan=True)
    if close.all():
        return None
    if mine_arr.ndim == 0:
        return f"{where} is {float(mine_arr):.6g}, expected {float(expected_arr):.6g}."
    index = np.unravel_index(np.argmax(np.abs(mine_arr - expected_arr)), mine_arr.shape)
    return (
        f"{where} differs from the reference in {int((~close).sum())} of {close.size} entries; "
        f"at index {tuple(int(i) for i in index)} it is {mine_arr[index]:.6g}, "
        f"expected {expected_arr[index]:.6g}."
    )


def _learner_line(learner_fn: Callable, err: Exception) -> int | None:
    # The deepest frame in the learner's own code, not one inside NumPy.
    code = getattr(learner_fn, "__code__", None)
    frames = traceback.extract_tb(err.__traceback__)
    mine = [f for f in frames if code is not None and f.filename == code.co_filename]
    return mine[-1].lineno if mine else None


def _with_hints(raw: str, hints: dict[str, str] | None) -> str:
    # Every key is matched against the raw failure only, never against hints already added.
    added = [hint for key, hint in (hints or {}).items() if key in raw]
    return raw + "".join(f"\nHint: {hint}" for hint in dict.fromkeys(added))


def _diagnose(mine, case: Case, slips: Sequence[Slip], rtol: float, atol: float) -> Slip | None:
    """The first slip whose output on ``case`` equals the learner's output, else None."""
    for slip in slips:
        try:
            with np.errstate(all="ignore"):
                theirs = slip.fn(*copy.deepcopy(case.args), **copy.deepcopy(case.kwargs))
        except Exception:  # a slip that cannot run on this case diagnoses nothing
            continue
        if compare(mine, theirs, "the result", rtol, atol) is None:
            return slip
    return None


def check_function(
    name: str,
    learner_fn: Callable,
    reference_fn: Callable,
    cases: Sequence[Case],
    *,
    rtol: float = 1e-6,
    atol: float = 1e-9,
    hints: dict[str, str] | None = None,
    output_names: Sequence[str] = (),
    slips: Sequence[Slip] = (),
) -> CheckResult:
    """Compare ``learner_fn`` with ``reference_fn`` on every case.

    Args:
        name: the exercise's (the reference's) function name, shown in the report; never
            the name the learner gave their function.
        learner_fn: the learner's implementation.
        reference_fn: the course_lib implementation.
        cases: inputs to try; each is deep-copied for each call, so a function that
            modifies its inputs in place cannot affect the other.
        rtol, atol: tolerances for ``np.isclose``.
        hints: optional extra advice, appended when the raw failure message (the case and
            what differs) contains one of the keys.
        output_names: names of the items of a returned tuple, used in the messages.
        slips: classic wrong versions; when the learner's failing result equals one of
            them on the failing case, its mistake and hint are shown instead of ``hints``.

    Returns:
        A ``CheckResult``; it never raises for a wrong or unfinished learner function.
    """
    if not callable(learner_fn):
        return CheckResult(name, FAILED, f"expected a function, got {_describe(learner_fn)}.")
    for case in cases:
        expected = reference_fn(*copy.deepcopy(case.args), **copy.deepcopy(case.kwargs))
        args, kwargs = copy.deepcopy(case.args), copy.deepcopy(case.kwargs)
        try:
            mine = learner_fn(*args, **kwargs)
        except NotImplementedError:
            return CheckResult(
                name, NOT_ATTEMPTED, "not attempted yet: replace `raise NotImplementedError`."
            )
        except Exception as err:  # the learner's bug, reported instead of raised
            problem = f"the function raised {type(err).__name__}: {err}"
            line = _learner_line(learner_fn, err)
            if line is not None:
                problem += f" (line {line} of its cell)"
            message = _with_hints(f"on {case.description}, {problem}.", hints)
            return CheckResult(name, FAILED, message)
        problem = compare(mine, expected, "the result", rtol, atol, output_names)
        # A wrong result is diagnosed against the slips; a right one may still have
        # changed its inputs.
        slip = _diagnose(mine, case, slips, rtol, atol) if problem else None
        if problem is None:
            for given, original in zip(args, case.args):
                if compare(given, original, "input", 0, 0) is not None:
                    problem = "the function changed one of its inputs in place; work on copies."
                    break
        if problem:
            raw = f"on {case.description}, {problem}"
            if slip is not None:
                message = f"{raw}\nThis matches a common mistake: {slip.mistake}."
                message += f"\nHint: {slip.hint}"
            else:
                message = _with_hints(raw, hints)
            return CheckResult(name, FAILED, message)
    return CheckResult(name, PASSED, f"matches the reference on all {len(cases)} test cases.")


def random_network(
    layer_dims, m: int, rng: np.random.Generator, weight_scale: float = 1.0, bias_scale: float = 0.5
) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]]:
    """Seeded inputs, binary labels and parameters for checking a learner's network code.

    The biases are non-zero so that no ReLU sits exactly on its kink and a missing ``+ b``
    shows up in the comparison.

    Args:
        layer_dims: [n_x, n^[1], ..., n^[L]].
        m: number of examples.
        rng: the generator that makes the case reproducible.
        weight_scale, bias_scale: standard deviations of the W^[l] and b^[l] entries.

    Returns:
        X (n_x, m), Y (n^[L], m) of 0.0/1.0, and {"W1": (n^[1], n_x), "b1": (n^[1], 1), ...}.
    """
    X = rng.standard_normal((layer_dims[0], m))
    Y = (rng.random((layer_dims[-1], m)) > 0.5).astype(np.float64)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = rng.standard_normal((layer_dims[l], layer_dims[l - 1])) * weight_scale
        parameters[f"b{l}"] = rng.standard_normal((layer_dims[l], 1)) * bias_scale
    return X, Y, parameters
