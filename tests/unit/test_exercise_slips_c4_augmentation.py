"""Lesson C4-08's exercise checks fail the slips the lesson names, each with its own hint.

Every learner function here is written the way a learner would write the exercise (not
taken from the checks), with one classic slip switched on by ``slip=...``.
"""

import numpy as np
import pytest
from slip_testing import fails_with, stub

from course_lib.c4_convnets import augmentation_checks as ac


def _with(fn, slip):
    return lambda *args, **kwargs: fn(*args, **kwargs, slip=slip)


# --- pca_colour_offset --------------------------------------------------------------------------


def _pca_colour_offset(eigvals, eigvecs, alphas, *, slip=None):
    lam = np.sqrt(eigvals) if slip == "sqrt" else np.asarray(eigvals)
    scaled = np.asarray(alphas) if slip == "no eigvals" else np.asarray(alphas) * lam
    P = np.asarray(eigvecs).T if slip == "rows" else np.asarray(eigvecs)
    offset = scaled @ P.T  # row form of P @ (alpha * lambda)
    return 255.0 * offset if slip == "255" else offset


def test_pca_colour_offset_reference_and_stub():
    assert ac.check_pca_colour_offset(_pca_colour_offset).passed
    assert ac.check_pca_colour_offset(stub).status == "not attempted"


@pytest.mark.parametrize(
    "slip, fragment",
    [
        ("rows", "ROWS of eigvecs"),
        ("sqrt", "sqrt(lambda_i)"),
        ("no eigvals", "eigenvalues left out"),
        ("255", "multiplied by 255"),
    ],
)
def test_pca_colour_offset_slips(slip, fragment):
    fails_with(ac.check_pca_colour_offset(_with(_pca_colour_offset, slip)), fragment)


# --- ten_crop -----------------------------------------------------------------------------------


def _ten_crop(X, crop_size, *, slip=None):
    X = np.asarray(X, dtype=float)
    m, n_H, n_W, _ = X.shape
    c = crop_size
    last_row, last_col = n_H - c, n_W - c
    if slip == "off by one":
        last_row, last_col = last_row - 1, last_col - 1
    centre = (
        ((n_H - c + 1) // 2, (n_W - c + 1) // 2)
        if slip == "round up"
        else (
            (n_H - c) // 2,
            (n_W - c) // 2,
        )
    )
    offsets = [centre, (0, 0), (0, last_col), (last_row, 0), (last_row, last_col)]
    crops = [X[:, t : t + c, s : s + c, :] for t, s in offsets]
    if slip == "axis 1":
        mirrored = [crop[:, ::-1, :, :] for crop in crops]
    elif slip == "mirror first":
        flipped = X[:, :, ::-1, :]
        mirrored = [flipped[:, t : t + c, s : s + c, :] for t, s in offsets]
    else:
        mirrored = [crop[:, :, ::-1, :] for crop in crops]
    return np.stack(crops + mirrored)


def test_ten_crop_reference_and_stub():
    assert ac.check_ten_crop(_ten_crop).passed
    assert ac.check_ten_crop(stub).status == "not attempted"


@pytest.mark.parametrize(
    "slip, fragment",
    [
        ("axis 1", "upside down"),
        ("off by one", "one pixel short"),
        ("round up", "rounded up"),
        ("mirror first", "corners swapped"),
    ],
)
def test_ten_crop_slips(slip, fragment):
    fails_with(ac.check_ten_crop(_with(_ten_crop, slip)), fragment)
