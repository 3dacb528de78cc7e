"""YOLO in TensorFlow/Keras: the course's assignment functions, a tiny YOLO and its loss.

* The course's functions with TF ops, same names, arguments and conventions as the NumPy
  versions in ``yolo.py``: ``yolo_head``, ``yolo_boxes_to_corners``, ``yolo_filter_boxes``
  (``tf.boolean_mask``), ``scale_boxes``, ``yolo_non_max_suppression``
  (``tf.image.non_max_suppression`` + ``tf.gather``) and ``yolo_eval``.
* ``load_yolo_model(path)``: the course's real 608 x 608 model file (19 x 19 x 5 x 85 output),
  for a learner who has it; it cannot be downloaded here, so the error names what to fetch.
* A tiny YOLO for the generated shape scenes (``scenes.make_shape_scenes``): 64 x 64 x 3 ->
  8 x 8 grid x 3 anchors x (5 + 3), about 51k parameters, trained with ``yolo_loss`` (squared
  error on the box coordinates, logistic loss on p_c for slots with and without an object,
  softmax cross-entropy on the classes). ``scripts/train_tiny_yolo.py`` trains it and writes
  ``data/weights/tiny_yolo_shapes.npz``; ``load_tiny_yolo()`` checks its sha256.

Taught in: notebooks/c4_convnets/11_yolo.py
"""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import numpy as np

from course_lib.c4_convnets import yolo as ynp
from course_lib.lesson import import_tensorflow_quietly

tf = import_tensorflow_quietly()
import keras  # noqa: E402
from keras import layers  # noqa: E402

__all__ = [
    "tf",
    "keras",
    "layers",
    "yolo_head",
    "yolo_boxes_to_corners",
    "yolo_filter_boxes",
    "scale_boxes",
    "yolo_non_max_suppression",
    "yolo_eval",
    "load_yolo_model",
    "TINY_GRID",
    "TINY_CLASSES",
    "TINY_WEIGHTS",
    "TINY_WEIGHTS_SHA256",
    "build_tiny_yolo",
    "yolo_loss",
    "make_training_set",
    "train_tiny_yolo",
    "save_tiny_yolo",
    "load_tiny_yolo",
    "detect",
    "file_sha256",
]

TINY_GRID = 8
TINY_CLASSES = 3
TINY_WEIGHTS = Path(__file__).resolve().parents[2] / "data" / "weights" / "tiny_yolo_shapes.npz"
TINY_WEIGHTS_SHA256 = "1ce007092780f417e4a0024038b278e52ce460639fcdadd94baaf0d0392d3ff1"
LAMBDA_COORD, LAMBDA_NOOBJ = 5.0, 0.5


# -- the course's functions --------------------------------------------------------------------


def yolo_head(feats, anchors, num_classes: int):
    """TF twin of ``yolo.yolo_head`` (the course's yad2k convention).

    Args:
        feats: (m, S, S, A * (5 + C)) or (m, S, S, A, 5 + C) raw outputs; anchors: (A, 2)
            (w, h) in grid-cell units; num_classes: C.

    Returns:
        box_xy (m, S, S, A, 2), box_wh (m, S, S, A, 2), box_confidence (m, S, S, A, 1),
        box_class_probs (m, S, S, A, C), as tensors.
    """
    anchors = np.asarray(anchors, np.float64)
    A = anchors.shape[0]
    feats = tf.convert_to_tensor(feats)
    dtype = feats.dtype
    shape = tf.shape(feats)
    feats = tf.reshape(feats, [shape[0], shape[1], shape[2], A, num_classes + 5])
    sh, sw = tf.shape(feats)[1], tf.shape(feats)[2]
    jj, ii = tf.meshgrid(tf.range(sw), tf.range(sh))
    index = tf.cast(tf.stack([jj, ii], axis=-1)[None, :, :, None, :], dtype)
    dims = tf.cast(tf.stack([sw, sh]), dtype)
    box_xy = (tf.sigmoid(feats[..., 0:2]) + index) / dims
    box_wh = tf.exp(feats[..., 2:4]) * tf.constant(anchors, dtype) / dims
    box_confidence = tf.sigmoid(feats[..., 4:5])
    box_class_probs = tf.nn.softmax(feats[..., 5:], axis=-1)
    return box_xy, box_wh, box_confidence, box_class_probs


def yolo_boxes_to_corners(box_xy, box_wh):
    """TF twin of ``yolo.yolo_boxes_to_corners``: -> ``[y_min, x_min, y_max, x_max]``.

    Args:
        box_xy: (..., 2) centres (x, y); box_wh: (..., 2) sizes (w, h).

    Returns:
        (..., 4) tensor.
    """
    box_mins = box_xy - box_wh / 2.0
    box_maxes = box_xy + box_wh / 2.0
    return tf.concat(
        [box_mins[..., 1:2], box_mins[..., 0:1], box_maxes[..., 1:2], box_maxes[..., 0:1]], -1
    )


