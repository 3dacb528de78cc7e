"""The spec language and shape calculator of course_lib/c4_convnets/layers.py, worked by hand.

Known values come from n_H = floor((n_H_prev + 2p - f)/s) + 1, CONV params
(f*f*n_C_prev + 1)*n_C and FC params (n_prev + 1)*n.
"""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c4_convnets import layers as L

# -- the spec constructors -----------------------------------------------------------------


def test_specs_are_plain_dicts_with_every_key():
    assert L.conv(5, 6) == {"type": "conv", "f": 5, "n_C": 6, "stride": 1, "pad": 0}
    assert L.pool(2) == {"type": "pool", "f": 2, "stride": 2, "mode": "max"}
    assert L.pool(3, 2, "average")["stride"] == 2
    assert L.fc(120) == {"type": "fc", "units": 120}
    assert L.flatten() == {"type": "flatten"}


@pytest.mark.parametrize(
    ("make", "fragment"),
    [
        (lambda: L.conv(0, 6), "f (the filter size)"),
        (lambda: L.conv(3, 2.5), "n_C"),
        (lambda: L.conv(3, 6, s=0), "stride"),
        (lambda: L.conv(4, 6, p="same"), "odd filter size"),
        (lambda: L.conv(3, 6, p="full"), "pad p"),
        (lambda: L.conv(3, 6, p=-1), "pad p"),
        (lambda: L.conv(True, 6), "whole number"),
        (lambda: L.pool(2, 2, "min"), "mode must be 'max' or 'average'"),
        (lambda: L.fc(0), "units"),
    ],
)
def test_bad_specs_are_refused_in_words(make, fragment):
    with pytest.raises(ValueError) as err:
        make()
    assert fragment in str(err.value)


def test_resolve_pad():
    assert L.resolve_pad(L.conv(5, 1, p="same")) == 2
    assert L.resolve_pad(L.conv(3, 1, p="valid")) == 0
    assert L.resolve_pad(L.conv(3, 1, p=4)) == 4


# -- one layer -----------------------------------------------------------------------------


def test_conv_layer_parameters_do_not_depend_on_the_image():
    # 10 filters of 3x3x3: 27 weights + 1 bias each.
    assert L.conv_layer_parameters(3, 3, 10) == 280
    assert L.conv_layer_parameters(5, 3, 6) == 456
    assert L.conv_layer_parameters(1, 192, 32) == 193 * 32


@pytest.mark.parametrize(
    ("layer", "shape_prev", "expected"),
    [
        (L.conv(5, 6), (32, 32, 1), (28, 28, 6)),  # 32 - 5 + 1
        (L.pool(2, 2, "average"), (28, 28, 6), (14, 14, 6)),
        (L.conv(11, 96, s=4), (227, 227, 3), (55, 55, 96)),  # (227 - 11) / 4 + 1
        (L.pool(3, 2), (55, 55, 96), (27, 27, 96)),  # floor(52 / 2) + 1
        (L.pool(3, 2), (13, 13, 256), (6, 6, 256)),  # floor(10 / 2) + 1
        (L.conv(5, 256, p="same"), (27, 27, 96), (27, 27, 256)),
        (L.conv(3, 8, s=2, p="same"), (7, 7, 3), (4, 4, 8)),  # ceil(7 / 2), as Keras "same"
        (L.conv(3, 8, s=2), (8, 8, 3), (3, 3, 8)),  # floor(5 / 2) + 1
        (L.conv(3, 64, s=2, p=1), (7, 9, 3), (4, 5, 64)),  # height and width apart
        (L.pool(2, 2), (10, 6, 4), (5, 3, 4)),  # E06: n_H from n_H, n_W from n_W
        (L.flatten(), (5, 5, 16), (400,)),
        (L.flatten(), (400,), (400,)),  # a vector is already flat
        (L.fc(120), (400,), (120,)),
    ],
)
def test_layer_output_shape_worked_by_hand(layer, shape_prev, expected):
    assert L.layer_output_shape(layer, shape_prev) == expected


