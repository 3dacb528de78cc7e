"""Unit tests of faces.py: the course's triplet loss, distances, ROC, triplets, verify."""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c4_convnets import faces as fc
from course_lib.c4_convnets.faces_checks import ToyEncoder


def test_triplet_loss_course_values():
    # the course's own small test: identical encodings cost alpha; far negatives cost 0
    ones = [[1.0, 1.0]]
    assert fc.triplet_loss(None, (ones, ones, ones), 0.2) == pytest.approx(0.2)
    y = ([[1.0, 1.0]], [[1.0, 1.0]], [[1.0, -1.0]])
    assert fc.triplet_loss(None, y, 0.2) == 0.0
    y = ([[1.0, 1.0]], [[1.0, -1.0]], [[1.0, 1.0]])
    assert fc.triplet_loss(None, y, 0.0) == pytest.approx(4.0)
    stacked = np.ones((3, 4, 5))
    assert fc.triplet_loss(None, stacked, 0.5) == pytest.approx(4 * 0.5)


def test_triplet_loss_sums_hinges():
    rng = np.random.default_rng(0)
    A, P, N = (rng.standard_normal((7, 4)) for _ in range(3))
    basic = ((A - P) ** 2).sum(1) - ((A - N) ** 2).sum(1) + 0.3
    assert fc.triplet_loss(None, (A, P, N), 0.3) == pytest.approx(np.maximum(basic, 0).sum())
    loss, grads = fc.triplet_loss_and_grads((A, P, N), 0.3)
    assert loss == pytest.approx(np.maximum(basic, 0).sum())
    inactive = basic <= 0
    assert np.all(grads["danchor"][inactive] == 0)


def test_margin_rules_out_the_zero_encoder():
    zero = np.zeros((10, 8))
    assert fc.triplet_loss(None, (zero, zero, zero), 0.0) == 0.0
    assert fc.triplet_loss(None, (zero, zero, zero), 0.2) == pytest.approx(2.0)


@pytest.mark.parametrize(
    "bad",
    [(np.ones((2, 3)), np.ones((2, 3))), (np.ones((2, 3)), np.ones((2, 3)), np.ones((2, 4)))],
)
def test_triplet_loss_bad_input(bad):
    with pytest.raises(ValueError):
        fc.triplet_loss(None, bad)
    with pytest.raises(ValueError, match="alpha"):
        fc.triplet_loss(None, (np.ones((1, 2)),) * 3, alpha=np.inf)
    with pytest.raises(TypeError, match="alpha"):
        fc.triplet_loss(None, (np.ones((1, 2)),) * 3, alpha="0.2")


@pytest.mark.parametrize(
    "y_pred, alpha, expected",
    [  # the course's own checks of triplet_loss, with its single-vector encodings
        (([1.0, 1.0], [1.0, 1.0], [1.0, 1.0]), 5, 5.0),
        (([1.0, 1.0], [1.0, 1.0], [0.0, 0.0]), 3, 1.0),
        (([1.0, 1.0], [0.0, 0.0], [1.0, 1.0]), 0, 2.0),
        (([0.0, 0.0], [0.0, 0.0], [0.0, 0.0]), -2, 0.0),
        (([[1.0, 0.0], [1.0, 0.0]], [[1.0, 0.0], [1.0, 0.0]], [[0.0, 1.0], [0.0, 1.0]]), 3, 2.0),
    ],
)
def test_triplet_loss_gives_the_courses_numbers(y_pred, alpha, expected):
    assert fc.triplet_loss((None, None, None), y_pred, alpha) == expected


def test_false_match_chance():
    assert fc.false_match_chance(0.01, 100) == pytest.approx(1 - 0.99**100)
    assert fc.false_match_chance(0.0, 10) == 0.0 and fc.false_match_chance(1.0, 3) == 1.0
    with pytest.raises(ValueError, match="K"):
        fc.false_match_chance(0.1, 0)


def test_persons_and_pairs():
    persons = fc.make_persons(fc.face_images()[:4], 3, seed=0)
    assert persons["x"].shape == (12, 25, 25, 1) and persons["x"].min() >= 0
    assert persons["x"].max() <= 1
    np.testing.assert_array_equal(persons["labels"], np.repeat(np.arange(4), 3))
    again = fc.make_persons(fc.face_images()[:4], 3, seed=0)
    np.testing.assert_array_equal(persons["x"], again["x"])
    pairs = fc.make_pairs(persons["labels"], seed=0)
    assert pairs["same"].sum() == 4 * 3 and (~pairs["same"]).sum() == 12
    assert np.all(pairs["i"] < pairs["j"])
    every = fc.make_pairs(np.repeat(np.arange(5), 2), n_different=10**6)
    assert (~every["same"]).sum() == 2 * 5 * 4


