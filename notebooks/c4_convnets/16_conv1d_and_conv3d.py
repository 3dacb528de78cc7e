# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 1-D and 3-D convolutions
#
# *Course 4 (Convolutional Neural Networks), week 4. Curriculum items C4.108-C4.109.*
#
# Nothing in a convolution needs the data to be a 2-D image. Slide a filter along *one* axis
# and you process a signal over time (an electrocardiogram, audio, sensor readings); slide it
# along *three* axes and you process a volume (a CT or MRI scan, or a video as frames x height
# x width). In this lesson you will:
#
# 1. write one convolution for any number of spatial axes and check that its 2-D case is
#    the course's `conv_forward`;
# 2. run the course's 1-D example (a 14-sample signal, 16 filters of 5 taps) and write
#    `conv1d_forward` yourself;
# 3. build a heartbeat detector from two hand-made 1-D filters, and play with a smoothing
#    filter's size and stride;
# 4. train a tiny Conv1D network to tell normal from abnormal heartbeats;
# 5. run the course's 3-D example and find the edges of bright blobs in a CT-like volume;
# 6. compare the parameter counts of 1-D, 2-D and 3-D filters.
#
# Code: `course_lib/c4_convnets/conv_nd.py` (NumPy), `conv_nd_tf.py` (Keras Conv1D/Conv3D
# twins), `conv_nd_dashboard.py`, `conv_nd_checks.py`.

# %%
from course_lib.lesson import start_lesson

lesson = start_lesson("C4 - 1-D and 3-D convolutions", seed=1, tensorflow=True)
budget = lesson.budget

# %%
import time

import matplotlib.pyplot as plt
import numpy as np

from course_lib.c4_convnets import conv_nd as cn
from course_lib.c4_convnets import conv_nd_tf as ct
from course_lib.c4_convnets import convolution as cv
from course_lib.c4_convnets.conv_nd_checks import check_conv1d_forward
from course_lib.c4_convnets.conv_nd_dashboard import smoothing_dashboard
from course_lib.gradient_check import check_backward
from course_lib.lesson import print_values

# %% [markdown]
# ## 1. One convolution for any number of axes
#
# In 2-D, output $(h, w)$ of filter $c$ is the sum of the products of the window
# $a^{[l-1]}[h s : h s + f,\; w s : w s + f,\; :]$ with the filter $W_c$, plus the bias $b_c$.
# With $d$ spatial axes the window simply has $d$ ranges, one per axis:
#
# $$z[y_1, \dots, y_d, c] = \sum_{u_1=0}^{f-1} \cdots \sum_{u_d=0}^{f-1}
#   \sum_{k=1}^{n_C^{[l-1]}} a_{\text{pad}}[y_1 s + u_1, \dots, y_d s + u_d, k]\,
#   W[u_1, \dots, u_d, k, c] + b_c .$$
#
# Every filter still spans **all** the input channels, and each output axis has
#
# $$n^{[l]} = \left\lfloor \frac{n^{[l-1]} + 2p - f}{s} \right\rfloor + 1$$
#
# entries, as in 2-D. Shapes, in the course's order (examples first, channels last):
#
# | | input $A^{[l-1]}$ | filters $W$ | biases $b$ | output $Z$ |
# |---|---|---|---|---|
# | 1-D | $(m, n_W, n_C^{[l-1]})$ | $(f, n_C^{[l-1]}, n_C)$ | $(1, 1, n_C)$ | $(m, n_W, n_C)$ |
# | 2-D | $(m, n_H, n_W, n_C^{[l-1]})$ | $(f, f, n_C^{[l-1]}, n_C)$ | $(1, 1, 1, n_C)$ | $(m, n_H, n_W, n_C)$ |
# | 3-D | $(m, n_D, n_H, n_W, n_C^{[l-1]})$ | $(f, f, f, n_C^{[l-1]}, n_C)$ | $(1,1,1,1, n_C)$ | $(m, n_D, n_H, n_W, n_C)$ |
#
# `cn.conv_nd_forward` implements the formula once for any $d$: it takes a strided *view* of
# every window (no copy), lays the windows out as the rows of a matrix and multiplies it with
# the filters reshaped to $(f^d n_C^{[l-1]}, n_C)$. Its 2-D case must be exactly the course's
# loop `conv_forward`; we check it on the course's own test input (seed 1, pad 1, stride 2).

