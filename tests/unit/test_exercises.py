"""Exercise auto-checks: the reference passes, a stub is "not attempted", mistakes are explained."""

import numpy as np
import pytest

from course_lib.c1_neural_networks import logistic_regression as lr
from course_lib.c1_neural_networks import logistic_regression_checks as c1
from course_lib.c1_neural_networks.activations import sigmoid
from course_lib.exercises import Case, CheckResult, check_function, compare


def _stub(*args, **kwargs):
    raise NotImplementedError


def _textbook_sigmoid(z):
    return 1 / (1 + np.exp(-z))


# --- the Course 1 checks ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("check", "reference"),
    [
        (c1.check_sigmoid, sigmoid),
        (c1.check_sigmoid, _textbook_sigmoid),
        (c1.check_propagate, lr.propagate),
        (c1.check_propagate, lr.propagate_loop),
        (c1.check_predict, lr.predict),
    ],
)
def test_correct_functions_pass(check, reference):
    result = check(reference)
    assert result.passed, result
    assert bool(result) is True
    assert result.status == "passed"
    assert str(result).startswith("[PASSED]")
    assert result.message.startswith("matches the reference on all ")


@pytest.mark.parametrize("check", [c1.check_sigmoid, c1.check_propagate, c1.check_predict])
def test_a_stub_is_not_attempted(check):
    result = check(_stub)
    assert result.status == "not attempted"
    assert not result
    assert str(result).startswith("[TO DO]")
    assert "raise NotImplementedError" in result.message


def _course_propagate(w, b, X, Y):
    """A learner's correct vectorised propagate, the way the assignment writes it."""
    m = X.shape[1]
    A = _textbook_sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dw = np.dot(X, (A - Y).T) / m
    db = np.sum(A - Y) / m
    return {"dw": dw, "db": db}, float(np.squeeze(cost))


def _rank1_dw(w, b, X, Y):
    grads, cost = _course_propagate(w, b, X, Y)
    return {"dw": grads["dw"].ravel(), "db": grads["db"]}, cost


def _elementwise_dw_transposed(w, b, X, Y):
    A = _textbook_sigmoid(np.dot(w.T, X) + b)
    grads, cost = _course_propagate(w, b, X, Y)
    return {"dw": X * (A - Y).T / X.shape[1], "db": grads["db"]}, cost


def _elementwise_dw(w, b, X, Y):
    A = _textbook_sigmoid(np.dot(w.T, X) + b)
    grads, cost = _course_propagate(w, b, X, Y)
    return {"dw": X * (A - Y) / X.shape[1], "db": grads["db"]}, cost


def _cost_without_one_over_m(w, b, X, Y):
    grads, cost = _course_propagate(w, b, X, Y)
    return grads, cost * X.shape[1]


def _wrong_sign_dw(w, b, X, Y):
    grads, cost = _course_propagate(w, b, X, Y)
    return {"dw": -grads["dw"], "db": grads["db"]}, cost


def _only_grads(w, b, X, Y):
    return _course_propagate(w, b, X, Y)[0]


def _returns_none(w, b, X, Y):
    _course_propagate(w, b, X, Y)


def _raises(w, b, X, Y):
    return np.dot(X, w)  # (2, 3) . (2, 1): shapes not aligned


def _mutates_input(w, b, X, Y):
    result = _course_propagate(w, b, X, Y)
    X -= X.mean(axis=1, keepdims=True)  # "normalising" the caller's data in place
    return result


def _cost_as_array(w, b, X, Y):
    grads, cost = _course_propagate(w, b, X, Y)
    return grads, np.array([[cost]])


@pytest.mark.parametrize(
    ("learner", "expected_fragments"),
    [
        (_rank1_dw, ["grads['dw'] has shape (2,), expected (2, 1)", "rank-1", "Hint: dw ="]),
        (_elementwise_dw_transposed, ["raised ValueError", "broadcast", "the course's example"]),
        (_elementwise_dw, ["grads['dw'] has shape (2, 3), expected (2, 1)", "Hint: dw ="]),
        (_cost_without_one_over_m, ["cost is 17.4046, expected 5.80155", "Hint: the cost is"]),
        (_wrong_sign_dw, ["grads['dw'] differs from the reference in 2 of 2 entries"]),
        (_only_grads, ["should be a tuple of 2 items; it is a dict"]),
        (_returns_none, ["the result is None", "forget its `return`"]),
        (_raises, ["raised ValueError", "(line ", "the course's example"]),
        (_mutates_input, ["changed one of its inputs in place"]),
        (_cost_as_array, ["cost should be a single number", "(1, 1)"]),
    ],
    ids=lambda v: getattr(v, "__name__", "")[1:] or None,
)
def test_check_propagate_explains_mistakes(learner, expected_fragments):
    result = c1.check_propagate(learner)
    assert result.status == "failed"
    assert not result
    assert str(result).startswith("[NOT YET] propagate: ")
    for fragment in expected_fragments:
        assert fragment in result.message, result.message


def test_check_propagate_asks_about_a_missing_return():
    assert "forget its `return`" in c1.check_propagate(_returns_none).message


