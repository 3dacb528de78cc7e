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
# # Dev and test sets, and a metric that says what matters
#
# *Course 3 (Structuring Machine Learning Projects), week 1. Curriculum items C3.09-C3.11.*
#
# The dev set and the evaluation metric together are the **target** a team aims at for
# weeks or months: every idea is kept or dropped by what it does to that one number. This
# lesson checks, with real trained models, what happens when the target is set badly:
#
# 1. dev and test sets drawn from **different** distributions: the candidate that wins on
#    dev loses on test;
# 2. how **big** the dev and test sets must be: the standard error of an error rate, the
#    dev size needed to see a 0.1 % improvement, and why a dev set used for choosing is
#    optimistic (the reason to keep a test set);
# 3. a dashboard for the dev-set size;
# 4. **changing the metric** when it ranks models against the application's interest: the
#    weighted error (you write `weighted_error`), and training to do well on it;
# 5. a dashboard where the weight re-ranks two trained models;
# 6. when to change the metric or the dev/test set.
#
# Code: `course_lib/c3_structuring_ml/dev_test.py`, `dev_test_dashboard.py`,
# `dev_test_checks.py`; the weighted error is `metrics.weighted_error`.

# %%
from course_lib.lesson import start_lesson

lesson = start_lesson("C3 - Dev and test sets", seed=1, tensorflow=False)
budget = lesson.budget

# %%
import matplotlib.pyplot as plt
import numpy as np

from course_lib.c2_improving_dnns.diagnosis import split_sizes
from course_lib.c3_structuring_ml import dev_test as dt
from course_lib.c3_structuring_ml import metrics as mt
from course_lib.c3_structuring_ml import models
from course_lib.c3_structuring_ml.dev_test_checks import check_weighted_error
from course_lib.tables import Table

ITERATIONS = budget.pick(ci=800, full=1500)

# %% [markdown]
# ## 1. Dev and test sets from the same distribution
#
# Say the cat app has users in eight regions. A tempting split: take the dev set from the
# first four regions (US, UK, Other Europe, South America) and the test set from the other
# four (India, China, Other Asia, Australia). The team then spends months making the dev
# error small, and only at the end learns how the chosen model does on a *different*
# target. It is like training archers on one target and moving it on competition day.
#
# The rule: **choose the dev and test sets from the same distribution, one that reflects
# the data you expect in the future and care about doing well on**. If the data come from
# eight regions, shuffle them all and then cut dev and test.
#
# Our stand-in: the same two half-moons everywhere, but cats are much rarer among the
# uploads of the first four regions (5-20 %) than among those of the last four (60-75 %).
# We train four networks on a training set from all regions, and consider each of them with
# nine decision thresholds $t$ (predict "cat" when $\hat y > t$): 36 candidate classifiers.
# The team picks the candidate with the lowest dev error.

# %%
X_train, Y_train, region_train = dt.regional_data(75, seed=0)  # 600 examples
X_eval, Y_eval, region_eval = dt.regional_data(500, seed=1)  # 4,000 for dev and test
zoo = mt.train_zoo(X_train, Y_train, [(), (4,), (8,), (16, 16)], num_iterations=ITERATIONS)
names = [m["name"].replace(" (logistic regression)", "") for m in zoo]
THRESHOLDS = np.round(np.arange(0.1, 0.91, 0.1), 2)
probas = np.vstack([models.predict_proba(X_eval, m["parameters"]) for m in zoo])

Table(
    ["region", "share of cats (train)", "share of cats (dev/test pool)"],
    [
        [
            name,
            f"{Y_train[region_train == r].mean():.0%}",
            f"{Y_eval[region_eval == r].mean():.0%}",
        ]
        for r, (name, _) in enumerate(dt.REGIONS)
    ],
    title="Eight regions, one task",
)

