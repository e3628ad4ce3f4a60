"""The client notice (GDPR Arts 13 and 14), the single source of its words: the dashboard's GDPR
page renders it and docs/gdpr.md quotes its French text (tests/gdpr/test_gdpr_notice.py checks
both). The words are in app/catalogues/fr/gdpr_notice.py and app/catalogues/en/gdpr_notice.py.

Each section has a title key ``notice_<section>_title`` and a text key ``notice_<section>``.
Placeholders: ``{dpo}`` (setting DPO_CONTACT) and the retention periods in force
(``{client_days}``, ``{score_days}``, ``{decision_days}``, ``{outcome_days}``,
``{adhoc_days}``, ``{audit_days}``: settings RETENTION_*) and ``{stale_days}``
(STALE_AFTER_DAYS). Text in square brackets is for the bank to complete before use.
"""

from __future__ import annotations

NOTICE_SECTIONS: tuple[str, ...] = (
    "controller",
    "purposes",
    "basis",
    "data",
    "recipients",
    "retention",
    "logic",
    "rights",
    "complaint",
)
