"""Pydantic models of the API's requests and responses (the API edge only).

Times are epoch seconds as floats. Field names follow the HTTP contract; inside the hub the
frozen dataclasses of ``core`` and ``storage`` are used instead.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from orbithub.storage.users import Role

__all__ = [
    "ActionIn",
    "AuditOut",
    "CommandOut",
    "DeviceOut",
    "EventOut",
    "GrantIn",
    "GrantOut",
    "HistoryOut",
    "IntegrationTokenIn",
    "IntegrationTokenOut",
    "LoginIn",
    "LogoutIn",
    "MeOut",
    "MePatch",
    "OnboardingIn",
    "OnboardingOut",
    "RefreshIn",
    "SetPropertyIn",
    "SpaceOut",
    "SpecOut",
    "TokensOut",
    "UserCreate",
    "UserOut",
    "UserPatch",
]

JsonValue = bool | int | float | str
Username = Annotated[
    str, Field(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.@-]*$")
]
Password = Annotated[str, Field(min_length=8, max_length=256)]
DisplayName = Annotated[str, Field(min_length=1, max_length=200)]
Language = Annotated[
    str, Field(min_length=2, max_length=20, pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
]
Id = Annotated[str, Field(min_length=1, max_length=200)]
Time = Annotated[float, Field(ge=0, le=1e11, allow_inf_nan=False)]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


# -- accounts ----------------------------------------------------------------------------------
class UserOut(BaseModel):
    """A user as the API shows it (never the password hash)."""

    id: str
    username: str
    display_name: str
    role: Role
    language: str
    counts_for_presence: bool = True
    """Whether their phones count toward who is home (guests' only when an owner says so)."""
    security_notices: bool = True
    """For an owner: told when a guest or a child unlocks or opens a door, gate or garage."""


class GrantOut(BaseModel):
    """Access of a user to a space, optionally only to some rooms or devices, until a time."""

    id: str
    user_id: str
    space_id: str
    room_ids: list[str] | None
    device_ids: list[str] | None
    expires_at: float | None


class GrantIn(_In):
    """A new grant: the whole space when both lists are null."""

    space_id: Id
    room_ids: Annotated[list[Id], Field(max_length=500)] | None = None
    device_ids: Annotated[list[Id], Field(max_length=2000)] | None = None
    expires_at: Time | None = None


class OnboardingOut(BaseModel):
    """Whether the hub still needs its first user (the owner)."""

    needed: bool


class OnboardingIn(_In):
    """The first user, who becomes the owner."""

    username: Username
    password: Password
    display_name: DisplayName | None = None
    language: Language | None = None  # None: English


class LoginIn(_In):
    """A password sign-in."""

    username: Annotated[str, Field(min_length=1, max_length=100)]
    password: Annotated[str, Field(min_length=1, max_length=256)]


class RefreshIn(_In):
    """A refresh token to rotate, or to revoke (logout)."""

    refresh_token: Annotated[str, Field(min_length=1, max_length=500)]


class LogoutIn(RefreshIn):
    """Sign out: this session, or with ``everywhere`` every session of the user."""

    everywhere: bool = False


class TokensOut(BaseModel):
    """Tokens handed out by onboarding, login and refresh."""

    access_token: str
    refresh_token: str
    token_type: Literal["bearer"] = "bearer"  # noqa: S105 - the scheme, not a secret
    expires_in: float
    user: UserOut


class MeOut(BaseModel):
    """The signed-in user and their active grants.

    After a password change, ``access_token`` and ``refresh_token`` carry this session on
    (every other session of the user was signed out); otherwise they are null.
    """

    user: UserOut
    grants: list[GrantOut]
    access_token: str | None = None
    refresh_token: str | None = None


class MePatch(_In):
    """Changes a user makes to their own account (a new password needs the current one)."""

    language: Language | None = None
    display_name: DisplayName | None = None
    password: Password | None = None
    current_password: Annotated[str, Field(min_length=1, max_length=256)] | None = None
    security_notices: bool | None = None


class UserCreate(_In):
    """A new user (owner only)."""

    username: Username
    password: Password
    display_name: DisplayName | None = None
    role: Role = Role.ADULT
    language: Language | None = None  # None: English


class UserPatch(_In):
    """Changes an owner makes to a user."""

    display_name: DisplayName | None = None
    role: Role | None = None
    language: Language | None = None
    password: Password | None = None
    counts_for_presence: bool | None = None


class IntegrationTokenIn(_In):
    """A new long-lived integration token."""

    name: Annotated[str, Field(min_length=1, max_length=200)]
    space_ids: Annotated[list[Id], Field(max_length=100)] = []
    expires_at: Time | None = None


class IntegrationTokenOut(BaseModel):
    """An integration token; ``token`` is only present in the answer that created it."""

    id: str
    name: str
    space_ids: list[str]
    created_at: float
    expires_at: float | None
    last_used_at: float | None
    token: str | None = None


class AuditOut(BaseModel):
    """One audit-log entry."""

    id: int
    time: float
    actor: str
    action: str
    target: str
    space_id: str | None
    result: str
    detail: dict[str, object]


# -- spaces and devices ------------------------------------------------------------------------
class RoomOut(BaseModel):
    """A room of a space."""

    id: str
    name: str
    aliases: list[str]
    floor: int | None


class SpaceOut(BaseModel):
    """A home, an office or a vehicle, with the rooms the caller may see."""

    id: str
    name: str
    kind: str
    latitude: float | None
    longitude: float | None
    timezone: str
    aliases: list[str]
    radius_m: float
    rooms: list[RoomOut]


class ValueListItemOut(BaseModel):
    """One allowed value of an enumerated property."""

    value: int
    description: str


class PropertyOut(BaseModel):
    """A property of a device type."""

    path: str
    name: str
    description: str
    format: str
    access: list[str]
    unit: str | None
    range: list[float] | None
    values: list[ValueListItemOut] | None


class ActionOut(BaseModel):
    """An action of a device type; ``in`` lists the paths of its arguments."""

    model_config = ConfigDict(populate_by_name=True)

    path: str
    name: str
    description: str
    in_: list[str] = Field(alias="in")


class EventSpecOut(BaseModel):
    """An event of a device type."""

    path: str
    name: str
    arguments: list[str]


class ServiceOut(BaseModel):
    """A service of a device type."""

    name: str
    description: str
    properties: list[PropertyOut]
    actions: list[ActionOut]
    events: list[EventSpecOut]


class SpecOut(BaseModel):
    """A device type."""

    type: str
    description: str
    services: list[ServiceOut]


class PropertyStateOut(BaseModel):
    """The current value of one property."""

    value: JsonValue
    last_changed: float
    last_reported: float


class DeviceOut(BaseModel):
    """A device with its state; ``spec`` only on the single-device endpoint."""

    id: str
    name: str
    space_id: str
    room_id: str | None
    model: str
    type: str
    aliases: list[str]
    owner: str | None
    online: bool | None
    state: dict[str, PropertyStateOut]
    controllable: bool
    approved: bool = Field(
        default=True,
        description="false for a security device that arrived by discovery and waits for an "
        "owner's approval (POST /api/devices/{id}/approve); until then only owners command it",
    )
    spec: SpecOut | None = None


class SetPropertyIn(_In):
    """The value to write; ``confirm`` is needed to unlock, open or disarm a security device."""

    value: JsonValue
    confirm: bool = False


class ActionIn(_In):
    """The arguments of an action, by property name, path or piid."""

    arguments: dict[str, JsonValue] = {}
    confirm: bool = False


class CommandOut(BaseModel):
    """What the device said about a command."""

    confirmed: bool
    message: str
    value: JsonValue | None = None
    outputs: dict[str, JsonValue] = {}


class HistoryPointOut(BaseModel):
    """A recorded value, or a bucket's average with its minimum and maximum."""

    time: float
    value: JsonValue
    min: float | None
    max: float | None


class HistoryOut(BaseModel):
    """The history of one property, and the hub's time when it was read (charts end there)."""

    now: float
    path: str
    unit: str | None
    points: list[HistoryPointOut]


class EventOut(BaseModel):
    """One entry of the activity log."""

    seq: int
    time: float
    space_id: str
    device_id: str
    kind: str
    path: str
    payload: dict[str, object]
