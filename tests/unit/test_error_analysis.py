"""Unit tests for course_lib.c3_structuring_ml.error_analysis and its exercise check."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from course_lib.c3_structuring_ml import error_analysis as ea
from course_lib.c3_structuring_ml import models
from course_lib.c3_structuring_ml.error_analysis_checks import check_error_ceiling


@pytest.fixture(scope="module")
def data():
    return ea.make_tagged_digits(seed=0)


@pytest.fixture(scope="module")
def model(data):
    return ea.train_model(data["train"], num_iterations=300)


# --- the data set ---------------------------------------------------------------------------


def test_splits_sizes_and_disjoint_originals(data):
    train, dev, test = data["train"], data["dev"], data["test"]
    assert (train.m, dev.m, test.m) == (2154, 1617, 1620)
    assert train.X.shape == (64, 2154) and train.Y.shape == train.Y_true.shape == (1, 2154)
    assert train.images.shape == (2154, 8, 8)
    assert train.X.min() >= 0.0 and train.X.max() <= 1.0
    sources = [set(s.source) for s in (train, dev, test)]
    assert not (sources[0] & sources[1]) and not (sources[1] & sources[2])
    assert len(sources[0] | sources[1] | sources[2]) == 1797  # every load_digits image, once


def test_labels_and_tags_mean_what_they_say(data):
    train, dev = data["train"], data["dev"]
    np.testing.assert_array_equal(dev.Y_true[0], (dev.digits == 3).astype(float))
    np.testing.assert_array_equal(dev.tag(ea.LOOK_ALIKE), np.isin(dev.digits, (5, 8, 9)))
    assert not dev.tag(ea.REVERSED)[dev.digits != 3].any()  # only 3s are reversed
    assert dev.tag(ea.MISLABELLED).sum() == (dev.Y_true != dev.Y).sum() > 0
    assert train.tag(ea.MISLABELLED).sum() == 0
    for category, rate in ((ea.BLURRY, 0.25), (ea.INVERTED, 0.20)):
        assert abs(dev.tag(category).mean() - rate) < 0.04
        assert train.tag(category).mean() < 0.05
    # inverted images have light backgrounds: mostly bright, where normal ones are mostly dark
    brightness = dev.X.mean(axis=0)
    assert np.all(brightness[dev.tag(ea.INVERTED)] > 0.5)
    assert np.all(brightness[~dev.tag(ea.INVERTED)] < 0.5)


def test_same_seed_same_data(data):
    again = ea.make_tagged_digits(seed=0)
    np.testing.assert_array_equal(again["dev"].X, data["dev"].X)
    other = ea.make_tagged_digits(seed=1)
    assert not np.array_equal(other["dev"].source, data["dev"].source)


def test_custom_rates_and_errors():
    sets = ea.make_tagged_digits(seed=2, dev_rates={ea.MISLABELLED: 0.0, ea.BLURRY: 1.0}, copies=1)
    assert sets["dev"].tag(ea.MISLABELLED).sum() == 0 and sets["dev"].tag(ea.BLURRY).all()
    assert sets["train"].m + sets["dev"].m + sets["test"].m == 1797
    with pytest.raises(ValueError, match="rates can be set"):
        ea.make_tagged_digits(train_rates={"dogs": 0.1})
    with pytest.raises(ValueError, match="fraction"):
        ea.make_tagged_digits(dev_rates={ea.BLURRY: 1.5})
    with pytest.raises(ValueError, match="category must be one of"):
        sets["dev"].tag("great cats")


def test_apply_category():
    image = np.zeros((1, 8, 8))
    image[0, 2, 1] = 1.0
    assert ea.apply_category(image, ea.REVERSED)[0, 2, 6] == 1.0
    assert ea.apply_category(image, ea.INVERTED)[0, 0, 0] == 1.0
    blurred = ea.apply_category(image, ea.BLURRY)
    assert blurred[0, 2, 1] < 1.0 and blurred[0, 2, 2] > 0.0
    assert blurred.sum() == pytest.approx(1.0, abs=0.05)  # blur spreads, it does not add ink
    with pytest.raises(ValueError, match=r"\(k, 8, 8\)"):
        ea.apply_category(np.zeros((8, 8)), ea.BLURRY)
    with pytest.raises(ValueError, match="category"):
        ea.apply_category(image, ea.LOOK_ALIKE)


def test_add_category_copies(data):
    train = data["train"]
    more = ea.add_category_copies(train, ea.INVERTED)
    assert more.m == 2 * train.m and more.tag(ea.INVERTED)[train.m :].all()
    np.testing.assert_allclose(more.X[:, train.m :], 1.0 - train.X)
    np.testing.assert_array_equal(more.Y[:, train.m :], train.Y)
    reversed_3s = ea.add_category_copies(train, ea.REVERSED)
    n_threes = int(train.Y_true.sum())
    assert reversed_3s.m == train.m + n_threes and reversed_3s.Y[0, train.m :].all()
    with pytest.raises(ValueError, match="category"):
        ea.add_category_copies(train, ea.MISLABELLED)


# --- finding and tallying errors ------------------------------------------------------------


def test_model_learns_and_errors_are_misclassified_not_mislabelled(data, model):
    dev = data["dev"]
    predictions = models.predict(dev.X, model)
    errors = ea.misclassified(predictions, dev.Y)
    assert 0.04 < len(errors) / dev.m < 0.2
    np.testing.assert_array_equal(errors, np.flatnonzero(predictions[0] != dev.Y[0]))
    mislabelled = np.flatnonzero(dev.tag(ea.MISLABELLED))
    assert len(np.setdiff1d(errors, mislabelled)) > len(mislabelled)  # most errors: real ones
    with pytest.raises(ValueError, match=r"\(1, m\)"):
        ea.misclassified(predictions[:, :5], dev.Y)


def test_sample_errors():
    errors = np.arange(0, 300, 2)
    sample = ea.sample_errors(errors, n=100, seed=1)
    assert len(sample) == 100 and len(set(sample)) == 100 and set(sample) <= set(errors)
    assert np.all(np.diff(sample) > 0)
    np.testing.assert_array_equal(sample, ea.sample_errors(errors, n=100, seed=1))
    np.testing.assert_array_equal(ea.sample_errors(errors[:10], n=100), errors[:10])
    with pytest.raises(ValueError, match="positive integer"):
        ea.sample_errors(errors, n=0)


def test_tally_counts_overlapping_columns(data):
    dev = data["dev"]
    both = np.flatnonzero(dev.tag(ea.BLURRY) & dev.tag(ea.INVERTED))[:3]
    counts = ea.tally(dev, both)
    assert counts[ea.BLURRY] == counts[ea.INVERTED] == 3  # one example, two columns
    assert sum(counts.values()) > len(both)


def test_short_tags(data):
    dev = data["dev"]
    k = int(np.flatnonzero(dev.tag(ea.BLURRY) & dev.tag(ea.INVERTED))[0])
    assert "blurry" in ea.short_tags(dev, k) and "inverted" in ea.short_tags(dev, k)
    plain = ~np.any([dev.tag(c) for c in ea.CATEGORIES], axis=0)
    assert ea.short_tags(dev, int(np.flatnonzero(plain)[0])) == "-"


def test_tally_table_rows_totals_and_percentages(data, model):
    dev = data["dev"]
    errors = ea.misclassified(models.predict(dev.X, model), dev.Y)
    sample = ea.sample_errors(errors, 100)
    table = ea.tally_table(dev, sample, models.predict_proba(dev.X, model), max_rows=5)
    assert table.columns == ["dev example", *ea.CATEGORIES, "comments"]
    assert len(table.rows) == 5 + 3  # 5 shown, "...", total, % of errors
    totals, shares = table.rows[-2], table.rows[-1]
    counts = ea.tally(dev, sample)
    assert totals[1:-1] == [str(counts[c]) for c in ea.CATEGORIES]
    assert shares[1:-1] == [f"{counts[c]} %" for c in ea.CATEGORIES]  # 100 examined
    first = table.rows[0]
    assert first[0] == f"#{sample[0]}" and "model says P(3)" in first[-1]
    full = ea.tally_table(dev, sample)
    assert len(full.rows) == len(sample) + 2 and "P(3)" not in full.rows[0][-1]


# --- ceilings and labels ---------------------------------------------------------------------


def test_error_ceiling_lecture_numbers():
    assert ea.error_ceiling(0.10, 5, 100) == pytest.approx(0.095)
    assert ea.error_ceiling(0.10, 50, 100) == pytest.approx(0.05)
    assert ea.error_ceiling(0.10, 0, 100) == 0.10
    assert ea.error_ceiling(0.10, 100, 100) == 0.0


@given(dev=st.floats(0, 1), n=st.integers(1, 500), data=st.data())
def test_error_ceiling_is_between_zero_and_the_dev_error(dev, n, data):
    k = data.draw(st.integers(0, n))
    best = ea.error_ceiling(dev, k, n)
    assert 0.0 <= best <= dev + 1e-15


@pytest.mark.parametrize(
    "args, message",
    [
        ((0.1, 5, 0), "n_examined"),
        ((0.1, 101, 100), "n_in_category"),
        ((10, 5, 100), "fraction"),
        ((0.1, -1, 100), "n_in_category"),
    ],
)
def test_error_ceiling_errors(args, message):
    with pytest.raises(ValueError, match=message):
        ea.error_ceiling(*args)


def test_ceiling_table():
    table = ea.ceiling_table(0.10, {"dogs": 5, "blurry": 50}, 100)
    assert table.column("dev error if all fixed") == ["9.50 %", "5.00 %"]
    assert table.column("at most gained") == ["0.50 points", "5.00 points"]


def test_label_error_breakdown_lecture_cases():
    first = ea.label_error_breakdown(0.10, 6, 100)
    assert first["due_to_labels"] == pytest.approx(0.006)
    assert first["other_causes"] == pytest.approx(0.094) and not first["worth_fixing"]
    second = ea.label_error_breakdown(0.02, 30, 100)
    assert second["due_to_labels"] == pytest.approx(0.006) and second["worth_fixing"]
    assert second["label_share"] == pytest.approx(0.3)
    assert not ea.label_error_breakdown(0.02, 30, 100, worth_share=0.5)["worth_fixing"]


def test_correct_labels_fixes_only_the_given_examples(data):
    dev = data["dev"]
    wrong = np.flatnonzero(dev.tag(ea.MISLABELLED))
    half = ea.correct_labels(dev, wrong[: len(wrong) // 2])
    assert half.tag(ea.MISLABELLED).sum() == len(wrong) - len(wrong) // 2
    assert dev.tag(ea.MISLABELLED).sum() == len(wrong)  # the input is unchanged
    assert ea.correct_labels(dev, np.arange(dev.m)).tag(ea.MISLABELLED).sum() == 0


# --- label noise in the training set ---------------------------------------------------------


def test_systematic_scores_pick_look_alikes(data):
    train = data["train"]
    scores = ea.systematic_scores(train)
    assert scores.shape == (1, train.m)
    assert np.all(np.isinf(scores[0, ~train.tag(ea.LOOK_ALIKE)]))
    assert np.all(np.isfinite(scores[0, train.tag(ea.LOOK_ALIKE)]))
    Y, flipped = ea.noisy_training_labels(train, 0.05, "systematic")
    assert flipped.sum() == round(0.05 * train.m) and train.tag(ea.LOOK_ALIKE)[flipped[0]].all()
    assert np.all(Y[flipped] == 1.0)  # look-alikes become "3"
    Y, flipped = ea.noisy_training_labels(train, 0.05, "random", seed=0)
    assert flipped.sum() == round(0.05 * train.m)
    with pytest.raises(ValueError, match="kind"):
        ea.noisy_training_labels(train, 0.05, "sloppy")


def test_systematic_noise_costs_more_than_random(data):
    train, dev = data["train"], data["dev"]
    runs = {
        kind: ea.label_noise_experiment(train, dev, 0.1, kind, num_iterations=300)
        for kind in ea.NOISE_KINDS
    }
    assert runs["random"]["flipped"] == runs["systematic"]["flipped"] == 215
    assert runs["systematic"]["dev_error"] > runs["random"]["dev_error"] + 0.03
    assert runs["systematic"]["look_alike_error"] > runs["random"]["look_alike_error"]
    for run in runs.values():
        assert run["dev_error"] == pytest.approx(run["look_alike_error"] + run["other_error"])


# --- the exercise check ---------------------------------------------------------------------


def test_check_error_ceiling():
    assert check_error_ceiling(ea.error_ceiling).passed
    assert check_error_ceiling(lambda d, k, n: d * (n - k) / n).passed
    subtracts_share = check_error_ceiling(lambda d, k, n: d - k / n)
    assert not subtracts_share.passed and "OF THE ERRORS" in subtracts_share.message
    returns_gain = check_error_ceiling(lambda d, k, n: d * k / n)
    assert not returns_gain.passed and "not the gain" in returns_gain.message


def test_check_error_ceiling_stub():
    def stub(dev_error, n_in_category, n_examined):
        raise NotImplementedError

    assert check_error_ceiling(stub).status == "not attempted"
