"""Read the history baselines are learned from: measurements, and when each device reported."""

from __future__ import annotations

from collections import defaultdict

import sqlalchemy as sa

from orbithub.core.registry import Device, Registry
from orbithub.storage import Database
from orbithub.storage.tables import ValueKind
from orbithub.storage.tables import history as history_table

__all__ = ["is_measurement", "read_history"]

_NUMERIC = (ValueKind.INT.value, ValueKind.FLOAT.value)
_SKIPPED_SERVICES = frozenset({"location", "battery", "filter", "vehicle", "charging"})
"""Where a phone or car is, how full a battery or filter is: these follow trips and wear, not
the hour of the week, and would only raise false alarms."""


def is_measurement(device: Device, path: str) -> bool:
    """Whether a property is a reading worth a baseline: numeric, measured, not a setting."""
    prop = device.spec.find_property(path)
    if prop is None or prop.writable or prop.value_list or not prop.format.is_numeric:
        return False
    return prop.path.split(".", 1)[0] not in _SKIPPED_SERVICES


async def read_history(
    db: Database, registry: Registry, start: float, end: float
) -> tuple[dict[tuple[str, str], list[tuple[float, float]]], dict[str, list[float]]]:
    """Measurements by (device, path), and every report time of each device, in a range.

    Devices no longer in the registry are left out.
    """
    series: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    reports: dict[str, list[float]] = defaultdict(list)
    wanted: dict[tuple[str, str], tuple[bool, bool]] = {}
    stmt = (
        sa.select(
            history_table.c.device_id,
            history_table.c.path,
            history_table.c.time,
            history_table.c.kind,
            history_table.c.value_num,
        )
        .where(history_table.c.time >= start, history_table.c.time < end)
        .order_by(history_table.c.time, history_table.c.seq)
    )
    async with db.engine.connect() as conn:
        result = await conn.stream(stmt)
        async for device_id, path, time, kind, value in result:
            key = (device_id, path)
            known = wanted.get(key)
            if known is None:
                device = registry.find_device(device_id)
                known = (device is not None, device is not None and is_measurement(device, path))
                wanted[key] = known
            present, keep = known
            if not present:
                continue
            reports[device_id].append(time)
            if keep and kind in _NUMERIC and value is not None:
                series[key].append((time, float(value)))
    return dict(series), dict(reports)
