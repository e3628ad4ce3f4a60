"""The admin page's portfolio jobs card (issue 14 §4): rescore every client after a
confirmation, then follow the job (chunks, clients, errors, time left). Filled by
app/callbacks/admin_jobs.py."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from app.i18n import format_number
from app.layouts.common import card
from app.texts import t

POLL_MILLISECONDS = 2_000


def jobs_card(lang: str):
    dialogue = dbc.Modal(
        [
            dbc.ModalHeader(dbc.ModalTitle(t("jobs_confirm_title", lang))),
            dbc.ModalBody(id="admin-rescore-modal-body"),
            dbc.ModalFooter(
                [
                    dbc.Button(
                        t("cancel", lang),
                        id="admin-rescore-cancel",
                        color="secondary",
                        outline=True,
                    ),
                    dbc.Button(
                        t("jobs_confirm", lang), id="admin-rescore-confirm", color="primary"
                    ),
                ]
            ),
        ],
        id="admin-rescore-modal",
        is_open=False,
        centered=True,
    )
    return card(
        t("jobs_title", lang),
        [
            html.P(t("jobs_intro", lang), className="small"),
            dbc.Button(
                t("jobs_start", lang),
                id="admin-rescore-open",
                color="primary",
                size="sm",
                className="mb-2",
            ),
            html.Div(id="admin-rescore-feedback"),
            html.Div(id="admin-job-progress", role="status"),
            dialogue,
            dcc.Store(id="admin-job-id"),
            dcc.Interval(id="admin-job-poll", interval=POLL_MILLISECONDS, disabled=False),
        ],
        "admin-jobs-card",
        "bi-arrow-repeat",
    )


def duration(seconds: float, lang: str) -> str:
    if seconds < 120:
        return t("jobs_seconds", lang, value=format_number(round(seconds), lang))
    return t("jobs_minutes", lang, value=format_number(round(seconds / 60), lang))


def progress_panel(figures: dict, lang: str):
    """The job's state, a bar over its chunks and its figures in words."""
    total = figures["chunks_total"] or 1
    state = figures["state"]
    colour = {"done": "success", "failed": "danger"}.get(state, "primary")
    figures_line = t(
        "jobs_figures",
        lang,
        done=format_number(figures["chunks_done"], lang),
        total=format_number(figures["chunks_total"], lang),
        scored=format_number(figures["clients_scored"], lang),
        clients=format_number(figures["clients_total"], lang),
        errors=format_number(figures["errors"], lang),
    )
    if state in ("done", "failed"):
        timing = t("jobs_elapsed", lang, elapsed=duration(figures["elapsed_seconds"], lang))
    elif figures["eta_seconds"] is None:
        timing = t("jobs_eta_unknown", lang)
    else:
        timing = t("jobs_eta", lang, eta=duration(figures["eta_seconds"], lang))
    errors = [
        html.Li(
            t("jobs_error_line", lang, chunk=e["chunk"], attempts=e["attempts"], error=e["error"])
        )
        for e in figures["error_details"]
        if e["status"] == "failed"
    ]
    return html.Div(
        [
            html.Div(
                [
                    dbc.Badge(t(f"jobs_state_{state}", lang), color=colour, className="me-2"),
                    html.Span(figures_line, id="admin-job-figures", className="small"),
                ],
                className="mb-1",
            ),
            dbc.Progress(
                value=round(100 * (figures["chunks_done"] + figures["chunks_failed"]) / total),
                color=colour,
                striped=state in ("queued", "running"),
                animated=state in ("queued", "running"),
                className="mb-1",
            ),
            html.Div(timing, id="admin-job-timing", className="small text-secondary"),
            html.Div(t(f"jobs_runner_{figures['runner']}", lang), className="small text-secondary"),
            html.Ul(errors, id="admin-job-errors", className="small text-danger mb-0")
            if errors
            else None,
        ],
        id="admin-job-panel",
    )
