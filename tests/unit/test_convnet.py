"""The course's ConvNet in NumPy (course_lib.c4_convnets.convnet): shapes, known values,
"same" padding, the max-pool tie rule, training and bad input."""

import numpy as np
import pytest

from course_lib.c2_improving_dnns.softmax import convert_to_one_hot
from course_lib.c4_convnets import convnet as cn


def _params(side=32, n_C=3, seed=0):
    rng = np.random.default_rng(seed)
    p = cn.initialize_parameters((side, side, n_C), seed=seed)
    for key in ("b1", "b2", "b3"):
        p[key] = rng.normal(0, 0.3, p[key].shape)
    return p


# -- "same" padding --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "f", "s", "expected"),
    [(64, 4, 1, (1, 2)), (64, 2, 1, (0, 1)), (64, 3, 1, (1, 1)), (8, 8, 8, (0, 0)),
     (5, 3, 2, (1, 1)), (6, 3, 2, (0, 1)), (7, 1, 1, (0, 0))],
)  # fmt: skip
def test_same_padding_is_tensorflows(n, f, s, expected):
    assert cn.same_padding(n, f, s) == expected
    before, after = expected
    assert (n + before + after - f) // s + 1 == -(-n // s)  # ceil(n / s) outputs


def test_conv_same_by_hand():
    # One 3x3 image of ones, one 2x2 filter of ones: "same" pads one zero row and column
    # after, so each output counts the ones its window covers.
    A = np.ones((1, 3, 3, 1))
    W = np.ones((2, 2, 1, 1))
    Z, _ = cn.conv_same_forward(A, W, np.zeros((1, 1, 1, 1)))
    assert np.array_equal(Z[0, :, :, 0], [[4, 4, 2], [4, 4, 2], [2, 2, 1]])
    dA, dW, db = cn.conv_same_backward(np.ones_like(Z), _)
    assert dA.shape == A.shape and dW.shape == W.shape
    assert np.array_equal(dA[0, :, :, 0], [[1, 2, 2], [2, 4, 4], [2, 4, 4]])
    assert db.item() == 9
    # tap (u, v) sees a one in 3x3, 3x2, 2x3, 2x2 of the outputs (the rest is padding)
    assert np.array_equal(dW[:, :, 0, 0], [[9, 6], [6, 4]]) and dW.sum() == Z.sum()


def test_conv_same_keeps_size_for_even_filters():
    A = np.random.default_rng(0).normal(size=(2, 10, 12, 3))
    Z, _ = cn.conv_same_forward(A, np.ones((4, 4, 3, 5)), np.zeros((1, 1, 1, 5)))
    assert Z.shape == (2, 10, 12, 5)


# -- parameters and forward ------------------------------------------------------------------


@pytest.mark.parametrize(("side", "n_F"), [(32, 16), (64, 64), (96, 144)])
def test_parameter_shapes_and_count(side, n_F):
    p = cn.initialize_parameters((side, side, 3), n_classes=6, seed=1)
    shapes = {k: v.shape for k, v in p.items()}
    assert shapes == {
        "W1": (4, 4, 3, 8), "b1": (1, 1, 1, 8), "W2": (2, 2, 8, 16), "b2": (1, 1, 1, 16),
        "W3": (6, n_F), "b3": (6, 1),
    }  # fmt: skip
    assert sum(v.size for v in p.values()) == 392 + 528 + (n_F + 1) * 6
    assert not any(p[b].any() for b in ("b1", "b2", "b3"))
    limit = np.sqrt(6 / (48 + 128))  # Glorot uniform
    assert np.abs(p["W1"]).max() <= limit and np.abs(p["W1"]).max() > 0.9 * limit


def test_initialization_is_seeded():
    a, b = cn.initialize_parameters(seed=3), cn.initialize_parameters(seed=3)
    assert all(np.array_equal(a[k], b[k]) for k in a)
    assert not np.array_equal(a["W1"], cn.initialize_parameters(seed=4)["W1"])