# %%
rng = np.random.RandomState(1)
A_prev, W, b = rng.randn(2, 5, 7, 4), rng.randn(3, 3, 4, 8), rng.randn(1, 1, 1, 8)
hparameters = {"pad": 1, "stride": 2}
Z_nd, cache_nd = cn.conv_nd_forward(A_prev, W, b, hparameters)
Z_course, cache_course = cv.conv_forward(A_prev, W, b, hparameters)
gap_2d = np.abs(Z_nd - Z_course).max()
print("Z shape:", Z_nd.shape, "| largest |conv_nd - conv_forward| =", f"{gap_2d:.1e}")
print("the course's Z[0, 2, 1] (its 8 channels):", np.round(Z_nd[0, 2, 1], 3))
assert Z_nd.shape == (2, 3, 4, 8) and gap_2d < 1e-12

# %% [markdown]
# The backward pass generalises the same way. For every window and filter $c$:
# $dW_c \mathrel{+}= \text{window} \cdot dZ[y, c]$, $db_c \mathrel{+}= dZ[y, c]$, and the
# window's positions in the input get $W_c \cdot dZ[y, c]$ back (overlapping windows add up).
# `cn.conv_nd_backward` does all of it with matrix products (the input gradient is one more
# convolution, of $dZ$ spread out by the stride with the filters flipped). It agrees with the
# course's `conv_backward`, and a gradient check confirms it in 1-D and 3-D too.

# %%
dZ = np.random.default_rng(0).standard_normal(Z_nd.shape)
gaps = [np.abs(x - y).max() for x, y in zip(cn.conv_nd_backward(dZ, cache_nd),
                                             cv.conv_backward(dZ, cache_course))]  # fmt: skip
print_values("|conv_nd_backward - conv_backward|", dict(zip(("dA_prev", "dW", "db"), gaps)))
assert max(gaps) < 1e-12


def grad_check(forward, backward, d, hp, seed=0):
    """Relative error of dA_prev, dW, db for a small random d-D layer."""
    g = np.random.default_rng(seed)
    inputs = {
        "A_prev": g.standard_normal((2,) + (6,) * d + (2,)),
        "W": g.standard_normal((3,) * d + (2, 3)),
        "b": g.standard_normal((1,) * (d + 1) + (3,)),
    }

    def bwd(dout, cache):
        return dict(zip(("dA_prev", "dW", "db"), backward(dout, cache)))

    return check_backward(lambda **kw: forward(**kw, hparameters=hp), bwd, inputs, list(inputs))


errors = {}
for name, fwd, bwd, d in (("1-D", cn.conv1d_forward, cn.conv1d_backward, 1),
                          ("3-D", cn.conv3d_forward, cn.conv3d_backward, 3)):  # fmt: skip
    for hp in ({"stride": 1, "pad": 1}, {"stride": 2, "pad": 0}):
        result = grad_check(fwd, bwd, d, hp)
        errors[f"{name} s={hp['stride']} p={hp['pad']}"] = max(result.values())
print_values("gradient check, largest relative error", errors)
assert max(errors.values()) < 1e-7

# %% [markdown]
# ## 2. 1-D convolution
#
# The course's example: a signal of 14 samples (one channel), convolved with a 5-tap
# filter, gives $14 - 5 + 1 = 10$ outputs; with 16 filters the output is $10 \times 16$,
# one row of 16 numbers per position, exactly as a 2-D layer with 16 filters gives 16
# channels.

# %%
g = np.random.default_rng(2)
signal14 = g.standard_normal((1, 14, 1))
W16, b16 = g.standard_normal((5, 1, 16)), np.zeros((1, 1, 16))
Z16, _ = cn.conv1d_forward(signal14, W16, b16, {"stride": 1, "pad": 0})
(n_W,) = cn.conv_nd_output_shape(14, 5)
print(f"14 samples, 16 filters of 5 taps: n_W = 14 - 5 + 1 = {n_W}; Z has shape {Z16.shape[1:]}")
assert Z16.shape == (1, 10, 16)
assert np.isclose(Z16[0, 3, 7], np.sum(signal14[0, 3:8, 0] * W16[:, 0, 7]))

