"""The model lifecycle's words (issue 12 §1, §4): approvals, activation, the challenger, the
banner for an unapproved model."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "audit_action_model_approval": "Version du modèle approuvée",
    "audit_action_model_activation": "Version du modèle mise en service",
    "audit_action_model_challenger": "Challenger défini ou arrêté",
    "lc_title": "Approbation et mise en service",
    "lc_read": "Une version n'est servie qu'après l'approbation d'un administrateur (qui, "
    "quand, pourquoi, empreinte du fichier approuvé). Le challenger est calculé en parallèle "
    "sur chaque score, enregistré, jamais montré aux conseillers et sans effet sur les avis.",
    "lc_col_version": "Version",
    "lc_col_created": "Entraînée le",
    "lc_col_role": "Rôle",
    "lc_col_approval": "Approbation",
    "lc_role_active": "En service",
    "lc_role_challenger": "Challenger",
    "lc_not_approved": "Non approuvée",
    "lc_approved_by": "Approuvée par {by} le {date}",
    "lc_reference": "Référence : {reference}",
    "lc_system": "le système",
    "lc_system_note": "Approbation automatique (environnement de développement).",
    "lc_version_label": "Version",
    "lc_note_label": "Note d'approbation (ce qui a été vérifié)",
    "lc_reference_label": "Référence du rapport de validation (facultatif)",
    "lc_approve": "Approuver",
    "lc_activate": "Mettre en service",
    "lc_challenger": "Définir comme challenger",
    "lc_challenger_off": "Arrêter le challenger",
    "lc_confirm": "Confirmer",
    "lc_cancel": "Annuler",
    "lc_confirm_approve": "Approuver la version {version} ? L'approbation est enregistrée à "
    "votre nom, avec la note et l'empreinte du fichier, et ne peut pas être retirée.",
    "lc_confirm_activate": "Mettre en service la version {version} ? Toutes les instances la "
    "serviront dans les secondes qui suivent.",
    "lc_confirm_challenger": "Calculer la version {version} en parallèle sur chaque score ?",
    "lc_confirm_challenger_off": "Arrêter le calcul du challenger ?",
    "lc_done_approve": "Version {version} approuvée.",
    "lc_done_activate": "Version {version} mise en service.",
    "lc_done_challenger": "Version {version} définie comme challenger.",
    "lc_done_challenger_off": "Challenger arrêté.",
    "lc_error_version": "Choisissez une version dans la liste.",
    "lc_error_note": "La note est obligatoire (au plus 2 000 caractères) : dites ce qui a été "
    "vérifié.",
    "lc_error_reference": "La référence fait au plus 200 caractères.",
    "lc_error_not_approved": "Cette version n'est pas approuvée : approuvez-la d'abord.",
    "lc_error_already_approved": "Cette version est déjà approuvée.",
    "lc_error_already_active": "Cette version est déjà en service.",
    "lc_error_model_unusable": "Cette version ne peut pas être servie : ses fichiers ne sont "
    "pas vérifiés (signature ou empreinte).",
    "lc_error_not_found": "Cette version n'existe pas.",
    "forbidden_own_model": "Vous ne pouvez pas approuver un modèle que vous avez entraîné : "
    "un autre administrateur doit l'approuver.",
    "model_not_approved_banner": "La version du modèle en service n'est pas approuvée : aucun "
    "score n'est calculé tant qu'un administrateur ne l'a pas approuvée (page Modèle).",
}
