"""Plain-language texts of the API and the dashboard, French first, then English.

Each principal reason is a specific sentence built with the client's own value, with numbers
formatted the way a reader of that language expects (French: "12 500 €", decimal comma).
"""

from __future__ import annotations

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"
STRONG_IMPACT = 0.5  # log-odds: above this a reason says the feature raises the risk "sharply"

RECOMMENDATION_LABELS = {
    "fr": {"favourable": "favorable", "review": "à examiner", "unfavourable": "défavorable"},
    "en": {"favourable": "favourable", "review": "to review", "unfavourable": "unfavourable"},
}

REASONS = {
    "fr": {
        "age": "À {value} ans, l'âge du client {verb} le risque.",
        "income": "Un revenu net annuel de {value} {verb} le risque.",
        "seniority": "Une ancienneté professionnelle de {value} {verb} le risque.",
        "incidents": "{value} sur les 24 derniers mois {verb} le risque.",
        "credit_score": "Un score de crédit de {value} {verb} le risque.",
    },
    "en": {
        "age": "At {value}, the client's age {verb} the risk.",
        "income": "An annual net income of {value} {verb} the risk.",
        "seniority": "A job seniority of {value} {verb} the risk.",
        "incidents": "{value} over the last 24 months {verb} the risk.",
        "credit_score": "A credit score of {value} {verb} the risk.",
    },
}

VERBS = {
    "fr": {
        (False, False): "augmente",
        (True, False): "augmente nettement",
        (False, True): "augmentent",
        (True, True): "augmentent nettement",
    },
    "en": {
        (False, False): "raises",
        (True, False): "sharply raises",
        (False, True): "raise",
        (True, True): "sharply raise",
    },
}

COUNTERFACTUAL = {
    "fr": "Avec {subject}, la recommandation serait {recommendation}.",
    "en": "With {subject}, the recommendation would be {recommendation}.",
}
# What the changed feature is called in the counterfactual sentence ({value} formatted).
COUNTERFACTUAL_SUBJECTS = {
    "fr": {
        "age": "{value} ans",
        "income": "un revenu net annuel de {value}",
        "seniority": "une ancienneté professionnelle de {value}",
        "incidents": "{value}",
        "credit_score": "un score de crédit de {value}",
    },
    "en": {
        "age": "an age of {value}",
        "income": "an annual net income of {value}",
        "seniority": "a job seniority of {value}",
        "incidents": "{value}",
        "credit_score": "a credit score of {value}",
    },
}
NO_COUNTERFACTUAL = {
    "fr": {
        "favourable": "La recommandation est déjà favorable.",
        "none": "Aucun changement réaliste d'un seul critère modifiable ne changerait la "
        "recommandation.",
    },
    "en": {
        "favourable": "The recommendation is already favourable.",
        "none": "No realistic change of a single actionable feature would change the "
        "recommendation.",
    },
}


def format_number(value: float, lang: str, decimals: int = 0) -> str:
    text = f"{value:,.{decimals}f}"
    if lang == "fr":
        return text.replace(",", "\u202f").replace(".", ",")
    return text


def format_days(days: int, lang: str) -> str:
    """A duration with grouped digits, in years too when it is a whole number of them:
    "1 095 jours (3 ans)", "183 jours", "1 day"."""
    count = format_number(days, lang)
    if lang == "fr":
        text = f"{count} jour" if days < 2 else f"{count} jours"
    else:
        text = f"{count} day" if days == 1 else f"{count} days"
    years, rest = divmod(days, 365)
    if years and not rest:
        if lang == "fr":
            text += f" ({years} an)" if years == 1 else f" ({years} ans)"
        else:
            text += f" ({years} year)" if years == 1 else f" ({years} years)"
    return text


def format_value(feature: str, value: float, lang: str) -> str:
    """A feature value as words: "12 500 €", "3 incidents de paiement", "1,5 an"."""
    if feature == "income":
        decimals = 0 if float(value).is_integer() else 2
        amount = format_number(value, lang, decimals)
        return f"{amount} €" if lang == "fr" else f"€{amount}"
    if feature == "seniority":
        decimals = 0 if float(value).is_integer() else 1
        years = format_number(value, lang, decimals)
        if lang == "fr":
            return f"{years} an" if value < 2 else f"{years} ans"
        return f"{years} year" if value == 1 else f"{years} years"
    if feature == "incidents":
        count = int(value)
        if lang == "fr":
            noun = "incident de paiement" if count < 2 else "incidents de paiement"
            return f"{count} {noun}"
        return f"{count} payment incident" if count == 1 else f"{count} payment incidents"
    if feature == "credit_score":
        return f"{int(value)} points"
    return format_number(value, lang)


def format_with_unit(feature: str, value: float, lang: str) -> str:
    """A feature value shown beside its label, unit included but the label not repeated:
    "40 ans", "12 500 €", and "7" beside "Incidents de paiement"."""
    if feature == "age":
        return f"{int(value)} ans" if lang == "fr" else f"{int(value)} years"
    if feature == "incidents":
        return str(int(value))
    return format_value(feature, value, lang)


def reason(feature: str, value: float, impact: float, lang: str) -> str:
    plural = feature == "incidents" and int(value) >= 2
    verb = VERBS[lang][(impact > STRONG_IMPACT, plural)]
    text = REASONS[lang][feature].format(value=format_value(feature, value, lang), verb=verb)
    return text[0].upper() + text[1:]


def counterfactual_text(feature: str, value: float, recommendation: str, lang: str) -> str:
    label = RECOMMENDATION_LABELS[lang][recommendation]
    subject = COUNTERFACTUAL_SUBJECTS[lang][feature].format(
        value=format_value(feature, value, lang)
    )
    return COUNTERFACTUAL[lang].format(subject=subject, recommendation=label)


def no_counterfactual_text(reason_code: str, lang: str) -> str:
    return NO_COUNTERFACTUAL[lang][reason_code]
