"""The convolution and pooling checks fail every slip their lessons name, each with its own hint.

Each learner function here is written the way a learner writes the exercise (the course's
loops, not the checks' code), with one classic slip switched on by ``slip=...``; so a
check whose cases cannot see a slip, or whose diagnosis drifts from the real mistake,
fails a test. Lessons: notebooks/c4_convnets/02_volumes_and_pooling.py and
03_conv_backprop.py.
"""

import numpy as np
import pytest
from slip_testing import fails_with, stub

from course_lib.c4_convnets import convolution as cv
from course_lib.c4_convnets import convolution_checks as cc


def _with(fn, slip):
    return lambda *args, **kwargs: fn(*args, **kwargs, slip=slip)


# --- zero_pad ----------------------------------------------------------------------------------


def _zero_pad(X, pad, *, slip=None):
    if slip == "all axes":
        return np.pad(X, pad, mode="constant", constant_values=(0, 0))
    if slip == "height only":
        return np.pad(X, ((0, 0), (pad, pad), (0, 0), (0, 0)), mode="constant")
    if slip == "one side":
        return np.pad(X, ((0, 0), (0, pad), (0, pad), (0, 0)), mode="constant")
    return np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)), mode="constant", constant_values=0)


def test_zero_pad_reference_learner_and_stub():
    assert cc.check_zero_pad(cv.zero_pad).passed
    assert cc.check_zero_pad(_zero_pad).passed
    assert cc.check_zero_pad(stub).status == "not attempted"


@pytest.mark.parametrize(
    ("slip", "fragment"),
    [
        ("all axes", "pad only the two image axes"),
        ("height only", "pad both image axes"),
        ("one side", "on EACH side"),
    ],
)
def test_zero_pad_slips(slip, fragment):
    fails_with(cc.check_zero_pad(_with(_zero_pad, slip)), fragment)


# --- conv_single_step --------------------------------------------------------------------------


def _conv_single_step(a_slice_prev, W, b, *, slip=None):
    s = np.multiply(a_slice_prev, W)
    Z = np.mean(s) if slip == "mean" else np.sum(s)
    if slip == "no bias":
        return Z
    if slip == "array bias":
        return Z + b
    if slip == "float of array":
        return Z + float(b)  # the course's line; NumPy 2 refuses float() of a (1, 1, 1) array
    return Z + b.item()


def test_conv_single_step_reference_learner_and_stub():
    assert cc.check_conv_single_step(cv.conv_single_step).passed
    assert cc.check_conv_single_step(_conv_single_step).passed
    assert cc.check_conv_single_step(stub).status == "not attempted"


@pytest.mark.parametrize(
    ("slip", "fragment"),
    [
        ("no bias", "every filter has its own bias"),
        ("array bias", "add b.item() (the number inside it)"),
        ("mean", "SUMS the f * f * n_C_prev products"),
        ("float of array", "use b.item()"),
    ],
)
def test_conv_single_step_slips(slip, fragment):
    fails_with(cc.check_conv_single_step(_with(_conv_single_step, slip)), fragment)


# --- conv_forward ------------------------------------------------------------------------------


def _conv_forward(A_prev, W, b, hparameters, *, slip=None):
    (m, n_H_prev, n_W_prev, n_C_prev) = A_prev.shape
    (f, f, n_C_prev, n_C) = W.shape
    stride = hparameters["stride"]
    pad = hparameters["pad"]
    if slip == "float size":
        n_H = (n_H_prev - f + 2 * pad) / stride + 1
        n_W = (n_W_prev - f + 2 * pad) / stride + 1
    elif slip == "no 2p in size":
        n_H = int((n_H_prev - f) / stride) + 1
        n_W = int((n_W_prev - f) / stride) + 1
    else:
        n_H = int((n_H_prev - f + 2 * pad) / stride) + 1
        n_W = int((n_W_prev - f + 2 * pad) / stride) + 1
    if slip == "n_W from n_H":
        n_W = n_H
    Z = np.zeros((m, n_H, n_W, n_C))
    A_prev_pad = A_prev if slip == "unpadded" else _zero_pad(A_prev, pad)
    for i in range(m):
        a_prev_pad = A_prev_pad[i]
        for h in range(n_H):
            vert_start = h if slip == "h start" else h * stride
            vert_end = h + f if slip == "end from h" else vert_start + f
            for w in range(n_W):
                horiz_start = w if slip == "h start" else w * stride
                horiz_end = horiz_start + f
                a_slice_prev = a_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :]
                for c in range(n_C):
                    weights = W[:, :, :, c]
                    biases = b[:, :, :, c]
                    if slip == "no bias":
                        Z[i, h, w, c] = np.sum(a_slice_prev * weights)
                    elif slip == "float of array":
                        Z[i, h, w, c] = _conv_single_step(a_slice_prev, weights, biases, slip=slip)
                    else:
                        Z[i, h, w, c] = _conv_single_step(a_slice_prev, weights, biases)
    return Z, (A_prev, W, b, hparameters)


