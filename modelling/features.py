"""The feature schema: the one source of truth for the five scoring inputs.

The store's CHECK constraints, the synthetic generator, the training pipeline, the API validation,
the OpenAPI document and the dashboard forms all read this module. Change a range here and every
layer follows (the Alembic migration is the one deliberate copy, checked by a test).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

# Risk direction of a feature: +1 the risk never decreases as the value grows, -1 it never
# increases, 0 left free by the model (reported, not constrained).
INCREASES_RISK = 1
DECREASES_RISK = -1
FREE = 0

# Minimum working age in France (apprenticeship at 14+): seniority <= age - 14.
MIN_WORKING_AGE = 14


@dataclass(frozen=True)
class Feature:
    name: str
    kind: type  # int or float
    minimum: float
    maximum: float
    monotone: int
    unit_en: str
    unit_fr: str
    label_en: str
    label_fr: str
    description: str
    actionable: bool  # can a client realistically change it (used by counterfactuals)
    step: float  # smallest meaningful change (dashboard sliders, counterfactual search)

    def label(self, lang: str) -> str:
        return self.label_fr if lang == "fr" else self.label_en

    def unit(self, lang: str) -> str:
        return self.unit_fr if lang == "fr" else self.unit_en


FEATURES: tuple[Feature, ...] = (
    Feature(
        name="age",
        kind=int,
        minimum=18,
        maximum=100,
        monotone=FREE,
        unit_en="years",
        unit_fr="ans",
        label_en="Age",
        label_fr="Âge",
        description="Age of the client in whole years.",
        actionable=False,
        step=1,
    ),
    Feature(
        name="income",
        kind=float,
        minimum=0,
        maximum=10_000_000,
        monotone=DECREASES_RISK,
        unit_en="EUR / year",
        unit_fr="€ / an",
        label_en="Annual net income",
        label_fr="Revenu net annuel",
        description="Annual net income in euros.",
        actionable=True,
        step=1_000,
    ),
    Feature(
        name="seniority",
        kind=float,
        minimum=0,
        maximum=86,
        monotone=DECREASES_RISK,
        unit_en="years",
        unit_fr="ans",
        label_en="Job seniority",
        label_fr="Ancienneté professionnelle",
        description="Years in current employment (decimal); at most age - 14.",
        actionable=False,
        step=0.5,
    ),
    Feature(
        name="incidents",
        kind=int,
        minimum=0,
        maximum=100,
        monotone=INCREASES_RISK,
        unit_en="incidents / 24 months",
        unit_fr="incidents / 24 mois",
        label_en="Payment incidents",
        label_fr="Incidents de paiement",
        description="Number of payment incidents over the last 24 months.",
        actionable=True,
        step=1,
    ),
    Feature(
        name="credit_score",
        kind=int,
        minimum=300,
        maximum=850,
        monotone=DECREASES_RISK,
        unit_en="points",
        unit_fr="points",
        label_en="Credit score",
        label_fr="Score de crédit",
        description="Bureau credit score, 300 (worst) to 850 (best).",
        actionable=True,
        step=10,
    ),
)

FEATURE_NAMES: tuple[str, ...] = tuple(f.name for f in FEATURES)
BY_NAME: dict[str, Feature] = {f.name: f for f in FEATURES}


def monotone_constraints() -> list[int]:
    """Monotone directions in FEATURE_NAMES order, as CatBoost expects them."""
    return [f.monotone for f in FEATURES]


def check_value(feature: Feature, value: Any) -> str | None:
    """Return the rule a single already-typed value breaks, or None.

    Strict: booleans are not numbers, NaN and infinities are refused, integer features take
    integral values only.
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return "must be a number"
    if isinstance(value, float) and not math.isfinite(value):
        return "must be a finite number"
    if feature.kind is int and isinstance(value, float) and not value.is_integer():
        return "must be an integer"
    if not feature.minimum <= value <= feature.maximum:
        return (
            f"must be between {format_bound(feature.minimum)} and {format_bound(feature.maximum)}"
        )
    return None


def check_consistency(values: Mapping[str, Any]) -> dict[str, str]:
    """Rules that span several features, checked once each value is valid on its own."""
    age, seniority = values.get("age"), values.get("seniority")
    if age is not None and seniority is not None and seniority > age - MIN_WORKING_AGE:
        return {"seniority": f"must be at most age - {MIN_WORKING_AGE}"}
    return {}


def validate(values: Mapping[str, Any]) -> tuple[dict[str, int | float], dict[str, str]]:
    """Validate a complete set of typed features.

    Returns the cleaned values (ints for integer features) and a mapping of field -> rule for
    every broken rule; the values are only meaningful when the error mapping is empty.
    """
    errors: dict[str, str] = {}
    clean: dict[str, int | float] = {}
    for feature in FEATURES:
        if feature.name not in values or values[feature.name] is None:
            errors[feature.name] = "is required"
            continue
        rule = check_value(feature, values[feature.name])
        if rule:
            errors[feature.name] = rule
        else:
            raw = values[feature.name]
            clean[feature.name] = int(raw) if feature.kind is int else float(raw)
    if not errors:
        errors.update(check_consistency(clean))
    return clean, errors


def parse_text(feature: Feature, text: str) -> tuple[int | float | None, str | None]:
    """Parse one CSV cell into a typed value; returns (value, rule broken)."""
    text = text.strip()
    if not text:
        return None, "is required"
    try:
        number = float(text.replace(",", ".")) if feature.kind is float else _parse_int(text)
    except ValueError:
        return None, "must be an integer" if feature.kind is int else "must be a number"
    rule = check_value(feature, number)
    return (None, rule) if rule else (number, None)


def _parse_int(text: str) -> int:
    number = float(text)
    if not math.isfinite(number) or not number.is_integer():
        raise ValueError(text)
    return int(number)


def format_bound(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)
