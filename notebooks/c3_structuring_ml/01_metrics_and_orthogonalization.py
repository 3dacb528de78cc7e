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
# # ML strategy: orthogonal knobs and one number to aim at
#
# *Course 3 (Structuring Machine Learning Projects), week 1. Curriculum items C3.01-C3.08.*
#
# A team with a model that is "not good enough yet" has more ideas than time. This lesson
# gives two tools for choosing among them, and tries both on real trained models:
#
# 1. why a project needs a strategy at all: the list of ideas is long, each costs days;
# 2. **orthogonalisation**: a chain of four goals, each with its own knobs, so that you know
#    which knob to turn for which symptom;
# 3. why **early stopping** is a less orthogonal knob, measured on a real training run;
# 4. a **single-number evaluation metric**: precision, recall and their harmonic mean F1
#    (you write `precision_recall_f1`);
# 5. the **decision threshold**, which slides a trained classifier along its
#    precision/recall curve (dashboard);
# 6. **averaging** per-market errors into one number;
# 7. **optimising vs satisficing** metrics: the most accurate model that is fast enough,
#    chosen from a zoo of trained networks by a time budget (dashboard).
#
# Code: `course_lib/c3_structuring_ml/metrics.py` (functions), `metrics_dashboard.py`
# (widgets), `metrics_checks.py` (the exercise check), `models.py` (the small NumPy networks).

# %%
from course_lib.lesson import start_lesson

lesson = start_lesson("C3 - Metrics and orthogonalisation", seed=1, tensorflow=False)
budget = lesson.budget

# %%
import matplotlib.pyplot as plt
import numpy as np

from course_lib.c2_improving_dnns.diagnosis import noisy_moons
from course_lib.c3_structuring_ml import metrics as mt
from course_lib.c3_structuring_ml import models
from course_lib.c3_structuring_ml.metrics_checks import check_precision_recall_f1
from course_lib.tables import Table

ZOO_ITERATIONS = budget.pick(ci=800, full=1500)
EARLY_STOPPING_ITERATIONS = budget.pick(ci=2000, full=4000)

# %% [markdown]
# ## 1. Why ML strategy
#
# Suppose a cat classifier reaches 90 % accuracy and that is not enough for the product.
# The list of things one *could* try is long, and each item can cost days or weeks:

# %%
Table(["idea", "mainly works on"], mt.STRATEGY_IDEAS, title="Candidate ideas (from the lecture)")

# %% [markdown]
# Trying them in turn, or by gut feeling, can waste months on an idea that could never have
# helped (collecting more data for a model that cannot even fit its training set). The
# point of this course is to read a few *measured* numbers and let them say which ideas
# are worth trying. Two such habits come first: tune one thing at a time
# (orthogonalisation), and decide in advance on the single number you are trying to move
# (the evaluation metric).
#
# ## 2. Orthogonalisation: one set of knobs per goal
#
# An old television set had one knob for the picture's height, one for its width, one for
# its horizontal position: each knob moved one property only, so adjusting the picture was
# easy. A knob that moved height *and* position at once would have been a torment. A car is
# designed the same way: steering sets the direction, throttle and brake set the speed.
# Two controls, two nearly independent ("orthogonal") effects.
#
# A supervised learning system has to meet four goals, in this order, each assuming the
# previous one:
#
# 1. fit the **training set** well (for many tasks: close to human-level error);
# 2. then fit the **dev set** well;
# 3. then fit the **test set** well;
# 4. then perform well **in the real world** (happy users).
#
# Each goal has its own knobs, and the diagnosis says which goal is failing:

# %%
_ = mt.plot_orthogonalization()
plt.show()
Table(
    ["goal", "symptom", "knobs to turn"],
    [[k["goal"], k["symptom"], k["knobs"]] for k in mt.ORTHOGONAL_KNOBS],
    title="Which knob for which symptom",
)

