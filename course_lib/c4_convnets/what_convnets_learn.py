"""What deep ConvNets learn: receptive fields and the image patches that excite one unit.

The lecture's visualisation (after Zeiler and Fergus): pick a unit (one channel of one
layer), run many images through the network, and show the image patches where that unit's
activation is largest. A unit of layer l at position (i, j) only sees a square of the input,
its *receptive field*; for a chain of layers with kernel f_l, stride s_l and padding p_l,

    r_l = r_{l-1} + (f_l - 1) * j_{l-1},    j_l = j_{l-1} * s_l,
    c_l = c_{l-1} + ((f_l - 1) / 2 - p_l) * j_{l-1},

starting from r_0 = 1, j_0 = 1, c_0 = 0: r is the side of the field in input pixels, j the
distance in input pixels between two neighbouring units ("jump") and c the input coordinate
of the centre of unit (0, 0). Unit (i, j) is centred on input pixel (c + i*jump, c + j*jump).

Everything here is NumPy; the activations come from the VGG16 backbone of
course_lib/c4_convnets/pretrained.py (``feature_extractor``), computed in the lesson.
Taught in: notebooks/c4_convnets/15_neural_style_transfer.py
"""

from __future__ import annotations

import numpy as np

from course_lib.validation import require_finite, require_numeric, require_shape

__all__ = [
    "VGG16_GEOMETRY",
    "PHOTOS",
    "receptive_field",
    "photo_tiles",
    "field_inside",
    "selective_units",
    "top_activations",
    "receptive_field_crop",
    "top_patches",
]


def _vgg16_geometry():
    layers = []
    for block, n_convs in ((1, 2), (2, 2), (3, 3), (4, 3), (5, 3)):
        layers += [(f"block{block}_conv{i}", 3, 1, 1) for i in range(1, n_convs + 1)]
        layers.append((f"block{block}_pool", 2, 2, 0))
    return tuple(layers)


# (layer name, kernel f, stride s, padding p) of VGG16's layers, input to block5_pool.
VGG16_GEOMETRY = _vgg16_geometry()
# skimage.data photos used as the "dataset" (grey ones are repeated over 3 channels).
PHOTOS = ("astronaut", "chelsea", "coffee", "rocket", "camera", "coins",
          "immunohistochemistry", "hubble_deep_field", "brick", "grass", "gravel", "colorwheel",
          "clock", "moon")  # fmt: skip


def receptive_field(layer: str, geometry=VGG16_GEOMETRY) -> dict:
    """The receptive field of a unit of ``layer``: its size, jump and first centre.

    Args:
        layer: a layer name of ``geometry`` (e.g. "block3_conv3").
        geometry: the chain of layers, (name, f, s, p) each, from the input on.

    Returns:
        {"size": r (int, input pixels), "jump": j (int), "start": c (float, input
        coordinate of the centre of unit (0, 0))}.

    Taught in: notebooks/c4_convnets/15_neural_style_transfer.py, section 1.
    """
    names = [g[0] for g in geometry]
    if not isinstance(layer, str) or layer not in names:
        raise ValueError(f"layer must be one of {names}; got {layer!r}.")
    r, j, c = 1, 1, 0.0
    for name, f, s, p in geometry:
        if f < 1 or s < 1 or p < 0:
            raise ValueError(f"layer {name} has f={f}, s={s}, p={p}: need f, s >= 1, p >= 0.")
        r, c, j = r + (f - 1) * j, c + ((f - 1) / 2 - p) * j, j * s
        if name == layer:
            break
    return {"size": int(r), "jump": int(j), "start": float(c)}


