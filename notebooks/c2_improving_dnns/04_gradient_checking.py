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
# # Gradient checking
#
# *Course 2 (Improving Deep Neural Networks), week 1. Curriculum items C2.31-C2.33.*
#
# A backward pass with a bug often still trains: the cost goes down, just not as far as it
# should, and nothing crashes. Gradient checking compares the gradients your backward
# pass returns with gradients estimated from the cost alone, and turns "I think my
# backprop is right" into a number. In this lesson you will:
#
# 1. estimate a derivative with one- and two-sided differences and see why two-sided wins;
# 2. check a one-parameter model, then a whole 3-layer network;
# 3. catch a planted bug and find which parameter it is in;
# 4. learn the rules for using gradient checking in practice.
#
# Code: `course_lib/c2_improving_dnns/gradient_checking.py` (the course's assignment API)
# and `course_lib/gradient_check.py` (the checker the library's own tests use).

# %%
from course_lib.lesson import start_lesson

lesson = start_lesson("C2 - Gradient checking", seed=1, tensorflow=False)
budget = lesson.budget

# %%
import matplotlib.pyplot as plt
import numpy as np

from course_lib.c2_improving_dnns import gradient_checking as gc
from course_lib.c2_improving_dnns import regularization as reg
from course_lib.c2_improving_dnns.gradient_checking_checks import (
    check_gradient_check,
    check_gradient_check_n,
)
from course_lib.exercises import random_network

# %% [markdown]
# ## 1. Numerical derivatives
#
# The derivative is the limit of a slope. For a small $\varepsilon$ we can compute the slope
# of $f$ over $[\theta, \theta + \varepsilon]$ (one-sided) or over
# $[\theta - \varepsilon, \theta + \varepsilon]$ (two-sided):
#
# $$f'(\theta) \approx \frac{f(\theta+\varepsilon) - f(\theta)}{\varepsilon}
#   \quad\text{error } O(\varepsilon),\qquad
#   f'(\theta) \approx \frac{f(\theta+\varepsilon) - f(\theta-\varepsilon)}{2\varepsilon}
#   \quad\text{error } O(\varepsilon^2).$$
#
# The lecture's example: $f(\theta) = \theta^3$ at $\theta = 1$, where $f'(1) = 3$, with
# $\varepsilon = 0.01$.

# %%
cube = lambda t: t**3  # noqa: E731
two = gc.two_sided_difference(cube, 1.0, 0.01)
one = gc.one_sided_difference(cube, 1.0, 0.01)
print(
    f"two-sided: {two:.6f} (error {abs(two - 3):.1e});  one-sided: {one:.6f} (error {abs(one - 3):.1e})"
)
assert abs(two - 3.0001) < 1e-9 and abs(one - 3.0301) < 1e-9

# %% [markdown]
# Expanding in a Taylor series shows why: the one-sided slope is $f'(\theta) +
# \frac{\varepsilon}{2}f''(\theta) + \dots$, while in the two-sided one the
# $f''$ terms cancel, leaving $f'(\theta) + \frac{\varepsilon^2}{6}f'''(\theta) + \dots$
# (here exactly $3 + \varepsilon^2 = 3.0001$). On a log-log plot the errors are straight
# lines of slope 1 and 2, until $\varepsilon$ is so small that floating-point rounding
# in $f(\theta\pm\varepsilon)$ (about $10^{-16}/\varepsilon$) takes over.

# %%
epsilons = np.geomspace(1e-12, 1e-1, 45)
errors = gc.difference_errors(np.sin, np.cos, 0.7, epsilons)
fig, ax = plt.subplots(figsize=(7, 4))
ax.loglog(epsilons, errors["one_sided"], "o-", ms=3, label="one-sided: error ~ $\\varepsilon$")
ax.loglog(epsilons, errors["two_sided"], "o-", ms=3, label="two-sided: error ~ $\\varepsilon^2$")
ax.axvline(1e-7, color="0.5", ls="--", lw=1, label="$\\varepsilon = 10^{-7}$ (the course's)")
ax.set_xlabel("$\\varepsilon$")
ax.set_ylabel("|estimate - exact derivative|")
ax.set_title("Estimating the derivative of sin at 0.7")
ax.legend()
plt.show()
big = epsilons > 1e-4  # where truncation, not rounding, dominates
slope_one = np.polyfit(np.log(epsilons[big]), np.log(errors["one_sided"][big]), 1)[0]
slope_two = np.polyfit(np.log(epsilons[big]), np.log(errors["two_sided"][big]), 1)[0]
print(f"fitted slopes: one-sided {slope_one:.2f}, two-sided {slope_two:.2f}")
assert abs(slope_one - 1) < 0.1 and abs(slope_two - 2) < 0.1

