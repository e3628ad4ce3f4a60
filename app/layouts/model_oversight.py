"""Model page, "human decisions" section: override rates and decisions taken without the
explanation, per adviser and per month (pure component trees from services/human_evidence)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from app.i18n import format_number
from app.layouts.common import card, percent
from app.texts import t

COLUMNS = ("decisions", "override", "unexplained", "unknown")


def _table(rows: list[dict], key: str, heading: str, lang: str, table_id: str):
    header = html.Tr(
        [html.Th(t(f"oversight_col_{key}", lang), scope="col")]
        + [html.Th(t(f"oversight_col_{c}", lang), scope="col") for c in COLUMNS]
    )
    body = [
        html.Tr(
            [
                html.Td(row["label"]),
                html.Td(format_number(row["decisions"], lang)),
                html.Td(
                    f"{percent(row['override_rate'], lang)} "
                    f"({format_number(row['overrides'], lang)}/"
                    f"{format_number(row['clear_cut'], lang)})"
                ),
                html.Td(
                    f"{percent(row['unexplained_share'], lang)} "
                    f"({format_number(row['unexplained'], lang)})"
                ),
                html.Td(format_number(row["unknown"], lang)),
            ],
            **{"data-key": row["label"]},
        )
        for row in rows
    ]
    return html.Div(
        [
            html.H3(heading, className="h6 mt-3"),
            dbc.Table(
                [html.Thead(header), html.Tbody(body)],
                size="sm",
                responsive=True,
                className="small",
                id=table_id,
            ),
        ]
    )


def evidence_card(evidence: dict, lang: str, removed: str):
    """`removed`: the label of decisions whose author's account no longer exists."""
    if not evidence["by_adviser"]:
        body = [html.P(t("oversight_none", lang), id="oversight-none", className="mb-0")]
    else:
        advisers = [r | {"label": r["adviser_email"] or removed} for r in evidence["by_adviser"]]
        months = [r | {"label": r["month"]} for r in evidence["by_month"]]
        body = [
            _table(advisers, "adviser", t("oversight_by_adviser", lang), lang, "oversight-adviser"),
            _table(months, "month", t("oversight_by_month", lang), lang, "oversight-month"),
            html.P(t("oversight_note", lang), className="small text-secondary mb-0"),
        ]
    return card(
        t("oversight_title", lang),
        [html.P(t("oversight_help", lang), className="small"), *body],
        "model-oversight-card",
        "bi-person-check",
    )
