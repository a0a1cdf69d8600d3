"""The mobility package's public names (changing them is an API change)."""

from __future__ import annotations

import orbithub.mobility as mobility


def test_public_names_are_pinned() -> None:
    assert mobility.__all__ == [
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
    for name in mobility.__all__:
        assert getattr(mobility, name) is not None
