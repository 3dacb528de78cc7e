"""Course 4 layers: the vectorised NumPy convolution and pooling against TensorFlow and loops.

Issue targets (float32, m = 32, 28x28x16 -> 32 channels, 3x3 "same"):
- ``conv_forward_vectorized`` within 2.5x of ``tf.nn.conv2d``;
- ``conv_backward_vectorized`` within 3x of TensorFlow's gradient (input and filters);
- both at least 300x faster than the course's loops; pooling likewise (2x2, stride 2).

Both sides get the machine's two cores: TensorFlow uses its own thread pool, so NumPy's BLAS
is given the same number of threads here (elsewhere the benchmarks pin it to one). The loops
are linear in m, so they are timed on ``LOOP_EXAMPLES`` examples and scaled to m (said so in
the row's name); everything else runs on the whole batch. Times are medians of repeats.
"""

from __future__ import annotations

import os
import time

import numpy as np

from course_lib.c4_convnets import convolution as conv

M, N_H, N_W, N_C_PREV, N_C, F = 32, 28, 28, 16, 32, 3
LOOP_EXAMPLES = 2
TARGETS = {"conv forward": 2.5, "conv backward": 3.0, "pool forward": 2.5, "pool backward": 3.0}
LOOPS_TARGET = 300.0


def _median_seconds(fn, repeats: int = 15) -> float:
    fn()  # warm up (TF traces its function here)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return float(np.median(times))


def _once(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _tf_functions():
    from course_lib.lesson import import_tensorflow_quietly

    tf = import_tensorflow_quietly()

    @tf.function(autograph=False)
    def conv_fwd(A, W):
        return tf.nn.conv2d(A, W, strides=1, padding="SAME")

    @tf.function(autograph=False)
    def conv_bwd(A, W, dZ):
        with tf.GradientTape() as tape:
            tape.watch([A, W])
            Z = tf.nn.conv2d(A, W, strides=1, padding="SAME")
        return tape.gradient(Z, [A, W], output_gradients=dZ)

    @tf.function(autograph=False)
    def pool_fwd(A):
        return tf.nn.max_pool2d(A, ksize=2, strides=2, padding="VALID")

    @tf.function(autograph=False)
    def pool_bwd(A, dP):
        with tf.GradientTape() as tape:
            tape.watch(A)
            P = tf.nn.max_pool2d(A, ksize=2, strides=2, padding="VALID")
        return tape.gradient(P, A, output_gradients=dP)

    return tf, conv_fwd, conv_bwd, pool_fwd, pool_bwd


def _ratio_row(name: str, numpy_s: float, tf_s: float, loops_s: float) -> dict:
    ratio, speed_up = numpy_s / tf_s, loops_s / numpy_s
    met = ratio <= TARGETS[name] and speed_up >= LOOPS_TARGET
    print(
        f"{name:14s} numpy {1e3 * numpy_s:7.2f} ms | tf {1e3 * tf_s:7.2f} ms"
        f" | numpy/tf x{ratio:4.2f} (target <= {TARGETS[name]})"
        f" | loops {loops_s:6.2f} s, x{speed_up:6.0f} slower"
        f" (target >= {LOOPS_TARGET:.0f}): {'met' if met else 'MISSED'}"
    )
    return {
        "name": f"C4 {name}, float32 m = {M}, {N_H}x{N_W}x{N_C_PREV} -> {N_C}",
        "numpy_seconds": numpy_s,
        "tf_seconds": tf_s,
        f"loops_seconds (timed on {LOOP_EXAMPLES} examples, x{M // LOOP_EXAMPLES})": loops_s,
        "numpy_over_tf": ratio,
        "target_numpy_over_tf": TARGETS[name],
        "loops_over_numpy": speed_up,
        "met": met,
        "missed_because": f"numpy/tf x{ratio:.2f} (<= {TARGETS[name]}), loops x{speed_up:.0f}"
        f" (>= {LOOPS_TARGET:.0f})",
    }


def convolution_rows() -> list[dict]:
    """Time the four layers; one row each (see the module docstring)."""
    from course_lib.lesson import limit_blas_threads

    threads = os.cpu_count() or 1
    limit_blas_threads(threads)
    tf, conv_fwd, conv_bwd, pool_fwd, pool_bwd = _tf_functions()
    print(f"\nC4 convolution layers (NumPy BLAS threads: {threads}; TF: its own pool)")
    rng = np.random.default_rng(0)
    A = rng.standard_normal((M, N_H, N_W, N_C_PREV)).astype(np.float32)
    W = (rng.standard_normal((F, F, N_C_PREV, N_C)) * 0.1).astype(np.float32)
    b = np.zeros((1, 1, 1, N_C), np.float32)
    same = {"stride": 1, "pad": (F - 1) // 2}
    Z, cache = conv.conv_forward_vectorized(A, W, b, same)
    dZ = rng.standard_normal(Z.shape).astype(np.float32)
    A_t, W_t, dZ_t = tf.constant(A), tf.constant(W), tf.constant(dZ)
    scale = M // LOOP_EXAMPLES
    small = slice(0, LOOP_EXAMPLES)
    _, small_cache = conv.conv_forward(A[small], W, b, same)

    rows = [
        _ratio_row(
            "conv forward",
            _median_seconds(lambda: conv.conv_forward_vectorized(A, W, b, same)),
            _median_seconds(lambda: conv_fwd(A_t, W_t).numpy()),
            scale * _once(lambda: conv.conv_forward(A[small], W, b, same)),
        ),
        _ratio_row(
            "conv backward",
            _median_seconds(lambda: conv.conv_backward_vectorized(dZ, cache)),
            _median_seconds(lambda: [g.numpy() for g in conv_bwd(A_t, W_t, dZ_t)]),
            scale * _once(lambda: conv.conv_backward(dZ[small], small_cache)),
        ),
    ]
    pool = {"f": 2, "stride": 2}
    P, pool_cache = conv.pool_forward_vectorized(Z, pool)
    dP = rng.standard_normal(P.shape).astype(np.float32)
    Z_t, dP_t = tf.constant(Z), tf.constant(dP)
    _, small_pool_cache = conv.pool_forward(Z[small], pool)
    rows += [
        _ratio_row(
            "pool forward",
            _median_seconds(lambda: conv.pool_forward_vectorized(Z, pool)),
            _median_seconds(lambda: pool_fwd(Z_t).numpy()),
            scale * _once(lambda: conv.pool_forward(Z[small], pool)),
        ),
        _ratio_row(
            "pool backward",
            _median_seconds(lambda: conv.pool_backward_vectorized(dP, pool_cache)),
            _median_seconds(lambda: pool_bwd(Z_t, dP_t).numpy()),
            scale * _once(lambda: conv.pool_backward(dP[small], small_pool_cache)),
        ),
    ]
    limit_blas_threads(1)
    return rows
