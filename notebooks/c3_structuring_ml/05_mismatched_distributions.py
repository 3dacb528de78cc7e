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
# # Mismatched training and dev/test distributions
#
# *Course 3 (Structuring Machine Learning Projects), week 2. Curriculum items C3.24-C3.29.*
#
# Deep learning wants a lot of training data, and the easiest data to get in bulk is rarely
# the data the product will face. This lesson follows one project, a voice assistant for
# cars, through the whole story, with real trained networks at every step:
#
# 1. the two distributions: many clean **web** recordings, few recordings from the **app**,
#    made in cars, with engine rumble, and the best error anyone could reach on each;
# 2. how to **split** them: pool and shuffle (option 1) or keep the app data for dev and
#    test (option 2), and a measured demonstration of why option 1 aims at the wrong target;
# 3. the **training-dev set**: a slice of the training distribution that is not trained on;
# 4. the **five error levels** (human, train, train-dev, dev, test) and the four gaps
#    between them (you write `diagnose_gaps`);
# 5. the general **two-distribution table**;
# 6. a dashboard that moves the app distribution away from the web one and watches which
#    gap opens;
# 7. **addressing data mismatch**: error analysis of how train and dev differ, then making
#    the training data more like the dev data;
# 8. **artificial data synthesis** and its trap: a small noise pool reused many times is
#    learnt by heart (a plot and a dashboard for the pool size).
#
# Code: `course_lib/c3_structuring_ml/mismatch.py` (data, splits, gaps, tables),
# `synthesis.py` (the noise-pool experiments), `mismatch_dashboard.py` (widgets),
# `mismatch_checks.py` (the exercise check), `models.py` (the small NumPy networks).

# %%
from course_lib.lesson import start_lesson

lesson = start_lesson(
    "C3 - Mismatched training and dev/test distributions", seed=1, tensorflow=False
)
budget = lesson.budget

# %%
import matplotlib.pyplot as plt
import numpy as np

from course_lib.c3_structuring_ml import mismatch as mm
from course_lib.c3_structuring_ml import synthesis as syn
from course_lib.c3_structuring_ml.mismatch_checks import check_diagnose_gaps
from course_lib.tables import Table

SEED = 0
SHIFT = mm.DEFAULT_SHIFT  # the car-noise level of the app clips
M_WEB = budget.pick(ci=4000, full=8000)  # web clips for training (the lecture: 200,000)
M_APP_TRAIN = budget.pick(ci=100, full=200)  # app clips for training (the lecture: 5,000)
M_DEV = M_TEST = 2500  # app clips for dev and for test, as in the lecture
M_TRAIN_DEV = 500  # held out of the training distribution
ITERATIONS = budget.pick(ci=400, full=600)
SIZES = dict(
    m_web=M_WEB, m_app_train=M_APP_TRAIN, m_dev=M_DEV, m_test=M_TEST, m_train_dev=M_TRAIN_DEV
)
pct = lambda e: f"{100 * e:.1f} %"  # noqa: E731

# %% [markdown]
# ## 1. Two distributions: web clips and in-car clips
#
# The assistant must tell two words apart: **"yes"** ($y = 1$) and **"no"** ($y = 0$).
# Each example is a clip of $n_x = 32$ samples, one clip per column of $X$, as everywhere
# in the course. A clip is the word's waveform $\mu_y$ (a short tone burst: "yes" swings 3
# times per clip, "no" 5 times), plus microphone hiss of standard deviation
# $\sigma = 0.6$, plus, for clips recorded in a car, engine rumble:
#
# $$x = \mu_y + \sigma\,\varepsilon + s\,B z, \qquad \varepsilon \sim \mathcal{N}(0, I_{32}),\; z \sim \mathcal{N}(0, I_{16}).$$
#
# The columns of $B$ are slow cosines and sines (0.5 to 4 cycles per clip), so $Bz$ is a
# random low-frequency wobble; $s$ is its loudness (RMS amplitude per sample).
#
# - **Web clips** ($s = 0$): recordings made away from cars, easy to buy by the hundred
#   thousand.
# - **App clips** ($s = 1.5$ here): what users say in their cars. This is the distribution
#   the product will face, and we have few examples of it.
#
# Because we wrote the generator, the best possible error (the Bayes error, for which
# human-level error is the usual stand-in) has a closed form. Both words share the noise
# covariance $\Sigma_s = \sigma^2 I + s^2 BB^T$ and are equally likely, so the best rule
# is linear and its error is
#
# $$\text{Bayes error} = \Phi\!\left(-\tfrac{\Delta}{2}\right), \qquad \Delta^2 = (\mu_1 - \mu_0)^T\, \Sigma_s^{-1}\, (\mu_1 - \mu_0),$$
#
# with $\Phi$ the standard normal CDF. We will call it the **human-level error**: a
# perfect listener could not do better.

