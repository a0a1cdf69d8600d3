"""A device's report of a command's effect names the command as its cause, even when late."""

from __future__ import annotations

from orbithub.core.clock import ManualClock
from orbithub.core.context import DEVICE_CONTEXT, Context, Link, Origin
from orbithub.core.echoes import ECHO_WINDOW
from orbithub.core.events import HubEvent, PropertyChanged
from orbithub.core.hub import Hub

from .conftest import RecordingAdapter


def changes(hub: Hub) -> list[PropertyChanged]:
    seen: list[PropertyChanged] = []

    def on_event(event: HubEvent) -> None:
        if isinstance(event, PropertyChanged):
            seen.append(event)

    hub.bus.listen(on_event)
    return seen


async def test_a_late_report_of_the_written_value_carries_the_command_chain(
    hub: Hub, clock: ManualClock, adapter: RecordingAdapter
) -> None:
    adapter.confirm = False  # the device replies now and reports later
    seen = changes(hub)
    chain = (Link("evening", clock.now()),)
    command = Context(Origin.AUTOMATION, "evening", chain=chain)
    await hub.set("lamp", "light.brightness", 40, context=command)
    await clock.advance(1.0)
    hub.report("lamp", "light.brightness", 40)
    (echo,) = seen
    assert echo.context.origin is Origin.DEVICE
    assert echo.context.parent_id == command.id
    assert echo.context.chain == chain


async def test_other_values_and_reports_after_the_window_are_the_device_own(
    hub: Hub, clock: ManualClock, adapter: RecordingAdapter
) -> None:
    adapter.confirm = False
    seen = changes(hub)
    command = Context(Origin.AUTOMATION, "evening", chain=(Link("evening", clock.now()),))
    await hub.set("lamp", "light.brightness", 40, context=command)
    hub.report("lamp", "light.brightness", 70)  # a person's hand, not the command
    await hub.set("lamp", "light.on", True, context=command)
    await clock.advance(ECHO_WINDOW + 1)
    hub.report("lamp", "light.on", True)  # too late to be that command's effect
    assert [e.context for e in seen] == [DEVICE_CONTEXT, DEVICE_CONTEXT]


async def test_a_matched_command_is_used_once(
    hub: Hub, clock: ManualClock, adapter: RecordingAdapter
) -> None:
    adapter.confirm = False
    seen = changes(hub)
    command = Context(Origin.USER, "alex")
    await hub.set("lamp", "light.on", True, context=command)
    hub.report("lamp", "light.on", True)
    hub.report("lamp", "light.on", False)
    hub.report("lamp", "light.on", True)  # switched back by hand: not the command again
    assert [e.context.parent_id for e in seen] == [command.id, None, None]


async def test_any_change_shortly_after_an_action_is_its_effect(
    hub: Hub, clock: ManualClock, adapter: RecordingAdapter
) -> None:
    seen = changes(hub)
    command = Context(Origin.AUTOMATION, "flip", chain=(Link("flip", clock.now()),))
    await hub.call("lamp", "light.toggle", context=command)
    await clock.advance(0.5)
    hub.report("lamp", "light.on", True)
    (echo,) = seen
    assert echo.context.parent_id == command.id
    assert echo.context.chain == command.chain


async def test_a_write_of_the_value_held_is_no_cause_of_a_later_change(
    hub: Hub, clock: ManualClock, adapter: RecordingAdapter
) -> None:
    adapter.confirm = False
    hub.report("lamp", "light.on", True)
    seen = changes(hub)
    automation = Context(Origin.AUTOMATION, "keep-on", chain=(Link("keep-on", clock.now()),))
    await hub.set("lamp", "light.on", True, context=automation)  # on already: nothing to report
    hub.report("lamp", "light.on", False)  # a person switches it off ...
    hub.report("lamp", "light.on", True)  # ... and on again, by hand
    assert [e.context for e in seen] == [DEVICE_CONTEXT, DEVICE_CONTEXT]
