"""Cars logged by TeslaMate: its MQTT topics mapped onto OrbitHub's vehicle type.

TeslaMate publishes one retained topic per value, ``teslamate/cars/<car id>/<name>``, with
plain-text payloads (``88``, ``true``, ``Charging``) and, in recent versions, a JSON
``location``. Each car becomes a vehicle space ``teslamate-<car id>`` tracked by a device of
the same id, so the space moves with the car and ETAs, charging plans and pre-conditioning work
as for any other car. TeslaMate is a logger: it takes no commands, so commands to these cars
are answered "not confirmed" with the reason.

Value names follow TeslaMate's documented MQTT topic list (``website/docs/integrations/
mqtt.md`` in the TeslaMate repository).
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
from collections.abc import Mapping

from orbithub.adapters.mqtt.faults import InputFaults
from orbithub.adapters.mqtt.flood import FloodGate
from orbithub.core.adapter import AdapterHost, Command, CommandResult
from orbithub.core.registry import Device, Space, SpaceKind
from orbithub.errors import OrbitHubError
from orbithub.spec.library import device_type
from orbithub.spec.model import Value

__all__ = ["TeslaMateCars", "TeslaMateError", "decode_value", "device_id_for"]

_CAR_ID = re.compile(r"^[A-Za-z0-9_-]{1,40}$")
_MAX_CARS = 100
_NUMBERS = {
    "battery_level": "battery.battery-level",
    "est_battery_range_km": "vehicle.range",
    "odometer": "vehicle.odometer",
    "latitude": "location.latitude",
    "longitude": "location.longitude",
    "heading": "location.heading",
    "inside_temp": "cabin.temperature",
    "outside_temp": "environment.outside-temperature",
}
_BOOLS = {"is_climate_on": "cabin.on", "locked": "lock.locked"}
_CHARGING = {
    # TeslaMate passes on the charging states of Tesla's API.
    "disconnected": 0,
    "stopped": 1,
    "nopower": 1,
    "starting": 2,
    "charging": 2,
    "complete": 3,
}
_STATE_OFFLINE = "offline"
_CHARGING_STATE = "charging.charging-state"
_NOT_COMMANDABLE = (
    "TeslaMate only logs this car's data and takes no commands; use the car's own app, or "
    "connect the car through an integration that can command it"
)


class TeslaMateError(OrbitHubError):
    """A TeslaMate message could not be understood."""


def device_id_for(car_id: str) -> str:
    """The hub's id of TeslaMate car ``car_id`` (also the id of its vehicle space)."""
    return f"teslamate-{car_id}"


def _text(payload: bytes) -> str:
    try:
        return payload.decode("utf-8").strip()
    except UnicodeDecodeError:
        raise TeslaMateError("the payload is not UTF-8 text") from None


