"""One Xiaomi device in the running hub: its polling loop and the commands sent to it.

The loop asks the device for every readable property at the pace :class:`Pacer` sets, and
reports to the hub only what changed. A device that stays silent becomes unavailable and is
asked again (less and less often) until it answers; a device that answers with errors keeps
its last good state, and a property it says it cannot read is no longer asked for. Commands are
checked against the device's spec before a packet leaves, and the device's answer decides
whether they succeeded; the effect is seen by the poll that follows soon after.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass

from orbithub.adapters.miio.client import MAX_BATCH, MiioClient
from orbithub.adapters.miio.client_types import Timing
from orbithub.adapters.miio.errors import MiioError, NoAnswer, NoSuchProperty, NotReadable
from orbithub.adapters.miio.packet import Token
from orbithub.adapters.miio.polling import Pacer, PollPolicy
from orbithub.adapters.miio.tokens import XiaomiDevice
from orbithub.core.adapter import AdapterHost, CallAction, CommandResult, SetProperty
from orbithub.core.registry import Device
from orbithub.spec.errors import SpecError
from orbithub.spec.formats import check_write
from orbithub.spec.model import Value

__all__ = ["Link", "LinkState"]

_LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class LinkState:
    """How the hub's conversation with one device goes (for listings; no token).

    Attributes:
        online: whether it answered its last poll (None before the first).
        interval: seconds between polls now.
        polls: polls sent.
        silent: polls it did not answer.
        refused: properties or calls it answered with an error.
        last_error: the latest of those errors, in words.
    """

    online: bool | None
    interval: float
    polls: int
    silent: int
    refused: int
    last_error: str


class Link:
    """The hub's side of one added device while the hub runs. Loop only.

    Args:
        record: the device as added (address, token).
        device: its record in the hub.
        host: where reports go.
        policy: the polling rhythm.
        timing: how long one request may take.
        now: the loop's clock (seconds); network pacing is real time even when the hub's
            clock runs fast (the demo), because the devices are.
    """

    def __init__(
        self,
        record: XiaomiDevice,
        device: Device,
        host: AdapterHost,
        *,
        policy: PollPolicy,
        timing: Timing | None,
        now: Callable[[], float],
    ) -> None:
        self.record = record
        self.device = device
        self._host = host
        self._now = now
        self._client = MiioClient(
            record.host, Token.from_hex(record.token), port=record.port, timing=timing
        )
        self._pacer = Pacer(policy, now())
        self._wake = asyncio.Event()
        self._readable = [(p.siid, p.iid) for p in device.spec.properties() if p.readable]
        self._last: dict[str, Value] = {}
        self._online: bool | None = None
        self._polls = self._silent = self._refused = 0
        self._last_error = ""

    def state(self) -> LinkState:
        """How the conversation goes."""
        return LinkState(
            self._online,
            self._pacer.interval,
            self._polls,
            self._silent,
            self._refused,
            self._last_error,
        )

    async def open(self) -> None:
        """Open the socket (before :meth:`run` and any command)."""
        await self._client.open()

    async def run(self) -> None:
        """Poll until cancelled (the adapter cancels it when the device goes or the hub stops)."""
        try:
            while True:
                now = self._now()
                due = self._pacer.next_poll(now)
                if due > now:
                    self._wake.clear()
                    with contextlib.suppress(TimeoutError):
                        async with asyncio.timeout(due - now):
                            await self._wake.wait()
                    continue  # a command may have asked for an earlier poll
                await self.poll()
        finally:
            await self._client.close()

    async def close(self) -> None:
        """Close the socket (after the loop was cancelled; a command may have opened it)."""
        await self._client.close()

    async def poll(self) -> None:
        """Ask for every readable property once and report what changed."""
        self._polls += 1
        self._pacer.spend(self._now(), max(1, -(-len(self._readable) // MAX_BATCH)))
        answered, changed = True, False
        try:
            if not self._readable:
                # Nothing left to read (the device refused it all): hello still says it is there.
                await self._client.hello()
            results = await self._client.get_properties(self._readable)
        except NoAnswer:
            answered = False
            self._silent += 1
        except MiioError as exc:
            # It answered, with an error for the whole call: keep the last good state.
            self._note_refusal(f"the device refused to report its state: {exc}")
        else:
            fresh: dict[str, object] = {}
            for result in results:
                address = f"{result.siid}.{result.piid}"
                error = result.error
                if error is not None:
                    self._note_refusal(str(error))
                    if isinstance(error, NotReadable | NoSuchProperty):
                        # Asking again only spends the device's budget.
                        self._readable.remove((result.siid, result.piid))
                    continue
                value = result.value
                if value is None:
                    continue
                old = self._last.get(address)
                if old is None or old != value or type(old) is not type(value):
                    fresh[address] = value
                    self._last[address] = value
            if fresh:
                changed = True
                self._host.report_many(self.device.id, fresh)
        self._pacer.polled(self._now(), answered=answered, changed=changed)
        self._announce(self._pacer.online if not answered else True)

    def _announce(self, online: bool) -> None:
        if online != self._online:
            self._online = online
            self._host.set_online(self.device.id, online)
            if online:
                _LOGGER.info("Xiaomi device %s answers (%s)", self.device.id, self.record.address)
            else:
                _LOGGER.warning(
                    "Xiaomi device %s at %s stopped answering; it is unavailable until it does",
                    self.device.id,
                    self.record.address,
                )

    def _note_refusal(self, text: str) -> None:
        self._refused += 1
        if text != self._last_error:
            _LOGGER.warning("Xiaomi device %s: %s", self.device.id, text)
        self._last_error = text

    async def send(self, command: SetProperty | CallAction) -> CommandResult:
        """Check ``command`` against the device's spec, send it, and say what the device said.

        Raises:
            SpecError: the command does not fit the device's spec (nothing was sent).
        """
        self._pacer.spend(self._now())
        try:
            if isinstance(command, SetProperty):
                result = await self._set(command)
            else:
                result = await self._call(command)
        except NoAnswer as exc:
            return CommandResult(False, message=f"{self.device.name} did not answer: {exc}")
        except MiioError as exc:
            self._note_refusal(str(exc))
            return CommandResult(False, message=f"{self.device.name} refused it: {exc}")
        self._pacer.commanded(self._now())
        self._wake.set()
        return result

    async def _set(self, command: SetProperty) -> CommandResult:
        prop = self.device.spec.find_property(command.prop.path)
        if prop is None or (prop.siid, prop.iid) != (command.prop.siid, command.prop.iid):
            raise SpecError(f"{self.device.id} has no property {command.prop.path}")
        value = check_write(prop, command.value)
        (answer,) = await self._client.set_properties([(prop.siid, prop.iid, value)])
        error = answer.error
        if error is not None:
            self._note_refusal(str(error))
            return CommandResult(False, message=f"{self.device.name} refused {prop.path}: {error}")
        return CommandResult(True)

    async def _call(self, command: CallAction) -> CommandResult:
        spec = self.device.spec
        action = spec.action(command.action.path)  # raises UnknownAction (a SpecError)
        if action.ids != command.action.ids:
            raise SpecError(f"{self.device.id} has no action {command.action.ids}")
        given = {prop.iid: value for prop, value in command.arguments}
        if set(given) != set(action.in_):
            raise SpecError(
                f"{action.path} takes the arguments {list(action.in_)}, not {sorted(given)}"
            )
        args = [given[piid] for piid in action.in_]
        answer = await self._client.action(action.siid, action.iid, args)
        service = spec.service(action.siid)
        outputs: dict[str, Value] = {}
        for piid, value in zip(action.out, answer.out, strict=False):
            prop = service.property(piid) if service is not None else None
            if prop is not None:
                outputs[prop.path] = value
        return CommandResult(True, outputs=outputs)
