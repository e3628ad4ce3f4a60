"""The words of the outcomes, the back-test and the challenger comparison (issue 12 §3-4), and
of the outcomes' retention."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "audit_action_outcome": "Observed outcome recorded (default or not)",
    "audit_action_outcome_import": "File of observed outcomes imported",
    "bt_title": "Observed outcomes: were the probabilities right?",
    "bt_version": "Version {version}",
    "bt_status_ok": "In line",
    "bt_status_watch": "Watch",
    "bt_status_alert": "Alert",
    "bt_status_insufficient": "Not enough outcomes",
    "bt_read_ok": "The observed default rates confirm the probabilities given, overall and in "
    "every risk grade.",
    "bt_read_watch": "One risk grade departs from what the model predicted: follow it with the "
    "next outcomes, no immediate action.",
    "bt_read_alert": "The probabilities given no longer match the observed defaults (overall, or "
    "in several risk grades): the validation team must re-examine the model.",
    "bt_read_insufficient": "{outcomes} outcomes paired with a score of this version; at least "
    "{minimum} are needed to judge the calibration.",
    "bt_outcomes": "Outcomes paired",
    "bt_auc": "AUC (95 % CI, DeLong)",
    "bt_brier": "Brier",
    "bt_rates": "Predicted / observed default",
    "bt_interval": "95 % CI {low} – {high}",
    "bt_grade": "Grade",
    "bt_range": "Probabilities",
    "bt_predicted": "Predicted default",
    "bt_observed": "Observed default",
    "bt_grade_inside": "inside the interval",
    "bt_grade_outside": "outside the interval",
    "bt_figure_predicted": "Predicted",
    "bt_figure_observed": "Observed (95 % CI)",
    "bt_figure_grade": "Risk grade (1 = lowest risk)",
    "bt_figure_rate": "Default rate",
    "bt_reading": "Each outcome (default or not, observed on a date) is paired with the latest "
    "score the version gave the client on or before that day. Risk grades are the deciles of "
    "the probability, merged so that each holds at least {grade_min} outcomes. For each grade "
    "the bar is the 95 % interval of the observed default rate (Jeffreys interval): a predicted "
    "rate outside it means the model is wrong in that grade by more than chance explains.",
    "bt_none": "No model is being served: no back-test.",
    "ch_title": "Challenger in shadow",
    "ch_versions": "Model in service {champion}; challenger {challenger}",
    "ch_scores": "Scores computed by both",
    "ch_agreement": "Same advice",
    "ch_rank": "Rank correlation (Spearman)",
    "ch_champion": "In service",
    "ch_challenger": "Challenger",
    "ch_reading": "The challenger computes every score alongside, never shown to advisers and "
    "never changing an advice. “Same advice” is the share of scores where both models give the "
    "same advice (favourable, review, unfavourable); the rank correlation says whether they "
    "order clients the same way (1 = the same). The back-tests below use the outcomes both "
    "models scored.",
    "ch_no_scores": "The challenger {challenger} has not computed any score in shadow yet.",
    "retention_outcomes": "Observed outcomes (default or not)",
    "purge_outcomes": "Observed outcomes",
}
