"""GET /clients/{id}/letter: the client's letter on the decision in force, as a PDF."""

from __future__ import annotations

import uuid
from typing import Literal

from flask import Response
from pydantic import BaseModel, ConfigDict, Field

from app.api.routing import Route, language
from app.services import permissions
from app.services.client_letter import client_letter
from app.services.letter_pdf import letter_pdf


class LetterQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")
    lang: Literal["fr", "en"] | None = Field(
        default=None, description="The letter's language (default: Accept-Language)."
    )


def get_letter(user, client_id: uuid.UUID, query: LetterQuery):
    lang = query.lang or language()
    document = letter_pdf(client_letter(client_id, user, lang))
    name = f"courrier-{str(client_id)[:8]}-{lang}.pdf"
    return Response(
        document,
        mimetype="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


ROUTES = [
    Route(
        "GET",
        "/clients/<uuid:client_id>/letter",
        get_letter,
        "The client's letter on the decision (PDF)",
        "clients",
        roles=permissions.roles_for("letter"),
        query=LetterQuery,
        errors=(401, 403, 404, 409, 422, 429),
        media_type="application/pdf",
        description="The printable letter for the client (GDPR Arts 15 and 22, CJEU C-203/22): "
        "the decision in force and that a person took it, the main reasons in plain words "
        "(never age), the verified change that could alter the outcome, the data used and its "
        "date, how to contest and reach a person. `lang` is fr or en (default: "
        "Accept-Language). The client's own adviser only (403 otherwise, 404 for a client "
        "outside the portfolio); 409 `not_decided` before any decision. Audited (`letter`).",
    ),
]
