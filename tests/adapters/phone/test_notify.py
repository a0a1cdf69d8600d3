"""The notification centre: recipients, the live message, Web Push, and gone subscriptions."""

from __future__ import annotations

import asyncio
from collections.abc import Collection, Sequence

import pytest

from orbithub.adapters.phone import (
    DeviceOwners,
    NewNotice,
    NotificationCentre,
    PushOutcome,
    PushTarget,
    VapidKeys,
    WebPush,
)
from orbithub.core.clock import ManualClock
from orbithub.core.context import Context, Origin
from orbithub.core.events import HubEvent, NotificationRequested, UserMessage
from orbithub.core.hub import Hub
from orbithub.core.registry import Device, Space
from orbithub.core.tasks import task_scope
from orbithub.spec.library import device_type
from tests.adapters.phone.push_server import push_server


class MemoryStore:
    """Keeps notices and subscriptions in lists; ``fail`` makes storing raise."""

    def __init__(self) -> None:
        self.notices: list[tuple[int, NewNotice]] = []
        self.targets: list[PushTarget] = []
        self.fail = False

    async def store_notice(self, notice: NewNotice) -> tuple[int, tuple[int, ...]]:
        if self.fail:
            raise OSError("disk full")
        key = (notice.space_id, notice.tag)
        replaced = tuple(i for i, n in self.notices if notice.tag and (n.space_id, n.tag) == key)
        self.notices = [(i, n) for i, n in self.notices if i not in replaced]
        new_id = len(self.notices) + len(replaced) + 1
        self.notices.append((new_id, notice))
        return new_id, replaced

    async def push_targets(self, usernames: Collection[str]) -> Sequence[PushTarget]:
        return [t for t in self.targets if t.username in usernames]

    async def drop_push_target(self, endpoint: str) -> None:
        self.targets = [t for t in self.targets if t.subscription.endpoint != endpoint]


def make_hub() -> Hub:
    hub = Hub(clock=ManualClock())
    hub.add_space(Space("home", "Home"))
    hub.add_space(Space("office", "Office"))
    phone = device_type("phone")
    hub.add_device(Device("phone-alex", "A", phone, "home", "phone", owner="alex"))
    hub.add_device(Device("phone-mei", "M", phone, "home", "phone", owner="mei"))
    return hub


def request(
    hub: Hub, *recipients: str, tag: str = "", severity: str = "warning", space: str = "home"
) -> NotificationRequested:
    return NotificationRequested(
        hub.bus.next_seq(),
        hub.now(),
        space,
        recipients,
        "Front door open",
        "The front door has been open for 10 minutes.",
        severity,
        tag,
        Context(Origin.AUTOMATION, "door-watch"),
    )


def live(hub: Hub) -> list[UserMessage]:
    seen: list[UserMessage] = []

    def keep(event: HubEvent) -> None:
        if isinstance(event, UserMessage):
            seen.append(event)

    hub.bus.listen(keep)
    return seen


async def test_a_notification_is_stored_shown_live_and_pushed_to_each_phone() -> None:
    hub = make_hub()
    messages = live(hub)
    store = MemoryStore()
    async with push_server() as service:
        store.targets = [
            PushTarget("alex", service.subscribe("alex-phone")),
            PushTarget("alex", service.subscribe("alex-laptop")),
            PushTarget("mei", service.subscribe("mei-phone")),
        ]
        push = WebPush(VapidKeys.generate())
        centre = NotificationCentre(hub, store=store, push=push)
        try:
            delivery = await centre.deliver(request(hub, "alex", tag="door-open"))
        finally:
            await push.aclose()
        received = await service.wait_for(2)
    assert service.refused == []
    assert delivery.recipients == ("alex",)
    assert sorted(outcome for _, outcome in delivery.pushed) == [PushOutcome.DELIVERED] * 2
    assert sorted(r.path for r in received) == ["/push/alex-laptop", "/push/alex-phone"]
    body = received[0].payload
    assert body["type"] == "notification"
    assert (body["title"], body["severity"], body["tag"]) == (
        "Front door open",
        "warning",
        "door-open",
    )
    assert body["id"] == delivery.id == 1
    assert received[0].headers["urgency"] == "high"
    [(_, stored)] = store.notices
    assert stored.recipients == ("alex",)
    [message] = messages
    assert (message.kind, message.recipients, message.space_id) == (
        "notification",
        ("alex",),
        "home",
    )
    assert dict(message.payload)["message"] == "The front door has been open for 10 minutes."
    assert message.context.parent_id is not None  # traceable to the automation's request


