"""The model page's fairness section: approval rates by age band with their intervals, and the
policy served (the three bands' cuts and what they cost on the hold-out)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from app.i18n import format_number
from app.layouts.common import number_or_dash as _number
from app.layouts.common import percent
from app.texts import t

FAIRNESS_FIGURES = (
    ("favourable_rate", "fair_favourable"),
    ("review_rate", "fair_review"),
    ("unfavourable_rate", "fair_unfavourable"),
    ("tpr_unfavourable", "fair_tpr_unfavourable"),
    ("fpr_unfavourable", "fair_fpr_unfavourable"),
    ("tpr_not_favourable", "fair_tpr_not_favourable"),
    ("fpr_not_favourable", "fair_fpr_not_favourable"),
    ("predicted_default_rate", "fair_predicted"),
    ("observed_default_rate", "fair_observed"),
)


def fairness_table(meta: dict, lang: str):
    """The served policy (three advices) and its fairness by age band, with 95 % intervals."""
    header = [
        t("age_band", lang),
        t("count", lang),
        *(t(key, lang) for _, key in FAIRNESS_FIGURES),
        t("ratio_best", lang),
    ]

    def figure(row: dict, key: str):
        ci = (row.get("ci95") or {}).get(key)
        interval = (
            html.Div(
                t("fair_interval", lang, low=percent(ci[0], lang), high=percent(ci[1], lang)),
                className="small text-muted text-nowrap",
            )
            if ci
            else None
        )
        return html.Td([percent(row.get(key), lang), interval])

    rows = []
    for row in meta["fairness"]:
        if row["suppressed"]:
            rows.append(
                html.Tr(
                    [html.Td(row["band"]), html.Td(t("suppressed", lang), colSpan=len(header) - 1)]
                )
            )
            continue
        flag = " ⚠" if row.get("flagged") else ""
        rows.append(
            html.Tr(
                [
                    html.Td(row["band"]),
                    html.Td(format_number(row["count"], lang)),
                    *(figure(row, key) for key, _ in FAIRNESS_FIGURES),
                    html.Td(_number(row.get("ratio_to_best"), lang, 2) + flag),
                ],
                className="table-warning" if flag else None,
            )
        )
    table = dbc.Table(
        [html.Thead(html.Tr([html.Th(h) for h in header])), html.Tbody(rows)],
        size="sm",
        responsive=True,
        id="model-fairness",
    )
    parts = [
        _served_policy(meta, lang),
        table,
        html.P(t("read_fairness_served", lang), className="small"),
    ]
    flagged = [row["band"] for row in meta["fairness"] if row.get("flagged")]
    if flagged:
        warning = dbc.Alert(
            [
                html.I(className="bi bi-exclamation-triangle me-2", **{"aria-hidden": "true"}),
                t("fairness_flagged", lang, bands=", ".join(flagged)),
            ],
            color="warning",
            className="py-2 small",
            id="model-fairness-warning",
        )
        parts.insert(0, warning)
    return html.Div(parts)


def _served_policy(meta: dict, lang: str):
    """The three-advice policy the table evaluates: its cuts, shares and expected cost; a
    warning when the app's REVIEW_MARGIN is not the margin the figures were computed with."""
    policy = meta.get("policy")
    if not policy:
        return html.P(t("fair_policy_missing", lang), className="small", id="model-policy")
    out, costs = policy["holdout"], meta["costs"]
    sentence = t(
        "fair_policy",
        lang,
        lower=percent(policy["favourable_below"], lang),
        upper=percent(policy["unfavourable_from"], lang),
        margin=percent(policy["review_margin"], lang, 0),
        clients=format_number(out["clients"], lang),
        favourable=percent(out["favourable_share"], lang),
        review=percent(out["review_share"], lang),
        unfavourable=percent(out["unfavourable_share"], lang),
        cost=_number(out["cost"], lang),
        cost_perfect=_number(out["cost_if_review_perfect"], lang),
        cost_single=_number(out["cost_single_threshold"], lang),
        review_cost=_number(policy["review_cost"], lang, 2),
        fp=_number(costs["refused_good_client"], lang, 0),
        fn=_number(costs["missed_default"], lang, 0),
    )
    served = meta.get("served_review_margin")
    if served is None or abs(float(served) - policy["review_margin"]) < 1e-12:
        return html.P(sentence, className="small", id="model-policy")
    differs = t(
        "fair_policy_margin_differs",
        lang,
        trained=percent(policy["review_margin"], lang, 0),
        served=percent(served, lang, 0),
    )
    return html.P(
        [sentence, " ", html.Strong(differs, id="model-policy-margin")],
        className="small",
        id="model-policy",
    )
