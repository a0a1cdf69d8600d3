"""Templates: a mistake is found when the file loads, with the place it is in."""

from __future__ import annotations

from pathlib import Path

import pytest

from orbithub.automation import AutomationFileError, load_automations, parse_automation
from orbithub.automation.templates import TemplateFailed, render, render_value

TEMPLATED = """
automations:
  - id: hello
    triggers: [{type: manual}]
    actions:
      - type: notify
        title: Hello
        message: "{{ trigger.person "
      - type: set
        device: lamp
        path: light.brightness
        value: "{{ brightness }}"
"""


def test_bad_templates_fail_at_load_with_file_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "hello.yaml"
    path.write_text(TEMPLATED, encoding="utf-8")
    with pytest.raises(AutomationFileError) as caught:
        load_automations(path)
    issues = {issue.path: issue for issue in caught.value.issues}
    syntax = issues["automations[0].actions[0].message"]
    assert syntax.message.startswith("template syntax error: ")
    assert syntax.line == 8
    unknown = issues["automations[0].actions[1].value"]
    assert unknown.message == (
        "template uses unknown name(s) brightness; "
        "a template may use automation, now, state, trigger"
    )
    assert unknown.line == 12


def test_a_template_cannot_reach_python_internals() -> None:
    sneaky = "{{ trigger.__class__.__mro__[1].__subclasses__() }}"
    with pytest.raises(TemplateFailed, match="unsafe"):
        render(sneaky, {"trigger": {}})


def test_values_render_to_numbers_and_booleans_when_they_are() -> None:
    names = {"trigger": {"json": {"level": "40", "on": True, "name": "desk"}}}
    assert render_value("{{ trigger.json.level }}", names) == 40
    assert render_value("{{ trigger.json.on | lower }}", names) is True
    assert render_value("{{ trigger.json.name }}", names) == "desk"
    assert render_value(23.5, names) == 23.5


def test_webhook_ids_must_be_hard_to_guess() -> None:
    body = {"id": "x", "triggers": [{"type": "webhook", "id": "door"}], "actions": []}
    with pytest.raises(AutomationFileError) as caught:
        parse_automation(body)
    messages = {i.path: i.message for i in caught.value.issues}
    assert "too short to keep secret" in messages["triggers[0].id"]