def yolo_filter_boxes(boxes, box_confidence, box_class_probs, threshold: float = 0.6):
    """TF twin of ``yolo.yolo_filter_boxes``: broadcast product, argmax/max, boolean mask.

    Args:
        boxes: (..., 4); box_confidence: (..., 1); box_class_probs: (..., C); threshold.

    Returns:
        scores (k,), boxes (k, 4), classes (k,) int64 tensors.
    """
    box_scores = box_confidence * box_class_probs
    box_classes = tf.math.argmax(box_scores, axis=-1)
    box_class_scores = tf.math.reduce_max(box_scores, axis=-1)
    filtering_mask = box_class_scores >= threshold
    scores = tf.boolean_mask(box_class_scores, filtering_mask)
    boxes = tf.boolean_mask(boxes, filtering_mask)
    classes = tf.boolean_mask(box_classes, filtering_mask)
    return scores, boxes, classes


def scale_boxes(boxes, image_shape):
    """TF twin of ``yolo.scale_boxes``: boxes * [height, width, height, width].

    Args:
        boxes: (..., 4) tensor; image_shape: (height, width).

    Returns:
        (..., 4) tensor.
    """
    height, width = float(image_shape[0]), float(image_shape[1])
    dims = tf.cast(tf.reshape(tf.stack([height, width, height, width]), [1, 4]), boxes.dtype)
    return boxes * dims


def yolo_non_max_suppression(scores, boxes, classes, max_boxes: int = 10, iou_threshold=0.5):
    """The course's NMS: ``tf.image.non_max_suppression`` then ``tf.gather``.

    Args:
        scores: (n,); boxes: (n, 4) ``[y1, x1, y2, x2]``; classes: (n,).
        max_boxes: the most boxes kept; iou_threshold: suppress when IoU > this.

    Returns:
        scores (k,), boxes (k, 4), classes (k,) tensors.
    """
    # The op takes float32 only; the gathered values keep their own dtype.
    nms_indices = tf.image.non_max_suppression(
        tf.cast(boxes, tf.float32), tf.cast(scores, tf.float32),
        max_output_size=int(max_boxes), iou_threshold=iou_threshold,
    )  # fmt: skip
    return (
        tf.gather(scores, nms_indices),
        tf.gather(boxes, nms_indices),
        tf.gather(classes, nms_indices),
    )


def yolo_eval(
    yolo_outputs, image_shape=(720, 1280), max_boxes=10, score_threshold=0.6, iou_threshold=0.5
):
    """TF twin of ``yolo.yolo_eval``: corners, filter, scale, NMS.

    Args:
        yolo_outputs: (box_xy, box_wh, box_confidence, box_class_probs) of one image.
        image_shape: (height, width); max_boxes, score_threshold, iou_threshold.

    Returns:
        scores (k,), boxes (k, 4) ``[y1, x1, y2, x2]`` in pixels, classes (k,) tensors.
    """
    box_xy, box_wh, box_confidence, box_class_probs = yolo_outputs
    boxes = yolo_boxes_to_corners(box_xy, box_wh)
    scores, boxes, classes = yolo_filter_boxes(boxes, box_confidence, box_class_probs,
                                               score_threshold)  # fmt: skip
    boxes = scale_boxes(boxes, image_shape)
    return yolo_non_max_suppression(scores, boxes, classes, max_boxes, iou_threshold)


def load_yolo_model(path):
    """Load the course's YOLO model file (``model_data/`` of the assignment).

    Args:
        path: a Keras model file (``.keras``/``.h5``) or a SavedModel folder, whose output is
            (m, S, S, A * (5 + C)) (the course's: (m, 19, 19, 425)).

    Returns:
        The Keras model (compile=False).
    """
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path must be a file path, got {type(path).__name__}.")
    path = os.fspath(path)
    if not os.path.exists(path):
        raise FileNotFoundError(
            f"YOLO model {path!r} not found. The course's pre-trained YOLO (the assignment's "
            "model_data/ folder: the Keras model plus yolo_anchors.txt and coco_classes.txt) "
            "cannot be downloaded here; copy it to that path to run the real 80-class model. "
            "This lesson's tiny YOLO (load_tiny_yolo) works without it."
        )
    if os.path.isdir(path):
        model = keras.layers.TFSMLayer(path, call_endpoint="serving_default")
        return model
    model = keras.models.load_model(path, compile=False)
    shape = model.output_shape
    if not isinstance(shape, tuple) or len(shape) not in (4, 5):
        raise ValueError(
            f"{path}: expected a YOLO model with output (m, S, S, A * (5 + C)); got {shape}."
        )
    return model


