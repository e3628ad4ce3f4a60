"""The design system's gallery: each component of the dashboard in each of its variants, drawn
by the very functions the pages call (app/layouts, and the client page's callbacks) from a
state's data (scripts/design_states.py), with the product's assets/ (Bootstrap, icons, CSS)
served locally. No route is added to the product: this is a small Dash app of its own.

Each variant has its own address, /<lang>/<component>/<variant>, so that the ids the
components carry stay unique on the page and the CSS that targets them applies as in the
product; / lists them all. scripts/screenshots.py captures each one as
docs/screenshots/components/<component>-<variant>[-en].png.

    .venv/bin/python scripts/design_gallery.py [--port 18300]   # then open http://127.0.0.1:18300/
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

import design_states as states  # noqa: E402
from dash import Dash, Input, Output, State, dcc, html  # noqa: E402
from flask import request  # noqa: E402

from app.callbacks.client import features_table, stale_alert  # noqa: E402
from app.callbacks.portfolio import EMPTY  # noqa: E402
from app.callbacks.portfolio_rows import grid_rows, total_text  # noqa: E402
from app.config import Config  # noqa: E402
from app.layouts import client, client_header, reviews  # noqa: E402
from app.layouts.admin import model_off_banner  # noqa: E402
from app.layouts.cohort_table import cohort_table  # noqa: E402
from app.layouts.common import (  # noqa: E402
    card,
    contribution_list,
    decision_aid_banner,
    error_page,
    percent,
    recommendation_badge,
)
from app.layouts.decision_history import current_decision, history_table  # noqa: E402
from app.layouts.figures import contribution_bars, distribution, gauge  # noqa: E402
from app.layouts.model_lifecycle import not_approved_banner  # noqa: E402
from app.layouts.portfolio_grid import grid  # noqa: E402
from app.texts import t  # noqa: E402

LANGUAGES = ("fr", "en")
GRAPH = {"displayModeBar": False}


@dataclass(frozen=True)
class Component:
    title: str
    width: int  # px: the width the component has on its page at 1366 px
    variants: dict[str, Callable[[str], object]]


def fill(tree, outputs: dict[str, object]):
    """Set `outputs` ("component-id.property" -> value) in a layout tree, as the page's load
    callback fills them (callbacks/client.LOAD_OUTPUTS), and return the tree."""
    pending = dict(outputs)

    def visit(node) -> None:
        if isinstance(node, (list, tuple)):
            for child in node:
                visit(child)
            return
        if not hasattr(node, "to_plotly_json"):
            return
        for target in [k for k in pending if k.split(".")[0] == getattr(node, "id", None)]:
            setattr(node, target.split(".")[1], pending.pop(target))
        visit(getattr(node, "children", None))

    visit(tree)
    if pending:
        raise KeyError(f"not in the layout: {sorted(pending)}")
    return tree


def advice(state: str) -> Callable[[str], object]:
    """The client page's advice card (layouts/client.advice) as its load fills it."""

    def build(lang: str):
        if state == "model_off":  # callbacks/client.manual_review_outputs
            return fill(
                client.advice(lang),
                {
                    "client-gauge-box.hidden": True,
                    "client-model-off.children": client.model_off_card(lang),
                    "client-recommendation.children": recommendation_badge(
                        "manual_review", lang, "client-recommendation-badge"
                    ),
                },
            )
        p = states.PROBABILITIES[state]
        return fill(
            client.advice(lang),
            {
                "client-gauge.figure": gauge(
                    p, states.THRESHOLD, states.POLICY.lower, states.POLICY.upper, lang
                ),
                "client-recommendation.children": recommendation_badge(
                    states.POLICY.recommend(p), lang, "client-recommendation-badge"
                ),
                "client-threshold.children": t(
                    "threshold_text",
                    lang,
                    threshold=percent(states.THRESHOLD, lang),
                    version=states.MODEL_VERSION,
                ),
            },
        )

    return build


def badge(recommendation: str) -> Callable[[str], object]:
    return lambda lang: recommendation_badge(recommendation, lang, "client-recommendation-badge")


