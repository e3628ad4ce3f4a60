"""The client's history and current decision as the adviser reads them: outcomes in words, who
decided, and the client's review requests as events (pure component trees from the history)."""

from __future__ import annotations

from datetime import datetime

import dash_bootstrap_components as dbc
from dash import html

from app.i18n import format_time
from app.layouts.common import date_text, percent
from app.texts import t

SCORES_SHOWN = 20  # the latest distinct scores only


def when_text(iso: str, lang: str) -> str:
    """ "03/12/2026 à 19:11" (fr), "3 Dec 2026 at 19:11" (en), in the stored time zone (UTC)."""
    return t("date_at", lang, date=date_text(iso, lang), time=format_time(iso, lang))


def outcome(decision: dict, lang: str) -> str:
    return t(f"outcome_{decision['decision']}", lang)


def quoted(text: str, lang: str) -> str:
    return f" «\u00a0{text}\u00a0»" if lang == "fr" else f" “{text}”"


def _who(email: str | None, lang: str) -> str:
    return email or t("user_removed", lang)


def current_decision(history: dict, lang: str):
    """The latest decision: what, by whom, when (the history is newest first)."""
    if not history["decisions"]:
        return html.P(t("decision_none", lang), className="small text-secondary mb-0")
    latest = history["decisions"][0]
    alert = dbc.Alert(
        [
            html.I(className="bi bi-clipboard-check me-2", **{"aria-hidden": "true"}),
            t(
                "decision_current",
                lang,
                outcome=outcome(latest, lang),
                who=_who(latest["adviser_email"], lang),
                when=when_text(latest["created_at"], lang),
            ),
            html.Span(quoted(latest["justification"], lang), className="fst-italic")
            if latest["justification"]
            else None,
        ],
        color="light",
        className="border py-2 mb-3",
    )
    return html.Div(
        alert, id="client-current-decision-text", **{"data-decision": latest["decision"]}
    )


def distinct_scores(scores: list[dict]) -> list[dict]:
    """Each distinct score once (newest first): a run of identical scores, as kept before one
    record per state, is shown as its first (oldest) record."""
    kept: list[dict] = []
    for score in reversed(scores):  # oldest first
        same = ("probability_of_default", "recommendation", "model_version")
        if kept and all(kept[-1][k] == score[k] for k in same):
            continue
        kept.append(score)
    return kept[::-1]


def model_words(version: str | None, facts: dict | None, lang: str) -> str:
    """The model in words: "Arbres de décision boostés CatBoost (monotones), entraîné le
    03/12/2026 (version 20261203T…)"; "model switched off" for a manual review."""
    if version is None:
        return t("history_model_off", lang)
    algorithm = (facts or {}).get("algorithm")
    name = t(f"model_name_{algorithm}", lang) if algorithm else t("history_model_unknown", lang)
    trained_on = (facts or {}).get("trained_on")
    if trained_on is None:
        return t("history_model_version", lang, name=name, version=version)
    return t(
        "history_model_words",
        lang,
        name=name,
        date=date_text(trained_on, lang),
        version=version,
    )


def _rows(
    history: dict, lang: str, models: dict | None = None
) -> list[tuple[str, str, str, str, str]]:
    """(when, kind, what, who, details) for every event; `models` from services/model_facts."""
    rows = [
        (
            d["created_at"],
            "decision",
            t("history_review_answer", lang, outcome=outcome(d, lang))
            if d["human_review"]
            else outcome(d, lang),
            _who(d["adviser_email"], lang),
            d["justification"] or "",
        )
        for d in history["decisions"]
    ]
    rows += [
        (
            r["created_at"],
            "review_request",
            t("history_review_request", lang),
            _who(r["recorded_by_email"], lang),
            "",
        )
        for r in history["review_requests"]
    ]
    rows += [  # the client's own words, with their request (issue 13 §1)
        (
            c["since"],
            "client_view",
            t("history_client_view", lang),
            _who(c["referred_by_email"], lang),
            c["client_view"],
        )
        for c in history.get("reviews", [])
        if c["client_view"]
    ]
    rows += [
        (
            s["created_at"],
            "score",
            t(
                "history_score",
                lang,
                probability=percent(s["probability_of_default"], lang),
                reco=t(f"reco_{s['recommendation']}", lang),
            ),
            t("history_model", lang),
            model_words(s["model_version"], (models or {}).get(s["model_version"]), lang),
        )
        for s in distinct_scores(history["scores"])[:SCORES_SHOWN]
    ]
    return sorted(rows, key=lambda row: datetime.fromisoformat(row[0]), reverse=True)


def history_table(history: dict, lang: str, models: dict | None = None):
    header = html.Tr(
        [
            html.Th(t("when", lang)),
            html.Th(t("what", lang)),
            html.Th(t("history_who", lang)),
            html.Th(t("details", lang)),
        ]
    )
    body = [
        html.Tr(
            [html.Td(when_text(when, lang)), html.Td(what), html.Td(who), html.Td(details)],
            **{"data-kind": kind},
        )
        for when, kind, what, who, details in _rows(history, lang, models)
    ]
    if not body:  # a client never scored (model off) nor decided: say so, not an empty grid
        body = [
            html.Tr(
                html.Td(t("history_empty", lang), colSpan=4, className="text-secondary"),
                **{"data-kind": "none"},
            )
        ]
    return dbc.Table(
        [html.Thead(header), html.Tbody(body)],
        size="sm",
        id="client-history-table",
        className="small",
    )
