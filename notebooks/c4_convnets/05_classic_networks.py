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
# # Classic networks: LeNet-5, AlexNet and VGG-16
#
# *Course 4 (Convolutional Neural Networks), week 2. Curriculum items C4.29-C4.33.*
#
# Three networks mark the road from handwritten digits to ImageNet: LeNet-5 (1998),
# AlexNet (2012) and VGG-16 (2014). Reading them layer by layer is the quickest way to get
# a feel for how the height and width of the volume shrink while the channels grow, and
# for where a network keeps its parameters and its memory. In this lesson you will:
#
# 1. write the three networks down in a tiny spec language (conv, pool, flatten, fc);
# 2. compute LeNet-5's shape table yourself, and see that its "400" is a volume of
#    activations, not a count of parameters;
# 3. count the parameters of a layer yourself, biases included;
# 4. walk through AlexNet and its local response normalisation (LRN), in NumPy and in TF;
# 5. walk through VGG-16 and its 138 million parameters;
# 6. see, on one figure, that the memory is in the early activations and the parameters in
#    the fully connected layers;
# 7. build the same three networks in Keras and compare the counts.
#
# Code: `course_lib/c4_convnets/layers.py` (the spec language and the shape and parameter
# tables, shared with lesson 2), `course_lib/c4_convnets/classic_networks.py` (the three
# networks, LRN in NumPy) and `course_lib/c4_convnets/classic_networks_tf.py` (the Keras
# models and tf's LRN).

# %%
from course_lib.lesson import start_lesson

lesson = start_lesson("C4 - Classic networks", seed=1, tensorflow=True)
budget = lesson.budget

# %%
import matplotlib.pyplot as plt
import numpy as np

from course_lib.c4_convnets import classic_networks as cn
from course_lib.c4_convnets import classic_networks_tf as cnt
from course_lib.c4_convnets import layers
from course_lib.c4_convnets.classic_networks_checks import (
    check_layer_output_shape,
    check_layer_parameters,
)
from course_lib.lesson import print_values

# %% [markdown]
# ## 1. Why study classic networks
#
# Most of what works in computer vision was found by trying architectures, and the ones
# that worked well are worth reading for two reasons. Their *structure* transfers: a
# network designed for one image task is often a good start for another (and with its
# trained weights, the start of transfer learning, later in this course). And their
# *ideas* transfer: stacking small filters, shrinking $n_H, n_W$ while growing $n_C$, ending
# with fully connected layers, are patterns you will reuse in your own designs.
#
# To read a network we only need its layers' hyperparameters. We write each layer as a
# small dict, made by `layers.conv`, `layers.pool`, `layers.flatten`, `layers.fc` (the spec
# language of lesson 2's shape calculator) and `cn.lrn`:
#
# | spec | layer | output |
# |---|---|---|
# | `conv(f, n_C, s=1, p=0)` | $n_C$ filters $f \times f \times n_C^{prev}$, stride $s$, padding $p$ (a number, `"valid"` = 0 or `"same"` = $(f-1)/2$) | $n_H \times n_W \times n_C$ |
# | `pool(f, s, mode)` | an $f \times f$ window, stride $s$, `"max"` or `"average"` | $n_H \times n_W \times n_C^{prev}$ |
# | `flatten()` | the volume unrolled into a vector | $n_H^{prev} n_W^{prev} n_C^{prev}$ |
# | `fc(n)` | fully connected, $n$ units; it reads a vector, so a flatten comes first | $n$ |
# | `lrn()` | local response normalisation (section 5) | unchanged |
#
# with the output size of a convolution or a pooling window (no padding for pooling)
#
# $$n_H = \left\lfloor \frac{n_H^{prev} + 2p - f}{s} \right\rfloor + 1, \qquad
#   n_W = \left\lfloor \frac{n_W^{prev} + 2p - f}{s} \right\rfloor + 1 .$$

