"""The client notice (GDPR Arts 13 and 14): its sections, keys and placeholders are
described in app/catalogues/gdpr_notice.py."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "notice_intro": "Texte à remettre au client avant l'étude de sa demande, dans la langue de "
    "cette page, avec les durées de conservation en vigueur :",
    "notice_heading": "Information sur l'utilisation d'un outil d'aide à la décision de crédit",
    "notice_controller_title": "1. Qui traite vos données",
    "notice_controller": "Le responsable du traitement est [À COMPLÉTER PAR LA BANQUE : raison "
    "sociale, adresse du siège]. Vous pouvez joindre notre délégué à la protection des données "
    "(DPO) à l'adresse {dpo} ou par courrier à [À COMPLÉTER PAR LA BANQUE : adresse postale du "
    "DPO].",
    "notice_purposes_title": "2. Pourquoi",
    "notice_purposes": "Nous utilisons vos données pour étudier votre demande de crédit : un "
    "outil estime le risque que le crédit ne soit pas remboursé et donne un avis à votre "
    "conseiller. Nous enregistrons aussi la décision de votre conseiller et sa justification, "
    "votre éventuelle demande de réexamen, et qui a consulté votre dossier (sécurité). Enfin, "
    "sous forme pseudonymisée, nous vérifions dans le temps que l'outil reste juste et "
    "équitable, en comparant ses estimations aux remboursements effectivement constatés.",
    "notice_basis_title": "3. Sur quelle base légale",
    "notice_basis": "L'étude de votre demande repose sur les mesures précontractuelles prises à "
    "votre demande (art. 6.1.b du RGPD) et sur notre obligation légale d'évaluer votre "
    "solvabilité avant d'accorder un crédit (article L. 312-16 du Code de la consommation ; "
    "directive 2023/2225 sur le crédit aux consommateurs) (art. 6.1.c). La journalisation des "
    "accès répond à nos obligations de sécurité et de traçabilité (art. 6.1.c). Le suivi de la "
    "justesse et de l'équité de l'outil repose sur notre intérêt légitime à prêter de façon "
    "fiable et non discriminatoire et sur nos obligations au titre du règlement européen sur "
    "l'intelligence artificielle (art. 6.1.f et 6.1.c).",
    "notice_data_title": "4. Quelles données, et d'où elles viennent",
    "notice_data": "L'outil utilise cinq informations, et seulement celles-ci : votre âge, votre "
    "revenu net annuel, votre ancienneté professionnelle, le nombre d'incidents de paiement des "
    "24 derniers mois et votre score de crédit (de 300 à 850). L'âge, le revenu et l'ancienneté "
    "viennent de votre demande et des justificatifs que vous nous avez remis ; les incidents de "
    "paiement viennent de la tenue de vos comptes dans notre établissement ; le score de crédit "
    "vient de [À COMPLÉTER PAR LA BANQUE : organisme ou système qui fournit le score]. Aucune "
    "de ces données ne provient d'une source accessible au public. Nous ne conservons ni votre "
    "nom, ni votre adresse, ni votre IBAN dans cet outil : votre dossier y est identifié par un "
    "pseudonyme.",
    "notice_recipients_title": "5. Qui y a accès",
    "notice_recipients": "Votre conseiller, les superviseurs chargés de réexaminer les "
    "dossiers et, pour l'administration technique, des administrateurs habilités de notre "
    "établissement ; nos systèmes internes de crédit ; notre hébergeur, sous-traitant lié par "
    "contrat, dans l'Union européenne [À CONFIRMER PAR LA BANQUE : région d'hébergement]. Vos "
    "données ne sont ni vendues ni transmises à des tiers, ni transférées hors de l'Union "
    "européenne.",
    "notice_retention_title": "6. Combien de temps",
    "notice_retention": "Vos données : {client_days} après leur dernière mise à jour. Les "
    "scores calculés : {score_days}. Les décisions de votre conseiller : {decision_days}. Les "
    "remboursements ou défauts constatés : {outcome_days} après leur constat. Un score calculé "
    "sans dossier enregistré : {adhoc_days}. Le journal des accès : {audit_days}. Des données "
    "de plus de {stale_days} jours sont signalées à votre conseiller, qui vous demandera de les "
    "mettre à jour. À l'expiration de ces durées, les données sont supprimées automatiquement.",
    "notice_logic_title": "7. Comment fonctionne l'outil, et ce que cela change pour vous",
    "notice_logic": "À partir des cinq informations, l'outil estime une probabilité de défaut "
    "de remboursement, apprise sur l'historique des crédits. En général, un revenu plus élevé, "
    "une ancienneté plus longue et un meilleur score de crédit la font baisser ; des incidents "
    "de paiement la font monter ; l'âge est pris en compte, son effet est surveillé par tranche "
    "d'âge et il n'est jamais retenu comme motif. Selon cette probabilité, l'outil donne un avis "
    "à votre conseiller : favorable, à examiner ou défavorable. Ce n'est pas une décision "
    "automatique : votre conseiller décide, peut s'écarter de l'avis et doit justifier une "
    "décision contraire à l'avis. Un avis défavorable peut conduire à un refus ou à une demande "
    "de justificatifs. Sur demande, nous vous indiquons les éléments qui ont le plus pesé et le "
    "changement qui aurait modifié l'avis.",
    "notice_rights_title": "8. Vos droits",
    "notice_rights": "Vous pouvez accéder à vos données et obtenir une copie de tout ce que "
    "l'outil détient sur vous (art. 15), les faire rectifier (art. 16), demander leur "
    "effacement (art. 17) ou la limitation de leur traitement (art. 18), et recevoir les "
    "données que vous nous avez fournies dans un format structuré et lisible par machine pour "
    "les transmettre à un autre établissement (portabilité, art. 20 : elle porte sur l'âge, le "
    "revenu et l'ancienneté, fournis pour votre demande). Vous pouvez vous opposer au suivi "
    "statistique de l'outil (art. 21). Pour toute décision prise avec l'aide de l'outil, vous "
    "pouvez demander qu'une personne réexamine votre dossier, présenter votre point de vue et "
    "contester la décision (art. 22). Adressez-vous à votre conseiller ou au DPO ({dpo}) ; nous "
    "répondons dans un délai d'un mois.",
    "notice_complaint_title": "9. Réclamation",
    "notice_complaint": "Si vous estimez que vos droits ne sont pas respectés, vous pouvez "
    "introduire une réclamation auprès de la Commission nationale de l'informatique et des "
    "libertés (CNIL), 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, ou en ligne sur "
    "www.cnil.fr/plaintes.",
}
