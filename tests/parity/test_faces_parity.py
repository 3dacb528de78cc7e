"""NumPy triplet loss (faces.py) vs the course's TensorFlow one (faces_tf.py): value, gradients."""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c4_convnets import faces as fc

pytestmark = pytest.mark.tf


@pytest.fixture(scope="module")
def ft(tf):
    from course_lib.c4_convnets import faces_tf

    return faces_tf


@pytest.mark.parametrize("seed, m, n_f, alpha", [(0, 5, 128, 0.2), (1, 3, 4, 0.5), (2, 1, 2, 0.0)])
def test_triplet_loss_parity(ft, seed, m, n_f, alpha):
    rng = np.random.default_rng(seed)
    y_pred = tuple(rng.standard_normal((m, n_f)) for _ in range(3))
    J_np, g_np = fc.triplet_loss_and_grads(y_pred, alpha)
    J_tf, g_tf = ft.triplet_loss_and_grads(y_pred, alpha)
    assert J_np == pytest.approx(J_tf, rel=1e-10, abs=1e-12)
    assert float(ft.triplet_loss(None, y_pred, alpha)) == pytest.approx(J_np, rel=1e-10)
    for key in g_np:
        np.testing.assert_allclose(g_np[key], g_tf[key], rtol=1e-10, atol=1e-12)


def test_encoder_is_unit_norm_and_img_to_encoding(ft):
    model = ft.build_encoder((8, 8, 1), embedding_dim=16, seed=0)
    x = np.random.default_rng(0).uniform(0, 1, (5, 8, 8, 1))
    f = ft.encode(model, x)
    assert f.shape == (5, 16)
    np.testing.assert_allclose(np.linalg.norm(f, axis=1), 1, rtol=1e-5)
    np.testing.assert_allclose(fc.img_to_encoding(x[0], model), f[:1], atol=1e-5)


def test_training_improves_triplet_loss(ft):
    rng = np.random.default_rng(0)
    centres = rng.uniform(0, 1, (6, 8, 8, 1))
    labels = np.repeat(np.arange(6), 5)
    x = np.clip(centres[labels] + 0.1 * rng.standard_normal((30, 8, 8, 1)), 0, 1)
    model = ft.build_encoder((8, 8, 1), embedding_dim=8, seed=0)
    h = ft.train_encoder(model, x, labels, epochs=4, triplets_per_epoch=128, strategy="hard")
    assert len(h["losses"]) == 4 and h["losses"][-1] < h["losses"][0]
