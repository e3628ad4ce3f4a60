"""Page 5, GDPR and transparency: what is used and why, how long it is kept, how to answer a
client's rights, and the notice to hand over. Retention periods come from the configuration."""

from __future__ import annotations

from dash import html
from flask import current_app

from app.catalogues.gdpr_notice import NOTICE_SECTIONS
from app.i18n import format_days, format_number
from app.layouts.common import card, page_header
from app.texts import t
from modelling.features import FEATURES

RETENTION = (
    ("retention_clients", "RETENTION_CLIENT_DAYS"),
    ("retention_scores", "RETENTION_SCORE_DAYS"),
    ("retention_adhoc_scores", "RETENTION_ADHOC_SCORE_DAYS"),
    ("retention_decisions", "RETENTION_DECISION_DAYS"),
    ("retention_outcomes", "RETENTION_OUTCOME_DAYS"),
    ("retention_audit", "RETENTION_AUDIT_DAYS"),
)
RIGHTS = ("access", "rectification", "erasure", "review", "objection")
# The notice's placeholders and the settings they show (app/catalogues/gdpr_notice.py).
NOTICE_PERIODS = {
    "client_days": "RETENTION_CLIENT_DAYS",
    "score_days": "RETENTION_SCORE_DAYS",
    "decision_days": "RETENTION_DECISION_DAYS",
    "outcome_days": "RETENTION_OUTCOME_DAYS",
    "adhoc_days": "RETENTION_ADHOC_SCORE_DAYS",
    "audit_days": "RETENTION_AUDIT_DAYS",
}


def notice_values(config, lang: str) -> dict[str, str]:
    """The notice's placeholders filled from a configuration (the running one on the page)."""
    values = {key: format_days(config[setting], lang) for key, setting in NOTICE_PERIODS.items()}
    values["stale_days"] = format_number(config["STALE_AFTER_DAYS"], lang)
    values["dpo"] = config["DPO_CONTACT"]
    return values


def notice_sections(config, lang: str) -> list[tuple[str, str, str]]:
    """(section, title, text) of the client notice in ``lang``, in order."""
    values = notice_values(config, lang)
    return [
        (section, t(f"notice_{section}_title", lang), t(f"notice_{section}", lang, **values))
        for section in NOTICE_SECTIONS
    ]


def notice(lang: str):
    """The client notice with the settings in force, one titled paragraph per section."""
    parts = [html.H3(t("notice_heading", lang), className="h6")]
    for section, title, text in notice_sections(current_app.config, lang):
        parts.append(html.H4(title, className="h6 mt-3 mb-1"))
        parts.append(html.P(text, id=f"gdpr-notice-{section}"))
    return html.Div(parts, className="notice-text", lang=lang, id="gdpr-notice")


def retention_rows(lang: str):
    config = current_app.config
    quota = config["ADHOC_SCORE_DAILY_QUOTA"]
    rows = [
        html.Tr(
            [
                html.Th(t(key, lang), scope="row"),
                html.Td(format_days(config[setting], lang), id=f"gdpr-{setting.lower()}"),
            ]
        )
        for key, setting in RETENTION
    ]
    rows.append(
        html.Tr(
            [
                html.Th(t("retention_tokens", lang), scope="row"),
                html.Td(t("until_expiry", lang), id="gdpr-retention_tokens"),
            ]
        )
    )
    return html.Div(
        [
            html.Table([html.Tbody(rows)], className="table table-sm"),
            html.P(
                t("gdpr_adhoc_quota", lang, quota=format_number(quota, lang)),
                className="small",
                id="gdpr-adhoc-quota",
            ),
            html.P(t("purge_schedule", lang), className="small text-secondary"),
        ]
    )


def layout(lang: str, user, query: dict, **_):
    data = html.Ul(
        [
            html.Li(
                [html.Strong(f.label(lang)), f" ({f.unit(lang)}) — ", t(f"gdpr_why_{f.name}", lang)]
            )
            for f in FEATURES
        ]
    )
    rights = html.Dl(
        [
            item
            for right in RIGHTS
            for item in (
                html.Dt(t(f"gdpr_right_{right}", lang)),
                html.Dd(t(f"gdpr_right_{right}_how", lang)),
            )
        ]
    )
    return html.Div(
        [
            page_header(t("gdpr_title", lang), t("gdpr_subtitle", lang), "gdpr"),
            card(
                t("gdpr_data_title", lang),
                [html.P(t("gdpr_data_intro", lang)), data, html.P(t("gdpr_minimisation", lang))],
                "gdpr-data",
                "bi-database",
            ),
            card(
                t("gdpr_basis_title", lang), html.P(t("gdpr_basis", lang)), "gdpr-basis", "bi-bank"
            ),
            card(
                t("gdpr_retention_title", lang),
                [
                    retention_rows(lang),
                    html.P(t("gdpr_stale", lang, days=current_app.config["STALE_AFTER_DAYS"])),
                ],
                "gdpr-retention",
                "bi-hourglass-split",
            ),
            card(t("gdpr_rights_title", lang), rights, "gdpr-rights", "bi-person-raised-hand"),
            card(
                t("gdpr_notice_title", lang),
                [
                    html.P(t("notice_intro", lang)),
                    notice(lang),
                ],
                "gdpr-notice-card",
                "bi-file-earmark-text",
            ),
        ]
    )
