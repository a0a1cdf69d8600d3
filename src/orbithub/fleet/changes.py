"""What a worker tells the gateways after each commit: the changes it applied, per home.

Subject ``fleet.changes.<home>`` on core NATS (not stored: the database is the record, and a
gateway that missed a message reads the home's state from it). Payload, JSON::

    {"home": "villa-7", "changes": [
        {"device": "lamp", "prop": "light.on", "value": true,
         "ts": 1765100000.25, "seq": 1234}]}

``ts`` is the device's time in epoch seconds, ``seq`` the stream sequence of the message that
carried the change. A change is published only after its transaction committed and only if it
became the property's current value (an older reading that arrived late is in history but is not
published), so a gateway may apply every change it receives in order.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import orjson

from orbithub.fleet.errors import FleetError
from orbithub.storage.fleet import FleetChange

__all__ = ["CHANGES_PREFIX", "changes_subject", "decode_changes", "encode_changes"]

CHANGES_PREFIX = "fleet.changes"
_MAX_PAYLOAD = 1024 * 1024


def changes_subject(home: str) -> str:
    """The core NATS subject a home's changes are published on (``fleet.changes.<home>``)."""
    return f"{CHANGES_PREFIX}.{home}"


def encode_changes(home: str, changes: Sequence[FleetChange]) -> bytes:
    """The payload announcing ``changes`` (all of ``home``)."""
    return orjson.dumps(
        {
            "home": home,
            "changes": [
                {
                    "device": c.device,
                    "prop": c.prop,
                    "value": c.value,
                    "ts": c.ts.timestamp(),
                    "seq": c.seq,
                }
                for c in changes
            ],
        }
    )


def decode_changes(payload: bytes) -> list[FleetChange]:
    """The changes of a ``fleet.changes.<home>`` payload.

    Raises:
        FleetError: the payload is malformed.
    """
    if len(payload) > _MAX_PAYLOAD:
        raise FleetError(f"changes payload of {len(payload)} bytes is over {_MAX_PAYLOAD}")
    try:
        data: Any = orjson.loads(payload)
        home = data["home"]
        return [
            FleetChange(
                home,
                item["device"],
                item["prop"],
                item["value"],
                datetime.fromtimestamp(float(item["ts"]), UTC),
                int(item["seq"]),
            )
            for item in data["changes"]
        ]
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError, OverflowError) as exc:
        raise FleetError(f"malformed changes payload: {exc!r:.200}") from None
