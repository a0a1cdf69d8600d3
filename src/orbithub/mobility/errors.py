"""Errors raised by the mobility package (geodesy, ETA, charging plans)."""

from __future__ import annotations

from orbithub.errors import OrbitHubError

__all__ = ["InvalidCoordinateError", "MobilityError"]


class MobilityError(OrbitHubError):
    """Something the mobility package was asked to do cannot be done."""


class InvalidCoordinateError(MobilityError, ValueError):
    """A latitude or longitude is not a finite number within the WGS84 range."""