# %%
layer = layers.conv(5, 6)
print("spec:", layer)
print("on a 32x32x1 image:", layers.layer_output_shape(layer, (32, 32, 1)))
print('"same" keeps 27x27:', layers.layer_output_shape(layers.conv(5, 256, p="same"), (27, 27, 96)))
assert layers.layer_output_shape(layer, (32, 32, 1)) == (28, 28, 6)

# %% [markdown]
# ## 2. LeNet-5
#
# LeNet-5 (LeCun et al., 1998) read grayscale handwritten digits of $32 \times 32 \times 1$
# and output one of 10 classes. In the course's drawing: a $5 \times 5$ convolution with 6
# filters and no padding, a $2 \times 2$ average pool with stride 2, a $5 \times 5$
# convolution with 16 filters, another average pool, then fully connected layers of 120 and
# 84 units and a 10-way output (a softmax in a modern version). Two conv + pool stages
# bring the image down to a $5 \times 5 \times 16$ volume.

# %%
lenet_input, lenet_layers = cn.lenet5()
lenet = layers.network_summary(lenet_layers, lenet_input)
layers.summary_table(lenet_layers, lenet_input, title="LeNet-5")

# %% [markdown]
# **A common mistake.** The $5 \times 5 \times 16 = 400$ after the second pool is a
# volume of *activations*: 400 numbers computed for each image, which the flatten unrolls
# and FC3 reads. It is not a number of parameters (that pool learns nothing), and it takes
# two conv + pool stages to get there, not three. After it come FC120, **FC84**, and the
# 10 outputs.

# %%
by_name = {row["layer"]: row for row in lenet}
pool2 = by_name["AVGPOOL2"]
assert pool2["shape"] == (5, 5, 16) and pool2["activations"] == 400 and pool2["parameters"] == 0
assert sum(row["type"] == "conv" for row in lenet) == 2
assert [r["shape"][0] for r in lenet if r["type"] == "fc"] == [120, 84, 10]
lenet_total = layers.count_parameters(lenet_layers, lenet_input)
assert 55_000 < lenet_total < 65_000  # "about 60k parameters"
print(f"LeNet-5: {pool2['activations']} activations after POOL2, {lenet_total:,} parameters")

# %% [markdown]
# A few of the 1998 paper's choices are no longer used: sigmoid or tanh activations (ReLU
# came later), a nonlinearity after each pooling layer, average rather than max pooling,
# and a second convolution in which each filter looked at only some of the 6 input
# channels (fewer connections, and different inputs for different filters). Our spec, like
# the course's drawing, connects every filter to every channel. What did survive: $n_H$
# and $n_W$ go down
# (32, 28, 14, 10, 5) while $n_C$ goes up (1, 6, 16), and conv-pool stages come before the
# fully connected layers.

# %%
heights = [r["shape"][0] for r in lenet if len(r["shape"]) == 3]
channels = [r["shape"][2] for r in lenet if len(r["shape"]) == 3]
assert heights == [32, 28, 14, 10, 5] and channels == sorted(channels)
print("n_H:", heights, " n_C:", channels)

# %% [markdown]
# ### Your turn: write `layer_output_shape`
#
# Write the shape rule for one layer. `layer` is one of the spec dicts above (read its
# keys: `layer["type"]`, `layer["f"]`, `layer["stride"]`, `layer["pad"]`, `layer["n_C"]`,
# `layer["units"]`), `shape_prev` is `(n_H_prev, n_W_prev, n_C_prev)` for a volume or
# `(n_prev,)` for a vector. Return a tuple: `(n_H, n_W, n_C)` after conv and pool (and
# lrn, which keeps the shape), `(n,)` after flatten and fc. `layers.resolve_pad(layer)`
# turns a padding of `"same"` or `"valid"` into a number. Use `//` for the floor.


# %%
def layer_output_shape(layer, shape_prev):
    # YOUR CODE HERE
    raise NotImplementedError


