"""The model page's "without age" card (issue 15 §2): the served champion next to the same family
trained without age on the same split (modelling/without_age.py), overall and per age band, as
metadata.json records them. A pure function of the metadata."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from app.i18n import format_number
from app.layouts.common import card, percent
from app.texts import t


def _signed(value: float, lang: str) -> str:
    return ("+" if value >= 0 else "−") + format_number(abs(value), lang, 4)


def _overall(meta: dict, other: dict, lang: str):
    served = (
        meta["holdout"]["metrics"],
        meta["threshold"],
        ((meta.get("policy") or {}).get("holdout") or {}).get("favourable_share"),
    )
    alone = (other["holdout"], other["threshold"], other["policy"]["holdout"]["favourable_share"])
    rows = [
        html.Tr(
            [
                html.Td(t(label, lang)),
                html.Td(format_number(metrics["auc"], lang, 4)),
                html.Td(format_number(metrics["ece"], lang, 4)),
                html.Td(percent(threshold, lang)),
                html.Td(percent(favourable, lang)),
            ]
        )
        for label, (metrics, threshold, favourable) in (("wa_with", served), ("wa_without", alone))
    ]
    head = ("wa_model", "wa_auc", "wa_ece", "wa_threshold", "wa_favourable")
    return dbc.Table(
        [html.Thead(html.Tr([html.Th(t(k, lang)) for k in head])), html.Tbody(rows)],
        size="sm",
        responsive=True,
        id="model-without-age-overall",
    )


def _by_band(meta: dict, other: dict, lang: str):
    alone = {row["band"]: row for row in other["fairness"]}

    def cell(row: dict | None):
        if row is None or row["suppressed"]:
            return html.Td(t("wa_suppressed", lang))
        ratio = format_number(row["ratio_to_best"], lang, 2) if row.get("ratio_to_best") else "—"
        flag = " ⚠" if row.get("flagged") else ""
        return html.Td(f"{percent(row['favourable_rate'], lang)} ({ratio}){flag}")

    rows = [
        html.Tr([html.Td(row["band"]), cell(row), cell(alone.get(row["band"]))])
        for row in meta["fairness"]
    ]
    head = ("wa_band", "wa_band_with", "wa_band_without")
    return dbc.Table(
        [html.Thead(html.Tr([html.Th(t(k, lang)) for k in head])), html.Tbody(rows)],
        size="sm",
        responsive=True,
        id="model-without-age-bands",
    )


def without_age_body(meta: dict, lang: str) -> list:
    other = meta.get("without_age")
    if not other:
        return [html.P(t("wa_missing", lang), className="small mb-0")]
    diff = other["auc_difference"]
    low, high = diff["ci95"]
    intro = t(
        "wa_intro",
        lang,
        diff=_signed(diff["with_minus_without"], lang),
        low=_signed(low, lang),
        high=_signed(high, lang),
    )
    return [
        html.P(intro, className="small"),
        _overall(meta, other, lang),
        _by_band(meta, other, lang),
        html.P(t("wa_choice", lang), className="small mb-0"),
    ]


def without_age_card(meta: dict, lang: str):
    return card(t("wa_title", lang), without_age_body(meta, lang), "model-without-age", "bi-people")
