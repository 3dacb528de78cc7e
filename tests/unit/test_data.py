"""Offline datasets: faces from scikit-image, and loaders for the course's own h5 files."""

import h5py
import numpy as np
import pytest
from skimage.data import lfw_subset

from course_lib import data
from course_lib.data import (
    ImageDataset,
    load_cat_vs_noncat,
    load_course_h5,
    load_faces,
    load_image_classification,
)

CLASSES = np.array([b"non-cat", b"cat"])


def _split(rng, split, m, px=4):
    x = rng.integers(0, 256, size=(m, px, px, 3), dtype=np.uint8)
    y = rng.integers(0, 2, size=m).astype(np.int64)  # the course stores labels as (m,)
    return {f"{split}_set_x": x, f"{split}_set_y": y}


def _write_h5(path, **datasets):
    with h5py.File(path, "w") as f:
        for key, value in datasets.items():
            f.create_dataset(key, data=value)
    return path


@pytest.fixture
def course_files(tmp_path):
    """train_catvnoncat.h5 and test_catvnoncat.h5 in the course's layout, tiny."""
    rng = np.random.default_rng(0)
    train, test = _split(rng, "train", 6), _split(rng, "test", 3)
    _write_h5(tmp_path / "train_catvnoncat.h5", **train, list_classes=CLASSES)
    _write_h5(tmp_path / "test_catvnoncat.h5", **test, list_classes=CLASSES)
    return tmp_path, train, test


# --- faces ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def faces():
    return load_faces()


def test_faces_shapes_and_types(faces):
    assert isinstance(faces, ImageDataset)
    assert faces.train_x_orig.shape == (150, 25, 25)
    assert faces.test_x_orig.shape == (50, 25, 25)
    assert faces.train_y.shape == (1, 150)
    assert faces.test_y.shape == (1, 50)
    assert faces.train_x_orig.dtype == np.float64
    assert faces.pixel_scale == 1.0
    assert faces.train_x_orig.min() >= 0.0 and faces.train_x_orig.max() <= 1.0
    np.testing.assert_array_equal(faces.classes, [b"non-face", b"face"])
    assert faces.name == "faces"


def test_faces_are_stratified(faces):
    assert set(np.unique(faces.train_y)) == {0, 1}
    assert faces.train_y.sum() == 75
    assert faces.test_y.sum() == 25


def test_faces_labels_match_the_images(faces):
    # lfw_subset lists the 100 faces first; every returned image is one of the 200, once,
    # and carries the label of its position there.
    source = lfw_subset().reshape(200, -1).astype(np.float64)
    images = np.concatenate([faces.train_x_orig, faces.test_x_orig]).reshape(200, -1)
    labels = np.concatenate([faces.train_y, faces.test_y], axis=1).ravel()
    positions = [int(np.flatnonzero((source == image).all(axis=1))[0]) for image in images]
    assert sorted(positions) == list(range(200))
    np.testing.assert_array_equal(labels, [1 if p < 100 else 0 for p in positions])


def test_faces_are_deterministic_and_the_seed_matters(faces):
    again = load_faces()
    np.testing.assert_array_equal(again.train_x_orig, faces.train_x_orig)
    np.testing.assert_array_equal(again.test_y, faces.test_y)
    other = load_faces(seed=1)
    assert not np.array_equal(other.train_x_orig, faces.train_x_orig)
    assert other.train_y.sum() == 75


def test_faces_test_fraction():
    small = load_faces(test_fraction=0.1)
    assert small.test_x_orig.shape[0] == 20
    assert small.test_y.sum() == 10
    assert small.train_x_orig.shape[0] == 180


def test_faces_are_shuffled(faces):
    # Not all faces first: a learner slicing the first examples sees both classes.
    assert 0 < faces.train_y[0, :20].sum() < 20


def test_as_tuple_is_the_course_order(faces):
    train_x, train_y, test_x, test_y, classes = faces.as_tuple()
    assert train_x is faces.train_x_orig and train_y is faces.train_y
    assert test_x is faces.test_x_orig and test_y is faces.test_y and classes is faces.classes


# --- the course's h5 files -------------------------------------------------------------------


