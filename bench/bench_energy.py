"""What pricing energy at a time-of-use tariff costs the energy view, per meter reading.

``GET /api/energy`` sums each meter's readings into buckets; with a tariff each increase is
also spread over the time since the reading before and priced at the rates in force then
(``api.energy_cost``). This times :func:`orbithub.api.energy.consumption` on one meter
reporting every ``--every`` seconds for a month (the month view of one device), with and
without the demo's Beijing-like tariff (six windows a day), and prints readings per second
and the time per reading each way.

Usage: python bench/bench_energy.py [--every 10] [--rounds 5]
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import datetime
from zoneinfo import ZoneInfo

from orbithub.api.energy import Period, buckets, consumption
from orbithub.demo.tariff import beijing_tariff

ZONE = ZoneInfo("Asia/Shanghai")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=float, default=10.0, help="seconds between readings")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    start = datetime(2026, 11, 1, tzinfo=ZONE).timestamp()
    end = datetime(2026, 12, 1, tzinfo=ZONE).timestamp()
    count = int((end - start) / args.every)
    # A meter drawing 0.2-2 kW, unevenly, that restarts from zero halfway through.
    readings: list[tuple[float, float]] = []
    meter = 0.0
    for i in range(count):
        meter = 0.0 if i == count // 2 else meter + (0.2 + 1.8 * (i % 97) / 96) * args.every / 3600
        readings.append((start + i * args.every, meter))
    starts = buckets(start, end, Period.DAY, ZONE)
    tariff = beijing_tariff()
    for label, priced in (("kWh only", None), ("kWh and cost", tariff)):
        times = []
        for _ in range(args.rounds):
            began = time.perf_counter()
            usage = consumption(readings, starts, end, "kWh", priced)
            times.append(time.perf_counter() - began)
        best = statistics.median(times)
        print(
            f"{label:>13}: {count:,} readings in {best * 1000:.1f} ms "
            f"({count / best:,.0f} readings/s, {best / count * 1e6:.2f} µs each); "
            f"total {usage.total:.1f} kWh"
            + (f", cost {usage.cost:.2f} {tariff.currency}" if usage.cost is not None else "")
        )


if __name__ == "__main__":
    main()
