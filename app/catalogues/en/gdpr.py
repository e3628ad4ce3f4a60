"""The GDPR page's words: data, purposes, retention and the erasure and purge it shows."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "gdpr_title": "GDPR and transparency",
    "gdpr_subtitle": "What we process, why, for how long, and how to answer clients.",
    "gdpr_data_title": "Data used and purpose",
    "gdpr_data_intro": "The credit-eligibility score uses five data items, and only these:",
    "gdpr_why_age": "repayment capacity changes with age; its effect is measured and monitored "
    "by age band.",
    "gdpr_why_income": "the capacity to meet repayments.",
    "gdpr_why_seniority": "the stability of the employment situation.",
    "gdpr_why_incidents": "recent payment incidents, the first sign of difficulty.",
    "gdpr_why_credit_score": "a summary of the client's credit history.",
    "gdpr_minimisation": "No name, e-mail or IBAN is stored: each client is a pseudonymous "
    "identifier (UUID). The bank reference is turned into it by a keyed hash and never kept.",
    "gdpr_basis_title": "Legal basis",
    "gdpr_basis": "Pre-contractual steps at the client's request (GDPR Art. 6.1.b) and the duty "
    "to assess the borrower's creditworthiness (Consumer Credit Directive 2023/2225). The score "
    "is an aid: an adviser takes the decision (GDPR Art. 22).",
    "gdpr_retention_title": "Retention periods",
    "retention_clients": "Client data (after the last update)",
    "retention_scores": "Scores",
    "retention_adhoc_scores": "Ad-hoc API scores (no stored client)",
    "gdpr_adhoc_quota": "Ad-hoc scores (API and simulator): at most {quota} a day per user. The "
    "simulator stores nothing.",
    "retention_decisions": "Adviser decisions",
    "retention_audit": "Access log",
    "gdpr_stale": "Data older than {days} days is flagged on every screen: have it updated "
    "before deciding.",
    "gdpr_rights_title": "Answering clients' requests",
    "gdpr_right_access": "Access (Art. 15)",
    "gdpr_right_access_how": "Export everything held from the client page (data, scores, "
    "explanations, decisions, retention) and give it to the client within a month.",
    "gdpr_right_rectification": "Rectification (Art. 16)",
    "gdpr_right_rectification_how": "Update the data on evidence; later scores use the new data.",
    "gdpr_right_erasure": "Erasure (Art. 17)",
    "gdpr_right_erasure_how": "Pass the request to an administrator, who erases the client, its "
    "scores and decisions; the log keeps only the fact of the erasure.",
    "gdpr_right_review": "Human review (Art. 22)",
    "gdpr_right_review_how": "The client may ask an adviser to re-examine the decision and give "
    "their view: record the request and a new, justified decision.",
    "gdpr_right_objection": "Explanation (Arts 13-15, 22)",
    "gdpr_right_objection_how": "Explain the score with the principal reasons and the change "
    "that would alter the advice, shown on the client page.",
    "gdpr_notice_title": "Notice for the client",
}