# %%
HUMAN_WEB, HUMAN_APP = mm.human_level_error(0.0), mm.human_level_error(SHIFT)
print(f"human-level error on web clips: {pct(HUMAN_WEB)}, on app clips: {pct(HUMAN_APP)}")
print(f"signal-to-noise ratio of the app clips: {syn.snr_db(SHIFT):.0f} dB")

X_web_demo, Y_web_demo = mm.voice_clips(1, 0.0, seed=SEED)
X_app_demo, _ = mm.voice_clips(1, SHIFT, seed=SEED)  # the same clip, recorded in a car
words = mm.word_templates()
names = {0: '"no"', 1: '"yes"'}

fig, axes = plt.subplots(1, 3, figsize=(9.6, 3.6), sharey=True)
axes[0].plot(words[:, 1], color="C2", lw=2, label='"yes" (y = 1)')
axes[0].plot(words[:, 0], color="C4", lw=2, label='"no" (y = 0)')
axes[0].set_title("the two words, clean", fontsize=10)
for k, (ax, X, where) in enumerate(zip(axes[1:], (X_web_demo, X_app_demo), ("web", "app"))):
    y = int(Y_web_demo[0, 0])
    ax.plot(words[:, y], color="k", lw=1, ls="--", label=f"the word {names[y]} alone")
    ax.plot(X[:, 0], color=f"C{k}", lw=1.6, label=f"{where} clip of {names[y]}")
axes[1].set_title("web clip: word + hiss", fontsize=10)
axes[2].set_title(f"app clip: the same clip in a car (s = {SHIFT})", fontsize=10)
for ax in axes:
    ax.set_xlabel("sample (time)")
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=8, loc="lower right")
axes[0].set_ylabel("amplitude")
axes[0].set_ylim(-5, 5)
fig.suptitle("Where the training data comes from (web) and where the product lives (app)", y=1.0)
fig.tight_layout()
plt.show()

# the rumble makes the app task harder, even for a perfect listener
assert 0 < HUMAN_WEB < HUMAN_APP < 0.1

# %% [markdown]
# The rumble is much louder than the words (the signal-to-noise ratio is negative), yet a
# perfect listener still gets about 95 % of app clips right: the rumble is made of a few
# slow patterns, and a listener who knows them can look past them. Whether a network
# trained mostly on web clips, which never heard a car, manages that is the question of
# this lesson.
#
# ## 2. Splitting two distributions: option 1 or option 2
#
# The lecture's numbers: 200,000 web examples and 10,000 app examples; dev and test get
# 2,500 each. Two ways to split them:
#
# - **Option 1**: pool all 210,000, shuffle, and cut dev and test off. Every set is the
#   same mixture, which sounds tidy, but the dev set is then about 95 % web data: the team
#   would spend months improving a number that mostly measures web performance.
# - **Option 2**: dev and test hold **only app data** (the target), and the training set
#   gets all the web data plus the remaining app data: 200,000 + 5,000 = 205,000. The
#   training distribution now differs from the dev/test distribution, but the team aims
#   at the right target. This is the lecture's recommendation.
#
# `mm.split_composition` computes both (for option 1, the expected counts of a shuffle):

# %%
rows = []
for option in (1, 2):
    parts = mm.split_composition(200_000, 10_000, 2_500, 2_500, option)
    for name in ("train", "dev", "test"):
        web, app = parts[name]["web"], parts[name]["app"]
        rows.append(
            [
                f"option {option}",
                name,
                f"{web + app:,}",
                f"{web:,}",
                f"{app:,}",
                pct(app / (web + app)),
            ]
        )
