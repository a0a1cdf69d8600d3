"""The companion's running parts in one record, served by the API as ``HubServices.companion``."""

from __future__ import annotations

from dataclasses import dataclass

from orbithub.adapters.phone.adapter import PhoneAdapter
from orbithub.adapters.phone.notify import NotificationCentre
from orbithub.adapters.phone.vapid import VapidKeys
from orbithub.adapters.phone.webpush import BROWSER_PUSH_HOSTS

__all__ = ["Companion"]


@dataclass(frozen=True, slots=True)
class Companion:
    """The phone side of a running hub.

    Attributes:
        phones: registers phones and applies their reports.
        centre: delivers notifications (stored, live, pushed).
        vapid: the hub's Web Push key pair (None: push is off).
        push_hosts: the push services subscriptions may point at (see ``BROWSER_PUSH_HOSTS``).
    """

    phones: PhoneAdapter
    centre: NotificationCentre
    vapid: VapidKeys | None = None
    push_hosts: frozenset[str] = BROWSER_PUSH_HOSTS
