"""The frame's words: log-in, navigation, roles, error pages and the permission table's refusals."""

from __future__ import annotations

TEXTS: dict[str, str] = {
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
    "forbidden_page_roles": "Votre rôle n'ouvre pas cette page (réservée au rôle : {roles}).",
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
}
