"""The simulator's words."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "simulator_title": "Simulator",
    "simulator_subtitle": "Change a feature: the advice and the explanation follow. Nothing is "
    "stored.",
    "simulator_inputs": "Features",
    "simulator_from_client": "Values of client {client}…",
    "simulator_quota_exceeded": "Daily quota reached: {quota} ad-hoc scores per day and per user "
    "(simulator and API). Try again in {hours} h.",
    "simulator_reset_client": "Back to the client's values",
    "simulator_reset_defaults": "Back to the starting values",
    "simulator_invalid": "Correct the values to get the model's advice:",
    "simulator_stale": "The starting values date from {date} ({days} days ago, limit: {limit} "
    "days): the simulated advice may no longer reflect the client's situation.",
    "rule_required": "Enter a value for “{label}”.",
    "rule_number": "“{label}”: enter a number, for example {example}.",
    "rule_integer": "“{label}” must be a whole number.",
    "rule_range_age": "Age must be between {min} and {max} years.",
    "rule_range_income": "Annual net income must be between €{min} and €{max}.",
    "rule_range_seniority": "Job seniority must be between {min} and {max} years.",
    "rule_range_incidents": "The number of payment incidents must be between {min} and {max}.",
    "rule_range_credit_score": "The credit score must be between {min} and {max} points.",
    "rule_seniority_age": "Job seniority cannot exceed age minus {years} years ({limit} years "
    "here).",
}
