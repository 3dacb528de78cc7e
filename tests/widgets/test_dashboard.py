"""The generic Dashboard: controls -> pure compute -> one figure, redrawn in place."""

from __future__ import annotations

import base64
import math

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
import pytest

from course_lib.widgets import Dashboard, dropdown, float_slider, int_slider, log_slider


def _draw(fig, result, values):
    if not fig.axes:
        fig.add_subplot().plot([], [])
    (line,) = fig.axes[0].lines
    line.set_data([0, 1], [result, result])
    fig.axes[0].set_ylim(-1, 11)


def _controls():
    return {
        "x": float_slider("x", 1.0, 0.0, 10.0, 0.5),
        "n": int_slider("n", 2, 1, 5),
        "mode": dropdown("mode", ["add", "mul"]),
    }


def _compute(x, n, mode):
    return x + n if mode == "add" else x * n


@pytest.mark.parametrize("live", [True, False])
def test_live_sets_continuous_update(live):
    dash = Dashboard(_compute, _draw, _controls(), live=live)
    assert dash.controls["x"].continuous_update is live
    assert dash.controls["n"].continuous_update is live
    assert not hasattr(dash.controls["mode"], "continuous_update")  # a dropdown has none


def test_compute_without_progress_gets_exactly_the_control_values():
    calls = []

    def compute(x, n, mode):
        calls.append({"x": x, "n": n, "mode": mode})
        return _compute(x, n, mode)

    dash = Dashboard(compute, _draw, _controls(), live=False)
    assert calls == [{"x": 1.0, "n": 2, "mode": "add"}]
    assert dash.result == 3.0
    dash.controls["mode"].value = "mul"
    dash.controls["n"].value = 4
    assert calls[-1] == {"x": 1.0, "n": 4, "mode": "mul"}
    assert dash.result == 4.0
    assert dash.values == {"x": 1.0, "n": 4, "mode": "mul"}
    assert dash.updates == 3
    assert dash.progress.value == 0.0  # nothing reported progress
    assert dash.progress.layout.visibility == "hidden"


def test_compute_with_progress_drives_the_bar():
    holder: list[Dashboard] = []
    bar_values = []

    def compute(x, progress):
        for fraction in (0.25, 1.5, 0.5, -1, 1.0):
            progress(fraction)
            if holder:
                bar_values.append(holder[0].progress.value)
        return x

    holder.append(Dashboard(compute, _draw, {"x": float_slider("x", 1.0, 0.0, 10.0, 0.5)}))
    holder[0].controls["x"].value = 2.0
    assert bar_values == [0.25, 1.0, 0.5, 0.0, 1.0]  # clipped to [0, 1]
    assert holder[0].result == 2.0
    assert holder[0].progress.value == 1.0


def test_draw_redraws_one_figure_that_pyplot_does_not_manage():
    figures_before = plt.get_fignums()
    seen = []

    def draw(fig, result, values):
        seen.append((fig, result, dict(values)))
        _draw(fig, result, values)

    dash = Dashboard(_compute, draw, _controls())
    dash.controls["x"].value = 5.0
    assert [s[0] for s in seen] == [dash.figure, dash.figure]
    assert seen[-1][1:] == (7.0, {"x": 5.0, "n": 2, "mode": "add"})
    assert plt.get_fignums() == figures_before
    assert list(dash.figure.axes[0].lines[0].get_ydata()) == [7.0, 7.0]


def test_png_is_rendered_and_shown():
    dash = Dashboard(_compute, _draw, _controls())
    first = dash.png
    assert first.startswith(b"\x89PNG")
    (output,) = dash.plot.outputs
    assert base64.b64decode(output["data"]["image/png"]) == first
    assert output["data"]["text/plain"] == "<figure: x=1, n=2, mode='add'>"
    dash.controls["x"].value = 8.0
    assert dash.png != first
    assert base64.b64decode(dash.plot.outputs[0]["data"]["image/png"]) == dash.png
    assert len(dash.plot.outputs) == 1


