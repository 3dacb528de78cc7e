"""Fuzz cases for course_lib/c4_convnets/style_transfer.py and what_convnets_learn.py.

See test_fuzz_public_api.py. Lists of layer outputs are given as stacked 5-D arrays
(n_outputs, 1, n_H, n_W, n_C), a form the course's functions accept.
"""

from __future__ import annotations

import numpy as np
from fuzzing import Case, case

from course_lib.c4_convnets import style_transfer as st

_RNG = np.random.default_rng(0)
_A = _RNG.standard_normal((1, 3, 4, 2))
_B = _RNG.standard_normal((1, 3, 4, 2))
_OUT_C = _RNG.standard_normal((3, 1, 2, 3, 2))
_OUT_S = _RNG.standard_normal((3, 1, 2, 3, 2))
_OUT_G = _RNG.standard_normal((3, 1, 2, 3, 2))
_LAYERS = [("one", 0.5), ("two", 0.5)]


@case("style_transfer.style_layer_weights")
def _style_layer_weights():
    return Case({"profile": "deep-heavy"})


@case("style_transfer.compute_content_cost")
def _compute_content_cost():
    return Case({"content_output": _OUT_C.copy(), "generated_output": _OUT_G.copy()},
                images=("content_output", "generated_output"))  # fmt: skip


@case("style_transfer.content_cost_forward")
def _content_cost_forward():
    return Case({"a_C": _A.copy(), "a_G": _B.copy()}, images=("a_C", "a_G"))


@case("style_transfer.content_cost_backward")
def _content_cost_backward():
    return Case({"dJ": 1.0, "cache": st.content_cost_forward(_A, _B)[1]}, numbers=("dJ",),
                dicts=("cache",))  # fmt: skip


@case("style_transfer.unroll_channels")
def _unroll_channels():
    return Case({"a": _A.copy()}, images=("a",))


@case("style_transfer.gram_matrix")
def _gram_matrix():
    return Case({"A": _RNG.standard_normal((3, 5))}, arrays=("A",))


@case("style_transfer.compute_layer_style_cost")
def _compute_layer_style_cost():
    return Case({"a_S": _A.copy(), "a_G": _B.copy()}, images=("a_S", "a_G"))


@case("style_transfer.layer_style_cost_forward")
def _layer_style_cost_forward():
    return Case({"a_S": _A.copy(), "a_G": _B.copy()}, images=("a_S", "a_G"))


@case("style_transfer.layer_style_cost_backward")
def _layer_style_cost_backward():
    return Case({"dJ": 1.0, "cache": st.layer_style_cost_forward(_A, _B)[1]}, numbers=("dJ",),
                dicts=("cache",))  # fmt: skip


@case("style_transfer.compute_style_cost")
def _compute_style_cost():
    return Case({"style_image_output": _OUT_S.copy(), "generated_image_output": _OUT_G.copy(),
                 "STYLE_LAYERS": list(_LAYERS)},
                images=("style_image_output", "generated_image_output"))  # fmt: skip


@case("style_transfer.total_cost")
def _total_cost():
    return Case({"J_content": 0.2, "J_style": 0.8, "alpha": 10, "beta": 40},
                arrays=("J_content", "J_style", "alpha", "beta"))  # fmt: skip


@case("style_transfer.nst_cost_and_grads")
def _nst_cost_and_grads():
    return Case({"content_output": _OUT_C.copy(), "style_output": _OUT_S.copy(),
                 "generated_output": _OUT_G.copy(), "STYLE_LAYERS": list(_LAYERS)},
                images=("content_output", "style_output", "generated_output"))  # fmt: skip


@case("style_transfer.clip_0_1")
def _clip_0_1():
    return Case({"image": _RNG.uniform(-1, 2, (1, 3, 4, 3))}, arrays=("image",))


@case("style_transfer.generate_initial_image")
def _generate_initial_image():
    return Case({"content_image": _RNG.uniform(0, 1, (1, 3, 4, 3)), "noise": 0.25, "seed": 0},
                images=("content_image",), numbers=("noise",))  # fmt: skip


# -- what_convnets_learn.py --------------------------------------------------------------------

_ACTS = _RNG.uniform(0, 1, (10, 3, 3, 4))
_IMAGES = _RNG.uniform(0, 255, (10, 12, 12, 3))
_FIELD = {"size": 6, "jump": 4, "start": 1.5}


@case("what_convnets_learn.receptive_field")
def _receptive_field():
    return Case({"layer": "block3_conv3"})


@case("what_convnets_learn.photo_tiles")
def _photo_tiles():
    return Case({"tile": 32, "per_side": 1, "names": ("camera",)}, counts=("per_side",))


@case("what_convnets_learn.field_inside")
def _field_inside():
    return Case({"field": dict(_FIELD), "n_H": 3, "n_W": 3, "H": 12, "W": 12}, dicts=("field",),
                counts=("n_H", "n_W", "H", "W"))  # fmt: skip


@case("what_convnets_learn.selective_units")
def _selective_units():
    return Case({"activations": _ACTS.copy(), "n_units": 2, "k": 3}, images=("activations",),
                counts=("n_units", "k"))  # fmt: skip


@case("what_convnets_learn.top_activations")
def _top_activations():
    return Case({"activations": _ACTS.copy(), "unit": 1, "k": 9}, images=("activations",),
                counts=("k",))  # fmt: skip


@case("what_convnets_learn.receptive_field_crop")
def _receptive_field_crop():
    return Case({"image": _IMAGES[0].copy(), "i": 1, "j": 2, "field": dict(_FIELD)},
                arrays=("image",), dicts=("field",))  # fmt: skip


@case("what_convnets_learn.top_patches")
def _top_patches():
    return Case({"images": _IMAGES.copy(), "activations": _ACTS.copy(), "unit": 0,
                 "field": dict(_FIELD), "k": 3},
                images=("images", "activations"), dicts=("field",), counts=("k",))  # fmt: skip
