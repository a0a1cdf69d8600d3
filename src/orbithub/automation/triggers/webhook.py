"""Webhook triggers: an HTTP request to ``/api/webhooks/{id}`` fires them with its JSON body."""

from __future__ import annotations

from orbithub.automation.model import WebhookTrigger

__all__ = ["data", "describe"]


def describe(trigger: WebhookTrigger) -> str:
    """``webhook garage-button``."""
    return f"webhook {trigger.webhook}"


def data(webhook_id: str, body: object) -> dict[str, object]:
    """What templates see as ``trigger``: the id and the request's JSON as ``json``."""
    return {"kind": "webhook", "webhook_id": webhook_id, "json": body}
