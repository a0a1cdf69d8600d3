"""What the demo adds to the services around its hub: Wi-Fi, a default tariff, its scenes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from orbithub.demo.places import DEMO_WIFI
from orbithub.demo.scenes import documents
from orbithub.demo.tariff import beijing_tariff
from orbithub.mobility.tariff import Tariff

__all__ = ["DemoParts", "demo_parts"]


@dataclass(frozen=True, slots=True)
class DemoParts:
    """The demo's additions to a hub's services.

    Attributes:
        wifi: the Wi-Fi networks per space that count as being there (the phones join them).
        tariff: the tariff of homes without their own, so the car charges in the cheap hours.
        scenes: automation and scene files loaded beside the user's own.
    """

    wifi: Mapping[str, Sequence[str]] = field(default_factory=dict)
    tariff: Tariff | None = None
    scenes: Sequence[Path] = ()


def demo_parts() -> DemoParts:
    """The demo world's Wi-Fi, tariff and scenes."""
    return DemoParts(DEMO_WIFI, beijing_tariff(), tuple(documents()))
