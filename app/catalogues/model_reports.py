"""The model page's words for the served policy and its fairness table (issue 12 §5, issue 15
§2). French first, then English."""

from __future__ import annotations

FR: dict[str, str] = {
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

EN: dict[str, str] = {
    "fair_favourable": "Favourable advice",
    "fair_review": "To review",
    "fair_unfavourable": "Unfavourable advice",
    "fair_tpr_unfavourable": "Defaulters advised unfavourably",
    "fair_fpr_unfavourable": "Good payers advised unfavourably",
    "fair_tpr_not_favourable": "Defaulters not advised favourably",
    "fair_fpr_not_favourable": "Good payers not advised favourably",
    "fair_predicted": "Predicted default (mean)",
    "fair_observed": "Observed default",
    "fair_interval": "95% CI {low} – {high}",
    "fair_policy": "Served policy: favourable advice below {lower}, unfavourable from {upper}, "
    "to review in between (review margin {margin}). On the test sample ({clients} clients): "
    "{favourable} favourable, {review} to review, {unfavourable} unfavourable. Expected cost "
    "per client: {cost} if each review ends as the single threshold would have decided, "
    "{cost_perfect} if each review decides right (single threshold alone: {cost_single}). "
    "A review costs {review_cost} (a refused good client costs {fp}, a missed default {fn}).",
    "fair_policy_margin_differs": "Warning: these figures were computed with a review margin of "
    "{trained}, but the service now applies {served} (REVIEW_MARGIN setting): they do not exactly "
    "describe the advice given.",
    "fair_policy_missing": "This version predates the served-policy report: the table below "
    "knows the single threshold only.",
    "read_fairness_served": "For each age band: the share of each advice, the share of "
    "defaulters and of good payers advised unfavourably (or not favourably), and the predicted "
    "default rate against the observed one. Under each figure, its 95% confidence interval "
    "(bootstrap).",
}
