"""The client page's words: the model's advice, the gauge, the reasons and the decision."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "client_title": "Client",
    "advice_title": "The model's advice",
    "gauge_title": "Probability of default (threshold {threshold})",
    "threshold_text": "Decision threshold {threshold} · model {version}",
    "client_card_title": "Client data",
    "data_date": "Data updated",
    "data_age": "on {date} ({days} days ago)",
    "stale_title": "Old data.",
    "stale_text": "Updated on {date}, {days} days ago (limit: {limit} days). Ask the client for "
    "recent documents (income, employment) and update the data before deciding.",
    "why_title": "Why this score?",
    "why_help": "Each bar shows one feature's effect on the risk, in risk points (see the "
    "adviser guide): red ▲ raises the risk, green ▼ lowers it, grey ● no notable effect (0). "
    "Hover for the exact value.",
    "impact_axis": "Effect on risk (risk points)",
    "raises_risk": "raises the risk",
    "lowers_risk": "lowers the risk",
    "no_notable_effect": "no notable effect",
    "contributions_list": "Effect of each feature, strongest first",
    "reasons_title": "Principal reasons",
    "no_reason": "No feature raises this client's risk notably.",
    "open_simulator": "Try other values in the simulator",
    "cohort_title": "Comparison",
    "cohort_help": "The client's rank (percentile) on each feature: among your whole portfolio, "
    "and among similar clients (same age band and income band).",
    "cohort_portfolio": "Portfolio",
    "cohort_similar": "Similar clients",
    "cohort_sizes": "Portfolio: {portfolio} · similar: {similar}.",
    "noun_client_one": "client",
    "noun_client_other": "clients",
    "this_client": "this client",
    "probability_axis": "Probability of default (%)",
    "decision_title": "My decision",
    "decision_approve": "Approve",
    "decision_decline": "Decline",
    "decision_refer": "Refer for review",
    "justification": "Justification",
    "justification_placeholder": "Required when you decide against the recommendation.",
    "record_decision": "Record the decision",
    "decision_missing": "Choose a decision.",
    "decision_recorded": "Decision recorded.",
    "decision_not_offered": "The decision is the client's adviser's: a supervisor decides only "
    "on a client awaiting human review.",
    "history_title": "History",
    "history_empty": "No score, decision or review request yet.",
    "history_score": "Score {probability} ({reco})",
    "justification_invalid": "The justification must be text of at most {maximum} characters.",
    "justification_too_short": "Justification too short: a decision against the recommendation "
    "needs a justification of at least {minimum} characters ({length} typed, leading and "
    "trailing spaces not counted).",
    "decision_repeat_title": "Decision already recorded",
    "decision_repeat_text": "“{outcome}” was recorded for this client less than {minutes} "
    "minutes ago. Record it a second time?",
    "decision_repeat_confirm": "Confirm",
    "decision_repeat_cancel": "Cancel",
    "decision_repeat_cancelled": "Nothing was recorded a second time.",
    "decision_current": "Current decision: {outcome}, by {who}, on {when}.",
    "decision_none": "No decision has been recorded for this client yet.",
    "outcome_approve": "Approved",
    "outcome_decline": "Declined",
    "outcome_refer": "Referred for review",
    "history_who": "By",
    "history_model": "Model",
    "history_review_request": "The client's request for human review (GDPR Art. 22)",
    "history_review_answer": "{outcome} (review by a supervisor)",
    "user_removed": "account removed",
    "date_at": "{date} at {time}",
}