# %% [markdown]
# ## 2. Checking a one-parameter model
#
# The assignment starts with $J(\theta) = \theta x$, whose derivative is $x$. The check
# computes `gradapprox` with the two-sided difference and compares it with the backward
# pass through a *relative* difference,
#
# $$\text{difference} = \frac{\|\text{grad} - \text{gradapprox}\|_2}
#   {\|\text{grad}\|_2 + \|\text{gradapprox}\|_2},$$
#
# which does not depend on how large the gradients are. Thresholds for $\varepsilon = 10^{-7}$:
# about $10^{-7}$ or less is right; about $10^{-5}$ deserves a close look; about $10^{-3}$
# or more is almost certainly a bug. The assignment prints its verdict at $2\cdot 10^{-7}$.

# %%
difference = gc.gradient_check(x=2, theta=4, print_msg=True)
assert difference < 2e-7

# %% [markdown]
# ### Your turn: write `gradient_check`
# With `gc.forward_propagation(x, theta)` ($J = \theta x$) and
# `gc.backward_propagation(x, theta)` (its derivative), compute `gradapprox` with the
# two-sided difference, then the relative difference above with `np.linalg.norm`. Use the
# `epsilon` argument; the check also tries another one. Classic slips: dividing by
# $\varepsilon$ instead of $2\varepsilon$, the one-sided difference, and returning the
# plain difference $\|\text{grad} - \text{gradapprox}\|$ without the denominator.


# %%
def gradient_check(x, theta, epsilon=1e-7, print_msg=False):
    """x, theta: numbers -> difference, a number (about 1e-7 or less when grad is right)."""
    # YOUR CODE HERE (about 6 lines)
    raise NotImplementedError


check_gradient_check(gradient_check)

# %% [markdown]
# ## 3. Checking a whole network
#
# For a network, reshape every parameter into one long column
# $\theta = (W^{[1]}, b^{[1]}, \dots, W^{[L]}, b^{[L]})$ (`dictionary_to_vector`), the
# gradients into $d\theta$ in the same order (`gradients_to_vector`), and for each entry
# $i$:
#
# $$d\theta_{\text{approx}}[i] = \frac{J(\theta_1, \dots, \theta_i + \varepsilon, \dots)
#   - J(\theta_1, \dots, \theta_i - \varepsilon, \dots)}{2\varepsilon}.$$
#
# That is two forward passes per parameter, which is why gradient checking is for
# debugging only. The assignment's network is $[4, 5, 3, 1]$ (relu, relu, sigmoid):
# 47 parameters, 94 forward passes.

# %%
X, Y, parameters = random_network([4, 5, 3, 1], 3, np.random.default_rng(1))
theta, keys = gc.dictionary_to_vector(parameters)
print("theta:", theta.shape, " first keys:", keys[:3], "... last:", keys[-1])

cost, cache = gc.forward_propagation_n(X, Y, parameters)
gradients = gc.backward_propagation_n(X, Y, cache)
good = gc.gradient_check_n(parameters, gradients, X, Y, print_msg=True)
buggy_gradients = gc.backward_propagation_n_buggy(X, Y, cache)
bad = gc.gradient_check_n(parameters, buggy_gradients, X, Y, print_msg=True)
assert good < 2e-7 and bad > 1e-3

# %% [markdown]
# ### Your turn: `gradient_check_n`
#
# Write the N-dimensional check: flatten with `gc.dictionary_to_vector(parameters)` and
# `gc.gradients_to_vector(gradients)`; for each `i` nudge a **copy** of theta, rebuild the
# dict with `gc.vector_to_dictionary`, get the cost from `gc.forward_propagation_n`, and
# finish with the relative difference (`np.linalg.norm`).


# %%
def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7, print_msg=False):
    # YOUR CODE HERE (about 15 lines)
    raise NotImplementedError


check_gradient_check_n(gradient_check_n)

