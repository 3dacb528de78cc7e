"""Parity of the NumPy optimisers and schedules with their Keras twins."""

import numpy as np
import pytest

from course_lib.c2_improving_dnns import lr_decay
from course_lib.c2_improving_dnns import optimizers as o

pytestmark = pytest.mark.tf


def _sequence(scale=1.0, steps=12, seed=0):
    rng = np.random.default_rng(seed)
    p = {"W1": rng.standard_normal((3, 2)), "b1": rng.standard_normal((3, 1))}
    grads = [
        {"d" + k: rng.standard_normal(v.shape) * scale for k, v in p.items()} for _ in range(steps)
    ]
    return p, grads


def _max_diff(a, b):
    return max(np.abs(x[k] - y[k]).max() for x, y in zip(a, b) for k in x)


@pytest.mark.parametrize(
    "name, hyper",
    [
        ("gd", {}),
        ("momentum", {"beta": 0.9}),  # Keras SGD(momentum=beta, lr=alpha*(1-beta))
        ("rmsprop", {"beta2": 0.9, "epsilon": 0.0}),  # epsilon placement cannot matter
        ("adam", {"beta1": 0.9, "beta2": 0.999, "epsilon": 0.0}),  # no epsilon-hat drift
    ],
)
def test_sequence_of_updates_matches(tf, name, hyper):
    from course_lib.c2_improving_dnns import optimizers_tf as ot

    p, grads = _sequence()
    ours = o.run_updates(p, grads, name, learning_rate=0.01, **hyper)
    keras = ot.run_updates(p, grads, name, learning_rate=0.01, **hyper)
    # Keras keeps the learning rate in float32: agreement is to float32 precision.
    assert _max_diff(ours, keras) < 1e-6


def test_momentum_without_rescaled_lr_is_a_different_method(tf):
    import keras

    p, grads = _sequence()
    ours = o.run_updates(p, grads, "momentum", learning_rate=0.01, beta=0.9)
    var = tf.Variable(p["W1"])
    opt = keras.optimizers.SGD(learning_rate=0.01, momentum=0.9)  # no (1 - beta) factor
    for g in grads:
        opt.apply_gradients([(tf.constant(g["dW1"]), var)])
    # Without the rescaling Keras steps about 1 / (1 - beta) = 10 times further.
    step_keras = np.abs(var.numpy() - p["W1"]).mean()
    step_ours = np.abs(ours[-1]["W1"] - p["W1"]).mean()
    assert step_keras > 4 * step_ours


def test_epsilon_placement_differences_are_measured(tf):
    from course_lib.c2_improving_dnns import optimizers_tf as ot

    # Adam: Keras's epsilon-hat = eps sqrt(1 - beta2^t) vs the course's eps changes the
    # result far below float32 precision for ordinary gradients.
    p, grads = _sequence()
    ours = o.run_updates(p, grads, "adam", learning_rate=0.01, epsilon=1e-8)
    keras = ot.run_updates(p, grads, "adam", learning_rate=0.01, epsilon=1e-8)
    assert _max_diff(ours, keras) < 1e-5
    # RMSprop with beta2 = 0.999: s = 0.001 g^2 after one step, so for a gradient entry of
    # size 1e-3, s = 1e-9 is already below eps = 1e-8 and sqrt(s + eps) differs visibly from
    # sqrt(s) + eps; over 12 steps of N(0, 1) gradients the parameters differ by ~1e-3.
    ours = o.run_updates(p, grads, "rmsprop", learning_rate=0.01, epsilon=1e-8)
    keras = ot.run_updates(p, grads, "rmsprop", learning_rate=0.01, epsilon=1e-8)
    assert 1e-5 < _max_diff(ours, keras) < 1e-2
    # Tiny gradients (1e-6): sqrt(s + eps) (Keras RMSprop) vs sqrt(s) + eps (course) differ
    # by orders of magnitude in the step, which is why the lesson warns about it.
    p, grads = _sequence(scale=1e-6, steps=3)
    ours = o.run_updates(p, grads, "rmsprop", learning_rate=0.01, beta2=0.9, epsilon=1e-8)
    keras = ot.run_updates(p, grads, "rmsprop", learning_rate=0.01, beta2=0.9, epsilon=1e-8)
    step_ours = np.abs(ours[-1]["W1"] - p["W1"]).max()
    step_keras = np.abs(keras[-1]["W1"] - p["W1"]).max()
    assert step_ours > 10 * step_keras


def test_decay_schedules_match_keras(tf):
    from course_lib.c2_improving_dnns import optimizers_tf as ot

    epochs = np.arange(0, 3000, 50)
    np.testing.assert_allclose(
        ot.update_lr(0.5, epochs, 0.3), lr_decay.update_lr(0.5, epochs, 0.3), rtol=1e-6
    )
    np.testing.assert_allclose(
        ot.schedule_lr_decay(0.5, epochs, 0.3, 1000),
        lr_decay.schedule_lr_decay(0.5, epochs, 0.3, 1000),
        rtol=1e-6,
    )
    np.testing.assert_allclose(
        ot.exponential_decay(0.5, np.arange(20), 0.95),
        lr_decay.exponential_decay(0.5, np.arange(20), 0.95),
        rtol=1e-5,
    )


def test_unknown_optimizer(tf):
    from course_lib.c2_improving_dnns import optimizers_tf as ot

    with pytest.raises(ValueError, match="unknown optimizer"):
        ot.keras_optimizer("sgd", 0.1)
