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
# # Comparing to human-level performance
#
# *Course 3 (Structuring Machine Learning Projects), week 1. Curriculum items C3.12-C3.18.*
#
# How good can a model get, and how do you know whether the next week should go into the
# training fit or into generalisation? Human performance is the yardstick teams reach for.
# This lesson makes it concrete on a task where **the best possible error is known
# exactly**, so every claim can be checked against the truth:
#
# 1. the Bayes error, on data whose label noise we put there ourselves;
# 2. a real network's progress as it gets more data: fast up to human level, then slow;
# 3. the tools you have while a model is still worse than people;
# 4. avoidable bias and variance, a calculator for them, and real models that follow its
#    advice (your turn: write the calculator);
# 5. which "human level" to use (a dashboard with the lecture's doctors);
# 6. what changes once a model is better than people;
# 7. the two fundamental assumptions of supervised learning as a decision flow.
#
# The code lives in `course_lib/c3_structuring_ml/human_level.py` (and the data in
# `label_noise.py`); `course_lib.where("C3.15")` finds any item.

# %%
from course_lib.lesson import start_lesson

lesson = start_lesson("C3 - Comparing to human-level performance", seed=1, tensorflow=False)
budget = lesson.budget

# %%
import matplotlib.pyplot as plt
import numpy as np
from IPython.display import display

from course_lib.c3_structuring_ml import human_level as hl
from course_lib.c3_structuring_ml import label_noise as ln
from course_lib.c3_structuring_ml.human_level_checks import check_avoidable_bias_and_variance
from course_lib.tables import Table

# %% [markdown]
# ## 1. Bayes error: a floor that no model can go below
#
# For most tasks some examples are simply ambiguous: a blurry photo, a noisy recording, a
# scan that two radiologists read differently. The **Bayes (optimal) error** is the error
# of the best possible function from $x$ to $y$, the one that knows the true
# $P(y \mid x)$ and always picks the more likely label. Nothing trained on data can beat it,
# however big the network or the data set.
#
# In a real project nobody knows the Bayes error. Here we build a task where we do:
#
# - draw points $x \in [-1.5, 1.5]^2$ uniformly;
# - label them with a fixed rule, $y = 1$ above the curve $x_2 = 0.5 \sin(2.5\, x_1)$;
# - flip every label, independently of $x$, with probability $p = 5\,\%$.
#
# Whatever a classifier $h$ answers at $x$, the label disagrees with the rule with
# probability $p$, so $h$ is wrong with probability $p$ where it agrees with the rule and
# $1 - p$ where it does not. The best choice is the rule itself, and
#
# $$\text{Bayes error} = \min(p,\ 1 - p) = p = 5\,\%.$$

# %%
FLIP_PROB = 0.05
BAYES = ln.bayes_error_of_flips(FLIP_PROB)
X_pool, Y_pool, _ = ln.noisy_sine_data(4096, FLIP_PROB, seed=0)
X_dev, Y_dev, Y_dev_clean = ln.noisy_sine_data(10_000, FLIP_PROB, seed=1)
rule_dev_error = float(np.mean(Y_dev_clean != Y_dev))  # the Bayes classifier on this dev set
print(f"Bayes error: exactly {100 * BAYES:.1f} % in expectation")
print(
    f"the rule itself (the Bayes classifier) on the 10,000 dev examples: {100 * rule_dev_error:.2f} %"
)
assert abs(rule_dev_error - BAYES) < 0.01  # a finite sample lands close to p

# %%
fig, ax = plt.subplots(figsize=(6.5, 4.6))
show = 600
Xs, Ys = X_pool[:, :show], Y_pool[0, :show]
flipped = ln.sine_rule(Xs)[0] != Ys
ax.scatter(*Xs[:, ~flipped], c=Ys[~flipped], cmap="coolwarm", s=12, edgecolors="k", lw=0.3)
ax.scatter(
    *Xs[:, flipped],
    c=Ys[flipped],
    cmap="coolwarm",
    vmin=0,
    vmax=1,
    s=60,
    marker="X",
    edgecolors="k",
    lw=0.6,
    label=f"flipped labels ({flipped.sum()} of {show})",
)
grid = np.linspace(-1.5, 1.5, 300)
ax.plot(grid, 0.5 * np.sin(2.5 * grid), "k-", lw=2, label="the rule: the Bayes classifier")
ax.set(xlabel="$x_1$", ylabel="$x_2$", xlim=(-1.5, 1.5), ylim=(-1.5, 1.5))
ax.set_title(
    f"Labels y = 1 (red) and y = 0 (blue); {100 * FLIP_PROB:.0f} % flipped at random.\n"
    f"Even the perfect boundary is wrong on the flipped ones: Bayes error = {100 * BAYES:.0f} %",
    fontsize=10,
)
ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=2, fontsize=8)
plt.show()

