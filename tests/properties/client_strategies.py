"""Hypothesis strategies for a client, derived from the feature schema (modelling/features.py).

Every feature draws either one of its edges (the schema's minimum and maximum, the comparison's
band edges with their neighbours) or any value of its range; seniority is drawn within what the
age allows (seniority <= age - MIN_WORKING_AGE), so every drawn client is one the store accepts.
"""

from __future__ import annotations

from hypothesis import strategies as st

from app.services.cohorts import AGE_BANDS, INCOME_BANDS
from modelling.features import BY_NAME, FEATURES, MIN_WORKING_AGE

# Band edges of the comparison, both sides of each cut; None (open-ended) has no edge.
BAND_EDGES = {
    "age": sorted({v + d for band in AGE_BANDS for v in band for d in (-1, 0, 1)}),
    "income": sorted(
        {v + d for band in INCOME_BANDS for v in band if v is not None for d in (-0.01, 0, 1)}
        | {1_000_000.0}
    ),
}


def edges(feature, top: float | None = None) -> list:
    """The values of a feature most likely to break a page: its range's ends, its band edges."""
    top = feature.maximum if top is None else top
    found = {feature.minimum, top, *BAND_EDGES.get(feature.name, ())}
    return sorted(feature.kind(v) for v in found if feature.minimum <= v <= top)


def value_of(feature, top: float | None = None) -> st.SearchStrategy:
    top = feature.maximum if top is None else top
    if feature.kind is int:
        anywhere = st.integers(int(feature.minimum), int(top))
    else:
        anywhere = st.floats(feature.minimum, top, allow_nan=False, allow_infinity=False).map(
            lambda v: round(v, 2)  # a stored amount: cents, or hundredths of a year
        )
    return st.one_of(st.sampled_from(edges(feature, top)), anywhere)


@st.composite
def clients(draw) -> dict:
    """A complete, valid feature set in the schema's order."""
    values = {}
    for feature in FEATURES:
        if feature.name == "seniority":
            allowed = min(feature.maximum, values["age"] - MIN_WORKING_AGE)
            values["seniority"] = draw(value_of(BY_NAME["seniority"], allowed))
        else:
            values[feature.name] = draw(value_of(feature))
    return values
