"""Auto-checks for the regularisation exercises; each compares with regularization.py.

Taught in: notebooks/c2_improving_dnns/03_regularization.py ("Your turn" cells).
"""

from __future__ import annotations

import numpy as np

from course_lib.c2_improving_dnns import regularization as reg
from course_lib.exercises import Case, CheckResult, check_function, random_network

__all__ = ["check_compute_cost_with_regularization", "check_forward_propagation_with_dropout"]


def _cases(with_lambd: bool, sizes=((3, 20, 3, 1), (2, 5, 4, 1), (4, 7, 2, 1))) -> list[Case]:
    cases = []
    for i, dims in enumerate(sizes):
        X, Y, parameters = random_network(list(dims), 5 + i, np.random.default_rng(10 + i), 0.8)
        if with_lambd:
            A3, _ = reg.forward_propagation(X, parameters)
            lambd = (0.1, 0.7, 2.0)[i]
            cases.append(
                Case(f"layer_dims {list(dims)}, lambd = {lambd}", (A3, Y, parameters, lambd))
            )
        else:
            keep = (0.7, 0.5, 0.9)[i]
            cases.append(
                Case(f"layer_dims {list(dims)}, keep_prob = {keep}", (X, parameters, keep))
            )
    return cases


def check_compute_cost_with_regularization(learner_fn) -> CheckResult:
    """Check ``compute_cost_with_regularization(A3, Y, parameters, lambd) -> float``.

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 2.
    """
    cases = _cases(True)
    # The lesson asks for any number of layers: a 2-layer and a 4-layer network too, so
    # hard-coding W1, W2, W3 fails.
    for dims, m, lambd in [((4, 3, 1), 6, 0.5), ((3, 5, 4, 2, 1), 7, 1.5)]:
        rng = np.random.default_rng(sum(dims))
        _, Y, parameters = random_network(list(dims), m, rng, 0.8)
        A_L = rng.uniform(0.05, 0.95, (1, m))
        cases.append(
            Case(
                f"a network with {len(dims) - 1} layers, lambd = {lambd}",
                (A_L, Y, parameters, lambd),
            )
        )
    return check_function(
        "compute_cost_with_regularization",
        learner_fn,
        reg.compute_cost_with_regularization,
        cases,
        hints={
            "layers, lambd": "sum the penalty over every 'W1', 'W2', ... in parameters (a loop "
            "over the keys), not over a fixed W1, W2, W3.",
            "expected": "the penalty is lambd / (2 * m) times the sum of np.sum(np.square(W))"
            " over every W, added to the cross-entropy cost (biases are not penalised).",
        },
    )


def check_forward_propagation_with_dropout(learner_fn) -> CheckResult:
    """Check ``forward_propagation_with_dropout(X, parameters, keep_prob) -> (A3, cache)``.

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 3.
    """
    return check_function(
        "forward_propagation_with_dropout",
        learner_fn,
        reg.forward_propagation_with_dropout,
        _cases(False),
        output_names=("A3", "cache"),
        hints={
            "A3 differs": "call np.random.seed(1) first, draw D1 with np.random.rand right"
            " after A1 and D2 right after A2, and divide by keep_prob after masking.",
            "cache": "cache = (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3),"
            " with A1, A2 after dropout.",
        },
    )