# %% [markdown]
# Read it as a decision list. If the training error is far above human level, regularising
# or collecting more data cannot help yet: make the network bigger or optimise better. If
# training is fine but the dev error is much higher, the model over-fits: regularise, or
# get more training data. If the dev error is good but the test error is not, the many
# choices made while looking at the dev set have tuned the model to its particular
# examples: get a bigger dev set. If test is good but users are unhappy, the dev/test set
# or the metric does not measure what the application needs: change them (lesson 2).
#
# ## 3. Early stopping: a knob that turns two dials
#
# Early stopping watches the dev error during training and keeps the parameters from the
# iteration where it was lowest. It often works, but it is a *less orthogonal* knob: by
# stopping early you deliberately fit the training set *less* well (goal 1) in order to
# fit the dev set *better* (goal 2). One knob moves two goals at once, which makes the
# other knobs harder to reason about. With separate knobs you would optimise the cost
# fully (goal 1) and then regularise, e.g. with L2, to close the gap (goal 2).
#
# Here is a real run: a large network $[2, 50, 50, 1]$ trained on only 80 noisy examples,
# with the training and dev errors measured every 25 iterations.

# %%
X_small, Y_small = noisy_moons(80, noise=0.3, seed=0)
X_small_dev, Y_small_dev = noisy_moons(1000, noise=0.3, seed=1)
_, history = mt.train_with_history(
    X_small,
    Y_small,
    X_small_dev,
    Y_small_dev,
    hidden_layers=(50, 50),
    num_iterations=EARLY_STOPPING_ITERATIONS,
    record_every=25,
)
stop = mt.early_stopping_point(history)

_ = mt.plot_early_stopping(history, title="[2, 50, 50, 1] on 80 examples")
plt.show()

print(
    f"stop at {stop['iteration']}: train {100 * stop['train_error']:.1f} %, "
    f"dev {100 * stop['dev_error']:.1f} %"
)
print(
    f"train to {stop['final_iteration']}: train {100 * stop['final_train_error']:.1f} %, "
    f"dev {100 * stop['final_dev_error']:.1f} %"
)
# The one knob moved both goals: the dev error fell, and the training error rose.
assert stop["iteration"] < stop["final_iteration"]
assert stop["dev_error"] < stop["final_dev_error"] - 0.02
assert stop["train_error"] > stop["final_train_error"] + 0.02

# %% [markdown]
# Stopping early bought a lower dev error, paid for with a worse fit of the training
# set. That is not wrong, but a knob that trades two goals against each other is harder to
# use than two knobs that act on one goal each.
#
# ## 4. A single-number evaluation metric: precision, recall, F1
#
# Progress is fastest when each experiment ends with **one number** on the dev set that
# says whether the idea helped. For a classifier, two natural numbers are:
#
# - **precision** $P = \dfrac{TP}{TP + FP}$: of the examples the classifier *called* cats,
#   the share that really are cats;
# - **recall** $R = \dfrac{TP}{TP + FN}$: of the *actual* cats, the share the classifier
#   found.
#
# ($TP$: true positives, predicted 1 and truly 1; $FP$: false positives, predicted 1 but
# truly 0; $FN$: false negatives, predicted 0 but truly 1.) Two numbers make a poor guide:
# in the lecture, classifier A has $P = 95\%$, $R = 90\%$ and classifier B has
# $P = 98\%$, $R = 85\%$. Which is better? The **F1 score** combines them into their
# harmonic mean,
#
# $$F_1 = \frac{2}{\frac{1}{P} + \frac{1}{R}} = \frac{2PR}{P + R},$$
#
# which is high only when *both* are high:

# %%
f1_A, f1_B = mt.f1_score(0.95, 0.90), mt.f1_score(0.98, 0.85)
print(f"classifier A: F1 = {100 * f1_A:.2f} %   classifier B: F1 = {100 * f1_B:.2f} %")
assert f1_A > f1_B  # A wins on the single number

