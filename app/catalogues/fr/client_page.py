"""The client page's words (issue 13 §3-4): the sticky header, the explanation in plain words,
the rectification form and the client's letter."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "audit_action_view_score": "Score consulté (inchangé)",
    "audit_action_letter": "Courrier au client produit",
    "header_probability": "Probabilité de défaut",
    "header_advice": "Avis du modèle",
    "header_data": "Données",
    "header_data_age": "{date} ({ago})",
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
    "cohort_risk_up": "Parmi le tiers des clients au rang le plus défavorable pour le risque, "
    "ou à la valeur la plus défavorable présente ici",
    "cohort_risk_down": "Parmi le tiers des clients au rang le plus favorable pour le risque, "
    "ou à la valeur la plus favorable présente ici",
    "cohort_colours": "▲ rouge : rang du côté défavorable pour le risque (tiers le plus risqué, "
    "ou valeur la plus risquée présente) ; ▼ vert : du côté favorable (tiers le plus sûr, ou "
    "valeur la plus sûre présente, comme aucun incident). L'âge n'est pas coloré : son effet "
    "sur le risque ne va pas dans un seul sens.",
    "risk_point_one": "point de risque",
    "risk_point_other": "points de risque",
    "not_a_reason_mark": "(jamais donné comme motif)",
    "history_model_words": "{name}, entraîné le {date} (version {version})",
    "history_model_version": "{name} (version {version})",
    "history_model_unknown": "Modèle",
    "history_model_off": "Modèle désactivé par un administrateur : examen manuel",
}