def test_forward_by_hand_on_a_tiny_network():
    # W1 picks channel 0 at the top-left tap, W2 copies filter 0 to every channel's top-left,
    # W3 reads the single flattened value: Z3 = w * max(max(x)) + b.
    X = np.zeros((2, 32, 32, 1))
    X[0, 5, 7, 0], X[1, 20, 3, 0] = 0.8, 0.3
    p = {
        "W1": np.zeros((4, 4, 1, 8)), "b1": np.zeros((1, 1, 1, 8)),
        "W2": np.zeros((2, 2, 8, 16)), "b2": np.zeros((1, 1, 1, 16)),
        "W3": np.zeros((2, 16)), "b3": np.array([[0.5], [-1.0]]),
    }  # fmt: skip
    p["W1"][1, 1, 0, 0] = 1.0  # with 1 padding row/column before, tap (1, 1) is the pixel
    p["W2"][0, 0, 0, :] = 1.0
    p["W3"][:, 0] = [2.0, -3.0]
    Z3 = cn.forward_propagation(X, p)
    assert np.allclose(Z3, [[2 * 0.8 + 0.5, 2 * 0.3 + 0.5], [-3 * 0.8 - 1, -3 * 0.3 - 1]])


def test_forward_shapes_and_flatten_order():
    p = _params(side=64)
    X = np.random.default_rng(1).uniform(size=(3, 64, 64, 3))
    Z3, caches = cn.convnet_forward(X, p)
    assert Z3.shape == (6, 3)
    F = caches[7]
    assert F.shape == (64, 3)
    # each column is one example's (h, w, c) volume: swapping two examples swaps columns
    Z3_swapped = cn.forward_propagation(X[[1, 0, 2]], p)
    assert np.allclose(Z3_swapped, Z3[:, [1, 0, 2]])


def test_cost_is_the_softmax_cross_entropy():
    Z3 = np.array([[2.0, 0.0], [0.0, 0.0], [0.0, 1.0]])
    Y = np.array([[1.0, 0.0], [0.0, 0.0], [0.0, 1.0]])
    expected = -(np.log(np.exp(2) / (np.exp(2) + 2)) + np.log(np.e / (np.e + 2))) / 2
    assert np.isclose(cn.compute_cost(Z3, Y), expected)
    assert np.isfinite(cn.compute_cost(np.array([[1e4], [-1e4]]), np.array([[0.0], [1.0]])))


def test_predict_and_accuracy():
    p = _params()
    X = np.random.default_rng(2).uniform(size=(5, 32, 32, 3))
    labels = cn.predict(X, p)
    assert labels.shape == (1, 5) and labels.dtype.kind == "i"
    assert cn.accuracy(X, labels, p) == 1.0
    assert cn.accuracy(X, convert_to_one_hot(labels, 6), p) == 1.0
    assert cn.accuracy(X, (labels + 1) % 6, p) == 0.0


def test_mini_batches_partition_the_examples():
    X = np.arange(10).reshape(10, 1, 1, 1) * np.ones((10, 2, 2, 1))
    Y = convert_to_one_hot(np.arange(10).reshape(1, -1) % 3, 3)
    batches = cn.random_mini_batches(X, Y, 4, seed=0)
    assert [b[0].shape[0] for b in batches] == [4, 4, 2]
    seen = np.concatenate([b[0][:, 0, 0, 0] for b in batches])
    assert sorted(seen) == list(range(10))
    for Xb, Yb in batches:  # images and labels stay together
        assert np.array_equal(np.argmax(Yb, 0), Xb[:, 0, 0, 0].astype(int) % 3)
    again = cn.random_mini_batches(X, Y, 4, seed=0)
    assert all(np.array_equal(a[0], b[0]) for a, b in zip(batches, again))


# -- training ----------------------------------------------------------------------------------


def _toy_task(m=96, seed=0):
    """Two classes: a bright square at the top-left or at the bottom-right (learnable fast)."""
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 2, m)
    X = rng.uniform(0, 0.2, (m, 32, 32, 1))
    for i, c in enumerate(labels):
        r = 2 if c == 0 else 20
        X[i, r : r + 8, r : r + 8, 0] += 0.8
    return X, convert_to_one_hot(labels.reshape(1, -1), 2)


