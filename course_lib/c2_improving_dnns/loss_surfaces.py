"""Two-dimensional loss surfaces with gradients, and the paths optimisers take on them.

Taught in: notebooks/c2_improving_dnns/05_optimization.py, sections 3, 4 and 7.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from course_lib.c2_improving_dnns.optimizers import OPTIMIZERS, init_state
from course_lib.validation import require_finite, require_numeric

__all__ = ["Surface", "SURFACES", "elongated_bowl", "ravine", "saddle", "plateau", "optimizer_path"]


@dataclass(frozen=True)
class Surface:
    """A loss J(w) of a point w = (w1, w2), its gradient, a start and a plotting window.

    ``f`` accepts arrays: f(w1_grid, w2_grid) evaluates a whole grid for contours.
    """

    name: str
    f: Callable[[np.ndarray, np.ndarray], np.ndarray]
    grad_fn: Callable[[np.ndarray], np.ndarray]
    start: tuple[float, float]
    xlim: tuple[float, float]
    ylim: tuple[float, float]
    minimum: tuple[float, float] | None

    def __call__(self, w) -> float:
        """J at the point w of shape (2,)."""
        w = _point(w)
        return float(self.f(w[0], w[1]))

    def grad(self, w) -> np.ndarray:
        """dJ/dw at the point w of shape (2,); returns shape (2,)."""
        return self.grad_fn(_point(w))

    def grid(self, num: int = 120) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(W1, W2, J) on a num x num grid over the window, for contour plots."""
        W1, W2 = np.meshgrid(np.linspace(*self.xlim, num), np.linspace(*self.ylim, num))
        return W1, W2, self.f(W1, W2)


def _point(w) -> np.ndarray:
    w = require_numeric("w", w).astype(np.float64)
    if w.shape != (2,):
        raise ValueError(f"a point on a 2-D loss surface must have shape (2,); got {w.shape}.")
    return w


# An elongated bowl: J = w1^2 / 20 + 3 w2^2. Curvature 0.1 along w1, 6 along w2 (condition
# number 60), the picture behind momentum and RMSprop: steps that fit w2 crawl along w1.
elongated_bowl = Surface(
    "elongated bowl",
    lambda x, y: x**2 / 20 + 3 * y**2,
    lambda w: np.array([w[0] / 10, 6 * w[1]]),
    start=(-9.0, 2.0),
    xlim=(-10.0, 3.0),
    ylim=(-3.0, 3.0),
    minimum=(0.0, 0.0),
)

# A curved ravine (a gentle Rosenbrock): J = (1 - w1)^2 + 5 (w2 - w1^2)^2.
ravine = Surface(
    "ravine",
    lambda x, y: (1 - x) ** 2 + 5 * (y - x**2) ** 2,
    lambda w: np.array([-2 * (1 - w[0]) - 20 * w[0] * (w[1] - w[0] ** 2), 10 * (w[1] - w[0] ** 2)]),
    start=(-1.5, 2.0),
    xlim=(-2.0, 2.0),
    ylim=(-1.0, 3.0),
    minimum=(1.0, 1.0),
)

# A saddle: J = w1^2 - w2^2; zero gradient at the origin, a minimum along w1 and a maximum
# along w2. It has no minimum at all: paths that leave the w1 axis slide away along w2.
saddle = Surface(
    "saddle",
    lambda x, y: x**2 - y**2,
    lambda w: np.array([2 * w[0], -2 * w[1]]),
    start=(-2.0, 0.01),
    xlim=(-2.5, 2.5),
    ylim=(-2.5, 2.5),
    minimum=None,
)

# A plateau: J = 1 - exp(-(w1^2 + w2^2) / 2). Far from the origin the surface is almost
# flat, so the gradient is tiny and plain gradient descent barely moves.
plateau = Surface(
    "plateau",
    lambda x, y: 1 - np.exp(-(x**2 + y**2) / 2),
    lambda w: w * np.exp(-(w @ w) / 2),
    start=(3.0, 2.2),
    xlim=(-1.5, 4.0),
    ylim=(-1.5, 3.0),
    minimum=(0.0, 0.0),
)

#: name -> Surface
SURFACES = {s.name: s for s in (elongated_bowl, ravine, saddle, plateau)}


def optimizer_path(loss: Surface | str, start, optimizer: str, num_steps: int, **hyper):
    """The points an optimiser visits on a 2-D loss surface, using the pure updates.

    Args:
        loss: a Surface or the name of one in SURFACES.
        start: (2,) starting point (None: the surface's own start).
        optimizer: "gd", "momentum", "rmsprop" or "adam".
        num_steps: number of updates (>= 0).
        **hyper: the update's hyperparameters (learning_rate, beta, beta1, beta2, epsilon).

    Returns:
        (num_steps + 1, 2) array: the start, then the point after each update.

    Taught in: notebooks/c2_improving_dnns/05_optimization.py, section 3.
    """
    surface = SURFACES[loss] if isinstance(loss, str) else loss
    if optimizer not in OPTIMIZERS:
        raise ValueError(f"unknown optimizer {optimizer!r}; choose one of {sorted(OPTIMIZERS)}.")
    if int(num_steps) != num_steps or num_steps < 0:
        raise ValueError(f"num_steps must be a non-negative integer; got {num_steps!r}.")
    update = OPTIMIZERS[optimizer]
    params = {"w": _point(surface.start if start is None else require_finite("start", start))}
    state = init_state(optimizer, params)
    path = np.empty((int(num_steps) + 1, 2))
    path[0] = params["w"]
    for k in range(1, int(num_steps) + 1):
        params, state = update(params, {"dw": surface.grad_fn(params["w"])}, state, **hyper)
        path[k] = params["w"]
    return path
