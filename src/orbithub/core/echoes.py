"""Recent commands per device, so a device's later report of their effect names its cause.

Devices report a change some time after they accept a command (a plug at once, a charger a
second later, a cloud-bridged lamp later still). The hub remembers each command it sent for a
short window; a reported change that matches one (the value a ``set`` wrote, or any change of
a device shortly after an action ran on it) is published with a context derived from that
command's: the same chain of automation runs, and the command as its parent. That is how the
automation engine sees two automations feeding each other through devices, and how a service
tells the late echo of its own command from a person's hand.

Memory is bounded: entries older than the window are dropped as new ones arrive, and each
device property keeps only its last few commands.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from orbithub.core.context import Context, Origin
from orbithub.spec.model import Value

__all__ = ["ECHO_WINDOW", "RecentCommands"]

ECHO_WINDOW = 5.0
"""Seconds after a command during which a matching report counts as its effect."""

_PER_KEY = 4
_ANY = ""
"""The path under which an action is kept: it may change any property of its device."""


@dataclass(frozen=True, slots=True)
class _Sent:
    time: float
    value: Value | None
    context: Context


class RecentCommands:
    """The commands of the last ``window`` seconds, by device and property. Loop only.

    Args:
        window: how long a command may wait for its report.
    """

    def __init__(self, window: float = ECHO_WINDOW) -> None:
        self.window = window
        self._sent: dict[tuple[str, str], deque[_Sent]] = {}
        self._order: deque[tuple[float, tuple[str, str]]] = deque()

    def __bool__(self) -> bool:
        return bool(self._sent)

    def set(
        self,
        device_id: str,
        path: str,
        value: Value,
        held: Value | None,
        context: Context,
        now: float,
    ) -> None:
        """A command writes ``value`` to ``path`` of ``device_id``, which holds ``held`` now.

        A write of the value already held, with no other write on its way, changes nothing a
        device would report; kept, it could be taken for the cause of someone else's change a
        moment later, so it is not kept.
        """
        key = (device_id, path)
        if value == held and type(value) is type(held):
            self._expire(now)
            if key not in self._sent:
                return
        self._add(key, _Sent(now, value, context), now)

    def call(self, device_id: str, context: Context, now: float) -> None:
        """A command runs an action of ``device_id``."""
        self._add((device_id, _ANY), _Sent(now, None, context), now)

    def _add(self, key: tuple[str, str], sent: _Sent, now: float) -> None:
        self._expire(now)
        entries = self._sent.get(key)
        if entries is None:
            entries = self._sent[key] = deque(maxlen=_PER_KEY)
        entries.append(sent)
        self._order.append((now, key))

    def _expire(self, now: float) -> None:
        horizon = now - self.window
        order = self._order
        while order and order[0][0] < horizon:
            _, key = order.popleft()
            entries = self._sent.get(key)
            if entries is None:
                continue
            while entries and entries[0].time < horizon:
                entries.popleft()
            if not entries:
                del self._sent[key]

    def cause(self, device_id: str, path: str, value: Value, now: float) -> Context | None:
        """The context of a reported change: derived from the command it echoes, or None.

        A ``set`` is matched by the value it wrote: the oldest such command not yet matched,
        since a device reports its commands' effects in the order it took them, and used up
        by the match, so a person switching the same value back later is not taken for it.
        Failing that, an action run on the device within the window is the cause. The hub
        asks for unchanged reports too, so a confirmation uses up its command.
        """
        if not self._sent:
            return None
        self._expire(now)
        entries = self._sent.get((device_id, path))
        if entries:
            for index, sent in enumerate(entries):
                if sent.value == value and type(sent.value) is type(value):
                    del entries[index]
                    if not entries:
                        del self._sent[(device_id, path)]
                    return _derived(device_id, sent.context)
        actions = self._sent.get((device_id, _ANY))
        if actions:
            return _derived(device_id, actions[-1].context)
        return None


def _derived(device_id: str, command: Context) -> Context:
    return Context(Origin.DEVICE, device_id, command.id, chain=command.chain)
