"""Auto-checks for the convolution and pooling exercises; each compares with convolution.py.

Every check runs the learner's function and the course_lib reference on seeded inputs (the
course's own test among them) and names the classic slip a wrong answer matches. The first
case of each check is chosen so that every slip gives a wrong result without crashing (a
stride of 2 or 3, a pad of 1, a volume with n_H != n_W, two examples), so the diagnosis
can compare numbers.

Taught in: notebooks/c4_convnets/02_volumes_and_pooling.py (zero_pad, conv_single_step,
conv_forward, pool_forward) and notebooks/c4_convnets/03_conv_backprop.py (conv_backward,
create_mask_from_window, distribute_value, pool_backward), "Your turn" cells.
"""

from __future__ import annotations

import numpy as np

from course_lib.c4_convnets import convolution as cv
from course_lib.exercises import Case, CheckResult, Slip, check_function

__all__ = [
    "check_zero_pad",
    "check_conv_single_step",
    "check_conv_forward",
    "check_pool_forward",
    "check_conv_backward",
    "check_create_mask_from_window",
    "check_distribute_value",
    "check_pool_backward",
]


def _randn(seed: int, *shape) -> np.ndarray:
    # The course seeds the legacy generator; RandomState(seed).randn draws the same numbers
    # as np.random.seed(seed); np.random.randn(...) without touching the global state.
    return np.random.RandomState(seed).randn(*shape)


def _course_conv_inputs():
    """The course's conv_forward test: seed 1, A_prev (2,5,7,4), W (3,3,4,8), b (1,1,1,8)."""
    rng = np.random.RandomState(1)
    A_prev = rng.randn(2, 5, 7, 4)
    W = rng.randn(3, 3, 4, 8)
    b = rng.randn(1, 1, 1, 8)
    return A_prev, W, b, {"pad": 1, "stride": 2}


def _inside_conv_inputs(seed: int = 3):
    """A case whose windows never leave the unpadded A_prev (f = 2, s = 3, p = 1, 5x8).

    Padded, the input is 7x10 and the output 2x3; the last window ends at row 5 and column
    8, inside A_prev too, so slips that forget the padding give wrong numbers, not a crash.
    """
    rng = np.random.RandomState(seed)
    A_prev = rng.randn(2, 5, 8, 3)
    W = rng.randn(2, 2, 3, 4)
    b = rng.randn(1, 1, 1, 4)
    return A_prev, W, b, {"pad": 1, "stride": 3}


_FLOAT_SIZE_HINT = (
    "n_H = int((n_H_prev + 2 * pad - f) / stride) + 1 (or // stride): the size is a whole "
    "number, the floor of the division, and np.zeros needs integers."
)
_FLOAT_OF_ARRAY_HINT = (
    "b (or b[:, :, :, c]) is a (1, 1, 1) array, and NumPy 2 refuses float() of an array "
    "with axes: use b.item() (or float(b[0, 0, 0])) to get the number."
)
_BROADCAST_HINT = (
    "a slice and a filter of different shapes were combined: slice each window "
    "a_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :] from the PADDED example, with "
    "vert_start = h * stride, vert_end = vert_start + f (the same for w)."
)


# --- zero_pad --------------------------------------------------------------------------------


def _zero_pad_variant(axes="HW", one_side=False):
    def zero_pad(X, pad):
        before_after = (0, pad) if one_side else (pad, pad)
        widths = [before_after if axis in axes else (0, 0) for axis in "mHWC"]
        return np.pad(X, widths, mode="constant", constant_values=0)

    return zero_pad


_ZERO_PAD_SLIPS = [
    Slip(
        "padding on all four axes, examples and channels too",
        "pad only the two image axes: np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0))); a "
        "plain np.pad(X, pad) also adds fake examples and channels.",
        _zero_pad_variant(axes="mHWC"),
    ),
    Slip(
        "padding only the height axis n_H",
        "pad both image axes, n_H and n_W: ((0, 0), (pad, pad), (pad, pad), (0, 0)).",
        _zero_pad_variant(axes="H"),
    ),
    Slip(
        "padding on one side only (after the image, not before it)",
        "pad p zeros on EACH side, (pad, pad), so the image stays centred: n_H + 2p rows.",
        _zero_pad_variant(one_side=True),
    ),
]


