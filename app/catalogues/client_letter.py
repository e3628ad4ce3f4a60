"""The words of the letter sent to a client about a decision (GDPR Arts 15 and 22, CJEU
C-203/22): plain words for a reader who is not a specialist, French first, then English."""

from __future__ import annotations

FR: dict[str, str] = {
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

EN: dict[str, str] = {
    "letter_title": "Your credit application: our decision",
    "letter_reference": "Your file reference: {reference}",
    "letter_date": "{date}",
    "letter_greeting": "Dear Sir or Madam,",
    "letter_decision_heading": "Our decision",
    "letter_decision_approve": "Having examined your file, we accepted your application on "
    "{date}.",
    "letter_decision_decline": "Having examined your file, we could not accept your "
    "application; this decision was taken on {date}.",
    "letter_decision_refer": "Your file was passed on {date} to a supervisor, who will examine "
    "it again. We will write to you as soon as they have decided.",
    "letter_human": "This decision was taken by a person, your adviser or a supervisor. A "
    "decision-support tool gave them its advice: {advice}.",
    "letter_human_no_model": "This decision was taken by a person, without the advice of the "
    "decision-support tool (it was switched off at the time).",
    "letter_advice_favourable": "favourable",
    "letter_advice_review": "file to be examined closely",
    "letter_advice_unfavourable": "unfavourable",
    "letter_reasons_heading": "The main reasons",
    "letter_reasons_intro": "The tool estimates the risk that a credit is not repaid from the "
    "information listed below. This is what raised that risk most in your case:",
    "letter_no_reason": "None of your information clearly raised the estimated risk.",
    "letter_age_note": "Your age is among the information the tool uses, but it is never given "
    "as a reason for a decision.",
    "letter_change_heading": "What could change the decision",
    "letter_change_verified": "This change was checked by submitting it to the tool; it shows "
    "a way forward and is not a commitment on our part.",
    "letter_data_heading": "The information used",
    "letter_data_date": "This is the information in your file as of {date}.",
    "letter_data_fix": "If any of it is wrong or has changed, your adviser can correct it (GDPR "
    "Article 16); your file will then be examined again.",
    "letter_contest_heading": "Contesting the decision and talking to a person",
    "letter_contest": "You may give your point of view, contest this decision and ask for a "
    "person to examine it again (GDPR Article 22). A supervisor who did not take the first "
    "decision will answer you within one month.",
    "letter_contact_adviser": "Your adviser: {email}",
    "letter_contact_adviser_unknown": "Your adviser, through your online account or in branch",
    "letter_access": "You may also obtain a copy of all the information we hold about you and "
    "about this decision (GDPR Article 15), and contact our data protection officer: {dpo}.",
    "letter_cnil": "If you believe your rights are not respected, you may lodge a complaint "
    "with the CNIL, the French data protection authority (www.cnil.fr).",
    "letter_closing": "Yours faithfully,",
    "letter_signature": "The credit department",
    "letter_data_line": "{label}: {value}",
}