def test_settings_text_is_pasteable():
    dash = Dashboard(
        lambda alpha, n, act: 0.0,
        _draw,
        {
            "alpha": float_slider("alpha", 0.123456, 0.0, 1.0, 0.000001, readout_format=".4g"),
            "n": int_slider("n", 3, 1, 5),
            "act": dropdown("act", ["relu", "tanh"]),
        },
    )
    assert dash.settings_text == "alpha=0.1235, n=3, act='relu'"
    assert dash.settings.value == "<code>alpha=0.1235, n=3, act='relu'</code>"
    assert "updated in" in dash.status.value


def test_settings_line_shows_what_the_readouts_show():
    from course_lib.widgets import format_setting, log_int_slider

    lam = log_slider("λ", 0.5012, 1e-3, 30.0)  # readout .2g: 0.5
    assert format_setting(lam, lam.value) == "0.5"
    beta = float_slider("β", 0.9, 0.0, 0.99, 0.01)  # readout .2f: 0.90
    assert format_setting(beta, 0.9) == "0.9" and format_setting(beta, 5.0) == "5"
    err = log_slider("error", 0.05, 0.005, 0.4, readout_format=".2%")  # 5.00%
    assert format_setting(err, 0.05) == "0.05"
    m = log_int_slider("examples m", 10_000, 100, 100_000_000)
    assert isinstance(m.value, int) and all(isinstance(v, int) for _, v in m.options)
    dash = Dashboard(lambda m: m, _draw, {"m": m})
    m.value = m.options[5][1]
    assert dash.settings_text == f"m={m.options[5][1]}"  # an integer, no 1.778e+04
    assert m.options[5][0] == f"{m.options[5][1]:,}"  # the readout: the same integer


def test_values_off_the_slider_grid_are_refused():
    with pytest.raises(ValueError, match="not on the slider's grid"):
        int_slider("units", 4, 1, 16, 2)
    with pytest.raises(ValueError, match="nearest values are 0.25 and 0.5"):
        float_slider("shift", 0.3, 0.0, 3.0, 0.25)


@pytest.mark.parametrize(
    "slider",
    [
        int_slider("units per hidden layer (width)", 8, 1, 32),
        float_slider("app car-noise level (shift)", 0.0, 0.0, 3.0, 0.25),
        log_slider("time budget (ms)", 1.0, 0.01, 100.0, step=0.05),
        int_slider("n", 3, 1, 5),
        float_slider("keep_prob", 0.5, 0.0, 1.0, 0.001),
    ],
)
def test_every_slider_keeps_a_usable_track(slider):
    from course_lib.widgets import LABEL_ABOVE_CHARS, MIN_TRACK_PX

    positions = round((slider.max - slider.min) / slider.step) + 1
    assert slider.course_track_px >= max(MIN_TRACK_PX, min(6 * positions, 320))
    width = int(slider.layout.width.removesuffix("px"))
    assert slider.layout.min_width == slider.layout.width
    if slider.course_label:  # long description: shown above, the row is track + readout
        assert len(slider.course_label) > LABEL_ABOVE_CHARS and slider.description == ""
        assert width == slider.course_track_px + 90
    else:
        label = int(slider.style.description_width.removesuffix("px"))
        assert width == label + slider.course_track_px + 90
    box = Dashboard(lambda **kw: 0, _draw, {"v": slider}).widget.children[0].children[0]
    if slider.course_label:
        assert box.children[0].value == slider.course_label and box.children[1] is slider
    else:
        assert box is slider


def test_an_error_in_compute_is_shown_and_raised():
    def compute(x):
        if x > 5:
            raise RuntimeError("x is too large")
        return x

    dash = Dashboard(compute, _draw, {"x": float_slider("x", 1.0, 0.0, 10.0, 0.5)})
    png, updates = dash.png, dash.updates
    with pytest.raises(RuntimeError, match="x is too large"):
        dash.controls["x"].value = 9.0
    assert "error: RuntimeError: x is too large" in dash.status.value
    assert dash.progress.layout.visibility == "hidden"
    # The last good state is kept...
    assert (dash.result, dash.values, dash.png, dash.updates) == (1.0, {"x": 1.0}, png, updates)
    # ...and the dashboard recovers on the next good value.
    dash.controls["x"].value = 2.0
    assert dash.result == 2.0
    assert "updated in" in dash.status.value


