"""Data for the lessons, all offline: seeded generators, datasets that packages ship, and
loaders for the course's own files when a learner has them.

Image datasets come back in the course's layout (see ``load_course_h5``)::

    train_x_orig (m_train, height, width[, channels]), train_y (1, m_train),
    test_x_orig (m_test, ...), test_y (1, m_test), classes (array of class names as bytes)

Provenance and licences of everything used here: data/README.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

__all__ = [
    "COURSE_DATA_DIR",
    "ImageDataset",
    "load_faces",
    "load_course_h5",
    "load_cat_vs_noncat",
    "load_image_classification",
    "load_planar_dataset",
]

# Where a learner may drop the course's own files (ignored by git): data/course/
COURSE_DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "course"


@dataclass
class ImageDataset:
    """A binary image-classification dataset in the course's layout."""

    name: str
    description: str
    train_x_orig: np.ndarray
    train_y: np.ndarray
    test_x_orig: np.ndarray
    test_y: np.ndarray
    classes: np.ndarray

    @property
    def pixel_scale(self) -> float:
        """What to divide pixels by to bring them into [0, 1]: 255 for 8-bit images."""
        return 255.0 if self.train_x_orig.dtype == np.uint8 else 1.0

    def as_tuple(self):
        """(train_x_orig, train_y, test_x_orig, test_y, classes), like the course's
        ``load_dataset()``."""
        return self.train_x_orig, self.train_y, self.test_x_orig, self.test_y, self.classes


def _stratified_split(labels: np.ndarray, test_fraction: float, seed: int):
    rng = np.random.default_rng(seed)
    train, test = [], []
    for value in np.unique(labels):
        idx = rng.permutation(np.flatnonzero(labels == value))
        n_test = round(len(idx) * test_fraction)
        test.extend(idx[:n_test])
        train.extend(idx[n_test:])
    return rng.permutation(train), rng.permutation(test)


def load_faces(test_fraction: float = 0.25, seed: int = 0) -> ImageDataset:
    """Face vs non-face: 200 grey 25x25 crops shipped with scikit-image (``lfw_subset``).

    100 faces from Labeled Faces in the Wild and 100 background patches from the same
    photos: the offline stand-in for the course's cat vs non-cat. Pixels are in [0, 1].

    Args:
        test_fraction: share of each class put in the test set.
        seed: seed of the stratified shuffle.

    Returns:
        ImageDataset with x of shape (m, 25, 25), y of shape (1, m) (1 = face),
        classes = [b"non-face", b"face"].
    """
    from skimage.data import lfw_subset

    images = np.asarray(lfw_subset(), dtype=np.float64)
    labels = np.r_[np.ones(100), np.zeros(100)].astype(np.int64)  # faces come first
    train, test = _stratified_split(labels, test_fraction, seed)
    return ImageDataset(
        name="faces",
        description="LFW subset from scikit-image: 25x25 grey crops, face (1) vs non-face (0)",
        train_x_orig=images[train],
        train_y=labels[train].reshape(1, -1),
        test_x_orig=images[test],
        test_y=labels[test].reshape(1, -1),
        classes=np.array([b"non-face", b"face"]),
    )


# The course's largest image file (SIGNS) is about 13 MB; anything declaring more than this
# is refused before a byte is read, so a crafted header cannot make us allocate gigabytes.
MAX_DATASET_BYTES = 1 << 30
MAX_CLASSES = 1000


def _course_file_error(path: Path, why: str) -> ValueError:
    return ValueError(f"{path} is not a course h5 file: {why}")


def _dataset(f, path: Path, key: str):
    """The plain dataset ``key`` of ``f``, refusing links, groups and outside storage."""
    import h5py

    link = f.get(key, default=None, getlink=True)  # inspects the link, follows nothing
    if link is None:
        return None
    if isinstance(link, (h5py.SoftLink, h5py.ExternalLink)):
        kind = "an external link" if isinstance(link, h5py.ExternalLink) else "a soft link"
        raise _course_file_error(
            path, f"{key} is {kind}, not a dataset; the course's files hold plain datasets."
        )
    obj = f[key]
    if not isinstance(obj, h5py.Dataset):
        raise _course_file_error(path, f"{key} is a {type(obj).__name__.lower()}, not a dataset.")
    # External storage and virtual datasets read bytes from other files (any file the
    # learner can read); the course's datasets are stored inside the file itself.
    if obj.external or obj.is_virtual:
        raise _course_file_error(
            path, f"{key} keeps its data in other files (external or virtual storage); refused."
        )
    declared = int(np.prod(obj.shape, dtype=np.float64) * obj.dtype.itemsize)
    if declared > MAX_DATASET_BYTES:
        raise _course_file_error(
            path,
            f"{key} declares {obj.shape} of {obj.dtype} ({declared / 2**20:.0f} MiB), more than"
            f" the {MAX_DATASET_BYTES / 2**20:.0f} MiB a course dataset can need.",
        )
    return obj


