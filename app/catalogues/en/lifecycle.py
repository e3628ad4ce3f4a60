"""The model lifecycle's words (issue 12 §1, §4): approvals, activation, the challenger, the
banner for an unapproved model."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "audit_action_model_approval": "Model version approved",
    "audit_action_model_activation": "Model version put in service",
    "audit_action_model_challenger": "Challenger set or stopped",
    "lc_title": "Approval and activation",
    "lc_read": "A version is served only once an administrator has approved it (who, when, "
    "why, the fingerprint of the approved file). The challenger is computed alongside every "
    "score, stored, never shown to advisers and without effect on the advice.",
    "lc_col_version": "Version",
    "lc_col_created": "Trained on",
    "lc_col_role": "Role",
    "lc_col_approval": "Approval",
    "lc_role_active": "In service",
    "lc_role_challenger": "Challenger",
    "lc_not_approved": "Not approved",
    "lc_approved_by": "Approved by {by} on {date}",
    "lc_reference": "Reference: {reference}",
    "lc_system": "the system",
    "lc_system_note": "Automatic approval (development environment).",
    "lc_version_label": "Version",
    "lc_note_label": "Approval note (what was checked)",
    "lc_reference_label": "Validation report reference (optional)",
    "lc_approve": "Approve",
    "lc_activate": "Put in service",
    "lc_challenger": "Set as challenger",
    "lc_challenger_off": "Stop the challenger",
    "lc_confirm": "Confirm",
    "lc_cancel": "Cancel",
    "lc_confirm_approve": "Approve version {version}? The approval is recorded in your name, "
    "with the note and the file's fingerprint, and cannot be withdrawn.",
    "lc_confirm_activate": "Put version {version} in service? Every instance will serve it "
    "within seconds.",
    "lc_confirm_challenger": "Compute version {version} alongside every score?",
    "lc_confirm_challenger_off": "Stop computing the challenger?",
    "lc_done_approve": "Version {version} approved.",
    "lc_done_activate": "Version {version} put in service.",
    "lc_done_challenger": "Version {version} set as challenger.",
    "lc_done_challenger_off": "Challenger stopped.",
    "lc_error_version": "Choose a version from the list.",
    "lc_error_note": "The note is required (at most 2,000 characters): say what was checked.",
    "lc_error_reference": "The reference is at most 200 characters.",
    "lc_error_not_approved": "This version is not approved: approve it first.",
    "lc_error_already_approved": "This version is already approved.",
    "lc_error_already_active": "This version is already in service.",
    "lc_error_model_unusable": "This version cannot be served: its files do not verify "
    "(signature or fingerprint).",
    "lc_error_not_found": "This version does not exist.",
    "forbidden_own_model": "You cannot approve a model you trained: another administrator "
    "must approve it.",
    "model_not_approved_banner": "The model version in service is not approved: no score is "
    "computed until an administrator approves it (Model page).",
}