check_layer_output_shape(layer_output_shape)

# %% [markdown]
# ## 3. Counting parameters
#
# A convolution's parameters do not depend on the size of the image: each of its $n_C$
# filters is $f \times f \times n_C^{[l-1]}$ (it spans every input channel) plus one bias,
#
# $$\text{CONV: } (f \cdot f \cdot n_C^{[l-1]} + 1)\, n_C^{[l]}, \qquad
#   \text{FC: } (n^{[l-1]} + 1)\, n^{[l]},$$
#
# where an FC layer's $n^{[l-1]}$ counts every value it reads: after a volume,
# $n_H \cdot n_W \cdot n_C$. Pooling, flatten and LRN have hyperparameters but learn nothing.
#
# ### Your turn: write `layer_parameters`
#
# Same inputs as `layer_output_shape`; return the number of parameters (an int). An `fc`
# layer always reads a vector `(n_prev,)`: the flatten before it has unrolled the volume
# (the calculator refuses an `fc` straight on a volume and asks for `flatten()`).


# %%
def layer_parameters(layer, shape_prev):
    # YOUR CODE HERE
    raise NotImplementedError


check_layer_parameters(layer_parameters)

# %% [markdown]
# The reference on LeNet-5's layers: the fully connected layers hold almost everything.

# %%
lenet_params = {r["layer"]: r["parameters"] for r in lenet if r["parameters"]}
print_values("LeNet-5 parameters", lenet_params, "{:,}")
lenet_fc_share = sum(r["parameters"] for r in lenet if r["type"] == "fc") / lenet_total
print(f"share of LeNet-5's parameters in FC layers: {lenet_fc_share:.1%}")
assert lenet_params["CONV1"] == (5 * 5 * 1 + 1) * 6 and lenet_params["FC3"] == (400 + 1) * 120
assert lenet_fc_share > 0.9

# %% [markdown]
# ## 4. AlexNet
#
# AlexNet (Krizhevsky, Sutskever and Hinton, 2012) won ImageNet by a wide margin and
# convinced computer vision that deep learning works. It looks like a much larger LeNet:
# a $227 \times 227 \times 3$ colour image, an $11 \times 11$ convolution with stride 4,
# $3 \times 3$ max pools with stride 2, "same" convolutions of $5 \times 5$ and
# $3 \times 3$, and three fully connected layers ending in a 1000-way softmax. It used ReLU
# (which made the deep network train much faster than tanh), was split over two GPUs
# (the GPUs of 2012 had 3 GB), and normalised the outputs of its first two convolutions
# with LRN (section 5). The course's drawing, on one GPU:

# %%
alex_input, alex_layers = cn.alexnet()
alex = layers.network_summary(alex_layers, alex_input)
layers.summary_table(alex_layers, alex_input, title="AlexNet")

# %%
course_shapes = [
    (55, 55, 96),
    (27, 27, 96),
    (27, 27, 256),
    (13, 13, 256),
    (13, 13, 384),
    (13, 13, 384),
    (13, 13, 256),
    (6, 6, 256),
    (9216,),
    (4096,),
    (4096,),
    (1000,),
]
alex_shapes = [r["shape"] for r in alex if r["type"] not in ("input", "lrn")]
assert alex_shapes == course_shapes, alex_shapes
alex_total = layers.count_parameters(alex_layers, alex_input)
assert 55e6 < alex_total < 65e6  # "about 60 million"
alex_fc_share = sum(r["parameters"] for r in alex if r["type"] == "fc") / alex_total
print(f"AlexNet: {alex_total:,} parameters, {alex_fc_share:.0%} of them in the 3 FC layers")
fc6 = next(r for r in alex if r["layer"] == "FC6")["parameters"]
print(f"FC6 alone reads 6x6x256 = 9216 values: {fc6:,} parameters ({fc6 / alex_total:.0%})")
assert fc6 == (6 * 6 * 256 + 1) * 4096

