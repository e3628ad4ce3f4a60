"""The model page's words: the served version, its performance and its explanation."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "model_title": "The model",
    "model_subtitle": "How good the model in service is, measured on clients it never saw.",
    "active_version": "Active version:",
    "ci95": "95% CI: {low} – {high}",
    "metric_auc": "Ranking power (AUC)",
    "metric_gini": "Gini index",
    "metric_prauc": "Default detection (PR AUC)",
    "metric_brier": "Probability error (Brier)",
    "metric_ks": "Payer separation (KS)",
    "read_auc": "Probability that a client who will default is ranked riskier than a good payer.",
    "col_cv_auc": "AUC (cross-validated)",
    "col_test_auc": "AUC (test clients)",
    "read_metrics": "AUC: ranking power (1 = perfect, 0.5 = chance). PR AUC: detection of "
    "defaults, which are rare. Brier: mean error of the probabilities. ECE: gap between the "
    "stated probability and the observed default rate. KS: largest separation between good and "
    "bad payers. Lower is better for Brier, ECE and the cost; higher for the others.",
    "model_name_baseline": "Baseline (average default rate)",
    "model_name_logistic": "Logistic regression",
    "model_name_spline_logistic": "Spline logistic regression (GAM)",
    "model_name_catboost": "CatBoost boosted decision trees (monotone)",
    "read_gini": "Gini = 2·AUC − 1: ranking power.",
    "read_prauc": "Quality on defaults, which are rare.",
    "read_brier": "Mean gap between probability and outcome (lower is better).",
    "read_ks": "Largest separation between good and bad payers.",
    "read_threshold": "Minimises the expected cost (missed default: {fn}, refused good client: "
    "{fp}).",
    "roc_title": "ROC curve",
    "fpr": "False positive rate",
    "tpr": "True positive rate",
    "read_roc": "The faster the curve rises, the better the model ranks clients from riskiest "
    "to safest.",
    "read_true_pd": "On this synthetic data the true probability would reach an AUC of {auc}: "
    "the model gets {ratio} of it.",
    "calibration_title": "Calibration",
    "predicted": "Predicted probability",
    "observed": "Observed default rate",
    "model_word": "Model",
    "choice_excluded_better": "{model} has a higher cross-validated AUC ({auc}) but breaks the "
    "risk direction of: {features}; it is not eligible.",
    "choice_excluded_simpler": "{model} is simpler than {champion} and its cross-validated AUC "
    "({auc}) is within {margin} of the champion's ({champion_auc}): it would have been chosen "
    "for its simplicity, but it breaks the risk direction of: {features}; it is not eligible.",
    "choice_best": "{model} has the best cross-validated AUC ({auc}) among the models that keep "
    "the risk directions.",
    "choice_simpler": "{model} (AUC {auc}) is within {margin} AUC of {best} ({best_auc}): the "
    "simpler model is the champion.",
    "perfect": "Perfect",
    "read_calibration": "When the gauge shows 10%, about 10% of those clients default: the points "
    "should follow the diagonal.",
    "cost_title": "Cost by threshold",
    "cost_axis": "Expected cost per client",
    "read_cost": "The chosen threshold is where the expected cost is lowest.",
    "importance_title": "Global importance",
    "importance_axis": "Mean effect, unsigned (risk points)",
    "read_importance": "Which features weigh most on the scores, on average.",
    "candidates_title": "Models compared",
    "candidate": "Model",
    "fairness_title": "Fairness by age band",
    "age_band": "Age band",
    "favourable_rate": "Favourable rate",
    "ratio_best": "Ratio to the best band",
    "suppressed": "suppressed (fewer than 30 people)",
    "read_fairness": "A ratio under 0.8 (⚠) flags a gap to examine; it is not proof of "
    "discrimination. Age is a protected ground: using it is a documented choice.",
    "fairness_flagged": "Band(s) {bands}: the favourable rate is under 80% of the best band's. "
    "For these clients, do not stop at the recommendation: review the file on its other "
    "features (income, incidents, credit score) and justify your decision. Report the gap to "
    "the model owner, who decides on a compliance review.",
}
