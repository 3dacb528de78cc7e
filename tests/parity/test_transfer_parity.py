"""NumPy transfer learning vs the Keras twin (transfer_tf): new head, trainable = False.

Keras computes in float32; 100 fine-tuning steps agree to 1e-4, frozen layers exactly.
"""

import numpy as np
import pytest

from course_lib.c3_structuring_ml import transfer as tr

pytestmark = pytest.mark.tf


@pytest.fixture(scope="module")
def twin(tf):
    from course_lib.c3_structuring_ml import transfer_tf

    return transfer_tf


@pytest.fixture(scope="module")
def pretrained():
    X_A, Y_A = tr.related_tasks(600, "A", seed=0)
    return tr.pretrain(X_A, Y_A, num_epochs=5)


def test_transfer_model_drops_the_head_adds_a_new_one_and_freezes(twin, pretrained):
    model = twin.transfer_model(pretrained, frozen_layers=2, seed=3)
    assert [layer.units for layer in model.layers] == [32, 16, 1]
    assert [layer.trainable for layer in model.layers] == [False, False, True]
    assert model.layers[-1].get_config()["activation"] == "sigmoid"
    expected = tr.replace_output_layer(pretrained, seed=3)
    got = twin.replace_output_layer(pretrained, seed=3)
    for key in expected:
        np.testing.assert_allclose(got[key], expected[key], rtol=1e-6, atol=1e-7, err_msg=key)
    assert len(model.trainable_weights) == 2  # only the new head's kernel and bias


@pytest.mark.parametrize("frozen", [0, 1, 2])
def test_fine_tune_parity(twin, pretrained, frozen):
    X, Y = tr.related_tasks(50, "B", seed=4)
    start = tr.replace_output_layer(pretrained, seed=4)
    numpy_params = tr.fine_tune(X, Y, start, frozen, num_iterations=100)
    keras_params = twin.fine_tune(X, Y, start, frozen, num_iterations=100)
    for key in start:
        np.testing.assert_allclose(keras_params[key], numpy_params[key], atol=1e-4, err_msg=key)
    for l in range(1, frozen + 1):  # trainable = False: not a single float32 bit moved
        kernel = keras_params[f"W{l}"].astype(np.float32)
        np.testing.assert_array_equal(kernel, start[f"W{l}"].astype(np.float32))
    assert not np.allclose(keras_params["W3"], start["W3"])


def test_clear_errors(twin, pretrained):
    X, Y = tr.related_tasks(10, "B", seed=5)
    with pytest.raises(ValueError, match="frozen_layers must be between 0 and L - 1 = 2"):
        twin.fine_tune(X, Y, tr.replace_output_layer(pretrained), 3)
    with pytest.raises(ValueError, match="frozen_layers must be between"):
        twin.transfer_model(pretrained, -1)
