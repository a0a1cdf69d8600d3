"""Checking automations against the home: every wrong reference named, with its place."""

from __future__ import annotations

import pytest

from orbithub.automation import AutomationFileError, parse_automations, parse_document
from orbithub.automation.validate import check_automations
from orbithub.core.hub import Hub


def test_missing_devices_paths_actions_and_read_only_writes(hub: Hub) -> None:
    automations = parse_automations(
        {
            "automations": [
                {
                    "id": "a",
                    "triggers": [{"type": "property", "device": "ghost", "path": "x.y"}],
                    "conditions": [
                        {
                            "type": "not",
                            "condition": {
                                "type": "property",
                                "device": "lamp",
                                "path": "light.nope",
                            },
                        }
                    ],
                    "actions": [
                        {
                            "type": "set",
                            "device": "temp",
                            "path": "temperature-humidity-sensor.temperature",
                            "value": 3,
                        },
                        {"type": "call", "device": "lamp", "action": "light.explode"},
                        {"type": "run", "automation": "b"},
                    ],
                }
            ]
        }
    )
    issues = {i.path: i.message for i in check_automations(automations, hub.registry)}
    assert set(issues) == {
        "automations[0].triggers[0]",
        "automations[0].conditions[0].condition",
        "automations[0].actions[0]",
        "automations[0].actions[1]",
        "automations[0].actions[2]",
    }
    assert "no device 'ghost'" in issues["automations[0].triggers[0]"]
    assert "read-only" in issues["automations[0].actions[0]"]
    assert "no automation 'b'" in issues["automations[0].actions[2]"]


def test_scenes_in_yaml_are_checked_against_the_home(hub: Hub) -> None:
    automations, scenes = parse_document(
        {
            "scenes": [
                {
                    "id": "bright",
                    "values": {
                        "lamp": {"light.brightness": 100},
                        "motion": {"motion-sensor.motion-state": True},
                    },
                }
            ],
            "automations": [
                {
                    "id": "a",
                    "triggers": [{"type": "manual"}],
                    "actions": [{"type": "scene", "scene": "dim"}],
                }
            ],
        }
    )
    issues = {
        i.path: i.message for i in check_automations(automations, hub.registry, scenes=scenes)
    }
    assert issues == {
        "automations[0].actions[0]": "no scene 'dim'; known: bright",
        "scenes[0].values.motion": (
            "motion motion-sensor.motion-state cannot be written (it is read-only)"
        ),
    }


def test_a_scene_field_typo_lists_the_fields() -> None:
    with pytest.raises(AutomationFileError) as caught:
        parse_document({"scenes": [{"id": "s", "valeus": {}}]})
    found = {i.path: i.message for i in caught.value.issues}
    assert (
        "did you mean 'values'? allowed here: aliases, id, name, values"
        in found["scenes[0].valeus"]
    )
