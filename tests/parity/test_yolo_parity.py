"""NumPy YOLO functions (yolo.py) vs their TensorFlow twins (yolo_tf.py), in float64."""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c4_convnets import yolo as yo

pytestmark = pytest.mark.tf


@pytest.fixture(scope="module")
def yt(tf):
    from course_lib.c4_convnets import yolo_tf

    return yolo_tf


def _head_inputs(seed=0):
    rng = np.random.default_rng(seed)
    return rng.standard_normal((2, 5, 5, 3 * 8)), np.array([[1.0, 1.5], [2.0, 0.8], [0.6, 0.6]])


def test_yolo_head_and_corners(yt):
    feats, anchors = _head_inputs()
    ours = yo.yolo_head(feats, anchors, 3)
    theirs = yt.yolo_head(feats, anchors, 3)
    for a, b in zip(ours, theirs):
        np.testing.assert_allclose(a, b.numpy(), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(yo.yolo_boxes_to_corners(ours[0], ours[1]),
                               yt.yolo_boxes_to_corners(theirs[0], theirs[1]).numpy())  # fmt: skip


def test_filter_scale_nms_eval(yt):
    feats, anchors = _head_inputs(1)
    head = [h[0] for h in yo.yolo_head(feats, anchors, 3)]
    corners = yo.yolo_boxes_to_corners(head[0], head[1])
    for thr in (0.05, 0.2, 0.4):
        ours = yo.yolo_filter_boxes(corners, head[2], head[3], thr)
        theirs = yt.yolo_filter_boxes(corners, head[2], head[3], thr)
        for a, b in zip(ours, theirs):
            np.testing.assert_allclose(a, b.numpy())
    np.testing.assert_allclose(yo.scale_boxes(corners, (720, 1280)),
                               yt.scale_boxes(corners, (720, 1280)).numpy())  # fmt: skip
    s, b, c = yo.yolo_filter_boxes(corners, head[2], head[3], 0.05)
    s, b = s.astype(np.float32).astype(np.float64), b.astype(np.float32).astype(np.float64)
    for max_boxes, iou_thr in ((10, 0.5), (3, 0.3), (50, 0.7)):
        ours = yo.yolo_non_max_suppression(s, b, c, max_boxes, iou_thr)
        theirs = yt.yolo_non_max_suppression(s, b, c, max_boxes, iou_thr)
        for x, y in zip(ours, theirs):
            np.testing.assert_allclose(x, y.numpy())
    ours = yo.yolo_eval(tuple(head), (64, 64), 10, 0.1, 0.5)
    theirs = yt.yolo_eval(tuple(head), (64, 64), 10, 0.1, 0.5)
    for x, y in zip(ours, theirs):
        np.testing.assert_allclose(x, y.numpy(), rtol=1e-10)


def test_nms_ties_and_exact_threshold(yt):
    b = np.array([[0.0, 0.0, 1.0, 1.0], [0.0, 0.0, 1.0, 0.5], [0.0, 0.0, 1.0, 1.0],
                  [0.2, 0.2, 0.4, 0.4]])  # fmt: skip
    s = np.array([0.8, 0.7, 0.8, 0.8])
    ours = yo.yolo_non_max_suppression(s, b, np.arange(4), 10, 0.5)
    theirs = yt.yolo_non_max_suppression(s, b, np.arange(4), 10, 0.5)
    assert ours[2].tolist() == theirs[2].numpy().tolist()


def test_tiny_yolo_loads_and_loss_falls(yt, tmp_path):
    model, anchors = yt.load_tiny_yolo()
    assert model.count_params() < 100_000 and anchors.shape == (3, 2)
    scenes, Y = yt.make_training_set(16, anchors, seed=5)
    fresh, losses = yt.train_tiny_yolo(scenes["images"], Y, anchors, epochs=3, batch_size=8)
    assert losses[-1] < losses[0]
    path = tmp_path / "w.npz"
    digest = yt.save_tiny_yolo(fresh, anchors, path)
    assert digest == yt.save_tiny_yolo(fresh, anchors, tmp_path / "w2.npz")  # reproducible file
    yt.load_tiny_yolo(path, expected_sha256=digest)
    with pytest.raises(ValueError, match="sha256"):
        yt.load_tiny_yolo(path, expected_sha256="0" * 64)
    with pytest.raises(FileNotFoundError, match="train_tiny_yolo"):
        yt.load_tiny_yolo(tmp_path / "missing.npz")


def test_load_yolo_model(yt, tmp_path):
    with pytest.raises(FileNotFoundError, match="model_data"):
        yt.load_yolo_model(tmp_path / "yolo.h5")
    keras = yt.keras
    x = keras.Input((32, 32, 3))
    y = keras.layers.Conv2D(425, 1)(keras.layers.AveragePooling2D(32 // 19 + 1)(x))
    path = tmp_path / "tiny.keras"
    keras.Model(x, y).save(path)
    model = yt.load_yolo_model(path)
    assert model.output_shape[-1] == 425
