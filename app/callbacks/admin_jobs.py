"""Admin page, portfolio jobs: "rescore every client" asks first (how many clients, which model),
then starts the same job as `POST /api/v1/admin/jobs/rescore` and `flask scores refresh`; the
progress panel follows the latest job until it ends."""

from __future__ import annotations

import uuid

import dash_bootstrap_components as dbc
from dash import Dash, Input, Output, ctx, no_update
from dash.exceptions import PreventUpdate

from app.callbacks.refusals import refusal_alert
from app.i18n import format_number
from app.layouts.admin_jobs import progress_panel
from app.services import jobs, rescore
from app.services.errors import ServiceError, Unavailable
from app.texts import t
from app.web.session import session_actor, session_language


def _alert(text: str, color: str, component_id: str):
    return dbc.Alert(text, color=color, id=component_id, className="py-2")


def _refused(exc: ServiceError, lang: str, component_id: str):
    if isinstance(exc, Unavailable):
        return _alert(t("jobs_model_off", lang), "warning", component_id)
    return refusal_alert(exc, lang, component_id) or _alert(exc.message, "danger", component_id)


def ask_rescore(open_clicks, _cancel, _confirm):
    """The press opens the dialogue naming what will happen; cancel and confirm close it."""
    actor = session_actor()
    if actor is None or ctx.triggered_id is None:
        raise PreventUpdate
    if ctx.triggered_id in ("admin-rescore-cancel", "admin-rescore-confirm"):
        return False, no_update, None
    if not open_clicks:
        raise PreventUpdate
    lang = session_language()
    try:
        plan = rescore.preview(actor)
    except ServiceError as exc:
        return False, no_update, _refused(exc, lang, "admin-rescore-refused")
    body = t(
        "jobs_confirm_body",
        lang,
        clients=format_number(plan["clients"], lang),
        version=plan["model_version"],
        chunks=format_number(plan["chunks"], lang),
    )
    return True, body, None


def start(confirm_clicks):
    actor = session_actor()
    if actor is None or not confirm_clicks:
        raise PreventUpdate
    lang = session_language()
    try:
        job_id = jobs.enqueue_rescore(actor, "on_demand")
    except ServiceError as exc:
        return _refused(exc, lang, "admin-rescore-refused"), no_update
    return _alert(t("jobs_started", lang), "success", "admin-rescore-started"), str(job_id)


def show_progress(_tick, job_id):
    """The followed job (else the latest one); the poll stops once it has ended."""
    actor = session_actor()
    if actor is None:
        raise PreventUpdate
    lang = session_language()
    try:
        followed = uuid.UUID(job_id) if isinstance(job_id, str) else None
    except ValueError:  # a forged store value: follow the latest job instead
        followed = None
    try:
        wanted = followed or rescore.latest_job_id(actor)
        if wanted is None:
            return _alert(t("jobs_none", lang), "secondary", "admin-job-none"), True
        figures = rescore.progress(wanted, actor)
    except ServiceError as exc:
        return _refused(exc, lang, "admin-job-refused"), True
    return progress_panel(figures, lang), figures["state"] in ("done", "failed")


def register(dash_app: Dash) -> None:
    dash_app.callback(
        Output("admin-rescore-modal", "is_open"),
        Output("admin-rescore-modal-body", "children"),
        Output("admin-rescore-feedback", "children", allow_duplicate=True),
        Input("admin-rescore-open", "n_clicks"),
        Input("admin-rescore-cancel", "n_clicks"),
        Input("admin-rescore-confirm", "n_clicks"),
        prevent_initial_call=True,
    )(ask_rescore)
    dash_app.callback(
        Output("admin-rescore-feedback", "children"),
        Output("admin-job-id", "data"),
        Input("admin-rescore-confirm", "n_clicks"),
        prevent_initial_call=True,
    )(start)
    dash_app.callback(
        Output("admin-job-progress", "children"),
        Output("admin-job-poll", "disabled"),
        Input("admin-job-poll", "n_intervals"),
        Input("admin-job-id", "data"),
    )(show_progress)
