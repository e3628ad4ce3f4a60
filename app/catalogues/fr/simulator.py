"""The simulator's words."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "simulator_title": "Simulateur",
    "simulator_subtitle": "Modifiez un critère : l'avis et l'explication se mettent à jour. "
    "Rien n'est enregistré.",
    "simulator_inputs": "Critères",
    "simulator_from_client": "Valeurs du client {client}…",
    "simulator_quota_exceeded": "Quota quotidien atteint : {quota} scores ponctuels par jour et "
    "par utilisateur (simulateur et API). Réessayez dans {hours} h.",
    "simulator_reset_client": "Revenir aux valeurs du client",
    "simulator_reset_defaults": "Revenir aux valeurs de départ",
    "simulator_invalid": "Corrigez les valeurs pour obtenir un avis :",
    "simulator_stale": "Les valeurs de départ datent du {date} (il y a {days} jours, limite : "
    "{limit} jours) : l'avis simulé peut ne plus refléter la situation du client.",
    "rule_required": "Saisissez une valeur pour « {label} ».",
    "rule_number": "« {label} » : saisissez un nombre, par exemple {example}.",
    "rule_integer": "« {label} » doit être un nombre entier.",
    "rule_range_age": "L'âge doit être compris entre {min} et {max} ans.",
    "rule_range_income": "Le revenu net annuel doit être compris entre {min} € et {max} €.",
    "rule_range_seniority": "L'ancienneté professionnelle doit être comprise entre {min} et "
    "{max} ans.",
    "rule_range_incidents": "Le nombre d'incidents de paiement doit être compris entre {min} "
    "et {max}.",
    "rule_range_credit_score": "Le score de crédit doit être compris entre {min} et {max} points.",
    "rule_seniority_age": "L'ancienneté professionnelle ne peut pas dépasser l'âge moins {years} "
    "ans ({limit} ans ici).",
}
