"""The words of the letter sent to a client about a decision (GDPR Arts 15 and 22, CJEU
C-203/22): plain words for a reader who is not a specialist."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "letter_title": "Your credit application: our decision",
    "letter_reference": "Your file reference: {reference}",
    "letter_date": "{date}",
    "letter_greeting": "Dear Sir or Madam,",
    "letter_decision_heading": "Our decision",
    "letter_decision_approve": "Having examined your file, we accepted your application on {date}.",
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
