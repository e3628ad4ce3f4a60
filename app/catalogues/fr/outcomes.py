"""The words of the outcomes, the back-test and the challenger comparison (issue 12 §3-4), and
of the outcomes' retention."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "audit_action_outcome": "Résultat observé enregistré (défaut ou non)",
    "audit_action_outcome_import": "Fichier de résultats observés importé",
    "bt_title": "Résultats observés : les probabilités étaient-elles justes ?",
    "bt_version": "Version {version}",
    "bt_status_ok": "Conforme",
    "bt_status_watch": "À surveiller",
    "bt_status_alert": "Alerte",
    "bt_status_insufficient": "Pas assez de résultats",
    "bt_read_ok": "Les taux de défaut observés confirment les probabilités annoncées, au global "
    "et dans chaque classe de risque.",
    "bt_read_watch": "Une classe de risque s'écarte de ce que le modèle annonçait : à suivre "
    "aux prochains résultats, sans action immédiate.",
    "bt_read_alert": "Les probabilités annoncées ne correspondent plus aux défauts observés "
    "(au global, ou dans plusieurs classes de risque) : l'équipe de validation doit réexaminer "
    "le modèle.",
    "bt_read_insufficient": "{outcomes} résultats rapprochés d'un score de cette version, il en "
    "faut au moins {minimum} pour juger la calibration.",
    "bt_outcomes": "Résultats rapprochés",
    "bt_auc": "AUC (IC 95 % DeLong)",
    "bt_brier": "Brier",
    "bt_rates": "Défaut prédit / observé",
    "bt_interval": "IC 95 % {low} – {high}",
    "bt_grade": "Classe",
    "bt_range": "Probabilités",
    "bt_predicted": "Défaut prédit",
    "bt_observed": "Défaut observé",
    "bt_grade_inside": "dans l'intervalle",
    "bt_grade_outside": "hors de l'intervalle",
    "bt_figure_predicted": "Prédit",
    "bt_figure_observed": "Observé (IC 95 %)",
    "bt_figure_grade": "Classe de risque (1 = risque le plus faible)",
    "bt_figure_rate": "Taux de défaut",
    "bt_reading": "Chaque résultat (défaut ou non, constaté à une date) est rapproché du "
    "dernier score que la version a donné au client ce jour-là ou avant. Les classes de risque "
    "sont les déciles de la probabilité, regroupés pour compter au moins {grade_min} résultats "
    "chacune. Pour chaque classe, la barre donne l'intervalle à 95 % du taux de défaut observé "
    "(intervalle de Jeffreys) : si le taux prédit tombe en dehors, le modèle se trompe dans "
    "cette classe plus que le hasard ne l'explique.",
    "bt_none": "Aucun modèle n'est en service : pas de back-test.",
    "ch_title": "Challenger en observation",
    "ch_versions": "Modèle en service {champion} ; challenger {challenger}",
    "ch_scores": "Scores calculés par les deux",
    "ch_agreement": "Même avis",
    "ch_rank": "Corrélation des rangs (Spearman)",
    "ch_champion": "En service",
    "ch_challenger": "Challenger",
    "ch_reading": "Le challenger calcule chaque score en parallèle, sans jamais être montré "
    "aux conseillers ni changer un avis. « Même avis » est la part des scores où les deux "
    "modèles donnent le même avis (favorable, à examiner, défavorable) ; la corrélation des "
    "rangs dit s'ils classent les clients dans le même ordre (1 = le même). Les back-tests "
    "ci-dessous portent sur les résultats que les deux modèles ont scorés.",
    "ch_no_scores": "Le challenger {challenger} n'a encore calculé aucun score en parallèle.",
    "retention_outcomes": "Résultats observés (défaut ou non)",
    "purge_outcomes": "Résultats observés",
}
