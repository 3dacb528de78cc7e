"""Dashboards: sliders around a pure compute function, with one figure redrawn in place.

    dash = Dashboard(
        compute=lambda learning_rate: train(learning_rate),   # pure: values -> result
        draw=draw_fn,                                          # draw(fig, result, values)
        controls={"learning_rate": log_slider("learning rate", 0.005, 1e-4, 1)},
        live=False,                                            # retrain on release
    )
    dash   # shown in the notebook

How it behaves (DESIGN section 5):
- ``live=True`` recomputes while a slider is dragged (cheap closed-form or 2-D toys);
  ``live=False`` recomputes when the slider is released, for anything that trains.
- One matplotlib Figure (not managed by pyplot, so it never shows twice) is redrawn by
  ``draw`` and rendered to PNG, which replaces the Output widget's content through
  ``out.outputs = (...)``; that is reliable in the browser and readable from the kernel.
- Fast path for live dashboards: artists created with ``animated=True`` (the paths, curves
  and texts that move) are the dynamic layer. The rest of the figure (axes, contours,
  legends) is rendered once, kept as a bitmap and reused while it is unchanged (same axis
  limits and scales, same static artists and texts); only the dynamic layer is drawn again.
  That brings a redraw from ~40-100 ms down to a few ms. A dashboard whose ``draw`` clears
  and rebuilds the figure simply takes the full path every time. An axis made animated
  (``ax.xaxis.set_animated(True)``: its ticks, labels and grid) is redrawn every frame, so
  a slider that zooms that axis keeps the fast path, provided no static artist of the axes
  is placed in data coordinates along it.
- The current settings are shown as one line a learner can paste into code, each value as
  its control's readout shows it (``format_setting``).
- Layout: every slider has a track of at least ``MIN_TRACK_PX`` pixels (more for sliders
  with many positions); a description longer than ``LABEL_ABOVE_CHARS`` sits in a label
  above its slider. Values a slider starts at must lie on its grid (the browser snaps
  them otherwise, and sends the snapped value back).
- Tests set ``dash.controls[name].value = ...``; the callbacks run synchronously in the
  kernel, so the test can then read ``dash.result``, ``dash.values`` and ``dash.png``.
"""

from __future__ import annotations

import base64
import html
import inspect
import io
import math
import time
from collections.abc import Callable, Mapping
from typing import Any

import ipywidgets as widgets
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from PIL import Image

__all__ = [
    "Dashboard",
    "log_slider",
    "log_int_slider",
    "log_grid",
    "selection_slider",
    "float_slider",
    "int_slider",
    "dropdown",
    "format_setting",
]


# Slider layout. A slider row is description | track | readout inside a fixed width, so a long
# description used to squeeze the track to nothing (ipywidgets gives the track what is left).
# Every slider gets an explicit width that leaves a track of at least MIN_TRACK_PX (more for
# many positions, so each position is a few pixels apart), and a description longer than
# LABEL_ABOVE_CHARS goes in a label above the slider instead of beside it.
LABEL_ABOVE_CHARS = 14
MIN_TRACK_PX = 120
PX_PER_POSITION = 6
MAX_TRACK_PX = 320
# JupyterLab's output area is 968 px wide at a 1400 px window (measured in Chromium by
# tests/ui/test_browser.py); a wider PNG is shrunk to fit, text and all. Dashboard figures
# (dpi 90) stay within it, so they are shown at the size they were drawn.
DPI = 90
MAX_FIGURE_WIDTH_IN = 10.5
_CHAR_PX = 8  # a description character at JupyterLab's 13 px font, rounded up
_READOUT_PX = 90  # room for the widest readout ("10,000,000", "33.33%")


def _positions(slider) -> int:
    """How many values the browser's slider can take."""
    if isinstance(slider, widgets.SelectionSlider):
        return len(slider.options)
    return int(round((slider.max - slider.min) / slider.step)) + 1