def header(state: str) -> Callable[[str], object]:
    """The sticky header (layouts/client_header) with the facts its load draws."""

    def build(lang: str):
        facts = client_header.header_facts(states.header(state), lang)
        frame = client_header.sticky_header(states.CLIENT_ID, lang)
        return fill(frame, {"client-header-facts.children": facts})

    return build


def client_data(stale: bool, may_rectify: bool) -> Callable[[str], object]:
    def build(lang: str):
        summary = states.summary(stale, with_features=True)
        return fill(
            client.client_card(lang),
            {
                "client-stale-alert.children": stale_alert(summary, lang, may_rectify),
                "client-features.children": features_table(summary, lang),
            },
        )

    return build


def why(recommendation: str) -> Callable[[str], object]:
    """The explanation card with its bars, reasons and counterfactual (callbacks/client)."""

    def build(lang: str):
        found = states.explanation_of(recommendation, lang)
        counterfactual = found["counterfactual"]
        return fill(
            client.explanation(lang, states.CLIENT_ID),
            {
                "client-contributions.figure": contribution_bars(found["contributions"], lang),
                "client-contribution-list.children": contribution_list(
                    found["contributions"], lang, "client"
                ),
                "client-reasons.children": [html.Li(r["text"]) for r in found["reasons"]]
                or [html.Li(t("no_reason", lang))],
                "client-counterfactual.children": counterfactual.get("text")
                or counterfactual.get("message"),
            },
        )

    return build


def comparison(lang: str):
    found = states.comparison()
    return fill(
        client.cohorts(lang),
        {
            "client-cohorts.children": cohort_table(found, lang),
            "client-distribution.figure": distribution(
                found["histogram"], states.PROBABILITIES["review"], lang
            ),
        },
    )


def decision(empty: bool) -> Callable[[str], object]:
    def build(lang: str):
        return fill(
            client.decision_panel(lang),
            {
                "client-current-decision.children": current_decision(states.history(empty), lang),
                "client-decision-form.children": client.decision_form(lang),
            },
        )

    return build


def history(empty: bool) -> Callable[[str], object]:
    def build(lang: str):
        table = history_table(states.history(empty), lang, states.MODELS)
        return fill(client.history_card(lang), {"client-history.children": table})

    return build


def queue(empty: bool) -> Callable[[str], object]:
    def build(lang: str):
        items = [] if empty else states.review_cases()
        return html.Div(
            [
                html.Div(reviews.summary(len(items), 1, 1, lang), className="small mb-2"),
                reviews.queue_table(items, lang),
            ]
        )

    return build


def portfolio(empty: bool) -> Callable[[str], object]:
    """The grid's rows come from the gallery's getRowsRequest callback (rows())."""

    def build(lang: str):
        total = total_text(0 if empty else len(states.portfolio_items()), lang)
        body = [
            html.Div(total, id="portfolio-total", className="mb-2 fw-semibold"),
            grid(lang, "adviser"),
        ]
        return card(t("clients", lang), body, "portfolio-table-card", "bi-table")

    return build


def review_marks(lang: str):
    overdue, on_time = states.review_cases()
    return html.Div(
        [
            html.Div(reviews.due_cell(overdue, lang), className="mb-2"),
            html.Div(reviews.due_cell(on_time, lang), className="mb-2"),
            html.Div(
                [t("nav_reviews", lang), reviews.count_badge(3, lang)],
                className="app-navbar bg-primary text-white p-2 d-inline-block",
            ),
        ]
    )