def test_an_error_in_draw_is_shown_and_raised():
    def draw(fig, result, values):
        raise ValueError("cannot draw")

    with pytest.raises(ValueError, match="cannot draw"):
        Dashboard(lambda x: x, draw, {"x": float_slider("x", 1.0, 0.0, 10.0, 0.5)})


def test_empty_controls_are_rejected():
    with pytest.raises(ValueError, match="at least one control"):
        Dashboard(lambda: 0, _draw, {})


def test_layout_title_and_css_classes():
    dash = Dashboard(_compute, _draw, _controls(), title="My dashboard")
    header, controls_box, status_row, plot = dash.widget.children
    assert header.value == "<b>My dashboard</b>"
    assert list(controls_box.children) == list(dash.controls.values())
    assert list(status_row.children) == [dash.settings, dash.progress, dash.status]
    assert plot is dash.plot
    assert "course-dashboard" in dash.widget._dom_classes
    assert "course-dashboard-plot" in dash.plot._dom_classes
    assert "course-dashboard-settings" in dash.settings._dom_classes
    assert len(Dashboard(_compute, _draw, _controls()).widget.children) == 3  # no title
    bundle = dash._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_slider_helpers():
    s = log_slider("lr", 0.01, 1e-4, 1.0)
    assert isinstance(s, widgets.FloatLogSlider)
    assert (s.value, s.base, s.min, s.max, s.step) == (0.01, 10, -4, 0, 0.1)
    assert log_slider("lr", 0.01, 1e-3, 1.0, step=0.5).step == 0.5
    # The exponent grid passes through the starting value, so the browser cannot snap it away,
    # and the ends stay where they were asked to be.
    for value, low, high in ((0.3, 1e-3, 2.0), (20, 10, 1000), (1e-3, 1e-3, 1.0)):
        s = log_slider("lr", value, low, high, step=0.05)
        k = (math.log10(value) - s.min) / s.step
        assert abs(k - round(k)) < 1e-9 and s.value == value
        assert (s.min, s.max) == (math.log10(low), math.log10(high))
        assert 0.04 < s.step < 0.06
    with pytest.raises(ValueError, match="low <= value <= high"):
        log_slider("lr", 5.0, 1e-3, 2.0)
    f = float_slider("beta", 0.9, 0.0, 0.999, 0.001)
    assert (f.value, f.min, f.max, f.step, f.description) == (0.9, 0.0, 0.999, 0.001, "beta")
    i = int_slider("units", 5, 1, 16, 2)
    assert (i.value, i.min, i.max, i.step) == (5, 1, 16, 2)
    assert dropdown("act", ["a", "b"]).value == "a"
    assert dropdown("act", ["a", "b"], value="b").value == "b"


@pytest.mark.parametrize("options", [{"ReLU": "relu", "tanh": "tanh"}, [("ReLU", "relu")]])
def test_dropdown_with_labelled_options(options):
    assert dropdown("act", options).value == "relu"


# -- the fast path: a static layer rendered once, animated artists drawn over it ----------


def _contour_and_path(fig, result, values):
    """A live-dashboard style draw: fixed contours, an animated path and title."""
    import numpy as np

    if not fig.axes:
        ax = fig.add_subplot()
        g0, g1 = np.meshgrid(np.linspace(-2, 2, 60), np.linspace(-2, 2, 60))
        ax.contourf(g0, g1, g0**2 + 5 * g1**2, levels=12)
        ax.plot([], [], "r-o", ms=3, animated=True)
        ax.set_title("", animated=True)
        ax.set_xlim(-2, 2)
        ax.set_ylim(-2, 2)
    ax = fig.axes[0]
    ax.lines[0].set_data([-1.5, 0.0, result / 10], [1.5, 0.5, 0.0])
    ax.title.set_text(f"x = {values['x']:.1f}")
    if values["mode"] == "mul":  # a change of limits must re-render the static layer
        ax.set_xlim(-3, 3)


