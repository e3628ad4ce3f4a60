"""Numbers, money, dates and plurals in the reader's language, and the API's sentences built
with them (their words: app/catalogues/<lang>/explanations.py).

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

from app.texts import DEFAULT_LANGUAGE, t
from app.texts import LANGUAGES as LANGUAGES  # re-exported: callers read both from here

_LOCALES = {"fr": Locale.parse("fr_FR"), "en": Locale.parse("en_GB")}
# French writes 03/12/2026; English spells the month ("3 Dec 2026"), never ambiguous.
_DATE_STYLE = {"fr": "short", "en": "medium"}
STRONG_IMPACT = 0.5  # log-odds: above this a reason says the feature raises the risk "sharply"

# The reason's verb by (strong impact, several incidents): keys of the explanations part.
_VERBS = {
    (False, False): "reason_verb_one",
    (True, False): "reason_verb_one_strong",
    (False, True): "reason_verb_many",
    (True, True): "reason_verb_many_strong",
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


def days_ago(days: int, lang: str) -> str:
    """The age of a record in plain words: "aujourd'hui", "il y a 1 jour", "12 days ago"."""
    if days == 0:
        return t("ago_today", lang)
    return t("ago", lang, days=format_unit(days, "duration-day", locale=locale_of(lang)))


def _years(value: float, lang: str) -> str:
    """1,5 an / 6 ans / 1 year / 6.5 years: tenths of a year at most."""
    number = "#,##0" if float(value).is_integer() else "#,##0.0"
    return format_unit(value, "duration-year", locale=locale_of(lang), format=number)


def counted(count: int, noun: str, lang: str) -> str:
    """3 incidents de paiement, 1 client: the noun (text key `noun_<noun>_<category>`) in the
    count's CLDR plural category."""
    return f"{format_number(count, lang)} {t(f'noun_{noun}_{plural_form(count, lang)}', lang)}"


def format_value(feature: str, value: float, lang: str) -> str:
    """A feature value as words: "12 500 €", "3 incidents de paiement", "1,5 an"."""
    if feature == "income":
        return format_money(value, lang)
    if feature == "seniority":
        return _years(value, lang)
    if feature == "incidents":
        return counted(int(value), "incident", lang)
    if feature == "credit_score":
        return counted(int(value), "point", lang)
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
    verb = t(_VERBS[(impact > STRONG_IMPACT, plural)], lang)
    text = t(
        f"reason_sentence_{feature}", lang, value=format_value(feature, value, lang), verb=verb
    )
    return text[0].upper() + text[1:]


def counterfactual_text(feature: str, value: float, recommendation: str, lang: str) -> str:
    label = t(f"recommendation_label_{recommendation}", lang)
    subject = t(f"counterfactual_subject_{feature}", lang, value=format_value(feature, value, lang))
    return t("counterfactual_sentence", lang, subject=subject, recommendation=label)


def no_counterfactual_text(reason_code: str, lang: str) -> str:
    return t(f"no_counterfactual_{reason_code}", lang)