# %% [markdown]
# The crosses sit on the "wrong" side on purpose. A model that classified them correctly
# would have memorised noise; on new data it would do worse, not better.
#
# ## 2. Progress relative to human level
#
# To compare with people we need people. Our simulated labellers know the rule but see
# each point slightly out of place, by a random offset with standard deviation $\sigma$
# (a careful labeller has a small $\sigma$); a *team* of three takes a majority vote.
# Their errors on the same dev set:

# %%
human_errors = hl.ladder_errors(X_dev, Y_dev)
Table(
    ["labeller", "perception noise sigma", "voters", "dev error"],
    [
        [name, sigma, voters, f"{100 * human_errors[name]:.1f} %"]
        for name, (sigma, voters) in hl.SIMULATED_LADDER.items()
    ],
    title=f"Simulated humans on the dev set (Bayes error {100 * BAYES:.0f} %)",
)

# %%
HUMAN_NAME, HUMAN = hl.bayes_proxy(human_errors)
print(f"best human: {HUMAN_NAME}, {100 * HUMAN:.1f} %  -> human-level error")
assert HUMAN_NAME == "team of 3 experts"
assert min(human_errors.values()) > rule_dev_error  # every person is above the Bayes floor

# %% [markdown]
# Now a real network, $[2, 16, 16, 1]$ trained by gradient descent for a fixed budget, on
# $m$ examples drawn from the pool, for growing $m$ (each point is the mean of two draws:
# each time the pool is shuffled and the network initialised with a new seed):

# %%
SIZES = budget.pick(
    ci=[8, 16, 32, 64, 128, 256, 512, 1024],
    full=[8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096],
)
curve = hl.learning_curve(
    X_pool,
    Y_pool,
    X_dev,
    Y_dev,
    SIZES,
    hidden_layers=(16, 16),
    num_iterations=1000,
    learning_rate=1.0,
    repeats=2,
)
for m, tr, dv in zip(curve["sizes"], curve["train_error"], curve["dev_error"]):
    print(f"m = {m:5d}: train error {100 * tr:5.1f} %, dev error {100 * dv:5.1f} %")

# %%
fig, ax = plt.subplots(figsize=(8.5, 4.6))
hl.plot_progress(ax, curve, HUMAN, BAYES, human_label=f"human level: {HUMAN_NAME}")
ax.set_title(
    "Dev accuracy climbs quickly up to human level, then creeps towards the Bayes limit",
    fontsize=10,
)
plt.show()

dev, train_curve, sizes = curve["dev_error"], curve["train_error"], list(curve["sizes"])
at_256 = sizes.index(256)
bought = (dev[0] - dev[at_256]) / (dev[0] - dev.min())
passed = next(m for m, e in zip(sizes, dev) if e < HUMAN)
print(
    f"the first 256 examples buy {bought:.0%} of the whole drop in dev error;\n"
    f"the curve passes the human team at m = {passed}"
)
assert bought > 0.75  # most of the accuracy comes from the first few hundred examples
assert train_curve[0] < BAYES  # a tiny training set is fitted better than the Bayes limit
assert dev[0] > HUMAN + 0.05  # a handful of examples: far below human level
assert dev[-1] < HUMAN  # enough data: better than the best human team
assert dev[-1] - BAYES < 0.025  # within a couple of points of the floor ...
assert dev.min() > rule_dev_error - 0.005  # ... and never meaningfully below it