# %%
first_four = region_eval[0] < 4  # US, UK, Other Europe, South America
shuffled = np.random.default_rng(0).permutation(Y_eval.shape[1]) % 2 == 0  # a random half
splits = {
    "dev: first 4 regions, test: last 4": (first_four, ~first_four),
    "dev and test: shuffled from all 8 regions": (shuffled, ~shuffled),
}
outcomes, grids = {}, {}
for label, (dev, test) in splits.items():
    dev_grid = dt.error_grid(probas[:, dev], Y_eval[:, dev], THRESHOLDS)
    test_grid = dt.error_grid(probas[:, test], Y_eval[:, test], THRESHOLDS)
    grids[label] = (dev_grid, test_grid)
    outcomes[label] = dt.selection_outcome(dev_grid, test_grid)

_ = dt.plot_error_grids(grids, outcomes, names, THRESHOLDS)
plt.show()

for label, out in outcomes.items():
    rank = int(np.sum(grids[label][1] < out["chosen_test_error"])) + 1
    print(
        f"{label}:\n  chose {names[out['chosen'][0]]} at t = {THRESHOLDS[out['chosen'][1]]}: "
        f"dev {out['chosen_dev_error']:.1%}, test {out['chosen_test_error']:.1%} "
        f"(rank {rank} of {grids[label][1].size} on test; "
        f"best on test {out['best_test_error']:.1%})"
    )
bad = outcomes["dev: first 4 regions, test: last 4"]
good = outcomes["dev and test: shuffled from all 8 regions"]
# "Noise level": two standard errors of the difference of two test errors (section 2).
noise = 2 * dt.difference_standard_error(
    good["best_test_error"], good["best_test_error"], int((~shuffled).sum())
)
bad_rank = (
    int(np.sum(grids["dev: first 4 regions, test: last 4"][1] < bad["chosen_test_error"])) + 1
)
print(f"noise level of a test-error difference: {noise:.1%}")
assert THRESHOLDS[bad["chosen"][1]] > 0.5  # the rare-cat dev regions reward a high threshold
assert bad["regret"] > 3 * noise  # the dev winner loses clearly on the other distribution
assert bad_rank > len(names) * len(THRESHOLDS) / 2  # ... it is in the worse half on test
assert good["regret"] < noise  # with one distribution, the dev winner is as good as the best

# %% [markdown]
# With dev and test from different regions, the dev set rewards a high threshold (cats are
# rare there, so calling fewer images cats pays), and on the test regions, where cats are
# common, that choice is worse than most of the other candidates, several noise levels
# behind the best. Nothing was wrong with the models; the team aimed at the wrong target.
# With dev and test shuffled from all regions, the candidate chosen on dev is as good as the
# best on test, within the noise of a 2,000-example test set.
#
# ## 2. How big should the dev and test sets be?
#
# **Split sizes.** With a few thousand examples, the old rules of thumb (70/30, or
# 60/20/20 with a test set) are sensible. With a million examples, 10,000 each for dev and
# test (1 %) is plenty and the rest trains the model. (Course 2's
# `diagnosis.split_sizes` applies the rule; see Course 2, lesson 1.)

# %%
Table(
    ["m", "train", "dev", "test"],
    [
        [f"{m:,}", *(f"{n:,} ({n / m:.1%})" for n in split_sizes(m).values())]
        for m in (1_000, 10_000, 1_000_000, 10_000_000)
    ],
    title="split_sizes: 20 % each for dev and test, at most 10,000",
)

