"""Vehicles: battery, range, charging and its plan, where the car is and when it arrives.

``GET /api/vehicles`` and ``GET /api/vehicles/{space_id}`` read the car's state from the hub and its
plan and ETAs from the mobility services (the app's ``HubServices.mobility``); without them the
car's own state is still served, with ``plan_reason`` (English) and ``plan_reason_text`` (English
and Chinese) saying why there is no plan. The track comes from the recorded history of the car's
position. Changing the charging settings and starting the cabin climate need control of the car, are
audited, and answer 503 while the mobility services are not running.

The request and response models are in :mod:`orbithub.api.routes.vehicle_models`, each home's
tariff in :mod:`orbithub.api.routes.tariffs`; the domain logic is in :mod:`orbithub.mobility`.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from orbithub.access import Actor, Principal
from orbithub.api.deps import CurrentPrincipal, DbDep, HubDep, audit, get_commands
from orbithub.api.errors import ApiError, retold, said
from orbithub.api.rights import Right, requires
from orbithub.api.routes.mobility_deps import ERRORS, mobility_of, require_mobility
from orbithub.api.routes.vehicle_models import (
    CabinOut,
    ChargingIn,
    ChargingOut,
    EtaOut,
    LocationOut,
    PlaceOut,
    PlanOut,
    PreconditionIn,
    PreconditionOut,
    SessionOut,
    SettingsOut,
    SlotOut,
    TrackOut,
    TrackPointOut,
    VehicleOut,
)
from orbithub.core.context import Context, Origin
from orbithub.core.errors import AdapterUnavailableError
from orbithub.core.hub import Hub
from orbithub.core.registry import Device, Space, SpaceKind
from orbithub.mobility.charging import ChargePlan
from orbithub.mobility.charging_service import ChargeSettings, ChargeStatus
from orbithub.mobility.charging_text import MOBILITY_STOPPED, ChargeReason
from orbithub.mobility.errors import MobilityError
from orbithub.mobility.precondition import reported_outside_c
from orbithub.mobility.runtime import Mobility
from orbithub.mobility.vehicles import (
    BATTERY,
    CABIN_ON,
    CABIN_TARGET,
    CABIN_TEMPERATURE,
    CHARGE_LIMIT,
    CHARGING_STATE,
    RANGE,
    number,
    tracker_of,
    vehicle_space,
    vehicle_spaces,
)
from orbithub.mobility.view import TRACK_PATHS, location_of, merge_track, places_of, thin
from orbithub.spec.errors import ValueRejected
from orbithub.storage import history

__all__ = ["router"]

router = APIRouter(tags=["vehicles"])

_DAY = 86_400.0
_LOOKBACK = 7 * _DAY
"""How far before ``since`` to look for the position the track starts from."""
_CHARGING_STATES = {0: "disconnected", 1: "plugged", 2: "charging", 3: "complete"}


# -- helpers ------------------------------------------------------------------------------------
def _vehicle(principal: Principal, hub: Hub, space_id: str) -> Space:
    space = vehicle_space(hub, space_id)
    if space is None or not principal.can_view_space(space.id):
        raise said(404, "not_found", "vehicles.not_found", space=space_id)
    return space


def _rejected(exc: ValueRejected) -> ApiError:
    # The same sentence a refused device command gets (see errors._core_error).
    return ApiError(
        422, "value_rejected", str(exc), key="error.value_rejected", params={"reason": exc.reason}
    )


def _controlled_tracker(principal: Principal, hub: Hub, space: Space) -> Device:
    device = tracker_of(hub, space)
    if device is None:
        raise said(409, "no_vehicle_device", "vehicles.no_device", space=space.id)
    if not principal.can_control_device(device):
        raise said(
            403,
            "forbidden",
            "access.see_not_control",
            detail={"space_id": space.id},
            name=space.name,
        )
    return device


def _plan_out(plan: ChargePlan, departure: float) -> PlanOut:
    r = plan.request
    return PlanOut(
        target_soc=r.target_soc,
        goal_soc=plan.goal_soc,
        limit_soc=r.limit_soc,
        departure=departure,
        feasible=plan.feasible,
        final_soc=round(plan.final_soc, 2),
        reachable_soc=round(plan.reachable_soc, 2),
        energy_kwh=round(plan.energy_kwh, 3),
        cost=round(plan.cost, 2),
        cost_now=round(plan.cost_now, 2),
        savings=round(plan.savings, 2),
        currency=plan.currency,
        explanation={"en": plan.explain("en"), "zh": plan.explain("zh")},
        sessions=[SessionOut(start=a, end=b) for a, b in plan.sessions],
        slots=[
            SlotOut(
                start=s.start,
                end=s.end,
                energy_kwh=round(s.energy_kwh, 4),
                price=s.price,
                cost=round(s.cost, 4),
                solar_kwh=round(s.solar_kwh, 4),
            )
            for s in plan.slots
        ],
    )


def _settings_out(settings: ChargeSettings) -> SettingsOut:
    return SettingsOut.model_validate(settings.to_mapping())


def _charging_out(
    hub: Hub, device: Device | None, status: ChargeStatus | None, reason: ChargeReason | None
) -> ChargingOut:
    state = None if device is None else hub.state.value(device.id, CHARGING_STATE)
    plan = status.plan if status is not None else None
    departure = status.departure if status is not None else None
    why = status.reason_text if status is not None else reason
    return ChargingOut(
        state=_CHARGING_STATES.get(state) if isinstance(state, int) else None,
        limit_soc=None if device is None else number(hub, device.id, CHARGE_LIMIT),
        plugged=status.plugged if status is not None else state in (1, 2, 3),
        home_id=status.home_id if status is not None else None,
        charger_id=status.charger_id if status is not None else None,
        charger_on=status.charger_on if status is not None else None,
        departure=departure,
        plan=None if plan is None or departure is None else _plan_out(plan, departure),
        plan_reason=None if why is None else why.en,
        plan_reason_text=None if why is None else {"en": why.en, "zh": why.zh},
        settings=None if status is None else _settings_out(status.settings),
    )


def _vehicle_out(
    hub: Hub, principal: Principal, space: Space, mobility: Mobility | None
) -> VehicleOut:
    device = tracker_of(hub, space)
    did = None if device is None else device.id
    location = None if did is None else location_of(hub, did)
    views = places_of(
        hub,
        did,
        location,
        None if mobility is None else mobility.tracks,
        lambda place: principal.can_view_space(place.id),
    )
    places = [
        PlaceOut(
            space_id=v.space.id,
            name=v.space.name,
            kind=str(v.space.kind),
            distance_m=None if v.distance_m is None else round(v.distance_m, 1),
            inside=v.inside,
            eta=None
            if v.eta is None
            else EtaOut(
                seconds=round(v.eta.seconds, 1),
                arrival=hub.now() + v.eta.seconds,
                distance_m=round(v.eta.distance_m, 1),
                confidence=v.eta.confidence,
                approaching=v.eta.approaching,
            ),
        )
        for v in views
    ]
    status = None if mobility is None else mobility.charging.status(space.id)
    reason = None if mobility is not None else MOBILITY_STOPPED
    state = hub.state
    locked = None if did is None else state.value(did, "lock.locked")
    cabin_on = None if did is None else state.value(did, CABIN_ON)
    return VehicleOut(
        id=space.id,
        name=space.name,
        device_id=did,
        online=None if did is None else state.is_online(did),
        controllable=device is not None and principal.can_control_device(device),
        battery=None if did is None else number(hub, did, BATTERY),
        range_km=None if did is None else number(hub, did, RANGE),
        odometer_km=None if did is None else number(hub, did, "vehicle.odometer"),
        locked=locked if isinstance(locked, bool) else None,
        location=None if location is None else LocationOut.model_validate(location),
        cabin=CabinOut(
            temperature=None if did is None else number(hub, did, CABIN_TEMPERATURE),
            target_temperature=None if did is None else number(hub, did, CABIN_TARGET),
            on=cabin_on if isinstance(cabin_on, bool) else None,
            outside_temperature=reported_outside_c(hub, space.id),
        ),
        charging=_charging_out(hub, device, status, reason),
        places=places,
    )


# -- routes -------------------------------------------------------------------------------------
@router.get("/api/vehicles", openapi_extra=requires(Right.SIGNED_IN))
async def list_vehicles(
    request: Request, principal: CurrentPrincipal, hub: HubDep
) -> list[VehicleOut]:
    """The vehicles the caller may see, each with its state, plan and ETAs."""
    mobility = mobility_of(request)
    return [
        _vehicle_out(hub, principal, space, mobility)
        for space in vehicle_spaces(hub)
        if principal.can_view_space(space.id)
    ]


@router.get(
    "/api/vehicles/{space_id}",
    responses={404: ERRORS[404]},
    openapi_extra=requires(Right.SPACE_VIEW),
)
async def get_vehicle(
    space_id: str, request: Request, principal: CurrentPrincipal, hub: HubDep
) -> VehicleOut:
    """One vehicle: battery, range, charging and its plan, location, ETA per place."""
    space = _vehicle(principal, hub, space_id)
    return _vehicle_out(hub, principal, space, mobility_of(request))


@router.get(
    "/api/vehicles/{space_id}/track",
    responses={404: ERRORS[404]},
    openapi_extra=requires(Right.SPACE_VIEW),
)
async def get_track(
    space_id: str,
    principal: CurrentPrincipal,
    hub: HubDep,
    db: DbDep,
    since: Annotated[float | None, Query(ge=0, le=1e11)] = None,
    until: Annotated[float | None, Query(ge=0, le=1e11)] = None,
    max_points: Annotated[int, Query(ge=2, le=20_000)] = 5_000,
) -> TrackOut:
    """The recorded positions between ``since`` (default: a day ago) and ``until`` (now).

    Latitude and longitude are recorded as two properties and each only when it changes, so
    a point carries the other coordinate forward. Long tracks are thinned evenly to
    ``max_points`` (the first and last points are always kept).
    """
    space = _vehicle(principal, hub, space_id)
    device = tracker_of(hub, space)
    if device is None:
        raise said(404, "not_found", "vehicles.no_tracker", space=space_id)
    now = hub.now()
    end = now + 1.0 if until is None else until
    start = end - _DAY if since is None else since
    if end <= start:
        raise said(422, "invalid_range", "range.before_swap", start=start, end=end)
    series: dict[str, list[tuple[float, object]]] = {}
    before: dict[str, object] = {}
    for path in TRACK_PATHS:
        points = await history.history(db, device.id, path, start, end)
        series[path] = [(p.time, p.value) for p in points]
        earlier = await history.history(db, device.id, path, start - _LOOKBACK, start)
        if earlier:
            before[path] = earlier[-1].value
    track = thin(merge_track(series, before), max_points)
    points_out = [TrackPointOut.model_validate(p) for p in track]
    return TrackOut(
        space_id=space.id, device_id=device.id, since=start, until=end, points=points_out
    )


@router.put(
    "/api/vehicles/{space_id}/charging",
    responses=ERRORS,
    openapi_extra=requires(Right.SPACE_CONTROL),
)
async def put_charging(
    space_id: str,
    body: ChargingIn,
    request: Request,
    principal: CurrentPrincipal,
    hub: HubDep,
) -> ChargingOut:
    """Change the target, departure, charge limit or other settings, and plan again."""
    space = _vehicle(principal, hub, space_id)
    device = _controlled_tracker(principal, hub, space)
    mobility = require_mobility(request)
    current = mobility.charging.settings(space.id)
    changes = body.model_dump(exclude_unset=True)
    limit = changes.pop("limit", None)
    if limit is not None:
        changes["limit_soc"] = float(limit)
    if "home_id" in changes and changes["home_id"] is not None:
        home = changes["home_id"]
        if not any(s.id == home and s.kind is SpaceKind.HOME for s in hub.registry.spaces()):
            raise said(422, "unknown_home", "vehicles.unknown_home", home=home)
    try:
        settings = ChargeSettings.from_mapping({**current.to_mapping(), **changes})
    except MobilityError as exc:
        raise retold(422, "invalid_settings", "vehicles.invalid_settings", exc) from None
    target = f"{space.id}/charging"
    if limit is not None and device.spec.find_property(CHARGE_LIMIT) is not None:
        # The car enforces its own limit too; keep the two in step.
        try:
            await get_commands(request).set(Actor.person(principal), device.id, CHARGE_LIMIT, limit)
        except ValueRejected as exc:
            raise _rejected(exc) from None
        except AdapterUnavailableError as exc:
            await audit(
                request,
                principal,
                action="vehicle.charging",
                target=target,
                result="unavailable",
                space_id=space.id,
                detail={"error": str(exc)},
            )
            raise retold(503, "unavailable", "error.unavailable", exc) from None
    status = mobility.charging.configure(space.id, settings)
    await audit(
        request,
        principal,
        action="vehicle.charging",
        target=target,
        space_id=space.id,
        detail={"changes": body.model_dump(exclude_unset=True)},
    )
    return _charging_out(hub, device, status, None)


@router.post(
    "/api/vehicles/{space_id}/precondition",
    responses=ERRORS,
    openapi_extra=requires(Right.SPACE_CONTROL),
)
async def post_precondition(
    space_id: str,
    request: Request,
    principal: CurrentPrincipal,
    hub: HubDep,
    body: PreconditionIn | None = None,
) -> PreconditionOut:
    """Start the cabin climate now (at the vehicle's set point, or the one given)."""
    space = _vehicle(principal, hub, space_id)
    _controlled_tracker(principal, hub, space)
    mobility = require_mobility(request)
    wanted = None if body is None else body.target_temperature
    target = f"{space.id}/precondition"
    try:
        result = await mobility.precondition.precondition_now(
            space.id, wanted, context=Context(Origin.USER, principal.username)
        )
    except ValueRejected as exc:
        await audit(
            request,
            principal,
            action="vehicle.precondition",
            target=target,
            result="rejected",
            space_id=space.id,
            detail={"error": str(exc)},
        )
        raise _rejected(exc) from None
    except AdapterUnavailableError as exc:
        await audit(
            request,
            principal,
            action="vehicle.precondition",
            target=target,
            result="unavailable",
            space_id=space.id,
            detail={"error": str(exc)},
        )
        raise retold(503, "unavailable", "error.unavailable", exc) from None
    except MobilityError as exc:
        raise retold(409, "no_cabin_climate", "vehicles.no_cabin_climate", exc) from None
    await audit(
        request,
        principal,
        action="vehicle.precondition",
        target=target,
        result="confirmed" if result.confirmed else "unconfirmed",
        space_id=space.id,
        detail={"target_temperature": result.target_c, "message": result.message},
    )
    return PreconditionOut(
        confirmed=result.confirmed,
        message=result.message,
        target_temperature=result.target_c,
        lead_s=result.lead_s,
        ready_at=hub.now() + result.lead_s,
    )
