"""The words of the model page's "without age" card (issue 15 §2): the champion next to the same
model trained without age, and where the bank's choice is written."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "wa_title": "Le même modèle sans l'âge",
    "wa_intro": "Même famille, mêmes réglages, mêmes clients de test : seul l'âge est retiré. "
    "Écart d'AUC (avec l'âge moins sans l'âge) : {diff} (intervalle à 95 % : {low} à {high}).",
    "wa_model": "Modèle",
    "wa_with": "Avec l'âge (servi)",
    "wa_without": "Sans l'âge",
    "wa_auc": "AUC (test)",
    "wa_ece": "Erreur de calibration (ECE)",
    "wa_threshold": "Seuil",
    "wa_favourable": "Avis favorables",
    "wa_band": "Tranche d'âge",
    "wa_band_with": "Favorables avec l'âge",
    "wa_band_without": "Favorables sans l'âge",
    "wa_suppressed": "moins de 30 personnes",
    "wa_choice": "Le choix de la banque entre les deux modèles, et sa raison chiffrée, figurent "
    "dans la documentation du modèle (docs/modelling.md).",
    "wa_missing": "Cette version a été entraînée avant la comparaison sans l'âge : aucun chiffre "
    "pour elle.",
}
