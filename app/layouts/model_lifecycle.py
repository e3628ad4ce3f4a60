"""The model page's approval section (issue 12 §1, §4): each version with its role and approval;
for an administrator, the approve / activate / challenger controls and their confirmation
dialogue. Pure component trees: the callbacks (app/callbacks/model_lifecycle) fetch the data."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from app.layouts.common import card, date_text
from app.models.lifecycle import MAX_NOTE, MAX_REFERENCE, SYSTEM
from app.texts import t

ACTIONS = ("approve", "activate", "challenger", "challenger_off")


def section_frame(versions: list[dict], challenger: str | None, lang: str, governs: bool):
    """The section as first drawn: the table, the change counter and, for an administrator,
    the form, the dialogue and the feedback (every input of their callbacks is here at once).
    The table is redrawn after each change."""
    body = html.Div(section_body(versions, challenger, lang), id="model-lc-body")
    parts = [dcc.Store(id="model-lc-changed", data=0), body]
    if governs:
        parts += [
            controls(versions, lang),
            dcc.Store(id="model-lc-pending"),
            html.Div(id="model-lc-feedback"),
            dialogue(),
        ]
    return card(t("lc_title", lang), parts, "model-lc-card", "bi-patch-check")


def dialogue():
    return dbc.Modal(
        [
            dbc.ModalBody(id="model-lc-modal-body"),
            dbc.ModalFooter(
                [
                    dbc.Button(id="model-lc-cancel", color="secondary", n_clicks=0),
                    dbc.Button(id="model-lc-confirm", color="primary", n_clicks=0),
                ]
            ),
        ],
        id="model-lc-modal",
        is_open=False,
    )


def approval_text(approval: dict | None, lang: str) -> list:
    if approval is None:
        return [html.Span(t("lc_not_approved", lang), className="text-danger fw-semibold")]
    by_system = approval["by"] == SYSTEM
    who = t("lc_system", lang) if by_system else approval["by"]
    # The system's own note is stored in English; the reader gets it in their language.
    note = t("lc_system_note", lang) if by_system else approval["note"]
    lines = [
        html.Div(t("lc_approved_by", lang, by=who, date=date_text(approval["at"], lang))),
        html.Div(note, className="small"),
    ]
    if approval["reference"]:
        lines.append(
            html.Div(t("lc_reference", lang, reference=approval["reference"]), className="small")
        )
    return lines


def versions_table(versions: list[dict], challenger: str | None, lang: str):
    header = [t(k, lang) for k in ("lc_col_version", "lc_col_created", "lc_col_role")]
    header.append(t("lc_col_approval", lang))
    rows = []
    for item in versions:
        role = ""
        if item["active"]:
            role = t("lc_role_active", lang)
        elif item["version"] == challenger:
            role = t("lc_role_challenger", lang)
        created = date_text(item["created_at"], lang) if item["created_at"] else "—"
        rows.append(
            html.Tr(
                [
                    html.Td(html.Code(item["version"])),
                    html.Td(created),
                    html.Td(role),
                    html.Td(approval_text(item["approval"], lang)),
                ],
                **{"data-version": item["version"]},
            )
        )
    return dbc.Table(
        [html.Thead(html.Tr([html.Th(h) for h in header])), html.Tbody(rows)],
        size="sm",
        responsive=True,
        id="model-lc-table",
    )


def controls(versions: list[dict], lang: str):
    """The administrator's form: one version, a note and a reference, four actions."""
    options = [{"label": v["version"], "value": v["version"]} for v in versions]
    buttons = [
        dbc.Button(
            t(f"lc_{action}", lang),
            id=f"model-lc-{action.replace('_', '-')}",
            n_clicks=0,
            color="danger" if action == "challenger_off" else "primary",
            outline=True,
            size="sm",
            className="me-2",
        )
        for action in ACTIONS
    ]
    return html.Div(
        [
            dbc.Label(t("lc_version_label", lang), html_for="model-lc-version", className="small"),
            dbc.Select(id="model-lc-version", options=options, size="sm"),
            dbc.Label(t("lc_note_label", lang), html_for="model-lc-note", className="small mt-2"),
            dbc.Textarea(id="model-lc-note", maxLength=MAX_NOTE, rows=2),
            dbc.Label(
                t("lc_reference_label", lang), html_for="model-lc-reference", className="small mt-2"
            ),
            dbc.Input(id="model-lc-reference", maxLength=MAX_REFERENCE, size="sm"),
            html.Div(buttons, className="mt-2"),
        ],
        id="model-lc-controls",
        className="mt-3",
    )


def section_body(versions: list[dict], challenger: str | None, lang: str):
    return html.Div(
        [html.P(t("lc_read", lang), className="small"), versions_table(versions, challenger, lang)]
    )


def not_approved_banner(lang: str):
    return dbc.Alert(
        [
            html.I(className="bi bi-shield-exclamation me-2", **{"aria-hidden": "true"}),
            t("model_not_approved_banner", lang),
        ],
        color="danger",
        className="py-2 mb-0",
        id="model-not-approved-alert",
    )