async def test_no_recipients_means_everyone_who_has_the_space() -> None:
    hub = make_hub()
    messages = live(hub)
    centre = NotificationCentre(hub, store=MemoryStore(), audience=DeviceOwners(hub))
    delivery = await centre.deliver(request(hub))
    assert delivery.recipients == ("alex", "mei")
    assert messages[0].recipients == ("alex", "mei")
    nobody = await centre.deliver(request(hub, space="office"))
    assert (nobody.id, nobody.recipients) == (None, ())
    assert len(messages) == 1


async def test_a_gone_subscription_is_removed_and_the_others_kept() -> None:
    hub = make_hub()
    store = MemoryStore()
    async with push_server() as service:
        keep = service.subscribe("new-phone")
        store.targets = [
            PushTarget("mei", service.subscribe("old-phone", gone=True)),
            PushTarget("mei", keep),
        ]
        push = WebPush(VapidKeys.generate())
        centre = NotificationCentre(hub, store=store, push=push)
        try:
            delivery = await centre.deliver(request(hub, "mei"))
        finally:
            await push.aclose()
    assert sorted(o for _, o in delivery.pushed) == [PushOutcome.DELIVERED, PushOutcome.GONE]
    assert [t.subscription for t in store.targets] == [keep]
    assert centre.outcomes[PushOutcome.GONE] == 1


async def test_a_tag_replaces_the_earlier_notification_in_the_live_message() -> None:
    hub = make_hub()
    messages = live(hub)
    centre = NotificationCentre(hub, store=MemoryStore())
    first = await centre.deliver(request(hub, "alex", tag="door"))
    second = await centre.deliver(request(hub, "alex", tag="door"))
    assert second.replaced == (first.id,)
    assert dict(messages[1].payload)["replaces"] == [first.id]


async def test_a_failing_store_still_shows_the_notification_live(
    caplog: pytest.LogCaptureFixture,
) -> None:
    hub = make_hub()
    messages = live(hub)
    store = MemoryStore()
    store.fail = True
    delivery = await NotificationCentre(hub, store=store).deliver(request(hub, "alex"))
    assert delivery.id is None
    assert dict(messages[0].payload)["id"] is None
    assert "could not store notification" in caplog.text


async def test_requests_on_the_bus_are_delivered_while_running() -> None:
    hub = make_hub()
    store = MemoryStore()
    async with push_server() as service:
        store.targets = [PushTarget("alex", service.subscribe("alex"))]
        push = WebPush(VapidKeys.generate())
        centre = NotificationCentre(hub, store=store, push=push)
        try:
            async with task_scope() as tasks:
                tasks.create_task(centre.run())
                async with asyncio.timeout(5):
                    while not centre.running:  # noqa: ASYNC110 - the task signals nothing else
                        await asyncio.sleep(0)
                hub.bus.publish(request(hub, "alex", severity="nonsense"))
                [got] = await service.wait_for(1)
        finally:
            await push.aclose()
    assert got.payload["severity"] == "info"  # an unknown severity is shown as info
    assert len(store.notices) == 1


async def test_a_long_chinese_notification_is_shortened_to_fit_a_push_but_stored_whole() -> None:
    hub = make_hub()
    store = MemoryStore()
    title = "前门已经打开很长时间了" * 20  # 220 characters, cut to 200 when stored
    message = "请检查前门是否关好。" * 200  # 2,000 characters, 6,000 bytes
    async with push_server() as service:
        store.targets = [PushTarget("mei", service.subscribe("mei"))]
        push = WebPush(VapidKeys.generate())
        try:
            delivery = await NotificationCentre(hub, store=store, push=push).deliver(
                NotificationRequested(
                    hub.bus.next_seq(),
                    hub.now(),
                    "home",
                    ("mei",),
                    title,
                    message,
                    "critical",
                    "door",
                    Context(Origin.AUTOMATION, "door-watch"),
                )
            )
        finally:
            await push.aclose()
        [got] = await service.wait_for(1)
    assert delivery.pushed[0][1] is PushOutcome.DELIVERED
    pushed_message = str(got.payload["message"])
    assert pushed_message.endswith("\u2026")
    assert message.startswith(pushed_message[:-1])
    assert str(got.payload["title"]).startswith("前门已经打开")
    [(_, stored)] = store.notices
    assert stored.message == message  # 2,000 characters: within what is stored
    assert len(stored.title) == 200