def check_zero_pad(learner_fn) -> CheckResult:
    """Check ``zero_pad(X, pad) -> X_pad``: (m, n_H, n_W, n_C) -> (m, n_H+2p, n_W+2p, n_C).

    Taught in: notebooks/c4_convnets/02_volumes_and_pooling.py, section 1.
    """
    cases = [
        Case(
            "X of shape (4, 3, 5, 2) with pad = 2 (the course's test uses seed 1)",
            (_randn(1, 4, 3, 5, 2), 2),
        ),  # fmt: skip
        Case("X of shape (1, 2, 2, 3) with pad = 1", (_randn(2, 1, 2, 2, 3), 1)),
        Case("X of shape (2, 4, 3, 1) with pad = 0", (_randn(3, 2, 4, 3, 1), 0)),
    ]
    return check_function("zero_pad", learner_fn, cv.zero_pad, cases, slips=_ZERO_PAD_SLIPS)


# --- conv_single_step ------------------------------------------------------------------------


def _single_step_variant(bias="float", reduce=np.sum):
    def conv_single_step(a_slice_prev, W, b):
        Z = reduce(a_slice_prev * W)
        if bias == "float":
            Z = Z + float(np.asarray(b).reshape(()))
        elif bias == "array":
            Z = Z + b
        return Z

    return conv_single_step


_SINGLE_STEP_SLIPS = [
    Slip(
        "the bias b is forgotten",
        "Z = np.sum(a_slice_prev * W) + b.item(): every filter has its own bias, added once "
        "per window after the sum.",
        _single_step_variant(bias="none"),
    ),
    Slip(
        "b added as an array of shape (1, 1, 1), so Z is an array, not a number",
        "b has shape (1, 1, 1); add b.item() (the number inside it), so Z stays one number that "
        "conv_forward can store in Z[i, h, w, c].",
        _single_step_variant(bias="array"),
    ),
    Slip(
        "the mean of the products instead of their sum",
        "a convolution step SUMS the f * f * n_C_prev products: np.sum(a_slice_prev * W).",
        _single_step_variant(reduce=np.mean),
    ),
]


def check_conv_single_step(learner_fn) -> CheckResult:
    """Check ``conv_single_step(a_slice_prev, W, b) -> Z`` (a float).

    a_slice_prev and W are (f, f, n_C_prev), b is (1, 1, 1); Z = sum(a * W) + b.

    Taught in: notebooks/c4_convnets/02_volumes_and_pooling.py, section 1.
    """
    cases = []
    for seed, (f, n_C) in [(1, (4, 3)), (2, (3, 1)), (3, (2, 5))]:
        rng = np.random.RandomState(seed)
        args = (rng.randn(f, f, n_C), rng.randn(f, f, n_C), rng.randn(1, 1, 1))
        cases.append(Case(f"a window and a filter of shape ({f}, {f}, {n_C}) (seed {seed})", args))
    return check_function(
        "conv_single_step",
        learner_fn,
        cv.conv_single_step,
        cases,
        slips=_SINGLE_STEP_SLIPS,
        hints={"only 0-dimensional arrays": _FLOAT_OF_ARRAY_HINT},
    )


# --- conv_forward ----------------------------------------------------------------------------


def _conv_forward_variant(
    stride_start=True, size_pad=True, n_W_from_n_H=False, use_padded=True, bias=True
):
    """The course's loop conv_forward with one classic slip switched off/on."""

    def conv_forward(A_prev, W, b, hparameters):
        m, n_H_prev, n_W_prev, _ = A_prev.shape
        f, _, _, n_C = W.shape
        stride, pad = hparameters["stride"], hparameters["pad"]
        extra = 2 * pad if size_pad else 0
        n_H = (n_H_prev + extra - f) // stride + 1
        n_W = (n_W_prev + extra - f) // stride + 1
        if n_W_from_n_H:
            n_W = n_H
        Z = np.zeros((m, n_H, n_W, n_C))
        source = np.pad(A_prev, ((0, 0), (pad, pad), (pad, pad), (0, 0))) if use_padded else A_prev
        for i in range(m):
            for h in range(n_H):
                vert = h * stride if stride_start else h
                for w in range(n_W):
                    horiz = w * stride if stride_start else w
                    window = source[i, vert : vert + f, horiz : horiz + f, :]
                    for c in range(n_C):
                        Z[i, h, w, c] = np.sum(window * W[..., c]) + (b[0, 0, 0, c] if bias else 0)
        return Z, (A_prev, W, b, hparameters)

    return conv_forward