# %% [markdown]
# **What "big enough" means.** The dev set must be big enough to tell the candidates
# apart. An error rate $e$ measured on $m_{dev}$ examples counts mistakes that each happen
# with probability $e$, so it scatters around the true value with the **standard error**
#
# $$\mathrm{SE}(e) = \sqrt{\frac{e(1 - e)}{m_{dev}}}.$$
#
# Two models with errors $e_A > e_B$, difference $d = e_A - e_B$, are ranked correctly
# when the measured difference stays positive. If each model had its *own* dev set, the
# difference would have standard error $\sqrt{(e_A(1-e_A) + e_B(1-e_B))/m_{dev}}$. In
# practice both run on the *same* dev set, and only the examples on which they disagree
# move the difference: with $q$ the share of such examples, its standard error is
# $\sqrt{(q - d^2)/m_{dev}}$, much smaller when the models agree on most examples. The
# chance of the right ranking is about $\Phi(d / \mathrm{SE})$ ($\Phi$: the standard
# normal CDF), so 95 % needs $m_{dev} \approx 1.645^2\, (q - d^2) / d^2$ on a shared dev
# set.

# %%
rows = []
for d, q in ((0.01, 0.03), (0.001, 0.005), (0.001, 0.002)):
    rows.append(
        [
            f"{d:.1%}",
            f"{q:.1%}",
            f"{dt.dev_size_needed(0.05, d):,}",
            f"{dt.dev_size_needed(0.05, d, disagreement=q):,}",
        ]
    )
Table(
    ["difference d", "disagreement q", "own dev sets", "same dev set"],
    rows,
    title="Dev examples needed to rank a 5 % model and a (5 % - d) model right 95 % of the time",
)

# %%
needed_01 = dt.dev_size_needed(0.05, 0.001, disagreement=0.002)
assert 1_000 < needed_01 < 10_000 < 100_000 < dt.dev_size_needed(0.05, 0.001)
print(
    f"SE of a 5 % error on 10,000 examples: {100 * dt.error_standard_error(0.05, 10_000):.2f} pts"
)

# %% [markdown]
# So the familiar advice "10,000 dev examples can detect a 0.1 % improvement" holds for a
# small change to a model (the two versions disagree on a few examples), not for two
# unrelated models.
#
# **Checked with real models.** Take the $[2, 8, 1]$ and $[2, 16, 16, 1]$ networks from
# above and a pool of 80,000 fresh examples from the same eight regions (the better of the
# two is the one with the lower error on the pool). On the pool, their
# errors and their disagreement are known almost exactly. Now draw many dev sets of size
# $m_{dev}$ from the pool and count how often the dev set ranks the better model first.

# %%
X_pool, Y_pool, _ = dt.regional_data(10_000, seed=2)
assert Y_pool.shape[1] == 80_000
small_net, big_net = zoo[2], zoo[3]
correct_a = models.predict(X_pool, small_net["parameters"]) == Y_pool
correct_b = models.predict(X_pool, big_net["parameters"]) == Y_pool
e_a, e_b = 1 - correct_a.mean(), 1 - correct_b.mean()
q_ab = float(np.mean(correct_a != correct_b))
worse, diff = max(e_a, e_b), abs(e_a - e_b)
m95 = dt.dev_size_needed(worse, diff, disagreement=q_ab)
print(
    f"on the pool: {small_net['name']} {e_a:.2%}, {big_net['name']} {e_b:.2%}, "
    f"difference {100 * diff:.2f} pts,\n  disagreement {q_ab:.1%}; 95 % needs ~{m95:,} (same set)"
)

sizes = np.unique(np.round(m95 * np.array([1 / 16, 1 / 4, 1, 4])).astype(int))
measured = [
    dt.measured_ranking_rate(correct_a, correct_b, int(m), trials=1000, seed=k)
    for k, m in enumerate(sizes)
]
m_grid = np.logspace(1, 5.5, 120)
paired = [dt.probability_correct_ranking(e_a, e_b, int(m), q_ab) for m in m_grid]
unpaired = [dt.probability_correct_ranking(e_a, e_b, int(m)) for m in m_grid]