option_1 = mm.split_composition(200_000, 10_000, 2_500, 2_500, 1)
option_2 = mm.split_composition(200_000, 10_000, 2_500, 2_500, 2)
assert option_2 == {
    "train": {"web": 200_000, "app": 5_000},
    "dev": {"web": 0, "app": 2_500},
    "test": {"web": 0, "app": 2_500},
}
assert option_1["dev"] == {"web": 2_381, "app": 119}  # only ~119 of 2,500 dev examples are app data
Table(
    ["split", "set", "examples", "web", "app", "app share"],
    rows,
    title="The lecture's 200,000 web + 10,000 app examples",
)

# %% [markdown]
# ### Why option 1 aims at the wrong target, measured
#
# A dev set's job is to choose. So let two real candidates compete and see which one
# each option's dev set picks:
#
# - **A**: a network $[32, 16, 1]$ trained on the clips as they are;
# - **B**: the same network behind a hand-designed **rumble filter**, which deletes the
#   slowest frequencies of every clip (bins 0 to 4 of its FFT). That removes most of the
#   rumble, and, as a side effect, part of the word "yes".
#
# Training on 205,000 clips would take too long here, so both train on the same miniature
# training set (web clips and a few app clips). What we vary is only the judge: option 1's
# dev set (a real shuffle of the 210,000 sources: mostly web clips) and option 2's (2,500
# app clips). A third set of 2,500 app clips plays the users.

# %%
sets = mm.make_sets(**SIZES, shift=SHIFT, seed=SEED)
train = sets["train"]
model_A = mm.train_network(train.X, train.Y, (16,), ITERATIONS, seed=SEED)
model_B = mm.train_network(mm.rumble_filter(train.X), train.Y, (16,), ITERATIONS, seed=SEED)

option_1_sources = mm.split_sources(200_000, 10_000, 2_500, 2_500, option=1, seed=SEED)
dev_option_1 = mm.Part(*mm.draw_clips(option_1_sources["dev"], SHIFT, seed=10))
print("option 1's dev set:", mm.composition(dev_option_1))
judges = {
    "option 1 dev": dev_option_1,
    "option 2 dev": sets["dev"],
    "app users (test)": sets["test"],
}
scores = {
    "A (plain network)": mm.measure_errors(model_A, judges),
    "B (rumble filter + network)": mm.measure_errors(model_B, judges, transform=mm.rumble_filter),
}
Table(
    ["candidate", *judges],
    [[name, *map(pct, s.values())] for name, s in scores.items()],
    title="Who wins depends on the judge",
)

# %%
picks = {judge: min(scores, key=lambda c, j=judge: scores[c][j]) for judge in judges}
for judge, winner in picks.items():
    print(f"{judge:18s} picks {winner}")
assert picks["option 1 dev"].startswith("A")  # option 1's dev set is ~95 % web clips...
assert picks["option 2 dev"].startswith("B")  # ...option 2's is all app clips...
assert picks["app users (test)"] == picks["option 2 dev"]  # ...and the users agree with option 2
plain, filtered = scores.values()
assert plain["app users (test)"] > filtered["app users (test)"] + 0.05  # a wide margin on app

# %% [markdown]
# On web clips the filter costs accuracy (it removes part of "yes"); on app clips it
# removes most of the rumble and wins by a wide margin. Option 1's dev set, 95 % web clips,
# rewards the web behaviour and picks A; the users get the worse model. Option 2's dev set
# measures what the users will see. The price of option 2 is that train and dev now come
# from different distributions, which changes how we read the errors: the next sections.
#
# ## 3. The training-dev set
#
# Model A's training error is small and its dev error is large. With train and dev from
# different distributions that gap mixes two causes: the network may not **generalise**
# (variance), or the dev data may simply be **different** (data mismatch). To separate
# them, hold out a random slice of the training distribution before training: the
# **training-dev set**. It comes from the same mixture as train, but the network never
# trains on it. `mm.make_sets` did that already; the four sets:

