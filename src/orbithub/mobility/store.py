"""Keeps the charging settings of each vehicle and the tariff of each home in a JSON file.

The file is small (a few entries) and written whole, to a temporary name first and then
renamed, so a crash mid-write leaves the previous version. A file that cannot be read is
kept aside (``.bad``) and the defaults are used, with a warning that names it.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

from orbithub.files import set_aside, write_atomically
from orbithub.mobility.charging_service import ChargeSettings
from orbithub.mobility.errors import MobilityError
from orbithub.mobility.tariff import Tariff

__all__ = ["MOBILITY_FILENAME", "MobilityConfig", "load_config", "save_config"]

_LOGGER = logging.getLogger(__name__)

MOBILITY_FILENAME = "mobility.json"


@dataclass(frozen=True, slots=True)
class MobilityConfig:
    """What the owner configured: settings by vehicle space, tariffs by home."""

    vehicles: dict[str, ChargeSettings] = field(default_factory=dict)
    tariffs: dict[str, Tariff] = field(default_factory=dict)

    def to_json(self) -> str:
        """The file's text."""
        return json.dumps(
            {
                "vehicles": {k: v.to_mapping() for k, v in sorted(self.vehicles.items())},
                "tariffs": {k: v.to_mapping() for k, v in sorted(self.tariffs.items())},
            },
            ensure_ascii=False,
            indent=2,
        )

    @classmethod
    def from_json(cls, text: str) -> MobilityConfig:
        """Parse the file's text.

        Raises:
            MobilityError: not JSON, or an entry is malformed (the message names it).
        """
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise MobilityError(f"not JSON: {exc}") from None
        if not isinstance(data, dict):
            raise MobilityError("the top level must be an object with vehicles and tariffs")
        vehicles: dict[str, ChargeSettings] = {}
        tariffs: dict[str, Tariff] = {}
        raw_vehicles = data.get("vehicles", {})
        raw_tariffs = data.get("tariffs", {})
        if not isinstance(raw_vehicles, dict) or not isinstance(raw_tariffs, dict):
            raise MobilityError("vehicles and tariffs must be objects keyed by space id")
        for key, value in raw_vehicles.items():
            if not isinstance(value, dict):
                raise MobilityError(f"vehicles.{key} must be an object")
            try:
                vehicles[str(key)] = ChargeSettings.from_mapping(value)
            except MobilityError as exc:
                raise MobilityError(f"vehicles.{key}: {exc}") from None
        for key, value in raw_tariffs.items():
            if not isinstance(value, dict):
                raise MobilityError(f"tariffs.{key} must be an object")
            try:
                tariffs[str(key)] = Tariff.from_mapping(value)
            except MobilityError as exc:
                raise MobilityError(f"tariffs.{key}: {exc}") from None
        return cls(vehicles, tariffs)


def load_config(data_dir: Path) -> MobilityConfig:
    """Read the configuration from ``data_dir`` (defaults when there is none). Blocking."""
    path = data_dir / MOBILITY_FILENAME
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return MobilityConfig()
    try:
        return MobilityConfig.from_json(text)
    except MobilityError as exc:
        bad = set_aside(path, "bad")
        _LOGGER.warning(
            "%s is unreadable (%s); moved it to %s and started with default charging settings; "
            "fix it and move it back to restore them",
            path,
            exc,
            bad,
        )
        return MobilityConfig()


def save_config(data_dir: Path, config: MobilityConfig) -> None:
    """Write the configuration atomically. Blocking: call it through ``asyncio.to_thread``."""
    write_atomically(data_dir / MOBILITY_FILENAME, config.to_json())