# %% [markdown]
# ### Your turn: write `conv1d_forward`
# The course's 2-D loops with one axis fewer: pad every signal with `pad` zeros at both ends
# (`np.pad(A_prev, ((0, 0), (pad, pad), (0, 0)))`), compute
# $n_W = \lfloor (n_W^{[l-1]} + 2p - f)/s \rfloor + 1$, and for every example $i$, position
# $w$ and filter $c$ take the window `A_prev_pad[i, start:start + f, :]` with
# `start = w * stride`, multiply it by `W[:, :, c]`, sum and add `b[0, 0, c]`. Return
# `(Z, (A_prev, W, b, hparameters))`.
#
# Classic slips the check recognises: forgetting to multiply the window's start by the
# stride, forgetting the bias, ignoring the padding, and flipping the filter. The last one
# deserves a word: in signal processing "convolution" reverses the filter
# ($\sum_u a[w - u]\,W[u]$). Deep learning's convolution, the course's and Keras's, does
# **not** flip it ($\sum_u a[w s + u]\,W[u]$: a cross-correlation). Since the filter is
# learned, either would work, but the numbers differ and so do the published weights.


# %%
def conv1d_forward(A_prev, W, b, hparameters):
    """A_prev (m, n_W_prev, n_C_prev), W (f, n_C_prev, n_C), b (1, 1, n_C) -> (Z, cache)."""
    # YOUR CODE HERE (about 14 lines)
    raise NotImplementedError


check_conv1d_forward(conv1d_forward)

# %% [markdown]
# Keras's `Conv1D` holds filters in the same layout $(f, n_C^{[l-1]}, n_C)$. The twin
# `ct.conv1d_forward` builds `ZeroPadding1D(p)` + `Conv1D(n_C, f, strides=s)` from our W and b;
# outputs and gradients (from `tf.GradientTape`) agree with the NumPy version.

# %%
twin_gaps = {}
for hp in ({"stride": 1, "pad": 0}, {"stride": 1, "pad": 2}, {"stride": 2, "pad": 1}):
    Z, cache = cn.conv1d_forward(signal14, W16, g.standard_normal((1, 1, 16)), hp)
    Z_tf, _ = ct.conv1d_forward(*cache, dtype="float64")
    dZ = g.standard_normal(Z.shape)
    grads = cn.conv1d_backward(dZ, cache)
    grads_tf = ct.conv1d_backward(dZ, cache, dtype="float64")
    gap = max([np.abs(Z - Z_tf).max()] + [np.abs(x - y).max() for x, y in zip(grads, grads_tf)])
    twin_gaps[f"s={hp['stride']} p={hp['pad']}"] = gap
print_values("largest |NumPy - Keras Conv1D| (Z and gradients)", twin_gaps)
assert max(twin_gaps.values()) < 1e-10

# %% [markdown]
# ## 3. Hand-made filters on an ECG
#
# An electrocardiogram records the heart's electrical activity. Each beat draws a small P
# wave, the sharp QRS complex (the R wave is its tall spike) and a rounder T wave. Our
# synthetic ECG builds each beat from five Gaussian bumps, lets the beat-to-beat interval
# vary a little, and adds noise and a slow baseline wander (breathing moves the electrodes).
#
# A classic heartbeat detector is just two 1-D convolutions:
#
# 1. the 5-tap derivative filter $W = \tfrac18[-1, -2, 0, 2, 1]$ responds to steep slopes
#    (the QRS complex) and almost ignores the slow wander;
# 2. the squared derivative, smoothed by a moving average of 0.08 s
#    ($W = \tfrac1f[1, \dots, 1]$, "same" padding $p = (f-1)/2$), gives the QRS energy;
#    each of its peaks above 30% of the largest one is a beat.

