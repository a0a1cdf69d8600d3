"""Turn hub records into API data: spaces with rooms, devices with state and spec.

Devices are rendered as plain dicts (the shape of :class:`~orbithub.api.schemas.DeviceOut`)
and sent as JSON directly: building a pydantic model per property made listing the devices
of a home three times slower. The OpenAPI schema still comes from the models, and the
schemathesis test checks that the dicts match it.
"""

from __future__ import annotations

from typing import Any

import orjson
from fastapi.responses import JSONResponse

from orbithub.access import Approvals, Principal
from orbithub.api.schemas import (
    ActionOut,
    DeviceOut,
    EventSpecOut,
    PropertyOut,
    PropertyStateOut,
    RoomOut,
    ServiceOut,
    SpaceOut,
    SpecOut,
    ValueListItemOut,
)
from orbithub.core.hub import Hub
from orbithub.core.registry import Device, Space
from orbithub.spec.model import DeviceType, Property, Service

__all__ = ["JsonResponse", "device_dict", "device_out", "space_out", "spec_dict", "spec_out"]


def space_out(hub: Hub, space: Space, principal: Principal) -> SpaceOut:
    """A space with the rooms ``principal`` may see."""
    return SpaceOut(
        id=space.id,
        name=space.name,
        kind=str(space.kind),
        latitude=space.latitude,
        longitude=space.longitude,
        timezone=space.timezone,
        aliases=list(space.aliases),
        radius_m=space.radius_m,
        rooms=[
            RoomOut(id=r.id, name=r.name, aliases=list(r.aliases), floor=r.floor)
            for r in hub.registry.rooms(space.id)
            if principal.can_view_room(r) or _has_visible_device(hub, principal, r.id)
        ],
    )


def _has_visible_device(hub: Hub, principal: Principal, room_id: str) -> bool:
    return any(principal.can_view_device(d) for d in hub.registry.devices(room_id=room_id))


class JsonResponse(JSONResponse):
    """A JSON response serialised with orjson, for data already in its final shape."""

    def render(self, content: Any) -> bytes:
        """Serialise ``content``."""
        return orjson.dumps(content)


def device_dict(
    hub: Hub,
    device: Device,
    principal: Principal,
    *,
    spec: bool = False,
    approvals: Approvals | None = None,
) -> dict[str, Any]:
    """A device with its current state, as ``principal`` sees it (DeviceOut's shape).

    ``approvals`` says which discovered security devices still wait for an owner's approval.
    """
    return {
        "id": device.id,
        "name": device.name,
        "space_id": device.space_id,
        "room_id": device.room_id,
        "model": device.model,
        "type": device.spec.name,
        "aliases": list(device.aliases),
        "owner": device.owner,
        "online": hub.state.is_online(device.id),
        "state": {
            path: {
                "value": s.value,
                "last_changed": s.last_changed,
                "last_reported": s.last_reported,
            }
            for path, s in hub.state.device(device.id).items()
        },
        "controllable": principal.can_control_device(device),
        "approved": approvals is None or not approvals.awaiting(device),
        "spec": spec_dict(device.spec) if spec else None,
    }


_SPECS: dict[int, tuple[DeviceType, dict[str, Any]]] = {}


def spec_dict(spec: DeviceType) -> dict[str, Any]:
    """A device type as JSON data (computed once per type)."""
    cached = _SPECS.get(id(spec))
    if cached is not None and cached[0] is spec:
        return cached[1]
    data = spec_out(spec).model_dump(mode="json", by_alias=True)
    _SPECS[id(spec)] = (spec, data)
    return data


def device_out(
    hub: Hub,
    device: Device,
    principal: Principal,
    *,
    spec: bool = False,
    approvals: Approvals | None = None,
) -> DeviceOut:
    """A device with its current state, as ``principal`` sees it."""
    return DeviceOut(
        id=device.id,
        name=device.name,
        space_id=device.space_id,
        room_id=device.room_id,
        model=device.model,
        type=device.spec.name,
        aliases=list(device.aliases),
        owner=device.owner,
        online=hub.state.is_online(device.id),
        state={
            path: PropertyStateOut(
                value=s.value, last_changed=s.last_changed, last_reported=s.last_reported
            )
            for path, s in hub.state.device(device.id).items()
        },
        controllable=principal.can_control_device(device),
        approved=approvals is None or not approvals.awaiting(device),
        spec=spec_out(device.spec) if spec else None,
    )


def _property_out(prop: Property) -> PropertyOut:
    rng = prop.value_range
    return PropertyOut(
        path=prop.path,
        name=prop.name,
        description=prop.description,
        format=str(prop.format),
        access=sorted(str(a) for a in prop.access),
        unit=prop.unit,
        range=None if rng is None else [rng.min, rng.max, rng.step],
        values=[ValueListItemOut(value=i.value, description=i.description) for i in prop.value_list]
        or None,
    )


def _service_out(svc: Service) -> ServiceOut:
    by_iid = {p.iid: p.path for p in svc.properties}
    return ServiceOut(
        name=svc.name,
        description=svc.description,
        properties=[_property_out(p) for p in svc.properties],
        actions=[
            ActionOut.model_validate(
                {
                    "path": a.path,
                    "name": a.name,
                    "description": a.description,
                    "in": [by_iid.get(i, f"{svc.iid}.{i}") for i in a.in_],
                }
            )
            for a in svc.actions
        ],
        events=[
            EventSpecOut(
                path=e.path,
                name=e.name,
                arguments=[by_iid.get(i, f"{svc.iid}.{i}") for i in e.arguments],
            )
            for e in svc.events
        ],
    )


def spec_out(spec: DeviceType) -> SpecOut:
    """A device type as JSON."""
    return SpecOut(
        type=str(spec.type),
        description=spec.description,
        services=[_service_out(s) for s in spec.services],
    )
