"""The client notice (GDPR Arts 13 and 14), the single source of its words: the dashboard's GDPR
page renders it and docs/gdpr.md quotes its French text (tests/gdpr/test_gdpr_notice.py checks
both). French first, then English.

Each section has a title key ``notice_<section>_title`` and a text key ``notice_<section>``.
Placeholders: ``{dpo}`` (setting DPO_CONTACT) and the retention periods in force
(``{client_days}``, ``{score_days}``, ``{decision_days}``, ``{outcome_days}``,
``{adhoc_days}``, ``{audit_days}``: settings RETENTION_*) and ``{stale_days}``
(STALE_AFTER_DAYS). Text in square brackets is for the bank to complete before use.
"""

from __future__ import annotations

NOTICE_SECTIONS: tuple[str, ...] = (
    "controller",
    "purposes",
    "basis",
    "data",
    "recipients",
    "retention",
    "logic",
    "rights",
    "complaint",
)

FR: dict[str, str] = {
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

EN: dict[str, str] = {
    "notice_intro": "Text to give the client before their application is studied, in this "
    "page's language, with the retention periods in force:",
    "notice_heading": "Information on the use of a credit decision-aid tool",
    "notice_controller_title": "1. Who processes your data",
    "notice_controller": "The controller is [TO BE COMPLETED BY THE BANK: legal name, "
    "registered address]. You can reach our data protection officer (DPO) at {dpo} or by post "
    "at [TO BE COMPLETED BY THE BANK: the DPO's postal address].",
    "notice_purposes_title": "2. Why",
    "notice_purposes": "We use your data to assess your credit application: a tool estimates "
    "the risk that the credit is not repaid and gives its advice to your adviser. We also record "
    "your adviser's decision and its justification, any request you make for a review, and who "
    "looked at your file (security). Finally, in pseudonymised form, we check over time that "
    "the tool stays accurate and fair, by comparing its estimates with the repayments actually "
    "observed.",
    "notice_basis_title": "3. On what legal basis",
    "notice_basis": "Assessing your application rests on steps taken at your request before a "
    "contract (GDPR Art. 6.1.b) and on our legal duty to assess your creditworthiness before "
    "granting credit (French Consumer Code Art. L. 312-16; Consumer Credit Directive "
    "2023/2225) (Art. 6.1.c). Logging access meets our security and traceability duties "
    "(Art. 6.1.c). Monitoring the tool's accuracy and fairness rests on our legitimate interest "
    "in lending reliably and without discrimination and on our duties under the EU Artificial "
    "Intelligence Act (Arts 6.1.f and 6.1.c).",
    "notice_data_title": "4. Which data, and where it comes from",
    "notice_data": "The tool uses five items, and only these: your age, your annual net income, "
    "your job seniority, the number of payment incidents over the last 24 months and your "
    "credit score (300 to 850). Age, income and seniority come from your application and the "
    "documents you gave us; payment incidents come from the running of your accounts with us; "
    "the credit score comes from [TO BE COMPLETED BY THE BANK: the body or system providing "
    "the score]. None of this data comes from a publicly accessible source. The tool holds "
    "neither your name, nor your address, nor your IBAN: your file is identified by a "
    "pseudonym.",
    "notice_recipients_title": "5. Who has access",
    "notice_recipients": "Your adviser, the supervisors who review files and, for technical "
    "administration, authorised administrators of our bank; our internal credit systems; our "
    "hosting provider, a processor bound by contract, in the European Union [TO BE CONFIRMED BY "
    "THE BANK: hosting region]. Your data is neither sold nor passed to third parties, nor "
    "transferred outside the European Union.",
    "notice_retention_title": "6. For how long",
    "notice_retention": "Your data: {client_days} after its last update. Computed scores: "
    "{score_days}. Your adviser's decisions: {decision_days}. Observed repayments or defaults: "
    "{outcome_days} after they were observed. A score computed without a stored file: "
    "{adhoc_days}. The access log: {audit_days}. Data older than {stale_days} days is flagged to "
    "your adviser, who will ask you to update it. When these periods end, the data is deleted "
    "automatically.",
    "notice_logic_title": "7. How the tool works, and what it means for you",
    "notice_logic": "From the five items, the tool estimates a probability of default, learnt "
    "from the history of past credits. In general, a higher income, a longer seniority and a "
    "better credit score lower it; payment incidents raise it; age is taken into account, its "
    "effect is monitored by age band and it is never given as a reason. From this probability "
    "the tool gives your adviser its advice: favourable, to review or unfavourable. It is not "
    "an automated decision: your adviser decides, may depart from the advice and must justify a "
    "decision that goes against it. An unfavourable advice may lead to a refusal or to a "
    "request for documents. On request, we tell you which items weighed most and which change "
    "would have altered the advice.",
    "notice_rights_title": "8. Your rights",
    "notice_rights": "You may access your data and get a copy of everything the tool holds on "
    "you (Art. 15), have it rectified (Art. 16), ask for its erasure (Art. 17) or for its "
    "processing to be restricted (Art. 18), and receive the data you gave us in a structured, "
    "machine-readable format to pass it to another lender (portability, Art. 20: it covers "
    "age, income and seniority, given for your application). You may object to the tool's "
    "statistical monitoring (Art. 21). For any decision taken with the tool's help, you may "
    "ask for a person to review your file, express your point of view and contest the decision "
    "(Art. 22). Ask your adviser or the DPO ({dpo}); we answer within one month.",
    "notice_complaint_title": "9. Complaint",
    "notice_complaint": "If you consider that your rights are not respected, you may lodge a "
    "complaint with the French data protection authority (Commission nationale de "
    "l'informatique et des libertés, CNIL), 3 place de Fontenoy, TSA 80715, 75334 Paris "
    "Cedex 07, or online at www.cnil.fr/plaintes.",
}
