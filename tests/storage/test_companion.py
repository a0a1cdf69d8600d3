"""Companion storage: phone tokens, push subscriptions, notifications with read state, Wi-Fi."""

from __future__ import annotations

import sqlalchemy as sa

from orbithub.storage import Database
from orbithub.storage import companion as store
from orbithub.storage.tables import companion_phones

T0 = 1_700_000_000.0


async def test_a_phone_token_authenticates_until_revoked_and_only_its_digest_is_kept(
    db: Database,
) -> None:
    token = await store.register_phone(
        db, device_id="phone-alex-1", username="alex", space_id="home", now=T0
    )
    assert token.startswith(store.TOKEN_PREFIX)
    phone = await store.phone_for_token(db, token)
    assert phone is not None
    assert (phone.device_id, phone.username, phone.space_id) == ("phone-alex-1", "alex", "home")
    async with db.engine.connect() as conn:
        stored = (await conn.execute(sa.select(companion_phones.c.token_hash))).scalar_one()
    assert token not in stored
    assert len(stored) == 64
    assert await store.phone_for_token(db, token + "x") is None
    assert await store.phone_for_token(db, "not-even-a-token") is None
    await store.touch_phone(db, "phone-alex-1", now=T0 + 5)
    assert (await store.get_phone(db, "phone-alex-1")) is not None
    assert [p.last_report_at for p in await store.list_phones(db, "alex")] == [T0 + 5]
    assert await store.revoke_phone(db, "phone-alex-1", now=T0 + 10)
    assert not await store.revoke_phone(db, "phone-alex-1", now=T0 + 11)
    assert await store.phone_for_token(db, token) is None


async def test_registering_again_replaces_the_token(db: Database) -> None:
    first = await store.register_phone(db, device_id="p", username="mei", space_id="home", now=T0)
    await store.revoke_phone(db, "p", now=T0 + 1)
    second = await store.register_phone(db, device_id="p", username="mei", space_id="home", now=T0)
    assert first != second
    assert await store.phone_for_token(db, first) is None
    assert await store.phone_for_token(db, second) is not None
    assert len(await store.list_phones(db)) == 1


async def test_subscriptions_per_user_keyed_by_endpoint(db: Database) -> None:
    await store.save_subscription(
        db, username="alex", endpoint="https://push.example/1", p256dh="k1", auth="a1", now=T0
    )
    await store.save_subscription(
        db, username="mei", endpoint="https://push.example/2", p256dh="k2", auth="a2", now=T0
    )
    # The same browser subscribes again, now signed in as Mei: the endpoint moves to her.
    await store.save_subscription(
        db, username="mei", endpoint="https://push.example/1", p256dh="k3", auth="a3", now=T0 + 1
    )
    assert await store.subscriptions_of(db, ["alex"]) == []
    mei = await store.subscriptions_of(db, {"mei", "nobody"})
    assert sorted((s.endpoint, s.p256dh) for s in mei) == [
        ("https://push.example/1", "k3"),
        ("https://push.example/2", "k2"),
    ]
    assert not await store.delete_subscription(db, "https://push.example/1", username="alex")
    assert await store.delete_subscription(db, "https://push.example/1", username="mei")
    assert await store.delete_subscription(db, "https://push.example/2")
    assert await store.subscriptions_of(db, ["mei"]) == []
    assert await store.subscriptions_of(db, []) == []


async def _add(db: Database, title: str, *, tag: str = "", time: float = T0, **kw: object) -> int:
    fields: dict[str, object] = {
        "space_id": "home",
        "message": f"{title}!",
        "severity": "info",
        "recipients": ("alex", "mei"),
    }
    fields.update(kw)
    new_id, _ = await store.add_notification(db, title=title, tag=tag, time=time, **fields)  # type: ignore[arg-type]
    return new_id


async def test_notifications_have_a_read_state_per_recipient(db: Database) -> None:
    first = await _add(db, "Washer done", time=T0)
    second = await _add(db, "Door open", time=T0 + 60, severity="warning")
    alex = await store.notifications_for(db, "alex")
    assert [(n.id, n.title) for n in alex] == [(second, "Door open"), (first, "Washer done")]
    assert await store.mark_read(db, first, "alex", now=T0 + 100)
    assert await store.mark_read(db, first, "alex", now=T0 + 200)  # the first read time stays
    assert not await store.mark_read(db, first, "nobody", now=T0)
    assert not await store.mark_read(db, 999_999, "alex", now=T0)
    [read] = [n for n in await store.notifications_for(db, "alex") if n.id == first]
    assert read.read_at == T0 + 100
    assert [n.id for n in await store.notifications_for(db, "alex", unread_only=True)] == [second]
    assert len(await store.notifications_for(db, "mei", unread_only=True)) == 2
    assert [n.id for n in await store.notifications_for(db, "mei", since=T0 + 1)] == [second]
    assert await store.notifications_for(db, "mei", space_ids=["office"]) == []
    assert len(await store.notifications_for(db, "mei", limit=1)) == 1


async def test_a_tag_replaces_the_earlier_notification_in_that_space(db: Database) -> None:
    old = await _add(db, "Door open 5 min", tag="door")
    other = await _add(db, "Door open at the office", tag="door", space_id="office")
    await store.mark_read(db, old, "alex", now=T0 + 1)
    new_id, replaced = await store.add_notification(
        db,
        space_id="home",
        title="Door open 10 min",
        message="",
        severity="warning",
        tag="door",
        time=T0 + 300,
        recipients=["alex"],
    )
    assert replaced == (old,)
    alex = await store.notifications_for(db, "alex")
    assert sorted(n.id for n in alex) == sorted([new_id, other])
    assert [n.read_at for n in alex if n.id == new_id] == [None]
    # Mei was not a recipient of the replacement, so the home one is gone from her list.
    assert [n.id for n in await store.notifications_for(db, "mei")] == [other]


async def test_old_notifications_are_purged(db: Database) -> None:
    await _add(db, "ancient", time=T0)
    keep = await _add(db, "recent", time=T0 + 1000)
    assert await store.purge_notifications(db, before=T0 + 500) == 1
    assert await store.purge_notifications(db, before=T0 + 500) == 0
    assert [n.id for n in await store.notifications_for(db, "alex")] == [keep]


async def test_wifi_networks_per_space(db: Database) -> None:
    assert await store.wifi_networks(db) == {}
    await store.set_wifi_networks(db, "home", ["OrbitHome", "OrbitHome-5G"])
    await store.set_wifi_networks(db, "office", ["Office-Staff"])
    await store.set_wifi_networks(db, "office", [])
    assert await store.wifi_networks(db) == {"home": ("OrbitHome", "OrbitHome-5G")}


async def test_ids_are_never_reused_after_a_replacement_or_purge(db: Database) -> None:
    first = await _add(db, "one", tag="t")
    second = await _add(db, "two", tag="t")  # replaces the first, the only row
    assert second > first
    await store.purge_notifications(db, before=T0 + 1)
    assert await _add(db, "three", time=T0 + 2) > second
