"""The model page's words for the served policy and its fairness table (issue 12 §5, issue 15
§2)."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "fair_favourable": "Avis favorable",
    "fair_review": "À examiner",
    "fair_unfavourable": "Avis défavorable",
    "fair_tpr_unfavourable": "Défaillants avec avis défavorable",
    "fair_fpr_unfavourable": "Bons payeurs avec avis défavorable",
    "fair_tpr_not_favourable": "Défaillants sans avis favorable",
    "fair_fpr_not_favourable": "Bons payeurs sans avis favorable",
    "fair_predicted": "Défaut prédit (moyen)",
    "fair_observed": "Défaut observé",
    "fair_interval": "IC 95 % {low} – {high}",
    "fair_policy": "Politique servie : avis favorable sous {lower}, défavorable dès {upper}, "
    "à examiner entre les deux (marge de revue {margin}). Sur l'échantillon de test "
    "({clients} clients) : {favourable} favorables, {review} à examiner, {unfavourable} "
    "défavorables. Coût attendu par client : {cost} si chaque examen finit comme le seuil "
    "unique l'aurait décidé, {cost_perfect} si chaque examen tranche juste (seuil unique "
    "seul : {cost_single}). Un examen coûte {review_cost} (un bon client refusé coûte {fp}, "
    "un défaut manqué {fn}).",
    "fair_policy_margin_differs": "Attention : ces chiffres ont été calculés avec une marge de "
    "revue de {trained}, mais le service applique aujourd'hui {served} (réglage REVIEW_MARGIN) : "
    "ils ne décrivent pas exactement les avis rendus.",
    "fair_policy_missing": "Cette version précède le rapport de la politique servie : le "
    "tableau ci-dessous ne connaît que le seuil unique.",
    "read_fairness_served": "Pour chaque tranche d'âge : la part de chaque avis, la part des "
    "défaillants et des bons payeurs qui reçoivent un avis défavorable (ou pas d'avis "
    "favorable), et le taux de défaut prédit face au taux observé. Sous chaque chiffre, son "
    "intervalle de confiance à 95 % (bootstrap).",
}
