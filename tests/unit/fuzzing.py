"""The fuzz framework of tests/unit/test_fuzz_public_api.py: cases, mutations, judging.

Cases are registered with ``case(...)`` (a builder returning a ``Case``), ``exempt(reason,
...)`` and ``allow(reason, kinds, ...)``, under names "module.function" (e.g. "boxes.iou").
Courses 1-4 part 1 register theirs in test_fuzz_public_api.py; later topics in their own
``fuzz_cases_<topic>.py`` files next to it, which that test imports.
"""

from __future__ import annotations

import ast
import copy
import faulthandler
import functools
import signal
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

TIMEOUT_S = 10
NAN_RESULTS: dict[str, str] = {}  # function -> why its valid call may return NaN


# --- what a case is ------------------------------------------------------------------------


@dataclass
class Case:
    """A valid call and the roles of its arguments (each a tuple of argument names)."""

    args: dict
    examples: tuple = ()  # (n, m) arrays, one example per column, sharing m
    labels: tuple = ()  # (k, m) 0/1 labels, sharing m with ``examples``
    images: tuple = ()  # (m, ...) arrays with the examples along axis 0
    arrays: tuple = ()  # other numeric arrays: strings, objects, NaN, inf are refused
    numbers: tuple = ()  # arrays such as weights, where only strings and objects are refused
    dicts: tuple = ()  # dicts whose every key is needed (parameters, grads, ...)
    counts: tuple = ()  # integers counting examples: 0 is refused
    any_n: tuple = ()  # examples arrays whose n is free, so a transposed one is valid


def _nan_at_first(a, value):
    a = np.array(a, dtype=np.float64)
    a.flat[0] = value
    return a


def _mutations(case: Case):
    """Yield (kind, description, args) for every bad call of ``case``."""
    args = case.args

    def changed(**new):
        out = copy.deepcopy(args)
        out.update(new)
        return out

    per_example = (*case.examples, *case.labels)
    for name in per_example:
        a = np.asarray(args[name])
        if a.ndim == 2 and a.shape[0] != a.shape[1] and name not in case.any_n:
            yield "transposed", f"{name}.T", changed(**{name: a.T.copy()})
        if a.ndim == 2:
            yield "rank-1", f"{name} rank-1", changed(**{name: a.ravel().copy()})
    if per_example or case.images:
        empty = {n: np.asarray(args[n])[..., :0] for n in per_example}
        empty.update({n: np.asarray(args[n])[:0] for n in case.images})
        yield "m=0", "no examples", changed(**empty)
    for name in (*per_example, *case.images, *case.arrays):
        a = np.asarray(args[name])
        yield "strings", f"{name} as strings", changed(**{name: a.astype(str)})
        yield "objects", f"{name} as objects", changed(**{name: a.astype(object)})
        yield "nan", f"NaN in {name}", changed(**{name: _nan_at_first(a, np.nan)})
        yield "inf", f"inf in {name}", changed(**{name: _nan_at_first(a, np.inf)})
    for name in case.numbers:
        a = np.asarray(args[name])
        yield "strings", f"{name} as strings", changed(**{name: a.astype(str)})
        yield "objects", f"{name} as objects", changed(**{name: a.astype(object)})
    for name in case.labels:
        a = np.asarray(args[name])
        yield "labels", f"{name} as -1/+1", changed(**{name: 2 * a - 1})
        two = a.copy()
        two.flat[0] = 2
        yield "labels", f"a 2 in {name}", changed(**{name: two})
    for name in case.dicts:
        keys = list(args[name])
        for key in dict.fromkeys([keys[0], keys[-1]]):
            smaller = {k: v for k, v in args[name].items() if k != key}
            yield "missing key", f"{name} without {key!r}", changed(**{name: smaller})
    for name in case.counts:
        yield "count=0", f"{name} = 0", changed(**{name: 0})


# --- how a call is judged ------------------------------------------------------------------


@functools.cache
def _raise_lines(filename: str) -> frozenset[int]:
    with open(filename, encoding="utf-8") as f:
        tree = ast.parse(f.read())
    return frozenset(
        line
        for node in ast.walk(tree)
        if isinstance(node, ast.Raise)
        for line in range(node.lineno, node.end_lineno + 1)
    )


def _raised_by_course_lib(error: BaseException) -> str | None:
    """None if ``error`` came from a ``raise`` statement in course_lib, else why not."""
    tb = error.__traceback__
    while tb.tb_next is not None:
        tb = tb.tb_next
    module = tb.tb_frame.f_globals.get("__name__", "?")
    if not module.startswith("course_lib"):
        return f"raised inside {module}"
    if tb.tb_lineno not in _raise_lines(tb.tb_frame.f_code.co_filename):
        return f"raised by an operation at {module}:{tb.tb_lineno}, not by a raise statement"
    return None


def _non_finite(result, path="result") -> str | None:
    """Where ``result`` (nested dicts, lists, tuples, arrays, numbers) is not finite."""
    if isinstance(result, Mapping):
        items = result.items()
    elif isinstance(result, (list, tuple)):
        items = enumerate(result)
    else:
        arr = np.asarray(result) if isinstance(result, (np.ndarray, float, np.floating)) else None
        if arr is not None and arr.dtype.kind == "f" and not np.isfinite(arr).all():
            return path
        return None
    for key, value in items:
        where = _non_finite(value, f"{path}[{key!r}]")
        if where:
            return where
    return None


class _TimedOut(Exception):
    pass


def _on_alarm(signum, frame):
    raise _TimedOut


def _call(fn, args):
    """Run fn(**args) under a timeout with RuntimeWarnings as errors; (result, error)."""
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    # A hang inside C code (LAPACK) never returns to Python: end the run loudly instead.
    faulthandler.dump_traceback_later(6 * TIMEOUT_S, exit=True)
    signal.alarm(TIMEOUT_S)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", RuntimeWarning)
            return fn(**args), None
    except _TimedOut:
        return None, _TimedOut(f"no answer within {TIMEOUT_S} s")
    except Exception as error:  # noqa: BLE001 - judged by the caller
        return None, error
    finally:
        signal.alarm(0)
        faulthandler.cancel_dump_traceback_later()
        signal.signal(signal.SIGALRM, previous)


# --- the cases -----------------------------------------------------------------------------

BUILDERS: dict[str, Callable[[], Case]] = {}
ALLOWED: dict[tuple[str, str], str] = {}  # (function, mutation kind) -> why it is valid input
EXEMPT: dict[str, str] = {}  # function -> why it is not fuzzed


def builds(*names):
    def register(builder):
        for name in names:
            BUILDERS[name] = functools.partial(builder, name.split(".", 1)[1])
        return builder

    return register


def exempt(reason: str, *names: str):
    for name in names:
        EXEMPT[name] = reason


def allow(reason: str, kinds, *names: str):
    for name in names:
        for kind in kinds:
            ALLOWED[name, kind] = reason


def case(*names):
    """Register the decorated builder (no arguments, returns a Case) for ``names``."""

    def register(builder):
        for name in names:
            BUILDERS[name] = builder
        return builder

    return register