def _fit_slider(slider, description: str):
    """Give ``slider`` a width whose track is usable; move a long description above it."""
    track = min(max(MIN_TRACK_PX, PX_PER_POSITION * _positions(slider)), MAX_TRACK_PX)
    if len(description) > LABEL_ABOVE_CHARS:
        slider.description = ""  # ipywidgets hides an empty description
        slider.course_label = description  # Dashboard shows it above the slider
        label_px = 0
    else:
        slider.course_label = None
        label_px = _CHAR_PX * len(description) + 12
        slider.style.description_width = f"{label_px}px"
    width = f"{label_px + track + _READOUT_PX}px"
    slider.layout.width = slider.layout.min_width = width
    slider.course_track_px = track  # the track the layout leaves; tests check it
    return slider


_SLIDERS = (widgets.FloatSlider, widgets.IntSlider, widgets.FloatLogSlider, widgets.SelectionSlider)


def _labelled(widget_class, description: str, **kw):
    widget = widget_class(description=description, style={"description_width": "initial"}, **kw)
    if isinstance(widget, _SLIDERS):
        _fit_slider(widget, description)
    return widget


def selection_slider(description: str, options, value=None):
    """A slider over a fixed list of values (the sizes a study ran, pool sizes)."""
    kw = {} if value is None else {"value": value}
    return _labelled(widgets.SelectionSlider, description, options=options, **kw)


def _require_on_grid(description: str, value, low, step) -> None:
    # The browser snaps to low + k * step and sends the snapped value back to the kernel, so
    # a value off that grid would silently change as soon as the page shows the slider.
    k = (value - low) / step
    if abs(k - round(k)) > 1e-9:
        below = low + math.floor(k) * step
        raise ValueError(
            f"{description!r}: value {value} is not on the slider's grid {low} + k * {step}; "
            f"the nearest values are {below:g} and {below + step:g}."
        )


def log_slider(description: str, value: float, low: float, high: float, **kw):
    """A slider over [low, high] on a log scale (learning rates, lambda, epsilon).

    The browser's slider snaps to the exponents min + k * step, so the step is adjusted
    (by less than half its size per step's worth of range) to put ``value`` on that grid:
    otherwise a starting 0.3 would silently become 10^-0.5 = 0.316 on display. Values set
    later (``slider.value = v``) must lie on that grid too: see ``log_grid``.
    """
    if not 0 < low <= value <= high:
        raise ValueError(f"a log slider needs 0 < low <= value <= high; got {low}, {value}, {high}")
    step = kw.pop("step", 0.1)
    offset = math.log10(value) - math.log10(low)
    if offset > 0:
        step = offset / max(1, round(offset / step))
    return _labelled(
        widgets.FloatLogSlider,
        description,
        value=value,
        base=10,
        min=math.log10(low),
        max=math.log10(high),
        step=step,
        readout_format=kw.pop("readout_format", ".2g"),
        **kw,
    )


def log_grid(slider) -> list[float]:
    """Every value a log slider can take, low to high (for cells that set a value)."""
    n = _positions(slider)
    return [slider.base ** (slider.min + k * slider.step) for k in range(n)]


def log_int_slider(description: str, value: int, low: int, high: int, per_decade: int = 4):
    """A slider over counts from low to high on a log scale (examples m, dev-set size).

    The values are integers (``per_decade`` roughly evenly spaced per factor of 10, rounded,
    plus ``value`` itself), shown with thousands separators.
    """
    if not 0 < low <= value <= high:
        raise ValueError(f"a log slider needs 0 < low <= value <= high; got {low}, {value}, {high}")
    decades = math.log10(high / low)
    n = max(2, round(decades * per_decade) + 1)
    counts = {int(round(low * 10 ** (decades * k / (n - 1)))) for k in range(n)}
    counts = sorted(counts | {int(value)})
    return _labelled(
        widgets.SelectionSlider,
        description,
        options=[(f"{c:,}", c) for c in counts],
        value=int(value),
    )


def float_slider(description: str, value: float, low: float, high: float, step: float, **kw):
    """A linear slider over [low, high] (beta, keep_prob, noise); ``value`` on the step grid."""
    _require_on_grid(description, value, low, step)
    return _labelled(
        widgets.FloatSlider, description, value=value, min=low, max=high, step=step, **kw
    )


