"""What the first cell of every lesson does: banner, seeds, run size, quiet TensorFlow.

    from course_lib.lesson import start_lesson
    lesson = start_lesson("C1 - Logistic regression as a neural network", seed=1)
    budget = lesson.budget  # budget.pick(ci=..., full=...) sizes the slow parts
    tf = lesson.tf

The run size is one switch, the environment variable ``COURSE_RUN``: ``full`` (the
default, what a learner gets) or ``ci`` (fewer iterations and examples, used by
``make test``). Lessons size every slow step with ``budget.pick`` and assert the same
claims in both.
"""

from __future__ import annotations

import contextlib
import os
import platform
import random
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

import numpy as np

__all__ = [
    "RUN_ENV_VAR",
    "RunBudget",
    "run_budget",
    "import_tensorflow_quietly",
    "seed_everything",
    "device_summary",
    "limit_blas_threads",
    "print_values",
    "progress_bar",
    "start_lesson",
    "Lesson",
]

RUN_ENV_VAR = "COURSE_RUN"
_RUN_SIZES = ("full", "ci")


@dataclass(frozen=True)
class RunBudget:
    """The run size of this session: ``"full"`` or ``"ci"``."""

    name: str

    @property
    def is_ci(self) -> bool:
        return self.name == "ci"

    def pick(self, *, ci, full):
        """Return ``ci`` in a CI-sized run and ``full`` otherwise."""
        return ci if self.is_ci else full


def run_budget() -> RunBudget:
    """Read ``COURSE_RUN`` (default ``full``); raise ValueError on an unknown value."""
    name = os.environ.get(RUN_ENV_VAR, "full").strip().lower() or "full"
    if name not in _RUN_SIZES:
        raise ValueError(f"{RUN_ENV_VAR} must be one of {_RUN_SIZES}; got {name!r}.")
    return RunBudget(name)


@contextlib.contextmanager
def _stderr_silenced():
    # TensorFlow's C++ layers write oneDNN/absl notices straight to file descriptor 2, which
    # TF_CPP_MIN_LOG_LEVEL does not reach; point fd 2 at /dev/null for the import only.
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def import_tensorflow_quietly() -> ModuleType:
    """Import TensorFlow without its start-up noise and return the module.

    Raises:
        ImportError: with set-up advice, when TensorFlow is not installed.
    """
    if "tensorflow" in sys.modules and sys.modules["tensorflow"] is not None:
        return sys.modules["tensorflow"]
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    try:
        with _stderr_silenced():
            import tensorflow as tf
    except ImportError as err:
        raise ImportError(
            "TensorFlow is not importable, so the Keras twins are unavailable. The NumPy side "
            "of course_lib works without it. Run `make lab` (or `make setup`) to install the "
            "pinned environment."
        ) from err
    tf.get_logger().setLevel("ERROR")
    return tf


def seed_everything(seed: int) -> np.random.Generator:
    """Seed Python, NumPy's legacy global generator and TensorFlow (if imported).

    Args:
        seed: any non-negative integer.

    Returns:
        A fresh ``np.random.Generator`` seeded with ``seed``, for code that takes one.
    """
    random.seed(seed)
    np.random.seed(seed)  # noqa: NPY002 - lessons that reproduce the course use the global one
    tf = sys.modules.get("tensorflow")
    if tf is not None:
        tf.random.set_seed(seed)
    return np.random.default_rng(seed)


def device_summary(tf: ModuleType | None) -> str:
    """Where the Keras twins run, and how to get a GPU if there is none (lines <= 100 chars)."""
    if tf is None:
        return "Device: NumPy only (TensorFlow not loaded)."
    gpus = tf.config.list_physical_devices("GPU")
    if gpus:
        return f"Device: GPU ({', '.join(g.name for g in gpus)}); Keras twins run there."
    return (
        f"Device: CPU ({os.cpu_count()} cores).\n"
        "For a GPU, use a machine with CUDA and run `TF_VARIANT=gpu make lab` (see README)."
    )


