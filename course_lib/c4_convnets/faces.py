"""Face verification and one-shot learning in NumPy: triplet loss, distances, thresholds.

The course's Face Recognition functions (``triplet_loss``, ``img_to_encoding``, ``verify``,
``who_is_it``) and what the lesson measures around them: the chance of a false match among K
people, "persons" made from one face by augmentation, the triplet loss's gradient, triplet
selection (random, semi-hard, hard), pair distances with the ROC curve and the best
threshold tau, verification as logistic regression on pair features (|f_i - f_j| or the
chi-square feature), and a softmax over persons that cannot take a new person.

Encodings are rows: ``f`` of shape (m, n_f), one encoding per row (the course's (m, 128)).
Images are (n_H, n_W) or (n_H, n_W, n_C); batches (m, n_H, n_W, n_C). float64 throughout.

Taught in: notebooks/c4_convnets/14_face_verification.py
"""

from __future__ import annotations

import numpy as np

from course_lib.validation import require_finite, require_int, require_number, require_numeric

__all__ = [
    "COURSE_THRESHOLD",
    "NOT_IN_DATABASE",
    "false_match_chance",
    "face_images",
    "augment_face",
    "make_persons",
    "l2_normalize",
    "triplet_loss",
    "triplet_loss_forward",
    "triplet_loss_backward",
    "triplet_loss_and_grads",
    "squared_distances",
    "select_triplets",
    "triplet_margin_stats",
    "make_pairs",
    "pair_distances",
    "roc_curve",
    "confusion_at",
    "best_threshold",
    "verification_accuracy",
    "pair_features",
    "train_pair_classifier",
    "predict_pairs",
    "train_softmax",
    "predict_softmax",
    "img_to_encoding",
    "build_database",
    "verify",
    "who_is_it",
]

COURSE_THRESHOLD = 0.7  # the course's door threshold on the L2 distance of unit encodings
NOT_IN_DATABASE = "not in the database"
STRATEGIES = ("random", "semi-hard", "hard")


# --- small validators ------------------------------------------------------------------------


def _encodings(name: str, f, n_f: int | None = None) -> np.ndarray:
    """f as a float64 (m, n_f) array of finite numbers with m >= 1 and n_f >= 1."""
    f = require_finite(name, f).astype(np.float64)
    if f.ndim != 2:
        raise ValueError(
            f"{name} must be encodings of shape (m, n_f), one per row; got shape {f.shape}."
        )
    if f.shape[0] < 1:
        raise ValueError(f"{name} holds no encodings (m = 0); at least one is needed.")
    if f.shape[1] < 1:
        raise ValueError(f"{name} has encodings of size n_f = 0; they need at least 1 number.")
    if n_f is not None and f.shape[1] != n_f:
        raise ValueError(f"{name} has encodings of size {f.shape[1]}; expected n_f = {n_f}.")
    return f


def _labels(name: str, labels, m: int) -> np.ndarray:
    labels = require_finite(name, labels)
    if labels.ndim != 1 or labels.shape[0] != m:
        raise ValueError(
            f"{name} must hold one person label per encoding, shape ({m},); got {labels.shape}."
        )
    if labels.dtype.kind == "f" and not np.all(labels == np.round(labels)):
        raise ValueError(f"{name} must be whole-number person labels.")
    return labels.astype(np.int64)


def _rng(seed) -> np.random.Generator:
    if isinstance(seed, np.random.Generator):
        return seed
    return np.random.default_rng(require_int("seed", seed, 0))


def _triplet(y_pred):
    """(anchor, positive, negative) as three float64 (m, n_f) arrays of the same shape."""
    stacked = isinstance(y_pred, np.ndarray) and y_pred.ndim == 3 and y_pred.shape[0] == 3
    if stacked or (isinstance(y_pred, (list, tuple)) and len(y_pred) == 3):
        parts = list(y_pred)
    else:
        raise ValueError(
            "y_pred must be (anchor, positive, negative): three encodings of shape (m, n_f)."
        )
    names = ("anchor", "positive", "negative")
    out = []
    for name, part in zip(names, parts):
        arr = require_finite(name, part).astype(np.float64)
        if arr.ndim == 1:
            arr = arr[None, :]
        out.append(_encodings(name, arr))
    for name, arr in zip(names[1:], out[1:]):
        if arr.shape != out[0].shape:
            raise ValueError(
                f"{name} has shape {arr.shape}; it must match the anchor's {out[0].shape}."
            )
    return out


# --- C4.91: verification vs recognition ------------------------------------------------------


