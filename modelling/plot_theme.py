"""The one plotly template of the project ("credit"): the dashboard's charts and the training
report share its font, calm colours and white plotting area. Here, not in app/, so that the
modelling package (which imports no Flask) can use it too."""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

TEMPLATE = "credit"
# Series that carry no risk meaning: navy and greys, never red or green (risk colours are
# reserved for risk: app/layouts/figures.py, docs/design.md).
CALM_COLOURS = ["#1f3a5f", "#8795a5", "#5d7ea8", "#b5bfca", "#a3824a"]
FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
TEXT = "#212529"
GRID = "#e9ecef"


def credit_template() -> go.layout.Template:
    """plotly_white's axes and grid, with the dashboard's font and colours."""
    template = go.layout.Template(pio.templates["plotly_white"])
    template.layout.update(
        colorway=CALM_COLOURS,
        font={"family": FONT, "color": TEXT},
        paper_bgcolor="#fff",
        plot_bgcolor="#fff",
        xaxis={"gridcolor": GRID, "zerolinecolor": GRID},
        yaxis={"gridcolor": GRID, "zerolinecolor": GRID},
        hoverlabel={"font": {"family": FONT}},
    )
    return template


def register() -> str:
    """Put the template in plotly's registry (idempotent) and give its name, for `template=`."""
    if TEMPLATE not in pio.templates:
        pio.templates[TEMPLATE] = credit_template()
    return TEMPLATE
