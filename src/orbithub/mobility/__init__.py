"""Vehicles and other moving things: geodesy, arrival estimates, charging plans."""

from orbithub.mobility.charging import (
    ChargePlan,
    ChargeRequest,
    ChargeRequestError,
    ChargeSlot,
    SolarWindow,
    plan_charging,
)
from orbithub.mobility.charging_service import ChargeSettings, ChargeStatus, ChargingService
from orbithub.mobility.errors import InvalidCoordinateError, MobilityError
from orbithub.mobility.eta import Eta, EtaEstimator, Fix
from orbithub.mobility.geo import bearing_deg, check_coordinates, distance_m, is_valid_coordinate
from orbithub.mobility.precondition import (
    Preconditioner,
    PreconditionResult,
    home_lead_time_s,
    lead_time_s,
    should_precondition_home,
)
from orbithub.mobility.runtime import Mobility
from orbithub.mobility.tariff import Tariff, TariffError, TariffWindow
from orbithub.mobility.tracks import Tracks, has_location

__all__ = [
    "ChargePlan",
    "ChargeRequest",
    "ChargeRequestError",
    "ChargeSettings",
    "ChargeSlot",
    "ChargeStatus",
    "ChargingService",
    "Eta",
    "EtaEstimator",
    "Fix",
    "InvalidCoordinateError",
    "Mobility",
    "MobilityError",
    "PreconditionResult",
    "Preconditioner",
    "SolarWindow",
    "Tariff",
    "TariffError",
    "TariffWindow",
    "Tracks",
    "bearing_deg",
    "check_coordinates",
    "distance_m",
    "has_location",
    "home_lead_time_s",
    "is_valid_coordinate",
    "lead_time_s",
    "plan_charging",
    "should_precondition_home",
]
