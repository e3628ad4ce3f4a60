"""The letter to a client about the decision on their file (GDPR Arts 15 and 22, CJEU C-203/22).

It says the decision in force and that a person took it, the main reasons in plain words (from
the explanation of the score the decision was taken on: never age, services/explanations), what
could change the outcome (the counterfactual the scoring verified), the data used and its date,
and how to contest and reach a person. `client_letter` builds the letter as structured text
(what the tests read); services/letter_pdf prints it. An adviser writes to their own clients
(the permission table); each letter is audited.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from flask import current_app
from sqlalchemy import select

from app.database import current_database
from app.i18n import format_date, format_with_unit
from app.models import Decision, ScoreRecord, User, utcnow
from app.services import audit, permissions, scoring
from app.services.errors import Conflict
from app.services.portfolio import visible_client
from app.texts import t
from modelling.features import FEATURES


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...] = ()
    items: tuple[str, ...] = ()  # a list (reasons, data)
    notes: tuple[str, ...] = ()  # paragraphs after the list


@dataclass(frozen=True)
class Letter:
    """The letter as text, in the reader's language; `reasons` are the reason features given."""

    lang: str
    client_id: str
    title: str
    header: tuple[str, ...]
    greeting: str
    sections: tuple[Section, ...]
    closing: tuple[str, ...]
    decision: str
    reasons: tuple[str, ...] = field(default=())

    def text(self) -> str:
        lines = [self.title, *self.header, self.greeting]
        for section in self.sections:
            lines += [section.heading, *section.paragraphs, *section.items, *section.notes]
        return "\n".join([*lines, *self.closing])


def _decision_in_force(client_id: uuid.UUID) -> Decision:
    query = select(Decision).where(Decision.client_id == client_id)
    decision = current_database().session.scalar(
        query.order_by(Decision.created_at.desc(), Decision.id.desc()).limit(1)
    )
    if decision is None:
        raise Conflict(
            "The client has no decision yet: a letter explains a decision, record one first.",
            code="not_decided",
        )
    return decision


def _decision_section(decision: Decision, score: ScoreRecord, lang: str) -> Section:
    said = t(
        f"letter_decision_{decision.decision}", lang, date=format_date(decision.created_at, lang)
    )
    if score.recommendation == "manual_review":
        human = t("letter_human_no_model", lang)
    else:
        human = t("letter_human", lang, advice=t(f"letter_advice_{score.recommendation}", lang))
    return Section(t("letter_decision_heading", lang), (said, human))


def _reasons_section(explanation: dict | None, lang: str) -> Section:
    reasons = (explanation or {}).get("reasons") or []
    items = tuple(r["text"] for r in reasons) or (t("letter_no_reason", lang),)
    paragraphs = (t("letter_reasons_intro", lang),)
    notes = (t("letter_age_note", lang),)
    return Section(t("letter_reasons_heading", lang), paragraphs, items, notes)


def _change_section(explanation: dict | None, lang: str) -> Section | None:
    found = (explanation or {}).get("counterfactual") or {}
    if found.get("text"):
        paragraphs = (found["text"], t("letter_change_verified", lang))
    elif found.get("message"):
        paragraphs = (found["message"],)
    else:
        return None
    return Section(t("letter_change_heading", lang), paragraphs)


def _data_section(client, score: ScoreRecord, lang: str) -> Section:
    inputs = score.inputs
    items = tuple(
        t(
            "letter_data_line",
            lang,
            label=f.label(lang),
            value=format_with_unit(f.name, inputs[f.name], lang),
        )
        for f in FEATURES
    )
    # The data as of its last update when the score was made on it, else the day of the score.
    as_of = client.data_updated_at if dict(inputs) == client.features() else score.created_at
    dated = (t("letter_data_date", lang, date=format_date(as_of, lang)),)
    return Section(t("letter_data_heading", lang), dated, items, (t("letter_data_fix", lang),))


def _contest_section(client, lang: str) -> Section:
    adviser = current_database().session.get(User, client.adviser_id) if client.adviser_id else None
    contact = (
        t("letter_contact_adviser", lang, email=adviser.email)
        if adviser is not None
        else t("letter_contact_adviser_unknown", lang)
    )
    dpo = current_app.config["DPO_CONTACT"]
    paragraphs = (
        t("letter_contest", lang),
        contact,
        t("letter_access", lang, dpo=dpo),
        t("letter_cnil", lang),
    )
    return Section(t("letter_contest_heading", lang), paragraphs)


def client_letter(client_id: uuid.UUID, actor: User, lang: str = "fr") -> Letter:
    """The letter on the client's decision in force, in `lang`; audited ("letter")."""
    permissions.require(actor, "letter")
    client = visible_client(client_id, actor)
    decision = _decision_in_force(client.id)
    score = current_database().session.get(ScoreRecord, decision.score_id)
    explanation = scoring.explained(score, lang)
    sections = [_decision_section(decision, score, lang)]
    if decision.decision != "approve":  # reasons and a way forward for a refusal or a review
        sections.append(_reasons_section(explanation, lang))
        change = _change_section(explanation, lang)
        sections += [change] if change is not None else []
    sections += [_data_section(client, score, lang), _contest_section(client, lang)]
    letter = Letter(
        lang=lang,
        client_id=str(client.id),
        title=t("letter_title", lang),
        header=(
            t("letter_date", lang, date=format_date(utcnow(), lang)),
            t("letter_reference", lang, reference=str(client.id)[:8]),
        ),
        greeting=t("letter_greeting", lang),
        sections=tuple(sections),
        closing=(t("letter_closing", lang), t("letter_signature", lang)),
        decision=decision.decision,
        reasons=tuple(r["feature"] for r in (explanation or {}).get("reasons") or [])
        if decision.decision != "approve"
        else (),
    )
    with current_database().transaction():
        details = {"decision": decision.decision, "lang": lang}
        audit.record("letter", actor.id, client.id, score.model_version, details=details)
    return letter