COMPONENTS: dict[str, Component] = {
    "advice": Component(
        "Advice: gauge and recommendation",
        440,
        {
            s.replace("_", "-"): advice(s)
            for s in ("favourable", "review", "unfavourable", "model_off")
        },
    ),
    "badge": Component(
        "Recommendation badge",
        220,
        {
            r.replace("_", "-"): badge(r)
            for r in ("favourable", "review", "unfavourable", "manual_review")
        },
    ),
    "header": Component(
        "Client header: freshness and review badges",
        1320,
        {
            s.replace("_", "-"): header(s)
            for s in ("fresh", "stale", "pending", "answered", "model_off")
        },
    ),
    "client-data": Component(
        "Client data and stale-data alert",
        440,
        {
            "fresh": client_data(False, True),
            "stale": client_data(True, True),
            "stale-read-only": client_data(True, False),
        },
    ),
    "banner": Component(
        "Banners",
        1320,
        {
            "decision-aid": decision_aid_banner,
            "model-off": model_off_banner,
            "not-approved": not_approved_banner,
            "page-error": lambda lang: error_page(lang, "7f3a2c"),
        },
    ),
    "why": Component(
        "Explanation in risk points",
        880,
        {"favourable": why("favourable"), "unfavourable": why("unfavourable")},
    ),
    "comparison": Component(
        "Comparison: percentiles coloured by risk", 880, {"percentiles": comparison}
    ),
    "decision": Component(
        "Decision panel", 440, {"undecided": decision(True), "decided": decision(False)}
    ),
    "history": Component("Client history", 880, {"events": history(False), "empty": history(True)}),
    "reviews": Component("Review queue", 1320, {"cases": queue(False), "empty": queue(True)}),
    "review-marks": Component("Review marks: due date and count", 320, {"marks": review_marks}),
    "portfolio": Component(
        "Portfolio grid", 1320, {"rows": portfolio(False), "empty": portfolio(True)}
    ),
}


def variant_keys() -> list[tuple[str, str]]:
    return [(name, variant) for name, comp in COMPONENTS.items() for variant in comp.variants]


def variant_page(lang: str, name: str, variant: str):
    """One variant alone, framed and labelled: #gallery-variant is what the screenshot takes."""
    component = COMPONENTS[name]
    return html.Figure(
        [
            html.Figcaption(
                f"{component.title} — {variant} ({lang})", className="small text-secondary mb-2"
            ),
            html.Div(
                component.variants[variant](lang),
                id="gallery-variant",
                # The page's gutter around it: the width it has on its page, and its margins.
                style={"width": f"{component.width + 24}px", "padding": "12px"},
                **{"data-component": name, "data-variant": variant, "data-lang": lang},
            ),
        ],
        className="p-3 m-0",
    )


def index():
    links = [
        html.Li(dcc.Link(f"{lang}/{name}/{variant}", href=f"/{lang}/{name}/{variant}"))
        for lang in LANGUAGES
        for name, variant in variant_keys()
    ]
    return html.Div([html.H1("Design gallery", className="h3"), html.Ul(links)], className="p-3")


def page(pathname: str | None):
    parts = (pathname or "/").strip("/").split("/")
    if len(parts) == 3 and parts[0] in LANGUAGES and tuple(parts[1:]) in variant_keys():
        return variant_page(*parts)
    return index()


def rows(request, pathname):
    """The portfolio grid's rows, as callbacks/portfolio answers them (grid_rows)."""
    parts = (pathname or "").strip("/").split("/")
    if request is None or parts[-1] != "rows":
        return EMPTY
    found = grid_rows(states.portfolio_items(), parts[0])
    return {"rowData": found, "rowCount": len(found)}


class GalleryDash(Dash):
    """<html lang> from the address, as the product's Dashboard does from the session."""

    def interpolate_index(self, **kwargs):
        first = request.path.strip("/").split("/")[0]
        lang = first if first in LANGUAGES else "en"
        return super().interpolate_index(**kwargs).replace("<html>", f'<html lang="{lang}">', 1)


def build_app() -> Dash:
    app = GalleryDash(
        __name__,
        assets_folder=str(ROOT / "assets"),
        assets_ignore=r"(session|outage|title)\.js",  # the product's session and outage hooks
        serve_locally=True,
        suppress_callback_exceptions=True,  # the grid exists on two of the pages only
        title="Design gallery",
    )
    app.server.config.update(
        STALE_AFTER_DAYS=Config.STALE_AFTER_DAYS, REVIEW_MARGIN=Config.REVIEW_MARGIN
    )
    app.layout = html.Div([dcc.Location(id="gallery-url"), html.Main(id="gallery-page")])
    app.callback(Output("gallery-page", "children"), Input("gallery-url", "pathname"))(page)
    app.callback(
        Output("portfolio-grid", "getRowsResponse"),
        Input("portfolio-grid", "getRowsRequest"),
        State("gallery-url", "pathname"),
    )(rows)
    return app


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=18300)
    args = parser.parse_args(argv)
    build_app().run(host="127.0.0.1", port=args.port, debug=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
