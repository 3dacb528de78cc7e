"""NumPy augmentations vs Keras's preprocessing layers with their random part fixed.

Keras computes in float32: flips, crops and colour offsets agree to ~1e-5 of a grey level,
rotations and shears (float32 map and bilinear weights) to ~1e-3.
"""

import numpy as np
import pytest

from course_lib.c4_convnets import augmentation as aug

pytestmark = pytest.mark.tf


@pytest.fixture(scope="module")
def twin(tf):
    from course_lib.c4_convnets import augmentation_tf

    return augmentation_tf


@pytest.fixture(scope="module")
def X():
    return np.random.default_rng(0).uniform(0, 255, (3, 9, 11, 3))


def test_mirror_is_random_flip_forced_on(twin, X):
    np.testing.assert_allclose(twin.mirror(X), aug.mirror(X), atol=1e-4)


def test_crop_is_random_crop_at_fixed_offsets(twin, X):
    np.testing.assert_allclose(twin.crop(X, 2, 3, 5, 6), aug.crop(X, 2, 3, 5, 6), atol=1e-4)
    got, offsets = twin.random_crop(X, 4, 7, seed=3)
    want, want_offsets = aug.random_crop(X, 4, 7, seed=3)
    np.testing.assert_array_equal(offsets, want_offsets)
    np.testing.assert_allclose(got, want, atol=1e-4)


@pytest.mark.parametrize("angle", [17.0, -40.0, 90.0])
def test_rotate_is_random_rotation_with_a_one_angle_range(twin, X, angle):
    np.testing.assert_allclose(twin.rotate(X, angle), aug.rotate(X, angle), atol=5e-3)


def test_rotate_fill_value(twin, X):
    np.testing.assert_allclose(twin.rotate(X, 30.0, 77.0), aug.rotate(X, 30.0, 77.0), atol=5e-3)


@pytest.mark.parametrize("k", [0.3, -0.45])
def test_shear_is_the_affine_op_under_random_shear(twin, X, k):
    np.testing.assert_allclose(twin.shear(X, k), aug.shear(X, k), atol=5e-3)


def test_colour_shift(twin, X):
    np.testing.assert_allclose(twin.colour_shift(X), aug.colour_shift(X), atol=1e-4)
    per_image = np.array([[5.0, -60.0, 30.0], [0.0, 0.0, 0.0], [-255.0, 255.0, 1.0]])
    np.testing.assert_allclose(
        twin.colour_shift(X, per_image), aug.colour_shift(X, per_image), atol=1e-4
    )


def test_pca_colour(twin, X):
    vals, vecs = twin.rgb_pca(X)
    want_vals, want_vecs = aug.rgb_pca(X)
    np.testing.assert_allclose(vals, want_vals, rtol=1e-10)
    np.testing.assert_allclose(vecs, want_vecs, atol=1e-10)
    alphas = np.random.default_rng(1).normal(0, 0.1, (3, 3))
    np.testing.assert_allclose(
        twin.pca_colour_offset(vals, vecs, alphas), aug.pca_colour_offset(vals, vecs, alphas)
    )
    got = twin.pca_colour_augmentation(X, 0.5, seed=4)
    want = aug.pca_colour_augmentation(X, 0.5, seed=4)
    np.testing.assert_allclose(got[0], want[0], atol=1e-3)
    np.testing.assert_allclose(got[2], want[2], atol=1e-9)


def test_twins_validate_like_the_reference(twin, X):
    with pytest.raises(ValueError, match="does not fit"):
        twin.crop(X, 8, 0, 4, 4)
    with pytest.raises(ValueError, match=r"\(m, n_H, n_W, 3\)"):
        twin.colour_shift(X[..., :1])


def test_augmentation_model_is_random_in_training_only(twin, X):
    model = twin.augmentation_model(8, max_angle=10.0, seed=0)
    x = X.astype("float32")
    a = np.asarray(model(x, training=True))
    b = np.asarray(model(x, training=True))
    assert a.shape == (3, 8, 8, 3) and not np.allclose(a, b)