def _check_layout(path: Path, split: str, x, y, classes) -> None:
    """Shapes and dtypes of the three datasets, from the header only."""
    kx, ky = f"{split}_set_x", f"{split}_set_y"
    if x.ndim not in (3, 4) or x.shape[0] < 1:
        raise _course_file_error(
            path, f"{kx} must have shape (m, height, width[, channels]), m >= 1; got {x.shape}."
        )
    if x.dtype.kind not in "uif":
        raise _course_file_error(path, f"{kx} must hold pixel numbers; got dtype {x.dtype}.")
    m = x.shape[0]
    if y.shape not in ((m,), (1, m)):
        raise _course_file_error(
            path, f"{ky} must hold one label per image, shape ({m},) or (1, {m}); got {y.shape}."
        )
    if y.dtype.kind not in "biu":
        raise _course_file_error(path, f"{ky} must hold integer labels; got dtype {y.dtype}.")
    if classes.ndim != 1 or not 1 <= classes.shape[0] <= MAX_CLASSES:
        raise _course_file_error(
            path, f"list_classes must be a list of 1 to {MAX_CLASSES} names; got {classes.shape}."
        )
    if classes.dtype.kind not in "SUO":
        raise _course_file_error(path, f"list_classes must hold names; got dtype {classes.dtype}.")


def _check_values(path: Path, split: str, x, y, classes) -> None:
    """Pixel and label values, once read."""
    if x.dtype.kind == "f" and not np.isfinite(x).all():
        raise _course_file_error(path, f"{split}_set_x holds NaN or infinite pixels.")
    if y.size and (y.min() < 0 or y.max() >= len(classes)):
        raise _course_file_error(
            path,
            f"{split}_set_y holds labels {sorted({int(v) for v in np.unique(y)})[:6]}; each must"
            f" index list_classes, 0 .. {len(classes) - 1}.",
        )
    if classes.dtype.kind == "O" and not all(isinstance(c, (bytes, str)) for c in classes):
        raise _course_file_error(path, "list_classes must hold names (strings).")