# %%
DURATION = budget.pick(ci=10.0, full=30.0)
ecg = cn.make_ecg(duration=DURATION, heart_rate=72, noise=0.05, wander=0.2, seed=0)
found = cn.detect_beats(ecg["signal"], fs=ecg["fs"])
true_peaks, found_peaks = ecg["r_peaks"], found["r_peaks"]
errors_ms = np.abs(found_peaks - true_peaks) / ecg["fs"] * 1000 if len(found_peaks) == len(
    true_peaks) else None  # fmt: skip
print(f"{DURATION:.0f} s of ECG: {len(true_peaks)} beats, the detector found {len(found_peaks)}")
assert errors_ms is not None, "the detector missed or invented beats"
print(f"largest timing error of an R wave: {errors_ms.max():.0f} ms")
heart_rate = 60 / np.mean(np.diff(found_peaks) / ecg["fs"])
print(f"measured heart rate: {heart_rate:.1f} beats per minute (the generator used 72)")
assert errors_ms.max() <= 12 and abs(heart_rate - 72) < 4

# %%
shown = ecg["t"] < 4.0
fig, axes = plt.subplots(3, 1, figsize=(9.6, 6.0), sharex=True)
axes[0].plot(ecg["t"][shown], ecg["signal"][shown], color="#495057", lw=0.9)
beats = found_peaks[found_peaks < shown.sum()]
axes[0].plot(ecg["t"][beats], ecg["signal"][beats], "v", color="#e03131", label="beats found")
axes[0].set_ylabel("ECG")
axes[0].set_title("input: noisy ECG with baseline wander", fontsize=10)
axes[0].legend(loc="upper right", fontsize=8)
axes[1].plot(ecg["t"][shown], found["derivative"][shown], color="#1971c2", lw=0.9)
axes[1].set_ylabel("derivative")
axes[1].set_title("after the 5-tap derivative filter: the wander is gone", fontsize=10)
axes[2].plot(ecg["t"][shown], found["energy"][shown], color="#2f9e44", lw=1.2)
axes[2].axhline(0.3 * found["energy"].max(), color="#e03131", ls="--", lw=0.8, label="30%")
axes[2].set_ylabel("QRS energy")
axes[2].set_xlabel("time (s)")
axes[2].set_title("squared and smoothed (moving average of 0.08 s)", fontsize=10)
axes[2].legend(loc="upper right", fontsize=8)
fig.tight_layout()
plt.show()

# %% [markdown]
# ### Filter size and stride
#
# Drag the sliders: a longer moving average smooths away more noise (and, when too long,
# the beats themselves); a larger stride keeps only every $s$-th window, so the output has
# $\lfloor (n_W - f)/s \rfloor + 1$ samples: strided 1-D convolutions are how networks
# downsample audio and other long signals.

# %%
dash_ecg = cn.make_ecg(duration=4.0, noise=0.08, seed=0)
dash = smoothing_dashboard(dash_ecg, f=9, stride=1)
dash

# %%
# Whatever you set above: the output length follows the formula.
f_now, s_now = dash.controls["f"].value, dash.controls["stride"].value
n_W_prev = dash_ecg["signal"].shape[0]
print(f"f = {f_now}, s = {s_now}: {n_W_prev} samples -> n_W = {dash.result['n_W']}")
assert dash.result["n_W"] == (n_W_prev - f_now) // s_now + 1 == len(dash.result["Z"])

# %% [markdown]
# ## 4. A tiny Conv1D network: normal or abnormal beat?
#
# Premature ventricular contractions (PVCs) are beats that start in the ventricles: no P
# wave, a wide QRS complex, an inverted T wave. We generate windows of 0.64 s (160 samples)
# around one beat each, half normal and half PVC-like, with random position, amplitude,
# neighbouring beats, wander and noise, and train
# CONV1D(8, $f$=7, $s$=2) $\to$ RELU $\to$ MAXPOOL(2) $\to$ CONV1D(16, $f$=5) $\to$ RELU
# $\to$ global max pool $\to$ DENSE(1, sigmoid). The global max pool makes the answer
# independent of where in the window the beat is.

