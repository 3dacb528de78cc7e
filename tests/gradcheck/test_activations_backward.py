"""Gradient check of every ``<name>_backward`` in activations.py (and ``activation_backward``
for every name), with centred differences in float64: relative error < 1e-7.

The backward passes return dZ itself; ``check_backward`` wants a dict, so each is wrapped as
``{"dZ": ...}``. ReLU and leaky ReLU have a kink at z = 0 where a centred difference that
straddles it measures the average of the two slopes, so their Z keeps |z| >= 0.1.
"""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c1_neural_networks import activations as act
from course_lib.gradient_check import check_backward

THRESHOLD = 1e-7
NAMED = sorted(name.removesuffix("_backward") for name in act.__all__ if name.endswith("_backward"))
NAMED.remove("activation")


def _Z(rng, shape=(3, 5)):
    Z = rng.standard_normal(shape) * 2
    return np.where(np.abs(Z) < 0.1, np.sign(Z + 1e-12) * 0.1 + Z, Z)  # away from the kink


def test_every_named_backward_pass_is_listed():
    assert NAMED == ["leaky_relu", "relu", "sigmoid", "tanh"]


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("name", NAMED)
def test_named_backward(name, seed):
    forward, backward = getattr(act, f"{name}_forward"), getattr(act, f"{name}_backward")
    errors = check_backward(
        lambda Z: forward(Z),
        lambda dA, cache: {"dZ": backward(dA, cache)},
        {"Z": _Z(np.random.default_rng(seed))},
        wrt=["Z"],
        seed=seed,
    )
    assert errors["Z"] < THRESHOLD, errors


@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.parametrize("name", sorted(act.ACTIVATIONS))
def test_activation_backward(name, seed):
    errors = check_backward(
        lambda Z: act.activation_forward(Z, name),
        lambda dA, cache: {"dZ": act.activation_backward(dA, cache, name)},
        {"Z": _Z(np.random.default_rng(seed), (4, 3))},
        wrt=["Z"],
        seed=seed,
    )
    assert errors["Z"] < THRESHOLD, errors


def test_the_check_catches_a_wrong_derivative():
    # tanh's backward with sigma' in place of 1 - tanh^2 must fail the check.
    errors = check_backward(
        act.tanh_forward,
        lambda dA, cache: {"dZ": dA * act.sigmoid_derivative(cache)},
        {"Z": _Z(np.random.default_rng(0))},
        wrt=["Z"],
    )
    assert errors["Z"] > 1e-2
