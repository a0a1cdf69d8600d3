"""The companion app: register a phone, report from it, and see who is where.

* ``POST /api/companion/register`` (signed in): the phone becomes a device of the caller and
  gets a device token, shown once.
* ``POST /api/companion/report`` (``Authorization: Bearer <device token>``): location, battery
  and Wi-Fi. An unknown or revoked token is 401 before the body is looked at; a malformed body
  or a value out of range is 422 and changes nothing.
* ``GET /api/companion/phones``, ``DELETE /api/companion/phones/{device_id}``: the caller's
  phones (an owner's: everyone's); removing one revokes its token and removes its device.
* ``GET /api/presence``: per space the caller may see, who is there since when.
* ``GET /api/presence/wifi``, ``PUT /api/presence/wifi/{space_id}`` (owner and adult): the
  Wi-Fi networks that mean "at this space".
"""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field

from orbithub.adapters.phone import (
    Battery,
    Companion,
    CompanionError,
    Location,
    PhoneReport,
    ReportRejected,
)
from orbithub.api.deps import (
    AdultPrincipal,
    CurrentPrincipal,
    DbDep,
    HubDep,
    audit,
)
from orbithub.api.errors import retold, said
from orbithub.api.rights import Right, requires
from orbithub.api.services import required, services_of
from orbithub.core.hub import Hub
from orbithub.core.registry import SpaceKind
from orbithub.mobility.presence import Presence
from orbithub.storage import companion as store
from orbithub.storage.companion import PhoneRecord

__all__ = ["router"]

router = APIRouter(tags=["companion"])

_LOGGER = logging.getLogger(__name__)

_device_bearer = HTTPBearer(
    auto_error=False,
    scheme_name="DeviceToken",
    description="The device token POST /api/companion/register returned",
)


# -- models ---------------------------------------------------------------------------------------
class _In(BaseModel):
    # Strict: "yes" is not a boolean and "12" not a number; a phone sending them has a bug.
    model_config = ConfigDict(extra="forbid", strict=True)


class RegisterIn(_In):
    """Optional details of the phone being registered."""

    name: str | None = Field(default=None, min_length=1, max_length=100, description="Display name")
    space_id: str | None = Field(
        default=None,
        min_length=1,
        max_length=200,
        description="Its home (default: your first home)",
    )
    device_id: str | None = Field(
        default=None,
        min_length=1,
        max_length=200,
        description="Register this phone of yours again (a new token; the old one stops)",
    )


class RegisterOut(BaseModel):
    """The phone's device id and its token (shown only now)."""

    device_id: str
    token: str


class LocationIn(_In):
    """A position fix, as the browser's Geolocation API gives it."""

    latitude: float = Field(ge=-90, le=90, allow_inf_nan=False, description="WGS84 degrees")
    longitude: float = Field(ge=-180, le=180, allow_inf_nan=False, description="WGS84 degrees")
    accuracy: float | None = Field(
        default=None, ge=0, le=1e7, allow_inf_nan=False, description="Accuracy radius, metres"
    )
    speed: float | None = Field(
        default=None, ge=0, le=1e4, allow_inf_nan=False, description="Metres per second"
    )


class BatteryIn(_In):
    """The battery."""

    level: float = Field(ge=0, le=100, allow_inf_nan=False, description="Percent, 0..100")
    charging: bool | None = None


class ReportIn(_In):
    """One report of the companion app; a part that is null was not measured."""

    location: LocationIn | None = None
    battery: BatteryIn | None = None
    wifi_ssid: str | None = Field(
        default=None, max_length=64, description="The Wi-Fi network joined; empty for none"
    )
    time: float | None = Field(
        default=None,
        ge=0,
        le=1e11,
        allow_inf_nan=False,
        description="When the phone measured it (epoch seconds); an older report than the "
        "last one applied is ignored, so a queue sent after a network gap does no harm",
    )


class ReportOut(BaseModel):
    """How many values the hub accepted."""

    device_id: str
    accepted: int


class PhoneOut(BaseModel):
    """A registered phone."""

    device_id: str
    name: str
    owner: str
    space_id: str
    registered_at: float
    last_report_at: float | None
    revoked: bool


class StayOut(BaseModel):
    """A person present at a space since a time."""

    person: str
    since: float