def false_match_chance(e, K):
    """The chance of at least one wrong match when a query is compared with K people.

    With a per-comparison error e and independent comparisons: 1 - (1 - e)^K.

    Args:
        e: per-comparison error in [0, 1] (a number or an array).
        K: number of people in the database, >= 1 (a number or an array).

    Returns:
        float (or an array broadcast from e and K).
    """
    e = require_finite("e", e).astype(np.float64)
    K = require_finite("K", K).astype(np.float64)
    if np.any(e < 0) or np.any(e > 1):
        raise ValueError("the per-comparison error e must lie in [0, 1].")
    if np.any(K < 1):
        raise ValueError("the number of people K must be >= 1.")
    out = -np.expm1(K * np.log1p(-np.where(e >= 1, 0.0, e)))
    out = np.where(e >= 1, 1.0, out)
    return float(out) if out.ndim == 0 else out


# --- data: persons from single faces ---------------------------------------------------------


def face_images() -> np.ndarray:
    """The 100 faces of scikit-image's ``lfw_subset``: (100, 25, 25) grey, in [0, 1].

    Each one is a different person of Labeled Faces in the Wild; the lesson turns each face
    into a "person" with many photos by augmentation (``make_persons``).
    """
    from skimage.data import lfw_subset

    return np.asarray(lfw_subset()[:100], dtype=np.float64)


def augment_face(
    image,
    rng,
    max_shift: float = 2.0,
    max_rotation: float = 10.0,
    max_scale: float = 0.1,
    max_brightness: float = 0.1,
    noise: float = 0.03,
) -> np.ndarray:
    """One new "photo" of a face: a random shift, rotation, scale, brightness and noise.

    Args:
        image: (n_H, n_W) grey image in [0, 1].
        rng: a np.random.Generator (or an int seed).
        max_shift: largest shift in pixels (each direction). max_rotation: degrees.
        max_scale: the zoom factor is drawn from [1 - max_scale, 1 + max_scale].
        max_brightness: added brightness drawn from [-b, b]. noise: Gaussian noise std.

    Returns:
        (n_H, n_W) float64 in [0, 1].
    """
    from scipy import ndimage

    image = require_finite("image", image).astype(np.float64)
    if image.ndim != 2 or min(image.shape) < 2:
        raise ValueError(f"image must be a grey image (n_H, n_W) of >= 2x2; got {image.shape}.")
    for name, value, top in (("max_shift", max_shift, None), ("max_rotation", max_rotation, 180),
                             ("max_scale", max_scale, 0.9), ("max_brightness", max_brightness, 1),
                             ("noise", noise, 1)):  # fmt: skip
        require_number(name, value, 0, top)
    rng = _rng(rng)
    angle = np.deg2rad(rng.uniform(-max_rotation, max_rotation))
    zoom = rng.uniform(1 - max_scale, 1 + max_scale)
    shift = rng.uniform(-max_shift, max_shift, 2)
    c, s = np.cos(angle), np.sin(angle)
    matrix = np.array([[c, -s], [s, c]]) / zoom  # output coords -> input coords
    centre = (np.array(image.shape) - 1) / 2
    offset = centre - matrix @ (centre + shift)
    out = ndimage.affine_transform(image, matrix, offset=offset, order=1, mode="nearest")
    out = (
        out
        + rng.uniform(-max_brightness, max_brightness)
        + noise * rng.standard_normal(image.shape)
    )
    return np.clip(out, 0.0, 1.0)


def make_persons(images, n_photos: int, seed: int = 0, **augment) -> dict:
    """Turn each image into a person with ``n_photos`` augmented photos.

    Args:
        images: (P, n_H, n_W) grey images in [0, 1], one per person.
        n_photos: photos per person, >= 1.
        seed: seed of the augmentation.
        **augment: keyword arguments of ``augment_face``.

    Returns:
        {"x": (P * n_photos, n_H, n_W, 1) float64, "labels": (P * n_photos,) int
        (person index 0..P-1, photos of one person consecutive)}.
    """
    images = require_finite("images", images).astype(np.float64)
    if images.ndim != 3:
        raise ValueError(f"images must have shape (P, n_H, n_W); got {images.shape}.")
    if images.shape[0] < 1:
        raise ValueError("images holds no person (P = 0).")
    n_photos = require_int("n_photos", n_photos, 1)
    rng = _rng(seed)
    x = np.stack([augment_face(img, rng, **augment) for img in images for _ in range(n_photos)])
    labels = np.repeat(np.arange(images.shape[0]), n_photos)
    return {"x": x[..., None], "labels": labels}


# --- C4.94-C4.95: encodings and the triplet loss ---------------------------------------------