fig, ax = plt.subplots(figsize=(8.5, 4))
ax.semilogx(m_grid, 100 * np.array(unpaired), label="formula, each model on its own dev set")
ax.semilogx(m_grid, 100 * np.array(paired), label="formula, same dev set (paired)")
ax.plot(sizes, 100 * np.array(measured), "ko", label="measured: 1,000 dev sets per size")
ax.axhline(95, color="0.5", ls=":", lw=1)
ax.set_xlabel("dev-set size m_dev (log scale)")
ax.set_ylabel("dev sets ranking the better model first (%)")
ax.set_title(f"{small_net['name']} vs {big_net['name']}: {100 * diff:.2f} points apart")
ax.legend(loc="lower right")
ax.grid(alpha=0.3)
plt.show()

for m, rate in zip(sizes, measured):
    predicted = dt.probability_correct_ranking(e_a, e_b, int(m), q_ab)
    print(f"m_dev {m:>7,}: measured {rate:.1%}, predicted (same set) {predicted:.1%}")
    assert abs(rate - predicted) < 0.05  # the paired formula predicts what happens
assert measured[-1] > 0.95 and measured[0] < 0.9  # too small a dev set is a coin toss
m95_unpaired = dt.dev_size_needed(worse, diff)
print(
    f"for 95 %: {m95:,} examples on the same dev set;\n"
    f"  the unpaired formula would ask for {m95_unpaired:,}, {m95_unpaired / m95:.1f} times as many"
)
assert m95_unpaired > 1.5 * m95

# %% [markdown]
# The paired formula predicts the measured rates; the unpaired one would ask for more
# examples than needed (the factor is printed above: the more the two models agree, the
# larger it is).
#
# **Why keep a test set.** Some teams skip the test set and keep only train and dev (and
# call the dev set "test"). That is allowed when no unbiased estimate of the final error is
# needed, but the dev error of the *chosen* candidate is optimistic: among many candidates,
# the winner is partly the one that got lucky on these particular dev examples. Measured:
# split the 4,000 evaluation examples into a dev set of $m_{dev}$ and a test set
# of the rest, choose among the 36 candidates on dev, and compare the winner's dev and test
# errors, over 50 random splits.

# %%
optimism = {}
for m_dev in (100, 300, 1000):
    gaps = []
    for s in range(50):
        order = np.random.default_rng(100 + s).permutation(Y_eval.shape[1])
        dev, test = order[:m_dev], order[m_dev:]
        out = dt.selection_outcome(
            dt.error_grid(probas[:, dev], Y_eval[:, dev], THRESHOLDS),
            dt.error_grid(probas[:, test], Y_eval[:, test], THRESHOLDS),
        )
        gaps.append(out["chosen_test_error"] - out["chosen_dev_error"])
    optimism[m_dev] = float(np.mean(gaps))
    print(
        f"dev set of {m_dev:>5}: the winner's test error exceeds its dev error by {100 * optimism[m_dev]:.2f} pts on average"
    )
assert optimism[100] > 0.01 and optimism[100] > optimism[1000]

# %% [markdown]
# The smaller the dev set (or the more candidates tried on it), the more the dev error
# flatters the chosen model; an untouched test set gives the honest number.
#
# ## 3. Dashboard: how many dev examples?
#
# Set the error $e$ of the worse model, the difference $d$ you hope to detect, how often
# the two models disagree ($q \ge d$), and the dev-set size. Left: the chance that a dev
# set of each size ranks them correctly, with the two models on their own dev sets (blue)
# or on the same one (orange). Right: the sizes needed for 95 %. Try $d = 0.1\%$ with
# $q = 0.2\%$ and with $q = 5\%$.

# %%
from course_lib.c3_structuring_ml.dev_test_dashboard import dev_size_dashboard

dev_size = dev_size_dashboard(m_dev=10_000, error=0.05, difference=0.001, disagreement=0.005)
dev_size

# %%
# The check drives its own (undisplayed) copy, so the dashboard above keeps your settings.
probe = dev_size_dashboard(m_dev=10_000, error=0.05, difference=0.001, disagreement=0.005)
before = probe.result["p_paired"]
probe.controls["m_dev"].value = 100_000
assert probe.result["p_paired"] > before and probe.result["se_error"] < 0.001

