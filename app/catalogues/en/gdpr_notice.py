"""The client notice (GDPR Arts 13 and 14): its sections, keys and placeholders are
described in app/catalogues/gdpr_notice.py."""

from __future__ import annotations

TEXTS: dict[str, str] = {
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
