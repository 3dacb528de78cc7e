"""Neural style transfer in NumPy: the content cost, the Gram matrix and the style costs.

Neural style transfer (NST) makes a generated image G that has the *content* of an image C
and the *style* of an image S by minimising

    J(G) = alpha * J_content(C, G) + beta * J_style(S, G)

over the pixels of G. The costs compare activations of a pretrained ConvNet (in the course
VGG19; offline here the VGG16 backbone of course_lib/c4_convnets/pretrained.py). A layer's
activation for one image is a volume a of shape (1, n_H, n_W, n_C), as in Course 4.

* Content cost at one mid-depth layer (the course's TF2 normalisation):
  ``J_content = 1/(4 n_H n_W n_C) * sum (a^(C) - a^(G))^2``. The lecture writes
  ``1/2 ||a^[l](C) - a^[l](G)||^2``; the constant differs and is absorbed by alpha.
* Gram (style) matrix of a layer: unroll a to A of shape (n_C, n_H*n_W), one row per
  channel, then ``G = A A^T`` (n_C, n_C): G_kk' = sum_i sum_j a_ijk a_ijk', a correlation
  between the channels k and k' of the same layer.
* Style cost of one layer:
  ``J_style^[l] = 1/(2 n_H n_W n_C)^2 * sum_k sum_k' (G^(S)_kk' - G^(G)_kk')^2``, and over
  several layers ``J_style = sum_l lambda^[l] J_style^[l]`` with ``STYLE_LAYERS`` the list of
  (layer name, lambda^[l]).

The course functions take the outputs of its multi-output model: a list with one
activation per style layer followed by the content layer's activation (the LAST element).
``compute_content_cost`` uses only that last element, ``compute_style_cost`` all the others.

Gradients with respect to the generated image's activations a^(G) (what backpropagation
through the ConvNet starts from) follow the forward/backward contract:
``content_cost_forward(a_C, a_G) -> (J, cache)``, ``content_cost_backward(dJ, cache)``,
and the same for one style layer; ``nst_cost_and_grads`` combines them.

Twin: course_lib/c4_convnets/style_transfer_tf.py (the optimisation loop is there: the
gradient of the costs with respect to the pixels needs backpropagation through VGG).
Taught in: notebooks/c4_convnets/15_neural_style_transfer.py
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from course_lib.validation import require_finite, require_numeric

__all__ = [
    "STYLE_LAYERS",
    "STYLE_LAYERS_VGG16",
    "CONTENT_LAYER",
    "CONTENT_LAYER_VGG16",
    "STYLE_PROFILES",
    "style_layer_weights",
    "compute_content_cost",
    "content_cost_forward",
    "content_cost_backward",
    "unroll_channels",
    "gram_matrix",
    "compute_layer_style_cost",
    "layer_style_cost_forward",
    "layer_style_cost_backward",
    "compute_style_cost",
    "total_cost",
    "nst_cost_and_grads",
    "clip_0_1",
    "generate_initial_image",
]

# The course's VGG19 style layers, 0.2 each, and its content layer.
STYLE_LAYERS = [
    ("block1_conv1", 0.2),
    ("block2_conv1", 0.2),
    ("block3_conv1", 0.2),
    ("block4_conv1", 0.2),
    ("block5_conv1", 0.2),
]
CONTENT_LAYER = "block5_conv4"
# VGG16 has the same block<b>_conv1 layers; it has no block5_conv4. Its content layer here
# is block4_conv2, a mid-depth layer (deep enough to ignore exact pixels, not so deep
# that the layout of the scene is lost).
STYLE_LAYERS_VGG16 = list(STYLE_LAYERS)
CONTENT_LAYER_VGG16 = "block4_conv2"
# Weight profiles lambda^[l] over the five style layers (each sums to 1).
STYLE_PROFILES = {
    "shallow-heavy": (0.4, 0.3, 0.15, 0.1, 0.05),
    "uniform": (0.2, 0.2, 0.2, 0.2, 0.2),
    "deep-heavy": (0.05, 0.1, 0.15, 0.3, 0.4),
}


def style_layer_weights(profile: str = "uniform", layers: Sequence[str] | None = None) -> list:
    """A STYLE_LAYERS list [(layer_name, lambda^[l]), ...] for one of ``STYLE_PROFILES``.

    Args:
        profile: "shallow-heavy", "uniform" or "deep-heavy".
        layers: the five style layer names (default the course's block1_conv1..block5_conv1).

    Returns:
        list of 5 (name, coefficient) pairs; the coefficients sum to 1.

    Taught in: notebooks/c4_convnets/15_neural_style_transfer.py, section 8.
    """
    if not isinstance(profile, str) or profile not in STYLE_PROFILES:
        raise ValueError(f"profile must be one of {list(STYLE_PROFILES)}; got {profile!r}.")
    names = [name for name, _ in STYLE_LAYERS] if layers is None else list(layers)
    if len(names) != 5 or not all(isinstance(n, str) for n in names):
        raise ValueError(f"layers must be 5 layer names; got {layers!r}.")
    return list(zip(names, STYLE_PROFILES[profile]))


def _activation(name: str, a) -> np.ndarray:
    """One layer's activation for one image, (1, n_H, n_W, n_C), as float64."""
    arr = require_finite(name, require_numeric(name, a))
    if arr.ndim != 4 or arr.shape[0] != 1:
        raise ValueError(
            f"{name} must be one image's activation of shape (1, n_H, n_W, n_C); got {arr.shape}."
        )
    if 0 in arr.shape:
        raise ValueError(
            f"{name} has an empty axis: n_H, n_W and n_C must be >= 1; got {arr.shape}."
        )
    return arr.astype(np.float64)


def _same_shape(a_X: np.ndarray, a_G: np.ndarray, x: str) -> None:
    if a_X.shape != a_G.shape:
        raise ValueError(
            f"a_{x} and a_G must come from the same layer with images of the same size: a_{x} "
            f"has shape {a_X.shape}, a_G has shape {a_G.shape}."
        )


def _layer_outputs(name: str, outputs) -> list[np.ndarray]:
    """A model's outputs as a list of (1, n_H, n_W, n_C) activations.

    A list/tuple is a list of activations; a 5-D array is a stack of them; a 4-D array is
    one activation (a list of one).
    """
    if isinstance(outputs, (list, tuple)):
        if not outputs:
            raise ValueError(f"{name} is an empty list; it must hold the layers' activations.")
        return [_activation(f"{name}[{i}]", a) for i, a in enumerate(outputs)]
    arr = require_numeric(name, outputs)
    if arr.ndim == 5:
        if arr.shape[0] == 0:
            raise ValueError(f"{name} holds no activation (its first axis has length 0).")
        return [_activation(f"{name}[{i}]", a) for i, a in enumerate(arr)]
    if arr.ndim == 4:
        return [_activation(name, arr)]
    raise ValueError(
        f"{name} must be a list of activations (1, n_H, n_W, n_C), a stacked 5-D array of "
        f"them or one 4-D activation; got an array of shape {arr.shape}."
    )


def content_cost_forward(a_C, a_G) -> tuple[float, dict]:
    """The content cost of one layer and what its backward pass needs.

    Args:
        a_C: (1, n_H, n_W, n_C) activation of the content image C.
        a_G: (1, n_H, n_W, n_C) activation of the generated image G, same shape.

    Returns:
        (J_content, cache): J_content = 1/(4 n_H n_W n_C) sum (a_C - a_G)^2, a float.

    Taught in: notebooks/c4_convnets/15_neural_style_transfer.py, section 3.
    """
    a_C, a_G = _activation("a_C", a_C), _activation("a_G", a_G)
    _same_shape(a_C, a_G, "C")
    _, n_H, n_W, n_C = a_G.shape
    diff = a_C - a_G
    J = float(np.sum(diff**2) / (4 * n_H * n_W * n_C))
    return J, {"diff": diff, "normaliser": 4 * n_H * n_W * n_C}


def content_cost_backward(dJ, cache: dict) -> dict:
    """Gradients of the content cost with respect to both activations.

    Args:
        dJ: upstream gradient of the scalar cost (1.0 for J itself).
        cache: from ``content_cost_forward``.

    Returns:
        {"da_G": (1, n_H, n_W, n_C) = dJ (a_G - a_C) / (2 n_H n_W n_C), "da_C": its negative}.

    Taught in: notebooks/c4_convnets/15_neural_style_transfer.py, section 3.
    """
    dJ = _number("dJ", dJ)
    _require_cache(cache, ("diff", "normaliser"), "content_cost_forward")
    da_G = -2.0 * dJ * cache["diff"] / cache["normaliser"]
    return {"da_G": da_G, "da_C": -da_G}


def compute_content_cost(content_output, generated_output) -> float:
    """The course's content cost, from the LAST element of each list of layer outputs.

    Args:
        content_output: the model's outputs for C: a list (or a stacked 5-D array) whose
            last element is the content layer's activation (1, n_H, n_W, n_C); a 4-D array
            is taken as that activation itself.
        generated_output: the same for G.

    Returns:
        J_content = 1/(4 n_H n_W n_C) sum over all entries of (a_C - a_G)^2, a float.

    Taught in: notebooks/c4_convnets/15_neural_style_transfer.py, section 3.
    """
    a_C = _layer_outputs("content_output", content_output)[-1]
    a_G = _layer_outputs("generated_output", generated_output)[-1]
    return content_cost_forward(a_C, a_G)[0]


def unroll_channels(a) -> np.ndarray:
    """Unroll one activation (1, n_H, n_W, n_C) to A (n_C, n_H*n_W): one row per channel.

    Reshape to (n_H*n_W, n_C) first (each row a position, each column a channel), then
    transpose. Reshaping straight to (n_C, n_H*n_W) would mix positions and channels.

    Args:
        a: (1, n_H, n_W, n_C).

    Returns:
        (n_C, n_H * n_W) float64.

    Taught in: notebooks/c4_convnets/15_neural_style_transfer.py, section 4.
    """
    a = _activation("a", a)
    _, n_H, n_W, n_C = a.shape
    return a.reshape(n_H * n_W, n_C).T


def gram_matrix(A) -> np.ndarray:
    """The Gram matrix of the unrolled activation: G_A = A A^T.

    Args:
        A: (n_C, n_H*n_W), one row per channel (``unroll_channels``).

    Returns:
        (n_C, n_C): entry (k, k') = sum over positions of a_k a_k', between channels k, k'.

    Taught in: notebooks/c4_convnets/15_neural_style_transfer.py, section 4.
    """
    A = require_finite("A", require_numeric("A", A))
    if A.ndim != 2 or 0 in A.shape:
        raise ValueError(
            f"A must be an unrolled activation of shape (n_C, n_H*n_W), both >= 1; got {A.shape}."
        )
    A = A.astype(np.float64)
    return A @ A.T


def layer_style_cost_forward(a_S, a_G) -> tuple[float, dict]:
    """The style cost of one layer and what its backward pass needs.

    Args:
        a_S: (1, n_H, n_W, n_C) activation of the style image S.
        a_G: (1, n_H, n_W, n_C) activation of the generated image G, same shape.

    Returns:
        (J_style_layer, cache): J = 1/(2 n_H n_W n_C)^2 ||G_S - G_G||_F^2, a float.

    Taught in: notebooks/c4_convnets/15_neural_style_transfer.py, section 5.
    """
    a_S, a_G = _activation("a_S", a_S), _activation("a_G", a_G)
    _same_shape(a_S, a_G, "S")
    _, n_H, n_W, n_C = a_G.shape
    A_S, A_G = unroll_channels(a_S), unroll_channels(a_G)
    GS, GG = gram_matrix(A_S), gram_matrix(A_G)
    normaliser = (2.0 * n_H * n_W * n_C) ** 2
    J = float(np.sum((GS - GG) ** 2) / normaliser)
    cache = {"A_S": A_S, "A_G": A_G, "GS": GS, "GG": GG, "normaliser": normaliser}
    cache["shape"] = a_G.shape
    return J, cache


def layer_style_cost_backward(dJ, cache: dict) -> dict:
    """Gradients of one layer's style cost with respect to both activations.

    With D = dJ/dG_G = -2 (G_S - G_G) / (2 n_H n_W n_C)^2 (symmetric) and G_G = A_G A_G^T,
    dJ/dA_G = (D + D^T) A_G = 2 D A_G; folded back to (1, n_H, n_W, n_C).

    Args:
        dJ: upstream gradient of the scalar cost (1.0 for J itself).
        cache: from ``layer_style_cost_forward``.

    Returns:
        {"da_G": (1, n_H, n_W, n_C), "da_S": (1, n_H, n_W, n_C)}.

    Taught in: notebooks/c4_convnets/15_neural_style_transfer.py, section 5.
    """
    dJ = _number("dJ", dJ)
    _require_cache(cache, ("A_S", "A_G", "GS", "GG", "normaliser", "shape"),
                   "layer_style_cost_forward")  # fmt: skip
    diff = cache["GS"] - cache["GG"]
    dA_G = dJ * (-4.0 / cache["normaliser"]) * diff @ cache["A_G"]
    dA_S = dJ * (4.0 / cache["normaliser"]) * diff @ cache["A_S"]
    shape = cache["shape"]
    return {"da_G": dA_G.T.reshape(shape), "da_S": dA_S.T.reshape(shape)}


def compute_layer_style_cost(a_S, a_G) -> float:
    """The course's style cost of one layer.

    Args:
        a_S: (1, n_H, n_W, n_C) activation of the style image S at that layer.
        a_G: (1, n_H, n_W, n_C) activation of the generated image G.

    Returns:
        J_style^[l] = 1/(4 n_C^2 (n_H n_W)^2) sum_k sum_k' (G^(S)_kk' - G^(G)_kk')^2, a float.

    Taught in: notebooks/c4_convnets/15_neural_style_transfer.py, section 5.
    """
    return layer_style_cost_forward(a_S, a_G)[0]


def _style_layers(STYLE_LAYERS) -> list[tuple[str, float]]:
    if not isinstance(STYLE_LAYERS, (list, tuple)) or not STYLE_LAYERS:
        raise TypeError(
            "STYLE_LAYERS must be a non-empty list of (layer_name, coefficient) pairs; got "
            f"{type(STYLE_LAYERS).__name__}."
        )
    pairs = []
    for i, item in enumerate(STYLE_LAYERS):
        if not isinstance(item, (list, tuple)) or len(item) != 2:
            raise TypeError(
                f"STYLE_LAYERS[{i}] must be a (layer_name, coefficient) pair; got {item!r}."
            )
        name, coefficient = item
        if isinstance(coefficient, bool) or not isinstance(coefficient, (int, float, np.number)):
            raise TypeError(f"the coefficient of {name!r} must be a number; got {coefficient!r}.")
        if not np.isfinite(coefficient) or coefficient < 0:
            raise ValueError(
                f"the coefficient lambda of {name!r} must be finite and >= 0; got {coefficient}."
            )
        pairs.append((name, float(coefficient)))
    return pairs


def _style_pairs(style_image_output, generated_image_output, STYLE_LAYERS):
    layers = _style_layers(STYLE_LAYERS)
    outs = []
    for name, outputs in (
        ("style_image_output", style_image_output),
        ("generated_image_output", generated_image_output),
    ):
        acts = _layer_outputs(name, outputs)
        if len(acts) != len(layers) + 1:
            raise ValueError(
                f"{name} must hold one activation per style layer ({len(layers)}) followed by "
                f"the content layer's, {len(layers) + 1} in all; got {len(acts)}. The last "
                "element is the content layer's and is dropped."
            )
        outs.append(acts[:-1])
    return layers, outs[0], outs[1]


def compute_style_cost(style_image_output, generated_image_output, STYLE_LAYERS=STYLE_LAYERS):
    """The course's style cost over several layers: sum_l lambda^[l] J_style^[l](S, G).

    Args:
        style_image_output: the model's outputs for S: a list with one activation
            (1, n_H, n_W, n_C) per style layer followed by the content layer's (dropped, as
            in the course: a_S = style_image_output[:-1]).
        generated_image_output: the same for G.
        STYLE_LAYERS: list of (layer_name, lambda^[l]), one per style layer, in order.

    Returns:
        J_style, a float.

    Taught in: notebooks/c4_convnets/15_neural_style_transfer.py, section 6.
    """
    layers, a_S, a_G = _style_pairs(style_image_output, generated_image_output, STYLE_LAYERS)
    return float(sum(w * compute_layer_style_cost(s, g) for (_, w), s, g in zip(layers, a_S, a_G)))


def _require_cache(cache, keys, forward: str) -> None:
    if not isinstance(cache, dict):
        raise TypeError(
            f"cache must be the dict returned by {forward}; got {type(cache).__name__}."
        )
    missing = [k for k in keys if k not in cache]
    if missing:
        raise ValueError(f"cache lacks {missing}: pass the dict returned by {forward} unchanged.")


def _number(name: str, value) -> float:
    arr = require_finite(name, require_numeric(name, value))
    if arr.size != 1:
        raise ValueError(f"{name} must be one number; got an array of shape {arr.shape}.")
    return float(arr.reshape(()))


def total_cost(J_content, J_style, alpha=10, beta=40) -> float:
    """The NST cost J(G) = alpha J_content + beta J_style.

    Args:
        J_content, J_style: the two costs (numbers). alpha, beta: their weights (>= 0).

    Returns:
        J, a float.

    Taught in: notebooks/c4_convnets/15_neural_style_transfer.py, section 2.
    """
    values = [_number(n, v) for n, v in (("J_content", J_content), ("J_style", J_style))]
    alpha, beta = _number("alpha", alpha), _number("beta", beta)
    if alpha < 0 or beta < 0:
        raise ValueError(
            f"alpha and beta weigh the two costs and must be >= 0; got {alpha}, {beta}."
        )
    return alpha * values[0] + beta * values[1]


def nst_cost_and_grads(
    content_output, style_output, generated_output, STYLE_LAYERS=STYLE_LAYERS, alpha=10, beta=40
) -> dict:
    """J(G) and its gradient with respect to every activation of G (the start of backprop).

    Args:
        content_output, style_output, generated_output: the model's outputs for C, S and G
            (lists: the style layers' activations, then the content layer's).
        STYLE_LAYERS: (layer_name, lambda^[l]) per style layer. alpha, beta: the weights.

    Returns:
        {"J", "J_content", "J_style": floats, "grads": list of dJ/da_G, one per output,
        shaped like generated_output's elements}.

    Taught in: notebooks/c4_convnets/15_neural_style_transfer.py, section 6.
    """
    layers, a_S, a_G = _style_pairs(style_output, generated_output, STYLE_LAYERS)
    a_C = _layer_outputs("content_output", content_output)[-1]
    a_G_content = _layer_outputs("generated_output", generated_output)[-1]
    alpha, beta = _number("alpha", alpha), _number("beta", beta)
    J_content, cache = content_cost_forward(a_C, a_G_content)
    grads = []
    J_style = 0.0
    for (_, weight), s, g in zip(layers, a_S, a_G):
        J_layer, layer_cache = layer_style_cost_forward(s, g)
        J_style += weight * J_layer
        grads.append(layer_style_cost_backward(beta * weight, layer_cache)["da_G"])
    grads.append(content_cost_backward(alpha, cache)["da_G"])
    J = total_cost(J_content, J_style, alpha, beta)
    return {"J": J, "J_content": J_content, "J_style": J_style, "grads": grads}


def clip_0_1(image) -> np.ndarray:
    """Clip pixel values to [0, 1] (done after every update of G).

    Args:
        image: any shape, e.g. (1, n_H, n_W, 3).

    Returns:
        the same shape, float64, every value in [0, 1].

    Taught in: notebooks/c4_convnets/15_neural_style_transfer.py, section 7.
    """
    image = require_finite("image", require_numeric("image", image))
    return np.clip(image.astype(np.float64), 0.0, 1.0)


def generate_initial_image(content_image, noise=0.25, seed=0) -> np.ndarray:
    """The starting G: the content image plus uniform noise in [-noise, noise], clipped.

    Args:
        content_image: (1, n_H, n_W, 3) or (n_H, n_W, 3), pixels in [0, 1].
        noise: half-width of the uniform noise (0 <= noise <= 1; 0.25 in the course).
        seed: seed of the noise.

    Returns:
        (1, n_H, n_W, 3) float64 in [0, 1].

    Taught in: notebooks/c4_convnets/15_neural_style_transfer.py, section 7.
    """
    image = require_finite("content_image", require_numeric("content_image", content_image))
    if image.ndim == 3:
        image = image[None]
    if image.ndim != 4 or image.shape[0] != 1 or image.shape[-1] != 3 or 0 in image.shape:
        raise ValueError(
            "content_image must have shape (1, n_H, n_W, 3) or (n_H, n_W, 3); got "
            f"{np.shape(content_image)}."
        )
    if image.min() < 0 or image.max() > 1:
        raise ValueError(
            "content_image must hold pixels in [0, 1] (divide 0-255 pixels by 255); got values "
            f"in [{image.min():.3g}, {image.max():.3g}]."
        )
    noise = _number("noise", noise)
    if not 0 <= noise <= 1:
        raise ValueError(f"noise is the half-width of the uniform noise, in [0, 1]; got {noise}.")
    rng = np.random.default_rng(seed)
    return clip_0_1(image + rng.uniform(-noise, noise, image.shape))
