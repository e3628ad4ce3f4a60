"""What-if simulator: sliders and fields stay in step; every valid change re-scores (nothing
stored); an invalid field clears the advice and says the schema's rule in the reader's words."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import Dash, Input, Output, ctx, html, no_update
from dash.exceptions import PreventUpdate
from flask import current_app

from app.callbacks.refusals import refusal_text
from app.feature_text import NotANumber, input_text, parse_number, read_features
from app.i18n import format_number
from app.layouts.common import (
    contribution_list,
    recommendation_badge,
    stale_data_alert,
)
from app.layouts.figures import contribution_bars, gauge
from app.layouts.simulator import DEFAULTS, slider_top
from app.services import portfolio, scoring
from app.services.errors import ServiceError, Unavailable
from app.services.lookup import client_id_from
from app.services.policy import policy_for
from app.services.quota import QuotaExceeded
from app.texts import t
from app.web.session import session_actor, session_language
from modelling.features import BY_NAME, FEATURE_NAMES, FEATURES, check_value

# No result to show: no bars, no axes (a previous result is never left on the page).
EMPTY_FIGURE = {
    "data": [],
    "layout": {"height": 10, "xaxis": {"visible": False}, "yaxis": {"visible": False}},
}
RESULT_OUTPUTS = (
    "simulator-gauge.figure",
    "simulator-recommendation.children",
    "simulator-contributions.figure",
    "simulator-reasons.children",
    "simulator-counterfactual.children",
    "simulator-error.children",
    "simulator-contribution-list.children",
    *(f"simulator-{name}-input.invalid" for name in FEATURE_NAMES),
)


def result_outputs(shown: dict) -> tuple:
    """RESULT_OUTPUTS in order; what is not named is cleared (never a previous result)."""
    return tuple(
        shown.get(
            target,
            EMPTY_FIGURE
            if target.endswith(".figure")
            else False
            if target.endswith(".invalid")
            else None,
        )
        for target in RESULT_OUTPUTS
    )


def stale_warning(summary: dict, lang: str):
    limit = current_app.config["STALE_AFTER_DAYS"]
    return stale_data_alert(
        summary, lang, "simulator_stale", limit, id="simulator-stale-alert", className="py-2 small"
    )


def prefill(client_id: str | None, reset_clicks=None):
    """The starting values: the client's (on opening, and on reset), else the typical client's.

    Outputs: source line, stale warning, then each field's text.
    """
    actor = session_actor()
    if actor is None or (not client_id and not reset_clicks):
        raise PreventUpdate
    lang = session_language()
    if not client_id:
        return None, None, *[input_text(f, DEFAULTS[f.name], lang) for f in FEATURES]
    try:
        summary = portfolio.view_client(client_id_from(client_id), actor)
    except (ValueError, ServiceError):
        return (t("search_not_found", lang), None, *([no_update] * len(FEATURES)))
    return (
        t("simulator_from_client", lang, client=client_id[:8]),
        stale_warning(summary, lang),
        *[input_text(f, summary[f.name], lang) for f in FEATURES],
    )


def follow(name: str, moved: str, slider, typed, lang: str) -> tuple:
    """(field text, slider value) after the adviser moved one of them (`moved`: "slider" or
    "field"). The slider goes as far as its end for a value beyond it; a field that is not a
    number leaves the slider where it is (the field itself says what is wrong)."""
    feature = BY_NAME[name]
    if moved == "slider":
        if check_value(feature, slider) is not None:  # None, or a value no slider sends
            return no_update, no_update
        return input_text(feature, slider, lang), no_update
    try:
        value = parse_number(typed, lang)
    except NotANumber:
        return no_update, no_update
    if value is None:
        return no_update, no_update
    return no_update, min(max(value, feature.minimum), slider_top(feature))


def sync_handler(name: str):
    def sync(slider, typed):
        moved = "field" if str(ctx.triggered_id).endswith("-input") else "slider"
        return follow(name, moved, slider, typed, session_language())

    sync.__name__ = f"sync_{name}"
    return sync


def simulate(*typed):
    if session_actor() is None:
        raise PreventUpdate
    lang = session_language()
    clean, messages = read_features(dict(zip(FEATURE_NAMES, typed, strict=True)), lang)
    if messages:
        alert = dbc.Alert(
            [
                html.P(t("simulator_invalid", lang), className="mb-1 fw-semibold"),
                html.Ul(
                    [html.Li(text, **{"data-feature": name}) for name, text in messages.items()],
                    className="mb-0",
                ),
            ],
            color="danger",
            id="simulator-invalid",
        )
        invalid = {f"simulator-{name}-input.invalid": True for name in messages}
        return result_outputs({"simulator-error.children": alert, **invalid})
    try:
        scored = scoring.simulate(clean, session_actor(), lang)
    except QuotaExceeded as exc:
        hours = -(-exc.retry_after // 3600)  # whole hours, rounded up
        quota = format_number(exc.quota, lang)
        message = t("simulator_quota_exceeded", lang, quota=quota, hours=hours)
        return result_outputs({"simulator-error.children": _error(message)})
    except Unavailable:
        return result_outputs({"simulator-error.children": _error(t("no_model", lang))})
    except ServiceError as exc:  # a refusal in the reader's words, as the API's 403 or 429
        text = refusal_text(exc, lang) or exc.message
        return result_outputs({"simulator-error.children": _error(text)})
    if scored["probability_of_default"] is None:  # model switched off (human oversight)
        off = dbc.Alert(t("model_off_text", lang), color="secondary", id="simulator-model-off")
        badge = recommendation_badge("manual_review", lang, "simulator-recommendation-badge")
        return result_outputs(
            {"simulator-recommendation.children": badge, "simulator-error.children": off}
        )
    policy = policy_for(scored["threshold"])
    explanation = scored["explanation"]
    counterfactual = explanation["counterfactual"] or {}
    return result_outputs(
        {
            "simulator-gauge.figure": gauge(
                scored["probability_of_default"],
                scored["threshold"],
                policy.lower,
                policy.upper,
                lang,
            ),
            "simulator-recommendation.children": recommendation_badge(
                scored["recommendation"], lang, "simulator-recommendation-badge"
            ),
            "simulator-contributions.figure": contribution_bars(explanation["contributions"], lang),
            "simulator-reasons.children": [html.Li(r["text"]) for r in explanation["reasons"]]
            or [html.Li(t("no_reason", lang))],
            "simulator-counterfactual.children": html.Div(
                counterfactual.get("text") or counterfactual.get("message"),
                className="alert alert-light border mb-0",
            ),
            "simulator-contribution-list.children": contribution_list(
                explanation["contributions"], lang, "simulator"
            ),
        }
    )


def _error(text: str):
    return dbc.Alert(text, color="danger", id="simulator-failed")


def register(dash_app: Dash) -> None:
    dash_app.callback(
        Output("simulator-source", "children"),
        Output("simulator-stale", "children"),
        *[
            Output(f"simulator-{name}-input", "value", allow_duplicate=True)
            for name in FEATURE_NAMES
        ],
        Input("simulator-client", "data"),
        Input("simulator-reset", "n_clicks"),
        prevent_initial_call="initial_duplicate",
    )(prefill)
    for name in FEATURE_NAMES:
        dash_app.callback(
            Output(f"simulator-{name}-input", "value", allow_duplicate=True),
            Output(f"simulator-{name}", "value"),
            Input(f"simulator-{name}", "value"),
            Input(f"simulator-{name}-input", "value"),
            prevent_initial_call=True,
        )(sync_handler(name))
    dash_app.callback(
        *[Output(*target.split(".")) for target in RESULT_OUTPUTS],
        *[Input(f"simulator-{name}-input", "value") for name in FEATURE_NAMES],
    )(simulate)