@pytest.mark.parametrize(
    ("layer", "shape_prev", "expected"),
    [
        (L.conv(5, 6), (32, 32, 1), (5 * 5 * 1 + 1) * 6),  # 156
        (L.conv(5, 16), (14, 14, 6), (5 * 5 * 6 + 1) * 16),  # 2,416
        (L.conv(5, 16), (140, 7, 6), 2416),  # independent of the image size
        (L.conv(11, 96, s=4), (227, 227, 3), 34_944),
        (L.conv(3, 64, p="same"), (224, 224, 3), 1_792),
        (L.pool(2), (28, 28, 6), 0),
        (L.flatten(), (5, 5, 16), 0),
        (L.fc(120), (400,), 48_120),
        (L.fc(4096), (25_088,), 102_764_544),  # VGG-16's FC after 7x7x512
    ],
)
def test_layer_parameters_worked_by_hand(layer, shape_prev, expected):
    count = L.layer_parameters(layer, shape_prev)
    assert count == expected and type(count) is int


@pytest.mark.parametrize(
    ("layer", "shape_prev", "fragment"),
    [
        (L.conv(3, 8), (400,), "needs a volume"),
        (L.pool(2), (10,), "needs a volume"),
        (L.fc(120), (5, 5, 16), "Put flatten() before it"),
        (L.fc(120), (5, 5, 16), "= 400 values"),
        (L.conv(7, 8), (5, 5, 3), "does not fit"),
        (L.conv(3, 8), (5, 5), "must be a volume"),
        (L.conv(3, 8), (5, 0, 3), "shape_prev[1]"),
        (L.conv(3, 8), "5x5x3", "must be a volume"),
        ({"type": "dense", "units": 3}, (4,), "'type' one of"),
        ({"type": "conv", "f": 3}, (4, 4, 1), "missing the key(s)"),
        ({"type": "lrn", "bias": 2.0}, (4, 4, 1), "missing the key(s)"),
    ],
)
def test_layer_functions_refuse_bad_input(layer, shape_prev, fragment):
    for fn in (L.layer_output_shape, L.layer_parameters):
        with pytest.raises(ValueError) as err:
            fn(layer, shape_prev)
        assert fragment in str(err.value)


def test_shapes_may_be_numpy_arrays_and_numpy_integers():
    assert L.layer_output_shape(L.conv(3, 4), np.array([8, 8, 2])) == (6, 6, 4)
    count = L.layer_parameters(L.conv(np.int64(3), 4), (8, 8, np.int64(2)))
    assert count == 76 and type(count) is int


def test_conv_vs_dense_course_numbers():
    result = L.conv_vs_dense((32, 32, 3), f=5, n_C=6)
    assert result["output_shape"] == (28, 28, 6)
    assert (result["n_in"], result["n_out"]) == (3072, 4704)
    assert result["dense_weights"] == 3072 * 4704 == 14_450_688
    assert result["dense_parameters"] == 14_450_688 + 4704
    assert result["conv_parameters"] == 456
    # Bigger images make the dense layer bigger, the conv layer not.
    bigger = L.conv_vs_dense((64, 64, 3), f=5, n_C=6)
    assert bigger["conv_parameters"] == 456 and bigger["dense_weights"] > 16 * 14_000_000


def test_bad_counts_and_shapes():
    with pytest.raises(ValueError, match="n_C .* must be a whole number >= 1"):
        L.conv_layer_parameters(3, 3, 0)
    with pytest.raises(ValueError, match="whole number"):
        L.conv_layer_parameters(2.5, 3, 1)
    with pytest.raises(ValueError, match=r"\(n_H, n_W, n_C\)"):
        L.conv_vs_dense((32, 32))
    assert L.dense_layer_parameters(400, 120) == 48120
    assert L.dense_layer_parameters(400, 120, bias=False) == 48000


# -- a whole network -----------------------------------------------------------------------