def _read_h5(path: Path, split: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    import h5py

    keys = (f"{split}_set_x", f"{split}_set_y", "list_classes")
    try:
        with h5py.File(path, "r") as f:
            found = {key: _dataset(f, path, key) for key in keys}
            missing = [key for key, obj in found.items() if obj is None]
            if missing:
                raise KeyError(f"{path} has no dataset(s) {missing}; it holds {sorted(f.keys())}.")
            x, y, classes = (found[key] for key in keys)
            _check_layout(path, split, x, y, classes)
            x, y, classes = x[()], y[()].reshape(1, -1), classes[()]
    except OSError:  # h5py's own words name HDF5 internals; say what the learner can do
        raise _course_file_error(
            path,
            "HDF5 cannot read it (truncated, corrupt, or another format). Download the"
            " course's file again.",
        ) from None
    _check_values(path, split, x, y, classes)
    return x, y, classes


def load_course_h5(train_path, test_path=None, name: str = "course") -> ImageDataset:
    """Load the course's h5 format (keys ``train_set_x``, ``train_set_y``, ``test_set_x``,
    ``test_set_y``, ``list_classes``).

    The files are checked before and after reading, since a learner may be handed any
    file: each key must be a plain dataset stored in the file (no soft or external links,
    no external or virtual storage, which could read other files), of at most
    ``MAX_DATASET_BYTES``; x is (m, height, width[, channels]) of numbers (finite if
    float), y holds m integer labels indexing ``list_classes``, and the test images have
    the training images' size.

    Args:
        train_path: file holding ``train_set_x``/``train_set_y``/``list_classes``.
        test_path: file holding ``test_set_x``/``test_set_y``; the same file if None.
        name: name recorded in the returned dataset.

    Returns:
        ImageDataset; y arrays reshaped to (1, m) as in the course.

    Raises:
        FileNotFoundError: a file does not exist.
        KeyError: a file lacks one of the datasets (they are named).
        ValueError: anything else that is not the course's layout, a folder, or a file
            HDF5 cannot read (truncated or corrupt).
    """
    train_path = Path(train_path)
    test_path = Path(test_path) if test_path is not None else train_path
    for path in (train_path, test_path):
        if path.is_dir():
            raise ValueError(f"{path} is a folder; pass the path of the .h5 file inside it.")
        if not path.is_file():
            raise FileNotFoundError(f"{path} does not exist.")
    train_x, train_y, classes = _read_h5(train_path, "train")
    test_x, test_y, _ = _read_h5(test_path, "test")
    if test_x.shape[1:] != train_x.shape[1:]:
        raise ValueError(
            f"the test images are {test_x.shape[1:]} but the training images {train_x.shape[1:]};"
            " a model trained on one size cannot read the other."
        )
    if test_y.size and test_y.max() >= len(classes):
        raise _course_file_error(
            test_path, f"test_set_y has label {int(test_y.max())}, beyond the training classes."
        )
    return ImageDataset(
        name=name,
        description=f"course h5 files {train_path.name}, {test_path.name}",
        train_x_orig=train_x,
        train_y=train_y,
        test_x_orig=test_x,
        test_y=test_y,
        classes=classes,
    )


def load_cat_vs_noncat(data_dir=None) -> ImageDataset:
    """The course's cat vs non-cat images, if the learner has put the files in ``data_dir``.

    Args:
        data_dir: folder with ``train_catvnoncat.h5`` and ``test_catvnoncat.h5``;
            ``COURSE_DATA_DIR`` (data/course/) when None.

    Raises:
        FileNotFoundError: naming the two files and where to put them.
    """
    data_dir = Path(data_dir if data_dir is not None else COURSE_DATA_DIR)
    train, test = data_dir / "train_catvnoncat.h5", data_dir / "test_catvnoncat.h5"
    if not (train.is_file() and test.is_file()):
        raise FileNotFoundError(
            f"The course's cat images are not here: put train_catvnoncat.h5 and "
            f"test_catvnoncat.h5 (from the course's assignment files) into {data_dir}."
        )
    dataset = load_course_h5(train, test, name="cat_vs_noncat")
    dataset.description = "the course's cat (1) vs non-cat (0) images, 64x64 RGB"
    return dataset


def load_image_classification(prefer_course_files: bool = True, data_dir=None) -> ImageDataset:
    """The binary image task for Course 1: the course's cats when present, else faces.

    Args:
        prefer_course_files: use the course's *catvnoncat.h5 files when both exist.
        data_dir: where to look for them (data/course/ when None).

    Returns:
        ImageDataset (see ``load_cat_vs_noncat`` and ``load_faces``).
    """
    if prefer_course_files:
        try:
            return load_cat_vs_noncat(data_dir)
        except FileNotFoundError:
            pass
    return load_faces()


# Which class each petal of the rose belongs to, petals counted anticlockwise from the one
# centred at angle pi/8: class 0 on the four petals nearest the x1 axis, class 1 on the four
# nearest the x2 axis. Opposite petals share a class, so both classes are centred on the
# origin and every straight boundary leaves each side about half and half.
_PETAL_CLASSES = np.array([0, 1, 1, 0, 0, 1, 1, 0])


def load_planar_dataset(
    m: int = 400, seed: int = 1, noise: float = 0.2, petal_length: float = 3.0
) -> tuple[np.ndarray, np.ndarray]:
    """The "flower": two classes on the eight petals of the rose curve r = a |sin(4t)|.

    Each class gets half of the m points and four of the eight petals (see
    ``_PETAL_CLASSES``). A point picks one of its class's petals, an angle t uniformly
    inside that petal and the radius r = a |sin(4t)| on the curve, so points crowd along
    the petal's outline; then Gaussian noise of standard deviation ``noise`` is added to
    both coordinates. Columns are shuffled. Logistic regression stays near chance on it;
    a tanh network with 4 hidden units separates it (taught in
    notebooks/c1_neural_networks/03_shallow_network.py, section 1).

    Args:
        m: number of examples (class 0 gets the extra one when m is odd).
        seed: seed of a private ``np.random.Generator`` (the global generator is untouched).
        noise: standard deviation of the noise added to x1 and x2.
        petal_length: a, the longest radius of a petal.

    Returns:
        X of shape (2, m) (float64) and Y of shape (1, m) (uint8 labels 0/1).
    """
    if int(m) != m or m < 2:
        raise ValueError(f"m must be an integer >= 2; got {m!r}.")
    if noise < 0 or petal_length <= 0:
        raise ValueError("noise must be >= 0 and petal_length > 0.")
    m = int(m)
    rng = np.random.default_rng(seed)
    labels = np.repeat([0, 1], [m - m // 2, m // 2])
    petal = np.empty(m, dtype=np.int64)
    for label in (0, 1):
        mine = np.flatnonzero(labels == label)
        petal[mine] = rng.choice(np.flatnonzero(label == _PETAL_CLASSES), size=mine.size)
    # Petal k of r = a sin(4t) is centred at pi/8 + k pi/4 and spans pi/4.
    t = np.pi / 8 + petal * np.pi / 4 + rng.uniform(-np.pi / 8, np.pi / 8, m)
    r = petal_length * np.abs(np.sin(4 * t))
    X = np.vstack([r * np.cos(t), r * np.sin(t)]) + noise * rng.standard_normal((2, m))
    order = rng.permutation(m)
    return X[:, order], labels[order].reshape(1, m).astype(np.uint8)
