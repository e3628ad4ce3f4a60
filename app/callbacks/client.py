"""Client page: the advice, the explanation, the cohorts and the history (the decision form's
callbacks are in decision.py)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import Dash, Input, Output, html
from flask import current_app

from app.callbacks.common import actor_and_client_id
from app.database import current_database
from app.i18n import days_ago, format_with_unit
from app.layouts.client import model_off_card
from app.layouts.client_header import header_facts
from app.layouts.cohort_table import cohort_table
from app.layouts.common import (
    contribution_list,
    date_text,
    decision_aid_banner,
    percent,
    recommendation_badge,
    stale_data_alert,
)
from app.layouts.decision_history import current_decision, history_table
from app.layouts.figures import contribution_bars, distribution, gauge
from app.layouts.rectification import rectify_link
from app.services import cohorts, decisions, permissions, portfolio, reviews, scoring
from app.services.errors import Forbidden, NotFound, ServiceError, Unavailable
from app.services.model_facts import model_facts
from app.services.policy import policy_for
from app.texts import t
from app.web.session import session_language
from modelling.features import FEATURES

LOAD_OUTPUTS = (
    "client-gauge.figure",
    "client-recommendation.children",
    "client-threshold.children",
    "client-stale-alert.children",
    "client-features.children",
    "client-contributions.figure",
    "client-reasons.children",
    "client-counterfactual.children",
    "client-cohorts.children",
    "client-distribution.figure",
    "client-error.children",
    "client-contribution-list.children",
    "client-body.style",
    "client-aid.children",
    "client-gauge-box.hidden",
    "client-model-off.children",
    "client-why-card.style",
    "client-header-facts.children",
)
EMPTY_FIGURE = {"data": [], "layout": {"height": 10}}


def _outputs(shown: dict) -> tuple:
    """LOAD_OUTPUTS in order from a mapping by name; what is not named is left empty."""
    empty = {"client-body.style": {}, "client-gauge-box.hidden": False, "client-why-card.style": {}}
    return tuple(
        shown.get(target, empty.get(target, EMPTY_FIGURE if target.endswith(".figure") else None))
        for target in LOAD_OUTPUTS
    )


def features_table(summary: dict, lang: str):
    rows = [
        html.Tr(
            [
                html.Th(f.label(lang), scope="row"),
                html.Td(
                    format_with_unit(f.name, summary[f.name], lang), id=f"client-value-{f.name}"
                ),
            ]
        )
        for f in FEATURES
    ]
    rows.append(
        html.Tr(
            [
                html.Th(t("data_date", lang), scope="row"),
                html.Td(
                    t(
                        "data_age",
                        lang,
                        date=date_text(summary["data_updated_at"], lang),
                        ago=days_ago(summary["data_age_days"], lang),
                    )
                ),
            ]
        )
    )
    return dbc.Table(html.Tbody(rows), size="sm", className="mb-0")


def stale_alert(summary: dict, lang: str, may_rectify: bool = False):
    """The stale-data alert; for who may rectify, with a link to the rectification form."""
    limit = current_app.config["STALE_AFTER_DAYS"]
    alert = stale_data_alert(
        summary, lang, "stale_text", limit, id="client-stale", className="py-2"
    )
    if alert is not None and may_rectify:
        alert.children.append(rectify_link(lang))
    return alert


def _header(summary: dict, scored: dict, cid, lang: str):
    """The sticky header's facts: the score served, the data's age, the review status."""
    session = current_database().session
    review = reviews.review_marks(session, [cid]).get(cid)
    facts = {
        "probability": scored["probability_of_default"],
        "recommendation": scored["recommendation"],
        "data_updated_at": summary["data_updated_at"],
        "data_age_days": summary["data_age_days"],
        "stale": summary["stale"],
        "review": review,
    }
    return header_facts(facts, lang)


def manual_review_outputs(summary: dict, comparison: dict, lang: str, shown=None) -> tuple:
    """The client page while the model is switched off: the data and how the client compares,
    no score and no explanation (their cards are not drawn empty)."""
    return _outputs(
        {
            "client-gauge-box.hidden": True,
            "client-why-card.style": {"display": "none"},
            "client-cohorts.children": cohort_table(comparison, lang),
            "client-distribution.figure": distribution(comparison["histogram"], None, lang),
            "client-model-off.children": model_off_card(lang),
            "client-recommendation.children": recommendation_badge(
                "manual_review", lang, "client-recommendation-badge"
            ),
            "client-stale-alert.children": stale_alert(summary, lang),
            "client-features.children": features_table(summary, lang),
            **(shown or {}),
        }
    )


def message_outputs(key: str, lang: str, element_id: str) -> tuple:
    """A page that cannot be drawn says why, in the reader's language: no cards, no buttons."""
    message = dbc.Alert(t(key, lang), color="secondary", id=element_id)
    return _outputs({"client-error.children": message, "client-body.style": {"display": "none"}})


