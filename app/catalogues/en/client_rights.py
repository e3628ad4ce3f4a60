"""The words of the client's rights on the client page: export and review request."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "export_button": "Export the client's data (JSON)",
    "export_help": "Everything held on this client (GDPR Art. 15); the export is logged.",
    "review_requested": "The client asked for human review on {date}: a supervisor answers it "
    '(page "To review").',
    "review_record": "Record the client's request for review",
    "review_pending_mark": "review requested",
    "retention_tokens": "Revoked tokens",
    "until_expiry": "Until they expire",
}
