"""The gradient checker itself: numerical gradient, relative difference, both entry points."""

import numpy as np
import pytest

from course_lib.gradient_check import (
    check_backward,
    gradient_check,
    numerical_gradient,
    relative_difference,
)


def test_numerical_gradient_of_a_known_function():
    x = np.array([[1.0, -2.0], [0.5, 3.0]])
    grad = numerical_gradient(lambda v: float(np.sum(v**3)), x, epsilon=1e-5)
    np.testing.assert_allclose(grad, 3 * x**2, rtol=1e-8)


def test_numerical_gradient_leaves_the_callers_array_alone():
    x = np.array([1.0, 2.0])
    seen = []
    numerical_gradient(lambda v: seen.append(v.copy()) or float(v.sum()), x)
    np.testing.assert_array_equal(x, [1.0, 2.0])
    assert len(seen) == 4  # two evaluations per entry
    assert numerical_gradient(lambda v: float(v.sum()), np.array([1, 2])).dtype == np.float64


def test_numerical_gradient_of_a_scalar_point():
    assert numerical_gradient(lambda v: float(v) ** 2, 3.0, epsilon=1e-6) == pytest.approx(6.0)


def test_relative_difference():
    assert relative_difference([1.0, 0.0], [1.0, 0.0]) == 0.0
    assert relative_difference([0.0], [0.0]) == 0.0  # no division by zero
    assert relative_difference([3.0, 4.0], [0.0, 0.0]) == 1.0
    assert relative_difference([1.0], [3.0]) == pytest.approx(0.5)
    with pytest.raises(ValueError, match=r"one shape; got \(2,\) and \(2, 1\)"):
        relative_difference(np.zeros(2), np.zeros((2, 1)))


def _quadratic(params):
    # J = sum(W^2) + 3 b^2 + sum(v): dW = 2W, db = 6b, dv = 1.
    return float(np.sum(params["W"] ** 2) + 3 * params["b"] ** 2 + np.sum(params["v"]))


def _quadratic_params():
    return {"W": np.array([[1.0, -2.0], [0.5, 4.0]]), "b": 0.7, "v": np.array([1.0, 2.0, 3.0])}


def test_gradient_check_passes_correct_gradients_with_scalar_parameters():
    params = _quadratic_params()
    grads = {"dW": 2 * params["W"], "db": 6 * params["b"], "dv": np.ones(3)}
    assert gradient_check(_quadratic, params, grads) < 1e-7


def test_gradient_check_hands_the_cost_the_right_shapes():
    shapes = []

    def cost(params):
        shapes.append({k: np.shape(v) for k, v in params.items()})
        assert isinstance(params["b"], float)
        return _quadratic(params)

    params = _quadratic_params()
    gradient_check(cost, params, {"dW": 2 * params["W"], "db": 6 * params["b"], "dv": np.ones(3)})
    assert all(s == {"W": (2, 2), "b": (), "v": (3,)} for s in shapes)


def test_gradient_check_flags_a_wrong_gradient():
    params = _quadratic_params()
    grads = {"dW": 2 * params["W"], "db": 3 * params["b"], "dv": np.ones(3)}  # db off by 2x
    assert gradient_check(_quadratic, params, grads) > 1e-3


def test_gradient_check_names_missing_gradients():
    with pytest.raises(ValueError, match=r"grads is missing db; it holds dW, dv"):
        gradient_check(_quadratic, _quadratic_params(), {"dW": 0, "dv": 0})


def test_gradient_check_rejects_a_gradient_of_the_wrong_size():
    params = _quadratic_params()
    grads = {"dW": np.zeros(3), "db": 0.0, "dv": np.ones(3)}
    with pytest.raises(ValueError, match="same number of entries"):
        gradient_check(_quadratic, params, grads)


def _dense_forward(W, b, A_prev):
    return W @ A_prev + b, (W, A_prev)


def _dense_backward(dZ, cache):
    W, A_prev = cache
    return {"dW": dZ @ A_prev.T, "db": dZ.sum(axis=1, keepdims=True), "dA_prev": W.T @ dZ}


def _dense_inputs():
    rng = np.random.default_rng(0)
    return {
        "W": rng.standard_normal((3, 4)),
        "b": rng.standard_normal((3, 1)),
        "A_prev": rng.standard_normal((4, 5)),
    }


def test_check_backward_on_a_correct_layer():
    errors = check_backward(_dense_forward, _dense_backward, _dense_inputs(), ["W", "b", "A_prev"])
    assert set(errors) == {"W", "b", "A_prev"}
    assert max(errors.values()) < 1e-7


