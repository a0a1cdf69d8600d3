"""Typed, checked access to one expanded Home Assistant component config (the JSON edge).

Every read names the key and the discovery topic when the value has the wrong type, so a bad
discovery message produces one clear :class:`DiscoveryError` instead of a crash deep inside a
mapping.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from orbithub.adapters.mqtt.codecs import Codec, WireScalar
from orbithub.adapters.mqtt.mapping import DiscoveryError, Reader
from orbithub.adapters.mqtt.templates import simple_json_key

__all__ = ["HaConfig", "literal_template"]


def literal_template(text: str) -> str:
    """A template that prints ``text`` unchanged (for a fixed payload beside a template)."""
    return "{% raw %}" + text.replace("{% endraw %}", "") + "{% endraw %}"


@dataclass(frozen=True, slots=True)
class HaConfig:
    """One component's config with abbreviations and ``~`` already expanded.

    Attributes:
        topic: the discovery topic (named in every error).
        component: the HA component (``light``, ``sensor``...).
        data: the raw JSON object.
    """

    topic: str
    component: str
    data: Mapping[str, Any]

    def _error(self, key: str, expected: str) -> DiscoveryError:
        return DiscoveryError(
            self.topic, f"{self.component} key {key!r} must be {expected}, got {self.data[key]!r}"
        )

    def has(self, key: str) -> bool:
        """Whether ``key`` is present with a non-null value."""
        return self.data.get(key) is not None

    def text(self, key: str, default: str | None = None) -> str | None:
        """A string option; numbers are accepted as their text (HA coerces them too)."""
        value = self.data.get(key)
        if value is None:
            return default
        if isinstance(value, str):
            return value
        if isinstance(value, bool | int | float):
            return str(value)
        raise self._error(key, "a string")

    def required(self, key: str) -> str:
        """A string option that must be present and non-empty.

        Raises:
            DiscoveryError: it is missing or empty.
        """
        value = self.text(key)
        if not value:
            raise DiscoveryError(self.topic, f"{self.component} needs {key!r}, which is missing")
        return value

    def payload(self, key: str, default: WireScalar) -> WireScalar:
        """A payload option: kept as sent (zigbee2mqtt uses JSON ``true``/``false``)."""
        value = self.data.get(key)
        if value is None:
            return default
        if isinstance(value, str | bool | int | float):
            return value
        raise self._error(key, "a string, number or boolean")

    def number(self, key: str, default: float) -> float:
        """A numeric option; numeric strings (``"30"``, as zigbee2mqtt sends) are accepted."""
        value = self.data.get(key)
        if value is None:
            return default
        try:
            if isinstance(value, bool):
                raise TypeError
            number = float(value)
        except (TypeError, ValueError):
            raise self._error(key, "a number") from None
        if not math.isfinite(number):
            raise self._error(key, "a finite number")
        return number

    def flag(self, key: str, default: bool) -> bool:
        """A boolean option."""
        value = self.data.get(key)
        if value is None:
            return default
        if isinstance(value, bool):
            return value
        raise self._error(key, "true or false")

    def texts(self, key: str) -> tuple[str, ...]:
        """A list of strings (options, modes, effect list); empty when absent."""
        value = self.data.get(key)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self._error(key, "a list of strings")
        return tuple(value)

    def reader(self, topic_key: str, template_key: str | None, codec: Codec) -> Reader | None:
        """A reader for ``topic_key`` through the template at ``template_key``; None without topic.

        A template that only prints one JSON key becomes a key lookup (same result, no Jinja
        on the hot path).
        """
        topic = self.text(topic_key)
        if not topic:
            return None
        template = self.text(template_key) if template_key else None
        if template:
            key = simple_json_key(template)
            if key is not None:
                return Reader(topic, codec, None, (key,))
        return Reader(topic, codec, template or None)