# %% [markdown]
# ## 5. Local response normalisation
#
# LRN rescales each activation by the energy of the neighbouring channels at the same
# position $(h, w)$: a channel that fires strongly damps its neighbours. For channel $c$ of
# $n_C$, with a window of $r$ channels on each side,
#
# $$b_{h,w,c} = \frac{a_{h,w,c}}{\left(k + \alpha \sum_{c'=\max(0,\,c-r)}^{\min(n_C-1,\,c+r)}
#   a_{h,w,c'}^2\right)^{\beta}} .$$
#
# The names differ between sources, and so does $\alpha$:
#
# | | window | $k$ | $\alpha$ | $\beta$ |
# |---|---|---|---|---|
# | AlexNet's paper | $n = 5$ channels | 2 | $10^{-4}$, used as written | 0.75 |
# | `tf.nn.local_response_normalization` | `depth_radius` $= (n-1)/2 = 2$ | `bias` = 2 | `alpha` = $10^{-4}$, **not** divided by $n$ | `beta` = 0.75 |
# | Caffe, PyTorch `LocalResponseNorm` | `size` $= n$ | `k` | `alpha`, **divided by $n$** in the formula | `beta` |
#
# So the paper's numbers go into TensorFlow unchanged (`cn.ALEXNET_LRN`), while a
# Caffe/PyTorch `alpha` must be divided by $n$ first (`cn.lrn_arguments(...,
# alpha_divided_by_n=True)`). `cn.local_response_normalization` takes TensorFlow's
# arguments and defaults; its twin calls TensorFlow itself.

# %%
print("AlexNet's LRN in tf's arguments:", cn.lrn_arguments(n=5, k=2, alpha=1e-4, beta=0.75))
print("PyTorch's default (alpha = 1e-4 / n):", cn.lrn_arguments(5, 1.0, 1e-4, 0.75, True))
assert cn.lrn_arguments(n=5, k=2, alpha=1e-4, beta=0.75) == cn.ALEXNET_LRN

A = np.maximum(lesson.rng.normal(0, 60, (2, 4, 4, 16)), 0)  # ReLU outputs on a pixel scale
B_numpy = cn.local_response_normalization(A, **cn.ALEXNET_LRN)
B_tf = cnt.local_response_normalization(A, **cn.ALEXNET_LRN)
lrn_gap = np.max(np.abs(B_numpy - B_tf) / (np.abs(B_numpy) + 1e-6))
print(f"NumPy vs tf.nn.local_response_normalization: largest relative difference {lrn_gap:.1e}")
assert lrn_gap < 1e-5  # float32 on the TF side

# %% [markdown]
# What does it do to a volume? Below, one position of a ReLU volume on AlexNet's scale
# (its inputs were raw pixel values, so activations of tens to hundreds). We plot the
# output multiplied by $k^{\beta}$: a channel whose neighbours are quiet is then unchanged,
# and the damping of the others is what LRN adds. The right panel shows the factor
# $b/a = (k + \alpha S)^{-\beta}$ against the neighbourhood energy $S = \sum a^2$: flat at
# $k^{-\beta}$ until $\alpha S$ approaches $k$, that is $S \approx 2 \times 10^4$.

# %%
profile = np.array([5, 10, 20, 40, 300, 40, 20, 10, 0, 0, 5, 60, 60, 60, 5, 0], float)
out = cn.local_response_normalization(profile.reshape(1, 1, 1, -1), **cn.ALEXNET_LRN).ravel()
k, alpha, beta = cn.ALEXNET_LRN["bias"], cn.ALEXNET_LRN["alpha"], cn.ALEXNET_LRN["beta"]
energy = np.logspace(0, 7, 200)