class PresenceOut(BaseModel):
    """Who is at one space."""

    space_id: str
    name: str
    people: list[StayOut]


class WifiIn(_In):
    """The Wi-Fi networks (SSIDs) that mean "at this space"."""

    ssids: list[Annotated[str, Field(min_length=1, max_length=64)]] = Field(max_length=20)


class WifiOut(BaseModel):
    """A space's Wi-Fi networks."""

    space_id: str
    ssids: list[str]


# -- services -------------------------------------------------------------------------------------
def _companion(request: Request) -> Companion:
    return required(services_of(request).companion, "the phone companion is")


def _presence(request: Request) -> Presence:
    return required(services_of(request).presence, "presence tracking is")


CompanionDep = Annotated[Companion, Depends(_companion)]
PresenceDep = Annotated[Presence, Depends(_presence)]


async def _reporting_phone(
    db: DbDep,
    hub: HubDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_device_bearer)],
) -> PhoneRecord:
    """The phone whose device token signs the request (401 otherwise, before the body)."""
    phone = (
        None if credentials is None else await store.phone_for_token(db, credentials.credentials)
    )
    if phone is None or hub.registry.find_device(phone.device_id) is None:
        raise said(
            401,
            "unauthenticated",
            "companion.unknown_token",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return phone


ReportingPhone = Annotated[PhoneRecord, Depends(_reporting_phone)]


# -- routes ---------------------------------------------------------------------------------------
def _home_for(hub: Hub, visible: set[str], wanted: str | None) -> str:
    if wanted is not None:
        if wanted not in visible:
            raise said(404, "not_found", "spaces.not_found", space=wanted)
        return wanted
    spaces = [s for s in hub.registry.spaces() if s.id in visible]
    for kinds in ((SpaceKind.HOME,), (SpaceKind.OFFICE,)):
        found = next((s.id for s in spaces if s.kind in kinds), None)
        if found is not None:
            return found
    raise said(403, "forbidden", "companion.no_home")


@router.post("/api/companion/register", status_code=201, openapi_extra=requires(Right.SIGNED_IN))
async def register_phone(
    request: Request,
    principal: CurrentPrincipal,
    hub: HubDep,
    db: DbDep,
    companion: CompanionDep,
    body: RegisterIn | None = None,
) -> RegisterOut:
    """Register the caller's phone: it becomes a device they own; the token is shown once."""
    details = body or RegisterIn()
    space_id = _home_for(hub, principal.visible_space_ids(hub.registry), details.space_id)
    if details.device_id is not None:
        known = await store.get_phone(db, details.device_id)
        if known is None or known.username != principal.username:
            raise said(404, "not_found", "companion.no_phone_register", device=details.device_id)
    try:
        device = companion.phones.register(
            principal.username, space_id, name=details.name, device_id=details.device_id
        )
    except CompanionError as exc:
        raise retold(404, "not_found", "error.not_found", exc) from None
    token = await store.register_phone(
        db, device_id=device.id, username=principal.username, space_id=space_id, now=hub.now()
    )
    await audit(
        request,
        principal,
        action="companion.register",
        target=device.id,
        space_id=space_id,
        detail={"name": device.name},
    )
    return RegisterOut(device_id=device.id, token=token)


@router.post("/api/companion/report", openapi_extra=requires(Right.PHONE))
async def report(
    phone: ReportingPhone, body: ReportIn, db: DbDep, hub: HubDep, companion: CompanionDep
) -> ReportOut:
    """Apply a phone's report (location, battery, Wi-Fi); all of it or nothing."""
    loc = body.location
    battery = body.battery
    report = PhoneReport(
        None if loc is None else Location(loc.latitude, loc.longitude, loc.accuracy, loc.speed),
        None if battery is None else Battery(battery.level, battery.charging),
        body.wifi_ssid,
    )
    try:
        # A phone clock running ahead must not make every later report look stale.
        measured = None if body.time is None else min(body.time, hub.now())
        accepted = companion.phones.report(phone.device_id, report, timestamp=measured)
    except ReportRejected as exc:
        raise said(422, "value_out_of_range", "companion.out_of_range", reason=exc) from None
    except CompanionError as exc:
        raise retold(401, "unauthenticated", "companion.refused", exc) from None
    await store.touch_phone(db, phone.device_id, now=hub.now())
    return ReportOut(device_id=phone.device_id, accepted=accepted)


@router.get("/api/companion/phones", openapi_extra=requires(Right.SIGNED_IN))
async def list_phones(principal: CurrentPrincipal, hub: HubDep, db: DbDep) -> list[PhoneOut]:
    """The caller's registered phones (an owner sees everyone's)."""
    phones = await store.list_phones(db, None if principal.is_owner else principal.username)
    out: list[PhoneOut] = []
    for phone in phones:
        device = hub.registry.find_device(phone.device_id)
        out.append(
            PhoneOut(
                device_id=phone.device_id,
                name=device.name if device is not None else phone.device_id,
                owner=phone.username,
                space_id=phone.space_id,
                registered_at=phone.created_at,
                last_report_at=phone.last_report_at,
                revoked=phone.revoked_at is not None or device is None,
            )
        )
    return out


@router.delete(
    "/api/companion/phones/{device_id}", status_code=204, openapi_extra=requires(Right.SIGNED_IN)
)
async def remove_phone(
    device_id: str,
    request: Request,
    principal: CurrentPrincipal,
    hub: HubDep,
    db: DbDep,
    companion: CompanionDep,
) -> Response:
    """Unregister a phone: its token stops working and its device is removed (history stays)."""
    phone = await store.get_phone(db, device_id)
    if phone is None or not (principal.is_owner or phone.username == principal.username):
        raise said(404, "not_found", "companion.no_phone", device=device_id)
    await store.revoke_phone(db, device_id, now=hub.now())
    if hub.registry.find_device(device_id) is not None:
        try:
            companion.phones.remove(device_id, actor=principal.username)
        except CompanionError as exc:
            # The id now belongs to a device of another adapter: leave that one alone.
            _LOGGER.warning("phone %s revoked; its device was not removed: %s", device_id, exc)
    await audit(
        request, principal, action="companion.remove", target=device_id, space_id=phone.space_id
    )
    return Response(status_code=204)


@router.get("/api/presence", openapi_extra=requires(Right.FAMILY))
async def presence(
    principal: CurrentPrincipal, hub: HubDep, tracker: PresenceDep
) -> list[PresenceOut]:
    """Who is at each home and office the caller may see, and since when (never for guests)."""
    return [
        PresenceOut(
            space_id=space.id,
            name=space.name,
            people=[StayOut(person=s.person, since=s.since) for s in tracker.present(space.id)],
        )
        for space in hub.registry.spaces()
        if space.kind is not SpaceKind.VEHICLE and principal.can_view_household(space.id)
    ]


@router.get("/api/presence/wifi", openapi_extra=requires(Right.ADULT))
async def wifi_networks(
    principal: AdultPrincipal, hub: HubDep, tracker: PresenceDep
) -> list[WifiOut]:
    """The Wi-Fi networks that count as being at each space the caller may see."""
    return [
        WifiOut(space_id=space.id, ssids=sorted(tracker.wifi(space.id)))
        for space in hub.registry.spaces()
        if space.kind is not SpaceKind.VEHICLE and principal.can_view_space(space.id)
    ]


@router.put("/api/presence/wifi/{space_id}", openapi_extra=requires(Right.ADULT))
async def set_wifi_networks(
    space_id: str,
    body: WifiIn,
    request: Request,
    principal: AdultPrincipal,
    hub: HubDep,
    db: DbDep,
    tracker: PresenceDep,
) -> WifiOut:
    """Set the Wi-Fi networks that mean "at this space" (a phone on one counts as there)."""
    known = {s.id: s for s in hub.registry.spaces()}
    space = known.get(space_id)
    if space is None or not principal.can_view_space(space_id):
        raise said(404, "not_found", "spaces.not_found", space=space_id)
    if space.kind is SpaceKind.VEHICLE:
        raise said(422, "not_a_place", "companion.not_a_place", name=space.name)
    ssids = sorted(set(body.ssids))
    await store.set_wifi_networks(db, space_id, ssids)
    tracker.set_wifi(space_id, ssids)
    await audit(
        request,
        principal,
        action="presence.wifi",
        target=space_id,
        space_id=space_id,
        detail={"ssids": ssids},
    )
    return WifiOut(space_id=space_id, ssids=ssids)
