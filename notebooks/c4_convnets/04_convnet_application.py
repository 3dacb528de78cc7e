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
# # A ConvNet on a real image task
#
# *Course 4 (Convolutional Neural Networks), week 1. Curriculum items C4.17.*
#
# The earlier lessons built convolution and pooling one window at a time. Here they become
# a whole network that classifies real images into six classes, trained twice: once from
# scratch in NumPy (every layer the vectorised one of this track) and once in Keras, with
# both of Keras's ways of writing a model. In this lesson you will:
#
# 1. load the six-class image data (the course's SIGNS when you have it, handwritten digits
#    0-5 otherwise) and turn the labels into one-hot columns;
# 2. follow the course's ConvNet layer by layer, shapes and parameters included, learn how
#    TensorFlow pads a "same" convolution with an even filter, and write the forward pass;
# 3. gradient-check the NumPy network and train it with Adam on mini-batches;
# 4. build the same network with Keras's Functional API (`convolutional_model`) and its
#    Sequential API, check that all three compute the same numbers, and compare the
#    training curves;
# 5. build the course's other Sequential model, `happyModel`, for a yes/no question;
# 6. look at what went wrong (misclassified images), what the first layer learned, and,
#    in a dashboard, every volume one image passes through.
#
# Code: `course_lib/c4_convnets/convnet.py` (NumPy), its Keras twin `convnet_tf.py`, the
# exercise check `convnet_checks.py`, the dashboard `convnet_dashboard.py`, and the data
# loaders `load_signs` in `course_lib/data.py`.

# %%
from course_lib.lesson import start_lesson

lesson = start_lesson("C4 - A ConvNet on a real image task", seed=1, tensorflow=True)
budget, tf = lesson.budget, lesson.tf

# %%
import keras
import matplotlib.pyplot as plt
import numpy as np

from course_lib.c2_improving_dnns.softmax import convert_to_one_hot
from course_lib.c4_convnets import convnet as cn
from course_lib.c4_convnets import convnet_tf as cn_tf
from course_lib.c4_convnets.convnet_checks import check_forward_propagation
from course_lib.data import load_signs
from course_lib.lesson import print_values, progress_bar
from course_lib.plots import image_grid, log_cost_axis
from course_lib.tables import Table

# %% [markdown]
# ## 1. The data: six classes of images
#
# The course's SIGNS data set holds 1,200 photos (64x64x3) of a hand showing 0 to 5
# fingers: 1,080 for training, 120 for the test. It is not available offline, so the
# workbook uses a real stand-in of the same size: the 1,083 handwritten digits 0-5 that
# ship with scikit-learn, enlarged from 8x8 to 32x32 and copied into three colour channels,
# so every image has the layout $(n_H, n_W, n_C)$ of a photo. If you have the course's
# files, put `train_signs.h5` and `test_signs.h5` into `data/course/`: `load_signs()` then
# reads them instead (at 64x64; everything below works for both sizes, only slower).
#
# The network wants pixels in $[0, 1]$, so we divide by 255, and labels as one-hot columns
# $Y$ of shape $(C, m)$ with $C = 6$: `convert_to_one_hot(Y, C)` puts a 1 in row $y^{(i)}$
# of column $i$.

# %%
data = load_signs(size=32)
X_train_orig, Y_train_orig, X_test_orig, Y_test_orig, classes = data.as_tuple()
X_train, X_test = X_train_orig / 255.0, X_test_orig / 255.0
C = len(classes)
Y_train, Y_test = convert_to_one_hot(Y_train_orig, C), convert_to_one_hot(Y_test_orig, C)
m_train, m_test = X_train.shape[0], X_test.shape[0]
print(data.description)
print(f"X_train {X_train.shape}, Y_train {Y_train.shape}")
print(f"X_test {X_test.shape}, Y_test {Y_test.shape}")
print("training images per class:", np.bincount(Y_train_orig.ravel()))
assert X_train.shape[1:] == X_test.shape[1:] and X_train.shape[3] == 3
assert Y_train.shape == (C, m_train) and np.all(Y_train.sum(axis=0) == 1)
assert np.array_equal(np.argmax(Y_train, axis=0), Y_train_orig.ravel())  # one-hot is lossless
assert X_train.min() >= 0 and X_train.max() <= 1