# %%
M_TRAIN, EPOCHS = budget.pick(ci=(400, 4), full=(2000, 10))
train = cn.make_beat_dataset(M_TRAIN, noise=0.08, seed=0)
test = cn.make_beat_dataset(500, noise=0.08, seed=1)
model = ct.beat_classifier(length=160, seed=0)
before = model.evaluate(test["X"], test["Y"], verbose=0)[1]
start = time.perf_counter()
history = model.fit(train["X"], train["Y"], epochs=EPOCHS, batch_size=32, verbose=0)
test_accuracy = model.evaluate(test["X"], test["Y"], verbose=0)[1]
print(f"{model.count_params()} parameters, {M_TRAIN} training windows, {EPOCHS} epochs "
      f"({time.perf_counter() - start:.1f} s)")  # fmt: skip
print(f"test accuracy: {before:.3f} before training, {test_accuracy:.3f} after")
assert before < 0.7 and test_accuracy >= 0.95

# %%
probabilities = model.predict(test["X"][:8], verbose=0).ravel()
fig, axes = plt.subplots(2, 4, figsize=(9.6, 3.8), sharey=True)
t_window = np.arange(160) / 250 * 1000
for ax, x, y, p in zip(axes.ravel(), test["X"][:8], test["Y"][:8], probabilities):
    ax.plot(t_window, x[:, 0], color="#e03131" if y else "#1971c2", lw=1)
    ax.set_title(f"{'abnormal' if y else 'normal'}: P(abn.) = {p:.2f}", fontsize=9)
    ax.set_xlabel("ms", fontsize=8)
fig.tight_layout()
plt.show()

# %% [markdown]
# ## 5. 3-D convolution
#
# The course's example: a $14 \times 14 \times 14$ volume with one channel and 16 filters of
# $5 \times 5 \times 5 \times 1$ gives $10 \times 10 \times 10 \times 16$: every axis shrinks
# by $f - 1 = 4$, and the 16 filters make 16 channels.

# %%
volume14 = g.standard_normal((1, 14, 14, 14, 1))
W3 = g.standard_normal((5, 5, 5, 1, 16))
Z3, cache3 = cn.conv3d_forward(volume14, W3, np.zeros((1, 1, 1, 1, 16)), {"stride": 1, "pad": 0})
Z3_tf, _ = ct.conv3d_forward(*cache3, dtype="float64")
print("14x14x14x1 * 16 filters 5x5x5x1 ->", Z3.shape[1:])
print(f"largest |NumPy - Keras Conv3D| = {np.abs(Z3 - Z3_tf).max():.1e}")
assert Z3.shape == (1, 10, 10, 10, 16) and np.abs(Z3 - Z3_tf).max() < 1e-10

# %% [markdown]
# A CT scan is such a volume: slices stacked along a third axis $n_D$. Our CT-like volume
# is soft tissue (about 0.2) with bright spheres (1.0), plus noise. A 3-D Sobel filter for
# axis $k$ is a derivative $[-1, 0, 1]$ along $k$ times a smoothing $[1, 2, 1]$ along each
# other axis; three of them (one per axis) form a layer with $n_C = 3$, and the length of
# the three outputs, $\sqrt{z_D^2 + z_H^2 + z_W^2}$, is large on the spheres' surfaces and
# near zero inside and outside them. A 2-D filter on each slice would miss the edges that
# run *across* the slices (the top and bottom of each sphere).

# %%
SIZE = budget.pick(ci=24, full=40)
ct_volume = cn.make_ct_volume(size=SIZE, noise=0.05, spheres=2, seed=3)
Z_edges, _ = cn.conv3d_forward(
    ct_volume, cn.sobel_3d(), np.zeros((1, 1, 1, 1, 3)), {"stride": 1, "pad": 1}
)
edges = np.linalg.norm(Z_edges[0], axis=-1)
clean = cn.make_ct_volume(size=SIZE, noise=0.0, spheres=2, seed=3)[0, ..., 0]
near_surface = np.zeros(clean.shape, dtype=bool)
for axis in range(3):
    near_surface |= np.diff(clean, axis=axis, prepend=clean.take([0], axis=axis)) != 0
    near_surface |= np.diff(clean, axis=axis, append=clean.take([-1], axis=axis)) != 0