# %%
Table(
    ["set", "clips", "web", "app", "distribution", "trained on?"],
    [
        [
            name,
            f"{part.m:,}",
            f"{mm.composition(part)['web']:,}",
            f"{mm.composition(part)['app']:,}",
            dist,
            seen,
        ]
        for (name, part), dist, seen in zip(
            sets.items(),
            ["training mix", "training mix", "app (target)", "app (target)"],
            ["yes", "no", "no", "no"],
        )
    ],
    title="Option 2 with a training-dev set",
)

# %%
share = {name: mm.composition(sets[name])["app"] / sets[name].m for name in ("train", "train-dev")}
assert sets["train"].m + sets["train-dev"].m == M_WEB + M_APP_TRAIN
assert abs(share["train"] - share["train-dev"]) < 0.02  # the same mixture: a random slice
assert mm.composition(sets["dev"]) == {"web": 0, "app": M_DEV}

# %% [markdown]
# ## 4. Five error levels, four gaps
#
# Read the errors as a staircase. Each step changes exactly one thing, so each gap names
# one problem:
#
# | from | to | what changes | the gap measures |
# |---|---|---|---|
# | human level | train error | a real network instead of the best possible one | **avoidable bias** |
# | train | train-dev | examples the network has not seen, same distribution | **variance** |
# | train-dev | dev | the distribution (both unseen) | **data mismatch** |
# | dev | test | a set that was never used to choose anything | **overfitting to the dev set** |
#
# The human level here is that of the training mix (`mm.human_level_of`: every clip
# counts with its own Bayes error), and the app's human level is drawn as a dashed line:
# part of the dev error is unavoidable because app clips are harder.

# %%
errors_A = mm.measure_errors(model_A, sets)
HUMAN_TRAIN = mm.human_level_of(sets["train"], SHIFT)
gaps_A, largest_A = mm.diagnose_gaps(
    HUMAN_TRAIN, errors_A["train"], errors_A["train-dev"], errors_A["dev"], errors_A["test"]
)
for name, gap in gaps_A.items():
    print(f"{name:28s} {round(100 * gap, 1) + 0.0:+5.1f} points")  # + 0.0: no "-0.0"
print("largest gap:", largest_A)

fig, ax = plt.subplots(figsize=(8, 4))
mm.plot_error_levels(ax, HUMAN_TRAIN, errors_A, HUMAN_APP)
ax.set_title(
    f"Model A: the largest gap is {largest_A} ({100 * gaps_A[largest_A]:+.1f} points)", fontsize=10
)
plt.show()

assert largest_A == mm.DATA_MISMATCH
assert gaps_A[mm.DATA_MISMATCH] > 5 * max(gaps_A[mm.VARIANCE], gaps_A[mm.AVOIDABLE_BIAS], 0.01)
assert max(abs(errors_A[name] - HUMAN_TRAIN) for name in ("train", "train-dev")) < 0.02
assert abs(gaps_A[mm.AVOIDABLE_BIAS]) < 0.01

# %% [markdown]
# The network fits its training distribution (train and train-dev are both within a couple
# of points of the human level), so neither a bigger network nor regularisation is the
# first thing to try. (An avoidable bias at or slightly below zero only means that the
# network fits the clips it trained on about as well as a perfect listener would do on new
# ones.) The big step is from train-dev to dev: same network, both unseen, only the
# distribution changed. That is data mismatch, the problem of section 7.
#
# The lecture's cases (human level 0 % unless shown):
#
# | human | train | train-dev | dev | test | largest gap |
# |---|---|---|---|---|---|
# | 0 % | 1 % | 9 % | 10 % | 10 % | variance |
# | 0 % | 1 % | 1.5 % | 10 % | 10 % | data mismatch |
# | 0 % | 10 % | 11 % | 12 % | 12 % | avoidable bias |
# | 0 % | 10 % | 11 % | 20 % | 20 % | avoidable bias (and data mismatch, nearly as large) |
# | 4 % | 7 % | 10 % | 6 % | 6 % | avoidable bias and variance (3 points each); the mismatch gap is *negative*: the dev data is easier than the training data |
#
# ### Your turn: `diagnose_gaps`
#
# Write `diagnose_gaps(human, train, train_dev, dev, test)`. The five arguments are error
# rates as fractions (0.1 for 10 %). Return a tuple `(gaps, largest)`: `gaps` is a dict
# with the keys `"avoidable bias"`, `"variance"`, `"data mismatch"` and
# `"overfitting to the dev set"` (in that order) holding the four differences, and
# `largest` is the **name** of the largest gap (on a tie, the earlier one in that order).


