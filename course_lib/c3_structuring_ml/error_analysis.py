"""Error analysis: look at the dev examples a model gets wrong, tally their causes, act.

The data is a "3 detector" on scikit-learn's real 8x8 handwritten digits (``load_digits``),
a stand-in for the lecture's cat detector, whose dev examples carry KNOWN category tags
because the difficulties were put there on purpose:

- ``LOOK_ALIKE`` (the lecture's dogs): 5s, 8s and 9s, digits that resemble a 3;
- ``REVERSED`` (the great cats): 3s written mirror-wise, as children sometimes do; they
  count as 3s, but the training set has few of them;
- ``BLURRY``: smoothed with a Gaussian filter;
- ``INVERTED`` (the Instagram filters): dark ink on a light background, rare in training;
- ``MISLABELLED``: the recorded label is wrong (2 % of dev and test).

An image can carry several tags. ``misclassified`` finds the errors (prediction differs
from the RECORDED label, which is not the same thing as a wrong label), ``tally_table``
builds the lecture's spreadsheet with ``course_lib.tables.Table``, ``error_ceiling`` says
how far fixing one category can take you, and ``label_noise_experiment`` compares random
and systematic label noise in the training set.

Images are (64, m) columns X (the 8x8 pixels in [0, 1], row by row); Y is (1, m) of 0/1
with 1 = "this is a 3". Plain NumPy; the models are ``models.train_classifier``.

Taught in: notebooks/c3_structuring_ml/04_error_analysis.py.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from course_lib.c3_structuring_ml import label_noise as ln
from course_lib.c3_structuring_ml import models
from course_lib.tables import Table
from course_lib.validation import (
    require_binary_labels,
    require_finite,
    require_indices,
    require_shape,
)

__all__ = [
    "LOOK_ALIKE",
    "REVERSED",
    "BLURRY",
    "INVERTED",
    "MISLABELLED",
    "CATEGORIES",
    "FIXABLE",
    "SHORT_NAMES",
    "TRAIN_RATES",
    "DEV_RATES",
    "NOISE_KINDS",
    "TaggedSet",
    "make_tagged_digits",
    "apply_category",
    "add_category_copies",
    "train_model",
    "misclassified",
    "sample_errors",
    "tally",
    "short_tags",
    "tally_table",
    "error_ceiling",
    "ceiling_table",
    "label_error_breakdown",
    "correct_labels",
    "systematic_scores",
    "noisy_training_labels",
    "label_noise_experiment",
]

LOOK_ALIKE = "look-alike (5, 8, 9)"
REVERSED = "reversed 3"
BLURRY = "blurry"
INVERTED = "inverted colours"
MISLABELLED = "incorrectly labelled"
CATEGORIES = (LOOK_ALIKE, REVERSED, BLURRY, INVERTED, MISLABELLED)
FIXABLE = (REVERSED, BLURRY, INVERTED)  # categories ``add_category_copies`` can add
SHORT_NAMES = {
    LOOK_ALIKE: "look-alike",
    REVERSED: "reversed",
    BLURRY: "blurry",
    INVERTED: "inverted",
    MISLABELLED: "bad label",
}
LOOK_ALIKE_DIGITS = (5, 8, 9)
POSITIVE_DIGIT = 3

# Share of examples that get each treatment (REVERSED: share of the 3s; MISLABELLED: of all).
TRAIN_RATES = {REVERSED: 0.03, BLURRY: 0.03, INVERTED: 0.01, MISLABELLED: 0.0}
DEV_RATES = {REVERSED: 0.20, BLURRY: 0.25, INVERTED: 0.20, MISLABELLED: 0.02}
NOISE_KINDS = ("random", "systematic")

_SHIFTS = [(dy, dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1) if (dy, dx) != (0, 0)]


@dataclass(frozen=True)
class TaggedSet:
    """A set of digit images with recorded labels, true labels and category tags.

    Attributes:
        X: (64, m) pixels in [0, 1]. Y: (1, m) recorded labels (1 = "a 3").
        Y_true: (1, m) correct labels. digits: (m,) the true digit 0-9.
        tags: category -> (m,) bool, for LOOK_ALIKE, REVERSED, BLURRY, INVERTED;
            MISLABELLED is derived from Y != Y_true (see ``tag``).
        source: (m,) index of the original ``load_digits`` image.
    """

    X: np.ndarray
    Y: np.ndarray
    Y_true: np.ndarray
    digits: np.ndarray
    tags: dict = field(default_factory=dict)
    source: np.ndarray | None = None

    @property
    def m(self) -> int:
        """Number of examples."""
        return int(self.X.shape[1])

    @property
    def images(self) -> np.ndarray:
        """The examples as (m, 8, 8) images."""
        return self.X.T.reshape(-1, 8, 8)

    def tag(self, category: str) -> np.ndarray:
        """(m,) bool: which examples belong to ``category`` (one of ``CATEGORIES``)."""
        if category == MISLABELLED:
            return (self.Y_true != self.Y)[0]
        if category not in self.tags:
            raise ValueError(f"category must be one of {CATEGORIES}; got {category!r}.")
        return self.tags[category]


def _shift(image: np.ndarray, dy: int, dx: int) -> np.ndarray:
    out = np.zeros_like(image)
    h, w = image.shape
    out[max(dy, 0) : h + min(dy, 0), max(dx, 0) : w + min(dx, 0)] = image[
        max(-dy, 0) : h + min(-dy, 0), max(-dx, 0) : w + min(-dx, 0)
    ]
    return out


def apply_category(images, category: str) -> np.ndarray:
    """Give images the look of a category: mirror (REVERSED), blur (BLURRY), invert (INVERTED).

    Args:
        images: (k, 8, 8) values in [0, 1]. category: one of ``FIXABLE``.

    Returns:
        (k, 8, 8) new images in [0, 1].

    Taught in: notebooks/c3_structuring_ml/04_error_analysis.py, section 2.
    """
    from scipy import ndimage

    images = require_finite("images", images).astype(np.float64)
    if images.ndim != 3 or images.shape[1:] != (8, 8):
        raise ValueError(f"images must have shape (k, 8, 8); got {images.shape}.")
    if category == REVERSED:
        return images[:, :, ::-1].copy()
    if category == BLURRY:
        return (
            np.stack([ndimage.gaussian_filter(im, 1.0) for im in images])
            if len(images)
            else (images.copy())
        )
    if category == INVERTED:
        return 1.0 - images
    raise ValueError(f"category must be one of {FIXABLE}; got {category!r}.")


def _make_split(originals, images, digits, rates, copies, rng) -> TaggedSet:
    src = np.concatenate([originals] * copies)
    ims = images[src].copy()
    n0 = len(originals)
    for k in range(n0, len(src)):  # every copy after the first is shifted by one pixel
        ims[k] = _shift(ims[k], *_SHIFTS[rng.integers(len(_SHIFTS))])
    y = (digits[src] == POSITIVE_DIGIT).astype(np.float64)[None, :]
    m = len(src)
    tags = {LOOK_ALIKE: np.isin(digits[src], LOOK_ALIKE_DIGITS)}
    tags[REVERSED] = (rng.random(m) < rates[REVERSED]) & (y[0] == 1)
    tags[BLURRY] = rng.random(m) < rates[BLURRY]
    tags[INVERTED] = rng.random(m) < rates[INVERTED]
    for category in (REVERSED, BLURRY, INVERTED):  # in this order: a blurred, inverted 3 ...
        chosen = tags[category]
        ims[chosen] = apply_category(ims[chosen], category)
    wrong = rng.random(m) < rates[MISLABELLED]
    Y = np.where(wrong[None, :], 1.0 - y, y)
    return TaggedSet(ims.reshape(m, 64).T.copy(), Y, y, digits[src].copy(), tags, src)


def make_tagged_digits(
    seed: int = 0,
    train_rates: Mapping[str, float] | None = None,
    dev_rates: Mapping[str, float] | None = None,
    copies: int = 3,
) -> dict[str, TaggedSet]:
    """The 3-detector data set: train, dev and test splits with known category tags.

    The 1,797 ``load_digits`` images are split 40 / 30 / 30 % by original (no image is in
    two splits); each split holds every original plus ``copies - 1`` copies shifted by one
    pixel. Then each split gets its categories at its own rates: the dev and test sets
    (the users' images) have many more reversed, blurry and inverted digits than the
    training set, and 2 % wrong labels.

    Args:
        seed: the split's and the treatments' seed.
        train_rates, dev_rates: category -> rate; defaults ``TRAIN_RATES``, ``DEV_RATES``
            (dev and test use the same rates).
        copies: 1 original + (copies - 1) shifted versions of each image.

    Returns:
        {"train": TaggedSet, "dev": TaggedSet, "test": TaggedSet}; sizes 2,154 / 1,617 /
        1,620 with the defaults.

    Taught in: notebooks/c3_structuring_ml/04_error_analysis.py, section 1.
    """
    from sklearn.datasets import load_digits

    if int(copies) < 1:
        raise ValueError(f"copies must be >= 1; got {copies!r}.")
    rates = {"train": dict(TRAIN_RATES), "dev": dict(DEV_RATES), "test": dict(DEV_RATES)}
    for split, given in (("train", train_rates), ("dev", dev_rates), ("test", dev_rates)):
        for category, value in (given or {}).items():
            if category not in rates[split]:
                raise ValueError(f"rates can be set for {list(TRAIN_RATES)}; got {category!r}.")
            ln._fraction(f"rate of {category!r}", value)
            rates[split][category] = float(value)
    digits = load_digits()
    images, labels = digits.images / 16.0, digits.target
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(labels))
    cut1, cut2 = int(0.4 * len(order)), int(0.7 * len(order))
    parts = {"train": order[:cut1], "dev": order[cut1:cut2], "test": order[cut2:]}
    return {
        split: _make_split(np.sort(idx), images, labels, rates[split], int(copies), rng)
        for split, idx in parts.items()
    }


def add_category_copies(train: TaggedSet, category: str) -> TaggedSet:
    """ "Collect more data of a category": append a treated copy of training examples.

    REVERSED mirrors every 3 (a mirrored 5 is not a 3), BLURRY and INVERTED treat every
    training example; labels and tags travel with the copies.

    Args:
        train: the training set. category: one of ``FIXABLE``.

    Returns:
        A larger TaggedSet: the original examples followed by the new ones.

    Taught in: notebooks/c3_structuring_ml/04_error_analysis.py, section 2.
    """
    if category not in FIXABLE:
        raise ValueError(f"category must be one of {FIXABLE}; got {category!r}.")
    pick = np.flatnonzero(train.Y_true[0] == 1) if category == REVERSED else np.arange(train.m)
    new = apply_category(train.images[pick], category).reshape(len(pick), 64).T
    tags = {c: np.concatenate([t, t[pick]]) for c, t in train.tags.items()}
    tags[category][train.m :] = True
    source = None if train.source is None else np.concatenate([train.source, train.source[pick]])
    return TaggedSet(
        np.hstack([train.X, new]),
        np.hstack([train.Y, train.Y[:, pick]]),
        np.hstack([train.Y_true, train.Y_true[:, pick]]),
        np.concatenate([train.digits, train.digits[pick]]),
        tags,
        source,
    )


def train_model(
    train: TaggedSet,
    Y=None,
    hidden_layers: Sequence[int] = (32,),
    num_iterations: int = 1000,
    learning_rate: float = 0.3,
    seed: int = 0,
    progress: Callable[[float], None] | None = None,
) -> dict[str, np.ndarray]:
    """Train the 3 detector [64, *hidden_layers, 1] on a training set.

    Args:
        train: the training set. Y: (1, m) labels to train on instead of ``train.Y``
            (for the label-noise experiment).
        hidden_layers, num_iterations, learning_rate, seed: ``models.train_classifier``'s.
        progress: optional callable receiving the finished fraction.

    Returns:
        The parameters {"W1", "b1", ...}.

    Taught in: notebooks/c3_structuring_ml/04_error_analysis.py, section 1.
    """
    Y = train.Y if Y is None else require_shape("Y", Y, (1, train.m), "(1, m)")
    return models.train_classifier(
        train.X, Y, hidden_layers, num_iterations, learning_rate, seed, progress
    )


def misclassified(predictions, Y) -> np.ndarray:
    """Indices of the examples whose prediction differs from the recorded label.

    These are the model's ERRORS. Some of them are examples whose label is wrong, but the
    two sets differ: a wrongly labelled example the model agrees with is not an error.

    Args:
        predictions: (1, m) labels 0/1. Y: (1, m) recorded labels.

    Returns:
        (k,) int indices, increasing.

    Taught in: notebooks/c3_structuring_ml/04_error_analysis.py, section 1.
    """
    Y = require_shape("Y", Y, (1, None), "(1, m)")
    predictions = require_shape("predictions", predictions, (1, Y.shape[1]), "(1, m)")
    require_binary_labels("predictions", predictions)
    require_binary_labels("Y", Y)
    return np.flatnonzero(predictions[0] != Y[0])


def sample_errors(error_indices, n: int = 100, seed: int = 0) -> np.ndarray:
    """A random sample of n errors to examine by hand (all of them if there are fewer).

    Args:
        error_indices: (k,) indices of the misclassified dev examples.
        n: how many to examine (>= 1). seed: which ones.

    Returns:
        (min(n, k),) indices, increasing.

    Taught in: notebooks/c3_structuring_ml/04_error_analysis.py, section 1.
    """
    error_indices = require_indices("error_indices", error_indices)
    if isinstance(n, bool) or int(n) != n or n < 1:
        raise ValueError(f"n must be a positive integer; got {n!r}.")
    if len(error_indices) <= n:
        return np.sort(error_indices)
    chosen = np.random.default_rng(seed).choice(error_indices, size=int(n), replace=False)
    return np.sort(chosen)


def tally(data: TaggedSet, indices, categories: Sequence[str] = CATEGORIES) -> dict[str, int]:
    """How many of the examined examples fall in each category (one can be in several).

    Args:
        data: the dev set. indices: (k,) examined examples. categories: columns to count.

    Returns:
        category -> count, in the order of ``categories``.

    Taught in: notebooks/c3_structuring_ml/04_error_analysis.py, section 2.
    """
    indices = require_indices("indices", indices, data.m)
    return {c: int(data.tag(c)[indices].sum()) for c in categories}


def short_tags(data: TaggedSet, k: int, categories: Sequence[str] = CATEGORIES) -> str:
    """The categories of example k in short words ("blurry, inverted"), or "-" for none.

    Args:
        data: a tagged set. k: an example's index. categories: which to mention.

    Returns:
        A short string for a plot title.

    Taught in: notebooks/c3_structuring_ml/04_error_analysis.py, section 1.
    """
    k = int(require_indices("k", [k], data.m)[0])
    names = [SHORT_NAMES.get(c, c) for c in categories if data.tag(c)[k]]
    return ", ".join(names) if names else "-"


def _comment(data: TaggedSet, k: int, probability: float | None) -> str:
    truth = "a 3" if data.Y_true[0, k] == 1 else f"a {data.digits[k]}"
    recorded = "3" if data.Y[0, k] == 1 else "not 3"
    text = f"{truth}, labelled '{recorded}'"
    if probability is not None:
        text += f", model says P(3) = {probability:.2f}"
    return text


def tally_table(
    data: TaggedSet,
    indices,
    probabilities=None,
    categories: Sequence[str] = CATEGORIES,
    max_rows: int | None = None,
) -> Table:
    """The error-analysis spreadsheet: one row per examined error, one column per category.

    Args:
        data: the dev set. indices: (k,) examined errors.
        probabilities: optional (1, m) model outputs P(y = 1 | x), quoted in the comments.
        categories: the columns. max_rows: show only the first rows (the totals still
            count every row).

    Returns:
        A Table with columns "dev example", the categories and "comments", then a
        "total" row and a "% of errors" row.

    Taught in: notebooks/c3_structuring_ml/04_error_analysis.py, section 2.
    """
    indices = require_indices("indices", indices, data.m)
    if probabilities is not None:
        probabilities = require_shape("probabilities", probabilities, (1, data.m), "(1, m)")
    counts = tally(data, indices, categories)
    rows = []
    shown = indices if max_rows is None else indices[: int(max_rows)]
    for k in shown:
        p = None if probabilities is None else float(probabilities[0, k])
        rows.append(
            [f"#{k}", *["x" if data.tag(c)[k] else "" for c in categories], _comment(data, k, p)]
        )
    if len(shown) < len(indices):
        rows.append(["...", *[""] * len(categories), f"{len(indices) - len(shown)} more rows"])
    n = max(len(indices), 1)
    rows.append(["total", *[str(counts[c]) for c in categories], f"{len(indices)} errors"])
    rows.append(
        [
            "% of errors",
            *[f"{100 * counts[c] / n:.0f} %" for c in categories],
            "a row can tick several columns",
        ]
    )
    return Table(
        ["dev example", *categories, "comments"],
        rows,
        title=f"Error analysis of {len(indices)} misclassified dev examples",
    )


def error_ceiling(dev_error: float, n_in_category: int, n_examined: int) -> float:
    """The lowest dev error reachable by fixing EVERY error of one category.

    If n_in_category of n_examined errors belong to the category, fixing it removes at most
    that share of the errors: ceiling = dev_error * (1 - n_in_category / n_examined).

    Args:
        dev_error: the dev error, a fraction in [0, 1].
        n_in_category: examined errors in the category (0 <= it <= n_examined).
        n_examined: errors examined (>= 1).

    Returns:
        The best dev error this fix can give, a fraction.

    Taught in: notebooks/c3_structuring_ml/04_error_analysis.py, section 1.
    """
    dev_error = ln._fraction("dev_error", dev_error)
    if isinstance(n_examined, bool) or int(n_examined) != n_examined or n_examined < 1:
        raise ValueError(f"n_examined must be a positive integer; got {n_examined!r}.")
    if int(n_in_category) != n_in_category or not 0 <= n_in_category <= n_examined:
        raise ValueError(
            f"n_in_category must be an integer in [0, n_examined = {n_examined}]; "
            f"got {n_in_category!r}."
        )
    return dev_error * (1.0 - n_in_category / n_examined)


def ceiling_table(dev_error: float, counts: Mapping[str, int], n_examined: int) -> Table:
    """For each category: its share of the errors and the dev error if all were fixed.

    Args:
        dev_error: the dev error. counts: category -> examined errors in it (``tally``).
        n_examined: errors examined.

    Returns:
        A Table: category, errors, % of errors, best possible dev error, at most gained.

    Taught in: notebooks/c3_structuring_ml/04_error_analysis.py, section 2.
    """
    rows = []
    for category, count in counts.items():
        best = error_ceiling(dev_error, count, n_examined)
        rows.append(
            [
                category,
                count,
                f"{100 * count / n_examined:.0f} %",
                f"{100 * best:.2f} %",
                f"{100 * (dev_error - best):.2f} points",
            ]
        )
    return Table(
        ["category", "errors", "% of errors", "dev error if all fixed", "at most gained"],
        rows,
        title=f"Ceilings from {n_examined} examined errors (dev error {100 * dev_error:.2f} %)",
    )


def label_error_breakdown(
    dev_error: float, n_mislabelled: int, n_examined: int, worth_share: float = 0.15
) -> dict:
    """Overall dev error = errors due to incorrect labels + errors due to other causes.

    Args:
        dev_error: the dev error. n_mislabelled: examined errors whose label is wrong.
        n_examined: errors examined.
        worth_share: call fixing the labels "worth it" when at least this share of the
            errors is due to them. A rule of thumb of ours: the lecture's examples are 6 %
            (not worth it yet) and 30 % (worth it), and it leaves the line to judgement.

    Returns:
        {"overall", "due_to_labels", "other_causes" (fractions of the dev set),
         "label_share" (fraction of the errors), "worth_fixing" (bool)}.

    Taught in: notebooks/c3_structuring_ml/04_error_analysis.py, section 3.
    """
    other = error_ceiling(dev_error, n_mislabelled, n_examined)
    share = n_mislabelled / n_examined
    return {
        "overall": float(dev_error),
        "due_to_labels": float(dev_error) - other,
        "other_causes": other,
        "label_share": share,
        "worth_fixing": bool(share >= worth_share),
    }


def correct_labels(data: TaggedSet, indices) -> TaggedSet:
    """The set with the recorded labels of ``indices`` replaced by the true labels.

    Args:
        data: a dev or test set. indices: the examples a reviewer re-labelled.

    Returns:
        A new TaggedSet (the input is unchanged).

    Taught in: notebooks/c3_structuring_ml/04_error_analysis.py, section 4.
    """
    indices = require_indices("indices", indices, data.m)
    Y = data.Y.copy()
    Y[0, indices] = data.Y_true[0, indices]
    return replace(data, Y=Y)


def systematic_scores(train: TaggedSet) -> np.ndarray:
    """How much each look-alike training example resembles a 3 (others: -inf).

    The cosine similarity between the image and the average training 3: a labeller who
    makes systematic mistakes mislabels the look-alikes that look most like a 3 first.

    Args:
        train: the training set.

    Returns:
        (1, m) scores; -inf outside LOOK_ALIKE.

    Taught in: notebooks/c3_structuring_ml/04_error_analysis.py, section 3.
    """
    mean_three = train.X[:, train.Y_true[0] == 1].mean(axis=1)
    norms = np.linalg.norm(train.X, axis=0) * np.linalg.norm(mean_three)
    similarity = (mean_three @ train.X) / np.maximum(norms, 1e-12)
    return np.where(train.tag(LOOK_ALIKE), similarity, -np.inf)[None, :]


def noisy_training_labels(train: TaggedSet, rate: float, kind: str, seed: int = 0):
    """Training labels with a share ``rate`` of them wrong, at random or systematically.

    Args:
        train: the training set (its labels are taken as correct).
        rate: fraction of all m labels to flip.
        kind: "random" (anywhere) or "systematic" (the look-alikes most like a 3 become 3s).
        seed: for "random", which labels.

    Returns:
        (Y_noisy (1, m), flipped (1, m) bool).

    Taught in: notebooks/c3_structuring_ml/04_error_analysis.py, section 3.
    """
    if kind == "random":
        return ln.flip_random(train.Y, rate, seed)
    if kind == "systematic":
        return ln.flip_systematic(train.Y, rate, systematic_scores(train))
    raise ValueError(f"kind must be one of {NOISE_KINDS}; got {kind!r}.")


def label_noise_experiment(
    train: TaggedSet,
    dev: TaggedSet,
    rate: float,
    kind: str,
    hidden_layers: Sequence[int] = (32,),
    num_iterations: int = 1000,
    learning_rate: float = 0.3,
    seed: int = 0,
    progress: Callable[[float], None] | None = None,
) -> dict:
    """Train on labels with noise of one kind and measure the dev error against the TRUTH.

    Args:
        train, dev: the splits. rate, kind: as in ``noisy_training_labels``.
        hidden_layers, num_iterations, learning_rate, seed: the model and its training.
        progress: optional callable receiving the finished fraction.

    Returns:
        {"rate", "kind", "flipped" (count), "parameters", "dev_error" (vs dev.Y_true),
         "look_alike_error" (share of the dev set: look-alikes called 3),
         "other_error" (the rest of the dev error)}.

    Taught in: notebooks/c3_structuring_ml/04_error_analysis.py, section 3.
    """
    Y_noisy, flipped = noisy_training_labels(train, rate, kind, seed)
    parameters = train_model(
        train, Y_noisy, hidden_layers, num_iterations, learning_rate, seed, progress
    )
    wrong = (models.predict(dev.X, parameters) != dev.Y_true)[0]
    look = wrong & dev.tag(LOOK_ALIKE)
    return {
        "rate": float(rate),
        "kind": kind,
        "flipped": int(flipped.sum()),
        "parameters": parameters,
        "dev_error": float(wrong.mean()),
        "look_alike_error": float(look.mean()),
        "other_error": float((wrong & ~look).mean()),
    }