# %% [markdown]
# ## 4. Which parameter is wrong?
#
# A large difference says *that* something is wrong, not *where*. Comparing the two
# vectors one parameter at a time narrows it down: the entries that disagree belong to
# the layer whose backward code has the bug.

# %%
per_parameter = gc.parameter_differences(parameters, buggy_gradients, X, Y)
fig, ax = plt.subplots(figsize=(7, 3.5))
colours = ["C3" if d > 1e-3 else "C2" for d in per_parameter.values()]  # red: a bug
_ = ax.bar(list(per_parameter), list(per_parameter.values()), color=colours)
ax.set_yscale("log")
ax.axhline(2e-7, color="k", ls="--", lw=1, label="threshold 2e-7")
ax.set_ylabel("relative difference")
ax.set_title("Gradient check of the buggy backward pass, parameter by parameter")
ax.legend()
plt.show()
wrong = sorted(name for name, d in per_parameter.items() if d > 1e-3)
print("parameters with wrong gradients:", wrong)
assert wrong == ["W2", "b1"]  # the planted bugs: dW2 doubled, db1 with 4/m

# %% [markdown]
# ## 5. Gradient checking in practice
#
# - **Debug only.** Each check costs two forward passes per parameter; run it once on a
#   small network or a few examples, then switch it off for training.
# - **Include the regulariser.** If $J$ has $\frac{\lambda}{2m}\sum\|W\|_F^2$, the
#   numerical gradient includes its derivative, so `dW` must too. Below, the L2 cost is
#   checked against the backward pass with and without the $\frac{\lambda}{m}W$ term.
# - **Turn dropout off** (keep_prob = 1): with random masks $J$ changes between the two
#   evaluations and the estimate is noise. Check without dropout, then switch it on.
# - **Check at random initialisation and again after some training**: some bugs only show
#   once the weights have grown away from 0.

# %%
X4, Y4, p4 = random_network([4, 5, 3, 1], 6, np.random.default_rng(5), 0.8)
A3, cache4 = reg.forward_propagation(X4, p4)


def l2_cost(X_, Y_, p):
    return reg.compute_cost_with_regularization(reg.forward_propagation(X_, p)[0], Y_, p, 0.7)


with_term = gc.gradient_check_n(p4, reg.backward_propagation_with_regularization(X4, Y4, cache4, 0.7),
                                X4, Y4, cost_fn=l2_cost)  # fmt: skip
without_term = gc.gradient_check_n(
    p4, reg.backward_propagation(X4, Y4, cache4), X4, Y4, cost_fn=l2_cost
)
print(f"L2 cost: backward with the lambda/m W term {with_term:.1e}, without it {without_term:.1e}")
assert with_term < 2e-7 < 1e-3 < without_term


def dropout_cost(X_, Y_, p):  # a fresh mask on every call, as during training
    return reg.compute_cost(reg.forward_propagation_with_dropout(X_, p, 0.5, seed=None)[0], Y_)


_, drop_cache = reg.forward_propagation_with_dropout(X4, p4, 0.5)
drop_grads = reg.backward_propagation_with_dropout(X4, Y4, drop_cache, 0.5)
noisy = gc.gradient_check_n(p4, drop_grads, X4, Y4, cost_fn=dropout_cost)
print(f"with dropout on, even a correct backward pass scores {noisy:.1e}")
assert noisy > 1e-3

# after some training the check still holds
trained, _ = reg.train_regularized(
    X4, Y4, [4, 5, 3, 1], num_iterations=budget.pick(ci=200, full=1000)
)
_, cache_t = gc.forward_propagation_n(X4, Y4, trained)
assert gc.gradient_check_n(trained, gc.backward_propagation_n(X4, Y4, cache_t), X4, Y4) < 2e-7

# %% [markdown]
# ## 6. Summary
#
# - Two-sided differences have error $O(\varepsilon^2)$, one-sided only $O(\varepsilon)$:
#   $3.0001$ vs $3.0301$ for $\theta^3$ at 1.
# - Flatten all parameters into $\theta$ and all gradients into $d\theta$; the relative
#   difference should be about $10^{-7}$; $10^{-5}$ is suspicious, $10^{-3}$ is a bug.
# - Look at which parameters disagree to locate the bug.
# - Debug only, include the regulariser, no dropout, and check again after training.
