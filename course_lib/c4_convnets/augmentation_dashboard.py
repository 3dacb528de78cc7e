"""The augmentation gallery: one photo through every distortion of the lesson.

Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 6.
"""

from __future__ import annotations

import numpy as np

from course_lib.c4_convnets import augmentation as aug
from course_lib.widgets import Dashboard, dropdown, float_slider, int_slider

__all__ = ["PHOTOS", "sample_photo", "gallery", "augmentation_dashboard"]

# skimage.data photos that ship in the scikit-image wheel (no download).
PHOTOS = ("chelsea", "astronaut", "coffee")
PANELS = (
    "original",
    "mirrored",
    "random crop",
    "rotated",
    "sheared",
    "colour shift",
    "PCA colour",
    "all at once",
)


def sample_photo(name: str = "chelsea", size: int = 96) -> np.ndarray:
    """A skimage.data photo, square-cropped and resized, as a batch of one RGB image.

    Args:
        name: one of PHOTOS. size: side in pixels.

    Returns:
        (1, size, size, 3) float64 in [0, 255].

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 4.
    """
    import skimage.data
    from skimage.transform import resize

    if name not in PHOTOS:
        raise ValueError(f"name must be one of {PHOTOS}; got {name!r}.")
    img = getattr(skimage.data, name)().astype(np.float64)
    side = min(img.shape[:2])
    top, left = (img.shape[0] - side) // 2, (img.shape[1] - side) // 2
    img = img[top : top + side, left : left + side]
    return resize(img, (size, size), order=1, anti_aliasing=True, preserve_range=True)[None]


def gallery(
    X, angle: float, shear_x: float, crop_fraction: float, shift, sigma: float, seed: int
) -> dict[str, np.ndarray]:
    """Every augmentation of the lesson applied to one batch of RGB images (pure).

    Args:
        X: (m, n_H, n_W, 3) in [0, 255]. angle: degrees. shear_x: k.
        crop_fraction: crop side / image side (0 < f <= 1). shift: (3,) R, G, B offsets.
        sigma: sd of PCA colour's a_i. seed: seed of the random crop and the a_i.

    Returns:
        {panel name: (m, h, w, 3) images in [0, 255]} for every name in PANELS, plus
        "alphas" (m, 3) and "offsets" (m, 3) of the PCA colour augmentation.

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 6.
    """
    X = aug.as_images("X", X, colour=True)
    side = max(1, int(round(crop_fraction * min(X.shape[1:3]))))
    cropped, _ = aug.random_crop(X, side, side, seed)
    pca, alphas, offsets = aug.pca_colour_augmentation(X, sigma, seed)
    combined = aug.shear(aug.rotate(aug.mirror(X), angle), shear_x)
    combined = aug.colour_shift(combined, np.asarray(shift) + offsets[0])
    combined, _ = aug.random_crop(combined, side, side, seed)
    return {
        "original": X,
        "mirrored": aug.mirror(X),
        "random crop": cropped,
        "rotated": aug.rotate(X, angle),
        "sheared": aug.shear(X, shear_x),
        "colour shift": aug.colour_shift(X, shift),
        "PCA colour": pca,
        "all at once": combined,
        "alphas": alphas,
        "offsets": offsets,
    }


def augmentation_dashboard(photo: str = "chelsea", size: int = 96) -> Dashboard:
    """The gallery: sliders for angle, shear, crop, R/G/B shift, PCA sigma and the seed
    (redrawn when a slider is released).

    Args:
        photo: the starting photo (one of PHOTOS; a drop-down switches). size: pixels.

    Returns:
        a Dashboard with controls "photo", "angle", "shear_x", "crop_fraction", "red",
        "green", "blue", "sigma", "seed".

    Taught in: notebooks/c4_convnets/08_transfer_learning_and_augmentation.py, section 6.
    """
    photos = {name: sample_photo(name, size) for name in PHOTOS}

    def compute(photo, angle, shear_x, crop_fraction, red, green, blue, sigma, seed):
        return gallery(
            photos[photo], angle, shear_x, crop_fraction, (red, green, blue), sigma, seed
        )

    def draw(fig, result, values):
        state = getattr(fig, "_course_artists", None)
        if state is None:
            axes = fig.subplots(2, 4)
            images = {}
            for ax, name in zip(axes.ravel(), PANELS):
                images[name] = ax.imshow(
                    np.zeros((size, size, 3), np.uint8), extent=(0, size, size, 0), animated=True
                )
                ax.set_xlim(0, size)
                ax.set_ylim(size, 0)
                ax.set_xticks([])
                ax.set_yticks([])
            titles = {
                name: ax.set_title(name, fontsize=10, animated=True)
                for ax, name in zip(axes.ravel(), PANELS)
            }
            fig.subplots_adjust(left=0.01, right=0.99, top=0.93, bottom=0.02, wspace=0.05)
            state = fig._course_artists = {"images": images, "titles": titles}
        v = values
        captions = {
            "random crop": f"random crop {v['crop_fraction']:.0%}",
            "rotated": f"rotated {v['angle']:+.0f}°",
            "sheared": f"sheared k={v['shear_x']:+.2f}",
            "colour shift": f"R{v['red']:+.0f} G{v['green']:+.0f} B{v['blue']:+.0f}",
            "PCA colour": f"PCA σ={v['sigma']:.1f}: "
            + " ".join(f"{o:+.1f}" for o in result["offsets"][0]),
        }
        for name in PANELS:
            img = result[name][0]
            h, w = img.shape[:2]
            artist = state["images"][name]
            artist.set_data(np.clip(img, 0, 255).astype(np.uint8))
            # A crop is shown at its own size inside the full-size frame (top-left).
            artist.set_extent((0, w, h, 0))
            state["titles"][name].set_text(captions.get(name, name))

    controls = {
        "photo": dropdown("photo", list(PHOTOS), photo),
        "angle": float_slider("angle (°)", 15.0, -45.0, 45.0, 1.0),
        "shear_x": float_slider("shear k", 0.2, -0.5, 0.5, 0.05),
        "crop_fraction": float_slider("crop side", 0.75, 0.4, 1.0, 0.05),
        "red": float_slider("R shift", 20.0, -60.0, 60.0, 5.0),
        "green": float_slider("G shift", -20.0, -60.0, 60.0, 5.0),
        "blue": float_slider("B shift", 20.0, -60.0, 60.0, 5.0),
        # AlexNet's sigma is 0.1 (about a grey level here); larger values show the direction.
        "sigma": float_slider("PCA σ", 0.1, 0.0, 5.0, 0.1),
        "seed": int_slider("seed", 0, 0, 20),
    }
    # Redrawn when a slider is released (live=False): a frame of eight photos costs ~30 ms to
    # encode as PNG alone, so dragging could not keep the 30 ms budget of live dashboards.
    return Dashboard(
        compute,
        draw,
        controls,
        live=False,
        figsize=(9.0, 4.8),
        title="Augmentation gallery: every panel is a new training example with the same label",
    )
