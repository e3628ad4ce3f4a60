"""The words of the model page's "Surveillance" section: drift of the clients scored against the
training data (issue 12 §2)."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "drift_title": "Monitoring: are today's clients like the training data?",
    "drift_window": "Period observed",
    "drift_window_days": "Last {days} days",
    "drift_version": "Version {version}, {scores} scores in the period",
    "drift_status_ok": "Stable",
    "drift_status_watch": "Watch",
    "drift_status_alert": "Alert",
    "drift_status_insufficient": "Not enough scores",
    "drift_status_no_reference": "No reference",
    "drift_read_ok": "The clients scored in the period are spread like those the model was "
    "trained on.",
    "drift_read_watch": "The spread of at least one feature has moved: keep an eye on it, no "
    "immediate action.",
    "drift_read_alert": "The spread of at least one feature has clearly changed: the clients "
    "no longer look like the training data. The validation team must check that the model "
    "still fits (retraining may be needed).",
    "drift_read_insufficient": "{scores} scores in the period; at least {minimum} are needed "
    "to compare the spreads.",
    "drift_read_no_reference": "This version was trained without a reference distribution: "
    "retrain it to monitor drift.",
    "drift_psi_meaning": "The population stability index (PSI) compares, for each feature, the "
    "share of clients in each band (the deciles of the training data) with the share seen in "
    "the period. 0: the same spread; below {watch}: stable; from {watch} to {alert}: a "
    "moderate change, to watch; {alert} or more: a large change.",
    "drift_feature": "Feature",
    "drift_psi": "PSI",
    "drift_status": "Status",
    "drift_probability": "Probability of default",
    "drift_reference": "Training",
    "drift_recent": "Period",
    "drift_share_axis": "Share of clients",
    "drift_none": "No model is being served: there is no reference to compare with.",
    "drift_invalid": "Invalid period: {fields}.",
    "audit_action_drift_alert": "Model drift alert",
}