# %%
picks = [np.flatnonzero(Y_train_orig.ravel() == c)[:2] for c in range(C)]
shown = np.concatenate(picks)
fig = image_grid(
    X_train_orig[shown], [f"class {classes[Y_train_orig[0, i]].decode()}" for i in shown], ncols=6
)
fig.suptitle("Two training images of each class", y=1.02)
plt.show()

# %% [markdown]
# ## 2. The model, layer by layer
#
# The course's ConvNet for SIGNS:
#
# $$\text{CONV2D}\,(8\ \text{filters}\ 4\times4,\ s=1,\ \text{same}) \to \text{RELU} \to
# \text{MAXPOOL}\,(8\times8,\ s=8) \to \text{CONV2D}\,(16\ \text{filters}\ 2\times2,\ s=1,\
# \text{same}) \to \text{RELU} \to \text{MAXPOOL}\,(4\times4,\ s=4) \to \text{FLATTEN} \to
# \text{DENSE}\,(6) \to \text{SOFTMAX}$$
#
# It has the three layer types of a ConvNet: **CONV** (learned filters, shared over the
# image), **POOL** (no parameters; keeps the strongest response in each window) and **FC**
# (the dense layer). As usual $n_H, n_W$ shrink with depth while $n_C$ grows; the last
# volume is flattened into one column per example, $F$ of shape $(n_F, m)$, and
# $Z^{[3]} = W^{[3]} F + b^{[3]}$ gives the six logits, turned into probabilities by the
# softmax.
#
# **"Same" with an even filter.** "Same" means the output keeps $n_H$ and $n_W$ (for
# $s = 1$), so $f - 1$ zeros must be added per axis. For $f = 4$ that is 3, which cannot
# be split evenly: TensorFlow puts the smaller half before and the larger after (1 row
# above, 2 below; 1 column left, 2 right). The course's symmetric `{"pad": p}` cannot say
# that, so `cn.conv_same_forward` pads first and runs the core convolution with $p = 0$;
# `cn.same_padding(n, f, s)` gives the split.

# %%
print("same padding (before, after) for n = 32:", {f: cn.same_padding(32, f) for f in (2, 3, 4, 5)})
assert cn.same_padding(64, 4) == (1, 2) and cn.same_padding(64, 2) == (0, 1)
assert cn.same_padding(64, 3) == (1, 1)  # odd f: p = (f - 1) / 2 on both sides

parameters = cn.initialize_parameters(X_train.shape[1:], n_classes=C, seed=1)
Z1, _ = cn.conv_same_forward(X_train[:2], parameters["W1"], parameters["b1"])
assert Z1.shape[1:3] == X_train.shape[1:3]  # "same": n_H and n_W kept

