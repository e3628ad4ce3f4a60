"""The words of the human review queue and of the evidence that decisions are human (issue 13
§1)."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "nav_reviews": "To review",
    "reviews_title": "To review",
    "reviews_subtitle": "Clients referred by an adviser or who asked for human review (GDPR "
    "Art. 22), oldest first. The answer is due within one month (GDPR Art. 12).",
    "reviews_count_label": "cases to review",
    "reviews_filter_reason": "Reason",
    "reviews_reason_all": "All reasons",
    "reason_referred": "Referred for review",
    "reason_client_request": "Client's request",
    "reviews_overdue_only": "Overdue only",
    "reviews_col_client": "Client",
    "reviews_col_reason": "Reason",
    "reviews_col_since": "Since",
    "reviews_col_due": "Answer due",
    "reviews_referred_by": "Referred by {who}",
    "reviews_recorded_by": "Request recorded by {who}",
    "reviews_client_view": "The client's point of view: {view}",
    "reviews_no_view": "The client gave no point of view.",
    "reviews_no_justification": "No justification.",
    "reviews_overdue": "Overdue",
    "reviews_empty": "No case to review with these filters.",
    "reviews_total_one": "{count} case; page {page} of {pages}.",
    "reviews_total_other": "{count} cases; page {page} of {pages}.",
    "reviews_open": "Open the case",
    "forbidden_in_review": "This client awaits a supervisor's review: the decision is theirs "
    "(GDPR Art. 22).",
    "review_case_title": "Review requested",
    "review_case_since": 'In the "To review" queue since {since}; answer due {due}.',
    "review_form_help": "Review: approve or decline, with a justification of at least "
    "{minimum} characters.",
    "review_in_progress": "Awaiting a supervisor's review since {since} (answer due {due}).",
    "review_client_view_label": "The client's point of view (optional)",
    "review_client_view_placeholder": "What the client contests or wants to put forward…",
    "history_client_view": "The client's point of view, with their request",
    "review_client_view_invalid": "The client's point of view must be text of at most "
    "{maximum} characters: nothing was recorded.",
    "oversight_title": "Human decisions: the evidence",
    "oversight_help": "An adviser who always follows the recommendation without opening the "
    "explanation no longer really decides (CJEU C-634/21). Share of decisions against the "
    "recommendation, and of decisions taken without the explanation having been shown.",
    "oversight_by_adviser": "By adviser",
    "oversight_by_month": "By month",
    "oversight_col_adviser": "Adviser",
    "oversight_col_month": "Month",
    "oversight_col_decisions": "Decisions",
    "oversight_col_override": "Against the recommendation",
    "oversight_col_unexplained": "Without the explanation shown",
    "oversight_col_unknown": "Not recorded",
    "oversight_none": "No adviser decision yet.",
    "oversight_note": "Advisers' decisions (reviews excluded). 'Against': share of the "
    "'approve' or 'decline' decisions on a favourable or unfavourable recommendation that go "
    "against it. 'Without the explanation shown': the score and its explanation had not been "
    "shown to the decision's author since that score (client page, or API without "
    "explain=false). 'Not recorded': decisions older than this record.",
}
