"""How the client compares (percentiles), each coloured by what it means for risk: a rank on
the risky side of the portfolio red with ▲, on the safe side green with ▼ (pure trees)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from app.i18n import counted
from app.layouts.common import percent
from app.layouts.figures import RISK_DOWN, RISK_UP
from app.texts import t
from modelling.features import DECREASES_RISK, FEATURES, INCREASES_RISK

RISKY_FROM, SAFE_UP_TO = 2 / 3, 1 / 3  # the outer thirds of the portfolio are coloured
EPSILON = 1e-9  # shares are ratios of counts: "nobody" is 0 up to rounding


def risk_meaning(feature, share: float, ties: float = 0.0) -> str | None:
    """ "up" when the client's rank puts them among the riskier third on a monotone feature,
    "down" among the safer third, None otherwise (and for age, whose effect is not monotone).
    `share`: the mid-rank percentile (share with a lower value, plus half the ties); `ties`: the
    share holding the client's very value. The safest value anyone holds is "down" and the
    riskiest "up" even when shared by most clients (no incident at all, say), unless everyone
    holds it."""
    if share is None:  # an empty cohort: no rank
        return None
    if feature.monotone == INCREASES_RISK:
        risky_side = share
    elif feature.monotone == DECREASES_RISK:
        risky_side = 1 - share
    else:
        return None
    safer, riskier = risky_side - ties / 2, 1 - risky_side - ties / 2  # strictly, as shares
    if risky_side >= RISKY_FROM or (riskier <= EPSILON < safer):
        return "up"
    if risky_side <= SAFE_UP_TO or (safer <= EPSILON < riskier):
        return "down"
    return None


def percentile_cell(feature, share: float, ties: float, lang: str, cell_id: str):
    meaning = risk_meaning(feature, share, ties)
    text = percent(share, lang, 0)
    if meaning is None:
        return html.Td(text, id=cell_id, **{"data-risk": "none"})
    mark, colour = ("▲", RISK_UP) if meaning == "up" else ("▼", RISK_DOWN)
    return html.Td(
        f"{mark} {text}",
        id=cell_id,
        style={"color": colour, "fontWeight": 600},
        title=t(f"cohort_risk_{meaning}", lang),
        **{"data-risk": meaning},
    )


def cohort_table(comparison: dict, lang: str):
    header = html.Thead(
        html.Tr(
            [
                html.Th(t("feature", lang)),
                html.Th(t("cohort_portfolio", lang)),
                html.Th(t("cohort_similar", lang)),
            ]
        )
    )
    body = [
        html.Tr(
            [
                html.Td(f.label(lang)),
                *[
                    percentile_cell(
                        f,
                        comparison[cohort]["percentiles"][f.name],
                        comparison[cohort]["ties"][f.name],
                        lang,
                        f"client-cohort-{cohort}-{f.name}",
                    )
                    for cohort in ("portfolio", "similar")
                ],
            ]
        )
        for f in FEATURES
    ]
    caption = t(
        "cohort_sizes",
        lang,
        portfolio=counted(comparison["portfolio"]["size"], "client", lang),
        similar=counted(comparison["similar"]["size"], "client", lang),
    )
    return html.Div(
        [
            dbc.Table([header, html.Tbody(body)], size="sm", striped=True),
            html.P(t("cohort_colours", lang), className="small text-secondary mb-1"),
            html.P(caption, className="small text-secondary"),
        ]
    )
