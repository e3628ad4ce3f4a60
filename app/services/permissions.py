"""Who may do what: the one permission table every use case asks before it reads or writes.

The API's route table, the dashboard's callbacks and its pages all ask this module, so a rule
holds whichever face an action comes through (a role checked only by a route is a hole: the
dashboard calls the same services). Reading a client is scoped separately (services/portfolio:
an adviser's own portfolio, every client for a supervisor).
"""

from __future__ import annotations

import uuid

from app.database import current_database
from app.models import Client, Role, User
from app.services.errors import Forbidden, NotFound
from app.services.portfolio import visible_client

ADVISER, SUPERVISOR, ADMIN = Role.ADVISER, Role.SUPERVISOR, Role.ADMIN

# action -> the roles that may perform it (for "decide", refusal() adds the client rules).
PERMISSIONS: dict[str, tuple[Role, ...]] = {
    "score": (ADVISER, SUPERVISOR),  # ad-hoc feature sets, stored and audited
    # An adviser on their own clients outside the review queue; a supervisor only on a client
    # in the queue (the review decision), never on a case they referred or first decided.
    "decide": (ADVISER, SUPERVISOR),
    "review": (SUPERVISOR,),  # the review decision on a client in the queue (Art. 22(3))
    "view_reviews": (SUPERVISOR, ADMIN),  # the review queue
    "oversight_evidence": (SUPERVISOR, ADMIN),  # override rates (CJEU C-634/21)
    "request_review": (ADVISER, SUPERVISOR),  # record the client's request (Art. 22(3))
    "export": (ADVISER, SUPERVISOR, ADMIN),  # Art. 15; needs a fresh log-in
    "rectify": (ADVISER,),  # Art. 16, the client's own adviser
    "letter": (ADVISER,),  # the client's letter on a decision (Arts 15, 22): their adviser
    "erase": (ADMIN,),  # Art. 17; needs a fresh log-in
    "switch_model": (ADMIN,),  # the kill switch (AI Act Art. 14): read and change
    "administer": (ADMIN,),  # users, the audit log, the retention preview
    "monitor_drift": (SUPERVISOR, ADMIN),  # the drift report (issue 12 §2)
    # Portfolio jobs (issue 14 §4): start a rescoring of every client, follow its progress.
    "run_jobs": (ADMIN,),
    # Outcomes and back-tests (issue 12 §3-4): record a client's realised outcome (API, CLI
    # import); read a version's back-test and the challenger's report.
    "record_outcome": (SUPERVISOR, ADMIN),
    "backtest": (SUPERVISOR, ADMIN),
    # Model lifecycle (issue 12): approve a version (fresh log-in; not the version's own
    # trainer), make an approved version active, set or stop the challenger.
    "approve_model": (ADMIN,),
    "activate_model": (ADMIN,),
}

MESSAGES = {
    "role": "Your role does not allow this operation.",
    "not_awaiting_review": "A supervisor decides only on a client awaiting human review "
    "(a referred client or a client's request for review).",
    "own_decision": "The reviewer must not be the author of the decision under review.",
    "in_review": "The client awaits a supervisor's review: the decision is the reviewer's.",
    "own_model": "The approver must not be the account that trained the model.",
}


class ActionForbidden(Forbidden):
    """A refusal that says which action and why (`reason` is a key of MESSAGES): the API
    answers 403 with `code`, the dashboard shows the reason in the reader's language."""

    def __init__(self, action: str, reason: str) -> None:
        code = "forbidden" if reason == "role" else reason
        super().__init__(MESSAGES[reason], code=code)
        self.action, self.reason = action, reason


def roles_for(action: str) -> tuple[str, ...]:
    """The roles that may ever perform the action (the API's route table uses it too)."""
    return tuple(role.value for role in PERMISSIONS[action])


def refusal(actor: User, action: str, client: Client | None = None) -> str | None:
    """Why the actor may not perform the action (a MESSAGES key), or None when allowed.

    Without a client only the role is checked (checked first, before the client is looked up,
    so a role that never may gets 403 and learns nothing about the client)."""
    if actor.role not in PERMISSIONS[action]:
        return "role"
    if client is not None and action in ("decide", "review"):
        return _review_refusal(actor, client)
    return None


def _review_refusal(actor: User, client: Client) -> str | None:
    """Supervisors decide only on a client in the review queue, never on their own case;
    advisers decide only outside it (the reviewer is someone else, GDPR Art. 22(3))."""
    from app.services.reviews import open_case, self_review  # reviews asks this table too

    case = open_case(current_database().session, client.id)
    if actor.role == ADVISER:
        return "in_review" if case is not None else None
    if case is None:
        return "not_awaiting_review"
    return "own_decision" if self_review(case, actor) else None


def allowed(actor: User, action: str, client: Client | None = None) -> bool:
    """For pages: draw an action only for someone who may perform it."""
    return refusal(actor, action, client) is None


def require(actor: User, action: str, client: Client | None = None) -> None:
    """The first line of every use case that performs an action: raise ActionForbidden."""
    reason = refusal(actor, action, client)
    if reason is not None:
        raise ActionForbidden(action, reason)


CLIENT_ACTIONS = ("decide", "review", "request_review", "export", "rectify", "letter")


def actions_on(client_id: uuid.UUID, actor: User) -> frozenset[str]:
    """What the client's page offers this reader: the actions the table allows on this client
    (nothing for a client outside the reader's portfolio)."""
    try:
        client = visible_client(client_id, actor)
    except NotFound:
        return frozenset()
    return frozenset(a for a in CLIENT_ACTIONS if allowed(actor, a, client))
