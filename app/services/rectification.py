"""Rectification from the client page (GDPR Art. 16): the adviser corrects their client's five
features, and the client is scored again on the corrected data.

The correction is the PATCH /api/v1/clients/{id} use case (services/rights.rectify_client: the
permission, the schema's validation on the merged record, the audit, the date of update); the
new score follows the one-score-per-state rule (services/scoring). Values the adviser confirms
unchanged still refresh the date of update: the data was checked with the client.
"""

from __future__ import annotations

import uuid

from app.models import User
from app.services import permissions, rights, scoring
from app.services.portfolio import visible_client


def rectify_and_rescore(client_id: uuid.UUID, actor: User, values: dict, lang: str = "fr"):
    """Store the corrected features (only those that changed; all of them, confirmed, when none
    did) and return the client's score on them."""
    permissions.require(actor, "rectify")
    current = visible_client(client_id, actor).features()
    changes = {name: value for name, value in values.items() if current.get(name) != value}
    rights.rectify_client(client_id, actor, changes or dict(values))
    return scoring.score_client(client_id, actor, lang)