def test_roc_confusion_and_best_threshold():
    d = np.array([0.1, 0.2, 0.3, 0.4, 0.5, 0.6])
    same = np.array([1, 1, 0, 1, 0, 0])
    roc = fc.roc_curve(d, same)
    assert roc["tar"][0] == 0 and roc["tar"][-1] == 1 and roc["far"][-1] == 1
    assert roc["auc"] == pytest.approx(8 / 9)
    c = fc.confusion_at(d, same, 0.25)
    assert (c["TP"], c["FN"], c["FP"], c["TN"]) == (2, 1, 0, 3)
    tau = fc.best_threshold(d, same)
    assert fc.verification_accuracy(d, same, tau) == pytest.approx(5 / 6)
    with pytest.raises(ValueError, match="both"):
        fc.roc_curve(d, np.ones(6))


def test_select_triplets_strategies():
    rng = np.random.default_rng(1)
    labels = np.repeat(np.arange(6), 4)
    f = fc.l2_normalize(rng.standard_normal((6, 8))[labels] + 0.5 * rng.standard_normal((24, 8)))
    for strategy in fc.STRATEGIES:
        t = fc.select_triplets(f, labels, 50, strategy, seed=0)
        assert t.shape == (50, 3)
        assert np.all(labels[t[:, 0]] == labels[t[:, 1]]) and np.all(t[:, 0] != t[:, 1])
        assert np.all(labels[t[:, 0]] != labels[t[:, 2]])
    hard = fc.select_triplets(f, labels, 200, "hard", seed=0)
    rand = fc.select_triplets(f, labels, 200, "random", seed=0)
    s_hard = fc.triplet_margin_stats(f, hard)
    s_rand = fc.triplet_margin_stats(f, rand)
    assert s_hard["mean_loss"] > s_rand["mean_loss"]
    with pytest.raises(ValueError, match="strategy"):
        fc.select_triplets(f, labels, 5, "easy")
    with pytest.raises(ValueError, match="2 photos"):
        fc.select_triplets(f[:6], np.arange(6), 5)


def test_pair_features_and_classifier():
    rng = np.random.default_rng(2)
    f1 = rng.uniform(0, 1, (40, 5))
    f2 = np.where(np.arange(40)[:, None] < 20, f1 + 0.05 * rng.standard_normal((40, 5)),
                  rng.uniform(0, 1, (40, 5)))  # fmt: skip
    f2 = np.clip(f2, 0, 1)
    X = fc.pair_features(f1, f2, "abs")
    assert X.shape == (5, 40)
    chi = fc.pair_features(np.zeros((2, 3)), np.zeros((2, 3)), "chi2")
    assert np.all(chi == 0)  # 0 / 0 is defined as 0, never NaN
    with pytest.raises(ValueError, match="non-negative"):
        fc.pair_features(-f1, f2, "chi2")
    Y = (np.arange(40) < 20).astype(float).reshape(1, -1)
    model = fc.train_pair_classifier(X, Y)
    assert model["costs"][-1] < model["costs"][0]
    assert np.mean((fc.predict_pairs(model, X) > 0.5) == Y) > 0.9


def test_softmax_has_no_output_for_a_new_person():
    rng = np.random.default_rng(3)
    X = rng.standard_normal((6, 5))
    model = fc.train_softmax(X[:, :4], np.arange(4), K=4)
    np.testing.assert_array_equal(fc.predict_softmax(model, X[:, :4]), np.arange(4))
    assert fc.predict_softmax(model, X).max() <= 3


def test_img_to_encoding_verify_who_is_it():
    model = ToyEncoder(16, 5, 0)
    rng = np.random.default_rng(4)
    photos = {name: rng.uniform(0, 1, (4, 4, 1)) for name in ("ann", "bob")}
    enc = fc.img_to_encoding(photos["ann"], model)
    assert enc.shape == (1, 5) and np.linalg.norm(enc) == pytest.approx(1)
    db = fc.build_database(photos, model)
    dist, door = fc.verify(photos["ann"], "ann", db, model)
    assert dist == pytest.approx(0, abs=1e-12) and door
    assert fc.who_is_it(photos["bob"], db, model) == (pytest.approx(0, abs=1e-12), "bob")
    far = fc.who_is_it(-photos["bob"], db, model)
    assert far[1] == fc.NOT_IN_DATABASE and far[0] > fc.COURSE_THRESHOLD
    with pytest.raises(ValueError, match="not in the database"):
        fc.verify(photos["ann"], "cy", db, model)
    with pytest.raises(TypeError, match="encoder"):
        fc.img_to_encoding(photos["ann"], "model")