fig, (ax_a, ax_b) = plt.subplots(1, 2, figsize=(9.6, 3.4), layout="constrained")
c = np.arange(profile.size)
ax_a.bar(c - 0.2, profile, 0.4, label="a (input)")
ax_a.bar(c + 0.2, out * k**beta, 0.4, label=r"b $\times\ k^{\beta}$ (after LRN)")
ax_a.set(xlabel="channel c at one position (h, w)", ylabel="activation", xticks=c[::2])
ax_a.set_title("LRN damps the neighbours of a strong channel", fontsize=10)
ax_a.legend(fontsize=8)
ax_b.semilogx(energy, (k + alpha * energy) ** -beta)
ax_b.axhline(k**-beta, color="grey", ls=":", label=rf"$k^{{-\beta}}$ = {k**-beta:.3f}")
ax_b.axvline(k / alpha, color="tab:red", ls="--", label=r"$\alpha S = k$")
ax_b.set(xlabel=r"neighbourhood energy $S = \sum a^2$", ylabel="factor b / a")
ax_b.set_title("Small activations are only rescaled", fontsize=10)
ax_b.legend(fontsize=8)
plt.show()

strong = int(np.argmax(profile))
kept = out * k**beta / np.where(profile > 0, profile, 1)  # 1 = only the constant k^-beta
small = (k + alpha * 100.0) ** -beta / k**-beta  # S = 100: |a| of about 4 on 5 channels
print(
    f"kept of a * k^-beta: channel {strong} (a = {profile[strong]:.0f}) {kept[strong]:.0%}, "
    f"its neighbour {strong + 1} {kept[strong + 1]:.0%}, the quiet channel 1 {kept[1]:.0%}"
)
print(f"with S = 100 the factor is {small:.4f} x k^-beta")
assert kept[strong] < 0.5 and kept[strong + 1] < 0.5 and kept[1] > 0.9 and small > 0.99

# %% [markdown]
# With activations of order 1 (as after batch norm, or with normalised inputs) the
# factor is almost the constant $k^{-\beta}$, so LRN only rescales. Later work (VGG's paper
# among it) found that LRN did not improve accuracy, and it is rarely used today; batch
# normalisation (Course 2) took over its job.
#
# ## 6. VGG-16
#
# VGG-16 (Simonyan and Zisserman, 2014) replaced AlexNet's many hand-picked sizes with
# one rule: every convolution is $3 \times 3$, stride 1, "same"; every pool is
# $2 \times 2$ max, stride 2. The convolutions come in 5 blocks of 2, 2, 3, 3 and 3 layers
# with 64, 128, 256, 512 and 512 filters; each pool halves $n_H$ and $n_W$ while the blocks
# double $n_C$ (up to 512). Then FC4096, FC4096 and a 1000-way softmax. The 16 counts the
# layers with weights.

# %%
vgg_input, vgg_layers = cn.vgg16()
vgg = layers.network_summary(vgg_layers, vgg_input)
layers.summary_table(vgg_layers, vgg_input, title="VGG-16")

# %% [markdown]
# **A common mistake.** Listing VGG-16 by hand, it is easy to stop after the first
# seven convolutions. There are 13: blocks of 2, 2, 3, 3, 3. With the 3 FC layers that
# makes the 16 weight layers of the name, and about 138 million parameters.

# %%
n_conv = sum(r["type"] == "conv" for r in vgg)
n_fc = sum(r["type"] == "fc" for r in vgg)
filters = [r["shape"][2] for r in vgg if r["type"] == "conv"]
blocks = [filters.count(n) for n in (64, 128, 256)] + [filters.count(512)]
vgg_total = layers.count_parameters(vgg_layers, vgg_input)
print(f"VGG-16: {n_conv} conv + {n_fc} FC = {n_conv + n_fc} weight layers, {vgg_total:,} params")
assert (n_conv, n_fc) == (13, 3) and blocks == [2, 2, 3, 6]
assert vgg_total == 138_357_544
assert [r["shape"] for r in vgg if r["type"] == "pool"][-1] == (7, 7, 512)

