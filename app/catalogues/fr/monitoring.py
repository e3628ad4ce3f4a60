"""The words of the model page's "Surveillance" section: drift of the clients scored against the
training data (issue 12 §2)."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "drift_title": "Surveillance : les clients d'aujourd'hui ressemblent-ils à ceux de "
    "l'entraînement ?",
    "drift_window": "Période observée",
    "drift_window_days": "{days} derniers jours",
    "drift_version": "Version {version}, {scores} scores sur la période",
    "drift_status_ok": "Stable",
    "drift_status_watch": "À surveiller",
    "drift_status_alert": "Alerte",
    "drift_status_insufficient": "Pas assez de scores",
    "drift_status_no_reference": "Pas de référence",
    "drift_read_ok": "Les clients scorés sur la période se répartissent comme ceux sur "
    "lesquels le modèle a été entraîné.",
    "drift_read_watch": "La répartition d'au moins un critère a bougé : à suivre, sans action "
    "immédiate.",
    "drift_read_alert": "La répartition d'au moins un critère a nettement changé : les "
    "clients ne ressemblent plus aux données d'entraînement. L'équipe de validation doit "
    "vérifier que le modèle reste adapté (un réentraînement peut être nécessaire).",
    "drift_read_insufficient": "{scores} scores sur la période, il en faut au moins {minimum} "
    "pour comparer les répartitions.",
    "drift_read_no_reference": "Cette version a été entraînée sans distribution de "
    "référence : réentraînez-la pour suivre la dérive.",
    "drift_psi_meaning": "L'indice de stabilité de la population (PSI) compare, pour chaque "
    "critère, la part des clients dans chaque tranche (les déciles des données "
    "d'entraînement) avec la part observée sur la période. 0 : même répartition ; moins de "
    "{watch} : stable ; de {watch} à {alert} : changement modéré, à surveiller ; {alert} ou "
    "plus : changement important.",
    "drift_feature": "Critère",
    "drift_psi": "PSI",
    "drift_status": "Statut",
    "drift_probability": "Probabilité de défaut",
    "drift_reference": "Entraînement",
    "drift_recent": "Période",
    "drift_share_axis": "Part des clients",
    "drift_none": "Aucun modèle n'est en service : pas de référence à comparer.",
    "drift_invalid": "Période invalide : {fields}.",
    "audit_action_drift_alert": "Alerte de dérive du modèle",
}