def l2_normalize(f, epsilon: float = 1e-12) -> np.ndarray:
    """Scale each row of f to unit L2 norm (a row of zeros stays zero).

    Args:
        f: (m, n_f) encodings (a single (n_f,) encoding is accepted too).
        epsilon: guard for all-zero rows.

    Returns:
        float64 array of f's shape.
    """
    f = require_finite("f", f).astype(np.float64)
    if f.ndim not in (1, 2) or f.size == 0:
        raise ValueError(f"f must be encodings (m, n_f) or one encoding (n_f,); got {f.shape}.")
    require_number("epsilon", epsilon, 0, low_open=True)
    norm = np.linalg.norm(f, axis=-1, keepdims=True)
    return f / np.maximum(norm, epsilon)


def triplet_loss(y_true, y_pred, alpha: float = 0.2) -> float:
    """The course's triplet loss J = sum_i max(||A_i - P_i||^2 - ||A_i - N_i||^2 + alpha, 0).

    Args:
        y_true: unused (Keras's loss signature); anything, e.g. None.
        y_pred: (anchor, positive, negative), each (m, n_f) (nested lists too).
        alpha: the margin (the course's 0.2). Any finite number is accepted, as in the
            course's own tests (alpha = -2 gives 0 for identical encodings), although only
            alpha > 0 rules out the trivial encoder f = 0.

    Returns:
        float: the loss summed over the m triplets.
    """
    del y_true
    anchor, positive, negative = _triplet(y_pred)
    alpha = require_number("alpha", alpha)
    pos_dist = np.sum((anchor - positive) ** 2, axis=-1)
    neg_dist = np.sum((anchor - negative) ** 2, axis=-1)
    basic_loss = pos_dist - neg_dist + alpha
    return float(np.sum(np.maximum(basic_loss, 0.0)))


def triplet_loss_forward(anchor, positive, negative, alpha: float = 0.2):
    """Forward pass of the triplet loss with its cache (the layers' contract).

    Args:
        anchor, positive, negative: (m, n_f) encodings f(A), f(P), f(N).
        alpha: the margin, a finite number (as in ``triplet_loss``).

    Returns:
        (J, cache): J a float (sum over the m triplets), cache for ``triplet_loss_backward``.
    """
    A, P, N = _triplet((anchor, positive, negative))
    alpha = require_number("alpha", alpha)
    basic = np.sum((A - P) ** 2, axis=-1) - np.sum((A - N) ** 2, axis=-1) + alpha
    J = float(np.sum(np.maximum(basic, 0.0)))
    return J, {"anchor": A, "positive": P, "negative": N, "active": basic > 0}


def triplet_loss_backward(dJ, cache) -> dict:
    """Gradients of the triplet loss: only triplets with a positive basic loss contribute.

    For an active triplet: dA = 2 (N - P), dP = -2 (A - P), dN = 2 (A - N) (times dJ).

    Args:
        dJ: upstream gradient, a number (1.0 for the loss itself).
        cache: from ``triplet_loss_forward``.

    Returns:
        {"danchor", "dpositive", "dnegative"}: each (m, n_f).
    """
    dJ = float(require_finite("dJ", dJ).reshape(-1)[0]) if np.size(dJ) == 1 else None
    if dJ is None:
        raise ValueError("dJ must be one number: the triplet loss J is a scalar.")
    if not isinstance(cache, dict) or not {"anchor", "positive", "negative", "active"} <= set(
        cache
    ):
        raise ValueError("cache must be the dict returned by triplet_loss_forward.")
    A, P, N = cache["anchor"], cache["positive"], cache["negative"]
    on = cache["active"][:, None] * dJ
    return {"danchor": 2 * (N - P) * on, "dpositive": -2 * (A - P) * on,
            "dnegative": 2 * (A - N) * on}  # fmt: skip


def triplet_loss_and_grads(y_pred, alpha: float = 0.2):
    """The triplet loss and its gradients in one call.

    Args:
        y_pred: (anchor, positive, negative), each (m, n_f). alpha: the margin.

    Returns:
        (J, {"danchor", "dpositive", "dnegative"}).
    """
    anchor, positive, negative = _triplet(y_pred)
    J, cache = triplet_loss_forward(anchor, positive, negative, alpha)
    return J, triplet_loss_backward(1.0, cache)


def squared_distances(f1, f2) -> np.ndarray:
    """All squared distances ||f1_i - f2_j||^2 between two sets of encodings.

    Args:
        f1: (n, n_f). f2: (k, n_f).

    Returns:
        (n, k) float64, never negative.
    """
    f1 = _encodings("f1", f1)
    f2 = _encodings("f2", f2, f1.shape[1])
    d = np.sum(f1**2, 1)[:, None] + np.sum(f2**2, 1)[None, :] - 2 * f1 @ f2.T
    return np.maximum(d, 0.0)


