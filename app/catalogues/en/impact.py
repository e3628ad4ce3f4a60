"""The words of the model page's environment card (issue 15 §1): the energy and carbon of the
version's training, measured with CodeCarbon, and what they amount to in everyday terms."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "env_title": "Environment: the energy of training",
    "env_figures": "Training this version used {wh} Wh of electricity, that is {g} g of CO2 "
    "equivalent on the French electricity mix ({seconds} s of computing).",
    "env_led": "As much as a {watts} W LED bulb left on for {duration}.",
    "env_car": "Also what an average petrol or diesel car emits over {distance} "
    "({factor} g CO2e per km, ADEME).",
    "env_method_rapl": "Measured by CodeCarbon with the processor's energy counters (RAPL).",
    "env_method_cpu_load_estimate": "Estimated by CodeCarbon: this server exposes no energy "
    "counters (RAPL); the processor's power is estimated from its load and its rated power "
    "(TDP), the memory's from its size. An order of magnitude, not a meter reading.",
    "env_method_tdp_constant_estimate": "Estimated by CodeCarbon: with neither energy counters "
    "(RAPL) nor load figures, a fixed share of the processor's rated power (TDP). An order of "
    "magnitude, not a meter reading.",
    "env_method_other": "Measured by CodeCarbon (method: {method}).",
    "env_unavailable": "The energy of this training could not be measured (CodeCarbon could not "
    "read anything on this server); the model is not affected.",
    "env_missing": "This version was trained before energy was measured: no figure for it.",
    "env_more": "The service's consumption, the comparison with a leaner configuration and the "
    "choice that follows are in docs/impact.md.",
    "env_seconds": "{n} s",
    "env_minutes": "{n} min",
    "env_hours": "{n} h",
    "env_cm": "{n} cm",
    "env_m": "{n} m",
    "env_km": "{n} km",
}
