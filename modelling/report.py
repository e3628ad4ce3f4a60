"""The self-contained HTML report and the model card, both rendered from metadata.json.

The report inlines plotly.js once (include_plotlyjs=True on the first figure), so it opens
offline with no CDN.
"""

from __future__ import annotations

from html import escape

import plotly.graph_objects as go

from modelling.metrics import ECE_BINS
from modelling.plot_theme import register as register_template

COLUMNS = (
    ("cv", "auc", "CV AUC"),
    ("cv", "gini", "CV Gini"),
    ("holdout", "auc", "Hold-out AUC"),
    ("holdout", "pr_auc", "PR AUC"),
    ("holdout", "brier", "Brier"),
    ("holdout", "log_loss", "Log loss"),
    ("holdout", "ece", "ECE"),
    ("holdout", "ks", "KS"),
    ("holdout", "cost", "Cost / client"),
)


def comparison_rows(meta: dict) -> list[list[str]]:
    """The comparison table as text cells (also printed by the CLI)."""
    rows = []
    for name, entry in meta["candidates"].items():
        low, high = entry["holdout"]["auc_ci95"]
        cells = [name + (" *" if name == meta["algorithm"] else "")]
        cells += [f"{entry[part][key]:.4f}" for part, key, _ in COLUMNS]
        cells += [
            f"[{low:.3f}, {high:.3f}]",
            f"{entry['threshold']:.3f}",
            "yes" if entry["eligible"] else "no (" + ", ".join(entry["monotone_violations"]) + ")",
        ]
        rows.append(cells)
    return rows


def header() -> list[str]:
    return ["Model", *(label for *_, label in COLUMNS), "AUC 95 % CI", "Threshold", "Eligible"]


def _table(head: list[str], rows: list[list[str]]) -> str:
    th = "".join(f"<th>{escape(h)}</th>" for h in head)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in r) + "</tr>" for r in rows
    )
    return f"<table><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


def _figures(meta: dict) -> list[go.Figure]:
    roc, pr, rel = go.Figure(), go.Figure(), go.Figure()
    for name, entry in meta["candidates"].items():
        curves = entry["curves"]
        roc.add_scatter(
            x=[p["fpr"] for p in curves["roc"]],
            y=[p["tpr"] for p in curves["roc"]],
            name=name,
            mode="lines",
        )
        pr.add_scatter(
            x=[p["recall"] for p in curves["pr"]],
            y=[p["precision"] for p in curves["pr"]],
            name=name,
            mode="lines",
        )
        rel.add_scatter(
            x=[b["mean_predicted"] for b in curves["reliability"]],
            y=[b["observed_rate"] for b in curves["reliability"]],
            name=name,
            mode="lines+markers",
        )
    roc.add_scatter(x=[0, 1], y=[0, 1], name="chance", line={"dash": "dot"})
    rel.add_scatter(x=[0, 1], y=[0, 1], name="perfect calibration", line={"dash": "dot"})
    cost = go.Figure(
        go.Scatter(
            x=[c["threshold"] for c in meta["cost_curve"]],
            y=[c["cost"] for c in meta["cost_curve"]],
            name="cost",
        )
    )
    cost.add_vline(x=meta["threshold"], line_dash="dash")
    shap = go.Figure(
        go.Bar(
            x=[s["mean_abs_contribution"] for s in meta["shap_importance"]],
            y=[s["feature"] for s in meta["shap_importance"]],
            orientation="h",
        )
    )
    titles = [
        ("ROC curve (hold-out)", "False positive rate", "True positive rate"),
        ("Precision-recall (hold-out)", "Recall", "Precision"),
        (
            f"Reliability ({ECE_BINS} equal-width bins, hold-out)",
            "Mean predicted PD",
            "Observed default rate",
        ),
        ("Expected cost per client vs threshold (out-of-fold, champion)", "Threshold", "Cost"),
        ("Global importance: mean |SHAP| (log-odds, hold-out)", "mean |contribution|", ""),
    ]
    figures = [roc, pr, rel, cost, shap]
    for fig, (title, x, y) in zip(figures, titles, strict=True):
        fig.update_layout(
            title=title, xaxis_title=x, yaxis_title=y, height=420, template=register_template()
        )
    return figures


FAIRNESS_COLUMNS = (
    ("favourable_rate", "Favourable"),
    ("review_rate", "Review"),
    ("unfavourable_rate", "Unfavourable"),
    ("tpr_unfavourable", "TPR (unfav.)"),
    ("fpr_unfavourable", "FPR (unfav.)"),
    ("tpr_not_favourable", "TPR (not fav.)"),
    ("fpr_not_favourable", "FPR (not fav.)"),
    ("predicted_default_rate", "Predicted PD"),
    ("observed_default_rate", "Observed default"),
)