# %% [markdown]
# ## 4. Changing the evaluation metric
#
# A metric can rank models in a way the application disagrees with. The lecture's
# example: cat classifier A has 3 % error, B 5 %, but A lets through pornographic images
# labelled as cats, which the company and its users find unacceptable. By the metric A is
# better; by the application, B. When that happens, **change the metric**.
#
# Our neutral stand-in: a small share of the images (5 %) are **flagged**: non-cats that
# must never be shown as cats. They sit in a cluster inside the cat region, so a classifier
# that only minimises its error is tempted to call them cats. Two trained networks
# $[2, 16, 16, 1]$: A trained with the plain cost, B with the flagged examples counted ten
# times in the cost (how B was made is the subject of the second step below).

# %%
X_ftrain, Y_ftrain, flag_train = dt.flagged_data(600, 0.05, seed=0)
X_fdev, Y_fdev, flag_dev = dt.flagged_data(3000, 0.05, seed=1)
model_A = dt.train_weighted_classifier(
    X_ftrain, Y_ftrain, np.ones_like(Y_ftrain), (16, 16), ITERATIONS
)
model_B = dt.train_weighted_classifier(
    X_ftrain, Y_ftrain, dt.flag_weights(flag_train, 10), (16, 16), ITERATIONS
)
predictions = {
    "A (plain cost)": models.predict(X_fdev, model_A),
    "B (flagged x10 in the cost)": models.predict(X_fdev, model_B),
}
plain = dt.weighted_ranking(predictions, Y_fdev, flag_dev, 1.0)

_ = dt.plot_flagged_models(
    {"A (plain cost)": model_A, "B (flagged x10 in the cost)": model_B}, X_fdev, Y_fdev, flag_dev
)
plt.show()

A, B = predictions.values()
assert plain["plain_error"]["A (plain cost)"] < plain["plain_error"]["B (flagged x10 in the cost)"]
assert (
    plain["flagged_mistakes"]["A (plain cost)"]
    > 3 * plain["flagged_mistakes"]["B (flagged x10 in the cost)"]
)

# %% [markdown]
# By the plain error, A wins. But A lets many flagged images through. The fix is a
# **weighted error** that makes those mistakes expensive:
#
# $$\text{weighted error} = \frac{1}{\sum_i w^{(i)}} \sum_{i=1}^{m_{dev}} w^{(i)}\,
# \mathbf{1}\{\hat y^{(i)} \ne y^{(i)}\}, \qquad
# w^{(i)} = \begin{cases} 10 & \text{if } x^{(i)} \text{ is flagged} \\ 1 & \text{otherwise.}
# \end{cases}$$
#
# Dividing by $\sum_i w^{(i)}$ (not by $m$) keeps it a fraction between 0 and 1. To use it
# you must know which dev and test examples are flagged: someone has to go through them and
# label them.
#
# ### Your turn: `weighted_error`
#
# Write `weighted_error(Y_hat, Y, weights)`: `Y_hat` and `Y` are $(1, m)$ arrays of 0/1,
# `weights` a $(1, m)$ array of non-negative weights. Return the weighted error as a float.


# %%
def weighted_error(Y_hat, Y, weights):
    """Return sum_i w_i * 1{Y_hat_i != Y_i} / sum_i w_i for (1, m) arrays."""
    # mistakes = (Y_hat != Y); weight each one, then divide by the total weight
    raise NotImplementedError


check_weighted_error(weighted_error)

# %% [markdown]
# With $w = 10$ the ranking flips. Because both models are scored with the same weights,
# the weighted errors tie at one weight $w^\ast$; above it, B wins.