def test_model_learns_and_is_deterministic():
    X, Y = _toy_task()
    Xt, Yt = _toy_task(32, seed=1)
    p1, h1 = cn.model(X, Y, Xt, Yt, learning_rate=0.01, num_epochs=4, minibatch_size=32, seed=2)
    p2, h2 = cn.model(X, Y, Xt, Yt, learning_rate=0.01, num_epochs=4, minibatch_size=32, seed=2)
    assert set(h1) == {"train_cost", "test_cost", "train_accuracy", "test_accuracy"}
    assert all(len(v) == 4 for v in h1.values())
    assert h1["train_cost"][-1] < 0.5 * h1["train_cost"][0]
    assert h1["test_accuracy"][-1] == 1.0
    assert h1 == h2 and all(np.array_equal(p1[k], p2[k]) for k in p1)
    assert p1["W3"].shape == (2, 16) and p1["W1"].dtype == np.float64


def test_model_starts_from_given_parameters_without_changing_them():
    X, Y = _toy_task(32)
    start = cn.initialize_parameters((32, 32, 1), n_classes=2, seed=5)
    copy = {k: v.copy() for k, v in start.items()}
    trained, _ = cn.model(X, Y, X, Y, num_epochs=1, parameters=start)
    assert all(np.array_equal(start[k], copy[k]) for k in start)
    assert not np.array_equal(trained["W1"], start["W1"])


def test_progress_is_reported():
    X, Y = _toy_task(16)
    seen = []
    cn.model(X, Y, X, Y, num_epochs=2, progress=seen.append)
    assert seen == [0.5, 1.0]


# -- bad input ---------------------------------------------------------------------------------


def test_bad_images_are_refused_in_course_notation():
    p = _params()
    with pytest.raises(ValueError, match=r"\(m, n_H, n_W, n_C\)"):
        cn.forward_propagation(np.zeros((32, 32, 3)), p)
    with pytest.raises(ValueError, match="multiples of 32"):
        cn.forward_propagation(np.zeros((1, 28, 28, 3)), p)
    with pytest.raises(ValueError, match=r"W1 must have shape \(4, 4, n_C, 8\)"):
        cn.forward_propagation(np.zeros((1, 32, 32, 1)), p)  # W1 is for 3 channels
    with pytest.raises(ValueError, match="NaN"):
        cn.forward_propagation(np.full((1, 32, 32, 3), np.nan), p)


def test_bad_parameters_are_named():
    p = _params()
    del p["b2"]
    with pytest.raises(ValueError, match="missing b2"):
        cn.forward_propagation(np.zeros((1, 32, 32, 3)), p)
    p = _params()
    p["W3"] = np.zeros((6, 64))  # for 64x64 images
    with pytest.raises(ValueError, match=r"W3 must have shape \(C, n_F\) = \(C, 16\)"):
        cn.forward_propagation(np.zeros((1, 32, 32, 3)), p)


def test_bad_labels_and_hyperparameters():
    X, Y = _toy_task(8)
    with pytest.raises(ValueError, match=r"Y_train must have shape"):
        cn.model(X, Y.T, X, Y, num_epochs=1)
    with pytest.raises(ValueError, match="num_epochs"):
        cn.model(X, Y, X, Y, num_epochs=0)
    with pytest.raises(ValueError, match="learning_rate"):
        cn.model(X, Y, X, Y, learning_rate=-1, num_epochs=1)
    with pytest.raises(ValueError, match="mini_batch_size"):
        cn.random_mini_batches(X, Y, 0)
    with pytest.raises(ValueError, match="input_shape"):
        cn.initialize_parameters((30, 30, 3))
    with pytest.raises(ValueError, match="n_classes"):
        cn.initialize_parameters(n_classes=1)
    with pytest.raises(ValueError, match="positive integer"):
        cn.same_padding(10, 0)