# %% [markdown]
# Why the harmonic mean rather than $(P + R)/2$? A classifier that calls *every* image a
# cat finds all cats ($R = 1$) with a precision equal to the share of cats. The arithmetic
# mean rewards that useless classifier; F1 does not.
#
# ### The data and the models
#
# For the rest of the lesson, a 2-D stand-in for the cat app: each point is an "image",
# $y = 1$ means "cat" (30 % of the images), and the images come from four markets (US,
# China, India, Other) whose data are increasingly noisy. We train a **zoo** of six
# classifiers on 600 training images, from logistic regression to a $[2, 32, 32, 1]$
# network, and evaluate them on 2,000 dev images.

# %%
X_train, Y_train, market_train = mt.market_data(600, seed=0)
X_dev, Y_dev, market_dev = mt.market_data(2000, seed=1)
ARCHITECTURES = [(), (2,), (4,), (8,), (16, 16), (32, 32)]
zoo = mt.train_zoo(X_train, Y_train, ARCHITECTURES, num_iterations=ZOO_ITERATIONS)
print(f"train {X_train.shape}, dev {X_dev.shape}; share of cats in dev: {Y_dev.mean():.0%}")

everything_positive = np.ones_like(Y_dev)
P_all, R_all, F1_all = mt.precision_recall_f1(everything_positive, Y_dev)
print(
    f"'everything is a cat': P = {P_all:.0%}, R = {R_all:.0%}, "
    f"(P + R)/2 = {(P_all + R_all) / 2:.0%}, F1 = {F1_all:.0%}"
)
assert F1_all < (P_all + R_all) / 2 - 0.15  # the harmonic mean exposes the useless classifier

# %% [markdown]
# ### Your turn: `precision_recall_f1`
#
# Write `precision_recall_f1(Y_hat, Y)`. `Y_hat` and `Y` are arrays of shape $(1, m)$ with
# entries 0 or 1. Count $TP$, $FP$ and $FN$ (e.g. `np.sum((Y_hat == 1) & (Y == 1))`) and
# return the tuple `(precision, recall, f1)` of three floats. Guard the empty cases: when
# nothing is predicted positive ($TP + FP = 0$) the precision is 0.0; when there are no
# positives ($TP + FN = 0$) the recall is 0.0; when $P + R = 0$, F1 is 0.0.


# %%
def precision_recall_f1(Y_hat, Y):
    """Return (precision, recall, f1) of 0/1 predictions Y_hat against labels Y, both (1, m)."""
    # TP = predicted 1 and truly 1; FP = predicted 1, truly 0; FN = predicted 0, truly 1
    raise NotImplementedError


check_precision_recall_f1(precision_recall_f1)

# %% [markdown]
# The zoo, measured on the dev set with the reference `mt.precision_recall_f1`. Two numbers
# per model rarely agree on a ranking: the line under the table names the model with the
# highest precision and the one with the highest recall, and F1 settles it.

# %%
for model in zoo:
    Y_hat = models.predict(X_dev, model["parameters"])
    model["precision"], model["recall"], model["f1"] = mt.precision_recall_f1(Y_hat, Y_dev)
    model["dev_accuracy"] = 1.0 - models.error_rate(X_dev, Y_dev, model["parameters"])

Table(
    ["model", "precision", "recall", "F1", "dev accuracy"],
    [
        [
            m["name"],
            f"{m['precision']:.1%}",
            f"{m['recall']:.1%}",
            f"{m['f1']:.1%}",
            f"{m['dev_accuracy']:.1%}",
        ]
        for m in zoo
    ],
    title="Six classifiers on the same 2,000 dev images",
)