# %%
ten = dt.weighted_ranking(predictions, Y_fdev, flag_dev, 10.0)
w_star = dt.crossover_weight(A, B, Y_fdev, flag_dev)
for name in predictions:
    print(
        f"{name:30s} plain {plain['plain_error'][name]:.2%}   weighted (w = 10) "
        f"{ten['weighted_error'][name]:.2%}"
    )
print(f"the two tie at w* = {w_star:.2f}")
assert ten["best"] == "B (flagged x10 in the cost)" and plain["best"] == "A (plain cost)"
assert 1 < w_star < 10
assert (
    abs(mt.weighted_error(A, Y_fdev, dt.flag_weights(flag_dev, 1.0)) - np.mean(Y_fdev != A)) < 1e-12
)

# %% [markdown]
# ### Two separate steps: place the target, then aim at it
#
# Orthogonalisation again. **Step 1** is to *define* a metric that ranks models the way the
# application needs: the weighted error. **Step 2**, a separate problem, is to *do well* on
# it. Here step 2 changed the training cost in the same way,
#
# $$J = \frac{1}{\sum_i w^{(i)}} \sum_{i=1}^{m} w^{(i)}\, \mathcal{L}(\hat y^{(i)}, y^{(i)}),$$
#
# which is how model B was trained. (`dt.train_weighted_classifier` does it by repeating
# example $i$ $w^{(i)}$ times, which gives exactly this cost for integer weights.) Step 1
# alone would only have told us that A is bad; step 2 produced a model that is good.
#
# ## 5. Dashboard: the weight re-ranks the models
#
# Drag $w$. At $w = 1$ this is the plain error and A wins; past $w^\ast$, B does. The
# right panel shows both weighted errors for every $w$.

# %%
from course_lib.c3_structuring_ml.dev_test_dashboard import metric_weight_dashboard

weights_dash = metric_weight_dashboard(predictions, Y_fdev, flag_dev, w=1.0)
weights_dash

# %%
probe = metric_weight_dashboard(predictions, Y_fdev, flag_dev, w=1.0)  # an undisplayed copy
assert probe.result["best"] == "A (plain cost)"
probe.controls["w"].value = 10.0
assert probe.result["best"] == "B (flagged x10 in the cost)"

# %% [markdown]
# ## 6. When to change the metric or the dev/test set
#
# If doing well on your metric and your dev/test set does not correspond to doing well in
# the application, change the metric, the dev/test set, or both. Two signs:
#
# - the metric ranks a model first that users would reject (section 4: flagged images let
#   through);
# - the dev/test set is not what the users send: say dev and test are sharp, well-framed
#   photos while users upload blurry phone pictures. A model can then top the dev set and
#   still disappoint; the dev/test set must move to the users' distribution (section 1
#   showed what a wrong target costs).
#
# Even a metric you are not fully happy with is better than none: set one up quickly, start
# iterating, and change it when it stops tracking what matters.
#
# ## 7. Summary
#
# - Dev set + metric = the target. Draw dev and test from the **same** distribution, the
#   one you will face and care about; here the dev winner on the wrong target was worse than
#   most candidates on test.
# - Small data: 70/30 or 60/20/20; big data: 1 % each (10,000 of a million) can be enough.
# - An error on $m_{dev}$ examples has standard error $\sqrt{e(1-e)/m_{dev}}$; telling two
#   models apart depends on how much they disagree: 0.1 % needs a few thousand shared dev
#   examples for small tweaks but hundreds of thousands for unrelated models. Measured
#   ranking rates matched the paired formula.
# - Without a test set, the chosen model's dev error is optimistic, the more so the smaller
#   the dev set (measured in section 2).
# - Weighted error $\frac{1}{\sum w^{(i)}}\sum w^{(i)} \mathbf{1}\{\hat y^{(i)} \ne y^{(i)}\}$
#   with $w^{(i)} = 10$ on flagged examples re-ranked the models; defining the metric and
#   doing well on it (a weighted cost) are separate steps.
#
# Next: lesson 3, comparing to human-level performance.