# %% [markdown]
# The first few hundred examples buy most of the accuracy; after the curve passes the
# human team it flattens, and the last point above the Bayes limit is expensive. Notice
# the training accuracy at small $m$: *above* the Bayes limit. That is no miracle: a big
# network memorises the flipped labels of a tiny training set, which is variance, and the
# dev accuracy pays for it.
#
# Two reasons make progress slow down after human level. First, for many tasks human
# level is already close to the Bayes error, so little room is left. Second, the tools of
# the next section stop working.
#
# ## 3. While you are below human level
#
# As long as people do better than the model, you can borrow from them:
#
# - **get labels from humans**: people label more data, and their labels are better than
#   the model's guesses;
# - **manual error analysis**: look at the examples the model gets wrong, and ask why a
#   person gets them right (lesson 4 turns this into a procedure);
# - **a better bias/variance analysis**: human-level error stands in for the unknown
#   Bayes error, which is what tells "avoidable" bias apart (next section).
#
# Once the model beats people, a person's label is no longer better than the model's
# answer, looking at errors tells you less (people got them wrong too), and the Bayes proxy
# is gone (section 6).
#
# ## 4. Avoidable bias and variance
#
# With human level $h$ as the proxy for the Bayes error, two gaps tell you what to do:
#
# $$\text{avoidable bias} = \text{train error} - h, \qquad
#   \text{variance} = \text{dev error} - \text{train error}.$$
#
# Work on the larger one. The lecture's two cases have the same training and dev errors
# but different human levels:
#
# | human | train | dev | avoidable bias | variance | work on |
# |---|---|---|---|---|---|
# | 1 % | 8 % | 10 % | 7 points | 2 points | bias: fit the training set better |
# | 7.5 % | 8 % | 10 % | 0.5 points | 2 points | variance: generalise better |
#
# **A common mistake** is to call the training error itself "the bias", or the dev error
# "the variance". Bias is measured *against human level*: an 8 % training error is
# terrible when people reach 1 % and nearly perfect when they reach 7.5 %. The variance is
# the *gap* between dev and training error, not the dev error.
#
# One more case needs care. When the training error is below human level, the Bayes
# error lies somewhere between 0 and $h$, so the true avoidable bias is somewhere between
# 0 and the training error. Only a variance larger than the whole training error then
# still settles the question; otherwise the honest answer is "unclear".
#
# ### Your turn: `avoidable_bias_and_variance`
#
# Write `avoidable_bias_and_variance(human_error, train_error, dev_error)` (fractions:
# 0.08 for 8 %). Return a dict `{"avoidable_bias": ..., "variance": ..., "focus": ...}`
# where `avoidable_bias = train_error - human_error` (negative when the model is better
# than people) and `variance = dev_error - train_error`, and `focus` is
#
# - `hl.FOCUS_UNCLEAR` if `train_error < human_error`, unless `variance > train_error`,
#   in which case it is `hl.FOCUS_VARIANCE`;
# - otherwise `hl.FOCUS_BIAS` if `avoidable_bias >= variance` (a tie goes to the bias:
#   fit the training set first), else `hl.FOCUS_VARIANCE`.


# %%
def avoidable_bias_and_variance(human_error, train_error, dev_error):
    """Return {"avoidable_bias", "variance", "focus"} for three error rates."""
    # avoidable bias = train - human; variance = dev - train; below human level: see above
    raise NotImplementedError


check_avoidable_bias_and_variance(avoidable_bias_and_variance)

# %% [markdown]
# The reference implementation, on the lecture's numbers:

# %%
example_1 = hl.avoidable_bias_and_variance(0.01, 0.08, 0.10)
example_2 = hl.avoidable_bias_and_variance(0.075, 0.08, 0.10)
for name, r in (("human 1 %", example_1), ("human 7.5 %", example_2)):
    print(
        f"{name:12s} avoidable bias {100 * r['avoidable_bias']:.1f} points, "
        f"variance {100 * r['variance']:.1f} points -> work on {r['focus']}"
    )
assert example_1["focus"] == hl.FOCUS_BIAS and example_2["focus"] == hl.FOCUS_VARIANCE

# %% [markdown]
# Now with **real models** on our task, with the human team's error as human level. Two
# starting points:
#
# - **A**: logistic regression trained on 2,048 examples (a straight line for a wavy
#   boundary);
# - **B**: a network $[2, 64, 64, 1]$ trained long on only 50 examples.
#
# The calculator reads each one's errors; then we try the remedy it points to *and* the
# one it does not, and measure both.

# %%
m_small = 50
A = hl.train_and_measure(X_pool[:, :2048], Y_pool[:, :2048], X_dev, Y_dev, (), 300, 1.0)
B = hl.train_and_measure(
    X_pool[:, :m_small], Y_pool[:, :m_small], X_dev, Y_dev, (64, 64), 2000, 0.5
)
calc_A = hl.avoidable_bias_and_variance(HUMAN, A["train_error"], A["dev_error"])
calc_B = hl.avoidable_bias_and_variance(HUMAN, B["train_error"], B["dev_error"])
for name, fit, calc in (("A", A, calc_A), ("B", B, calc_B)):
    print(
        f"{name}: train {100 * fit['train_error']:.1f} %, dev {100 * fit['dev_error']:.1f} % "
        f"(human {100 * HUMAN:.1f} %):\n   avoidable bias {100 * calc['avoidable_bias']:+.1f}, "
        f"variance {100 * calc['variance']:+.1f} -> work on {calc['focus']}"
    )
