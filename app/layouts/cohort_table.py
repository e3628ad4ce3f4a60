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


def risk_meaning(feature, share: float) -> str | None:
    """ "up" when the client's rank puts them among the riskier third on a monotone feature,
    "down" among the safer third, None otherwise (and for age, whose effect is not monotone).
    `share`: the share of clients with a lower value."""
    if feature.monotone == INCREASES_RISK:
        risky_side = share
    elif feature.monotone == DECREASES_RISK:
        risky_side = 1 - share
    else:
        return None
    if risky_side >= RISKY_FROM:
        return "up"
    return "down" if risky_side <= SAFE_UP_TO else None


def percentile_cell(feature, share: float, lang: str, cell_id: str):
    meaning = risk_meaning(feature, share)
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