# %% [markdown]
# VGG-19 follows the same rule with 16 convolutions (blocks of 2, 2, 4, 4, 4) and is a
# little better and a little bigger; the course uses it for neural style transfer.

# %%
vgg19_layers = []
for repeats, n_C in [(2, 64), (2, 128), (4, 256), (4, 512), (4, 512)]:
    vgg19_layers += [layers.conv(3, n_C, p="same") for _ in range(repeats)] + [layers.pool(2, 2)]
vgg19_layers += [layers.flatten(), layers.fc(4096), layers.fc(4096), layers.fc(1000)]
vgg19_total = layers.count_parameters(vgg19_layers, vgg_input)
print(f"VGG-19: {vgg19_total:,} parameters ({vgg19_total - vgg_total:,} more than VGG-16)")
assert vgg19_total > vgg_total

# %% [markdown]
# ## 7. Where the memory and the parameters are
#
# The figure shows, per layer (log scale), the parameters a layer learns and the
# activations it produces for one image. The activations are what a forward pass keeps
# for backpropagation, per example in the mini-batch.

# %%
summaries = {"LeNet-5": lenet, "AlexNet": alex, "VGG-16": vgg}
fig = cn.plot_network_profiles(summaries)
fig

# %%
facts = {}
for name, rows in summaries.items():
    total = sum(r["parameters"] for r in rows)
    weights = [r for r in rows if r["type"] in ("conv", "fc")]
    first_conv = next(r for r in rows if r["type"] == "conv")
    facts[name] = {
        "fc share": sum(r["parameters"] for r in rows if r["type"] == "fc") / total,
        "largest activation": max(rows, key=lambda r: r["activations"])["layer"],
        "first conv": first_conv["layer"],
        "most parameters": max(weights, key=lambda r: r["parameters"])["layer"],
        "first FC": next(r for r in rows if r["type"] == "fc")["layer"],
    }
for name, f in facts.items():
    print(
        f"{name:8s} FC layers hold {f['fc share']:.0%} of the parameters; most parameters: "
        f"{f['most parameters']}; largest activation: {f['largest activation']}"
    )
    assert f["fc share"] > 0.85
    assert f["largest activation"] == f["first conv"] and f["most parameters"] == f["first FC"]
fc14 = next(r for r in vgg if r["layer"] == "FC14")["parameters"]
assert fc14 == 7 * 7 * 512 * 4096 + 4096 and round(fc14 / 1e6) == 103
vgg_memory = layers.total_activations(vgg)
print(
    f"VGG-16 forward pass: {vgg_memory:,} activations per image = "
    f"{vgg_memory * 4 / 2**20:.0f} MiB in float32"
)

# %% [markdown]
# In each network the largest activation volume is the output of the first convolution
# (full resolution, many channels) and the layer with the most parameters is the first
# fully connected layer, which connects every value of the last volume to every unit
# (VGG-16's FC14: $7 \cdot 7 \cdot 512 \cdot 4096 + 4096 \approx 103$ million). So a
# network's memory per example is set by its early, large volumes, and its size on disk
# by its FC layers; later architectures (ResNets, Inception, MobileNet) drop the large FC
# layers for global average pooling, which is why they are so much smaller.
#
# ## 8. The same networks in Keras
#
# `cnt.build_model(layers, input_shape)` turns the same specs into a `keras.Sequential`
# (`Conv2D`, `MaxPooling2D`/`AveragePooling2D`, `Flatten`, `Dense`, and a small layer around
# `tf.nn.local_response_normalization`), and Keras counts the parameters itself. The
# models here are only counted, so they start from zero weights (fast to allocate); the
# layers carry the table's names in lower case.

