"""Sun triggers: sunrise / sunset at the space's coordinates, with an offset."""

from __future__ import annotations

from datetime import date, timedelta

from astral import Observer
from astral.sun import sunrise, sunset

from orbithub.automation.model import SunEvent, SunTrigger
from orbithub.automation.place import Place

__all__ = ["describe", "next_fire", "sun_time"]


def describe(trigger: SunTrigger) -> str:
    """``sunset -30 min``."""
    if not trigger.offset:
        return str(trigger.event)
    return f"{trigger.event} {trigger.offset / 60:+g} min"


def sun_time(event: SunEvent, day: date, place: Place) -> float | None:
    """The instant of sunrise/sunset on a local date, None when the sun does not do it then.

    Raises:
        ValueError: the place has no coordinates.
    """
    if place.latitude is None or place.longitude is None:
        raise ValueError("the space has no coordinates; set its latitude and longitude")
    observer = Observer(place.latitude, place.longitude)
    try:
        moment = (sunrise if event is SunEvent.SUNRISE else sunset)(observer, day, place.tz)
    except ValueError:
        return None  # polar day or night: no such event on that date
    return moment.timestamp()


def next_fire(trigger: SunTrigger, after: float, place: Place) -> float | None:
    """The next sun event plus offset strictly after ``after``; None within a year at the poles."""
    day = place.local(after).date() - timedelta(days=1)
    for offset in range(370):
        moment = sun_time(trigger.event, day + timedelta(days=offset), place)
        if moment is not None and moment + trigger.offset > after:
            return moment + trigger.offset
    return None