# %%
best_f1 = max(zoo, key=lambda m: m["f1"])
best_P, best_R = max(zoo, key=lambda m: m["precision"]), max(zoo, key=lambda m: m["recall"])
print(
    f"highest precision: {best_P['name']} ({best_P['precision']:.1%})\n"
    f"highest recall:    {best_R['name']} ({best_R['recall']:.1%})\n"
    f"best F1:           {best_f1['name']} with {best_f1['f1']:.1%}"
)
assert all(m["f1"] <= (m["precision"] + m["recall"]) / 2 + 1e-12 for m in zoo)  # HM <= AM
assert best_f1["hidden_layers"] and best_f1["f1"] > zoo[0]["f1"] + 0.05  # a network wins

# %% [markdown]
# ## 5. The decision threshold moves a classifier along its precision/recall curve
#
# A classifier outputs $\hat y = P(y = 1 \mid x)$ and predicts "cat" when $\hat y > t$.
# The threshold $t$ is usually 0.5, but it is a choice:
#
# - **raising** $t$ makes the classifier more cautious: fewer images are called cats, so
#   fewer false positives (precision goes up) but more missed cats (recall goes down);
# - **lowering** $t$ does the opposite.
#
# So one trained network is not one (P, R) point but a whole curve, and F1 is one way to
# pick a point on it. Below: the $[2, 16, 16, 1]$ network of the zoo, evaluated at every
# threshold.

# %%
net = next(m for m in zoo if m["hidden_layers"] == (16, 16))
proba_dev = models.predict_proba(X_dev, net["parameters"])
curve = mt.precision_recall_curve(proba_dev, Y_dev, thresholds=np.linspace(0.02, 0.98, 97))
best = int(np.argmax(curve["f1"]))

fig, ax = plt.subplots(figsize=(8.5, 4))
ax.plot(curve["threshold"], 100 * curve["precision"], label="precision P")
ax.plot(curve["threshold"], 100 * curve["recall"], label="recall R")
ax.plot(curve["threshold"], 100 * curve["f1"], label="F1", lw=2.2, color="k")
ax.axvline(curve["threshold"][best], color="k", ls=":", lw=1)
ax.annotate(
    f"best F1 {100 * curve['f1'][best]:.1f} % at t = {curve['threshold'][best]:.2f}",
    (curve["threshold"][best], 100 * curve["f1"][best]),
    xytext=(10, -45),
    textcoords="offset points",
    arrowprops={"arrowstyle": "->"},
    fontsize=9,
)
ax.set_xlabel("threshold t (predict cat when yhat > t)")
ax.set_ylabel("dev metric (%)")
ax.set_title(f"{net['name']}: the threshold trades precision for recall")
ax.legend(loc="lower left")
ax.grid(alpha=0.3)
plt.show()

low, high = mt.threshold_metrics(proba_dev, Y_dev, 0.1), mt.threshold_metrics(proba_dev, Y_dev, 0.9)
print(f"t = 0.1: P {low['precision']:.1%}, R {low['recall']:.1%}")
print(f"t = 0.9: P {high['precision']:.1%}, R {high['recall']:.1%}")
assert np.all(np.diff(curve["recall"]) <= 0)  # recall can only fall as t rises
assert high["precision"] > low["precision"] and high["recall"] < low["recall"]

# %% [markdown]
# Now drag the threshold yourself. Left: the dev images by outcome (green: cats found; purple
# squares: cats missed; red crosses: non-cats called cats; grey: non-cats rejected) with
# the boundary $\hat y = t$. Middle: the precision/recall curve with the current point and
# grey lines of equal F1. Right: the confusion counts. Watch the boundary retreat into the
# cat region as $t$ rises, turning red crosses grey and green dots purple.

# %%
from course_lib.c3_structuring_ml.metrics_dashboard import threshold_dashboard

threshold_dash = threshold_dashboard(X_dev, Y_dev, net["parameters"], name=net["name"])
threshold_dash

# %%
# The check drives its own (undisplayed) copy, so the dashboard above keeps your settings.
probe = threshold_dashboard(X_dev, Y_dev, net["parameters"], name=net["name"])
start = probe.result
probe.controls["threshold"].value = 0.9
assert probe.result["FP"] <= start["FP"] and probe.result["FN"] >= start["FN"]
assert probe.result["precision"] > start["precision"]
assert probe.result == mt.threshold_metrics(proba_dev, Y_dev, 0.9)  # the plotted numbers

