"""SIGNS for Course 4: the digits 0-5 stand-in, and the loader for the course's h5 files."""

import h5py
import numpy as np
import pytest

from course_lib import data
from course_lib.data import SIGNS_FILES, load_digit_signs, load_signs, load_signs_h5


def _write(path, **datasets):
    with h5py.File(path, "w") as f:
        for key, value in datasets.items():
            f.create_dataset(key, data=value)
    return path


def _signs_pair(folder, m_train=7, m_test=4, side=8, classes=None, **overrides):
    """train_signs.h5 / test_signs.h5 in the course's layout (tiny images)."""
    rng = np.random.default_rng(0)
    classes = np.arange(6) if classes is None else classes
    train = {
        "train_set_x": rng.integers(0, 256, (m_train, side, side, 3), dtype=np.uint8),
        "train_set_y": np.arange(m_train, dtype=np.int64) % 6,
        "list_classes": classes,
    }
    test = {
        "test_set_x": rng.integers(0, 256, (m_test, side, side, 3), dtype=np.uint8),
        "test_set_y": np.arange(m_test, dtype=np.int64)[::-1] % 6,
        "list_classes": classes,
    }
    for key, value in overrides.items():
        target = train if key.startswith("train") else test
        if value is None:
            target.pop(key.removeprefix("train:").removeprefix("test:"), None)
        else:
            target[key.removeprefix("train:").removeprefix("test:")] = value
    return (
        _write(folder / SIGNS_FILES[0], **train),
        _write(folder / SIGNS_FILES[1], **test),
        train,
        test,
    )


# -- the stand-in ----------------------------------------------------------------------------


def test_digit_signs_has_signs_layout_and_real_images():
    d = load_digit_signs(size=32)
    assert d.train_x_orig.shape[1:] == (32, 32, 3) and d.train_x_orig.dtype == np.uint8
    assert d.train_x_orig.shape[0] + d.test_x_orig.shape[0] == 1083  # digits 0-5
    assert d.train_y.shape == (1, d.train_x_orig.shape[0])
    assert set(np.unique(d.train_y)) == set(range(6)) == set(np.unique(d.test_y))
    assert list(d.classes) == [b"0", b"1", b"2", b"3", b"4", b"5"]
    # grey copied into three channels; ink reaches full brightness, the corners are dark
    assert np.array_equal(d.train_x_orig[..., 0], d.train_x_orig[..., 2])
    assert d.train_x_orig.max() == 255 and d.train_x_orig[:, 0, 0].mean() < 10
    # stratified: every class about 20 % test
    counts = np.bincount(d.test_y.ravel()) / (
        np.bincount(d.test_y.ravel()) + np.bincount(d.train_y.ravel())
    )
    assert np.allclose(counts, 0.2, atol=0.01)


def test_digit_signs_is_seeded_and_sized():
    a, b = load_digit_signs(size=8, seed=3), load_digit_signs(size=8, seed=3)
    assert np.array_equal(a.train_x_orig, b.train_x_orig) and np.array_equal(a.test_y, b.test_y)
    assert not np.array_equal(a.train_y, load_digit_signs(size=8, seed=4).train_y)
    # size 8 keeps the original scans, 0..16 scaled to 0..255, each image exactly once
    from sklearn.datasets import load_digits

    digits = load_digits()
    scans = np.rint(digits.images[digits.target <= 5] * 255 / 16).astype(np.uint8)
    ours = np.concatenate([a.train_x_orig[..., 0], a.test_x_orig[..., 0]])
    key = lambda imgs: sorted(img.tobytes() for img in imgs)  # noqa: E731
    assert key(ours) == key(scans)
    assert load_digit_signs(size=64).train_x_orig.shape[1:] == (64, 64, 3)


@pytest.mark.parametrize("size", [7, 0, 2.5, True, "32"])
def test_digit_signs_refuses_bad_size(size):
    with pytest.raises((ValueError, TypeError), match="size"):
        load_digit_signs(size=size)


@pytest.mark.parametrize("fraction", [0, 1, -0.1, 1.5])
def test_digit_signs_refuses_bad_fraction(fraction):
    with pytest.raises(ValueError, match="test_fraction"):
        load_digit_signs(test_fraction=fraction)


# -- the course's files --------------------------------------------------------------------


def test_course_files_load_in_the_course_layout(tmp_path):
    train_path, test_path, train, test = _signs_pair(tmp_path)
    d = load_signs_h5(train_path, test_path)
    assert np.array_equal(d.train_x_orig, train["train_set_x"])
    assert np.array_equal(d.test_x_orig, test["test_set_x"])
    assert d.train_y.shape == (1, 7) and d.test_y.shape == (1, 4)
    assert np.array_equal(d.train_y[0], train["train_set_y"])
    assert list(d.classes) == [b"0", b"1", b"2", b"3", b"4", b"5"]  # SIGNS stores 0..5


