"""transfer_learning.py (NumPy head, curve) and transfer_learning_tf.py (cache, fine-tuning)."""

import numpy as np
import pytest

from course_lib.c4_convnets import transfer_learning as tl


def test_faces_rgb_shapes_and_range():
    d = tl.faces_rgb(32)
    assert d["train_x"].shape == (150, 32, 32, 3) and d["test_x"].shape == (50, 32, 32, 3)
    assert d["pixels_train"].shape == (150, 625)
    assert d["train_x"].min() >= 0 and d["train_x"].max() <= 255
    np.testing.assert_array_equal(d["train_x"][..., 0], d["train_x"][..., 2])  # grey in RGB
    assert set(d["train_y"]) == {0, 1} and d["test_y"].sum() == 25
    with pytest.raises(ValueError, match="at least 32"):
        tl.faces_rgb(16)


def test_examples_per_class_draws_k_of_each():
    y = np.array([0] * 5 + [1] * 3)
    idx = tl.examples_per_class(y, 2, seed=1)
    assert len(idx) == 4 and len(set(idx)) == 4
    np.testing.assert_array_equal(y[idx], [0, 0, 1, 1])
    np.testing.assert_array_equal(idx, tl.examples_per_class(y, 2, seed=1))
    with pytest.raises(ValueError, match="smallest class size 3"):
        tl.examples_per_class(y, 4)


def test_global_average_pool_and_standardise_by_hand():
    A = np.arange(8.0).reshape(1, 2, 2, 2)
    np.testing.assert_array_equal(tl.global_average_pool(A), [[3.0, 4.0]])
    F_train = np.array([[1.0, 5.0], [3.0, 5.0]])
    S_train, S_test = tl.standardise(F_train, np.array([[4.0, 7.0]]))
    np.testing.assert_allclose(S_train, [[-1.0, 0.0], [1.0, 0.0]])  # constant feature -> 0
    np.testing.assert_allclose(S_test, [[2.0, 2.0]])
    with pytest.raises(ValueError, match=r"F_test must have shape \(m_test, n\)"):
        tl.standardise(F_train, np.zeros((1, 3)))


def test_logistic_head_matches_scikit_learn():
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(0)
    F = rng.normal(size=(40, 6))
    y = (F[:, 0] - F[:, 1] + 0.5 * rng.normal(size=40) > 0).astype(int)
    head = tl.train_logistic_head(F, y, l2=2.0)
    # sklearn's C multiplies the summed loss: (1/m) sum L + l2/(2m)||w||^2  <->  C = 1/l2.
    ref = LogisticRegression(C=0.5, tol=1e-10, max_iter=10_000).fit(F, y)
    np.testing.assert_allclose(head["w"].ravel(), ref.coef_.ravel(), atol=1e-4)
    np.testing.assert_allclose(head["b"].ravel(), ref.intercept_, atol=1e-4)
    np.testing.assert_allclose(tl.predict_head(F, head), ref.predict_proba(F)[:, 1], atol=1e-5)
    with pytest.raises(ValueError, match="labels 0 or 1"):
        tl.train_logistic_head(F, y + 1)
    with pytest.raises(ValueError, match="l2 must be > 0"):
        tl.train_logistic_head(F, y, l2=0.0)


def test_data_size_curve_is_paired_seeded_and_learns():
    rng = np.random.default_rng(1)
    y_train, y_test = np.repeat([0, 1], 30), np.repeat([0, 1], 20)
    good = (
        rng.normal(size=(60, 4)) + 2 * y_train[:, None],
        rng.normal(size=(40, 4)) + 2 * y_test[:, None],
    )
    noise = (rng.normal(size=(60, 4)), rng.normal(size=(40, 4)))
    reps = {"signal": good, "noise": noise}
    curve = tl.data_size_curve(reps, y_train, y_test, [1, 10], repeats=3, seed=2)
    again = tl.data_size_curve(reps, y_train, y_test, [1, 10], repeats=3, seed=2)
    np.testing.assert_array_equal(curve["signal_all"], again["signal_all"])
    assert curve["signal_all"].shape == (2, 3)
    assert curve["signal"][1] > 0.9 and curve["noise"][1] < 0.75
    with pytest.raises(ValueError, match="at least one"):
        tl.data_size_curve({}, y_train, y_test, [1])


# --- Keras side -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def keras_side(tf):
    from course_lib.c4_convnets import pretrained as pt
    from course_lib.c4_convnets import transfer_learning_tf as tl_tf

    return pt, tl_tf, pt.build_vgg16((32, 32, 3))


