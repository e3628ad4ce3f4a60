"""The client's letter (issue 13 §4): the decision, the reasons in plain words and never age,
the verified change, the data and its date, how to contest; a PDF from the API and the page,
for the client's own adviser only, audited."""

from __future__ import annotations

import base64
import re

import pytest
from dashboard_helpers import GOOD, add_client
from flask_jwt_extended import create_access_token
from sqlalchemy import func, select

from app.callbacks.client_letter import download_letter
from app.database import current_database
from app.i18n import format_with_unit
from app.models import AuditEvent
from app.services import decisions, scoring
from app.services.client_letter import client_letter
from app.services.errors import Conflict
from app.services.letter_pdf import letter_pdf
from app.services.permissions import ActionForbidden
from app.texts import t
from modelling.features import FEATURES

JUSTIFICATION = "Revenus insuffisants vérifiés avec le client en agence"


def decided(adviser, client, decision: str = "decline") -> dict:
    served = scoring.score_client(client.id, adviser, "fr")
    decisions.record_decision(client.id, adviser, decision, JUSTIFICATION)
    return served


def headers(user, lang: str = "fr") -> dict:
    token = create_access_token(identity=str(user.id), additional_claims={"role": user.role.value})
    return {"Authorization": f"Bearer {token}", "Accept-Language": lang}


def letters_audited(client) -> int:
    query = select(func.count()).where(
        AuditEvent.action == "letter", AuditEvent.client_id == client.id
    )
    return current_database().session.scalar(query)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_refusal_letter_gives_the_reasons_the_change_and_the_data(dash_app, people, book, lang):
    adviser, client = people["adviser"], book["stale"]
    served = decided(adviser, client)
    letter = client_letter(client.id, adviser, lang)
    text = letter.text()
    english = scoring.score_client(client.id, adviser, lang)["explanation"]
    reasons = [r["text"] for r in english["reasons"]]
    assert reasons and all(reason in text for reason in reasons)
    assert list(letter.reasons) == [r["feature"] for r in served["explanation"]["reasons"]]
    assert "age" not in letter.reasons
    change = english["counterfactual"].get("text") or english["counterfactual"]["message"]
    assert change in text
    for feature in FEATURES:  # the data used, as the reader writes it
        assert format_with_unit(feature.name, getattr(client, feature.name), lang) in text
    assert t("letter_decision_heading", lang) in text and t("letter_contest", lang) in text
    assert dash_app.config["DPO_CONTACT"] in text and people["adviser"].email in text
    assert letters_audited(client) == 1


def test_a_client_whose_age_weighs_most_is_never_told_so(dash_app, people):
    """An older client with a good record: age is the strongest contribution, yet no reason."""
    adviser = people["adviser"]
    client = add_client(adviser, GOOD | {"age": 90})
    served = decided(adviser, client)
    impacts = {c["feature"]: c["impact"] for c in served["explanation"]["contributions"]}
    assert max(impacts, key=impacts.get) == "age"  # age weighed most
    assert impacts["age"] >= dash_app.config["REASON_MIN_CONTRIBUTION"]
    for lang in ("fr", "en"):
        letter = client_letter(client.id, adviser, lang)
        age_sentence = t("reason_sentence_age", lang).split("{value}")[1].split("{verb}")[0].strip()
        assert "age" not in letter.reasons and age_sentence not in letter.text()


def test_an_approval_letter_says_so_without_reasons(people, book):
    adviser, client = people["adviser"], book["fresh"]
    decided(adviser, client, "approve")
    letter = client_letter(client.id, adviser, "fr")
    assert letter.decision == "approve" and letter.reasons == ()
    assert t("letter_reasons_heading", "fr") not in letter.text()


def test_no_letter_before_a_decision(people, book):
    with pytest.raises(Conflict) as refused:
        client_letter(book["fresh"].id, people["adviser"], "fr")
    assert refused.value.code == "not_decided"


def test_only_the_clients_adviser_writes_to_them(people, book):
    decided(people["adviser"], book["stale"])
    with pytest.raises(ActionForbidden):
        client_letter(book["stale"].id, people["supervisor"], "fr")
    assert letters_audited(book["stale"]) == 0


def test_the_pdf_embeds_its_font_and_holds_pages(people, book):
    decided(people["adviser"], book["stale"])
    document = letter_pdf(client_letter(book["stale"].id, people["adviser"], "fr"))
    assert document.startswith(b"%PDF-") and document.rstrip().endswith(b"%%EOF")
    assert b"/FontFile2" in document and b"DejaVuSans" in document
    assert len(re.findall(rb"/Type\s*/Page\b", document)) >= 1


def test_the_api_serves_the_pdf_to_the_adviser_only(dash_app, people, book):
    client = book["stale"]
    decided(people["adviser"], client)
    http, url = dash_app.test_client(), f"/api/v1/clients/{client.id}/letter"
    answer = http.get(url + "?lang=en", headers=headers(people["adviser"]))
    assert answer.status_code == 200 and answer.mimetype == "application/pdf"
    assert answer.data.startswith(b"%PDF-") and "-en.pdf" in answer.headers["Content-Disposition"]
    assert letters_audited(client) == 1
    assert http.get(url, headers=headers(people["other"])).status_code == 404
    refused = http.get(url, headers=headers(people["supervisor"]))
    assert refused.status_code == 403
    bad = http.get(url + "?lang=de", headers=headers(people["adviser"]))
    assert bad.status_code == 422 and "lang" in bad.get_json()["error"]["fields"]
    undecided = http.get(
        f"/api/v1/clients/{book['fresh'].id}/letter", headers=headers(people["adviser"])
    )
    assert undecided.status_code == 409
    assert undecided.get_json()["error"]["code"] == "not_decided"
    assert letters_audited(client) == 1  # refusals write nothing


def test_the_client_page_downloads_the_letter(acting, people, book):
    client = book["stale"]
    decided(people["adviser"], client)
    with acting(people["adviser"], "fr"):
        download, refused = download_letter(1, "en", str(client.id))
    assert refused is None and download["filename"].endswith("-en.pdf")
    assert base64.b64decode(download["content"]).startswith(b"%PDF-")
    with acting(people["adviser"], "fr"):
        download, refused = download_letter(1, "fr", str(book["fresh"].id))
    assert download is None and t("letter_not_decided", "fr") in str(refused)