# --- C4.97: choosing triplets ----------------------------------------------------------------


def _check_persons(labels):
    counts = np.bincount(labels - labels.min())
    counts = counts[counts > 0]
    if counts.size < 2:
        raise ValueError("triplets need at least 2 different persons in labels.")
    if counts.max() < 2:
        raise ValueError("triplets need a person with at least 2 photos (anchor and positive).")


def select_triplets(
    f, labels, n_triplets: int, strategy: str = "random", alpha: float = 0.2, seed=0
) -> np.ndarray:
    """Pick (anchor, positive, negative) index triplets from encoded photos.

    Every strategy draws the anchor and the positive at random (same person, different
    photos). The negative is: "random", any photo of another person; "semi-hard", one with
    d(A, P) < d(A, N) < d(A, P) + alpha (loss positive but the order right; a random negative
    where none exists); "hard", the closest negative (largest loss). d is the squared distance.

    Args:
        f: (m, n_f) encodings. labels: (m,) person of each photo.
        n_triplets: how many triplets, >= 1. strategy: "random", "semi-hard" or "hard".
        alpha: the margin. seed: int seed or Generator.

    Returns:
        (n_triplets, 3) int indices into f.
    """
    f = _encodings("f", f)
    labels = _labels("labels", labels, f.shape[0])
    n_triplets = require_int("n_triplets", n_triplets, 1)
    alpha = require_number("alpha", alpha, 0)
    if strategy not in STRATEGIES:
        raise ValueError(f"strategy must be one of {STRATEGIES}; got {strategy!r}.")
    _check_persons(labels)
    rng = _rng(seed)
    idx = np.arange(f.shape[0])
    has_pair = np.array([np.sum(labels == lab) >= 2 for lab in labels])
    anchors = rng.choice(idx[has_pair], n_triplets)
    d = squared_distances(f[anchors], f) if strategy != "random" else None
    out = np.empty((n_triplets, 3), dtype=np.int64)
    for t, a in enumerate(anchors):
        same = idx[(labels == labels[a]) & (idx != a)]
        others = idx[labels != labels[a]]
        p = rng.choice(same)
        if strategy == "random":
            n = rng.choice(others)
        else:
            dn = d[t, others]
            if strategy == "hard":
                n = others[np.argmin(dn)]
            else:
                dp = d[t, p]
                ok = others[(dn > dp) & (dn < dp + alpha)]
                n = rng.choice(ok) if ok.size else rng.choice(others)
        out[t] = a, p, n
    return out


def triplet_margin_stats(f, triplets, alpha: float = 0.2) -> dict:
    """How many triplets already satisfy the margin d(A, P) + alpha <= d(A, N) (zero loss).

    Args:
        f: (m, n_f) encodings. triplets: (t, 3) indices (anchor, positive, negative).
        alpha: the margin.

    Returns:
        {"satisfied": fraction with zero loss, "mean_loss": mean per-triplet loss,
        "losses": (t,)}.
    """
    f = _encodings("f", f)
    triplets = require_finite("triplets", triplets)
    if triplets.ndim != 2 or triplets.shape[1] != 3 or triplets.shape[0] < 1:
        raise ValueError(f"triplets must have shape (t, 3) with t >= 1; got {triplets.shape}.")
    if np.any(triplets != np.round(triplets)) or triplets.min() < 0 or triplets.max() >= len(f):
        raise ValueError(f"triplets must hold whole-number indices in 0..{len(f) - 1}.")
    alpha = require_number("alpha", alpha, 0)
    t = triplets.astype(np.int64)
    A, P, N = f[t[:, 0]], f[t[:, 1]], f[t[:, 2]]
    losses = np.maximum(np.sum((A - P) ** 2, 1) - np.sum((A - N) ** 2, 1) + alpha, 0.0)
    return {"satisfied": float(np.mean(losses == 0)), "mean_loss": float(losses.mean()),
            "losses": losses}  # fmt: skip


# --- C4.93: pairs, distances, thresholds ------------------------------------------------------


