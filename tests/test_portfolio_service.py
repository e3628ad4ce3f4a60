"""The portfolio's rules in the service, where the API and the dashboard both meet them: the
query's limits and the search by a UUID's short prefix (SQLite and PostgreSQL)."""

from __future__ import annotations

import uuid

import pytest
from dashboard_helpers import PASSWORD, add_client
from hypothesis import given, settings
from hypothesis import strategies as st

from app.services.errors import Invalid, NotFound
from app.services.lookup import MAX_MATCHES, client_id_from, find_clients
from app.services.portfolio import MAX_PER_PAGE, PortfolioQuery, check_query, list_clients
from app.services.pseudonymisation import client_uuid
from app.services.users import create_user
from modelling.features import FEATURES


@pytest.fixture
def people(app):
    return {
        role: create_user(f"{role}@bank.example", kind, PASSWORD)
        for role, kind in (
            ("adviser", "adviser"),
            ("other", "adviser"),
            ("supervisor", "supervisor"),
            ("admin", "admin"),
        )
    }


def ids(prefix: str, *tails: str) -> list[uuid.UUID]:
    return [uuid.UUID(prefix + tail.ljust(32 - len(prefix), "0")) for tail in tails]


def test_a_short_prefix_finds_only_the_actors_clients(people):
    mine_a, mine_b, foreign = ids("0123abcd", "1", "2", "3")
    add_client(people["adviser"], client_id=mine_a)
    add_client(people["adviser"], client_id=mine_b)
    add_client(people["other"], client_id=foreign)
    assert find_clients("0123abcd", people["adviser"]) == [mine_a, mine_b]
    assert find_clients("0123ABCD…", people["adviser"]) == [mine_a, mine_b]
    assert find_clients(str(mine_b)[:13], people["adviser"]) == [mine_b]
    assert find_clients("0123abcd", people["other"]) == [foreign]
    assert find_clients("0123abcd", people["supervisor"]) == [mine_a, mine_b, foreign]
    assert find_clients("0123abcd", people["admin"]) == []


def test_a_prefix_is_a_range_not_a_pattern(people):
    """Neighbours just outside the prefix's range and shorter prefixes match nothing."""
    (inside,) = ids("0123abcd", "5")  # 0123abcd-5000-…
    add_client(people["adviser"], client_id=inside)
    add_client(people["adviser"], client_id=uuid.UUID("0123abcc" + "f" * 24))
    add_client(people["adviser"], client_id=uuid.UUID("0123abce" + "0" * 24))
    assert find_clients("0123abcd", people["adviser"]) == [inside]
    assert find_clients("0123abc", people["adviser"]) == []  # fewer than 8 digits
    assert find_clients("0123abc%", people["adviser"]) == []
    assert find_clients("0123abc_", people["adviser"]) == []


def test_full_uuid_and_customer_reference_still_work(people):
    by_ref = add_client(people["adviser"], client_id=client_uuid("CUST-000777"))
    plain = add_client(people["adviser"])
    assert find_clients(" CUST-000777 ", people["adviser"]) == [by_ref.id]
    assert find_clients(str(plain.id), people["adviser"]) == [plain.id]
    assert find_clients(plain.id.hex.upper(), people["adviser"]) == [plain.id]
    assert find_clients("CUST-000777", people["other"]) == []


def test_matches_are_capped(people):
    for i in range(MAX_MATCHES + 3):
        add_client(people["adviser"], client_id=ids("77777777", f"{i:02d}")[0])
    assert len(find_clients("77777777", people["adviser"])) == MAX_MATCHES


@pytest.mark.parametrize(
    ("query", "fields"),
    [
        (PortfolioQuery(ranges={"age": (50, 40)}), {"age_min": "must not be above age_max"}),
        (PortfolioQuery(ranges={"age": (5, None)}), {"age_min": "must be between 18 and 100"}),
        (PortfolioQuery(per_page=MAX_PER_PAGE + 1), {"per_page": "must be between 1 and 200"}),
        (PortfolioQuery(per_page=10**9), {"per_page": "must be between 1 and 200"}),
        (PortfolioQuery(page=0), {"page": "must be between 1 and 1000000"}),
        (PortfolioQuery(sort="adviser_id"), {"sort": "must be one of"}),
        (PortfolioQuery(risk="extreme"), {"risk": "must be one of low, medium, high"}),
        (PortfolioQuery(ranges={"income": (float("nan"), None)}), {"income_min": "finite"}),
        (PortfolioQuery(ranges={"age": ("30", None)}), {"age_min": "must be an integer"}),
        (PortfolioQuery(stale_only="yes"), {"stale_only": "must be true or false"}),
    ],
)
def test_the_service_refuses_a_broken_query(people, query, fields):
    with pytest.raises(Invalid) as refused:
        list_clients(people["adviser"], query)
    assert set(refused.value.fields) == set(fields)
    for name, rule in fields.items():
        assert rule in refused.value.fields[name]


@st.composite
def range_filters(draw):
    """Bounds from the schema: inside, on the edges, or just outside each range."""
    ranges = {}
    for f in draw(st.lists(st.sampled_from(FEATURES), unique=True, max_size=3)):
        step = 1 if f.kind is int else 0.5
        value = st.sampled_from([f.minimum, f.maximum, f.minimum - step, f.maximum + step]) | (
            st.integers(int(f.minimum), int(f.maximum))
        )
        ranges[f.name] = (draw(st.none() | value), draw(st.none() | value))
    return ranges


@settings(max_examples=200, deadline=None)
@given(ranges=range_filters())
def test_every_out_of_range_or_crossed_bound_is_named(ranges):
    problems = {p.field for p in check_query(PortfolioQuery(ranges=ranges))}
    for name, (low, high) in ranges.items():
        feature = next(f for f in FEATURES if f.name == name)
        outside = [
            f"{name}_{end}"
            for end, value in (("min", low), ("max", high))
            if value is not None and not feature.minimum <= value <= feature.maximum
        ]
        if outside:
            assert set(outside) <= problems
        elif low is not None and high is not None and low > high:
            assert f"{name}_min" in problems
        else:
            assert not {f"{name}_min", f"{name}_max"} & problems


@pytest.mark.parametrize(
    "value",
    [None, "", "not-a-uuid", "x" * 100_000, 12, 10**40, ["0" * 32], {"id": "0" * 32}, True],
)
def test_anything_but_a_uuid_designates_no_client(value):
    with pytest.raises(NotFound):
        client_id_from(value)


def test_a_uuid_in_any_of_its_written_forms_is_read():
    known = uuid.UUID("0123abcd-1000-0000-0000-000000000000")
    for written in (str(known), known.hex, str(known).upper(), f"urn:uuid:{known}", known):
        assert client_id_from(written) == known
