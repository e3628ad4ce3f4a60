"""Outcomes and back-tests through the API: recording an outcome (roles, each bad input, what is
stored), GET /models/{version}/backtest on constructed data of each status, with its numbers
checked against scikit-learn and scipy, and the pairing rule (the version's latest score on or
before the day observed)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import numpy as np
import pytest
from api_helpers import add_client
from outcome_helpers import STATUS_CASES, case_insufficient, case_ok, score_record, store_cases
from scipy.stats import beta
from sklearn.metrics import roc_auc_score
from sqlalchemy import func, select

from app.database import current_database
from app.models import AuditEvent, Outcome

VERSION = "20260101-000000-test"


def outcomes_url(client_id) -> str:
    return f"/api/v1/clients/{client_id}/outcomes"


def count_outcomes() -> int:
    return current_database().session.scalar(select(func.count()).select_from(Outcome))


@pytest.mark.parametrize("role", ["supervisor", "admin"])
def test_a_supervisor_or_an_admin_records_an_outcome(api, users, headers, role):
    client = add_client(users["adviser"])
    response = api.post(
        outcomes_url(client.id),
        headers=headers[role],
        json={"defaulted": True, "observed_at": "2026-05-31"},
    )
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["client_id"] == str(client.id) and body["defaulted"] is True
    assert body["observed_at"] == "2026-05-31" and body["source"] == "api"
    assert body["recorded_by"] == str(users[role].id)
    stored = current_database().session.scalar(select(Outcome))
    assert (stored.client_id, stored.defaulted, stored.observed_at) == (
        client.id,
        True,
        date(2026, 5, 31),
    )
    event = current_database().session.scalar(
        select(AuditEvent).where(AuditEvent.action == "outcome")
    )
    assert event.client_id == client.id and event.actor_id == users[role].id


def test_an_adviser_may_not_record_an_outcome(api, users, headers):
    client = add_client(users["adviser"])
    response = api.post(
        outcomes_url(client.id),
        headers=headers["adviser"],
        json={"defaulted": False, "observed_at": "2026-05-31"},
    )
    assert response.status_code == 403
    assert response.get_json()["error"]["code"] == "forbidden"
    assert count_outcomes() == 0


TOMORROW = (datetime.now(UTC).date() + timedelta(days=1)).isoformat()


BAD_INPUTS = [
    ({"defaulted": "yes", "observed_at": "2026-05-31"}, "defaulted", "must be true or false"),
    ({"defaulted": 1, "observed_at": "2026-05-31"}, "defaulted", "must be true or false"),
    ({"defaulted": None, "observed_at": "2026-05-31"}, "defaulted", "must be true or false"),
    ({"observed_at": "2026-05-31"}, "defaulted", "is required"),
    ({"defaulted": True, "observed_at": TOMORROW}, "observed_at", "must not be in the future"),
    ({"defaulted": True, "observed_at": "2026-13-01"}, "observed_at", "must be a date"),
    ({"defaulted": True, "observed_at": "31/05/2026"}, "observed_at", "must be a date"),
    ({"defaulted": True, "observed_at": 20260531}, "observed_at", "must be a string"),
    ({"defaulted": True}, "observed_at", "is required"),
    ({"defaulted": True, "observed_at": "2026-05-31", "grade": 3}, "grade", "is not allowed"),
]


def test_each_bad_input_is_refused_by_field(api, users, headers):
    client = add_client(users["adviser"])
    for body, field, rule in BAD_INPUTS:
        response = api.post(outcomes_url(client.id), headers=headers["supervisor"], json=body)
        assert response.status_code == 422, body
        error = response.get_json()["error"]
        assert error["code"] == "validation_error"
        assert error["fields"][field].startswith(rule), (body, error)
    assert count_outcomes() == 0


def test_an_unknown_client_is_a_404_naming_the_client(api, headers):
    response = api.post(
        outcomes_url(uuid.uuid4()),
        headers=headers["supervisor"],
        json={"defaulted": True, "observed_at": "2026-05-31"},
    )
    assert response.status_code == 404
    assert response.get_json()["error"]["fields"] == {"client_id": "no such client"}
    assert count_outcomes() == 0


def test_a_second_outcome_for_the_same_day_is_a_conflict(api, users, headers):
    client = add_client(users["adviser"])
    body = {"defaulted": False, "observed_at": "2026-05-31"}
    assert api.post(outcomes_url(client.id), headers=headers["admin"], json=body).status_code == 201
    again = api.post(outcomes_url(client.id), headers=headers["admin"], json=body)
    assert again.status_code == 409
    assert again.get_json()["error"]["code"] == "outcome_exists"
    assert count_outcomes() == 1


def backtest_of(api, headers, version=VERSION, role="supervisor"):
    return api.get(f"/api/v1/models/{version}/backtest", headers=headers[role])


@pytest.mark.parametrize("status", STATUS_CASES)
def test_each_status_through_the_api(api, users, headers, status):
    cases = STATUS_CASES[status]()
    store_cases(users["adviser"], cases, VERSION)
    response = backtest_of(api, headers)
    assert response.status_code == 200, response.get_json()
    report = response.get_json()
    y = np.array([c[1] for c in cases], float)
    p = np.array([c[0] for c in cases], float)
    assert report["status"] == status
    assert report["model_version"] == VERSION and report["outcomes"] == len(cases)
    assert report["auc"] == pytest.approx(roc_auc_score(y, p))
    assert report["auc_ci"][0] < report["auc"] < report["auc_ci"][1]
    assert report["brier"] == pytest.approx(np.mean((p - y) ** 2))
    assert report["predicted_rate"] == pytest.approx(p.mean())
    assert report["observed_rate"] == pytest.approx(y.mean())
    assert sum(g["n"] for g in report["grades"]) == len(cases)
    for grade in report["grades"]:
        k, n = round(grade["observed"] * grade["n"]), grade["n"]
        low = beta.ppf(0.025, k + 0.5, n - k + 0.5) if k else 0.0
        high = beta.ppf(0.975, k + 0.5, n - k + 0.5) if k < n else 1.0
        assert grade["interval"] == pytest.approx([low, high])
        inside = low <= grade["predicted"] <= high
        assert grade["status"] == ("inside" if inside else "outside")
    outside = sum(g["status"] == "outside" for g in report["grades"])
    expected_outside = {"ok": 0, "watch": 1, "alert": 2}.get(status)
    if expected_outside is not None:
        assert outside == expected_outside


def test_each_outcome_meets_the_versions_latest_score_on_or_before_its_day(api, users, headers):
    """Per client: an older score and the latest one of the version before the day (used), a
    score of the same day (used over both when later), one the day after and one of another
    version (never used)."""
    observed = date(2026, 3, 31)
    day = datetime(2026, 3, 31, 23, 59, tzinfo=UTC)
    cases = case_ok()
    older = [(0.9, y) for _, y in cases]
    clients = store_cases(users["adviser"], older, VERSION, observed=observed)
    records = []
    for client, (p, _) in zip(clients, cases, strict=True):
        records += [
            score_record(client.id, VERSION, 0.8, day - timedelta(days=20)),
            score_record(client.id, VERSION, p, day),  # the same day, the latest: used
            score_record(client.id, VERSION, 0.99, day + timedelta(minutes=2)),  # the next day
            score_record(client.id, "other-version", 0.01, day - timedelta(hours=1)),
        ]
    with current_database().transaction() as session:
        session.add_all(records)
    report = backtest_of(api, headers).get_json()
    p = np.array([c[0] for c in cases])
    assert report["outcomes"] == len(cases)
    assert report["predicted_rate"] == pytest.approx(p.mean())
    assert report["status"] == "ok"


def test_outcomes_the_version_never_scored_are_left_out(api, users, headers):
    store_cases(users["adviser"], case_ok(), "other-version")
    report = backtest_of(api, headers, "other-version").get_json()
    assert report["outcomes"] == 300
    mine = store_cases(users["adviser"], case_insufficient(), VERSION)
    report = backtest_of(api, headers).get_json()
    assert report["outcomes"] == len(mine) and report["status"] == "insufficient"


def test_an_unknown_version_is_a_404(api, headers):
    response = backtest_of(api, headers, "no-such-version")
    assert response.status_code == 404
    assert response.get_json()["error"]["fields"] == {"version": "is not a known model version"}


def test_the_served_version_is_known_before_any_outcome(api, headers, api_app):
    from app.services.models import model_service

    response = backtest_of(api, headers, model_service().version, "admin")
    assert response.status_code == 200
    report = response.get_json()
    assert (report["outcomes"], report["auc"], report["grades"]) == (0, None, [])
    assert report["status"] == "insufficient"


@pytest.mark.parametrize(
    "path", [f"/api/v1/models/{VERSION}/backtest", "/api/v1/models/challenger/report"]
)
def test_an_adviser_reads_no_back_test(api, users, headers, path):
    store_cases(users["adviser"], case_ok(), VERSION)
    response = api.get(path, headers=headers["adviser"])
    assert response.status_code == 403
    assert response.get_json()["error"]["code"] == "forbidden"
