"""Gradient check of every NumPy backward pass: centred differences, float64, error < 1e-7.

Two tables; add a row when a backward pass lands in course_lib:

- ``LAYERS``: anything following the ``forward(**inputs) -> (out, cache)`` /
  ``backward(dout, cache) -> {"d<name>": ...}`` contract, checked with
  ``course_lib.gradient_check.check_backward`` (use ``scale=1/m`` for layers whose
  gradients average over the m examples, as the course's dense layers do).
- ``COSTS``: functions returning ``(grads, cost)`` for a parameter dict, checked with
  ``course_lib.gradient_check.gradient_check`` on the cost as a function of the parameters.

Each row builds its inputs from a seeded ``np.random.Generator``, so failures reproduce.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pytest

from course_lib.c1_neural_networks import computation_graph as cg
from course_lib.c1_neural_networks import logistic_regression as lr
from course_lib.gradient_check import check_backward, gradient_check

THRESHOLD = 1e-7


@dataclass
class LayerCase:
    """A layer for ``check_backward``."""

    id: str
    forward: Callable
    backward: Callable
    make_inputs: Callable[[np.random.Generator], dict]
    wrt: list[str]
    scale: Callable[[dict], float] = lambda inputs: 1.0


@dataclass
class CostCase:
    """A cost whose gradients come with it: ``fn(params, data) -> (grads, cost)``."""

    id: str
    fn: Callable[[dict, dict], tuple[dict, float]]
    make_params_and_data: Callable[[np.random.Generator], tuple[dict, dict]]


def _logistic_inputs(rng, n_x=4, m=7):
    return {
        "w": rng.standard_normal((n_x, 1)),
        "b": float(rng.standard_normal()),
        "X": rng.standard_normal((n_x, m)),
    }


def _logistic_params_and_data(rng, n_x=4, m=7):
    inputs = _logistic_inputs(rng, n_x, m)
    Y = (rng.random((1, m)) > 0.5).astype(np.float64)
    return {"w": inputs["w"], "b": inputs["b"]}, {"X": inputs["X"], "Y": Y}


def _single_example(params, data):
    grads, loss = lr.single_example_gradients(params["w"], params["b"], data["X"], data["Y"])
    return {"dw": grads["dw"], "db": grads["db"]}, loss


LAYERS = [
    LayerCase(
        "logistic_backward",
        lr.logistic_forward,
        lr.logistic_backward,
        _logistic_inputs,
        wrt=["w", "b"],
        scale=lambda inputs: 1 / inputs["X"].shape[1],  # dw = (1/m) X dZ^T
    ),
    LayerCase(
        "logistic_backward-one_feature_one_example",
        lr.logistic_forward,
        lr.logistic_backward,
        lambda rng: _logistic_inputs(rng, n_x=1, m=1),
        wrt=["w", "b"],
        scale=lambda inputs: 1 / inputs["X"].shape[1],
    ),
    LayerCase(
        "graph_backward-arrays",
        cg.graph_forward,
        cg.graph_backward,
        lambda rng: {k: rng.standard_normal((2, 3)) for k in "abc"},
        wrt=["a", "b", "c"],
    ),
    LayerCase(
        "graph_backward-scalars",
        cg.graph_forward,
        cg.graph_backward,
        lambda rng: {k: float(rng.standard_normal()) for k in "abc"},
        wrt=["a", "b", "c"],
    ),
]

COSTS = [
    CostCase(
        "propagate",
        lambda p, d: lr.propagate(p["w"], p["b"], d["X"], d["Y"]),
        _logistic_params_and_data,
    ),
    CostCase(
        "propagate-large_m",
        lambda p, d: lr.propagate(p["w"], p["b"], d["X"], d["Y"]),
        lambda rng: _logistic_params_and_data(rng, n_x=6, m=200),
    ),
    CostCase(
        "propagate_loop",
        lambda p, d: lr.propagate_loop(p["w"], p["b"], d["X"], d["Y"]),
        _logistic_params_and_data,
    ),
    CostCase(
        "single_example_gradients",
        _single_example,
        lambda rng: _logistic_params_and_data(rng, n_x=3, m=1),
    ),
]


@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.parametrize("case", LAYERS, ids=lambda c: c.id)
def test_layer_backward(case: LayerCase, seed: int):
    inputs = case.make_inputs(np.random.default_rng(seed))
    errors = check_backward(
        case.forward, case.backward, inputs, wrt=case.wrt, scale=case.scale(inputs), seed=seed
    )
    assert set(errors) == set(case.wrt)
    assert max(errors.values()) < THRESHOLD, errors


@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.parametrize("case", COSTS, ids=lambda c: c.id)
def test_cost_gradients(case: CostCase, seed: int):
    params, data = case.make_params_and_data(np.random.default_rng(seed))
    grads, _ = case.fn(params, data)
    error = gradient_check(lambda p: case.fn(p, data)[1], params, grads)
    assert error < THRESHOLD, error


# --- the checker itself must catch a wrong backward pass -----------------------------------


def test_check_backward_catches_a_missing_one_over_m():
    inputs = _logistic_inputs(np.random.default_rng(0))
    errors = check_backward(lr.logistic_forward, lr.logistic_backward, inputs, ["w", "b"])
    assert min(errors.values()) > 0.5  # scale=1 while backward divides by m = 7


def test_gradient_check_catches_a_wrong_gradient():
    params, data = _logistic_params_and_data(np.random.default_rng(0))
    grads, _ = lr.propagate(params["w"], params["b"], data["X"], data["Y"])
    wrong = dict(grads, dw=grads["dw"] * 1.01)
    error = gradient_check(
        lambda p: lr.propagate(p["w"], p["b"], data["X"], data["Y"])[1], params, wrong
    )
    assert 1e-4 < error < 1e-1