def test_load_course_h5_two_files(course_files):
    folder, train, test = course_files
    ds = load_course_h5(folder / "train_catvnoncat.h5", folder / "test_catvnoncat.h5", name="cats")
    assert ds.name == "cats"
    np.testing.assert_array_equal(ds.train_x_orig, train["train_set_x"])
    np.testing.assert_array_equal(ds.test_x_orig, test["test_set_x"])
    assert ds.train_y.shape == (1, 6) and ds.test_y.shape == (1, 3)
    np.testing.assert_array_equal(ds.train_y.ravel(), train["train_set_y"])
    np.testing.assert_array_equal(ds.test_y.ravel(), test["test_set_y"])
    np.testing.assert_array_equal(ds.classes, CLASSES)
    assert ds.train_x_orig.dtype == np.uint8
    assert ds.pixel_scale == 255.0
    assert "train_catvnoncat.h5" in ds.description


def test_load_course_h5_one_file(tmp_path):
    rng = np.random.default_rng(1)
    train, test = _split(rng, "train", 4), _split(rng, "test", 2)
    path = _write_h5(tmp_path / "all.h5", **train, **test, list_classes=CLASSES)
    ds = load_course_h5(path)
    np.testing.assert_array_equal(ds.train_x_orig, train["train_set_x"])
    np.testing.assert_array_equal(ds.test_x_orig, test["test_set_x"])
    assert ds.train_y.shape == (1, 4) and ds.test_y.shape == (1, 2)
    np.testing.assert_array_equal(ds.test_y.ravel(), test["test_set_y"])


def test_load_course_h5_accepts_labels_already_shaped_1_m(tmp_path):
    rng = np.random.default_rng(2)
    train, test = _split(rng, "train", 4), _split(rng, "test", 2)
    train["train_set_y"] = train["train_set_y"].reshape(1, -1)
    path = _write_h5(tmp_path / "all.h5", **train, **test, list_classes=CLASSES)
    assert load_course_h5(path).train_y.shape == (1, 4)


def test_load_course_h5_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="nope.h5 does not exist"):
        load_course_h5(tmp_path / "nope.h5")


def test_load_course_h5_missing_keys_are_named(tmp_path):
    rng = np.random.default_rng(3)
    path = _write_h5(tmp_path / "train_only.h5", **_split(rng, "train", 3), list_classes=CLASSES)
    with pytest.raises(KeyError, match=r"no dataset\(s\) \['test_set_x', 'test_set_y'\]"):
        load_course_h5(path)


def test_load_cat_vs_noncat_absent_names_the_files(tmp_path):
    with pytest.raises(FileNotFoundError) as e:
        load_cat_vs_noncat(tmp_path)
    message = str(e.value)
    assert "train_catvnoncat.h5" in message and "test_catvnoncat.h5" in message
    assert str(tmp_path) in message


def test_load_cat_vs_noncat_needs_both_files(course_files):
    folder, _, _ = course_files
    (folder / "test_catvnoncat.h5").unlink()
    with pytest.raises(FileNotFoundError, match="test_catvnoncat.h5"):
        load_cat_vs_noncat(folder)


def test_load_cat_vs_noncat_present(course_files):
    folder, train, _ = course_files
    ds = load_cat_vs_noncat(str(folder))
    assert ds.name == "cat_vs_noncat"
    assert "cat" in ds.description
    np.testing.assert_array_equal(ds.train_x_orig, train["train_set_x"])
    assert ds.train_y.shape == (1, 6)


def test_course_data_dir_is_data_course_in_the_repository():
    assert data.COURSE_DATA_DIR.parts[-2:] == ("data", "course")
    assert (data.COURSE_DATA_DIR.parent / "README.md").is_file()


# --- the Course 1 image task ---------------------------------------------------------------------


def test_image_classification_falls_back_to_faces(tmp_path):
    ds = load_image_classification(data_dir=tmp_path)
    assert ds.name == "faces"
    assert ds.train_x_orig.shape == (150, 25, 25)


def test_image_classification_prefers_the_course_files(course_files):
    folder, _, _ = course_files
    assert load_image_classification(data_dir=folder).name == "cat_vs_noncat"
    assert load_image_classification(prefer_course_files=False, data_dir=folder).name == "faces"


def test_course_data_dir_is_read_at_call_time(monkeypatch, course_files):
    folder, _, _ = course_files
    monkeypatch.setattr(data, "COURSE_DATA_DIR", folder)
    assert load_image_classification().name == "cat_vs_noncat"