def test_conv_forward_reference_learner_and_stub():
    assert cc.check_conv_forward(cv.conv_forward).passed
    assert cc.check_conv_forward(cv.conv_forward_vectorized).passed
    assert cc.check_conv_forward(_conv_forward).passed
    assert cc.check_conv_forward(stub).status == "not attempted"


@pytest.mark.parametrize(
    ("slip", "fragment"),
    [
        ("h start", "vert_start = h * stride, vert_end"),
        ("no 2p in size", "the padded input is n_H_prev + 2 * pad high"),
        ("float size", "the floor of the division"),
        ("n_W from n_H", "compute n_W from n_W_prev"),
        ("unpadded", "slice every window from"),
        ("no bias", "adds its own bias b[..., c]"),
        ("end from h", "vert_end = vert_start + f"),
        ("float of array", "use b.item()"),
    ],
)
def test_conv_forward_slips(slip, fragment):
    fails_with(cc.check_conv_forward(_with(_conv_forward, slip)), fragment)


# --- pool_forward ------------------------------------------------------------------------------


def _pool_forward(A_prev, hparameters, mode="max", *, slip=None):
    (m, n_H_prev, n_W_prev, n_C_prev) = A_prev.shape
    f = hparameters["f"]
    stride = hparameters["stride"]
    n_H = int(1 + (n_H_prev - f) / stride)
    if slip == "float size":
        n_H = (n_H_prev - f) / stride + 1
    n_W = int(1 + ((n_H_prev if slip == "n_W from n_H" else n_W_prev) - f) / stride)
    n_C = n_C_prev
    A = np.zeros((m, n_H, n_W, n_C))
    for i in range(m):
        for h in range(n_H):
            vert_start = h if slip == "h start" else h * stride
            for w in range(n_W):
                horiz_start = w if slip == "h start" else w * stride
                for c in range(n_C):
                    window = A_prev[i, vert_start : vert_start + f, horiz_start : horiz_start + f]
                    a_prev_slice = window if slip == "all channels" else window[:, :, c]
                    take_max = mode == "max"
                    if slip == "modes mixed":
                        take_max = not take_max
                    A[i, h, w, c] = np.max(a_prev_slice) if take_max else np.mean(a_prev_slice)
    return A, (A_prev, hparameters)


def test_pool_forward_reference_learner_and_stub():
    assert cc.check_pool_forward(cv.pool_forward).passed
    assert cc.check_pool_forward(cv.pool_forward_vectorized).passed
    assert cc.check_pool_forward(_pool_forward).passed
    assert cc.check_pool_forward(stub).status == "not attempted"


@pytest.mark.parametrize(
    ("slip", "fragment"),
    [
        ("n_W from n_H", "n_W = int((n_W_prev - f) / stride) + 1"),
        ("h start", "with stride 2 the windows jump by 2"),
        ("all channels", "pool each channel on its own"),
        ("modes mixed", 'mode == "max" takes np.max'),
        ("float size", "the floor of the division"),
    ],
)
def test_pool_forward_slips(slip, fragment):
    result = cc.check_pool_forward(_with(_pool_forward, slip))
    fails_with(result, fragment)
    assert "2 * pad" not in result.message  # pooling has no padding


# --- conv_backward -----------------------------------------------------------------------------


def _conv_backward(dZ, cache, *, slip=None):
    (A_prev, W, b, hparameters) = cache
    (m, n_H_prev, n_W_prev, n_C_prev) = A_prev.shape
    (f, f, n_C_prev, n_C) = W.shape
    stride = hparameters["stride"]
    pad = hparameters["pad"]
    (m, n_H, n_W, n_C) = dZ.shape
    dA_prev = np.zeros((m, n_H_prev, n_W_prev, n_C_prev))
    dW = np.zeros((f, f, n_C_prev, n_C))
    db = np.zeros((1, 1, 1, n_C))
    A_prev_pad = _zero_pad(A_prev, pad)
    dA_prev_pad = _zero_pad(dA_prev, pad)
    for i in range(m):
        a_prev_pad = A_prev[i] if slip == "dW from unpadded" else A_prev_pad[i]
        da_prev_pad = dA_prev_pad[i]
        for h in range(n_H):
            for w in range(n_W):
                for c in range(n_C):
                    vert_start = h if slip == "stride ignored" else h * stride
                    horiz_start = w if slip == "stride ignored" else w * stride
                    vert_end, horiz_end = vert_start + f, horiz_start + f
                    a_slice = a_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :]
                    if slip == "no window slice":
                        da_prev_pad += W[:, :, :, c] * dZ[i, h, w, c]
                    else:
                        da_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :] += (
                            W[:, :, :, c] * dZ[i, h, w, c]
                        )
                    dW[:, :, :, c] += a_slice * dZ[i, h, w, c]
                    if slip == "db of one example":
                        db[:, :, :, c] = np.sum(dZ[i, :, :, c])
                    else:
                        db[:, :, :, c] += dZ[i, h, w, c]
        if slip == "padded dA_prev":
            dA_prev = dA_prev_pad
        elif pad:
            dA_prev[i, :, :, :] = da_prev_pad[pad:-pad, pad:-pad, :]
        else:
            dA_prev[i, :, :, :] = da_prev_pad
    return dA_prev, dW, db


