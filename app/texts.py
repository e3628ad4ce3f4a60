"""The dashboard's words, French first, then English (one catalogue; keys are English).

The API's sentences (reasons, counterfactuals) live beside it in app/i18n.py, with the number
formatting both use. tests/dashboard/test_dashboard_texts.py checks that both languages have the
same keys and placeholders.
"""

from __future__ import annotations

from app.i18n import DEFAULT_LANGUAGE

FR: dict[str, str] = {
    # frame
    "app_title": "Scoring crédit",
    "login_title": "Connexion conseiller",
    "login_email": "Adresse e-mail",
    "login_password": "Mot de passe",
    "login_submit": "Se connecter",
    "login_failed": "E-mail ou mot de passe incorrect.",
    "logout": "Se déconnecter",
    "nav_portfolio": "Mes clients",
    "nav_simulator": "Simulateur",
    "nav_model": "Modèle",
    "nav_gdpr": "RGPD",
    "nav_admin": "Administration",
    "role_adviser": "Conseiller",
    "role_supervisor": "Superviseur",
    "role_admin": "Administrateur",
    "decision_aid": "Aide à la décision : le modèle conseille, le conseiller décide.",
    "not_found": "Page introuvable.",
    "forbidden": "Cette page est réservée aux administrateurs.",
    "no_model": "Aucun modèle n'est en service : le score est indisponible.",
    # shared words
    "threshold": "Seuil",
    "feature": "Critère",
    "clients": "Clients",
    "count": "Effectif",
    "days": "{days} jours",
    "when": "Date",
    "what": "Événement",
    "details": "Détails",
    "email": "E-mail",
    "role": "Rôle",
    "active": "Actif",
    "model_version": "Version du modèle",
    "reco_favourable": "Favorable",
    "reco_review": "À examiner",
    "reco_unfavourable": "Défavorable",
    "reco_manual_review": "Examen manuel",
    "band_low": "Risque faible",
    "band_medium": "Risque moyen",
    "band_high": "Risque élevé",
    # portfolio
    "portfolio_title": "Mes clients",
    "portfolio_subtitle": "Filtrez votre portefeuille puis ouvrez un client.",
    "filters": "Filtres",
    "filter_min": "min",
    "filter_max": "max",
    "filter_min_long": "minimum",
    "filter_max_long": "maximum",
    "filter_bounds": "De {low} à {high} ({unit})",
    "decision_legend": "Votre décision",
    "short_age": "Âge (ans)",
    "short_income": "Revenu (€/an)",
    "short_seniority": "Ancienneté (ans)",
    "short_incidents": "Incidents (24 mois)",
    "short_credit_score": "Score de crédit",
    "filter_risk": "Niveau de risque",
    "filter_all": "Tous",
    "filter_stale": "Données de plus de {days} jours",
    "search_label": "Identifiant client ou référence bancaire",
    "search_placeholder": "UUID ou référence client",
    "search_go": "Ouvrir le client",
    "search_not_found": "Aucun client correspondant dans votre portefeuille.",
    "portfolio_total": "{count} clients",
    "portfolio_total_one": "{count} client",
    "col_client": "Client",
    "col_probability": "Probabilité de défaut",
    "col_band": "Risque",
    "col_updated": "Données du",
    # client
    "client_title": "Fiche client",
    "advice_title": "Avis du modèle",
    "gauge_title": "Probabilité de défaut (seuil {threshold})",
    "threshold_text": "Seuil de décision {threshold} · modèle {version}",
    "client_card_title": "Données du client",
    "data_date": "Données mises à jour",
    "data_age": "le {date} (il y a {days} jours)",
    "stale_title": "Données anciennes.",
    "stale_text": "Mises à jour le {date}, il y a {days} jours (limite : {limit} jours). "
    "Demandez au client des justificatifs récents (revenus, situation professionnelle) et "
    "mettez ses données à jour avant de décider.",
    "why_title": "Pourquoi ce score ?",
    "why_help": "Chaque barre montre l'effet d'un critère sur le risque (en log-odds) : rouge ▲ "
    "il augmente le risque, vert ▼ il le diminue.",
    "impact_axis": "Effet sur le risque (log-odds)",
    "raises_risk": "augmente le risque",
    "lowers_risk": "diminue le risque",
    "contributions_list": "Effet de chaque critère, du plus fort au plus faible",
    "reasons_title": "Principales raisons",
    "no_reason": "Aucun critère n'augmente le risque de ce client.",
    "open_simulator": "Tester d'autres valeurs dans le simulateur",
    "cohort_title": "Comparaison",
    "cohort_help": "Rang du client (percentile) pour chaque critère : parmi tout votre "
    "portefeuille, et parmi les clients semblables (même tranche d'âge et de revenu).",
    "cohort_portfolio": "Portefeuille",
    "cohort_similar": "Clients semblables",
    "cohort_sizes": "Portefeuille : {portfolio} clients · semblables : {similar} clients.",
    "this_client": "ce client",
    "probability_axis": "Probabilité de défaut (%)",
    "decision_title": "Ma décision",
    "decision_approve": "Accorder",
    "decision_decline": "Refuser",
    "decision_refer": "Transmettre pour examen",
    "justification": "Justification",
    "justification_placeholder": "Obligatoire si vous décidez contre la recommandation.",
    "record_decision": "Enregistrer la décision",
    "decision_missing": "Choisissez une décision.",
    "justification_required": "Une décision contraire à la recommandation doit être justifiée.",
    "decision_recorded": "Décision enregistrée.",
    "history_title": "Historique",
    "history_score": "Score {probability} ({reco})",
    # simulator
    "simulator_title": "Simulateur",
    "simulator_subtitle": "Modifiez un critère : l'avis et l'explication se mettent à jour. "
    "Rien n'est enregistré.",
    "simulator_inputs": "Critères",
    "simulator_from_client": "Valeurs du client {client}…",
    # model
    "model_title": "Le modèle",
    "model_subtitle": "Ce que vaut le modèle en service, mesuré sur des clients qu'il n'a "
    "jamais vus.",
    "active_version": "Version active :",
    "ci95": "IC 95 % : {low} – {high}",
    "read_gini": "Gini = 2·AUC − 1 : pouvoir de classement.",
    "read_prauc": "Qualité sur les défauts, qui sont rares.",
    "read_brier": "Écart moyen entre probabilité et réalité (plus bas = mieux).",
    "read_ks": "Séparation maximale entre bons et mauvais payeurs.",
    "read_threshold": "Minimise le coût attendu (défaut manqué : {fn}, bon client refusé : {fp}).",
    "roc_title": "Courbe ROC",
    "fpr": "Taux de faux positifs",
    "tpr": "Taux de vrais positifs",
    "read_roc": "Plus la courbe monte vite, mieux le modèle classe les clients du plus au moins "
    "risqué.",
    "read_true_pd": "Sur ces données synthétiques, la vraie probabilité atteindrait une AUC de "
    "{auc} : le modèle en obtient {ratio}.",
    "calibration_title": "Calibration",
    "predicted": "Probabilité prédite",
    "observed": "Taux de défaut observé",
    "model_word": "Modèle",
    "choice_excluded": "{model} (AUC en validation croisée {auc}) aurait été préféré mais ne "
    "respecte pas le sens du risque pour : {features} ; il est écarté.",
    "choice_best": "{model} a la meilleure AUC en validation croisée ({auc}) parmi les modèles "
    "qui respectent le sens du risque.",
    "choice_simpler": "{model} (AUC {auc}) est à moins de {margin} d'AUC de {best} ({best_auc}) : "
    "le modèle le plus simple est retenu.",
    "perfect": "Parfait",
    "read_calibration": "Quand la jauge affiche 10 %, environ 10 % de ces clients font défaut : "
    "les points doivent suivre la diagonale.",
    "cost_title": "Coût selon le seuil",
    "cost_axis": "Coût attendu par client",
    "read_cost": "Le seuil retenu est celui où le coût attendu est le plus bas.",
    "importance_title": "Importance globale",
    "importance_axis": "Effet moyen absolu (log-odds)",
    "read_importance": "Quels critères pèsent le plus, en moyenne, sur les scores.",
    "candidates_title": "Modèles comparés",
    "candidate": "Modèle",
    "fairness_title": "Équité par tranche d'âge",
    "age_band": "Tranche d'âge",
    "favourable_rate": "Taux d'avis favorable",
    "ratio_best": "Ratio à la meilleure tranche",
    "suppressed": "masqué (moins de 30 personnes)",
    "read_fairness": "Un ratio sous 0,8 (⚠) signale un écart à examiner ; ce n'est pas une "
    "preuve de discrimination. L'âge est un critère protégé : son usage est un choix documenté.",
    # GDPR
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
    "gdpr_notice_intro": "Texte à remettre au client avant l'étude de sa demande :",
    "gdpr_notice": "Pour étudier votre demande de crédit, notre établissement utilise un outil "
    "d'aide à la décision qui estime un risque de défaut à partir de cinq informations : votre "
    "âge, vos revenus, votre ancienneté professionnelle, vos incidents de paiement des 24 "
    "derniers mois et votre score de crédit. Cet outil conseille votre conseiller, qui prend "
    "seul la décision. Vous pouvez obtenir une explication du résultat, demander qu'un "
    "conseiller réexamine votre dossier et présenter vos observations, accéder à vos données, "
    "les faire rectifier ou effacer. Vos données sont identifiées par un pseudonyme et "
    "conservées pendant les durées indiquées par votre conseiller. Pour exercer vos droits, "
    "adressez-vous à votre conseiller ou à notre délégué à la protection des données ; vous "
    "pouvez aussi saisir la CNIL.",
    # admin
    "admin_title": "Administration",
    "admin_subtitle": "Utilisateurs, journal des accès et prochaine purge.",
    "users_title": "Utilisateurs",
    "audit_title": "Journal des accès",
    "audit_action": "Action",
    "audit_actor": "Auteur",
    "audit_client": "Client",
    "audit_days": "Derniers jours",
    "audit_total": "{count} événements",
    "audit_bad_uuid": "L'identifiant client doit être un UUID.",
    "purge_title": "Prochaine purge (durées de conservation)",
    "purge_category": "Catégorie",
    "purge_rule": "Conservation",
    "purge_count": "Lignes à purger",
    "purge_clients": "Clients",
    "purge_scores": "Scores",
    "purge_decisions": "Décisions",
    "purge_audit": "Journal",
    "purge_revoked_tokens": "Jetons révoqués",
    "purge_until_expiry": "jusqu'à expiration",
    "purge_schedule": "La purge s'exécute chaque jour (processus clock) et peut être lancée à la "
    "main : flask --app wsgi gdpr purge [--dry-run].",
    # human oversight (AI Act art. 14)
    "model_off_banner": "Modèle désactivé par un administrateur : aucun score n'est calculé, "
    "chaque dossier est examiné manuellement.",
    "model_off_text": "Le modèle est désactivé : examinez le dossier et décidez sans score.",
    "switch_title": "Modèle en service (supervision humaine)",
    "switch_on_status": "Le modèle est en service.",
    "switch_off_status": "Le modèle est désactivé : les scores répondent « examen manuel ».",
    "switch_changed": "Dernier changement : {date} par {actor}.",
    "switch_turn_off": "Désactiver le modèle",
    "switch_turn_on": "Remettre le modèle en service",
    # client rights
    "export_button": "Exporter les données du client (JSON)",
    "export_help": "Tout ce qui est détenu sur ce client (art. 15 RGPD) ; l'export est journalisé.",
    "review_requested": "Le client a demandé un réexamen humain le {date} : votre prochaine "
    "décision y répond et vous en êtes le réexaminateur.",
    "review_record": "Enregistrer une demande de réexamen du client",
    "review_pending_mark": "réexamen demandé",
    "retention_tokens": "Jetons révoqués",
    "until_expiry": "Jusqu'à leur expiration",
    # service state
    "db_unavailable_title": "Service momentanément indisponible",
    "db_unavailable": "La base de données ne répond pas. La page se rechargera d'elle-même ; "
    "réessayez dans quelques secondes.",
    "db_unavailable_live": "La base de données ne répond pas : votre dernière action n'a pas été "
    "enregistrée. Le service reprend de lui-même ; réessayez dans quelques secondes.",
}

