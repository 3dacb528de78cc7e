"""The lecture's computation graph J = 3(a + b c), forward and backward.

Nodes: u = b c, v = a + u, J = 3 v. The backward pass walks the graph from right to
left and multiplies local derivatives (the chain rule): dv = dJ * 3, da = dv, du = dv,
db = du * c, dc = du * b. Here ``dx`` means dJ/dx, as in the course.

Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 4.
"""

from __future__ import annotations

import numpy as np

from course_lib.validation import require_keys, require_numeric

__all__ = ["graph_forward", "graph_backward"]


def graph_forward(a, b, c) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Evaluate the graph left to right: u = b c, v = a + u, J = 3 v.

    Args:
        a, b, c: scalars or arrays of one shape (evaluated elementwise).

    Returns:
        J (same shape as the inputs) and the cache {"a", "b", "c", "u", "v"}.

    Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 4.
    """
    a, b, c = (require_numeric(name, t).astype(np.float64) for name, t in zip("abc", (a, b, c)))
    a, b, c = np.broadcast_arrays(a, b, c)
    u = b * c
    v = a + u
    J = 3 * v
    return J, {"a": a, "b": b, "c": c, "u": u, "v": v}


def graph_backward(dJ, cache) -> dict[str, np.ndarray]:
    """Walk the graph right to left with the chain rule.

    Args:
        dJ: upstream derivative, same shape as J (1.0 for J itself).
        cache: from ``graph_forward``.

    Returns:
        {"dv", "du", "da", "db", "dc"}: the derivative of the final output with respect
        to every node.

    Taught in: notebooks/c1_neural_networks/01_logistic_regression.py, section 4.
    """
    dJ = require_numeric("dJ", dJ).astype(np.float64)
    require_keys("cache", cache, ["b", "c"])
    dv = 3 * dJ  # J = 3v
    da = dv * 1.0  # v = a + u
    du = dv * 1.0
    db = du * cache["c"]  # u = b c
    dc = du * cache["b"]
    return {"dv": dv, "du": du, "da": da, "db": db, "dc": dc}
