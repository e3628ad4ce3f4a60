"""Small building blocks shared by the pages (pure: no queries, no request access)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from app.i18n import format_date, format_number, format_percent
from app.layouts.figures import DIRECTION_WORDS, MARKS, feature_label, points_text
from app.texts import t
from modelling.policy import ADVICE_OF_BAND

# The "all" choice of a select: not "", which dbc.Select keeps for its hidden placeholder (an
# option "" would be shadowed by it and the select would show blank).
ALL = "all"
RECOMMENDATION_COLOURS = {
    "favourable": "success",
    "review": "warning",
    "unfavourable": "danger",
    "manual_review": "secondary",
}
# A monitoring status (drift, back-test): one colour per meaning on every model-page section.
STATUS_COLOURS = {
    "ok": "success",
    "watch": "warning",
    "alert": "danger",
    "insufficient": "secondary",
    "no_reference": "secondary",
}
RECOMMENDATION_ICONS = {
    "favourable": "bi-check-circle",
    "review": "bi-question-circle",
    "unfavourable": "bi-x-circle",
    "manual_review": "bi-person-check",
}


def page_header(title: str, subtitle: str | None = None, page_id: str = "page"):
    return html.Div(
        [
            html.H1(title, className="h3 mb-1", id=f"{page_id}-title"),
            html.P(subtitle, className="text-secondary mb-3") if subtitle else None,
        ],
        className="page-header",
    )


def card(title: str, body, card_id: str, icon: str | None = None, className: str = ""):
    header = [html.I(className=f"bi {icon} me-2", **{"aria-hidden": "true"})] if icon else []
    return dbc.Card(
        [dbc.CardHeader(html.H2([*header, title], className="h6 mb-0")), dbc.CardBody(body)],
        id=card_id,
        className=f"mb-3 shadow-sm {className}",
    )


def status_badge(words: str, status: str, lang: str, badge_id: str):
    """A monitoring status in its words (text key `{words}_status_{status}`) and colour."""
    return dbc.Badge(
        t(f"{words}_status_{status}", lang),
        color=STATUS_COLOURS[status],
        id=badge_id,
        className="me-2",
        title=status,
    )


def recommendation_badge(recommendation: str, lang: str, badge_id: str):
    badge = dbc.Badge(
        [
            html.I(
                className=f"bi {RECOMMENDATION_ICONS[recommendation]} me-1",
                **{"aria-hidden": "true"},
            ),
            t(f"reco_{recommendation}", lang),
        ],
        color=RECOMMENDATION_COLOURS[recommendation],
        className="fs-6 p-2",
    )
    return html.Span(badge, id=badge_id, **{"data-recommendation": recommendation})


def band_word(band: str, lang: str) -> str:
    """A risk band in the advice's own word: one vocabulary on every page (services/policy)."""
    return t(f"reco_{ADVICE_OF_BAND[band]}", lang)


def percent(value: float | None, lang: str, decimals: int = 1) -> str:
    """A share as the reader writes a percentage (CLDR); "—" when there is none."""
    if value is None:
        return "—"
    return format_percent(value, lang, decimals)


def number_or_dash(value: float | None, lang: str, decimals: int = 3) -> str:
    """A figure as the reader writes it (CLDR); "—" when there is none."""
    return "—" if value is None else format_number(value, lang, decimals)


def date_text(iso: str, lang: str) -> str:
    """ISO date-time -> 31/03/2026 (fr) or 31 Mar 2026 (en), through CLDR."""
    return format_date(iso, lang)


def decision_aid_banner(lang: str):
    return dbc.Alert(
        [
            html.I(className="bi bi-person-check me-2", **{"aria-hidden": "true"}),
            t("decision_aid", lang),
        ],
        color="info",
        className="py-2 mb-3",
        id="decision-aid-banner",
    )


def error_page(lang: str, reference: str):
    """What replaces a page whose callback failed (app/callbacks/errors.py)."""
    return html.Div(
        [
            html.I(className="bi bi-exclamation-octagon me-2", **{"aria-hidden": "true"}),
            t("callback_failed", lang, ref=reference),
            html.Div(html.A(t("reload_page", lang), href="", className="alert-link")),
        ],
        className="alert alert-danger",
        id="page-error",
        role="alert",
    )


DATA_DIRECTIONS = {"increases_risk": "up", "decreases_risk": "down", "no_notable_effect": "none"}


def contribution_list(contributions: list[dict], lang: str, prefix: str):
    """The bars as text, strongest first: what a screen reader (and a test) reads, in points
    de risque; the exact value in the item's title.

    Each item carries the feature, its signed impact (the API's value) and its direction as
    data attributes.
    """
    colon = " : " if lang == "fr" else ": "
    items = []
    for c in sorted(contributions, key=lambda c: -abs(c["impact"])):
        way = c["direction"]  # services/explanations.direction: 0,00 has no notable effect
        text = (
            f"{MARKS[way]} {feature_label(c, lang)}{colon}"
            f"{points_text(c['impact'], lang)} ({t(DIRECTION_WORDS[way], lang)})"
        )
        items.append(
            html.Li(
                text,
                id=f"{prefix}-contribution-{c['feature']}",
                title=points_text(c["impact"], lang, exact=True),
                **{
                    "data-feature": c["feature"],
                    "data-impact": repr(float(c["impact"])),
                    "data-direction": DATA_DIRECTIONS[way],
                },
            )
        )
    return html.Ul(
        items, className="visually-hidden", **{"aria-label": t("contributions_list", lang)}
    )


def stale_data_alert(summary: dict, lang: str, text_key: str, limit: int, **props):
    """The amber alert of a client whose data is older than the limit (None when fresh)."""
    if not summary["stale"]:
        return None
    return dbc.Alert(
        [
            html.I(className="bi bi-exclamation-triangle-fill me-2", **{"aria-hidden": "true"}),
            html.Strong(t("stale_title", lang)),
            " ",
            t(
                text_key,
                lang,
                date=date_text(summary["data_updated_at"], lang),
                days=format_number(summary["data_age_days"], lang),
                limit=format_number(limit, lang),
            ),
        ],
        color="warning",
        **props,
    )
