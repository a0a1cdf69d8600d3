"""The demo's places as the companion sees them: the Wi-Fi networks of home and office."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from orbithub.adapters.sim.places import Places

__all__ = ["DEMO_WIFI"]

_PLACES = Places()
DEMO_WIFI: Mapping[str, Sequence[str]] = {
    "home": (_PLACES.home_ssid,),
    "office": (_PLACES.office_ssid,),
}
"""The Wi-Fi networks the simulated phones join at home and at the office."""
