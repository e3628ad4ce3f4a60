"""The words of the model page's environment card (issue 15 §1): the energy and carbon of the
version's training, measured with CodeCarbon, and what they amount to in everyday terms."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "env_title": "Environnement : l'énergie de l'entraînement",
    "env_figures": "Entraîner cette version a consommé {wh} Wh d'électricité, soit {g} g "
    "d'équivalent CO2 avec le mix électrique français ({seconds} s de calcul).",
    "env_led": "C'est autant qu'une ampoule LED de {watts} W allumée pendant {duration}.",
    "env_car": "C'est aussi ce qu'émet une voiture thermique moyenne sur {distance} "
    "({factor} g CO2e par km, ADEME).",
    "env_method_rapl": "Mesuré par CodeCarbon avec les compteurs d'énergie (RAPL) du processeur.",
    "env_method_cpu_load_estimate": "Estimé par CodeCarbon : ce serveur n'expose pas de compteurs "
    "d'énergie (RAPL) ; la puissance du processeur est estimée d'après sa charge et sa puissance "
    "nominale (TDP), celle de la mémoire d'après sa taille. Un ordre de grandeur, pas un relevé.",
    "env_method_tdp_constant_estimate": "Estimé par CodeCarbon : sans compteurs d'énergie (RAPL) "
    "ni mesure de charge, une part fixe de la puissance nominale (TDP) du processeur. Un ordre "
    "de grandeur, pas un relevé.",
    "env_method_other": "Mesuré par CodeCarbon (méthode : {method}).",
    "env_unavailable": "L'énergie de cet entraînement n'a pas pu être mesurée (CodeCarbon n'a "
    "rien pu relever sur ce serveur) ; le modèle n'en est pas affecté.",
    "env_missing": "Cette version a été entraînée avant que l'énergie soit mesurée : aucun "
    "chiffre pour elle.",
    "env_more": "La consommation du service, la comparaison avec une configuration plus sobre et "
    "le choix qui en découle sont dans docs/impact.md.",
    "env_seconds": "{n} s",
    "env_minutes": "{n} min",
    "env_hours": "{n} h",
    "env_cm": "{n} cm",
    "env_m": "{n} m",
    "env_km": "{n} km",
}
