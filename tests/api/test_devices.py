"""Devices over HTTP: state and spec, commands checked against the spec, history, activity."""

from __future__ import annotations

from tests.api.conftest import ApiHarness

AC = "/api/devices/living-room-ac"
TARGET = "air-conditioner.target-temperature"


async def test_device_with_spec(api: ApiHarness) -> None:
    owner = await api.owner()
    answer = await api.client.get(AC, headers=owner.headers)
    assert answer.status_code == 200
    device = answer.json()
    assert device["type"] == "air-conditioner"
    assert device["online"] is True
    assert device["controllable"] is True
    props = {p["path"]: p for s in device["spec"]["services"] for p in s["properties"]}
    assert props[TARGET]["range"] == [16, 31, 0.5]
    assert props[TARGET]["unit"] == "celsius"
    assert sorted(props[TARGET]["access"]) == ["notify", "read", "write"]
    assert TARGET in device["state"]
    vacuum = (await api.client.get("/api/devices/robot-vacuum", headers=owner.headers)).json()
    actions = [a["path"] for s in vacuum["spec"]["services"] for a in s["actions"]]
    assert "vacuum.start-sweep" in actions


async def test_filter_devices_by_room(api: ApiHarness) -> None:
    owner = await api.owner()
    answer = await api.client.get("/api/devices?room_id=kitchen", headers=owner.headers)
    assert {d["id"] for d in answer.json()} == {"kitchen-light", "kettle", "water-heater"}


async def test_set_property(api: ApiHarness) -> None:
    owner = await api.owner()
    answer = await api.client.put(
        f"{AC}/properties/{TARGET}", json={"value": 24.5}, headers=owner.headers
    )
    assert answer.status_code == 200
    assert answer.json()["confirmed"] is True
    assert answer.json()["value"] == 24.5
    assert api.hub.state.value("living-room-ac", TARGET) == 24.5


async def test_out_of_range_value_is_422_with_the_spec_limits_and_changes_nothing(
    api: ApiHarness,
) -> None:
    owner = await api.owner()
    before = api.hub.state.value("living-room-ac", TARGET)
    answer = await api.client.put(
        f"{AC}/properties/{TARGET}", json={"value": 35}, headers=owner.headers
    )
    assert answer.status_code == 422
    body = answer.json()
    assert body["code"] == "value_rejected"
    assert (
        "above the maximum 31 celsius; allowed 16..31 in steps of 0.5 celsius (got 35)"
        in (body["message"])
    )
    assert api.hub.state.value("living-room-ac", TARGET) == before
    off_step = await api.client.put(
        f"{AC}/properties/{TARGET}", json={"value": 22.3}, headers=owner.headers
    )
    assert off_step.status_code == 422
    assert "steps of 0.5" in off_step.json()["message"]
    wrong_type = await api.client.put(
        f"{AC}/properties/air-conditioner.on", json={"value": "yes"}, headers=owner.headers
    )
    assert wrong_type.status_code == 422
    read_only = await api.client.put(
        "/api/devices/living-room-sensor/properties/temperature-humidity-sensor.temperature",
        json={"value": 20},
        headers=owner.headers,
    )
    assert read_only.status_code in (404, 422)
    assert api.hub.state.value("living-room-ac", TARGET) == before


async def test_unknown_device_or_path_is_404(api: ApiHarness) -> None:
    owner = await api.owner()
    unknown_device = await api.client.put(
        "/api/devices/toaster/properties/light.on", json={"value": True}, headers=owner.headers
    )
    assert unknown_device.status_code == 404
    assert unknown_device.json()["code"] == "not_found"
    unknown_path = await api.client.put(
        f"{AC}/properties/air-conditioner.warp-drive", json={"value": 1}, headers=owner.headers
    )
    assert unknown_path.status_code == 404
    assert unknown_path.json()["code"] == "unknown_path"
    assert "known properties" in unknown_path.json()["message"]


async def test_call_action(api: ApiHarness) -> None:
    owner = await api.owner()
    answer = await api.client.post(
        "/api/devices/robot-vacuum/actions/vacuum.start-sweep",
        json={"arguments": {}},
        headers=owner.headers,
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["confirmed"] is True
    unknown = await api.client.post(
        "/api/devices/robot-vacuum/actions/vacuum.fly", json={}, headers=owner.headers
    )
    assert unknown.status_code == 404


async def test_commands_are_audited_with_their_result(api: ApiHarness) -> None:
    owner = await api.owner()
    await api.client.put(f"{AC}/properties/{TARGET}", json={"value": 23}, headers=owner.headers)
    await api.client.put(f"{AC}/properties/{TARGET}", json={"value": 99}, headers=owner.headers)
    entries = (await api.client.get("/api/audit", headers=owner.headers)).json()
    commands = [(e["target"], e["result"]) for e in entries if e["action"] == "device.set"]
    assert commands[:2] == [
        ("living-room-ac/air-conditioner.target-temperature", "rejected"),
        ("living-room-ac/air-conditioner.target-temperature", "confirmed"),
    ]
    assert entries[0]["actor"] == "alex"
    assert "above the maximum" in entries[0]["detail"]["error"]


async def test_history_down_sampled(api: ApiHarness) -> None:
    owner = await api.owner()
    await api.clock.advance(60)  # after the simulator's first report of the lamp
    start = api.clock.now()
    for value in (20, 40, 60, 80):
        await api.client.put(
            "/api/devices/desk-lamp/properties/light.brightness",
            json={"value": value},
            headers=owner.headers,
        )
        await api.clock.advance(600)
    await api.flush()
    url = "/api/devices/desk-lamp/history/light.brightness"
    raw = await api.client.get(
        url, params={"since": start, "until": api.clock.now()}, headers=owner.headers
    )
    assert raw.status_code == 200
    assert raw.json()["unit"] == "percentage"
    values = [p["value"] for p in raw.json()["points"]]
    assert values[-4:] == [20, 40, 60, 80]
    two = await api.client.get(
        url,
        params={"since": start, "until": start + 2400, "buckets": 2},
        headers=owner.headers,
    )
    points = two.json()["points"]
    assert [(p["min"], p["max"]) for p in points] == [(20, 40), (60, 80)]
    assert [p["value"] for p in points] == [30, 70]
    unknown = await api.client.get(
        "/api/devices/desk-lamp/history/light.nope", headers=owner.headers
    )
    assert unknown.status_code == 404


async def test_activity_log_lists_commands_of_visible_devices(api: ApiHarness) -> None:
    owner = await api.owner()
    await api.client.put(
        "/api/devices/desk-lamp/properties/light.on", json={"value": True}, headers=owner.headers
    )
    await api.client.put(
        "/api/devices/office-desk-lamp/properties/light.on",
        json={"value": True},
        headers=owner.headers,
    )
    await api.flush()
    events = (await api.client.get("/api/events?space_id=home", headers=owner.headers)).json()
    commands = [e for e in events if e["kind"] == "command"]
    assert commands[0]["device_id"] == "desk-lamp"
    assert commands[0]["payload"]["actor"] == "alex"
    assert all(e["space_id"] == "home" for e in events)
    lamp_only = await api.client.get("/api/events?device_id=desk-lamp", headers=owner.headers)
    assert {e["device_id"] for e in lamp_only.json()} == {"desk-lamp"}
