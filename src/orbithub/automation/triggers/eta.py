"""Arrival (ETA) triggers: a device is estimated to reach a space within some minutes."""

from __future__ import annotations

from orbithub.automation.model import EtaTrigger
from orbithub.mobility.eta import Eta

__all__ = ["data", "describe", "in_window", "rearms", "why_not"]


def rearms(fired_m: float, distance: float, radius_m: float) -> bool:
    """Whether a device that fired the trigger at ``fired_m`` metres has ended that approach.

    It has when it arrived (inside the radius) or is clearly farther away: twice as far, and
    at least two kilometres more.
    """
    return distance <= radius_m or distance > max(2 * fired_m, fired_m + 2000.0)


def describe(trigger: EtaTrigger) -> str:
    """``car reaches home within 10 min``."""
    return f"{trigger.device} reaches {trigger.space} within {trigger.within / 60:g} min"


def in_window(trigger: EtaTrigger, eta: Eta | None) -> bool:
    """Whether an estimate says the device approaches and arrives within the window.

    A device already inside the space's radius (zero seconds left) is not arriving: it is there,
    so it does not fire the trigger (an automation about being there uses a zone trigger).
    """
    return (
        eta is not None
        and eta.approaching
        and 0 < eta.seconds <= trigger.within
        and eta.confidence >= trigger.min_confidence
    )


def data(trigger: EtaTrigger, eta: Eta) -> dict[str, object]:
    """What templates see as ``trigger``."""
    return {
        "kind": "eta",
        "device": trigger.device,
        "space": trigger.space,
        "seconds": round(eta.seconds),
        "minutes": round(eta.seconds / 60, 1),
        "distance_m": round(eta.distance_m),
        "confidence": eta.confidence,
    }


def why_not(trigger: EtaTrigger, eta: Eta | None) -> str:
    """Why an estimate does not fire the trigger, for the trace."""
    if eta is None:
        return f"{trigger.device} is not approaching {trigger.space} (or too few positions)"
    if eta.seconds == 0:
        return f"{trigger.device} is already at {trigger.space}"
    if not eta.approaching:
        return f"{trigger.device} is not approaching {trigger.space}"
    minutes = f"{eta.seconds / 60:.1f} min"
    if eta.seconds > trigger.within:
        return f"{trigger.device} is {minutes} from {trigger.space}"
    if eta.confidence < trigger.min_confidence:
        return (
            f"estimate {minutes} has confidence {eta.confidence:g}, "
            f"below {trigger.min_confidence:g}"
        )
    return f"{trigger.device} is within {trigger.within / 60:g} min"