def make_pairs(labels, n_different: int | None = None, seed=0) -> dict:
    """Every same-person pair of photos plus as many (or n_different) different-person pairs.

    Args:
        labels: (m,) person of each photo. n_different: different-person pairs (default: as
        many as same-person pairs, so chance is 50 %). seed: seed of the draw.

    Returns:
        {"i": (p,), "j": (p,) photo indices (i < j), "same": (p,) bool}.
    """
    labels = require_finite("labels", labels)
    if labels.ndim != 1:
        raise ValueError(f"labels must have shape (m,); got {labels.shape}.")
    labels = _labels("labels", labels, labels.shape[0])
    if labels.size < 2:
        raise ValueError("pairs need at least 2 photos.")
    _check_persons(labels)
    i, j = np.triu_indices(labels.size, 1)
    same = labels[i] == labels[j]
    n_same = int(same.sum())
    diff = np.flatnonzero(~same)
    if n_different is None:
        n_different = n_same
    n_different = require_int("n_different", n_different, 1)
    rng = _rng(seed)
    pick = rng.choice(diff, min(n_different, diff.size), replace=False)
    keep = np.sort(np.r_[np.flatnonzero(same), pick])
    return {"i": i[keep], "j": j[keep], "same": same[keep]}


def pair_distances(f, pairs, squared: bool = True) -> np.ndarray:
    """d for every pair: ||f_i - f_j||^2 (squared, the lecture's d) or ||f_i - f_j||.

    Args:
        f: (m, n_f) encodings. pairs: ``make_pairs`` output (keys "i", "j").
        squared: the squared distance (True) or the L2 distance (False).

    Returns:
        (p,) float64.
    """
    f = _encodings("f", f)
    if not isinstance(pairs, dict) or "i" not in pairs or "j" not in pairs:
        raise ValueError("pairs must be the dict of make_pairs (keys 'i', 'j', 'same').")
    i = require_finite("pairs['i']", pairs["i"]).astype(np.int64)
    j = require_finite("pairs['j']", pairs["j"]).astype(np.int64)
    if i.shape != j.shape or i.ndim != 1:
        raise ValueError("pairs['i'] and pairs['j'] must be index arrays of the same shape (p,).")
    if i.size and (min(i.min(), j.min()) < 0 or max(i.max(), j.max()) >= len(f)):
        raise ValueError(f"pair indices must lie in 0..{len(f) - 1}.")
    d = np.sum((f[i] - f[j]) ** 2, axis=1)
    return d if squared else np.sqrt(d)


def _dist_same(distances, same):
    distances = require_finite("distances", distances).astype(np.float64)
    same = require_numeric("same", same)
    if distances.ndim != 1 or same.shape != distances.shape:
        raise ValueError(
            f"distances and same must both have shape (p,); got {distances.shape} and {same.shape}."
        )
    if distances.size == 0:
        raise ValueError("there are no pairs (p = 0).")
    if not np.all((same == 0) | (same == 1)):
        raise ValueError("same must hold 0/1 (or False/True): 1 for a same-person pair.")
    same = same.astype(bool)
    if same.all() or not same.any():
        raise ValueError("the pairs need both same-person and different-person pairs.")
    return distances, same


def roc_curve(distances, same, taus=None) -> dict:
    """True-accept and false-accept rates of the rule "d <= tau -> same" over thresholds.

    Args:
        distances: (p,) d of each pair. same: (p,) 1 for a same-person pair.
        taus: (t,) thresholds (default: one below every d, then every distinct d).

    Returns:
        {"taus": (t,), "tar": (t,) fraction of same pairs accepted, "far": (t,) fraction of
        different pairs accepted, "auc": area under the ROC curve}.
    """
    distances, same = _dist_same(distances, same)
    if taus is None:
        taus = np.r_[distances.min() - 1.0, np.unique(distances)]
    taus = np.sort(require_numeric("taus", taus).astype(np.float64).ravel())
    if taus.size == 0 or np.isnan(taus).any():
        raise ValueError("taus must hold at least one threshold and no NaN.")
    ds, dd = np.sort(distances[same]), np.sort(distances[~same])
    tar = np.searchsorted(ds, taus, side="right") / ds.size
    far = np.searchsorted(dd, taus, side="right") / dd.size
    # AUC: the chance that a same pair is closer than a different pair (ties count half).
    below = np.searchsorted(dd, ds, side="left")
    ties = np.searchsorted(dd, ds, side="right") - below
    auc = float(np.sum(dd.size - below - ties + 0.5 * ties) / (ds.size * dd.size))
    return {"taus": taus, "tar": tar, "far": far, "auc": auc}


