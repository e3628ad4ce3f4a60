"""The admin page's portfolio jobs (issue 14 §4): rescoring every client, its progress."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "jobs_title": "Recalcul du portefeuille",
    "jobs_intro": "Recalcule le score et l'explication de chaque client avec le modèle en "
    "service, par lots traités en arrière-plan. Chaque lot est enregistré en une seule fois : "
    "un lot interrompu est repris sans doublon.",
    "jobs_start": "Recalculer tous les scores…",
    "jobs_confirm_title": "Recalculer tout le portefeuille ?",
    "jobs_confirm_body": "{clients} clients seront recalculés avec le modèle {version}, en "
    "{chunks} lots. Chaque client reçoit un nouveau score enregistré. Le recalcul est tracé "
    "dans le journal d'audit.",
    "jobs_confirm": "Lancer le recalcul",
    "jobs_started": "Recalcul lancé.",
    "jobs_none": "Aucun recalcul lancé pour l'instant.",
    "jobs_state_queued": "En attente",
    "jobs_state_running": "En cours",
    "jobs_state_done": "Terminé",
    "jobs_state_failed": "Terminé avec des erreurs",
    "jobs_figures": "{done} lots sur {total} · {scored} clients recalculés sur {clients} · "
    "{errors} en erreur",
    "jobs_eta": "Temps restant estimé : {eta}",
    "jobs_eta_unknown": "Temps restant estimé : après le premier lot",
    "jobs_elapsed": "Durée : {elapsed}",
    "jobs_runner_queue": "Traité par les workers (file Redis).",
    "jobs_runner_in_process": "Traité par ce serveur (pas de Redis configuré).",
    "jobs_error_line": "Lot {chunk} ({attempts} échec(s)) : {error}",
    "jobs_model_off": "Le modèle est désactivé ou indisponible : le recalcul est impossible.",
    "jobs_seconds": "{value} s",
    "jobs_minutes": "{value} min",
}
