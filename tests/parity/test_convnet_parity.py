"""NumPy ConvNet (convnet.py) vs its Keras twin (convnet_tf.py).

Keras computes in float32 and the reference in float64; logits of order 1 agree to ~1e-6,
so the tolerances are 1e-5 (values) and 1e-4 relative (gradients). A wrong padding side,
flattening order or transposed dense kernel moves the results by 1e-2 or more.
"""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c2_improving_dnns.softmax import convert_to_one_hot
from course_lib.c4_convnets import convnet as cn

pytestmark = pytest.mark.tf


@pytest.fixture(scope="module")
def twin(tf):
    from course_lib.c4_convnets import convnet_tf

    return convnet_tf


def _problem(side=32, m=5, seed=0, C=6):
    rng = np.random.default_rng(seed)
    p = cn.initialize_parameters((side, side, 3), n_classes=C, seed=seed)
    for key in ("b1", "b2", "b3"):
        p[key] = rng.normal(0, 0.3, p[key].shape)
    X = rng.uniform(0, 1, (m, side, side, 3))
    X[:, :4] = 0.0  # a flat band: tied pooling windows, as in real images
    Y = convert_to_one_hot(rng.integers(0, C, (1, m)), C)
    return X, Y, p


@pytest.mark.parametrize("side", [32, 64])
def test_forward_and_cost(twin, side):
    X, Y, p = _problem(side)
    Z3, Z3_tf = cn.forward_propagation(X, p), twin.forward_propagation(X, p)
    assert Z3_tf.shape == Z3.shape == (6, 5)
    assert np.allclose(Z3_tf, Z3, atol=1e-5)
    assert np.isclose(twin.compute_cost(Z3, Y), cn.compute_cost(Z3, Y), rtol=1e-5)
    assert np.array_equal(twin.predict(X, p), cn.predict(X, p))


@pytest.mark.parametrize("side", [32, 64])
def test_gradients(twin, side):
    X, Y, p = _problem(side, seed=1)
    grads, cost = cn.compute_gradients(X, Y, p)
    grads_tf, cost_tf = twin.compute_gradients(X, Y, p)
    assert np.isclose(cost_tf, cost, rtol=1e-5)
    assert set(grads_tf) == set(grads)
    for key in grads:
        scale = np.abs(grads[key]).max()
        assert grads_tf[key].shape == grads[key].shape, key
        assert np.abs(grads_tf[key] - grads[key]).max() <= 1e-4 * scale + 1e-7, key


def test_functional_sequential_and_weights_round_trip(twin):
    X, _, p = _problem()
    functional = twin.keras_from_parameters(p, X.shape[1:], softmax=True)
    sequential = twin.sequential_convnet(X.shape[1:], 6)
    sequential.set_weights(functional.get_weights())
    built = twin.convolutional_model(X.shape[1:], 6)
    assert built.count_params() == sum(v.size for v in p.values())
    probs = functional(X.astype("float32")).numpy()
    assert np.allclose(sequential(X.astype("float32")).numpy(), probs, atol=1e-7)
    assert np.allclose(probs.sum(axis=1), 1, atol=1e-6)
    back = twin.parameters_from_keras(functional)
    assert all(np.allclose(back[k], p[k], atol=1e-7) for k in p)


def test_training_curves_agree(twin):
    X, Y, p = _problem(m=48, seed=2, C=2)
    Xt, Yt, _ = _problem(m=16, seed=3, C=2)
    _, h_np = cn.model(X, Y, Xt, Yt, learning_rate=0.005, num_epochs=2, minibatch_size=48,
                       parameters=p)  # fmt: skip
    _, h_tf = twin.model(X, Y, Xt, Yt, learning_rate=0.005, num_epochs=2, minibatch_size=48,
                         parameters=p)  # fmt: skip
    # one full batch per epoch: no shuffle difference, only Adam's epsilon and float32
    assert np.allclose(h_tf["train_cost"], h_np["train_cost"], rtol=1e-3)
    assert set(h_tf) == set(h_np) | {"net"}
    _, h_seq = twin.model(X, Y, Xt, Yt, learning_rate=0.005, num_epochs=2, minibatch_size=48,
                          parameters=p, api="sequential")  # fmt: skip
    assert np.allclose(h_seq["train_cost"], h_tf["train_cost"], rtol=1e-5)


def test_happy_model_is_the_course_s(twin):
    happy = twin.happyModel((64, 64, 3))
    assert happy.output_shape == (None, 1)
    # conv 7x7x3x32 + 32, batch norm 4 x 32, dense 32*32*32 + 1
    assert happy.count_params() == (7 * 7 * 3 + 1) * 32 + 4 * 32 + 32 * 32 * 32 + 1
    assert [type(layer).__name__ for layer in happy.layers] == [
        "ZeroPadding2D", "Conv2D", "BatchNormalization", "ReLU", "MaxPooling2D", "Flatten",
        "Dense",
    ]  # fmt: skip


def test_bad_input_is_refused_before_keras(twin):
    _, _, p = _problem()
    with pytest.raises(ValueError, match="multiples of 32"):
        twin.forward_propagation(np.zeros((1, 30, 30, 3)), p)
    with pytest.raises(ValueError, match="api"):
        X, Y, _ = _problem(m=2)
        twin.model(X, Y, X, Y, num_epochs=1, api="subclassing")