# %%
def diagnose_gaps(human, train, train_dev, dev, test):
    """Return (gaps, largest): the four named gaps between neighbouring error levels."""
    # each gap is (next level) - (previous level); largest is a key of gaps
    raise NotImplementedError


check_diagnose_gaps(diagnose_gaps)

# %% [markdown]
# ### Where the last gap comes from
#
# Model A's test error is within sampling noise of its dev error (checked below): we chose
# nothing with the dev set. The fourth gap opens when a team tries many ideas on the dev set and keeps
# the best, especially a small one (lesson 2 measures this in detail). In miniature: tune
# A's decision threshold (49 candidates) on a dev set of only 50 clips, then measure the
# chosen threshold on the 2,500 test clips; repeat with 50 different small dev sets.

# %%
noise_dev_test = 2 * np.sqrt(2 * errors_A["dev"] * (1 - errors_A["dev"]) / M_DEV)  # 2 SE
assert abs(errors_A["test"] - errors_A["dev"]) < noise_dev_test
overfit = mm.dev_overfitting(model_A, sets["dev"], sets["test"], m_small=50, repeats=50, seed=SEED)
print(
    f"tuned on 50 dev clips: dev error {pct(overfit['dev'])}, test error {pct(overfit['test'])}"
    f"\n  -> overfitting to the dev set {100 * overfit['gap']:+.1f} points"
    f" (the dev error was optimistic in {overfit['optimistic']:.0%} of the repeats)"
)
assert overfit["gap"] > 0.02 and overfit["optimistic"] > 0.6

# %% [markdown]
# The cure is in the gap's name: a bigger dev set, or fewer decisions per dev set.
#
# ## 5. The general two-distribution table
#
# The staircase reads only one path through the data. The lecture's fuller picture is a
# table: one column per distribution, one row per kind of error. Its cells for model A,
# measured (the "trained on" app cell uses the few app clips inside the training set):

# %%
cells_A = mm.two_distribution_errors(model_A, sets)
mm.two_distribution_table(HUMAN_WEB, HUMAN_APP, cells_A)

# %%
general, target = cells_A["general"], cells_A["target"]
across_bottom = target["not trained on"] - general["not trained on"]  # the data mismatch
assert across_bottom > 0.08
assert across_bottom > 2 * (HUMAN_APP - HUMAN_WEB)  # harder data explains under half of it
# the few app clips it trained on are fitted better than new ones
assert target["trained on"] < target["not trained on"] - 0.03

# %% [markdown]
# How to read it:
#
# - **Down a column**: human level to "trained on" is the avoidable bias, "trained on" to
#   "not trained on" the variance, each for one distribution.
# - **Across the bottom row**: from web clips to app clips, both unseen: the data mismatch.
# - **Across the top row**: the app clips are harder for anyone (about 4 points of human
#   level), so only part of the mismatch is the network's fault; the rest is the data.
# - The app column's middle cell shows that the network fits the few app clips it trained
#   on (their number is in the table of section 3) much better than new app clips: too few
#   app clips to learn from, one more sign that the remedy is more (or more app-like)
#   training data.
#
# ## 6. Dashboard: move the app distribution
#
# Drag the car-noise level (the **shift** between the two distributions) or the number of
# app clips in training; each change builds the sets again, retrains the network (a fixed
# budget, a progress bar) and redraws the staircase. Try: shift 0 (no mismatch), then 1,
# 2, 3; then, at a large shift, 1,000 app clips in training.

# %%
from course_lib.c3_structuring_ml.mismatch_dashboard import shift_dashboard

shifts = shift_dashboard(shift=0.0, **SIZES, num_iterations=ITERATIONS, seed=SEED)
shifts

