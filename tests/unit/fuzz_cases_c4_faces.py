"""Fuzz cases for course_lib/c4_convnets/faces.py (see test_fuzz_public_api.py)."""

from __future__ import annotations

import numpy as np
from fuzzing import Case, case, exempt

from course_lib.c4_convnets.faces_checks import ToyEncoder

_RNG = np.random.default_rng(0)
_F = _RNG.standard_normal((6, 4))
_LABELS = np.repeat(np.arange(3), 2)
_D = np.array([0.1, 0.2, 0.3, 0.4, 0.5, 0.6])
_SAME = np.array([1, 1, 0, 1, 0, 0])


@case("faces.false_match_chance")
def _false_match_chance():
    return Case({"e": np.array([0.01, 0.1]), "K": np.array([10.0, 100.0])}, arrays=("e", "K"))


@case("faces.augment_face")
def _augment_face():
    return Case({"image": _RNG.uniform(0, 1, (6, 6)), "rng": 0}, arrays=("image",))


@case("faces.make_persons")
def _make_persons():
    return Case({"images": _RNG.uniform(0, 1, (2, 6, 6)), "n_photos": 2}, images=("images",),
                counts=("n_photos",))  # fmt: skip


@case("faces.l2_normalize")
def _l2_normalize():
    return Case({"f": _F.copy()}, arrays=("f",))


@case("faces.triplet_loss")
def _triplet_loss():
    return Case({"y_true": None, "y_pred": np.stack([_F, _F[::-1], _F * 0.5])}, arrays=("y_pred",))


@case("faces.triplet_loss_forward")
def _triplet_loss_forward():
    return Case({"anchor": _F.copy(), "positive": _F[::-1].copy(), "negative": _F * 0.5},
                images=("anchor", "positive", "negative"))  # fmt: skip


@case("faces.triplet_loss_and_grads")
def _triplet_loss_and_grads():
    return Case({"y_pred": np.stack([_F, _F[::-1], _F * 0.5])}, arrays=("y_pred",))


@case("faces.squared_distances")
def _squared_distances():
    return Case({"f1": _F.copy(), "f2": _F[:2].copy()}, images=("f1", "f2"))


@case("faces.select_triplets")
def _select_triplets():
    return Case({"f": _F.copy(), "labels": _LABELS.copy(), "n_triplets": 4}, arrays=("f",),
                counts=("n_triplets",))  # fmt: skip


@case("faces.triplet_margin_stats")
def _triplet_margin_stats():
    return Case({"f": _F.copy(), "triplets": np.array([[0, 1, 2], [2, 3, 4]])},
                arrays=("f", "triplets"))  # fmt: skip


@case("faces.make_pairs")
def _make_pairs():
    return Case({"labels": _LABELS.copy()}, arrays=("labels",))


@case("faces.pair_distances")
def _pair_distances():
    return Case({"f": _F.copy(), "pairs": {"i": np.array([0, 1]), "j": np.array([1, 2])}},
                images=("f",))  # fmt: skip


@case("faces.roc_curve", "faces.best_threshold")
def _roc():
    return Case({"distances": _D.copy(), "same": _SAME.copy()}, arrays=("distances", "same"))


@case("faces.confusion_at", "faces.verification_accuracy")
def _confusion():
    return Case({"distances": _D.copy(), "same": _SAME.copy(), "tau": 0.3},
                arrays=("distances", "same"))  # fmt: skip


@case("faces.pair_features")
def _pair_features():
    return Case({"f1": np.abs(_F), "f2": np.abs(_F[::-1])}, images=("f1", "f2"))


@case("faces.train_pair_classifier")
def _train_pair_classifier():
    return Case({"X": np.abs(_F.T), "Y": np.array([[1, 0, 1, 0, 1, 0]]), "num_iterations": 5},
                examples=("X",), labels=("Y",), counts=("num_iterations",))  # fmt: skip


@case("faces.train_softmax")
def _train_softmax():
    return Case({"X": _F.T.copy(), "y": _LABELS.copy(), "K": 3, "num_iterations": 5},
                arrays=("X",), counts=("K", "num_iterations"))  # fmt: skip


@case("faces.img_to_encoding")
def _img_to_encoding():
    return Case({"image": _RNG.uniform(0, 1, (4, 4, 1)), "model": ToyEncoder(16, 5, 0)},
                arrays=("image",))  # fmt: skip


def _db():
    model = ToyEncoder(16, 5, 0)
    photos = {"ann": np.full((4, 4, 1), 0.2), "bob": np.eye(4)[..., None]}
    from course_lib.c4_convnets.faces import build_database

    return model, photos, build_database(photos, model)


@case("faces.build_database")
def _build_database():
    model, photos, _ = _db()
    return Case({"images": photos, "model": model})


@case("faces.verify")
def _verify():
    model, photos, db = _db()
    return Case({"image": photos["ann"] + 0.01, "identity": "ann", "database": db,
                 "model": model}, arrays=("image",))  # fmt: skip


@case("faces.who_is_it")
def _who_is_it():
    model, photos, db = _db()
    return Case({"image": photos["ann"] + 0.01, "database": db, "model": model},
                arrays=("image",))  # fmt: skip


exempt("loads the fixed scikit-image faces; takes no input", "faces.face_images")
exempt(
    "takes the cache dict of triplet_loss_forward (checked as a whole), not user data",
    "faces.triplet_loss_backward",
)
exempt("takes the model dict of train_pair_classifier", "faces.predict_pairs")
exempt("takes the model dict of train_softmax", "faces.predict_softmax")
