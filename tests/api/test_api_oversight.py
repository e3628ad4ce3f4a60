"""Human oversight (AI Act Art. 14): the model switch, and the retention preview for admins."""

from __future__ import annotations

from api_helpers import GOOD
from sqlalchemy import select

from app.database import current_database
from app.models import AuditEvent, Client, ScoreRecord

SWITCH = "/api/v1/admin/model-switch"


def _switch(api, headers, enabled: bool):
    response = api.put(SWITCH, headers=headers["admin"], json={"enabled": enabled})
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def test_the_model_is_on_until_an_admin_switches_it_off(api, headers, users):
    assert api.get(SWITCH, headers=headers["admin"]).get_json() == {
        "enabled": True,
        "changed_at": None,
        "changed_by": None,
        "changed_by_email": None,
    }
    body = _switch(api, headers, False)
    assert body["enabled"] is False and body["changed_by"] == str(users["admin"].id)
    assert body["changed_by_email"] == users["admin"].email
    assert api.get(SWITCH, headers=headers["admin"]).get_json()["enabled"] is False
    event = current_database().session.scalar(
        select(AuditEvent).where(AuditEvent.action == "model_switch")
    )
    assert event.actor_id == users["admin"].id and event.details == {"enabled": False}


def test_switched_off_scoring_answers_manual_review_without_probability(api, headers, portfolio):
    _switch(api, headers, False)
    off = api.post("/api/v1/score", headers=headers["adviser"], json=GOOD)
    assert off.status_code == 200
    assert off.get_json() == {
        "probability_of_default": None,
        "recommendation": "manual_review",
        "threshold": None,
        "model_version": None,
        "explanation": None,
    }
    batch = api.post(
        "/api/v1/score/batch",
        headers=headers["adviser"],
        json={"clients": [GOOD, {**GOOD, "age": 5}]},
    ).get_json()["results"]
    assert batch[0]["recommendation"] == "manual_review" and batch[1]["index"] == 1
    client = api.get(
        f"/api/v1/clients/{portfolio['good'].id}/score", headers=headers["adviser"]
    ).get_json()
    assert client["recommendation"] == "manual_review"
    assert client["probability_of_default"] is None
    stored = current_database().session.scalars(select(ScoreRecord)).all()
    assert stored and all(
        s.probability is None and s.recommendation == "manual_review" for s in stored
    )
    # The adviser still decides, on their own (no recommendation to go against).
    decided = api.post(
        f"/api/v1/clients/{portfolio['good'].id}/decisions",
        headers=headers["adviser"],
        json={"decision": "approve"},
    )
    assert decided.status_code == 201
    assert decided.get_json()["recommendation"] == "manual_review"


def test_switching_back_on_restores_the_model(api, headers, portfolio):
    _switch(api, headers, False)
    _switch(api, headers, True)
    body = api.post("/api/v1/score", headers=headers["adviser"], json=GOOD).get_json()
    assert 0 <= body["probability_of_default"] <= 1
    assert body["recommendation"] in ("favourable", "review", "unfavourable")
    assert body["explanation"]["contributions"]


def test_the_switch_reaches_every_worker_within_a_second(
    make_app, model_registry, api, headers, monkeypatch
):
    """Another app on the same database (another worker) sees the switch once its cached
    reading is older than SWITCH_CACHE_SECONDS; the worker that switched sees it at once."""
    from app.services import oversight

    clock = [1000.0]
    monkeypatch.setattr(oversight.time, "monotonic", lambda: clock[0])
    other = make_app(MODEL_REGISTRY_DIR=str(model_registry))
    with other.app_context():
        assert oversight.model_enabled() is True  # read and cached by the other worker
    _switch(api, headers, False)
    assert oversight.model_enabled() is False  # the switching worker: at once
    with other.app_context():
        assert oversight.model_enabled() is True  # still its cached reading ...
        clock[0] += oversight.SWITCH_CACHE_SECONDS + 0.01
        assert oversight.model_enabled() is False  # ... for at most a second


def test_the_new_routes_are_in_the_contract(api):
    document = api.get("/api/v1/openapi.json").get_json()
    paths = document["paths"]
    client = "/api/v1/clients/{client_id}"
    assert {"get", "patch"} <= set(paths[client])
    assert "delete" in paths[client] and "401" in paths[client]["delete"]["responses"]
    for path in (client + "/export", client + "/review-request", SWITCH, "/api/v1/admin/retention"):
        assert path in paths
    assert set(paths[SWITCH]) == {"get", "put"}
    score = document["components"]["schemas"]["ScoreResponse"]["properties"]
    assert "manual_review" in score["recommendation"]["enum"]
    assert score["probability_of_default"]["nullable"] is True


def test_only_admins_see_or_turn_the_switch(api, headers):
    for role in ("adviser", "supervisor"):
        assert api.get(SWITCH, headers=headers[role]).status_code == 403
        assert api.put(SWITCH, headers=headers[role], json={"enabled": False}).status_code == 403
    bad = api.put(SWITCH, headers=headers["admin"], json={"enabled": "no"})
    assert bad.status_code == 422
    assert bad.get_json()["error"]["fields"] == {"enabled": "must be true or false"}


def test_admins_see_what_the_next_purge_takes(api, headers, users):
    from datetime import timedelta

    from app.models import utcnow

    days = 3 * 365
    with current_database().transaction() as session:
        session.add(
            Client(
                adviser_id=users["adviser"].id,
                data_updated_at=utcnow() - timedelta(days=days + 1),
                **GOOD,
            )
        )
    response = api.get("/api/v1/admin/retention", headers=headers["admin"])
    assert response.status_code == 200
    rows = {row["category"]: row for row in response.get_json()["categories"]}
    assert rows["clients"]["count"] == 1 and rows["clients"]["days"] == days
    assert rows["revoked_tokens"]["days"] is None
    assert api.get("/api/v1/admin/retention", headers=headers["adviser"]).status_code == 403