def test_conv_backward_reference_learner_and_stub():
    assert cc.check_conv_backward(cv.conv_backward).passed
    assert cc.check_conv_backward(cv.conv_backward_vectorized).passed
    assert cc.check_conv_backward(_conv_backward).passed
    assert cc.check_conv_backward(stub).status == "not attempted"


@pytest.mark.parametrize(
    ("slip", "fragment"),
    [
        ("no window slice", "add it to the window of the gradient only"),
        ("dW from unpadded", "cut from a_prev_pad"),
        ("db of one example", "over every example i"),
        ("stride ignored", "the test uses stride 3"),
        ("padded dA_prev", "crop the padding off"),
    ],
)
def test_conv_backward_slips(slip, fragment):
    fails_with(cc.check_conv_backward(_with(_conv_backward, slip)), fragment)


# --- create_mask_from_window -------------------------------------------------------------------


def _create_mask_from_window(x, *, slip=None):
    if slip == "greater":
        return x > np.max(x)
    if slip == "argmax":
        mask = np.zeros_like(x)
        mask.flat[np.argmax(x)] = 1
        return mask
    if slip == "min":
        return x == np.min(x)
    return x == np.max(x)


def test_create_mask_reference_learner_and_stub():
    assert cc.check_create_mask_from_window(cv.create_mask_from_window).passed
    assert cc.check_create_mask_from_window(_create_mask_from_window).passed
    assert cc.check_create_mask_from_window(stub).status == "not attempted"
    # The course's example: [[1, 3], [4, 2]] -> [[0, 0], [1, 0]].
    mask = cv.create_mask_from_window(np.array([[1.0, 3.0], [4.0, 2.0]]))
    np.testing.assert_array_equal(mask, [[False, False], [True, False]])


@pytest.mark.parametrize(
    ("slip", "fragment"),
    [
        ("greater", "the maximum itself is the entry"),
        ("argmax", "the third test window has a tie"),
        ("min", "passed on the largest entry"),
    ],
)
def test_create_mask_slips(slip, fragment):
    fails_with(cc.check_create_mask_from_window(_with(_create_mask_from_window, slip)), fragment)


# --- distribute_value --------------------------------------------------------------------------


def _distribute_value(dz, shape, *, slip=None):
    (n_H, n_W) = shape
    average = {"not divided": dz, "n_H only": dz / n_H}.get(slip, dz / (n_H * n_W))
    return np.ones(shape) * average


def test_distribute_value_reference_learner_and_stub():
    assert cc.check_distribute_value(cv.distribute_value).passed
    assert cc.check_distribute_value(_distribute_value).passed
    assert cc.check_distribute_value(stub).status == "not attempted"
    np.testing.assert_array_equal(cv.distribute_value(2, (2, 2)), np.full((2, 2), 0.5))


@pytest.mark.parametrize("slip", ["not divided", "n_H only"])
def test_distribute_value_slips(slip):
    fails_with(cc.check_distribute_value(_with(_distribute_value, slip)), "dz / (n_H * n_W)")


# --- pool_backward -----------------------------------------------------------------------------


def _pool_backward(dA, cache, mode="max", *, slip=None):
    (A_prev, hparameters) = cache
    stride = hparameters["stride"]
    f = hparameters["f"]
    m, n_H, n_W, n_C = dA.shape
    dA_prev = np.zeros(A_prev.shape)
    if slip == "modes mixed":
        mode = "average" if mode == "max" else "max"
    for i in range(m):
        a_prev = A_prev[i]
        for h in range(n_H):
            for w in range(n_W):
                for c in range(n_C):
                    vert_start = h if slip == "stride ignored" else h * stride
                    horiz_start = w if slip == "stride ignored" else w * stride
                    vs, ve = vert_start, vert_start + f
                    hs, he = horiz_start, horiz_start + f
                    if mode == "max":
                        mask = _create_mask_from_window(a_prev[vs:ve, hs:he, c])
                        piece = mask * dA[i, h, w, c]
                    elif slip == "not divided":
                        piece = np.ones((f, f)) * dA[i, h, w, c]
                    else:
                        piece = _distribute_value(dA[i, h, w, c], (f, f))
                    if slip == "assigned":
                        dA_prev[i, vs:ve, hs:he, c] = piece
                    else:
                        dA_prev[i, vs:ve, hs:he, c] += piece
    return dA_prev


def test_pool_backward_reference_learner_and_stub():
    assert cc.check_pool_backward(cv.pool_backward).passed
    assert cc.check_pool_backward(cv.pool_backward_vectorized).passed
    assert cc.check_pool_backward(_pool_backward).passed
    assert cc.check_pool_backward(stub).status == "not attempted"


@pytest.mark.parametrize(
    ("slip", "fragment"),
    [
        ("modes mixed", "route dA through create_mask_from_window"),
        ("stride ignored", "use the forward pass's windows"),
        ("assigned", "collects both gradients"),
        ("not divided", "it gets dA / (f * f)"),
    ],
)
def test_pool_backward_slips(slip, fragment):
    fails_with(cc.check_pool_backward(_with(_pool_backward, slip)), fragment)
