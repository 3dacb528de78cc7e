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
# # Setting up a project: data splits, bias and variance, the basic recipe
#
# *Course 2 (Improving Deep Neural Networks), week 1. Curriculum items C2.01-C2.06.*
#
# Before tuning anything you need a way to tell whether a change helped, and a way to tell
# *what kind* of problem a model has. This lesson builds both:
#
# 1. why applied deep learning is an iterative loop, and what makes each turn fast;
# 2. the jobs of the training, dev and test sets, and how big each should be, from a
#    hundred examples to ten million;
# 3. what to do when the data comes from different places;
# 4. bias and variance read off the training and dev errors of real models that under-
#    and over-fit the same data;
# 5. the basic recipe: what to try for each diagnosis, in which order;
# 6. a dashboard where model size and training-set size move the two errors.
#
# The code lives in `course_lib/c2_improving_dnns/diagnosis.py`.

# %%
from course_lib.lesson import start_lesson

lesson = start_lesson("C2 - Setting up and diagnosing", seed=1, tensorflow=False)
budget = lesson.budget

# %%
import matplotlib.pyplot as plt

from course_lib.c2_improving_dnns import diagnosis as dg
from course_lib.c2_improving_dnns import initialization as ini
from course_lib.c2_improving_dnns.diagnosis_checks import check_diagnose
from course_lib.c2_improving_dnns.diagnosis_dashboard import fit_and_diagnose
from course_lib.plots import plot_decision_boundary

# %% [markdown]
# ## 1. Applied machine learning is iterative
#
# Nobody picks the right number of layers, hidden units, learning rate or activation on the
# first try, not even experts: intuitions from one field (language, vision, speech, ads,
# logistics) rarely carry over to another, and even within a field the best settings move
# as the data grows or the hardware changes. So the work is a loop:
#
# **idea** $\to$ **code** $\to$ **experiment** $\to$ (look at the result) $\to$ a better
# **idea** $\to$ ...
#
# Progress depends on how quickly you can go around it. Two things speed it up: well-chosen
# data splits, so that every experiment gives a trustworthy number, and a clear diagnosis
# of each result (bias or variance?), so that the next idea targets the actual problem.
#
# ## 2. Training, dev and test sets
#
# Split the data you have into three parts with different jobs:
#
# - the **training set** fits the parameters $W$, $b$;
# - the **dev set** (hold-out or cross-validation set) compares models and hyperparameters:
#   you train several, and keep the one with the lowest dev error;
# - the **test set** is used once, at the end, for an unbiased estimate of the chosen
#   model's error. Because you chose the model *using* the dev set, the dev error is
#   optimistic; the test set was never used to choose anything.
#
# How big? The dev and test sets only need to be large enough to tell models apart and to
# give a confident estimate. With 100 or 10,000 examples that is a sizeable share, so the
# old 60/20/20 (or 70/30 without a test set) is sensible. With 1,000,000 examples, 10,000
# each for dev and test is plenty, which is a 98/1/1 split; with 10,000,000, ~10,000 each is
# 99.8/0.1/0.1. `dg.split_sizes(m)` applies that rule: 20 % each, capped at 10,000.

# %%
print(f"{'m':>12} {'train':>12} {'dev':>8} {'test':>8}   train share")
for m in (100, 10_000, 1_000_000, 10_000_000):
    sizes = dg.split_sizes(m)
    print(
        f"{m:>12,} {sizes['train']:>12,} {sizes['dev']:>8,} {sizes['test']:>8,}"
        f"   {100 * sizes['train'] / m:.1f} %"
    )
assert dg.split_sizes(100) == {"train": 60, "dev": 20, "test": 20}
assert dg.split_sizes(1_000_000) == {"train": 980_000, "dev": 10_000, "test": 10_000}

# %% [markdown]
# A split-size calculator: drag $m$ (log scale) and watch the shares change.

# %%
from course_lib.c2_improving_dnns.diagnosis_dashboard import split_dashboard

splits = split_dashboard(m=10_000)
splits

# %%
# The dashboard shows dg.split_sizes; checking the function leaves your slider where it is.
assert dg.split_sizes(1_000_000) == {"train": 980_000, "dev": 10_000, "test": 10_000}
assert dg.split_sizes(10_000_000)["train"] / 10_000_000 == 0.998

# %% [markdown]
# `dg.train_dev_test_split` shuffles the columns (examples) once, with a seed, and cuts:

# %%
X_all, Y_all = dg.noisy_moons(1000, seed=3)
X_tr, Y_tr, X_dv, Y_dv, X_te, Y_te = dg.train_dev_test_split(X_all, Y_all, (0.6, 0.2, 0.2), seed=0)
print("train", X_tr.shape, "dev", X_dv.shape, "test", X_te.shape)
assert X_tr.shape[1] + X_dv.shape[1] + X_te.shape[1] == 1000

