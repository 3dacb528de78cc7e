"""Unit tests of course_lib/c4_convnets/style_transfer.py (NumPy): the course's NST costs.

Each cost is compared with a direct loop over the course's formula, the input forms the
course's functions accept are checked (lists whose last element is the content layer, stacked
5-D arrays, a single 4-D activation), and bad input gets a clear error in course notation.
"""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from course_lib.c4_convnets import style_transfer as st


def _acts(seed=0, shape=(1, 3, 4, 5)):
    rng = np.random.default_rng(seed)
    return rng.normal(1.0, 4.0, shape), rng.normal(1.0, 4.0, shape)


def test_content_cost_formula_and_input_forms():
    a_C, a_G = _acts()
    _, n_H, n_W, n_C = a_G.shape
    expected = sum((a_C.ravel() - a_G.ravel()) ** 2) / (4 * n_H * n_W * n_C)
    assert st.compute_content_cost(a_C, a_G) == pytest.approx(expected, rel=1e-12)
    # a list whose LAST element is the content layer; the others are ignored
    other = np.zeros((1, 2, 2, 7))
    assert st.compute_content_cost([other, a_C], [other * 3, a_G]) == pytest.approx(expected)
    # the TF2 assignment's test passes a stacked 5-D array [1, 1, 4, 4, 3]
    assert st.compute_content_cost(a_C[None], a_G[None]) == pytest.approx(expected)
    # the lecture's 1/2 ||a_C - a_G||^2 differs by a constant only (absorbed by alpha)
    lecture = 0.5 * np.sum((a_C - a_G) ** 2)
    assert lecture / st.compute_content_cost(a_C, a_G) == pytest.approx(2 * n_H * n_W * n_C)
    assert st.compute_content_cost(a_C, a_C) == 0.0


def test_gram_matrix_is_channel_by_channel():
    A = np.random.default_rng(1).standard_normal((3, 8))
    G = st.gram_matrix(A)
    assert G.shape == (3, 3)
    for k in range(3):
        for kk in range(3):
            assert G[k, kk] == pytest.approx(np.dot(A[k], A[kk]))
    np.testing.assert_allclose(G, G.T)
    assert np.all(np.linalg.eigvalsh(G) > -1e-10)  # positive semi-definite


def test_unroll_channels_keeps_each_channel_in_one_row():
    a = np.zeros((1, 2, 3, 4))
    for k in range(4):
        a[..., k] = k  # channel k holds the value k at every position
    A = st.unroll_channels(a)
    assert A.shape == (4, 6)
    for k in range(4):
        assert np.all(A[k] == k)
    # the classic slip, a straight reshape to (n_C, n_H*n_W), mixes channels in a row
    wrong = a.reshape(4, 6)
    assert not all(np.all(wrong[k] == k) for k in range(4))


def test_layer_style_cost_formula():
    a_S, a_G = _acts(2, (1, 4, 4, 3))
    _, n_H, n_W, n_C = a_G.shape
    GS = np.zeros((n_C, n_C))
    GG = np.zeros((n_C, n_C))
    for k in range(n_C):
        for kk in range(n_C):
            GS[k, kk] = np.sum(a_S[0, :, :, k] * a_S[0, :, :, kk])
            GG[k, kk] = np.sum(a_G[0, :, :, k] * a_G[0, :, :, kk])
    expected = np.sum((GS - GG) ** 2) / (4 * n_C**2 * (n_H * n_W) ** 2)
    assert st.compute_layer_style_cost(a_S, a_G) == pytest.approx(expected, rel=1e-12)
    assert st.compute_layer_style_cost(a_S, a_S) == 0.0
    # the style cost ignores where things are: a spatially shuffled S has the same Gram matrix
    shuffled = a_S[:, ::-1, ::-1, :]
    assert st.compute_layer_style_cost(shuffled, a_S) == pytest.approx(0.0, abs=1e-9)


