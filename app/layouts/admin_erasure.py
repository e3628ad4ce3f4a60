"""The admin page's erasure card (GDPR Art. 17): find a client, read who it is, erase it after a
confirmation. The rows and the dialogue text are filled by app/callbacks/admin_erasure.py."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from app.i18n import format_number
from app.layouts.common import card, date_text
from app.texts import t


def erasure_card(lang: str):
    search = dbc.Form(
        [
            dbc.Label(t("erase_search", lang), html_for="admin-erase-search", className="small"),
            dbc.InputGroup(
                [
                    dbc.Input(
                        id="admin-erase-search",
                        maxlength=200,
                        autocomplete="off",
                    ),
                    dbc.Button(
                        [html.I(className="bi bi-search me-1"), t("erase_search_button", lang)],
                        id="admin-erase-search-button",
                        type="submit",
                        color="secondary",
                    ),
                ],
                size="sm",
            ),
        ],
        id="admin-erase-form",
        className="mb-2",
        prevent_default_on_submit=True,
    )
    dialogue = dbc.Modal(
        [
            dbc.ModalHeader(dbc.ModalTitle(id="admin-erase-modal-title")),
            dbc.ModalBody(id="admin-erase-modal-body"),
            dbc.ModalFooter(
                [
                    dbc.Button(
                        t("cancel", lang), id="admin-erase-cancel", color="secondary", outline=True
                    ),
                    dbc.Button(t("erase_confirm", lang), id="admin-erase-confirm", color="danger"),
                ]
            ),
        ],
        id="admin-erase-modal",
        is_open=False,
        centered=True,
    )
    return card(
        t("erase_title", lang),
        [
            html.P(t("erase_intro", lang), className="small"),
            search,
            html.Div(id="admin-erase-outcome", role="status"),
            html.Div(id="admin-erase-feedback", role="status"),
            html.Div(id="admin-erase-results"),
            dialogue,
            dcc.Store(id="admin-erase-target"),  # the client the open dialogue is about
            dcc.Store(id="admin-erased", data=0),  # bumped after an erasure: tables refresh
        ],
        "admin-erase-card",
        "bi-person-x",
    )


def results_table(matches: list[dict], lang: str):
    header = [
        t(f"erase_col_{c}", lang)
        for c in ("client", "adviser", "created", "updated", "scores", "decisions")
    ]
    rows = [
        html.Tr(
            [
                html.Td(html.Code(m["client_id"][:8], title=m["client_id"])),
                html.Td(m["adviser_email"]),
                html.Td(date_text(m["created_at"], lang)),
                html.Td(date_text(m["data_updated_at"], lang)),
                html.Td(format_number(m["scores"], lang)),
                html.Td(format_number(m["decisions"], lang)),
                html.Td(
                    dbc.Button(
                        t("erase_open", lang),
                        id={"type": "admin-erase-open", "client": m["client_id"]},
                        color="danger",
                        outline=True,
                        size="sm",
                    )
                ),
            ]
        )
        for m in matches
    ]
    return dbc.Table(
        [html.Thead(html.Tr([html.Th(h) for h in [*header, ""]])), html.Tbody(rows)],
        size="sm",
        responsive=True,
        id="admin-erase-table",
    )
