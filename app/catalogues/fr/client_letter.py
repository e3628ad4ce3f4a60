"""The words of the letter sent to a client about a decision (GDPR Arts 15 and 22, CJEU
C-203/22): plain words for a reader who is not a specialist."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "letter_title": "Votre demande de crédit : notre décision",
    "letter_reference": "Référence de votre dossier : {reference}",
    "letter_date": "Le {date}",
    "letter_greeting": "Madame, Monsieur,",
    "letter_decision_heading": "Notre décision",
    "letter_decision_approve": "Après examen de votre dossier, nous avons accepté votre demande "
    "le {date}.",
    "letter_decision_decline": "Après examen de votre dossier, nous n'avons pas pu accepter "
    "votre demande ; cette décision a été prise le {date}.",
    "letter_decision_refer": "Votre dossier a été transmis le {date} à un superviseur, qui va "
    "le réexaminer. Nous vous écrirons dès qu'il aura décidé.",
    "letter_human": "Cette décision a été prise par une personne, votre conseiller ou un "
    "superviseur. Un outil d'aide à la décision lui a donné un avis : {advice}.",
    "letter_human_no_model": "Cette décision a été prise par une personne, sans l'avis de "
    "l'outil d'aide à la décision (il était alors désactivé).",
    "letter_advice_favourable": "favorable",
    "letter_advice_review": "dossier à examiner de près",
    "letter_advice_unfavourable": "défavorable",
    "letter_reasons_heading": "Les principales raisons",
    "letter_reasons_intro": "L'outil estime le risque qu'un crédit ne soit pas remboursé à partir "
    "des informations listées plus bas. Voici ce qui a le plus augmenté ce risque dans votre "
    "cas :",
    "letter_no_reason": "Aucune de vos informations n'a nettement augmenté le risque estimé.",
    "letter_age_note": "Votre âge fait partie des informations utilisées par l'outil, mais il "
    "n'est jamais retenu comme motif d'une décision.",
    "letter_change_heading": "Ce qui pourrait changer la décision",
    "letter_change_verified": "Ce changement a été vérifié en le soumettant à l'outil ; il "
    "indique une piste et ne vaut pas engagement de notre part.",
    "letter_data_heading": "Les informations utilisées",
    "letter_data_date": "Ces informations sont celles de votre dossier à la date du {date}.",
    "letter_data_fix": "Si l'une d'elles est inexacte ou a changé, vous pouvez la faire "
    "corriger auprès de votre conseiller (article 16 du RGPD) ; votre dossier sera alors "
    "réexaminé.",
    "letter_contest_heading": "Contester la décision et parler à une personne",
    "letter_contest": "Vous pouvez donner votre point de vue, contester cette décision et "
    "demander qu'une personne la réexamine (article 22 du RGPD). Un superviseur qui n'a pas pris "
    "la première décision vous répondra dans un délai d'un mois.",
    "letter_contact_adviser": "Votre conseiller : {email}",
    "letter_contact_adviser_unknown": "Votre conseiller, par votre espace client ou en agence",
    "letter_access": "Vous pouvez aussi obtenir une copie de toutes les informations que nous "
    "détenons sur vous et sur cette décision (article 15 du RGPD), et contacter notre délégué à "
    "la protection des données : {dpo}.",
    "letter_cnil": "Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser "
    "une réclamation à la CNIL (www.cnil.fr).",
    "letter_closing": "Nous vous prions d'agréer, Madame, Monsieur, nos salutations distinguées.",
    "letter_signature": "Le service crédit",
    "letter_data_line": "{label} : {value}",
}
