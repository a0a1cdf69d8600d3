"""Role and grant rules, for any mix of grants (hypothesis) over the demo world's devices."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from orbithub.access import Principal, is_security_device
from orbithub.adapters.sim import demo_world
from orbithub.storage.users import Grant, Role, User

WORLD = demo_world()
ROOMS = [r.id for r in WORLD.rooms]
DEVICES = [d.id for d in WORLD.devices]
SPACES = [s.id for s in WORLD.spaces]
NOW = 1_800_000_000.0


def _ids(options: list[str]) -> st.SearchStrategy[tuple[str, ...] | None]:
    return st.none() | st.lists(st.sampled_from(options), max_size=4).map(tuple)


grants = st.lists(
    st.builds(
        Grant,
        id=st.uuids().map(str),
        user_id=st.just("u"),
        space_id=st.sampled_from(SPACES),
        room_ids=_ids(ROOMS),
        device_ids=_ids(DEVICES),
        expires_at=st.none() | st.sampled_from([NOW - 1, NOW + 1]),
        created_at=st.just(0.0),
    ),
    max_size=4,
)


def _principal(role: Role, given_grants: list[Grant]) -> Principal:
    user = User("u", "someone", "Someone", role, "en", "x", 0.0)
    return Principal.build(user, given_grants, now=NOW)


@settings(max_examples=200, deadline=None)
@given(role=st.sampled_from(list(Role)), given_grants=grants)
def test_rules_hold_for_any_grants(role: Role, given_grants: list[Grant]) -> None:
    principal = _principal(role, given_grants)
    active = [g for g in given_grants if g.expires_at is None or g.expires_at > NOW]
    for device in WORLD.devices:
        controls = principal.can_control_device(device)
        sees = principal.can_view_device(device)
        assert not controls or sees  # nobody controls what they cannot see
        if role is Role.OWNER:
            assert controls
            continue
        in_scope = any(
            g.space_id == device.space_id
            and (
                (g.room_ids is None and g.device_ids is None)
                or device.id in (g.device_ids or ())
                or (device.room_id is not None and device.room_id in (g.room_ids or ()))
            )
            for g in active
        )
        named = any(
            g.space_id == device.space_id and device.id in (g.device_ids or ()) for g in active
        )
        if device.owner is not None and device.owner != principal.username:
            assert sees == named  # another person's phone only when a grant names it
        else:
            assert sees == in_scope  # expired grants count for nothing
        if role in (Role.CHILD, Role.GUEST) and is_security_device(device):
            assert controls == (sees and named)
        else:
            assert controls == sees


def test_a_whole_home_grant_does_not_follow_another_persons_phone() -> None:
    home = Grant("g", "u", "home", None, None, None, 0.0)
    mei = Principal.build(User("u", "mei", "Mei", Role.ADULT, "en", "x", 0.0), [home], now=NOW)
    phones = {d.id: d for d in WORLD.devices if d.owner is not None}
    assert mei.can_view_device(phones["phone-mei"])
    assert not mei.can_view_device(phones["phone-alex"])
    named = Grant("n", "u", "home", None, ("phone-alex",), None, 0.0)
    trusted = Principal.build(
        User("u", "mei", "Mei", Role.ADULT, "en", "x", 0.0), [home, named], now=NOW
    )
    assert trusted.can_view_device(phones["phone-alex"])


def test_integration_token_limit_narrows_an_owner() -> None:
    user = User("u", "alex", "Alex", Role.OWNER, "en", "x", 0.0)
    principal = Principal.build(user, [], now=NOW, space_limit=frozenset({"office"}))
    lock = next(d for d in WORLD.devices if d.id == "front-door-lock")
    office_ac = next(d for d in WORLD.devices if d.id == "office-ac")
    assert not principal.can_view_device(lock)
    assert principal.can_control_device(office_ac)
