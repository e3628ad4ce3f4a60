"""The words of the client's rights on the client page: export and review request."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "export_button": "Exporter les données du client (JSON)",
    "export_help": "Tout ce qui est détenu sur ce client (art. 15 RGPD) ; l'export est journalisé.",
    "review_requested": "Le client a demandé un réexamen humain le {date} : un superviseur y "
    "répond (page « À examiner »).",
    "review_record": "Enregistrer une demande de réexamen du client",
    "review_pending_mark": "réexamen demandé",
    "retention_tokens": "Jetons révoqués",
    "until_expiry": "Jusqu'à leur expiration",
}