def _number(name: str, text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise TeslaMateError(f"{name} should be a number, got {text[:40]!r}") from None
    if not math.isfinite(value):
        raise TeslaMateError(f"{name} should be a finite number, got {text[:40]!r}")
    return value


def _bool(name: str, text: str) -> bool:
    lowered = text.lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    raise TeslaMateError(f"{name} should be true or false, got {text[:40]!r}")


def decode_value(name: str, payload: bytes) -> dict[str, Value]:
    """The vehicle properties one TeslaMate topic carries (empty for names not mapped).

    Args:
        name: the last topic level (``battery_level``).
        payload: the message.

    Raises:
        TeslaMateError: the payload does not fit the name (the message says what was expected).
    """
    text = _text(payload)
    if name == "speed":
        # TeslaMate clears the speed (empty payload) when the car stops driving.
        return {"vehicle.speed": 0.0 if text == "" else max(0.0, _number(name, text))}
    if text == "":
        # TeslaMate's "no value": the value is unknown, so nothing is reported. A reading the hub
        # already holds stays, with the time it was reported, and readers judge how old it is
        # (pre-conditioning ignores an outside temperature that is hours old).
        return {}
    if name in _NUMBERS:
        return {_NUMBERS[name]: _number(name, text)}
    if name in _BOOLS:
        return {_BOOLS[name]: _bool(name, text)}
    if name == "charge_limit_soc":
        return {"charging.charge-limit": round(_number(name, text))}
    if name == "charging_state":
        state = _CHARGING.get(text.lower())
        if state is None:
            raise TeslaMateError(
                f"unknown charging_state {text[:40]!r}; expected one of Charging, Complete, "
                "Disconnected, NoPower, Starting, Stopped"
            )
        return {_CHARGING_STATE: state}
    if name == "location":
        try:
            data = json.loads(text)
        except ValueError:
            raise TeslaMateError("location should be JSON with latitude and longitude") from None
        if not isinstance(data, dict):
            raise TeslaMateError("location should be a JSON object")
        lat, lon = data.get("latitude"), data.get("longitude")
        if isinstance(lat, bool) or isinstance(lon, bool):
            raise TeslaMateError("location latitude and longitude must be numbers")
        if not isinstance(lat, int | float) or not isinstance(lon, int | float):
            raise TeslaMateError("location needs numeric latitude and longitude")
        return {"location.latitude": float(lat), "location.longitude": float(lon)}
    return {}


@dataclasses.dataclass(slots=True)
class _Car:
    car_id: str
    device_id: str
    plugged: bool | None = None
    charging_state: int | None = None


class TeslaMateCars:
    """The TeslaMate side of the MQTT adapter. Loop only.

    Args:
        prefix: TeslaMate's base topic (``teslamate``, or ``teslamate/<namespace>``).
        adapter: the adapter's name, recorded on each device.
        faults: where refused input is counted and logged.
        fallback_space: the space cars go in when the host cannot add spaces.
        gate: the per-device rate limit; a car over it has the surplus dropped before decoding.
    """

    def __init__(
        self,
        prefix: str,
        adapter: str,
        faults: InputFaults,
        fallback_space: str,
        gate: FloodGate,
    ) -> None:
        self.prefix = prefix.rstrip("/")
        self._root = f"{self.prefix}/cars/"
        self._adapter = adapter
        self._faults = faults
        self._fallback_space = fallback_space
        self._gate = gate
        self._cars: dict[str, _Car] = {}
        self._by_device: dict[str, _Car] = {}

    def subscriptions(self) -> list[str]:
        """The topic filter to subscribe to."""
        return [f"{self._root}+/+"]

    def owns(self, device_id: str) -> bool:
        """Whether ``device_id`` is a TeslaMate car."""
        return device_id in self._by_device

    def refuse(self, command: Command) -> CommandResult:
        """The answer to any command for a TeslaMate car."""
        return CommandResult(False, message=_NOT_COMMANDABLE)

    def handle(self, host: AdapterHost, topic: str, payload: bytes, live: bool = True) -> bool:
        """Apply one message if it is a TeslaMate car topic; returns whether it was.

        ``live`` messages count against the car's rate; the broker's replay of retained
        messages on subscribing (TeslaMate keeps dozens per car) does not.
        """
        if not topic.startswith(self._root):
            return False
        parts = topic[len(self._root) :].split("/")
        if len(parts) != 2:
            return False
        car_id, name = parts
        if not _CAR_ID.match(car_id):
            self._faults.note("teslamate", topic, None, f"car id {car_id[:40]!r} is not valid")
            return True
        car = self._car(host, car_id, topic)
        if car is None or (live and not self._gate.admit(car.device_id)):
            return True  # refused, or flooding: dropped before its payload is decoded
        try:
            self._apply(host, car, name, payload)
        except TeslaMateError as exc:
            self._faults.note("teslamate", topic, car.device_id, str(exc))
        return True

    def _apply(self, host: AdapterHost, car: _Car, name: str, payload: bytes) -> None:
        if name == "display_name":
            self._rename(host, car, _text(payload))
            return
        if name == "state":
            # asleep and suspended cars still report the last values they had; only "offline"
            # means TeslaMate lost the car.
            host.set_online(car.device_id, _text(payload).lower() != _STATE_OFFLINE)
            return
        if name == "plugged_in":
            text = _text(payload)
            if text == "":
                return
            car.plugged = _bool(name, text)
            # Without a charging_state topic, being plugged in is all the car says.
            if not car.plugged:
                self._report(host, car, {_CHARGING_STATE: 0})
            elif car.charging_state in (None, 0):
                self._report(host, car, {_CHARGING_STATE: 1})
            return
        values = decode_value(name, payload)
        if values:
            self._report(host, car, values)

    def _report(self, host: AdapterHost, car: _Car, values: Mapping[str, Value]) -> None:
        state = values.get(_CHARGING_STATE)
        if isinstance(state, int):
            car.charging_state = state
        accepted = host.report_many(car.device_id, values)
        if accepted < len(values):
            self._faults.note(
                "teslamate",
                f"{self._root}{car.car_id}",
                car.device_id,
                f"the vehicle type refused some of {sorted(values)}",
            )

    def _car(self, host: AdapterHost, car_id: str, topic: str) -> _Car | None:
        car = self._cars.get(car_id)
        if car is not None:
            return car
        if len(self._cars) >= _MAX_CARS:
            self._faults.note("teslamate", topic, None, f"more than {_MAX_CARS} cars")
            return None
        device_id = device_id_for(car_id)
        existing = host.registry.find_device(device_id)
        if existing is not None and existing.adapter != self._adapter:
            self._faults.note("teslamate", topic, device_id, f"id taken by {existing.adapter}")
            return None
        # A car is a space that moves: its own vehicle space, tracked by the car device.
        space_id = device_id
        if not any(s.id == space_id for s in host.registry.spaces()):
            zone = host.registry.space(self._fallback_space).timezone
            host.add_space(
                Space(
                    space_id,
                    f"Tesla {car_id}",
                    SpaceKind.VEHICLE,
                    timezone=zone,
                    tracker_device_id=device_id,
                )
            )
        if existing is None:
            try:
                host.add_device(
                    Device(
                        device_id,
                        f"Tesla {car_id}",
                        device_type("vehicle"),
                        space_id,
                        self._adapter,
                        model="teslamate",
                    )
                )
            except OrbitHubError as exc:
                self._faults.note("teslamate", topic, device_id, str(exc))
                return None
            host.set_online(device_id, True)
        car = _Car(car_id, device_id)
        self._cars[car_id] = car
        self._by_device[device_id] = car
        return car

    def _rename(self, host: AdapterHost, car: _Car, name: str) -> None:
        if not name:
            return
        name = name[:100]
        device = host.registry.find_device(car.device_id)
        if device is not None and device.name != name:
            host.add_device(dataclasses.replace(device, name=name), replace=True)
        if device is not None:
            space = host.registry.space(device.space_id)
            if space.kind is SpaceKind.VEHICLE and space.name != name:
                host.add_space(dataclasses.replace(space, name=name), replace=True)
