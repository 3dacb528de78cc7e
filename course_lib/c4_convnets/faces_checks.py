"""Auto-checks for the face-verification exercises: triplet_loss, verify and who_is_it.

The learner writes the course's ``triplet_loss(y_true, y_pred, alpha)`` (NumPy or
TensorFlow: the result is compared as a number), ``verify(image, identity, database, model)``
and ``who_is_it(image, database, model)``. The cases of ``verify`` and ``who_is_it`` use a
small fixed NumPy "encoder" (a random projection), so no network is needed to check them.

Taught in: notebooks/c4_convnets/14_face_verification.py ("Your turn" cells).
"""

from __future__ import annotations

import numpy as np

from course_lib.c4_convnets import faces
from course_lib.exercises import Case, CheckResult, Slip, check_function

__all__ = ["check_triplet_loss", "check_verify", "check_who_is_it", "triplet_loss_variant",
           "ToyEncoder"]  # fmt: skip


def triplet_loss_variant(slip: str | None = None):
    """The course's triplet loss with one classic slip switched on (the check's diagnoses).

    ``slip``: None (correct), "mean" (mean over the examples instead of the sum), "norm"
    (distances not squared: the L2 norm), "batch axis" (the squares summed over axis 0, the
    examples, instead of the last axis), "max after sum" (max(sum(basic), 0)), "minus alpha"
    (alpha subtracted), "no max" (the hinge forgotten).
    """

    def loss(y_true, y_pred, alpha=0.2):
        A, P, N = (np.asarray(p, np.float64) for p in y_pred)
        axis = 0 if slip == "batch axis" else -1
        pos = np.sum((A - P) ** 2, axis=axis)
        neg = np.sum((A - N) ** 2, axis=axis)
        if slip == "norm":
            pos, neg = np.sqrt(pos), np.sqrt(neg)
        basic = pos - neg - alpha if slip == "minus alpha" else pos - neg + alpha
        if slip == "max after sum":
            return float(max(np.sum(basic), 0.0))
        if slip == "no max":
            return float(np.sum(basic))
        hinge = np.maximum(basic, 0.0)
        return float(np.mean(hinge) if slip == "mean" else np.sum(hinge))

    return loss


def _triplet_cases() -> list[Case]:
    rng = np.random.default_rng(7)
    # every triplet violates its margin: only the sum, the squares and the sign of alpha count
    A = faces.l2_normalize(rng.standard_normal((4, 5)))
    N = faces.l2_normalize(A + 0.2 * rng.standard_normal((4, 5)))
    P = faces.l2_normalize(-A + 0.5 * rng.standard_normal((4, 5)))
    cases = [
        Case(
            "y_pred = (anchor, positive, negative) each (4, 5), alpha = 0.2, every "
            "negative closer than its positive",
            (None, (A, P, N)),
            {"alpha": 0.2},
        )
    ]
    for m, n_f, alpha in ((5, 4, 0.2), (3, 6, 0.5), (4, 3, 0.2)):
        A = faces.l2_normalize(rng.standard_normal((m, n_f)))
        P = faces.l2_normalize(A + 0.6 * rng.standard_normal((m, n_f)))
        N = faces.l2_normalize(rng.standard_normal((m, n_f)))
        N[0] = faces.l2_normalize(A[0] + 2.0)  # make sure one triplet is far from its margin
        text = f"y_pred = (anchor, positive, negative) each ({m}, {n_f}), alpha = {alpha}"
        cases.append(Case(text, (None, (A, P, N)), {"alpha": alpha}))
    # the course's own test: a single triplet given as nested lists
    ones = [[1.0, 1.0]]
    cases.append(Case("y_pred of nested lists (one triplet of size 2)", (None, (ones, ones, ones)),
                      {"alpha": 0.2}))  # fmt: skip
    return cases


_TRIPLET_SLIPS = [
    Slip("the mean over the examples instead of the sum",
         "the course's J adds the loss of every triplet: np.sum(np.maximum(basic_loss, 0)), "
         "not np.mean.", triplet_loss_variant("mean")),
    Slip("distances not squared (the L2 norm instead of the squared norm)",
         "pos_dist = sum over the last axis of (anchor - positive)**2, with no square root: "
         "the loss uses ||f(A) - f(P)||^2.", triplet_loss_variant("norm")),
    Slip("the squares summed over the wrong axis (the examples)",
         "sum over axis=-1 (the n_f numbers of each encoding) so that pos_dist has one "
         "number per triplet, shape (m,).", triplet_loss_variant("batch axis")),
    Slip("the max taken after summing, max(sum(basic_loss), 0)",
         "apply np.maximum(basic_loss, 0) to each triplet first and sum afterwards: a triplet "
         "that satisfies the margin must not cancel another's loss.",
         triplet_loss_variant("max after sum")),
    Slip("alpha subtracted instead of added",
         "basic_loss = pos_dist - neg_dist + alpha: the margin makes the loss larger, asking "
         "d(A, N) to exceed d(A, P) by alpha.", triplet_loss_variant("minus alpha")),
    Slip("no max(..., 0)",
         "a triplet whose negative is already far enough costs 0: take "
         "np.maximum(basic_loss, 0) before the sum.", triplet_loss_variant("no max")),
]  # fmt: skip