def test_simple_convnet_summary():
    rows = L.network_summary(L.SIMPLE_CONVNET["layers"], L.SIMPLE_CONVNET["input"])
    assert [r["shape"] for r in rows] == [
        (39, 39, 3), (37, 37, 10), (17, 17, 20), (7, 7, 40), (1960,), (1,)
    ]  # fmt: skip
    assert [r["parameters"] for r in rows] == [0, 280, 5020, 20040, 0, 1961]
    assert [r["layer"] for r in rows] == ["INPUT", "CONV1", "CONV2", "CONV3", "FLATTEN", "FC4"]


def test_lenet_like_summary_pooling_has_no_parameters():
    rows = L.network_summary(L.LENET_LIKE["layers"], L.LENET_LIKE["input"])
    assert [r["activations"] for r in rows] == [3072, 4704, 1176, 1600, 400, 400, 120, 84, 10]
    assert [r["parameters"] for r in rows] == [0, 456, 0, 2416, 0, 0, 48120, 10164, 850]
    pools = [r for r in rows if r["type"] == "pool"]
    assert [r["layer"] for r in pools] == ["MAXPOOL1", "MAXPOOL2"]
    assert all(r["parameters"] == 0 for r in pools)
    assert L.count_parameters(L.LENET_LIKE["layers"], L.LENET_LIKE["input"]) == 62_006
    assert L.total_activations(rows) == sum(r["activations"] for r in rows) - 400


def test_layer_names_number_weight_layers_on():
    lrn = {"type": "lrn", "depth_radius": 2, "bias": 2.0, "alpha": 1e-4, "beta": 0.75}
    layers = [L.conv(3, 4), lrn, L.pool(2, mode="average"), L.flatten(), L.fc(5), L.fc(2)]
    assert L.layer_names(layers) == ["CONV1", "LRN1", "AVGPOOL1", "FLATTEN", "FC2", "FC3"]


def test_network_summary_names_the_layer_that_does_not_fit():
    layers = [L.conv(3, 4), L.flatten(), L.conv(3, 4)]
    with pytest.raises(ValueError, match=r"layer 2 \(CONV2\) on input \(144,\)"):
        L.network_summary(layers, (8, 8, 1))
    with pytest.raises(ValueError, match=r"layer 1 \(FC2\) on input \(6, 6, 4\).*flatten\(\)"):
        L.network_summary([L.conv(3, 4), L.fc(3)], (8, 8, 1))
    with pytest.raises(ValueError, match="must be a volume"):
        L.network_summary([L.fc(3)], (8,))
    with pytest.raises(ValueError, match="non-empty list"):
        L.network_summary([], (8, 8, 1))
    with pytest.raises(ValueError, match="non-empty list"):
        L.network_summary(L.conv(3, 4), (8, 8, 1))
    with pytest.raises(ValueError, match=r"layer 1 must be a dict with 'type'"):
        L.network_summary([L.conv(3, 4), "pool"], (8, 8, 1))


def test_summary_table_columns_and_total_row():
    table = L.summary_table(L.SIMPLE_CONVNET["layers"], L.SIMPLE_CONVNET["input"], title="t")
    assert table.column("layer")[-1] == "total"
    assert table.column("parameters")[-1] == "27,301"
    assert table.column("output shape")[:5] == ["39x39x3", "37x37x10", "17x17x20", "7x7x40", "1960"]
    assert table.column("hyperparameters")[1:3] == [
        "f=3 s=1 p=0, 10 filters",
        "f=5 s=2 p=0, 20 filters",
    ]
    assert table.column("hyperparameters")[-2] == "1 unit"
    # 4563 + 13690 + 5780 + 1960 + 1: the flatten's 1960 is the same numbers as CONV3's.
    assert table.column("activations (n_H*n_W*n_C)")[-1] == "25,994"
    same = L.summary_table([L.conv(5, 2, p="same"), L.pool(2, 2, "average")], (8, 8, 1))
    assert same.column("hyperparameters")[1:3] == [
        "f=5 s=1 p=2 (same), 2 filters",
        "average f=2 s=2",
    ]
    assert str(table).splitlines()[0] == "t"
