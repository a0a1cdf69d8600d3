"""The request and response models of the vehicle routes (:mod:`orbithub.api.routes.vehicles`)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "CabinOut",
    "ChargingIn",
    "ChargingOut",
    "EtaOut",
    "LocationOut",
    "PlaceOut",
    "PlanOut",
    "PreconditionIn",
    "PreconditionOut",
    "SessionOut",
    "SettingsOut",
    "SlotOut",
    "TrackOut",
    "TrackPointOut",
    "VehicleOut",
]


class EtaOut(BaseModel):
    """When the vehicle arrives at a place."""

    seconds: float
    arrival: float
    distance_m: float
    confidence: float
    approaching: bool


class PlaceOut(BaseModel):
    """The vehicle seen from one place (home, office)."""

    space_id: str
    name: str
    kind: str
    distance_m: float | None
    inside: bool
    eta: EtaOut | None


class LocationOut(BaseModel):
    """Where the vehicle is."""

    model_config = ConfigDict(from_attributes=True)

    latitude: float
    longitude: float
    heading: float | None
    speed_kmh: float | None
    updated: float | None


class SessionOut(BaseModel):
    """One period the charger runs."""

    start: float
    end: float


class SlotOut(BaseModel):
    """One slot of the plan with its energy and cost."""

    start: float
    end: float
    energy_kwh: float
    price: float
    cost: float
    solar_kwh: float


class PlanOut(BaseModel):
    """A charging plan and its explanation in English and Chinese."""

    target_soc: float
    goal_soc: float
    limit_soc: float
    departure: float
    feasible: bool
    final_soc: float
    reachable_soc: float
    energy_kwh: float
    cost: float
    cost_now: float
    savings: float
    currency: str
    explanation: dict[str, str]
    sessions: list[SessionOut]
    slots: list[SlotOut]


class SettingsOut(BaseModel):
    """The owner's charging settings of a vehicle."""

    target_soc: float
    departure: float | None
    departure_time: str
    limit_soc: float
    capacity_kwh: float
    efficiency: float
    charger_kw: float | None
    home_id: str | None
    enabled: bool
    precondition: bool
    cabin_c: float


class ChargingOut(BaseModel):
    """Charging now, the plan, and why there is none when there is none."""

    state: str | None
    limit_soc: float | None
    plugged: bool
    home_id: str | None
    charger_id: str | None
    charger_on: bool | None
    departure: float | None
    plan: PlanOut | None
    plan_reason: str | None = Field(
        description="why there is no plan, or why it is not followed, in English; "
        "null while the plan is followed"
    )
    plan_reason_text: dict[str, str] | None = Field(
        description="the same reason by language (en, zh), like the plan's explanation"
    )
    settings: SettingsOut | None


class CabinOut(BaseModel):
    """The cabin climate."""

    temperature: float | None
    target_temperature: float | None
    on: bool | None
    outside_temperature: float | None = Field(
        description="the car's own outside reading; null when unknown or over three hours old"
    )


class VehicleOut(BaseModel):
    """A vehicle with its battery, charging, location, cabin and ETA per place."""

    id: str
    name: str
    device_id: str | None
    online: bool | None
    controllable: bool
    battery: float | None
    range_km: float | None
    odometer_km: float | None
    locked: bool | None
    location: LocationOut | None
    cabin: CabinOut
    charging: ChargingOut
    places: list[PlaceOut]


class TrackPointOut(BaseModel):
    """One position of the track."""

    model_config = ConfigDict(from_attributes=True)

    time: float
    latitude: float
    longitude: float
    speed_kmh: float | None


class TrackOut(BaseModel):
    """The vehicle's recorded positions, oldest first."""

    space_id: str
    device_id: str
    since: float
    until: float
    points: list[TrackPointOut]


class ChargingIn(BaseModel):
    """Changes to the charging settings; omitted fields keep their value."""

    model_config = ConfigDict(extra="forbid")

    target_soc: Annotated[float, Field(ge=0, le=100)] | None = None
    departure: Annotated[float, Field(ge=0, le=1e11)] | None = None
    departure_time: Annotated[str, Field(pattern=r"^\d{1,2}:\d{2}$")] | None = None
    limit: Annotated[int, Field(ge=50, le=100)] | None = None
    capacity_kwh: Annotated[float, Field(ge=1, le=500)] | None = None
    charger_kw: Annotated[float, Field(ge=0.5, le=400)] | None = None
    home_id: str | None = None
    enabled: bool | None = None
    precondition: bool | None = None
    cabin_c: Annotated[float, Field(ge=16, le=30)] | None = None


class PreconditionIn(BaseModel):
    """Start the cabin climate now, optionally at a set point."""

    model_config = ConfigDict(extra="forbid")

    target_temperature: Annotated[float, Field(allow_inf_nan=False)] | None = None


class PreconditionOut(BaseModel):
    """What the car said, and when the cabin should be ready."""

    confirmed: bool
    message: str
    target_temperature: float
    lead_s: float
    ready_at: float
