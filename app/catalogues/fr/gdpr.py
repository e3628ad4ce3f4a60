"""The GDPR page's words: data, purposes, retention and the erasure and purge it shows."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "gdpr_title": "RGPD et transparence",
    "gdpr_subtitle": "Ce que nous traitons, pourquoi, combien de temps, et comment répondre "
    "aux clients.",
    "gdpr_data_title": "Données utilisées et finalité",
    "gdpr_data_intro": "Le score d'éligibilité au crédit utilise cinq données, et seulement "
    "celles-ci :",
    "gdpr_why_age": "la capacité de remboursement évolue avec l'âge ; son effet est mesuré et "
    "suivi par tranche d'âge.",
    "gdpr_why_income": "la capacité à faire face aux échéances.",
    "gdpr_why_seniority": "la stabilité de la situation professionnelle.",
    "gdpr_why_incidents": "les incidents de paiement récents, premier signal de difficulté.",
    "gdpr_why_credit_score": "la synthèse de l'historique de crédit du client.",
    "gdpr_minimisation": "Aucun nom, e-mail ou IBAN n'est stocké : chaque client est un "
    "identifiant pseudonyme (UUID). La référence bancaire est transformée par un hachage à clé "
    "et n'est jamais conservée.",
    "gdpr_basis_title": "Base légale",
    "gdpr_basis": "Mesures précontractuelles prises à la demande du client (art. 6.1.b RGPD) et "
    "obligation d'évaluer la solvabilité de l'emprunteur (directive 2023/2225 sur le crédit "
    "aux consommateurs). Le score est une aide : la décision est prise par un conseiller "
    "(art. 22 RGPD).",
    "gdpr_retention_title": "Durées de conservation",
    "retention_clients": "Données client (après la dernière mise à jour)",
    "retention_scores": "Scores calculés",
    "retention_adhoc_scores": "Scores ponctuels de l'API (sans client enregistré)",
    "gdpr_adhoc_quota": "Scores ponctuels (API et simulateur) : {quota} au plus par jour et par "
    "utilisateur. Le simulateur n'enregistre rien.",
    "retention_decisions": "Décisions des conseillers",
    "retention_audit": "Journal des accès",
    "gdpr_stale": "Des données de plus de {days} jours sont signalées sur chaque écran : "
    "faites-les mettre à jour avant de décider.",
    "gdpr_rights_title": "Répondre aux demandes des clients",
    "gdpr_right_access": "Accès (art. 15)",
    "gdpr_right_access_how": "Exportez depuis la fiche client tout ce qui est détenu (données, "
    "scores, explications, décisions, durées) et remettez-le au client sous un mois.",
    "gdpr_right_rectification": "Rectification (art. 16)",
    "gdpr_right_rectification_how": "Mettez à jour les données sur justificatif ; les scores "
    "suivants utilisent les nouvelles données.",
    "gdpr_right_erasure": "Effacement (art. 17)",
    "gdpr_right_erasure_how": "Transmettez la demande à un administrateur : il efface le client, "
    "ses scores et ses décisions ; le journal garde seulement la trace de l'effacement.",
    "gdpr_right_review": "Réexamen humain (art. 22)",
    "gdpr_right_review_how": "Le client peut demander qu'un conseiller réexamine la décision et "
    "donner son point de vue : enregistrez la demande et une nouvelle décision motivée.",
    "gdpr_right_objection": "Explication (art. 13-15, 22)",
    "gdpr_right_objection_how": "Expliquez le score avec les raisons principales et le "
    "changement qui modifierait l'avis, affichés sur la fiche client.",
    "gdpr_notice_title": "Information à remettre au client",
}