def _pixels(png):
    import io

    import numpy as np
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=np.int16)


def test_fast_path_renders_the_static_layer_once_and_matches_a_full_render():
    import io

    dash = Dashboard(_compute, _contour_and_path, _controls(), live=True)
    first = dash.png
    for x in (2.0, 3.5, 7.0):
        dash.controls["x"].value = x
    assert dash.full_renders == 1  # the contours were rendered once
    assert not (_pixels(first) == _pixels(dash.png)).all()  # the path and title moved

    # The same figure rendered the slow way, everything static, gives the same picture: the
    # same pixels away from the animated title (which Pillow draws), and the title's pixels
    # in the same place and nearly the same shades.
    for artist in (dash.figure.axes[0].lines[0], dash.figure.axes[0].title):
        artist.set_animated(False)
    buffer = io.BytesIO()
    dash.figure.savefig(buffer, format="png")
    slow, fast = _pixels(buffer.getvalue()), _pixels(dash.png)
    title_rows = slice(0, int(0.12 * slow.shape[0]))  # the axes title sits at the top
    assert (slow[title_rows.stop :] == fast[title_rows.stop :]).all()
    ink_slow, ink_fast = slow[title_rows] < 128, fast[title_rows] < 128
    assert abs(int(ink_slow.sum()) - int(ink_fast.sum())) < 0.25 * ink_slow.sum()
    assert (ink_slow & ink_fast).sum() > 0.5 * ink_slow.sum()  # the same glyphs, same place


def test_animated_texts_are_drawn_with_pillow_like_matplotlib():
    import io

    from matplotlib.figure import Figure

    for va, ha in (("top", "left"), ("center", "center"), ("bottom", "right")):
        fig = Figure(figsize=(4, 1.5), dpi=90)
        fig.text(0.5, 0.5, "P = 91.5 %\nR = 62.5 %", va=va, ha=ha, fontsize=11)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
        slow = _pixels(buffer.getvalue())
        dash = Dashboard(
            lambda x: x,
            lambda f, r, v, va=va, ha=ha: f.texts or f.text(
                0.5, 0.5, "P = 91.5 %\nR = 62.5 %", va=va, ha=ha, fontsize=11, animated=True
            ),
            {"x": float_slider("x", 1.0, 0.0, 2.0, 0.5)},
            figsize=(4, 1.5),
        )  # fmt: skip
        fast = _pixels(dash.png)
        ink_slow, ink_fast = (slow < 128).any(axis=2), (fast < 128).any(axis=2)
        rows_slow, cols_slow = np.nonzero(ink_slow)
        rows_fast, cols_fast = np.nonzero(ink_fast)
        # The text's box agrees within a few pixels on every side.
        for a, b in ((rows_slow, rows_fast), (cols_slow, cols_fast)):
            assert abs(a.min() - b.min()) <= 4 and abs(a.max() - b.max()) <= 4, (va, ha)


def test_fast_path_re_renders_the_static_layer_when_it_changes():
    dash = Dashboard(_compute, _contour_and_path, _controls(), live=True)
    dash.controls["x"].value = 2.0
    assert dash.full_renders == 1
    dash.controls["mode"].value = "mul"  # new x-limits
    assert dash.full_renders == 2
    assert dash.figure.axes[0].get_xlim() == (-3.0, 3.0)


def test_a_dashboard_without_animated_artists_renders_fully_every_time():
    dash = Dashboard(_compute, _draw, _controls(), live=True)
    dash.controls["x"].value = 2.0
    assert dash.full_renders == 2


def test_an_animated_figure_text_keeps_the_fast_path():
    def draw(fig, result, values):
        _contour_and_path(fig, result, values)
        if not fig.texts:
            fig.suptitle("", animated=True)
        fig.texts[0].set_text(f"result {result:.1f}")

    dash = Dashboard(_compute, draw, _controls(), live=True)
    first = dash.png
    dash.controls["x"].value = 2.0
    dash.controls["x"].value = 4.0
    assert dash.full_renders == 1  # the changing suptitle is drawn over the cached layer
    assert not (_pixels(first) == _pixels(dash.png)).all()