# %%
# The dashboard's own compute function (pure), so the dashboard above keeps your settings.
quiet = lambda fraction: None  # noqa: E731
at_zero = shifts.compute(shift=0.0, m_app_train=M_APP_TRAIN, progress=quiet)["errors"]
at_shift = shifts.compute(shift=SHIFT, m_app_train=M_APP_TRAIN, progress=quiet)["errors"]
mismatch_gap = {s: e["dev"] - e["train-dev"] for s, e in ((0.0, at_zero), (SHIFT, at_shift))}
for s, e in ((0.0, at_zero), (SHIFT, at_shift)):
    print(
        f"shift {s}: "
        + ", ".join(f"{name} {pct(e[name])}" for name in ("train", "train-dev", "dev"))
    )
assert at_shift == errors_A  # the dashboard ran exactly the experiment of sections 2-4
assert mismatch_gap[SHIFT] - mismatch_gap[0.0] > 0.08  # the data-mismatch gap opens...
assert abs(at_shift["train"] - at_zero["train"]) < 0.02  # ...while train...
assert abs(at_shift["train-dev"] - at_zero["train-dev"]) < 0.02  # ...and train-dev stay put

# %% [markdown]
# Only the app clips changed, and they are a few percent of the training distribution, so
# train and train-dev barely move; the whole change appears between train-dev and dev.
# That is how a data-mismatch problem looks from the outside.
#
# ## 7. Addressing data mismatch
#
# There is no systematic recipe, but two steps usually work:
#
# 1. **Error analysis**: look at (listen to) dev examples, especially misclassified ones,
#    and find out how they differ from the training data;
# 2. make the training data **more like the dev data**: collect more data like it, or
#    **synthesise** it.
#
# ### Step 1: how do train and dev differ?
#
# Listening to a clip is not possible in a notebook, so we look at the average power per
# frequency (the spectrum), and tally the errors: how many misclassified clips carry a
# rumble louder than 99 % of the web clips?