def test_cached_activations_compute_once_memory_and_disk(keras_side, tmp_path):
    pt, tl_tf, vgg = keras_side
    ext = pt.feature_extractor(vgg, "block1_conv1")
    images = np.random.default_rng(2).uniform(0, 255, (3, 32, 32, 3))
    first = tl_tf.cached_activations(ext, images, tmp_path)
    assert first.shape == (3, 32, 32, 64)
    assert tl_tf.cached_activations(ext, images, tmp_path) is first  # memory
    files = list(tmp_path.glob("*.npy"))
    assert len(files) == 1
    tl_tf._MEMORY.clear()
    np.testing.assert_array_equal(tl_tf.cached_activations(ext, images, tmp_path), first)
    batched = tl_tf.extract_features(ext, images, batch_size=2)
    np.testing.assert_allclose(first, batched, rtol=1e-5, atol=1e-3)
    other = tl_tf.cached_activations(ext, images + 1.0, tmp_path)  # new images: new entry
    assert not np.array_equal(other, first) and len(list(tmp_path.glob("*.npy"))) == 2


def test_fine_tune_starts_from_the_numpy_head_and_moves_the_top_a_little(keras_side):
    pt, tl_tf, vgg = keras_side
    d = tl.faces_rgb(32)
    idx = tl.examples_per_class(d["train_y"], 4, seed=0)
    below = pt.feature_extractor(vgg, "block3_conv2")
    A_train = tl_tf.extract_features(below, d["train_x"][idx])
    A_test = tl_tf.extract_features(below, d["test_x"])
    F_train, F_test = tl_tf.top_features(vgg, A_train), tl_tf.top_features(vgg, A_test)
    # top_features = the pooled block3_conv3 activations of the full network
    full = pt.feature_extractor(vgg, "block3_conv3")
    pooled = tl_tf.extract_features(full, d["test_x"]).mean(axis=(1, 2))
    np.testing.assert_allclose(F_test, pooled, rtol=1e-4, atol=1e-3)
    mu, sd = F_train.mean(axis=0), F_train.std(axis=0) + 1e-3
    head = tl.train_logistic_head((F_train - mu) / sd, d["train_y"][idx])
    numpy_acc = np.mean((tl.predict_head((F_test - mu) / sd, head) > 0.5) == d["test_y"])
    out = tl_tf.fine_tune(
        vgg, A_train, d["train_y"][idx], A_test, d["test_y"], head, mu, sd, epochs=2
    )
    assert abs(out["frozen"] - numpy_acc) <= 0.021  # float32 may flip one of 50 images
    assert 0 < out["conv_change"] < 0.05
    # The shared VGG16 is untouched: fine-tuning works on a copy of the top layer.
    np.testing.assert_array_equal(
        vgg.get_layer("block3_conv3").get_weights()[0],
        pt.load_vgg16_conv_weights()["block3_conv3"][0],
    )


def test_train_from_scratch_returns_an_accuracy(keras_side):
    _, tl_tf, _ = keras_side
    rng = np.random.default_rng(0)
    X = rng.uniform(0, 255, (8, 16, 16, 3))
    y = np.array([0, 1] * 4)
    X[y == 1] *= 0.2  # dark images are class 1
    acc = tl_tf.train_from_scratch(X, y, X, y, epochs=30, learning_rate=1e-2)
    assert acc == 1.0
    assert tl_tf.small_convnet((16, 16, 3))(np.zeros((2, 16, 16, 3))).shape == (2, 1)


def test_keras_side_refuses_bad_input_in_course_notation(keras_side):
    _, tl_tf, vgg = keras_side
    head = {"w": np.zeros((256, 1)), "b": np.zeros((1, 1))}
    mu, sd = np.zeros(256), np.ones(256)
    A = np.zeros((2, 8, 8, 256))
    with pytest.raises(ValueError, match=r"A_prev_train must have shape \(m, n_H, n_W, n_C_prev\)"):
        tl_tf.fine_tune(vgg, np.zeros((2, 8, 8, 128)), [0, 1], A, [0, 1], head, mu, sd)
    with pytest.raises(ValueError, match=r"y_test must have shape \(m,\)"):
        tl_tf.fine_tune(vgg, A, [0, 1], A, [0, 1, 1], head, mu, sd)
    with pytest.raises(ValueError, match="binary labels 0 or 1"):
        tl_tf.train_from_scratch(np.zeros((2, 8, 8, 3)), [0, 2], np.zeros((1, 8, 8, 3)), [1])
    with pytest.raises(ValueError, match=r"X_test must have shape"):
        tl_tf.train_from_scratch(np.zeros((2, 8, 8, 3)), [0, 1], np.zeros((1, 9, 8, 3)), [1])
