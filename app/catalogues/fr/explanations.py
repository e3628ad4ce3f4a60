"""The API's sentences, also shown on the dashboard: the principal reasons of a score and
the counterfactual, built by app/i18n.py with the client's own values."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    # the principal reasons: one sentence per feature, {value} formatted, {verb} below
    "reason_sentence_age": "À {value} ans, l'âge du client {verb} le risque.",
    "reason_sentence_income": "Un revenu net annuel de {value} {verb} le risque.",
    "reason_sentence_seniority": "Une ancienneté professionnelle de {value} {verb} le risque.",
    "reason_sentence_incidents": "{value} sur les 24 derniers mois {verb} le risque.",
    "reason_sentence_credit_score": "Un score de crédit de {value} {verb} le risque.",
    # the verb: one or several (CLDR plural of the incidents), sharply above STRONG_IMPACT
    "reason_verb_one": "augmente",
    "reason_verb_one_strong": "augmente nettement",
    "reason_verb_many": "augmentent",
    "reason_verb_many_strong": "augmentent nettement",
    # the counterfactual: what single change would turn the recommendation
    "counterfactual_sentence": "Avec {subject}, la recommandation serait {recommendation}.",
    "counterfactual_subject_age": "{value} ans",
    "counterfactual_subject_income": "un revenu net annuel de {value}",
    "counterfactual_subject_seniority": "une ancienneté professionnelle de {value}",
    "counterfactual_subject_incidents": "{value}",
    "counterfactual_subject_credit_score": "un score de crédit de {value}",
    "no_counterfactual_favourable": "La recommandation est déjà favorable.",
    "no_counterfactual_none": "Aucun changement réaliste d'un seul critère modifiable ne "
    "changerait la recommandation.",
    "recommendation_label_favourable": "favorable",
    "recommendation_label_review": "à examiner",
    "recommendation_label_unfavourable": "défavorable",
    # nouns counted in a feature value, by CLDR plural category
    "noun_incident_one": "incident de paiement",
    "noun_incident_other": "incidents de paiement",
    "noun_point_one": "point",
    "noun_point_other": "points",
}
