"""The face-verification lesson's checks fail the slips the lesson names, each with its hint.

The learner functions are written here as a learner would write them (not taken from the
checks), with one slip switched on.
"""

from __future__ import annotations

import numpy as np
import pytest
from slip_testing import fails_with, stub

from course_lib.c4_convnets import faces
from course_lib.c4_convnets import faces_checks as fcheck


def learner_triplet_loss(slip=None):
    def triplet_loss(y_true, y_pred, alpha=0.2):
        anchor, positive, negative = (np.asarray(p, dtype=float) for p in y_pred)
        ax = 0 if slip == "axis" else -1
        pos_dist = np.sum(np.square(anchor - positive), axis=ax)
        neg_dist = np.sum(np.square(anchor - negative), axis=ax)
        if slip == "norm":
            pos_dist = np.linalg.norm(anchor - positive, axis=-1)
            neg_dist = np.linalg.norm(anchor - negative, axis=-1)
        basic_loss = pos_dist - neg_dist + (-alpha if slip == "minus" else alpha)
        if slip == "max after sum":
            return max(np.sum(basic_loss), 0.0)
        if slip == "mean":
            return np.mean(np.maximum(basic_loss, 0.0))
        return np.sum(np.maximum(basic_loss, 0.0))

    return triplet_loss


@pytest.mark.parametrize(
    "slip, fragment",
    [
        ("mean", "the mean over the examples instead of the sum"),
        ("norm", "distances not squared"),
        ("axis", "summed over the wrong axis"),
        ("max after sum", "the max taken after summing"),
        ("minus", "alpha subtracted instead of added"),
    ],
)
def test_triplet_loss_slips(slip, fragment):
    fails_with(fcheck.check_triplet_loss(learner_triplet_loss(slip)), fragment)


def test_triplet_loss_reference_learner_and_stub():
    assert fcheck.check_triplet_loss(faces.triplet_loss).passed
    assert fcheck.check_triplet_loss(learner_triplet_loss()).passed
    assert fcheck.check_triplet_loss(stub).status == "not attempted"


def learner_verify(slip=None):
    def verify(image, identity, database, model):
        encoding = faces.img_to_encoding(image, model)
        dist = np.linalg.norm(encoding - database[identity])
        if slip == "squared":
            dist = np.sum((encoding - database[identity]) ** 2)
        door_open = dist >= 0.7 if slip == "inverted" else dist < 0.7
        return dist, door_open

    return verify


def learner_who_is_it(slip=None):
    def who_is_it(image, database, model):
        encoding = faces.img_to_encoding(image, model)
        min_dist = 0 if slip == "max" else 100
        identity = None
        for name, db_enc in database.items():
            dist = np.linalg.norm(encoding - db_enc)
            if (dist > min_dist) if slip == "max" else (dist < min_dist):
                min_dist, identity = dist, name
        if min_dist > 0.7 and slip != "no threshold":
            identity = "not in the database"
        return min_dist, identity

    return who_is_it


@pytest.mark.parametrize(
    "slip, fragment",
    [("squared", "the squared distance"), ("inverted", "the door opens for a large distance")],
)
def test_verify_slips(slip, fragment):
    fails_with(fcheck.check_verify(learner_verify(slip)), fragment)


@pytest.mark.parametrize(
    "slip, fragment",
    [("max", "the largest distance kept"), ("no threshold", "no threshold")],
)
def test_who_is_it_slips(slip, fragment):
    fails_with(fcheck.check_who_is_it(learner_who_is_it(slip)), fragment)


def test_verify_and_who_is_it_reference_learner_and_stub():
    assert fcheck.check_verify(faces.verify).passed
    assert fcheck.check_verify(learner_verify()).passed
    assert fcheck.check_verify(stub).status == "not attempted"
    assert fcheck.check_who_is_it(faces.who_is_it).passed
    assert fcheck.check_who_is_it(learner_who_is_it()).passed
    assert fcheck.check_who_is_it(stub).status == "not attempted"