def int_slider(description: str, value: int, low: int, high: int, step: int = 1, **kw):
    """An integer slider (hidden units, layers, anchors); ``value`` on the step grid."""
    _require_on_grid(description, value, low, step)
    return _labelled(
        widgets.IntSlider, description, value=value, min=low, max=high, step=step, **kw
    )


def dropdown(description: str, options, value=None, **kw):
    """A drop-down choice (activation, initialisation scheme, optimiser)."""
    if value is not None:  # otherwise ipywidgets selects the first option's value
        kw["value"] = value
    return _labelled(widgets.Dropdown, description, options=options, **kw)


def _format_value(value: Any) -> str:
    return f"{value:.4g}" if isinstance(value, float) else repr(value)


def format_setting(control, value: Any) -> str:
    """``value`` as the control's readout shows it, but pasteable as Python.

    The readout format is applied without thousands separators and trailing zeros, and a
    percentage (".2%": 5.00%) is written as the same digits of the fraction (0.05).
    """
    fmt = getattr(control, "readout_format", None)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not fmt:
        return _format_value(value)
    fmt = fmt.replace(",", "")
    if fmt.endswith("%"):
        digits = fmt[fmt.index(".") + 1 : -1] if "." in fmt else "0"
        fmt = f".{int(digits) + 2}f"
    try:
        text = format(value, fmt)
    except ValueError:  # a d3 format Python does not know
        return _format_value(value)
    if fmt.endswith("f") and "." in text:  # 5.00 -> 5, 0.50 -> 0.5: the same number
        text = text.rstrip("0").rstrip(".")
    return text


