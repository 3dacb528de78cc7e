"""Auto-checks for the regularisation exercises; each compares with regularization.py.

Taught in: notebooks/c2_improving_dnns/03_regularization.py ("Your turn" cells).
"""

from __future__ import annotations

import numpy as np

from course_lib.c1_neural_networks.activations import relu, sigmoid
from course_lib.c2_improving_dnns import regularization as reg
from course_lib.exercises import Case, CheckResult, Slip, check_function, random_network

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


def _dropout_variant(mask="rand <", rescale="divide", layers=(1, 2), on_z=False):
    """forward_propagation_with_dropout with one classic slip switched on (the diagnoses).

    ``mask`` is how a unit is kept ("rand <", "rand >", "randn <"), ``rescale`` what is done
    with keep_prob ("divide", "none", "multiply"), ``layers`` which of A1, A2, A3 are
    dropped, and ``on_z`` masks Z1 instead of A1.
    """

    def forward(X, parameters, keep_prob=0.5):
        np.random.seed(1)  # noqa: NPY002 - the assignment's masks
        W1, b1, W2, b2, W3, b3 = (parameters[k] for k in ("W1", "b1", "W2", "b2", "W3", "b3"))

        def draw(A):
            rand = np.random.randn if mask == "randn <" else np.random.rand  # noqa: NPY002
            u = rand(A.shape[0], A.shape[1])
            return (u > keep_prob if mask == "rand >" else u < keep_prob).astype(int)

        def drop(A, D):
            factor = {"divide": 1 / keep_prob, "none": 1.0, "multiply": keep_prob}[rescale]
            return A * D * factor

        Z1 = W1 @ X + b1
        if on_z:
            D1 = draw(Z1)
            Z1 = drop(Z1, D1)
            A1 = relu(Z1)
        else:
            A1 = relu(Z1)
            D1 = draw(A1)
            A1 = drop(A1, D1) if 1 in layers else A1
        Z2 = W2 @ A1 + b2
        A2 = relu(Z2)
        D2 = draw(A2)
        A2 = drop(A2, D2) if 2 in layers else A2
        Z3 = W3 @ A2 + b3
        A3 = sigmoid(Z3)
        if 3 in layers:
            A3 = drop(A3, draw(A3))
        return A3, (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)

    return forward


_DROPOUT_SLIPS = [
    Slip(
        "the kept activations not divided by keep_prob",
        "inverted dropout divides by keep_prob after masking: A1 = A1 * D1 / keep_prob (and "
        "the same for A2), so the expected value of A^[l] stays as it was.",
        _dropout_variant(rescale="none"),
    ),
    Slip(
        "the kept activations multiplied by keep_prob",
        "divide by keep_prob, do not multiply: A1 = A1 * D1 / keep_prob scales the kept "
        "units up, making up for the dropped ones.",
        _dropout_variant(rescale="multiply"),
    ),
    Slip(
        "units kept where rand > keep_prob",
        "keep a unit where np.random.rand(...) < keep_prob: D1 = (D1 < keep_prob) keeps "
        "a share keep_prob of the units; > keeps 1 - keep_prob of them.",
        _dropout_variant(mask="rand >"),
    ),
    Slip(
        "the mask drawn with np.random.randn",
        "draw the mask with np.random.rand (uniform in [0, 1)), not np.random.randn (normal).",
        _dropout_variant(mask="randn <"),
    ),
    Slip(
        "dropout on the first hidden layer only",
        "drop both hidden layers: after D2 is drawn, A2 = A2 * D2 / keep_prob as well.",
        _dropout_variant(layers=(1,)),
    ),
    Slip(
        "dropout on the output layer too",
        "the output layer is never dropped: A3 = sigmoid(Z3) as it is, only A1 and A2 get masks.",
        _dropout_variant(layers=(1, 2, 3)),
    ),
    Slip(
        "the mask applied to Z1 before the ReLU",
        "mask A1 = relu(Z1), not Z1: the cache keeps Z1 unmasked, as the backward pass needs it.",
        _dropout_variant(on_z=True),
    ),
]


def check_forward_propagation_with_dropout(learner_fn) -> CheckResult:
    """Check ``forward_propagation_with_dropout(X, parameters, keep_prob) -> (A3, cache)``.

    The classic slips (no 1/keep_prob, times keep_prob, rand > keep_prob, randn masks,
    layer 2 or the output layer forgotten or dropped, the mask on Z1) get their own hints.

    Taught in: notebooks/c2_improving_dnns/03_regularization.py, section 3.
    """
    return check_function(
        "forward_propagation_with_dropout",
        learner_fn,
        reg.forward_propagation_with_dropout,
        _cases(False),
        output_names=("A3", "cache"),
        slips=_DROPOUT_SLIPS,
        hints={
            "A3 differs": "call np.random.seed(1) first, draw D1 with np.random.rand right"
            " after A1 and D2 right after A2, and divide by keep_prob after masking.",
            "cache": "cache = (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3),"
            " with A1, A2 after dropout.",
        },
    )