assert calc_A["focus"] == hl.FOCUS_BIAS and calc_B["focus"] == hl.FOCUS_VARIANCE


# %%
def retrain(m, hidden, iterations, learning_rate, lambd=0.0):
    """Train on the first m pool examples and measure (the same dev set every time)."""
    return hl.train_and_measure(
        X_pool[:, :m], Y_pool[:, :m], X_dev, Y_dev, hidden, iterations, learning_rate, lambd=lambd
    )


start = {"A": A, "B": B}
remedies = {  # (remedy, does the calculator point to it?, the retrained model)
    "A": [
        ("bigger network [2, 16, 16, 1]", True, retrain(2048, (16, 16), 1000, 1.0)),
        ("2x more data, same model", False, retrain(4096, (), 300, 1.0)),
    ],
    "B": [
        ("10x more data", True, retrain(10 * m_small, (64, 64), 2000, 0.5)),
        ("L2 regularisation, lambda = 1", True, retrain(m_small, (64, 64), 2000, 0.5, 1.0)),
        ("bigger network [2, 128, 128, 1]", False, retrain(m_small, (128, 128), 2000, 0.5)),
    ],
}
gain = {
    model: {name: start[model]["dev_error"] - fit["dev_error"] for name, _, fit in tries}
    for model, tries in remedies.items()
}
rows = []
for model, tries in remedies.items():
    fit = start[model]
    rows.append(
        [
            model,
            "as trained",
            "",
            f"{100 * fit['train_error']:.1f} %",
            f"{100 * fit['dev_error']:.1f} %",
            "",
        ]
    )
    for name, advised, fit in tries:
        rows.append(
            [
                "",
                name,
                "yes" if advised else "no",
                f"{100 * fit['train_error']:.1f} %",
                f"{100 * fit['dev_error']:.1f} %",
                f"{100 * gain[model][name]:+.1f} points",
            ]
        )
Table(
    ["model", "remedy", "advised?", "train error", "dev error", "dev gain"],
    rows,
    title=f"Following the calculator (human level {100 * HUMAN:.1f} %, Bayes {100 * BAYES:.0f} %)",
)

# %%
fig, axes = plt.subplots(1, 2, figsize=(9.6, 4), sharey=True)
titles = {
    "A": "A: logistic regression, 2,048 examples (bias)",
    "B": f"B: [2, 64, 64, 1] on {m_small} examples (variance)",
}
top = 100 * max(f["dev_error"] for tries in remedies.values() for *_, f in tries) * 1.35
for ax, model in zip(axes, ("A", "B")):
    labels = ["as trained"] + [
        name.replace(" [", "\n[") if "[" in name else name.replace(", ", ",\n")
        for name, _, _ in remedies[model]
    ]
    values = [100 * start[model]["dev_error"]] + [100 * f["dev_error"] for *_, f in remedies[model]]
    colours = ["0.6"] + ["C2" if advised else "C3" for _, advised, _ in remedies[model]]
    bars = ax.bar(range(len(values)), values, color=colours, width=0.6)
    for bar, v in zip(bars, values):
        ax.text(bar.get_x() + bar.get_width() / 2, v + 0.3, f"{v:.1f} %", ha="center", fontsize=8)
    ax.axhline(100 * HUMAN, color="C2", ls="-.", lw=1, label="human level")
    ax.axhline(100 * BAYES, color="k", ls="--", lw=1, label="Bayes error")
    ax.set_xticks(range(len(values)), labels, fontsize=8)
    ax.set_ylim(0, top)
    ax.set_title(titles[model], fontsize=10)
    ax.legend(fontsize=8, loc="upper center", ncol=2)
axes[0].set_ylabel("dev error (%)")
fig.suptitle(
    "Green: a remedy the calculator points to. Red: a remedy of the other kind.", fontsize=10
)
fig.tight_layout()
plt.show()

