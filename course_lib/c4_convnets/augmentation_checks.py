"""Auto-checks for the augmentation exercises (PCA colour offset, 10-crop).

Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py ("Your turn" cells).
"""

from __future__ import annotations

import numpy as np

from course_lib.c4_convnets import augmentation as aug
from course_lib.c4_convnets import ensembles as ens
from course_lib.exercises import Case, CheckResult, Slip, check_function

__all__ = ["check_pca_colour_offset", "check_ten_crop"]


def _pca_cases() -> list[Case]:
    rng = np.random.default_rng(7)
    images = rng.uniform(0, 255, (4, 6, 5, 3))
    images[..., 1] = 0.6 * images[..., 0] + 0.4 * images[..., 1]  # correlated channels
    eigvals, eigvecs = aug.rgb_pca(images)
    return [
        Case("one image's alphas (3,)", (eigvals, eigvecs, rng.normal(0, 0.1, 3))),
        Case("four images' alphas (4, 3)", (eigvals, eigvecs, rng.normal(0, 0.1, (4, 3)))),
    ]


def _offset_slip(kind: str):
    def wrong(eigvals, eigvecs, alphas):
        eigvals, eigvecs, alphas = (np.asarray(a, float) for a in (eigvals, eigvecs, alphas))
        if kind == "rows":
            return (alphas * eigvals) @ eigvecs
        if kind == "sqrt":
            return (alphas * np.sqrt(eigvals)) @ eigvecs.T
        if kind == "no eigvals":
            return alphas @ eigvecs.T
        if kind == "255":
            return 255.0 * (alphas * eigvals) @ eigvecs.T
        raise AssertionError(kind)

    return wrong


_PCA_SLIPS = [
    Slip(
        "the eigenvectors taken as ROWS of eigvecs instead of its columns",
        "np.linalg.eigh returns the eigenvectors as columns: p_i = eigvecs[:, i]. The offset "
        "is sum_i p_i (a_i lambda_i) = eigvecs @ (alphas * eigvals), or for rows of alphas "
        "(alphas * eigvals) @ eigvecs.T.",
        _offset_slip("rows"),
    ),
    Slip(
        "sqrt(lambda_i) (a standard deviation) instead of the eigenvalue lambda_i",
        "AlexNet's formula multiplies a_i by the eigenvalue lambda_i itself, not its square root.",
        _offset_slip("sqrt"),
    ),
    Slip(
        "the eigenvalues left out (p_i a_i only)",
        "each direction p_i is scaled by a_i * lambda_i: strong colour directions (large "
        "lambda) move more.",
        _offset_slip("no eigvals"),
    ),
    Slip(
        "the offset already multiplied by 255",
        "return the offset in the [0, 1] scale the PCA was computed in; "
        "pca_colour_augmentation multiplies by 255 for [0, 255] pixels.",
        _offset_slip("255"),
    ),
]


def check_pca_colour_offset(learner_fn) -> CheckResult:
    """Check ``pca_colour_offset(eigvals, eigvecs, alphas)`` against the reference.

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 5.
    """
    return check_function(
        "pca_colour_offset",
        learner_fn,
        aug.pca_colour_offset,
        _pca_cases(),
        slips=_PCA_SLIPS,
    )


def _crop_cases() -> list[Case]:
    rng = np.random.default_rng(3)
    return [
        Case("2 images of 7x7x1, crops of 4", (rng.integers(0, 255, (2, 7, 7, 1)), 4)),
        Case("1 image of 6x9x3, crops of 4", (rng.integers(0, 255, (1, 6, 9, 3)), 4)),
    ]


def _ten_crop_slip(kind: str):
    def wrong(X, crop_size):
        X = np.asarray(X, float)
        n_H, n_W, c = X.shape[1], X.shape[2], crop_size
        b, r = n_H - c, n_W - c
        offsets = [(b // 2, r // 2), (0, 0), (0, r), (b, 0), (b, r)]
        if kind == "off by one":
            offsets = [(b // 2, r // 2), (0, 0), (0, r - 1), (b - 1, 0), (b - 1, r - 1)]
        if kind == "centre rounds up":
            offsets[0] = ((b + 1) // 2, (r + 1) // 2)
        five = [X[:, t : t + c, s : s + c, :] for t, s in offsets]
        if kind == "upside down":
            mirrored = [x[:, ::-1, :, :] for x in five]
        else:
            mirrored = [x[:, :, ::-1, :] for x in five]
        if kind == "mirror the image first":
            flipped = X[:, :, ::-1, :]
            mirrored = [flipped[:, t : t + c, s : s + c, :] for t, s in offsets]
        return np.stack(five + mirrored)

    return wrong


_TEN_CROP_SLIPS = [
    Slip(
        "the mirrored crops flipped upside down (axis 1, n_H) instead of left-right",
        "mirroring reverses the columns: crop[:, :, ::-1, :] (axis 2 is n_W in "
        "(m, n_H, n_W, n_C)).",
        _ten_crop_slip("upside down"),
    ),
    Slip(
        "the far corners one pixel short (offset n - crop_size - 1)",
        "the last window that fits starts at n - crop_size: for n = 7 and crop 4 the "
        "bottom-right crop covers rows 3..6.",
        _ten_crop_slip("off by one"),
    ),
    Slip(
        "the centre crop's offset rounded up",
        "round the centre offset down, (n - crop_size) // 2, as the reference and Keras's "
        "CenterCrop do.",
        _ten_crop_slip("centre rounds up"),
    ),
    Slip(
        "the crops of the mirrored image at the same offsets (corners swapped)",
        "crop first, then mirror each crop: the mirror of the top-left crop is still the "
        "top-left corner, seen in the mirror.",
        _ten_crop_slip("mirror the image first"),
    ),
]


def check_ten_crop(learner_fn) -> CheckResult:
    """Check ``ten_crop(X, crop_size)`` against the reference (order matters).

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 9.
    """
    return check_function(
        "ten_crop",
        learner_fn,
        ens.ten_crop,
        _crop_cases(),
        slips=_TEN_CROP_SLIPS,
    )