# %% [markdown]
# ## 6. Averaging metrics over markets
#
# The app serves four markets and the team cares about all of them. Four error rates per
# model are four numbers again; averaging them gives back a single number to rank by.
# (The **average of the market errors** counts each market equally; the **pooled** error
# over all dev images counts each market by its number of images. Pick the one that says
# what you care about; here every market matters equally.)

# %%
names = [name for name, _, _ in mt.MARKETS]
rows = []
for m in zoo:
    Y_hat = models.predict(X_dev, m["parameters"])
    m["market_errors"] = mt.per_group_errors(Y_hat, Y_dev, market_dev, len(names))
    m["average_error"] = mt.group_average_error(Y_hat, Y_dev, market_dev, len(names))
    rows.append(
        [m["name"], *(f"{e:.1%}" for e in m["market_errors"])]
        + [f"{m['average_error']:.1%}", f"{1 - m['dev_accuracy']:.1%}"]
    )
Table(["model", *names, "average", "pooled"], rows, title="Dev error per market")

# %%
ranked = sorted(zoo, key=lambda m: m["average_error"])
print("ranking by the average, best first:")
print("\n".join(f"  {k}. {m['name']}" for k, m in enumerate(ranked, start=1)))
us, other = names.index("US"), names.index("Other")
assert all(m["market_errors"][us] < m["market_errors"][other] for m in zoo)  # noisier market
assert ranked[0]["hidden_layers"] and ranked[-1]["average_error"] > ranked[0]["average_error"]
assert abs(zoo[0]["average_error"] - (1 - zoo[0]["dev_accuracy"])) > 1e-4  # two different numbers

# %% [markdown]
# ## 7. Optimising and satisficing metrics
#
# Sometimes several things matter and no formula combines them sensibly: accuracy *and*
# running time, say. A weighted sum like "accuracy - 0.5 x time" is arbitrary. Instead:
#
# - choose **one optimising metric** to make as good as possible (dev accuracy);
# - make the others **satisficing metrics**, which only have to be good enough (prediction
#   time at most 1 ms); beyond the threshold, being faster earns nothing.
#
# With $N$ metrics: 1 optimising, $N - 1$ satisficing. (The lecture's wake-word example:
# maximise accuracy subject to at most one false wake-up per 24 hours.)
#
# To make "time" a number that does not depend on this machine's load, we count the
# **multiply-adds** of one prediction: layer $l$ multiplies $W^{[l]}$ of shape
# $(n^{[l]}, n^{[l-1]})$ by a column, $n^{[l]} n^{[l-1]}$ multiply-adds. We then assume a
# small device that does 100 multiply-adds per millisecond (100,000 per second; the order
# of magnitude of an 8-bit microcontroller doing floating point in software), so
# $\text{time} = \text{multiply-adds} / 100$ ms. For comparison, the table also shows the
# wall time of one prediction measured on this machine (one image at a time, as an app
# would ask). It is tiny, dominated by NumPy's fixed cost per call, and changes from run to
# run with the machine's load, which is why the choice below never uses it.

# %%
Table(
    ["model", "multiply-adds", "time on the device", "measured here", "dev accuracy"],
    [
        [
            m["name"],
            f"{m['multiply_adds']:,}",
            f"{m['time_ms']:.2f} ms",
            f"{1000 * mt.measured_prediction_ms(X_dev[:, :1], m['parameters']):.0f} us",
            f"{m['dev_accuracy']:.1%}",
        ]
        for m in zoo
    ],
    title="Cost of one prediction (deterministic) and dev accuracy",
)

# %%
for limit in (100.0, 1.0, 0.05):
    k = mt.select_model(zoo, "dev_accuracy", {"time_ms": limit})
    print(f"time <= {limit:6.2f} ms -> {zoo[k]['name']:32s} {zoo[k]['dev_accuracy']:.1%}")

