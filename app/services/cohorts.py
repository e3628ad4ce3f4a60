"""Where a client stands among the portfolio and among similar clients, computed by the database.

The portfolio's ranks are counts on the (adviser, feature) indexes, all in one statement, so they
cost index range scans rather than a pass over the portfolio's rows; the similar clients (same age
band and income band) are one aggregate query over the age band; the score distribution is one
grouped query.
"""

from __future__ import annotations

from sqlalchemy import case, func, select

from app.database import current_database
from app.models import Client, User
from app.services.portfolio import scoped, visible_client
from modelling.features import FEATURES

AGE_BANDS = ((18, 25), (26, 35), (36, 50), (51, 65), (66, 100))
INCOME_BANDS = ((0, 20_000), (20_000, 35_000), (35_000, 60_000), (60_000, 100_000), (100_000, None))
HISTOGRAM_BINS = 20


def band_of(value: float, bands, closed: bool = True) -> tuple:
    """The band holding value: [low, high] for whole-year ages, [low, high) for incomes."""
    for low, high in bands:
        if value >= low and (high is None or (value <= high if closed else value < high)):
            return low, high
    return bands[-1]


def _shares(size: int, below: dict, equal: dict) -> dict:
    """The cohort's size, each feature's mid-rank percentile (share below + half the ties) and
    its ties (the share holding the client's very value: at 0 incidents, most of a portfolio)."""
    return {
        "size": size,
        "percentiles": {
            name: (below[name] + equal[name] / 2) / size if size else None for name in below
        },
        "ties": {name: equal[name] / size if size else None for name in equal},
    }


def _percentiles(statement, client: Client) -> dict:
    """Ranks among a cohort given as a statement: one aggregate pass over its rows."""
    cohort = statement.subquery()
    columns = [func.count().label("n")]
    for f in FEATURES:
        value, column = getattr(client, f.name), cohort.c[f.name]
        columns.append(func.sum(case((column < value, 1), else_=0)).label(f"{f.name}_below"))
        columns.append(func.sum(case((column == value, 1), else_=0)).label(f"{f.name}_equal"))
    row = current_database().session.execute(select(*columns).select_from(cohort)).one()._mapping
    below = {f.name: row[f"{f.name}_below"] or 0 for f in FEATURES}
    equal = {f.name: row[f"{f.name}_equal"] or 0 for f in FEATURES}
    return _shares(row["n"] or 0, below, equal)


def _ranks_by_index(actor: User, client: Client) -> dict:
    """Mid-rank percentiles among the whole portfolio: count(< value) + count(= value) / 2, each
    a count(*) that the (adviser_id, feature) index answers on its own."""

    def count(*conditions):
        return scoped(select(func.count()).select_from(Client), actor).where(*conditions)

    columns = [count().scalar_subquery().label("n")]
    for f in FEATURES:
        value, column = getattr(client, f.name), getattr(Client, f.name)
        columns.append(count(column < value).scalar_subquery().label(f"{f.name}_below"))
        columns.append(count(column == value).scalar_subquery().label(f"{f.name}_equal"))
    row = current_database().session.execute(select(*columns)).one()._mapping
    below = {f.name: row[f"{f.name}_below"] for f in FEATURES}
    equal = {f.name: row[f"{f.name}_equal"] for f in FEATURES}
    return _shares(row["n"] or 0, below, equal)


def compare(client_id, actor: User) -> dict:
    client = visible_client(client_id, actor)
    portfolio = scoped(select(Client.id, *(getattr(Client, f.name) for f in FEATURES)), actor)
    age_band = band_of(client.age, AGE_BANDS)
    income_low, income_high = band_of(client.income, INCOME_BANDS, closed=False)
    similar = portfolio.where(Client.age.between(*age_band), Client.income >= income_low)
    if income_high is not None:
        similar = similar.where(Client.income < income_high)
    return {
        "portfolio": _ranks_by_index(actor, client),
        "similar": _percentiles(similar, client),
        "age_band": list(age_band),
        "income_band": [income_low, income_high],
        "histogram": score_histogram(actor),
    }


def score_histogram(actor: User) -> dict:
    """Counts of the portfolio's latest probabilities in equal bins on [0, 1]."""
    bucket = func.floor(Client.probability * HISTOGRAM_BINS)
    statement = scoped(select(bucket.label("bucket"), func.count().label("n")), actor)
    statement = statement.where(Client.probability.is_not(None)).group_by(bucket)
    counts = [0] * HISTOGRAM_BINS
    for row in current_database().session.execute(statement):
        counts[min(int(row.bucket), HISTOGRAM_BINS - 1)] += row.n
    return {"edges": [i / HISTOGRAM_BINS for i in range(HISTOGRAM_BINS + 1)], "counts": counts}