def test_class_names_as_bytes_are_kept(tmp_path):
    names = np.array([b"zero", b"one", b"two", b"three", b"four", b"five"])
    train_path, test_path, *_ = _signs_pair(tmp_path, classes=names)
    assert list(load_signs_h5(train_path, test_path).classes) == list(names)


def test_load_signs_prefers_course_files_then_falls_back(tmp_path):
    _signs_pair(tmp_path)
    assert load_signs(data_dir=tmp_path).name == "signs"
    assert load_signs(prefer_course_files=False, data_dir=tmp_path, size=8).name == "digit_signs"
    empty = tmp_path / "empty"
    empty.mkdir()
    fallback = load_signs(data_dir=empty, size=8)
    assert fallback.name == "digit_signs" and fallback.train_x_orig.shape[1:] == (8, 8, 3)


def test_load_signs_default_folder_is_data_course():
    assert data.COURSE_DATA_DIR.parts[-2:] == ("data", "course")


def test_only_one_course_file_is_named(tmp_path):
    train_path, test_path, *_ = _signs_pair(tmp_path)
    test_path.unlink()
    with pytest.raises(FileNotFoundError, match="test_signs.h5 is missing"):
        load_signs(data_dir=tmp_path)


def _error(tmp_path, **overrides):
    train_path, test_path, *_ = _signs_pair(tmp_path, **overrides)
    with pytest.raises(ValueError) as info:
        load_signs_h5(train_path, test_path)
    return str(info.value)


def test_missing_key_is_a_value_error_naming_it(tmp_path):
    message = _error(tmp_path, **{"train:train_set_y": None})
    assert "train_set_y" in message and "train_signs.h5" in message


def test_renamed_key_is_refused(tmp_path):
    message = _error(tmp_path, **{"test:test_set_x": None, "test:x": np.zeros((4, 8, 8, 3))})
    assert "no dataset(s) ['test_set_x']" in message and "'x'" in message


def test_no_classes_anywhere(tmp_path):
    message = _error(tmp_path, **{"train:list_classes": None, "test:list_classes": None})
    assert "list_classes" in message


def test_classes_from_the_training_file_when_the_test_file_lacks_them(tmp_path):
    train_path, test_path, *_ = _signs_pair(tmp_path, **{"test:list_classes": None})
    assert len(load_signs_h5(train_path, test_path).classes) == 6


@pytest.mark.parametrize(
    ("override", "fragment"),
    [
        ({"train:train_set_x": np.zeros((7, 8, 8), np.uint8)}, "(m, n_H, n_W, n_C)"),
        ({"train:train_set_x": np.zeros((0, 8, 8, 3), np.uint8)}, "m >= 1"),
        ({"train:train_set_y": np.zeros(6, np.int64)}, "one label per image"),
        ({"train:train_set_y": np.zeros((7, 1), np.int64)}, "one label per image"),
        ({"train:train_set_y": np.zeros(7, np.float64)}, "integer labels"),
        ({"train:train_set_y": np.full(7, 6, np.int64)}, "0 .. 5"),
        ({"test:test_set_y": np.array([0, 1, -1, 2])}, "0 .. 5"),
        ({"test:test_set_x": np.zeros((4, 16, 16, 3), np.uint8)}, "test images are"),
        ({"train:train_set_x": np.full((7, 8, 8, 3), np.nan)}, "NaN"),
        ({"test:list_classes": np.zeros((2, 3))}, "list_classes"),
    ],
)
def test_wrong_layout_is_a_clear_value_error(tmp_path, override, fragment):
    assert fragment in _error(tmp_path, **override)


def test_labels_beyond_the_classes(tmp_path):
    message = _error(tmp_path, **{"test:list_classes": np.arange(3), "train:list_classes": None})
    assert "0 .. 2" in message


def test_not_an_h5_file(tmp_path):
    train_path, test_path, *_ = _signs_pair(tmp_path)
    test_path.write_bytes(b"not hdf5 at all")
    with pytest.raises(ValueError, match="HDF5 cannot read it"):
        load_signs_h5(train_path, test_path)


def test_links_are_refused(tmp_path):
    train_path, test_path, *_ = _signs_pair(tmp_path)
    with h5py.File(test_path, "a") as f:
        del f["test_set_y"]
        f["test_set_y"] = h5py.SoftLink("/test_set_x")
    with pytest.raises(ValueError, match="soft link"):
        load_signs_h5(train_path, test_path)


def test_missing_file_and_folder(tmp_path):
    train_path, test_path, *_ = _signs_pair(tmp_path)
    with pytest.raises(FileNotFoundError):
        load_signs_h5(train_path, tmp_path / "nope.h5")
    with pytest.raises(ValueError, match="folder"):
        load_signs_h5(tmp_path, test_path)
