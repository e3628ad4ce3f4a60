"""What the dashboard shows of rights and oversight: export download, review request, the
decision-aid banner on client views, the kill-switch banner and toggle, the next purge."""

from __future__ import annotations

import json

import pytest
from dash import ctx
from dash.exceptions import PreventUpdate
from sqlalchemy import select

from app.callbacks import admin as admin_callbacks
from app.callbacks import client as client_callbacks
from app.callbacks import client_actions
from app.callbacks import oversight as oversight_callbacks
from app.callbacks import rights as rights_callbacks
from app.callbacks import simulator as simulator_callbacks
from app.database import current_database
from app.layouts import client as client_layout
from app.layouts import simulator as simulator_layout
from app.layouts.shell import shell
from app.models import AuditEvent
from app.services import decisions, oversight, scoring
from app.texts import t


def ids(component) -> set[str]:
    """Every id in a Dash component tree."""
    found, stack = set(), [component]
    while stack:
        node = stack.pop()
        if isinstance(node, list | tuple):
            stack.extend(node)
            continue
        if node is None or isinstance(node, str | int | float):
            continue
        if getattr(node, "id", None):
            found.add(node.id)
        stack.append(getattr(node, "children", None))
    return found


def text_of(component) -> str:
    parts, stack = [], [component]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            parts.append(node)
        elif isinstance(node, list | tuple):
            stack.extend(reversed(node))
        elif node is not None and not isinstance(node, int | float | dict):
            stack.append(getattr(node, "children", None))
    return " ".join(parts)


@pytest.fixture
def triggered(monkeypatch):
    """Make `dash.ctx.triggered_id` name a component, as a click would."""

    def trigger(component_id):
        monkeypatch.setattr(type(ctx), "triggered_id", property(lambda _self: component_id))

    return trigger


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_client_view_carries_the_decision_aid_banner(acting, people, stored_client, lang):
    with acting(people["adviser"], lang):
        # The client page draws the banner with the advice it qualifies (not while the model
        # is off: tests/dashboard/test_dashboard_client_words.py); the simulator always has it.
        loaded = client_callbacks.load_client(str(stored_client.id))
        by_target = dict(zip(client_callbacks.LOAD_OUTPUTS, loaded, strict=True))
        for page in (
            by_target["client-aid.children"],
            simulator_layout.layout(lang, people["adviser"], {}),
        ):
            assert "decision-aid-banner" in ids(page)
            assert t("decision_aid", lang) in text_of(page)
    expected = {"fr": "le conseiller décide", "en": "the adviser decides"}[lang]
    assert expected in t("decision_aid", lang)


def test_the_export_button_downloads_the_clients_json(acting, people, stored_client):
    with acting(people["adviser"]):
        scoring.score_client(stored_client.id, people["adviser"])
        page = client_layout.layout("fr", people["adviser"], {}, str(stored_client.id))
        buttons, _form = client_actions.draw_actions(str(stored_client.id))
        assert "client-export-download" in ids(page) and "client-export" in ids(buttons)
        with pytest.raises(PreventUpdate):  # rendered, not pressed
            rights_callbacks.export(None, str(stored_client.id))
        download, refused = rights_callbacks.export(1, str(stored_client.id))
    assert refused is None
    assert download["filename"] == f"client-{stored_client.id}.json"
    document = json.loads(download["content"])
    assert document["client_id"] == str(stored_client.id)
    assert document["features"]["age"] == 42 and len(document["scores"]) == 1
    events = (
        current_database()
        .session.scalars(select(AuditEvent).where(AuditEvent.action == "export"))
        .all()
    )
    assert [e.actor_id for e in events] == [people["adviser"].id]