_CONV_FORWARD_SLIPS = [
    Slip(
        "the window starts at h instead of h * stride",
        "with stride s the windows jump by s: vert_start = h * stride, vert_end = vert_start "
        "+ f, and horiz_start = w * stride.",
        _conv_forward_variant(stride_start=False),
    ),
    Slip(
        "the output size without the padding: (n_H_prev - f) / stride + 1",
        "the padded input is n_H_prev + 2 * pad high: n_H = int((n_H_prev + 2 * pad - f) / "
        "stride) + 1, and the same for n_W.",
        _conv_forward_variant(size_pad=False),
    ),
    Slip(
        "n_W computed from n_H (a square output for a non-square input)",
        "compute n_W from n_W_prev, not from n_H_prev: the test volume is 5 x 8.",
        _conv_forward_variant(n_W_from_n_H=True),
    ),
    Slip(
        "the windows are taken from A_prev instead of the padded A_prev_pad",
        "pad first, A_prev_pad = zero_pad(A_prev, pad), and slice every window from "
        "a_prev_pad = A_prev_pad[i]: the output size counts the padding.",
        _conv_forward_variant(use_padded=False),
    ),
    Slip(
        "the bias b is forgotten",
        "Z[i, h, w, c] = conv_single_step(a_slice_prev, W[:, :, :, c], b[:, :, :, c]): each "
        "filter c adds its own bias b[..., c].",
        _conv_forward_variant(bias=False),
    ),
]


def check_conv_forward(learner_fn) -> CheckResult:
    """Check ``conv_forward(A_prev, W, b, hparameters) -> (Z, cache)``.

    A_prev (m, n_H_prev, n_W_prev, n_C_prev), W (f, f, n_C_prev, n_C), b (1, 1, 1, n_C),
    hparameters {"stride", "pad"}; Z (m, n_H, n_W, n_C) and cache (A_prev, W, b,
    hparameters). The course's own test (seed 1, pad 1, stride 2) is the second case.

    Taught in: notebooks/c4_convnets/02_volumes_and_pooling.py, section 2.
    """
    rng = np.random.RandomState(5)
    same = (rng.randn(1, 4, 4, 2), rng.randn(3, 3, 2, 3), rng.randn(1, 1, 1, 3))
    cases = [
        Case("A_prev (2, 5, 8, 3), W (2, 2, 3, 4), pad 1, stride 3", _inside_conv_inputs()),
        Case(
            "the course's test: seed 1, A_prev (2, 5, 7, 4), W (3, 3, 4, 8), pad 1, stride 2",
            _course_conv_inputs(),
        ),  # fmt: skip
        Case(
            "A_prev (1, 4, 4, 2), W (3, 3, 2, 3), pad 1, stride 1 (a 'same' conv)",
            (*same, {"pad": 1, "stride": 1}),
        ),  # fmt: skip
    ]
    return check_function(
        "conv_forward",
        learner_fn,
        cv.conv_forward,
        cases,
        output_names=("Z", "cache"),
        slips=_CONV_FORWARD_SLIPS,
        hints={
            "cannot be interpreted as an integer": _FLOAT_SIZE_HINT,
            "could not be broadcast": _BROADCAST_HINT,
            "only 0-dimensional arrays": _FLOAT_OF_ARRAY_HINT,
        },
    )


# --- pool_forward ----------------------------------------------------------------------------


