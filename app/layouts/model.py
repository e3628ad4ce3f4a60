"""Page 4, the model: version, metrics, curves, importance, candidates and fairness, each with a
short plain-language reading. Built from the registered metadata (pure functions)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from app.layouts.common import card, page_header, percent
from app.layouts.common import number_or_dash as _number
from app.layouts.model_environment import environment_card
from app.layouts.model_fairness import fairness_table
from app.layouts.model_figures import (
    calibration_figure,
    cost_figure,
    importance_figure,
    model_name,
    roc_figure,
)
from app.layouts.model_without_age import without_age_card
from app.texts import t
from modelling.features import BY_NAME

GRAPH = {"displayModeBar": False}
EQUAL_HEIGHT = "model-card-equal"  # the cards of a row end at the same line (assets/theme)


def layout(lang: str, user, query: dict, **_):
    return html.Div(
        [
            page_header(t("model_title", lang), t("model_subtitle", lang), "model"),
            html.Div(id="model-content"),
            # Governance sections, each filled by its own callback module (roles checked there):
            html.Div(id="model-approval"),  # issue 12 §1: approvals, active and challenger
            html.Div(id="model-monitoring"),  # issue 12 §2: drift ("Surveillance")
            html.Div(id="model-backtest"),  # issue 12 §3-4: outcomes, back-test, challenger
            html.Div(id="model-human-oversight"),  # issue 13 §1: override rates
            dcc.Store(id="model-load", data=1),
        ]
    )


def headline(meta: dict, lang: str):
    m = meta["holdout"]["metrics"]
    ci = m.get("auc_ci95") or [None, None]
    tiles = [
        (
            t("metric_auc", lang),
            _number(m["auc"], lang),
            t("read_auc", lang)
            + " "
            + t("ci95", lang, low=_number(ci[0], lang), high=_number(ci[1], lang)),
        ),
        (t("metric_gini", lang), _number(m["gini"], lang), t("read_gini", lang)),
        (t("metric_prauc", lang), _number(m["pr_auc"], lang), t("read_prauc", lang)),
        (t("metric_brier", lang), _number(m["brier"], lang, 4), t("read_brier", lang)),
        (t("metric_ks", lang), _number(m["ks"], lang), t("read_ks", lang)),
        (
            t("threshold", lang),
            percent(meta["threshold"], lang),
            t(
                "read_threshold",
                lang,
                fn=_number(meta["costs"]["missed_default"], lang, 0),
                fp=_number(meta["costs"]["refused_good_client"], lang, 0),
            ),
        ),
    ]
    cols = [
        dbc.Col(
            dbc.Card(
                dbc.CardBody(
                    [
                        html.Div(name, className="small text-secondary"),
                        html.Div(value, className="fs-4 fw-semibold"),
                        html.Div(note, className="small"),
                    ]
                ),
                className="h-100 shadow-sm",
            ),
            md=4,
            lg=2,
            className="mb-3",
        )
        for name, value, note in tiles
    ]
    return dbc.Row(cols, id="model-metrics")


def candidates_table(meta: dict, lang: str):
    header = [
        t("candidate", lang),
        t("col_cv_auc", lang),
        t("col_test_auc", lang),
        "PR AUC",
        "Brier",
        "ECE",
        "KS",
        t("cost_axis", lang),
    ]
    rows = []
    for name, entry in meta["candidates"].items():
        m = entry["holdout"]
        rows.append(
            html.Tr(
                [
                    html.Td(
                        html.Strong(model_name(name, entry, lang))
                        if name == meta["algorithm"]
                        else model_name(name, entry, lang)
                    ),
                    html.Td(_number(entry["cv"]["auc"], lang)),
                    *[
                        html.Td(_number(m[k], lang, 4 if k in ("brier", "ece") else 3))
                        for k in ("auc", "pr_auc", "brier", "ece", "ks", "cost")
                    ],
                ]
            )
        )
    return html.Div(
        [
            dbc.Table(
                [html.Thead(html.Tr([html.Th(h) for h in header])), html.Tbody(rows)],
                size="sm",
                striped=True,
                responsive=True,
                id="model-candidates",
            ),
            html.P(t("read_metrics", lang), className="small text-secondary"),
            html.P(choice_sentence(meta, lang), className="small", id="model-choice"),
        ]
    )


def choice_sentence(meta: dict, lang: str) -> str:
    """Why the champion won, in the reader's language, from the registry's structured metadata
    (the same rule as modelling.evaluation.choose, which writes the English report)."""
    candidates, margin = meta["candidates"], meta["choice"]["margin"]
    names = {id(entry): model_name(key, entry, lang) for key, entry in candidates.items()}
    champion = candidates[meta["algorithm"]]
    eligible = [c for c in candidates.values() if c["eligible"]]
    best = max(eligible, key=lambda c: c["cv"]["auc"])
    sentences = []
    for c in candidates.values():
        if c["eligible"] or c["cv"]["auc"] < best["cv"]["auc"] - margin:
            continue
        # Why it would have won: a higher AUC, or (within the margin) a simpler model.
        if c["cv"]["auc"] > best["cv"]["auc"]:
            key = "choice_excluded_better"
        elif c["simplicity"] < champion["simplicity"]:
            key = "choice_excluded_simpler"
        else:
            continue
        sentences.append(
            t(
                key,
                lang,
                model=names[id(c)],
                auc=_number(c["cv"]["auc"], lang, 4),
                champion=names[id(champion)],
                champion_auc=_number(champion["cv"]["auc"], lang, 4),
                margin=_number(margin, lang, 3),
                features=", ".join(
                    BY_NAME[f].label(lang).lower() for f in c["monotone_violations"]
                ),
            )
        )
    if champion is best:
        sentences.append(
            t(
                "choice_best",
                lang,
                model=names[id(champion)],
                auc=_number(best["cv"]["auc"], lang, 4),
            )
        )
    else:
        sentences.append(
            t(
                "choice_simpler",
                lang,
                model=names[id(champion)],
                auc=_number(champion["cv"]["auc"], lang, 4),
                margin=_number(margin, lang, 3),
                best=names[id(best)],
                best_auc=_number(best["cv"]["auc"], lang, 4),
            )
        )
    return " ".join(sentences)


def content(meta: dict, lang: str):
    true_pd = meta.get("true_pd")
    ceiling = (
        t(
            "read_true_pd",
            lang,
            auc=_number(true_pd["holdout_auc"], lang),
            ratio=percent(true_pd["champion_ratio"], lang),
        )
        if true_pd
        else None
    )
    return html.Div(
        [
            html.P(
                [
                    t("active_version", lang),
                    " ",
                    html.Code(meta["version"], id="model-version"),
                    f" — {model_name(meta['algorithm'], meta, lang)}",
                ]
            ),
            headline(meta, lang),
            dbc.Row(
                [
                    dbc.Col(
                        card(
                            t("roc_title", lang),
                            [
                                dcc.Graph(figure=roc_figure(meta, lang), config=GRAPH),
                                html.P(t("read_roc", lang), className="small"),
                                html.P(ceiling, className="small"),
                            ],
                            "model-roc",
                            "bi-graph-up",
                            EQUAL_HEIGHT,
                        ),
                        lg=4,
                    ),
                    dbc.Col(
                        card(
                            t("calibration_title", lang),
                            [
                                dcc.Graph(figure=calibration_figure(meta, lang), config=GRAPH),
                                html.P(t("read_calibration", lang), className="small"),
                            ],
                            "model-calibration",
                            "bi-bullseye",
                            EQUAL_HEIGHT,
                        ),
                        lg=4,
                    ),
                    dbc.Col(
                        card(
                            t("cost_title", lang),
                            [
                                dcc.Graph(figure=cost_figure(meta, lang), config=GRAPH),
                                html.P(t("read_cost", lang), className="small"),
                            ],
                            "model-cost",
                            "bi-cash-coin",
                            EQUAL_HEIGHT,
                        ),
                        lg=4,
                    ),
                ]
            ),
            dbc.Row(
                [
                    dbc.Col(
                        card(
                            t("importance_title", lang),
                            [
                                dcc.Graph(figure=importance_figure(meta, lang), config=GRAPH),
                                html.P(t("read_importance", lang), className="small"),
                            ],
                            "model-importance",
                            "bi-list-ol",
                            EQUAL_HEIGHT,
                        ),
                        lg=5,
                    ),
                    dbc.Col(
                        card(
                            t("candidates_title", lang),
                            candidates_table(meta, lang),
                            "model-candidates-card",
                            "bi-trophy",
                            EQUAL_HEIGHT,
                        ),
                        lg=7,
                    ),
                ]
            ),
            card(
                t("fairness_title", lang),
                [fairness_table(meta, lang), html.P(t("read_fairness", lang), className="small")],
                "model-fairness-card",
                "bi-people",
            ),
            environment_card(meta, lang),  # issue 15 §1: training energy and carbon
            without_age_card(meta, lang),  # issue 15 §2: the same model without age
        ]
    )
