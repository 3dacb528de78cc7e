"""Hostile course h5 files: what ``load_course_h5`` must refuse, and what it still loads.

A learner may be handed any file named like the course's. Each test writes a small file
with h5py that breaks one rule and asserts a course_lib error; the valid layout still loads.
"""

import h5py
import numpy as np
import pytest

from course_lib import data
from course_lib.data import load_course_h5

CLASSES = np.array([b"non-cat", b"cat"])


def _layout(m_train=4, m_test=2, px=3):
    rng = np.random.default_rng(0)
    return {
        "train_set_x": rng.integers(0, 256, size=(m_train, px, px, 3), dtype=np.uint8),
        "train_set_y": np.arange(m_train) % 2,
        "test_set_x": rng.integers(0, 256, size=(m_test, px, px, 3), dtype=np.uint8),
        "test_set_y": np.arange(m_test) % 2,
        "list_classes": CLASSES,
    }


def _write(path, datasets, skip=()):
    with h5py.File(path, "w") as f:
        for key, value in datasets.items():
            if key not in skip:
                f.create_dataset(key, data=value)
    return path


def test_a_valid_course_layout_still_loads(tmp_path):
    layout = _layout()
    ds = load_course_h5(_write(tmp_path / "ok.h5", layout))
    np.testing.assert_array_equal(ds.train_x_orig, layout["train_set_x"])
    np.testing.assert_array_equal(ds.test_y, layout["test_set_y"].reshape(1, -1))
    assert ds.train_y.shape == (1, 4) and ds.classes.tolist() == CLASSES.tolist()


def test_external_storage_is_refused_and_its_bytes_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_bytes(b"root:x:0:0:root:/root:/bin/bash\n" * 8)
    path = tmp_path / "external.h5"
    layout = _layout()
    size = secret.stat().st_size
    with h5py.File(path, "w") as f:
        for key, value in layout.items():
            if key != "train_set_x":
                f.create_dataset(key, data=value)
        # The pixels "live" in another file: h5py would read the secret's bytes as images.
        f.create_dataset(
            "train_set_x", shape=(4, 3, 3, 3), dtype=np.uint8, external=[(str(secret), 0, size)]
        )
    with h5py.File(path, "r") as f:  # the attack works on a plain h5py read
        assert bytes(f["train_set_x"][()].ravel()[:4]) == b"root"
    with pytest.raises(ValueError, match="train_set_x keeps its data in other files"):
        load_course_h5(path)


def test_an_external_link_is_refused(tmp_path):
    other = _write(tmp_path / "other.h5", _layout())
    path = tmp_path / "linked.h5"
    with h5py.File(path, "w") as f:
        for key, value in _layout().items():
            if key != "train_set_x":
                f.create_dataset(key, data=value)
        f["train_set_x"] = h5py.ExternalLink(str(other), "/train_set_x")
    with pytest.raises(ValueError, match="train_set_x is an external link, not a dataset"):
        load_course_h5(path)


def test_a_soft_link_in_place_of_a_dataset_is_refused(tmp_path):
    path = tmp_path / "soft.h5"
    with h5py.File(path, "w") as f:
        for key, value in _layout().items():
            if key != "test_set_y":
                f.create_dataset(key, data=value)
        f["test_set_y"] = h5py.SoftLink("/train_set_y")
    with pytest.raises(ValueError, match="test_set_y is a soft link, not a dataset"):
        load_course_h5(path)


def test_a_group_in_place_of_a_dataset_is_refused(tmp_path):
    path = _write(tmp_path / "group.h5", _layout(), skip=("train_set_y",))
    with h5py.File(path, "a") as f:
        f.create_group("train_set_y")  # used to load as an empty label array
    with pytest.raises(ValueError, match="train_set_y is a group, not a dataset"):
        load_course_h5(path)


@pytest.mark.parametrize(
    ("key", "value", "match"),
    [
        (
            "train_set_y",
            np.arange(3) % 2,
            r"one label per image, shape \(4,\) or \(1, 4\); got \(3,\)",
        ),
        (
            "train_set_y",
            np.array([0, 1, 2, 1]),
            r"labels \[0, 1, 2\]; each must index list_classes",
        ),
        ("train_set_y", np.array([0, -1, 1, 1]), r"labels \[-1, 0, 1\]"),
        ("train_set_y", np.array([0.0, 1.0, 1.0, 0.0]), "integer labels; got dtype float64"),
        ("train_set_x", np.zeros((4, 3)), r"shape \(m, height, width\[, channels\]\)"),
        ("train_set_x", np.array([[["a"] * 3] * 3] * 4).astype("S1"), "pixel numbers; got dtype"),
        ("list_classes", np.array([1, 2]), "list_classes must hold names"),
        ("test_set_x", np.zeros((2, 5, 5, 3), np.uint8), "the test images are"),
    ],
)
def test_wrong_layouts_are_refused(tmp_path, key, value, match):
    layout = _layout()
    layout[key] = value
    with pytest.raises(ValueError, match=match):
        load_course_h5(_write(tmp_path / "bad.h5", layout))


def test_nan_pixels_are_refused(tmp_path):
    layout = _layout()
    x = layout["train_set_x"].astype(np.float64) / 255
    x[1, 0, 0, 0] = np.nan
    layout["train_set_x"] = x
    with pytest.raises(ValueError, match="train_set_x holds NaN or infinite pixels"):
        load_course_h5(_write(tmp_path / "nan.h5", layout))


def test_a_huge_declared_size_is_refused_before_reading(tmp_path):
    path = _write(tmp_path / "huge.h5", _layout(), skip=("train_set_x",))
    with h5py.File(path, "a") as f:
        # 12 GiB declared, nothing written: the file stays tiny, a read would allocate it all.
        f.create_dataset(
            "train_set_x", shape=(10**6, 64, 64, 3), dtype=np.uint8, chunks=(1, 64, 64, 3)
        )
    assert path.stat().st_size < 10**6
    with pytest.raises(ValueError, match=r"declares \(1000000, 64, 64, 3\) of uint8"):
        load_course_h5(path)
    assert data.MAX_DATASET_BYTES >= 64 * 2**20  # the course's real files fit


def test_a_truncated_file_gets_our_message(tmp_path):
    whole = _write(tmp_path / "whole.h5", _layout(m_train=64, px=16)).read_bytes()
    cut = tmp_path / "cut.h5"
    cut.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(ValueError, match="HDF5 cannot read it") as e:
        load_course_h5(cut)
    assert e.value.__cause__ is None and "H5" not in str(e.value)


def test_a_file_of_another_format_gets_our_message(tmp_path):
    path = tmp_path / "notes.h5"
    path.write_text("these are not images\n")
    with pytest.raises(ValueError, match="HDF5 cannot read it"):
        load_course_h5(path)


def test_a_folder_gets_our_message(tmp_path):
    folder = tmp_path / "train_catvnoncat.h5"
    folder.mkdir()
    with pytest.raises(ValueError, match="is a folder"):
        load_course_h5(folder)
