"""The words of the model page's "without age" card (issue 15 §2): the champion next to the same
model trained without age, and where the bank's choice is written."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "wa_title": "The same model without age",
    "wa_intro": "Same family, same settings, same test clients: only age is removed. AUC "
    "difference (with age minus without): {diff} (95 % interval: {low} to {high}).",
    "wa_model": "Model",
    "wa_with": "With age (served)",
    "wa_without": "Without age",
    "wa_auc": "AUC (test)",
    "wa_ece": "Calibration error (ECE)",
    "wa_threshold": "Threshold",
    "wa_favourable": "Favourable advice",
    "wa_band": "Age band",
    "wa_band_with": "Favourable with age",
    "wa_band_without": "Favourable without age",
    "wa_suppressed": "fewer than 30 people",
    "wa_choice": "The bank's choice between the two models, and its measured reason, are in the "
    "model documentation (docs/modelling.md).",
    "wa_missing": "This version was trained before the comparison without age: no figures for it.",
}
