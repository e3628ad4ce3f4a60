"""Feature values typed and read in the reader's language, and the schema's rules as sentences.

An adviser types "38 000" or "2,5" on a French page and "38,000" or "2.5" on an English one;
an ambiguous entry ("38.000" on a French page: 38 or 38,000?) is refused rather than guessed.
The rules come from modelling/features.py (bounds, integer features, seniority <= age - 14):
this module only words them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from app.i18n import format_number
from app.texts import t
from modelling.features import BY_NAME, FEATURES, MIN_WORKING_AGE, Feature, check_value, validate

MAX_INPUT_LENGTH = 24  # characters a number field accepts
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]")
_PLAIN = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_FR_DOT_GROUPS = re.compile(r"[+-]?\d{1,3}(\.\d{3})+")  # "38.000": thousands or decimals?
_EN_GROUPS = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?")


class NotANumber(ValueError):
    """The text is not a number in the reader's format."""


def parse_number(text: Any, lang: str) -> float | None:
    """A typed number in the reader's format; None when nothing is typed.

    Raises NotANumber for text that is not one, or not unambiguously one.
    """
    if text is None:
        return None
    if isinstance(text, bool):
        raise NotANumber(text)
    if isinstance(text, (int, float)):  # a slider's value, or a value set by the page
        if not math.isfinite(text):
            raise NotANumber(text)
        return float(text)
    compact = _SPACES.sub("", str(text))
    if not compact:
        return None
    if len(compact) > MAX_INPUT_LENGTH:
        raise NotANumber(text)
    if lang == "fr":
        if ("," in compact and "." in compact) or _FR_DOT_GROUPS.fullmatch(compact):
            raise NotANumber(text)
        compact = compact.replace(",", ".")
    elif _EN_GROUPS.fullmatch(compact):
        compact = compact.replace(",", "")
    if not _PLAIN.fullmatch(compact):
        raise NotANumber(text)
    return float(compact)


def input_text(feature: Feature, value: float | None, lang: str) -> str:
    """A value as the reader types it: "38 000", "2,5" (fr), "38,000", "2.5" (en)."""
    if value is None:
        return ""
    decimals = 0 if float(value).is_integer() else 2
    text = format_number(float(value), lang, decimals).replace("\u202f", " ")
    return text.rstrip("0").rstrip(",.") if decimals else text


def range_message(feature: Feature, lang: str) -> str:
    """The feature's range as a sentence: "L'âge doit être compris entre 18 et 100 ans."."""
    return t(
        f"rule_range_{feature.name}",
        lang,
        min=format_number(feature.minimum, lang),
        max=format_number(feature.maximum, lang),
    )


def _message(feature: Feature, text: Any, value: float | None, lang: str) -> str:
    label = feature.label(lang)
    if value is None:
        if text is None or not _SPACES.sub("", str(text)):
            return t("rule_required", lang, label=label)
        example = "2,5" if lang == "fr" else "2.5"
        return t("rule_number", lang, label=label, example=example)
    if not math.isfinite(value):
        return range_message(feature, lang)
    if feature.kind is int and not value.is_integer():
        return t("rule_integer", lang, label=label)
    if check_value(feature, value) is not None:
        return range_message(feature, lang)
    return ""


def read_features(
    typed: Mapping[str, Any], lang: str
) -> tuple[dict[str, int | float], dict[str, str]]:
    """Typed texts -> (clean values, field -> message in the reader's language).

    The values are only meaningful when there is no message.
    """
    parsed: dict[str, float | None] = {}
    for feature in FEATURES:
        try:
            parsed[feature.name] = parse_number(typed.get(feature.name), lang)
        except NotANumber:
            parsed[feature.name] = None
    clean, errors = validate(parsed)
    messages = {}
    for name in errors:
        feature = BY_NAME[name]
        text = _message(feature, typed.get(name), parsed[name], lang)
        # A value valid on its own breaks a rule across features (seniority <= age - 14).
        messages[name] = text or t(
            "rule_seniority_age",
            lang,
            years=MIN_WORKING_AGE,
            limit=format_number(max(0, (parsed.get("age") or 0) - MIN_WORKING_AGE), lang),
        )
    return clean, messages
