"""What-if simulator: sliders and inputs stay in step; every change re-scores (nothing stored)."""

from __future__ import annotations

import uuid

import dash_bootstrap_components as dbc
from dash import Dash, Input, Output, ctx, html, no_update
from dash.exceptions import PreventUpdate

from app.layouts.common import contribution_list, recommendation_badge
from app.layouts.figures import contribution_bars, gauge
from app.services import portfolio, scoring
from app.services.errors import ServiceError
from app.services.policy import policy_for
from app.texts import t
from app.web.session import session_actor, session_language
from modelling.features import FEATURE_NAMES, FEATURES, validate


def prefill(client_id: str | None):
    """Values of a client of the adviser's portfolio, or nothing to change."""
    actor = session_actor()
    if actor is None or not client_id:
        raise PreventUpdate
    lang = session_language()
    try:
        summary = portfolio.view_client(uuid.UUID(client_id), actor)
    except (ValueError, ServiceError):
        return (t("search_not_found", lang), *([no_update] * len(FEATURES)))
    return (
        t("simulator_from_client", lang, client=client_id[:8]),
        *[summary[name] for name in FEATURE_NAMES],
    )


def sync(slider, typed):
    """Keep a slider and its number input equal, whichever the adviser moved.

    Outputs are (number input, slider). A typed value beyond the slider's typical range leaves
    the slider at its end; an empty input leaves the slider where it is.
    """
    if ctx.triggered_id and str(ctx.triggered_id).endswith("-input"):
        return no_update, no_update if typed is None else typed
    return no_update if slider is None else slider, no_update


def simulate(*values):
    if session_actor() is None:
        raise PreventUpdate
    lang = session_language()
    clean, errors = validate(dict(zip(FEATURE_NAMES, values, strict=True)))
    if errors:
        message = "; ".join(
            f"{FEATURES[FEATURE_NAMES.index(k)].label(lang)}: {v}" for k, v in errors.items()
        )
        alert = dbc.Alert(message, color="danger", id="simulator-invalid")
        return no_update, no_update, no_update, no_update, no_update, alert, no_update
    try:
        scored = scoring.score_features(clean, lang)
    except ServiceError as exc:
        error = dbc.Alert(exc.message, color="danger")
        return no_update, None, no_update, None, None, error, None
    if scored["probability_of_default"] is None:  # model switched off (human oversight)
        empty = {"data": [], "layout": {"height": 10}}
        off = dbc.Alert(t("model_off_text", lang), color="secondary", id="simulator-model-off")
        badge = recommendation_badge("manual_review", lang, "simulator-recommendation-badge")
        return empty, badge, empty, None, None, off, None
    policy = policy_for(scored["threshold"])
    explanation = scored["explanation"]
    counterfactual = explanation["counterfactual"] or {}
    return (
        gauge(
            scored["probability_of_default"], scored["threshold"], policy.lower, policy.upper, lang
        ),
        recommendation_badge(scored["recommendation"], lang, "simulator-recommendation-badge"),
        contribution_bars(explanation["contributions"], lang),
        [html.Li(r["text"]) for r in explanation["reasons"]] or [html.Li(t("no_reason", lang))],
        counterfactual.get("text") or counterfactual.get("message"),
        None,
        contribution_list(explanation["contributions"], lang, "simulator"),
    )


def register(dash_app: Dash) -> None:
    dash_app.callback(
        Output("simulator-source", "children"),
        *[
            Output(f"simulator-{name}-input", "value", allow_duplicate=True)
            for name in FEATURE_NAMES
        ],
        Input("simulator-client", "data"),
        prevent_initial_call="initial_duplicate",
    )(prefill)
    for name in FEATURE_NAMES:
        dash_app.callback(
            Output(f"simulator-{name}-input", "value", allow_duplicate=True),
            Output(f"simulator-{name}", "value"),
            Input(f"simulator-{name}", "value"),
            Input(f"simulator-{name}-input", "value"),
            prevent_initial_call=True,
        )(sync)
    dash_app.callback(
        Output("simulator-gauge", "figure"),
        Output("simulator-recommendation", "children"),
        Output("simulator-contributions", "figure"),
        Output("simulator-reasons", "children"),
        Output("simulator-counterfactual", "children"),
        Output("simulator-error", "children"),
        Output("simulator-contribution-list", "children"),
        *[Input(f"simulator-{name}-input", "value") for name in FEATURE_NAMES],
    )(simulate)