def print_values(label: str, values: dict, fmt: str = "{:.1e}", width: int = 100) -> None:
    """Print ``label: name value, name value, ...`` wrapped at ``width`` characters.

    A lesson's dict of numbers printed as a dict runs past a notebook cell's width and
    wraps mid-word; this keeps each name next to its value and every line within width.
    """
    # A no-break space inside each pair: textwrap breaks only between pairs.
    items = ", ".join(f"{name}\u00a0{fmt.format(value)}" for name, value in values.items())
    text = textwrap.fill(f"{label}: {items}", width, subsequent_indent="  ")
    print(text.replace("\u00a0", " "))


def progress_bar(label: str, width_px: int = 360) -> Callable[[float], None]:
    """Show a progress bar in the running cell; return ``update(fraction)`` to move it.

    For the slow cells of a full-size run (a training of tens of seconds): pass ``update``
    as a trainer's ``progress`` callback, or call it yourself with the fraction done.

    Args:
        label: what is running, shown left of the bar.
        width_px: the bar's width in CSS pixels.

    Returns:
        ``update(fraction)``, fraction in [0, 1] (values outside are clipped).
    """
    import ipywidgets as widgets
    from IPython.display import display

    bar = widgets.FloatProgress(
        value=0.0,
        min=0.0,
        max=1.0,
        description=label,
        style={"description_width": "initial"},
        layout={"width": f"{int(width_px)}px"},
    )
    display(bar)

    def update(fraction: float) -> None:
        bar.value = float(min(max(fraction, 0.0), 1.0))

    return update


def limit_blas_threads(threads: int = 1) -> None:
    """Let NumPy's BLAS (OpenBLAS/MKL) use at most ``threads`` threads from now on.

    The course's matrices are small (tens of units, hundreds of examples). For them a second
    BLAS thread saves nothing and, on a machine with two busy cores, costs a great deal: the
    threads spin waiting for each other. Measured on the project's 2-core machine: a
    [2, 32, 32, 1] network trained for 1500 iterations on 600 examples took 0.46 s with one
    thread every time, and 0.42-7.9 s with two, depending on what else was running.

    Args:
        threads: the most threads BLAS may use (>= 1).
    """
    from threadpoolctl import threadpool_limits

    if int(threads) < 1:
        raise ValueError(f"threads must be at least 1; got {threads!r}.")
    threadpool_limits(limits=int(threads), user_api="blas")


@dataclass
class Lesson:
    """What ``start_lesson`` hands back to the notebook."""

    title: str
    seed: int
    rng: np.random.Generator
    budget: RunBudget
    tf: ModuleType | None


def start_lesson(
    title: str, *, seed: int = 1, tensorflow: bool = True, blas_threads: int = 1
) -> Lesson:
    """Print the lesson banner (versions, device, run size, seed) and set every seed.

    Args:
        title: the lesson's title, printed first.
        seed: seed for Python, NumPy and TensorFlow.
        tensorflow: import TensorFlow quietly (False for NumPy-only lessons).
        blas_threads: threads NumPy's BLAS may use (see ``limit_blas_threads``); TensorFlow
            keeps its own thread pools.

    Returns:
        A ``Lesson`` with ``rng``, ``budget`` and ``tf`` (None when not requested).
    """
    import matplotlib

    tf = import_tensorflow_quietly() if tensorflow else None
    budget = run_budget()
    rng = seed_everything(seed)
    limit_blas_threads(blas_threads)
    versions = [f"Python {platform.python_version()}", f"NumPy {np.__version__}"]
    if tf is not None:
        import keras

        versions.append(f"TensorFlow {tf.__version__} (Keras {keras.__version__})")
    versions.append(f"matplotlib {matplotlib.__version__}")
    size_note = (
        "the quick, reduced run used by the tests"
        if budget.is_ci
        else f"every step at full size (set {RUN_ENV_VAR}=ci for a quick run)"
    )
    print(title)
    print(" | ".join(versions))
    print(device_summary(tf))
    print(f"Run size: {budget.name} - {size_note}.")
    print(f"Seed: {seed}. NumPy BLAS threads: {blas_threads}.")
    return Lesson(title=title, seed=seed, rng=rng, budget=budget, tf=tf)
