"""Plain-language texts of the API and the dashboard, French first, then English.

Each principal reason is a specific sentence built with the client's own value, with numbers
formatted the way a reader of that language expects (French: "12 500 €", decimal comma).
Numbers, money, percentages, dates and plurals come from CLDR through Babel: never by hand.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from babel import Locale
from babel import dates as babel_dates
from babel.numbers import NumberPattern, parse_pattern
from babel.units import format_unit

from app.texts import DEFAULT_LANGUAGE
from app.texts import LANGUAGES as LANGUAGES  # re-exported: callers read both from here

_LOCALES = {"fr": Locale.parse("fr_FR"), "en": Locale.parse("en_GB")}
# French writes 03/12/2026; English spells the month ("3 Dec 2026"), never ambiguous.
_DATE_STYLE = {"fr": "short", "en": "medium"}
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


def locale_of(lang: str) -> Locale:
    """The CLDR locale a language is written in (English as in the UK: the bank is European)."""
    return _LOCALES.get(lang, _LOCALES[DEFAULT_LANGUAGE])


@lru_cache(maxsize=64)
def _pattern(base: str, decimals: int) -> NumberPattern:
    """Parsed once per pattern and decimals (parsing cost 0.1 ms a call: the rescoring formats
    thousands of numbers); a NumberPattern is only read by apply(), so sharing it is safe."""
    pattern = parse_pattern(base)
    pattern.frac_prec = (decimals, decimals)
    return pattern


def format_number(value: float, lang: str, decimals: int = 0) -> str:
    """12 500 / 0,48 (fr), 12,500 / 0.48 (en): grouping and decimal signs from CLDR."""
    locale = locale_of(lang)
    return _pattern(locale.decimal_formats[None].pattern, decimals).apply(value, locale)


def format_percent(share: float, lang: str, decimals: int = 1) -> str:
    """A share (0.123) as the reader writes a percentage: "12,3 %" (fr), "12.3%" (en)."""
    locale = locale_of(lang)
    return _pattern(locale.percent_formats[None].pattern, decimals).apply(share, locale)


def format_money(amount: float, lang: str) -> str:
    """Euros, cents only when there are some: "12 500 €" (fr), "€12,500" (en)."""
    locale = locale_of(lang)
    decimals = 0 if float(amount).is_integer() else 2
    pattern = _pattern(locale.currency_formats["standard"].pattern, decimals)
    return pattern.apply(amount, locale, currency="EUR", currency_digits=False)


def _day(moment: str | date | datetime) -> date:
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return moment.date() if isinstance(moment, datetime) else moment


def format_date(moment: str | date | datetime, lang: str) -> str:
    """A day as the reader writes it: "03/12/2026" (fr), "3 Dec 2026" (en); ISO text accepted."""
    return babel_dates.format_date(_day(moment), _DATE_STYLE[lang], locale=locale_of(lang))


def format_time(moment: str | datetime, lang: str) -> str:
    """The time of day, 24-hour: "19:11" (the stored time zone, UTC)."""
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return babel_dates.format_time(moment, "short", locale=locale_of(lang))


def plural_form(count: float, lang: str) -> str:
    """The CLDR plural category of a count: French says "0 incident", English "0 incidents"."""
    return locale_of(lang).plural_form(abs(count))


def format_days(days: int, lang: str) -> str:
    """A duration with grouped digits, in years too when it is a whole number of them:
    "1 095 jours (3 ans)", "183 jours", "1 day"."""
    locale = locale_of(lang)
    text = format_unit(days, "duration-day", locale=locale)
    years, rest = divmod(days, 365)
    if years and not rest:
        text += f" ({format_unit(years, 'duration-year', locale=locale)})"
    return text


def _years(value: float, lang: str) -> str:
    """1,5 an / 6 ans / 1 year / 6.5 years: tenths of a year at most."""
    number = "#,##0" if float(value).is_integer() else "#,##0.0"
    return format_unit(value, "duration-year", locale=locale_of(lang), format=number)


def _counted(count: int, nouns: dict[str, dict[str, str]], lang: str) -> str:
    return f"{format_number(count, lang)} {nouns[lang][plural_form(count, lang)]}"


INCIDENT_NOUNS = {
    "fr": {"one": "incident de paiement", "other": "incidents de paiement"},
    "en": {"one": "payment incident", "other": "payment incidents"},
}
POINT_NOUNS = {"fr": {"one": "point", "other": "points"}, "en": {"one": "point", "other": "points"}}


def format_value(feature: str, value: float, lang: str) -> str:
    """A feature value as words: "12 500 €", "3 incidents de paiement", "1,5 an"."""
    if feature == "income":
        return format_money(value, lang)
    if feature == "seniority":
        return _years(value, lang)
    if feature == "incidents":
        return _counted(int(value), INCIDENT_NOUNS, lang)
    if feature == "credit_score":
        return _counted(int(value), POINT_NOUNS, lang)
    return format_number(value, lang)


def format_with_unit(feature: str, value: float, lang: str) -> str:
    """A feature value shown beside its label, unit included but the label not repeated:
    "40 ans", "12 500 €", and "7" beside "Incidents de paiement"."""
    if feature == "age":
        return _years(int(value), lang)
    if feature == "incidents":
        return format_number(int(value), lang)
    return format_value(feature, value, lang)


def reason(feature: str, value: float, impact: float, lang: str) -> str:
    plural = feature == "incidents" and plural_form(int(value), lang) != "one"
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