def test_style_cost_drops_the_content_layer_and_weights_layers():
    rng = np.random.default_rng(3)
    shapes = [(1, 4, 4, 2), (1, 2, 2, 3)]
    a_S = [rng.standard_normal(s) for s in shapes] + [rng.standard_normal((1, 2, 2, 5))]
    a_G = [rng.standard_normal(s) for s in shapes] + [rng.standard_normal((1, 2, 2, 5))]
    layers = [("one", 0.3), ("two", 0.7)]
    expected = 0.3 * st.compute_layer_style_cost(a_S[0], a_G[0]) + 0.7 * (
        st.compute_layer_style_cost(a_S[1], a_G[1])
    )
    assert st.compute_style_cost(a_S, a_G, layers) == pytest.approx(expected)
    a_G[-1] = a_G[-1] * 100  # the content layer's activation plays no part
    assert st.compute_style_cost(a_S, a_G, layers) == pytest.approx(expected)
    with pytest.raises(ValueError, match="one activation per style layer"):
        st.compute_style_cost(a_S[:-1], a_G[:-1], layers)
    with pytest.raises(TypeError, match="pair"):
        st.compute_style_cost(a_S, a_G, ["one", "two"])
    with pytest.raises(ValueError, match=">= 0"):
        st.compute_style_cost(a_S, a_G, [("one", -1.0), ("two", 1.0)])


def test_total_cost_and_its_defaults():
    assert st.total_cost(0.2, 0.8) == pytest.approx(10 * 0.2 + 40 * 0.8)
    assert st.total_cost(1.0, 2.0, alpha=3, beta=5) == pytest.approx(13.0)
    with pytest.raises(ValueError, match="alpha and beta"):
        st.total_cost(1.0, 1.0, alpha=-1)
    with pytest.raises(ValueError, match="one number"):
        st.total_cost(np.ones(2), 1.0)


def test_style_layers_and_profiles():
    assert [n for n, _ in st.STYLE_LAYERS] == [f"block{b}_conv1" for b in range(1, 6)]
    assert all(w == 0.2 for _, w in st.STYLE_LAYERS)
    for name in st.STYLE_PROFILES:
        pairs = st.style_layer_weights(name)
        assert sum(w for _, w in pairs) == pytest.approx(1.0)
    deep = st.style_layer_weights("deep-heavy")
    assert deep[-1][1] > deep[0][1]
    with pytest.raises(ValueError, match="profile must be one of"):
        st.style_layer_weights("heavy")


def test_nst_cost_and_grads_combines_the_pieces():
    rng = np.random.default_rng(4)
    shapes = [(1, 4, 4, 2), (1, 2, 2, 3), (1, 2, 2, 4)]
    C, S, G = ([rng.standard_normal(s) for s in shapes] for _ in range(3))
    layers = [("a", 0.4), ("b", 0.6)]
    out = st.nst_cost_and_grads(C, S, G, layers, alpha=2.0, beta=3.0)
    J_c = st.compute_content_cost(C, G)
    J_s = st.compute_style_cost(S, G, layers)
    assert out["J_content"] == pytest.approx(J_c) and out["J_style"] == pytest.approx(J_s)
    assert out["J"] == pytest.approx(2.0 * J_c + 3.0 * J_s)
    assert [g.shape for g in out["grads"]] == shapes


def test_clip_and_initial_image():
    x = np.array([-0.5, 0.2, 1.7])
    np.testing.assert_array_equal(st.clip_0_1(x), [0.0, 0.2, 1.0])
    C = np.full((5, 6, 3), 0.5)
    G = st.generate_initial_image(C, noise=0.25, seed=1)
    assert G.shape == (1, 5, 6, 3) and G.min() >= 0.25 and G.max() <= 0.75
    assert not np.allclose(G, 0.5)
    np.testing.assert_array_equal(G, st.generate_initial_image(C, noise=0.25, seed=1))
    np.testing.assert_array_equal(st.generate_initial_image(C, noise=0.0)[0], C)
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        st.generate_initial_image(C * 255)