# -- the tiny YOLO ----------------------------------------------------------------------------


def build_tiny_yolo(num_anchors: int = 3, num_classes: int = TINY_CLASSES, seed: int = 0):
    """The tiny YOLO: 64 x 64 x 3 -> (8, 8, A, 5 + C) raw outputs.

    Three CONV 3x3 -> BN -> LeakyReLU(0.1) -> MAXPOOL 2x2 stages (16, 32, 32 filters), two
    CONV 3x3 stages at 8 x 8 (48 filters), and a 1x1 CONV to A * (5 + C) channels.

    Args:
        num_anchors: A; num_classes: C; seed: weight initialisation.

    Returns:
        An uncompiled keras.Model.
    """
    init = keras.initializers.GlorotUniform(seed=seed)
    x = inputs = keras.Input((64, 64, 3))
    for filters, pool in ((16, True), (32, True), (32, True), (48, False), (48, False)):
        x = layers.Conv2D(filters, 3, padding="same", use_bias=False, kernel_initializer=init)(x)
        x = layers.BatchNormalization()(x)
        x = layers.LeakyReLU(negative_slope=0.1)(x)
        if pool:
            x = layers.MaxPooling2D(2)(x)
    x = layers.Conv2D(num_anchors * (5 + num_classes), 1, kernel_initializer=init)(x)
    outputs = layers.Reshape((TINY_GRID, TINY_GRID, num_anchors, 5 + num_classes))(x)
    return keras.Model(inputs, outputs, name="tiny_yolo")


def yolo_loss(y_true, feats, anchors, lambda_coord=LAMBDA_COORD, lambda_noobj=LAMBDA_NOOBJ):
    """The tiny YOLO's loss, averaged over the m images.

    For the slots with an object (p_c = 1): lambda_coord * [(sigmoid(t_x) - b_x)^2 +
    (sigmoid(t_y) - b_y)^2 + (t_w - log(b_w / w_a))^2 + (t_h - log(b_h / h_a))^2] plus the
    logistic loss -log sigmoid(t_o) plus the softmax cross-entropy of the classes; for the
    slots without one, lambda_noobj * -log(1 - sigmoid(t_o)).

    Args:
        y_true: (m, S, S, A, 5 + C) labels ``[p_c, b_x, b_y, b_h, b_w, one-hot]`` (yolo_labels).
        feats: (m, S, S, A, 5 + C) raw outputs ``[t_x, t_y, t_w, t_h, t_o, logits]``.
        anchors: (A, 2) (w, h) in cell units.

    Returns:
        Scalar tensor.
    """
    y_true = tf.cast(y_true, feats.dtype)
    a = tf.constant(np.asarray(anchors), feats.dtype)
    obj = y_true[..., 0]
    noobj = 1.0 - obj
    xy_err = tf.reduce_sum(tf.square(tf.sigmoid(feats[..., 0:2]) - y_true[..., 1:3]), -1)
    target_wh = tf.stack([y_true[..., 4], y_true[..., 3]], -1)  # (b_w, b_h)
    safe = tf.where(obj[..., None] > 0, target_wh / a, tf.ones_like(target_wh))
    wh_err = tf.reduce_sum(tf.square(feats[..., 2:4] - tf.math.log(safe)), -1)
    logits = feats[..., 4]
    obj_loss = tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.ones_like(logits), logits=logits)
    noobj_loss = tf.nn.sigmoid_cross_entropy_with_logits(
        labels=tf.zeros_like(logits), logits=logits
    )
    cls_loss = tf.nn.softmax_cross_entropy_with_logits(
        labels=y_true[..., 5:], logits=feats[..., 5:]
    )
    per_slot = obj * (lambda_coord * (xy_err + wh_err) + obj_loss + cls_loss)
    per_slot += lambda_noobj * noobj * noobj_loss
    m = tf.cast(tf.shape(feats)[0], feats.dtype)
    return tf.reduce_sum(per_slot) / m


def make_training_set(m: int, anchors, seed: int):
    """Shape scenes and their label volumes for the tiny YOLO.

    Args:
        m: number of scenes; anchors: (A, 2) in cell units; seed: the scenes' seed.

    Returns:
        (scenes dict from make_shape_scenes, Y (m, 8, 8, A, 8) float32 labels).
    """
    from course_lib.c4_convnets.scenes import make_shape_scenes

    scenes = make_shape_scenes(m, size=64, seed=seed)
    Y = np.stack(
        [
            ynp.yolo_labels(b, c, TINY_GRID, anchors, TINY_CLASSES)
            for b, c in zip(scenes["boxes"], scenes["classes"])
        ]
    ).astype(np.float32)
    return scenes, Y


