"""The words of human oversight (AI Act art. 14): switching the model off and on."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "model_off_banner": "Modèle désactivé par un administrateur : aucun score n'est calculé, "
    "chaque dossier est examiné manuellement.",
    "model_off_text": "Le modèle est désactivé : examinez le dossier et décidez sans score.",
    "model_off_title": "Modèle désactivé",
    "switch_title": "Modèle en service (supervision humaine)",
    "switch_on_status": "Le modèle est en service.",
    "switch_off_status": "Le modèle est désactivé : les scores répondent « examen manuel ».",
    "switch_changed": "Dernier changement : {date} par {actor}.",
    "switch_turn_off": "Désactiver le modèle",
    "switch_turn_on": "Remettre le modèle en service",
    "switch_confirm_off_title": "Désactiver le modèle ?",
    "switch_confirm_off_body": "Dès la confirmation, aucun score n'est plus calculé : chaque "
    "dossier est examiné manuellement par son conseiller, et un bandeau l'annonce sur toutes "
    "les pages. Votre adresse e-mail sera affichée comme auteur du changement.",
    "switch_confirm_on_title": "Remettre le modèle en service ?",
    "switch_confirm_on_body": "Dès la confirmation, les scores et les recommandations du modèle "
    "reviennent sur toutes les pages. Votre adresse e-mail sera affichée comme auteur du "
    "changement.",
    "switch_confirm_off": "Désactiver",
    "switch_confirm_on": "Remettre en service",
}
