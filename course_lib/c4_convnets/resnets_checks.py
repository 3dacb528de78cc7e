"""Auto-checks for the ResNet exercises; each compares with resnets_tf.py (Keras).

The learner writes the course's Keras ``identity_block(X, f, filters, training, initializer)``
and ``convolutional_block(X, f, filters, s, training, initializer)``. Every case calls it on an
eager tensor with the initializer ``random_uniform`` (identity) or ``glorot_uniform``
(convolutional), each layer created with ``initializer(seed=0)`` as in the course, so a
correct block has exactly the reference's weights. Cases run with ``training=True`` (batch
statistics) and ``training=False`` (moving statistics, which start at mean 0, variance 1).

Taught in: notebooks/c4_convnets/06_resnets.py ("Your turn" cells).
"""

from __future__ import annotations

import numpy as np

from course_lib.exercises import Case, CheckResult, Slip, check_function

__all__ = ["check_identity_block", "check_convolutional_block", "block_variant"]


def _twin():
    """resnets_tf, imported on first use: importing this module must not load TensorFlow."""
    from course_lib.c4_convnets import resnets_tf

    return resnets_tf


def block_variant(slip: str | None = None, shortcut_conv: bool = False):
    """The course's block written with one classic slip switched on (the checks' diagnoses).

    ``slip``: None (correct), "add after relu" (the third BN is followed by a ReLU, then the
    shortcut is added and nothing follows), "no final relu", "relu before add" (a ReLU on the
    main path and another after the addition), "training ignored" (BatchNormalization called
    without ``training``), "shortcut without bn" (convolutional block: CONV 1x1 on the
    shortcut but no BN), "shortcut stride 1" (the shortcut's 1x1 convolution without the
    stride; only runs where the shapes still agree, i.e. never for s > 1).
    ``shortcut_conv``: the convolutional block (signature with ``s``) instead of the identity.
    """

    def bn(X, training):
        layers = _twin().layers
        if slip == "training ignored":
            return layers.BatchNormalization(axis=3)(X)
        return layers.BatchNormalization(axis=3)(X, training=training)

    def conv(X, n, size, stride, padding, initializer):
        return _twin().layers.Conv2D(
            n, size, strides=stride, padding=padding, kernel_initializer=initializer(seed=0)
        )(X)

    def block(X, f, filters, s, training, initializer):
        layers = _twin().layers
        F1, F2, F3 = filters
        X_shortcut = X
        X = layers.Activation("relu")(bn(conv(X, F1, 1, s, "valid", initializer), training))
        X = layers.Activation("relu")(bn(conv(X, F2, f, 1, "same", initializer), training))
        X = bn(conv(X, F3, 1, 1, "valid", initializer), training)
        if shortcut_conv:
            stride = 1 if slip == "shortcut stride 1" else s
            X_shortcut = conv(X_shortcut, F3, 1, stride, "valid", initializer)
            if slip != "shortcut without bn":
                X_shortcut = bn(X_shortcut, training)
        if slip in ("add after relu", "relu before add"):
            X = layers.Activation("relu")(X)
        X = layers.Add()([X, X_shortcut])
        if slip not in ("add after relu", "no final relu"):
            X = layers.Activation("relu")(X)
        return X

    if shortcut_conv:

        def convolutional_block(X, f, filters, s=2, training=True, initializer=None):
            return block(X, f, filters, s, training, initializer)

        return convolutional_block

    def identity_block(X, f, filters, training=True, initializer=None):
        return block(X, f, filters, 1, training, initializer)

    return identity_block


class _OnArrays:
    """Call a Keras block on a constant tensor and hand back a NumPy array.

    It carries the wrapped function's ``__code__``, so a learner's error is still reported
    with the line of the learner's cell.
    """

    def __init__(self, fn):
        self.fn = fn
        self.__code__ = getattr(fn, "__code__", None)

    def __call__(self, X, *args, **kwargs):
        tf = _twin().tf
        out = self.fn(tf.constant(X, tf.float32), *args, **kwargs)
        return np.asarray(out, np.float64)


def _on_arrays(fn):
    return _OnArrays(fn) if callable(fn) else fn


