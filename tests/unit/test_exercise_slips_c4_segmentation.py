"""The transpose-convolution check fails every slip the lesson names, each with its hint.

The learner versions are written here the way a learner would write them (loops over the
input positions), with one slip switched on.
"""

from __future__ import annotations

import numpy as np
import pytest
from slip_testing import fails_with, stub

from course_lib.c4_convnets import segmentation as sg
from course_lib.c4_convnets.segmentation_checks import (
    check_conv_transpose_forward,
    check_proposal_recall,
)


def _learner(slip=None):
    def conv_transpose_forward(A_prev, W, b, hparameters):
        stride, pad = hparameters["stride"], hparameters["pad"]
        if slip == "stride":
            stride = 1
        m, n_H_prev, n_W_prev, n_C_prev = A_prev.shape
        f, f, n_C_prev, n_C = W.shape
        n_H, n_W = (n_H_prev - 1) * stride + f, (n_W_prev - 1) * stride + f
        Z = np.zeros((m, n_H, n_W, n_C))
        for i in range(m):
            for h in range(n_H_prev):
                for w in range(n_W_prev):
                    for c in range(n_C):
                        vert, horiz = h * stride, w * stride
                        piece = np.sum(A_prev[i, h, w, :] * W[:, :, :, c], axis=2)
                        if slip == "overwrite":
                            Z[i, vert : vert + f, horiz : horiz + f, c] = piece
                        else:
                            Z[i, vert : vert + f, horiz : horiz + f, c] += piece
        if slip != "crop":
            Z = Z[:, pad : n_H - pad, pad : n_W - pad, :]
        Z = Z + b
        return Z, (A_prev, W, b, hparameters)

    return conv_transpose_forward


def test_reference_correct_learner_and_stub():
    assert check_conv_transpose_forward(sg.conv_transpose_forward).passed
    assert check_conv_transpose_forward(_learner()).passed
    assert check_conv_transpose_forward(stub).status == "not attempted"


@pytest.mark.parametrize(
    "slip, fragment",
    [("overwrite", "overwrites the output"), ("crop", "never cropped"),
     ("stride", "stride is ignored")],
)  # fmt: skip
def test_slips(slip, fragment):
    fails_with(check_conv_transpose_forward(_learner(slip)), fragment)


def test_a_crash_is_reported():
    def conv_transpose_forward(A_prev, W, b, hparameters):
        return A_prev.no_such_method()

    result = check_conv_transpose_forward(conv_transpose_forward)
    assert result.status == "failed" and "AttributeError" in result.message


# -- proposal_recall (lesson 12) -------------------------------------------------------------


def _recall_learner(slip=None):
    """proposal_recall written with loops and boxes.iou, one slip switched on."""
    from course_lib.c4_convnets.boxes import iou

    def proposal_recall(proposals, gt_boxes, threshold=0.5):
        found, pairs = 0, 0
        hit_proposals = set()
        for box in gt_boxes:
            best = 0.0
            for k, proposal in enumerate(proposals):
                overlap = iou(box, proposal)
                best = max(best, overlap)
                if overlap >= threshold:
                    pairs += 1
                    hit_proposals.add(k)
            if (best > threshold) if slip == "strict" else (best >= threshold):
                found += 1
        if slip == "over proposals":
            return len(hit_proposals) / len(proposals)
        if slip == "pairs":
            return pairs / len(gt_boxes)
        return found / len(gt_boxes)

    return proposal_recall


def test_recall_reference_correct_learner_and_stub():
    from course_lib.c4_convnets import region_proposals as rp

    assert check_proposal_recall(rp.proposal_recall).passed
    assert check_proposal_recall(_recall_learner()).passed
    assert check_proposal_recall(stub).status == "not attempted"


@pytest.mark.parametrize(
    "slip, fragment",
    [("strict", "IoU > threshold"), ("over proposals", "fraction of the proposals"),
     ("pairs", "every matching")],
)  # fmt: skip
def test_recall_slips(slip, fragment):
    fails_with(check_proposal_recall(_recall_learner(slip)), fragment)