def photo_tiles(tile: int = 64, per_side: int = 2, names=PHOTOS) -> tuple[np.ndarray, list]:
    """Square tiles cut from skimage.data photos: the dataset the units are shown on.

    Each photo's centre square is resized to (tile * per_side) pixels a side and cut into
    per_side x per_side tiles.

    Args:
        tile: the side of a tile in pixels (>= 32, VGG16 halves it five times).
        per_side: tiles per side of each photo (>= 1).
        names: skimage.data function names.

    Returns:
        (tiles (m, tile, tile, 3) float64 RGB in [0, 255], labels: m strings "photo k").

    Taught in: notebooks/c4_convnets/15_neural_style_transfer.py, section 1.
    """
    import skimage.data
    from skimage.transform import resize

    for name, value, low in (("tile", tile, 32), ("per_side", per_side, 1)):
        if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < low:
            raise ValueError(f"{name} must be an integer >= {low}; got {value!r}.")
    if isinstance(names, str) or not names:
        raise ValueError(f"names must be a non-empty list of skimage.data photos; got {names!r}.")
    tiles, labels = [], []
    side = tile * per_side
    for name in names:
        loader = getattr(skimage.data, str(name), None)
        if loader is None:
            raise ValueError(f"skimage.data has no photo {name!r}.")
        photo = np.asarray(loader(), dtype=np.float64)
        if photo.ndim == 2:
            photo = np.repeat(photo[..., None], 3, axis=-1)
        photo = photo[..., :3]
        if photo.max() <= 1.0:
            photo = photo * 255.0
        h, w = photo.shape[:2]
        s = min(h, w)
        square = photo[(h - s) // 2 : (h - s) // 2 + s, (w - s) // 2 : (w - s) // 2 + s]
        square = resize(square, (side, side), anti_aliasing=True, preserve_range=True)
        for a in range(per_side):
            for b in range(per_side):
                tiles.append(square[a * tile : (a + 1) * tile, b * tile : (b + 1) * tile])
                labels.append(f"{name} {a * per_side + b + 1}")
    return np.clip(np.stack(tiles), 0, 255), labels


def _activations(activations) -> np.ndarray:
    acts = require_shape("activations", activations, (None, None, None, None),
                         "(m, n_H, n_W, n_C)")  # fmt: skip
    acts = require_finite("activations", require_numeric("activations", acts))
    if 0 in acts.shape:
        raise ValueError(f"activations (m, n_H, n_W, n_C) has an empty axis: {acts.shape}.")
    return acts.astype(np.float64)


def _count(name: str, value, high: int | None = None, what: str = "") -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < 1:
        raise ValueError(f"{name} must be an integer >= 1; got {value!r}.")
    if high is not None and value > high:
        raise ValueError(f"{name} = {value} is more than {what} ({high}).")
    return int(value)


def field_inside(field: dict, n_H: int, n_W: int, H: int, W: int) -> np.ndarray:
    """Which units of an (n_H, n_W) layer see a receptive field lying wholly inside the image.

    Units near the border see partly the zero padding; their strongest patches are often
    the border itself, so the lesson keeps only the inside ones.

    Args:
        field: ``receptive_field(layer)``. n_H, n_W: the layer's size. H, W: the image's.

    Returns:
        (n_H, n_W) bool. If no unit fits (a field larger than the image), every unit whose
        centre lies in the image is kept instead.

    Taught in: notebooks/c4_convnets/15_neural_style_transfer.py, section 1.
    """
    if not isinstance(field, dict) or any(key not in field for key in ("size", "jump", "start")):
        raise ValueError("field must be the dict of receptive_field(layer): size, jump, start.")
    for name, v in (("n_H", n_H), ("n_W", n_W), ("H", H), ("W", W)):
        _count(name, v)
    r, jump, start = int(field["size"]), int(field["jump"]), float(field["start"])

    def ok(n, size, margin):
        centre = start + np.arange(n) * jump
        return (centre - margin >= -0.5) & (centre + margin <= size - 0.5)

    half = (r - 1) / 2
    mask = ok(n_H, H, half)[:, None] & ok(n_W, W, half)[None, :]
    if not mask.any():
        mask = ok(n_H, H, 0)[:, None] & ok(n_W, W, 0)[None, :]
    return mask


def _masked(acts: np.ndarray, mask) -> tuple[np.ndarray, np.ndarray]:
    """acts (m, n_H, n_W, n_C) -> (m, positions, n_C) at the positions mask keeps."""
    m, n_H, n_W, n_C = acts.shape
    if mask is None:
        return acts.reshape(m, -1, n_C), np.arange(n_H * n_W)
    mask = np.asarray(mask)
    if mask.shape != (n_H, n_W) or mask.dtype != bool or not mask.any():
        raise ValueError(f"mask must be a (n_H, n_W) = ({n_H}, {n_W}) bool array with a True.")
    keep = np.flatnonzero(mask.ravel())
    return acts.reshape(m, -1, n_C)[:, keep], keep


def selective_units(activations, n_units: int = 4, k: int = 9, mask=None) -> np.ndarray:
    """Units (channels) that respond strongly to a few images and weakly to a typical one.

    For each unit take its maximum in each image; the score is (the k-th largest of these
    maxima - their median) / the std of all its activations. Units never active in k
    images are skipped, and a unit whose k best images overlap by more than half with
    those of a unit already chosen is passed over (so the units differ).

    Args:
        activations: (m, n_H, n_W, n_C) of one layer over the dataset.
        n_units: how many units to return. k: the patches shown per unit (k <= m).
        mask: optional (n_H, n_W) bool of the positions to use (``field_inside``).

    Returns:
        (n_units,) int channel indices, highest score first.

    Taught in: notebooks/c4_convnets/15_neural_style_transfer.py, section 1.
    """
    acts = _activations(activations)
    n_units = _count("n_units", n_units)
    k = _count("k", k, acts.shape[0], "the number of images m")
    flat, _ = _masked(acts, mask)
    per_image = flat.max(axis=1)  # (m, n_C)
    kth = -np.sort(-per_image, axis=0)[k - 1]
    std = flat.reshape(-1, flat.shape[-1]).std(axis=0)
    alive = np.flatnonzero((std > 0) & (kth > 0))
    score = (kth[alive] - np.median(per_image[:, alive], axis=0)) / std[alive]
    chosen, seen = [], []
    for unit in alive[np.argsort(-score, kind="stable")]:
        best = set(np.argsort(-per_image[:, unit], kind="stable")[:k].tolist())
        if all(len(best & other) <= k // 2 for other in seen):
            chosen.append(int(unit))
            seen.append(best)
        if len(chosen) == n_units:
            return np.array(chosen)
    raise ValueError(
        f"n_units = {n_units} is more than the units that are active in k = {k} images and "
        f"differ from each other ({len(chosen)})."
    )


def top_activations(activations, unit: int, k: int = 9, mask=None) -> dict:
    """The k images where ``unit`` is most active, with the position of its maximum in each.

    One patch per image (its strongest position), so the k patches come from k different
    images.

    Args:
        activations: (m, n_H, n_W, n_C). unit: a channel index in 0..n_C-1. k: k <= m.
        mask: optional (n_H, n_W) bool of the positions to use (``field_inside``).

    Returns:
        {"image", "i", "j": (k,) int, "value": (k,) float}, strongest first.

    Taught in: notebooks/c4_convnets/15_neural_style_transfer.py, section 1.
    """
    acts = _activations(activations)
    m, n_H, n_W, n_C = acts.shape
    if isinstance(unit, bool) or not isinstance(unit, int | np.integer) or not 0 <= unit < n_C:
        raise ValueError(f"unit must be a channel index in 0..{n_C - 1}; got {unit!r}.")
    k = _count("k", k, m, "the number of images m")
    flat, keep = _masked(acts, mask)
    maps = flat[..., int(unit)]
    best = maps.argmax(axis=1)
    values = maps[np.arange(m), best]
    order = np.argsort(-values, kind="stable")[:k]
    i, j = np.divmod(keep[best[order]], n_W)
    return {"image": order, "i": i, "j": j, "value": values[order]}


def receptive_field_crop(image, i: int, j: int, field: dict, fill: float = 127.5) -> np.ndarray:
    """The square of the input that unit (i, j) of a layer sees.

    Args:
        image: (n_H, n_W, n_ch) input image. i, j: the unit's position in the layer.
        field: ``receptive_field(layer)``. fill: value of pixels outside the image.

    Returns:
        (r, r, n_ch) float64 crop, r = field["size"], pixels beyond the border set to fill.

    Taught in: notebooks/c4_convnets/15_neural_style_transfer.py, section 1.
    """
    img = require_finite("image", require_numeric("image", image))
    if img.ndim != 3 or 0 in img.shape:
        raise ValueError(f"image must have shape (n_H, n_W, n_ch); got {img.shape}.")
    if not isinstance(field, dict) or any(key not in field for key in ("size", "jump", "start")):
        raise ValueError("field must be the dict of receptive_field(layer): size, jump, start.")
    r, jump, start = int(field["size"]), int(field["jump"]), float(field["start"])
    for name, v in (("i", i), ("j", j)):
        if isinstance(v, bool) or not isinstance(v, int | np.integer) or v < 0:
            raise ValueError(f"{name} must be an integer position >= 0; got {v!r}.")
    top, left = (int(round(start + v * jump - (r - 1) / 2)) for v in (i, j))
    out = np.full((r, r, img.shape[2]), float(fill))
    h, w = img.shape[:2]
    y0, y1, x0, x1 = max(top, 0), min(top + r, h), max(left, 0), min(left + r, w)
    if y0 < y1 and x0 < x1:
        out[y0 - top : y1 - top, x0 - left : x1 - left] = img[y0:y1, x0:x1]
    return out


def top_patches(images, activations, unit: int, field: dict, k: int = 9,
                inside: bool = False) -> np.ndarray:  # fmt: skip
    """The receptive-field crops of the k strongest activations of ``unit``.

    Args:
        images: (m, H, W, 3) the network's inputs (RGB, any range).
        activations: (m, n_H, n_W, n_C) one layer's activations for those images.
        unit: a channel index. field: ``receptive_field(layer)``. k: how many.
        inside: use only the units whose field lies inside the image (``field_inside``).

    Returns:
        (k, r, r, 3) crops, strongest first.

    Taught in: notebooks/c4_convnets/15_neural_style_transfer.py, section 1.
    """
    imgs = require_shape("images", images, (None, None, None, 3), "(m, H, W, 3)")
    imgs = require_finite("images", require_numeric("images", imgs))
    acts = _activations(activations)
    if imgs.shape[0] != acts.shape[0]:
        raise ValueError(f"images has m = {imgs.shape[0]} but activations has m = {acts.shape[0]}.")
    mask = field_inside(field, *acts.shape[1:3], *imgs.shape[1:3]) if inside else None
    top = top_activations(acts, unit, k, mask)
    return np.stack([receptive_field_crop(imgs[n], int(a), int(b), field)
                     for n, a, b in zip(top["image"], top["i"], top["j"])])  # fmt: skip
