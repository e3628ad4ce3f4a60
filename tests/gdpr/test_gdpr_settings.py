"""One source for retention: the configuration, the register (docs/gdpr.md), the dashboard's
GDPR page and the clock process all agree."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from flask_login import login_user
from sqlalchemy import func, select

from app import clock
from app.config import Config, ConfigError, load_config
from app.database import current_database
from app.layouts import gdpr
from app.models import Client, utcnow
from app.web.auth import SessionUser

REGISTER = Path(__file__).resolve().parents[2] / "docs" / "gdpr.md"


def test_the_register_states_the_configured_defaults():
    text = REGISTER.read_text(encoding="utf-8")
    stated = dict(re.findall(r"`(RETENTION_\w+)` \| (\d+) jours", text))
    assert stated == {
        name: str(getattr(Config, name))
        for name in (
            "RETENTION_CLIENT_DAYS",
            "RETENTION_SCORE_DAYS",
            "RETENTION_ADHOC_SCORE_DAYS",
            "RETENTION_DECISION_DAYS",
            "RETENTION_OUTCOME_DAYS",
            "RETENTION_AUDIT_DAYS",
        )
    }
    assert f"par défaut {Config.STALE_AFTER_DAYS} jours" in text
    for section in (  # the register in French for the DPO, the DPIA in the CNIL's PIA structure
        "Finalités et bases légales",
        "catégories de données",
        "Destinataires",
        "Durées de conservation",
        "Mesures de sécurité",
        "Droits des clients",
        "Analyse d'impact",
        "Contexte",
        "Principes fondamentaux",
        "Risques",
        "Avis du DPO",
        "Notice d'information des clients",
    ):
        assert section in text


@pytest.mark.parametrize(("raw", "ok"), [("183", True), ("182", False), ("30", False)])
def test_audit_retention_keeps_six_months_at_least(raw, ok):
    if ok:
        assert load_config({"RETENTION_AUDIT_DAYS": raw})["RETENTION_AUDIT_DAYS"] == 183
    else:
        with pytest.raises(ConfigError, match=r"^RETENTION_AUDIT_DAYS must be at least 183"):
            load_config({"RETENTION_AUDIT_DAYS": raw})


def test_the_gdpr_page_reads_the_running_configuration(make_app, adviser):
    app = make_app(RETENTION_CLIENT_DAYS=400, RETENTION_AUDIT_DAYS=200)
    with app.app_context(), app.test_request_context("/gdpr"):
        login_user(SessionUser(adviser))
        page = repr(gdpr.layout("en", adviser, {}))
    assert "400 days" in page and "200 days" in page
    assert "Until they expire" in page


@pytest.mark.parametrize(
    ("lang", "days", "quota"),
    [
        ("fr", "45\xa0jours", "1\u202f234 au plus par jour"),  # CLDR: a no-break space
        ("en", "45 days", "at most 1,234 a day"),
    ],
)
def test_the_gdpr_page_states_the_ad_hoc_retention_and_quota_in_force(make_app, lang, days, quota):
    app = make_app(RETENTION_ADHOC_SCORE_DAYS=45, ADHOC_SCORE_DAILY_QUOTA=1234)
    with app.app_context(), app.test_request_context("/gdpr"):
        shown = _texts_by_id(gdpr.retention_rows(lang))
    assert days in shown["gdpr-retention_adhoc_score_days"]
    assert quota in shown["gdpr-adhoc-quota"]


def _texts_by_id(component) -> dict[str, str]:
    found, stack = {}, [component]
    while stack:
        node = stack.pop()
        if isinstance(node, list | tuple):
            stack.extend(node)
        elif node is not None and not isinstance(node, str | int | float):
            if getattr(node, "id", None) and isinstance(node.children, str):
                found[node.id] = node.children
            stack.append(getattr(node, "children", None))
    return found


def _old_client(adviser, days: int) -> None:
    with current_database().transaction() as session:
        session.add(
            Client(
                adviser_id=adviser.id,
                age=40,
                income=30_000,
                seniority=5,
                incidents=0,
                credit_score=700,
                data_updated_at=utcnow() - timedelta(days=days),
            )
        )


def test_the_clock_purges_and_survives_a_failed_run(app, adviser, monkeypatch, caplog):
    _old_client(adviser, app.config["RETENTION_CLIENT_DAYS"] + 1)
    assert clock.run_once(app)["clients"] == 1
    count = select(func.count()).select_from(Client)
    assert current_database().session.scalar(count) == 0

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("app.services.retention.purge", broken)
    assert clock.run_once(app) is None
    assert "retention purge failed" in caplog.text


def test_the_purge_interval_is_a_setting():
    assert load_config({})["PURGE_INTERVAL_SECONDS"] == 24 * 3600
    assert load_config({"PURGE_INTERVAL_SECONDS": "3600"})["PURGE_INTERVAL_SECONDS"] == 3600
