"""The client page's words: the model's advice, the gauge, the reasons and the decision."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "client_title": "Fiche client",
    "advice_title": "Avis du modèle",
    "gauge_title": "Probabilité de défaut (seuil {threshold})",
    "threshold_text": "Seuil de décision {threshold} · modèle {version}",
    "client_card_title": "Données du client",
    "data_date": "Données mises à jour",
    "data_age": "le {date} ({ago})",
    "ago": "il y a {days}",
    "ago_today": "aujourd'hui",
    "stale_title": "Données anciennes.",
    "stale_text": "Mises à jour le {date}, il y a {days} jours (limite : {limit} jours). "
    "Demandez au client des justificatifs récents (revenus, situation professionnelle) et "
    "mettez ses données à jour avant de décider.",
    "why_title": "Pourquoi ce score ?",
    "why_help": "Chaque barre montre l'effet d'un critère sur le risque, en points de risque "
    "(voir le guide du conseiller) : rouge ▲ il augmente le risque, vert ▼ il le diminue, gris ● "
    "sans effet notable (0). La valeur exacte s'affiche au survol.",
    "impact_axis": "Effet sur le risque (points de risque)",
    "raises_risk": "augmente le risque",
    "lowers_risk": "diminue le risque",
    "no_notable_effect": "sans effet notable",
    "contributions_list": "Effet de chaque critère, du plus fort au plus faible",
    "reasons_title": "Principales raisons",
    "no_reason": "Aucun critère n'augmente notablement le risque de ce client.",
    "open_simulator": "Tester d'autres valeurs dans le simulateur",
    "cohort_title": "Comparaison",
    "cohort_help": "Rang du client (percentile) pour chaque critère : parmi tout votre "
    "portefeuille, et parmi les clients semblables (même tranche d'âge et de revenu).",
    "cohort_portfolio": "Portefeuille",
    "cohort_similar": "Clients semblables",
    "cohort_sizes": "Portefeuille : {portfolio} · semblables : {similar}.",
    "noun_client_one": "client",
    "noun_client_other": "clients",
    "this_client": "ce client",
    "probability_axis": "Probabilité de défaut (%)",
    "decision_title": "Ma décision",
    "decision_approve": "Accorder",
    "decision_decline": "Refuser",
    "decision_refer": "Transmettre pour examen",
    "justification": "Justification",
    "justification_placeholder": "Obligatoire si vous décidez contre la recommandation.",
    "record_decision": "Enregistrer la décision",
    "decision_missing": "Choisissez une décision.",
    "decision_recorded": "Décision enregistrée.",
    "decision_not_offered": "La décision revient au conseiller du client : un superviseur ne "
    "décide que pour un client en attente de réexamen humain.",
    "history_title": "Historique",
    "history_empty": "Aucun score, aucune décision ni demande de réexamen pour l'instant.",
    "history_score": "Score {probability} ({reco})",
    "justification_invalid": "La justification doit être un texte de {maximum} caractères au plus.",
    "justification_too_short": "Justification trop courte : une décision contraire à la "
    "recommandation doit être justifiée en {minimum} caractères au moins ({length} saisis, "
    "espaces de début et de fin non comptés).",
    "decision_repeat_title": "Décision déjà enregistrée",
    "decision_repeat_text": "« {outcome} » vient d'être enregistré pour ce client, il y a moins "
    "de {minutes} minutes. L'enregistrer une seconde fois ?",
    "decision_repeat_confirm": "Confirmer",
    "decision_repeat_cancel": "Annuler",
    "decision_repeat_cancelled": "Rien n'a été enregistré une seconde fois.",
    "decision_current": "Décision en vigueur : {outcome}, par {who}, le {when}.",
    "decision_none": "Aucune décision n'est encore enregistrée pour ce client.",
    "outcome_approve": "Accordé",
    "outcome_decline": "Refusé",
    "outcome_refer": "Transmis pour examen",
    "history_who": "Par",
    "history_model": "Modèle",
    "history_review_request": "Demande de réexamen humain du client (art. 22 RGPD)",
    "history_review_answer": "{outcome} (réexamen par un superviseur)",
    "user_removed": "compte supprimé",
    "date_at": "{date} à {time}",
}