def confusion_at(distances, same, tau: float) -> dict:
    """The confusion counts of "d <= tau -> same" at one threshold.

    Args:
        distances: (p,) d of each pair. same: (p,) 1 for a same-person pair. tau: threshold.

    Returns:
        {"TP" (same, accepted), "FN" (same, rejected), "FP" (different, accepted),
        "TN" (different, rejected): ints; "accuracy", "tar", "far": floats}.
    """
    distances, same = _dist_same(distances, same)
    tau = require_number("tau", tau)
    accept = distances <= tau
    tp, fn = int(np.sum(accept & same)), int(np.sum(~accept & same))
    fp, tn = int(np.sum(accept & ~same)), int(np.sum(~accept & ~same))
    return {"TP": tp, "FN": fn, "FP": fp, "TN": tn, "accuracy": (tp + tn) / same.size,
            "tar": tp / (tp + fn), "far": fp / (fp + tn)}  # fmt: skip


def best_threshold(distances, same) -> float:
    """The tau with the highest accuracy of "d <= tau -> same" (midpoint between distances).

    Args:
        distances: (p,) d of each pair (a dev split). same: (p,) 1 for a same-person pair.

    Returns:
        float tau.
    """
    distances, same = _dist_same(distances, same)
    values = np.unique(distances)
    candidates = np.r_[values[0] - 1e-9, (values[:-1] + values[1:]) / 2, values[-1] + 1e-9]
    order = np.argsort(distances)
    d_sorted, s_sorted = distances[order], same[order]
    accepted_same = np.searchsorted(d_sorted, candidates, side="right")
    cum_same = np.r_[0, np.cumsum(s_sorted)]
    tp = cum_same[accepted_same]
    fp = accepted_same - tp
    acc = (tp + (np.sum(~same) - fp)) / same.size
    return float(candidates[int(np.argmax(acc))])


def verification_accuracy(distances, same, tau: float) -> float:
    """Accuracy of "d <= tau -> same" on pairs.

    Args:
        distances: (p,). same: (p,) 0/1. tau: threshold.

    Returns:
        float in [0, 1].
    """
    return confusion_at(distances, same, tau)["accuracy"]


# --- C4.98-C4.99: verification as binary classification ---------------------------------------


def pair_features(f1, f2, kind: str = "abs") -> np.ndarray:
    """Features of encoding pairs for a logistic-regression verifier.

    "abs": |f1_k - f2_k|. "chi2": (f1_k - f2_k)^2 / (f1_k + f2_k), defined for non-negative
    encodings only (it would divide by zero or flip sign otherwise); where f1_k + f2_k = 0
    both entries are 0 and the feature is 0.

    Args:
        f1, f2: (p, n_f) encodings of the two images of each pair. kind: "abs" or "chi2".

    Returns:
        (n_f, p) features, one pair per column (the course's X).
    """
    f1 = _encodings("f1", f1)
    f2 = _encodings("f2", f2, f1.shape[1])
    if f2.shape != f1.shape:
        raise ValueError(f"f1 and f2 must have the same shape; got {f1.shape} and {f2.shape}.")
    if kind == "abs":
        return np.abs(f1 - f2).T
    if kind == "chi2":
        if f1.min() < 0 or f2.min() < 0:
            raise ValueError(
                "the chi-square feature needs non-negative encodings (f1_k + f2_k could be 0 "
                "or negative); map them first, e.g. (f + 1) / 2 for unit-norm encodings."
            )
        total = f1 + f2
        safe = np.where(total > 0, total, 1.0)
        return np.where(total > 0, (f1 - f2) ** 2 / safe, 0.0).T
    raise ValueError(f"kind must be 'abs' or 'chi2'; got {kind!r}.")


def _sigmoid(z):
    return np.where(
        z >= 0, 1 / (1 + np.exp(-np.abs(z))), np.exp(-np.abs(z)) / (1 + np.exp(-np.abs(z)))
    )