# %%
keras_counts = {}
for name, make in cn.NETWORKS.items():
    spec_input, spec_layers = make()
    model = cnt.build_model(spec_layers, spec_input, kernel_initializer="zeros")
    keras_counts[name] = model.count_params()
    assert keras_counts[name] == layers.count_parameters(spec_layers, spec_input), name
    for row in summaries[name][1:]:  # layer by layer: Keras's shape and count vs the table
        keras_layer = model.get_layer(row["layer"].lower())
        assert tuple(keras_layer.output.shape[1:]) == row["shape"], row
        assert keras_layer.count_params() == row["parameters"], row
    del model
print_values("Keras count_params()", keras_counts, "{:,}")
print("equal to the NumPy tables, layer by layer (output shapes and parameters)")
lenet_model = cnt.build_model(lenet_layers, lenet_input, activation="tanh")
print("LeNet-5 in Keras:", ", ".join(layer.name for layer in lenet_model.layers))

# %% [markdown]
# Keras also ships VGG-16 itself, `keras.applications.VGG16`. Its untrained version
# (`weights=None`: no download) must have exactly our count. Keras draws its 138 million
# random initial weights, which takes several seconds on a CPU, so the CI-sized run leaves
# it to the test suite (tests/parity/test_classic_networks_parity.py).

# %%
if budget.pick(ci=False, full=True):
    app_count = cnt.vgg16_application_parameters()
    print(f"keras.applications.VGG16(weights=None).count_params() = {app_count:,}")
    assert app_count == vgg_total
else:
    print("CI-sized run: keras.applications.VGG16 is compared in the parity tests instead.")

# %% [markdown]
# ## 9. Training LeNet-5 on digits
#
# The tables say nothing about how well a network learns. Here LeNet-5 trains on
# scikit-learn's 1,797 handwritten digits (8x8 scans enlarged to 28x28 and centred in
# 32x32, as LeNet-5's input), with Adam, from the same seed each time. Pick the 1998
# choices (sigmoid or tanh, average pooling) or the modern ones (ReLU, max pooling) and
# compare how fast the test accuracy rises. (Each change retrains the network: a few
# seconds. The CI-sized run trains on a subset for fewer epochs.)

# %%
X_train, y_train, X_test, y_test = cn.load_digits_32(seed=0)
m_train = budget.pick(ci=300, full=X_train.shape[0])
epochs = budget.pick(ci=2, full=8)
print(f"train {m_train} of {X_train.shape[0]} digits, test {X_test.shape[0]}, {epochs} epochs")
assert X_train.shape[1:] == (32, 32, 1) and set(np.unique(y_train)) == set(range(10))

# %%
from course_lib.c4_convnets.classic_networks_dashboard import lenet5_dashboard

dash = lenet5_dashboard(
    X_train[:m_train], y_train[:m_train], X_test, y_test, activation="tanh", epochs=epochs
)
dash

# %% [markdown]
# ## Summary
#
# - A network is its list of layers; from the hyperparameters alone we get every shape
#   ($n_H = \lfloor (n_H^{prev} + 2p - f)/s \rfloor + 1$) and every parameter count
#   ($(f f n_C^{[l-1]} + 1) n_C^{[l]}$ for a CONV layer, $(n^{[l-1]} + 1) n^{[l]}$ for FC).
# - LeNet-5: two conv + average-pool stages to a $5 \times 5 \times 16 = 400$ activation
#   volume, then FC120, FC84 and 10 outputs; about 60 thousand parameters.
# - AlexNet: $227 \times 227 \times 3$ in, ReLU, max pooling, LRN, about 60 million
#   parameters; LRN's $\alpha$ is used as written in the paper and in TensorFlow, divided
#   by $n$ in Caffe and PyTorch.
# - VGG-16: only $3 \times 3$ same convolutions and $2 \times 2$ max pools, 13 conv + 3 FC =
#   16 weight layers, 138,357,544 parameters.
# - Memory per example lives in the first, large activation volumes; parameters live in
#   the first FC layer.