ratio = edges[near_surface].mean() / edges[~near_surface].mean()
print(f"volume {ct_volume.shape[1:]}; mean edge strength on the surfaces / elsewhere = "
      f"{ratio:.1f}")  # fmt: skip
assert edges.shape == clean.shape and ratio > 3

# %%
centre = int(np.argmax(clean.sum(axis=(1, 2))))  # the slice through most sphere voxels
rows = ((f"slice n_D = {centre}", lambda v: v[centre]),
        (f"slice n_H = {SIZE // 2}", lambda v: v[:, SIZE // 2]))  # fmt: skip
fig, axes = plt.subplots(2, 3, figsize=(8.4, 5.6))
for r, (label, take) in enumerate(rows):
    for ax, img, title in zip(axes[r], (ct_volume[0, ..., 0], Z_edges[0, ..., 0], edges),
                              ("input", "Sobel along n_D", "edge strength")):  # fmt: skip
        if title == "Sobel along n_D":  # signed: red up, blue down, white 0
            limit = np.abs(img).max()
            ax.imshow(take(img), cmap="RdBu_r", vmin=-limit, vmax=limit)
        else:
            ax.imshow(take(img), cmap="gray")
        ax.set_title(f"{title}, {label}", fontsize=9)
        ax.set_xticks([])
        ax.set_yticks([])
fig.tight_layout()
plt.show()

# %% [markdown]
# The Sobel filter along $n_D$ is positive where the brightness rises with the slice
# index (red) and negative where it falls (blue): in the slice $n_H$ = const the two caps of
# the sphere, which no per-slice 2-D filter could see. The thin frame around each edge image
# is the zero padding: there the tissue (about 0.2) meets the padded zeros, which is an
# edge too.
#
# A video works the same way with $n_D$ = time: a $3 \times 3 \times 3$ filter then sees
# three consecutive frames and can respond to motion, which a 2-D filter on single frames
# cannot see.
#
# ## 6. Parameters: 1-D, 2-D, 3-D
#
# A filter has $f^d \, n_C^{[l-1]}$ weights, and a layer of $n_C$ filters has
# $f^d \, n_C^{[l-1]} \, n_C + n_C$ parameters, however large the input. Going up one
# dimension multiplies the weights by $f$ (and the multiplications per output value too).

# %%
counts = {f"{d}-D": cn.conv_parameter_count(5, 1, 16, d) for d in (1, 2, 3)}
print_values("16 filters of size 5 on 1 channel", counts, "{:,}")
wide = {f"{d}-D": cn.conv_parameter_count(3, 64, 64, d) for d in (1, 2, 3)}
print_values("64 filters of size 3 on 64 channels", wide, "{:,}")
assert list(counts.values()) == [5 * 16 + 16, 25 * 16 + 16, 125 * 16 + 16]
assert counts["3-D"] == W3.size + 16
assert wide["3-D"] - 64 == 3 * (wide["2-D"] - 64)

# %% [markdown]
# ## 7. Summary
#
# - A convolution works with any number of spatial axes: the window has one range per axis,
#   each filter spans all input channels, and each axis has
#   $\lfloor (n + 2p - f)/s \rfloor + 1$ outputs.
# - 1-D: signals $(m, n_W, n_C)$; 14 samples with 16 filters of 5 taps give $10 \times 16$.
#   Two hand-made 1-D filters find heartbeats; a learned Conv1D network tells normal from
#   abnormal beats.
# - 3-D: volumes $(m, n_D, n_H, n_W, n_C)$; $14^3$ with 16 filters of $5^3$ give
#   $10 \times 10 \times 10 \times 16$. 3-D filters see edges and motion across slices.
# - Deep learning's convolution does not flip the filter (a cross-correlation), in 1-D,
#   2-D and 3-D alike; Keras's Conv1D and Conv3D agree with our NumPy layers.
# - Parameters grow as $f^d$: $96$, $416$ and $2{,}016$ for 16 filters of size 5.
