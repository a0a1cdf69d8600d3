"""A simulated smart plug on the OrbitHub protocol: switch it from the hub, watch its power.

Run it next to a hub (see examples/README.md), with the login the hub made for it
(``orbithub devices credentials plug-1``)::

    ORBITHUB_DEVICE_PASSWORD=... python examples/smart_plug.py --broker mqtt://127.0.0.1:1883 \
        --space home --username plug-1
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import math
import os
import random
import time

from orbithub.sdk import Device

LOAD_WATTS = 60.0  # a desk lamp and a laptop charger
VOLTS = 230.0


def main() -> None:
    """Parse the flags and run the plug until Ctrl-C."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--broker", default="mqtt://127.0.0.1:1883", help="MQTT broker URL")
    parser.add_argument("--space", default="home", help="the hub's space id")
    parser.add_argument("--id", default="plug-1", help="device id")
    parser.add_argument("--interval", type=float, default=5.0, help="seconds between reports")
    parser.add_argument("--username", help="broker login (the device id); none: anonymous")
    parser.add_argument(
        "--password",
        default=os.environ.get("ORBITHUB_DEVICE_PASSWORD"),
        help="broker password (default: $ORBITHUB_DEVICE_PASSWORD, kept out of `ps`)",
    )
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C: the broker publishes the will
        asyncio.run(
            run(args.broker, args.space, args.id, args.interval, args.username, args.password)
        )


async def run(
    broker: str,
    space: str,
    device_id: str,
    interval: float,
    username: str | None = None,
    password: str | None = None,
) -> None:
    """Connect with the device's own login, then report power every ``interval`` seconds."""
    plug = Device(
        device_id,
        space=space,
        name="Desk plug",
        model="plug",
        broker=broker,
        username=username,
        password=password,
    )
    relay = {"on": True}
    energy_kwh = 0.0

    @plug.on_set("switch.on")
    async def switch(value: bool) -> None:
        relay["on"] = value  # a real plug drives its relay here

    @plug.on_action("switch.toggle")
    async def toggle() -> None:
        relay["on"] = not relay["on"]
        await plug.report({"switch.on": relay["on"]})

    async with plug:
        await plug.report({"switch.on": relay["on"]})
        while True:
            watts = _watts(relay["on"])
            energy_kwh += watts * interval / 3_600_000
            await plug.report(
                {
                    "power-meter.electric-power": round(watts, 1),
                    "power-meter.power-consumption": round(energy_kwh, 3),
                    "power-meter.voltage": round(VOLTS + random.gauss(0, 1.5), 1),
                    "power-meter.electric-current": round(watts / VOLTS, 3),
                }
            )
            await asyncio.sleep(interval)


def _watts(on: bool) -> float:
    """A slow sine around the load, plus measurement noise; zero when the relay is open."""
    if not on:
        return 0.0
    wave = LOAD_WATTS * (1 + 0.3 * math.sin(time.time() / 60))
    return max(0.0, wave + random.gauss(0, 2.0))


if __name__ == "__main__":
    main()