def _pool_forward_variant(stride_start=True, n_W_from_n_H=False, per_channel=True, swap=False):
    def pool_forward(A_prev, hparameters, mode="max"):
        m, n_H_prev, n_W_prev, n_C = A_prev.shape
        f, stride = hparameters["f"], hparameters["stride"]
        n_H = (n_H_prev - f) // stride + 1
        n_W = n_H if n_W_from_n_H else (n_W_prev - f) // stride + 1
        if swap:
            mode = {"max": "average", "average": "max"}[mode]
        reduce = np.max if mode == "max" else np.mean
        A = np.zeros((m, n_H, n_W, n_C))
        for i in range(m):
            for h in range(n_H):
                vert = h * stride if stride_start else h
                for w in range(n_W):
                    horiz = w * stride if stride_start else w
                    window = A_prev[i, vert : vert + f, horiz : horiz + f, :]
                    for c in range(n_C):
                        A[i, h, w, c] = reduce(window[..., c] if per_channel else window)
        return A, (A_prev, hparameters)

    return pool_forward


_POOL_FORWARD_SLIPS = [
    Slip(
        "n_W computed from n_H_prev (a square output)",
        "pooling shrinks each axis by itself: n_H = int((n_H_prev - f) / stride) + 1 and "
        "n_W = int((n_W_prev - f) / stride) + 1; the test volume is 5 x 7.",
        _pool_forward_variant(n_W_from_n_H=True),
    ),
    Slip(
        "the window starts at h instead of h * stride",
        "vert_start = h * stride and horiz_start = w * stride: with stride 2 the windows "
        "jump by 2.",
        _pool_forward_variant(stride_start=False),
    ),
    Slip(
        "one max (or mean) over all channels of the window at once",
        "pool each channel on its own: a_prev_slice = A_prev[i, vert_start:vert_end, "
        "horiz_start:horiz_end, c], so channel c of the output only sees channel c.",
        _pool_forward_variant(per_channel=False),
    ),
    Slip(
        "max and average pooling swapped",
        'mode == "max" takes np.max of the window, mode == "average" takes np.mean.',
        _pool_forward_variant(swap=True),
    ),
]


def check_pool_forward(learner_fn) -> CheckResult:
    """Check ``pool_forward(A_prev, hparameters, mode="max") -> (A, cache)``, both modes.

    A_prev (m, n_H_prev, n_W_prev, n_C), hparameters {"f", "stride"}; A (m, n_H, n_W,
    n_C), cache (A_prev, hparameters).

    Taught in: notebooks/c4_convnets/02_volumes_and_pooling.py, section 3.
    """
    odd = _randn(4, 2, 5, 7, 3)
    course = _randn(1, 2, 5, 5, 3)
    cases = []
    for mode in ("max", "average"):
        cases += [
            Case(
                f"A_prev (2, 5, 7, 3), f 3, stride 2, mode {mode!r}",
                (odd, {"f": 3, "stride": 2}),
                {"mode": mode},
            ),  # fmt: skip
            Case(
                f"the course's test: seed 1, A_prev (2, 5, 5, 3), f 3, stride 1, mode {mode!r}",
                (course, {"f": 3, "stride": 1}),
                {"mode": mode},
            ),  # fmt: skip
        ]
    return check_function(
        "pool_forward",
        learner_fn,
        cv.pool_forward,
        cases,
        output_names=("A", "cache"),
        slips=_POOL_FORWARD_SLIPS,
        hints={"cannot be interpreted as an integer": _FLOAT_SIZE_HINT.replace(" + 2 * pad", "")},
    )


# --- conv_backward ---------------------------------------------------------------------------


