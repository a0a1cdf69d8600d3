"""Run a real OrbitHub for the browser tests: demo world, simulated devices, API and web app.

Started by ``conftest.py`` as a subprocess: ``python hub_server.py DATA_DIR``. It builds the hub
the way ``orbithub demo`` does (``running_hub`` with storage, recorder and adapters, then
``running_services``: phones, cars, automations, assistant, insights and the API with the web
app) on a free loopback port, prints ``READY <base url>`` on its own line once the server
accepts connections, and stops gracefully on SIGTERM or SIGINT. The devices are simulated
in-process rather than over MQTT, which keeps start-up quick.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from pathlib import Path

from orbithub.adapters.miio.adapter import MiioAdapter
from orbithub.adapters.miio.specs import SpecResolver
from orbithub.adapters.sim import SimAdapter, demo_world
from orbithub.api import ApiSettings
from orbithub.cli.runtime import World, running_hub
from orbithub.cli.services import HttpOptions, running_services
from orbithub.cli.settings import Settings
from orbithub.core.clock import SystemClock
from orbithub.demo import demo_parts

# Cheap password hashing: the tests create a few users and sign in often.
SETTINGS = ApiSettings(password_time_cost=1, password_memory_kib=8192)


async def run(data_dir: Path) -> None:
    """Serve until SIGTERM/SIGINT."""
    clock = SystemClock()
    world = demo_world()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    # Routines off: devices change only on commands, so what the browser sees is what the
    # test caused (physics such as room temperatures still runs).
    sim = SimAdapter(clock=clock, routines=False)
    # Xiaomi devices a test adds over miIO on loopback; the spec service is never asked.
    miio = MiioAdapter(data_dir, resolver=SpecResolver(data_dir, service_url=None))
    places = World(world.spaces, world.rooms, world.devices)
    http = HttpOptions(host="127.0.0.1", port=0)
    async with (
        running_hub(Settings(data_dir), clock=clock, adapters=[sim, miio], world=places) as rt,
        running_services(rt, http=http, demo=demo_parts(), api_settings=SETTINGS) as services,
    ):
        sys.stdout.write(f"READY {services.url}\n")
        sys.stdout.flush()
        await stop.wait()


def main() -> None:
    """Entry point: ``python hub_server.py DATA_DIR``."""
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    with contextlib.suppress(asyncio.CancelledError):
        asyncio.run(run(Path(sys.argv[1])))


if __name__ == "__main__":
    main()
