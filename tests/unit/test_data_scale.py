"""data_scale.py: the accuracy-vs-m table and the sigmoid-vs-ReLU training curves."""

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.neural_network import MLPClassifier

from course_lib.c1_neural_networks import data_scale as ds


@pytest.fixture(scope="module")
def digits():
    return ds.load_digits_columns()


def test_load_digits_columns(digits):
    X, Y = digits
    assert X.shape == (64, 1797) and Y.shape == (1, 1797)
    assert X.min() == 0.0 and X.max() == 1.0
    assert set(np.unique(Y)) == set(range(10))


def _quick_models():
    return {
        "logistic regression": lambda seed: LogisticRegression(max_iter=100),
        "network": lambda seed: MLPClassifier((32,), max_iter=100, random_state=seed),
    }


def test_table_layout_and_progress(digits):
    seen = []
    table = ds.accuracy_vs_data_size(
        *digits, [20, 80, 300], _quick_models(), test_size=300, repeats=2, progress=seen.append
    )
    assert table["names"] == ["logistic regression", "network"]
    np.testing.assert_array_equal(table["train_sizes"], [20, 80, 300])
    assert table["accuracy"].shape == (2, 3)
    assert table["runs"].shape == (2, 2, 3)
    np.testing.assert_allclose(table["accuracy"], table["runs"].mean(axis=0))
    assert np.all((table["runs"] >= 0) & (table["runs"] <= 1))
    assert seen == pytest.approx([i / 12 for i in range(1, 13)])


def test_more_data_helps_every_model(digits):
    table = ds.accuracy_vs_data_size(*digits, [20, 400], _quick_models(), test_size=300)
    accuracy = table["accuracy"]
    assert np.all(accuracy[:, 1] > accuracy[:, 0] + 0.1)
    assert np.all(accuracy[:, 1] > 0.85)


def test_same_seed_same_table_other_seed_other_split(digits):
    kwargs = dict(models=_quick_models(), test_size=300)
    a = ds.accuracy_vs_data_size(*digits, [30, 60], seed=1, **kwargs)
    b = ds.accuracy_vs_data_size(*digits, [30, 60], seed=1, **kwargs)
    c = ds.accuracy_vs_data_size(*digits, [30, 60], seed=2, **kwargs)
    np.testing.assert_array_equal(a["runs"], b["runs"])
    assert not np.array_equal(a["runs"], c["runs"])


def test_default_models_are_three_of_growing_size():
    models = ds.default_models()
    assert len(models) == 3
    built = [make(0) for make in models.values()]
    assert isinstance(built[0], LogisticRegression)
    assert built[1].hidden_layer_sizes == (8,) and built[2].hidden_layer_sizes == (128, 128)


@pytest.mark.parametrize(
    ("sizes", "kwargs", "message"),
    [
        ([100, 50], {}, "increasing"),
        ([1, 10], {}, "increasing integers >= 2"),
        ([], {}, "increasing"),
        ([10, 1500], {}, "the largest training set can hold 1297"),
        ([10], {"test_size": 0}, "test_size"),
        ([10], {"repeats": 0}, "repeats must be at least 1"),
        ([10], {"models": {}}, "at least one model"),
    ],
)
def test_bad_arguments_are_explained(digits, sizes, kwargs, message):
    with pytest.raises(ValueError, match=message):
        ds.accuracy_vs_data_size(*digits, sizes, **kwargs)


def test_rows_instead_of_columns_are_explained(digits):
    X, Y = digits
    with pytest.raises(ValueError, match=r"X looks transposed"):
        ds.accuracy_vs_data_size(X.T, Y, [10, 20])


def test_sigmoid_network_stalls_where_relu_learns():
    seen = []
    curves = ds.activation_training_curves(
        ("logistic", "relu"), epochs=200, seed=0, progress=seen.append
    )
    assert curves["activations"] == ["logistic", "relu"]
    assert curves["costs"].shape == (2, 200)
    sigmoid_cost, relu_cost = curves["costs"][:, -1]
    assert sigmoid_cost > 0.6  # still near ln 2 = 0.693, the cost of guessing 1/2
    assert relu_cost < sigmoid_cost - 0.2
    assert curves["train_accuracy"][1] > 0.85
    assert seen == [0.5, 1.0]


def test_training_curves_are_deterministic():
    a = ds.activation_training_curves(("tanh",), epochs=20, seed=3)
    b = ds.activation_training_curves(("tanh",), epochs=20, seed=3)
    np.testing.assert_array_equal(a["costs"], b["costs"])