advised_A, other_A = (
    gain["A"]["bigger network [2, 16, 16, 1]"],
    gain["A"]["2x more data, same model"],
)
advised_B, other_B = gain["B"]["10x more data"], gain["B"]["bigger network [2, 128, 128, 1]"]
assert advised_A > 0.03 and advised_A > other_A + 0.03  # bias: a bigger model, not data
assert advised_B > 0.03 and advised_B > other_B + 0.03  # variance: data, not a bigger model
assert gain["B"]["L2 regularisation, lambda = 1"] > other_B  # L2 helps B too
assert abs(other_A) < 0.01 and other_B < 0.01  # the wrong kind of remedy gains (almost) nothing
assert all(
    gain[model][name] > 0.02 for model, tries in remedies.items() for name, ok, _ in tries if ok
)

# %% [markdown]
# The advice is worth following: the high-bias line gains nothing from more data of the
# same kind, the over-fitting network gains nothing from more capacity, and every remedy of
# the right kind lowers the dev error by points (the last column of the table).
#
# ## 5. Defining human-level error
#
# "Human-level error" is not one number. The lecture's medical-imaging example:
#
# | who | error |
# |---|---|
# | a typical human | 3 % |
# | a typical doctor | 1 % |
# | an experienced doctor | 0.7 % |
# | a team of experienced doctors | 0.5 % |
#
# Which one to use depends on the purpose. As a **proxy for the Bayes error** take the
# best: a team reaches 0.5 %, so the Bayes error can be no higher, $\text{Bayes} \le
# 0.5\,\%$. (A paper or a product may compare with the typical doctor instead: beating
# that is already useful in practice. That is a different question.)

# %%
best_name, best = hl.bayes_proxy(hl.LECTURE_LADDER)
print(f"Bayes proxy: {best_name} ({100 * best:.1f} %) -> Bayes error <= {100 * best:.1f} %")
# Our simulated world, where the Bayes error is known, shows why the best rung is the one
# to take: every rung is an upper bound on the Bayes error, and the best is the tightest.
bounds = {name: e - rule_dev_error for name, e in human_errors.items()}
print(
    "simulated rungs minus the Bayes error on this dev set:\n  "
    + ", ".join(f"{name} {100 * b:+.1f}" for name, b in bounds.items())
)
assert all(b > 0 for b in bounds.values())
assert min(bounds, key=bounds.get) == HUMAN_NAME == hl.bayes_proxy(human_errors)[0]

# %% [markdown]
# For a model far from human level the choice hardly matters; close to it, it decides the
# diagnosis. Three models, each read against every rung of the ladder:

# %%
for train, dev in ((0.05, 0.06), (0.01, 0.05), (0.007, 0.008)):
    display(hl.reference_table(hl.LECTURE_LADDER, train, dev))

close = {
    name: hl.avoidable_bias_and_variance(h, 0.007, 0.008)["focus"]
    for name, h in hl.LECTURE_LADDER.items()
}
far = {hl.avoidable_bias_and_variance(h, 0.05, 0.06)["focus"] for h in hl.LECTURE_LADDER.values()}
assert far == {hl.FOCUS_BIAS}  # 5 % / 6 %: bias whatever the reference
assert close["team of experienced doctors"] == hl.FOCUS_BIAS  # 0.2 points of bias > 0.1
assert close["typical doctor"] == hl.FOCUS_UNCLEAR  # the model already beats this reference

# %% [markdown]
# At 0.7 % / 0.8 %, against the team (0.5 %) there are 0.2 points of avoidable bias and
# 0.1 of variance: work on the fit. Against a typical doctor the model already looks
# "better than human", and the analysis stalls. Pick the reference that matches the
# question.
#
# Try it: choose the reference in the drop-down and move the two error sliders. The bar
# splits the dev error into human level + avoidable bias + variance.

# %%
from course_lib.c3_structuring_ml.human_level_dashboard import reference_dashboard

references = reference_dashboard(train_error=0.007, dev_error=0.008)
references

# %%
# The check drives its own (undisplayed) copy, so the dashboard above keeps your settings.
probe = reference_dashboard(train_error=0.007, dev_error=0.008)
assert probe.result["focus"] == hl.FOCUS_BIAS  # against the team, as in the table
probe.controls["reference"].value = "typical doctor"
assert probe.result["focus"] == hl.FOCUS_UNCLEAR
probe.controls["train_error"].value = 0.05
probe.controls["dev_error"].value = 0.06
assert probe.result["focus"] == hl.FOCUS_BIAS

# %% [markdown]
# ## 6. Surpassing human-level performance
#
# Go back to section 2: with the most data, our network beat the best simulated team.
# What does the calculator say now?

