"""Auto-checks for the region-proposal and transpose-convolution exercises.

``check_proposal_recall`` compares the learner's ``proposal_recall(proposals, gt_boxes,
threshold)`` with region_proposals.py: the cases include a proposal whose IoU is exactly
the threshold, a true box found by two proposals and a proposal that finds two true boxes
at once, so the classic slips (a strict >, averaging over the proposals, counting matching
pairs) change the result.


The learner writes ``conv_transpose_forward(A_prev, W, b, hparameters)`` returning
``(Z, cache)`` as the reference does (a bare Z is accepted too; only Z is compared). The
cases use a filter larger than the stride, so pastes overlap; a stride of 2 and 3; and
padding 0 and 1, so each classic slip changes the result.

Taught in: notebooks/c4_convnets/12_region_proposals.py and
notebooks/c4_convnets/13_semantic_segmentation.py ("Your turn" cells).
"""

from __future__ import annotations

import numpy as np

from course_lib.c4_convnets import region_proposals as rp
from course_lib.c4_convnets import segmentation as sg
from course_lib.c4_convnets.boxes import iou_matrix
from course_lib.exercises import Case, CheckResult, Slip, check_function

__all__ = [
    "check_conv_transpose_forward",
    "check_proposal_recall",
    "recall_variant",
    "transpose_variant",
]


def transpose_variant(slip: str | None = None):
    """``conv_transpose_forward`` with one classic slip switched on (the check's diagnoses).

    ``slip``: None (correct), "overwrite" (each paste replaces the output instead of adding
    to it), "no crop" (the padding p is never cropped), "stride ignored" (pastes one
    position apart, as if s = 1).
    """

    def conv_transpose_forward(A_prev, W, b, hparameters):
        s, p = hparameters["stride"], hparameters["pad"]
        if slip == "stride ignored":
            s = 1
        m, n_H_prev, n_W_prev, _ = A_prev.shape
        f, _, _, n_C = W.shape
        full = np.zeros((m, (n_H_prev - 1) * s + f, (n_W_prev - 1) * s + f, n_C))
        for i in range(n_H_prev):
            for j in range(n_W_prev):
                paste = np.einsum("mc,abck->mabk", A_prev[:, i, j, :], W)
                window = (slice(None), slice(i * s, i * s + f), slice(j * s, j * s + f))
                if slip == "overwrite":
                    full[window] = paste
                else:
                    full[window] += paste
        if slip != "no crop" and p:
            full = full[:, p:-p, p:-p, :]
        return full + b, (A_prev, W, b, hparameters)

    return conv_transpose_forward


class _OutputOnly:
    """Z of a function that returns (Z, cache) or Z; keeps ``__code__`` for error lines."""

    def __init__(self, fn):
        self.fn = fn
        self.__code__ = getattr(fn, "__code__", None)

    def __call__(self, *args, **kwargs):
        out = self.fn(*args, **kwargs)
        return out[0] if isinstance(out, tuple) else out


def _cases() -> list[Case]:
    rng = np.random.default_rng(13)
    cases = []
    for shape, f, n_C, s, p in (
        ((2, 2, 2, 1), 3, 1, 2, 1),
        ((2, 3, 2, 2), 3, 3, 2, 0),
        ((1, 2, 3, 3), 4, 2, 3, 1),
        ((3, 3, 3, 2), 2, 2, 1, 0),
    ):
        A_prev = rng.standard_normal(shape)
        W = rng.standard_normal((f, f, shape[3], n_C))
        b = rng.standard_normal((1, 1, 1, n_C))
        hp = {"stride": s, "pad": p}
        cases.append(Case(f"A_prev {shape}, W {W.shape}, s = {s}, p = {p}", (A_prev, W, b, hp)))
    return cases


_SLIPS = [
    Slip(
        "each paste overwrites the output instead of adding to it",
        "where two pastes overlap (f > s) their values add up: use Z[...] += a * W, not "
        "Z[...] = a * W.",
        transpose_variant("overwrite"),
    ),
    Slip(
        "the padding is never cropped",
        "after all the pastes, remove p rows and columns from every side: the output is "
        "(n - 1) s + f - 2p wide, not (n - 1) s + f.",
        transpose_variant("no crop"),
    ),
    Slip(
        "the stride is ignored (pastes one position apart)",
        "input value (i, j) is pasted with its top-left corner at (s * i, s * j) of the "
        "uncropped output, s = hparameters['stride'].",
        transpose_variant("stride ignored"),
    ),
]
_HINTS = {
    "has shape": "the output is (m, n_H, n_W, n_C) with n_H = (n_H_prev - 1) s + f - 2p "
    "(n_W alike) and n_C = W.shape[3].",
    "differs": "paste A_prev[:, i, j, :] times every filter (sum over n_C_prev) at (s i, s j), "
    "add the overlaps, crop p on every side, then add b.",
}


