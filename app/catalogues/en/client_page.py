"""The client page's words (issue 13 §3-4): the sticky header, the explanation in plain words,
the rectification form and the client's letter."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "audit_action_view_score": "Score viewed (unchanged)",
    "audit_action_letter": "Client letter produced",
    "header_probability": "Probability of default",
    "header_advice": "Model advice",
    "header_data": "Data",
    "header_data_age": "{date} ({ago})",
    "header_stale": "to update",
    "header_review": "Review",
    "header_review_pending": "pending",
    "header_review_answered": "answered",
    "header_review_none": "none",
    "rectify_open": "Correct the client's data",
    "rectify_help": "Type the values checked with the client. Saving updates the data's date "
    "and scores the client again.",
    "rectify_submit": "Save the corrections",
    "rectify_link": "Correct or confirm the data now",
    "rectify_invalid": "The corrections were not saved:",
    "rectify_done": "Data saved on {date}; the score was computed again.",
    "letter_button": "Letter to the client (PDF)",
    "letter_lang_label": "Letter language",
    "letter_lang_fr": "French",
    "letter_lang_en": "English",
    "letter_help": "The decision, its reasons in plain words, what could change it and how to "
    "contest it (GDPR Arts 15 and 22).",
    "letter_not_decided": "No decision is recorded for this client yet: the letter explains a "
    "decision.",
    "letter_language_rule": "The letter's language must be French or English.",
    "cohort_risk_up": "Among the third of clients ranked least favourably for risk, or at the "
    "least favourable value anyone here holds",
    "cohort_risk_down": "Among the third of clients ranked most favourably for risk, or at the "
    "most favourable value anyone here holds",
    "cohort_colours": "▲ red: a rank on the unfavourable side for risk (the riskiest third, or "
    "the riskiest value held); ▼ green: on the favourable side (the safest third, or the safest "
    "value held, such as no incident). Age is not coloured: its effect on risk does not go one "
    "way.",
    "risk_point_one": "risk point",
    "risk_point_other": "risk points",
    "not_a_reason_mark": "(never given as a reason)",
    "history_model_words": "{name}, trained on {date} (version {version})",
    "history_model_version": "{name} (version {version})",
    "history_model_unknown": "Model",
    "history_model_off": "Model switched off by an administrator: manual review",
}
