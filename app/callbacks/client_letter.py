"""Client page: the client's letter on the decision, as a PDF download (issue 13 §4).

The same service as GET /api/v1/clients/{id}/letter (the permission, the audit): a refusal or
a client with no decision yet is said in the reader's language, never a silent no-op.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import Dash, Input, Output, State, dcc
from dash.exceptions import PreventUpdate

from app.callbacks.common import actor_and_client_id
from app.callbacks.refusals import refusal_alert
from app.i18n import LANGUAGES
from app.services.client_letter import client_letter
from app.services.errors import Conflict, ServiceError
from app.services.letter_pdf import letter_pdf
from app.texts import t
from app.web.session import session_language


def download_letter(clicks, letter_lang, client_id: str):
    actor, cid = actor_and_client_id(client_id)
    if not clicks:
        raise PreventUpdate
    lang = session_language()
    if letter_lang not in LANGUAGES:  # the select only offers these: a forged value
        message = t("letter_language_rule", lang)
        return None, dbc.Alert(message, color="warning", id="client-letter-refused")
    try:
        document = letter_pdf(client_letter(cid, actor, letter_lang))
    except Conflict:
        message = t("letter_not_decided", lang)
        return None, dbc.Alert(message, color="secondary", id="client-letter-refused")
    except ServiceError as exc:
        alert = refusal_alert(exc, lang, "client-letter-refused")
        return None, alert or dbc.Alert(exc.message, color="danger", id="client-letter-refused")
    name = f"courrier-{str(cid)[:8]}-{letter_lang}.pdf"
    return dcc.send_bytes(document, filename=name, type="application/pdf"), None


def register(dash_app: Dash) -> None:
    dash_app.callback(
        Output("client-letter-download", "data"),
        Output("client-letter-feedback", "children"),
        Input("client-letter", "n_clicks"),
        State("client-letter-lang", "value"),
        State("client-id", "data"),
        prevent_initial_call=True,
    )(download_letter)
