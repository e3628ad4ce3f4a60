"""Ad-hoc scores count against one daily quota per identity, the same through the service and
the dashboard's simulator (tests/api/test_api_adhoc_quota.py has the API's 429)."""

from __future__ import annotations

import pytest
from dashboard_helpers import GOOD
from sqlalchemy import func, select

from app.callbacks.simulator import EMPTY_FIGURE, simulate
from app.database import current_database
from app.models import AuditEvent, ScoreRecord
from app.services import scoring
from app.services.quota import QuotaExceeded
from modelling.features import FEATURE_NAMES

QUOTA = 3
VALUES = [GOOD[name] for name in FEATURE_NAMES]


@pytest.fixture
def dash_app(make_app, model_registry):
    """The whole server with a quota of three ad-hoc scores a day."""
    application = make_app(
        MODEL_REGISTRY_DIR=str(model_registry),
        RATELIMIT_ENABLED=False,
        ADHOC_SCORE_DAILY_QUOTA=QUOTA,
    )
    with application.app_context():
        yield application


def _count(model) -> int:
    return current_database().session.scalar(select(func.count()).select_from(model))


def _events_by(user) -> int:
    """The user's audit events (the system's own, e.g. a development auto-approval, aside)."""
    statement = select(func.count()).select_from(AuditEvent).where(AuditEvent.actor_id == user.id)
    return current_database().session.scalar(statement)


def test_the_service_refuses_over_the_quota_and_stores_nothing(people):
    adviser = people["adviser"]
    scoring.score_and_record([GOOD, GOOD], adviser)
    with pytest.raises(QuotaExceeded) as refused:
        scoring.score_and_record([GOOD, GOOD], adviser)  # one left: the batch goes whole or not
    assert refused.value.retry_after > 0 and refused.value.code == "adhoc_quota_exceeded"
    assert (_count(ScoreRecord), _events_by(adviser)) == (2, 1)
    scoring.score_and_record([GOOD], adviser)
    with pytest.raises(QuotaExceeded):
        scoring.simulate(GOOD, adviser)  # the simulator spends the same day's quota


@pytest.mark.parametrize(
    ("lang", "words"),
    [("fr", "Quota quotidien atteint : 3 scores ponctuels"), ("en", "Daily quota reached: 3")],
)
def test_the_simulator_says_the_quota_is_reached_in_the_readers_language(
    acting, people, lang, words
):
    with acting(people["adviser"], lang):
        for _ in range(QUOTA):
            shown = simulate(*VALUES)
            assert shown[5] is None  # scored, no message
        refused = simulate(*VALUES)
    assert refused[5].id == "simulator-failed" and words in refused[5].children
    assert refused[0] == EMPTY_FIGURE  # no gauge of an earlier score left shown
    assert _count(ScoreRecord) == 0  # the simulator stores nothing


def test_the_simulators_spending_limits_the_api_of_the_same_identity(acting, people):
    with acting(people["adviser"]):
        for _ in range(QUOTA):
            simulate(*VALUES)
    with pytest.raises(QuotaExceeded):
        scoring.score_and_record([GOOD], people["adviser"])
    scoring.score_and_record([GOOD], people["supervisor"])  # another identity, another quota
