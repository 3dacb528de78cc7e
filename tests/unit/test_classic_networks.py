"""Classic networks: LeNet-5, AlexNet and VGG-16 as specs, their tables, and LRN.

The tables come from the calculator of layers.py (tested on its own in test_layers.py).

Known values are worked by hand from the formulas n_H = floor((n_H_prev + 2p - f)/s) + 1,
CONV params (f*f*n_C_prev + 1)*n_C, FC params (n_prev + 1)*n, and the published totals
(LeNet-5 as the course draws it 61,706; AlexNet on one GPU 62,378,344; VGG-16 138,357,544).
"""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c4_convnets import classic_networks as cn
from course_lib.c4_convnets import layers as L


def _rows(name):
    input_shape, layers = cn.NETWORKS[name]()
    return L.network_summary(layers, input_shape)


# -- the lrn spec (the calculator itself is tested in test_layers.py) ----------------------


def test_lrn_spec_keeps_the_shape_and_learns_nothing():
    assert cn.lrn() == {"type": "lrn", **cn.ALEXNET_LRN}
    assert L.layer_output_shape(cn.lrn(), (55, 55, 96)) == (55, 55, 96)
    assert L.layer_parameters(cn.lrn(), (55, 55, 96)) == 0
    with pytest.raises(ValueError, match="needs a volume"):
        L.layer_output_shape(cn.lrn(), (96,))


@pytest.mark.parametrize(
    ("make", "fragment"),
    [
        (lambda: cn.lrn(bias=0), "bias > 0"),
        (lambda: cn.lrn(alpha=-1e-4), "alpha >= 0"),
        (lambda: cn.lrn(depth_radius=-1), "depth_radius"),
        (lambda: cn.lrn(beta="0.75"), "finite number"),
    ],
)
def test_bad_lrn_specs_are_refused_in_words(make, fragment):
    with pytest.raises(ValueError) as err:
        make()
    assert fragment in str(err.value)


def test_every_shipped_network_flattens_before_its_first_fc():
    for make in cn.NETWORKS.values():
        _, layers = make()
        kinds = [layer["type"] for layer in layers]
        assert kinds[kinds.index("fc") - 1] == "flatten"


# -- the three networks --------------------------------------------------------------------


def test_lenet5_table_worked_by_hand():
    rows = _rows("LeNet-5")
    assert [r["layer"] for r in rows] == [
        "INPUT", "CONV1", "AVGPOOL1", "CONV2", "AVGPOOL2", "FLATTEN", "FC3", "FC4", "FC5"
    ]  # fmt: skip
    assert [r["shape"] for r in rows] == [
        (32, 32, 1), (28, 28, 6), (14, 14, 6), (10, 10, 16), (5, 5, 16),
        (400,), (120,), (84,), (10,),
    ]  # fmt: skip
    assert [r["parameters"] for r in rows] == [0, 156, 0, 2416, 0, 0, 48_120, 10_164, 850]
    assert [r["activations"] for r in rows] == [1024, 4704, 1176, 1600, 400, 400, 120, 84, 10]
    input_shape, layers = cn.lenet5()
    assert L.count_parameters(layers, input_shape) == 61_706
    assert L.total_activations(rows) == 9518 - 400  # the flatten is the same 400 numbers


def test_lenet5_max_pool_variant_has_the_same_counts():
    avg_in, avg = cn.lenet5()
    max_in, mx = cn.lenet5("max")
    assert [layer["mode"] for layer in mx if layer["type"] == "pool"] == ["max", "max"]
    assert L.count_parameters(mx, max_in) == L.count_parameters(avg, avg_in)


def test_alexnet_shapes_are_the_course_figure():
    rows = _rows("AlexNet")
    shapes = [r["shape"] for r in rows if r["type"] not in ("input", "lrn")]
    assert shapes == [
        (55, 55, 96), (27, 27, 96), (27, 27, 256), (13, 13, 256), (13, 13, 384),
        (13, 13, 384), (13, 13, 256), (6, 6, 256), (9216,), (4096,), (4096,), (1000,),
    ]  # fmt: skip
    convs = [r["parameters"] for r in rows if r["type"] == "conv"]
    fcs = [r["parameters"] for r in rows if r["type"] == "fc"]
    assert convs == [34_944, 614_656, 885_120, 1_327_488, 884_992]
    assert fcs == [37_752_832, 16_781_312, 4_097_000]
    assert sum(convs) + sum(fcs) == 62_378_344
    assert [r["layer"] for r in rows if r["type"] == "lrn"] == ["LRN1", "LRN2"]
    no_lrn_in, no_lrn = cn.alexnet(with_lrn=False)
    assert L.count_parameters(no_lrn, no_lrn_in) == 62_378_344
    assert len(no_lrn) == len(cn.alexnet()[1]) - 2


def test_vgg16_has_13_conv_and_3_fc_and_138m_parameters():
    rows = _rows("VGG-16")
    convs = [r for r in rows if r["type"] == "conv"]
    assert len(convs) == 13 and sum(r["type"] == "fc" for r in rows) == 3
    filters = [r["shape"][2] for r in convs]
    assert filters == [64] * 2 + [128] * 2 + [256] * 3 + [512] * 3 + [512] * 3
    assert [r["shape"] for r in rows if r["type"] == "pool"] == [
        (112, 112, 64), (56, 56, 128), (28, 28, 256), (14, 14, 512), (7, 7, 512)
    ]  # fmt: skip
    assert sum(r["parameters"] for r in rows) == 138_357_544
    assert rows[1]["activations"] == 224 * 224 * 64


