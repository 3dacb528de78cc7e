"""The ResNet lesson's exercise checks fail the slips the lesson names, each with its own hint.

The learner functions are written here the way a learner would write the course's Keras
blocks (not taken from the checks), with one slip switched on by ``slip=...``.
"""

from __future__ import annotations

import pytest
from slip_testing import fails_with, stub


@pytest.fixture(scope="module")
def kit(tf):
    import keras

    from course_lib.c4_convnets import resnets_checks as rc

    return rc, keras.layers


def _learner_block(L, shortcut_conv, slip=None):
    """A learner's identity block (or convolutional block) with one slip switched on."""

    def norm(X, training):
        if slip == "no training":
            return L.BatchNormalization(axis=3)(X)
        return L.BatchNormalization(axis=3)(X, training=training)

    def body(X, f, filters, s, training, initializer):
        F1, F2, F3 = filters
        X_shortcut = X
        X = L.Conv2D(F1, (1, 1), strides=(s, s), padding="valid",
                     kernel_initializer=initializer(seed=0))(X)  # fmt: skip
        X = L.Activation("relu")(norm(X, training))
        X = L.Conv2D(F2, (f, f), strides=(1, 1), padding="same",
                     kernel_initializer=initializer(seed=0))(X)  # fmt: skip
        X = L.Activation("relu")(norm(X, training))
        X = L.Conv2D(F3, (1, 1), strides=(1, 1), padding="valid",
                     kernel_initializer=initializer(seed=0))(X)  # fmt: skip
        X = norm(X, training)
        if shortcut_conv:
            X_shortcut = L.Conv2D(F3, (1, 1), strides=(s, s), padding="valid",
                                  kernel_initializer=initializer(seed=0))(X_shortcut)  # fmt: skip
            if slip != "shortcut without BN":
                X_shortcut = norm(X_shortcut, training)
        if slip == "relu, then add":
            return L.Add()([L.Activation("relu")(X), X_shortcut])
        if slip == "relu on both sides":
            X = L.Activation("relu")(X)
        X = L.Add()([X, X_shortcut])
        if slip == "no relu at the end":
            return X
        return L.Activation("relu")(X)

    if shortcut_conv:

        def convolutional_block(X, f, filters, s=2, training=True, initializer=None):
            return body(X, f, filters, s, training, initializer)

        return convolutional_block

    def identity_block(X, f, filters, training=True, initializer=None):
        return body(X, f, filters, 1, training, initializer)

    return identity_block


SLIPS = [
    ("relu, then add", "the shortcut added after the last ReLU"),
    ("no relu at the end", "no ReLU after the addition"),
    ("relu on both sides", "a ReLU on the main path before the addition as well"),
    ("no training", "BatchNormalization called without `training`"),
]


def test_identity_block_reference_and_stub(kit):
    rc, L = kit
    assert rc.check_identity_block(_learner_block(L, False)).passed
    assert rc.check_identity_block(stub).status == "not attempted"


@pytest.mark.parametrize("slip, fragment", SLIPS)
def test_identity_block_slips(kit, slip, fragment):
    rc, L = kit
    fails_with(rc.check_identity_block(_learner_block(L, False, slip)), fragment)


def test_convolutional_block_reference_and_stub(kit):
    rc, L = kit
    assert rc.check_convolutional_block(_learner_block(L, True)).passed
    assert rc.check_convolutional_block(stub).status == "not attempted"


@pytest.mark.parametrize(
    "slip, fragment", [*SLIPS, ("shortcut without BN", "no BatchNormalization on the shortcut")]
)
def test_convolutional_block_slips(kit, slip, fragment):
    rc, L = kit
    fails_with(rc.check_convolutional_block(_learner_block(L, True, slip)), fragment)


def test_a_crash_is_reported_with_the_learners_line(kit):
    rc, _ = kit

    def identity_block(X, f, filters, training=True, initializer=None):
        return X.no_such_method()

    result = rc.check_identity_block(identity_block)
    assert result.status == "failed" and "AttributeError" in result.message
    assert "line" in result.message
