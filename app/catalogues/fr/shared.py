"""Words shared by several pages (threshold, feature, counts, dates)."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "threshold": "Seuil",
    "feature": "Critère",
    "clients": "Clients",
    "count": "Effectif",
    "days": "{days} jours",
    "when": "Date",
    "what": "Événement",
    "details": "Détails",
    "email": "E-mail",
    "role": "Rôle",
    "active": "Actif",
    "model_version": "Version du modèle",
    "reco_favourable": "Favorable",
    "reco_review": "À examiner",
    "reco_unfavourable": "Défavorable",
    "reco_manual_review": "Examen manuel",
}
