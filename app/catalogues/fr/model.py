"""The model page's words: the served version, its performance and its explanation."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "model_title": "Le modèle",
    "model_subtitle": "Ce que vaut le modèle en service, mesuré sur des clients qu'il n'a "
    "jamais vus.",
    "active_version": "Version active :",
    "ci95": "IC 95 % : {low} – {high}",
    "metric_auc": "Pouvoir de classement (AUC)",
    "metric_gini": "Indice de Gini",
    "metric_prauc": "Repérage des défauts (PR AUC)",
    "metric_brier": "Erreur des probabilités (Brier)",
    "metric_ks": "Séparation des payeurs (KS)",
    "read_auc": "Probabilité qu'un client qui fera défaut soit jugé plus risqué qu'un bon payeur.",
    "col_cv_auc": "AUC (validation croisée)",
    "col_test_auc": "AUC (clients de test)",
    "read_metrics": "AUC : pouvoir de classement (1 = parfait, 0,5 = hasard). PR AUC : repérage "
    "des défauts, qui sont rares. Brier : erreur moyenne des probabilités. ECE : écart entre la "
    "probabilité annoncée et le taux de défaut observé. KS : séparation maximale entre bons et "
    "mauvais payeurs. Plus bas vaut mieux pour Brier, ECE et le coût ; plus haut pour les "
    "autres.",
    "model_name_baseline": "Référence (taux moyen de défaut)",
    "model_name_logistic": "Régression logistique",
    "model_name_spline_logistic": "Régression logistique à splines (GAM)",
    "model_name_catboost": "Arbres de décision boostés CatBoost (monotones)",
    "read_gini": "Gini = 2·AUC − 1 : pouvoir de classement.",
    "read_prauc": "Qualité sur les défauts, qui sont rares.",
    "read_brier": "Écart moyen entre probabilité et réalité (plus bas = mieux).",
    "read_ks": "Séparation maximale entre bons et mauvais payeurs.",
    "read_threshold": "Minimise le coût attendu (défaut manqué : {fn}, bon client refusé : {fp}).",
    "roc_title": "Courbe ROC",
    "fpr": "Taux de faux positifs",
    "tpr": "Taux de vrais positifs",
    "read_roc": "Plus la courbe monte vite, mieux le modèle classe les clients du plus au moins "
    "risqué.",
    "read_true_pd": "Sur ces données synthétiques, la vraie probabilité atteindrait une AUC de "
    "{auc} : le modèle en obtient {ratio}.",
    "calibration_title": "Calibration",
    "predicted": "Probabilité prédite",
    "observed": "Taux de défaut observé",
    "model_word": "Modèle",
    "choice_excluded_better": "{model} a une AUC en validation croisée plus élevée ({auc}) mais "
    "ne respecte pas le sens du risque pour : {features} ; il est écarté.",
    "choice_excluded_simpler": "{model} est plus simple que {champion} et son AUC en validation "
    "croisée ({auc}) est à moins de {margin} de la sienne ({champion_auc}) : il aurait été "
    "retenu pour sa simplicité, mais il ne respecte pas le sens du risque pour : {features} ; "
    "il est écarté.",
    "choice_best": "{model} a la meilleure AUC en validation croisée ({auc}) parmi les modèles "
    "qui respectent le sens du risque.",
    "choice_simpler": "{model} (AUC {auc}) est à moins de {margin} d'AUC de {best} ({best_auc}) : "
    "le modèle le plus simple est retenu.",
    "perfect": "Parfait",
    "read_calibration": "Quand la jauge affiche 10 %, environ 10 % de ces clients font défaut : "
    "les points doivent suivre la diagonale.",
    "cost_title": "Coût selon le seuil",
    "cost_axis": "Coût attendu par client",
    "read_cost": "Le seuil retenu est celui où le coût attendu est le plus bas.",
    "importance_title": "Importance globale",
    "importance_axis": "Effet moyen, sans signe (points de risque)",
    "read_importance": "Quels critères pèsent le plus, en moyenne, sur les scores.",
    "candidates_title": "Modèles comparés",
    "candidate": "Modèle",
    "fairness_title": "Équité par tranche d'âge",
    "age_band": "Tranche d'âge",
    "favourable_rate": "Taux d'avis favorable",
    "ratio_best": "Ratio à la meilleure tranche",
    "suppressed": "masqué (moins de 30 personnes)",
    "read_fairness": "Un ratio sous 0,8 (⚠) signale un écart à examiner ; ce n'est pas une "
    "preuve de discrimination. L'âge est un critère protégé : son usage est un choix documenté.",
    "fairness_flagged": "Tranche(s) {bands} : le taux d'avis favorable est inférieur à 80 % de "
    "celui de la meilleure tranche. Pour ces clients, ne vous arrêtez pas à la recommandation : "
    "examinez le dossier sur ses autres critères (revenus, incidents, score de crédit) et "
    "justifiez votre décision. Signalez l'écart au responsable du modèle, qui décide d'une "
    "revue de conformité.",
}
