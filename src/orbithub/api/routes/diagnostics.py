"""What the hub refused to protect itself, for the owner: discovery limits and flooding devices.

``GET /api/diagnostics/discovery`` says how many devices and configs discovery keeps and at most
keeps, how many it refused once the limit was reached, and which devices were throttled for
sending too many messages (with the messages dropped). Owner only: it names every device.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel

from orbithub.adapters.mqtt import MqttAdapter
from orbithub.api.deps import HubDep, OwnerPrincipal
from orbithub.api.rights import Right, requires

__all__ = ["router"]

router = APIRouter(tags=["diagnostics"])

_ERRORS: dict[int | str, dict[str, Any]] = {
    403: {"description": "only an owner may see the hub's diagnostics"},
}


class ThrottledOut(BaseModel):
    """A device that sent more messages a second than allowed."""

    device_id: str
    dropped: int
    since: float


class DiscoveryOut(BaseModel):
    """Discovery's limits and what they refused (all zero without an MQTT adapter)."""

    running: bool
    devices: int
    max_devices: int
    refused_devices: int
    configs: int
    max_configs: int
    refused_configs: int
    max_rate: int
    throttled: list[ThrottledOut]


@router.get("/api/diagnostics/discovery", responses=_ERRORS, openapi_extra=requires(Right.OWNER))
async def discovery(hub: HubDep, _owner: OwnerPrincipal) -> DiscoveryOut:
    """Discovered devices and configs kept and refused, and devices throttled for flooding."""
    adapter = hub.adapter("mqtt")
    if not isinstance(adapter, MqttAdapter):
        return DiscoveryOut(
            running=False,
            devices=0,
            max_devices=0,
            refused_devices=0,
            configs=0,
            max_configs=0,
            refused_configs=0,
            max_rate=0,
            throttled=[],
        )
    status = adapter.discovery_status()
    return DiscoveryOut(
        running=True,
        devices=status.devices,
        max_devices=status.max_devices,
        refused_devices=status.refused_devices,
        configs=status.configs,
        max_configs=status.max_configs,
        refused_configs=status.refused_configs,
        max_rate=status.max_rate,
        throttled=[
            ThrottledOut(device_id=t.device_id, dropped=t.dropped, since=t.since)
            for t in status.throttled
        ],
    )