# %%
n_H, n_W, n_C = X_train.shape[1:]
n_F = (n_H // 32) * (n_W // 32) * 16
rows = [
    ("input", (n_H, n_W, n_C), 0),
    ("CONV2D 8 x 4x4, same + RELU", (n_H, n_W, 8), (4 * 4 * n_C + 1) * 8),
    ("MAXPOOL 8x8, s = 8", (n_H // 8, n_W // 8, 8), 0),
    ("CONV2D 16 x 2x2, same + RELU", (n_H // 8, n_W // 8, 16), (2 * 2 * 8 + 1) * 16),
    ("MAXPOOL 4x4, s = 4", (n_H // 32, n_W // 32, 16), 0),
    ("FLATTEN", (n_F,), 0),
    ("DENSE 6 + SOFTMAX", (C,), (n_F + 1) * C),
]
Table(
    ["layer", "activation shape", "parameters"],
    [(name, str(shape), count) for name, shape, count in rows],
    title="The course's ConvNet on one image",
)

# %%
n_parameters = sum(count for *_, count in rows)
assert n_parameters == sum(value.size for value in parameters.values())
print(f"{n_parameters} parameters; the dense layer reads a volume of {n_F} numbers")
print(f"a dense layer of 8 units on the raw image: {8 * n_H * n_W * n_C} weights")
assert 500 < n_parameters < 2000 < 8 * n_H * n_W * n_C

# %% [markdown]
# About a thousand parameters in all: the two filter banks cost $(f \cdot f \cdot
# n_{C}^{[l-1]} + 1)\, n_C^{[l]}$ each, whatever the image size, and the aggressive pooling
# (the two pools shrink each side $8 \times 4 = 32$ times) leaves the dense layer a small
# volume. A dense layer of just 8 units on the raw image would already need
# $8\, n_H n_W n_C$ weights.
#
# ### Your turn: write `forward_propagation`
#
# Write the forward pass and return the logits $Z^{[3]}$ of shape $(C, m)$ (the softmax
# belongs to the cost, which computes it stably from the logits, as the course does). Use
# `cn.conv_same_forward(A_prev, W, b)` for the two convolutions (it returns `(Z, cache)`),
# `np.maximum(Z, 0)` for the ReLU and `pool_forward_vectorized(A, {"f": ..., "stride": ...},
# mode="max")` (also `(A, cache)`) for the pools. Flatten each example's volume in
# $(n_H, n_W, n_C)$ order into a column: `F = P2.reshape(m, -1).T`. Classic slips: a
# missing ReLU, average pooling, flattening channels first or with `reshape(-1, m)`, and
# returning the softmax.

# %%
from course_lib.c4_convnets.convolution import pool_forward_vectorized  # noqa: E402, F401


def forward_propagation(X, parameters):
    """X: (m, n_H, n_W, n_C), parameters: W1, b1, W2, b2, W3, b3 -> Z3 of shape (C, m)."""
    # YOUR CODE HERE (about 9 lines)
    raise NotImplementedError


check_forward_propagation(forward_propagation)

# %% [markdown]
# ## 3. Gradient check, then training in NumPy
#
# `cn.convnet_backward` runs the layers backwards: the dense layer
# ($dW^{[3]} = dZ^{[3]} F^T$, $dF = W^{[3]T} dZ^{[3]}$ with $dZ^{[3]} = \frac{1}{m}(\hat Y -
# Y)$), un-flatten, the max-pool's routing, the ReLU's derivative (0 for $z \le 0$), the
# convolution's backward, and once more for the first block. Before training on it, the
# gradients are checked against centred differences of the cost on a tiny batch, in
# float64. Two forward passes per parameter entry are slow, so the quick run tests a
# sample of each parameter's entries (the full run tests all of them).
#
# **A subtlety: ties in max pooling.** The course's mask `x == max(x)` marks *every*
# maximum of a window. On real images ties are common: a flat background gives a window
# of equal values, and the bias shifts them all together. The window's maximum then moves
# by exactly as much as the shared value, so its derivative is 1 in total, but a mask with
# $k$ ties hands the full gradient to all $k$ entries, $k$ times too much. TensorFlow sends
# it to the first maximum only, and so does `pool_backward(..., ties="first")`, which our
# network uses. One flat 2x2 window shows the difference:

# %%
from course_lib.c4_convnets.convolution import pool_backward_vectorized  # noqa: E402

flat = np.full((1, 2, 2, 1), 0.3)  # one window, four equal values
_, flat_cache = pool_forward_vectorized(flat, {"f": 2, "stride": 2}, mode="max")
d_all = pool_backward_vectorized(np.ones((1, 1, 1, 1)), flat_cache, mode="max")
d_first = pool_backward_vectorized(np.ones((1, 1, 1, 1)), flat_cache, mode="max", ties="first")
print("mask of every maximum:", d_all[0, :, :, 0].tolist(), " sum", d_all.sum())
print("first maximum only:   ", d_first[0, :, :, 0].tolist(), " sum", d_first.sum())
assert d_all.sum() == 4 and d_first.sum() == 1

# %% [markdown]
# With the first-maximum rule the whole network passes the gradient check on two real
# training images (with the every-maximum mask, $db^{[1]}$ is off by a large factor):

# %%
rng = np.random.default_rng(0)
check_params = {key: value.copy() for key, value in parameters.items()}
for key in ("b1", "b2", "b3"):  # off zero, so every term of the backward pass is exercised
    check_params[key] = rng.normal(0, 0.3, size=check_params[key].shape)
entries = budget.pick(ci=20, full=None)
differences = cn.gradient_check_entries(
    X_train[:2], Y_train[:, :2], check_params, entries=entries, seed=0
)
print_values("relative difference per parameter", differences)
assert differences["all"] < 1e-7

# %% [markdown]
# Now the training: Adam with the course's learning rate $\alpha = 0.009$, mini-batches of
# 64, and after each epoch the cost and accuracy on both sets.

# %%
NUMPY_EPOCHS = budget.pick(ci=3, full=20)
params_numpy, hist_numpy = cn.model(
    X_train, Y_train, X_test, Y_test, learning_rate=0.009, num_epochs=NUMPY_EPOCHS,
    minibatch_size=64, seed=1, progress=progress_bar("NumPy ConvNet, epochs"),
)  # fmt: skip
numpy_test = hist_numpy["test_accuracy"][-1]
print(
    f"NumPy ConvNet after {NUMPY_EPOCHS} epochs: train accuracy"
    f" {hist_numpy['train_accuracy'][-1]:.3f}, test accuracy {numpy_test:.3f}"
)
assert hist_numpy["train_cost"][-1] < 0.6 * hist_numpy["train_cost"][0]
assert numpy_test >= 0.7  # chance is 1/6
assert np.isclose(cn.accuracy(X_test, Y_test_orig, params_numpy), numpy_test, atol=1e-6)

# %% [markdown]
# ## 4. The same network in Keras: Functional and Sequential API
#
# The course writes this model with Keras's **Functional API**: start from a
# `keras.Input`, call each layer on the tensor before it, and wrap inputs and outputs in a
# `keras.Model`. That style allows branches and merges (ResNets, Inception), which a plain
# list of layers cannot express.
#
# ```python
# input_img = keras.Input(shape=input_shape)
# Z1 = keras.layers.Conv2D(8, 4, strides=1, padding="same")(input_img)
# A1 = keras.layers.ReLU()(Z1)
# P1 = keras.layers.MaxPool2D(pool_size=8, strides=8, padding="same")(A1)
# ...                                   # CONV2D 16 2x2, RELU, MAXPOOL 4x4 s 4
# F = keras.layers.Flatten()(P2)
# outputs = keras.layers.Dense(6, activation="softmax")(F)
# model = keras.Model(inputs=input_img, outputs=outputs)
# ```
#
# For a straight chain like this one the **Sequential API** is shorter: a list of layers
# (`cn_tf.sequential_convnet`). Both are in `convnet_tf.py`. First, with our NumPy weights
# copied in, do the three networks compute the same thing?

# %%
conv_model = cn_tf.convolutional_model(X_train.shape[1:], C)
conv_model.summary(line_length=90)
assert conv_model.count_params() == n_parameters

functional = cn_tf.keras_from_parameters(params_numpy, X_train.shape[1:], softmax=True)
sequential = cn_tf.sequential_convnet(X_train.shape[1:], C)
sequential.set_weights(functional.get_weights())
probs_numpy = keras.activations.softmax(cn.forward_propagation(X_test, params_numpy).T).numpy()
gap_functional = np.abs(functional(X_test.astype("float32")).numpy() - probs_numpy).max()
gap_sequential = np.abs(sequential(X_test.astype("float32")).numpy() - probs_numpy).max()
grads_np, cost_np = cn.compute_gradients(X_test[:16], Y_test[:, :16], params_numpy)
grads_tf, cost_tf = cn_tf.compute_gradients(X_test[:16], Y_test[:, :16], params_numpy)
gap_grads = max(np.abs(grads_np[k] - grads_tf[k]).max() for k in grads_tf)
print_values(
    "largest difference from NumPy",
    {"Functional": gap_functional, "Sequential": gap_sequential, "gradients": gap_grads},
)
assert gap_functional < 1e-5 and gap_sequential < 1e-5 and gap_grads < 1e-4

# %% [markdown]
# Same numbers (to float32's precision), so the layers, TensorFlow's "same" padding and
# the flattening order all match, and the Sequential list is the same network as the
# Functional graph (trained from the same weights with the same seed, it follows the same
# path; `tests/parity/test_convnet_parity.py` checks that). Now train the Keras model from the same starting
# weights as the NumPy one, with `compile(optimizer=Adam(0.009),
# loss="categorical_crossentropy", metrics=["accuracy"])` and `fit`
# (`cn_tf.model` does that and records both sets after each epoch).

# %%
KERAS_EPOCHS = budget.pick(ci=5, full=30)
params_keras, hist_keras = cn_tf.model(
    X_train, Y_train, X_test, Y_test, learning_rate=0.009, num_epochs=KERAS_EPOCHS,
    minibatch_size=64, seed=1, progress=progress_bar("Keras ConvNet, epochs"),
)  # fmt: skip
keras_test = hist_keras["test_accuracy"][-1]
print(
    f"Keras (Functional) after {KERAS_EPOCHS} epochs: train accuracy"
    f" {hist_keras['train_accuracy'][-1]:.3f}, test accuracy {keras_test:.3f}"
)
assert keras_test >= 0.8

# %%
fig, (ax_cost, ax_acc) = plt.subplots(1, 2, figsize=(9.6, 3.8))
for hist, name, colour in ((hist_numpy, "NumPy", "C0"), (hist_keras, "Keras", "C1")):
    epochs = np.arange(1, len(hist["train_cost"]) + 1)
    for split, style in (("train", "-"), ("test", "--")):
        label = f"{name}, {split}"
        ax_cost.plot(epochs, hist[f"{split}_cost"], style, color=colour, label=label)
        ax_acc.plot(epochs, hist[f"{split}_accuracy"], style, color=colour, label=label)
log_cost_axis(ax_cost)
ax_cost.set(xlabel="epoch", ylabel="cross-entropy cost", title="Cost after each epoch")
ax_acc.set(xlabel="epoch", ylabel="accuracy", title="Accuracy after each epoch")
ax_acc.axhline(1 / C, color="0.6", lw=1, ls=":", label="chance (1/6)")
ax_acc.legend(fontsize=8, loc="lower right")
fig.suptitle("The same ConvNet trained in NumPy and in Keras (Adam, alpha = 0.009)")
fig.tight_layout()
plt.show()
shared = min(NUMPY_EPOCHS, KERAS_EPOCHS)
gap_curves = abs(hist_numpy["test_accuracy"][shared - 1] - hist_keras["test_accuracy"][shared - 1])
print(f"test accuracy after epoch {shared}: NumPy and Keras differ by {gap_curves:.3f}")
assert gap_curves < 0.1  # the same algorithm, different shuffles and float precision

# %% [markdown]
# The two curves follow each other without being identical: Keras shuffles with its own
# generator, computes in float32 and its Adam uses $\varepsilon = 10^{-7}$ (ours
# $10^{-8}$). The gap between the training and the test curve measures variance (Course
# 2): with a thousand parameters and a thousand images it stays small.

# %%
train_test_gap = hist_keras["train_accuracy"][-1] - keras_test
print(f"Keras: training accuracy minus test accuracy at the end: {train_test_gap:+.3f}")
assert abs(train_test_gap) < 0.1

# %% [markdown]
# ## 5. The course's Sequential model: `happyModel`
#
# The course's first Keras model answers a yes/no question (in the course: is the person
# in the photo smiling?) with one sigmoid unit, written with the Sequential API:
# ZeroPadding2D(3) $\to$ Conv2D(32, 7x7) $\to$ BatchNormalization $\to$ ReLU $\to$
# MaxPool2D $\to$ Flatten $\to$ Dense(1, sigmoid). Our yes/no question about the same
# images: *does the image show 3 or more?* The loss is the binary cross-entropy.

# %%
happy = cn_tf.happyModel(X_train.shape[1:])
happy.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
n_conv = (7 * 7 * n_C + 1) * 32
n_dense = (n_H // 2) * (n_W // 2) * 32 + 1
n_bn = 4 * 32  # gamma, beta and the two moving statistics
assert happy.count_params() == n_conv + n_bn + n_dense
y_big_train = (Y_train_orig >= 3).astype("float32").T  # (m, 1), as Keras wants
y_big_test = (Y_test_orig >= 3).astype("float32").T
HAPPY_EPOCHS = budget.pick(ci=1, full=10)
keras.utils.set_random_seed(1)
happy.fit(X_train, y_big_train, epochs=HAPPY_EPOCHS, batch_size=32, verbose=0)
_, happy_accuracy = happy.evaluate(X_test, y_big_test, verbose=0)
print(f"happyModel ({happy.count_params()} parameters), {HAPPY_EPOCHS} epochs:"
      f" test accuracy {happy_accuracy:.3f}")  # fmt: skip
print(f"(always answering 'no' would score {1 - y_big_test.mean():.3f})")
assert happy_accuracy > max(y_big_test.mean(), 1 - y_big_test.mean()) + 0.2

# %% [markdown]
# ## 6. What went wrong, and what the first layer learned
#
# The test images the Keras ConvNet gets wrong (the first 12 at most), with the true and
# the predicted class:

# %%
net = hist_keras["net"]
predicted = np.argmax(net.predict(X_test, verbose=0), axis=1)
wrong = np.flatnonzero(predicted != Y_test_orig.ravel())
print(f"{len(wrong)} of {m_test} test images misclassified")
assert np.isclose(1 - len(wrong) / m_test, keras_test, atol=1e-6)
if len(wrong):
    shown = wrong[:12]
    titles = [f"true {Y_test_orig[0, i]}, said {predicted[i]}" for i in shown]
    fig = image_grid(X_test_orig[shown], titles, ncols=6, size=1.5)
    plt.show()

# %% [markdown]
# And the eight $4 \times 4$ filters of the first layer, with what each of them does to
# one test image (the ReLU of its output, $A^{[1]}$). The images are grey, copied into
# three channels, so a filter acts through the sum of its three channel slices; that sum
# is what is drawn (red: positive weights, blue: negative). Look for filters of the
# lecture's edge-detector kind, positive on one side and negative on the other: their
# outputs light up along the strokes' edges.

# %%
W1 = params_keras["W1"].sum(axis=2)  # (4, 4, 8): the filters as the grey images see them
A1 = np.maximum(cn.conv_same_forward(X_test[:1], params_keras["W1"], params_keras["b1"])[0], 0)
fig, axes = plt.subplots(2, 8, figsize=(9.6, 2.9))
limit = np.abs(W1).max()
for k in range(8):
    axes[0, k].imshow(W1[:, :, k], cmap="RdBu_r", vmin=-limit, vmax=limit)
    axes[0, k].set_title(f"filter {k + 1}", fontsize=9)
    axes[1, k].imshow(A1[0, :, :, k], cmap="gray")
for ax in axes.ravel():
    ax.set_xticks([])
    ax.set_yticks([])
axes[0, 0].set_ylabel("W[1]", fontsize=9)
axes[1, 0].set_ylabel("A[1]", fontsize=9)
fig.suptitle(f"First-layer filters after training, and their outputs on a test image of class"
             f" {Y_test_orig[0, 0]}")  # fmt: skip
fig.tight_layout()
plt.show()
assert W1.shape == (4, 4, 8) and A1.shape == (1, n_H, n_W, 8)

# %% [markdown]
# ### Dashboard: one test image through the network
#
# Pick a test image (it starts at the first misclassified one, if any) and a volume: the
# eight maps of $A^{[1]}$ at full size, their $8\times8$ max-pool $P^{[1]}$, the sixteen
# maps of $A^{[2]}$, and $P^{[2]}$, the $1\times1\times16$ volume (at 32x32 input) that the
# dense layer reads. The bars are the softmax's six probabilities. The weights are the
# Keras-trained ones, run by the NumPy network: the twins share one parameter dict.

# %%
from course_lib.c4_convnets.convnet_dashboard import make_feature_maps_dashboard  # noqa: E402

start = int(wrong[0]) if len(wrong) else 0
dash = make_feature_maps_dashboard(X_test, Y_test_orig, params_keras, index=start)
dash

# %% [markdown]
# ## Summary
#
# - A ConvNet stacks CONV layers (learned, shared filters), POOL layers (no parameters)
#   and FC layers; $n_H, n_W$ shrink with depth and $n_C$ grows; the last volume is
#   flattened, in $(n_H, n_W, n_C)$ order, into one column per example before the dense
#   softmax layer. The course's SIGNS model has about a thousand parameters.
# - TensorFlow's "same" padding for an even $f$ puts the extra zero after: $f = 4$ pads 1
#   before and 2 after.
# - The NumPy network passed the gradient check below $10^{-7}$, and both implementations
#   learned the six classes far above chance (1/6); Keras's Functional and Sequential
#   versions of one network are the same network, number for number.
# - Functional API: call layers on tensors, then `keras.Model(inputs, outputs)`; it allows
#   branches. Sequential API: a list of layers, for straight chains such as `happyModel`.
# - Look at the mistakes and at the filters: the first layer's filters are small pattern
#   detectors (edges, strokes) learned from the data instead of chosen by hand.