def test_check_sigmoid_mistakes():
    assert "forget its `return`" in c1.check_sigmoid(lambda z: None).message
    wrong = c1.check_sigmoid(lambda z: 1 / (1 + np.exp(z)))
    assert "the result is 0.5" not in wrong.message
    assert "on z = np.array([0, 2]), the result differs" in wrong.message
    assert "expected 0.880797" in wrong.message
    shape = c1.check_sigmoid(lambda z: np.atleast_2d(_textbook_sigmoid(z)))
    assert "on z = 0, the result should be a single number" in shape.message
    assert "expected a function" in c1.check_sigmoid("sigmoid").message


def test_check_predict_mistakes():
    rank1 = c1.check_predict(lambda w, b, X: lr.predict(w, b, X).ravel())
    assert "rank-1" in rank1.message and "Hint: Y_prediction must be (1, m)" in rank1.message
    transposed = c1.check_predict(lambda w, b, X: lr.predict(w, b, X).T)
    assert "looks transposed" in transposed.message
    threshold = c1.check_predict(lambda w, b, X: lr.predict(w, b, X) * 0 + 1)
    assert "differs from the reference" in threshold.message


def test_a_learner_that_mutates_cannot_corrupt_the_reference():
    # The reference runs on its own copy, so its answer (the comparison) stays right.
    seen = []

    def reference(x):
        seen.append(x.copy())
        return x * 2

    def learner(x):
        x += 1
        return x * 2 - 2

    check_function("double", learner, reference, [Case("x", (np.arange(3.0),))])
    np.testing.assert_array_equal(seen[0], np.arange(3.0))


# --- the generic machinery --------------------------------------------------------------------


def test_nan_inputs_and_results_count_as_equal_where_both_have_them():
    # Missing labels are often NaN: an untouched NaN input is not "changed in place", and a
    # NaN where the reference has one is not a mistake; a NaN anywhere else still is.
    Y = np.array([[1.0, np.nan, 0.0]])
    case = [Case("labels with a missing entry", (Y,))]
    keep = lambda y: y * 2  # noqa: E731
    assert check_function("f", keep, keep, case).passed
    result = check_function("f", lambda y: np.nan_to_num(y), keep, case)
    assert not result.passed and "nan or inf" in result.message


def test_check_function_runs_every_case_and_stops_at_the_first_failure():
    calls = []

    def learner(x):
        calls.append(x)
        return x if x < 2 else -x

    cases = [Case(f"x = {i}", (i,)) for i in range(4)]
    result = check_function("ident", learner, lambda x: x, cases)
    assert calls == [0, 1, 2]
    assert result.message == "on x = 2, the result is -2, expected 2."


def test_check_function_passes_kwargs_and_applies_tolerances():
    def learner(x, *, scale):
        return x * scale * (1 + 1e-8)

    cases = [Case("scaled", (np.ones(3),), {"scale": 2.0})]
    assert check_function("s", learner, lambda x, *, scale: x * scale, cases).passed
    strict = check_function("s", learner, lambda x, *, scale: x * scale, cases, rtol=1e-10)
    assert not strict.passed


def test_hints_are_appended_only_when_their_key_matches():
    result = check_function(
        "f",
        lambda: np.zeros(2),
        lambda: np.zeros((2, 1)),
        [Case("c", ())],
        hints={"shape": "keep it a column", "values": "never shown"},
    )
    assert result.message.endswith("\nHint: keep it a column")
    assert "never shown" not in result.message


def test_check_result_html_is_escaped_and_coloured():
    result = CheckResult("f", "failed", "a < b\nnext")
    html = result._repr_html_()
    assert "a &lt; b<br>next" in html
    assert "#b42318" in html
    assert repr(result) == str(result) == "[NOT YET] f: a < b\nnext"


@pytest.mark.parametrize(
    ("mine", "expected", "fragment"),
    [
        ({"a": 1}, {"a": 1, "b": 2}, "missing the key(s) ['b']"),
        ([1, 2], {"a": 1}, "should be a dict with keys ['a']"),
        ((1,), (1, 2), "should be a tuple of 2 items; it is a tuple of 1."),
        (np.array([1.0, np.nan]), np.array([1.0, 2.0]), "nan or inf"),
        ("x", "y", "is 'x', expected 'y'"),
        (np.zeros((2, 3)), np.zeros((3, 2)), "looks transposed"),
        (np.zeros(4), np.array(1.0), "Reduce it to a single number"),
        (np.zeros(4), 1.0, "should be a single number; it is an array of shape (4,)"),
    ],
)
def test_compare_messages(mine, expected, fragment):
    assert fragment in compare(mine, expected, "it", 1e-6, 1e-9)


def test_compare_does_not_repeat_the_shape():
    assert compare(np.zeros(4), 1.0, "it", 1e-6, 1e-9).count("of shape") == 1


@pytest.mark.parametrize(
    ("mine", "expected"),
    [
        ({"a": np.ones(2), "extra": 0}, {"a": np.ones(2)}),
        ([1.0, 2.0], [1.0, 2.0 + 1e-12]),
        ("same", "same"),
        (np.float32(0.5), 0.5),
        ([[1, 0]], np.array([[1.0, 0.0]])),
    ],
)
def test_compare_accepts_matches(mine, expected):
    assert compare(mine, expected, "it", 1e-6, 1e-9) is None