# %%
fig, ax = plt.subplots(figsize=(8, 3.4))
bins = np.arange(mm.N_X // 2 + 1)
ax.semilogy(bins, mm.power_spectrum(sets["train"].only(mm.WEB).X), "o-", label="training web clips")
ax.semilogy(bins, mm.power_spectrum(sets["dev"].X), "s-", color="C1", label="dev clips (app)")
ax.axvspan(-0.5, mm.RUMBLE_CUTOFF + 0.5, color="C1", alpha=0.1, label="the rumble band")
ax.set_xlabel("frequency (cycles per clip)")
ax.set_ylabel("average power (log scale)")
ax.set_title("Dev clips carry much more power at low frequencies", fontsize=10)
ax.legend(fontsize=8, loc="upper right")
ax.grid(True, alpha=0.3)
plt.show()

analysis = mm.error_analysis(
    model_A, {"train": sets["train"], "train-dev": sets["train-dev"], "dev": sets["dev"]}
)
Table(
    ["set", "clips", "misclassified", "clips with loud rumble", "errors with loud rumble"],
    [
        [n, f"{r['clips']:,}", f"{r['errors']:,}", pct(r["loud clips"]), pct(r["loud errors"])]
        for n, r in analysis.items()
        if n != "threshold"
    ],
    title="Error analysis: where the loud rumble is",
)

# %%
assert analysis["dev"]["loud errors"] > 0.9 and analysis["dev"]["loud clips"] > 0.9
assert analysis["train"]["loud clips"] < 0.1 and analysis["train-dev"]["loud clips"] < 0.1

# %% [markdown]
# The finding: almost every dev clip, and almost every dev error, has loud low-frequency
# rumble; the training clips almost never do. In a real project this is the moment someone
# says "these were all recorded in a car".
#
# ### Step 2: make the training data sound like the car
#
# Collecting thousands of labelled in-car clips is slow. Recording car noise alone is
# easy: drive around with the microphone on. **Artificial data synthesis** then adds a
# noise recording to each clean web clip, keeping its label. We record 1,000 different
# noise clips and give every web clip a noisy copy; the app clips stay as they were.
# The training distribution changes, so `make_sets` draws a new training-dev set from it.

# %%
car_recordings = mm.car_noise(1000, SHIFT, seed=20)
fixed = mm.mismatch_experiment(
    SHIFT, **SIZES, num_iterations=ITERATIONS, seed=SEED, noise_pool=car_recordings
)
print("new training set:", mm.composition(fixed["sets"]["train"]))
errors_fixed, gaps_fixed = fixed["errors"], fixed["gaps"]
Table(
    [
        "training data",
        "human (train mix)",
        "train",
        "train-dev",
        "dev",
        "test",
        "data mismatch gap",
    ],
    [
        [
            "web + app (model A)",
            pct(HUMAN_TRAIN),
            *map(pct, errors_A.values()),
            f"{100 * gaps_A[mm.DATA_MISMATCH]:+.1f} points",
        ],
        [
            "+ synthesised in-car copies",
            pct(fixed["human"]),
            *map(pct, errors_fixed.values()),
            f"{100 * gaps_fixed[mm.DATA_MISMATCH]:+.1f} points",
        ],
    ],
    title=f"Synthesis closes the gap (human level on app clips: {pct(HUMAN_APP)})",
)

# %%
assert errors_fixed["dev"] < errors_A["dev"] - 0.05  # the app users get a much better model
assert gaps_fixed[mm.DATA_MISMATCH] < 0.5 * gaps_A[mm.DATA_MISMATCH]  # most of the mismatch is gone
assert errors_fixed["dev"] - HUMAN_APP < 0.025  # close to what a perfect listener achieves
assert errors_fixed["train"] > errors_A["train"] and fixed["human"] > HUMAN_TRAIN  # harder mix

# %% [markdown]
# The dev error drops to within a couple of points of the app's human level, and the
# train-dev to dev step nearly disappears. The train error went up, which is expected: the
# training set now contains hard, noisy clips, and its human level rose with them. (The
# dashboard of section 6 shows the other remedy, more real app clips in training: it helps
# too, but 1,000 real in-car clips are much harder to get than 1,000 noise recordings.)
#
# ## 8. Artificial data synthesis and its trap
#
# The lecture's warning: suppose you have 10,000 hours of clean speech and only 1 hour of
# car noise. You can synthesise 10,000 hours of in-car speech by repeating that hour, and
# to a human listener the result sounds fine. But the network hears the same hour of
# noise again and again, and may learn that particular noise by heart instead of learning
# to ignore car noise in general. The synthesised data covers a tiny corner of the space
# of all car noises.
#
# In miniature: $m$ clean clips (3,000 in the CI-sized run, 6,000 at full size), each given
# noise from a pool of $P$ recordings, so each recording is reused about $m / P$ times.
# Three synthesised training clips from a pool of $P = 3$:

# %%
M_SYNTH = budget.pick(ci=3000, full=6000)
small = syn.pool_experiment(3, SHIFT, m_train=M_SYNTH, num_iterations=ITERATIONS, seed=SEED)
clean_X, clean_Y = mm.voice_clips(M_SYNTH, 0.0, seed=SEED)
fig, axes = plt.subplots(1, 3, figsize=(9.6, 3.6), sharey=True)
for k, ax in enumerate(axes):
    noise = small["X_train"][:, k] - clean_X[:, k]
    ax.plot(
        clean_X[:, k],
        color="C0",
        lw=1.5,
        label=f'clean web clip ("{"yes" if clean_Y[0, k] else "no"}")',
    )
    ax.plot(noise, color="0.55", lw=1.2, ls="--", label="noise clip from the pool")
    ax.plot(small["X_train"][:, k], color="C1", lw=1.6, label="synthesised = clean + noise")
    ax.set_xlabel("sample (time)")
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=8, loc="upper left")
    ax.set_title(f"synthesised training clip {k + 1}", fontsize=10)
axes[0].set_ylabel("amplitude")
axes[0].set_ylim(-6, 8)
fig.suptitle(
    "Artificial data synthesis: a clean clip plus a recorded noise clip (pool of P = 3)", y=1.02
)
plt.show()

# %% [markdown]
# Now train one network per pool size and test each on real app clips, whose noise is
# always fresh. A held-out set of clean clips with noise from the **same** pool shows what
# the network learnt about the pool itself.

