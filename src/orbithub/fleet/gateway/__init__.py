"""The fleet's gateway: a stateless API over the homes a signed-in person may see.

It reads PostgreSQL (:mod:`orbithub.storage.fleet`), sends commands to devices through NATS
by the single hub's guarded entry, and signs people in with the single hub's accounts.
"""

from __future__ import annotations

from orbithub.fleet.gateway.app import create_gateway_app

__all__ = ["create_gateway_app"]
