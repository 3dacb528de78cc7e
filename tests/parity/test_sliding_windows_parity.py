"""NumPy vs Keras: the window classifier with Dense layers and as convolutions (float64)."""

from __future__ import annotations

import numpy as np
import pytest

from course_lib.c4_convnets import sliding_windows as sw

pytestmark = pytest.mark.tf


@pytest.fixture(scope="module")
def st(tf):
    from course_lib.c4_convnets import sliding_windows_tf

    return sliding_windows_tf


@pytest.fixture(scope="module")
def params():
    return sw.initialize_window_net(n_fc=24, seed=3)


def test_fc_net(st, params):
    crops = np.random.default_rng(0).random((5, 14, 14, 3))
    assert np.allclose(st.fc_net_forward(crops, params), sw.fc_net_forward(crops, params),
                       atol=1e-12)  # fmt: skip


@pytest.mark.parametrize("size", [14, 16, 28])
def test_conv_net_and_sliding_windows(st, params, size):
    image = np.random.default_rng(size).random((size, size, 3))
    conv = sw.fc_to_conv_parameters(params)
    mine = sw.conv_net_forward(image[None], conv)
    assert np.allclose(st.conv_net_forward(image[None], conv), mine, atol=1e-12)
    theirs = st.convolutional_sliding_windows(image, params)
    assert theirs.shape == ((size - 14) // 2 + 1,) * 2 + (4,)
    assert np.abs(theirs - sw.sliding_windows_predict(image, params)).max() < 1e-10


def test_parameters_round_trip(st, params):
    back = st.parameters_from_fc_model(st.build_fc_model(params))
    for key, value in params.items():
        assert np.array_equal(back[key], value), key