def test_check_backward_scale_matches_averaging_layers():
    def averaged_backward(dZ, cache):
        m = cache[1].shape[1]
        return {k: v / m for k, v in _dense_backward(dZ, cache).items()}

    inputs = _dense_inputs()
    assert max(check_backward(_dense_forward, averaged_backward, inputs, ["W"]).values()) > 0.5
    errors = check_backward(_dense_forward, averaged_backward, inputs, ["W"], scale=1 / 5)
    assert errors["W"] < 1e-7


def test_check_backward_catches_a_bug_in_one_gradient():
    def buggy(dZ, cache):
        grads = _dense_backward(dZ, cache)
        grads["db"] = dZ.mean(axis=1, keepdims=True)
        return grads

    errors = check_backward(_dense_forward, buggy, _dense_inputs(), ["W", "b"])
    assert errors["W"] < 1e-7
    assert errors["b"] > 0.1


def test_check_backward_uses_the_given_dout_and_the_seed():
    inputs = _dense_inputs()
    seen = []

    def spy(dZ, cache):
        seen.append(dZ.copy())
        return _dense_backward(dZ, cache)

    dout = np.ones((3, 5))
    check_backward(_dense_forward, spy, inputs, ["b"], dout=dout)
    np.testing.assert_array_equal(seen[-1], dout)
    check_backward(_dense_forward, spy, inputs, ["b"], seed=4)
    check_backward(_dense_forward, spy, inputs, ["b"], seed=4)
    check_backward(_dense_forward, spy, inputs, ["b"], seed=5)
    np.testing.assert_array_equal(seen[1], seen[2])
    assert not np.array_equal(seen[2], seen[3])


def test_check_backward_names_a_missing_gradient():
    with pytest.raises(ValueError, match=r"backward returned no 'dA_prev'; it returned \['W'\]"):
        check_backward(_dense_forward, lambda dZ, cache: {"W": 0}, _dense_inputs(), wrt=["A_prev"])


@pytest.mark.parametrize(
    ("approx", "error", "match"),
    [
        (np.array(["1", "2"]), TypeError, "approx .* must hold numbers; got strings"),
        (np.array([1.0, 2.0], dtype=object), TypeError, "Python objects"),
        (np.array([np.nan, 2.0]), ValueError, "found NaN at index"),
        (np.array([np.inf, 2.0]), ValueError, "found infinity at index"),
    ],
)
def test_relative_difference_refuses_what_has_no_difference(approx, error, match):
    # A NaN gradient would give a NaN difference, which compares False with every threshold.
    with pytest.raises(error, match=match):
        relative_difference(approx, np.ones(2))
    with pytest.raises(error):
        relative_difference(np.ones(2), approx)


def test_numerical_gradient_refuses_bad_points_and_costs():
    with pytest.raises(TypeError, match="x must hold numbers; got strings"):
        numerical_gradient(lambda v: float(v.sum()), np.array(["1.0", "2.0"]))
    with pytest.raises(ValueError, match="x must hold finite numbers; found NaN"):
        numerical_gradient(lambda v: float(v.sum()), np.array([np.nan, 1.0]))
    with pytest.raises(ValueError, match="epsilon must be a small positive step"):
        numerical_gradient(lambda v: float(v.sum()), np.ones(2), epsilon=0.0)
    with pytest.raises(ValueError, match=r"f\(x \+ epsilon\) is nan"):
        numerical_gradient(lambda v: float("nan"), np.ones(2))
    with pytest.raises(TypeError, match=r"one number \(a cost J\); got shape \(2,\)"):
        numerical_gradient(lambda v: v, np.ones(2))
    with pytest.raises(TypeError, match="f must be a function"):
        numerical_gradient(np.ones(2), np.ones(2))


def test_check_backward_names_inputs_that_do_not_fit_forward():
    inputs = _dense_inputs()
    del inputs["A_prev"]
    with pytest.raises(
        TypeError, match=r"inputs must hold forward's arguments \['W', 'b', 'A_prev'\]"
    ):
        check_backward(_dense_forward, _dense_backward, inputs, ["W"])
    with pytest.raises(ValueError, match="inputs is missing v"):
        check_backward(_dense_forward, _dense_backward, _dense_inputs(), ["v"])
    bad = _dense_inputs()
    bad["W"][0, 0] = np.nan
    with pytest.raises(ValueError, match="W must hold finite numbers"):
        check_backward(_dense_forward, _dense_backward, bad, ["W"])


def test_check_backward_refuses_a_wrong_dout_or_gradient_shape():
    with pytest.raises(ValueError, match=r"dout must have the shape of forward's output, \(3, 5\)"):
        check_backward(_dense_forward, _dense_backward, _dense_inputs(), ["W"], dout=np.ones(3))
    with pytest.raises(ValueError, match="backward's dW has shape"):
        check_backward(
            _dense_forward, lambda dZ, cache: {"dW": np.zeros(2)}, _dense_inputs(), ["W"]
        )
