"""The NumPy side never needs TensorFlow: every NumPy module imports without it, and the
Keras twins (``*_tf`` modules) fail with advice instead of a bare ModuleNotFoundError.

Each check runs in a fresh interpreter (``sys.executable``), because the test process may
already hold TensorFlow from the parity tests.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from importlib.util import find_spec

import pytest

# Walks course_lib and prints a JSON report: which modules imported, which failed and how.
WALK = textwrap.dedent(
    """
    import importlib, json, pkgutil, sys
    import course_lib

    report = {"numpy": [], "twins": {}, "errors": {}}
    for info in pkgutil.walk_packages(course_lib.__path__, "course_lib."):
        name = info.name
        try:
            importlib.import_module(name)
        except Exception as err:  # noqa: BLE001 - reported back to the test
            target = report["twins"] if name.endswith("_tf") else report["errors"]
            target[name] = [type(err).__name__, str(err)]
        else:
            if name.endswith("_tf"):
                report["twins"][name] = None
            else:
                report["numpy"].append(name)
    report["loaded"] = sorted(
        m for m in sys.modules if m.split(".")[0] in ("tensorflow", "keras", "tf_keras")
    )
    print(json.dumps(report))
    """
)

# Makes TensorFlow and Keras unimportable, as on a machine where they are not installed.
BLOCK = textwrap.dedent(
    """
    import importlib.abc, sys

    class NoTensorFlow(importlib.abc.MetaPathFinder):
        def find_spec(self, fullname, path=None, target=None):
            if fullname.split(".")[0] in ("tensorflow", "keras", "tf_keras"):
                raise ModuleNotFoundError(f"No module named {fullname!r}", name=fullname)
            return None

    sys.meta_path.insert(0, NoTensorFlow())
    """
)


def _run(code: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def without_tf() -> dict:
    return _run(BLOCK + WALK)


def test_the_blocker_really_blocks():
    with pytest.raises(AssertionError, match="ModuleNotFoundError: No module named 'tensorflow'"):
        _run(BLOCK + "import tensorflow")
    with pytest.raises(AssertionError, match="No module named 'keras'"):
        _run(BLOCK + "import keras.layers")


def test_every_numpy_module_imports_without_tensorflow(without_tf):
    assert without_tf["errors"] == {}
    # The walk found the Course 1 modules (so an empty walk cannot pass by accident).
    for name in (
        "course_lib.lesson",
        "course_lib.widgets",
        "course_lib.c1_neural_networks.logistic_regression",
        "course_lib.c1_neural_networks.logistic_regression_dashboard",
    ):
        assert name in without_tf["numpy"]
    assert without_tf["loaded"] == []


def test_every_twin_fails_with_advice_without_tensorflow(without_tf):
    assert "course_lib.c1_neural_networks.logistic_regression_tf" in without_tf["twins"]
    for name, failure in without_tf["twins"].items():
        assert failure is not None, f"{name} imported although TensorFlow is blocked"
        kind, message = failure
        assert kind == "ImportError", (name, failure)
        assert "TensorFlow is not importable" in message
        assert "NumPy side" in message
        assert "make lab" in message


def test_importing_the_numpy_modules_does_not_load_tensorflow():
    # A normal process, TensorFlow installed: importing only the NumPy side leaves it unloaded.
    code = textwrap.dedent(
        """
        import importlib, json, pkgutil, sys
        import course_lib
        names = [info.name for info in pkgutil.walk_packages(course_lib.__path__, "course_lib.")
                 if not info.name.endswith("_tf")]
        for name in names:
            importlib.import_module(name)
        loaded = sorted(m for m in sys.modules if m.split(".")[0] in
                        ("tensorflow", "keras", "tf_keras"))
        print(json.dumps({"names": names, "loaded": loaded}))
        """
    )
    report = _run(code)
    assert "course_lib.c1_neural_networks.logistic_regression" in report["names"]
    assert report["loaded"] == []


@pytest.mark.tf
@pytest.mark.skipif(find_spec("tensorflow") is None, reason="TensorFlow is not installed")
def test_twins_import_with_tensorflow():
    report = _run(WALK)
    assert report["errors"] == {}
    assert report["twins"], "no *_tf module found"
    for name, failure in report["twins"].items():
        assert failure is None, (name, failure)
    assert "tensorflow" in report["loaded"]