loose = mt.select_model(zoo, "dev_accuracy", {"time_ms": 100.0})
tight = mt.select_model(zoo, "dev_accuracy", {"time_ms": 0.05})
assert loose == int(np.argmax([m["dev_accuracy"] for m in zoo]))  # everything fits in 100 ms
assert zoo[tight]["time_ms"] <= 0.05 and tight != loose
assert zoo[loose]["dev_accuracy"] > zoo[tight]["dev_accuracy"] + 0.03

# %% [markdown]
# A second satisficing metric fits the same rule: say the product also requires that at
# most 12 % of the cats are missed ($1 - R \le 0.12$).

# %%
for m in zoo:
    m["miss_rate"] = 1.0 - m["recall"]
k = mt.select_model(zoo, "dev_accuracy", {"time_ms": 1.0, "miss_rate": 0.12})
print("time <= 1 ms and miss rate <= 12 % ->", "nothing fits" if k is None else zoo[k]["name"])
both_fit = [i for i, m in enumerate(zoo) if m["time_ms"] <= 1.0 and m["miss_rate"] <= 0.12]
assert both_fit, "no model meets both satisficing metrics"  # a model fits in both run sizes
assert k == max(both_fit, key=lambda i: zoo[i]["dev_accuracy"])  # the most accurate of them
k_time = mt.select_model(zoo, "dev_accuracy", {"time_ms": 1.0})
too_blind = [i for i, m in enumerate(zoo) if m["time_ms"] <= 1.0 and m["miss_rate"] > 0.12]
assert too_blind  # the second metric does rule out fast models (those missing many cats)
assert zoo[k]["dev_accuracy"] <= zoo[k_time]["dev_accuracy"]  # an extra constraint never helps

# %% [markdown]
# Drag the time budget. The red area is over the budget; the green ring is the model the
# rule picks: the most accurate one left of the red line. Note how a cheaper model is
# never preferred just for being cheaper, once it is within the budget.

# %%
from course_lib.c3_structuring_ml.metrics_dashboard import budget_dashboard

budget_dash = budget_dashboard(zoo, budget_ms=1.0)
budget_dash

# %%
# Again an undisplayed copy; 10^-1.5 = 0.032 ms lies on the slider's grid of exponents.
from course_lib.c3_structuring_ml.metrics_dashboard import choose_within_budget  # noqa: E402

probe = budget_dashboard(zoo, budget_ms=1.0)
picked_at_1ms = probe.result["name"]
probe.controls["budget_ms"].value = 10**-1.5
assert probe.result == choose_within_budget(zoo, 10**-1.5)
assert probe.result["name"] != picked_at_1ms and probe.result["time_ms"] <= 10**-1.5
assert picked_at_1ms == zoo[mt.select_model(zoo, "dev_accuracy", {"time_ms": 1.0})]["name"]

# %% [markdown]
# ## 8. Summary
#
# - ML strategy: many ideas could improve a model; measured numbers say which are worth
#   the time.
# - Orthogonalisation: four goals in order (fit train ~ human level, fit dev, fit test,
#   work in the real world), each with its own knobs (bigger network / better optimiser;
#   regularisation / more data; bigger dev set; change the dev set or the metric).
# - Early stopping is a less orthogonal knob: it lowered the dev error by fitting the
#   training set worse, two goals moved by one knob.
# - One number on the dev set speeds up iteration. Precision $TP/(TP+FP)$ and recall
#   $TP/(TP+FN)$ combine into $F_1 = 2PR/(P+R)$; the threshold slides a classifier along its
#   precision/recall curve.
# - Several per-market (or per-class) errors average into one number.
# - With several metrics, optimise one and satisfice the rest: the most accurate model
#   within the time budget, with time counted deterministically in multiply-adds.
#
# Next: lesson 2, dev and test sets, how big they must be, and when to change the metric.
