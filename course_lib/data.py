"""Data for the lessons, all offline: seeded generators, datasets that packages ship, and
loaders for the course's own files when a learner has them.

Image datasets come back in the course's layout (see ``load_course_h5``)::

    train_x_orig (m_train, height, width[, channels]), train_y (1, m_train),
    test_x_orig (m_test, ...), test_y (1, m_test), classes (array of class names as bytes)

Provenance and licences of everything used here: data/README.md.
"""

from __future__ import annotations

from collections.abc import Callable
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
    "SIGNS_FILES",
    "load_digit_signs",
    "load_signs_h5",
    "load_signs",
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


def _dataset(f, path: Path, key: str, error=_course_file_error):
    """The plain dataset ``key`` of ``f``, refusing links, groups and outside storage."""
    import h5py

    link = f.get(key, default=None, getlink=True)  # inspects the link, follows nothing
    if link is None:
        return None
    if isinstance(link, (h5py.SoftLink, h5py.ExternalLink)):
        kind = "an external link" if isinstance(link, h5py.ExternalLink) else "a soft link"
        raise error(
            path, f"{key} is {kind}, not a dataset; the course's files hold plain datasets."
        )
    obj = f[key]
    if not isinstance(obj, h5py.Dataset):
        raise error(path, f"{key} is a {type(obj).__name__.lower()}, not a dataset.")
    # External storage and virtual datasets read bytes from other files (any file the
    # learner can read); the course's datasets are stored inside the file itself.
    if obj.external or obj.is_virtual:
        raise error(
            path, f"{key} keeps its data in other files (external or virtual storage); refused."
        )
    declared = int(np.prod(obj.shape, dtype=np.float64) * obj.dtype.itemsize)
    if declared > MAX_DATASET_BYTES:
        raise error(
            path,
            f"{key} declares {obj.shape} of {obj.dtype} ({declared / 2**20:.0f} MiB), more than"
            f" the {MAX_DATASET_BYTES / 2**20:.0f} MiB a course dataset can need.",
        )
    return obj


@dataclass(frozen=True)
class _FileLayout:
    """What one kind of course h5 file holds (the cat files, SIGNS)."""

    error: Callable[[Path, str], ValueError]  # the file kind's "is not a ... file" error
    image_shape: str = "(m, height, width[, channels])"  # train_set_x's shape, in words
    image_ndims: tuple[int, ...] = (3, 4)
    class_kinds: str = "SUO"  # dtype kinds list_classes may have (SIGNS stores numbers)
    classes_required: bool = True  # SIGNS keeps list_classes in one of its two files


CAT_FILES = _FileLayout(error=_course_file_error)


def _check_layout(path: Path, split: str, x, y, classes, layout: _FileLayout) -> None:
    """Shapes and dtypes of the datasets, from the header only."""
    kx, ky, error = f"{split}_set_x", f"{split}_set_y", layout.error
    if x.ndim not in layout.image_ndims or x.shape[0] < 1 or min(x.shape) < 1:
        raise error(path, f"{kx} must have shape {layout.image_shape}, m >= 1; got {x.shape}.")
    if x.dtype.kind not in "uif":
        raise error(path, f"{kx} must hold pixel numbers; got dtype {x.dtype}.")
    m = x.shape[0]
    if y.shape not in ((m,), (1, m)):
        raise error(
            path, f"{ky} must hold one label per image, shape ({m},) or (1, {m}); got {y.shape}."
        )
    if y.dtype.kind not in "biu":
        raise error(path, f"{ky} must hold integer labels; got dtype {y.dtype}.")
    if classes is None:
        return
    if classes.ndim != 1 or not 1 <= classes.shape[0] <= MAX_CLASSES:
        raise error(
            path, f"list_classes must be a list of 1 to {MAX_CLASSES} names; got {classes.shape}."
        )
    if classes.dtype.kind not in layout.class_kinds:
        raise error(path, f"list_classes must hold names; got dtype {classes.dtype}.")


def _check_labels(path: Path, split: str, y, classes, error=_course_file_error) -> None:
    """Every label indexes list_classes."""
    if y.size and (y.min() < 0 or y.max() >= len(classes)):
        raise error(
            path,
            f"{split}_set_y holds labels {sorted({int(v) for v in np.unique(y)})[:6]}; each must"
            f" index list_classes, 0 .. {len(classes) - 1}.",
        )


