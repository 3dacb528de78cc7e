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

    # Adam: Keras's eps acts as the course's eps / sqrt(1 - beta2^t) (tested below); for
    # ordinary gradients that changes the result below float32 precision.
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


def _course_adam(p, grads, lr, epsilon_at, beta1=0.9, beta2=0.999, power_beta=float):
    """The course's Adam step by step, with epsilon a function of t and the betas of the
    bias corrections passed through ``power_beta`` (Keras rounds them to float32)."""
    v = {k: np.zeros_like(x) for k, x in p.items()}
    s = {k: np.zeros_like(x) for k, x in p.items()}
    history = []
    for t, g in enumerate(grads, start=1):
        p = dict(p)
        for k in p:
            v[k] = beta1 * v[k] + (1 - beta1) * g["d" + k]
            s[k] = beta2 * s[k] + (1 - beta2) * g["d" + k] ** 2
            v_hat = v[k] / (1 - power_beta(beta1) ** t)
            s_hat = s[k] / (1 - power_beta(beta2) ** t)
            p[k] = p[k] - lr * v_hat / (np.sqrt(s_hat) + epsilon_at(t))
        history.append(p)
    return history


@pytest.mark.parametrize("scale", [1e-6, 1e-8])
def test_keras_adam_is_the_course_formula_with_epsilon_over_sqrt_1_minus_beta2_t(tf, scale):
    from course_lib.c2_improving_dnns import optimizers_tf as ot

    # Keras: p -= alpha sqrt(1 - b2^t) / (1 - b1^t) * v / (sqrt(s) + eps), with uncorrected v
    # and s. Multiplying the course's denominator sqrt(s / (1 - b2^t)) + eps' by
    # sqrt(1 - b2^t) shows the two agree iff eps' = eps / sqrt(1 - b2^t): not a constant,
    # so no course epsilon != 0 reproduces Keras, and parity needs epsilon = 0.
    # Gradients of 1e-6 or 1e-8 make sqrt(s) comparable to eps = 1e-8, so epsilon matters.
    # alpha = 2^-7 is exact in Keras's float32 learning rate.
    p, grads = _sequence(scale=scale)
    lr, eps, b2 = 2.0**-7, 1e-8, 0.999
    keras = ot.run_updates(p, grads, "adam", learning_rate=lr, epsilon=eps)
    ours = o.run_updates(p, grads, "adam", learning_rate=lr, epsilon=eps)
    moved = _max_diff(keras, [p] * len(keras))
    # With the same epsilon the mismatch is as large as the whole displacement (measured:
    # 1.0e-2 for 1e-6 gradients, 2.5e-2 for 1e-8, displacements 5.2e-2 and 3.8e-3).
    assert _max_diff(ours, keras) > 0.1 * moved
    # The substituted epsilon gives Keras's numbers to float32 precision of the betas ...
    hat = _course_adam(p, grads, lr, lambda t: eps / np.sqrt(1 - b2**t))
    assert _max_diff(hat, keras) < 1e-6 * moved / lr
    # ... and exactly, once the bias-correction betas are rounded to float32 as Keras does
    # (keras.ops.cast of a Python float goes through float32).
    f32 = lambda beta: float(np.float32(beta))  # noqa: E731
    hat32 = _course_adam(p, grads, lr, lambda t: eps / np.sqrt(1 - f32(b2) ** t), power_beta=f32)
    assert _max_diff(hat32, keras) < 1e-12
    # The docstring's earlier claim, eps * sqrt(1 - b2^t), is wrong: it misses by far more.
    wrong = _course_adam(p, grads, lr, lambda t: eps * np.sqrt(1 - f32(b2) ** t), power_beta=f32)
    assert _max_diff(wrong, keras) > 1e3 * _max_diff(hat32, keras) + 1e-9


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