def _cases(shortcut_conv: bool) -> list[Case]:
    rng = np.random.default_rng(4)
    rt = _twin()
    initializer = rt.glorot_uniform if shortcut_conv else rt.random_uniform
    cases = []
    specs = (
        [((3, 6, 6, 5), 3, [4, 3, 6], 2, True), ((2, 5, 5, 3), 3, [2, 4, 4], 2, False),
         ((2, 4, 4, 3), 3, [3, 2, 5], 1, True)]
        if shortcut_conv
        else [((3, 4, 4, 3), 2, [4, 4, 3], None, True), ((2, 5, 5, 6), 3, [3, 2, 6], None, False),
              ((3, 4, 4, 4), 3, [2, 5, 4], None, True)]
    )  # fmt: skip
    for shape, f, filters, s, training in specs:
        X = rng.standard_normal(shape) * 2
        kwargs = {"training": training, "initializer": initializer}
        if s is not None:
            kwargs["s"] = s
        text = f"X of shape {shape}, f = {f}, filters = {filters}"
        text += f", s = {s}" if s is not None else ""
        cases.append(Case(f"{text}, training = {training}", (X, f, filters), kwargs))
    return cases


_ADD_HINT = (
    "the shortcut is added to the output of the third BatchNormalization, before the last "
    "ReLU: X = Add()([X, X_shortcut]) and then Activation('relu'). That is "
    "a^[l+2] = g(z^[l+2] + a^[l])."
)
_SLIPS = [
    Slip(
        "the shortcut added after the last ReLU (a^[l+2] = g(z^[l+2]) + a^[l])",
        "drop the ReLU between the third BatchNormalization and the Add, and put one after "
        "the Add instead: " + _ADD_HINT,
        block_variant("add after relu"),
    ),
    Slip(
        "no ReLU after the addition",
        "the block ends with Activation('relu') applied to the sum; " + _ADD_HINT,
        block_variant("no final relu"),
    ),
    Slip(
        "a ReLU on the main path before the addition as well as after it",
        "the third BatchNormalization goes straight into the Add, with no ReLU in between: "
        + _ADD_HINT,
        block_variant("relu before add"),
    ),
    Slip(
        "BatchNormalization called without `training`",
        "call every BatchNormalization layer as BatchNormalization(axis=3)(X, "
        "training=training): without it the layer uses its moving statistics, so with "
        "training=True the outputs differ.",
        block_variant("training ignored"),
    ),
]
_HINTS = {
    "differs": "CONV 1x1 (F1, valid) -> BN -> RELU -> CONV f x f (F2, same) -> BN -> RELU -> "
    "CONV 1x1 (F3, valid) -> BN -> Add -> RELU, each Conv2D with "
    "kernel_initializer=initializer(seed=0).",
}
_SHAPE_HINT = "the middle convolution uses padding='same' and the 1x1 ones padding='valid'."
_HINTS.update({"has shape": _SHAPE_HINT, "incompatible shapes": _SHAPE_HINT})


def check_identity_block(learner_fn) -> CheckResult:
    """Check the learner's Keras ``identity_block(X, f, filters, training, initializer)``.

    Taught in: notebooks/c4_convnets/06_resnets.py, section 4.
    """
    return check_function(
        "identity_block",
        _on_arrays(learner_fn),
        _on_arrays(_twin().identity_block),
        _cases(False),
        rtol=1e-4,
        atol=1e-5,
        slips=[Slip(s.mistake, s.hint, _on_arrays(s.fn)) for s in _SLIPS],
        hints=_HINTS,
    )


_CONV_SLIPS = [
    Slip(s.mistake, s.hint, block_variant(slip, shortcut_conv=True))
    for s, slip in zip(_SLIPS, ("add after relu", "no final relu", "relu before add",
                                "training ignored"))
] + [
    Slip(
        "no BatchNormalization on the shortcut",
        "the shortcut path is CONV 1x1 (F3, stride s, valid) followed by "
        "BatchNormalization(axis=3)(X_shortcut, training=training), like the main path.",
        block_variant("shortcut without bn", shortcut_conv=True),
    ),
]  # fmt: skip


def check_convolutional_block(learner_fn) -> CheckResult:
    """Check the learner's Keras ``convolutional_block(X, f, filters, s, training, initializer)``.

    Taught in: notebooks/c4_convnets/06_resnets.py, section 5.
    """
    hints = dict(_HINTS)
    hints["has shape"] = hints["incompatible shapes"] = (
        "the first 1x1 convolution of the main path and the shortcut's 1x1 convolution both "
        "use strides=(s, s); the middle one padding='same', the 1x1 ones padding='valid'."
    )
    return check_function(
        "convolutional_block",
        _on_arrays(learner_fn),
        _on_arrays(_twin().convolutional_block),
        _cases(True),
        rtol=1e-4,
        atol=1e-5,
        slips=[Slip(s.mistake, s.hint, _on_arrays(s.fn)) for s in _CONV_SLIPS],
        hints=hints,
    )