# %%
train_big, dev_big = float(curve["train_error"][-1]), float(curve["dev_error"][-1])
beyond = hl.avoidable_bias_and_variance(HUMAN, train_big, dev_big)
print(
    f"m = {curve['sizes'][-1]}: train {100 * train_big:.1f} %, dev {100 * dev_big:.1f} %, "
    f"human {100 * HUMAN:.1f} % -> {beyond['focus']}"
)
true_bias, true_variance = train_big - BAYES, dev_big - train_big
print(
    f"with the TRUE Bayes error {100 * BAYES:.0f} % (known only because we made the data):\n"
    f"  avoidable bias {100 * true_bias:+.1f}, variance {100 * true_variance:+.1f} points"
)
assert train_big < HUMAN and beyond["focus"] == hl.FOCUS_UNCLEAR
assert beyond["avoidable_bias"] < 0  # against the team, a meaningless negative "bias"
assert true_variance > true_bias  # the truth: the remaining gap is mostly variance

# %% [markdown]
# Against human level the avoidable bias comes out negative, which is meaningless: the
# Bayes error is lower than the team's error, by an amount nobody knows in a real
# project. We can look it up only because we flipped the labels ourselves, and the truth
# is that what is left is mostly variance, a gap that a real project could not have
# measured this way. Once a model passes the best human, you lose the clean split into
# bias and variance, and the tools of section 3, so progress gets slower.
#
# Where has machine learning clearly passed people? Mostly on **structured data** with
# enormous amounts of it: online advertising (which ad gets a click), product
# recommendations, logistics (how long a delivery or a drive will take), loan approval.
# These are not natural perception tasks, and a model sees far more examples than any
# person could. Passing humans on **natural perception** (vision, speech, language) is
# harder, because people are very good at it; it has happened for some speech recognition,
# some image recognition and some medical tasks (reading ECGs or skin-cancer images,
# some radiology).
#
# ## 7. The two fundamental assumptions, and the recipe
#
# Supervised learning works when two things hold:
#
# 1. you can fit the training set well: the **avoidable bias** is small;
# 2. the training performance carries over to the dev/test set: the **variance** is small.
#
# Each has its own set of remedies:

# %%
_ = hl.plot_decision_flow()
plt.show()

# %% [markdown]
# Both "retrain" arrows go back to question 1. A variance remedy can bring the bias back:
# in section 4, L2 regularisation on model B raised its training error above human level.

# %%
l2_B = remedies["B"][1][2]  # ("L2 regularisation, lambda = 1", advised, the retrained model)
print(
    f"B: train {100 * B['train_error']:.1f} % -> {100 * l2_B['train_error']:.1f} % with L2 "
    f"(human {100 * HUMAN:.1f} %)"
)
assert l2_B["train_error"] > HUMAN > B["train_error"]

# %% [markdown]
# `hl.improvement_recipe(human, train, dev)` returns the remedies in order, the larger gap
# first. For the two models of section 4 and the big model of section 6:

# %%
for name, (train, dev) in {
    "A (logistic regression)": (A["train_error"], A["dev_error"]),
    f"B ([2, 64, 64, 1] on {m_small} examples)": (B["train_error"], B["dev_error"]),
    "the big model beyond human level": (train_big, dev_big),
}.items():
    print(name)
    for step in hl.improvement_recipe(HUMAN, train, dev):
        print("   -", step)

recipe_A = hl.improvement_recipe(HUMAN, A["train_error"], A["dev_error"])
recipe_B = hl.improvement_recipe(HUMAN, B["train_error"], B["dev_error"])
assert recipe_A[0].startswith("avoidable bias: train a bigger model")
assert recipe_B[0].startswith("variance: get more training data")
assert hl.improvement_recipe(HUMAN, train_big, dev_big)[0].startswith("surpassed human level")

# %% [markdown]
# ## 8. Summary
#
# - The Bayes error is the lowest error any function can reach; no model goes below it
#   (we checked on data whose noise we set to exactly 5 %).
# - Progress is fast up to human level and slow after it: little room is left, and the
#   tools that lean on people (their labels, their insight, human level as a Bayes proxy)
#   stop working.
# - Avoidable bias = train error - human-level error; variance = dev error - train error.
#   Work on the larger gap: a bigger model or better optimisation for bias, more data or
#   regularisation for variance.
# - As a Bayes proxy use the best human performance you can find (the team of
#   experienced doctors: Bayes $\le$ 0.5 %); near human level the choice decides the
#   diagnosis.
# - Once the training error is below human level, the avoidable bias can no longer be
#   measured. Models pass people most easily on structured data with lots of examples.
#
# Next: lesson 4, error analysis: what exactly is the model getting wrong?
