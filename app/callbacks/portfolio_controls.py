"""Portfolio page controls: the filters' messages, the strip's figures (each a filter), the
reset button and the search box (a UUID, its short prefix or a customer reference)."""

from __future__ import annotations

from dash import Dash, Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

from app.i18n import format_number
from app.layouts.common import ALL
from app.services.errors import ServiceError
from app.services.lookup import find_clients
from app.services.portfolio import Problem
from app.services.portfolio_figures import FIGURES, portfolio_figures
from app.texts import t
from app.web.session import session_actor, session_language
from modelling.features import BY_NAME, FEATURES

RANGE_IDS = [f"portfolio-{f.name}-{end}" for f in FEATURES for end in ("min", "max")]
OTHER_FIELDS = {
    "page",
    "per_page",
    "sort",
    "start_row",
    "end_row",
    "column_filter",
    "view",
    "focus",
}
FOCUSES = ("review", "decided")  # figures without a widget of their own: the focus store


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
        if key in ("low", "high", "size")
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


def todo_help(view, lang: str) -> str:
    return t("todo_help", lang) if view == "todo" else ""


def figure_counts(_load) -> tuple:
    """The strip's counts, in SQL over the actor's portfolio, formatted in the reader's way."""
    actor = session_actor()
    if actor is None:
        raise PreventUpdate
    lang = session_language()
    figures = portfolio_figures(actor)
    shown = tuple("—" if figures[f] is None else format_number(figures[f], lang) for f in FIGURES)
    note = t("figure_model_off", lang) if figures["high"] is None else ""
    return (*shown, note)


def pressed_figures(risk, stale, focus) -> dict[str, bool]:
    """Which figures filter the list now (several can: they combine)."""
    focus = focus if isinstance(focus, list) else []
    pressed = {"high": risk == "high", "stale": stale is True}
    pressed |= {f: f in focus for f in FOCUSES}
    pressed["clients"] = not any(pressed.values())
    return pressed


def press_figure(*args):
    """A click on a figure turns its filter on, or off if it was on; "Clients" clears them."""
    *_clicks, risk, stale, focus = args
    if session_actor() is None or not isinstance(ctx.triggered_id, str):
        raise PreventUpdate
    name = ctx.triggered_id.removeprefix("portfolio-figure-")
    pressed = pressed_figures(risk, stale, focus)
    focus = [f for f in FOCUSES if pressed[f]]
    if name == "clients":
        return ALL, False, []
    if name == "high":
        return (ALL if pressed["high"] else "high"), no_update, no_update
    if name == "stale":
        return no_update, not pressed["stale"], no_update
    if name in FOCUSES:
        focus = [f for f in focus if f != name] if pressed[name] else [*focus, name]
        return no_update, no_update, focus
    raise PreventUpdate


def show_pressed(risk, stale, focus) -> tuple:
    if session_actor() is None:
        raise PreventUpdate
    pressed = pressed_figures(risk, stale, focus)
    return tuple(
        value
        for f in FIGURES
        for value in (
            str(pressed[f]).lower(),
            "portfolio-figure active" if pressed[f] else "portfolio-figure",
        )
    )


def reset_filters(_clicks):
    if session_actor() is None:
        raise PreventUpdate
    return [None] * len(RANGE_IDS) + [ALL, False, "", []]


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
    figure_ids = [f"portfolio-figure-{f}" for f in FIGURES]
    dash_app.callback(
        *[Output(f"{i}-count", "children") for i in figure_ids],
        Output("portfolio-figures-note", "children"),
        Input("portfolio-figures-load", "data"),
    )(figure_counts)
    widgets = [
        ("portfolio-risk", "value"),
        ("portfolio-stale", "value"),
        ("portfolio-focus", "data"),
    ]
    dash_app.callback(
        *[Output(*w, allow_duplicate=True) for w in widgets],
        *[Input(i, "n_clicks") for i in figure_ids],
        *[State(*w) for w in widgets],
        prevent_initial_call=True,
    )(press_figure)
    dash_app.callback(
        *[Output(i, prop) for i in figure_ids for prop in ("aria-pressed", "className")],
        *[Input(*w) for w in widgets],
    )(show_pressed)
    dash_app.callback(
        *[Output(i, "value", allow_duplicate=True) for i in RANGE_IDS],
        Output("portfolio-risk", "value", allow_duplicate=True),
        Output("portfolio-stale", "value", allow_duplicate=True),
        Output("portfolio-search", "value", allow_duplicate=True),
        Output("portfolio-focus", "data", allow_duplicate=True),
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
