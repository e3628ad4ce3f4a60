"""Decision values are input (issue 11 §4): a decision outside its list, or a justification that
is not text of at most 2,000 characters, is refused by the service, whichever face sends it, and
nothing is stored. The API's schema had the rule; the dashboard passed anything to the store."""

from __future__ import annotations

import pytest
from dash import no_update
from dashboard_helpers import text_of
from sqlalchemy import func, select

from app.callbacks.decision import record
from app.database import current_database
from app.models import Decision
from app.services import decisions, scoring
from app.services.errors import Invalid
from app.texts import t

FORGED_DECISIONS = ["hack", "APPROVE", "", ["approve"], {"decision": "approve"}, 1, True]
FORGED_JUSTIFICATIONS = [["a justification long enough"], {"text": "x"}, 12, "x" * 2_001]


def stored() -> int:
    return current_database().session.scalar(select(func.count()).select_from(Decision))


@pytest.fixture
def scored(people, book):
    scoring.score_client(book["fresh"].id, people["adviser"])
    return book["fresh"]


@pytest.mark.parametrize("decision", FORGED_DECISIONS)
def test_the_service_refuses_a_decision_outside_its_list(people, scored, decision):
    with pytest.raises(Invalid) as refused:
        decisions.record_decision(scored.id, people["adviser"], decision, None)
    assert refused.value.fields == {"decision": "must be one of approve, decline, refer"}
    assert stored() == 0


@pytest.mark.parametrize("justification", FORGED_JUSTIFICATIONS)
def test_the_service_refuses_a_justification_that_is_not_bounded_text(
    people, scored, justification
):
    with pytest.raises(Invalid) as refused:
        decisions.record_decision(scored.id, people["adviser"], "approve", justification)
    assert set(refused.value.fields) == {"justification"}
    assert stored() == 0


@pytest.mark.parametrize("decision", FORGED_DECISIONS)
def test_the_page_asks_for_a_decision_from_the_list(acting, people, scored, decision):
    with acting(people["adviser"], "en"):
        feedback, refresh = record(1, decision, None, str(scored.id), 0)
    assert text_of(feedback) == t("decision_missing", "en")
    assert refresh is no_update and stored() == 0


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("justification", FORGED_JUSTIFICATIONS)
def test_the_page_names_the_justification_rule(acting, people, scored, lang, justification):
    with acting(people["adviser"], lang):
        feedback, _ = record(1, "approve", justification, str(scored.id), 0)
    assert text_of(feedback) == t("justification_invalid", lang, maximum=2_000)
    assert stored() == 0