def train_pair_classifier(
    X, Y, learning_rate: float = 0.5, num_iterations: int = 500, lambd: float = 0.0
) -> dict:
    """Logistic regression yhat = sigma(sum_k w_k x_k + b) on pair features (gradient descent).

    Args:
        X: (n_f, m) pair features. Y: (1, m) 1 = same person, 0 = different.
        learning_rate: alpha. num_iterations: full-batch steps. lambd: L2 strength.

    Returns:
        {"w": (n_f, 1), "b": float, "costs": list of the cross-entropy cost every step,
        "mean", "std": (n_f, 1) the feature standardisation learnt on X}.
    """
    X = require_finite("X", X).astype(np.float64)
    Y = require_finite("Y", Y).astype(np.float64)
    if X.ndim != 2 or X.shape[0] < 1 or X.shape[1] < 1:
        raise ValueError(f"X must be features (n_f, m) with m >= 1; got {X.shape}.")
    if Y.shape != (1, X.shape[1]):
        raise ValueError(f"Y must have shape (1, m) = (1, {X.shape[1]}); got {Y.shape}.")
    if not np.all((Y == 0) | (Y == 1)):
        raise ValueError("Y must hold 0/1 labels (1 = same person).")
    learning_rate = require_number("learning_rate", learning_rate, 0, low_open=True)
    num_iterations = require_int("num_iterations", num_iterations, 1)
    lambd = require_number("lambd", lambd, 0)
    mean, std = X.mean(1, keepdims=True), X.std(1, keepdims=True) + 1e-8
    Z = (X - mean) / std
    m = X.shape[1]
    w, b, costs = np.zeros((X.shape[0], 1)), 0.0, []
    for _ in range(num_iterations):
        A = _sigmoid(w.T @ Z + b)
        eps = 1e-12
        costs.append(float(-np.mean(Y * np.log(A + eps) + (1 - Y) * np.log(1 - A + eps))))
        dZ = A - Y
        w -= learning_rate * (Z @ dZ.T / m + lambd * w / m)
        b -= learning_rate * float(np.mean(dZ))
    return {"w": w, "b": b, "costs": costs, "mean": mean, "std": std}


def predict_pairs(model: dict, X) -> np.ndarray:
    """yhat = sigma(w^T x + b) for pair features X (standardised as in training).

    Args:
        model: from ``train_pair_classifier``. X: (n_f, m).

    Returns:
        (1, m) probabilities that each pair is the same person.
    """
    if not isinstance(model, dict) or not {"w", "b", "mean", "std"} <= set(model):
        raise ValueError("model must be the dict returned by train_pair_classifier.")
    X = require_finite("X", X).astype(np.float64)
    if X.ndim != 2 or X.shape[0] != model["w"].shape[0] or X.shape[1] < 1:
        raise ValueError(f"X must have shape (n_f, m) = ({model['w'].shape[0]}, m); got {X.shape}.")
    return _sigmoid(model["w"].T @ ((X - model["mean"]) / model["std"]) + model["b"])


# --- C4.92: a softmax over persons ------------------------------------------------------------


def train_softmax(X, y, K: int, learning_rate: float = 0.5, num_iterations: int = 300) -> dict:
    """Softmax regression over K persons (one output per person), full-batch gradient descent.

    Args:
        X: (n_x, m) inputs, one example per column. y: (m,) person indices in 0..K-1.
        K: number of outputs. learning_rate, num_iterations: gradient descent.

    Returns:
        {"W": (K, n_x), "b": (K, 1), "mean": (n_x, 1)}.
    """
    X = require_finite("X", X).astype(np.float64)
    if X.ndim != 2 or X.shape[1] < 1:
        raise ValueError(f"X must have shape (n_x, m) with m >= 1; got {X.shape}.")
    K = require_int("K", K, 1)
    y = _labels("y", y, X.shape[1])
    if y.min() < 0 or y.max() >= K:
        raise ValueError(f"y must hold person indices in 0..K-1 = 0..{K - 1}.")
    learning_rate = require_number("learning_rate", learning_rate, 0, low_open=True)
    num_iterations = require_int("num_iterations", num_iterations, 1)
    mean = X.mean(1, keepdims=True)
    Z = X - mean
    m = X.shape[1]
    Y = np.eye(K)[y].T
    W, b = np.zeros((K, X.shape[0])), np.zeros((K, 1))
    for _ in range(num_iterations):
        S = W @ Z + b
        S = np.exp(S - S.max(0, keepdims=True))
        A = S / S.sum(0, keepdims=True)
        dS = (A - Y) / m
        W -= learning_rate * dS @ Z.T
        b -= learning_rate * dS.sum(1, keepdims=True)
    return {"W": W, "b": b, "mean": mean}


def predict_softmax(model: dict, X) -> np.ndarray:
    """The person with the largest softmax output for each column of X.

    Args:
        model: from ``train_softmax``. X: (n_x, m).

    Returns:
        (m,) int person indices in 0..K-1 (a softmax can only answer a known person).
    """
    if not isinstance(model, dict) or not {"W", "b", "mean"} <= set(model):
        raise ValueError("model must be the dict returned by train_softmax.")
    X = require_finite("X", X).astype(np.float64)
    if X.ndim != 2 or X.shape[0] != model["W"].shape[1] or X.shape[1] < 1:
        raise ValueError(f"X must have shape (n_x, m) = ({model['W'].shape[1]}, m); got {X.shape}.")
    return np.argmax(model["W"] @ (X - model["mean"]) + model["b"], axis=0)


