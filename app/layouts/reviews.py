"""The supervisors' page "À examiner": the human review queue, oldest first, with its filters
(pure component trees; the queue comes from services/reviews through callbacks/reviews)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from babel import Locale
from dash import dcc, html

from app.i18n import format_number
from app.layouts.common import date_text, page_header
from app.texts import t

REASONS = ("referred", "client_request")
PER_PAGE = 25


def layout(lang: str, user, query: dict, **_):
    return html.Div(
        [
            page_header(t("reviews_title", lang), t("reviews_subtitle", lang), "reviews"),
            filters(lang),
            html.Div(id="reviews-summary", className="small text-secondary mb-2", role="status"),
            html.Div(id="reviews-table"),
            dbc.Pagination(id="reviews-page", max_value=1, active_page=1, fully_expanded=False),
        ]
    )


def filters(lang: str):
    reasons = [{"label": t("reviews_reason_all", lang), "value": "all"}] + [
        {"label": t(f"reason_{r}", lang), "value": r} for r in REASONS
    ]
    return dbc.Row(
        [
            dbc.Col(
                [
                    dbc.Label(t("reviews_filter_reason", lang), html_for="reviews-reason"),
                    dbc.Select(id="reviews-reason", options=reasons, value="all"),
                ],
                md=4,
            ),
            dbc.Col(
                dbc.Switch(
                    id="reviews-overdue",
                    label=t("reviews_overdue_only", lang),
                    value=False,
                    className="mt-4",
                ),
                md=4,
            ),
        ],
        className="mb-3",
    )


def summary(total: int, page: int, pages: int, lang: str) -> str:
    return t(
        f"reviews_total_{Locale.parse(lang).plural_form(total)}",  # CLDR: 0 is "one" in fr
        lang,
        count=format_number(total, lang),
        page=format_number(page, lang),
        pages=format_number(pages, lang),
    )


def reason_cell(item: dict, lang: str):
    """Who referred, with their justification, or the client's request and point of view."""
    who = item.get("referred_by_email") or t("user_removed", lang)
    if item["reason"] == "referred":
        detail = item["justification"] or t("reviews_no_justification", lang)
        line = t("reviews_referred_by", lang, who=who)
    else:
        view = item["client_view"]
        detail = t("reviews_client_view", lang, view=view) if view else t("reviews_no_view", lang)
        line = t("reviews_recorded_by", lang, who=who)
    return [
        html.Div(t(f"reason_{item['reason']}", lang), className="fw-semibold"),
        html.Div(line, className="small"),
        html.Div(detail, className="small fst-italic text-break"),
    ]


def due_cell(item: dict, lang: str):
    due = [html.Span(date_text(item["due"], lang))]
    if item["overdue"]:
        due.append(
            dbc.Badge(t("reviews_overdue", lang), color="danger", className="ms-2 review-overdue")
        )
    return due


def queue_table(items: list[dict], lang: str):
    if not items:
        return dbc.Alert(t("reviews_empty", lang), color="light", id="reviews-empty")
    header = html.Tr(
        [
            html.Th(t(f"reviews_col_{c}", lang), scope="col")
            for c in ("client", "reason", "since", "due")
        ]
    )
    rows = [
        html.Tr(
            [
                html.Td(
                    dcc.Link(
                        item["client_id"][:8],
                        href=f"/clients/{item['client_id']}",
                        title=t("reviews_open", lang),
                        className="font-monospace",
                    )
                ),
                html.Td(reason_cell(item, lang)),
                html.Td(date_text(item["since"], lang)),
                html.Td(due_cell(item, lang)),
            ],
            **{"data-client": item["client_id"], "data-reason": item["reason"]},
        )
        for item in items
    ]
    return dbc.Table(
        [html.Thead(header), html.Tbody(rows)],
        id="reviews-queue",
        hover=True,
        responsive=True,
        className="small align-middle",
    )


def count_badge(count: int, lang: str):
    """The navigation bar's count of open cases (nothing when there are none)."""
    if not count:
        return None
    return dbc.Badge(
        format_number(count, lang),
        color="warning",
        text_color="dark",
        pill=True,
        className="ms-1",
        title=f"{format_number(count, lang)} {t('reviews_count_label', lang)}",
    )


def case_note(case: dict, lang: str, for_reviewer: bool):
    """On the client page: the open case (reason, dates) above the reviewer's form, or the
    adviser's note that the decision now waits for a supervisor."""
    dates = {"since": date_text(case["since"], lang), "due": date_text(case["due"], lang)}
    if not for_reviewer:
        return dbc.Alert(
            t("review_in_progress", lang, **dates),
            color="secondary",
            className="py-2 small",
            id="client-review-waiting",
        )
    return dbc.Alert(
        [
            html.Div(t("review_case_title", lang), className="fw-semibold"),
            html.Div(reason_cell(case, lang)),
            html.Div(t("review_case_since", lang, **dates), className="small mt-1"),
            due_cell(case, lang) if case["overdue"] else None,
        ],
        color="warning",
        className="py-2",
        id="client-review-case",
    )
