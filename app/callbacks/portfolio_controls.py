"""Portfolio page controls: the filters' messages, the reset button, the paging buttons and the
search box (a UUID, its short prefix or a customer reference)."""

from __future__ import annotations

from dash import Dash, Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

from app.i18n import format_number
from app.layouts.common import ALL
from app.services.errors import ServiceError
from app.services.lookup import find_clients
from app.services.portfolio import Problem
from app.texts import t
from app.web.session import session_actor, session_language
from modelling.features import BY_NAME, FEATURES

STEPS = ("first", "previous", "next", "last")
RANGE_IDS = [f"portfolio-{f.name}-{end}" for f in FEATURES for end in ("min", "max")]
OTHER_FIELDS = {"page", "per_page", "sort"}


def problem_text(problem: Problem, lang: str) -> str:
    """One broken rule in the reader's words: "Âge minimum : doit être compris entre 18 et 100
    ans"."""
    name, _, end = problem.field.rpartition("_")
    feature = BY_NAME.get(name) if end in ("min", "max") else None
    if feature is not None:
        label = f"{feature.label(lang)} {t(f'filter_{end}_long', lang)}"
    elif problem.field == "risk":
        label = t("filter_risk", lang)
    elif problem.field in OTHER_FIELDS:
        label = t(f"filter_field_{problem.field}", lang)
    else:
        label = t("filter_field_other", lang)
    params = {
        key: format_number(value, lang, 0 if float(value).is_integer() else 2)
        for key, value in problem.params.items()
        if key in ("low", "high")
    }
    if feature is not None and problem.rule == "not_above":
        params["high"] = f"{params['high']} {feature.unit(lang)}"  # "le maximum (40 ans)"
    rule = t(f"filter_rule_{problem.rule}", lang, **params)
    if feature is not None and problem.rule == "between":
        rule = f"{rule} {feature.unit(lang)}"
    return f"{label} : {rule}." if lang == "fr" else f"{label}: {rule}."


def problem_list(problems: list[Problem], lang: str):
    return html.Ul([html.Li(problem_text(p, lang)) for p in problems], className="mb-0 ps-3")


def service_message(exc: ServiceError, lang: str) -> str:
    """A refusal the page cannot word field by field (no model, no access): its own sentence."""
    key = "filter_model_off" if exc.code == "model_unavailable" else "portfolio_refused"
    return t(key, lang)


def disabled_steps(page: int, pages: int) -> dict[str, bool]:
    first, last = page <= 0, page >= pages - 1
    return {"first": first, "previous": first, "next": last, "last": last}


def target_page(step: str, current, count) -> int:
    """The page a paging button leads to, kept within the pages there are."""
    current = current if isinstance(current, int) and not isinstance(current, bool) else 0
    count = count if isinstance(count, int) and not isinstance(count, bool) else 1
    wanted = {"first": 0, "previous": current - 1, "next": current + 1, "last": count - 1}
    return max(0, min(wanted.get(step, current), count - 1))


def turn_page(*args):
    *_clicks, current, count = args
    if session_actor() is None or not isinstance(ctx.triggered_id, str):
        raise PreventUpdate
    return target_page(ctx.triggered_id.removeprefix("portfolio-page-"), current, count)


def reset_filters(_clicks):
    if session_actor() is None:
        raise PreventUpdate
    return [None] * len(RANGE_IDS) + [ALL, False, ""]


def open_client(_clicks, _submit, text):
    """A unique match opens the client; several are listed; none says so."""
    actor = session_actor()
    if actor is None or text is None or (isinstance(text, str) and not text.strip()):
        raise PreventUpdate
    lang = session_language()
    matches = find_clients(text, actor) if isinstance(text, str) else []
    if len(matches) == 1:
        return f"/clients/{matches[0]}", "", []
    if not matches:
        return no_update, t("search_not_found", lang), []
    links = [
        html.Li(dcc.Link(str(m), href=f"/clients/{m}", className="font-monospace")) for m in matches
    ]
    return no_update, "", [html.P(t("search_several", lang, count=len(matches))), html.Ul(links)]


def register(dash_app: Dash) -> None:
    dash_app.callback(
        Output("portfolio-table", "page_current", allow_duplicate=True),
        *[Input(f"portfolio-page-{step}", "n_clicks") for step in STEPS],
        State("portfolio-table", "page_current"),
        State("portfolio-table", "page_count"),
        prevent_initial_call=True,
    )(turn_page)
    dash_app.callback(
        *[Output(i, "value", allow_duplicate=True) for i in RANGE_IDS],
        Output("portfolio-risk", "value", allow_duplicate=True),
        Output("portfolio-stale", "value", allow_duplicate=True),
        Output("portfolio-search", "value", allow_duplicate=True),
        Input("portfolio-reset", "n_clicks"),
        prevent_initial_call=True,
    )(reset_filters)
    dash_app.callback(
        Output("url", "href", allow_duplicate=True),
        Output("portfolio-search-feedback", "children"),
        Output("portfolio-search-results", "children"),
        Input("portfolio-search-go", "n_clicks"),
        Input("portfolio-search", "n_submit"),
        State("portfolio-search", "value"),
        prevent_initial_call=True,
    )(open_client)