def test_summary_table_has_a_total_row():
    input_shape, layers = cn.lenet5()
    table = L.summary_table(layers, input_shape, title="LeNet-5")
    assert table.column("layer")[-1] == "total"
    assert table.column("parameters")[-1] == "61,706"
    assert table.column("activations (n_H*n_W*n_C)")[-1] == "9,118"
    assert table.column("output shape")[1] == "28x28x6"
    assert "FC4" in str(table)
    assert table.column("hyperparameters")[2] == "average f=2 s=2"
    alex_table = L.summary_table(*cn.alexnet()[::-1])
    lrn_row = alex_table.column("layer").index("LRN1")
    expected = "depth_radius=2, bias=2, alpha=0.0001, beta=0.75"
    assert alex_table.column("hyperparameters")[lrn_row] == expected


def test_fc_layers_hold_the_parameters_and_first_conv_the_activations():
    for name in cn.NETWORKS:
        rows = _rows(name)
        total = sum(r["parameters"] for r in rows)
        assert sum(r["parameters"] for r in rows if r["type"] == "fc") / total > 0.85
        first_conv = next(r for r in rows if r["type"] == "conv")
        assert max(rows, key=lambda r: r["activations"]) is first_conv


def test_plot_network_profiles_draws_one_log_panel_per_network():
    summaries = {name: _rows(name) for name in cn.NETWORKS}
    fig = cn.plot_network_profiles(summaries)
    axes = fig.axes
    assert len(axes) == 3 and all(ax.get_yscale() == "log" for ax in axes)
    assert "61,706" in axes[0].get_title()
    labels = [t.get_text() for t in axes[0].get_xticklabels()]
    assert "FLATTEN" not in labels and labels[-1] == "FC5"
    assert fig.get_size_inches()[0] <= 9.6


# -- local response normalisation ----------------------------------------------------------


def _lrn_loops(A, r, k, alpha, beta):
    out = np.empty_like(A, dtype=float)
    n_C = A.shape[-1]
    for c in range(n_C):
        window = A[..., max(0, c - r) : min(n_C, c + r + 1)]
        out[..., c] = A[..., c] / (k + alpha * np.sum(window**2, axis=-1)) ** beta
    return out


def test_lrn_worked_by_hand():
    A = np.array([1.0, 2.0, 3.0]).reshape(1, 1, 1, 3)
    B = cn.local_response_normalization(A, depth_radius=1, bias=1, alpha=1, beta=1)
    # c0: 1 / (1 + 1 + 4); c1: 2 / (1 + 1 + 4 + 9); c2: 3 / (1 + 4 + 9)
    np.testing.assert_allclose(B.ravel(), [1 / 6, 2 / 15, 3 / 14], rtol=1e-15)
    B0 = cn.local_response_normalization(A, depth_radius=0, bias=2, alpha=0.5, beta=0.5)
    np.testing.assert_allclose(B0.ravel(), A.ravel() / np.sqrt(2 + 0.5 * A.ravel() ** 2))


@pytest.mark.parametrize(
    "kw",
    [
        {},
        cn.ALEXNET_LRN,
        {"depth_radius": 0, "bias": 0.5, "alpha": 2.0, "beta": 1.0},
        {"depth_radius": 9, "bias": 1.0, "alpha": 0.1, "beta": 0.75},  # window > n_C
    ],
)
def test_lrn_matches_a_loop_over_channels(kw):
    A = np.random.default_rng(3).normal(0, 5, (2, 3, 4, 7))
    args = {"depth_radius": 5, "bias": 1.0, "alpha": 1.0, "beta": 0.5} | kw
    expected = _lrn_loops(A, args["depth_radius"], args["bias"], args["alpha"], args["beta"])
    np.testing.assert_allclose(cn.local_response_normalization(A, **kw), expected, rtol=1e-12)


def test_lrn_small_activations_are_only_rescaled_by_k_to_the_minus_beta():
    A = np.random.default_rng(0).uniform(0, 1, (1, 2, 2, 16))
    B = cn.local_response_normalization(A, **cn.ALEXNET_LRN)
    np.testing.assert_allclose(B, A * 2.0**-0.75, rtol=1e-3)


def test_lrn_refuses_bad_input():
    with pytest.raises(ValueError, match=r"\(m, n_H, n_W, n_C\)"):
        cn.local_response_normalization(np.ones((3, 3, 4)))
    with pytest.raises(ValueError, match="bias > 0"):
        cn.local_response_normalization(np.ones((1, 2, 2, 3)), bias=0.0)
    with pytest.raises(ValueError, match="alpha >= 0"):
        cn.local_response_normalization(np.ones((1, 2, 2, 3)), alpha=-1.0)
    with pytest.raises(ValueError, match="NaN"):
        cn.local_response_normalization(np.full((1, 2, 2, 3), np.nan))
    with pytest.raises(ValueError, match="finite number"):
        cn.local_response_normalization(np.ones((1, 2, 2, 3)), beta=float("inf"))
    with pytest.raises(TypeError, match="strings"):
        cn.local_response_normalization(np.full((1, 1, 1, 2), "a"))


def test_lrn_arguments_map_the_paper_and_pytorch_conventions():
    assert cn.lrn_arguments(5, 2, 1e-4, 0.75) == cn.ALEXNET_LRN
    torch_style = cn.lrn_arguments(5, 1.0, 1e-4, 0.75, alpha_divided_by_n=True)
    assert torch_style == {"depth_radius": 2, "bias": 1.0, "alpha": 2e-5, "beta": 0.75}
    with pytest.raises(ValueError, match="odd"):
        cn.lrn_arguments(4, 2, 1e-4, 0.75)