# %%
POOL_SIZES = [1, 3, 10, 30, 100, 300, 1000]
curve = syn.pool_size_curve(
    POOL_SIZES, SHIFT, m_train=M_SYNTH, num_iterations=ITERATIONS, seed=SEED
)
no_synthesis = syn.pool_experiment(0, SHIFT, m_train=M_SYNTH, num_iterations=ITERATIONS, seed=SEED)

fig, ax = plt.subplots(figsize=(8, 4))
syn.plot_pool_curve(ax, curve, baseline=no_synthesis["dev_error"])
ax.set_title("A small noise pool is learnt by heart: it fails on fresh noise", fontsize=10)
plt.show()
Table(
    ["pool size P", "each noise clip reused", "held-out + pool noise", "real app clips (dev)"],
    [
        [f"{p:,}", f"~{M_SYNTH // p:,} x", pct(s), pct(d)]
        for p, s, d in zip(POOL_SIZES, curve["synthetic_error"], curve["dev_error"])
    ],
)

# %%
dev_by_pool = dict(zip(POOL_SIZES, curve["dev_error"]))
synthetic_by_pool = dict(zip(POOL_SIZES, curve["synthetic_error"]))
assert dev_by_pool[3] == small["dev_error"]  # the same experiment, the same network
# a pool of 3: fine on clips with its own noise, poor on fresh noise
assert synthetic_by_pool[3] < 0.05 and dev_by_pool[3] > 0.15
assert dev_by_pool[1000] < dev_by_pool[3] - 0.08  # a broad pool generalises
assert dev_by_pool[1000] - curve["human"] < 0.03  # ... almost to the human level
assert all(abs(dev_by_pool[p] - no_synthesis["dev_error"]) < 0.05 for p in (1, 3))  # no help
print(
    f"m = {M_SYNTH:,} clean clips; dev error without synthesis {pct(no_synthesis['dev_error'])}, "
    f"with a pool of 1 {pct(dev_by_pool[1])}, of 1,000 {pct(dev_by_pool[1000])}"
)

# %% [markdown]
# With a few noise clips the network is nearly perfect on clips that carry *those* noises
# and, on real car clips, within a few points of no synthesis at all (printed above): it
# has memorised the pool.
# Only when the pool holds tens to hundreds of different recordings does the dev error
# fall towards the human level. The lesson for real projects: synthesise from as broad a
# range of conditions as you can, and be suspicious when synthetic data sounds right to
# you; it may look like a tiny, repeated subset to the network.
#
# A dashboard for the pool size $P$ and the car-noise level: each change retrains on the
# newly synthesised training set. Try $P = 1, 10, 100$ at level 1.5, then a louder car.

# %%
from course_lib.c3_structuring_ml.mismatch_dashboard import pool_dashboard

pool = pool_dashboard(
    pool_size=3, level=SHIFT, m_train=M_SYNTH, num_iterations=ITERATIONS, seed=SEED
)
pool

# %%
# The dashboard's own compute function (pure), so the dashboard above keeps your settings.
probe = pool.compute(pool_size=3, level=SHIFT, progress=quiet)
assert probe["dev_error"] == small["dev_error"]  # the experiment of the plot above

# %% [markdown]
# ## 9. Summary
#
# - When the data you can get in bulk (web) differs from the data you care about (app),
#   put the target data in **dev and test** (option 2) and the rest into training. Pooling
#   everything (option 1) makes the dev set mostly the wrong distribution, and it picks the
#   wrong model (section 2 measured this).
# - Hold out a **training-dev** set: same distribution as training, not trained on.
# - Five levels, four gaps: human -> train (**avoidable bias**), train -> train-dev
#   (**variance**), train-dev -> dev (**data mismatch**), dev -> test (**overfitting to the
#   dev set**). Work on the largest.
# - The two-distribution table (human level / trained on / not trained on, by
#   distribution) also shows when the target data is simply harder.
# - Data mismatch: find out how train and dev differ (error analysis), then make the
#   training data more like dev: collect it, or synthesise it.
# - Synthesis can over-fit: a small noise pool reused over many examples is memorised.
#   Draw synthetic variation from a broad range.
#
# Next: lesson 6 (transfer learning, multi-task learning, end-to-end deep learning).