@pytest.mark.parametrize(
    "call, match",
    [
        (lambda: st.compute_content_cost(np.ones((1, 2, 2, 3)), np.ones((1, 2, 3, 3))),
         "same layer"),
        (lambda: st.compute_content_cost(np.ones((2, 2, 2, 3)), np.ones((2, 2, 2, 3))),
         r"\(1, n_H, n_W, n_C\)"),
        (lambda: st.compute_content_cost(np.ones((2, 3)), np.ones((2, 3))), "list of activations"),
        (lambda: st.compute_content_cost([], []), "empty list"),
        (lambda: st.compute_layer_style_cost(np.ones((1, 2, 2, 3)), np.ones((1, 2, 2, 4))),
         "same layer"),
        (lambda: st.compute_layer_style_cost(np.ones((1, 0, 2, 3)), np.ones((1, 0, 2, 3))),
         "empty axis"),
        (lambda: st.gram_matrix(np.ones((1, 2, 2))), r"\(n_C, n_H\*n_W\)"),
        (lambda: st.compute_content_cost(np.full((1, 2, 2, 3), np.nan), np.ones((1, 2, 2, 3))),
         "NaN|nan|finite"),
    ],
)  # fmt: skip
def test_clear_errors(call, match):
    with pytest.raises((ValueError, TypeError), match=match):
        call()


