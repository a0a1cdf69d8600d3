"""``orbithub gateway``: serve the fleet's API for the homes in one PostgreSQL database."""

from __future__ import annotations

import asyncio
import logging
from typing import Annotated

import typer

from orbithub.errors import OrbitHubError

__all__ = ["NatsUrls", "run_gateway"]

_LOGGER = logging.getLogger(__name__)

_CONNECT_WITHIN_S = 15.0

NatsUrls = Annotated[
    str,
    typer.Option(
        "--nats-url",
        envvar="ORBITHUB_NATS_URL",
        help="The fleet's NATS servers, comma-separated (nats://10.0.0.1:4222,...); the "
        "connection moves between them when one fails.",
    ),
]


class GatewayError(OrbitHubError):
    """The gateway could not start."""


async def run_gateway(
    database_url: str,
    nats_urls: list[str],
    host: str,
    port: int,
    *,
    schema: str | None = None,
    trusted_proxies: tuple[str, ...] = (),
) -> None:
    """Open the database and NATS, then serve the gateway until cancelled."""
    import nats
    import nats.errors

    from orbithub.api.serve import serve_api
    from orbithub.api.settings import ApiSettings
    from orbithub.fleet.gateway import create_gateway_app
    from orbithub.storage import Database
    from orbithub.storage.fleet import FleetStore

    store = await FleetStore.open(database_url, schema=schema, application_name="orbithub-gateway")
    try:
        db = await Database.open(database_url, schema=schema)
        try:
            try:
                # Once connected it reconnects for ever; the first connection is bounded so a
                # wrong URL is said at start.
                async with asyncio.timeout(_CONNECT_WITHIN_S):
                    nc = await nats.connect(
                        servers=nats_urls, connect_timeout=5, max_reconnect_attempts=-1
                    )
            except (OSError, TimeoutError, nats.errors.Error) as exc:
                raise GatewayError(
                    f"cannot reach NATS at {', '.join(nats_urls)}: {exc or 'no answer in time'}; "
                    "check --nats-url"
                ) from None
            try:
                app = create_gateway_app(
                    store=store, db=db, nats=nc, settings=ApiSettings(serve_web=False)
                )
                _LOGGER.info("gateway on http://%s:%d over %s", host, port, store.url)
                await serve_api(app, host, port, trusted_proxies=trusted_proxies)
            finally:
                await nc.close()
        finally:
            await db.close()
    finally:
        await store.close()