def _conv_backward_variant(stride_start=True, padded_dW=True, db_examples="all", crop=True):
    def conv_backward(dZ, cache):
        A_prev, W, _, hparameters = cache
        m = A_prev.shape[0]
        f, _, _, n_C = W.shape
        stride, pad = hparameters["stride"], hparameters["pad"]
        _, n_H, n_W, _ = dZ.shape
        A_prev_pad = np.pad(A_prev, ((0, 0), (pad, pad), (pad, pad), (0, 0)))
        dA_prev_pad = np.zeros_like(A_prev_pad)
        dW, db = np.zeros_like(W), np.zeros((1, 1, 1, n_C))
        source = A_prev_pad if padded_dW else A_prev
        for i in range(m):
            for h in range(n_H):
                vert = h * stride if stride_start else h
                for w in range(n_W):
                    horiz = w * stride if stride_start else w
                    for c in range(n_C):
                        g = dZ[i, h, w, c]
                        dA_prev_pad[i, vert : vert + f, horiz : horiz + f, :] += W[..., c] * g
                        dW[..., c] += source[i, vert : vert + f, horiz : horiz + f, :] * g
        examples = {"all": dZ, "last": dZ[-1:], "first": dZ[:1]}[db_examples]
        db[0, 0, 0, :] = examples.sum(axis=(0, 1, 2))
        dA_prev = dA_prev_pad[:, pad:-pad, pad:-pad, :] if crop and pad else dA_prev_pad
        return dA_prev, dW, db

    return conv_backward


_DB_HINT = (
    "db[:, :, :, c] sums dZ[i, h, w, c] over every example i and every position (h, w): "
    "np.sum(dZ, axis=(0, 1, 2)); the test has m = 2 examples."
)
_CONV_BACKWARD_SLIPS = [
    Slip(
        "the window starts at h instead of h * stride (the stride is ignored)",
        "use the same windows as the forward pass: vert_start = h * stride, horiz_start = "
        "w * stride; the test uses stride 3.",
        _conv_backward_variant(stride_start=False),
    ),
    Slip(
        "dW built from windows of the unpadded A_prev",
        "dW[:, :, :, c] += a_slice * dZ[i, h, w, c] with a_slice cut from a_prev_pad (the "
        "padded example), the very window the forward pass multiplied by W.",
        _conv_backward_variant(padded_dW=False),
    ),
    Slip(
        "db without the sum over the examples (only the last one)",
        _DB_HINT,
        _conv_backward_variant(db_examples="last"),
    ),  # fmt: skip
    Slip(
        "db without the sum over the examples (only the first one)",
        _DB_HINT,
        _conv_backward_variant(db_examples="first"),
    ),  # fmt: skip
    Slip(
        "dA_prev returned with its padding (the gradient of A_prev_pad)",
        "crop the padding off: dA_prev[i] = da_prev_pad[pad:-pad, pad:-pad, :], so dA_prev "
        "has A_prev's shape.",
        _conv_backward_variant(crop=False),
    ),
]


def _conv_backward_cases() -> list[Case]:
    cases = []
    for description, seed, (A_prev, W, b, hp) in [
        ("A_prev (2, 5, 8, 3), W (2, 2, 3, 4), pad 1, stride 3", 11, _inside_conv_inputs()),
        ("the course's forward test inputs (seed 1, pad 1, stride 2)", 12, _course_conv_inputs()),
    ]:
        m, n_H_prev, n_W_prev, _ = A_prev.shape
        f, n_C = W.shape[0], W.shape[3]
        n_H = (n_H_prev + 2 * hp["pad"] - f) // hp["stride"] + 1
        n_W = (n_W_prev + 2 * hp["pad"] - f) // hp["stride"] + 1
        dZ = _randn(seed, m, n_H, n_W, n_C)
        cases.append(Case(f"dZ {dZ.shape} and a cache of {description}", (dZ, (A_prev, W, b, hp))))
    # The course's backward test: seed 1, A_prev (10, 4, 4, 3), W (2, 2, 3, 8), pad 2,
    # stride 2, and dZ = the forward output Z.
    rng = np.random.RandomState(1)
    A_prev, W, b = rng.randn(10, 4, 4, 3), rng.randn(2, 2, 3, 8), rng.randn(1, 1, 1, 8)
    hp = {"pad": 2, "stride": 2}
    Z, cache = cv.conv_forward(A_prev, W, b, hp)
    cases.append(Case("the course's backward test (seed 1, pad 2, stride 2, dZ = Z)", (Z, cache)))
    return cases