class Dashboard:
    """Controls + a pure compute function + one figure that is redrawn on every change.

    Args:
        compute: ``compute(**values) -> result``; it may accept a ``progress`` keyword, a
            callable taking a fraction in [0, 1], to move the progress bar.
        draw: ``draw(fig, result, values)``; it (re)draws the figure. Creating axes on the
            first call and updating their artists afterwards is fastest; create the
            artists that move with ``animated=True`` so the static rest is reused.
        controls: name -> ipywidgets value widget; the names are ``compute``'s keywords.
        live: recompute while dragging (True) or on release (False).
        figsize: size of the figure in inches; at most ``MAX_FIGURE_WIDTH_IN`` wide.
        title: a line of text above the controls.
    """

    def __init__(
        self,
        compute: Callable[..., Any],
        draw: Callable[[Figure, Any, dict[str, Any]], None],
        controls: Mapping[str, widgets.ValueWidget],
        *,
        live: bool = False,
        figsize: tuple[float, float] = (9.0, 3.4),
        title: str = "",
    ):
        if not controls:
            raise ValueError("a Dashboard needs at least one control.")
        if figsize[0] > MAX_FIGURE_WIDTH_IN:
            raise ValueError(
                f"a dashboard figure {figsize[0]} in wide would be shrunk to fit the notebook; "
                f"draw it at most {MAX_FIGURE_WIDTH_IN} in wide (in rows if need be)."
            )
        self.compute, self.draw, self.live = compute, draw, live
        self.controls = dict(controls)
        self.figure = Figure(figsize=figsize, dpi=DPI)
        self.canvas = FigureCanvasAgg(self.figure)
        self._background = None  # (static-state key, bitmap) of the non-animated layer
        self.full_renders = 0  # how often the static layer had to be rendered
        self._wants_progress = "progress" in inspect.signature(compute).parameters
        self.result: Any = None
        self.values: dict[str, Any] = {}
        self.png: bytes = b""
        self.updates = 0
        self.seconds = 0.0

        for control in self.controls.values():
            if hasattr(control, "continuous_update"):
                control.continuous_update = live
            control.observe(self._on_change, names="value")
        self.plot = widgets.Output(layout={"min_height": f"{int(figsize[1] * DPI)}px"})
        self.plot.add_class("course-dashboard-plot")
        self.settings = widgets.HTML()
        self.settings.add_class("course-dashboard-settings")
        self.status = widgets.HTML()
        self.progress = widgets.FloatProgress(
            value=0.0, min=0.0, max=1.0, layout={"width": "160px", "visibility": "hidden"}
        )
        header = [widgets.HTML(f"<b>{title}</b>")] if title else []
        self.widget = widgets.VBox(
            [
                *header,
                widgets.HBox(
                    [self._control_box(c) for c in self.controls.values()],
                    layout={"flex_flow": "row wrap"},
                ),
                widgets.HBox([self.settings, self.progress, self.status]),
                self.plot,
            ]
        )
        self.widget.add_class("course-dashboard")
        self.update()

    @staticmethod
    def _control_box(control):
        # Controls keep their width (a flex row would shrink them), and a long description
        # sits in a label above its slider; a slider made without the helpers gets the same.
        if isinstance(control, _SLIDERS) and not hasattr(control, "course_track_px"):
            _fit_slider(control, control.description)
        control.layout.flex = "0 0 auto"
        label = getattr(control, "course_label", None)
        if not label:
            return control
        return widgets.VBox(
            [widgets.Label(label, layout={"margin": "0 0 -4px 4px"}), control],
            layout={"flex": "0 0 auto"},
        )

    # -- state ------------------------------------------------------------------------------

    def current_values(self) -> dict[str, Any]:
        """The controls' values, keyed by the compute function's argument names."""
        return {name: control.value for name, control in self.controls.items()}

    @property
    def settings_text(self) -> str:
        """The current settings as ``name=value, ...``, ready to paste into code."""
        return ", ".join(
            f"{k}={format_setting(self.controls.get(k), v)}" for k, v in self.values.items()
        )

    # -- updating ---------------------------------------------------------------------------

    def _on_change(self, _change) -> None:
        self.update()

    def _set_progress(self, fraction: float) -> None:
        self.progress.value = min(max(float(fraction), 0.0), 1.0)

    def update(self) -> None:
        """Recompute from the current control values and redraw the figure."""
        values = self.current_values()
        start = time.perf_counter()
        if not self.live:
            self.status.value = "<i>computing...</i>"
            self.progress.layout.visibility = "visible"
            self._set_progress(0.0)
        try:
            kwargs = dict(values, progress=self._set_progress) if self._wants_progress else values
            result = self.compute(**kwargs)
            self.draw(self.figure, result, values)
            self.png = self._render_png()
        except Exception as err:
            # Keep the dashboard alive and say what went wrong next to the controls.
            error = html.escape(f"{type(err).__name__}: {err}", quote=False)
            self.status.value = f'<span style="color:#b42318">error: {error}</span>'
            self.progress.layout.visibility = "hidden"
            raise
        self.result, self.values = result, values
        self.seconds = time.perf_counter() - start
        self.updates += 1
        self.plot.outputs = (
            {
                "output_type": "display_data",
                "data": {
                    "image/png": base64.b64encode(self.png).decode("ascii"),
                    "text/plain": f"<figure: {self.settings_text}>",
                },
                "metadata": {},
            },
        )
        self.settings.value = f"<code>{html.escape(self.settings_text, quote=False)}</code>"
        self.status.value = f"<small>updated in {self.seconds:.2f} s</small>"
        self.progress.layout.visibility = "hidden"

    def _render_png(self) -> bytes:
        dynamic = self._animated_artists()
        key = self._static_key() if dynamic else None
        if not dynamic or self._background is None or self._background[0] != key:
            self.canvas.draw()  # Agg leaves animated artists out of a full draw
            self.full_renders += 1
            self._background = (key, self.canvas.copy_from_bbox(self.figure.bbox))
        else:
            self.canvas.restore_region(self._background[1])
        texts = []
        for artist in dynamic:
            if _pillow_text(artist):
                texts.append(artist)  # drawn below, onto the image
            else:
                (artist.axes or self.figure).draw_artist(artist)
        width, height = self.canvas.get_width_height()
        image = Image.frombuffer("RGBA", (width, height), self.canvas.buffer_rgba())
        image = image.convert("RGB")
        if texts:
            _draw_texts(image, texts, self.figure.dpi)
        buffer = io.BytesIO()
        # Level 1 compresses a dashboard frame in ~3 ms; the default level takes ~4x longer
        # for files only ~15 % smaller.
        image.save(buffer, format="png", compress_level=1)
        return buffer.getvalue()

    def _animated_artists(self) -> list[Artist]:
        artists = [a for ax in self.figure.axes for a in ax.get_children() if a.get_animated()]
        return artists + [t for t in self.figure.texts if t.get_animated()]

    def _static_key(self) -> tuple:
        """What the static layer depends on; a change means it must be rendered again."""
        parts: list = [
            tuple(t.get_text() for t in self.figure.texts if not t.get_animated()),
            self.figure.get_size_inches().tobytes(),
        ]
        for ax in self.figure.axes:
            # An animated axis (ticks, labels, grid) is redrawn every frame, so its limits
            # do not invalidate the static layer.
            x = None if ax.xaxis.get_animated() else (ax.get_xlim(), ax.get_xscale())
            y = None if ax.yaxis.get_animated() else (ax.get_ylim(), ax.get_yscale())
            parts.append((id(ax), x, y))
            for artist in ax.get_children():
                if not artist.get_animated():
                    text = artist.get_text() if isinstance(artist, Text) else None
                    parts.append((id(artist), artist.get_visible(), text))
        return tuple(parts)

    # -- display ----------------------------------------------------------------------------

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


