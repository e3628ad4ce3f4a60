"""The admin page as an administrator uses it: find and erase a client (confirmation, fresh
log-in, the API's service and audit), switch the model after a confirmation, read the audit log
in pages, in words and by e-mail, and no command line or bare day counts on the pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from dash import no_update
from dashboard_helpers import GOOD, PASSWORD, add_client, draw_page, find, in_callback, text_of
from sqlalchemy import select

from app.callbacks import admin as admin_callbacks
from app.callbacks import admin_erasure
from app.callbacks import oversight as oversight_callbacks
from app.database import current_database
from app.models import AuditEvent, Client
from app.services import audit, oversight
from app.services.administration import AUDIT_PAGE
from app.services.audit import ACTIONS
from app.services.errors import Forbidden
from app.services.pseudonymisation import client_uuid
from app.services.rights_search import find_for_rights
from app.texts import TEXTS, t

APP = Path(__file__).resolve().parents[2] / "app"


@pytest.fixture
def api_erase(dash_app):
    """Erase through `DELETE /api/v1/clients/{id}` with a token from a fresh log-in."""

    def erase(user, client_id) -> None:
        http = dash_app.test_client()
        login = http.post("/api/v1/auth/login", json={"email": user.email, "password": PASSWORD})
        token = login.get_json()["access_token"]
        answer = http.delete(
            f"/api/v1/clients/{client_id}", headers={"Authorization": f"Bearer {token}"}
        )
        assert answer.status_code == 200, answer.get_json()

    return erase


def search(text: str):
    return in_callback(
        admin_erasure.search, 1, 0, text, trigger="admin-erase-form", prop="n_submit"
    )


def erasure_events(client_id) -> list[AuditEvent]:
    return list(
        current_database().session.scalars(
            select(AuditEvent).where(
                AuditEvent.action == "erasure", AuditEvent.client_id == client_id
            )
        )
    )


# --- client search and erasure ------------------------------------------------------------


def test_the_admin_finds_a_client_by_short_id_uuid_or_reference(acting, people, book):
    client = book["fresh"]
    referenced = add_client(people["other"], GOOD, client_id=client_uuid("CUST-0042"))
    with acting(people["admin"]):
        for text in (str(client.id)[:8], str(client.id), str(client.id).upper()):
            results, feedback = search(text)
            assert feedback is None
            rows = find(results, "admin-erase-table").children[1].children
            assert len(rows) == 1
            assert str(client.id)[:8] in text_of(rows[0])
            assert "adviser@bank.example" in text_of(rows[0])
            assert "720" not in text_of(rows[0])  # identifies the record, shows no feature
        results, _ = search("CUST-0042")
        assert str(referenced.id)[:8] in text_of(results)
        assert "other@bank.example" in text_of(results)
        results, feedback = search("no-such-reference")
        assert results is None and feedback.id == "admin-erase-none"
        results, feedback = search("bad\x00text")
        assert feedback.id == "admin-erase-invalid"
        assert text_of(feedback) == t("erase_search_invalid", "fr")


@pytest.mark.parametrize("role", ["adviser", "supervisor"])
def test_only_an_admin_searches_every_client(acting, people, book, role):
    with pytest.raises(Forbidden):
        find_for_rights(str(book["foreign"].id), people[role])
    with acting(people[role], "en"):
        results, feedback = search(str(book["foreign"].id))
    assert results is None and feedback.id == "admin-erase-refused"
    assert str(book["foreign"].id)[:8] not in text_of(feedback)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_erasure_asks_first_then_erases_as_the_api_does(acting, people, book, lang):
    client = book["stale"]
    button = {"type": "admin-erase-open", "client": str(client.id)}
    with acting(people["admin"], lang):
        is_open, title, body, target = in_callback(
            admin_erasure.ask_erase, [1], None, None, trigger=button
        )
        assert is_open and target == str(client.id)
        assert title == t("erase_confirm_title", lang, client=str(client.id)[:8])
        assert str(client.id)[:8] in text_of(body)
        assert current_database().session.get(Client, client.id) is not None  # asked only
        closed = in_callback(admin_erasure.ask_erase, [1], 1, None, trigger="admin-erase-cancel")
        assert closed[0] is False
        outcome, erased = admin_erasure.erase(1, target, 0)
    assert outcome.id == "admin-erase-done" and erased == 1
    assert text_of(outcome) == t("erase_done", lang, client=str(client.id)[:8])
    current_database().session.expire_all()
    assert current_database().session.get(Client, client.id) is None
    (event,) = erasure_events(client.id)
    assert event.actor_id == people["admin"].id  # the API's erasure event, by this admin


def test_the_api_and_the_dashboard_erase_with_the_same_audit_event(acting, people, book, api_erase):
    with acting(people["admin"]):
        admin_erasure.erase(1, str(book["fresh"].id), 0)
    api_erase(people["admin"], book["stale"].id)
    dashboard, api = erasure_events(book["fresh"].id), erasure_events(book["stale"].id)
    assert len(dashboard) == len(api) == 1
    assert (dashboard[0].actor_id, dashboard[0].details) == (api[0].actor_id, api[0].details)


def test_erasure_needs_a_fresh_log_in(acting, people, book):
    client = book["fresh"]
    with acting(people["admin"], "en", fresh=False):
        outcome, erased = admin_erasure.erase(1, str(client.id), 0)
    assert erased is no_update
    assert text_of(outcome) == t("fresh_login_required", "en", minutes=5)
    assert current_database().session.get(Client, client.id) is not None
    assert erasure_events(client.id) == []


def test_an_adviser_cannot_erase_from_the_dashboard(acting, people, book):
    client = book["fresh"]
    with acting(people["adviser"], "en"):
        outcome, erased = admin_erasure.erase(1, str(client.id), 0)
    assert erased is no_update and outcome.id == "admin-erase-refused"
    assert current_database().session.get(Client, client.id) is not None


def test_a_client_erased_meanwhile_is_said_so(acting, people, book):
    with acting(people["admin"], "en"):
        admin_erasure.erase(1, str(book["fresh"].id), 0)
        outcome, erased = admin_erasure.erase(2, str(book["fresh"].id), 1)
    assert outcome.id == "admin-erase-gone" and erased is no_update


# --- the kill switch ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_switching_the_model_asks_first_and_names_the_admin_by_email(acting, people, lang):
    with acting(people["admin"], lang):
        is_open, title, body, label, colour, target = in_callback(
            oversight_callbacks.ask_switch, 1, None, None, None, trigger="admin-model-off"
        )
        assert (is_open, target, colour) == (True, False, "danger")
        assert label == t("switch_confirm_off", lang)
        assert (title, body) == (
            t("switch_confirm_off_title", lang),
            t("switch_confirm_off_body", lang),
        )
        assert oversight.model_enabled() is True  # the press only asked
        cancelled = in_callback(
            oversight_callbacks.ask_switch, 1, None, 1, None, trigger="admin-switch-cancel"
        )
        assert cancelled[0] is False and oversight.model_enabled() is True
        status, *_ = in_callback(
            oversight_callbacks.switch, 1, False, 0, trigger="admin-switch-confirm"
        )
    assert oversight.model_enabled() is False
    assert "admin@bank.example" in text_of(status)
    assert str(people["admin"].id)[:8] not in text_of(status)


# --- the audit log --------------------------------------------------------------------------


def record_views(actor, client, count: int) -> None:
    with current_database().transaction():
        for _ in range(count):
            audit.record("view_client", actor.id, client.id)


def audit_rows(component) -> list:
    return find(component, "admin-audit-table").children[1].children


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_audit_log_pages_through_every_event_in_words(acting, people, book, lang):
    record_views(people["adviser"], book["fresh"], AUDIT_PAGE + 7)
    with acting(people["admin"], lang):
        first, pages, page = in_callback(
            admin_callbacks.audit_page,
            "view_client",
            None,
            None,
            1,
            0,
            trigger="admin-audit-action",
            prop="value",
        )
        second, _, second_page = in_callback(
            admin_callbacks.audit_page,
            "view_client",
            None,
            None,
            2,
            0,
            trigger="admin-audit-pages",
            prop="active_page",
        )
        _, _, after_new_filter = in_callback(
            admin_callbacks.audit_page,
            "view_client",
            None,
            30,
            2,
            0,
            trigger="admin-audit-days",
            prop="value",
        )
    assert (pages, page, second_page, after_new_filter) == (2, 1, 2, 1)
    assert len(audit_rows(first)) == AUDIT_PAGE and len(audit_rows(second)) == 7
    row = text_of(audit_rows(second)[0])
    assert "adviser@bank.example" in row  # the author by e-mail, not a UUID prefix
    assert t("audit_action_view_client", lang) in row and "view_client" not in row
    assert t("audit_pages", lang, page=2, pages=2) in text_of(second)


def test_the_audit_log_filters_on_a_clients_short_id(acting, people, book):
    record_views(people["adviser"], book["fresh"], 3)
    record_views(people["adviser"], book["stale"], 2)
    short = str(book["fresh"].id)[:8]
    with acting(people["admin"]):
        log, _, _ = in_callback(
            admin_callbacks.audit_page, "view_client", short, None, 1, 0, trigger=None
        )
        bad, _, _ = in_callback(admin_callbacks.audit_page, "all", "zz", None, 1, 0, trigger=None)
        days, _, _ = in_callback(admin_callbacks.audit_page, "all", None, -3, 1, 0, trigger=None)
    rows = audit_rows(log)
    assert len(rows) == 3 and all(short in text_of(r) for r in rows)
    assert text_of(bad) == t("audit_bad_client", "fr")
    assert text_of(days) == t("audit_bad_days", "fr")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_audit_action_has_words_in_both_languages(lang):
    missing = sorted(a for a in ACTIONS if f"audit_action_{a}" not in TEXTS[lang])
    assert missing == []


def test_every_recorded_action_is_in_the_catalogue():
    """Each `audit.record("name", ...)` in the code names an action the page has words for."""
    recorded = {
        name
        for path in APP.rglob("*.py")
        for name in re.findall(r'audit\.record\(\s*"([a-z_]+)"', path.read_text("utf-8"))
    }
    assert recorded and recorded <= ACTIONS


# --- words on the GDPR and admin pages --------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "three_years", "five_years"),
    [
        ("fr", "1\u202f095\xa0jours (3 ans)", "1\u202f825\xa0jours (5 ans)"),
        ("en", "1,095 days (3 years)", "1,825 days (5 years)"),
    ],
)
def test_pages_state_durations_and_no_command_line(acting, people, lang, three_years, five_years):
    with acting(people["adviser"], lang):
        gdpr = draw_page("app.layouts.gdpr")
    with acting(people["admin"], lang):
        admin = draw_page("app.layouts.admin")
        _users, purge = admin_callbacks.admin_tables(1, 0)
    assert text_of(find(gdpr, "gdpr-retention_client_days")) == three_years
    assert five_years in text_of(purge)
    for page in (gdpr, admin):
        assert "flask" not in text_of(page) and "--dry-run" not in text_of(page)