def check_triplet_loss(learner_fn) -> CheckResult:
    """Check the learner's ``triplet_loss(y_true, y_pred, alpha=0.2)`` (returns a number).

    Taught in: notebooks/c4_convnets/14_face_verification.py, section 4.
    """
    return check_function(
        "triplet_loss",
        learner_fn,
        faces.triplet_loss,
        _triplet_cases(),
        rtol=1e-5,
        atol=1e-6,
        slips=_TRIPLET_SLIPS,
        hints={"shape": "the loss is one number: sum over the triplets at the end."},
    )


class ToyEncoder:
    """A fixed random projection of the pixels (not normalised): a stand-in encoder for checks.

    ``ToyEncoder(n_pixels, n_f, seed)(x)`` maps a batch (m, ...) to (m, n_f) = x_flat @ W.
    """

    def __init__(self, n_pixels: int = 16, n_f: int = 5, seed: int = 0):
        self.W = np.random.default_rng(seed).standard_normal((n_pixels, n_f))

    def __eq__(self, other):  # a deep copy is the same encoder (the checks compare inputs)
        return isinstance(other, ToyEncoder) and np.array_equal(self.W, other.W)

    __hash__ = None

    def __call__(self, x):
        x = np.asarray(x, np.float64)
        return x.reshape(len(x), -1) @ self.W


def _world(seed=3, people=4):
    rng = np.random.default_rng(seed)
    model = ToyEncoder(16, 5, seed)
    photos = {f"person {k}": rng.uniform(0, 1, (4, 4, 1)) for k in range(people)}
    database = faces.build_database(photos, model)
    return rng, model, photos, database


def _verify_cases() -> list[Case]:
    rng, model, photos, database = _world()
    cases = []
    for k, name in enumerate(photos):
        # the same person with a little noise, then someone else
        same = photos[name] + 0.05 * rng.standard_normal((4, 4, 1))
        other = photos[f"person {(k + 1) % len(photos)}"]
        cases.append(
            Case(f"a photo of {name} claiming to be {name}", (same, name, database, model))
        )
        cases.append(Case(f"a photo of someone else claiming to be {name}",
                          (other, name, database, model)))  # fmt: skip
    return cases


def _verify_variant(slip):
    def verify(image, identity, database, model):
        encoding = faces.img_to_encoding(image, model)
        dist = float(np.linalg.norm(encoding - database[identity]))
        if slip == "squared":
            dist = dist**2
        door_open = dist > 0.7 if slip == "inverted" else dist < 0.7
        return dist, door_open

    return verify


_VERIFY_SLIPS = [
    Slip("the squared distance instead of the L2 distance",
         "dist = np.linalg.norm(encoding - database[identity]), without squaring it.",
         _verify_variant("squared")),
    Slip("the door opens for a large distance",
         "a small distance means the same person: door_open = dist < 0.7.",
         _verify_variant("inverted")),
]  # fmt: skip


def check_verify(learner_fn) -> CheckResult:
    """Check the learner's ``verify(image, identity, database, model)`` -> (dist, door_open).

    Taught in: notebooks/c4_convnets/14_face_verification.py, section 8.
    """
    return check_function(
        "verify",
        learner_fn,
        faces.verify,
        _verify_cases(),
        rtol=1e-6,
        atol=1e-8,
        output_names=("dist", "door_open"),
        slips=_VERIFY_SLIPS,
    )


def _who_cases() -> list[Case]:
    rng, model, photos, database = _world(5)
    cases = [Case(f"a photo of {name}", (photos[name] + 0.05 * rng.standard_normal((4, 4, 1)),
                                          database, model)) for name in photos]  # fmt: skip
    stranger = -photos["person 0"] * 3
    cases.append(Case("a stranger (farther than 0.7 from everyone)", (stranger, database, model)))
    return cases


def _who_variant(slip):
    def who_is_it(image, database, model):
        encoding = faces.img_to_encoding(image, model)
        best = -np.inf if slip == "max" else np.inf
        identity = None
        for name, enc in database.items():
            dist = float(np.linalg.norm(encoding - enc))
            if (dist > best) if slip == "max" else (dist < best):
                best, identity = dist, name
        if slip != "no threshold" and best > 0.7:
            identity = faces.NOT_IN_DATABASE
        return best, identity

    return who_is_it


_WHO_SLIPS = [
    Slip("the largest distance kept instead of the smallest",
         "start with min_dist = 100 (or np.inf) and keep a name when dist < min_dist.",
         _who_variant("max")),
    Slip("no threshold: a stranger gets the nearest name",
         f"when min_dist > 0.7 the answer is {faces.NOT_IN_DATABASE!r}.",
         _who_variant("no threshold")),
]  # fmt: skip


def check_who_is_it(learner_fn) -> CheckResult:
    """Check the learner's ``who_is_it(image, database, model)`` -> (min_dist, identity).

    Taught in: notebooks/c4_convnets/14_face_verification.py, section 8.
    """
    return check_function(
        "who_is_it",
        learner_fn,
        faces.who_is_it,
        _who_cases(),
        rtol=1e-6,
        atol=1e-8,
        output_names=("min_dist", "identity"),
        slips=_WHO_SLIPS,
    )
