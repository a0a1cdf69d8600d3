"""Loading automations from YAML: what a user writes, and what they read when it is wrong."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from orbithub.automation import (
    AutomationFileError,
    Mode,
    load_automations,
    load_documents,
    parse_automation,
)
from orbithub.automation.model import (
    CatchUp,
    DelayStep,
    PropertyTrigger,
    RateLimit,
    RepeatStep,
    TimeTrigger,
)
from orbithub.automation.schema_triggers import parse_duration

GOOD = """
automations:
  - id: hallway
    name: Hallway light at night
    mode: restart
    rate_limit: {runs: 10, per: 1m}
    triggers:
      - type: property
        device: motion
        path: motion-sensor.motion-state
        to: true
        for: 5s
      - type: time
        at: "07:30"
        catch_up: run_once
    conditions:
      - type: or
        conditions:
          - type: sun
            after: sunset
          - type: time
            after: "22:00"
            before: "06:00"
    actions:
      - type: set
        device: lamp
        path: light.on
        value: true
      - type: delay
        duration: 2m
      - type: repeat
        count: 2
        actions:
          - type: call
            device: lamp
            action: light.toggle
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_file_becomes_engine_records(tmp_path: Path) -> None:
    (automation,) = load_automations(write(tmp_path, "hall.yaml", GOOD))
    assert automation.mode is Mode.RESTART
    assert automation.rate_limit == RateLimit(10, 60.0)
    assert automation.triggers[0] == PropertyTrigger(
        "motion", "motion-sensor.motion-state", to=True, for_=5.0
    )
    assert automation.triggers[1] == TimeTrigger(time(7, 30), CatchUp.RUN_ONCE)
    assert automation.actions[1] == DelayStep(120.0)
    assert isinstance(automation.actions[2], RepeatStep)


def test_a_folder_loads_every_yaml_file(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", GOOD)
    write(tmp_path, "b.yml", GOOD.replace("id: hallway", "id: porch"))
    write(tmp_path, "notes.txt", "not automations")
    assert [a.id for a in load_automations(tmp_path)] == ["hallway", "porch"]


def test_errors_name_the_file_the_place_and_what_to_write(tmp_path: Path) -> None:
    bad = GOOD.replace("to: true", "to: true\n        abvoe: 3").replace(
        "type: delay", "type: dealy"
    )
    bad = bad.replace('at: "07:30"', 'at: "7h30"').replace(
        "count: 2", "count: 2\n        while: []"
    )
    path = write(tmp_path, "bad.yaml", bad)
    with pytest.raises(AutomationFileError) as caught:
        load_automations(path)
    messages = {issue.path: issue.message for issue in caught.value.issues}
    assert all(issue.source == str(path) for issue in caught.value.issues)
    assert messages["automations[0].triggers[0].abvoe"].startswith(
        "unknown field 'abvoe'; did you mean 'above'?"
    )
    assert "write it quoted as 'HH:MM'" in messages["automations[0].triggers[1].at"]
    assert "did you mean 'delay'?" in messages["automations[0].actions[1]"]
    assert len(caught.value.issues) == 3
    lines = {issue.path: issue.line or 0 for issue in caught.value.issues}
    text = ["", *bad.splitlines()]
    # Each problem names the line it is on, so an editor can jump there.
    assert "abvoe: 3" in text[lines["automations[0].triggers[0].abvoe"]]
    assert "7h30" in text[lines["automations[0].triggers[1].at"]]
    assert "dealy" in text[lines["automations[0].actions[1]"]]
    line = lines["automations[0].triggers[0].abvoe"]
    assert f"{path}:{line}: automations[0].triggers[0].abvoe" in str(caught.value)


def test_nested_errors_and_missing_fields() -> None:
    body = {
        "id": "x",
        "triggers": [{"type": "property", "device": "t", "path": "p", "above": 30, "below": 20}],
        "actions": [
            {
                "type": "choose",
                "options": [{"conditions": [{"type": "not"}], "actions": [{"type": "set"}]}],
            }
        ],
    }
    with pytest.raises(AutomationFileError) as caught:
        parse_automation(body)
    found = {i.path: i.message for i in caught.value.issues}
    assert "must be less than below" in found["triggers[0]"]
    assert found["actions[0].options[0].conditions[0].condition"].startswith(
        "required field 'condition' is missing"
    )
    assert "actions[0].options[0].actions[0].device" in found


def test_duplicate_ids_and_bad_yaml(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", GOOD)
    write(tmp_path, "b.yaml", GOOD)
    with pytest.raises(AutomationFileError, match="id 'hallway' is used twice"):
        load_automations(tmp_path)
    broken = write(tmp_path / "..", "broken.yaml", "automations: [\n")
    with pytest.raises(AutomationFileError, match="line 2: not valid YAML"):
        load_automations(broken)


def test_an_unquoted_time_asks_for_quotes(tmp_path: Path) -> None:
    path = write(tmp_path, "t.yaml", GOOD.replace('at: "07:30"', "at: 7:30"))
    with pytest.raises(AutomationFileError) as caught:
        load_automations(path)
    (issue,) = caught.value.issues
    assert issue.path == "automations[0].triggers[1].at"
    assert "quote it, e.g. at: '07:30'" in issue.message


SCENE = """
scenes:
  - id: night
    name: Good night
    aliases: ALIASES
    values:
      bedroom-lamp: {light.on: false}
"""


def test_scene_aliases_load_as_names_of_the_scene(tmp_path: Path) -> None:
    path = write(tmp_path, "night.yaml", SCENE.replace("ALIASES", '[晚安, " bedtime ", 晚安]'))
    _, (scene,) = load_documents(path)
    assert scene.name == "Good night"
    # Spaces around a name are dropped, a name written twice is kept once.
    assert scene.aliases == ("晚安", "bedtime")
    _, (plain,) = load_documents(
        write(tmp_path, "plain.yaml", SCENE.replace("    aliases: ALIASES\n", ""))
    )
    assert plain.aliases == ()


@pytest.mark.parametrize(
    ("aliases", "where", "says"),
    [
        ("晚安", "scenes[0].aliases", "aliases must be a list of names"),
        ("{zh: 晚安}", "scenes[0].aliases", "aliases must be a list of names"),
        ('[晚安, ""]', "scenes[0].aliases[1]", "an alias cannot be empty"),
        ("[晚安, '  ']", "scenes[0].aliases[1]", "an alias cannot be empty"),
        ("[3, 晚安]", "scenes[0].aliases[0]", "an alias is a name written as text"),
        ("[晚安, null]", "scenes[0].aliases[1]", "an alias is a name written as text"),
    ],
)
def test_bad_scene_aliases_are_refused_with_their_place(
    tmp_path: Path, aliases: str, where: str, says: str
) -> None:
    path = write(tmp_path, "night.yaml", SCENE.replace("ALIASES", aliases))
    with pytest.raises(AutomationFileError) as caught:
        load_documents(path)
    (issue,) = caught.value.issues
    assert (issue.source, issue.path) == (str(path), where)
    assert issue.message.startswith(says)
    assert issue.line == 5


@pytest.mark.parametrize(
    ("text", "seconds"),
    [(90, 90.0), ("90s", 90.0), ("10m", 600.0), ("1h30m", 5400.0), ("00:10:00", 600.0)],
)
def test_durations(text: object, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["soon", "-5", True, "10 minutes"])
def test_bad_durations_say_what_to_write(text: object) -> None:
    with pytest.raises(ValueError, match="write seconds"):
        parse_duration(text)