def check_conv_backward(learner_fn) -> CheckResult:
    """Check ``conv_backward(dZ, cache) -> (dA_prev, dW, db)``.

    dZ (m, n_H, n_W, n_C); cache (A_prev, W, b, hparameters) from conv_forward; dA_prev,
    dW and db have the shapes of A_prev, W and b.

    Taught in: notebooks/c4_convnets/03_conv_backprop.py, section 1.
    """
    return check_function(
        "conv_backward",
        learner_fn,
        cv.conv_backward,
        _conv_backward_cases(),
        output_names=("dA_prev", "dW", "db"),
        slips=_CONV_BACKWARD_SLIPS,
        hints={
            "could not be broadcast": "W[:, :, :, c] * dZ[i, h, w, c] is f x f x n_C_prev: "
            "add it to the window of the gradient only, da_prev_pad[vert_start:vert_end, "
            "horiz_start:horiz_end, :] (the window slice is easy to forget)."
        },
    )


# --- create_mask_from_window -----------------------------------------------------------------


def _mask_variant(kind):
    def create_mask_from_window(x):
        if kind == "greater":
            return x > np.max(x)
        if kind == "argmax":
            mask = np.zeros(x.shape, dtype=bool)
            mask[np.unravel_index(np.argmax(x), x.shape)] = True
            return mask
        return x == np.min(x)

    return create_mask_from_window


_MASK_SLIPS = [
    Slip(
        "x > max(x), which is never true (an all-zero mask)",
        "mask = (x == np.max(x)): the maximum itself is the entry that passed forward.",
        _mask_variant("greater"),
    ),
    Slip(
        "a single 1 at np.argmax of the window, even when the maximum is tied",
        "the course's rule is mask = (x == np.max(x)), which marks every entry equal to the "
        "maximum; the third test window has a tie.",
        _mask_variant("argmax"),
    ),
    Slip(
        "the minimum marked instead of the maximum",
        "max pooling passed on the largest entry: mask = (x == np.max(x)).",
        _mask_variant("min"),
    ),
]


def check_create_mask_from_window(learner_fn) -> CheckResult:
    """Check ``create_mask_from_window(x) -> mask``: (f, f) -> (f, f), True where x == max.

    Taught in: notebooks/c4_convnets/03_conv_backprop.py, section 3.
    """
    cases = [
        Case("x = [[1, 3], [4, 2]] (the course's example)", (np.array([[1.0, 3.0], [4.0, 2.0]]),)),
        Case("a random 3 x 3 window (seed 1)", (_randn(1, 3, 3),)),
        Case("x = [[2, 5], [5, 1]] (a tie)", (np.array([[2.0, 5.0], [5.0, 1.0]]),)),
    ]
    return check_function(
        "create_mask_from_window",
        learner_fn,
        cv.create_mask_from_window,
        cases,
        slips=_MASK_SLIPS,
    )


# --- distribute_value ------------------------------------------------------------------------


def _distribute_variant(divide_by="none"):
    def distribute_value(dz, shape):
        n_H, n_W = shape
        below = {"none": 1, "n_H": n_H, "sum": n_H + n_W}[divide_by]
        return np.ones(shape) * dz / below

    return distribute_value


_DISTRIBUTE_HINT = (
    "each of the n_H * n_W entries got 1/(n_H * n_W) of the window's mean, so each gets "
    "dz / (n_H * n_W): average = dz / (n_H * n_W); a = np.ones(shape) * average."
)
_DISTRIBUTE_SLIPS = [
    Slip("dz copied to every entry, not divided", _DISTRIBUTE_HINT, _distribute_variant("none")),
    Slip("dz divided by n_H only", _DISTRIBUTE_HINT, _distribute_variant("n_H")),
    Slip("dz divided by n_H + n_W", _DISTRIBUTE_HINT, _distribute_variant("sum")),
]


def check_distribute_value(learner_fn) -> CheckResult:
    """Check ``distribute_value(dz, shape) -> a``: a number and (n_H, n_W) -> (n_H, n_W).

    Taught in: notebooks/c4_convnets/03_conv_backprop.py, section 3.
    """
    cases = [
        Case("dz = 2, shape (2, 2) (the course's example)", (2.0, (2, 2))),
        Case("dz = 3, shape (3, 2)", (3.0, (3, 2))),
        Case("dz = -1.5, shape (1, 4)", (-1.5, (1, 4))),
    ]
    return check_function(
        "distribute_value", learner_fn, cv.distribute_value, cases, slips=_DISTRIBUTE_SLIPS
    )


