"""Dashboard: train LeNet-5 on the digits with the 1998 choices or the modern ones.

Two drop-downs, the hidden activation (sigmoid, tanh, ReLU) and the pooling (average,
max); each change trains LeNet-5 from the same seed for a fixed budget (``live=False``:
it takes seconds) and draws the train/test accuracy per epoch and ten test digits with
their predicted labels. TensorFlow is imported only when the dashboard is made, so the
module itself stays importable without it.

Taught in: notebooks/c4_convnets/05_classic_networks.py, section 9.
"""

from __future__ import annotations

import numpy as np

from course_lib.widgets import Dashboard, dropdown

__all__ = ["lenet5_dashboard", "ACTIVATIONS", "POOL_MODES"]

ACTIVATIONS = ("sigmoid", "tanh", "relu")
POOL_MODES = ("average", "max")


def _draw(fig, result, values, X_show, y_show):
    fig.clear()
    grid = fig.add_gridspec(2, 7)
    ax = fig.add_subplot(grid[:, :3])
    epochs = np.arange(1, len(result["test_accuracy"]) + 1)
    ax.plot(epochs, result["train_accuracy"], "o-", label="train")
    ax.plot(epochs, result["test_accuracy"], "s-", label="test")
    ax.axhline(0.1, color="grey", ls=":", lw=1, label="chance (10 classes)")
    ax.set(xlabel="epoch", ylabel="accuracy", ylim=(0, 1.02))
    ax.set_xticks(epochs)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, loc="lower right")
    ax.set_title(
        f"{values['activation']}, {values['pool_mode']} pooling: "
        f"test accuracy {result['test_accuracy'][-1]:.1%}",
        fontsize=10,
    )
    predicted = result["predictions"][: len(y_show)]
    for k, (image, label, guess) in enumerate(zip(X_show, y_show, predicted)):
        img_ax = fig.add_subplot(grid[k // 4, 3 + k % 4])
        img_ax.imshow(image[..., 0], cmap="gray_r", vmin=0, vmax=1)
        img_ax.set_xticks([])
        img_ax.set_yticks([])
        colour = "tab:green" if guess == label else "tab:red"
        img_ax.set_title(f"says {guess}", fontsize=9, color=colour)
    fig.subplots_adjust(left=0.07, right=0.99, bottom=0.14, top=0.9, wspace=0.35, hspace=0.4)


def lenet5_dashboard(
    X_train,
    y_train,
    X_test,
    y_test,
    activation: str = "tanh",
    pool_mode: str = "average",
    epochs: int = 5,
    batch_size: int = 64,
    learning_rate: float = 3e-3,
    seed: int = 0,
) -> Dashboard:
    """Controls: the activation and the pooling of LeNet-5; each change retrains it.

    Args:
        X_train, y_train, X_test, y_test: ``classic_networks.load_digits_32()``'s arrays,
            images (m, 32, 32, 1) and labels (m,).
        activation, pool_mode: the starting choices (one of ACTIVATIONS, POOL_MODES).
        epochs, batch_size, learning_rate, seed: the fixed training budget (Adam).

    Returns:
        the Dashboard; ``dash.result`` is the last ``classic_networks_tf.train_lenet5`` result.

    Taught in: notebooks/c4_convnets/05_classic_networks.py, section 9.
    """
    from course_lib.c4_convnets import classic_networks_tf as cnt

    if activation not in ACTIVATIONS or pool_mode not in POOL_MODES:
        raise ValueError(
            f"activation must be one of {ACTIVATIONS} and pool_mode one of {POOL_MODES}; "
            f"got {activation!r}, {pool_mode!r}."
        )
    X_show, y_show = np.asarray(X_test)[:8], np.asarray(y_test)[:8]

    def compute(activation, pool_mode, progress):
        return cnt.train_lenet5(
            X_train,
            y_train,
            X_test,
            y_test,
            activation,
            pool_mode,
            epochs,
            batch_size,
            learning_rate,
            seed,
            progress=progress,
        )

    return Dashboard(
        compute=compute,
        draw=lambda fig, result, values: _draw(fig, result, values, X_show, y_show),
        controls={
            "activation": dropdown("activation", list(ACTIVATIONS), activation),
            "pool_mode": dropdown("pooling", list(POOL_MODES), pool_mode),
        },
        live=False,
        figsize=(9.0, 3.4),
        title=f"LeNet-5 on {len(y_train)} digits, {epochs} epochs of Adam",
    )
