"""Model page, section "Surveillance" (issue 12 §2): drawn for the roles the permission table
allows (supervisor, admin); the drift report of the period chosen, from services/drift, which
checks the role again (a forged request from another role gets the refusal, not the report)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import Dash, Input, Output
from dash.exceptions import PreventUpdate
from flask import current_app

from app.callbacks.refusals import refusal_alert
from app.layouts.model_monitoring import report_view, section
from app.services import drift, permissions
from app.services.errors import Invalid, ServiceError, Unavailable
from app.texts import t
from app.web.session import session_actor, session_language


def monitoring_section(_load):
    actor = session_actor()
    if actor is None:
        raise PreventUpdate
    if not permissions.allowed(actor, "monitor_drift"):
        return None  # advisers do not see the section
    settings = current_app.config
    return section(session_language(), settings["DRIFT_WATCH_PSI"], settings["DRIFT_ALERT_PSI"])


def drift_view(days):
    actor = session_actor()
    if actor is None:
        raise PreventUpdate
    lang = session_language()
    try:
        report = drift.drift_report(actor, days=days)
    except Invalid as exc:
        fields = "; ".join(f"{name} {rule}" for name, rule in exc.fields.items())
        return dbc.Alert(
            t("drift_invalid", lang, fields=fields), color="warning", id="model-drift-invalid"
        )
    except Unavailable:
        return dbc.Alert(t("drift_none", lang), color="secondary", id="model-drift-none")
    except ServiceError as exc:
        alert = refusal_alert(exc, lang, "model-drift-refused")
        if alert is None:
            raise
        return alert
    return report_view(report, lang, current_app.config["DRIFT_MIN_SCORES"])


def register(dash_app: Dash) -> None:
    dash_app.callback(Output("model-monitoring", "children"), Input("model-load", "data"))(
        monitoring_section
    )
    dash_app.callback(Output("model-drift-report", "children"), Input("model-drift-days", "value"))(
        drift_view
    )