EN: dict[str, str] = {
    "app_title": "Credit scoring",
    "login_title": "Adviser log-in",
    "login_email": "E-mail address",
    "login_password": "Password",
    "login_submit": "Log in",
    "login_failed": "Wrong e-mail or password.",
    "logout": "Log out",
    "nav_portfolio": "My clients",
    "nav_simulator": "Simulator",
    "nav_model": "Model",
    "nav_gdpr": "GDPR",
    "nav_admin": "Admin",
    "role_adviser": "Adviser",
    "role_supervisor": "Supervisor",
    "role_admin": "Administrator",
    "decision_aid": "Decision aid: the model advises, the adviser decides.",
    "not_found": "Page not found.",
    "forbidden": "This page is for administrators.",
    "no_model": "No model is in service: scoring is unavailable.",
    "threshold": "Threshold",
    "feature": "Feature",
    "clients": "Clients",
    "count": "Count",
    "days": "{days} days",
    "when": "Date",
    "what": "Event",
    "details": "Details",
    "email": "E-mail",
    "role": "Role",
    "active": "Active",
    "model_version": "Model version",
    "reco_favourable": "Favourable",
    "reco_review": "To review",
    "reco_unfavourable": "Unfavourable",
    "reco_manual_review": "Manual review",
    "band_low": "Low risk",
    "band_medium": "Medium risk",
    "band_high": "High risk",
    "portfolio_title": "My clients",
    "portfolio_subtitle": "Filter your portfolio, then open a client.",
    "filters": "Filters",
    "filter_min": "min",
    "filter_max": "max",
    "filter_min_long": "minimum",
    "filter_max_long": "maximum",
    "filter_bounds": "From {low} to {high} ({unit})",
    "decision_legend": "Your decision",
    "short_age": "Age (years)",
    "short_income": "Income (EUR/yr)",
    "short_seniority": "Seniority (years)",
    "short_incidents": "Incidents (24 mo.)",
    "short_credit_score": "Credit score",
    "filter_risk": "Risk level",
    "filter_all": "All",
    "filter_stale": "Data older than {days} days",
    "search_label": "Client id or bank reference",
    "search_placeholder": "UUID or customer reference",
    "search_go": "Open the client",
    "search_not_found": "No matching client in your portfolio.",
    "portfolio_total": "{count} clients",
    "portfolio_total_one": "{count} client",
    "col_client": "Client",
    "col_probability": "Probability of default",
    "col_band": "Risk",
    "col_updated": "Data as of",
    "client_title": "Client",
    "advice_title": "The model's advice",
    "gauge_title": "Probability of default (threshold {threshold})",
    "threshold_text": "Decision threshold {threshold} · model {version}",
    "client_card_title": "Client data",
    "data_date": "Data updated",
    "data_age": "on {date} ({days} days ago)",
    "stale_title": "Old data.",
    "stale_text": "Updated on {date}, {days} days ago (limit: {limit} days). Ask the client for "
    "recent documents (income, employment) and update the data before deciding.",
    "why_title": "Why this score?",
    "why_help": "Each bar shows one feature's effect on the risk (log-odds): red ▲ raises the "
    "risk, green ▼ lowers it.",
    "impact_axis": "Effect on risk (log-odds)",
    "raises_risk": "raises the risk",
    "lowers_risk": "lowers the risk",
    "contributions_list": "Effect of each feature, strongest first",
    "reasons_title": "Principal reasons",
    "no_reason": "No feature raises this client's risk.",
    "open_simulator": "Try other values in the simulator",
    "cohort_title": "Comparison",
    "cohort_help": "The client's rank (percentile) on each feature: among your whole portfolio, "
    "and among similar clients (same age band and income band).",
    "cohort_portfolio": "Portfolio",
    "cohort_similar": "Similar clients",
    "cohort_sizes": "Portfolio: {portfolio} clients · similar: {similar} clients.",
    "this_client": "this client",
    "probability_axis": "Probability of default (%)",
    "decision_title": "My decision",
    "decision_approve": "Approve",
    "decision_decline": "Decline",
    "decision_refer": "Refer for review",
    "justification": "Justification",
    "justification_placeholder": "Required when you decide against the recommendation.",
    "record_decision": "Record the decision",
    "decision_missing": "Choose a decision.",
    "justification_required": "A decision against the recommendation must be justified.",
    "decision_recorded": "Decision recorded.",
    "history_title": "History",
    "history_score": "Score {probability} ({reco})",
    "simulator_title": "Simulator",
    "simulator_subtitle": "Change a feature: the advice and the explanation follow. Nothing is "
    "stored.",
    "simulator_inputs": "Features",
    "simulator_from_client": "Values of client {client}…",
    "model_title": "The model",
    "model_subtitle": "How good the model in service is, measured on clients it never saw.",
    "active_version": "Active version:",
    "ci95": "95% CI: {low} – {high}",
    "read_gini": "Gini = 2·AUC − 1: ranking power.",
    "read_prauc": "Quality on defaults, which are rare.",
    "read_brier": "Mean gap between probability and outcome (lower is better).",
    "read_ks": "Largest separation between good and bad payers.",
    "read_threshold": "Minimises the expected cost (missed default: {fn}, refused good client: "
    "{fp}).",
    "roc_title": "ROC curve",
    "fpr": "False positive rate",
    "tpr": "True positive rate",
    "read_roc": "The faster the curve rises, the better the model ranks clients from riskiest "
    "to safest.",
    "read_true_pd": "On this synthetic data the true probability would reach an AUC of {auc}: "
    "the model gets {ratio} of it.",
    "calibration_title": "Calibration",
    "predicted": "Predicted probability",
    "observed": "Observed default rate",
    "model_word": "Model",
    "choice_excluded": "{model} (cross-validated AUC {auc}) would have been preferred but breaks "
    "the risk direction of: {features}; it is not eligible.",
    "choice_best": "{model} has the best cross-validated AUC ({auc}) among the models that keep "
    "the risk directions.",
    "choice_simpler": "{model} (AUC {auc}) is within {margin} AUC of {best} ({best_auc}): the "
    "simpler model is the champion.",
    "perfect": "Perfect",
    "read_calibration": "When the gauge shows 10%, about 10% of those clients default: the points "
    "should follow the diagonal.",
    "cost_title": "Cost by threshold",
    "cost_axis": "Expected cost per client",
    "read_cost": "The chosen threshold is where the expected cost is lowest.",
    "importance_title": "Global importance",
    "importance_axis": "Mean absolute effect (log-odds)",
    "read_importance": "Which features weigh most on the scores, on average.",
    "candidates_title": "Models compared",
    "candidate": "Model",
    "fairness_title": "Fairness by age band",
    "age_band": "Age band",
    "favourable_rate": "Favourable rate",
    "ratio_best": "Ratio to the best band",
    "suppressed": "suppressed (fewer than 30 people)",
    "read_fairness": "A ratio under 0.8 (⚠) flags a gap to examine; it is not proof of "
    "discrimination. Age is a protected ground: using it is a documented choice.",
    "gdpr_title": "GDPR and transparency",
    "gdpr_subtitle": "What we process, why, for how long, and how to answer clients.",
    "gdpr_data_title": "Data used and purpose",
    "gdpr_data_intro": "The credit-eligibility score uses five data items, and only these:",
    "gdpr_why_age": "repayment capacity changes with age; its effect is measured and monitored "
    "by age band.",
    "gdpr_why_income": "the capacity to meet repayments.",
    "gdpr_why_seniority": "the stability of the employment situation.",
    "gdpr_why_incidents": "recent payment incidents, the first sign of difficulty.",
    "gdpr_why_credit_score": "a summary of the client's credit history.",
    "gdpr_minimisation": "No name, e-mail or IBAN is stored: each client is a pseudonymous "
    "identifier (UUID). The bank reference is turned into it by a keyed hash and never kept.",
    "gdpr_basis_title": "Legal basis",
    "gdpr_basis": "Pre-contractual steps at the client's request (GDPR Art. 6.1.b) and the duty "
    "to assess the borrower's creditworthiness (Consumer Credit Directive 2023/2225). The score "
    "is an aid: an adviser takes the decision (GDPR Art. 22).",
    "gdpr_retention_title": "Retention periods",
    "retention_clients": "Client data (after the last update)",
    "retention_scores": "Scores",
    "retention_decisions": "Adviser decisions",
    "retention_audit": "Access log",
    "gdpr_stale": "Data older than {days} days is flagged on every screen: have it updated "
    "before deciding.",
    "gdpr_rights_title": "Answering clients' requests",
    "gdpr_right_access": "Access (Art. 15)",
    "gdpr_right_access_how": "Export everything held from the client page (data, scores, "
    "explanations, decisions, retention) and give it to the client within a month.",
    "gdpr_right_rectification": "Rectification (Art. 16)",
    "gdpr_right_rectification_how": "Update the data on evidence; later scores use the new data.",
    "gdpr_right_erasure": "Erasure (Art. 17)",
    "gdpr_right_erasure_how": "Pass the request to an administrator, who erases the client, its "
    "scores and decisions; the log keeps only the fact of the erasure.",
    "gdpr_right_review": "Human review (Art. 22)",
    "gdpr_right_review_how": "The client may ask an adviser to re-examine the decision and give "
    "their view: record the request and a new, justified decision.",
    "gdpr_right_objection": "Explanation (Arts 13-15, 22)",
    "gdpr_right_objection_how": "Explain the score with the principal reasons and the change "
    "that would alter the advice, shown on the client page.",
    "gdpr_notice_title": "Notice for the client",
    "gdpr_notice_intro": "Text to give the client (in French) before their application is "
    "assessed:",
    "gdpr_notice": FR["gdpr_notice"],
    "admin_title": "Administration",
    "admin_subtitle": "Users, access log and the next purge.",
    "users_title": "Users",
    "audit_title": "Access log",
    "audit_action": "Action",
    "audit_actor": "Actor",
    "audit_client": "Client",
    "audit_days": "Last days",
    "audit_total": "{count} events",
    "audit_bad_uuid": "The client id must be a UUID.",
    "purge_title": "Next purge (retention periods)",
    "purge_category": "Category",
    "purge_rule": "Retention",
    "purge_count": "Rows to purge",
    "purge_clients": "Clients",
    "purge_scores": "Scores",
    "purge_decisions": "Decisions",
    "purge_audit": "Log",
    "purge_revoked_tokens": "Revoked tokens",
    "purge_until_expiry": "until expiry",
    "purge_schedule": "The purge runs every day (clock process) and can be run by hand: "
    "flask --app wsgi gdpr purge [--dry-run].",
    "model_off_banner": "Model switched off by an administrator: no score is computed, every "
    "file is reviewed by hand.",
    "model_off_text": "The model is switched off: review the file and decide without a score.",
    "switch_title": "Model in service (human oversight)",
    "switch_on_status": "The model is in service.",
    "switch_off_status": 'The model is switched off: scores answer "manual review".',
    "switch_changed": "Last change: {date} by {actor}.",
    "switch_turn_off": "Switch the model off",
    "switch_turn_on": "Put the model back in service",
    "export_button": "Export the client's data (JSON)",
    "export_help": "Everything held on this client (GDPR Art. 15); the export is logged.",
    "review_requested": "The client asked for human review on {date}: your next decision "
    "answers it and you are its reviewer.",
    "review_record": "Record the client's request for review",
    "review_pending_mark": "review requested",
    "retention_tokens": "Revoked tokens",
    "until_expiry": "Until they expire",
    "db_unavailable_title": "Service temporarily unavailable",
    "db_unavailable": "The database is not answering. The page will reload by itself; try "
    "again in a few seconds.",
    "db_unavailable_live": "The database is not answering: your last action was not recorded. "
    "The service recovers by itself; try again in a few seconds.",
}

TEXTS: dict[str, dict[str, str]] = {"fr": FR, "en": EN}


def page_texts(lang: str) -> dict[str, str]:
    return TEXTS.get(lang, TEXTS[DEFAULT_LANGUAGE])


def t(key: str, lang: str, **values) -> str:
    text = page_texts(lang).get(key) or TEXTS[DEFAULT_LANGUAGE][key]
    return text.format(**values) if values else text