def train_tiny_yolo(
    images,
    Y,
    anchors,
    epochs: int,
    batch_size: int = 32,
    learning_rate: float = 3e-3,
    seed: int = 0,
    progress: Callable[[float], None] | None = None,
    model=None,
):
    """Train the tiny YOLO with Adam on ``yolo_loss`` (cosine-decayed learning rate).

    Args:
        images: (m, 64, 64, 3); Y: (m, 8, 8, A, 8) labels; anchors: (A, 2).
        epochs, batch_size, learning_rate, seed: training settings.
        progress: optional callback taking the fraction done.
        model: continue training this model instead of a fresh one.

    Returns:
        (model, losses): the trained model and the mean loss of each epoch (list).
    """
    keras.utils.set_random_seed(seed)
    model = model or build_tiny_yolo(len(anchors), TINY_CLASSES, seed=seed)
    steps = int(np.ceil(len(images) / batch_size)) * epochs
    schedule = keras.optimizers.schedules.CosineDecay(learning_rate, steps, alpha=0.05)
    model.compile(
        optimizer=keras.optimizers.Adam(schedule),
        loss=lambda yt, yp: yolo_loss(yt, yp, anchors),
    )

    class _Progress(keras.callbacks.Callback):
        def on_epoch_end(self, epoch, logs=None):
            if progress is not None:
                progress((epoch + 1) / epochs)

    history = model.fit(
        np.asarray(images, np.float32), np.asarray(Y, np.float32), batch_size=batch_size,
        epochs=epochs, shuffle=True, verbose=0, callbacks=[_Progress()],
    )  # fmt: skip
    return model, [float(v) for v in history.history["loss"]]


def file_sha256(path) -> str:
    """sha256 hex digest of a file."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def save_tiny_yolo(model, anchors, path=TINY_WEIGHTS) -> str:
    """Write the weights and anchors to a byte-for-byte reproducible .npz; return its sha256."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    arrays = {f"w{i:03d}": np.asarray(w, np.float32) for i, w in enumerate(model.get_weights())}
    arrays["anchors"] = np.asarray(anchors, np.float64)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(arrays):
            buf = io.BytesIO()
            np.lib.format.write_array(buf, arrays[name], allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, buf.getvalue())
    return file_sha256(path)


def load_tiny_yolo(path=TINY_WEIGHTS, expected_sha256: str | None = TINY_WEIGHTS_SHA256):
    """Load the shipped tiny YOLO, checking the file's sha256.

    Args:
        path: the .npz written by ``save_tiny_yolo`` (default: the shipped file).
        expected_sha256: the digest it must have; None skips the check (own trainings).

    Returns:
        (model, anchors (A, 2)).
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(
            f"tiny YOLO weights {str(path)!r} not found; run `python scripts/train_tiny_yolo.py` "
            "to train them (a few minutes on a CPU), or set RETRAIN = True in the lesson."
        )
    if expected_sha256 is not None:
        digest = file_sha256(path)
        if digest != expected_sha256:
            raise ValueError(
                f"{path} has sha256 {digest}, expected {expected_sha256}: the file is damaged "
                "or from another training. Retrain with `python scripts/train_tiny_yolo.py`."
            )
    with np.load(path, allow_pickle=False) as data:
        anchors = data["anchors"]
        weights = [data[k] for k in sorted(k for k in data.files if k.startswith("w"))]
    model = build_tiny_yolo(len(anchors), TINY_CLASSES)
    model.set_weights(weights)
    return model, anchors


def detect(model, images, anchors, score_threshold=0.5, iou_threshold=0.5, max_boxes=10,
           per_class=False):  # fmt: skip
    """Run the tiny YOLO and post-process each image with the NumPy ``yolo_eval`` steps.

    Args:
        model: the tiny YOLO; images: (m, 64, 64, 3); anchors: (A, 2).
        score_threshold, iou_threshold, max_boxes: post-processing settings.
        per_class: NMS per class instead of the course's class-agnostic NMS.

    Returns:
        A list over images of (scores (k,), boxes (k, 4) corners (x1, y1, x2, y2) in image
        fractions, classes (k,)).
    """
    feats = model.predict(np.asarray(images, np.float32), verbose=0, batch_size=256)
    xy, wh, conf, probs = ynp.yolo_head(feats.astype(np.float64), anchors, TINY_CLASSES)
    nms = ynp.per_class_non_max_suppression if per_class else ynp.yolo_non_max_suppression
    out = []
    for i in range(len(feats)):
        corners = np.clip(ynp.yolo_boxes_to_corners(xy[i], wh[i]), 0.0, 1.0)
        s, b, c = ynp.yolo_filter_boxes(corners, conf[i], probs[i], score_threshold)
        s, b, c = nms(s, b, c, max_boxes, iou_threshold)
        out.append((s, b[:, [1, 0, 3, 2]], c))
    return out