def _rate(row: dict, key: str) -> str:
    """A rate with its bootstrap 95 % interval, in percent."""
    value, ci = row.get(key), (row.get("ci95") or {}).get(key)
    if value is None:
        return "n/a"
    return f"{value:.1%}" + (f" [{ci[0]:.1%}, {ci[1]:.1%}]" if ci else "")


def fairness_head() -> list[str]:
    return ["Age band", "Count", *(label for _, label in FAIRNESS_COLUMNS), "Ratio to best", "Flag"]


def fairness_rows(meta: dict) -> list[list[str]]:
    """The served policy's fairness table as text cells (report and model card)."""
    rows = []
    for r in meta["fairness"]:
        if r["suppressed"]:
            rows.append([r["band"], "suppressed (< 30)", *[""] * (len(FAIRNESS_COLUMNS) + 2)])
            continue
        ratio = r.get("ratio_to_best")
        rows.append(
            [
                r["band"],
                str(r["count"]),
                *(_rate(r, key) for key, _ in FAIRNESS_COLUMNS),
                f"{ratio:.2f}" if ratio is not None else "n/a",
                "FLAG (< 0.8)" if r["flagged"] else "",
            ]
        )
    return rows


def policy_sentences(meta: dict) -> str:
    """The served policy and its hold-out outcome in plain words (report and model card)."""
    policy = meta.get("policy")
    if not policy:
        return "This version predates the served-policy report (single threshold only)."
    out, costs = policy["holdout"], meta["costs"]
    return (
        f"Served policy: favourable below {policy['favourable_below']:.4f}, unfavourable from "
        f"{policy['unfavourable_from']:.4f}, review in between (threshold "
        f"{policy['threshold']:.4f}, review margin {policy['review_margin']:.0%}). On the "
        f"hold-out ({out['clients']} clients): {out['favourable_share']:.1%} favourable, "
        f"{out['review_share']:.1%} review, {out['unfavourable_share']:.1%} unfavourable. "
        f"Expected cost per client (missed default {costs['missed_default']}, refused good "
        f"client {costs['refused_good_client']}, review {policy['review_cost']}): "
        f"{out['cost']:.4f} if each review ends as the single threshold decides, "
        f"{out['cost_if_review_perfect']:.4f} if each review decides right; the single "
        f"threshold alone: {out['cost_single_threshold']:.4f}."
    )


def without_age_rows(meta: dict) -> list[list[str]]:
    """The champion and the same family without age, side by side (hold-out)."""
    other = meta["without_age"]
    champion = {
        "label": meta["label"],
        "cv": meta["candidates"][meta["algorithm"]]["cv"],
        "holdout": meta["holdout"]["metrics"],
        "threshold": meta["threshold"],
        "policy": meta.get("policy") or {},
    }
    rows = []
    for entry in (champion, other):
        m, shares = entry["holdout"], entry["policy"].get("holdout") or {}
        favourable = shares.get("favourable_share")
        rows.append(
            [
                entry["label"],
                f"{entry['cv']['auc']:.4f}",
                f"{m['auc']:.4f} [{m['auc_ci95'][0]:.3f}, {m['auc_ci95'][1]:.3f}]",
                f"{m['ece']:.4f}",
                f"{m['brier']:.4f}",
                f"{entry['threshold']:.3f}",
                "n/a" if favourable is None else f"{favourable:.1%}",
            ]
        )
    return rows


WITHOUT_AGE_HEAD = [
    "Model",
    "CV AUC",
    "Hold-out AUC [95 % CI]",
    "ECE",
    "Brier",
    "Threshold",
    "Favourable",
]


def without_age_sentence(meta: dict) -> str:
    other = meta.get("without_age")
    if not other:
        return "This version predates the side-by-side model without age."
    diff = other["auc_difference"]
    low, high = diff["ci95"]
    return (
        f"Same family, parameters, hold-out and folds as the champion, age dropped; its own "
        f"cost-minimising threshold. Hold-out AUC with age minus without: "
        f"{diff['with_minus_without']:+.4f} (paired bootstrap 95 % CI {low:+.4f} to {high:+.4f})."
    )