# %% [markdown]
# ## 3. Mismatched distributions, and going without a test set
#
# Often the training data comes from somewhere other than the data the model will face:
# say, many cat pictures crawled from web pages for training, while users upload blurry
# phone photos. The rule: **dev and test must come from the same distribution**, the one
# you care about (the phone photos). You aim at the dev set for months; if the test set is
# from elsewhere you will hit the wrong target. The training set may differ, because more
# data helps even when it is not quite the same. (Course 3 shows how to diagnose the
# mismatch this creates.)
#
# A project may also skip the test set and keep only train and dev. That is allowed (some
# teams then call the dev set the "test set"), but no number is left that was not used to
# choose the model, so there is no unbiased estimate of the final error.
#
# ## 4. Bias and variance, read off two numbers
#
# Compare the training error with the best achievable error (the **Bayes error**; for
# tasks people do almost perfectly, about 0), and the dev error with the training error:
#
# - **high bias** (under-fitting): the training error is well above the Bayes error;
# - **high variance** (over-fitting): the dev error is well above the training error.
#
# The lecture's four cases, with a Bayes error near 0:
#
# | train error | dev error | diagnosis |
# |---|---|---|
# | 1 % | 11 % | high variance |
# | 15 % | 16 % | high bias |
# | 15 % | 30 % | high bias **and** high variance |
# | 0.5 % | 1 % | low bias, low variance |
#
# With a Bayes error of 15 % (blurry images no one can classify), the 15 % / 16 % model
# would be fine. The "both" case happens: a boundary that is too simple in most places and
# too wiggly around a few points.
#
# ### Your turn: `diagnose`
#
# Write `diagnose(train_error, dev_error, bayes_error=0.0, tolerance=0.03)`. Errors are
# fractions (0.11 for 11 %). The avoidable bias is `train_error - bayes_error`, the
# variance is `dev_error - train_error`; each is "high" when it is larger than
# `tolerance`. Return exactly one of `"high variance"`, `"high bias"`,
# `"high bias and high variance"`, `"low bias and low variance"`.


# %%
def diagnose(train_error, dev_error, bayes_error=0.0, tolerance=0.03):
    """Return one of the four diagnoses from the two gaps."""
    # avoidable bias = train - bayes; variance = dev - train; "high" means > tolerance
    raise NotImplementedError


check_diagnose(diagnose)

# %% [markdown]
# Now with **real models**. The data: two noisy half-moons, only 40 training examples, and
# a large dev set of 1,000 so the dev error is a reliable number. Because the data's
# generator is known, its Bayes error can be computed (the error of the best possible
# classifier: a little under 9 % for this noise, printed below). We train three models on
# the same 40 examples:
#
# - logistic regression, a straight-line boundary;
# - a small network $[2, 3, 3, 1]$;
# - a large network $[2, 50, 50, 1]$ trained for long enough to fit every training point.

# %%
M_POOL = 400
X_pool, Y_pool = dg.noisy_moons(M_POOL, noise=0.3, seed=0)
X_dev, Y_dev = dg.noisy_moons(1000, noise=0.3, seed=1)
M_TRAIN = 40
X_train, Y_train = X_pool[:, :M_TRAIN], Y_pool[:, :M_TRAIN]
BAYES = dg.moons_bayes_error(0.3, n=budget.pick(ci=4000, full=20000))
ITERATIONS = budget.pick(ci=2000, full=4000)
print(f"Bayes error of this data: {100 * BAYES:.1f} %")

models = {
    "logistic regression": 0,
    "small network [2, 3, 3, 1]": 3,
    "large network [2, 50, 50, 1]": 50,
}
fits = {
    name: fit_and_diagnose(X_train, Y_train, X_dev, Y_dev, h, BAYES, ITERATIONS)
    for name, h in models.items()
}
for name, fit in fits.items():
    print(
        f"{name:30s} train {100 * fit['train_error']:5.1f} %   dev {100 * fit['dev_error']:5.1f} %"
        f"   -> {fit['diagnosis']}"
    )

# %%
fig, axes = plt.subplots(1, 3, figsize=(9.6, 3.6), layout="constrained")
for ax, (name, fit) in zip(axes, fits.items()):
    plot_decision_boundary(
        ax, lambda P, p=fit["parameters"]: ini.predict(P, p), X_train, Y_train, resolution=120
    )
    ax.set_title(
        f"{name}\ntrain {100 * fit['train_error']:.0f} %, dev "
        f"{100 * fit['dev_error']:.0f} %: {fit['diagnosis']}",
        fontsize=8.5,
    )
