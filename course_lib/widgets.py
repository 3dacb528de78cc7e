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
  and rebuilds the figure simply takes the full path every time.
- The current settings are shown as one line a learner can paste into code.
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

__all__ = ["Dashboard", "log_slider", "float_slider", "int_slider", "dropdown"]


def _labelled(widget_class, description: str, **kw):
    # Wide labels: the default truncates descriptions such as "learning rate α".
    return widget_class(description=description, style={"description_width": "initial"}, **kw)


def log_slider(description: str, value: float, low: float, high: float, **kw):
    """A slider over [low, high] on a log scale (learning rates, lambda, epsilon).

    The browser's slider snaps to the exponents min + k * step, so the step is adjusted
    (by less than half its size per step's worth of range) to put ``value`` on that grid:
    otherwise a starting 0.3 would silently become 10^-0.5 = 0.316 on display.
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


def float_slider(description: str, value: float, low: float, high: float, step: float, **kw):
    """A linear slider over [low, high] (beta, keep_prob, noise)."""
    return _labelled(
        widgets.FloatSlider, description, value=value, min=low, max=high, step=step, **kw
    )


def int_slider(description: str, value: int, low: int, high: int, step: int = 1, **kw):
    """An integer slider (hidden units, layers, anchors)."""
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
        figsize: size of the figure in inches.
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
        self.compute, self.draw, self.live = compute, draw, live
        self.controls = dict(controls)
        self.figure = Figure(figsize=figsize, dpi=90)
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
        self.plot = widgets.Output(layout={"min_height": f"{int(figsize[1] * 90)}px"})
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
                widgets.HBox(list(self.controls.values()), layout={"flex_flow": "row wrap"}),
                widgets.HBox([self.settings, self.progress, self.status]),
                self.plot,
            ]
        )
        self.widget.add_class("course-dashboard")
        self.update()

    # -- state ------------------------------------------------------------------------------

    def current_values(self) -> dict[str, Any]:
        """The controls' values, keyed by the compute function's argument names."""
        return {name: control.value for name, control in self.controls.items()}

    @property
    def settings_text(self) -> str:
        """The current settings as ``name=value, ...``, ready to paste into code."""
        return ", ".join(f"{k}={_format_value(v)}" for k, v in self.values.items())

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
        for artist in dynamic:
            (artist.axes or self.figure).draw_artist(artist)
        width, height = self.canvas.get_width_height()
        image = Image.frombuffer("RGBA", (width, height), self.canvas.buffer_rgba())
        buffer = io.BytesIO()
        # Level 1 compresses a dashboard frame in ~3 ms; the default level takes ~4x longer
        # for files only ~15 % smaller.
        image.convert("RGB").save(buffer, format="png", compress_level=1)
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
            parts.append((id(ax), ax.get_xlim(), ax.get_ylim(), ax.get_xscale(), ax.get_yscale()))
            for artist in ax.get_children():
                if not artist.get_animated():
                    text = artist.get_text() if isinstance(artist, Text) else None
                    parts.append((id(artist), artist.get_visible(), text))
        return tuple(parts)

    # -- display ----------------------------------------------------------------------------

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)
