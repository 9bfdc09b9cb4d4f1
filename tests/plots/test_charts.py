"""The line chart view: curves and points in place, legend, spans and range only on change."""

import numpy as np
import pytest
from matplotlib.colors import to_hex

from qwidgets.plots import ROLE_COLORS, ChartPicture, Curve, LineChart, Marker, PngRenderer, Span


def chart():
    view = LineChart(xlabel="x", ylabel="y", xlim=(0, 1), ylim=(0, 1), n_curves=2, n_markers=2)
    return view, PngRenderer(view)


def picture(shift=0.0, label="a", xlim=None):
    xs = tuple(np.linspace(0, 1, 5))
    return ChartPicture(
        curves=(Curve(label, xs, tuple(x * x + shift for x in xs), color="exact"),),
        markers=(Marker("ring", 0.5, 0.5, filled=False), Marker("dot", 0.5, 0.5 + shift)),
        spans=(Span(0.8, 1.0, "beyond"),),
        title="t",
        xlim=xlim,
    )


def test_curves_and_points_follow_the_picture():
    view, renderer = chart()
    view.update(picture(0.1))
    renderer.render()
    assert view.lines[0].get_ydata() == pytest.approx([x * x + 0.1 for x in np.linspace(0, 1, 5)])
    assert len(view.lines[1].get_xdata()) == 0  # an unused slot stays empty
    assert to_hex(view.lines[0].get_color()) == to_hex(ROLE_COLORS["exact"])
    ring, dot = view.points
    assert ring.get_markerfacecolor() == "white" and ring.get_markersize() > dot.get_markersize()
    assert dot.get_zorder() > ring.get_zorder()  # the dot shows inside the ring


def test_only_static_changes_cost_a_full_redraw():
    view, renderer = chart()
    view.update(picture(0.0))
    renderer.render()
    for shift in (0.1, 0.2, 0.3):
        view.update(picture(shift))
        assert renderer.render() is not None
    assert renderer.full_redraws == 1
    view.update(picture(0.3, label="b"))  # a new legend
    renderer.render()
    view.update(picture(0.3, label="b", xlim=(0, 2)))  # a new range
    renderer.render()
    assert renderer.full_redraws == 3 and view.axes.get_xlim() == (0, 2)
    assert [t.get_text() for t in view.axes.get_legend().get_texts()] == ["b", "ring", "dot", "beyond"]


def test_a_log_chart_with_symbols_sizes_and_the_legend_below():
    view = LineChart(
        xlabel="x",
        ylabel="y",
        xlim=(0, 1),
        ylim=(1e-2, 1e2),
        n_curves=2,
        n_markers=2,
        yscale="log",
        width=1.5,
        legend="below",
    )
    renderer = PngRenderer(view)
    view.update(
        ChartPicture(
            curves=(Curve("rate", (0.0, 1.0), (10.0, 0.1), symbol="^"), Curve("", (0.5, 0.5), (1e-2, 1e2))),
            markers=(Marker("", 0.5, 1.0, symbol="s"), Marker("end", 1.0, 1e-2, filled=False, size=9)),
        )
    )
    assert renderer.render() is not None
    assert view.axes.get_yscale() == "log"
    here, end = view.points
    assert here.get_marker() == "s" and end.get_markersize() == 9
    legend = view.axes.get_legend()
    assert [t.get_text() for t in legend.get_texts()] == ["rate", "end"]  # no entry for empty labels
    assert legend.legend_handles[0].get_marker() == "^"
    figure_box, legend_box = view.figure.get_window_extent(), legend.get_window_extent()
    xlabel = view.axes.xaxis.label.get_window_extent()
    assert legend_box.y1 < xlabel.y0 and legend_box.y0 >= figure_box.y0  # under the axes, in the figure
