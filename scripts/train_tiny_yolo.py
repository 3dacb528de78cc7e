"""Train the tiny YOLO of notebooks/c4_convnets/11_yolo.py and write its weights file.

    .venv/bin/python scripts/train_tiny_yolo.py [--epochs 40] [--m 4000] [--out PATH]

Fixed data (shape scenes with seed 1 for training, seed 2 held out) and fixed seeds. The
anchors are K-means (1 - IoU distance) on the training boxes' shapes, k = 3, in grid-cell
units. Writes data/weights/tiny_yolo_shapes.npz (the weights plus the anchors), prints its
sha256 (put it in course_lib/c4_convnets/yolo_tf.py, TINY_WEIGHTS_SHA256) and the held-out
mAP@0.5, precision and recall.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from course_lib.c4_convnets import yolo as ynp  # noqa: E402
from course_lib.c4_convnets import yolo_tf as yt  # noqa: E402
from course_lib.c4_convnets.scenes import make_shape_scenes  # noqa: E402

TRAIN_SEED, TEST_SEED = 1, 2


def tiny_anchors(m: int = 4000, k: int = 3) -> np.ndarray:
    """The tiny YOLO's anchors: K-means on the training boxes' (w, h), in cell units."""
    scenes = make_shape_scenes(m, size=64, seed=TRAIN_SEED)
    boxes = np.concatenate(scenes["boxes"])
    wh = np.stack([boxes[:, 2] - boxes[:, 0], boxes[:, 3] - boxes[:, 1]], -1) * yt.TINY_GRID
    anchors, _, _ = ynp.kmeans_anchors(wh, k, seed=0)
    return anchors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=40)
    parser.add_argument("--m", type=int, default=4000)
    parser.add_argument("--out", default=str(yt.TINY_WEIGHTS))
    args = parser.parse_args()

    anchors = tiny_anchors(args.m)
    print("anchors (w, h) in cell units:", np.round(anchors, 3).tolist())
    scenes, Y = yt.make_training_set(args.m, anchors, TRAIN_SEED)
    start = time.time()

    def progress(fraction):
        print(f"  {fraction:5.0%} after {time.time() - start:5.0f} s", flush=True)

    model, losses = yt.train_tiny_yolo(scenes["images"], Y, anchors, args.epochs, seed=0,
                                       progress=progress)  # fmt: skip
    print(f"trained {args.epochs} epochs in {time.time() - start:.0f} s; "
          f"loss {losses[0]:.3f} -> {losses[-1]:.3f}")  # fmt: skip
    digest = yt.save_tiny_yolo(model, anchors, args.out)
    size = Path(args.out).stat().st_size
    print(f"wrote {args.out} ({size} bytes), sha256 {digest}")

    test = make_shape_scenes(500, size=64, seed=TEST_SEED)
    truth = list(zip(test["boxes"], test["classes"]))
    dets = yt.detect(model, test["images"], anchors, score_threshold=0.01, max_boxes=20)
    mAP, aps = ynp.mean_average_precision(dets, truth, yt.TINY_CLASSES)
    print(f"held-out mAP@0.5 = {mAP:.3f}, AP per class {np.round(aps, 3).tolist()}")
    for thr in (0.3, 0.5, 0.6):
        p, r = ynp.precision_recall(yt.detect(model, test["images"], anchors, thr), truth)
        print(f"score threshold {thr}: precision {p:.3f}, recall {r:.3f}")


if __name__ == "__main__":
    main()
