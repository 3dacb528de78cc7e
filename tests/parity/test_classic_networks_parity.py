"""Classic networks: NumPy tables vs Keras models, NumPy LRN vs tf's (classic_networks_tf).

Shapes and parameter counts are integers and must be equal. LRN: TF computes in float32,
so rtol = 1e-5 (relative to each value, atol tiny for the exact zeros of a ReLU volume).
keras.applications.VGG16(weights=None) draws 138M random weights (about 4-10 s on 2 cores).
"""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c4_convnets import classic_networks as cn
from course_lib.c4_convnets import layers as L

pytestmark = pytest.mark.tf

RTOL, ATOL = 1e-5, 1e-7


@pytest.fixture(scope="module")
def twin(tf):
    from course_lib.c4_convnets import classic_networks_tf

    return classic_networks_tf


@pytest.mark.parametrize(
    ("name", "published"),
    [("LeNet-5", 61_706), ("AlexNet", 62_378_344), ("VGG-16", 138_357_544)],
)
def test_keras_tables_equal_the_numpy_tables(twin, name, published):
    input_shape, layers = cn.NETWORKS[name]()
    rows = twin.network_summary(layers, input_shape)
    assert rows == L.network_summary(layers, input_shape)
    assert twin.count_parameters(layers, input_shape) == published
    assert L.count_parameters(layers, input_shape) == published


def test_vgg16_equals_keras_applications(twin):
    assert twin.vgg16_application_parameters() == 138_357_544
    assert L.count_parameters(*cn.vgg16()[::-1]) == 138_357_544


def _random_layers(rng, n=25):
    """Seeded single-layer cases: padding as numbers and strings, strides, both pools."""
    cases = []
    for _ in range(n):
        n_H, n_W, n_C = (int(v) for v in rng.integers(4, 12, 3))
        kind = rng.choice(["conv", "pool", "fc", "flatten", "lrn"])
        if kind == "conv":
            f = int(rng.choice([1, 3, 5]))
            pad = rng.choice(["same", "valid", 0, 1, 2])
            pad = pad if pad in ("same", "valid") else int(pad)
            layer = L.conv(f, int(rng.integers(1, 9)), s=int(rng.integers(1, 4)), p=pad)
        elif kind == "pool":
            layer = L.pool(
                int(rng.integers(1, 4)),
                int(rng.integers(1, 3)),
                str(rng.choice(["max", "average"])),
            )
        elif kind == "fc":
            layer = L.fc(int(rng.integers(1, 30)))
        elif kind == "lrn":
            layer = cn.lrn(int(rng.integers(0, 4)), 1.5, 1e-3, 0.75)
        else:
            layer = L.flatten()
        vector = kind == "fc" or (kind == "flatten" and rng.random() < 0.5)  # fc reads a vector
        cases.append((layer, (n_H * n_W * n_C,) if vector else (n_H, n_W, n_C)))
    return cases


def test_single_layers_agree_with_keras(twin):
    for layer, shape_prev in _random_layers(np.random.default_rng(7)):
        expected_shape = L.layer_output_shape(layer, shape_prev)
        assert twin.layer_output_shape(layer, shape_prev) == expected_shape, (layer, shape_prev)
        expected_params = L.layer_parameters(layer, shape_prev)
        assert twin.layer_parameters(layer, shape_prev) == expected_params, (layer, shape_prev)


def test_numeric_padding_lrn_and_flatten_build_in_keras(twin):
    layers = [L.conv(3, 4, s=2, p=2), L.pool(2, 1, "average"), cn.lrn(1), L.flatten()]
    layers += [L.fc(7), L.fc(3)]
    model = twin.build_model(layers, (9, 11, 2), activation="tanh")
    names = [layer.name for layer in model.layers]
    assert names == ["conv1_pad", "conv1", "avgpool1", "lrn1", "flatten", "fc2", "fc3"]
    assert model.count_params() == L.count_parameters(layers, (9, 11, 2))
    assert model.get_layer("conv1").activation.__name__ == "tanh"
    assert model.get_layer("fc3").activation.__name__ == "softmax"
    assert twin.network_summary(layers, (9, 11, 2)) == L.network_summary(layers, (9, 11, 2))


def test_build_model_is_seeded(twin):
    input_shape, layers = cn.lenet5()
    first = twin.build_model(layers, input_shape, seed=3).get_weights()
    again = twin.build_model(layers, input_shape, seed=3).get_weights()
    other = twin.build_model(layers, input_shape, seed=4).get_weights()
    assert all(np.array_equal(a, b) for a, b in zip(first, again))
    assert not np.array_equal(first[0], other[0])


@pytest.mark.parametrize(
    "kw",
    [
        {},
        cn.ALEXNET_LRN,
        {"depth_radius": 0, "bias": 0.5, "alpha": 2.0, "beta": 1.0},
        {"depth_radius": 9, "bias": 1.0, "alpha": 0.1, "beta": 0.75},
    ],
)
def test_lrn_equals_tf(twin, kw):
    rng = np.random.default_rng(11)
    A = np.maximum(rng.normal(0, 50 if kw is cn.ALEXNET_LRN else 2, (2, 3, 4, 12)), 0)
    np.testing.assert_allclose(
        twin.local_response_normalization(A, **kw),
        cn.local_response_normalization(A, **kw),
        rtol=RTOL,
        atol=ATOL,
    )


def test_lrn_layer_in_a_model_equals_numpy(twin):
    A = np.random.default_rng(2).normal(0, 30, (2, 5, 5, 8))
    layer = twin.LocalResponseNormalization(**cn.ALEXNET_LRN)
    out = np.asarray(layer(A.astype(np.float32)))
    expected = cn.local_response_normalization(A, **cn.ALEXNET_LRN)
    np.testing.assert_allclose(out, expected, rtol=RTOL, atol=ATOL)
    assert layer.get_config()["alpha"] == 1e-4 and layer.count_params() == 0


def test_twin_refuses_what_numpy_refuses(twin):
    with pytest.raises(ValueError, match=r"\(m, n_H, n_W, n_C\)"):
        twin.local_response_normalization(np.ones((3, 3, 4)))
    with pytest.raises(ValueError, match="bias > 0"):
        twin.local_response_normalization(np.ones((1, 2, 2, 3)), bias=-1.0)
    with pytest.raises(ValueError, match="needs a volume"):
        twin.layer_output_shape(L.conv(3, 4), (10,))
    with pytest.raises(ValueError, match=r"Put flatten\(\) before it"):
        twin.build_model([L.conv(3, 4), L.fc(2)], (8, 8, 1))
    bad_lrn = cn.lrn() | {"bias": -1.0}
    with pytest.raises(ValueError, match="bias > 0"):
        twin.build_model([bad_lrn, L.flatten(), L.fc(2)], (8, 8, 1))
