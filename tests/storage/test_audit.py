"""The audit log: append, read newest first, filter by time and space."""

from __future__ import annotations

from orbithub.storage.audit import read_audit, write_audit
from orbithub.storage.db import Database

T0 = 1_700_000_000.0


async def test_audit_round_trip_and_filters(db: Database) -> None:
    await write_audit(
        db, actor="alex", action="user.create", target="leo", detail={"role": "child"}, time=T0
    )
    await write_audit(
        db,
        actor="leo",
        action="device.set",
        target="front-door-lock/lock.locked",
        space_id="home",
        result="forbidden",
        time=T0 + 1,
    )
    await write_audit(
        db, actor="mei", action="device.set", target="office-ac/x", space_id="office", time=T0 + 2
    )
    everything = await read_audit(db)
    assert [e.actor for e in everything] == ["mei", "leo", "alex"]
    assert everything[2].detail == {"role": "child"}
    assert everything[1].result == "forbidden"
    home = await read_audit(db, space_ids={"home"}, include_hub_wide=False)
    assert [e.actor for e in home] == ["leo"]
    home_and_hub = await read_audit(db, space_ids={"home"})
    assert [e.actor for e in home_and_hub] == ["leo", "alex"]
    recent = await read_audit(db, since=T0 + 1, limit=1)
    assert [e.actor for e in recent] == ["mei"]


async def test_long_texts_are_clipped_not_refused(db: Database) -> None:
    await write_audit(db, actor="a" * 500, action="b" * 500, target="c" * 500, time=T0)
    entry = (await read_audit(db))[0]
    assert len(entry.actor) == 200
    assert len(entry.target) == 300