# --- pool_backward ---------------------------------------------------------------------------


def _pool_backward_variant(swap=False, stride_start=True, accumulate=True, divide=True):
    def pool_backward(dA, cache, mode="max"):
        A_prev, hparameters = cache
        f, stride = hparameters["f"], hparameters["stride"]
        if swap:
            mode = {"max": "average", "average": "max"}[mode]
        m, n_H, n_W, n_C = dA.shape
        dA_prev = np.zeros(A_prev.shape)
        for i in range(m):
            for h in range(n_H):
                vert = h * stride if stride_start else h
                for w in range(n_W):
                    horiz = w * stride if stride_start else w
                    for c in range(n_C):
                        window = A_prev[i, vert : vert + f, horiz : horiz + f, c]
                        if mode == "max":
                            piece = (window == np.max(window)) * dA[i, h, w, c]
                        else:
                            piece = np.ones((f, f)) * dA[i, h, w, c] / (f * f if divide else 1)
                        target = dA_prev[i, vert : vert + f, horiz : horiz + f, c]
                        if accumulate:
                            target += piece
                        else:
                            target[...] = piece
        return dA_prev

    return pool_backward


_POOL_BACKWARD_SLIPS = [
    Slip(
        "max and average pooling swapped",
        'mode == "max": route dA through create_mask_from_window(a_prev_slice); mode == '
        '"average": spread it with distribute_value(dA[i, h, w, c], (f, f)).',
        _pool_backward_variant(swap=True),
    ),
    Slip(
        "the window starts at h instead of h * stride",
        "use the forward pass's windows: vert_start = h * stride, horiz_start = w * stride.",
        _pool_backward_variant(stride_start=False),
    ),
    Slip(
        "the window's gradient assigned with = instead of added with +=",
        "windows overlap when stride < f (the test: f 3, stride 2), and an input entry in two "
        "windows collects both gradients: dA_prev[i, ...] += ...",
        _pool_backward_variant(accumulate=False),
    ),
    Slip(
        "average pooling's gradient not divided by f * f",
        "each entry of an f x f window weighs 1/(f * f) in the mean, so it gets dA / (f * f) "
        "(that is distribute_value).",
        _pool_backward_variant(divide=False),
    ),
]


def check_pool_backward(learner_fn) -> CheckResult:
    """Check ``pool_backward(dA, cache, mode="max") -> dA_prev``, both modes.

    dA (m, n_H, n_W, n_C); cache (A_prev, hparameters) from pool_forward; dA_prev has
    A_prev's shape.

    Taught in: notebooks/c4_convnets/03_conv_backprop.py, section 3.
    """
    odd = _randn(6, 2, 5, 7, 3)
    odd_dA = _randn(7, 2, 2, 3, 3)
    # The course's test: seed 1, A_prev (5, 5, 3, 2), f 2, stride 1, dA (5, 4, 2, 2).
    rng = np.random.RandomState(1)
    course, course_dA = rng.randn(5, 5, 3, 2), rng.randn(5, 4, 2, 2)
    cases = []
    for mode in ("max", "average"):
        cases += [
            Case(
                f"A_prev (2, 5, 7, 3), f 3, stride 2 (overlapping windows), mode {mode!r}",
                (odd_dA, (odd, {"f": 3, "stride": 2})),
                {"mode": mode},
            ),  # fmt: skip
            Case(
                f"the course's test: seed 1, A_prev (5, 5, 3, 2), f 2, stride 1, mode {mode!r}",
                (course_dA, (course, {"f": 2, "stride": 1})),
                {"mode": mode},
            ),  # fmt: skip
        ]
    return check_function(
        "pool_backward", learner_fn, cv.pool_backward, cases, slips=_POOL_BACKWARD_SLIPS
    )