def report_html(meta: dict) -> str:
    """The full report as one HTML document."""
    figures = "".join(
        fig.to_html(full_html=False, include_plotlyjs=(i == 0))
        for i, fig in enumerate(_figures(meta))
    )
    data = meta["data"]
    excluded = [[rule, str(n)] for rule, n in data["excluded_by_rule"].items()] or [["none", "0"]]
    true_pd = meta.get("true_pd")
    oracle = (
        f"<p>True probability of default on the hold-out: AUC {true_pd['holdout_auc']:.4f}; "
        f"the champion reaches {true_pd['champion_ratio']:.1%} of it.</p>"
        if true_pd
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Model {escape(meta["version"])}</title>
<style>body{{font-family:sans-serif;margin:2em;max-width:1100px}}
table{{border-collapse:collapse;margin:1em 0}}td,th{{border:1px solid #ccc;padding:4px 8px;
text-align:right}}td:first-child{{text-align:left}}</style></head><body>
<h1>Model {escape(meta["version"])}: {escape(meta["label"])}</h1>
<p>Trained {escape(meta["created_at"])} on {escape(data["source"])}: {data["rows_used"]} rows used,
{data["rows_excluded"]} excluded. Threshold {meta["threshold"]:.3f} (refuse when PD &ge; threshold),
costs: missed default {meta["costs"]["missed_default"]}, refused good client
{meta["costs"]["refused_good_client"]}.</p>
<h2>Comparison</h2>{_table(header(), comparison_rows(meta))}
<p>{escape(meta["choice"]["sentence"])}</p>{oracle}
<h2>Exclusions by rule</h2>{_table(["Rule", "Rows"], excluded)}
<h2>Curves</h2>{figures}
<h2>Served policy (hold-out)</h2><p>{escape(policy_sentences(meta))}</p>
<h2>Fairness of the served policy by age band (hold-out)</h2>
<p>Share of each advice, true- and false-positive rates at the served cut-offs (a defaulter or a
good client told "unfavourable"; told anything but "favourable"), mean predicted probability vs
observed default rate; bootstrap 95 % intervals in brackets; bands under 30 people suppressed.</p>
{_table(fairness_head(), fairness_rows(meta))}
<h2>The same model without age (hold-out)</h2><p>{escape(without_age_sentence(meta))}</p>
{_without_age_html(meta)}
</body></html>"""


def _without_age_html(meta: dict) -> str:
    if not meta.get("without_age"):
        return ""
    fairness = fairness_rows({"fairness": meta["without_age"]["fairness"]})
    return (
        _table(WITHOUT_AGE_HEAD, without_age_rows(meta))
        + "<h3>Fairness of the served policy without age, by age band</h3>"
        + _table(fairness_head(), fairness)
    )


def _markdown_table(head: list[str], rows: list[list[str]]) -> str:
    lines = [head, ["---"] * len(head), *rows]
    return "\n".join("| " + " | ".join(cells) + " |" for cells in lines)


def model_card(meta: dict) -> str:
    """A short model card in Markdown."""
    m, data = meta["holdout"]["metrics"], meta["data"]
    flagged = [r["band"] for r in meta["fairness"] if not r["suppressed"] and r["flagged"]]
    features = ", ".join(
        f"{f['name']} ({f['minimum']:g}-{f['maximum']:g} {f['unit']})"
        for f in meta["feature_schema"]
    )
    return f"""# Model card: {meta["version"]}

## Intended use
Decision support for the bank's advisers: a probability of default (PD) for a credit-eligibility
request, with the contribution of each input. An adviser takes the decision on one of three
advices: favourable, review or unfavourable.

## Served policy
{policy_sentences(meta)}

## Model
{meta["label"]} (`{meta["algorithm"]}`), parameters {meta["parameters"]}.
{meta["choice"]["sentence"]} No post-hoc calibration: the explanation adds up exactly
(base + sum of contributions = logit(PD)).

## Data
{data["source"]} (sha256 {data["fingerprint_sha256"][:16]}...), {data["rows_used"]} rows used,
{data["rows_excluded"]} excluded by rule, default rate {data["default_rate"]:.1%}.
Features: {features}.

## Metrics (hold-out, {data["rows_holdout"]} clients)
AUC {m["auc"]:.4f} (95 % CI {m["auc_ci95"][0]:.4f}-{m["auc_ci95"][1]:.4f}), Gini {m["gini"]:.4f},
PR AUC {m["pr_auc"]:.4f}, Brier {m["brier"]:.4f}, log loss {m["log_loss"]:.4f},
ECE {m["ece"]:.4f}, KS {m["ks"]:.4f}, expected cost per client {m["cost"]:.4f}.

## Fairness of the served policy (hold-out, by age band)
{_markdown_table(fairness_head(), fairness_rows(meta))}

Bands under the four-fifths ratio of favourable advice: {", ".join(flagged) if flagged else "none"}.
Age is left unconstrained by the model; its effect is reported (metadata.json, `age_effect`).

## The same model without age
{without_age_sentence(meta)}

{_without_age_markdown(meta)}

## Limits
Five inputs only; trained on {"synthetic" if meta.get("true_pd") else "historical"} data, so
figures hold only for a similar population. Probabilities are calibrated on average (ECE above),
not for every sub-group.

## Must not be used for
Automatic refusals without an adviser; pricing; any decision about people outside the
feature ranges above; any purpose using age as a reason for refusal.
"""


def _without_age_markdown(meta: dict) -> str:
    if not meta.get("without_age"):
        return ""
    fairness = fairness_rows({"fairness": meta["without_age"]["fairness"]})
    return (
        _markdown_table(WITHOUT_AGE_HEAD, without_age_rows(meta))
        + "\n\nFairness of the served policy without age, by age band:\n\n"
        + _markdown_table(fairness_head(), fairness)
    )