# -- animated texts, drawn by Pillow ----------------------------------------------------------
# Matplotlib 3.11's Agg backend renders a text glyph by glyph (~0.13 ms a character: a
# three-line title costs 30 ms, the whole budget of a live frame). The texts that change on
# every frame are plain one-style strings, so the fast path draws them with Pillow, using the
# same font file, size, colour and alignment (~0.5 ms each). Texts with mathtext, rotation,
# a box or clipping keep matplotlib's renderer.

_PIL_ANCHOR_H = {"left": "l", "center": "m", "right": "r"}
_FONTS: dict = {}


def _pillow_text(artist) -> bool:
    """Whether Pillow can draw ``artist`` as matplotlib would: a plain, unrotated string."""
    if not isinstance(artist, Text) or not artist.get_visible() or not artist.get_text():
        return False
    return (
        "$" not in artist.get_text()
        and artist.get_rotation() == 0
        and artist.get_bbox_patch() is None
        and artist.get_path_effects() == []
    )


def _pil_font(artist, dpi: float):
    from matplotlib.font_manager import findfont
    from PIL import ImageFont

    key = (findfont(artist.get_fontproperties()), max(1, round(artist.get_fontsize() * dpi / 72)))
    if key not in _FONTS:
        _FONTS[key] = ImageFont.truetype(*key)
    return _FONTS[key]


def _draw_texts(image, texts, dpi: float) -> None:
    """Draw matplotlib Text artists onto ``image`` (RGB, the figure's pixels) with Pillow."""
    from matplotlib.colors import to_rgba
    from PIL import ImageDraw

    draw = ImageDraw.Draw(image, "RGBA")
    for artist in texts:
        x, y = artist.get_transform().transform(artist.get_unitless_position())
        font = _pil_font(artist, dpi)
        ascent, descent = font.getmetrics()
        lines = artist.get_text().split("\n")
        # matplotlib's line step: the font's line height ("normal"), or linespacing x about
        # 1.2 em (the old default spacing, 1.2, gives the line height).
        spacing = artist.get_linespacing()
        step = (ascent + descent) * (spacing / 1.2 if isinstance(spacing, (int, float)) else 1)
        block = step * (len(lines) - 1) + ascent + descent
        top = image.height - y  # Pillow's y runs down
        va = artist.get_verticalalignment()
        if va in ("center", "center_baseline"):
            top -= block / 2
        elif va == "bottom":
            top -= block
        elif va == "baseline":
            top -= block - descent
        r, g, b, a = to_rgba(artist.get_color(), artist.get_alpha())
        fill = tuple(round(255 * v) for v in (r, g, b, a))
        # Each line aligned on x by its multialignment (matplotlib's default: ha).
        ha = getattr(artist, "_multialignment", None) or artist.get_horizontalalignment()
        anchor = _PIL_ANCHOR_H.get(ha, "l") + "a"
        for k, line in enumerate(lines):
            if line:
                draw.text((x, top + k * step), line, font=font, fill=fill, anchor=anchor)
