"""The frame's words: log-in, navigation, roles, error pages and the permission table's refusals."""

from __future__ import annotations

TEXTS: dict[str, str] = {
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
    "forbidden_page_roles": "Your role does not open this page (reserved to: {roles}).",
    "forbidden_action": "Your role does not allow this action.",
    "forbidden_role": "Your role does not allow this action (reserved to: {roles}).",
    "forbidden_not_awaiting_review": "A supervisor decides only on a client awaiting human "
    "review (referred, or at the client's request).",
    "forbidden_own_decision": "You cannot review your own decision: another supervisor must.",
    "fresh_login_required": "This action needs a recent log-in: log out and log in again "
    "(password given less than {minutes} minutes ago).",
    "rate_limited": "Too many requests: try again in {seconds} seconds.",
    "no_model": "No model is in service: scoring is unavailable.",
}
