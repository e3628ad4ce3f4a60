"""The API's sentences, also shown on the dashboard: the principal reasons of a score and
the counterfactual, built by app/i18n.py with the client's own values."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    # the principal reasons: one sentence per feature, {value} formatted, {verb} below
    "reason_sentence_age": "At {value}, the client's age {verb} the risk.",
    "reason_sentence_income": "An annual net income of {value} {verb} the risk.",
    "reason_sentence_seniority": "A job seniority of {value} {verb} the risk.",
    "reason_sentence_incidents": "{value} over the last 24 months {verb} the risk.",
    "reason_sentence_credit_score": "A credit score of {value} {verb} the risk.",
    # the verb: one or several (CLDR plural of the incidents), sharply above STRONG_IMPACT
    "reason_verb_one": "raises",
    "reason_verb_one_strong": "sharply raises",
    "reason_verb_many": "raise",
    "reason_verb_many_strong": "sharply raise",
    # the counterfactual: what single change would turn the recommendation
    "counterfactual_sentence": "With {subject}, the recommendation would be {recommendation}.",
    "counterfactual_subject_age": "an age of {value}",
    "counterfactual_subject_income": "an annual net income of {value}",
    "counterfactual_subject_seniority": "a job seniority of {value}",
    "counterfactual_subject_incidents": "{value}",
    "counterfactual_subject_credit_score": "a credit score of {value}",
    "no_counterfactual_favourable": "The recommendation is already favourable.",
    "no_counterfactual_none": "No realistic change of a single actionable feature would change the "
    "recommendation.",
    "recommendation_label_favourable": "favourable",
    "recommendation_label_review": "to review",
    "recommendation_label_unfavourable": "unfavourable",
    # nouns counted in a feature value, by CLDR plural category
    "noun_incident_one": "payment incident",
    "noun_incident_other": "payment incidents",
    "noun_point_one": "point",
    "noun_point_other": "points",
}
