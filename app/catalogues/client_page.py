"""The client page's words (issue 13 §3-4): the sticky header, the explanation in plain words,
the rectification form and the client's letter. French first, then English."""

from __future__ import annotations

FR: dict[str, str] = {
    "audit_action_view_score": "Score consulté (inchangé)",
    "audit_action_letter": "Courrier au client produit",
    "header_probability": "Probabilité de défaut",
    "header_advice": "Avis du modèle",
    "header_data": "Données",
    "header_data_age": "{date} (il y a {days})",
    "header_stale": "à mettre à jour",
    "header_review": "Réexamen",
    "header_review_pending": "en attente",
    "header_review_answered": "répondu",
    "header_review_none": "aucun",
    "rectify_open": "Corriger les données du client",
    "rectify_help": "Saisissez les valeurs vérifiées avec le client. L'enregistrement met à jour "
    "la date des données et recalcule le score.",
    "rectify_submit": "Enregistrer les corrections",
    "rectify_link": "Corriger ou confirmer les données maintenant",
    "rectify_invalid": "Les corrections n'ont pas été enregistrées :",
    "rectify_done": "Données enregistrées le {date} ; le score a été recalculé.",
    "letter_button": "Courrier au client (PDF)",
    "letter_lang_label": "Langue du courrier",
    "letter_lang_fr": "Français",
    "letter_lang_en": "Anglais",
    "letter_help": "La décision, ses raisons en mots simples, ce qui pourrait la changer et les "
    "voies de recours (RGPD art. 15 et 22).",
    "letter_not_decided": "Aucune décision n'est encore enregistrée pour ce client : le courrier "
    "explique une décision.",
    "letter_language_rule": "La langue du courrier doit être le français ou l'anglais.",
    "cohort_risk_up": "Parmi le tiers des clients au rang le plus défavorable pour le risque",
    "cohort_risk_down": "Parmi le tiers des clients au rang le plus favorable pour le risque",
    "cohort_colours": "▲ rouge : rang du côté défavorable pour le risque (tiers le plus risqué) ; "
    "▼ vert : du côté favorable (tiers le plus sûr). L'âge n'est pas coloré : son effet sur le "
    "risque ne va pas dans un seul sens.",
    "risk_point_one": "point de risque",
    "risk_point_other": "points de risque",
    "not_a_reason_mark": "(jamais donné comme motif)",
    "history_model_words": "{name}, entraîné le {date} (version {version})",
    "history_model_version": "{name} (version {version})",
    "history_model_unknown": "Modèle",
    "history_model_off": "Modèle désactivé par un administrateur : examen manuel",
}

EN: dict[str, str] = {
    "audit_action_view_score": "Score viewed (unchanged)",
    "audit_action_letter": "Client letter produced",
    "header_probability": "Probability of default",
    "header_advice": "Model advice",
    "header_data": "Data",
    "header_data_age": "{date} ({days} ago)",
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
    "cohort_risk_up": "Among the third of clients ranked least favourably for risk",
    "cohort_risk_down": "Among the third of clients ranked most favourably for risk",
    "cohort_colours": "▲ red: a rank on the unfavourable side for risk (the riskiest third); "
    "▼ green: on the favourable side (the safest third). Age is not coloured: its effect on "
    "risk does not go one way.",
    "risk_point_one": "risk point",
    "risk_point_other": "risk points",
    "not_a_reason_mark": "(never given as a reason)",
    "history_model_words": "{name}, trained on {date} (version {version})",
    "history_model_version": "{name} (version {version})",
    "history_model_unknown": "Model",
    "history_model_off": "Model switched off by an administrator: manual review",
}
