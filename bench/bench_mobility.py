"""Mobility costs: planning a 24 h charge at 15-minute slots, and updating an ETA per fix.

Planner: a 75 kWh car at 20 % wanting 90 % by 07:30 tomorrow on a 7 kW charger, with the
Beijing-like time-of-use tariff and a solar window, planned from a random time of day (96+
slots, tariff edges included). ETA: feeding a car's fixes into an estimator and asking for the
arrival at home after each one (what a vehicle's tracker costs per position report), and the
cost through a hub (a position report, the Tracks listener, then ``tracks.eta``).

    python bench/bench_mobility.py [--plans 2000] [--fixes 20000]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from datetime import datetime
from zoneinfo import ZoneInfo

from geographiclib.geodesic import Geodesic  # type: ignore[import-untyped]

from orbithub.core.clock import ManualClock
from orbithub.core.hub import Hub
from orbithub.core.registry import Device, Space, SpaceKind
from orbithub.demo.tariff import beijing_tariff
from orbithub.mobility.charging import ChargeRequest, SolarWindow, plan_charging
from orbithub.mobility.eta import EtaEstimator, Fix
from orbithub.mobility.tracks import Tracks
from orbithub.spec.library import device_type

HOME = (39.9042, 116.4074)
SHANGHAI = ZoneInfo("Asia/Shanghai")


def _percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p50 = ordered[len(ordered) // 2] * 1e6
    p99 = ordered[int(len(ordered) * 0.99)] * 1e6
    return f"mean {statistics.fmean(samples) * 1e6:8.1f} µs  p50 {p50:8.1f} µs  p99 {p99:8.1f} µs"


def bench_planner(count: int, rng: random.Random) -> None:
    tariff = beijing_tariff()
    base = datetime(2026, 11, 23, 0, 0, tzinfo=SHANGHAI).timestamp()
    samples: list[float] = []
    slots = 0
    for _ in range(count):
        now = base + rng.uniform(0, 86_400)
        request = ChargeRequest(
            capacity_kwh=75.0,
            soc=20.0,
            target_soc=90.0,
            charger_kw=7.0,
            now=now,
            departure=now + 86_400,
            efficiency=0.9,
            solar=(SolarWindow(now + 3 * 3600, now + 6 * 3600, 3.0),),
        )
        start = time.perf_counter()
        plan = plan_charging(request, tariff)
        samples.append(time.perf_counter() - start)
        slots += len(plan.slots)
    print(f"planner, 24 h horizon, 15-min slots ({count} plans, {slots / count:.1f} slots used):")
    print(f"  {_percentiles(samples)}")
    start = time.perf_counter()
    for _ in range(200):
        plan.explain("en")
        plan.explain("zh")
    print(f"  explanation en+zh: {(time.perf_counter() - start) / 200 * 1e6:8.1f} µs")


def _route(count: int) -> list[tuple[float, float]]:
    line = Geodesic.WGS84.InverseLine(HOME[0] + 0.2, HOME[1] - 0.1, *HOME)
    return [
        (float(p["lat2"]), float(p["lon2"]))
        for p in (line.Position(line.s13 * i / count) for i in range(count))
    ]


def bench_eta(count: int, rng: random.Random) -> None:
    points = _route(count)
    est = EtaEstimator()
    add: list[float] = []
    ask: list[float] = []
    for i, (lat, lon) in enumerate(points):
        fix = Fix(1_700_000_000.0 + i * 5.0, lat, lon, rng.uniform(30, 60))
        start = time.perf_counter()
        est.add(fix)
        middle = time.perf_counter()
        est.eta(*HOME, radius_m=150.0)
        end = time.perf_counter()
        add.append(middle - start)
        ask.append(end - middle)
    print(f"ETA estimator ({count} fixes, window of {len(est.fixes)} fixes):")
    print(f"  add a fix     {_percentiles(add)}")
    print(f"  estimate      {_percentiles(ask)}")


def bench_tracks(count: int) -> None:
    clock = ManualClock()
    hub = Hub(clock=clock)
    hub.add_space(Space("home", "Home", SpaceKind.HOME, *HOME, "Asia/Shanghai"))
    hub.add_space(Space("car", "Car", SpaceKind.VEHICLE, tracker_device_id="car"))
    hub.add_device(Device("car", "Car", device_type("vehicle"), "car", "bench"))
    tracks = Tracks(hub)
    tracks.start()
    points = _route(count)
    samples: list[float] = []
    for i, (lat, lon) in enumerate(points):
        clock._now = 1_700_000_000.0 + i * 5.0  # no sleepers: set the time directly
        start = time.perf_counter()
        hub.report_many("car", {"location.latitude": lat, "location.longitude": lon})
        tracks.eta("car", "home")
        samples.append(time.perf_counter() - start)
    print(f"through the hub: position report + Tracks + eta ({count} fixes):")
    print(f"  per fix       {_percentiles(samples)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=2000)
    parser.add_argument("--fixes", type=int, default=20000)
    args = parser.parse_args()
    rng = random.Random(7)
    bench_planner(args.plans, rng)
    bench_eta(args.fixes, rng)
    bench_tracks(args.fixes)


if __name__ == "__main__":
    main()