def _read_h5(path: Path, split: str, layout: _FileLayout = CAT_FILES):
    """x, y (1, m) and list_classes (None if absent and not required) of one file, checked:
    the layout from the header before anything is read, then pixels and class names."""
    import h5py

    keys = (f"{split}_set_x", f"{split}_set_y", "list_classes")
    try:
        with h5py.File(path, "r") as f:
            found = {key: _dataset(f, path, key, layout.error) for key in keys}
            needed = keys if layout.classes_required else keys[:2]
            missing = [key for key in needed if found[key] is None]
            if missing:
                why = f"has no dataset(s) {missing}; it holds {sorted(f.keys())}."
                if layout is CAT_FILES:  # load_course_h5's documented KeyError
                    raise KeyError(f"{path} {why}")
                raise layout.error(path, f"it {why}")
            x, y, classes = (found[key] for key in keys)
            _check_layout(path, split, x, y, classes, layout)
            x, y = x[()], y[()].reshape(1, -1)
            classes = None if classes is None else classes[()]
    except OSError:  # h5py's own words name HDF5 internals; say what the learner can do
        raise layout.error(
            path,
            "HDF5 cannot read it (truncated, corrupt, or another format). Download the"
            " course's file again.",
        ) from None
    if x.dtype.kind == "f" and not np.isfinite(x).all():
        raise layout.error(path, f"{split}_set_x holds NaN or infinite pixels.")
    if classes is not None:
        if classes.dtype.kind == "O" and not all(isinstance(c, (bytes, str)) for c in classes):
            raise layout.error(path, "list_classes must hold names (strings).")
        if layout.classes_required:
            _check_labels(path, split, y, classes, layout.error)
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


# -- SIGNS (Course 4): six hand-sign classes; offline stand-in = the digits 0-5 -------------

#: The course's SIGNS files, looked for in COURSE_DATA_DIR by ``load_signs``.
SIGNS_FILES = ("train_signs.h5", "test_signs.h5")


def load_digit_signs(size: int = 32, test_fraction: float = 0.2, seed: int = 0) -> ImageDataset:
    """The offline stand-in for SIGNS: scikit-learn's handwritten digits 0-5 as RGB images.

    SIGNS holds 1,200 photos of hands showing 0 to 5 fingers; the digits 0-5 are 1,083
    real 8x8 scans in six classes, the same size of problem. Each scan (ink 0..16) is
    enlarged to ``size`` x ``size`` by bilinear interpolation, scaled to 0..255 and copied
    into three channels, so the images have SIGNS's layout (m, n_H, n_W, 3) of uint8.

    Args:
        size: n_H = n_W of the returned images, at least 8 (32 keeps the lesson fast;
            64 is SIGNS's size).
        test_fraction: share of each class put in the test set (SIGNS: 120 of 1,200).
        seed: seed of the stratified shuffle.

    Returns:
        ImageDataset with train_x_orig (m_train, size, size, 3) uint8, train_y (1, m_train)
        int64 in 0..5, the same for the test set, classes = [b"0", ..., b"5"].

    Taught in: notebooks/c4_convnets/04_convnet_application.py, section 1.
    """
    from scipy.ndimage import zoom
    from sklearn.datasets import load_digits

    if isinstance(size, bool) or int(size) != size or size < 8:
        raise ValueError(f"size must be an integer >= 8 (pixels per side); got {size!r}.")
    if not 0 < test_fraction < 1:
        raise ValueError(f"test_fraction must lie strictly between 0 and 1; got {test_fraction!r}.")
    size = int(size)
    digits = load_digits()
    keep = digits.target <= 5
    scans, labels = digits.images[keep], digits.target[keep].astype(np.int64)
    # order=1 is bilinear; grid_mode maps pixel squares onto pixel squares, so the digit
    # stays centred at any size.
    big = zoom(scans, (1, size / 8, size / 8), order=1, grid_mode=True, mode="nearest")
    pixels = np.clip(np.rint(big * (255 / 16)), 0, 255).astype(np.uint8)
    images = np.repeat(pixels[..., None], 3, axis=-1)
    train, test = _stratified_split(labels, test_fraction, seed)
    return ImageDataset(
        name="digit_signs",
        description=f"scikit-learn digits 0-5 at {size}x{size}x3: the offline stand-in for SIGNS",
        train_x_orig=images[train],
        train_y=labels[train].reshape(1, -1),
        test_x_orig=images[test],
        test_y=labels[test].reshape(1, -1),
        classes=np.array([str(c).encode() for c in range(6)]),
    )


def _signs_error(path: Path, why: str) -> ValueError:
    return ValueError(f"{path} is not a SIGNS h5 file in the course's layout: {why}")


