"""The words of human oversight (AI Act art. 14): switching the model off and on."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "model_off_banner": "Model switched off by an administrator: no score is computed, every "
    "file is reviewed by hand.",
    "model_off_text": "The model is switched off: review the file and decide without a score.",
    "model_off_title": "Model switched off",
    "switch_title": "Model in service (human oversight)",
    "switch_on_status": "The model is in service.",
    "switch_off_status": 'The model is switched off: scores answer "manual review".',
    "switch_changed": "Last change: {date} by {actor}.",
    "switch_turn_off": "Switch the model off",
    "switch_turn_on": "Put the model back in service",
    "switch_confirm_off_title": "Switch the model off?",
    "switch_confirm_off_body": "Once confirmed, no score is computed any more: every file is "
    "reviewed by hand by its adviser, and a banner says so on every page. Your e-mail address "
    "will be shown as the author of the change.",
    "switch_confirm_on_title": "Put the model back in service?",
    "switch_confirm_on_body": "Once confirmed, the model's scores and recommendations come back "
    "on every page. Your e-mail address will be shown as the author of the change.",
    "switch_confirm_off": "Switch off",
    "switch_confirm_on": "Put back in service",
}
