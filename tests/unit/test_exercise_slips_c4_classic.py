"""The classic-networks checks fail the slips the lesson names, each with its own hint.

Every learner function here is written the way a learner would write the exercise (not
taken from the checks), with one classic slip switched on by ``slip=...``; so a check whose
diagnosis drifts from the real mistake, or whose cases cannot see a slip, fails a test.
"""

from __future__ import annotations

import math

import pytest
from slip_testing import fails_with, stub

from course_lib.c4_convnets import classic_networks_checks as cc
from course_lib.c4_convnets import layers as ly


def _with(fn, slip):
    """The learner's function with one slip switched on, called as the exercise is."""
    return lambda *args, **kwargs: fn(*args, **kwargs, slip=slip)


# --- layer_parameters (C4.30-C4.33) -------------------------------------------------------


def _layer_parameters(layer, shape_prev, *, slip=None):
    if layer["type"] == "conv":
        f, n_C = layer["f"], layer["n_C"]
        n_C_prev = shape_prev[-1]
        weights = f * f * n_C_prev * n_C
        if slip == "f*f*n_C":
            weights = f * f * n_C
        if slip == "no bias":
            return weights
        if slip == "one bias":
            return weights + 1
        return weights + n_C
    if layer["type"] == "fc":
        n = layer["units"]
        (n_prev,) = shape_prev  # an fc reads the flattened vector
        if slip == "no bias":
            return n_prev * n
        if slip == "one bias":
            return n_prev * n + 1
        return (n_prev + 1) * n
    if layer["type"] == "pool" and slip == "pool weights":
        f = layer["f"]
        return f * f * shape_prev[-1]
    return 0


def test_layer_parameters_reference_and_correct_learner_pass_and_stub_is_to_do():
    assert cc.check_layer_parameters(ly.layer_parameters).passed
    assert cc.check_layer_parameters(_layer_parameters).passed
    assert cc.check_layer_parameters(stub).status == "not attempted"


@pytest.mark.parametrize(
    ("slip", "fragment"),
    [
        ("no bias", "no biases counted"),
        ("one bias", "one bias for the whole layer"),
        ("f*f*n_C", "without its n_C_prev channels"),
        ("pool weights", "a pooling window counted as weights"),
    ],
)
def test_layer_parameters_slips(slip, fragment):
    fails_with(cc.check_layer_parameters(_with(_layer_parameters, slip)), fragment)


def test_layer_parameters_unknown_mistake_gets_the_general_hint():
    result = cc.check_layer_parameters(lambda layer, shape_prev: 7)
    fails_with(result, "(f * f * n_C_prev + 1) * n_C")


# --- layer_output_shape (C4.30) -----------------------------------------------------------


def _layer_output_shape(layer, shape_prev, *, slip=None):
    kind = layer["type"]
    if kind == "flatten":
        return (math.prod(shape_prev),)
    if kind == "fc":
        return (layer["units"],)
    if kind == "lrn":
        return tuple(shape_prev)
    n_H_prev, n_W_prev, n_C_prev = shape_prev
    f = layer["f"]
    s = 1 if slip == "no stride" else layer["stride"]
    p = 0
    if kind == "conv" and slip != "no pad":
        p = ly.resolve_pad(layer)
    two_p = p if slip == "pad once" else 2 * p
    if slip == "true division":
        n_H = (n_H_prev + two_p - f) / s + 1
        n_W = (n_W_prev + two_p - f) / s + 1
    else:
        n_H = (n_H_prev + two_p - f) // s + 1
        n_W = (n_W_prev + two_p - f) // s + 1
    if slip == "square":
        n_W = n_H
    if kind == "pool" or slip == "channels kept":
        return (n_H, n_W, n_C_prev)
    return (n_H, n_W, layer["n_C"])


def test_layer_output_shape_reference_and_correct_learner_pass_and_stub_is_to_do():
    assert cc.check_layer_output_shape(ly.layer_output_shape).passed
    assert cc.check_layer_output_shape(_layer_output_shape).passed
    assert cc.check_layer_output_shape(stub).status == "not attempted"


@pytest.mark.parametrize(
    ("slip", "fragment"),
    [
        ("no pad", "the padding left out"),
        ("pad once", "on one side only"),
        ("no stride", "the stride left out"),
        ("true division", "instead of floor"),
        ("square", "n_W computed from n_H"),
        ("channels kept", "keeping n_C_prev channels"),
    ],
)
def test_layer_output_shape_slips(slip, fragment):
    fails_with(cc.check_layer_output_shape(_with(_layer_output_shape, slip)), fragment)


def test_layer_output_shape_unknown_mistake_gets_the_general_hint():
    fails_with(cc.check_layer_output_shape(lambda layer, shape_prev: (1, 1, 1)), "floor")