SIGNS_LAYOUT = _FileLayout(
    error=_signs_error,
    image_shape="(m, n_H, n_W, n_C)",
    image_ndims=(4,),
    class_kinds="iuSUO",
    classes_required=False,
)


def _class_names(classes: np.ndarray) -> np.ndarray:
    """list_classes as bytes names: SIGNS stores the numbers 0..5, the cat files bytes."""
    if classes.dtype.kind in "iu":
        return np.array([str(int(c)).encode() for c in classes])
    return np.array([c if isinstance(c, bytes) else str(c).encode() for c in classes.tolist()])


def load_signs_h5(train_path, test_path) -> ImageDataset:
    """Load the course's SIGNS files (``train_signs.h5``, ``test_signs.h5``), checked.

    The course's files hold ``train_set_x`` (1080, 64, 64, 3) uint8 and ``train_set_y``
    (1080,) in the first, ``test_set_x`` (120, 64, 64, 3) and ``test_set_y`` (120,) in the
    second, and ``list_classes`` (the numbers 0..5) in both; the course reads the classes
    from the test file, and so does this loader (from the training file if the test file
    lacks them). Each dataset must be stored in the file itself (no links or external
    storage, as for ``load_course_h5``).

    Args:
        train_path: the file with train_set_x / train_set_y.
        test_path: the file with test_set_x / test_set_y.

    Returns:
        ImageDataset with x (m, n_H, n_W, n_C) as stored, y (1, m) and classes as bytes
        names (b"0" ... b"5" for SIGNS).

    Raises:
        FileNotFoundError: a file does not exist.
        ValueError: anything that is not the layout above: a missing key, a wrong shape
            or dtype, a label that indexes no class, train and test images of different
            sizes, or a file HDF5 cannot read.

    Taught in: notebooks/c4_convnets/04_convnet_application.py, section 1.
    """
    train_path, test_path = Path(train_path), Path(test_path)
    for path in (train_path, test_path):
        if path.is_dir():
            raise ValueError(f"{path} is a folder; pass the path of the .h5 file inside it.")
        if not path.is_file():
            raise FileNotFoundError(f"{path} does not exist.")
    train_x, train_y, train_classes = _read_h5(train_path, "train", SIGNS_LAYOUT)
    test_x, test_y, test_classes = _read_h5(test_path, "test", SIGNS_LAYOUT)
    classes = test_classes if test_classes is not None else train_classes
    if classes is None:
        raise _signs_error(test_path, "neither file holds list_classes (the class names).")
    if test_x.shape[1:] != train_x.shape[1:]:
        raise ValueError(
            f"the test images are {test_x.shape[1:]} but the training images"
            f" {train_x.shape[1:]} (n_H, n_W, n_C); one model cannot read both."
        )
    for path, split, y in ((train_path, "train", train_y), (test_path, "test", test_y)):
        _check_labels(path, split, y, classes, _signs_error)
    return ImageDataset(
        name="signs",
        description=f"the course's SIGNS files {train_path.name}, {test_path.name}",
        train_x_orig=train_x,
        train_y=train_y.astype(np.int64),
        test_x_orig=test_x,
        test_y=test_y.astype(np.int64),
        classes=_class_names(classes),
    )


def load_signs(
    prefer_course_files: bool = True, data_dir=None, size: int = 32, seed: int = 0
) -> ImageDataset:
    """The six-class image task of Course 4: the course's SIGNS when present, else digits 0-5.

    Args:
        prefer_course_files: use ``train_signs.h5`` and ``test_signs.h5`` from ``data_dir``
            when both are there (they are 64x64x3 and used as they are, whatever ``size``).
        data_dir: where to look for them; ``COURSE_DATA_DIR`` (data/course/) when None.
        size, seed: passed to ``load_digit_signs`` for the stand-in.

    Returns:
        ImageDataset (see ``load_signs_h5`` and ``load_digit_signs``).

    Raises:
        FileNotFoundError: only one of the two SIGNS files is there (name the missing one).

    Taught in: notebooks/c4_convnets/04_convnet_application.py, section 1.
    """
    if prefer_course_files:
        data_dir = Path(data_dir if data_dir is not None else COURSE_DATA_DIR)
        paths = [data_dir / name for name in SIGNS_FILES]
        present = [path.is_file() for path in paths]
        if all(present):
            return load_signs_h5(*paths)
        if any(present):
            missing = paths[present.index(False)]
            raise FileNotFoundError(
                f"{missing.name} is missing from {data_dir}: SIGNS needs both {SIGNS_FILES[0]}"
                f" and {SIGNS_FILES[1]} (or neither, for the offline stand-in)."
            )
    return load_digit_signs(size=size, seed=seed)