def load_client(client_id: str, _rectified=None):
    """Everything the page shows about the client; drawn again after a rectification."""
    actor, cid = actor_and_client_id(client_id)
    lang = session_language()
    try:
        summary = portfolio.view_client(cid, actor)
        scored = scoring.score_client(cid, actor, lang)
        comparison = cohorts.compare(cid, actor)
    except (NotFound, Forbidden):  # erased or moved since the page was drawn
        return message_outputs("client_not_found", lang, "client-not-found")
    except Unavailable:
        return message_outputs("no_model", lang, "client-no-model")
    may_rectify = permissions.allowed(actor, "rectify")  # their own client: it is visible
    header = _header(summary, scored, cid, lang)
    if scored["probability_of_default"] is None:  # model switched off: the adviser decides
        shown = {
            "client-header-facts.children": header,
            "client-stale-alert.children": stale_alert(summary, lang, may_rectify),
        }
        return manual_review_outputs(summary, comparison, lang, shown)
    policy = policy_for(scored["threshold"])
    probability = scored["probability_of_default"]
    explanation = scored["explanation"]
    counterfactual = explanation["counterfactual"] or {}
    return _outputs(
        {
            "client-gauge.figure": gauge(
                probability, scored["threshold"], policy.lower, policy.upper, lang
            ),
            "client-recommendation.children": recommendation_badge(
                scored["recommendation"], lang, "client-recommendation-badge"
            ),
            "client-threshold.children": t(
                "threshold_text",
                lang,
                threshold=percent(scored["threshold"], lang),
                version=scored["model_version"],
            ),
            "client-stale-alert.children": stale_alert(summary, lang, may_rectify),
            "client-features.children": features_table(summary, lang),
            "client-header-facts.children": header,
            "client-contributions.figure": contribution_bars(explanation["contributions"], lang),
            "client-reasons.children": [html.Li(r["text"]) for r in explanation["reasons"]]
            or [html.Li(t("no_reason", lang))],
            "client-counterfactual.children": counterfactual.get("text")
            or counterfactual.get("message"),
            "client-cohorts.children": cohort_table(comparison, lang),
            "client-distribution.figure": distribution(comparison["histogram"], probability, lang),
            "client-contribution-list.children": contribution_list(
                explanation["contributions"], lang, "client"
            ),
            "client-aid.children": decision_aid_banner(lang),
        }
    )


def history_view(client_id: str, _refresh, _review=None):
    """The history and the current decision; redrawn after a decision or a review request."""
    actor, cid = actor_and_client_id(client_id)
    lang = session_language()
    try:
        found = decisions.history(cid, actor)
    except ServiceError:
        return None, None
    models = model_facts(s["model_version"] for s in found["scores"])
    return history_table(found, lang, models), current_decision(found, lang)


def register(dash_app: Dash) -> None:
    dash_app.callback(
        *[Output(*target.split(".")) for target in LOAD_OUTPUTS],
        Input("client-id", "data"),
        Input("client-rectified", "data"),
    )(load_client)
    dash_app.callback(
        Output("client-history", "children"),
        Output("client-current-decision", "children"),
        Input("client-id", "data"),
        Input("client-refresh", "data"),
        Input("client-review-request", "children"),
    )(history_view)
