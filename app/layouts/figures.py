"""Pure figure builders: data in, plotly figure out (no queries, no request access)."""

from __future__ import annotations

from itertools import pairwise

import plotly.graph_objects as go

from app.i18n import format_number, format_percent, plural_form
from app.texts import t
from modelling.features import BY_NAME
from modelling.plot_theme import register as register_template

# Risk colours are reserved for risk (palette in assets/app.css and docs/design.md).
RISK_UP = "#c0392b"
RISK_DOWN = "#1e7a44"  # 4.5:1 as text on a striped row too (docs/design.md)
BAND_COLOURS = {"favourable": "#d5f5e3", "review": "#fdebd0", "unfavourable": "#fadbd8"}
# The legend's swatches: the zones' hues, dark enough to be seen on white.
LEGEND_COLOURS = {"favourable": "#58d68d", "review": "#f5b041", "unfavourable": "#ec7063"}
NEUTRAL = "#34495e"
PERCENT = {"fr": "\u202f%", "en": "%"}  # 12,5 % in French, 12.5% in English


def chart_style(lang: str) -> dict:
    """Layout settings every chart shares: the project's template (modelling/plot_theme: font,
    calm colours, white plot) and the page's number separators."""
    return {
        "template": register_template(),
        "separators": ", " if lang == "fr" else ".,",
    }


def signed(value: float, lang: str, decimals: int = 2) -> str:
    """+0,48 / −0,44 (a true minus sign), in the page's language; 0,00 has no sign."""
    shown = format_number(abs(value), lang, decimals)
    if round(abs(value), decimals) == 0:
        return shown
    return ("+" if value > 0 else "−") + shown


# A contribution in "points de risque": one point is 0.01 on the model's additive risk scale
# (docs/guide-conseiller.md explains the unit). Shown whole; the tooltip gives two decimals.
POINTS_PER_UNIT = 100


def risk_points(impact: float) -> float:
    return POINTS_PER_UNIT * impact


def points_text(impact: float, lang: str, exact: bool = False) -> str:
    """ "+48 points de risque", "−3 points de risque", "0 point de risque" (CLDR plurals);
    `exact`: to two decimals, as in the tooltip."""
    decimals = 2 if exact else 0
    points = risk_points(impact)
    count = round(abs(points), decimals)
    noun = "risk_point_one" if plural_form(count, lang) == "one" else "risk_point_other"
    return f"{signed(points, lang, decimals)} {t(noun, lang)}"


def feature_label(contribution: dict, lang: str) -> str:
    """A contribution's feature label; one that is never a reason (`may_be_reason`, from
    services/explanations) says so."""
    label = BY_NAME[contribution["feature"]].label(lang)
    if contribution.get("may_be_reason", True):
        return label
    return f"{label} {t('not_a_reason_mark', lang)}"


# How each contribution direction (services/explanations.direction) is drawn and written.
MARKS = {"increases_risk": "▲", "decreases_risk": "▼", "no_notable_effect": "●"}
DIRECTION_COLOURS = {
    "increases_risk": RISK_UP,
    "decreases_risk": RISK_DOWN,
    "no_notable_effect": "#8795a5",
}
DIRECTION_WORDS = {
    "increases_risk": "raises_risk",
    "decreases_risk": "lowers_risk",
    "no_notable_effect": "no_notable_effect",
}


def _percent(value: float, lang: str) -> str:
    return format_percent(value, lang, 1)


def gauge_legend(lower: float, upper: float, lang: str) -> str:
    """The three zones in words and colours, with their cuts as the pages show them."""
    swatch = '<span style="color:{}">■</span> {}'
    zones = (
        ("favourable", f"{t('reco_favourable', lang)} < {_percent(lower, lang)}"),
        ("review", t("reco_review", lang)),
        ("unfavourable", f"{t('reco_unfavourable', lang)} ≥ {_percent(upper, lang)}"),
    )
    return "   ".join(swatch.format(LEGEND_COLOURS[zone], text) for zone, text in zones)