# --- C4.100 and the course's functions --------------------------------------------------------


def _require_model(model):
    if not callable(model) and not hasattr(model, "predict_on_batch"):
        raise TypeError(f"model must be an encoder (a Keras model or a function); got {model!r}.")


def img_to_encoding(image, model) -> np.ndarray:
    """The course's ``img_to_encoding``, on an image array instead of a file path.

    The course reads the image from a path and resizes it; here the image is already an
    array of the encoder's input size. The encoder's output is scaled to unit L2 norm.

    Args:
        image: (n_H, n_W) or (n_H, n_W, n_C) image (a batch of one, (1, n_H, n_W, n_C), too).
        model: a Keras model (its ``predict_on_batch`` is used) or any function mapping a
            batch (1, n_H, n_W, n_C) to encodings (1, n_f).

    Returns:
        (1, n_f) float64 encoding of unit L2 norm.
    """
    _require_model(model)
    x = require_finite("image", image).astype(np.float64)
    if x.ndim == 2:
        x = x[..., None]
    if x.ndim == 3:
        x = x[None]
    if x.ndim != 4 or x.shape[0] != 1 or min(x.shape) < 1:
        raise ValueError(f"image must be (n_H, n_W), (n_H, n_W, n_C) or (1, ...); got {x.shape}.")
    predict = getattr(model, "predict_on_batch", None) or model
    out = np.asarray(predict(x), dtype=np.float64).reshape(1, -1)
    if not np.isfinite(out).all():
        raise ValueError("the encoder returned NaN or infinity for this image.")
    return l2_normalize(out)


def build_database(images: dict, model) -> dict:
    """Encode every image of a database once: {name: (1, n_f) encoding}.

    Args:
        images: {name: image (n_H, n_W[, n_C])}. model: the encoder.

    Returns:
        {name: img_to_encoding(image, model)}.
    """
    if not isinstance(images, dict) or not images:
        raise ValueError("images must be a non-empty dict {name: image}.")
    return {name: img_to_encoding(image, model) for name, image in images.items()}


def _require_database(database):
    if not isinstance(database, dict) or not database:
        raise ValueError("database must be a non-empty dict {name: encoding (1, n_f)}.")
    for name, enc in database.items():
        enc = require_finite(f"database[{name!r}]", enc)
        if enc.size < 1:
            raise ValueError(f"database[{name!r}] is an empty encoding.")


def verify(image, identity, database, model, threshold: float = COURSE_THRESHOLD):
    """The course's ``verify``: is the person in ``image`` the claimed ``identity``?

    dist = ||f(image) - database[identity]||_2; the door opens when dist < threshold.

    Args:
        image: the query image (see ``img_to_encoding``). identity: a key of database.
        database: {name: (1, n_f) encoding}. model: the encoder.
        threshold: the course's 0.7 by default (our encoder's lesson uses its own tau).

    Returns:
        (dist: float, door_open: bool).
    """
    _require_database(database)
    if identity not in database:
        raise ValueError(f"{identity!r} is not in the database; it holds {sorted(database)}.")
    threshold = require_number("threshold", threshold, 0)
    encoding = img_to_encoding(image, model)
    target = np.asarray(database[identity], dtype=np.float64).reshape(1, -1)
    if target.shape != encoding.shape:
        raise ValueError(
            f"database[{identity!r}] has {target.size} numbers; the encoder gives {encoding.size}."
        )
    dist = float(np.linalg.norm(encoding - target))
    return dist, bool(dist < threshold)


def who_is_it(image, database, model, threshold: float = COURSE_THRESHOLD):
    """The course's ``who_is_it``: the closest person of the database, if close enough.

    Args:
        image: the query image. database: {name: (1, n_f) encoding}. model: the encoder.
        threshold: above it the answer is ``NOT_IN_DATABASE`` (course: 0.7).

    Returns:
        (min_dist: float, identity: the closest name, or "not in the database" when
        min_dist > threshold).
    """
    _require_database(database)
    threshold = require_number("threshold", threshold, 0)
    encoding = img_to_encoding(image, model)
    min_dist, identity = np.inf, None
    for name, enc in database.items():
        enc = np.asarray(enc, dtype=np.float64).reshape(1, -1)
        if enc.shape != encoding.shape:
            raise ValueError(
                f"database[{name!r}] has {enc.size} numbers; the encoder gives {encoding.size}."
            )
        dist = float(np.linalg.norm(encoding - enc))
        if dist < min_dist:
            min_dist, identity = dist, name
    if min_dist > threshold:
        identity = NOT_IN_DATABASE
    return min_dist, identity
