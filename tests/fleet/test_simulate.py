"""Simulated homes report what their devices' specs allow, as OrbitHub protocol state."""

from __future__ import annotations

import itertools

from orbithub.adapters.mqtt.protocol import decode_state
from orbithub.fleet.simulate import Simulation, home_devices
from orbithub.spec.formats import check_report


def test_a_simulated_home_has_the_demo_homes_twenty_devices() -> None:
    devices = home_devices()
    assert len({d.id for d in devices}) == 20
    assert all(d.props for d in devices)


def test_every_reading_decodes_and_fits_its_property() -> None:
    sim = Simulation(7, seed=3)
    props = {(d.id, p.path): p for d in sim.devices for p in d.props}
    readings = list(itertools.islice(sim.readings(), 7 * 20 * 3))
    assert {r.home for r in readings} == set(sim.homes)
    assert len({(r.home, r.device, r.ts) for r in readings}) == len(readings)
    for reading in readings:
        report = decode_state(reading.topic, reading.payload())
        assert report.ts == reading.ts
        for path, value in report.values.items():
            assert check_report(props[(reading.device, path)], value) == value
