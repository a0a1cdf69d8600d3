"""Changes a device asked for that only the owner may make: held until accepted or dismissed.

A device that says it is now another type (a lock announcing itself as a plug) or belongs to
another person (a phone claiming an owner) could be lying: such a change is not applied but
held here, logged, shown to the owner, and applied only when the owner accepts it. A held
change replaces an earlier one for the same device; the number held is bounded, so a flood of
announcements cannot grow memory.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum

from orbithub.core.registry import Device
from orbithub.errors import OrbitHubError

__all__ = ["MAX_PENDING", "ChangedField", "PendingChange", "PendingChangeError", "PendingChanges"]

_LOG = logging.getLogger(__name__)

MAX_PENDING = 1000


class ChangedField(StrEnum):
    """What a held change would alter."""

    TYPE = "type"
    OWNER = "owner"


class PendingChangeError(OrbitHubError):
    """No change is held for that device, or the device changed since it was held."""


@dataclass(frozen=True, slots=True)
class PendingChange:
    """One held change.

    Attributes:
        device_id: the device.
        current: the device as it is (a new device is added without the held part).
        proposed: the device as it asked to be.
        fields: what would change.
        source: where the request came from (an MQTT topic), for the owner and the log.
        since: hub time it was first held.
    """

    device_id: str
    current: Device
    proposed: Device
    fields: tuple[ChangedField, ...]
    source: str
    since: float


def changed_fields(current: Device, proposed: Device) -> tuple[ChangedField, ...]:
    """The fields of ``proposed`` that only the owner may change on ``current``."""
    fields: list[ChangedField] = []
    if current.spec != proposed.spec or current.model != proposed.model:
        fields.append(ChangedField.TYPE)
    if current.owner != proposed.owner:
        fields.append(ChangedField.OWNER)
    return tuple(fields)


class PendingChanges:
    """The held changes of one hub, by device id. Loop only."""

    def __init__(self, limit: int = MAX_PENDING) -> None:
        self._held: dict[str, PendingChange] = {}
        self._limit = limit
        self.refused = 0
        """Changes not held because the limit was reached (each logged)."""

    def hold(self, change: PendingChange) -> bool:
        """Hold ``change`` (replacing one held for its device); returns whether it is new.

        A change equal to the one already held (a retained announce delivered again) keeps
        its first time and is not logged again.
        """
        earlier = self._held.get(change.device_id)
        if earlier is not None and (earlier.proposed, earlier.current) == (
            change.proposed,
            change.current,
        ):
            return False
        if earlier is None and len(self._held) >= self._limit:
            self.refused += 1
            _LOG.warning(
                "%s asked to change its %s, but %d changes already wait for the owner; ignored",
                change.device_id,
                ", ".join(change.fields),
                len(self._held),
            )
            return False
        self._held[change.device_id] = change
        _LOG.warning(
            "%s asked (on %s) to change its %s; held until the owner accepts it",
            change.device_id,
            change.source,
            " and ".join(f"{f} to {_value(change.proposed, f)!r}" for f in change.fields),
        )
        return True

    def get(self, device_id: str) -> PendingChange | None:
        """The change held for ``device_id``, if any."""
        return self._held.get(device_id)

    def all(self) -> list[PendingChange]:
        """Every held change, oldest first."""
        return sorted(self._held.values(), key=lambda c: c.since)

    def take(self, device_id: str, now: Device | None) -> PendingChange:
        """Remove and return the change held for ``device_id``, to apply it.

        Args:
            device_id: the device.
            now: the device as the registry has it now.

        Raises:
            PendingChangeError: nothing is held, or the device changed since (then the change
                is dropped: the device will ask again if it still wants it).
        """
        change = self._held.get(device_id)
        if change is None:
            raise PendingChangeError(f"no change of {device_id!r} waits for the owner")
        del self._held[device_id]
        if now != change.current:
            raise PendingChangeError(
                f"{device_id!r} changed since it asked; its request was dropped and comes "
                "back when the device announces itself again"
            )
        return change

    def dismiss(self, device_id: str) -> bool:
        """Drop the change held for ``device_id``; returns whether there was one."""
        return self._held.pop(device_id, None) is not None

    def forget(self, device_id: str) -> None:
        """The device was removed: nothing it asked for stands."""
        self._held.pop(device_id, None)

    def __len__(self) -> int:
        return len(self._held)


def _value(device: Device, field: ChangedField) -> str | None:
    if field is ChangedField.TYPE:
        return device.model or device.spec.name
    return device.owner