def test_a_review_request_shows_until_a_supervisor_decides(acting, people, stored_client):
    cid = str(stored_client.id)

    def button():
        buttons, _form = client_actions.draw_actions(cid)
        return next(b for b in buttons if getattr(b, "id", None) == "client-review-record")

    with acting(people["adviser"], "en"):
        assert rights_callbacks.review_status(cid, 0) is None
        assert button().disabled is False
        with pytest.raises(PreventUpdate):  # drawn, not pressed: nothing is recorded
            rights_callbacks.record_review(None, None, cid)
        assert rights_callbacks.review_status(cid, 0) is None
        notice, disabled = rights_callbacks.record_review(1, None, cid)
        assert disabled is True and notice.id == "client-review-open"
        assert "asked for human review" in text_of(notice)
        # On reload: the notice again, and the button drawn disabled.
        assert rights_callbacks.review_status(cid, 1).id == "client-review-open"
        assert button().disabled is True
        scoring.score_client(stored_client.id, people["adviser"])
        justified = "Dossier relu avec le client, revenus confirmés."
        decision = decisions.record_decision(
            stored_client.id, people["supervisor"], "approve", justified
        )
        assert decision["human_review"] is True
        assert rights_callbacks.review_status(cid, 2) is None
        assert button().disabled is False


def test_the_kill_switch_banner_shows_on_every_page_while_the_model_is_off(acting, people):
    with acting(people["adviser"], "en"):
        assert {"model-off-banner", "model-switch-changed"} <= ids(shell())
        assert oversight_callbacks.banner("/", 0) is None
        oversight.set_model_enabled(False, people["admin"])
        for path in ("/", "/simulator", "/model", "/gdpr"):
            alert = oversight_callbacks.banner(path, 0)
            assert alert.id == "model-off-alert"
            assert t("model_off_banner", "en") in text_of(alert)


def test_the_admin_toggle_switches_the_model_and_tells_the_banner(acting, people, triggered):
    with acting(people["admin"], "en"):
        for rendered in (None, "admin-switch-confirm"):  # first render: named, never clicked
            triggered(rendered)
            status, off_disabled, on_disabled, changed = oversight_callbacks.switch(None, None, 0)
            assert (off_disabled, on_disabled, changed) == (False, True, 0)
            assert oversight.model_enabled() is True
        assert t("switch_on_status", "en") in text_of(status)
        triggered("admin-switch-confirm")  # confirmed in the dialogue (tests/dashboard/...admin)
        status, off_disabled, on_disabled, changed = oversight_callbacks.switch(1, False, 0)
        assert (off_disabled, on_disabled, changed) == (True, False, 1)
        assert oversight.model_enabled() is False
        assert oversight_callbacks.switch(2, True, 1)[3] == 2
        assert oversight.model_enabled() is True
    with acting(people["adviser"], "en"):
        triggered("admin-switch-confirm")
        status, *_ = oversight_callbacks.switch(3, False, 2)
        assert oversight.model_enabled() is True  # advisers cannot switch it
        assert "administrator" in text_of(status)


def test_with_the_model_off_the_client_page_asks_for_manual_review(acting, people, stored_client):
    oversight.set_model_enabled(False, people["admin"])
    with acting(people["adviser"], "en"):
        outputs = client_callbacks.load_client(str(stored_client.id))
        by_target = dict(zip(client_callbacks.LOAD_OUTPUTS, outputs, strict=True))
        badge = by_target["client-recommendation.children"]
        assert badge.id == "client-recommendation-badge"
        assert t("reco_manual_review", "en") in text_of(badge)
        assert t("model_off_text", "en") in text_of(by_target["client-model-off.children"])
        assert by_target["client-features.children"] is not None
        values = [42, 38_000.0, 6.5, 0, 720]
        result = simulator_callbacks.simulate(*values)
        assert "simulator-model-off" in ids(list(result))


def test_the_admin_page_shows_what_the_next_purge_takes(acting, people):
    with acting(people["admin"], "en"):
        _, purge = admin_callbacks.admin_tables(1, 0)
    shown = text_of(purge)
    for category in ("clients", "scores", "decisions", "audit", "revoked_tokens"):
        assert t(f"purge_{category}", "en") in shown
    assert t("purge_until_expiry", "en") in shown