def gauge(probability: float, threshold: float, lower: float, upper: float, lang: str):
    """Probability of default on 0-100 % for every client (one scale, so that two gauges compare
    at a glance), the three advice zones with their legend, and the threshold marked."""
    figure = go.Figure(
        go.Indicator(
            mode="gauge+number",
            value=100 * probability,
            number={"suffix": PERCENT[lang], "valueformat": ".1f", "font": {"size": 40}},
            gauge={
                "axis": {"range": [0, 100], "ticksuffix": PERCENT[lang]},
                "bar": {"color": NEUTRAL, "thickness": 0.3},
                "steps": [
                    {"range": [0, 100 * lower], "color": BAND_COLOURS["favourable"]},
                    {"range": [100 * lower, 100 * upper], "color": BAND_COLOURS["review"]},
                    {"range": [100 * upper, 100], "color": BAND_COLOURS["unfavourable"]},
                ],
                "threshold": {
                    "line": {"color": "#000", "width": 3},
                    "thickness": 0.85,
                    "value": 100 * threshold,
                },
            },
            title={
                "text": t("gauge_title", lang, threshold=_percent(threshold, lang)),
                "font": {"size": 14},
            },
        )
    )
    figure.add_annotation(
        text=gauge_legend(lower, upper, lang),
        x=0.5,
        y=-0.12,
        xref="paper",
        yref="paper",
        showarrow=False,
        font={"size": 12},
    )
    figure.update_layout(
        # Side margins wide enough for the "100 %" tick at the dial's right end.
        height=290,
        margin={"l": 50, "r": 50, "t": 60, "b": 40},
        **chart_style(lang),
    )
    return figure


def contribution_bars(contributions: list[dict], lang: str):
    """One bar per feature, in points de risque, sorted by impact: red with ▲ raises the risk,
    green with ▼ lowers it, grey with ● an impact shown as 0 (no notable effect); the tooltip
    gives the exact value. Age is drawn, marked as never a reason."""
    rows = sorted(contributions, key=lambda c: abs(c["impact"]))
    labels = [f"{MARKS[c['direction']]} {feature_label(c, lang)}" for c in rows]
    points = [risk_points(c["impact"]) for c in rows]
    figure = go.Figure(
        go.Bar(
            x=points,
            y=labels,
            orientation="h",
            marker_color=[DIRECTION_COLOURS[c["direction"]] for c in rows],
            text=[signed(p, lang, 0) for p in points],
            textposition="outside",
            cliponaxis=False,
            customdata=[c["feature"] for c in rows],
            # The hover says what the label says, to the exact value, in the same words.
            hovertext=[
                f"{points_text(c['impact'], lang, exact=True)} "
                f"({t(DIRECTION_WORDS[c['direction']], lang)})"
                for c in rows
            ],
            hovertemplate="%{y}: %{hovertext}<extra></extra>",
        )
    )
    ends = [0.0, *points]
    pad = 0.2 * (max(ends) - min(ends) or 1.0)  # room for the values outside small bars
    figure.update_layout(
        height=60 + 42 * len(rows),
        margin={"l": 10, "r": 10, "t": 10, "b": 40},
        xaxis={"title": t("impact_axis", lang), "range": [min(ends) - pad, max(ends) + pad]},
        yaxis={"automargin": True},
        plot_bgcolor="#fff",
        **chart_style(lang),
    )
    figure.add_vline(x=0, line_color="#888", line_width=1)
    return figure


def distribution(probabilities_histogram: dict, client_probability: float | None, lang: str):
    """Score distribution of the portfolio (pre-binned by the database), the client marked."""
    edges, counts = probabilities_histogram["edges"], probabilities_histogram["counts"]
    figure = go.Figure(
        go.Bar(
            x=[100 * (a + b) / 2 for a, b in pairwise(edges)],
            y=counts,
            width=[100 * (b - a) for a, b in pairwise(edges)],
            marker_color="#aab7c4",
            hovertemplate="%{x:.1f} %: %{y}<extra></extra>",
        )
    )
    if client_probability is not None:
        figure.add_vline(
            x=100 * client_probability,
            line_color=NEUTRAL,
            line_width=3,
            annotation_text=t("this_client", lang),
            annotation_position="top",
        )
    figure.update_layout(
        height=220,
        margin={"l": 40, "r": 10, "t": 30, "b": 40},
        xaxis_title=t("probability_axis", lang),
        yaxis_title=t("clients", lang),
        plot_bgcolor="#fff",
        bargap=0.05,
        **chart_style(lang),
    )
    return figure