for ax in axes[1:]:
    ax.set_ylabel("")  # one x2 label, on the left: the others would run into the neighbour
fig.suptitle(
    f"Three models on the same {M_TRAIN} training examples (Bayes error {100 * BAYES:.1f} %)"
)
plt.show()

lr_fit, big_fit = fits["logistic regression"], fits["large network [2, 50, 50, 1]"]
assert lr_fit["diagnosis"] == dg.HIGH_BIAS  # a line cannot follow the moons
assert big_fit["train_error"] == 0.0 and big_fit["diagnosis"] == dg.HIGH_VARIANCE
assert fits["small network [2, 3, 3, 1]"]["diagnosis"] == dg.HIGH_VARIANCE  # 25 parameters
assert 0.08 < BAYES < 0.09  # "a little under 9 %"

# %% [markdown]
# Logistic regression misses the curve everywhere, on training and dev data alike: high
# bias. The large network threads its boundary around every training point, noise
# included, and pays for it on new data: high variance. The gap between its 0 % training
# error and its dev error is pure over-fitting. Even the small network, with only 25
# parameters, has enough freedom to chase the noise in 40 examples: capacity is only
# "large" or "small" relative to the amount of data.
#
# ## 5. The basic recipe
#
# The diagnosis tells you what to try, in this order:

# %%
_ = dg.plot_basic_recipe()
plt.show()
for step in dg.basic_recipe(dg.HIGH_BIAS_AND_VARIANCE):
    print("-", step)

# %% [markdown]
# First make the training error acceptable (a bigger network almost always helps and rarely
# hurts, if it is regularised); only then look at the dev error. Classic machine learning
# spoke of a bias-variance *trade-off*, because most remedies reduced one at the cost of
# the other. With deep learning and big data there are tools that cut one without raising
# the other: a bigger network reduces bias, more data reduces variance. That is one reason
# deep learning works so well when both are available.
#
# Let us follow the recipe for the large network's high variance: more data. The same
# network trained on all 400 examples of the pool roughly halves its dev error. If the
# diagnosis still reads "high variance", the recipe's next step is regularisation, the
# subject of lesson 3.

# %%
more_data = fit_and_diagnose(X_pool, Y_pool, X_dev, Y_dev, 50, BAYES, ITERATIONS)
print(
    f"40 examples:  train {100 * big_fit['train_error']:.1f} %, dev {100 * big_fit['dev_error']:.1f} %"
)
print(
    f"400 examples: train {100 * more_data['train_error']:.1f} %, dev "
    f"{100 * more_data['dev_error']:.1f} % -> {more_data['diagnosis']}"
)
assert more_data["dev_error"] < big_fit["dev_error"] - 0.03  # more data cut the variance
assert more_data["dev_error"] < 0.65 * big_fit["dev_error"]  # "roughly halves"

# %% [markdown]
# ## 6. Dashboard: capacity and data
#
# Set the hidden units per layer $h$ ($h = 0$ is logistic regression) and the number of
# training examples; each change trains the network (a fixed budget) and shows its
# boundary, the two errors against the Bayes error, the diagnosis and the first step of the
# recipe. Try: $h = 0$ at any size (bias), $h = 50$ with 40 examples (variance), then more
# examples; a small $h$ with many examples.

# %%
from course_lib.c2_improving_dnns.diagnosis_dashboard import capacity_dashboard

capacity = capacity_dashboard(
    X_pool, Y_pool, X_dev, Y_dev, BAYES, num_iterations=budget.pick(ci=800, full=2000)
)
capacity

# %%
# The dashboard's own function with h = 40 on the first 40 examples (your sliders stay put):
h40 = fit_and_diagnose(
    X_pool[:, :40], Y_pool[:, :40], X_dev, Y_dev, 40, BAYES, budget.pick(ci=800, full=2000)
)
print(f"h = 40, 40 examples: train {h40['train_error']:.1%}, dev {h40['dev_error']:.1%}")
assert h40["train_error"] < h40["dev_error"]

# %% [markdown]
# ## 7. Summary
#
# - Applied deep learning is a loop of idea, code and experiment; make each turn quick.
# - Train fits the parameters, dev chooses between models, test estimates the final error
#   once. Dev and test must come from the distribution you care about.
# - Small data: 60/20/20. Big data: dev and test need only ~10,000 examples each (98/1/1
#   at a million, less at ten million).
# - Avoidable bias = training error - Bayes error; variance = dev error - training error.
# - The recipe: fix high bias first (bigger network, train longer, other architecture),
#   then high variance (more data, regularisation, other architecture).
#
# Next: lesson 2 (initialisation) and lesson 3 (regularisation, the variance tool).