def check_conv_transpose_forward(learner_fn) -> CheckResult:
    """Check the learner's ``conv_transpose_forward(A_prev, W, b, hparameters)``.

    Taught in: notebooks/c4_convnets/13_semantic_segmentation.py, section 2.
    """
    wrap = _OutputOnly if callable(learner_fn) else (lambda fn: fn)
    return check_function(
        "conv_transpose_forward",
        wrap(learner_fn),
        _OutputOnly(sg.conv_transpose_forward),
        _cases(),
        rtol=1e-7,
        atol=1e-9,
        slips=[Slip(s.mistake, s.hint, _OutputOnly(s.fn)) for s in _SLIPS],
        hints=_HINTS,
    )


# -- proposal recall (lesson 12) --------------------------------------------------------------


def recall_variant(slip: str | None = None):
    """``proposal_recall`` with one classic slip switched on (the check's diagnoses).

    ``slip``: None (correct), "strict" (IoU > threshold instead of >=), "over proposals"
    (the fraction of proposals that find some true box), "pairs" (the number of (true box,
    proposal) pairs with IoU >= threshold divided by the number of true boxes).
    """

    def proposal_recall(proposals, gt_boxes, threshold=0.5):
        overlaps = iou_matrix(np.asarray(gt_boxes, float), np.asarray(proposals, float))
        found = overlaps > threshold if slip == "strict" else overlaps >= threshold
        if slip == "over proposals":
            return float(np.mean(found.any(axis=0)))
        if slip == "pairs":
            return float(found.sum() / len(gt_boxes))
        return float(np.mean(found.any(axis=1)))

    return proposal_recall


def _recall_cases() -> list[Case]:
    gt = np.array([[0.0, 0.0, 0.5, 0.5], [0.5, 0.5, 1.0, 1.0], [0.6, 0.0, 0.9, 0.3]])
    exact = np.array([[0.0, 0.0, 0.5, 0.25]])  # IoU with the first box: exactly 0.5
    twice = np.array([[0.0, 0.0, 0.5, 0.5], [0.02, 0.0, 0.5, 0.5], [0.1, 0.6, 0.3, 0.9]])
    both = np.array([[0.0, 0.0, 0.6, 0.3], [0.0, 0.0, 0.9, 0.3], [0.55, 0.5, 1.0, 1.0]])
    return [
        Case("one proposal with IoU exactly 0.5 with a true box", (exact, gt[:1], 0.5)),
        Case("a true box found by two proposals, one box missed", (twice, gt[:2], 0.5)),
        Case("three true boxes, three proposals, threshold 0.3", (both, gt, 0.3)),
    ]


_RECALL_SLIPS = [
    Slip(
        "IoU > threshold instead of IoU >= threshold",
        "a proposal finds a true box when their IoU is at least the threshold: use >=.",
        recall_variant("strict"),
    ),
    Slip(
        "the fraction of the proposals that find a box, not of the true boxes found",
        "recall is about the true boxes: for each true box take its best IoU over all the "
        "proposals (max over the proposals' axis), then average over the true boxes.",
        recall_variant("over proposals"),
    ),
    Slip(
        "every matching (true box, proposal) pair is counted",
        "a true box found by two proposals still counts once: ask whether ANY proposal "
        "reaches the threshold for that box (max or any), then average.",
        recall_variant("pairs"),
    ),
]


def check_proposal_recall(learner_fn) -> CheckResult:
    """Check the learner's ``proposal_recall(proposals, gt_boxes, threshold)``.

    Taught in: notebooks/c4_convnets/12_region_proposals.py, section 2.
    """
    return check_function(
        "proposal_recall",
        learner_fn,
        rp.proposal_recall,
        _recall_cases(),
        rtol=1e-9,
        atol=1e-12,
        slips=_RECALL_SLIPS,
        hints={
            "differs": "IoU matrix of the true boxes (rows) with the proposals (columns), best "
            "over each row, the fraction of rows with best >= threshold."
        },
    )
