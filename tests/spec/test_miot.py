"""Loading, validating and writing MIoT spec v2 documents, against real published files."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from orbithub.spec import (
    Access,
    SpecError,
    SpecFileError,
    Urn,
    dump_spec,
    load_spec,
    load_spec_file,
    parse_urn,
    validate_files,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
# Real files gathered beside the repository; a fresh clone has none, so those tests skip.
SHARED_MIOT = REPO_ROOT / ".." / "shared" / "fixtures" / "miot"
# The Apache-2.0 files copied into the project and its own, so the suite is complete alone.
LOCAL_MIOT = REPO_ROOT / "tests" / "fixtures" / "miot"
LOCAL_FILES = sorted(LOCAL_MIOT.glob("*.json"))
IGNORED_KEYS = {"source", "comment", "gatt-access"}


def _shared_files() -> list[object]:
    files = sorted(SHARED_MIOT.glob("*.json"))
    if not files:
        reason = (
            f"optional extra layer: no recorded MIoT fixtures at {SHARED_MIOT} (a fresh clone "
            "has no ../shared); the project's own fixtures ran"
        )
        return [pytest.param(None, marks=pytest.mark.skip(reason=reason), id="absent")]
    return [pytest.param(f, id=f.name) for f in files]


def _raw(name: str) -> dict[str, object]:
    data = json.loads((LOCAL_MIOT / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _issues(data: object) -> dict[str, str]:
    with pytest.raises(SpecFileError) as info:
        load_spec(data, source="broken.json")
    return {issue.path: issue.message for issue in info.value.issues}


def _normalised(node: object) -> object:
    """What dump_spec should give for a published document: the same, minus what is ignored.

    Extra keys go, a missing description reads as empty, empty actions/events lists and the
    ``none`` unit are left out, and access words come in read, write, notify order.
    """
    if isinstance(node, list):
        return [_normalised(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {k: _normalised(v) for k, v in node.items() if k not in IGNORED_KEYS}
    if "type" in out and "description" not in out and "value" not in out:
        out["description"] = ""
    for key in ("actions", "events"):
        if out.get(key) == []:
            del out[key]
    if out.get("unit") == "none":
        del out["unit"]
    access = out.get("access")
    if isinstance(access, list):
        order = ["read", "write", "notify"]
        out["access"] = sorted(access, key=order.index)
    return out


@pytest.mark.parametrize("path", _shared_files())
def test_every_shared_fixture_loads(path: Path) -> None:
    device = load_spec_file(path)

    assert device.services
    assert device.type.kind == "device"
    for prop in device.properties():
        assert device.property(prop.ids) is prop
        assert device.property(prop.path) is prop


@pytest.mark.parametrize("path", LOCAL_FILES, ids=lambda p: p.name)
def test_local_fixture_loads_and_round_trips(path: Path) -> None:
    raw = json.loads(path.read_text(encoding="utf-8"))
    device = load_spec(raw, source=path.name)

    dumped = dump_spec(device)

    assert dumped == _normalised(raw)
    # Text-level too: integral bounds stay 16, not 16.0, as the published files write them.
    assert json.dumps(dumped, sort_keys=True) == json.dumps(_normalised(raw), sort_keys=True)
    assert load_spec(json.loads(json.dumps(dumped))) == device


def test_local_fixtures_are_present() -> None:
    # The copied fixtures keep the suite meaningful without ../shared; losing them must show.
    assert len(LOCAL_FILES) >= 3


def test_nine_segment_urn_is_kept_whole() -> None:
    urn = parse_urn("urn:miot-spec-v2:device:air-purifier:0000A007:xiaomi-mb5:1:0000D050")

    assert urn == Urn(
        "miot-spec-v2", "device", "air-purifier", "0000A007", "xiaomi-mb5", "1", "0000D050"
    )
    assert str(urn) == "urn:miot-spec-v2:device:air-purifier:0000A007:xiaomi-mb5:1:0000D050"


def test_generic_five_segment_urn_parses() -> None:
    urn = parse_urn("urn:miot-spec-v2:property:on:00000006")

    assert (urn.name, urn.value, urn.model, urn.version) == ("on", "00000006", "", "")
    assert str(urn) == "urn:miot-spec-v2:property:on:00000006"


@pytest.mark.parametrize(
    "text",
    [
        "miot-spec-v2:property:on:00000006:x:1",
        "urn:miot-spec-v2:property:on",
        "urn:miot-spec-v2:property::00000006",
        "urn:a:b:c:d:e:f:g:h",
    ],
)
def test_malformed_urn_is_refused(text: str) -> None:
    with pytest.raises(SpecError, match="not a MIoT URN"):
        parse_urn(text)


def test_mb5_property_urns_may_be_shorter_than_their_service() -> None:
    device = load_spec(_raw("xiaomi.airp.mb5.json"))

    assert device.type.extra == "0000D050"
    assert device.property("air-purifier.on").type.name == "on"
    assert device.property("environment.pm2.5-density").unit == "μg/m3"


def test_plug_extra_keys_are_ignored_and_energy_units_kept() -> None:
    device = load_spec(_raw("xiaomi.plug.04.json"))

    units = {p.unit for p in device.properties()}
    assert {"kWh", "watt"} <= units
    assert "none" not in units


def test_repeated_property_names_get_unique_readable_paths() -> None:
    device = load_spec(_raw("cnhdm.airrtc.wkq01.json"))

    programs = [p for p in device.properties() if p.type.name == "weekly-program"]
    assert len(programs) == 9
    assert len({p.path for p in programs}) == 9
    # The first keeps the plain name, the rest carry their piid.
    assert device.property("function.weekly-program").ids == "4.6"
    assert device.property("function.weekly-program-7").ids == "4.7"
    assert device.property("thermostat.on").ids == "2.3"
    assert device.property("thermostat.on-9").ids == "2.9"


def test_same_property_name_in_two_services_is_addressed_by_service() -> None:
    device = load_spec(_raw("yeelink.bhf_light.v5.json"))

    assert device.property("light.mode").ids == "2.2"
    assert device.property("ptc-bath-heater.mode").ids == "3.1"
    assert device.property("light.brightness").unit == "percentage"


def test_access_words_in_any_order_mean_the_same() -> None:
    data = _raw("yeelink.bhf_light.v5.json")
    prop = data["services"][1]["properties"][0]  # type: ignore[index]
    prop["access"] = ["notify", "write", "read"]

    device = load_spec(data)

    assert device.property("light.on").access == frozenset(Access)


def test_missing_descriptions_and_lists_are_tolerated() -> None:
    data = _raw("yeelink.bhf_light.v5.json")
    del data["description"]
    service = data["services"][2]  # type: ignore[index]
    del service["description"]
    del service["actions"]
    service["properties"][0]["description"] = ""

    device = load_spec(data)

    assert device.description == ""
    assert device.services[2].actions == ()
    assert device.property("ptc-bath-heater.mode").description == ""


def _broken(mutate_path: str, value: object) -> dict[str, str]:
    data = _raw("xiaomi.airp.mb5.json")
    keys = mutate_path.split("/")
    node: object = data
    for key in keys[:-1]:
        node = node[int(key) if key.isdigit() else key]  # type: ignore[index]
    last = keys[-1]
    if value is _DELETE:
        del node[last]  # type: ignore[attr-defined]
    else:
        node[int(last) if last.isdigit() else last] = value  # type: ignore[index]
    return _issues(data)


_DELETE = object()


@pytest.mark.parametrize(
    ("mutation", "value", "path", "message"),
    [
        (
            "services/1/properties/0/format",
            "uint9",
            "$.services[1].properties[0].format",
            "one of bool",
        ),
        (
            "services/1/properties/3/value-range",
            [100, 0, 1],
            "$.services[1].properties[3].value-range",
            "min 100 is greater than max 0",
        ),
        (
            "services/1/properties/3/value-range",
            [0, 100, 0],
            "$.services[1].properties[3].value-range",
            "step must be greater than 0",
        ),
        (
            "services/1/properties/3/value-range",
            [0, 100],
            "$.services[1].properties[3].value-range",
            "[min, max, step]",
        ),
        (
            "services/0/properties/0/value-range",
            [0, 1, 1],
            "$.services[0].properties[0].value-range",
            "bool property cannot have a value-range",
        ),
        (
            "services/0/properties/2/value-list/1/value",
            "1",
            "$.services[0].properties[2].value-list[1].value",
            "expected an integer",
        ),
        (
            "services/0/properties/2/value-list/1",
            "Sleep",
            "$.services[0].properties[2].value-list[1]",
            "expected {value: integer",
        ),
        (
            "services/0/properties/1/iid",
            1,
            "$.services[0].properties[1].iid",
            "property iid 1 is already used by $.services[0].properties[0]",
        ),
        ("services/2/iid", 2, "$.services[2].iid", "service iid 2 is already used"),
        (
            "services/0/properties/0/access",
            ["read", "wrtie"],
            "$.services[0].properties[0].access[1]",
            "unknown access 'wrtie'",
        ),
        ("services/0/type", _DELETE, "$.services[0].type", "missing; expected a service URN"),
        (
            "services/0/type",
            "urn:miot-spec-v2:property:on:00000006",
            "$.services[0].type",
            "a property URN where a service URN belongs",
        ),
        ("services/0/iid", "2", "$.services[0].iid", "expected a positive integer, got text"),
        (
            "services/0/actions/0/in",
            [99],
            "$.services[0].actions[0].in[0]",
            "property iid 99 does not exist in this service",
        ),
        (
            "services/0/properties/0/format",
            _DELETE,
            "$.services[0].properties[0].format",
            "missing",
        ),
        ("services", {"iid": 1}, "$.services", "expected a list of services"),
        ("type", "urn:miot-spec-v2:device", "$.type", "not a MIoT URN"),
        ("description", 5, "$.description", "expected text"),
    ],
)
def test_broken_document_names_the_exact_place(
    mutation: str, value: object, path: str, message: str
) -> None:
    issues = _broken(mutation, value)

    assert path in issues, issues
    assert message in issues[path]


def test_string_property_refuses_a_value_list() -> None:
    data = _raw("xiaomi.airp.mb5.json")
    prop = data["services"][0]["properties"][0]  # type: ignore[index]
    prop["format"] = "string"
    prop["value-list"] = [{"value": 0, "description": "Off"}]

    issues = _issues(data)

    assert (
        "string property cannot have a value-list"
        in issues["$.services[0].properties[0].value-list"]
    )


def test_event_argument_must_exist_in_its_service() -> None:
    data = _raw("cnhdm.airrtc.wkq01.json")
    event_service = next(s for s in data["services"] if s.get("events"))  # type: ignore[attr-defined]
    index = data["services"].index(event_service)  # type: ignore[attr-defined]
    event_service["events"][0]["arguments"] = [404]

    issues = _issues(data)

    assert f"$.services[{index}].events[0].arguments[0]" in issues


def test_every_issue_is_reported_at_once() -> None:
    data = _raw("xiaomi.airp.mb5.json")
    services = data["services"]
    services[0]["properties"][0]["format"] = "boolean"  # type: ignore[index]
    services[1]["properties"][3]["value-range"] = [5, 1, 1]  # type: ignore[index]
    services[3]["iid"] = 0  # type: ignore[index]

    with pytest.raises(SpecFileError) as info:
        load_spec(data, source="mb5-broken.json")

    paths = [issue.path for issue in info.value.issues]
    assert paths == [
        "$.services[0].properties[0].format",
        "$.services[1].properties[3].value-range",
        "$.services[3].iid",
    ]
    assert "mb5-broken.json" in str(info.value)
    assert "3 issue(s)" in str(info.value)


def test_document_that_is_not_an_object_is_refused() -> None:
    assert "expected a JSON object" in _issues([1, 2])["$"]


def test_unit_none_means_no_unit_and_value_list_may_carry_a_unit() -> None:
    data = _raw("xiaomi.airp.mb5.json")
    props = data["services"][0]["properties"]  # type: ignore[index]
    props[0]["unit"] = "none"
    props[2]["unit"] = "minutes"

    device = load_spec(data)

    assert device.property("air-purifier.on").unit is None
    mode = device.property("air-purifier.mode")
    assert mode.unit == "minutes"
    assert mode.value_list


def test_non_contiguous_iids_are_kept() -> None:
    device = load_spec(_raw("xiaomi.airp.mb5.json"))

    assert device.property("environment.temperature").ids == "3.7"
    assert device.property("3.9").path == "environment.pm1"
    assert [p.iid for p in device.services[1].properties] == [1, 7, 3, 4, 5, 9]


def test_load_spec_does_not_change_its_input() -> None:
    data = _raw("xiaomi.plug.04.json")
    before = copy.deepcopy(data)

    load_spec(data)

    assert data == before


def test_validate_files_reports_each_file(tmp_path: Path) -> None:
    good = LOCAL_MIOT / "yeelink.bhf_light.v5.json"
    bad_json = tmp_path / "bad.json"
    bad_json.write_text('{"type": "urn:miot-spec-v2:device:x:1",\n  "services": [,]}\n')
    invalid = tmp_path / "invalid.json"
    invalid.write_text(
        json.dumps({"type": "urn:miot-spec-v2:device:light:0000A001", "services": [{"iid": 1}]})
    )
    missing = tmp_path / "missing.json"

    results = dict(validate_files([good, bad_json, invalid, missing]))

    assert results[str(good)] == []
    [json_issue] = results[str(bad_json)]
    assert json_issue.path == "$"
    assert "line 2, column 16" in json_issue.message
    assert [i.path for i in results[str(invalid)]] == ["$.services[0].type"]
    [read_issue] = results[str(missing)]
    assert read_issue.path == "$"
    assert "cannot read" in read_issue.message


def test_load_spec_file_names_the_file_in_errors(tmp_path: Path) -> None:
    path = tmp_path / "my-device.json"
    path.write_text("{}")

    with pytest.raises(SpecFileError, match=r"my-device\.json") as info:
        load_spec_file(path)

    assert {i.path for i in info.value.issues} == {"$.type", "$.services"}
