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
    "login_title": "Connexion",
    "login_email": "Adresse e-mail",
    "login_password": "Mot de passe",
    "login_submit": "Se connecter",
    "login_failed": "E-mail ou mot de passe incorrect.",
    "login_throttled": "Trop de tentatives de connexion échouées. Réessayez dans {seconds}\u00a0s.",
    "logged_out": "Vous êtes déconnecté(e).",
    "logout": "Se déconnecter",
    "nav_portfolio": "Mes clients",
    "nav_portfolio_all": "Portefeuille",
    "nav_simulator": "Simulateur",
    "nav_model": "Modèle",
    "nav_gdpr": "RGPD",
    "nav_admin": "Administration",
    "role_adviser": "Conseiller",
    "role_supervisor": "Superviseur",
    "role_admin": "Administrateur",
    "decision_aid": "Aide à la décision : le modèle conseille, le conseiller décide.",
    "not_found": "Page introuvable.",
    "not_found_title": "Page introuvable",
    "forbidden_title": "Accès réservé",
    "tab_client": "Client {client_id}",
    "client_not_found": "Ce client n'existe pas ou n'est pas dans votre portefeuille.",
    "back_to_portfolio": "Retour au portefeuille",
    "callback_failed": "Cette page n'a pas pu être affichée à cause d'une erreur du serveur. "
    "Rechargez-la ; si l'erreur persiste, signalez-la au support en citant la référence {ref}.",
    "reload_page": "Recharger la page",
    "forbidden": "Cette page est réservée aux administrateurs.",
    # refusals of the permission table (services/permissions), one per reason
    "forbidden_action": "Votre rôle ne permet pas cette action.",
    "forbidden_role": "Votre rôle ne permet pas cette action (réservée au rôle : {roles}).",
    "forbidden_not_awaiting_review": "Un superviseur ne décide que pour un client en attente "
    "de réexamen humain (transmis pour examen, ou à la demande du client).",
    "forbidden_own_decision": "Vous ne pouvez pas réexaminer votre propre décision : un autre "
    "superviseur doit s'en charger.",
    "fresh_login_required": "Cette action demande une connexion récente : déconnectez-vous puis "
    "reconnectez-vous (mot de passe saisi il y a moins de {minutes} minutes).",
    "rate_limited": "Trop de demandes : réessayez dans {seconds} secondes.",
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
    # portfolio
    "portfolio_title": "Mes clients",
    "portfolio_subtitle": "Filtrez votre portefeuille puis ouvrez un client.",
    "portfolio_title_all": "Portefeuille",
    "portfolio_subtitle_all": "Filtrez le portefeuille de la banque puis ouvrez un client.",
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
    "filter_risk": "Avis du modèle",
    "filter_all": "Tous",
    "filter_stale": "Données de plus de {days} jours",
    "search_label": "Identifiant client ou référence bancaire",
    "search_placeholder": "UUID ou référence client",
    "search_go": "Ouvrir le client",
    "search_not_found": "Aucun client correspondant dans votre portefeuille.",
    "search_several": "{count} clients de votre portefeuille correspondent : choisissez-en un.",
    "filter_reset": "Réinitialiser les filtres",
    "filter_rule_number": "doit être un nombre",
    "filter_rule_integer": "doit être un nombre entier",
    "filter_rule_between": "doit être compris entre {low} et {high}",
    "filter_rule_not_above": "ne peut pas dépasser le maximum ({high})",
    "filter_rule_one_of": "n'est pas une valeur proposée",
    "filter_rule_boolean": "doit être oui ou non",
    "filter_field_page": "Numéro de page",
    "filter_field_per_page": "Nombre de lignes par page",
    "filter_field_sort": "Colonne de tri",
    "filter_field_other": "Filtre",
    "filter_model_off": "Le modèle est désactivé : le filtre « Avis du modèle » est indisponible.",
    "portfolio_refused": "Cette liste ne vous est pas accessible.",
    "page_navigation": "Pages de la liste",
    "page_first": "Première page",
    "page_previous": "Page précédente",
    "page_next": "Page suivante",
    "page_last": "Dernière page",
    "page_status": "Page {page} sur {pages}",
    "portfolio_total": "{count} clients",
    "portfolio_total_one": "{count} client",
    "col_client": "Client",
    "col_probability": "Probabilité de défaut",
    "col_band": "Avis",
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
    "why_help": "Chaque barre montre l'effet d'un critère sur le risque, en points de risque "
    "(voir le guide du conseiller) : rouge ▲ il augmente le risque, vert ▼ il le diminue, gris ● "
    "sans effet notable (0). La valeur exacte s'affiche au survol.",
    "impact_axis": "Effet sur le risque (points de risque)",
    "raises_risk": "augmente le risque",
    "lowers_risk": "diminue le risque",
    "no_notable_effect": "sans effet notable",
    "contributions_list": "Effet de chaque critère, du plus fort au plus faible",
    "reasons_title": "Principales raisons",
    "no_reason": "Aucun critère n'augmente notablement le risque de ce client.",
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
    "decision_recorded": "Décision enregistrée.",
    "decision_not_offered": "La décision revient au conseiller du client : un superviseur ne "
    "décide que pour un client en attente de réexamen humain.",
    "history_title": "Historique",
    "history_score": "Score {probability} ({reco})",
    "justification_invalid": "La justification doit être un texte de {maximum} caractères au plus.",
    "justification_too_short": "Justification trop courte : une décision contraire à la "
    "recommandation doit être justifiée en {minimum} caractères au moins ({length} saisis, "
    "espaces de début et de fin non comptés).",
    "decision_repeat_title": "Décision déjà enregistrée",
    "decision_repeat_text": "« {outcome} » vient d'être enregistré pour ce client, il y a moins "
    "de {minutes} minutes. L'enregistrer une seconde fois ?",
    "decision_repeat_confirm": "Confirmer",
    "decision_repeat_cancel": "Annuler",
    "decision_repeat_cancelled": "Rien n'a été enregistré une seconde fois.",
    "decision_current": "Décision en vigueur : {outcome}, par {who}, le {when}.",
    "decision_none": "Aucune décision n'est encore enregistrée pour ce client.",
    "outcome_approve": "Accordé",
    "outcome_decline": "Refusé",
    "outcome_refer": "Transmis pour examen",
    "history_who": "Par",
    "history_model": "Modèle",
    "history_review_request": "Demande de réexamen humain du client (art. 22 RGPD)",
    "history_review_answer": "{outcome} (réexamen par un superviseur)",
    "user_removed": "compte supprimé",
    "date_at": "{date} à {time}",
    # simulator
    "simulator_title": "Simulateur",
    "simulator_subtitle": "Modifiez un critère : l'avis et l'explication se mettent à jour. "
    "Rien n'est enregistré.",
    "simulator_inputs": "Critères",
    "simulator_from_client": "Valeurs du client {client}…",
    "simulator_quota_exceeded": "Quota quotidien atteint : {quota} scores ponctuels par jour et "
    "par utilisateur (simulateur et API). Réessayez dans {hours} h.",
    "simulator_reset_client": "Revenir aux valeurs du client",
    "simulator_reset_defaults": "Revenir aux valeurs de départ",
    "simulator_invalid": "Corrigez les valeurs pour obtenir un avis :",
    "simulator_stale": "Les valeurs de départ datent du {date} (il y a {days} jours, limite : "
    "{limit} jours) : l'avis simulé peut ne plus refléter la situation du client.",
    "rule_required": "Saisissez une valeur pour « {label} ».",
    "rule_number": "« {label} » : saisissez un nombre, par exemple {example}.",
    "rule_integer": "« {label} » doit être un nombre entier.",
    "rule_range_age": "L'âge doit être compris entre {min} et {max} ans.",
    "rule_range_income": "Le revenu net annuel doit être compris entre {min} € et {max} €.",
    "rule_range_seniority": "L'ancienneté professionnelle doit être comprise entre {min} et "
    "{max} ans.",
    "rule_range_incidents": "Le nombre d'incidents de paiement doit être compris entre {min} "
    "et {max}.",
    "rule_range_credit_score": "Le score de crédit doit être compris entre {min} et {max} points.",
    "rule_seniority_age": "L'ancienneté professionnelle ne peut pas dépasser l'âge moins {years} "
    "ans ({limit} ans ici).",
    # model
    "model_title": "Le modèle",
    "model_subtitle": "Ce que vaut le modèle en service, mesuré sur des clients qu'il n'a "
    "jamais vus.",
    "active_version": "Version active :",
    "ci95": "IC 95 % : {low} – {high}",
    "metric_auc": "Pouvoir de classement (AUC)",
    "metric_gini": "Indice de Gini",
    "metric_prauc": "Repérage des défauts (PR AUC)",
    "metric_brier": "Erreur des probabilités (Brier)",
    "metric_ks": "Séparation des payeurs (KS)",
    "read_auc": "Probabilité qu'un client qui fera défaut soit jugé plus risqué qu'un bon payeur.",
    "col_cv_auc": "AUC (validation croisée)",
    "col_test_auc": "AUC (clients de test)",
    "read_metrics": "AUC : pouvoir de classement (1 = parfait, 0,5 = hasard). PR AUC : repérage "
    "des défauts, qui sont rares. Brier : erreur moyenne des probabilités. ECE : écart entre la "
    "probabilité annoncée et le taux de défaut observé. KS : séparation maximale entre bons et "
    "mauvais payeurs. Plus bas vaut mieux pour Brier, ECE et le coût ; plus haut pour les "
    "autres.",
    "model_name_baseline": "Référence (taux moyen de défaut)",
    "model_name_logistic": "Régression logistique",
    "model_name_spline_logistic": "Régression logistique à splines (GAM)",
    "model_name_catboost": "Arbres de décision boostés CatBoost (monotones)",
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
    "choice_excluded_better": "{model} a une AUC en validation croisée plus élevée ({auc}) mais "
    "ne respecte pas le sens du risque pour : {features} ; il est écarté.",
    "choice_excluded_simpler": "{model} est plus simple que {champion} et son AUC en validation "
    "croisée ({auc}) est à moins de {margin} de la sienne ({champion_auc}) : il aurait été "
    "retenu pour sa simplicité, mais il ne respecte pas le sens du risque pour : {features} ; "
    "il est écarté.",
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
    "importance_axis": "Effet moyen, sans signe (points de risque)",
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
    "fairness_flagged": "Tranche(s) {bands} : le taux d'avis favorable est inférieur à 80 % de "
    "celui de la meilleure tranche. Pour ces clients, ne vous arrêtez pas à la recommandation : "
    "examinez le dossier sur ses autres critères (revenus, incidents, score de crédit) et "
    "justifiez votre décision. Signalez l'écart au responsable du modèle, qui décide d'une "
    "revue de conformité.",
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
    "audit_bad_days": "Le nombre de jours est un entier de 1 à 3 650.",
    "audit_bad_client": "Filtrez sur un client par son identifiant : les 8 premiers "
    "caractères affichés dans les tableaux, ou l'UUID complet.",
    "audit_client_placeholder": "8 premiers caractères ou UUID",
    "audit_system": "système",
    "audit_pages": "Page {page} sur {pages}",
    "audit_action_login": "Connexion",
    "audit_action_login_failed": "Échec de connexion",
    "audit_action_logout": "Déconnexion",
    "audit_action_score": "Score calculé (simulation)",
    "audit_action_score_batch": "Scores calculés par lot",
    "audit_action_score_client": "Client scoré",
    "audit_action_view_client": "Fiche client consultée",
    "audit_action_view_history": "Historique consulté",
    "audit_action_list_clients": "Liste de clients consultée",
    "audit_action_decision": "Décision enregistrée",
    "audit_action_export": "Export des données (art. 15)",
    "audit_action_erasure": "Effacement (art. 17)",
    "audit_action_scores_refresh": "Scores recalculés",
    "audit_action_rectification": "Rectification (art. 16)",
    "audit_action_review_request": "Demande de réexamen humain",
    "audit_action_model_switch": "Modèle activé ou désactivé",
    "audit_action_purge": "Purge des données échues",
    "audit_action_user_create": "Compte créé",
    "audit_action_user_update": "Compte modifié",
    "erase_title": "Effacer un client (droit à l'effacement, art. 17)",
    "erase_intro": "Retrouvez le client par son identifiant (les 8 premiers caractères ou "
    "l'UUID) ou par sa référence client. L'effacement supprime le client, ses scores et ses "
    "décisions ; le journal garde seulement la trace de l'effacement.",
    "erase_search": "Identifiant ou référence client",
    "erase_search_button": "Rechercher",
    "erase_search_invalid": "Tapez l'identifiant du client (8 caractères au moins) ou sa "
    "référence client.",
    "erase_none": "Aucun client ne correspond à cette recherche.",
    "erase_col_client": "Identifiant",
    "erase_col_adviser": "Conseiller",
    "erase_col_created": "Créé le",
    "erase_col_updated": "Données du",
    "erase_col_scores": "Scores",
    "erase_col_decisions": "Décisions",
    "erase_open": "Effacer…",
    "erase_confirm_title": "Effacer définitivement le client {client} ?",
    "erase_confirm_body": "Le client {client} sera supprimé avec ses scores ({scores}) et ses "
    "décisions ({decisions}). C'est irréversible. Le journal gardera la trace de l'effacement, "
    "à votre nom.",
    "erase_confirm": "Effacer définitivement",
    "cancel": "Annuler",
    "erase_done": "Client {client} effacé. Le journal garde la trace de l'effacement.",
    "erase_gone": "Ce client n'existe plus : il a peut-être déjà été effacé.",
    "purge_title": "Prochaine purge (durées de conservation)",
    "purge_category": "Catégorie",
    "purge_rule": "Conservation",
    "purge_count": "Lignes à purger",
    "purge_clients": "Clients",
    "purge_scores": "Scores",
    "purge_adhoc_scores": "Scores ponctuels (sans client)",
    "purge_decisions": "Décisions",
    "purge_audit": "Journal",
    "purge_revoked_tokens": "Jetons révoqués",
    "purge_until_expiry": "jusqu'à expiration",
    "purge_schedule": "La purge s'exécute automatiquement chaque jour. L'équipe technique peut "
    "aussi la lancer à la demande, ou d'abord afficher ce qu'elle supprimerait sans rien "
    "effacer.",
    # human oversight (AI Act art. 14)
    "model_off_banner": "Modèle désactivé par un administrateur : aucun score n'est calculé, "
    "chaque dossier est examiné manuellement.",
    "model_off_text": "Le modèle est désactivé : examinez le dossier et décidez sans score.",
    "model_off_title": "Modèle désactivé",
    "switch_title": "Modèle en service (supervision humaine)",
    "switch_on_status": "Le modèle est en service.",
    "switch_off_status": "Le modèle est désactivé : les scores répondent « examen manuel ».",
    "switch_changed": "Dernier changement : {date} par {actor}.",
    "switch_turn_off": "Désactiver le modèle",
    "switch_turn_on": "Remettre le modèle en service",
    "switch_confirm_off_title": "Désactiver le modèle ?",
    "switch_confirm_off_body": "Dès la confirmation, aucun score n'est plus calculé : chaque "
    "dossier est examiné manuellement par son conseiller, et un bandeau l'annonce sur toutes "
    "les pages. Votre adresse e-mail sera affichée comme auteur du changement.",
    "switch_confirm_on_title": "Remettre le modèle en service ?",
    "switch_confirm_on_body": "Dès la confirmation, les scores et les recommandations du modèle "
    "reviennent sur toutes les pages. Votre adresse e-mail sera affichée comme auteur du "
    "changement.",
    "switch_confirm_off": "Désactiver",
    "switch_confirm_on": "Remettre en service",
    # client rights
    "export_button": "Exporter les données du client (JSON)",
    "export_help": "Tout ce qui est détenu sur ce client (art. 15 RGPD) ; l'export est journalisé.",
    "review_requested": "Le client a demandé un réexamen humain le {date} : un superviseur y "
    "répond (page « À examiner »).",
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
    "login_title": "Log in",
    "login_email": "E-mail address",
    "login_password": "Password",
    "login_submit": "Log in",
    "login_failed": "Wrong e-mail or password.",
    "login_throttled": "Too many failed log-ins. Try again in {seconds}\u00a0s.",
    "logged_out": "You have been logged out.",
    "logout": "Log out",
    "nav_portfolio": "My clients",
    "nav_portfolio_all": "Portfolio",
    "nav_simulator": "Simulator",
    "nav_model": "Model",
    "nav_gdpr": "GDPR",
    "nav_admin": "Admin",
    "role_adviser": "Adviser",
    "role_supervisor": "Supervisor",
    "role_admin": "Administrator",
    "decision_aid": "Decision aid: the model advises, the adviser decides.",
    "not_found": "Page not found.",
    "not_found_title": "Page not found",
    "forbidden_title": "Restricted page",
    "tab_client": "Client {client_id}",
    "client_not_found": "This client does not exist or is not in your portfolio.",
    "back_to_portfolio": "Back to the portfolio",
    "callback_failed": "This page could not be shown because of a server error. Reload it; if "
    "the error persists, report it to support quoting the reference {ref}.",
    "reload_page": "Reload the page",
    "forbidden": "This page is for administrators.",
    "forbidden_action": "Your role does not allow this action.",
    "forbidden_role": "Your role does not allow this action (reserved to: {roles}).",
    "forbidden_not_awaiting_review": "A supervisor decides only on a client awaiting human "
    "review (referred, or at the client's request).",
    "forbidden_own_decision": "You cannot review your own decision: another supervisor must.",
    "fresh_login_required": "This action needs a recent log-in: log out and log in again "
    "(password given less than {minutes} minutes ago).",
    "rate_limited": "Too many requests: try again in {seconds} seconds.",
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
    "portfolio_title": "My clients",
    "portfolio_subtitle": "Filter your portfolio, then open a client.",
    "portfolio_title_all": "Portfolio",
    "portfolio_subtitle_all": "Filter the bank's portfolio, then open a client.",
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
    "filter_risk": "Model's advice",
    "filter_all": "All",
    "filter_stale": "Data older than {days} days",
    "search_label": "Client id or bank reference",
    "search_placeholder": "UUID or customer reference",
    "search_go": "Open the client",
    "search_not_found": "No matching client in your portfolio.",
    "search_several": "{count} clients of your portfolio match: choose one.",
    "filter_reset": "Reset the filters",
    "filter_rule_number": "must be a number",
    "filter_rule_integer": "must be a whole number",
    "filter_rule_between": "must be between {low} and {high}",
    "filter_rule_not_above": "cannot be above the maximum ({high})",
    "filter_rule_one_of": "is not one of the offered values",
    "filter_rule_boolean": "must be yes or no",
    "filter_field_page": "Page number",
    "filter_field_per_page": "Rows per page",
    "filter_field_sort": "Sort column",
    "filter_field_other": "Filter",
    "filter_model_off": "The model is switched off: the advice filter is unavailable.",
    "portfolio_refused": "This list is not available to you.",
    "page_navigation": "Pages of the list",
    "page_first": "First page",
    "page_previous": "Previous page",
    "page_next": "Next page",
    "page_last": "Last page",
    "page_status": "Page {page} of {pages}",
    "portfolio_total": "{count} clients",
    "portfolio_total_one": "{count} client",
    "col_client": "Client",
    "col_probability": "Probability of default",
    "col_band": "Advice",
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
    "why_help": "Each bar shows one feature's effect on the risk, in risk points (see the "
    "adviser guide): red ▲ raises the risk, green ▼ lowers it, grey ● no notable effect (0). "
    "Hover for the exact value.",
    "impact_axis": "Effect on risk (risk points)",
    "raises_risk": "raises the risk",
    "lowers_risk": "lowers the risk",
    "no_notable_effect": "no notable effect",
    "contributions_list": "Effect of each feature, strongest first",
    "reasons_title": "Principal reasons",
    "no_reason": "No feature raises this client's risk notably.",
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
    "decision_recorded": "Decision recorded.",
    "decision_not_offered": "The decision is the client's adviser's: a supervisor decides only "
    "on a client awaiting human review.",
    "history_title": "History",
    "history_score": "Score {probability} ({reco})",
    "justification_invalid": "The justification must be text of at most {maximum} characters.",
    "justification_too_short": "Justification too short: a decision against the recommendation "
    "needs a justification of at least {minimum} characters ({length} typed, leading and "
    "trailing spaces not counted).",
    "decision_repeat_title": "Decision already recorded",
    "decision_repeat_text": "“{outcome}” was recorded for this client less than {minutes} "
    "minutes ago. Record it a second time?",
    "decision_repeat_confirm": "Confirm",
    "decision_repeat_cancel": "Cancel",
    "decision_repeat_cancelled": "Nothing was recorded a second time.",
    "decision_current": "Current decision: {outcome}, by {who}, on {when}.",
    "decision_none": "No decision has been recorded for this client yet.",
    "outcome_approve": "Approved",
    "outcome_decline": "Declined",
    "outcome_refer": "Referred for review",
    "history_who": "By",
    "history_model": "Model",
    "history_review_request": "The client's request for human review (GDPR Art. 22)",
    "history_review_answer": "{outcome} (review by a supervisor)",
    "user_removed": "account removed",
    "date_at": "{date} at {time}",
    "simulator_title": "Simulator",
    "simulator_subtitle": "Change a feature: the advice and the explanation follow. Nothing is "
    "stored.",
    "simulator_inputs": "Features",
    "simulator_from_client": "Values of client {client}…",
    "simulator_quota_exceeded": "Daily quota reached: {quota} ad-hoc scores per day and per user "
    "(simulator and API). Try again in {hours} h.",
    "simulator_reset_client": "Back to the client's values",
    "simulator_reset_defaults": "Back to the starting values",
    "simulator_invalid": "Correct the values to get the model's advice:",
    "simulator_stale": "The starting values date from {date} ({days} days ago, limit: {limit} "
    "days): the simulated advice may no longer reflect the client's situation.",
    "rule_required": "Enter a value for “{label}”.",
    "rule_number": "“{label}”: enter a number, for example {example}.",
    "rule_integer": "“{label}” must be a whole number.",
    "rule_range_age": "Age must be between {min} and {max} years.",
    "rule_range_income": "Annual net income must be between €{min} and €{max}.",
    "rule_range_seniority": "Job seniority must be between {min} and {max} years.",
    "rule_range_incidents": "The number of payment incidents must be between {min} and {max}.",
    "rule_range_credit_score": "The credit score must be between {min} and {max} points.",
    "rule_seniority_age": "Job seniority cannot exceed age minus {years} years ({limit} years "
    "here).",
    "model_title": "The model",
    "model_subtitle": "How good the model in service is, measured on clients it never saw.",
    "active_version": "Active version:",
    "ci95": "95% CI: {low} – {high}",
    "metric_auc": "Ranking power (AUC)",
    "metric_gini": "Gini index",
    "metric_prauc": "Default detection (PR AUC)",
    "metric_brier": "Probability error (Brier)",
    "metric_ks": "Payer separation (KS)",
    "read_auc": "Probability that a client who will default is ranked riskier than a good payer.",
    "col_cv_auc": "AUC (cross-validated)",
    "col_test_auc": "AUC (test clients)",
    "read_metrics": "AUC: ranking power (1 = perfect, 0.5 = chance). PR AUC: detection of "
    "defaults, which are rare. Brier: mean error of the probabilities. ECE: gap between the "
    "stated probability and the observed default rate. KS: largest separation between good and "
    "bad payers. Lower is better for Brier, ECE and the cost; higher for the others.",
    "model_name_baseline": "Baseline (average default rate)",
    "model_name_logistic": "Logistic regression",
    "model_name_spline_logistic": "Spline logistic regression (GAM)",
    "model_name_catboost": "CatBoost boosted decision trees (monotone)",
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
    "choice_excluded_better": "{model} has a higher cross-validated AUC ({auc}) but breaks the "
    "risk direction of: {features}; it is not eligible.",
    "choice_excluded_simpler": "{model} is simpler than {champion} and its cross-validated AUC "
    "({auc}) is within {margin} of the champion's ({champion_auc}): it would have been chosen "
    "for its simplicity, but it breaks the risk direction of: {features}; it is not eligible.",
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
    "importance_axis": "Mean effect, unsigned (risk points)",
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
    "fairness_flagged": "Band(s) {bands}: the favourable rate is under 80% of the best band's. "
    "For these clients, do not stop at the recommendation: review the file on its other "
    "features (income, incidents, credit score) and justify your decision. Report the gap to "
    "the model owner, who decides on a compliance review.",
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
    "retention_adhoc_scores": "Ad-hoc API scores (no stored client)",
    "gdpr_adhoc_quota": "Ad-hoc scores (API and simulator): at most {quota} a day per user. The "
    "simulator stores nothing.",
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
    "admin_title": "Administration",
    "admin_subtitle": "Users, access log and the next purge.",
    "users_title": "Users",
    "audit_title": "Access log",
    "audit_action": "Action",
    "audit_actor": "Actor",
    "audit_client": "Client",
    "audit_days": "Last days",
    "audit_total": "{count} events",
    "audit_bad_days": "The number of days is a whole number from 1 to 3,650.",
    "audit_bad_client": "Filter on a client by its id: the first 8 characters shown in the "
    "tables, or the full UUID.",
    "audit_client_placeholder": "First 8 characters or UUID",
    "audit_system": "system",
    "audit_pages": "Page {page} of {pages}",
    "audit_action_login": "Log-in",
    "audit_action_login_failed": "Failed log-in",
    "audit_action_logout": "Log-out",
    "audit_action_score": "Score computed (simulation)",
    "audit_action_score_batch": "Batch of scores",
    "audit_action_score_client": "Client scored",
    "audit_action_view_client": "Client file viewed",
    "audit_action_view_history": "History viewed",
    "audit_action_list_clients": "Client list viewed",
    "audit_action_decision": "Decision recorded",
    "audit_action_export": "Data export (Art. 15)",
    "audit_action_erasure": "Erasure (Art. 17)",
    "audit_action_scores_refresh": "Scores recomputed",
    "audit_action_rectification": "Rectification (Art. 16)",
    "audit_action_review_request": "Human review requested",
    "audit_action_model_switch": "Model switched on or off",
    "audit_action_purge": "Purge of expired data",
    "audit_action_user_create": "Account created",
    "audit_action_user_update": "Account updated",
    "erase_title": "Erase a client (right to erasure, Art. 17)",
    "erase_intro": "Find the client by its id (the first 8 characters or the UUID) or by its "
    "customer reference. Erasure removes the client, its scores and decisions; the log keeps "
    "only the fact of the erasure.",
    "erase_search": "Client id or reference",
    "erase_search_button": "Search",
    "erase_search_invalid": "Type the client's id (8 characters at least) or its customer "
    "reference.",
    "erase_none": "No client matches this search.",
    "erase_col_client": "Id",
    "erase_col_adviser": "Adviser",
    "erase_col_created": "Created on",
    "erase_col_updated": "Data of",
    "erase_col_scores": "Scores",
    "erase_col_decisions": "Decisions",
    "erase_open": "Erase…",
    "erase_confirm_title": "Erase client {client} for good?",
    "erase_confirm_body": "Client {client} will be removed with its scores ({scores}) and "
    "decisions ({decisions}). This cannot be undone. The log will keep the fact of the erasure, "
    "under your name.",
    "erase_confirm": "Erase for good",
    "cancel": "Cancel",
    "erase_done": "Client {client} erased. The log keeps the fact of the erasure.",
    "erase_gone": "This client no longer exists: it may have been erased already.",
    "purge_title": "Next purge (retention periods)",
    "purge_category": "Category",
    "purge_rule": "Retention",
    "purge_count": "Rows to purge",
    "purge_clients": "Clients",
    "purge_scores": "Scores",
    "purge_adhoc_scores": "Ad-hoc scores (no client)",
    "purge_decisions": "Decisions",
    "purge_audit": "Log",
    "purge_revoked_tokens": "Revoked tokens",
    "purge_until_expiry": "until expiry",
    "purge_schedule": "The purge runs by itself every day. The technical team can also run it "
    "on demand, or first list what it would delete without deleting anything.",
    "model_off_banner": "Model switched off by an administrator: no score is computed, every "
    "file is reviewed by hand.",
    "model_off_text": "The model is switched off: review the file and decide without a score.",
    "model_off_title": "Model switched off",
    "switch_title": "Model in service (human oversight)",
    "switch_on_status": "The model is in service.",
    "switch_off_status": 'The model is switched off: scores answer "manual review".',
    "switch_changed": "Last change: {date} by {actor}.",
    "switch_turn_off": "Switch the model off",
    "switch_turn_on": "Put the model back in service",
    "switch_confirm_off_title": "Switch the model off?",
    "switch_confirm_off_body": "Once confirmed, no score is computed any more: every file is "
    "reviewed by hand by its adviser, and a banner says so on every page. Your e-mail address "
    "will be shown as the author of the change.",
    "switch_confirm_on_title": "Put the model back in service?",
    "switch_confirm_on_body": "Once confirmed, the model's scores and recommendations come back "
    "on every page. Your e-mail address will be shown as the author of the change.",
    "switch_confirm_off": "Switch off",
    "switch_confirm_on": "Put back in service",
    "export_button": "Export the client's data (JSON)",
    "export_help": "Everything held on this client (GDPR Art. 15); the export is logged.",
    "review_requested": "The client asked for human review on {date}: a supervisor answers it "
    "(page \"To review\").",
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



def _merge_catalogues() -> None:
    """Add the words of each app/catalogues module; a key defined twice is a programming error."""
    import importlib
    import pkgutil

    from app import catalogues

    for info in sorted(pkgutil.iter_modules(catalogues.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{catalogues.__name__}.{info.name}")
        for ours, theirs in ((FR, module.FR), (EN, module.EN)):
            clash = ours.keys() & theirs.keys()
            if clash:
                raise RuntimeError(f"app/catalogues/{info.name}.py redefines {sorted(clash)}")
            ours.update(theirs)


_merge_catalogues()
TEXTS: dict[str, dict[str, str]] = {"fr": FR, "en": EN}


def page_texts(lang: str) -> dict[str, str]:
    return TEXTS.get(lang, TEXTS[DEFAULT_LANGUAGE])


def t(key: str, lang: str, **values) -> str:
    text = page_texts(lang).get(key) or TEXTS[DEFAULT_LANGUAGE][key]
    return text.format(**values) if values else text
