"""Discovered security devices wait for an owner's approval before others may command them.

A lock, garage door or alarm that announced itself through Home Assistant discovery or
zigbee2mqtt could be anything on the network claiming to be one. Until an owner approves it,
only an owner (in the app, or on the hub's own command line) commands it; automations, the
hub's services and everyone else are refused. Devices on OrbitHub's own protocol and simulated
devices were set up by the owner and count as approved. Approvals are kept in the database.
"""

from __future__ import annotations

from orbithub.access.security import is_security_device
from orbithub.core.registry import DISCOVERED_PREFIXES, Device, discovered
from orbithub.storage.approvals import approve_device, approved_devices
from orbithub.storage.db import Database

__all__ = ["DISCOVERED_PREFIXES", "DeviceApprovals", "discovered"]


class DeviceApprovals:
    """The approvals of one hub; :meth:`load` them before the first command.

    Args:
        db: where approvals are kept (None: in memory only, for a hub without accounts).
        approved: ids approved already.
    """

    def __init__(self, db: Database | None = None, approved: set[str] | None = None) -> None:
        self._db = db
        self._approved = set(approved or ())

    @classmethod
    async def load(cls, db: Database) -> DeviceApprovals:
        """The approvals stored in ``db``."""
        return cls(db, await approved_devices(db))

    def needs_approval(self, device: Device) -> bool:
        """Whether the device is one that waits for approval (approved or not)."""
        return discovered(device) and is_security_device(device)

    def awaiting(self, device: Device) -> bool:
        """Whether ``device`` may be commanded only by an owner until approved."""
        return self.needs_approval(device) and device.id not in self._approved

    def approved(self, device: Device) -> bool:
        """What the API shows: anything not awaiting approval is approved."""
        return not self.awaiting(device)

    async def approve(self, device: Device, *, by: str, time: float) -> bool:
        """Approve ``device`` (kept in the database); False when it was approved already."""
        if device.id in self._approved:
            return False
        if self._db is not None:
            await approve_device(self._db, device.id, by=by, time=time)
        self._approved.add(device.id)
        return True
