"""The words of the human review queue and of the evidence that decisions are human (issue 13
§1)."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "nav_reviews": "À examiner",
    "reviews_title": "À examiner",
    "reviews_subtitle": "Clients transmis pour examen par un conseiller ou ayant demandé un "
    "réexamen humain (art. 22 RGPD), du plus ancien au plus récent. La réponse est due dans "
    "un délai d'un mois (art. 12 RGPD).",
    "reviews_count_label": "dossiers à examiner",
    "reviews_filter_reason": "Motif",
    "reviews_reason_all": "Tous les motifs",
    "reason_referred": "Transmis pour examen",
    "reason_client_request": "Demande du client",
    "reviews_overdue_only": "En retard seulement",
    "reviews_col_client": "Client",
    "reviews_col_reason": "Motif",
    "reviews_col_since": "Depuis le",
    "reviews_col_due": "Réponse due le",
    "reviews_referred_by": "Transmis par {who}",
    "reviews_recorded_by": "Demande enregistrée par {who}",
    "reviews_client_view": "Point de vue du client : {view}",
    "reviews_no_view": "Le client n'a pas donné son point de vue.",
    "reviews_no_justification": "Sans justification.",
    "reviews_overdue": "En retard",
    "reviews_empty": "Aucun dossier à examiner avec ces filtres.",
    "reviews_total_one": "{count} dossier ; page {page} sur {pages}.",
    "reviews_total_other": "{count} dossiers ; page {page} sur {pages}.",
    "reviews_open": "Ouvrir le dossier",
    "forbidden_in_review": "Ce client attend le réexamen d'un superviseur : la décision lui "
    "revient (art. 22 RGPD).",
    "review_case_title": "Réexamen demandé",
    "review_case_since": "Dans la file « À examiner » depuis le {since} ; réponse due le {due}.",
    "review_form_help": "Réexamen : approuvez ou refusez, avec une justification d'au moins "
    "{minimum} caractères.",
    "review_in_progress": "En attente du réexamen d'un superviseur depuis le {since} (réponse "
    "due le {due}).",
    "review_client_view_label": "Point de vue du client (facultatif)",
    "review_client_view_placeholder": "Ce que le client conteste ou souhaite faire valoir…",
    "history_client_view": "Point de vue du client joint à sa demande",
    "review_client_view_invalid": "Le point de vue du client doit être un texte d'au plus "
    "{maximum} caractères : rien n'a été enregistré.",
    # evidence that decisions are human (CJEU C-634/21)
    "oversight_title": "Des décisions humaines : preuves",
    "oversight_help": "Un conseiller qui suit toujours la recommandation sans ouvrir "
    "l'explication ne décide plus vraiment (CJUE C-634/21). Taux de décisions contraires à la "
    "recommandation, et part des décisions prises sans que l'explication ait été affichée.",
    "oversight_by_adviser": "Par conseiller",
    "oversight_by_month": "Par mois",
    "oversight_col_adviser": "Conseiller",
    "oversight_col_month": "Mois",
    "oversight_col_decisions": "Décisions",
    "oversight_col_override": "Contraires à la recommandation",
    "oversight_col_unexplained": "Sans explication affichée",
    "oversight_col_unknown": "Non renseigné",
    "oversight_none": "Aucune décision de conseiller pour l'instant.",
    "oversight_note": "Décisions des conseillers (hors réexamens). « Contraires » : part des "
    "décisions « approuver » ou « refuser » sur une recommandation favorable ou défavorable qui "
    "vont contre elle. « Sans explication affichée » : le score et son explication n'avaient "
    "pas été affichés à l'auteur de la décision depuis ce score (fiche client, ou API sans "
    "explain=false). « Non renseigné » : décisions antérieures à ce relevé.",
}
