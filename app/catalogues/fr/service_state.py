"""The words shown when the service is unavailable (database not answering)."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "db_unavailable_title": "Service momentanément indisponible",
    "db_unavailable": "La base de données ne répond pas. La page se rechargera d'elle-même ; "
    "réessayez dans quelques secondes.",
    "db_unavailable_live": "La base de données ne répond pas : votre dernière action n'a pas été "
    "enregistrée. Le service reprend de lui-même ; réessayez dans quelques secondes.",
}