def test_numpy_module_does_not_import_tensorflow():
    code = (
        "import sys; import course_lib.c4_convnets.style_transfer; "
        "import course_lib.c4_convnets.style_transfer_checks; "
        "import course_lib.c4_convnets.what_convnets_learn; "
        "import course_lib.c4_convnets.style_transfer_dashboard; "
        "sys.exit(int('tensorflow' in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


# -- what deep ConvNets learn (what_convnets_learn.py) -------------------------------------------


def test_receptive_fields_of_vgg16():
    from course_lib.c4_convnets import what_convnets_learn as wl

    sizes = {name: wl.receptive_field(name)["size"] for name in
             ("block1_conv1", "block1_conv2", "block2_conv2", "block3_conv3", "block4_conv3",
              "block5_conv3")}  # fmt: skip
    assert sizes == {"block1_conv1": 3, "block1_conv2": 5, "block2_conv2": 14,
                     "block3_conv3": 40, "block4_conv3": 92, "block5_conv3": 196}  # fmt: skip
    field = wl.receptive_field("block3_conv3")
    assert field["jump"] == 4 and field["start"] == 1.5
    with pytest.raises(ValueError, match="layer must be one of"):
        wl.receptive_field("fc7")


def test_receptive_field_matches_a_real_chain_of_convolutions():
    """Perturb one input pixel: only units whose field contains it change (3x3 'same' convs)."""
    from scipy.ndimage import correlate

    from course_lib.c4_convnets import what_convnets_learn as wl

    geometry = (("c1", 3, 1, 1), ("c2", 3, 1, 1), ("p1", 2, 2, 0), ("c3", 3, 1, 1))

    def net(x):
        k = np.ones((3, 3))
        x = correlate(correlate(x, k, mode="constant"), k, mode="constant")
        x = x.reshape(8, 2, 8, 2).max(axis=(1, 3))  # 2x2 max-pool (a sum would do as well)
        return correlate(x, k, mode="constant")

    field = wl.receptive_field("c3", geometry)
    assert field == {"size": 10, "jump": 2, "start": 0.5}
    rng = np.random.default_rng(0)
    x = rng.uniform(1, 2, (16, 16))
    base = net(x)
    y, z = 7, 9
    x2 = x.copy()
    x2[y, z] += 100.0
    changed = np.abs(net(x2) - base) > 1e-9
    for i in range(8):
        for j in range(8):
            top = field["start"] + i * field["jump"] - (field["size"] - 1) / 2
            left = field["start"] + j * field["jump"] - (field["size"] - 1) / 2
            inside = top <= y < top + field["size"] and left <= z < left + field["size"]
            if changed[i, j]:
                assert inside, (i, j)


def test_top_activations_and_patches():
    from course_lib.c4_convnets import what_convnets_learn as wl

    rng = np.random.default_rng(1)
    acts = rng.uniform(0, 1, (12, 5, 5, 3))
    acts[7, 2, 3, 1] = 9.0
    acts[4, 0, 4, 1] = 8.0
    top = wl.top_activations(acts, 1, k=9)
    assert list(top["image"][:2]) == [7, 4] and (top["i"][0], top["j"][0]) == (2, 3)
    assert len(set(top["image"])) == 9 and np.all(np.diff(top["value"]) <= 0)
    images = rng.uniform(0, 255, (12, 20, 20, 3))
    field = {"size": 6, "jump": 4, "start": 1.5}
    patches = wl.top_patches(images, acts, 1, field, k=9)
    assert patches.shape == (9, 6, 6, 3)
    # unit (2, 3) is centred on pixel (9.5, 13.5): rows 7..12, columns 11..16
    np.testing.assert_array_equal(patches[0], images[7, 7:13, 11:17])
    # unit (0, 4): rows -1..4 and columns 15..20; the row above the image and the column
    # right of it are filled with grey
    assert np.all(patches[1][0] == 127.5) and np.all(patches[1][:, 5] == 127.5)
    np.testing.assert_array_equal(patches[1][1:, :5], images[4, 0:5, 15:20])
    with pytest.raises(ValueError, match="more than the number of images"):
        wl.top_activations(acts, 1, k=13)
    with pytest.raises(ValueError, match="channel index"):
        wl.top_activations(acts, 3)


def test_selective_units_skip_dead_and_similar_units():
    from course_lib.c4_convnets import what_convnets_learn as wl

    rng = np.random.default_rng(2)
    acts = rng.uniform(0, 1, (6, 3, 3, 5))
    acts[..., 0] = 0.0  # a dead unit
    acts[:2, 1, 1, 2] = 50.0  # a unit that fires strongly on two images only
    acts[..., 3] = acts[..., 2] * 0.9  # a copy of it: passed over
    units = wl.selective_units(acts, 2, k=2)
    assert units[0] == 2 and 0 not in units and 3 not in units
    with pytest.raises(ValueError, match="active in k = 2 images and differ"):
        wl.selective_units(acts, 5, k=2)


def test_field_inside_and_masked_top_activations():
    from course_lib.c4_convnets import what_convnets_learn as wl

    field = {"size": 6, "jump": 4, "start": 1.5}  # unit i covers rows 4i - 1 .. 4i + 4
    mask = wl.field_inside(field, 5, 5, 20, 20)
    np.testing.assert_array_equal(mask[:, 2], [False, True, True, True, False])
    assert not mask[:, 0].any()
    acts = np.random.default_rng(3).uniform(0, 1, (10, 5, 5, 2))
    acts[:, 0, 0, 1] = 9.0  # strongest at a border unit, which the mask drops
    top = wl.top_activations(acts, 1, 9, mask)
    assert all(mask[i, j] for i, j in zip(top["i"], top["j"]))
    assert np.all(top["value"] < 9.0)
    big = {"size": 40, "jump": 4, "start": 1.5}  # larger than the image: centres inside kept
    assert wl.field_inside(big, 5, 5, 20, 20).all()


def test_photo_tiles():
    from course_lib.c4_convnets import what_convnets_learn as wl

    tiles, labels = wl.photo_tiles(32, 2, names=("camera", "chelsea"))
    assert tiles.shape == (8, 32, 32, 3) and len(labels) == 8
    assert tiles.min() >= 0 and tiles.max() <= 255
    np.testing.assert_array_equal(tiles[0][..., 0], tiles[0][..., 2])  # a grey photo
    with pytest.raises(ValueError, match="no photo"):
        wl.photo_tiles(32, 1, names=("nothing",))
