"""NumPy NST costs (style_transfer.py) vs their TensorFlow twins (style_transfer_tf.py).

Outputs in float64 on both sides, and the gradients of the TF costs (GradientTape) against
the NumPy backward passes; then the TF optimisation (train_step, Adam on the pixels) on the
VGG16 backbone at a tiny size, and the VGG19 loader on files the tests write.
"""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c4_convnets import style_transfer as st

pytestmark = pytest.mark.tf


@pytest.fixture(scope="module")
def tt(tf):
    from course_lib.c4_convnets import style_transfer_tf

    return style_transfer_tf


def _acts(seed, shapes):
    rng = np.random.default_rng(seed)
    return [rng.normal(1.0, 4.0, s) for s in shapes]


@pytest.mark.parametrize("shape", [(1, 4, 4, 3), (1, 2, 5, 7)])
def test_costs_match(tt, shape):
    a_S, a_G = _acts(0, [shape, shape])
    assert float(tt.compute_content_cost(a_S, a_G)) == pytest.approx(
        st.compute_content_cost(a_S, a_G), rel=1e-12
    )
    assert float(tt.compute_content_cost(a_S[None], a_G[None])) == pytest.approx(
        st.compute_content_cost(a_S[None], a_G[None]), rel=1e-12
    )
    A = st.unroll_channels(a_S)
    np.testing.assert_allclose(np.asarray(tt.gram_matrix(A)), st.gram_matrix(A), rtol=1e-12)
    assert float(tt.compute_layer_style_cost(a_S, a_G)) == pytest.approx(
        st.compute_layer_style_cost(a_S, a_G), rel=1e-12
    )
    assert float(tt.total_cost(0.3, 0.7)) == pytest.approx(st.total_cost(0.3, 0.7))
    x = np.array([-0.2, 0.4, 1.3])
    np.testing.assert_array_equal(np.asarray(tt.clip_0_1(x)), st.clip_0_1(x))


def test_style_cost_matches(tt):
    shapes = [(1, 4, 4, 2), (1, 2, 2, 3), (1, 2, 2, 5)]
    S, G = _acts(1, shapes), _acts(2, shapes)
    layers = [("a", 0.25), ("b", 0.75)]
    assert float(tt.compute_style_cost(S, G, layers)) == pytest.approx(
        st.compute_style_cost(S, G, layers), rel=1e-12
    )
    with pytest.raises(ValueError, match="one activation per style layer"):
        tt.compute_style_cost(S[:2], G[:2], layers)


def test_gradients_match(tt, tf):
    shapes = [(1, 4, 4, 2), (1, 2, 2, 3), (1, 3, 2, 4)]
    C, S, G = _acts(3, shapes), _acts(4, shapes), _acts(5, shapes)
    layers = [("a", 0.4), ("b", 0.6)]
    ref = st.nst_cost_and_grads(C, S, G, layers, alpha=10, beta=40)
    G_tf = [tf.Variable(g) for g in G]
    with tf.GradientTape() as tape:
        J_content = tt.compute_content_cost(C, G_tf)
        J_style = tt.compute_style_cost(S, G_tf, layers)
        J = tt.total_cost(J_content, J_style, alpha=10, beta=40)
    grads = tape.gradient(J, G_tf)
    assert float(J) == pytest.approx(ref["J"], rel=1e-12)
    for mine, expected in zip(grads, ref["grads"]):
        np.testing.assert_allclose(np.asarray(mine), expected, rtol=1e-10, atol=1e-12)


@pytest.fixture(scope="module")
def vgg(tt):
    from course_lib.c4_convnets.pretrained import build_vgg16

    return build_vgg16(weights="hed")


def test_train_step_updates_only_the_pixels_and_lowers_the_cost(tt, tf, vgg):
    rng = np.random.default_rng(0)
    C = rng.uniform(0, 1, (1, 32, 32, 3)).astype(np.float32)
    S = rng.uniform(0, 1, (1, 32, 32, 3)).astype(np.float32)
    model = tt.build_nst_model(vgg=vgg)
    outputs = model(C)
    assert len(outputs) == len(st.STYLE_LAYERS_VGG16) + 1
    weights_before = [w.copy() for w in vgg.get_weights()[:2]]
    a_C, a_S = [np.asarray(a) for a in outputs], [np.asarray(a) for a in model(S)]
    G = tf.Variable(st.generate_initial_image(C, seed=0).astype(np.float32))
    train_step = tt.make_train_step(model, a_S, a_C, alpha=10, beta=40)
    assert hasattr(train_step, "get_concrete_function")  # a tf.function
    costs = [float(train_step(G)[0]) for _ in range(4)]
    assert costs[-1] < costs[0]
    values = np.asarray(G)
    assert values.min() >= 0 and values.max() <= 1
    for before, after in zip(weights_before, vgg.get_weights()[:2]):
        np.testing.assert_array_equal(before, after)


def test_run_style_transfer_records_costs(tt, vgg):
    rng = np.random.default_rng(1)
    C, S = rng.uniform(0, 1, (32, 32, 3)), rng.uniform(0, 1, (32, 32, 3))
    seen = []
    out = tt.run_style_transfer(C, S, 3, vgg=vgg, progress=seen.append)
    assert out["J"].shape == (4,) and out["generated"].shape == (32, 32, 3)
    assert out["J"][-1] < out["J"][0]
    np.testing.assert_allclose(out["J"], 10 * out["J_content"] + 40 * out["J_style"], rtol=1e-5)
    assert seen[-1] == 1.0
    with pytest.raises(ValueError, match="same size"):
        tt.run_style_transfer(C, S[:16], 1, vgg=vgg)


def test_load_vgg19_missing_file_names_the_course_file(tt, tmp_path):
    with pytest.raises(FileNotFoundError, match=tt.VGG19_WEIGHTS_FILE):
        tt.load_vgg19(tmp_path / tt.VGG19_WEIGHTS_FILE)


def test_load_vgg19_garbage_file(tt, tmp_path):
    path = tmp_path / tt.VGG19_WEIGHTS_FILE
    path.write_bytes(b"<html>404 Not Found</html>")
    with pytest.raises(ValueError, match="not an HDF5 file"):
        tt.load_vgg19(path)
    import h5py

    other = tmp_path / "other.h5"
    with h5py.File(other, "w") as f:
        f.create_dataset("x", data=np.zeros(3))
    with pytest.raises(ValueError, match="not VGG19's convolution weights"):
        tt.load_vgg19(other, input_shape=(32, 32, 3))
