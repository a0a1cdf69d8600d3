"""Errors of the phone companion: refused reports, subscriptions and push deliveries."""

from __future__ import annotations

from orbithub.errors import OrbitHubError

__all__ = ["CompanionError", "PushError", "ReportRejected", "SubscriptionRejected"]


class CompanionError(OrbitHubError):
    """Something the phone companion was asked to do cannot be done."""


class ReportRejected(CompanionError, ValueError):
    """A phone's report holds a value out of range or of the wrong kind; nothing was applied."""


class SubscriptionRejected(CompanionError, ValueError):
    """A Web Push subscription is malformed (endpoint, keys); it was not stored."""


class PushError(CompanionError):
    """A push message could not be encrypted or signed."""
